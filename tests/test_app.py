"""The app through Streamlit's AppTest: every page on every kind of database, banner, filters, language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from jaring import db, uploads
from jaring.filters import Filters
from jaring.i18n import t
from jaring.ingest import import_files

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "pages").glob("*.py"))
FIXTURES = ROOT / "tests" / "fixtures"


pytestmark = pytest.mark.usefixtures("navigation_like_a_server")  # tests/conftest.py


@pytest.fixture
def legacy_pages_mode(monkeypatch, navigation_like_a_server):
    """Undo navigation_like_a_server: the state of a server process before its first st.navigation call."""
    from streamlit.runtime.pages_manager import PagesManager

    monkeypatch.undo()
    assert PagesManager.__init__.__name__ == "__init__"


def start(page: str | None = None, query_params: dict | None = None) -> AppTest:
    """Run the app (optionally with URL query parameters) and switch to `page` (a file name in pages/)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(query_params or {})
    at.run()
    if page:
        at.switch_page(f"pages/{page}").run()
    return at


def texts(elements) -> list[str]:
    return [element.value for element in elements]


def all_table_text(at: AppTest) -> str:
    return "\n".join(frame.value.to_csv() for frame in at.dataframe)


@pytest.mark.parametrize("kind", ["empty", "small", "cases_only", "demo"])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_page_renders_without_exception(app_db, page, kind):
    app_db(kind)
    at = start(page.name)
    assert not at.exception, texts(at.exception)
    assert not at.error, texts(at.error)
    assert len(at.title) == 1 and at.title[0].value


@pytest.mark.parametrize(("kind", "banner"), [("demo", "banner.demo"), ("mixed", "banner.mixed"),
                                              ("small", None), ("empty", None)])
def test_demo_banner(app_db, kind, banner):
    app_db(kind)
    for page in (None, "data.py"):
        warnings = texts(start(page).warning)
        banners = [w for w in warnings if w in (t("banner.demo"), t("banner.mixed"))]
        assert banners == ([t(banner)] if banner else [])


def test_default_filters_follow_the_data(app_db):
    app_db("small")
    at = start()
    assert at.session_state["sidebar_filters"] == Filters(date(2024, 5, 1), date(2025, 4, 30))
    assert at.query_params["from"] == "2024-05" and at.query_params["to"] == "2025-04"
    assert at.multiselect(key="sidebar_platforms").options == ["Facebook", "TikTok", "Instagram"]


def test_filters_round_trip_through_the_url(app_db):
    app_db("small")
    link = {"from": "2025-01", "to": "2025-03", "platform": "tiktok,instagram", "prov": "32", "country": "JP"}
    at = start(query_params=link)
    expected = Filters(date(2025, 1, 1), date(2025, 3, 31), ("tiktok", "instagram"), ("32",), ("JP",))
    assert at.session_state["sidebar_filters"] == expected
    assert at.selectbox(key="sidebar_start_month").value == date(2025, 1, 1)
    assert at.multiselect(key="sidebar_platforms").value == ["tiktok", "instagram"]

    at.multiselect(key="sidebar_countries").set_value(["JP", "KR"]).run()
    at.selectbox(key="sidebar_end_month").set_value(date(2025, 4, 1)).run()
    shared = dict(at.query_params)
    assert shared["country"] == "JP,KR" and shared["to"] == "2025-04"

    again = start("data.py", query_params=shared)  # someone opens the shared link
    assert again.session_state["sidebar_filters"] == Filters(date(2025, 1, 1), date(2025, 4, 30),
                                                             ("tiktok", "instagram"), ("32",), ("JP", "KR"))


def test_filters_survive_a_page_switch(app_db):
    app_db("small")
    at = start(query_params={"platform": "facebook", "from": "2025-02"})
    at.switch_page("pages/data.py").run()
    assert at.session_state["sidebar_filters"].platforms == ("facebook",)
    assert at.query_params["platform"] == "facebook" and at.query_params["from"] == "2025-02"


def test_bad_url_values_are_ignored(app_db):
    app_db("small")
    at = start(query_params={"from": "zzz", "to": "2025-99", "platform": "myspace", "prov": "<b>",
                             "country": "ZZ", "lang": "xx"})
    assert not at.exception and not at.error
    assert at.session_state["sidebar_filters"] == Filters(date(2024, 5, 1), date(2025, 4, 30))
    assert at.title[0].value == t("briefing.title", "id")


def test_language_switch_changes_the_title_and_the_url(app_db):
    app_db("small")
    at = start()
    assert at.title[0].value == "Ringkasan situasi"
    at.radio(key="sidebar_language").set_value("en").run()
    assert at.title[0].value == "Situation briefing"
    assert at.query_params["lang"] == "en"
    assert start(query_params={"lang": "en"}).title[0].value == "Situation briefing"


def test_data_page_shows_rejects_unresolved_regions_and_identifier_problems(app_db):
    app_db("small")
    at = start("data.py")
    shown = all_table_text(at)
    for expected in ("APP-D07", "kemarin", "Negeri Antah Berantah", "nomor rahasia", "app_cases.csv"):
        assert expected in shown
    at.text_input(key="data_rejects_reason").set_value("ACCOUNT").run()
    rejects = next(f.value for f in at.dataframe if t("col.reason") in f.value.columns)
    assert len(rejects) == 1 and "no account" in rejects[t("col.reason")].iloc[0]
    assert at.button(key="data_load_demo")  # a real-only database offers the demo


