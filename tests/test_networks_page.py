"""The Networks page through AppTest on the hand-drawn network fixtures (see tests/networks_support.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from networks_support import DETECTIONS_1, build
from streamlit.testing.v1 import AppTest

from jaring import networks
from jaring.i18n import t
from jaring.ingest import create_database, import_files

ROOT = Path(__file__).resolve().parents[1]
PERIOD = {"from": "2025-01", "to": "2025-04"}


pytestmark = pytest.mark.usefixtures("navigation_like_a_server")  # tests/conftest.py


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    return tmp_path_factory.mktemp("network_page_templates")


@pytest.fixture
def network_db(templates, tmp_path, monkeypatch):
    """A private copy of the second-stage database, with JARING_DB pointing at it and empty caches."""
    import streamlit as st

    path = tmp_path / "networks.duckdb"
    shutil.copyfile(build("second", templates), path)
    monkeypatch.setenv("JARING_DB", str(path))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield path
    st.cache_data.clear()
    st.cache_resource.clear()


def open_page(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(PERIOD | (params or {}))
    at.run()
    at.switch_page("pages/networks.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def table_with(at: AppTest, column: str):
    return next(frame.value for frame in at.dataframe if column in frame.value.columns)


def iframe_html(at: AppTest) -> str:
    found = [node for node in at.main.get("iframe")]
    assert len(found) == 1
    return found[0].proto.srcdoc


def test_network_table_view_and_legend(network_db):
    at = open_page()
    table = table_with(at, t("networks.col.priority"))
    assert table[t("networks.col.network_id")].tolist() == [1, 3]  # network 4 has one account (minimum 2)
    assert table[t("networks.col.priority")].tolist() == [32.0, 29.1]
    assert t("networks.priority_formula") in [c.value for c in at.caption]
    assert at.subheader[0].value == t("networks.view_header", network_id=1)
    assert at.query_params["network"] == "1"
    html = iframe_html(at)
    assert "rekrut.a1" in html and "cdn.jsdelivr" not in html
    assert 'id="jaring-legend"' in html and '"\\u2715 rekrut.a1"' in html  # legend; blocked accounts marked


def test_a_merged_network_link_opens_the_network_that_absorbed_it(network_db):
    at = open_page({"network": "2"})
    assert at.info[0].value.startswith(t("networks.merged_note", requested=2, network_id=1, day="x")[:30])
    assert at.subheader[0].value == t("networks.view_header", network_id=1)


def test_node_picker_details_and_dossier_with_hostile_names(network_db):
    at = open_page({"network": "3"})
    at.selectbox(key="networks_node_3").set_value("a5").run()
    details = table_with(at, t("networks.col.detail"))
    assert "<img src=x onerror=alert(1)>" in details[t("networks.col.value")].tolist()  # shown as text
    at.button(key="networks_open_dossier").click().run()
    assert at.segmented_control(key="networks_section").value == "dossier"
    detections = table_with(at, t("networks.col.content_text"))
    assert detections[t("networks.col.content_text")].tolist() == ["Kamboja gaji dolar",
                                                                   "Kamboja. Pengaduan 021-0000-0000"]


def test_search_normalises_what_the_analyst_types(network_db):
    at = open_page()
    at.segmented_control(key="networks_section").set_value("search").run()
    at.text_input(key="networks_search").set_value("wa.me/6285700003333").run()
    accounts = table_with(at, t("networks.col.handle"))
    assert sorted(accounts[t("networks.col.handle")]) == ["rekrut.c1", "rekrut.c2", "rekrut.c3_href"]
    at.text_input(key="networks_search").set_value("bukan nomor").run()
    assert at.warning[-1].value == t("networks.search_unknown")


def test_takedown_candidates_and_packages(network_db):
    at = open_page()
    at.segmented_control(key="networks_section").set_value("takedown").run()
    ranked = table_with(at, t("networks.col.score"))
    assert ranked[t("networks.col.handle")].tolist() == ["rekrut.b2", "rekrut.a2", "rekrut.a3", "rekrut.c3_href",
                                                         "rekrut.c2"]
    assert at.selectbox(key="networks_takedown_pf").options == ["Facebook", "Instagram"]
    assert at.get("download_button")  # CSV and JSON packages


def test_recidivism_and_hubs(network_db):
    at = open_page()
    at.segmented_control(key="networks_section").set_value("recidivism").run()
    assert [m.value for m in at.metric] == ["4", "3", "3", "13"]
    at.segmented_control(key="networks_section").set_value("hubs").run()
    hubs = table_with(at, t("networks.col.reason"))
    assert hubs[t("networks.col.value")].tolist() == ["+622100000000"]
    at.multiselect(key="networks_hub_include").set_value([("phone", "+622100000000")]).run()
    at.button(key="networks_hub_apply").click().run()
    assert not at.exception
    at.segmented_control(key="networks_section").set_value("table").run()
    table = table_with(at, t("networks.col.priority"))
    assert table[t("networks.col.network_id")].tolist() == [1]  # the hotline now merges everything
    assert table[t("networks.col.accounts")].tolist() == [10]


def test_a_database_without_networks_offers_to_compute_them(tmp_path, monkeypatch):
    import streamlit as st

    path = tmp_path / "plain.duckdb"
    create_database(path)
    monkeypatch.setattr(networks, "_rebuild", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("injected")))
    import_files(path, [DETECTIONS_1])
    monkeypatch.undo()
    monkeypatch.setenv("JARING_DB", str(path))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = open_page()
    assert at.info[0].value == t("networks.not_computed")
    at.button(key="networks_compute").click().run()
    assert not at.exception and not at.error
    # no hub limit was ever stored: the default (50) keeps the hotline H, so all eight accounts form network 1
    table = table_with(at, t("networks.col.priority"))
    assert table[t("networks.col.network_id")].tolist() == [1] and table[t("networks.col.accounts")].tolist() == [8]
