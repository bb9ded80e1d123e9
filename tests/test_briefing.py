"""The briefing's figures, KPIs and words on the hand-built fixtures (events listed in test_briefing_queries.py)."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest

from jaring import briefing as br
from jaring import briefing_text as words
from jaring import db
from jaring.filters import Filters
from jaring.i18n import set_language
from jaring.ingest import create_database, import_files
from tests.briefing_db import CASES, briefing_database, briefing_database_copy

H1 = Filters(date(2025, 1, 1), date(2025, 6, 30))
APRIL = date(2025, 4, 1)


@pytest.fixture(scope="module")
def reader() -> db.Reader:
    return db.Reader(briefing_database())


@pytest.fixture(autouse=True)
def indonesian():
    set_language("id")
    yield
    set_language("id")


def test_blocks_per_month_keep_quiet_months_as_zero(reader):
    b = br.load_briefing(reader.query, Filters(date(2024, 12, 1), date(2025, 7, 31)), APRIL)
    totals = b.flows.groupby("month")["blocked"].sum()
    # December 2024 and July 2025 lie outside the data; February and May have no block: all shown as 0.
    assert totals.to_dict() == {date(2024, 12, 1): 0, date(2025, 1, 1): 1, date(2025, 2, 1): 0,
                                date(2025, 3, 1): 1, date(2025, 4, 1): 4, date(2025, 5, 1): 0,
                                date(2025, 6, 1): 1, date(2025, 7, 1): 0}
    assert b.platforms == ["facebook", "instagram", "tiktok", "telegram"]  # the app's fixed platform order


def test_speed_median_and_p90_per_platform_and_together(reader):
    b = br.load_briefing(reader.query, H1, APRIL)
    april = b.speed[b.speed["month"] == APRIL].set_index("platform")
    # facebook from detection [1, 84, 95]: median 84, p90 = 84 + 0.8 * (95 - 84) = 92.8
    assert april.loc["facebook", ["median_days_from_detection", "p90_days_from_detection"]].tolist() == [84, 92.8]
    # from report [0, 63, 83]: median 63, p90 = 63 + 0.8 * 20 = 79
    assert april.loc["facebook", ["median_days_from_report", "p90_days_from_report"]].tolist() == [63, 79]
    # all four April blocks [1, 40, 84, 95]: median (40 + 84) / 2 = 62, p90 = 84 + 0.7 * 11 = 91.7
    together = april.loc[br.ALL_PLATFORMS]
    assert together["blocks"] == 4
    assert together["median_days_from_detection"] == 62
    assert together["p90_days_from_detection"] == pytest.approx(91.7)
    # from report [0, 39, 63, 83]: median 51, p90 = 63 + 0.7 * 20 = 77
    assert (together["median_days_from_report"], together["p90_days_from_report"]) == (51, pytest.approx(77))
    assert math.isnan(april.loc["tiktok", "median_days_from_detection"])  # no block: no median, not zero


def test_durations_of_the_selected_month(reader):
    b = br.load_briefing(reader.query, H1, APRIL)
    got = sorted(map(tuple, b.durations.to_numpy().tolist()))
    assert got == sorted([("facebook", "detection", 84.0), ("facebook", "detection", 1.0),
                          ("facebook", "detection", 95.0), ("facebook", "report", 83.0),
                          ("facebook", "report", 0.0), ("facebook", "report", 63.0),
                          ("instagram", "detection", 40.0), ("instagram", "report", 39.0)])


def test_backlog_and_survival_over_the_period(reader):
    b = br.load_briefing(reader.query, H1, APRIL)
    assert b.backlog["total"].tolist() == [1, 4, 4, 1, 1, 1]  # January .. June
    assert b.backlog["backlog_30_to_89"].tolist() == [0, 1, 4, 1, 0, 0]
    together = b.survival[b.survival["platform"] == br.ALL_PLATFORMS].set_index("horizon")
    # eight report episodes: 7 of 8 open after 7 days, 4 of 7 after 30, 1 of 6 after 90 (open ones kept in)
    assert together[["eligible", "open"]].to_numpy().tolist() == [[8, 7], [7, 4], [6, 1]]
    assert [list(row) for row in b.oldest[["handle", "waiting_days"]].itertuples(index=False)] == [["tg_zeta", 60]]


def test_kpis_for_april_against_march_and_a_year_earlier(reader):
    b = br.load_briefing(reader.query, H1, APRIL)
    kpi = {k.key: k for k in b.kpis}
    assert (kpi["blocked"].value, kpi["blocked"].previous, kpi["blocked"].year_ago) == (4, 1, 0)
    assert (kpi["median_days"].value, kpi["median_days"].previous) == (62, 47)
    assert math.isnan(kpi["median_days"].year_ago)
    assert (kpi["backlog"].value, kpi["backlog"].previous) == (1, 4)
    assert (kpi["new_cases"].value, kpi["new_cases"].previous) == (1, 1)


def test_kpi_month_outside_the_period_still_compares(reader):
    # The period is only June, yet the KPI cards of June compare with May (0 blocks) and June 2024.
    b = br.load_briefing(reader.query, Filters(date(2025, 6, 1), date(2025, 6, 30)))
    kpi = {k.key: k for k in b.kpis}
    assert b.month == date(2025, 6, 1)
    assert (kpi["blocked"].value, kpi["blocked"].previous, kpi["blocked"].year_ago) == (1, 0, 0)
    assert kpi["backlog"].previous == 1  # tg_zeta at the end of May


@pytest.mark.parametrize(("filters", "blocked", "cases", "matched"), [
    (Filters(date(2025, 1, 1), date(2025, 6, 30), platforms=("facebook",)), [1, 0, 0, 3, 0, 0], 5, 1),
    (Filters(date(2025, 1, 1), date(2025, 6, 30), provinces=("32",)), [1, 0, 1, 2, 0, 1], 3, 2),
    (Filters(date(2025, 1, 1), date(2025, 6, 30), provinces=("32",), countries=("MY",)), [1, 0, 0, 1, 0, 1], 1, 1),
    (Filters(date(2025, 1, 1), date(2025, 6, 30), platforms=("tiktok",), countries=("MY",)), [0, 0, 1, 0, 0, 0],
     2, 1),
])
def test_filter_combinations(reader, filters, blocked, cases, matched):
    b = br.load_briefing(reader.query, filters, APRIL)
    assert b.flows.groupby("month")["blocked"].sum().tolist() == blocked
    assert (int(b.cases["cases"].sum()), int(b.cases["matched_cases"].sum())) == (cases, matched)


def test_a_platform_without_data_is_all_zero(reader):
    b = br.load_briefing(reader.query, Filters(date(2025, 1, 1), date(2025, 6, 30), platforms=("youtube",)), APRIL)
    assert b.platforms == ["youtube"]
    assert b.flows["blocked"].tolist() == [0] * 6
    assert b.oldest.empty


def test_sentences_and_change_texts(reader):
    b = br.load_briefing(reader.query, H1, APRIL)
    said = words.sentences(b)
    assert said["blocked"] == "Pemblokiran naik 300% dibanding Maret 2025 (1 → 4)."
    assert said["speed"] == "Median waktu sampai blokir pada April 2025: 62 hari sejak deteksi pertama."
    assert said["cases"] == "April 2025: 1 pengaduan baru; 0 (0%) cocok dengan akun yang terdeteksi."
    kpi = {k.key: k for k in b.kpis}
    assert words.change_text(kpi["backlog"], kpi["backlog"].previous, date(2025, 3, 1)) == "-75% dibanding Maret 2025"
    assert words.change_text(kpi["blocked"], kpi["blocked"].year_ago, date(2024, 4, 1)) == "+4 dibanding April 2024"
    assert words.change_text(kpi["median_days"], 47, date(2025, 3, 1)) == "+15 hari dibanding Maret 2025"
    set_language("en")
    assert words.trend_sentence("briefing.subject.blocked", 123, 100, date(2025, 2, 1)) == \
        "Blocks up 23% on February 2025 (100 → 123)."
    none = words.trend_sentence("briefing.subject.blocked", 0, 0, date(2025, 2, 1))
    assert none == "Blocks: none, as in February 2025."


def test_titles_state_period_and_filters(reader):
    f = Filters(date(2025, 1, 1), date(2025, 6, 30), platforms=("facebook", "tiktok"), provinces=("32",))
    b = br.load_briefing(reader.query, f, APRIL)
    assert words.figure_title("blocked", b) == "Akun diblokir per bulan, Januari 2025 – Juni 2025"
    assert words.figure_title("durations", b) == "Sebaran hari sampai blokir, April 2025"
    assert words.filters_text(f, {"32": "Jawa Barat"}) == "Platform: Facebook, TikTok · Provinsi: Jawa Barat"


def test_empty_and_cases_only_databases(tmp_path):
    create_database(tmp_path / "empty.duckdb")
    empty = br.load_briefing(db.Reader(tmp_path / "empty.duckdb").query, H1, APRIL)
    assert empty.flows.empty and empty.backlog["total"].tolist() == [0] * 6 and empty.oldest.empty
    assert [k.value for k in empty.kpis if k.key == "blocked"] == [0]
    words.sentences(empty)  # no exception on an empty database
    import_files(tmp_path / "cases.duckdb", [CASES])
    cases_only = br.load_briefing(db.Reader(tmp_path / "cases.duckdb").query, H1, APRIL)
    assert cases_only.cases["cases"].tolist() == [2, 0, 1, 1, 0, 1]


def test_networks_kpi_not_available_without_the_tables(tmp_path):
    copy = briefing_database_copy(tmp_path)
    with db.writer(copy) as con:  # an older database: the networks step has never run on it
        con.execute("drop table if exists network_members")
        con.execute("drop table if exists networks")
    b = br.load_briefing(db.Reader(copy).query, H1, APRIL)
    networks = [k for k in b.kpis if k.key == "new_networks"][0]
    assert (networks.value, networks.previous, networks.year_ago) == (None, None, None)
    assert not b.networks_available
    assert words.format_value(networks.value) == "—"


def test_safe_link_only_allows_plain_web_links():
    assert br.safe_link("https://facebook.com/x") == "https://facebook.com/x"
    for bad in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", 'https://x" onclick="y', None):
        assert br.safe_link(bad) is None


def test_quantiles_are_numpys_to_the_bit():
    # Hand values: [1, 2, 3, 10] -> median 2.5, p90 at index 2.7 = 3 + 0.7 * 7 = 7.9 (numpy's float steps).
    assert br._quantiles(np.array([10.0, 1.0, 3.0, 2.0])) == (2.5, float(np.quantile([1, 2, 3, 10], 0.9)))
    rng = np.random.default_rng(7)
    for n in [1, 2, 3, 5, 10, 11, 99, 1000]:
        values = rng.integers(0, 400, n).astype(float)
        assert br._quantiles(values.copy()) == tuple(float(q) for q in np.quantile(values, [0.5, 0.9]))
    assert all(math.isnan(q) for q in br._quantiles(np.array([])))
    assert all(math.isnan(q) for q in br._quantiles(np.array([3.0, float("nan"), 1.0])))