def test_a_terminal_import_shows_up_without_a_restart(app_db):
    path = app_db("cases_only")
    at = start()
    assert at.multiselect(key="sidebar_platforms").options == []
    import_files(path, [FIXTURES / "app_detections.csv"])  # `jaring load` while the app runs
    at.run()
    assert at.multiselect(key="sidebar_platforms").options == ["Facebook", "TikTok", "Instagram"]


def test_configured_missing_database_is_created_empty(tmp_path, monkeypatch, app_db):
    path = tmp_path / "new" / "jaring.duckdb"
    monkeypatch.setenv("JARING_DB", str(path))
    at = start("data.py")
    assert path.is_file() and not at.exception and not at.error
    assert at.button(key="data_load_demo")
    assert db.Reader(path).query("recent_imports", limit=5).empty


def test_unexpected_error_is_a_friendly_message(tmp_path, monkeypatch, app_db):
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("JARING_DB", str(broken))
    at = start()
    assert not at.exception
    assert len(at.error) == 1 and "kode referensi" in at.error[0].value.lower()


def test_upload_handler_imports_and_reports_each_file(app_db, tmp_path):
    path = app_db("empty")
    detections = (FIXTURES / "app_detections.csv").read_bytes()
    files = [("../../Deteksi Maret.csv", detections), ("bukan ekspor.csv", b"foo,bar\n1,2\n"),
             ("lagi.csv", detections)]
    results = uploads.import_uploads(path, files)
    assert [r.status for r in results] == ["loaded", "failed", "skipped"]
    assert results[0].file_name == "../../Deteksi Maret.csv" and results[0].rows_rejected == 2
    assert "foo" in results[1].message
    imports = db.Reader(path).query("recent_imports", limit=10)
    assert imports["file_name"].tolist() == ["../../Deteksi Maret.csv"]  # the failed file left no trace
    table = uploads.results_frame(results, "en")
    assert table.columns.tolist() == list(uploads.RESULT_COLUMNS)
    assert table["status"].tolist() == ["loaded", "failed", "skipped"]
    assert table.loc[0, ["rows_read", "rows_loaded", "new_accounts"]].tolist() == [10, 8, 5]


def test_saved_uploads_stay_inside_the_folder(tmp_path):
    saved = uploads.save_uploads([("../../etc/passwd.csv", b"x"), ("a.csv", b"1"), ("a.csv", b"2")], tmp_path)
    assert all(tmp_path in p.parents for p in saved)
    assert sorted(p.read_bytes() for p in saved) == [b"1", b"2", b"x"]


def test_no_page_renders_html_from_data():
    for path in [*PAGES, ROOT / "app.py", ROOT / "jaring" / "ui.py"]:
        assert "unsafe_allow_html" not in path.read_text(encoding="utf-8"), path.name


def test_alias_table_lists_every_field():
    table = uploads.alias_frame("en")
    assert isinstance(table, pd.DataFrame)
    assert {"detected_at", "case_id", "origin_province"} <= set(table["canonical_field"])
    assert table.loc[table["canonical_field"] == "platform", "required"].iloc[0] == "✓"


def test_a_page_opened_first_after_a_restart_still_gets_the_frame(app_db, legacy_pages_mode):
    app_db("demo")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("pages/data.py").run()  # the first request of the session asks for /data
    assert not at.exception and not at.error
    assert at.title[0].value == t("data.title")
    assert t("banner.demo") in texts(at.warning)
    assert at.multiselect(key="sidebar_platforms").options


def test_first_start_builds_the_demo_database(app_db, tmp_path, monkeypatch):
    default = tmp_path / "data" / "jaring.duckdb"
    monkeypatch.delenv("JARING_DB", raising=False)
    monkeypatch.setattr(db, "DEFAULT_DB", default)
    at = start()
    assert not at.exception and not at.error
    assert default.is_file() and list((tmp_path / "data" / "demo").glob("DEMO-SINTETIS_*"))
    assert t("banner.demo") in texts(at.warning)
    for page in PAGES:  # every page on the full demo database
        at.switch_page(f"pages/{page.name}").run()
        assert not at.exception and not at.error, page.name
        assert t("banner.demo") in texts(at.warning)


def test_load_demo_button_adds_demo_data(app_db):
    app_db("small")
    at = start("data.py")
    at.button(key="data_load_demo").click().run()
    assert not at.exception and not at.error
    assert t("banner.mixed") in texts(at.warning)
    assert all(button.key != "data_load_demo" for button in at.button)


def test_first_start_decisions(tmp_path, monkeypatch):
    from jaring import startup

    monkeypatch.setattr(db, "DEFAULT_DB", tmp_path / "jaring.duckdb")
    assert startup.first_start_action({}) == (startup.BUILD_DEMO, tmp_path / "jaring.duckdb")
    configured = tmp_path / "mine.duckdb"
    assert startup.first_start_action({"JARING_DB": str(configured)}) == (startup.CREATE_EMPTY, configured)
    configured.write_bytes(b"")
    assert startup.first_start_action({"JARING_DB": str(configured)}) == (startup.OPEN, configured)
    assert [startup.banner_kind(s) for s in ([], ["real"], ["demo"], ["demo", "real"])] == [None, None, "demo",
                                                                                           "mixed"]


def test_data_page_totals_follow_the_filters(app_db):
    app_db("small")
    at = start("data.py", query_params={"lang": "en"})
    assert [m.value for m in at.metric] == ["8", "5", "5", "9"]
    at.multiselect(key="sidebar_provinces").set_value(["32"]).run()
    assert [m.value for m in at.metric] == ["4", "2", "2", "3"]
    assert at.query_params["prov"] == "32"
