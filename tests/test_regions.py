"""Regions logic on hand-built fixtures: region index, counts per region, newly active regencies, routes, drill-down.

tests/fixtures/regions_detections.csv (27 rows) and regions_cases.csv (6 rows) go through the real importer.
The map period is September–October 2025 (previous period July–August 2025); the newly-active window is the
same two months against the baseline September 2024 – August 2025 (365 days; the window has 61).
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from jaring import db, geo, regions
from jaring.filters import Filters
from jaring.ingest import import_files
from tests.region_support import candidate_texts

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DETECTIONS, CASES = FIXTURES / "regions_detections.csv", FIXTURES / "regions_cases.csv"
PERIOD = Filters(date(2025, 9, 1), date(2025, 10, 31))


@pytest.fixture(scope="module")
def regions_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("regions") / "regions.duckdb"
    results = import_files(path, [DETECTIONS, CASES])
    assert [r.status for r in results] == ["loaded", "loaded"], [r.summary() for r in results]
    return path


@pytest.fixture(scope="module")
def query(regions_db):
    return db.Reader(regions_db).query


def nonzero(frame: pd.DataFrame, columns: list[str]) -> dict[str, tuple]:
    active = frame.loc[frame[columns].sum(axis=1) > 0]
    return {row.code: tuple(int(getattr(row, c)) for c in columns) for row in active.itertuples()}


# ---------------------------------------------------------------- the region index


def test_detection_regions_come_from_column_text_and_coordinates(regions_db):
    found = db.Reader(regions_db).cursor().execute(
        "select detection_id, region_code, source from detection_regions "
        "order by detection_id, source, region_code nulls last").fetchall()
    indramayu = [(f"R0{i}", "32.12", "column") for i in range(1, 9)]  # R01–R08: "Kab. Indramayu"/"Indramayu"
    cianjur = [(f"R{i:02d}", "32.03", "column") for i in range(9, 17)]  # R09–R16: "Cianjur"
    lombok = [(f"R{i}", "52.03", "column") for i in range(17, 21)]  # R17–R20: "Lombok Timur"
    assert found == [*indramayu, *cianjur, *lombok,
                     ("R21", "35.02", "column"),  # "Kab. Ponorogo"
                     ("R22", "32.12", "text"),  # "khusus wilayah Indramayu dan sekitarnya"
                     ("R23", "35", "text"),  # "dibutuhkan dari Jatim": the province only
                     ("R24", None, "none"),  # "nasib malang, kerja angkat batu": look-alike words, no region
                     ("R25", "32.03", "column"), ("R25", "32.12", "text"),  # column Cianjur + ad names Indramayu
                     ("R26", None, "none"),  # "Negeri Antah Berantah": unresolved
                     ("R27", "32.73", "coordinates")]  # -6.91, 107.61 lies 3 km from Kota Bandung's point


def test_each_detection_counts_once_per_region_and_province(regions_db):
    cursor = db.Reader(regions_db).cursor()
    assert cursor.execute("select count(*), count(distinct detection_id) from detection_regions "
                          "where counts_detection").fetchone() == (27, 27)
    # R25 names Cianjur (column) and Indramayu (text): one count in each regency, one in Jawa Barat.
    assert cursor.execute("select region_code, counts_regency, counts_province, day, platform, destination_country "
                          "from detection_regions where detection_id = 'R25' order by region_code").fetchall() == [
        ("32.03", True, True, date(2025, 7, 6), "facebook", "MY"),
        ("32.12", True, False, date(2025, 7, 6), "facebook", "MY")]
    # R23 names only the province Jawa Timur: it counts there, in no regency.
    assert cursor.execute("select counts_regency, counts_province from detection_regions "
                          "where detection_id = 'R23'").fetchall() == [(False, True)]
    assert cursor.execute("select has_region_text from detection_regions where source = 'none' "
                          "order by detection_id").fetchall() == [(False,), (True,)]  # R24 empty, R26 "Negeri..."


def test_index_is_incremental_and_equals_a_full_rebuild(regions_db, tmp_path):
    from jaring.region_index import rebuild_detection_regions

    path = tmp_path / "copy.duckdb"
    shutil.copyfile(regions_db, path)
    extra = tmp_path / "extra.csv"
    extra.write_text("No Deteksi,Tgl Deteksi,Platform,Akun,Isi Iklan,Wilayah Sasaran\n"
                     "X01,01/10/2025,Facebook,baru,Loker khusus warga Kab. Cilacap,\n"
                     "R22,02/10/2025,Facebook,teks.saja,Sekarang untuk wilayah Cirebon saja,\n", encoding="utf-8")
    (result,) = import_files(path, [extra])
    assert result.status == "loaded"
    reader = db.Reader(path)
    statement = "select * from detection_regions order by all"
    incremental = reader.sql(statement)
    assert incremental.loc[incremental["detection_id"].isin(["X01", "R22"]),
                           ["detection_id", "region_code", "source"]].values.tolist() == [
        ["R22", "32", "text"],  # "Cirebon" is both Kab. and Kota Cirebon: their province; R22 rewritten
        ["X01", "33.01", "text"]]  # Kab. Cilacap
    assert reader.sql("select last_import_id from region_index_state")["last_import_id"].tolist() == [3]
    with db.writer(path) as con:
        assert rebuild_detection_regions(con, full=True, strict=True) == 28  # 27 + X01 (R22 replaced)
    assert reader.sql(statement).equals(incremental)


def with_first_index_layout(regions_db: Path, folder: Path) -> Path:
    """A copy of `regions_db` whose region index has the first layout (three columns)."""
    path = folder / "old.duckdb"
    shutil.copyfile(regions_db, path)
    with db.writer(path) as con:
        con.execute("drop table detection_regions")
        con.execute("create table detection_regions (detection_id varchar, region_code varchar, source varchar)")
    return path


def test_an_index_of_an_older_layout_is_reported_and_rebuilt(regions_db, tmp_path):
    from jaring.region_index import rebuild_database_index

    path = with_first_index_layout(regions_db, tmp_path)
    assert regions.index_state(db.Reader(path).query) == "missing"
    assert rebuild_database_index(path) == 27
    assert regions.index_state(db.Reader(path).query) == "ok"
    statement = "select * from detection_regions order by all"
    assert db.Reader(path).sql(statement).equals(db.Reader(regions_db).sql(statement))


def test_the_next_import_rebuilds_an_index_of_an_older_layout_with_the_other_derived_tables(regions_db, tmp_path):
    from jaring import derived_tables

    path = with_first_index_layout(regions_db, tmp_path)
    import_files(path, [FIXTURES / "detections_2025_03.csv"])  # any new import: the three are rebuilt at once
    reader = db.Reader(path)
    assert regions.index_state(reader.query) == "ok"
    counted, detections = reader.sql("select (select count(*) from detection_regions where counts_detection), "
                                     "(select count(*) from detections)").iloc[0]
    assert counted == detections
    assert derived_tables.networks_available(reader.query)
    assert reader.sql("select last_import_id from status_episode_state").iloc[0, 0] == 3


@pytest.mark.parametrize("text", [
    "khusus wilayah Indramayu dan sekitarnya", "dibutuhkan dari Jatim", "LOKER KAB.CIANJUR", "asal_Lotim",
    "daerah (Kota Bandung)", "𝗜𝗻𝗱𝗿𝗮𝗺𝗮𝘆𝘂 dan sekitarnya", "ＩＮＤＲＡＭＡＹＵ", "Kerja di Malaysia", "dari Malang"])
def test_prefilter_keeps_every_text_naming_a_region(text, tmp_path):
    from jaring.gazetteer import default_gazetteer

    if default_gazetteer().mentions(text):
        assert text in candidate_texts(tmp_path, [text])


def test_prefilter_drops_plain_text_without_alias_words(tmp_path):
    assert candidate_texts(tmp_path, ["LOKER MALAYSIA gaji besar tanpa biaya, hub WA 0812"]) == set()


# ---------------------------------------------------------------- counts per region


def test_detection_counts_per_province_and_regency(query):
    activity = regions.region_activity(query, PERIOD, "detections", PERIOD.start, PERIOD.end)
    assert len(activity) == 552  # every province and regency, zero or not
    assert nonzero(activity, ["detections", "detections_prev"]) == {
        # Jawa Barat: Indramayu 3 + Cianjur 6 + Kota Bandung 1 = 10; before: R06, R25 (two regencies, once) = 2
        "32": (10, 2),
        "32.03": (6, 1),  # R11–R16 (R16 at 31 Oct 23:30 still counts); before: R25 (6 July)
        "32.12": (3, 2),  # R07, R08, R22 (text); before: R06, R25 (text)
        "32.73": (1, 0),  # R27 by its coordinates
        "35": (2, 0),  # R21 (Ponorogo) + R23 ("dari Jatim")
        "35.02": (1, 0),
        "52": (4, 0), "52.03": (4, 0),  # R17–R20
    }
    cianjur = activity.set_index("code").loc["32.03"]
    assert (cianjur["value"], cianjur["previous"], cianjur["change"], cianjur["change_pct"]) == (6, 1, 5, 5.0)
    assert activity.set_index("code").loc["11", ["value", "previous"]].tolist() == [0, 0]  # Aceh: zero, present


def test_case_and_victim_counts_per_province_and_regency(query):
    activity = regions.region_activity(query, PERIOD, "victims", PERIOD.start, PERIOD.end)
    assert nonzero(activity, ["cases", "victims"]) == {
        "32": (2, 3), "32.03": (2, 3),  # C01 (2 victims) + C02 (1); C03 is April, outside both periods
        "35": (1, 1),  # C05: Jawa Timur with no regency
        "52": (1, 3), "52.03": (1, 3),  # C04
    }
    assert activity.set_index("code").loc["32.03", "value"] == 3
    both = regions.region_activity(query, PERIOD, "both", PERIOD.start, PERIOD.end).set_index("code")
    assert both.loc["32.03", "value"] == 6 + 2 and both.loc["32", "value"] == 10 + 2


def test_filters_apply_to_every_count(query):
    tiktok_jabar = Filters(PERIOD.start, PERIOD.end, platforms=("tiktok",), provinces=("32", "52"))
    activity = regions.region_activity(query, tiktok_jabar, "detections", PERIOD.start, PERIOD.end)
    assert set(activity["province_code"]) == {"32", "52"}  # only the filtered provinces are drawn
    assert nonzero(activity, ["detections"]) == {"52": (4,), "52.03": (4,)}  # loker.ntb is the TikTok account
    cambodia = Filters(PERIOD.start, PERIOD.end, countries=("KH",))
    activity = regions.region_activity(query, cambodia, "both", PERIOD.start, PERIOD.end)
    assert nonzero(activity, ["detections", "cases"]) == {"32": (6, 2), "32.03": (6, 2)}


def test_rows_without_a_region_are_counted(query):
    assert regions.unplaced_counts(query, PERIOD, PERIOD.start, PERIOD.end) == {
        "detections": 18,  # R07, R08, R11–R24 except R09/R10, R26, R27: 2 + 6 + 4 + 1 + 3 + 2 = 18
        "detections_unplaced": 2,  # R24 (look-alike words only) and R26 ("Negeri Antah Berantah")
        "detections_unplaced_with_text": 1,  # R26
        "cases": 5, "cases_unplaced": 1, "victims_unplaced": 2}  # C06 "Antah / Berantah", 2 victims


def test_previous_period():
    assert regions.previous_period(date(2025, 9, 1), date(2025, 10, 31)) == (date(2025, 7, 1), date(2025, 8, 31))
    assert regions.previous_period(date(2025, 3, 1), date(2025, 3, 31)) == (date(2025, 2, 1), date(2025, 2, 28))
    assert regions.previous_period(date(2025, 3, 10), date(2025, 3, 19)) == (date(2025, 2, 28), date(2025, 3, 9))


# ---------------------------------------------------------------- newly active regencies


def test_new_and_surging_regencies_are_flagged_and_quiet_ones_not(query):
    found = regions.newly_active(query, PERIOD, "detections", regions.Thresholds(), language="en")
    assert found.windows == regions.Windows(date(2025, 9, 1), date(2025, 10, 31), date(2024, 9, 1),
                                            date(2025, 8, 31))
    table = found.table.set_index("code")
    assert table.index.tolist() == ["52.03", "32.03"]  # new first, then surging
    # Lombok Timur: 4 in the window, none in the baseline -> new; first seen 5 Sep 2025 (R17).
    assert table.loc["52.03", ["flag", "now", "baseline"]].tolist() == ["new", 4, 0]
    assert table.loc["52.03", "first_seen"] == pd.Timestamp("2025-09-05")
    # Cianjur: 6 now; baseline R09, R10, R25 = 3, so expected 3 * 61/365 = 0.501; 6 >= 2 x 0.501 and
    # P(X >= 6 | 0.501) = e^-0.501 * 0.501^6/6! * (1 + 0.501/7 + ...) = 1.44e-5 <= 0.01 -> surging.
    cianjur = table.loc["32.03"]
    assert (cianjur["flag"], cianjur["now"], cianjur["baseline"], cianjur["expected"]) == ("surging", 6, 3, 0.5)
    assert cianjur["p_value"] == pytest.approx(1.44e-5, rel=0.01)
    assert cianjur["first_seen"] == pd.Timestamp("2024-11-03")
    assert cianjur["reason"] == "Surging: 6 vs 0.5 expected (×12.0); Poisson P(X ≥ 6) = 1.4e-05 ≤ 0.01"
    assert table.loc["52.03", "reason"] == "New: 4 in the last 2 months, none in the 12 months before"
    # Not flagged: Ponorogo (1 event, quiet), Kota Bandung (1), Indramayu (3 now vs 7 x 61/365 = 1.17
    # expected: P(X >= 3) = 0.115 > 0.01, steady).
    assert table.loc["52.03", "top_accounts"] == "tiktok:loker.ntb (4)"
    assert cianjur["top_accounts"] == "facebook:rekrut.cianjur (6)"


def test_thresholds_are_adjustable(query):
    loose = regions.Thresholds(min_count=1)
    flagged = regions.newly_active(query, PERIOD, "detections", loose).table
    # With one event enough, the quiet single-event regencies become "new"; Indramayu stays unflagged.
    assert dict(zip(flagged["code"], flagged["flag"], strict=True)) == {
        "32.73": "new", "35.02": "new", "52.03": "new", "32.03": "surging"}
    cases = regions.newly_active(query, PERIOD, "cases", regions.Thresholds(min_count=2)).table
    assert cases[["code", "flag", "now"]].values.tolist() == [["32.03", "new", 2]]  # C01 + C02; C04 alone is 1
    strict = regions.Thresholds(alpha=1e-6)
    assert regions.newly_active(query, PERIOD, "detections", strict).table["code"].tolist() == ["52.03"]


def test_window_can_end_earlier(query):
    # Window August–September 2025: Lombok Timur has 2 (R17, R18) < 3; Cianjur 3 (R11–R13) against a baseline
    # of 3 (R09, R10, R25) x 61/365 = 0.501 expected: P(X >= 3) = 1 - e^-0.501 (1 + 0.501 + 0.1255) = 0.0144.
    september = date(2025, 9, 30)
    assert regions.newly_active(query, PERIOD, "detections", regions.Thresholds(), end=september).table.empty
    looser = regions.newly_active(query, PERIOD, "detections", regions.Thresholds(alpha=0.05), end=september)
    assert looser.table[["code", "flag", "now", "baseline"]].values.tolist() == [["32.03", "surging", 3, 3]]
    assert looser.table["p_value"].iloc[0] == pytest.approx(0.0144, abs=0.0002)


def test_networks_column_says_when_networks_are_not_built(regions_db, tmp_path):
    path = tmp_path / "no_networks.duckdb"
    shutil.copyfile(regions_db, path)
    with db.writer(path) as con:
        con.execute("drop table if exists network_members")
    found = regions.newly_active(db.Reader(path).query, PERIOD, "detections", regions.Thresholds(), language="en")
    assert not found.networks_available
    assert set(found.table["networks"]) == {"not available yet (networks not built)"}


def test_networks_targeting_a_region(regions_db, tmp_path):
    path = tmp_path / "networks.duckdb"
    shutil.copyfile(regions_db, path)
    now = datetime(2025, 11, 1)
    with db.writer(path) as con:
        ids = dict(con.execute("select handle, account_id from accounts").fetchall())
        con.execute("delete from network_members")
        con.execute("delete from networks")
        for network_id, accounts, merged in ((7, 3, None), (8, 1, 7)):  # 8 was merged into 7: not live
            con.execute("insert into networks (network_id, created_at, changed_at, accounts, cases, identifiers, "
                        "merged_into) values (?, ?, ?, ?, 0, 1, ?)", [network_id, now, now, accounts, merged])
        for network_id, handle in ((7, "rekrut.cianjur"), (7, "loker.indramayu"), (8, "loker.ntb")):
            con.execute("insert into network_members (network_id, node_kind, account_id) values (?, 'account', ?)",
                        [network_id, ids[handle]])
    found = regions.newly_active(db.Reader(path).query, PERIOD, "detections", regions.Thresholds())
    assert dict(zip(found.table["code"], found.table["networks"], strict=True)) == {
        "32.03": "#7 (1/3)",  # rekrut.cianjur is one of network 7's 3 accounts
        "52.03": ""}  # loker.ntb's network 8 was merged away
    drill = regions.drill_down(db.Reader(path).query, PERIOD, "32", PERIOD.start, PERIOD.end)
    # Jawa Barat: rekrut.cianjur (R11–R16) + loker.indramayu (R07, R08) = 2 accounts, 8 detections
    assert drill.networks[["network_id", "accounts_here", "detections"]].values.tolist() == [[7, 2, 8]]


# ---------------------------------------------------------------- routes and drill-down


def test_routes_origin_province_to_destination(query):
    routes = regions.routes(query, PERIOD, "detections", "province", PERIOD.start, PERIOD.end)
    assert routes[["origin_code", "iso2", "value", "previous", "new_route"]].values.tolist() == [
        ["32", "KH", 6, 0, True],  # Cianjur newly feeds Cambodia (R11–R16)
        ["52", "MY", 4, 0, True],  # R17–R20
        ["32", "MY", 2, 2, False],  # R07, R08; before R06, R25
        ["32", "TW", 1, 0, True],  # R22
        ["35", "HK", 1, 0, True],  # R21
        ["35", "TW", 1, 0, True]]  # R23; R27 has no destination, R24/R26 no region
    cases = regions.routes(query, PERIOD, "victims", "regency", PERIOD.start, PERIOD.end)
    assert cases.loc[cases["value"] > 0, ["origin_code", "iso2", "value"]].values.tolist() == [
        ["32.03", "KH", 3], ["52.03", "MY", 3]]  # C01 + C02; C04. C05 has no regency.


def test_drill_down_of_a_regency(query):
    drill = regions.drill_down(query, PERIOD, "32.03", PERIOD.start, PERIOD.end)
    assert drill.trend.assign(month=drill.trend["month"].astype(str)).values.tolist() == [
        ["2025-09-01", 3, 1, 2],  # R11, R12, R13; C01 with 2 victims
        ["2025-10-01", 3, 1, 1]]  # R14, R15, R16; C02
    assert drill.case_types.values.tolist() == [["Penipuan", 1, 1], ["TPPO", 1, 2]]
    assert drill.destinations[["iso2", "detections", "cases", "victims"]].values.tolist() == [["KH", 6, 2, 3]]
    assert drill.accounts[["handle", "detections"]].values.tolist() == [["rekrut.cianjur", 6]]


def test_drill_down_of_a_province_covers_its_regencies(query):
    drill = regions.drill_down(query, PERIOD, "35", PERIOD.start, PERIOD.end)
    assert drill.trend[["detections", "cases", "victims"]].values.tolist() == [[0, 0, 0], [2, 1, 1]]  # R21, R23; C05
    assert sorted(drill.accounts["handle"]) == ["satu.kali", "teks.saja"]


def test_neighbours_within_a_distance(query):
    activity = regions.region_activity(query, PERIOD, "detections", PERIOD.start, PERIOD.end)
    # From Kota Bandung's reference point: Kota Cimahi 11.0 km, Kab. Bandung 20.0, Kab. Bandung Barat 24.7,
    # Kab. Cianjur 57.7 (geodesic on the reference coordinates of regions.csv).
    near = regions.neighbours(activity, "32.73", 21)
    assert near[["code", "distance_km"]].values.tolist() == [["32.77", 11.0], ["32.04", 20.0]]
    wider = regions.neighbours(activity, "32.03", 60)  # from Cianjur, Kota Bandung (57.7 km) is a neighbour
    assert wider.set_index("code").loc["32.73", ["distance_km", "value"]].tolist() == [57.7, 1]


# ---------------------------------------------------------------- geodesic helpers


@pytest.mark.parametrize(("a", "b", "km"), [
    ((0.0, 0.0), (0.0, 1.0), 111.319),  # one degree of the WGS84 equator: 6378.137 km x pi/180
    ((0.0, 0.0), (1.0, 0.0), 110.574),  # one degree of meridian at the equator
    ((-6.2, 106.8), (-6.2, 106.8), 0.0),
])
def test_geodesic_distances(a, b, km):
    assert geo.geodesic_km(a, b) == pytest.approx(km, abs=0.01)


def test_neighbours_on_a_hand_drawn_reference():
    reference = pd.DataFrame({"code": ["A", "B", "C", "D"], "lat": [0.0, 0.0, 1.0, 0.0],
                              "lon": [0.0, 1.0, 0.0, 2.0]})
    assert geo.neighbours_within("A", 111.0, reference)["code"].tolist() == ["C"]  # C 110.6 km, B 111.3 km
    assert geo.neighbours_within("A", 112.0, reference)["code"].tolist() == ["C", "B"]
    assert geo.neighbours_within("Z", 500.0, reference).empty


def test_nearest_regency_of_coordinates():
    from jaring.gazetteer import default_gazetteer

    regencies = pd.DataFrame([{"code": c, **{k: default_gazetteer().region(c)[k] for k in ("lat", "lon")}}
                              for c in ("32.73", "32.04", "32.12", "52.03")])
    points = geo.nearest_points([-6.91, -7.10, -6.45, -8.50], [107.61, 107.60, 108.17, 116.50], regencies)
    assert points["code"].tolist() == ["32.73", "32.04", "32.12", "52.03"]
    assert points["km"].iloc[0] == pytest.approx(3.1, abs=0.2)  # gazetteer.nearest_regency says 3.112 km
    assert default_gazetteer().nearest_regency(-6.91, 107.61).code == "32.73"
