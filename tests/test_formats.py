"""Every supported format, delimiter and encoding loads the same rows; bad input fails clearly and whole."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from jaring import db
from jaring.ingest import import_files

HEADERS = ["ID Deteksi", "Tanggal Deteksi", "Platform", "Nama Akun", "Teks Iklan", "Nomor WA", "Negara Tujuan",
           "Status"]
ROWS = [
    ["A-1", "07/03/2025", "Facebook", "kerja.jepang", "Kerja di Jepang, gaji ¥200.000 – tanpa biaya", "0812-0000-1001",
     "Jepang", "terdeteksi"],
    ["A-2", "8 Agustus 2025", "TikTok", "@Loker_Dubai", "Café & hotel Dubai; hubungi kami", "+62 812 0000 1002",
     "UEA", "dilaporkan"],
    ["A-3", "45723", "X", "jobs_ln", "Proses cepat | berangkat bulan depan", "62812.0000.1003", "Malaysia",
     "di-takedown"],
]
EXPECTED_DATES = {"A-1": datetime(2025, 3, 7), "A-2": datetime(2025, 8, 8), "A-3": datetime(2025, 3, 7)}


def frame() -> pd.DataFrame:
    return pd.DataFrame(ROWS, columns=HEADERS)


def write_csv(path: Path, delimiter: str, encoding: str) -> Path:
    frame().to_csv(path, sep=delimiter, index=False, encoding=encoding)
    return path


def check_loaded(database: Path, path: Path) -> None:
    (result,) = import_files(database, [path])
    assert result.status == "loaded", result.message
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (3, 3, 0)
    loaded = db.Reader(database).sql(
        "select detection_id, detected_at, content_text, destination_country, status from detections "
        "order by detection_id")
    assert dict(zip(loaded.detection_id, loaded.detected_at, strict=True)) == EXPECTED_DATES
    assert list(loaded.content_text) == [row[4] for row in ROWS]
    assert list(loaded.destination_country) == ["JP", "AE", "MY"]
    assert list(loaded.status) == ["detected", "reported", "blocked"]
    phones = db.Reader(database).sql("select value from identifiers where kind = 'phone' order by value")
    assert list(phones.value) == ["+6281200001001", "+6281200001002", "+6281200001003"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
# utf-16: Excel's "Unicode Text" export (tab-delimited, with a byte order mark).
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-be"])
def test_csv_delimiters_and_encodings(tmp_path, delimiter, encoding):
    rows = ROWS
    if encoding == "cp1252":  # cp1252 has no yen sign: use text it can encode
        rows = [[cell.replace("¥", "JPY ") for cell in row] for row in ROWS]
    path = tmp_path / "export.csv"
    text = pd.DataFrame(rows, columns=HEADERS).to_csv(sep=delimiter, index=False)
    # "utf-16" writes a byte order mark; "utf-16-be" does not, so write one as Excel does.
    path.write_bytes((b"\xfe\xff" if encoding == "utf-16-be" else b"") + text.encode(encoding))
    (result,) = import_files(tmp_path / "db.duckdb", [path])
    assert result.status == "loaded", result.message
    assert result.rows_loaded == 3
    text = db.Reader(tmp_path / "db.duckdb").sql("select content_text from detections order by detection_id")
    assert list(text.content_text) == [row[4] for row in rows]


def test_xlsx(tmp_path):
    path = tmp_path / "export.xlsx"
    frame().to_excel(path, index=False, sheet_name="Deteksi")
    check_loaded(tmp_path / "db.duckdb", path)


def test_legacy_xls():
    """Excel 97-2003 workbooks, still common in offices; the fixture was written with xlwt (numbers are floats)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "db.duckdb"
        (result,) = import_files(database, [Path(__file__).parent / "fixtures" / "detections_legacy.xls"])
        assert (result.status, result.rows_loaded, result.invalid_identifiers) == ("loaded", 3, 0), result.message
        rows = db.Reader(database).sql("select detection_id, detected_at from detections order by 1")
        assert list(rows.detected_at) == [datetime(2025, 3, 7), datetime(2025, 8, 8), datetime(2025, 3, 7)]
        phones = db.Reader(database).sql("select value from identifiers where kind = 'phone' order by 1")
        assert list(phones.value) == ["+6281200001001", "+6281200001002", "+6281200001003"]


def test_xlsx_export_behind_a_summary_sheet(tmp_path):
    path = tmp_path / "export.xlsx"
    with pd.ExcelWriter(path) as workbook:
        pd.DataFrame({"Bulan": ["Maret"], "Jumlah akun": [3]}).to_excel(workbook, index=False, sheet_name="Ringkasan")
        frame().to_excel(workbook, index=False, sheet_name="Data Deteksi")
    check_loaded(tmp_path / "db.duckdb", path)


