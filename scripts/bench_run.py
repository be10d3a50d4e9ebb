"""Wall time of `linimasa run`: a first run on a fresh warehouse, then a run with nothing changed.

Runs the real command in a subprocess (imports included, as a user would see it) on the
bundled articles, and on a larger batch built from the shared kumparan sentences when
that corpus is present. Prints seconds and the first/second ratio.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("LINIMASA_CORPUS", ROOT.parent / "shared" / "corpus"))
LINIMASA = Path(sys.executable).with_name("linimasa")
NO_SPACE_BEFORE = set(",.;:!?)%")
BATCH_ARTICLES = 500
SENTENCES_PER_ARTICLE = 15


def timed_run(articles: Path, workdir: Path) -> float:
    env = {
        **os.environ,
        "LINIMASA_ARTICLES": str(articles),
        "LINIMASA_WAREHOUSE": str(workdir / "linimasa.duckdb"),
        "DAGSTER_HOME": str(workdir / "dagster_home"),
    }
    (workdir / "dagster_home").mkdir(exist_ok=True)
    (workdir / "dagster_home" / "dagster.yaml").write_text((ROOT / ".dagster_home" / "dagster.yaml").read_text())
    started = time.perf_counter()
    subprocess.run([str(LINIMASA), "run"], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def kumparan_batch(folder: Path) -> int:
    sentences, tokens = [], []
    for line in (CORPUS / "kumparan" / "sentences-postag.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                sentences.append(_join(tokens))
                tokens = []
            continue
        tokens.append(line.split("\t")[0])
    needed = BATCH_ARTICLES * SENTENCES_PER_ARTICLE
    with (folder / "kumparan.jsonl").open("w", encoding="utf-8") as out:
        for index in range(0, min(needed, len(sentences)), SENTENCES_PER_ARTICLE):
            text = " ".join(sentences[index:index + SENTENCES_PER_ARTICLE])
            out.write(json.dumps({"id": f"k{index}", "title": sentences[index][:80], "text": text, "published": "2019-06-01"}) + "\n")
    return min(needed, len(sentences)) // SENTENCES_PER_ARTICLE


def _join(tokens: list[str]) -> str:
    text = ""
    for token in tokens:
        if text and token not in NO_SPACE_BEFORE and not text.endswith("("):
            text += " "
        text += token
    return text


def bench(label: str, articles: Path) -> None:
    with tempfile.TemporaryDirectory() as workdir:
        first = timed_run(articles, Path(workdir))
        second = timed_run(articles, Path(workdir))
    print(f"{label:<28} first run {first:6.1f} s   unchanged re-run {second:6.1f} s   ratio {first / second:4.1f}x")


def main() -> None:
    print("== linimasa run (subprocess, wall time; bars: first < 30 s, unchanged < 10 s)")
    bench(f"bundled articles ({sum(1 for p in (ROOT / 'seeds' / 'articles').rglob('*') if p.is_file())} files)", ROOT / "seeds" / "articles")
    if (CORPUS / "kumparan").is_dir():
        with tempfile.TemporaryDirectory() as folder:
            count = kumparan_batch(Path(folder))
            bench(f"kumparan batch ({count} articles)", Path(folder))
    else:
        print(f"kumparan corpus not found at {CORPUS}; batch figure skipped")


if __name__ == "__main__":
    main()
