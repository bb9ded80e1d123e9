"""Connected components of a large undirected graph in numpy, labelled as scipy.sparse.csgraph labels them."""

from __future__ import annotations

import numpy as np


def connected_components(n_nodes: int, source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Component label of every node 0..n_nodes-1 of the graph with edges source[i] - target[i].

    Labels are numbered by each component's smallest node (the component of node 0 is 0, and so on), which is
    how scipy.sparse.csgraph.connected_components numbers them; importing scipy alone took longer than this
    whole computation on a million edges. Method: every edge whose ends have different roots hooks the larger
    root under the smaller one, then the trees are flattened by pointer jumping. Each round at least halves the
    trees that still have an edge leaving them, so a million edges take a handful of rounds.

    Args:
        n_nodes: the number of nodes (nodes without edges are components of their own).
        source: one end of each edge.
        target: the other end, same length.

    Returns:
        An int64 array of n_nodes labels.
    """
    parent = np.arange(n_nodes, dtype=np.int64)
    source, target = np.asarray(source, dtype=np.int64), np.asarray(target, dtype=np.int64)
    while len(source):
        root_s, root_t = parent[source], parent[target]
        crossing = root_s != root_t
        if not crossing.any():
            break
        source, target, root_s, root_t = source[crossing], target[crossing], root_s[crossing], root_t[crossing]
        # parent[x] <= x holds throughout, so a finished tree's root is its smallest node
        np.minimum.at(parent, np.maximum(root_s, root_t), np.minimum(root_s, root_t))
        parent = _flatten(parent)
    is_root = parent == np.arange(n_nodes)
    return (np.cumsum(is_root) - 1)[parent]


def _flatten(parent: np.ndarray) -> np.ndarray:
    """Point every node straight at its root."""
    while True:
        grand = parent[parent]
        if np.array_equal(grand, parent):
            return parent
        parent = grand
