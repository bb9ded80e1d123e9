"""Briefing queries on hand-built exports; every expected figure was counted by hand from the fixtures.

The fixtures (tests/fixtures/briefing_*.csv) give eight accounts whose event logs, after both imports, are:

    fb.alpha  facebook  detected 01-05, reported 01-10, blocked 01-20, restored 02-05, reported 02-06, blocked 04-10
    fb.beta   facebook  detected 01-08, reported 01-09, blocked 04-02 (the block arrives with the second import)
    tt.gamma  tiktok    detected 01-15, reported 02-01, blocked 03-03
    tt.delta  tiktok    detected 02-10
    ig.eps    instagram detected 02-20, reported 02-21, blocked 2025-03-31T23:30Z = 04-01 06:30 Jakarta
    tg_zeta   telegram  detected 03-01, reported 03-02, rejected 03-10, reported 03-20, blocked 06-15
    fb.theta  facebook  detected 04-05, reported 04-06, blocked 04-06
    tt.eta    tiktok    detected 06-01, reported 06-02
All in 2025; nothing happens in May. Targets (province, destination): fb.alpha 32/MY, fb.beta 32/TW, tt.gamma 52/MY
and 32/TW, tt.delta 35/HK, ig.eps 33/SA, tg_zeta 32/MY, fb.theta 35/MY, tt.eta 32/TW. The last day with data is
15 June. Cases: BK-01 Jan 32/MY (phone of fb.alpha), BK-02 Jan 35/HK, BK-03 Mar 52/MY (phone of tt.gamma),
BK-04 2025-03-31T23:30Z = April 32/TW (unknown phone), BK-05 Jun 32/TW (phone of tt.eta).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from jaring import briefing as br
from jaring import db, derived_tables
from jaring.filters import Filters
from tests.briefing_db import FIRST, SECOND, briefing_database, import_all

COUNTS = ["detected", "reported", "blocked", "blocked_with_report", "backlog_under_7", "backlog_7_to_29",
          "backlog_30_to_89", "backlog_90_plus", "report_episodes", "eligible_7", "open_7", "eligible_30",
          "open_30", "eligible_90", "open_90"]


def build(path: Path, *files: Path) -> db.Reader:
    return db.Reader(import_all(path, *files))


@pytest.fixture(scope="module")
def reader() -> db.Reader:
    return db.Reader(briefing_database())


def takedown(reader: db.Reader, provinces=(), countries=()) -> pd.DataFrame:
    frame = reader.query("takedown_by_month", provinces=list(provinces), countries=list(countries))
    frame["month"] = pd.to_datetime(frame["month"]).dt.strftime("%Y-%m")
    return frame


def nonzero(frame: pd.DataFrame, columns: list[str]) -> dict[tuple[str, str], tuple]:
    """(month, platform) -> values of `columns`, for rows where any of them is not zero."""
    rows = {}
    for row in frame.itertuples(index=False):
        values = tuple(getattr(row, c) for c in columns)
        if any(v != 0 for v in values):
            rows[(row.month, row.platform)] = values
    return rows


def test_grid_has_every_month_and_platform_with_zeros_for_may(reader):
    frame = takedown(reader)
    # January to June 2025 x the four platforms of the accounts.
    assert len(frame) == 6 * 4
    assert sorted(frame["platform"].unique()) == ["facebook", "instagram", "telegram", "tiktok"]
    may = frame[frame["month"] == "2025-05"]
    assert len(may) == 4
    assert (may[[c for c in COUNTS if not c.startswith("backlog")]] == 0).all().all()
    # ...but tg_zeta is still waiting at the end of May (reported 03-02, 90 days by 1 June).
    assert may.set_index("platform").loc["telegram", "backlog_90_plus"] == 1


def test_flows_per_month_and_platform(reader):
    got = nonzero(takedown(reader), ["detected", "reported", "blocked"])
    assert got == {
        ("2025-01", "facebook"): (2, 2, 1),  # fb.alpha, fb.beta detected and reported; fb.alpha blocked 01-20
        ("2025-01", "tiktok"): (1, 0, 0),    # tt.gamma
        ("2025-02", "facebook"): (0, 1, 0),  # fb.alpha re-reported 02-06 after its restore
        ("2025-02", "instagram"): (1, 1, 0),
        ("2025-02", "tiktok"): (1, 1, 0),    # tt.delta detected; tt.gamma reported 02-01
        ("2025-03", "telegram"): (1, 2, 0),  # reported 03-02, rejected, reported again 03-20
        ("2025-03", "tiktok"): (0, 0, 1),    # tt.gamma 03-03 -- and NOT ig.eps: 23:30 UTC 31 March is April
        ("2025-04", "facebook"): (1, 1, 3),  # fb.beta 04-02, fb.theta 04-06, fb.alpha 04-10 (its second block)
        ("2025-04", "instagram"): (0, 0, 1),  # ig.eps 04-01 06:30 Jakarta
        ("2025-06", "telegram"): (0, 0, 1),
        ("2025-06", "tiktok"): (1, 1, 0),
    }


def test_days_to_each_block(reader):
    frame = takedown(reader)
    got = {(r.month, r.platform): (list(r.days_from_detection), list(r.days_from_report))
           for r in frame.itertuples(index=False) if len(r.days_from_detection)}
    assert got == {
        ("2025-01", "facebook"): ([15], [10]),    # 01-05 -> 01-20; 01-10 -> 01-20
        ("2025-03", "tiktok"): ([47], [30]),      # 01-15 -> 03-03 (16 + 28 + 3); 02-01 -> 03-03
        # in block order: fb.beta 01-08/01-09 -> 04-02; fb.theta 04-05/04-06 -> 04-06;
        # fb.alpha 01-05 -> 04-10 from detection, and from 02-06 (first report after its restore) to 04-10
        ("2025-04", "facebook"): ([84, 1, 95], [83, 0, 63]),
        ("2025-04", "instagram"): ([40], [39]),   # 02-20 / 02-21 -> 04-01 (Jakarta date of the 23:30 UTC block)
        ("2025-06", "telegram"): ([106], [105]),  # rejection does not restart the episode: from 03-02
    }
    assert frame["blocked"].sum() == frame["blocked_with_report"].sum() == 7


def test_backlog_at_each_month_end(reader):
    got = nonzero(takedown(reader), ["backlog_under_7", "backlog_7_to_29", "backlog_30_to_89", "backlog_90_plus"])
    assert got == {
        ("2025-01", "facebook"): (0, 1, 0, 0),   # fb.beta 23 days (fb.alpha blocked 01-20, tt.gamma reported 02-01)
        ("2025-02", "facebook"): (0, 1, 1, 0),   # fb.alpha 23 days since 02-06; fb.beta 51 days
        ("2025-02", "instagram"): (0, 1, 0, 0),  # ig.eps 8 days
        ("2025-02", "tiktok"): (0, 1, 0, 0),     # tt.gamma 28 days
        # End of March: fb.alpha 54, fb.beta 82 -- both blocked in April, still open on 31 March;
        # ig.eps 39 days: blocked 1 April 06:30 Jakarta, so open at the end of March;
        # tg_zeta: rejected then reported again, 30 days since the episode's first report 03-02.
        ("2025-03", "facebook"): (0, 0, 2, 0),
        ("2025-03", "instagram"): (0, 0, 1, 0),
        ("2025-03", "telegram"): (0, 0, 1, 0),
        ("2025-04", "telegram"): (0, 0, 1, 0),   # 60 days
        ("2025-05", "telegram"): (0, 0, 0, 1),   # 91 days
        ("2025-06", "tiktok"): (0, 1, 0, 0),     # tt.eta, measured at the end of 15 June: 14 days
    }
    measured = takedown(reader).drop_duplicates("month").set_index("month")["measured_at"]
    assert measured["2025-03"] == datetime(2025, 4, 1)
    assert measured["2025-06"] == datetime(2025, 6, 16)  # the last day with data ends the current month


def test_report_episodes_still_open_after_7_30_90_days(reader):
    got = nonzero(takedown(reader), ["report_episodes", "eligible_7", "open_7", "eligible_30", "open_30",
                                     "eligible_90", "open_90"])
    assert got == {
        # fb.alpha episode 1 (10 days to block) and fb.beta (83 days)
        ("2025-01", "facebook"): (2, 2, 2, 2, 1, 2, 0),
        ("2025-02", "facebook"): (1, 1, 1, 1, 1, 1, 0),   # fb.alpha after its restore: 63 days
        ("2025-02", "instagram"): (1, 1, 1, 1, 1, 1, 0),  # 39 days
        ("2025-02", "tiktok"): (1, 1, 1, 1, 0, 1, 0),     # blocked on day 30: not open after 30 days
        ("2025-03", "telegram"): (1, 1, 1, 1, 1, 1, 1),   # 105 days
        ("2025-04", "facebook"): (1, 1, 0, 1, 0, 0, 0),   # same day; 70 days of data: not eligible for 90
        ("2025-06", "tiktok"): (1, 1, 1, 0, 0, 0, 0),     # open, 13 days of data after the report
    }


def test_status_change_across_two_imports(tmp_path):
    first_only = takedown(build(tmp_path / "one.duckdb", FIRST))
    both = takedown(build(tmp_path / "two.duckdb", FIRST, SECOND))
    beta_before = first_only[(first_only["platform"] == "facebook")].set_index("month")
    # After the first export fb.beta is open, reported 01-09; fb.alpha was blocked 01-20 and nothing more known.
    assert beta_before.loc["2025-03", "backlog_30_to_89"] == 1  # fb.beta, 82 days
    assert beta_before["blocked"].sum() == 1
    after = both[both["platform"] == "facebook"].set_index("month")
    # The second export brings fb.beta's block (same detection row, new status), fb.theta and fb.alpha's second block.
    assert after.loc["2025-04", "blocked"] == 3
    assert after.loc["2025-03", "backlog_30_to_89"] == 2  # fb.alpha re-reported after its restore joins fb.beta


@pytest.mark.parametrize(("provinces", "countries", "blocked"), [
    (["32"], [], {"2025-01": 1, "2025-03": 1, "2025-04": 2, "2025-06": 1}),  # tt.gamma counts via its 32/TW post
    ([], ["MY"], {"2025-01": 1, "2025-03": 1, "2025-04": 2, "2025-06": 1}),  # fb.alpha, tt.gamma, fb.theta, tg_zeta
    (["32"], ["MY"], {"2025-01": 1, "2025-04": 1, "2025-06": 1}),  # one post 32 AND MY: fb.alpha, tg_zeta only
    (["35"], ["SA"], {}),
])
def test_province_and_country_scope(reader, provinces, countries, blocked):
    frame = takedown(reader, provinces, countries)
    got = frame.groupby("month")["blocked"].sum()
    assert {m: n for m, n in got.items() if n} == blocked


def test_oldest_open_reports_at_the_end_of_march(reader):
    frame = reader.query("oldest_open_reports", as_of=datetime(2025, 4, 1), platforms=[], provinces=[],
                         countries=[], limit=10)
    got = list(zip(frame.handle, frame.waiting_days, frame.reported_at.dt.date, strict=True))
    assert got == [("fb.beta", 82, date(2025, 1, 9)), ("fb.alpha", 54, date(2025, 2, 6)),
                   ("ig.eps", 39, date(2025, 2, 21)), ("tg_zeta", 30, date(2025, 3, 2))]
    assert frame.url.tolist()[:2] == ["https://facebook.com/fb.beta", "https://facebook.com/fb.alpha"]
    assert pd.isna(frame.url[2])  # "javascript:alert(1)" in the export never became a link


def test_oldest_open_reports_filters_and_limit(reader):
    def handles(**params):
        base = {"as_of": datetime(2025, 4, 1), "platforms": [], "provinces": [], "countries": [], "limit": 10}
        return reader.query("oldest_open_reports", **(base | params)).handle.tolist()

    assert handles(platforms=["facebook"]) == ["fb.beta", "fb.alpha"]
    assert handles(countries=["MY"]) == ["fb.alpha", "tg_zeta"]
    assert handles(provinces=["33"], countries=["SA"]) == ["ig.eps"]
    assert handles(limit=1) == ["fb.beta"]
    assert handles(as_of=datetime(2025, 6, 16)) == ["tt.eta"]


def test_cases_by_month(reader):
    frame = reader.query("cases_by_month", platforms=[])
    got = [(m.strftime("%Y-%m"), t, c, o, n, v, k) for m, t, c, o, n, v, k in frame.itertuples(index=False)]
    assert got == [("2025-01", "Gaji tidak dibayar", "HK", "35", 1, 1, 0),  # BK-02 from Ponorogo (Jawa Timur)
                   ("2025-01", "Penipuan", "MY", "32", 1, 2, 1),          # phone of fb.alpha
                   ("2025-03", "TPPO", "MY", "52", 1, 3, 1),              # phone of tt.gamma
                   ("2025-04", "Penipuan", "TW", "32", 1, 1, 0),          # 23:30 UTC on 31 March: April in Jakarta
                   ("2025-06", "=cmd|' /C calc'!A0", "TW", "32", 1, 1, 1)]  # phone of tt.eta


def test_cases_filters(reader):
    def matched(platforms=(), provinces=(), countries=()):
        view = Filters(date(2025, 1, 1), date(2025, 6, 30), tuple(platforms), tuple(provinces), tuple(countries))
        frame = br.cases_in_scope(reader.query("cases_by_month", platforms=list(platforms)), view)
        return int(frame.cases.sum()), int(frame.matched_cases.sum())

    assert matched(platforms=["facebook"]) == (5, 1)  # cases are not restricted by platform; matches are
    assert matched(provinces=["32"]) == (3, 2)         # BK-01, BK-04, BK-05
    assert matched(countries=["MY"]) == (2, 2)
    assert matched(provinces=["32"], countries=["TW"], platforms=["tiktok"]) == (2, 1)


def test_networks_found_by_month(reader):
    assert derived_tables.networks_available(reader.query)  # the importer builds them
    frame = reader.query("networks_found_by_month", platforms=[], provinces=[], countries=[])
    # Shared phones link fb.alpha+BK-01, tt.gamma+BK-03 and tt.eta+BK-05: first detected January, January, June.
    assert [(m.strftime("%Y-%m"), n) for m, n in frame.itertuples(index=False)] == [("2025-01", 2), ("2025-06", 1)]
    frame = reader.query("networks_found_by_month", platforms=["facebook"], provinces=[], countries=[])
    assert [(m.strftime("%Y-%m"), n) for m, n in frame.itertuples(index=False)] == [("2025-01", 1)]


def test_empty_database_gives_no_rows(tmp_path):
    from jaring.ingest import create_database

    create_database(tmp_path / "empty.duckdb")
    reader = db.Reader(tmp_path / "empty.duckdb")
    assert reader.query("takedown_by_month", provinces=[], countries=[]).empty
    assert reader.query("cases_by_month", platforms=[]).empty
