"""Exact rows of every Networks page query on the hand-drawn fixtures (tests/networks_support.py draws them)."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest
from networks_support import build

from jaring import db, derived_tables

FULL = {"start": date(2025, 1, 1), "end": date(2025, 4, 30), "platforms": [], "provinces": [], "countries": []}
D = datetime


@pytest.fixture(scope="module")
def reader(tmp_path_factory) -> db.Reader:
    return db.Reader(build("second", tmp_path_factory.mktemp("network_queries")))


def records(frame: pd.DataFrame, columns: list[str] | None = None) -> list[tuple]:
    frame = frame[columns] if columns else frame
    return [tuple(None if (not isinstance(v, list | tuple) and pd.isna(v)) else v for v in row)
            for row in frame.astype(object).itertuples(index=False)]


def test_derived_tables_present(reader):
    # An import builds the region index and the eight network tables; geocode_cache comes with the schema.
    assert records(reader.query("derived_tables_present")) == [
        ("detection_regions", True), ("geocode_cache", True), ("network_handle_links", True),
        ("network_hub_decisions", True), ("network_hubs", True), ("network_members", True),
        ("network_merges", True), ("network_settings", True), ("network_summary", True), ("networks", True),
        ("region_index_state", True)]
    assert derived_tables.networks_available(reader.query) and derived_tables.region_index_available(reader.query)


def test_network_overview_whole_period(reader):
    got = reader.query("network_overview", **FULL, min_accounts=1)
    # network 1: a1, a2, a3, b1, b2 (a1, b1 blocked); P1, P2, B1, B2; case NWK-1 with 3 victims; last seen 3 April
    #   priority 2×3 + 3×3 + 20×(1 − 27/180) = 32.0; detections Indramayu 3 (a1, a2, a3), Cianjur 3 (b1, b2 ×2);
    #   destinations Taiwan 4 (b1, b2 ×2, NWK-1), Malaysia 3
    # network 3: c1..c4 (c1 blocked); P3, B3, handle; NWK-4 with 2 victims; last seen 4 April
    #   priority 2×3 + 3×2 + 20×(1 − 26/180) = 29.1
    # network 4: d1; P4; NWK-2 with 1 victim; last seen 13 March: 2 + 3 + 20×(1 − 48/180) = 19.7
    assert records(got) == [
        (1, 32.0, 5, 3, 2, 2, 2, 0, 0, "facebook", D(2025, 3, 3), D(2025, 4, 3), 1, 1, 3,
         "Kabupaten Cianjur, Kabupaten Indramayu", "Taiwan, Malaysia", "Taiwan, Malaysia", 6),
        (3, 29.1, 4, 3, 1, 1, 1, 0, 1, "instagram", D(2025, 3, 7), D(2025, 4, 4), 1, 1, 2,
         "Kabupaten Lombok Timur", "Kamboja", "Cambodia", 6),
        (4, 19.7, 1, 1, 0, 1, 0, 0, 0, "tiktok", D(2025, 3, 13), D(2025, 3, 13), 0, 1, 1,
         "Kabupaten Ponorogo", "Hong Kong", "Hong Kong", 1),
    ]
    assert list(got.columns) == [
        "network_id", "priority", "accounts", "active_accounts", "blocked_accounts", "phones", "bank_accounts",
        "ewallets", "other_identifiers", "platforms", "first_seen", "last_seen", "new_accounts_in_month", "cases",
        "victims", "top_regions", "top_countries_id", "top_countries_en", "detections_in_view"]


@pytest.mark.parametrize(("filters", "min_accounts", "expected"), [
    ({}, 2, [(1, 6), (3, 6)]),  # network 4 has one account
    ({"platforms": ["tiktok"]}, 1, [(4, 1)]),
    ({"provinces": ["52"]}, 1, [(3, 6)]),  # Lombok Timur is in NTB (52)
    ({"countries": ["TW"]}, 1, [(1, 3)]),  # b1, b2 ×2
    ({"start": date(2025, 4, 1)}, 1, [(1, 2), (3, 1)]),  # a3 and b2's second post; c4
    ({"start": date(2025, 3, 16), "end": date(2025, 3, 16)}, 1, [(4, 0)]),  # only case NWK-2 that day
    ({"start": date(2025, 1, 1), "end": date(2025, 2, 28)}, 1, []),
])
def test_network_overview_follows_the_filters(reader, filters, min_accounts, expected):
    got = reader.query("network_overview", **(FULL | filters), min_accounts=min_accounts)
    assert records(got, ["network_id", "detections_in_view"]) == expected


def test_network_lookup_follows_merges(reader):
    columns = ["requested_id", "network_id", "merged_into", "split_from", "accounts", "cases", "identifiers"]
    assert records(reader.query("network_lookup", network_id=2), columns) == [(2, 1, 1, None, 5, 1, 4)]
    assert records(reader.query("network_lookup", network_id=3), columns) == [(3, 3, None, None, 4, 1, 3)]
    assert reader.query("network_lookup", network_id=99).empty


def test_network_graph_nodes(reader):
    got = reader.query("network_graph_nodes", network_id=3)
    assert records(got, ["node", "node_kind", "handle", "status", "identifier_kind", "value", "accounts_total",
                         "case_type", "victims"]) == [
        ("a10", "account", "rekrut.c4", "detected", None, None, None, None, None),
        ("a5", "account", "rekrut.c1", "blocked", None, None, None, None, None),
        ("a6", "account", "rekrut.c2", "detected", None, None, None, None, None),
        ("a7", "account", "rekrut.c3_href", "detected", None, None, None, None, None),
        ("cNWK-4", "case", None, "Proses", None, None, None, "TPPO", 2),
        ("i4", "hub", None, None, "phone", "+622100000000", 4, None, None),  # c1 quotes the hotline
        ("i3", "identifier", None, None, "bank_account", "MANDIRI:0000012345678", 2, None, None),
        ("i8", "identifier", None, None, "phone", "+6285700003333", 3, None, None),
        ("i9", "identifier", None, None, "handle", "rekrut.c1", 1, None, None),  # named in NWK-4
    ]
    assert got.loc[got.node == "a5", "display_name"].item() == "<img src=x onerror=alert(1)>"


def test_network_graph_edges(reader):
    got = reader.query("network_graph_edges", network_id=3)
    assert records(got) == [
        ("a10", "i3", "detection", 1, D(2025, 4, 4), D(2025, 4, 4)),
        ("a5", "i4", "detection", 1, D(2025, 3, 7), D(2025, 3, 7)),
        ("a5", "i8", "detection", 2, D(2025, 3, 7), D(2025, 3, 8)),
        ("a5", "i9", "named_in_case", 0, None, None),
        ("a6", "i8", "detection", 2, D(2025, 3, 10), D(2025, 3, 11)),
        ("a7", "i3", "detection", 1, D(2025, 3, 12), D(2025, 3, 12)),
        ("a7", "i8", "detection", 1, D(2025, 3, 12), D(2025, 3, 12)),
        ("cNWK-4", "i9", "case", 0, D(2025, 3, 18), D(2025, 3, 18)),
    ]


@pytest.mark.parametrize(("kind", "value", "domain", "expected"), [
    ("phone", "+6285700003333", None, [(8, "phone", "+6285700003333", "exact", 3, 0, 3, False)]),
    ("phone", "+622100000000", None, [(4, "phone", "+622100000000", "exact", 4, 1, None, True)]),
    ("phone", "+6281800005555", None, [(11, "ewallet", "DANA:+6281800005555", "ewallet_number", 1, 0, None, False),
                                       (12, "phone", "+6281800005555", "exact", 1, 0, None, False)]),
    ("ewallet", "DANA:+6281800005555", None, [
        (11, "ewallet", "DANA:+6281800005555", "exact", 1, 0, None, False),
        (12, "phone", "+6281800005555", "phone_of_ewallet", 1, 0, None, False)]),
    ("url", "https://kerja-jepang.example/daftar", "kerja-jepang.example", [
        (10, "domain", "kerja-jepang.example", "domain", 1, 0, None, False),
        (13, "url", "https://kerja-jepang.example/daftar", "exact", 1, 0, None, False)]),
    ("handle", "rekrut.c1", None, [(9, "handle", "rekrut.c1", "exact", 1, 1, 3, False)]),
    ("phone", "+6289999999999", None, []),
])
def test_identifier_search(reader, kind, value, domain, expected):
    assert records(reader.query("identifier_search", kind=kind, value=value, domain=domain)) == expected


def test_identifier_accounts_and_cases(reader):
    accounts = reader.query("identifier_accounts", identifier_ids=[8, 9])
    assert records(accounts, ["account_id", "handle", "kind", "value", "detections", "network_id"]) == [
        (7, "rekrut.c3_href", "phone", "+6285700003333", 1, 3),
        (6, "rekrut.c2", "phone", "+6285700003333", 2, 3),
        (5, "rekrut.c1", "handle", "rekrut.c1", 0, 3),
        (5, "rekrut.c1", "phone", "+6285700003333", 2, 3),
    ]
    cases = reader.query("identifier_cases", identifier_ids=[4, 8, 9])
    assert records(cases, ["case_id", "origin", "destination_country", "victims", "kind", "value", "network_id"]) == [
        ("NWK-4", "Kabupaten Lombok Timur", "KH", 2, "handle", "rekrut.c1", 3),
        ("NWK-3", "Kabupaten Indramayu", "MY", 2, "phone", "+622100000000", None),
    ]


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("rekrut.c1", 10, [5]),
    ("REKRUT.C", 2, [10, 7]),  # c4 last seen 4 April, c3 12 March
    ("<img", 10, [5]),  # c1's display name
    ("", 10, []),
])
def test_accounts_matching(reader, text, limit, expected):
    assert reader.query("accounts_matching", text=text, limit=limit)["account_id"].tolist() == expected


def test_account_dossier_queries(reader):
    assert records(reader.query("account_profile", account_id=5),
                   ["handle", "status", "first_seen", "last_seen", "reported_at", "blocked_at", "detections",
                    "network_id"]) == [
        ("rekrut.c1", "blocked", D(2025, 3, 7), D(2025, 3, 8), D(2025, 3, 8), D(2025, 3, 9), 2, 3)]
    assert records(reader.query("account_detections", account_id=5),
                   ["detection_id", "detected_at", "content_url", "content_text", "target_region"]) == [
        ("NW1-06", D(2025, 3, 8), "https://www.instagram.com/p/c1b", "Kamboja gaji dolar", "Kabupaten Lombok Timur"),
        ("NW1-05", D(2025, 3, 7), "https://www.instagram.com/p/c1a", "Kamboja. Pengaduan 021-0000-0000",
         "Kabupaten Lombok Timur")]
    assert records(reader.query("account_status_events", account_id=5), ["changed_at", "status"]) == [
        (D(2025, 3, 7), "detected"), (D(2025, 3, 8), "reported"), (D(2025, 3, 9), "blocked")]
    assert records(reader.query("account_identifier_list", account_id=5)) == [
        ("handle", "rekrut.c1", 0, None, None, 1, 1, False),
        ("phone", "+622100000000", 1, D(2025, 3, 7), D(2025, 3, 7), 4, 1, True),
        ("phone", "+6285700003333", 2, D(2025, 3, 7), D(2025, 3, 8), 3, 0, False)]
    assert records(reader.query("account_linked_cases", account_id=5), ["case_id", "kind", "value", "hub"]) == [
        ("NWK-4", "handle", "rekrut.c1", False), ("NWK-3", "phone", "+622100000000", True)]
    assert reader.query("account_profile", account_id=999).empty


def test_takedown_candidates(reader):
    got = reader.query("takedown_candidates", **FULL)
    # active accounts sharing a non-hub identifier with a blocked one; d1 shares only the hub H; c4 shares B3
    # with c3, who is not blocked; blocked accounts are never candidates. Scores (end of period 30 April):
    # b2: BRI 3 + phone 2 + 2×(1 − 27/180) = 6.70; a2: 3 + 2 + 2×(1 − 57/180) = 6.37; a3: 2 + 2×(1 − 28/180)
    # = 3.69; c3: 2 + 2×(1 − 49/180) = 3.46; c2: 2 + 2×(1 − 50/180) = 3.44
    assert records(got, ["account_id", "score", "handle", "status", "network_id", "shared_identifiers",
                         "blocked_accounts"]) == [
        (4, 6.70, "rekrut.b2", "reported", 1, 2, 2),
        (2, 6.37, "rekrut.a2", "detected", 1, 2, 1),
        (9, 3.69, "rekrut.a3", "detected", 1, 1, 1),
        (7, 3.46, "rekrut.c3_href", "detected", 3, 1, 1),
        (6, 3.44, "rekrut.c2", "detected", 3, 1, 1),
    ]
    april = reader.query("takedown_candidates", **(FULL | {"start": date(2025, 4, 1)}))
    assert april["account_id"].tolist() == [4, 9]  # detections in April: b2, a3 (c4 and e1 have no evidence)
    assert reader.query("takedown_candidates", **(FULL | {"platforms": ["instagram"]}))["account_id"].tolist() == [
        7, 6]


def test_takedown_evidence(reader):
    got = reader.query("takedown_evidence", account_ids=[2, 4, 6, 7, 9, 8])
    assert records(got, ["account_id", "kind", "value", "blocked_handle", "blocked_at"]) == [
        (2, "bank_account", "BRI:000001000111501", "rekrut.a1", D(2025, 3, 10)),
        (2, "phone", "+6281200001111", "rekrut.a1", D(2025, 3, 10)),
        (4, "bank_account", "BRI:000001000111501", "rekrut.a1", D(2025, 3, 10)),
        (4, "phone", "+6281300002222", "rekrut.b1", D(2025, 3, 12)),
        (6, "phone", "+6285700003333", "rekrut.c1", D(2025, 3, 9)),
        (7, "phone", "+6285700003333", "rekrut.c1", D(2025, 3, 9)),
        (9, "phone", "+6281200001111", "rekrut.a1", D(2025, 3, 10)),
    ]  # d1 (8) shares only the hub H with blocked accounts


def test_account_posts(reader):
    assert records(reader.query("account_posts", account_ids=[2, 4]), ["account_id", "detection_id"]) == [
        (2, "NW1-02"), (4, "NW1-04"), (4, "NW2-02")]


def test_identifier_reappearances(reader):
    got = reader.query("identifier_reappearances", **FULL)
    # B1: a1 blocked 10/03, b2 first carried it 03/04 (24 days; b2 existed before the block)
    # P1: a1 blocked 10/03, new account a3 on 02/04 (23 days); P3: c1 blocked 09/03, c3 on 12/03, c2 on 10/03
    assert records(got, ["kind", "value", "blocked_handle", "handle", "reappeared_at", "days_after_block",
                         "new_account", "network_id"]) == [
        ("bank_account", "BRI:000001000111501", "rekrut.a1", "rekrut.b2", D(2025, 4, 3), 24, False, 1),
        ("phone", "+6281200001111", "rekrut.a1", "rekrut.a3", D(2025, 4, 2), 23, True, 1),
        ("phone", "+6285700003333", "rekrut.c1", "rekrut.c3_href", D(2025, 3, 12), 3, True, 3),
        ("phone", "+6285700003333", "rekrut.c1", "rekrut.c2", D(2025, 3, 10), 1, True, 3),
    ]
    facebook = reader.query("identifier_reappearances", **(FULL | {"platforms": ["facebook"]}))
    assert facebook["handle"].tolist() == ["rekrut.b2", "rekrut.a3"]


def test_hub_list_and_limit(reader):
    assert records(reader.query("network_hub_list")) == [
        ("phone", "+622100000000", 4, 1, "limit", False, None, None)]
    assert records(reader.query("network_hub_limit")) == [(3,)]
