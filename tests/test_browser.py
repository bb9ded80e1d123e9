"""End to end in a real headless Chromium: demo banner, every page without an exception, an upload, a screenshot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser_support import ROOT, chromium_or_skip, chromium_page, exception_texts, streamlit_server, wait_for_app

from jaring.i18n import CATALOG

pytestmark = pytest.mark.browser
FIXTURE_EXPORT = ROOT / "tests" / "fixtures" / "detections_2025_03.csv"
SCREENSHOT = ROOT / "docs" / "screenshot.png"
PAGES = ("nav.briefing", "nav.networks", "nav.regions", "nav.data")


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory) -> Path:
    """A fresh temporary database holding the synthetic demo data, built through the normal import path."""
    from jaring.demo import build_demo

    folder = tmp_path_factory.mktemp("browser")
    results = build_demo(folder / "demo.duckdb", folder / "exports")
    assert all(r.status == "loaded" for r in results), [r.summary() for r in results]
    return folder / "demo.duckdb"


def nav_link(page, key: str):
    return page.get_by_role("link", name=CATALOG[key]["id"]).first


def test_every_page_renders_and_an_upload_lands(demo_database, tmp_path):
    chromium = chromium_or_skip()
    database = tmp_path / "e2e.duckdb"
    shutil.copyfile(demo_database, database)
    with streamlit_server(database) as url, chromium_page(chromium) as page:
        outside = []
        page.on("request", lambda request: None if request.url.startswith((url, "data:", "blob:", "about:"))
                else outside.append(request.url))
        page.goto(url)
        wait_for_app(page)
        assert CATALOG["banner.demo"]["id"][:25] in page.inner_text("body")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)  # a chart drawn for the README
        page.wait_for_timeout(1000)
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT), full_page=False)
        for key in PAGES:
            nav_link(page, key).click()
            wait_for_app(page)
            body = page.inner_text("body")
            assert not exception_texts(page), f"{key}: {exception_texts(page)}"
            assert "Traceback" not in body, key
            assert CATALOG["banner.demo"]["id"][:25] in body, f"{key}: no demo banner"

        # Data page (the last one visited): upload a small export and see its summary.
        page.set_input_files('[data-testid="stFileUploader"] input[type="file"]', str(FIXTURE_EXPORT))
        page.get_by_role("button", name=CATALOG["data.import_button"]["id"]).click()
        done = CATALOG["data.import_done"]["id"].format(loaded=1, skipped=0, failed=0)
        page.wait_for_selector(f"text={done}", timeout=60_000)
        wait_for_app(page)
        assert not exception_texts(page)
        assert page.dialogs == []
        summary = page.locator('[data-testid="stDataFrame"]').first
        assert summary.is_visible()

        page.goto(url)  # the default page: Briefing, in a new session
        wait_for_app(page)
        # The import just made is visible without a restart: the database now mixes demo and real data.
        assert CATALOG["banner.mixed"]["id"][:25] in page.inner_text("body")
    assert outside == []  # offline first: no CDN, no fonts, no tiles, on any page
    assert SCREENSHOT.stat().st_size > 10_000


def test_missing_browser_fails_when_required(monkeypatch):
    """The CI switch: with JARING_REQUIRE_BROWSER set, a missing Chromium is a failure, not a skip."""
    import browser_support

    monkeypatch.setattr(browser_support, "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setenv("JARING_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception):
        browser_support.chromium_or_skip()
    monkeypatch.setenv("JARING_REQUIRE_BROWSER", "")
    with pytest.raises(pytest.skip.Exception):
        browser_support.chromium_or_skip()


@pytest.mark.parametrize("path", ["networks", "regions"])
def test_a_shared_link_as_first_request_gets_the_whole_frame(demo_database, tmp_path, path):
    """After a restart, a colleague's link to a page is the server's first request: sidebar and banner show."""
    chromium = chromium_or_skip()
    database = tmp_path / "e2e.duckdb"
    shutil.copyfile(demo_database, database)
    with streamlit_server(database) as url, chromium_page(chromium) as page:
        page.goto(f"{url}/{path}?lang=en")
        wait_for_app(page)
        body = page.inner_text("body")
        assert CATALOG["banner.demo"]["en"][:25] in body
        assert CATALOG["nav.briefing"]["en"] in body  # the app's own navigation, not Streamlit's page list
        assert not exception_texts(page)