def test_xlsx_report_with_title_rows_above_the_header(tmp_path):
    path = tmp_path / "laporan.xlsx"
    title = pd.DataFrame([["LAPORAN DETEKSI KONTEN REKRUTMEN ILEGAL"] + [None] * 7, [None] * 8, HEADERS])
    pd.concat([title, pd.DataFrame(ROWS)]).to_excel(path, index=False, header=False, sheet_name="Maret")
    check_loaded(tmp_path / "db.duckdb", path)
    assert db.Reader(tmp_path / "db.duckdb").sql("select count(*) from detections").iloc[0, 0] == 3


def test_xlsx_cells_merged_down_a_group_of_rows_hold_for_every_row(tmp_path):
    # A report groups rows under one platform and date, merged down the column; the title is merged across.
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["LAPORAN DETEKSI"])
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append([row[0], "07/03/2025", "Facebook", *row[3:]])
    sheet.merge_cells("A1:H1")
    for column in "BC":
        sheet[f"{column}4"] = sheet[f"{column}5"] = None
        sheet.merge_cells(f"{column}3:{column}5")
    path = tmp_path / "grouped.xlsx"
    workbook.save(path)
    (result,) = import_files(tmp_path / "db.duckdb", [path])
    assert (result.status, result.rows_loaded, result.rows_rejected) == ("loaded", 3, 0), result.message
    rows = db.Reader(tmp_path / "db.duckdb").sql(
        "select d.detected_at, a.platform from detections d join accounts a using (account_id)")
    assert set(rows.itertuples(index=False, name=None)) == {(datetime(2025, 3, 7), "facebook")}


def test_xlsx_with_real_date_cells(tmp_path):
    data = frame()
    data["Tanggal Deteksi"] = [datetime(2025, 3, 7), datetime(2025, 8, 8), datetime(2025, 3, 7)]
    path = tmp_path / "export.xlsx"
    data.to_excel(path, index=False)
    check_loaded(tmp_path / "db.duckdb", path)


def test_json_array_and_wrapped(tmp_path):
    records = frame().to_dict(orient="records")
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"data": records}, ensure_ascii=False), encoding="utf-8")
    check_loaded(tmp_path / "db.duckdb", path)


def test_jsonl_with_list_values(tmp_path):
    records = frame().to_dict(orient="records")
    records[0]["Nomor WA"] = ["0812-0000-1001"]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    check_loaded(tmp_path / "db.duckdb", path)


def test_parquet(tmp_path):
    path = tmp_path / "export.parquet"
    frame().to_parquet(path, index=False)
    check_loaded(tmp_path / "db.duckdb", path)


def test_phone_numbers_stored_as_floats_keep_their_digits(tmp_path):
    # A phone column with a gap becomes float in pandas: Parquet and JSON then carry 6281200001001.0.
    rows = frame()
    rows["Nomor WA"] = [6281200001001.0, None, 81200001003.0]
    path = tmp_path / "export.parquet"
    rows.to_parquet(path, index=False)
    (result,) = import_files(tmp_path / "db.duckdb", [path])
    assert (result.status, result.invalid_identifiers) == ("loaded", 0)
    phones = db.Reader(tmp_path / "db.duckdb").sql("select value from identifiers where kind = 'phone' order by 1")
    assert list(phones.value) == ["+6281200001001", "+6281200001003"]


def test_whole_numbers_stored_as_floats_read_as_the_same_text_as_in_a_csv(tmp_path):
    # An id column with a gap is float in pandas: the Parquet export then says 1001.0 where the CSV says 1001,
    # and the same detection must not come twice.
    rows = frame()
    rows["ID Deteksi"] = [1001.0, None, 1003.0]
    parquet = tmp_path / "export.parquet"
    rows.to_parquet(parquet, index=False)
    csv_path = tmp_path / "later.csv"
    csv_path.write_text(frame().assign(**{"ID Deteksi": ["1001", "1002", "1003"]}).to_csv(sep=";", index=False),
                        encoding="utf-8")
    import_files(tmp_path / "db.duckdb", [parquet, csv_path])
    ids = db.Reader(tmp_path / "db.duckdb").sql("select detection_id from detections where detection_id not like 'h:%'")
    assert sorted(ids.detection_id) == ["1001", "1002", "1003"]


