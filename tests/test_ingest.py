"""Import semantics on hand-built exports: every expected number below was counted by hand from the fixtures."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from jaring import db, ingest
from jaring.ingest import import_files

FIXTURES = Path(__file__).parent / "fixtures"
MARCH = FIXTURES / "detections_2025_03.csv"
APRIL = FIXTURES / "detections_2025_04.csv"
CASES = FIXTURES / "cases_2025.csv"


def table_counts(path: Path) -> dict[str, int]:
    frame = db.Reader(path).query("table_row_counts")
    return dict(zip(frame.table_name, frame.row_count, strict=True))


def write_export(folder: Path, name: str, text: str) -> Path:
    """A small export file, written as UTF-8 text."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def write_rows(folder: Path, name: str, header: str, rows: list[str]) -> Path:
    """A small export of `rows` under `header` (lines of ;-separated cells)."""
    return write_export(folder, name, "\n".join([header, *rows]) + "\n")


def import_in_turn(database: Path, first: Path, later: Path):
    """Import `first`, then `later` on its own; the result of `later`."""
    import_files(database, [first])
    (result,) = import_files(database, [later])
    return result


def scalar(path: Path, sql: str, params=None):
    return db.Reader(path).sql(sql, params).iloc[0, 0]


@pytest.fixture
def database(tmp_path) -> Path:
    return tmp_path / "jaring.duckdb"


def test_first_detection_export(database):
    (result,) = import_files(database, [MARCH])
    assert result.status == "loaded", result.message
    assert result.kind == "detections"
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (7, 5, 2)
    assert result.new_accounts == 5
    assert result.new_detections == 5
    counts = table_counts(database)
    assert counts["detections"] == 5
    assert counts["accounts"] == 5
    assert counts["rejects"] == 2
    assert counts["regions"] == 552


def test_rejects_keep_the_raw_row_and_a_reason(database):
    import_files(database, [MARCH])
    rejects = db.Reader(database).sql("select row_number, raw, reason from rejects order by row_number")
    assert list(rejects.row_number) == [4, 5]
    assert "31/02/2025" in rejects.reason[0]
    assert '"No Deteksi": "DET-004"' in rejects.raw[0]
    assert "no account" in rejects.reason[1]


def test_block_at_2330_utc_on_the_last_day_belongs_to_next_month_in_jakarta(database):
    import_files(database, [MARCH])
    blocked = scalar(database, "select blocked_at from detections where detection_id = 'DET-007'")
    assert blocked == datetime(2025, 4, 1, 6, 30)


def test_dates_in_every_written_form(database):
    import_files(database, [MARCH])
    frame = db.Reader(database).sql("select detection_id, detected_at from detections order by detection_id")
    got = dict(zip(frame.detection_id, frame.detected_at, strict=True))
    assert got["DET-001"] == datetime(2025, 3, 3)
    assert got["DET-002"] == datetime(2025, 3, 4)  # "4 Maret 2025"
    assert got["DET-003"] == datetime(2025, 3, 5, 14, 5)


def test_same_file_twice_adds_nothing(database):
    import_files(database, [MARCH])
    before = table_counts(database)
    (again,) = import_files(database, [MARCH])
    assert again.status == "skipped"
    assert table_counts(database) == before


def test_a_file_that_cannot_be_read_fails_alone(database, tmp_path):
    # The file is hashed while DuckDB parses it: whichever fails first, the analyst is told it cannot be read.
    gone, loaded = import_files(database, [tmp_path / "gone.csv", MARCH])
    assert gone.status == "failed" and gone.message == "cannot read the file: No such file or directory"
    assert loaded.status == "loaded"


def test_a_repeat_in_the_same_load_is_skipped(database):
    first, again = import_files(database, [MARCH, MARCH])
    assert (first.status, again.status) == ("loaded", "skipped")
    assert f"import #{first.import_id}" in again.message


def test_same_rows_under_another_name_add_nothing(database, tmp_path):
    import_files(database, [MARCH])
    before = table_counts(database)
    copy = tmp_path / "renamed_with_extra_newline.csv"
    copy.write_bytes(MARCH.read_bytes() + b"\n")
    (again,) = import_files(database, [copy])
    assert again.status == "loaded"
    assert (again.new_accounts, again.new_detections, again.status_changes) == (0, 0, 0)
    after = table_counts(database)
    for table in ("accounts", "detections", "status_history", "identifiers", "account_identifiers"):
        assert after[table] == before[table], table


# The keys queries/setup/schema.sql documents; no index enforces them, the import's anti-joins do.
TABLE_KEYS = {
    "accounts": "account_key",
    "identifiers": "kind, value",
    "detections": "detection_id",
    "status_history": "account_id, status, changed_at",
    "account_identifiers": "account_id, identifier_id, detection_id",
    "cases": "case_id",
    "case_identifiers": "case_id, identifier_id",
}


