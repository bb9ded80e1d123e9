"""One network as a networkx graph: degree and betweenness, what to draw, layout, GraphML/GEXF/CSV exports."""

from __future__ import annotations

import io
import math

import networkx as nx
import numpy as np
import pandas as pd

from jaring import exports

# Betweenness costs one breadth-first search per source node: exact while nodes² stays under this budget,
# else estimated from budget / nodes sampled sources (at least 16), so any network is analysed in about a second.
BETWEENNESS_BUDGET = 120_000
MAX_DRAWN = 500
CORE_FORCE_LIMIT = 400  # networkx's dense force layout is fast below this; its sparse one is slow above
# Node attributes written to GraphML/GEXF (those tools want plain str/int/float values, no nulls).
EXPORT_ATTRIBUTES = ("node_kind", "platform", "handle", "display_name", "url", "status", "first_seen",
                     "last_seen", "blocked_at", "identifier_kind", "value", "accounts_total", "case_type",
                     "victims", "destination_country")


def build_graph(nodes: pd.DataFrame, edges: pd.DataFrame) -> nx.Graph:
    """The network as an undirected graph.

    Args:
        nodes: rows of the network_graph_nodes query (column `node` is the node id).
        edges: rows of the network_graph_edges query (source, target, edge_kind, detections, ...).

    Returns:
        A graph whose node and edge attributes are the frames' other columns (nulls left out).
    """
    graph = nx.Graph()
    for record in nodes.to_dict("records"):
        graph.add_node(record.pop("node"), **{k: v for k, v in record.items() if not _missing(v)})
    for record in edges.to_dict("records"):
        source, target = record.pop("source"), record.pop("target")
        if source in graph and target in graph:
            graph.add_edge(source, target, **{k: v for k, v in record.items() if not _missing(v)})
    return graph


def _missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and arrays are values, not missing
        return False


def analyse(graph: nx.Graph) -> pd.DataFrame:
    """Degree and betweenness of every node, most central first.

    Hub identifiers are drawn but do not tie the network together, so betweenness leaves them out.

    Returns:
        Columns node, degree, betweenness, estimated (True when sampled because the graph is large).
    """
    core = graph.subgraph([n for n, kind in graph.nodes(data="node_kind") if kind != "hub"]).copy()
    size = core.number_of_nodes()
    estimated = size * size > BETWEENNESS_BUDGET
    if size == 0:
        between = {}
    elif estimated:
        between = nx.betweenness_centrality(core, k=max(16, BETWEENNESS_BUDGET // size), seed=1)
    else:
        between = nx.betweenness_centrality(core)
    frame = pd.DataFrame({
        "node": list(graph.nodes),
        "degree": [graph.degree(n) for n in graph.nodes],
        "betweenness": [round(between.get(n, 0.0), 4) for n in graph.nodes],
    })
    frame["estimated"] = estimated
    return frame.sort_values(["betweenness", "degree", "node"], ascending=[False, False, True],
                             ignore_index=True)


def nodes_to_draw(analysis: pd.DataFrame, limit: int = MAX_DRAWN) -> list[str]:
    """The nodes drawn: all of them, or the `limit` most connected (by degree, then betweenness)."""
    ranked = analysis.sort_values(["degree", "betweenness", "node"], ascending=[False, False, True])
    return ranked["node"].head(limit).tolist()


def layout(graph: nx.Graph, seed: int = 1) -> dict[str, tuple[float, float]]:
    """Screen positions (pixels) computed in Python, so the browser can draw with physics off.

    Most nodes of a recruiter network are leaves (an account with one identifier, an identifier on one
    account). The force layout runs on the core (the nodes that are not leaves), where networkx's dense
    numpy solver is fast; each node's leaves are then set on a small circle around it.
    """
    if graph.number_of_nodes() == 0:
        return {}
    leaves = {n: next(iter(graph[n])) for n in graph if graph.degree(n) == 1}
    leaves = {n: parent for n, parent in leaves.items() if parent not in leaves}  # a lone pair stays core
    core = graph.subgraph([n for n in graph if n not in leaves])
    method = "force" if core.number_of_nodes() < CORE_FORCE_LIMIT else "energy"
    positions = {n: np.asarray(p, dtype=float) for n, p in
                 nx.spring_layout(core, seed=seed, iterations=50, method=method).items()}
    spacing = 1.2 / math.sqrt(max(core.number_of_nodes(), 1))
    by_parent: dict[str, list[str]] = {}
    for leaf, parent in sorted(leaves.items()):
        by_parent.setdefault(parent, []).append(leaf)
    for parent, children in by_parent.items():
        radius = spacing * (0.35 + 0.05 * math.sqrt(len(children)))
        for i, child in enumerate(children):
            angle = 2 * math.pi * i / len(children)
            positions[child] = positions[parent] + radius * np.array([math.cos(angle), math.sin(angle)])
    scale = 45 * math.sqrt(graph.number_of_nodes())
    return {node: (float(x) * scale, float(y) * scale) for node, (x, y) in positions.items()}


def _export_graph(graph: nx.Graph) -> nx.Graph:
    """A copy with only plain, non-null attribute values (GraphML and GEXF writers reject others)."""
    clean = nx.Graph()
    for node, data in graph.nodes(data=True):
        clean.add_node(node, **{k: _plain(data[k]) for k in EXPORT_ATTRIBUTES if k in data})
        clean.nodes[node]["label"] = str(data.get("handle") or data.get("value") or data.get("case_id") or node)
    for source, target, data in graph.edges(data=True):
        clean.add_edge(source, target, **{k: _plain(v) for k, v in data.items()})
    return clean


def _plain(value):
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return float(value)
    return str(value)


def graphml_bytes(graph: nx.Graph) -> bytes:
    """The network as GraphML (Gephi, yEd, i2-style tools). Text is XML-escaped by the writer."""
    buffer = io.BytesIO()
    nx.write_graphml(_export_graph(graph), buffer, encoding="utf-8")
    return buffer.getvalue()


def gexf_bytes(graph: nx.Graph) -> bytes:
    """The network as GEXF (Gephi)."""
    buffer = io.BytesIO()
    nx.write_gexf(_export_graph(graph), buffer, encoding="utf-8")
    return buffer.getvalue()


def nodes_csv(nodes: pd.DataFrame, analysis: pd.DataFrame) -> bytes:
    """Nodes with degree and betweenness as a spreadsheet-safe CSV."""
    return exports.to_csv_bytes(nodes.merge(analysis, on="node", how="left"))


def edges_csv(edges: pd.DataFrame) -> bytes:
    """Edges as a spreadsheet-safe CSV."""
    return exports.to_csv_bytes(edges)
