"""The fast paths of the network rebuild agree with the definitions they replaced.

* network_summary, computed from the members the rebuild holds (jaring.network_summary), against
  tests/fixtures/networks_summary_reference.sql, the query it replaced: on seeded random databases full of ties
  (few regions, few countries), nulls, unknown codes and a region name shared by two codes, then on the
  hand-drawn fixtures.
* connected components in numpy, against a plain union-find (labels numbered as scipy numbers them).
* assign_ids, vectorised, against the loop it replaced, on random overlaps with many tangled old networks.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from networks_support import build

from jaring import db, network_summary, networks
from jaring.graph_components import connected_components
from jaring.ingest import create_database
from jaring.network_ids import IdAssignment, assign_ids

REFERENCE = (Path(__file__).resolve().parent / "fixtures" / "networks_summary_reference.sql").read_text().rstrip("; \n")
PLATFORMS = ["facebook", "instagram", "tiktok", "x", "website"]
KINDS = ["phone", "bank_account", "ewallet", "email", "url"]
REGIONS = ["32", "32.01", "33.01", "35", "99.99", None, "00.00"]  # 99.99 is named like 32.01, 00.00 is unknown
COUNTRIES = ["MY", "SA", "TW", "ZZ", None]  # ZZ is missing from the countries table


def differences(con) -> tuple[int, int, int]:
    """Rows, rows only in network_summary, rows only in the reference."""
    (rows,) = con.execute("select count(*) from network_summary").fetchone()
    only_ours = f"select * from network_summary except all ({REFERENCE})"  # noqa: S608 (constant SQL files)
    only_reference = f"({REFERENCE}) except all select * from network_summary"  # noqa: S608
    (extra,) = con.execute(f"select count(*) from ({only_ours})").fetchone()  # noqa: S608
    (missing,) = con.execute(f"select count(*) from ({only_reference})").fetchone()  # noqa: S608
    return rows, extra, missing


def random_tables(seed: int) -> dict[str, pd.DataFrame]:
    rng = random.Random(seed)
    start = datetime(2025, 1, 1)
    accounts = pd.DataFrame([
        (a, f"p:{a}", rng.choice(PLATFORMS), f"h{a}", rng.choice([None, "detected", "reported", "blocked"]),
         rng.choice([None, start + timedelta(hours=rng.randrange(5000))]),
         rng.choice([None, start + timedelta(hours=rng.randrange(5000, 9000))])) for a in range(1, 121)],
        columns=["account_id", "account_key", "platform", "handle", "status", "first_seen", "last_seen"])
    detections = pd.DataFrame([
        (f"d{n}", rng.randrange(1, 121), start, rng.choice(REGIONS), rng.choice(COUNTRIES)) for n in range(700)],
        columns=["detection_id", "account_id", "detected_at", "target_region_code", "destination_country"])
    identifiers = pd.DataFrame([(i, rng.choice(KINDS), f"v{i}") for i in range(1, 201)],
                               columns=["identifier_id", "kind", "value"])
    links = pd.DataFrame([(rng.randrange(1, 121), rng.randrange(1, 201), f"d{n}") for n in range(170)],
                         columns=["account_id", "identifier_id", "detection_id"])
    cases = pd.DataFrame([(f"K{c}", rng.randrange(1, 6), rng.choice(COUNTRIES)) for c in range(25)],
                         columns=["case_id", "victims", "destination_country"])
    case_links = pd.DataFrame([(f"K{rng.randrange(25)}", rng.randrange(1, 201)) for _ in range(40)],
                              columns=["case_id", "identifier_id"]).drop_duplicates()
    return {"accounts": accounts, "detections": detections, "identifiers": identifiers,
            "account_identifiers": links, "cases": cases, "case_identifiers": case_links}


def fill(con, tables: dict[str, pd.DataFrame]) -> None:
    con.execute("insert into regions (code, level, name, province_code) "
                "select '99.99', 'regency', name, '99' from regions where code = '32.01'")
    con.execute("insert into imports (kind, file_name, sha256, started_at) values ('detections', 'x', 'x', now())")
    extra = {"detections": ", 1 as import_id", "account_identifiers": ", 'text' as source_field, 1 as import_id",
             "cases": ", now()::timestamp as reported_at, 1 as import_id",
             "case_identifiers": ", 'text' as source_field, 1 as import_id"}
    for name, frame in tables.items():
        con.register("frame", frame)
        con.execute(f"insert into {name} by name select *{extra.get(name, '')} from frame")  # noqa: S608
        con.unregister("frame")


@pytest.mark.parametrize(("seed", "dense_cells"), [(0, 8_000_000), (1, 8_000_000), (2, 0), (3, 0)])
def test_summary_matches_the_reference_query_on_random_databases(tmp_path, monkeypatch, seed, dense_cells):
    # dense_cells 0: the top lists come from sorted pairs instead of a count matrix (many networks and codes)
    monkeypatch.setattr(network_summary, "_DENSE_CELLS", dense_cells)
    path = tmp_path / "random.duckdb"
    create_database(path)
    with db.writer(path) as con:
        fill(con, random_tables(seed))
        summary = networks.rebuild_networks(con, hub_limit=6)
        assert summary.networks > 5
        rows, extra, missing = differences(con)
        assert (rows, extra, missing) == (summary.networks, 0, 0)
        # ties and every kind of value occur, so the comparison means something
        tops = con.execute("select count(*) filter (where top_regions like '%,%,%'), count(*) filter (where "
                           "top_countries_en like '%ZZ%'), count(*) filter (where victims > 0) from network_summary")
        assert all(count > 0 for count in tops.fetchone())


def test_summary_matches_the_reference_query_on_the_fixtures(tmp_path_factory):
    path = build("second", tmp_path_factory.mktemp("summary"))
    with db.writer(path) as con:
        networks.rebuild_networks(con, force=True)
        assert differences(con) == (3, 0, 0)  # networks 1 (with the merged 2), 3 and 4


def test_summary_of_no_networks(tmp_path):
    path = tmp_path / "empty.duckdb"
    create_database(path)
    with db.writer(path) as con:
        networks.rebuild_networks(con)
        assert differences(con) == (0, 0, 0)


def test_joined_names_per_row_with_many_names():
    # 2**21 names: three of them per row no longer fit one integer, so rows are compared as rows
    for names in (["a", "b", "c"], ["a", "b", "c"] + ["z"] * 2**21):
        table = np.array([[2, 0, -1], [-1, -1, -1], [2, 0, -1], [1, -1, -1]])
        assert network_summary._joined(table, names).tolist() == ["c, a", None, "c, a", "b"]


@pytest.mark.parametrize("seed", range(20))
def test_components_are_labelled_as_scipy_labels_them(seed):
    # numbered by each component's smallest node, isolated nodes included (what scipy.sparse.csgraph returns)
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 200))
    source, target = rng.integers(0, n, int(rng.integers(0, 250))), rng.integers(0, n, int(rng.integers(0, 250)))
    edges = min(len(source), len(target))
    labels = connected_components(n, source[:edges], target[:edges])
    parent = list(range(n))  # a plain union-find as the reference

    def root(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for s, t in zip(source[:edges].tolist(), target[:edges].tolist(), strict=True):
        a, b = root(s), root(t)
        parent[max(a, b)] = min(a, b)
    smallest = [root(x) for x in range(n)]
    expected = np.unique(smallest, return_inverse=True)[1]
    assert labels.tolist() == expected.tolist()


def test_components_of_a_long_shuffled_path_and_of_no_edges():
    order = np.random.default_rng(0).permutation(5000)
    assert connected_components(5000, order[:-1], order[1:]).tolist() == [0] * 5000
    assert connected_components(3, np.array([], dtype=int), np.array([], dtype=int)).tolist() == [0, 1, 2]
    assert connected_components(0, np.array([], dtype=int), np.array([], dtype=int)).tolist() == []


def assign_ids_by_loop(overlap: pd.DataFrame, components: pd.Series, old_ids: list[int], next_id: int) -> IdAssignment:
    """The loop assign_ids ran before it was vectorised (kept as the reference)."""
    result = IdAssignment()
    pairs = overlap.sort_values(["old_id", "shared", "comp"], ascending=[True, False, True])
    old_once = pairs.groupby("old_id")["comp"].transform("size") == 1
    comp_once = pairs.groupby("comp")["old_id"].transform("size") == 1
    one_to_one = pairs[old_once & comp_once]
    claimed = dict(zip(one_to_one["comp"].tolist(), one_to_one["old_id"].tolist(), strict=True))
    for old_id, group in pairs[~pairs["old_id"].isin(one_to_one["old_id"])].groupby("old_id", sort=True):
        best = int(group["comp"].iloc[0])
        if best in claimed:
            result.merges.append((claimed[best], int(old_id)))
        else:
            claimed[best] = int(old_id)
    result.ids = dict(claimed)
    carried = set(result.ids.values()) | {merged for _, merged in result.merges}
    result.dissolved = sorted(set(old_ids) - carried)
    best_old = pairs.sort_values(["comp", "shared", "old_id"], ascending=[True, False, True]).drop_duplicates(
        "comp").set_index("comp")["old_id"]
    for comp in components.tolist():
        if comp not in result.ids:
            result.ids[comp] = next_id
            result.new.add(comp)
            if comp in best_old.index:
                result.split_from[next_id] = int(best_old[comp])
            next_id += 1
    result.merges = sorted(result.merges)
    return result


@pytest.mark.parametrize("seed", range(30))
def test_assign_ids_agrees_with_the_loop_it_replaced(seed):
    rng = random.Random(seed)
    old_ids = sorted(rng.sample(range(1, 60), rng.randrange(1, 40)))
    comps = list(range(100, 100 + rng.randrange(1, 30)))
    pairs = {(rng.choice(old_ids), rng.choice(comps)) for _ in range(rng.randrange(0, 80))}
    overlap = pd.DataFrame([(o, c, rng.randrange(1, 4)) for o, c in sorted(pairs)],
                           columns=["old_id", "comp", "shared"])
    order = pd.Series(rng.sample(comps + list(range(200, 205)), len(comps) + 5))
    got, expected = assign_ids(overlap, order, old_ids, 60), assign_ids_by_loop(overlap, order, old_ids, 60)
    assert list(got.ids.items()) == list(expected.ids.items())  # the same ids, handed out in the same order
    assert (got.new, got.split_from, got.merges, got.dissolved) == (
        expected.new, expected.split_from, expected.merges, expected.dissolved)