def test_every_documented_key_stays_unique_over_repeated_and_overlapping_imports(database, tmp_path):
    copy = tmp_path / "march_again.csv"
    copy.write_bytes(MARCH.read_bytes() + b"\n")
    import_files(database, [MARCH, APRIL, CASES, copy, APRIL])
    reader = db.Reader(database)
    for table, key in TABLE_KEYS.items():
        # Table and key names are the constants above, not input.
        repeated = reader.sql(f"select count(*) from (select {key} from {table} group by all having count(*) > 1)")  # noqa: S608
        assert repeated.iloc[0, 0] == 0, table
    assert table_counts(database)["accounts"] > 0


def test_overlapping_later_export_updates_status(database):
    import_files(database, [MARCH])
    (april,) = import_files(database, [APRIL])
    assert april.status == "loaded", april.message
    # DET-001 and DET-002 repeat; DET-008 is a new post of a known account (handle written in other case);
    # DET-009 is a new account.
    assert april.new_detections == 2
    assert april.new_accounts == 1
    assert april.status_changes == 1  # loker.malaysia: reported -> blocked
    account = db.Reader(database).sql(
        "select status, blocked_at, reported_at from accounts where account_key = 'facebook:loker.malaysia'")
    assert account.status[0] == "blocked"
    assert account.blocked_at[0] == datetime(2025, 4, 2)
    assert account.reported_at[0] == datetime(2025, 3, 5)
    history = db.Reader(database).sql(
        "select h.status, h.changed_at from status_history h join accounts a using (account_id) "
        "where a.account_key = 'facebook:loker.malaysia' order by changed_at")
    assert list(history.status) == ["detected", "reported", "blocked"]


def test_overlapping_exports_in_either_order_give_the_same_tables(tmp_path):
    forward, backward = tmp_path / "f.duckdb", tmp_path / "b.duckdb"
    import_files(forward, [MARCH, APRIL])
    import_files(backward, [APRIL, MARCH])
    sql = "select account_key, status, blocked_at, first_seen, last_seen from accounts order by account_key"
    assert db.Reader(forward).sql(sql).equals(db.Reader(backward).sql(sql))
    sql = "select detection_id, status, blocked_at from detections order by detection_id"
    assert db.Reader(forward).sql(sql).equals(db.Reader(backward).sql(sql))


def test_an_older_export_does_not_undo_a_block_made_the_day_it_was_reported(tmp_path):
    # Exports often give dates without a time: the report and the block of a fast takedown fall on one instant.
    header = "No Deteksi;Tgl Deteksi;Platform;Akun;Status;Tgl Lapor;Tgl Blokir\n"
    older = write_export(tmp_path, "older.csv", header + "D1;01/03/2025;Facebook;akun_a;dilaporkan;05/03/2025;\n")
    newer = write_export(tmp_path, "newer.csv",
                         header + "D1;01/03/2025;Facebook;akun_a;diblokir;05/03/2025;05/03/2025\n")
    sql = "select status, reported_at, blocked_at from detections"
    expected = [("blocked", datetime(2025, 3, 5), datetime(2025, 3, 5))]
    for order in ([older, newer], [newer, older]):
        database = tmp_path / f"{order[0].stem}_first.duckdb"
        import_files(database, order)
        assert list(db.Reader(database).sql(sql).itertuples(index=False, name=None)) == expected
        assert scalar(database, "select status from accounts") == "blocked"


# What each table says, on natural keys (account and identifier ids follow the order of first appearance).
NATURAL_VIEWS = {
    "accounts": "select account_key, platform, handle, url, display_name, first_seen, last_seen, status, "
                "reported_at, blocked_at from accounts",
    "detections": "select d.* exclude (account_id, import_id), a.account_key from detections d "
                  "join accounts a using (account_id)",
    "status_history": "select a.account_key, h.status, h.changed_at from status_history h "
                      "join accounts a using (account_id)",
    "account_identifiers": "select a.account_key, i.kind, i.value, x.detection_id, x.source_field "
                           "from account_identifiers x join accounts a using (account_id) "
                           "join identifiers i using (identifier_id)",
    "status_episode_events": "select a.account_key, e.* exclude (account_id) from status_episode_events e "
                             "join accounts a using (account_id)",
    "detection_regions": "select a.account_key, r.* exclude (account_id) from detection_regions r "
                         "join accounts a using (account_id)",
}


def test_overlapping_exports_in_any_order_give_the_same_tables(tmp_path):
    from jaring.bench.synthetic import synthetic_detections

    export = synthetic_detections(1200, accounts=120, seed=3)
    # A later export repeats some detections, their reports now blocked the same day (dates without a time).
    later = export[export["Status"] == "dilaporkan"].head(60).copy()
    later["Status"], later["Tgl Blokir"] = "diblokir", later["Tgl Lapor"]
    chunks = []
    for number, chunk in enumerate([export.iloc[:500], export.iloc[400:900], export.iloc[800:], later]):
        chunks.append(tmp_path / f"chunk{number}.csv")
        chunk.to_csv(chunks[-1], sep=";", index=False)
    # The same rows once more, all in one file in shuffled order: a detection then comes twice in one file, its
    # older state sometimes after its newer one.
    shuffled = tmp_path / "all_in_one.csv"
    pd.concat([pd.read_csv(chunk, sep=";", dtype=str, keep_default_na=False) for chunk in chunks]) \
        .sample(frac=1, random_state=5).to_csv(shuffled, sep=";", index=False)
    tables = []
    for order in (chunks, [chunks[3], chunks[2], chunks[0], chunks[1]], [shuffled]):
        database = tmp_path / f"{len(tables)}.duckdb"
        import_files(database, order)
        tables.append({name: db.Reader(database).sql(f"{sql} order by all") for name, sql in NATURAL_VIEWS.items()})
    assert len(tables[0]["detections"]) > 1100  # the rows dated after today are rejected
    assert (tables[0]["detections"]["status"] == "blocked").sum() >= 60
    for other in tables[1:]:
        for name, frame in tables[0].items():
            assert frame.equals(other[name]), name


