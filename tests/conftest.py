"""Shared fixtures: every test works on temporary folders, never the bundled warehouse."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

CORPUS = Path(os.environ.get("LINIMASA_CORPUS", Path(__file__).resolve().parents[1].parent / "shared" / "corpus"))


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS
