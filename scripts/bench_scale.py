"""How `linimasa run` scales with the corpus: `make bench-scale`.

Builds replicas of the shared IndoSum articles (`../shared/corpus/indosum/articles.jsonl`,
2,997 real articles) at each size: the first 2,997 are the articles as they are; each
further copy gets one extra paragraph of letters-only words spelling its number, so every
replica is a distinct document (its own id, its own extraction) with real text around it.
Articles go 1,000 to a .jsonl file.

For each size, on a fresh warehouse and DAGSTER_HOME, it runs the real command in a
subprocess, three times: a cold run, an unchanged rerun, and a run after 100 articles
were edited and 100 added. Per run it prints wall time, CPU (user + sys of the command and
every process it waited for, the extraction workers included), the peak RSS of the largest
single process and of the whole process tree (sampled every 0.1 s), the size of the
published warehouse, and how many times the public file was replaced (its inode changes).

    .venv/bin/python scripts/bench_scale.py                    # 1k and 10k
    .venv/bin/python scripts/bench_scale.py --sizes 10000,100000
    .venv/bin/python scripts/bench_scale.py --sizes 1000000    # about an hour here
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINIMASA = Path(sys.executable).with_name("linimasa")
sys.path.insert(0, str(ROOT))
from pipelines.corpus import corpus_dir  # noqa: E402

PER_FILE = 1000
LETTERS = "abcdefghijklmnopqrstuvwxyz"
CHANGED = 100


def number_words(number: int) -> str:
    """`number` spelt in base 26 with letters only, as a few words: 27 → 'kata bb ...'."""
    digits = ""
    while True:
        number, rest = divmod(number, 26)
        digits = LETTERS[rest] + digits
        if number == 0:
            break
    return " ".join(f"{syllable}{digits}" for syllable in ("arsip", "nomor", "salinan"))


def read_source(source: Path) -> list[dict]:
    with source.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def replica_record(base: dict, index: int, total_base: int, extra: str = "") -> dict:
    copy, _ = divmod(index, total_base)
    text = base["text"]
    if copy:
        text += f"\n\nCatatan {number_words(index)}."
    if extra:
        text += f"\n\n{extra}"
    record = {key: base[key] for key in ("title", "url", "source", "published") if base.get(key)}
    return {"id": f"{base['id']}-{index}", **record, "text": text}


def write_replica(source: Path, folder: Path, size: int) -> int:
    """`size` articles in .jsonl files of PER_FILE under `folder`."""
    bases = read_source(source)
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, size, PER_FILE):
        with (folder / f"replica-{start // PER_FILE:05d}.jsonl").open("w", encoding="utf-8") as out:
            for index in range(start, min(start + PER_FILE, size)):
                out.write(json.dumps(replica_record(bases[index % len(bases)], index, len(bases)), ensure_ascii=False) + "\n")
    return size


def edit_and_add(source: Path, folder: Path, size: int) -> None:
    """Edit the first CHANGED articles (a sentence appended) and add CHANGED new ones."""
    bases = read_source(source)
    first = folder / "replica-00000.jsonl"
    lines = first.read_text(encoding="utf-8").splitlines()
    for index in range(min(CHANGED, len(lines))):
        record = json.loads(lines[index])
        record["text"] += "\n\nBerita ini telah diperbarui redaksi."
        lines[index] = json.dumps(record, ensure_ascii=False)
    first.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (folder / "replica-new.jsonl").open("w", encoding="utf-8") as out:
        for offset in range(CHANGED):
            index = size + offset
            record = replica_record(bases[index % len(bases)], index, len(bases), extra=f"Tambahan {number_words(index)}.")
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(entry), int(fields[1])
        children.setdefault(parent, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


# Another checkout of the project (an older commit, to measure a baseline) run with this
# environment: the editable install's import hook is dropped so `pipelines` comes from it.
OTHER_CHECKOUT = (
    "import sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f)]; "
    "sys.path.insert(0, sys.argv[1]); from pipelines.cli import main; sys.exit(main(['run']))"
)


def command(project: Path | None) -> list[str]:
    return [str(LINIMASA), "run"] if project is None else [sys.executable, "-c", OTHER_CHECKOUT, str(project)]


def measured_run(env: dict, warehouse: Path, project: Path | None = None) -> dict:
    """One `linimasa run`: wall, CPU, peak RSS (largest process and tree), public file replacements."""
    inode = warehouse.stat().st_ino if warehouse.exists() else None
    replaced, tree_peak = 0, 0
    started = time.perf_counter()
    errors = tempfile.TemporaryFile()  # a file, not a pipe: a full pipe would stall the run
    process = subprocess.Popen(command(project), env=env, stdout=subprocess.DEVNULL, stderr=errors)
    while True:
        # wait4 gives this run's own rusage: CPU of the command and every process it waited
        # for (the extraction workers), and the peak RSS of the largest of them
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        tree_peak = max(tree_peak, tree_rss(process.pid))
        current = warehouse.stat().st_ino if warehouse.exists() else None
        if current != inode:
            replaced, inode = replaced + 1, current
        time.sleep(0.1)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    current = warehouse.stat().st_ino if warehouse.exists() else None
    if current != inode:
        replaced += 1
    if process.returncode != 0:
        errors.seek(0)
        raise SystemExit(f"linimasa run failed:\n{errors.read().decode(errors='replace')[-2000:]}")
    return {
        "wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "largest": usage.ru_maxrss * 1024,
        "tree_peak": tree_peak, "replaced": replaced, "size": warehouse.stat().st_size,
    }


def bench_size(source: Path, size: int, workdir: Path, project: Path | None = None, cold_only: bool = False):
    articles, warehouse, home = workdir / "articles", workdir / "linimasa.duckdb", workdir / "dagster_home"
    write_replica(source, articles, size)
    home.mkdir()
    shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    env = {**os.environ, "LINIMASA_ARTICLES": str(articles), "LINIMASA_WAREHOUSE": str(warehouse), "DAGSTER_HOME": str(home)}
    runs = [("cold", None), ("unchanged rerun", None), (f"{CHANGED} edited + {CHANGED} new", edit_and_add)]
    for label, prepare in runs[:1] if cold_only else runs:
        if prepare:
            prepare(source, articles, size)
        figures = measured_run(env, warehouse, project)
        yield (size, label, figures["wall"], figures["cpu"], figures["largest"], figures["tree_peak"], figures["size"], figures["replaced"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts (default 1000,10000)")
    parser.add_argument("--project", type=Path, help="measure another checkout of the project (e.g. an older commit) instead")
    parser.add_argument("--cold-only", action="store_true", help="only the cold run of each size")
    parser.add_argument("--workdir", help="where replicas and warehouses go (default: a temporary folder)")
    args = parser.parse_args()
    source = corpus_dir() / "indosum" / "articles.jsonl"
    if not source.is_file():
        raise SystemExit(f"IndoSum articles not found at {source}")
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"== linimasa run at scale ({os.cpu_count()} cores, LINIMASA_WORKERS={os.environ.get('LINIMASA_WORKERS', 'all')})")
    print("peak RSS: largest process (wait4) / whole tree (sampled); copies: times the public file was replaced")
    print(f"| articles | run | wall | CPU (user+sys) | CPU/wall | peak RSS largest | peak RSS tree | warehouse | copies |")
    print("|---|---|---|---|---|---|---|---|---|")
    for size in sorted(sizes):
        with tempfile.TemporaryDirectory(dir=args.workdir) as workdir:
            for articles, label, wall, cpu, largest, tree, warehouse, copies in bench_size(source, size, Path(workdir), args.project, args.cold_only):
                print(f"| {articles:,} | {label} | {wall:.1f} s | {cpu:.1f} s | {cpu / wall:.2f} | {largest / 2**20:.0f} MiB "
                      f"| {tree / 2**20:.0f} MiB | {warehouse / 2**20:.1f} MiB | {copies} |", flush=True)


if __name__ == "__main__":
    main()