def test_whole_number_ids_written_as_floats_in_a_csv_are_the_same_detections(tmp_path):
    # A pandas frame whose id column had a gap, saved with to_csv, writes 1001.0: the ids of a CSV too must not
    # bring the same detection twice.
    first = tmp_path / "first.csv"
    first.write_text(frame().assign(**{"ID Deteksi": ["1001", "1002", "1003"]}).to_csv(sep=";", index=False),
                     encoding="utf-8")
    later = tmp_path / "later.csv"
    floats = frame().assign(**{"ID Deteksi": [1001.0, None, 1003.0]})
    later.write_text(floats.to_csv(sep=";", index=False), encoding="utf-8")
    assert "1001.0;" in later.read_text(encoding="utf-8")
    import_files(tmp_path / "db.duckdb", [first, later])
    ids = db.Reader(tmp_path / "db.duckdb").sql("select detection_id from detections where detection_id not like 'h:%'")
    assert sorted(ids.detection_id) == ["1001", "1002", "1003"]


def test_case_ids_written_as_floats_in_a_csv_are_the_same_cases(tmp_path):
    cases = pd.DataFrame({"No Kasus": ["7", "8"], "Tanggal Pengaduan": ["07/03/2025", "08/03/2025"],
                          "Provinsi Asal": ["Jawa Barat", "Jawa Timur"], "Negara Tujuan": ["Malaysia", "Kamboja"],
                          "Jenis Kasus": ["penipuan", "TPPO"]})
    first = tmp_path / "cases.csv"
    first.write_text(cases.to_csv(sep=";", index=False), encoding="utf-8")
    later = tmp_path / "cases_later.csv"
    later.write_text(cases.assign(**{"No Kasus": [7.0, 8.0]}).to_csv(sep=";", index=False), encoding="utf-8")
    assert "7.0;" in later.read_text(encoding="utf-8")
    import_files(tmp_path / "db.duckdb", [first, later])
    ids = db.Reader(tmp_path / "db.duckdb").sql("select case_id from cases order by 1")
    assert list(ids.case_id) == ["7", "8"]


def test_header_variants_map_to_the_same_fields(tmp_path):
    variants = ["detection_id", "TGL_DETEKSI", "platform", "akun", "isi iklan", "No. HP", "negara tujuan",
                "STATUS"]
    path = tmp_path / "variants.csv"
    pd.DataFrame(ROWS, columns=variants).to_csv(path, index=False)
    check_loaded(tmp_path / "db.duckdb", path)


# ---------------------------------------------------------------- bad input


def failed(tmp_path: Path, path: Path) -> str:
    database = tmp_path / "db.duckdb"
    (result,) = import_files(database, [path])
    assert result.status == "failed"
    assert db.Reader(database).sql("select count(*) from imports").iloc[0, 0] == 0
    return result.message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert "empty" in failed(tmp_path, path)


def test_header_only(tmp_path):
    path = tmp_path / "header.csv"
    path.write_text(";".join(HEADERS) + "\n", encoding="utf-8")
    assert "no data rows" in failed(tmp_path, path)


def test_binary_garbage(tmp_path):
    path = tmp_path / "garbage.csv"
    path.write_bytes(os.urandom(4096) + b"\x00" * 10)
    assert "binary" in failed(tmp_path, path)


