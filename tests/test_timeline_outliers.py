"""Stray dates do not stretch the timeline: they are set apart, and a column says what it covers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reader.cli import cli
from reader.models import RawArticle
from reader.search.select import Timeline
from reader.search.timeline import column_span, split_outliers

FEBRUARY = tuple((f"2024-02-{day:02d}", 40) for day in range(1, 29))


def test_a_stray_date_in_a_large_timeline_is_an_outlier() -> None:
    core, outliers = split_outliers(Timeline((("1963-05-10", 1), *FEBRUARY), undated=4))
    assert outliers == (("1963-05-10", 1),)
    assert core.days == FEBRUARY and core.undated == 4


def test_a_stray_date_in_a_small_timeline_is_an_outlier() -> None:
    days = (("1963-05-10", 1), ("2024-02-10", 3), ("2024-02-14", 5), ("2024-03-01", 2))
    core, outliers = split_outliers(Timeline(days, undated=0))
    assert outliers == (("1963-05-10", 1),) and core.days[0] == ("2024-02-10", 3)


@pytest.mark.parametrize(
    "days",
    [
        FEBRUARY,
        (("2023-11-01", 5), ("2024-02-14", 9), ("2024-05-20", 4)),  # a long but even spread
        (("1963-05-10", 1), ("2024-02-14", 1)),  # too few to tell which one strays
    ],
)
def test_an_ordinary_spread_has_no_outliers(days: tuple[tuple[str, int], ...]) -> None:
    line = Timeline(days, undated=0)
    assert split_outliers(line) == (line, ())


def test_the_column_span_says_how_much_a_column_covers() -> None:
    assert column_span(20, 80) is None  # a column (or more) for each day
    assert column_span(240, 80) == "3 days"
    assert column_span(100, 80) == "≈ 1.2 days"
    assert column_span(700, 20) == "≈ 5 weeks"
    assert column_span(23_000, 30) == "≈ 2.1 years"
    assert column_span(120, 40, by="month") == "3 months"


def test_reader_timeline_sets_a_stray_date_apart(search_db_copy: Path) -> None:
    from reader.ingest.pipeline import import_records
    from reader.store.connect import open_db

    path = search_db_copy
    db = open_db(path)
    stray = "Sang tokoh lahir di Solo. Ia dikenal sebagai pengusaha batik."
    import_records(db, [RawArticle(source="stray", text=stray, published="1963-05-10", outlet="x")])
    db.close()
    out = CliRunner().invoke(cli, ["--db", str(path), "timeline", ""], catch_exceptions=False).stdout
    lines = out.splitlines()
    assert "first 2024-01-" in lines[0] and "1963" not in lines[0]
    assert lines[1] == "1 outside the range: 1963-05-10 (not drawn)"
    assert not [line for line in lines[2:] if line.startswith("19")]  # no bar from 1963 on
    args = ["--db", str(path), "timeline", "--json", ""]
    document = json.loads(CliRunner().invoke(cli, args, catch_exceptions=False).stdout)
    assert document["outliers"] == [["1963-05-10", 1]] and document["counts"][0][0].startswith("2024-01")
    assert document["total"] == 17  # the outlier still counts as a match
