"""Recruiter networks: connected components of accounts, identifiers and cases, stored with stable ids.

One recruiter runs many accounts and reuses the same phone, bank account or e-wallet. Accounts, identifiers
and cases are nodes; an account or a case is linked to each identifier it carries (an identifier shared by
300 accounts is one node with 300 edges, never 300² account pairs). A network is a connected component with
at least two accounts, or an account and a victim's case.

Hub guard: an identifier linked to more accounts than the hub limit, or listed in
`data/reference/hub_stoplist.csv` (platform domains, link shorteners, ministry sites...) or marked by an
analyst, does not merge networks unless an analyst lets it. Components are computed in numpy
(jaring.graph_components, a tenth of a second for a million accounts) and written to `networks`,
`network_members`, `network_merges`, `network_hubs` and `network_summary`. `rebuild_networks(con)` runs at the
end of every import.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from jaring import db
from jaring.graph_components import connected_components
from jaring.ingest import now_jakarta
from jaring.network_ids import IdAssignment, assign_ids
from jaring.network_summary import ACCOUNT, CASE, IDENTIFIER, store_summary
from jaring.normalise import NORMALISERS, platform

log = logging.getLogger(__name__)
STOPLIST_PATH = db.PROJECT_ROOT / "data" / "reference" / "hub_stoplist.csv"
DEFAULT_HUB_LIMIT = 50  # the demo's fake hotline sits on 90 accounts; real network identifiers on <= 20


@dataclass
class RebuildSummary:
    """What a rebuild found and changed."""

    networks: int
    new: int
    changed: int
    merges: int
    splits: int
    dissolved: int
    hubs: int
    hub_limit: int
    seconds: float
    skipped: bool = False  # nothing the networks depend on changed since the last rebuild


@dataclass
class _Graph:
    """Edge lists in node-index space: accounts first, then identifiers, then cases."""

    n_accounts: int  # max account_id + 1 (node index = account_id)
    n_identifiers: int  # max identifier_id + 1
    case_ids: pd.Index  # case code -> case_id
    account_links: pd.DataFrame  # account_id, identifier_id (detections and handles named in cases)
    handle_links: pd.DataFrame  # account_id, identifier_id: the links from handles named in cases
    case_links: pd.DataFrame  # case_code, identifier_id

    @property
    def size(self) -> int:
        return self.n_accounts + self.n_identifiers + len(self.case_ids)


def load_stoplist(path: Path = STOPLIST_PATH) -> tuple[pd.DataFrame, list[str]]:
    """The reference stop list, normalised the way identifiers are.

    Args:
        path: a CSV with columns kind, value (as a person writes it), label, source.

    Returns:
        (frame of kind, value normalised; texts that did not normalise, for the log and the tests).
    """
    raw = pd.read_csv(path, dtype=str, keep_default_na=False) if path.is_file() else pd.DataFrame(
        columns=["kind", "value"])
    rows, unreadable = [], []
    for kind, value in zip(raw["kind"].str.strip(), raw["value"], strict=True):
        normalised = NORMALISERS[kind](value) if kind in NORMALISERS else None
        (rows.append((kind, normalised)) if normalised else unreadable.append(f"{kind}: {value}"))
    return pd.DataFrame(rows, columns=["kind", "value"], dtype=object).drop_duplicates(), unreadable


def rebuild_networks(con, *, hub_limit: int | None = None, stoplist_path: Path = STOPLIST_PATH,
                     now: datetime | None = None, force: bool = False,
                     quiet_failure: bool = False) -> RebuildSummary | None:
    """Recompute the networks from the current links and store them with stable ids.

    Nothing is written when nothing it reads changed since the last rebuild (an import whose files all
    failed or were already imported leaves the database file byte-identical).

    Args:
        con: a read-write connection (the importer's, inside `db.writer`).
        hub_limit: accounts above which an identifier is a hub; stored for later rebuilds. None keeps the
            stored limit (or DEFAULT_HUB_LIMIT).
        stoplist_path: the reference stop list.
        now: the Jakarta wall-clock time to record (default: now).
        force: rebuild even when the inputs did not change.
        quiet_failure: log and return None instead of raising (the importer must not lose an import because
            the networks could not be computed; the page then offers a recomputation).

    Returns:
        A summary (`skipped` when nothing changed), or None after a logged failure.
    """
    now = now or now_jakarta()
    return _in_transaction(con, quiet_failure, lambda: _rebuild(con, hub_limit, stoplist_path, now, force))


def save_hub_settings(con, *, hub_limit: int, include: list[tuple[str, str]], exclude: list[tuple[str, str]],
                      now: datetime | None = None, stoplist_path: Path = STOPLIST_PATH) -> RebuildSummary | None:
    """Store the analyst's hub choices and recompute the networks with them, in one transaction.

    Args:
        con: a read-write connection.
        hub_limit: the new account limit.
        include: (kind, value) hubs that may merge networks.
        exclude: (kind, value) identifiers that must never merge networks.
        now: the time to record.
        stoplist_path: the reference stop list.
    """
    now = now or now_jakarta()
    decisions = pd.DataFrame([(k, v, "include") for k, v in include] + [(k, v, "exclude") for k, v in exclude],
                             columns=["kind", "value", "decision"], dtype=object)

    def work() -> RebuildSummary:
        with db.registered(con, stg_hub_decisions=decisions):
            db.run_script(con, "networks/save_decisions", now=now)
        return _rebuild(con, hub_limit, stoplist_path, now, force=False)

    return _in_transaction(con, False, work)


def _in_transaction(con, quiet_failure: bool, work) -> RebuildSummary | None:
    def with_schema() -> RebuildSummary:
        db.run_script(con, "networks/schema")
        return work()

    return db.in_transaction(con, with_schema, strict=not quiet_failure, logger=log,
                             failure="recomputing the networks failed; the import itself is kept")


def _rebuild(con, hub_limit: int | None, stoplist_path: Path, now: datetime, force: bool) -> RebuildSummary:
    started = time.perf_counter()
    stored_limit, next_id, live_ids, import_id = db.execute_query(con, "networks/state").fetchone()
    limit = int(hub_limit if hub_limit is not None else stored_limit or DEFAULT_HUB_LIMIT)
    stoplist = _stoplist(stoplist_path)
    inputs, previous = db.execute_query(con, "networks/fingerprint").fetchone()
    fingerprint = f"{inputs}|limit={limit}|stop={pd.util.hash_pandas_object(stoplist, index=False).sum()}"
    if fingerprint == previous and not force:
        return RebuildSummary(0, 0, 0, 0, 0, 0, 0, limit, round(time.perf_counter() - started, 3), skipped=True)
    graph = _load_graph(con)
    hubs = _hubs(con, graph, limit, stoplist)
    source, target = _edges(graph, hubs.loc[~hubs["merging"], "identifier_id"].to_numpy())
    members = _members(graph, connected_components(graph.size, source, target), source, target)
    old = db.execute_query(con, "networks/current_members").df()
    old_nodes = _node_index(graph, old)
    assignment, states = _assign(members, old, old_nodes, live_ids, int(next_id))
    _store(con, graph, members, assignment, states, old, hubs, now, import_id, limit, fingerprint)
    return RebuildSummary(networks=len(assignment.ids), new=len(assignment.new),
                          changed=int((states["state"] == "changed").sum()), merges=len(assignment.merges),
                          splits=len(assignment.split_from), dissolved=len(assignment.dissolved), hubs=len(hubs),
                          hub_limit=limit, seconds=round(time.perf_counter() - started, 3))


def _stoplist(path: Path) -> pd.DataFrame:
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        digest = None
    return _normalised_stoplist(path, digest).copy()


@lru_cache(maxsize=4)
def _normalised_stoplist(path: Path, digest: str | None) -> pd.DataFrame:
    # Normalising every entry took longer than some steps of the rebuild; the same file content is done once.
    stoplist, unreadable = load_stoplist(path)
    if unreadable:
        log.warning("hub stop list entries that are not identifiers: %s", "; ".join(unreadable))
    return stoplist.sort_values(["kind", "value"], ignore_index=True)


def _load_graph(con) -> _Graph:
    channels = db.execute_query(con, "networks/case_channels").df()["channel"]
    channel_platforms = pd.DataFrame({"channel": channels, "platform": [_platform_or_none(c) for c in channels]},
                                     dtype=object)
    with db.registered(con, channel_platforms=channel_platforms):
        handles = db.execute_query(con, "networks/handle_links").df()
    accounts = db.execute_query(con, "networks/account_identifier_links").df()
    if len(handles):  # a pair seen in a detection too must count once towards the hub limit
        accounts = pd.concat([accounts, handles], ignore_index=True).drop_duplicates()
    cases = db.execute_query(con, "networks/case_identifier_links").df()
    case_codes, case_ids = pd.factorize(cases["case_id"], sort=True)
    return _Graph(
        n_accounts=int(accounts["account_id"].max()) + 1 if len(accounts) else 0,
        n_identifiers=int(max(accounts["identifier_id"].max() if len(accounts) else -1,
                              cases["identifier_id"].max() if len(cases) else -1)) + 1,
        case_ids=pd.Index(case_ids),
        account_links=accounts.astype({"account_id": "int64", "identifier_id": "int64"}),
        handle_links=handles,
        case_links=pd.DataFrame({"case_code": case_codes.astype("int64"),
                                 "identifier_id": cases["identifier_id"].astype("int64").to_numpy()}),
    )


def _platform_or_none(channel: str) -> str | None:
    """The platform code of a case's recruitment channel; None for 'other' (a broker, a friend...)."""
    code = platform(channel)
    return None if code in (None, "other") else code


def _hubs(con, graph: _Graph, limit: int, stoplist: pd.DataFrame) -> pd.DataFrame:
    """Hub identifiers: identifier_id, accounts, cases, reason, merging."""
    per_account = np.bincount(graph.account_links["identifier_id"].to_numpy(), minlength=graph.n_identifiers)
    per_case = np.bincount(graph.case_links["identifier_id"].to_numpy(), minlength=graph.n_identifiers)
    with db.registered(con, hub_stoplist=stoplist):
        rules = db.execute_query(con, "networks/hub_rules").df()
    rule = dict(zip(rules["identifier_id"].astype(int), rules["rule"], strict=True))
    over = set(np.flatnonzero(per_account > limit).tolist())
    rows = []
    for identifier_id in sorted(over | set(rule)):
        decided = rule.get(identifier_id)
        if decided == "include" and identifier_id not in over:
            continue  # an include decision on an identifier that is no hub anyway
        reason = {"stoplist": "stoplist", "exclude": "analyst"}.get(decided, "limit")
        accounts = int(per_account[identifier_id]) if identifier_id < graph.n_identifiers else 0
        cases = int(per_case[identifier_id]) if identifier_id < graph.n_identifiers else 0
        rows.append((identifier_id, accounts, cases, reason, decided == "include"))
    return pd.DataFrame(rows, columns=["identifier_id", "accounts", "cases", "reason", "merging"]).astype(
        {"identifier_id": "int64", "accounts": "int64", "cases": "int64", "reason": object, "merging": bool})


def _edges(graph: _Graph, cut: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Edges (source, target node indices), with those of the cut (non-merging hub) identifiers left out.

    Args:
        graph: the loaded link lists.
        cut: identifier ids whose edges are dropped.

    Returns:
        source (account or case node) and target (identifier node), one entry per kept link.
    """
    keep_a = ~np.isin(graph.account_links["identifier_id"].to_numpy(), cut)
    keep_c = ~np.isin(graph.case_links["identifier_id"].to_numpy(), cut)
    identifier_base = graph.n_accounts
    case_base = graph.n_accounts + graph.n_identifiers
    source = np.concatenate([graph.account_links["account_id"].to_numpy()[keep_a],
                             case_base + graph.case_links["case_code"].to_numpy()[keep_c]])
    target = identifier_base + np.concatenate([graph.account_links["identifier_id"].to_numpy()[keep_a],
                                               graph.case_links["identifier_id"].to_numpy()[keep_c]])
    return source, target


def _components(graph: _Graph, cut: np.ndarray) -> np.ndarray:
    """Component label of every node index, with the edges of the cut (non-merging hub) identifiers left out."""
    return connected_components(graph.size, *_edges(graph, cut))


def _members(graph: _Graph, labels: np.ndarray, source: np.ndarray, target: np.ndarray) -> pd.DataFrame:
    """Nodes of the qualifying components: node (index), comp, node_kind, account_id, identifier_id, case_id.

    Only nodes at an end of a kept edge (`_edges`) are members: a node whose every link was cut stays out.
    """
    identifier_base, case_base = graph.n_accounts, graph.n_accounts + graph.n_identifiers
    present = np.zeros(graph.size, dtype=bool)  # a mask, not np.unique: its hash table took seconds here
    present[source] = True
    present[target] = True
    nodes = np.flatnonzero(present)
    comp = labels[nodes]
    is_account, is_case = nodes < identifier_base, nodes >= case_base
    n_labels = int(labels.max()) + 1 if len(labels) else 0
    accounts = np.bincount(comp[is_account], minlength=n_labels)
    cases = np.bincount(comp[is_case], minlength=n_labels)
    qualifies = (accounts >= 2) | ((accounts >= 1) & (cases >= 1))
    keep = qualifies[comp]
    nodes, comp, is_account, is_case = nodes[keep], comp[keep], is_account[keep], is_case[keep]
    is_identifier = ~is_account & ~is_case
    # A categorical, not millions of Python strings (that alone took seconds at a million accounts).
    kind = pd.Categorical.from_codes(np.where(is_account, 0, np.where(is_case, 2, 1)),
                                     categories=[ACCOUNT, IDENTIFIER, CASE])
    case_codes = np.where(is_case, nodes - case_base, 0)
    return pd.DataFrame({
        "node": nodes, "comp": comp, "node_kind": kind,
        "account_id": _masked(nodes, is_account),
        "identifier_id": _masked(nodes - identifier_base, is_identifier),
        "case_id": pd.Series(np.where(is_case, graph.case_ids.to_numpy(dtype=object)[case_codes], None)
                             if len(graph.case_ids) else np.full(len(nodes), None, dtype=object), dtype=object),
    })


def _masked(values: np.ndarray, present: np.ndarray) -> pd.arrays.IntegerArray:
    """Nullable integers: `values` where `present`, NULL elsewhere."""
    return pd.arrays.IntegerArray(np.where(present, values, 0).astype("int64"), ~present)


def _node_index(graph: _Graph, members: pd.DataFrame) -> np.ndarray:
    """Node index of stored members (-1 for members no longer in the graph)."""
    kind = members["node_kind"].to_numpy()
    account = members["account_id"].fillna(-1).to_numpy(dtype="int64")
    identifier = members["identifier_id"].fillna(-1).to_numpy(dtype="int64")
    case_code = graph.case_ids.get_indexer(members["case_id"].astype(object)) if len(members) else np.array([], int)
    index = np.where(kind == ACCOUNT, account,
                     np.where(kind == IDENTIFIER, graph.n_accounts + identifier,
                              graph.n_accounts + graph.n_identifiers + case_code))
    valid = np.where(kind == ACCOUNT, (account >= 0) & (account < graph.n_accounts),
                     np.where(kind == IDENTIFIER, (identifier >= 0) & (identifier < graph.n_identifiers),
                              case_code >= 0))
    return np.where(valid, index, -1)


def _assign(members: pd.DataFrame, old: pd.DataFrame, old_nodes: np.ndarray, live_ids,
            next_id: int) -> tuple[IdAssignment, pd.DataFrame]:
    """Network ids for the new components, and per network its state (new, changed, same)."""
    comp_of_node = pd.Series(members["comp"].to_numpy(), index=members["node"].to_numpy())
    carried = pd.DataFrame({"old_id": old["network_id"].to_numpy(dtype="int64"), "node": old_nodes})
    carried = carried[carried["node"].isin(comp_of_node.index)]
    carried["comp"] = comp_of_node.reindex(carried["node"].to_numpy()).to_numpy()
    overlap = carried.groupby(["old_id", "comp"], as_index=False).size().rename(columns={"size": "shared"})
    # Components are labelled in the order of their smallest node, and account nodes come first (node =
    # account_id): label order is the order of each component's smallest account id, which assign_ids wants.
    order = pd.Series(np.unique(members["comp"].to_numpy()[(members["node_kind"] == ACCOUNT).to_numpy()]))
    assignment = assign_ids(overlap, order, [int(i) for i in (live_ids or [])], next_id)
    # Unchanged = the old network and its component have the same members (sizes equal all shared). In numpy:
    # a first import has tens of thousands of networks.
    comps = np.fromiter(assignment.ids.keys(), dtype="int64", count=len(assignment.ids))
    ids = np.fromiter(assignment.ids.values(), dtype="int64", count=len(assignment.ids))
    new_size = np.bincount(members["comp"].to_numpy(), minlength=int(comps.max(initial=-1)) + 1)[comps]
    old_size = _sizes(old["network_id"].to_numpy(dtype="int64"), ids)
    shared = np.zeros(len(comps), dtype="int64")
    if len(overlap):
        pairs = pd.MultiIndex.from_arrays([overlap["old_id"].to_numpy(dtype="int64"), overlap["comp"].to_numpy()])
        shared = pd.Series(overlap["shared"].to_numpy(), index=pairs).reindex(
            pd.MultiIndex.from_arrays([ids, comps])).fillna(0).to_numpy(dtype="int64")
    same = (old_size == new_size) & (shared == new_size)  # sizes are >= 2, so 0 stands for "none"
    is_new = np.isin(comps, np.fromiter(assignment.new, dtype="int64", count=len(assignment.new)))
    state = pd.Categorical.from_codes(np.where(is_new, 0, np.where(same, 1, 2)), categories=["new", "same", "changed"])
    return assignment, pd.DataFrame({"comp": comps, "network_id": ids, "state": state})


def _sizes(values: np.ndarray, at: np.ndarray) -> np.ndarray:
    """How often each of `at` occurs in `values` (non-negative integers)."""
    counts = np.bincount(values, minlength=int(at.max(initial=-1)) + 1)
    return counts[at] if len(at) else counts[:0]


def _store(con, graph: _Graph, members: pd.DataFrame, assignment: IdAssignment, states: pd.DataFrame, old: pd.DataFrame,
           hubs: pd.DataFrame, now: datetime, import_id, limit: int, fingerprint: str) -> None:
    comp = members["comp"].to_numpy()
    network_of = np.full(int(comp.max(initial=-1)) + 1, -1, dtype="int64")
    network_of[states["comp"].to_numpy()] = states["network_id"].to_numpy()  # every member's component has an id
    stored = members.assign(network_id=network_of[comp])
    kinds = members["node_kind"].cat.codes.to_numpy().astype("int64")  # categories: account, identifier, case
    counts = np.bincount(comp * 3 + kinds, minlength=3 * len(network_of)).reshape(-1, 3)[states["comp"].to_numpy()]
    networks = pd.DataFrame({
        "network_id": states["network_id"].to_numpy(), "state": states["state"], "accounts": counts[:, 0],
        "identifiers": counts[:, 1], "cases": counts[:, 2],
        "split_from": pd.array(states["network_id"].map(assignment.split_from), dtype="Int64"),
    })
    old_accounts = old[old["node_kind"] == ACCOUNT].groupby("network_id").size()
    pairs = np.array(assignment.merges, dtype="int64").reshape(-1, 2)  # (kept, merged)
    merges = pd.DataFrame({"kept_network_id": pairs[:, 0], "merged_network_id": pairs[:, 1],
                           "merged_accounts": old_accounts.reindex(pairs[:, 1]).fillna(0).to_numpy(dtype="int64")})
    frames = {
        "stg_network_members": stored[["network_id", "node_kind", "account_id", "identifier_id", "case_id"]],
        "stg_networks": networks, "stg_network_merges": merges,
        "stg_dissolved": pd.DataFrame({"network_id": pd.array(assignment.dissolved, dtype="int64")}),
        "stg_network_hubs": hubs, "stg_handle_links": graph.handle_links,
    }
    with db.registered(con, **frames):
        db.run_script(con, "networks/store", now=now, import_id=import_id)
        db.run_script(con, "networks/save_limit", hub_limit=limit, inputs=fingerprint)
        store_summary(con, frames["stg_network_members"])