def test_unsupported_type(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert "unsupported file type" in failed(tmp_path, path)


def test_corrupt_xlsx(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    assert "could not read the XLSX" in failed(tmp_path, path)


def test_hundred_thousand_character_cell_rejects_only_that_row(tmp_path):
    rows = [list(r) for r in ROWS]
    rows[1][4] = "x" * 100_000
    path = tmp_path / "long.csv"
    pd.DataFrame(rows, columns=HEADERS).to_csv(path, sep=";", index=False)
    (result,) = import_files(tmp_path / "db.duckdb", [path])
    assert (result.status, result.rows_loaded, result.rows_rejected) == ("loaded", 2, 1)
    reason = db.Reader(tmp_path / "db.duckdb").sql("select reason from rejects").iloc[0, 0]
    assert "longer than 20,000" in reason


def test_rows_with_wrong_field_count_are_rejected_with_their_line(tmp_path):
    lines = frame().to_csv(sep=";", index=False).splitlines()
    lines.insert(2, "broken;row")
    path = tmp_path / "ragged.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (result,) = import_files(tmp_path / "db.duckdb", [path])
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (4, 3, 1)
    rejects = db.Reader(tmp_path / "db.duckdb").sql("select row_number, raw, reason from rejects")
    assert list(rejects.row_number) == [2]
    assert rejects.raw[0] == "broken;row"
    # The rows after the broken line keep their own numbers.
    assert db.Reader(tmp_path / "db.duckdb").sql("select count(*) from detections").iloc[0, 0] == 3


def test_a_broken_line_is_counted_only_for_its_own_file_when_several_load_together(tmp_path):
    lines = frame().to_csv(sep=";", index=False).splitlines()
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("\n".join([*lines[:2], "broken;row", *lines[2:]]) + "\n", encoding="utf-8")
    clean = tmp_path / "clean.csv"
    clean.write_text("\n".join([lines[0], lines[1].replace("A-1", "B-1")]) + "\n", encoding="utf-8")
    first, second = import_files(tmp_path / "db.duckdb", [ragged, clean])
    assert (first.rows_read, first.rows_loaded, first.rows_rejected) == (4, 3, 1)
    assert (second.rows_read, second.rows_loaded, second.rows_rejected) == (1, 1, 0)
    rejects = db.Reader(tmp_path / "db.duckdb").sql("select import_id, row_number from rejects")
    assert list(zip(rejects.import_id, rejects.row_number, strict=True)) == [(first.import_id, 2)]


def test_csv_report_with_title_lines_above_the_header(tmp_path):
    # A titled spreadsheet report saved as CSV; a broken line keeps its place in the numbering.
    lines = frame().to_csv(sep=";", index=False).splitlines()
    path = tmp_path / "laporan.csv"
    path.write_text("\n".join(["LAPORAN DETEKSI KONTEN;;;;;;;", ";;;;;;;", lines[0], lines[1], "broken;row",
                               *lines[2:]]) + "\n", encoding="utf-8")
    (result,) = import_files(tmp_path / "db.duckdb", [path])
    assert (result.status, result.rows_read, result.rows_loaded, result.rows_rejected) == ("loaded", 4, 3, 1)
    rejects = db.Reader(tmp_path / "db.duckdb").sql("select row_number, reason from rejects")
    assert list(rejects.row_number) == [2]
    assert rejects.reason[0].startswith("line 5:")


def test_csv_with_excels_sep_line(tmp_path):
    # Excel writes "sep=;" as the first line of a CSV meant for another locale.
    path = tmp_path / "excel.csv"
    path.write_text("sep=;\n" + frame().to_csv(sep=";", index=False), encoding="utf-8")
    check_loaded(tmp_path / "db.duckdb", path)


def test_blank_rows_are_neither_read_nor_rejected(tmp_path):
    # Spreadsheets saved as CSV keep their empty separator rows as ";;;;;;;"; a later bad row keeps its number.
    lines = frame().to_csv(sep=";", index=False).splitlines()
    csv_path = tmp_path / "gaps.csv"
    csv_path.write_text("\n".join([lines[0], lines[1], ";;;;;;;", "  ; ;;;;;;", lines[2],
                                   lines[3].replace("45723", "31/02/2025"), ";;;;;;;"]) + "\n", encoding="utf-8")
    (result,) = import_files(tmp_path / "csv.duckdb", [csv_path])
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (3, 2, 1)
    assert db.Reader(tmp_path / "csv.duckdb").sql("select row_number from rejects").iloc[0, 0] == 5
    xlsx_path = tmp_path / "gaps.xlsx"
    pd.DataFrame([ROWS[0], [None] * 8, ROWS[1], ROWS[2]], columns=HEADERS).to_excel(xlsx_path, index=False)
    (result,) = import_files(tmp_path / "xlsx.duckdb", [xlsx_path])
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (3, 3, 0)


def test_damaged_utf16_fails_cleanly(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes(b"\xff\xfe" + "No Deteksi\tTgl Deteksi\n".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    (result,) = import_files(tmp_path / "db.duckdb", [path])
    assert result.status == "failed" and "UTF-16" in result.message


def test_fifty_megabytes_of_junk_fails_cleanly(tmp_path):
    path = tmp_path / "junk.csv"
    line = b"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod\n"
    with path.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line)):
            handle.write(line)
    message = failed(tmp_path, path)
    assert "delimiter" in message or "cannot tell" in message


@pytest.mark.parametrize(("content", "valid"), [
    (b"a" * 9 + "é".encode(), True),  # the two bytes of é straddle the first block boundary (10 bytes)
    (b"a" * 10 + "漢字".encode() + b"a" * 25, True),  # multi-byte text, then ASCII blocks
    (b"a" * 25 + b"\xe9" + b"a" * 10, False),  # cp1252 é after ASCII-only blocks
    (b"a" * 19 + b"\xe6\xbc", False),  # the file ends inside a character
])
def test_utf8_check_reads_block_by_block(tmp_path, content, valid):
    from jaring.readers import _is_utf8

    path = tmp_path / "export.csv"
    path.write_bytes(content)
    assert _is_utf8(path, block_bytes=10) is valid
