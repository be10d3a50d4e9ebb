"""The `linimasa` command: dispatch, and the language commands staying free of Dagster."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipelines.cli import main


def run_python(code: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("argv", "stdin"),
    [
        (["dates", "--anchor", "2025-04-20", "Rapat digelar Senin (14/4/2025) dan berlanjut pekan lalu."], ""),
        (["entities", "--jsonl"], json.dumps({"id": "x", "text": "Kapolri bertemu Kepala Kepolisian Kamboja di Phnom Penh."}) + "\n"),
    ],
)
def test_language_commands_do_not_load_dagster_or_duckdb(argv, stdin):
    code = (
        "import sys; from pipelines.cli import main; code = main(%r); "
        "heavy = sorted(m for m in ('dagster', 'duckdb', 'pandas') if m in sys.modules); "
        "print('HEAVY', heavy, file=sys.stderr); sys.exit(code)" % (argv,)
    )
    result = run_python(code, stdin)
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stderr
    assert result.stdout.strip()


def test_dates_command_prints_the_range_with_offsets():
    text = "Pertemuan berlangsung pada 7–13 April 2025 di Phnom Penh."
    result = run_python(f"from pipelines.cli import main; main(['dates', '--anchor', '2025-04-14', {text!r}])")
    [mention] = json.loads(result.stdout)
    assert (mention["date_start"], mention["date_end"]) == ("2025-04-07", "2025-04-13")
    assert text[mention["start"]:mention["end"]] == mention["text"]


def test_unknown_command_is_an_error(capsys):
    assert main(["terbang"]) == 2
    assert "unknown command" in capsys.readouterr().err


def test_help_lists_every_command(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("run", "dates", "entities", "sql", "export", "report"):
        assert f"  {command}" in out