def test_blocked_per_month_by_hand(database):
    import_files(database, [MARCH, APRIL])
    frame = db.Reader(database).sql(
        "select strftime(changed_at, '%Y-%m') as month, count(*) as n from status_history "
        "where status = 'blocked' group by 1 order by 1")
    # kerja_taiwan 20 March; infoloker_ln 1 April 06:30 Jakarta; loker.malaysia 2 April.
    assert dict(zip(frame.month, frame.n, strict=True)) == {"2025-03": 1, "2025-04": 2}


def test_shared_identifiers_link_accounts_and_cases(database):
    import_files(database, [MARCH, APRIL, CASES])
    phone_accounts = db.Reader(database).sql(
        "select distinct a.handle from account_identifiers ai join identifiers i using (identifier_id) "
        "join accounts a using (account_id) where i.kind = 'phone' and i.value = '+6281200004455' order by 1")
    assert list(phone_accounts.handle) == ["infoloker_ln", "kerja_taiwan", "loker.malaysia"]
    bank_accounts = db.Reader(database).sql(
        "select distinct a.handle from account_identifiers ai join identifiers i using (identifier_id) "
        "join accounts a using (account_id) where i.kind = 'bank_account' and i.value = 'BRI:123401000123507' "
        "order by 1")
    assert list(bank_accounts.handle) == ["gaji.besar.ln", "loker.malaysia"]
    cases = db.Reader(database).sql(
        "select distinct case_id from case_identifiers ci join identifiers i using (identifier_id) "
        "where i.value in ('+6281200004455', 'BRI:123401000123507') order by 1")
    assert list(cases.case_id) == ["KS-01", "KS-03"]


def test_case_export(database):
    (result,) = import_files(database, [CASES])
    assert result.kind == "cases"
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (5, 4, 1)
    frame = db.Reader(database).sql("select case_id, origin_region_code, destination_country, victims "
                                    "from cases order by case_id")
    assert list(frame.case_id) == ["KS-01", "KS-02", "KS-03", "KS-05"]
    assert list(frame.origin_region_code[:3]) == ["32.12", "35.02", "52.03"]
    assert list(frame.destination_country) == ["MY", "HK", "KH", "MY"]
    assert int(frame.victims.sum()) == 2 + 1 + 3 + 2
    unresolved = db.Reader(database).sql("select raw, rows from unresolved_regions")
    assert list(unresolved.raw) == ["Berantah, Antah"]


def test_unresolved_regions_are_counted_not_guessed(database):
    import_files(database, [MARCH])
    frame = db.Reader(database).sql("select raw, rows from unresolved_regions order by raw")
    assert "Kota Antah Berantah" in set(frame.raw)


def test_a_failure_mid_import_leaves_the_database_unchanged(database, monkeypatch):
    import_files(database, [MARCH])
    before_bytes = hashlib.sha256(database.read_bytes()).hexdigest()
    real_run_script = db.run_script

    def failing_after_merge(con, name, **params):
        real_run_script(con, name, **params)
        if name == "ingest/merge_detections":
            raise RuntimeError("disk full (injected)")

    monkeypatch.setattr(db, "run_script", failing_after_merge)
    (result,) = import_files(database, [APRIL])
    assert result.status == "failed"
    assert "injected" in result.message
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before_bytes


def test_one_bad_file_does_not_stop_the_others(database, tmp_path):
    junk = write_export(tmp_path, "junk.csv", "foo;bar\n1;2\n")
    results = import_files(database, [junk, MARCH])
    assert [r.status for r in results] == ["failed", "loaded"]
    assert "cannot tell whether" in results[0].message
    assert table_counts(database)["imports"] == 1


def test_a_kind_the_headers_contradict_is_refused(database):
    # A detection export's "No HP/WA", "Akun" and "Tgl Lapor" would also pass for a case export's recruiter
    # contacts and report date: loaded as cases, it made hundreds of cases out of posts.
    (result,) = import_files(database, [MARCH], kind="cases")
    assert result.status == "failed"
    assert "look like a detection export" in result.message and "'Platform'" in result.message
    assert table_counts(database)["cases"] == 0 and table_counts(database)["imports"] == 0


