"""A fingerprint of the language code and its seeds.

Stored with every processed document, so a change in the rules or reference data
re-extracts everything, while an unchanged run touches nothing.
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from pipelines import settings


@functools.cache
def extractor_version() -> str:
    digest = hashlib.sha256()
    language = settings.PROJECT_ROOT / "pipelines" / "language"
    seeds = settings.PROJECT_ROOT / "seeds"
    files = sorted(
        [*language.rglob("*.py"), *language.rglob("*.crfsuite"), *seeds.glob("*.csv")],
        key=lambda path: path.as_posix(),
    )
    for path in files:
        digest.update(path.relative_to(settings.PROJECT_ROOT).as_posix().encode())
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]
