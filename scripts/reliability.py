"""`make reliability`: the crash, fuzz and determinism probes, with their figures.

    python scripts/reliability.py [--kills N] [--articles DIR | --indosum N] [--fuzz-files N] [--seed S]

1. kill -9: a run from the "before" articles is published; then, N times, the public and
   working files are put back to that state, a run on the "after" articles (before plus
   more) is killed at a random moment, and a new run is started on the same DAGSTER_HOME.
   Counted: reruns that finish (goal N/N) and public files that were, right after the
   kill, equal to the "before" or the "after" warehouse table for table (goal N/N; this
   needs the publish-once change, see the README).
2. fuzz: a folder of hostile files (tests/hostile_corpus.py) through `linimasa run`;
   counted: entries found in documents.source_paths or rejected_documents (goal 100%).
3. determinism: two clean runs with different hash seeds; counted: tables whose
   checksums differ (goal 0).
Each run is a separate `linimasa run` process on temporary folders; nothing in the
project's warehouse or .dagster_home is touched. Exit code 1 when a goal is missed.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests"))

import duckdb  # noqa: E402

import hostile_corpus  # noqa: E402
from pipelines.corpus import corpus_dir  # noqa: E402
from pipelines.warehouse.checksums import differing, warehouse_checksums  # noqa: E402
from pipelines.warehouse.schema import FOLDER_STATE_TABLES  # noqa: E402


class Workspace:
    """A DAGSTER_HOME, a warehouse and an article folder of its own."""

    def __init__(self, root: Path, articles: Path):
        self.root = root
        self.home = root / "dagster_home"
        self.home.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT / ".dagster_home" / "dagster.yaml", self.home / "dagster.yaml")
        self.warehouse = root / "warehouse" / "linimasa.duckdb"
        self.working = self.warehouse.parent / ".work" / self.warehouse.name
        self.articles = articles

    def env(self, hash_seed: int = 0) -> dict[str, str]:
        return {**os.environ, "DAGSTER_HOME": str(self.home), "LINIMASA_WAREHOUSE": str(self.warehouse),
                "LINIMASA_ARTICLES": str(self.articles), "PYTHONHASHSEED": str(hash_seed)}

    def start(self, hash_seed: int = 0) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "pipelines.cli", "run"], cwd=PROJECT, env=self.env(hash_seed),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def run(self, timeout: float, hash_seed: int = 0) -> tuple[bool, float, str]:
        started = time.monotonic()
        process = self.start(hash_seed)
        try:
            _, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            _, err = process.communicate()
            return False, time.monotonic() - started, f"did not finish in {timeout:.0f} s\n{err[-1500:]}"
        return process.returncode == 0, time.monotonic() - started, err[-1500:]

    def checksums(self) -> dict[str, str] | None:
        """Checksums of what the warehouse holds, leaving out where its article folder lies
        (the reference run reads the same articles from another folder)."""
        try:
            sums = warehouse_checksums(self.warehouse)
        except (duckdb.Error, OSError):
            return None
        return {table: value for table, value in sums.items() if table not in FOLDER_STATE_TABLES}


def split_articles(source: Path, before: Path, after: Path) -> None:
    """`after` is `source`; `before` keeps the first half of each .jsonl and every other file."""
    shutil.copytree(source, after, symlinks=True)
    before.mkdir(parents=True)
    files = sorted(path for path in after.rglob("*") if path.is_file())
    for number, path in enumerate(files):
        target = before / path.relative_to(after)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".jsonl":
            lines = path.read_bytes().splitlines(keepends=True)
            target.write_bytes(b"".join(lines[: max(1, len(lines) // 2)]))
        elif number % 2 == 0:
            shutil.copy(path, target)


def use_articles(folder: Path, articles: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(articles, folder, symlinks=True)


def kill_probe(root: Path, articles: Path, kills: int, rng: random.Random) -> dict:
    split_articles(articles, root / "before", root / "after")
    reference = Workspace(root / "reference", root / "after")
    ok, full_run, err = reference.run(timeout=3600)
    if not ok:
        raise SystemExit(f"reference run failed: {err}")
    after = reference.checksums()
    probe = Workspace(root / "probe", root / "articles")
    use_articles(probe.articles, root / "before")
    ok, _, err = probe.run(timeout=3600)
    if not ok:
        raise SystemExit(f"'before' run failed: {err}")
    before = probe.checksums()
    saved = root / "saved"
    saved.mkdir()
    shutil.copy(probe.warehouse, saved / "public.duckdb")
    shutil.copy(probe.working, saved / "working.duckdb")
    use_articles(probe.articles, root / "after")
    outcomes = []
    for _ in range(kills):
        shutil.copy(saved / "public.duckdb", probe.warehouse)
        shutil.copy(saved / "working.duckdb", probe.working)
        at = rng.uniform(0.05, 0.95) * full_run
        process = probe.start()
        time.sleep(at)
        process.send_signal(signal.SIGKILL)
        process.wait()
        state = probe.checksums()
        public = "before" if state == before else "after" if state == after else "mixed"
        changed = differing(before, state or {}) if public == "mixed" else []
        ok, seconds, err = probe.run(timeout=max(600.0, 10 * full_run))
        final_ok = ok and probe.checksums() == after
        outcomes.append({"at": at, "public": public, "changed": changed, "rerun_ok": ok, "rerun_equals_after": final_ok,
                         "rerun_seconds": seconds, "error": "" if ok else err})
        print(f"  kill at {at:5.1f} s: public file {public}{' ' + ','.join(changed[:6]) if changed else ''}; "
              f"rerun {'finished' if ok else 'FAILED'} in {seconds:.0f} s{', equals after' if final_ok else ''}", flush=True)
    return {"full_run": full_run, "outcomes": outcomes}


def fuzz_probe(root: Path, n_files: int, seed: int) -> dict:
    folder = hostile_corpus.build(root / "artikel", n_files=n_files, seed=seed)
    entries = hostile_corpus.expected_entries(folder)
    workspace = Workspace(root, folder)
    ok, _, err = workspace.run(timeout=1800)
    if not ok:
        return {"entries": len(entries), "accounted": 0, "error": err}
    with duckdb.connect(str(workspace.warehouse), read_only=True) as conn:
        loaded = {path for (paths,) in conn.execute("select source_paths from documents").fetchall() for path in paths}
        rejected = {path for (path,) in conn.execute("select source_path from rejected_documents").fetchall()}
    missing = hostile_corpus.unaccounted(entries, loaded, rejected)
    return {"entries": len(entries), "accounted": len(entries) - len(missing), "missing": missing[:10]}


def determinism_probe(root: Path, articles: Path) -> dict:
    sums = []
    for seed in (1, 2):
        workspace = Workspace(root / f"run{seed}", articles)
        ok, _, err = workspace.run(timeout=3600, hash_seed=seed)
        if not ok:
            raise SystemExit(f"clean run failed: {err}")
        sums.append(workspace.checksums())
    return {"tables": len(sums[0]), "differing": differing(*sums)}


def indosum_folder(root: Path, n: int) -> Path:
    source = corpus_dir() / "indosum" / "articles.jsonl"
    if not source.is_file():
        raise SystemExit(f"IndoSum not found at {source}")
    folder = root / "indosum"
    folder.mkdir(parents=True)
    with source.open("rb") as lines, (folder / f"indosum-{n}.jsonl").open("wb") as out:
        for number, line in enumerate(lines):
            if number == n:
                break
            out.write(line)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=int(os.environ.get("KILLS", 3)))
    parser.add_argument("--articles", type=Path, default=PROJECT / "seeds" / "articles")
    parser.add_argument("--indosum", type=int, default=0, help="use the first N shared IndoSum articles instead")
    parser.add_argument("--fuzz-files", type=int, default=220)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--skip", nargs="*", default=[], choices=["kill", "fuzz", "determinism"])
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="linimasa-reliability-") as tmp:
        root = Path(tmp)
        articles = indosum_folder(root, args.indosum) if args.indosum else args.articles.resolve()
        rows, missed = [], []
        if "kill" not in args.skip:
            print(f"kill -9 probe: {args.kills} kill(s) on {articles}", flush=True)
            kills = kill_probe(root / "kill", articles, args.kills, rng)
            finished = sum(o["rerun_ok"] for o in kills["outcomes"])
            clean = sum(o["public"] != "mixed" for o in kills["outcomes"])
            rows.append(("kill -9 then rerun: reruns that finish", f"{finished}/{args.kills}", f"{args.kills}/{args.kills}"))
            rows.append(("kill -9: public file equal to before or after", f"{clean}/{args.kills}", f"{args.kills}/{args.kills}"))
            missed += [name for name, ok in (("rerun", finished == args.kills), ("never mixed", clean == args.kills)) if not ok]
        if "fuzz" not in args.skip:
            print(f"fuzz probe: {args.fuzz_files} hostile files", flush=True)
            fuzz = fuzz_probe(root / "fuzz", args.fuzz_files, args.seed)
            share = 100 * fuzz["accounted"] / max(fuzz["entries"], 1)
            rows.append(("fuzz corpus: entries accounted", f"{fuzz['accounted']}/{fuzz['entries']} ({share:.0f}%)", "100%"))
            if fuzz["accounted"] != fuzz["entries"]:
                missed.append("fuzz")
                print(f"  unaccounted: {fuzz.get('missing') or fuzz.get('error')}")
        if "determinism" not in args.skip:
            print(f"determinism probe: two clean runs on {articles}", flush=True)
            same = determinism_probe(root / "determinism", articles)
            rows.append(("two clean runs: tables with differing checksums",
                         f"{len(same['differing'])} of {same['tables']}", "0"))
            if same["differing"]:
                missed.append("determinism")
                print(f"  differing: {same['differing']}")
    print("\n| probe | measured | goal |\n|---|---|---|")
    for name, measured, goal in rows:
        print(f"| {name} | {measured} | {goal} |")
    if missed:
        print(f"\ngoals missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
