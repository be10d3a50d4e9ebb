"""A folder of hostile article files, made from a seed, for the reliability probes.

Each kind is what a crawler, a copy from a broken share or a malicious contributor can
leave in the article folder: deeply nested JSON, lines of several MB, NUL bytes, broken
YAML front matter, binary files, symbolic-link loops and links out of the folder, file
names that are not UTF-8. `expected_entries` lists what the run must account for.
"""
from __future__ import annotations

import json
import os
import random
from pathlib import Path

STORY = ("Jakarta - Polisi memulangkan {n} WNI korban penipuan kerja dari Kamboja pada Senin (14/4/2025). "
         "Kadiv Hubinter Polri bertemu Kepolisian Kamboja di Phnom Penh.")


def _story(rng: random.Random) -> str:
    return STORY.format(n=rng.randint(2, 999))


def _deep_json(rng) -> bytes:
    depth = rng.randint(1500, 20000)
    opener, closer = rng.choice([("[", "]"), ('{"a":', "}")])
    return (opener * depth + "1" + closer * depth).encode()


def _jsonl(rng, bad_line: bytes) -> bytes:
    good = [json.dumps({"id": f"r{i}", "text": _story(rng)}).encode() for i in range(rng.randint(0, 3))]
    lines = [*good, bad_line]
    rng.shuffle(lines)
    return b"\n".join(lines) + b"\n"


KINDS = {
    "deep_json": lambda rng: ("jsonl", _jsonl(rng, _deep_json(rng))),
    "deep_json_text": lambda rng: ("jsonl", _jsonl(rng, b'{"text": ' + _deep_json(rng) + b"}")),
    "huge_line": lambda rng: ("jsonl", _jsonl(rng, b'{"text": "' + b"a" * (2 * 1024 * 1024 + rng.randint(1, 9999)) + b'"}')),
    "nul_json": lambda rng: ("jsonl", _jsonl(rng, json.dumps({"text": "Berita\x00" + _story(rng)}).encode())),
    "nul_text": lambda rng: (rng.choice(["md", "txt"]), _story(rng).encode() * rng.randint(1, 300) + b"\x00" + b"sisa"),
    "binary": lambda rng: (rng.choice(["md", "txt", "jsonl"]), bytes(rng.randrange(256) for _ in range(rng.randint(10, 4000)))),
    "bad_yaml": lambda rng: ("md", rng.choice([
        b"---\ntitle: [tidak ditutup\n---\n", b"---\ntitle: *alias_hilang\n---\n", b"---\n- daftar\n---\n",
        b"---\ntitle: a\n  b: c\n---\n", b"---\npublished: 2025-02-31\n---\n", b"---\ntitle: tanpa penutup\n",
        b"---\ntitle: " + b"[" * 5000 + b"\n---\n", b"---\n\t\ttab: x\n---\n",
    ]) + _story(rng).encode()),
    "bad_json": lambda rng: ("jsonl", _jsonl(rng, rng.choice([b"{", b"[1,2]", b'"teks"', b'{"text": 5}', b"\xff\xfe{}", b"null"]))),
    "bad_utf8": lambda rng: (rng.choice(["md", "txt"]), _story(rng).encode() + b"\x81\x8d\x8f\x90\x9d" * rng.randint(1, 50)),
    "empty": lambda rng: (rng.choice(["md", "txt", "jsonl"]), rng.choice([b"", b"   \n\n", b"---\n---\n"])),
    "control_chars": lambda rng: ("md", bytes(rng.choice([1, 2, 3, 7, 8, 27]) for _ in range(rng.randint(50, 500)))),
    "good": lambda rng: (rng.choice(["md", "txt"]), _story(rng).encode()),
}


def build(folder: Path, n_files: int = 220, seed: int = 8) -> Path:
    """`n_files` hostile files (each kind in turn, details drawn from `seed`) plus links."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    kinds = sorted(KINDS)
    for number in range(n_files):
        kind = kinds[number % len(kinds)]
        suffix, content = KINDS[kind](rng)
        sub = folder / f"k{number % 7}" if number % 3 else folder
        sub.mkdir(exist_ok=True)
        (sub / f"{kind}-{number:03d}.{suffix}").write_bytes(content)
    outside = folder.parent / f"{folder.name}-outside"
    outside.mkdir(exist_ok=True)
    (outside / "passwd.md").write_text("root:x:0:0:root:/root:/bin/bash\n")
    links = folder / "links"
    links.mkdir(exist_ok=True)
    (links / "to-parent").symlink_to(folder)                    # loop to an ancestor
    (links / "to-self").symlink_to(links)                       # loop to itself
    (links / "a.md").symlink_to(links / "b.md")                 # a circle of two links
    (links / "b.md").symlink_to(links / "a.md")
    (links / "dangling.md").symlink_to(folder / "tidak-ada.md")
    (links / "passwd.md").symlink_to(outside / "passwd.md")     # out of the folder
    (links / "outside-dir").symlink_to(outside)
    (links / "k0").symlink_to(folder / "k0")                    # a linked folder inside: read
    (links / "good.md").symlink_to(next(folder.rglob("good-*")))  # a linked file inside: read
    os.mkfifo(links / "pipe.md")
    (folder / os.fsdecode(b"nama-\xff\xfe.md")).write_bytes(_story(rng).encode())  # a name that is not UTF-8
    return folder


def expected_entries(folder: Path) -> list[str]:
    """Every entry the run must answer for: each file, and each symbolic link (not followed),
    as a path relative to `folder` in the form the warehouse shows it."""
    entries = []
    for directory, subdirs, files in os.walk(folder):
        base = Path(directory)
        names = files + [name for name in subdirs if (base / name).is_symlink()]
        for name in names:
            relative = (base / name).relative_to(folder).as_posix()
            entries.append(os.fsencode(relative).decode("utf-8", "backslashreplace"))
    return sorted(entries)


def unaccounted(entries: list[str], source_paths: set[str], rejected_paths: set[str]) -> list[str]:
    """Entries found in neither table: a file by its path, a .jsonl by any `path:line`,
    a linked folder by any path below it."""
    seen = source_paths | rejected_paths
    prefixes = {path.rsplit(":", 1)[0] for path in seen}
    missing = []
    for entry in entries:
        if entry in seen or entry in prefixes or any(path.startswith(entry + "/") for path in seen):
            continue
        missing.append(entry)
    return missing