def test_the_columns_an_import_did_not_use_are_named(database, tmp_path):
    # A misspelt "Tgl Blokr" would leave every block date out without a word: the analyst must see it.
    export = write_export(
        tmp_path, "d.csv",
        "No Deteksi;Tgl Deteksi;Platform;Akun;Status;Tgl Blokr;Catatan\n"
        "D1;01/03/2025;Facebook;akun_a;diblokir;05/03/2025;cek ulang\n")
    (result,) = import_files(database, [export])
    assert result.unused_columns == "'Tgl Blokr' (like blocked_at?), 'Catatan'"
    assert result.summary().endswith("; columns not used: 'Tgl Blokr' (like blocked_at?), 'Catatan'")
    (complete,) = import_files(database, [MARCH])
    assert complete.unused_columns == "" and "not used" not in complete.summary()


def test_wrong_columns_name_found_required_and_closest(database, tmp_path):
    wrong = write_export(tmp_path, "wrong.csv", "Tgl Dteksi;Platform;Akun;Isi Iklan\n01/03/2025;Facebook;x;y\n")
    (result,) = import_files(database, [wrong], kind="detections")
    assert result.status == "failed"
    assert "detected_at" in result.message
    assert "'Tgl Dteksi'" in result.message  # closest header
    assert "Columns found" in result.message


def test_new_database_has_reference_regions(database):
    ingest.create_database(database)
    counts = table_counts(database)
    assert counts["regions"] == 552
    assert counts["imports"] == 0


# The million-distinct text columns: ZSTD is cheaper to write there than DuckDB's default (queries/setup/schema.sql).
ZSTD_COLUMNS = {("detections", "detection_id"), ("detections", "content_url"), ("detections", "content_text"),
                ("account_identifiers", "detection_id"), ("detection_regions", "detection_id")}


def test_distinct_text_columns_are_stored_with_zstd_and_the_others_are_not(database):
    import_files(database, [MARCH])
    compression = {}
    for table in ("detections", "account_identifiers", "detection_regions"):
        frame = db.Reader(database).sql(
            "select column_name, string_agg(distinct compression, ',') as methods "
            "from pragma_storage_info($table) where segment_type = 'VARCHAR' group by column_name", {"table": table})
        compression |= {(table, column): methods for column, methods in zip(frame.column_name, frame.methods,
                                                                            strict=True)}
    assert {key for key, methods in compression.items() if methods == "ZSTD"} == ZSTD_COLUMNS
    assert compression[("detections", "status")] != "ZSTD"


def test_placeholder_cells_are_empty_and_platform_suffix_is_dropped(database, tmp_path):
    export = write_export(
        tmp_path, "cases.csv",
        "No Pengaduan;Tanggal Pengaduan;Provinsi;Kab/Kota;Negara Penempatan;Akun Perekrut\n"
        "K-1;01/03/2025;-;-;Malaysia;peluang.brunei (Facebook)\n"
        "K-2;02/03/2025;Jawa Barat;—;-;@kerja.jepang\n")
    (result,) = import_files(database, [export])
    assert (result.status, result.rows_loaded, result.unresolved_regions, result.invalid_identifiers) == (
        "loaded", 2, 0, 0)
    frame = db.Reader(database).sql("select case_id, origin_region_code, destination_country from cases "
                                    "order by case_id")
    assert frame.origin_region_code.isna()[0] and frame.origin_region_code[1] == "32"
    assert frame.destination_country[0] == "MY" and frame.destination_country.isna()[1]
    handles = db.Reader(database).sql("select value from identifiers where kind = 'handle' order by value")
    assert list(handles.value) == ["kerja.jepang", "peluang.brunei"]


def test_a_row_without_platform_is_rejected_not_lost(database, tmp_path):
    export = write_export(
        tmp_path, "d.csv",
        "Tgl Deteksi;Platform;Akun;URL Akun\n"
        "01/03/2025;;someone;\n"
        "01/03/2025;;;https://www.instagram.com/kerja.ln/\n")
    (result,) = import_files(database, [export])
    assert (result.rows_loaded, result.rows_rejected) == (1, 1)
    assert db.Reader(database).sql("select account_key from accounts").account_key[0] == "instagram:kerja.ln"
    assert "no platform" in db.Reader(database).sql("select reason from rejects").reason[0]


def test_identifiers_only_in_rows_that_do_not_load_are_not_added(database, tmp_path):
    export = write_export(
        tmp_path, "d.csv",
        "No Deteksi;Tgl Deteksi;Platform;Akun;No HP/WA;Isi Iklan\n"
        "D1;01/03/2025;Facebook;akun_a;0812-1111-0001;hub 0812-1111-0009\n"  # earlier state of D1: its links kept
        "D2;;Facebook;akun_b;0812-1111-0002;hub 0812-1111-0003\n"  # no date: rejected
        "D3;31/02/2025;Facebook;akun_c;0812-1111-0003;\n"  # impossible date: rejected
        "D1;02/03/2025;Facebook;akun_a;0812-1111-0004;\n"
        "D4;02/03/2025;Facebook;akun_d;0812-1111-0002;\n")  # also in the rejected D2: kept
    (result,) = import_files(database, [export])
    assert (result.rows_loaded, result.rows_rejected, result.new_detections) == (3, 2, 2)
    phones = db.Reader(database).sql("select value from identifiers where kind = 'phone' order by value")
    assert list(phones.value) == ["+6281211110001", "+6281211110002", "+6281211110004", "+6281211110009"]
    links = db.Reader(database).sql(
        "select a.account_key, i.value, ai.detection_id, ai.source_field from account_identifiers ai "
        "join accounts a using (account_id) join identifiers i using (identifier_id) order by i.value")
    assert links.values.tolist() == [["facebook:akun_a", "+6281211110001", "D1", "phones"],
                                     ["facebook:akun_d", "+6281211110002", "D4", "phones"],
                                     ["facebook:akun_a", "+6281211110004", "D1", "phones"],
                                     ["facebook:akun_a", "+6281211110009", "D1", "content_text"]]


