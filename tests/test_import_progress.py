"""``reader import`` shows articles and their rate while it runs, and the elapsed time at the end."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from click.testing import CliRunner

from reader.cli import cli
from reader.cli.import_progress import ProgressLine, elapsed_text, summary_line
from reader.models import ImportReport
from tests.conftest import SEEDS


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_line_counts_articles_and_their_rate() -> None:
    out, clock = io.StringIO(), Clock()
    line = ProgressLine(1_000, out, clock)
    line(10, 1)  # drawn at once
    clock.now += 0.05
    line(10, 2)  # not redrawn within the redraw interval
    assert out.getvalue() == "\rImporting   1%  1 article  – articles/s  0:00"
    clock.now += 9.95
    line(480, 2_500)
    assert out.getvalue().split("\r")[-1] == "Importing  50%  2,500 articles  250 articles/s  0:10"
    line.finish()
    assert out.getvalue().endswith("\n")


def test_summary_has_thousands_separators_elapsed_time_and_rate() -> None:
    report = ImportReport(imported=28_950, duplicates=1_050, skipped=[("a", "b")] * 1_234)
    assert summary_line(report, 125.0) == (
        "imported 28,950, duplicates 1,050, skipped 1,234 in 2 min 05 s (240 articles/s)"
    )
    assert elapsed_text(0.84) == "0.8 s" and elapsed_text(3_720) == "1 h 02 min"


def test_import_command_shows_progress_and_timed_summary(db_path: Path, tmp_path: Path) -> None:
    records = tmp_path / "many.jsonl"
    body = "Komisi Pemilihan Umum menetapkan hasil rekapitulasi suara di {n} kecamatan pada hari ini."
    records.write_text(
        "\n".join(json.dumps({"id": f"r{n}", "text": body.format(n=n)}) for n in range(1_005)) + "\n"
    )
    result = CliRunner().invoke(cli, ["--db", str(db_path), "import", "--progress", str(records), str(SEEDS)])
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(
        r"imported 1,007, duplicates 0, skipped 0 in \d+\.\d s \([\d,]+ articles/s\)\n", result.stdout
    ), result.stdout
    last = result.stderr.split("\r")[-1]
    assert last.startswith("Importing 100%  1,007 articles  ") and last.endswith("\n")
    quiet = CliRunner().invoke(cli, ["--db", str(db_path), "import", "-q", str(SEEDS)])
    assert quiet.stderr == "" and quiet.stdout.startswith("imported 0, duplicates 2, skipped 0 in ")
