"""Regions maps in a real headless Chromium: drawn offline from our static files, exported as PNG and SVG."""

from __future__ import annotations

import filecmp
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from browser_support import ROOT, chromium_or_skip, chromium_page, exception_texts, streamlit_server, wait_for_app

from jaring import db, region_maps, regions
from jaring.filters import Filters
from jaring.ingest import import_files

pytestmark = pytest.mark.browser
FIXTURES = ROOT / "tests" / "fixtures"
PERIOD = Filters(date(2025, 9, 1), date(2025, 10, 31))


@pytest.fixture(scope="module")
def regions_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("regions_browser") / "regions.duckdb"
    results = import_files(path, [FIXTURES / "regions_detections.csv", FIXTURES / "regions_cases.csv"])
    assert all(r.status == "loaded" for r in results)
    return path


@pytest.mark.parametrize("name", ["geo/provinces.geojson", "geo/regencies.geojson", "topojson/asia_50m.json",
                                  "topojson/world_110m.json", "topojson/LICENSE"])
def test_static_map_files_are_the_reference_files(name):
    reference = ROOT / "data" / "reference" / name.replace("geo/", "")
    assert filecmp.cmp(ROOT / "static" / name, reference, shallow=False)


def test_map_exports_as_png_and_svg_with_the_bundled_base_map(regions_db):
    chromium_or_skip()
    activity = regions.region_activity(db.Reader(regions_db).query, PERIOD, "detections", PERIOD.start, PERIOD.end)
    fig = region_maps.activity_map(activity, "Deteksi", ["32.03", "52.03"])
    png = region_maps.figure_image(fig, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 50_000
    svg = region_maps.figure_image(fig, "svg").decode("utf-8")
    assert svg.startswith("<svg") and svg.count('class="choroplethlocation"') >= 38 + 2  # provinces + flagged
    assert '<g class="layer land"><path d="M' in svg  # the base map came from static/topojson, offline


def test_hover_and_labels_escape_text():
    routes = pd.DataFrame({"origin_name": ["<img src=x onerror=alert(1)>"], "country_name_id": ["<b>X</b>"],
                           "country_name_en": ["X"], "iso2": ["XX"], "value": [3], "previous": [0],
                           "origin_lat": [-6.9], "origin_lon": [107.6], "country_lat": [3.1], "country_lon": [101.7]})
    fig = region_maps.routes_map(routes, "Deteksi", language="id")
    texts = [text for trace in fig.data for text in (trace.text or [])]
    assert texts and all("<img" not in text and "<b>" not in text for text in texts)


def test_regions_page_draws_its_maps_offline(regions_db, tmp_path):
    chromium = chromium_or_skip()
    outside: list[str] = []
    with streamlit_server(regions_db) as url, chromium_page(chromium) as page:
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(
            (url, "data:", "blob:", "about:")) else None)
        page.goto(f"{url}/regions?from=2025-09&to=2025-10")
        wait_for_app(page)
        page.wait_for_selector(".js-plotly-plot .choroplethlocation", timeout=60_000)
        page.wait_for_timeout(1500)
        assert not exception_texts(page)
        assert page.eval_on_selector_all(".js-plotly-plot .choroplethlocation", "els => els.length") >= 38
        assert page.eval_on_selector_all(".js-plotly-plot .land, .js-plotly-plot .countries",
                                         "els => els.length") >= 1  # base map loaded from /app/static/topojson/
        assert page.dialogs == []
    assert outside == []  # nothing left the machine: no CDN, no tiles