def test_an_identifier_in_a_column_and_in_the_ad_is_credited_to_the_column(database, tmp_path):
    export = write_export(
        tmp_path, "d.csv",
        "No Deteksi;Tgl Deteksi;Platform;Akun;No HP/WA;No Rek;Isi Iklan\n"
        "D1;01/03/2025;Facebook;akun_a;0812-1111-0001;BRI 1234-5678-90;WA 0812-1111-0001, BRI 1234567890\n"
        "D2;01/03/2025;Facebook;akun_b;;;hubungi 0812-1111-0002\n")
    import_files(database, [export])
    links = db.Reader(database).sql(
        "select ai.detection_id, i.kind, ai.source_field from account_identifiers ai "
        "join identifiers i using (identifier_id) order by ai.detection_id, i.kind")
    assert links.values.tolist() == [["D1", "bank_account", "bank_accounts"], ["D1", "phone", "phones"],
                                     ["D2", "phone", "content_text"]]


def test_one_identifier_written_twice_in_a_cell_is_linked_once(database, tmp_path):
    detections = write_export(
        tmp_path, "d.csv",
        "No Deteksi;Tgl Deteksi;Platform;Akun;No HP/WA;Isi Iklan\n"
        "D1;01/03/2025;Facebook;akun_a;0812-1111-0001 / +62 812 1111 0001;WA 0812 1111 0001 atau 62812-1111-0001\n")
    cases = write_export(
        tmp_path, "c.csv",
        "No Kasus;Tanggal Lapor;Provinsi;Negara Tujuan;Nomor Perekrut;Kronologi\n"
        "K1;02/03/2025;Jawa Barat;Malaysia;0812-1111-0001, 62 812 1111 0001;ditelepon dari 0812.1111.0001\n")
    import_files(database, [detections, cases])
    assert scalar(database, "select count(*) from identifiers") == 1
    assert scalar(database, "select count(*) from account_identifiers") == 1
    assert scalar(database, "select source_field from account_identifiers") == "phones"
    assert scalar(database, "select count(*) from case_identifiers") == 1
    assert scalar(database, "select source_field from case_identifiers") == "recruiter_phones"


def test_every_phone_column_of_a_row_is_read(database, tmp_path):
    export = write_export(
        tmp_path, "d.csv",
        "No Deteksi;Tgl Deteksi;Platform;Akun;No HP 1;No HP 2;WhatsApp\n"
        "D1;01/03/2025;Facebook;akun_a;0812-1111-0001;0812-1111-0002;\n"
        "D2;01/03/2025;Facebook;akun_b;;;0812-1111-0003\n")
    (result,) = import_files(database, [export])
    links = db.Reader(database).sql(
        "select ai.detection_id, i.value, ai.source_field from account_identifiers ai "
        "join identifiers i using (identifier_id) order by all")
    assert links.values.tolist() == [["D1", "+6281211110001", "phones"], ["D1", "+6281211110002", "phones"],
                                     ["D2", "+6281211110003", "phones"]]
    mapping = scalar(database, "select column_mapping from imports")
    assert '"phones": ["No HP 1", "No HP 2", "WhatsApp"]' in mapping


def test_two_columns_of_one_name_are_both_read(database, tmp_path):
    export = write_export(
        tmp_path, "d.csv",
        "No Deteksi;Tgl Deteksi;Platform;Akun;No HP;No HP\n"
        "D1;01/03/2025;Facebook;akun_a;0812-1111-0001;0812-1111-0002\n"
        "D2;31/02/2025;Facebook;akun_b;0812-1111-0003;0812-1111-0004\n")
    import_files(database, [export])
    phones = db.Reader(database).sql("select value from identifiers order by 1")
    assert list(phones.value) == ["+6281211110001", "+6281211110002"]
    raw = scalar(database, "select raw from rejects")  # the impossible date's row keeps both numbers
    assert '"No HP": "0812-1111-0003"' in raw and '"No HP.1": "0812-1111-0004"' in raw


