"""Recruiter networks: components, hub guard, stable ids across imports (hand-drawn fixtures, see networks_support)."""

from __future__ import annotations

import hashlib
import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from networks_support import DETECTIONS_1, build, copy_of, members

from jaring import db, derived_tables, networks
from jaring.ingest import create_database, import_files
from jaring.network_ids import assign_ids

A1, A2, A3 = "facebook:rekrut.a1", "facebook:rekrut.a2", "facebook:rekrut.a3"
B1, B2 = "facebook:rekrut.b1", "facebook:rekrut.b2"
C1, C2, C3, C4 = "instagram:rekrut.c1", "instagram:rekrut.c2", "instagram:rekrut.c3_href", "instagram:rekrut.c4"
D1 = "tiktok:rekrut.d1"
P1, P2, P3, P4 = "phone:+6281200001111", "phone:+6281300002222", "phone:+6285700003333", "phone:+6281700004444"
BANK1, BANK2, BANK3 = "bank_account:BRI:000001000111501", "bank_account:BCA:0000111222", \
    "bank_account:MANDIRI:0000012345678"
HANDLE_C1, HUB = "handle:rekrut.c1", "phone:+622100000000"
NETWORK_A = sorted([A1, A2, P1, BANK1])
NETWORK_B = sorted([B1, B2, "case:NWK-1", P2, BANK2])
NETWORK_C = sorted([C1, C2, C3, "case:NWK-4", P3, BANK3, HANDLE_C1])
NETWORK_D = sorted([D1, "case:NWK-2", P4])


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    return tmp_path_factory.mktemp("network_templates")


def rows(path, sql: str) -> list[tuple]:
    return [tuple(r) for r in db.Reader(path).sql(sql).itertuples(index=False)]


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_hub_phone_does_not_merge_networks(templates):
    path = build("first", templates)
    # H is quoted by a1, b1, c1 and d1: 4 accounts > limit 3, so the four networks stay apart.
    assert members(path) == {1: NETWORK_A, 2: NETWORK_B, 3: NETWORK_C, 4: NETWORK_D}
    assert rows(path, "select i.kind, i.value, h.accounts, h.cases, h.reason, h.merging from network_hubs h "
                      "join identifiers i using (identifier_id)") == [("phone", "+622100000000", 4, 1, "limit", False)]


def test_the_same_phone_in_five_formats_is_one_node(templates):
    path = build("first", templates)
    # "0857-0000-3333", "+62 857 0000 3333", "62857 0000 3333", "wa.me/6285700003333", "0857.0000.3333"
    assert rows(path, "select count(*) from identifiers where value like '%85700003333'") == [(1,)]
    assert rows(path, "select count(*), count(distinct account_id) from account_identifiers ai "
                      "join identifiers i using (identifier_id) where i.value = '+6285700003333'") == [(5, 3)]
    assert [m for m in members(path)[3] if m.startswith("phone:")] == [P3]


def test_a_growing_network_keeps_its_id(templates):
    path = build("second", templates)
    assert members(path)[3] == sorted([*NETWORK_C, C4])
    # created by the rebuild at the end of the first import (imports 1 and 2), changed by import 3
    assert rows(path, "select accounts, cases, identifiers, created_import_id, changed_at > created_at "
                      "from networks where network_id = 3") == [(4, 1, 3, 2, True)]


def test_two_networks_joined_by_one_bank_account_keep_the_older_id(templates):
    path = build("second", templates)
    assert members(path) == {1: sorted([*NETWORK_A, A3, *NETWORK_B]), 3: sorted([*NETWORK_C, C4]), 4: NETWORK_D}
    assert rows(path, "select kept_network_id, merged_network_id, import_id, merged_accounts "
                      "from network_merges") == [(1, 2, 3, 2)]
    assert rows(path, "select merged_into from networks where network_id = 2") == [(1,)]
    found = db.Reader(path).query("network_lookup", network_id=2)
    assert (int(found.requested_id[0]), int(found.network_id[0]), int(found.merged_into[0])) == (2, 1, 1)


