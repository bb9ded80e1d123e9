"""Stable network ids across rebuilds: a network keeps its id when it grows, a merge keeps the older id."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd


@dataclass
class IdAssignment:
    """How the components of a rebuild map onto network ids.

    Attributes:
        ids: component label -> network id, for every component passed in.
        new: component labels that got a fresh id.
        split_from: new network id -> the old network it broke away from (most shared members).
        merges: (kept id, absorbed id) pairs; the kept id is always the older (smaller) one.
        dissolved: old ids no component carries on and no network absorbed.
    """

    ids: dict[int, int] = field(default_factory=dict)
    new: set[int] = field(default_factory=set)
    split_from: dict[int, int] = field(default_factory=dict)
    merges: list[tuple[int, int]] = field(default_factory=list)
    dissolved: list[int] = field(default_factory=list)


def assign_ids(overlap: pd.DataFrame, components: pd.Series, old_ids: list[int], next_id: int) -> IdAssignment:
    """Give each new component a network id, reusing old ids where members carry over.

    Old networks are served oldest first (ids grow with age): each takes the component with which it shares
    the most members, so an id follows the bulk of its network. When an older network already took that
    component, the younger one was absorbed: the merge is recorded against the older id. A component no
    old network takes gets the next free id, numbered in `components` order; when it shares members with
    an old network it broke away from it (a split) and remembers which.

    Args:
        overlap: columns old_id, comp, shared (members the old network and the component have in common),
            one row per pair that shares at least one member.
        components: component labels in the order new ids should be handed out (e.g. by smallest account).
        old_ids: every live old network id (those absent from `overlap` dissolved).
        next_id: the first id never used before.

    Returns:
        The assignment.
    """
    result = IdAssignment()
    pairs = overlap.sort_values(["old_id", "shared", "comp"], ascending=[True, False, True])
    one_to_one = _one_to_one(pairs)
    claimed: dict[int, int] = dict(zip(one_to_one["comp"].tolist(), one_to_one["old_id"].tolist(), strict=True))
    tangled = pairs[~pairs["old_id"].isin(one_to_one["old_id"])]
    # Each tangled old network's best component: most shared members first, then smallest label. Served oldest
    # first, the first to name a component takes it and the later ones are absorbed into it (a component of a
    # one-to-one pair meets no other old network, so none of these names it). Vectorised: after a big merge
    # tens of thousands of old networks are tangled.
    best = tangled.drop_duplicates("old_id")  # sorted by old_id
    takes = ~best["comp"].duplicated(keep="first").to_numpy()
    claimed.update(zip(best["comp"].to_numpy()[takes].tolist(), best["old_id"].to_numpy()[takes].tolist(), strict=True))
    absorbed = best[~takes]
    result.merges = list(zip(absorbed["comp"].map(claimed).astype("int64").tolist(),
                             absorbed["old_id"].astype("int64").tolist(), strict=True))
    result.ids = {comp: old for comp, old in claimed.items()}
    carried = set(result.ids.values()) | {merged for _, merged in result.merges}
    result.dissolved = sorted(set(old_ids) - carried)
    # a new component broke away from the old network it shares most members with
    best_old = pairs.sort_values(["comp", "shared", "old_id"], ascending=[True, False, True]).drop_duplicates(
        "comp").set_index("comp")["old_id"] if len(pairs) else pd.Series(dtype=int)
    # the rest get fresh ids in `components` order, vectorised: a first import has tens of thousands of them
    fresh = components[~components.isin(list(result.ids))]
    fresh_ids = np.arange(next_id, next_id + len(fresh), dtype="int64")
    result.ids.update(zip(fresh.tolist(), fresh_ids.tolist(), strict=True))
    result.new = set(fresh.tolist())
    broke_away = best_old.reindex(fresh.to_numpy())
    known = broke_away.notna().to_numpy()
    result.split_from = dict(zip(fresh_ids[known].tolist(), broke_away[known].astype("int64").tolist(), strict=True))
    result.merges = _resolve_chains(result.merges)
    return result


def _one_to_one(pairs: pd.DataFrame) -> pd.DataFrame:
    """Pairs where the old network meets exactly one component and the component exactly one old network:
    the common case (a network unchanged or grown), decided without the Python loop."""
    if pairs.empty:
        return pairs
    old_once = pairs.groupby("old_id")["comp"].transform("size") == 1
    comp_once = pairs.groupby("comp")["old_id"].transform("size") == 1
    return pairs[old_once & comp_once]


def _resolve_chains(merges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # Merges are recorded against the id that lives on; an absorbed id never keeps others, so no chain can
    # form within one rebuild. Sorting makes the record deterministic.
    return sorted(merges, key=lambda pair: (pair[0], pair[1]))