def test_row_numbers_follow_the_file_when_duckdb_reads_it_in_parallel(database, tmp_path, monkeypatch):
    # DuckDB splits a CSV between threads in buffers sized from the longest line allowed; a small limit makes
    # a 7 MB export of 100,000 rows take that path. The writer does not keep insertion order, yet rows must
    # still be numbered by their line: a reject names its row, and of two equally recent rows of one detection the
    # later wins.
    from jaring import readers

    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 10_000)
    rows = 100_000
    lines = ["No Deteksi;Tgl Deteksi;Platform;Akun;Isi Iklan;Status;Tgl Blokir"]
    for row in range(1, rows + 1):
        detected = "31/02/2025" if row == 45_000 else "03/03/2025 10:00"
        lines.append(f"D{row:06d};{detected};Facebook;akun_{row % 50};LOKER TAIWAN gaji besar {row};terdeteksi;")
    # The same detection twice, far apart and equally recent: the later row's ad wins, whichever sorts first.
    lines[10] = "DUP-A;03/03/2025 10:00;Facebook;akun_dup;LOKER b;terdeteksi;"
    lines[99_990] = "DUP-A;03/03/2025 10:00;Facebook;akun_dup;LOKER a;terdeteksi;"
    lines[20] = "DUP-B;03/03/2025 10:00;Facebook;akun_dup;LOKER a;terdeteksi;"
    lines[99_995] = "DUP-B;03/03/2025 10:00;Facebook;akun_dup;LOKER b;terdeteksi;"
    export = write_export(tmp_path, "big_export.csv", "\n".join(lines) + "\n")

    (result,) = import_files(database, [export])

    assert result.status == "loaded", result.message
    reader = db.Reader(database)
    rejects = reader.sql("select row_number, raw from rejects")
    assert list(rejects.row_number) == [45_000]
    assert '"No Deteksi": "D045000"' in rejects.raw[0]
    ads = reader.sql("select detection_id, content_text from detections where detection_id like 'DUP%' order by 1")
    assert list(ads.itertuples(index=False, name=None)) == [("DUP-A", "LOKER a"), ("DUP-B", "LOKER b")]


def test_of_two_detections_at_the_same_instant_the_later_row_names_the_account(database, tmp_path):
    lines = ["No Deteksi;Tgl Deteksi;Platform;Akun;Nama Profil;Isi Iklan"]
    lines += [f"T-{n};03/03/2025 10:00;Facebook;akun_sama;Nama {n};LOKER {n}" for n in range(1, 41)]
    export = write_export(tmp_path, "same_instant.csv", "\n".join(lines) + "\n")
    import_files(database, [export])
    assert scalar(database, "select display_name from accounts") == "Nama 40"


def test_a_known_detection_id_on_another_account_is_rejected_not_merged(database, tmp_path):
    # An "ID" column that only numbers each file's rows: the second file's ID 1 is another account's post, and
    # merging it would replace the first file's detection 1 (or be dropped as older), losing a row silently.
    header = "ID;Tgl Deteksi;Platform;Akun;Isi Iklan"
    march = write_rows(tmp_path, "march.csv", header, ["1;03/03/2025;Facebook;akun_maret;LOKER JEPANG",
                                                       "2;04/03/2025;Facebook;akun_dua;LOKER TAIWAN"])
    april = write_rows(tmp_path, "april.csv", header, ["1;03/04/2025;TikTok;akun_april;LOKER KOREA",
                                                       "2;04/04/2025;Facebook;akun_dua;LOKER TAIWAN lagi"])
    result = import_in_turn(database, march, april)
    assert (result.rows_loaded, result.rows_rejected) == (1, 1)
    detections = db.Reader(database).sql(
        "select d.detection_id, a.handle, d.content_text from detections d join accounts a using (account_id) "
        "order by 1")
    assert list(detections.itertuples(index=False, name=None)) == [
        ("1", "akun_maret", "LOKER JEPANG"), ("2", "akun_dua", "LOKER TAIWAN lagi")]
    (reason, raw) = db.Reader(database).sql(
        "select reason, raw from rejects where import_id = $id", {"id": result.import_id}).iloc[0]
    assert "'1'" in reason and "facebook" in reason and "akun_maret" in reason
    assert "akun_april" in raw


def test_a_row_rejected_for_a_known_id_does_not_displace_the_same_files_good_row(database, tmp_path):
    header = "ID;Tgl Deteksi;Platform;Akun;Isi Iklan"
    first = write_rows(tmp_path, "first.csv", header, ["7;03/03/2025;Facebook;akun_tujuh;LOKER"])
    second = write_rows(tmp_path, "second.csv", header, ["7;05/03/2025;Facebook;akun_tujuh;LOKER baru",
                                                         "7;06/03/2025;TikTok;akun_lain;LOKER lain"])
    result = import_in_turn(database, first, second)
    assert (result.rows_loaded, result.rows_rejected) == (1, 1)
    assert scalar(database, "select content_text from detections where detection_id = '7'") == "LOKER baru"


