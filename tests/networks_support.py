"""Hand-drawn recruiter networks for the networks tests, built through the real importer.

tests/fixtures/networks_detections_1.csv + networks_cases.csv (first import, hub limit 3), drawn by hand:

    account ids (the importer numbers new accounts by platform:handle):
      1 facebook:rekrut.a1 (blocked 10/03)   2 facebook:rekrut.a2          3 facebook:rekrut.b1 (blocked 12/03)
      4 facebook:rekrut.b2 (reported)        5 instagram:rekrut.c1 (blocked 09/03, display <img onerror>)
      6 instagram:rekrut.c2 ("><script>)     7 instagram:rekrut.c3_href (display with <a href>)
      8 tiktok:rekrut.d1
    P1 +6281200001111: a1, a2     B1 BRI:000001000111501: a1, a2
    P2 +6281300002222: b1, b2, case NWK-1 (3 victims)            B2 BCA:0000111222: b2
    P3 +6285700003333 written five ways: c1 (2 detections), c2 (2, one a wa.me link), c3 (1)
    B3 MANDIRI:0000012345678: c3                handle rekrut.c1: named in case NWK-4 (Instagram) -> c1
    P4 +6281700004444: d1, case NWK-2           H +622100000000 (fake hotline): a1, b1, c1, d1, case NWK-3
    With the hub limit 3, H (4 accounts) is a hub. Networks, numbered by their smallest account id:
      1 = {a1, a2, P1, B1}   2 = {b1, b2, NWK-1, P2, B2}   3 = {c1, c2, c3, NWK-4, P3, B3, rekrut.c1}
      4 = {d1, NWK-2, P4}

tests/fixtures/networks_detections_2.csv (second import):
      9 facebook:rekrut.a3 carries P1 -> network 1 grows (display name '=HYPERLINK("http://evil.example")')
      b2 now also carries B1 -> networks 1 and 2 merge; the older id 1 stays, 2 is recorded as merged into 1
      10 instagram:rekrut.c4 carries B3 -> network 3 grows to 4 accounts
      11 tiktok:rekrut.e1 alone with phone +6281800005555, e-wallet DANA:+6281800005555, the link
         https://kerja-jepang.example/daftar and its domain -> no network
    identifier ids: 1 BCA, 2 BRI (B1), 3 MANDIRI (B3), 4 H, 5 P1, 6 P2, 7 P4, 8 P3 (first import, by kind and
    value), 9 handle rekrut.c1 (cases), 10 domain, 11 e-wallet, 12 phone of e1, 13 url (second import)
"""

from __future__ import annotations

import shutil
from pathlib import Path

from jaring import db, networks
from jaring.ingest import create_database, import_files

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DETECTIONS_1 = FIXTURES / "networks_detections_1.csv"
DETECTIONS_2 = FIXTURES / "networks_detections_2.csv"
CASES = FIXTURES / "networks_cases.csv"
HUB_LIMIT = 3

_built: dict[str, Path] = {}


def build(stage: str, folder: Path) -> Path:
    """A database at `stage` ("first": detections 1 + cases, "second": then detections 2), built once."""
    if stage not in _built:
        path = folder / f"networks_{stage}.duckdb"
        create_database(path)
        with db.writer(path) as con:  # the limit is stored, so every later import uses it
            networks.rebuild_networks(con, hub_limit=HUB_LIMIT)
        batches = [[DETECTIONS_1, CASES]] + ([[DETECTIONS_2]] if stage == "second" else [])
        for batch in batches:
            results = import_files(path, batch)
            assert all(r.status == "loaded" for r in results), [r.summary() for r in results]
        _built[stage] = path
    return _built[stage]


def copy_of(stage: str, template_folder: Path, target: Path) -> Path:
    """A private copy of a stage's database (for tests that write to it)."""
    shutil.copyfile(build(stage, template_folder), target)
    return target


def members(path: Path) -> dict[int, list[str]]:
    """network_id -> sorted member names ('facebook:rekrut.a1', 'phone:+62…', 'case:NWK-1') of live networks."""
    frame = db.Reader(path).sql(
        "select m.network_id, coalesce(a.account_key, i.kind || ':' || i.value, 'case:' || m.case_id) as name "
        "from network_members m join networks n using (network_id) "
        "left join accounts a on a.account_id = m.account_id "
        "left join identifiers i on i.identifier_id = m.identifier_id "
        "where n.merged_into is null and n.dissolved_at is null order by 1, 2")
    result: dict[int, list[str]] = {}
    for network_id, name in frame.itertuples(index=False):
        result.setdefault(int(network_id), []).append(name)
    return result
