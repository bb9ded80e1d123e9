"""The Regions page through AppTest on the hand-built regions fixtures (see tests/test_regions.py for the counts)."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import numpy as np
import plotly.io
import pytest
from conftest import clear_streamlit_caches
from streamlit.testing.v1 import AppTest

from jaring import db, i18n
from jaring.i18n import t
from jaring.ingest import import_files

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
PERIOD = {"from": "2025-09", "to": "2025-10", "lang": "en"}


pytestmark = pytest.mark.usefixtures("navigation_like_a_server")  # tests/conftest.py


@pytest.fixture(autouse=True)
def english_in_the_test_thread():
    """AppTest formats widget options with the page's format_func in this thread: use the page's language."""
    i18n.set_language("en")
    yield
    i18n.set_language("id")


@pytest.fixture(scope="module")
def regions_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("regions_page") / "template.duckdb"
    results = import_files(path, [FIXTURES / "regions_detections.csv", FIXTURES / "regions_cases.csv"])
    assert all(r.status == "loaded" for r in results)
    return path


@pytest.fixture
def regions_db(regions_template, tmp_path, monkeypatch) -> Path:
    path = tmp_path / "regions.duckdb"
    shutil.copyfile(regions_template, path)
    monkeypatch.setenv("JARING_DB", str(path))
    clear_streamlit_caches()
    yield path
    clear_streamlit_caches()


def open_page(query_params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(query_params or PERIOD)
    at.run()
    at.switch_page("pages/regions.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def table_with(at: AppTest, *columns: str):
    return next(frame.value for frame in at.dataframe if set(columns) <= set(frame.value.columns))


def figure(at: AppTest, index: int = 0):
    """The plotly figure of the index-th chart, with its base64-encoded numeric arrays decoded."""
    spec = json.loads(at.get("plotly_chart")[index].proto.spec)
    for trace in spec["data"]:
        for name, value in trace.items():
            if isinstance(value, dict) and "bdata" in value:
                trace[name] = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return plotly.io.from_json(json.dumps(spec))


def test_map_is_offline_and_counts_rows_without_a_region(regions_db):
    at = open_page()
    charts = at.get("plotly_chart")
    config = json.loads(charts[0].proto.config)
    assert config["topojsonURL"] == "/app/static/topojson/"  # base maps from our server, never the CDN
    assert (ROOT / "static" / "topojson" / "asia_50m.json").is_file()
    fig = figure(at)
    choropleth = fig.data[0]
    assert len(choropleth.locations) == 38  # every province drawn, the quiet ones as zero
    assert dict(zip(choropleth.locations, choropleth.z, strict=True))["32"] == 10
    assert min(choropleth.z) == 0
    assert choropleth.geojson == "/app/static/geo/provinces.geojson"  # served by us, not inlined
    assert fig.layout.geo.fitbounds == "locations"
    hover = dict(zip(choropleth.locations, choropleth.customdata, strict=True))["32"]
    assert hover == ["Jawa Barat", "10", "2", "+8 (+400%)"]  # name, now, before, change (see test_regions)
    captions = [c.value for c in at.caption]
    assert ("2 of 18 detections without a region (1 with an unrecognised region text); 1 of 5 cases without "
            "an origin region (2 victims). These rows are not on the map.") in captions
    outlined = [trace for trace in fig.data if trace.name == t("regions.map_flagged", "en")]
    assert list(outlined[0].locations) == ["32.03", "52.03"]


def test_newly_active_table_and_thresholds(regions_db):
    at = open_page()
    table = table_with(at, t("regions.col.reason", "en"))
    assert table[t("regions.col.region", "en")].tolist() == ["Kabupaten Lombok Timur", "Kabupaten Cianjur"]
    assert table[t("regions.col.flag", "en")].tolist() == ["new", "surging"]
    assert table[t("regions.col.networks", "en")].tolist() == ["", ""]  # networks built, none target them
    at.number_input(key="regions_min_count").set_value(1).run()
    table = table_with(at, t("regions.col.reason", "en"))
    assert len(table) == 4  # the single-event regencies appear only when one event is made enough


def test_signal_switch_changes_map_and_routes(regions_db):
    at = open_page()
    at.radio(key="regions_signal").set_value("victims").run()
    choropleth = figure(at).data[0]
    assert dict(zip(choropleth.locations, choropleth.z, strict=True))["52"] == 3
    routes = table_with(at, t("regions.col.new_route", "en"))
    assert routes.iloc[0][[t("regions.col.origin", "en"), t("regions.col.destination", "en")]].tolist() == [
        "Jawa Barat", "Cambodia"]


def test_drill_down_of_a_selected_regency(regions_db):
    at = open_page()
    at.selectbox(key="regions_drill_region").set_value("32.03").run()
    destinations = table_with(at, t("regions.col.destination", "en"), t("regions.col.detections", "en"))
    assert destinations.values.tolist()[0] == ["Cambodia", 6, 2, 3]
    accounts = table_with(at, t("regions.col.handle", "en"))
    assert accounts[t("regions.col.handle", "en")].tolist() == ["rekrut.cianjur"]
    at.slider(key="regions_drill_km").set_value(60).run()
    neighbours = table_with(at, t("regions.col.distance_km", "en"))
    assert "Kota Bandung" in neighbours[t("regions.col.region", "en")].tolist()


def test_geocoding_is_off_until_switched_on(regions_db):
    at = open_page()
    assert not at.toggle(key="regions_geo_enable").value
    assert not [b for b in at.button if b.key == "regions_geo_run"]
    at.toggle(key="regions_geo_enable").set_value(True).run()
    assert t("regions.geo_candidates", "en", count="2") in [c.value for c in at.caption]
    assert at.button(key="regions_geo_run")  # asks only when clicked


def test_missing_index_offers_a_rebuild(regions_db):
    with db.writer(regions_db) as con:
        con.execute("drop table detection_regions")
    at = open_page()
    assert [w.value for w in at.warning if w.value == t("regions.index_missing", "en")]
    at.button(key="regions_rebuild_index").click().run()
    assert not at.warning or t("regions.index_missing", "en") not in [w.value for w in at.warning]
    assert at.get("plotly_chart")
