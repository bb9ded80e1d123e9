"""The Briefing page through AppTest on the hand-built fixtures (events listed in test_briefing_queries.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from jaring import db
from jaring.i18n import t
from tests.briefing_db import briefing_database_copy
from tests.conftest import clear_streamlit_caches

ROOT = Path(__file__).resolve().parents[1]
PERIOD = {"from": "2025-01", "to": "2025-06"}


pytestmark = pytest.mark.usefixtures("navigation_like_a_server")  # tests/conftest.py


@pytest.fixture
def database(tmp_path, monkeypatch):
    clear_streamlit_caches()
    path = briefing_database_copy(tmp_path)
    monkeypatch.setenv("JARING_DB", str(path))
    yield path
    clear_streamlit_caches()


def start(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(params or PERIOD)
    at.run()  # the briefing is the default page
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, tuple[str, str | None]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def pick_month(at: AppTest, month: date) -> AppTest:
    at.selectbox(key="briefing_month").set_value(month).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_kpi_cards_for_april(database):
    at = pick_month(start(), date(2025, 4, 1))
    got = metrics(at)
    assert got[t("briefing.kpi.blocked")] == ("4", "+300% dibanding Maret 2025")
    assert got[t("briefing.kpi.median_days")] == ("62 hari", "+15 hari dibanding Maret 2025")
    assert got[t("briefing.kpi.backlog")] == ("1", "-75% dibanding Maret 2025")
    assert got[t("briefing.kpi.new_cases")] == ("1", "0% dibanding Maret 2025")
    assert "Pemblokiran naik 300% dibanding Maret 2025 (1 → 4)." in [m.value for m in at.markdown]
    assert not at.error


def test_default_month_is_the_end_of_the_period_and_titles_name_it(database):
    at = start()
    assert at.selectbox(key="briefing_month").value == date(2025, 6, 1)
    assert metrics(at)[t("briefing.kpi.blocked")] == ("1", "+1 dibanding Mei 2025")  # May had none
    oldest = at.dataframe[0].value
    assert oldest.iloc[:, 2].tolist() == ["tt.eta"]


def test_platform_filter_changes_every_figure(database):
    at = pick_month(start(), date(2025, 4, 1))
    at.multiselect(key="sidebar_platforms").set_value(["facebook"]).run()
    assert not at.exception
    got = metrics(at)
    assert got[t("briefing.kpi.blocked")][0] == "3"
    assert got[t("briefing.kpi.median_days")][0] == "84 hari"
    assert got[t("briefing.kpi.new_cases")][0] == "1"  # cases have no platform


def test_hostile_names_stay_text_in_the_oldest_list(database):
    at = pick_month(start(), date(2025, 3, 1))
    table = at.dataframe[0].value
    assert "<img src=x onerror=alert(1)>" in table.iloc[:, 3].tolist()
    links = table.iloc[:, 4].tolist()
    assert "https://facebook.com/fb.beta" in links
    assert not any(isinstance(v, str) and v.startswith("javascript") for v in links)


def test_networks_not_available_on_an_older_database(database):
    with db.writer(database) as con:
        con.execute("drop table if exists network_members")
        con.execute("drop table if exists networks")
    at = start()
    assert metrics(at)[t("briefing.kpi.new_networks")][0] == "—"
    assert t("briefing.kpi.networks_unavailable") in [c.value for c in at.caption]


def test_english_titles(database):
    at = start(PERIOD | {"lang": "en"})
    assert at.title[0].value == t("briefing.title", "en")
    assert metrics(at)[t("briefing.kpi.blocked", "en")][1] == "+1 vs May 2025"


def chart_count(at: AppTest) -> int:
    return len(at.get("plotly_chart"))


def test_the_funnel_and_the_speed_basis_redraw_in_their_sections(database):
    # Both widgets live in fragments (pages/briefing.py): a click redraws their section, the figures stay right.
    at = pick_month(start(), date(2025, 4, 1))
    charts, cards = chart_count(at), metrics(at)
    at.toggle(key="briefing_show_funnel").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert chart_count(at) == charts + 1
    speed = at.get("plotly_chart")[2].proto.spec
    at.segmented_control(key="briefing_basis").set_value("report").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.get("plotly_chart")[2].proto.spec != speed
    assert metrics(at) == cards and chart_count(at) == charts + 1
