"""Fixtures for the terminal app: a small corpus built once, an app factory, settle and capture."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from reader.config import Settings
from reader.models import RawArticle
from tests.conftest import SEEDS

SIZE = (120, 36)

ARTICLES = [
    RawArticle(
        source="hand-1",
        title="Bawaslu Temukan Dugaan Kecurangan di TPS Jakarta Timur",
        published="2024-02-20",
        outlet="Kabar Pemilu",
        text=(
            "Badan Pengawas Pemilu (Bawaslu) menemukan dugaan kecurangan di sejumlah TPS di "
            "Jakarta Timur.\n"
            "“Kami menemukan surat suara yang sudah tercoblos sebelum pemungutan suara dimulai,” "
            "kata Ketua Bawaslu Rahmat Bagja di Jakarta, Selasa.\n"
            "Menurut Bagja, temuan kecurangan itu akan diteruskan ke Sentra Gakkumdu.\n"
            "KPU DKI Jakarta menyatakan siap menggelar pemungutan suara ulang bila diperlukan."
        ),
    ),
    RawArticle(
        source="hand-2",
        title="Prabowo Ajak Pendukung Tunggu Hasil Resmi KPU",
        published="2024-02-15",
        outlet="Warta Nusantara",
        text=(
            "Calon presiden nomor urut 2 Prabowo Subianto meminta para pendukungnya menunggu "
            "hasil resmi dari Komisi Pemilihan Umum (KPU).\n"
            "“Kita hormati proses rekapitulasi yang sedang berjalan,” ujar Prabowo di Jakarta, "
            "Kamis.\n"
            "Ia juga meminta relawan tidak terpancing isu kecurangan di media sosial."
        ),
    ),
    RawArticle(
        source="hand-3",
        title="Anies Baswedan Minta Sirekap Diaudit",
        published="2024-02-22",
        outlet="Kabar Pemilu",
        text=(
            "Calon presiden nomor urut 1 Anies Baswedan meminta Sirekap diaudit secara terbuka.\n"
            "“Data yang tampil di Sirekap berbeda dengan formulir C1 di lapangan,” kata Anies "
            "di Jakarta, Kamis.\n"
            "Tim hukum pasangan Anies-Muhaimin menyiapkan laporan ke Bawaslu."
        ),
    ),
    RawArticle(
        source="hand-4",
        title="Rekapitulasi Suara Nasional Dimulai di Kantor KPU",
        published="2024-02-28",
        outlet="Warta Nusantara",
        text=(
            "Komisi Pemilihan Umum (KPU) memulai rekapitulasi suara tingkat nasional di Jakarta.\n"
            "Ketua KPU Hasyim Asy'ari mengatakan rekapitulasi ditargetkan selesai sebelum 20 Maret.\n"
            "Saksi dari ketiga pasangan calon hadir dalam rapat pleno tersebut."
        ),
    ),
]


def build_corpus(path: Path) -> None:
    from reader.ingest.pipeline import import_paths, import_records
    from reader.store.connect import open_db

    db = open_db(path)
    import_paths(db, [SEEDS])
    import_records(db, ARTICLES)
    db.close()


@pytest.fixture
def corpus(templates, tmp_path: Path) -> Path:  # noqa: ANN001  (tests/conftest.py's Templates)
    """A fresh copy of the six-article corpus (two seeds, four hand-written articles)."""
    return templates.copy("tui-corpus", build_corpus, tmp_path / "reader.db")


@pytest.fixture(params=["sqlite", "postgresql"])
def team_corpus(request: pytest.FixtureRequest, templates, tmp_path: Path) -> str:  # noqa: ANN001
    """The six-article corpus on each store in turn (a copy of the SQLite template, then a
    schema of its own on the session's PostgreSQL server): for analysts working together."""
    if request.param == "sqlite":
        return str(templates.copy("tui-corpus", build_corpus, tmp_path / "reader.db"))
    location = str(request.getfixturevalue("pg_location"))
    build_corpus(location)  # type: ignore[arg-type]
    return location


@pytest.fixture(autouse=True)
def fast_debounce(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typing tests don't wait 150 ms per keystroke; the debounce test sets it back."""
    monkeypatch.setattr("reader.tui.widgets.search_bar.DEBOUNCE_SECONDS", 0.01)


@pytest.fixture
def app_factory() -> Callable[..., object]:
    from reader.tui.app import make_app

    def factory(path: Path, settings: Settings | None = None) -> object:
        return make_app(path, settings or Settings())

    return factory


async def settle(pilot: object, rounds: int = 4) -> None:
    """Let timers fire, workers finish and their messages be handled (no fixed sleeps)."""
    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(rounds):
        await pilot.pause()  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def type_query(pilot: object, text: str) -> None:
    await pilot.press("slash")  # type: ignore[attr-defined]
    await pilot.press(*text)  # type: ignore[attr-defined]
    await pilot.pause(0.05)  # type: ignore[attr-defined]  # past the (shortened) debounce
    await settle(pilot)


def screen_text(app: object) -> str:
    """The screen as plain text: what a user sees, for assertions and captures."""
    console = Console(width=SIZE[0], file=io.StringIO(), record=True, color_system=None, legacy_windows=False)
    screen = app.screen  # type: ignore[attr-defined]
    update = screen._compositor.render_update(full=True, screen_stack=app._background_screens)  # type: ignore[attr-defined]
    console.print(update)
    return console.export_text()


def fresh_state(path: Path | str, article_id: int) -> dict[str, object]:
    """The article as a brand-new connection (another process) sees it."""
    from reader.store.articles import get_article
    from reader.store.connect import open_db

    db = open_db(path)
    try:
        article = get_article(db, article_id)
        assert article is not None
        return article
    finally:
        db.close()
