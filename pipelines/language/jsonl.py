"""JSON lines read defensively: a bad line is an error for that line, never for the stream.

Shared by `linimasa dates --jsonl`, `linimasa entities --jsonl` and the `.jsonl` reader at
ingest. Two inputs break a naive `for line in f: json.loads(line)`:
  - a line of 1,500 nested `[` raises RecursionError inside the JSON parser;
  - one 3 GB line without a newline is read whole into memory before anything is parsed.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, AnyStr

# A news story is a few KB; one line longer than this (2 MiB, the article limit at
# ingest) is a dump or a missing newline, and is skipped without being held in memory.
MAX_LINE_CHARS = 2 * 1024 * 1024


class RecordError(ValueError):
    """A line that is not a usable JSON object; the message says why."""


def bounded_lines(stream: IO[AnyStr], limit: int | None = None) -> Iterator[tuple[int, AnyStr | None]]:
    """(line number, line) pairs; a line longer than `limit` comes as (number, None) and is
    read past in pieces of `limit`, so memory stays bounded whatever the input."""
    limit = limit or MAX_LINE_CHARS
    newline = "\n" if not isinstance(stream.read(0), bytes) else b"\n"
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(newline):
            while True:
                rest = stream.readline(limit)
                if not rest or rest.endswith(newline):
                    break
            yield number, None
        else:
            yield number, line


def load_record(line: str | bytes) -> dict:
    """One JSON object, or RecordError with the reason (never RecursionError or MemoryError)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise RecordError(f"invalid JSON: {error.msg} at column {error.colno}") from None
    except RecursionError:
        raise RecordError("JSON nested too deeply to read (over ~1,000 levels of [ or {)") from None
    except MemoryError:
        raise RecordError("line too large to parse in memory") from None
    except UnicodeDecodeError as error:
        raise RecordError(f"line is not valid UTF-8: {error.reason} at byte {error.start}") from None
    if not isinstance(record, dict):
        raise RecordError(f"line is a JSON {type(record).__name__}, not an object")
    return record


def too_long_message(limit: int | None = None) -> str:
    limit = limit or MAX_LINE_CHARS
    return f"line is longer than {limit} characters; skipped without reading it whole"
