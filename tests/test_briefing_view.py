"""takedown_in_view: the takedown figures of the months and platforms on screen, asked once a region filter is set.

Events of the fixtures: see tests/test_briefing_queries.py. Every expected figure below was counted by hand.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from jaring import briefing as br
from jaring import db
from jaring.filters import Filters
from tests.briefing_db import briefing_database, briefing_database_copy

MARCH, APRIL = date(2025, 3, 1), date(2025, 4, 1)


# Account ids as the importer gives them (1-8), and spread over several 65,536-account blocks of the region bits
# (accounts_in_regions): 65,535, then 65,536 + 40,000 more each. The figures do not depend on the ids.
ACCOUNT_IDS = {"as imported": "account_id", "across bit blocks": "65535 + (account_id - 1) * 40001"}
ACCOUNT_TABLES = ("accounts", "account_identifiers", "detections", "detection_regions", "network_handle_links",
                  "network_members", "status_episode_events", "status_history")


@pytest.fixture(scope="module", params=list(ACCOUNT_IDS))
def reader(request, tmp_path_factory) -> db.Reader:
    if ACCOUNT_IDS[request.param] == "account_id":
        return db.Reader(briefing_database())
    path = briefing_database_copy(tmp_path_factory.mktemp("ids"))
    with db.writer(path) as con:
        for table in ACCOUNT_TABLES:  # constants; a copy without the primary key, which UPDATE may not change
            moved = f"select * replace ({ACCOUNT_IDS[request.param]} as account_id) from {table}"  # noqa: S608
            con.execute(f"create temp table moved as {moved}; drop table {table}; "  # noqa: S608
                        f"create table {table} as select * from moved; drop table moved")
        assert con.execute("select max(account_id) from accounts").fetchone() == (65535 + 7 * 40001,)
    return db.Reader(path)


def view(reader: db.Reader, platforms=(), provinces=(), countries=(), months=()) -> pd.DataFrame:
    frame = reader.query("takedown_in_view", platforms=list(platforms), provinces=list(provinces),
                         countries=list(countries), months=list(months))
    frame["month"] = pd.to_datetime(frame["month"]).dt.date
    return frame


def test_months_and_platforms_in_view_only(reader):
    frame = view(reader, ["facebook", "telegram"], ["32"], [], [MARCH, APRIL])
    # Province 32 on facebook or telegram: fb.alpha, fb.beta, tg_zeta (fb.theta targets 35).
    rows = {(r.month, r.platform): r for r in frame.itertuples(index=False)}
    assert list(rows) == [(MARCH, "facebook"), (MARCH, "telegram"), (APRIL, "facebook"), (APRIL, "telegram")]
    march_fb, march_tg, april_fb, april_tg = rows.values()
    assert (march_fb.detected, march_fb.reported, march_fb.blocked) == (0, 0, 0)
    # End of March: fb.alpha waits 54 days (since 02-06), fb.beta 82 (since 01-09).
    assert (march_fb.backlog_30_to_89, march_fb.backlog_7_to_29, march_fb.backlog_90_plus) == (2, 0, 0)
    # tg_zeta: detected 03-01, reported 03-02 and 03-20 (after a rejection), waiting 30 days on 1 April;
    # its episode (from 03-02) is followed 105 days and blocked on day 105: open after 7, 30 and 90 days.
    assert (march_tg.detected, march_tg.reported, march_tg.backlog_30_to_89) == (1, 2, 1)
    assert (march_tg.report_episodes, march_tg.eligible_90, march_tg.open_90) == (1, 1, 1)
    # April blocks in block order: fb.beta 04-02 (84 days from 01-08, 83 from 01-09), fb.alpha 04-10 (95 from
    # 01-05, 63 from its report of 02-06 after the restore). fb.theta's same-day block is out of scope.
    assert (april_fb.blocked, april_fb.blocked_with_report) == (2, 2)
    assert (list(april_fb.days_from_detection), list(april_fb.days_from_report)) == ([84, 95], [83, 63])
    assert april_fb.backlog_30_to_89 + april_fb.backlog_7_to_29 + april_fb.backlog_under_7 == 0
    assert april_tg.backlog_30_to_89 == 1  # tg_zeta 60 days on 1 May
    assert [t.to_pydatetime() for t in frame["measured_at"]] == [datetime(2025, 4, 1)] * 2 + [datetime(2025, 5, 1)] * 2


@pytest.mark.parametrize(("platforms", "provinces", "countries", "months"), [
    ((), ("32",), (), ()),
    (("tiktok",), (), ("MY",), (date(2025, 2, 1), date(2025, 6, 1))),
    ((), ("32", "35"), ("TW", "MY"), (date(2024, 12, 1), APRIL, date(2025, 7, 1))),
    (("facebook", "instagram"), ("33", "32"), (), (MARCH,)),
])
def test_rows_are_those_of_takedown_by_month(reader, platforms, provinces, countries, months):
    full = reader.query("takedown_by_month", provinces=list(provinces), countries=list(countries))
    full["month"] = pd.to_datetime(full["month"]).dt.date
    keep = (full["platform"].isin(platforms) if platforms else True) & (full["month"].isin(months) if months else True)
    expected = full[keep].reset_index(drop=True) if platforms or months else full
    pd.testing.assert_frame_equal(view(reader, platforms, provinces, countries, months), expected)


def test_months_outside_the_data_give_no_rows(reader):
    assert view(reader, [], ["32"], [], [date(2024, 12, 1), date(2025, 7, 1)]).empty


def test_a_region_filter_asks_the_view_for_the_months_on_screen():
    ends = pd.DataFrame({"month": [date(2025, m, 1) for m in range(1, 7)]})  # briefing_month_ends: January-June
    unfiltered = Filters(date(2025, 3, 1), date(2025, 4, 30))
    assert br.takedown_request("takedown_by_month", unfiltered, [], ends) == (
        "takedown_by_month", {"provinces": [], "countries": []})
    scoped = Filters(date(2025, 3, 1), date(2025, 4, 30), ("facebook",), ("32",))
    name, params = br.takedown_request("takedown_by_month", scoped, [date(2024, 4, 1), MARCH, APRIL], ends)
    # The period March-April, the KPI months of April (April 2024, March) and June (the data's last month).
    assert (name, params["months"]) == ("takedown_in_view", [date(2024, 4, 1), MARCH, APRIL, date(2025, 6, 1)])
    assert params["platforms"] == ["facebook"] and params["provinces"] == ["32"]
    # An older database without status_episode_events derives everything from status_history, all months.
    old = br.takedown_request("takedown_by_month_from_history", scoped, [], ends)
    assert old == ("takedown_by_month_from_history", {"provinces": ["32"], "countries": []})