def test_a_rebuild_without_new_data_writes_nothing(templates, tmp_path):
    path = copy_of("second", templates, tmp_path / "again.duckdb")
    before = sha(path)
    with db.writer(path) as con:
        assert networks.rebuild_networks(con).skipped
    assert sha(path) == before
    (result,) = import_files(path, [DETECTIONS_1])  # the same file again: skipped, nothing to recompute
    assert result.status == "skipped" and sha(path) == before
    with db.writer(path) as con:
        forced = networks.rebuild_networks(con, force=True)
    assert (forced.networks, forced.new, forced.changed, forced.merges, forced.dissolved) == (3, 0, 0, 0, 0)
    assert members(path) == {1: sorted([*NETWORK_A, A3, *NETWORK_B]), 3: sorted([*NETWORK_C, C4]), 4: NETWORK_D}


def test_an_analyst_lets_a_hub_merge_and_takes_it_back(templates, tmp_path):
    path = copy_of("second", templates, tmp_path / "hub.duckdb")
    with db.writer(path) as con:
        networks.save_hub_settings(con, hub_limit=3, include=[("phone", "+622100000000")], exclude=[])
    everything = sorted([*NETWORK_A, A3, *NETWORK_B, *NETWORK_C, C4, *NETWORK_D, HUB, "case:NWK-3"])
    assert members(path) == {1: everything}
    assert rows(path, "select kept_network_id, merged_network_id from network_merges order by 2") == [
        (1, 2), (1, 3), (1, 4)]
    assert rows(path, "select reason, merging from network_hubs") == [("limit", True)]
    with db.writer(path) as con:
        networks.save_hub_settings(con, hub_limit=3, include=[], exclude=[])
    # Network 1 keeps the largest part (10 members); the others get new ids, remembering where they came from.
    assert members(path) == {1: sorted([*NETWORK_A, A3, *NETWORK_B]), 5: sorted([*NETWORK_C, C4]), 6: NETWORK_D}
    assert rows(path, "select network_id, split_from from networks where network_id >= 5") == [(5, 1), (6, 1)]


def test_an_analyst_marks_an_identifier_as_hub(templates, tmp_path):
    path = copy_of("first", templates, tmp_path / "exclude.duckdb")
    with db.writer(path) as con:
        networks.save_hub_settings(con, hub_limit=3, include=[], exclude=[("phone", "+6281200001111")])
    # Without P1, a1 and a2 still share the BRI account: network 1 keeps its members but P1.
    assert members(path)[1] == sorted([A1, A2, BANK1])
    assert rows(path, "select i.value, h.reason from network_hubs h join identifiers i using (identifier_id) "
                      "order by 1") == [("+622100000000", "limit"), ("+6281200001111", "analyst")]


def test_a_stop_list_entry_cuts_a_network_apart(templates, tmp_path):
    path = copy_of("first", templates, tmp_path / "stop.duckdb")
    stoplist = tmp_path / "stop.csv"
    stoplist.write_text("kind,value,label,source\nphone,+62 813-0000-2222,test,test\ndomain,bit.ly,x,y\n"
                        "phone,nomor rahasia,x,y\n", encoding="utf-8")
    with db.writer(path) as con:
        summary = networks.rebuild_networks(con, stoplist_path=stoplist)
    # Without P2 nothing links b1 (only the hub H), b2 (P2, its own BCA account) and NWK-1 (P2): network 2 is gone.
    assert members(path) == {1: NETWORK_A, 3: NETWORK_C, 4: NETWORK_D}
    assert summary.dissolved == 1
    assert rows(path, "select dissolved_at is not null from networks where network_id = 2") == [(True,)]
    assert ("+6281300002222", "stoplist") in rows(
        path, "select i.value, h.reason from network_hubs h join identifiers i using (identifier_id)")


def test_the_shipped_stop_list_is_all_identifiers():
    stoplist, unreadable = networks.load_stoplist()
    assert unreadable == []
    assert {("domain", "bit.ly"), ("domain", "bp2mi.go.id"), ("domain", "kp2mi.go.id")} <= set(
        stoplist.itertuples(index=False, name=None))


