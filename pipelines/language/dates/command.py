"""`linimasa dates`: the date tagger on the command line.

    linimasa dates [--anchor YYYY-MM-DD] [TEXT]     TEXT or stdin -> JSON array of mentions
    linimasa dates --jsonl [--anchor YYYY-MM-DD]    {"id","text","anchor"} lines -> {"id","mentions"} lines

Without --anchor (or a line's "anchor"), the anchor is inferred from the text (dateline,
else the latest explicit date) and falls back to today. Imports nothing heavy, so the
command starts fast.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TextIO

from pipelines.language.dates.anchor import infer_anchor
from pipelines.language.dates.tagger import tag_dates
from pipelines.language.jsonl import bounded_lines, load_record, too_long_message


def main(argv: list[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    parser = argparse.ArgumentParser(prog="linimasa dates", description="Tag dates in Indonesian text.")
    parser.add_argument("--anchor", type=_parse_date, help="anchor date, YYYY-MM-DD (default: inferred, else today)")
    parser.add_argument("--jsonl", action="store_true", help='read {"id","text","anchor"} lines from stdin')
    parser.add_argument("text", nargs="?", help="text to tag (default: stdin)")
    args = parser.parse_args(argv)

    if args.jsonl:
        failures = 0
        for number, line in bounded_lines(stdin):
            if line is None:
                record = {"id": None, "line": number, "error": too_long_message()}
            elif line.strip():
                record = _tag_line(line, args.anchor)
            else:
                continue
            if "error" in record:
                failures += 1
                record.setdefault("line", number)
            stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 1 if failures else 0  # as `linimasa entities --jsonl`: every line answered, exit says if any failed
    text = args.text if args.text is not None else stdin.read()
    mentions = tag_dates(text, args.anchor or _default_anchor(text))
    json.dump([m.to_json() for m in mentions], stdout, ensure_ascii=False, indent=2)
    stdout.write("\n")
    return 0


def _tag_line(line: str, anchor: dt.date | None) -> dict:
    """One output record; a bad line becomes an error record so the stream keeps going."""
    record = None
    try:
        record = load_record(line)
        if not isinstance(record.get("text"), str):
            raise ValueError('expected an object with a "text" string')
        if record.get("anchor"):
            anchor = _parse_date(str(record["anchor"])[:10])
        text = record["text"]
        mentions = tag_dates(text, anchor or _default_anchor(text))
        return {"id": record.get("id"), "mentions": [m.to_json() for m in mentions]}
    except (ValueError, argparse.ArgumentTypeError, RecursionError, MemoryError) as error:
        record_id = record.get("id") if isinstance(record, dict) else None
        return {"id": record_id, "error": str(error)}


def _default_anchor(text: str) -> dt.date:
    inferred, _origin = infer_anchor(text)
    return inferred or dt.date.today()


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from error


if __name__ == "__main__":
    raise SystemExit(main())