def test_a_known_case_id_with_another_report_date_is_rejected_not_merged(database, tmp_path):
    # A case id names one complaint, made on one day: a case export whose ID column only numbers its rows would
    # otherwise overwrite an earlier export's cases.
    header = "ID;Tanggal Pengaduan;Provinsi;Negara Tujuan;Jenis Kasus"
    march = write_rows(tmp_path, "march.csv", header, ["1;10/03/2025;Jawa Barat;Malaysia;Penipuan",
                                                       "2;11/03/2025;Jawa Timur;Kamboja;TPPO"])
    april = write_rows(tmp_path, "april.csv", header, [
        "1;02/04/2025;Lampung;Taiwan;Gaji tidak dibayar", "2;2025-03-11 09:30;Jawa Timur;Kamboja;TPPO, korban pulang"])
    result = import_in_turn(database, march, april)
    assert (result.rows_loaded, result.rows_rejected) == (1, 1)
    cases = db.Reader(database).sql("select case_id, destination_country, case_type from cases order by 1")
    assert list(cases.itertuples(index=False, name=None)) == [
        ("1", "MY", "Penipuan"), ("2", "KH", "TPPO, korban pulang")]
    reason = scalar(database, "select reason from rejects where import_id = $id", {"id": result.import_id})
    assert "'1'" in reason and "10/03/2025" in reason


LOG_HEADER = "No Deteksi;Tgl Deteksi;Platform;Akun;Isi Iklan;Status;Tgl Lapor;Tgl Blokir"


def detection_state(database: Path) -> tuple[list, list, list]:
    """The detections, accounts and status history of a one-detection database, as tuples (no date: None)."""
    def rows(sql: str) -> list[tuple]:
        frame = db.Reader(database).sql(sql)
        return [tuple(None if pd.isna(value) else value for value in row)
                for row in frame.itertuples(index=False, name=None)]
    return (rows("select status, reported_at, blocked_at from detections"),
            rows("select status, reported_at, blocked_at from accounts"),
            rows("select status, changed_at from status_history order by changed_at, status"))


def test_a_detection_listed_twice_in_one_export_keeps_its_latest_state_whatever_the_row_order(tmp_path):
    # Exports are often sorted newest first: the block comes before the report it answered.
    newest_first = ["D-1;01/03/2025;Facebook;akun_a;LOKER;diblokir;05/03/2025;09/03/2025",
                    "D-1;01/03/2025;Facebook;akun_a;LOKER;dilaporkan;05/03/2025;"]
    states = []
    for name, rows in (("newest_first", newest_first), ("oldest_first", newest_first[::-1])):
        database = tmp_path / f"{name}.duckdb"
        import_files(database, [write_rows(tmp_path, f"{name}.csv", LOG_HEADER, rows)])
        states.append(detection_state(database))
    assert states[0] == states[1]
    detection, account, history = states[0]
    assert detection == [("blocked", datetime(2025, 3, 5), datetime(2025, 3, 9))]
    assert account == [("blocked", datetime(2025, 3, 5), datetime(2025, 3, 9))]
    assert [status for status, _ in history] == ["detected", "reported", "blocked"]


def test_every_state_of_a_detection_in_one_export_is_an_event_of_its_account(database, tmp_path):
    # A log-style export: one row per status change, each with only its own date.
    rows = ["D-1;01/03/2025;Facebook;akun_a;LOKER;dilaporkan;05/03/2025;",
            "D-1;01/03/2025;Facebook;akun_a;LOKER;diblokir;;09/03/2025"]
    import_files(database, [write_rows(tmp_path, "log.csv", LOG_HEADER, rows)])
    detection, account, history = detection_state(database)
    assert detection == [("blocked", None, datetime(2025, 3, 9))]
    assert account == [("blocked", datetime(2025, 3, 5), datetime(2025, 3, 9))]
    assert history == [("detected", datetime(2025, 3, 1)), ("reported", datetime(2025, 3, 5)),
                       ("blocked", datetime(2025, 3, 9))]


def test_two_rows_of_one_detection_id_with_different_accounts_in_one_file_reject_the_older(database, tmp_path):
    # Not two states of one detection: the older row is rejected, naming the account and row that keep the id,
    # rather than its status events going to an account it does not name.
    rows = ["D-1;01/03/2025;Facebook;akun_a;LOKER;dilaporkan;05/03/2025;",
            "D-1;01/03/2025;TikTok;akun_b;LOKER;diblokir;05/03/2025;09/03/2025"]
    (result,) = import_files(database, [write_rows(tmp_path, "two.csv", LOG_HEADER, rows)])
    assert (result.rows_loaded, result.rows_rejected) == (1, 1)
    assert scalar(database, "select count(*) from accounts") == 1
    (row, reason) = db.Reader(database).sql("select row_number, reason from rejects").iloc[0]
    assert row == 1 and "tiktok akun_b" in reason and "row 2" in reason


def test_two_states_of_a_detection_give_the_same_tables_in_one_file_as_in_two(tmp_path):
    # Its ad changed between the report and the block: a new phone number. Both numbers were in the post.
    header = LOG_HEADER + ";No HP"
    rows = ["D-1;01/03/2025;Facebook;akun_a;LOKER hub 0812-1111-2222;dilaporkan;05/03/2025;;0812-1111-2222",
            "D-1;01/03/2025;Facebook;akun_a;LOKER hub 0813-3333-4444;diblokir;05/03/2025;09/03/2025;0813-3333-4444"]
    one_file = tmp_path / "one.duckdb"
    import_files(one_file, [write_rows(tmp_path, "both.csv", header, rows[::-1])])
    two_files = tmp_path / "two.duckdb"
    import_files(two_files, [write_export(tmp_path, f"state{n}.csv", f"{header}\n{row}\n")
                             for n, row in enumerate(rows)])
    for name, sql in NATURAL_VIEWS.items():
        one, two = (db.Reader(path).sql(f"{sql} order by all") for path in (one_file, two_files))
        assert one.equals(two), name
    phones = db.Reader(one_file).sql("select i.value from account_identifiers x join identifiers i "
                                     "using (identifier_id) where i.kind = 'phone' order by 1")
    assert list(phones.value) == ["+6281211112222", "+6281333334444"]


