"""Shared fixtures: every test works on temporary folders, never the bundled warehouse."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.corpus import corpus_dir as shared_corpus_dir

CORPUS = shared_corpus_dir()


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS
