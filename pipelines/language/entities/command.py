"""`linimasa entities`: named entities as JSON.

    linimasa entities TEXT          -> JSON array of {"start","end","text","type",
                                       "rank","title","actor_id"}
    linimasa entities --jsonl       -> reads {"id","text"} lines on stdin,
                                       writes {"id","entities":[...]} lines on stdout
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import IO

from ..jsonl import RecordError, bounded_lines, load_record, too_long_message
from ..text import normalise
from . import recognise_entities


def entities_json(text: str) -> list[dict]:
    return [entity.to_json() for entity in recognise_entities(text)]


def run_jsonl(source: IO[str], sink: IO[str]) -> int:
    """One output line per input line; a bad line yields an error record, not a crash."""
    failures = 0
    for number, line in bounded_lines(source):
        if line is not None and not line.strip():
            continue
        record = None
        try:
            if line is None:
                raise RecordError(too_long_message())
            record = load_record(line)
            text = record.get("text") or ""
            if not isinstance(text, str):
                raise RecordError('"text" is not a string')
            out = {"id": record.get("id"), "entities": entities_json(text)}
        except (RecordError, RecursionError, MemoryError) as error:
            failures += 1
            record_id = record.get("id") if isinstance(record, dict) else None
            out = {"id": record_id, "line": number, "error": str(error) or type(error).__name__}
        sink.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="linimasa entities", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jsonl", action="store_true", help="read {id,text} JSON lines on stdin")
    parser.add_argument("text", nargs="*", help="text to analyse (default: stdin)")
    args = parser.parse_args(argv)
    if args.jsonl:
        return run_jsonl(sys.stdin, sys.stdout)
    text = " ".join(args.text) if args.text else sys.stdin.read()
    json.dump(entities_json(normalise(text)), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
