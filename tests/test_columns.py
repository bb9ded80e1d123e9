"""Header mapping (jaring.columns): identifier fields spread over several columns."""

from __future__ import annotations

from jaring.columns import CASES, DETECTIONS, map_headers


def test_numbered_and_repeated_identifier_columns_all_map():
    headers = ["No Deteksi", "Tgl Deteksi", "Platform", "Akun", "No HP 1", "No HP 2", "No Rek 1", "No. Rek (2)",
               "WhatsApp", "Tgl Deteksi 2"]
    mapping = map_headers(headers, DETECTIONS)
    assert mapping.headers_of("phones") == ("No HP 1", "No HP 2", "WhatsApp")
    assert mapping.headers_of("bank_accounts") == ("No Rek 1", "No. Rek (2)")
    # One date, one account: a second column for them is left out, as before, not merged.
    assert mapping.headers_of("detected_at") == ("Tgl Deteksi",)
    assert mapping.unmapped == ("Tgl Deteksi 2",)


def test_case_recruiter_contacts_over_several_columns():
    mapping = map_headers(["No Kasus", "Tanggal Lapor", "Nomor Perekrut 1", "Nomor Perekrut 2"], CASES)
    assert mapping.headers_of("recruiter_phones") == ("Nomor Perekrut 1", "Nomor Perekrut 2")


def test_a_header_no_field_took_is_matched_to_the_field_it_misspells():
    from jaring.columns import closest_field, describe_unused

    assert closest_field("Tgl Blokr", DETECTIONS) == "blocked_at"
    assert closest_field("Platfrom", DETECTIONS) == "platform"
    assert closest_field("No", DETECTIONS) is None  # a row number is no detection id
    assert closest_field("Catatan", DETECTIONS) is None
    mapping = map_headers(["No Deteksi", "Tgl Deteksi", "Platform", "Akun", "Tgl Deteksi 2", "Tgl Blokr"], DETECTIONS)
    # detected_at is taken: its second column is named, without a suggestion to rename it.
    assert describe_unused(mapping) == "'Tgl Deteksi 2', 'Tgl Blokr' (like blocked_at?)"
