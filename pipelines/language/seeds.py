"""Reference data that analysts extend without programming: `seeds/*.csv`."""
from __future__ import annotations

import csv
import functools
import os
from pathlib import Path

SEEDS_DIR = Path(os.environ.get("LINIMASA_SEEDS", Path(__file__).resolve().parents[2] / "seeds"))


@functools.cache
def read_seed(name: str) -> tuple[dict[str, str], ...]:
    """Rows of `seeds/<name>.csv` as dicts; `#` lines are comments, blank cells become ''."""
    path = SEEDS_DIR / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        return tuple(
            {key.strip(): (value or "").strip() for key, value in row.items() if key is not None}
            for row in csv.DictReader(lines)
        )