def test_an_accounts_name_comes_from_its_most_recent_row_whatever_the_import_order(tmp_path):
    # The profile name changed between the report and the block of the same post: the block's row is the newer.
    header = "No Deteksi;Tgl Deteksi;Platform;Akun;Nama Profil;Isi Iklan;Status;Tgl Lapor;Tgl Blokir"
    reported = write_export(tmp_path, "reported.csv",
                            f"{header}\nD-1;01/03/2025;Facebook;akun_a;Nama Lama;LOKER;dilaporkan;05/03/2025;\n")
    blocked = write_export(tmp_path, "blocked.csv",
                           f"{header}\nD-1;01/03/2025;Facebook;akun_a;Nama Baru;LOKER;diblokir;05/03/2025;09/03/2025\n")
    for order in ([reported, blocked], [blocked, reported]):
        database = tmp_path / f"{order[0].stem}_first.duckdb"
        for export in order:
            import_files(database, [export])
        assert scalar(database, "select display_name from accounts") == "Nama Baru", order[0].stem


def test_the_states_of_detections_give_the_same_tables_however_the_rows_come(tmp_path):
    # Each of 150 posts comes twice: reported, then blocked under a new profile name, half with a new phone number.
    # Split into files in either order, in one file newest first, or shuffled over three files: the same tables.
    # (Which field a link is credited to can differ: the old phone is in the new state's ad text, not its column.)
    from jaring.bench.synthetic import synthetic_detections

    export = synthetic_detections(700, accounts=80, seed=11)
    first = export[export["Status"].isin(["terdeteksi", "dilaporkan"])].assign(
        **{"Nama Profil": lambda f: "Nama " + f["Akun"]})
    later = first.sample(150, random_state=2).copy()
    later["Tgl Lapor"] = later["Tgl Lapor"].where(later["Tgl Lapor"] != "", later["Tgl Deteksi"].str[:10] + " 00:00")
    later["Status"], later["Tgl Blokir"], later["Nama Profil"] = "diblokir", later["Tgl Lapor"], "Nama Baru"
    later.loc[later.index[::2], "No HP/WA"] = [f"0813-7000-{n:04d}" for n in range(len(later.index[::2]))]
    rows = pd.concat([first, later])
    shuffled = rows.sample(frac=1, random_state=1)
    arrivals = {"first, then later": [first, later], "later, then first": [later, first],
                "one file, newest first": [rows.iloc[::-1]],
                "three shuffled files": [shuffled.iloc[:300], shuffled.iloc[300:600], shuffled.iloc[600:]]}
    links = NATURAL_VIEWS["account_identifiers"].replace(", x.source_field", "")
    views = NATURAL_VIEWS | {"account_identifiers": links}
    tables = {}
    for label, frames in arrivals.items():
        database = tmp_path / f"{len(tables)}.duckdb"
        for number, frame in enumerate(frames):
            path = tmp_path / f"{len(tables)}_{number}.csv"
            frame.to_csv(path, sep=";", index=False)
            import_files(database, [path])
        tables[label] = {name: db.Reader(database).sql(f"{sql} order by all") for name, sql in views.items()}
    reference = tables["first, then later"]
    assert (reference["detections"]["status"] == "blocked").sum() == 150
    assert (reference["accounts"]["display_name"] == "Nama Baru").sum() > 10  # where the post is the latest
    for label, other in tables.items():
        for name, frame in reference.items():
            assert frame.equals(other[name]), (label, name)


def test_a_case_listed_twice_in_one_file_links_both_rows_contacts_as_two_files_do(tmp_path):
    header = "No Pengaduan;Tanggal Pengaduan;Provinsi;Negara Tujuan;Jenis Kasus;Status Kasus;No HP Perekrut"
    rows = ["KS-9;10/03/2025;Jawa Barat;Malaysia;Penipuan;Proses;0812-5555-0001",
            "KS-9;10/03/2025;Jawa Barat;Malaysia;Penipuan;Selesai;0812-5555-0002"]
    one_file, two_files = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    import_files(one_file, [write_rows(tmp_path, "both.csv", header, rows)])
    import_files(two_files, [write_export(tmp_path, f"k{n}.csv", f"{header}\n{row}\n") for n, row in enumerate(rows)])
    sql = ("select c.case_id, c.status, i.value from cases c join case_identifiers x using (case_id) "
           "join identifiers i using (identifier_id) order by all")
    one, two = (db.Reader(path).sql(sql) for path in (one_file, two_files))
    assert one.equals(two)
    assert list(one.value) == ["+6281255550001", "+6281255550002"]
    assert set(one.status) == {"Selesai"}