def test_a_failed_computation_keeps_the_import(tmp_path, monkeypatch):
    path = tmp_path / "fail.duckdb"
    create_database(path)

    def broken(*args, **kwargs):
        raise RuntimeError("injected")

    monkeypatch.setattr(networks, "_rebuild", broken)
    (result,) = import_files(path, [DETECTIONS_1])
    assert result.status == "loaded"
    assert rows(path, "select count(*) from accounts") == [(8,)]
    assert not derived_tables.networks_available(db.Reader(path).query)
    # The other tables rebuilt after an import (at the same time, on their own cursors) are still built.
    assert derived_tables.region_index_available(db.Reader(path).query)
    assert rows(path, "select count(*) from status_episode_state") == [(1,)]


def overlap(*triples) -> pd.DataFrame:
    return pd.DataFrame(triples, columns=["old_id", "comp", "shared"])


def test_assign_ids_split_merge_dissolve():
    # old 1 split over components 10 (5 shared) and 11 (2): 10 keeps id 1, 11 is new and split from 1
    got = assign_ids(overlap((1, 10, 5), (1, 11, 2)), pd.Series([11, 10]), [1], next_id=2)
    assert got.ids == {10: 1, 11: 2} and got.split_from == {2: 1} and got.merges == [] and got.dissolved == []
    # old 1, 2, 3 all in component 10: the oldest id stays, the others are merges into it
    got = assign_ids(overlap((1, 10, 1), (2, 10, 9), (3, 10, 2)), pd.Series([10]), [1, 2, 3], next_id=4)
    assert got.ids == {10: 1} and got.merges == [(1, 2), (1, 3)]
    # old 2 spans components 10 and 11, old 1 only 10: 1 keeps 10, 2 keeps 11 (no merge recorded)
    got = assign_ids(overlap((1, 10, 3), (2, 10, 1), (2, 11, 4)), pd.Series([10, 11]), [1, 2], next_id=3)
    assert got.ids == {10: 1, 11: 2} and got.merges == []
    # most of old 2 (5 members) joined old 1 in component 10, one member went on with new ones (11): 2 is
    # absorbed into 1, and 11 is a new network that broke away from 2
    got = assign_ids(overlap((1, 10, 3), (2, 10, 5), (2, 11, 1)), pd.Series([10, 11]), [1, 2], next_id=3)
    assert got.ids == {10: 1, 11: 3} and got.merges == [(1, 2)] and got.split_from == {3: 2}
    # old 7 no longer exists; new components are numbered in the given order
    got = assign_ids(overlap(), pd.Series([21, 20]), [7], next_id=8)
    assert got.ids == {21: 8, 20: 9} and got.dissolved == [7] and got.new == {20, 21}


@pytest.mark.parametrize("seed", range(5))
def test_components_agree_with_networkx_on_random_graphs(seed):
    rng = random.Random(seed)
    n_accounts, n_identifiers, n_cases = 60, 40, 10
    account_links = pd.DataFrame({"account_id": [rng.randrange(1, n_accounts) for _ in range(70)],
                                  "identifier_id": [rng.randrange(1, n_identifiers) for _ in range(70)]})
    case_links = pd.DataFrame({"case_code": [rng.randrange(n_cases) for _ in range(12)],
                               "identifier_id": [rng.randrange(1, n_identifiers) for _ in range(12)]})
    graph = networks._Graph(n_accounts, n_identifiers, pd.Index([f"K{i}" for i in range(n_cases)]),
                            account_links, account_links.iloc[:0], case_links)
    cut = np.array([account_links["identifier_id"].iloc[0]])
    labels = networks._components(graph, cut)
    reference = nx.Graph()
    reference.add_nodes_from(range(graph.size))
    for a, i in account_links.itertuples(index=False):
        if i not in cut:
            reference.add_edge(a, n_accounts + i)
    for c, i in case_links.itertuples(index=False):
        if i not in cut:
            reference.add_edge(n_accounts + n_identifiers + c, n_accounts + i)
    ours = {frozenset(np.flatnonzero(labels == label).tolist()) for label in np.unique(labels)}
    assert ours == {frozenset(c) for c in nx.connected_components(reference)}
