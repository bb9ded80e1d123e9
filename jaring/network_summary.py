"""The network_summary table, computed in numpy from the members a rebuild holds (no big SQL join over detections)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from jaring import db

ACCOUNT, IDENTIFIER, CASE = "account", "identifier", "case"  # node kinds (jaring.networks uses them too)
TOP = 3  # target regions and destination countries listed per network
_NO_TIME = np.iinfo(np.int64).min  # numpy's NaT
_DENSE_CELLS = 8_000_000  # networks x distinct codes up to which top lists come from a count matrix


def store_summary(con, members: pd.DataFrame) -> None:
    """Replace network_summary with the figures of the networks in `members`.

    Args:
        con: a read-write connection inside the rebuild's transaction.
        members: network_id, node_kind, account_id, identifier_id, case_id of every live network's members.
    """
    frame = summarise(con, members)
    with db.registered(con, stg_network_summary=frame):
        db.run_script(con, "networks/summary")


def summarise(con, members: pd.DataFrame) -> pa.Table:
    """The rows of network_summary: one per network with at least one account.

    The figures are those of tests/fixtures/networks_summary_reference.sql: counts per network, platforms in
    order, and the three most frequent target region names (ties: name order) and destination countries (ties:
    code order) among the detections of the network's accounts and, for countries, its cases.

    Args:
        con: a connection (the rebuild's).
        members: network_id, node_kind (categorical), account_id, identifier_id, case_id.

    Returns:
        An Arrow table (built from the numpy columns as they are; a DataFrame cost more), columns as
        queries/networks/summary.sql reads them.
    """
    network_ids, network = _dense(members["network_id"].to_numpy(dtype="int64"))
    is_account, is_identifier, is_case = ((members["node_kind"] == k).to_numpy() for k in (ACCOUNT, IDENTIFIER, CASE))
    accounts = _account_figures(con, members, network, is_account, len(network_ids))
    identifiers = _identifier_figures(con, members, network, is_identifier, len(network_ids))
    cases, case_network, case_country = _case_figures(con, members, network, is_case, len(network_ids))
    places = _places(con, members, network, is_account, case_network, case_country, len(network_ids))
    kept = accounts["accounts"] > 0
    columns = {"network_id": network_ids, **accounts, **identifiers, **cases, **places}
    return pa.table({name: _arrow(values[kept]) for name, values in columns.items()})


def _arrow(values: np.ndarray) -> pa.Array:
    """An Arrow column: timestamps with NaT as null, object arrays as strings (None as null)."""
    if values.dtype.kind == "M":
        return pa.array(values.view("int64"), type=pa.timestamp("us"), mask=np.isnat(values))
    return pa.array(values, type=pa.string()) if values.dtype == object else pa.array(values)


def _member_ids(members: pd.DataFrame, column: str, mask: np.ndarray) -> np.ndarray:
    return members[column].to_numpy(dtype="int64", na_value=-1)[mask]


def _account_figures(con, members: pd.DataFrame, network: np.ndarray, is_account: np.ndarray, n: int) -> dict:
    facts = db.execute_query(con, "networks/summary_accounts").fetchnumpy()
    row_of = _positions(np.asarray(facts["account_id"], dtype="int64"))
    rows = _lookup(row_of, _member_ids(members, "account_id", is_account))
    net = network[is_account][rows >= 0]  # an inner join: members missing from accounts are not counted
    rows = rows[rows >= 0]
    blocked = np.ma.filled(facts["blocked"], False).astype(bool)[rows]
    codes, platforms = pd.factorize(np.ma.getdata(facts["platform"]), sort=True)
    counts = np.bincount(net, minlength=n)
    blocked_counts = np.bincount(net[blocked], minlength=n)
    return {
        "accounts": counts, "active_accounts": counts - blocked_counts, "blocked_accounts": blocked_counts,
        "platforms": _joined(_distinct_pairs(net, codes[rows], n, len(platforms)), list(platforms)),
        "first_seen": _reduce_times(np.minimum, net, _times(facts["first_seen"])[rows], n),
        "last_seen": _reduce_times(np.maximum, net, _times(facts["last_seen"])[rows], n),
    }


def _identifier_figures(con, members: pd.DataFrame, network: np.ndarray, is_identifier: np.ndarray, n: int) -> dict:
    kinds = db.execute_query(con, "networks/summary_identifier_kinds").fetchnumpy()
    row_of = _positions(np.asarray(kinds["identifier_id"], dtype="int64"))
    rows = _lookup(row_of, _member_ids(members, "identifier_id", is_identifier))
    net = network[is_identifier][rows >= 0]
    group = np.asarray(kinds["kind_group"], dtype="int64")[rows[rows >= 0]]
    counts = np.bincount(net * 4 + group, minlength=4 * n).reshape(n, 4)
    return {"phones": counts[:, 0], "bank_accounts": counts[:, 1], "ewallets": counts[:, 2],
            "other_identifiers": counts[:, 3]}


def _case_figures(con, members: pd.DataFrame, network: np.ndarray, is_case: np.ndarray,
                  n: int) -> tuple[dict, np.ndarray, np.ndarray]:
    """Cases and victims per network; also each member case's network and destination country code."""
    cases = db.execute_query(con, "networks/summary_cases").df()
    rows = pd.Index(cases["case_id"].astype(object)).get_indexer(members["case_id"].to_numpy(dtype=object)[is_case])
    net = network[is_case][rows >= 0]
    rows = rows[rows >= 0]
    victims = np.zeros(n, dtype="int64")
    np.add.at(victims, net, cases["victims"].to_numpy(dtype="int64")[rows])
    figures = {"cases": np.bincount(net, minlength=n), "victims": victims}
    return figures, net, cases["destination_country"].to_numpy(dtype=object)[rows]


def _places(con, members: pd.DataFrame, network: np.ndarray, is_account: np.ndarray, case_network: np.ndarray,
            case_country: np.ndarray, n: int) -> dict:
    """Top target regions and destination countries per network, as the strings network_summary stores."""
    region_names = db.execute_query(con, "networks/summary_region_names").df()["name"].tolist()
    countries = db.execute_query(con, "networks/summary_countries").df()
    codes = countries["iso2"].tolist()
    places = db.execute_query(con, "networks/summary_detection_places", region_names=region_names,
                              countries=codes).fetchnumpy()
    account_ids, detection_accounts = _member_ids(members, "account_id", is_account), places["account_id"]
    account_network = np.full(max(_size(account_ids), _size(detection_accounts)), -1, dtype=np.int32)
    account_network[account_ids] = network[is_account]
    detection_network = account_network[detection_accounts]  # -1: the account is in no network
    region, country = places["region_position"], places["country_position"]
    case_position = pd.Index(codes, dtype=object).get_indexer(case_country)
    in_network = detection_network >= 0
    with_region, with_country = in_network & (region >= 0), in_network & (country >= 0)
    country_net = np.concatenate([detection_network[with_country], case_network[case_position >= 0]])
    country_code = np.concatenate([country[with_country], case_position[case_position >= 0]])
    top_regions = _top(detection_network[with_region], region[with_region], n, len(region_names))
    top_countries = _top(country_net, country_code, n, len(codes))
    return {"top_regions": _joined(top_regions, region_names),
            "top_countries_id": _joined(top_countries, countries["name_id"].tolist()),
            "top_countries_en": _joined(top_countries, countries["name_en"].tolist())}


def _dense(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ids in order, and each id's position among them (ids are small: network ids count up)."""
    present = np.zeros(_size(ids), dtype=bool)
    present[ids] = True
    return np.flatnonzero(present), (np.cumsum(present) - 1)[ids]


def _size(ids: np.ndarray) -> int:
    return int(ids.max()) + 1 if len(ids) else 0


def _positions(ids: np.ndarray) -> np.ndarray:
    """Row of each id (dense lookup array over 0..max id; -1 for ids not present)."""
    row_of = np.full(_size(ids), -1, dtype="int64")
    row_of[ids] = np.arange(len(ids))
    return row_of


def _lookup(table: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """table[ids], -1 for ids outside the table."""
    inside = (ids >= 0) & (ids < len(table))
    return np.where(inside, table[np.where(inside, ids, 0)] if len(table) else -1, -1)


def _times(column: np.ndarray) -> np.ndarray:
    """A fetched timestamp column as int64 microseconds, nulls as NaT."""
    values = np.ma.getdata(column).astype("datetime64[us]").view("int64").copy()
    values[np.ma.getmaskarray(column)] = _NO_TIME
    return values


def _reduce_times(ufunc, net: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """min or max per network of timestamps in int64 microseconds (NaT ignored; NaT for a network without any)."""
    known = values != _NO_TIME
    out = np.full(n, np.iinfo(np.int64).max if ufunc is np.minimum else _NO_TIME, dtype="int64")
    ufunc.at(out, net[known], values[known])
    out[out == np.iinfo(np.int64).max] = _NO_TIME
    return out.view("datetime64[us]")


def _distinct_pairs(group: np.ndarray, code: np.ndarray, n: int, n_codes: int) -> np.ndarray:
    """Per group 0..n-1, its distinct codes in ascending order, padded with -1 (one row per group)."""
    pairs = np.sort(group * max(n_codes, 1) + code)
    pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if len(pairs) else pairs  # np.unique hashed: slower
    group, code = pairs // max(n_codes, 1), pairs % max(n_codes, 1)
    return _table(group, code, n)


def _top(group: np.ndarray, code: np.ndarray, n: int, n_codes: int) -> np.ndarray:
    """Per group 0..n-1, its TOP most frequent codes by count (descending) then code, padded with -1."""
    used = np.flatnonzero(np.bincount(code, minlength=n_codes))  # codes that occur, ascending
    if n * len(used) <= _DENSE_CELLS:  # the usual case: a count matrix of networks x codes that occur
        compact = np.zeros(n_codes, dtype="int64")
        compact[used] = np.arange(len(used))
        counts = np.bincount(group * len(used) + compact[code], minlength=n * len(used)).reshape(n, len(used))
        order = np.argsort(-counts, axis=1, kind="stable")[:, :TOP]  # stable: equal counts stay in code order
        top = np.where(np.take_along_axis(counts, order, axis=1) > 0, used[order], -1)
        return np.pad(top, ((0, 0), (0, TOP - top.shape[1])), constant_values=-1)
    pairs, counts = np.unique(group.astype(np.int64) * n_codes + code, return_counts=True)
    group, code = pairs // n_codes, pairs % n_codes
    order = np.lexsort((-counts, group))  # stable: equal counts stay in code order
    keep = _rank_in_group(group[order]) < TOP
    return _table(group[order][keep], code[order][keep], n, TOP)


def _rank_in_group(group: np.ndarray) -> np.ndarray:
    """0, 1, 2... within each run of equal values of a sorted array."""
    if not len(group):
        return np.zeros(0, dtype="int64")
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    return np.arange(len(group)) - np.repeat(starts, np.diff(np.r_[starts, len(group)]))


def _table(group: np.ndarray, code: np.ndarray, n: int, width: int = 0) -> np.ndarray:
    """Rows 0..n-1 holding the codes of each group in the given order (group sorted), padded with -1."""
    rank = _rank_in_group(group)
    table = np.full((n, max(width, int(rank.max()) + 1 if len(rank) else 1)), -1, dtype="int64")
    table[group, rank] = code
    return table


def _joined(table: np.ndarray, names: list[str]) -> np.ndarray:
    """Per row, the names of its codes joined with ', '; None for a row without any (string_agg of nothing).

    Rows with the same codes share one Python join (few distinct rows in practice); a row becomes one integer
    when it fits, as np.unique over rows sorts far slower.
    """
    base = len(names) + 1
    if base ** table.shape[1] < 2**62:  # each row as one integer: a plain sort finds the distinct ones
        key = ((table + 1) * base ** np.arange(table.shape[1], dtype="int64")).sum(axis=1)
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        lists = table[first]
    else:
        lists, inverse = np.unique(table, axis=0, return_inverse=True)
    texts = np.array([None if row[0] < 0 else ", ".join(names[c] for c in row if c >= 0) for row in lists],
                     dtype=object)
    return texts[np.asarray(inverse).reshape(-1)]
