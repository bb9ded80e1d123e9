"""What the Networks page shows, without Streamlit: each function takes the page's query runner and returns
frames and texts ready to display (the page only lays them out)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from jaring import db, i18n
from jaring import network_graph as ng
from jaring import network_reports as nr
from jaring import network_view as nv
from jaring.filters import Filters
from jaring.formatting import format_date, format_number, platform_label
from jaring.i18n import t, value_label
from jaring.ingest import now_jakarta
from jaring.networks import DEFAULT_HUB_LIMIT
from jaring.normalise import KINDS, NORMALISERS

Query = Callable[..., pd.DataFrame]  # ui.run_query(name, filters=None, **params)
TABLE_ROWS = 1000
PACKAGE_ROWS = 5000  # strongest candidates per platform in one takedown request package
EXPORT_SUFFIX = {"graphml": "graphml", "gexf": "gexf", "nodes": "nodes.csv", "edges": "edges.csv"}
# Columns holding stored codes, shown through their catalog labels.
_CODE_COLUMNS = {"status": "account_status", "kind": "kind", "identifier_kind": "kind", "reason": "hub_reason",
                 "decision": "hub_decision", "matched_by": "matched_by"}
_PLATFORM_COLUMNS = ("platform", "blocked_platform")


def language() -> str:
    """The UI language of this run (part of cache keys: labels inside the drawing are translated)."""
    return i18n.current_language()


def as_int(text, default: int) -> int:
    """A positive integer from a URL parameter, else `default`."""
    try:
        value = int(str(text).strip())
    except ValueError:
        return default
    return value if value > 0 else default


def labelled(frame: pd.DataFrame) -> pd.DataFrame:
    """Codes shown as words (status, identifier kind, platform) and columns named in the UI language."""
    shown = frame.copy()
    for column, prefix in _CODE_COLUMNS.items():
        if column in shown:
            shown[column] = shown[column].map(lambda v, p=prefix: value_label(p, v) if isinstance(v, str) else v)
    for column in _PLATFORM_COLUMNS:
        if column in shown:
            shown[column] = shown[column].map(lambda v: platform_label(v) if isinstance(v, str) else v)
    return shown.rename(columns={c: t(f"networks.col.{c}") for c in shown.columns
                                 if i18n.has_key(f"networks.col.{c}")})


def network_table(query: Query, filters: Filters, min_accounts: int) -> pd.DataFrame:
    """The network table for the filtered view, most urgent first."""
    return nr.overview_columns(query("network_overview", filters, min_accounts=min_accounts), language())


def lookup_note(row: pd.Series) -> tuple[int, str | None]:
    """The live network to show for a requested id, and a note when the id was merged away or dissolved."""
    network_id = int(row["network_id"])
    if network_id != int(row["requested_id"]):
        return network_id, t("networks.merged_note", requested=int(row["requested_id"]), network_id=network_id,
                             day=format_date(pd.Timestamp(row["merged_at"]).date()))
    if pd.notna(row["dissolved_at"]):
        return network_id, t("networks.dissolved_note", network_id=network_id,
                             day=format_date(pd.Timestamp(row["dissolved_at"]).date()))
    return network_id, None


@dataclass
class Drawing:
    """One network ready to show: its HTML drawing, the node picker and tables, analysis and exports."""

    nodes: pd.DataFrame
    edges: pd.DataFrame = field(default_factory=pd.DataFrame)
    analysis: pd.DataFrame = field(default_factory=pd.DataFrame)
    html: str = ""
    height: int = 420
    drawn: int = 0
    picker: list[str] = field(default_factory=list)
    picker_labels: dict[str, str] = field(default_factory=dict)
    members: pd.DataFrame = field(default_factory=pd.DataFrame)
    timeline: object = None

    @property
    def total(self) -> int:
        """All nodes of the network (drawn or not)."""
        return len(self.nodes)

    @property
    def estimated(self) -> bool:
        """Whether betweenness was estimated from a sample (large networks)."""
        return bool(len(self.analysis) and self.analysis["estimated"].iloc[0])

    @property
    def truncated(self) -> bool:
        """Whether only the most connected nodes were drawn."""
        return self.drawn < self.total

    def details(self, node: str) -> pd.DataFrame:
        """The picked node's fields as a (detail, value) table."""
        row = self.nodes[self.nodes["node"] == node].iloc[0].to_dict()
        scores = self.analysis[self.analysis["node"] == node]
        return nr.node_details(row, scores.iloc[0].to_dict() if len(scores) else None)

    def exports(self) -> list[tuple[str, Callable[[], bytes], str]]:
        """(kind, deferred bytes, MIME type): built only when the analyst clicks the download."""
        graph = functools.partial(ng.build_graph, self.nodes, self.edges)
        return [("graphml", lambda: ng.graphml_bytes(graph()), "application/xml"),
                ("gexf", lambda: ng.gexf_bytes(graph()), "application/xml"),
                ("nodes", functools.partial(ng.nodes_csv, self.nodes, self.analysis), "text/csv"),
                ("edges", functools.partial(ng.edges_csv, self.edges), "text/csv")]


def draw_network(query: Query, network_id: int) -> Drawing:
    """Load, analyse (networkx) and draw (pyvis) one network; at most ng.MAX_DRAWN nodes are drawn."""
    nodes = query("network_graph_nodes", network_id=network_id)
    if nodes.empty:
        return Drawing(nodes=nodes)
    edges = query("network_graph_edges", network_id=network_id)
    graph = ng.build_graph(nodes, edges)
    analysis = ng.analyse(graph)
    drawn = ng.nodes_to_draw(analysis)
    positions = ng.layout(graph.subgraph(drawn))
    shown = nodes[nodes["node"].isin(drawn)]
    html = nv.network_html(shown, edges, analysis, positions, nv.graph_height(len(drawn)))
    picker = analysis["node"].tolist()  # most central first: the identifier that ties the network together
    labels = {row["node"]: _picker_label(row) for row in nodes.astype(object).where(nodes.notna(), None)
              .to_dict("records")}
    members = nodes.merge(analysis, on="node")[["node_kind", "platform", "handle", "display_name", "status",
                                                "identifier_kind", "value", "case_id", "first_seen", "last_seen",
                                                "degree", "betweenness"]]
    return Drawing(nodes=nodes, edges=edges, analysis=analysis, html=html, height=nv.graph_height(len(drawn)) + 70,
                   drawn=len(drawn), picker=picker, picker_labels=labels, members=members,
                   timeline=nv.timeline_figure(nv.timeline_frame(nodes)))


def _picker_label(row: dict) -> str:
    kind = row["node_kind"]
    prefix = t(f"networks.node_{kind}")
    if kind == "account":
        return f"{prefix} · {platform_label(row.get('platform'))} · {row.get('handle') or ''}"
    if kind == "case":
        return f"{prefix} · {row.get('case_id')}"
    return f"{prefix} · {value_label('kind', row.get('identifier_kind'))} · {row.get('value')}"


@dataclass
class SearchResult:
    """What a search found for one normalised identifier."""

    terms: nr.SearchTerms
    identifiers: pd.DataFrame
    accounts: pd.DataFrame
    cases: pd.DataFrame

    @property
    def kind_label(self) -> str:
        """The identifier kind in words."""
        return value_label("kind", self.terms.kind)

    @property
    def value(self) -> str:
        """The normalised value."""
        return self.terms.value

    def tables(self) -> list[tuple[str, pd.DataFrame]]:
        """(key, frame) pairs to show in order."""
        return [("identifiers", self.identifiers), ("accounts", self.accounts), ("cases", self.cases)]


def search(query: Query, text: str) -> SearchResult | None:
    """Normalise the typed text and find its identifiers, accounts (and, for a handle, accounts by handle),
    networks and cases. None when the text is no identifier."""
    terms = nr.search_terms(text)
    if terms is None:
        return None
    identifiers = query("identifier_search", kind=terms.kind, value=terms.value, domain=terms.domain)
    ids = identifiers["identifier_id"].astype(int).tolist()
    accounts = query("identifier_accounts", identifier_ids=ids)
    if terms.handle:
        by_handle = query("accounts_matching", text=terms.handle, limit=50)
        accounts = pd.concat([by_handle, accounts], ignore_index=True).drop_duplicates("account_id")
    return SearchResult(terms, identifiers.drop(columns="identifier_id"), accounts.drop(columns="account_id"),
                        query("identifier_cases", identifier_ids=ids))


def account_options(matches: pd.DataFrame, preselected: int | None, query: Query) -> dict[int, str]:
    """account_id -> "Platform · handle · display name" for the dossier picker; an account opened from the
    network view comes first."""
    rows = matches
    if preselected is not None and preselected not in set(matches["account_id"]):
        rows = pd.concat([query("account_profile", account_id=int(preselected)), matches], ignore_index=True)
    elif preselected is not None:
        rows = pd.concat([matches[matches["account_id"] == preselected], matches[matches["account_id"] != preselected]])
    return {int(r.account_id): " · ".join(str(p) for p in (platform_label(r.platform), r.handle, r.display_name)
                                         if isinstance(p, str) and p)
            for r in rows.itertuples()}


def dossier(query: Query, account_id: int) -> list[tuple[str, pd.DataFrame]]:
    """Everything known about one account: profile, detections, status history, identifiers, linked cases."""
    return [(key, query(name, account_id=account_id)) for key, name in (
        ("profile", "account_profile"), ("detections", "account_detections"),
        ("history", "account_status_events"), ("identifiers", "account_identifier_list"),
        ("cases", "account_linked_cases"))]


def takedown(query: Query, filters: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(all candidates ranked by score, the top TABLE_ROWS of them with their evidence spelled out)."""
    candidates = query("takedown_candidates", filters)
    top = candidates.head(TABLE_ROWS)
    evidence = query("takedown_evidence", account_ids=top["account_id"].astype(int).tolist())
    return candidates, nr.with_evidence(top, evidence)


def package_builder(database: Path, candidates: pd.DataFrame, platform: str) -> Callable[[str], bytes]:
    """A function building one platform's takedown package ("csv" or "json") when the analyst clicks.

    It runs outside the page's script thread: it reads through its own reader and writes in the language
    of the page that offered it. The package holds the PACKAGE_ROWS strongest candidates.
    """
    chosen = candidates[candidates["platform"] == platform].head(PACKAGE_ROWS)
    made_at, lang = now_jakarta(), language()

    def build(kind: str) -> bytes:
        reader = db.Reader(database)
        ids = chosen["account_id"].astype(int).tolist()
        evidence = reader.query("takedown_evidence", account_ids=ids)
        posts = reader.query("account_posts", account_ids=ids)
        csv_bytes, json_bytes = nr.takedown_package(nr.with_evidence(chosen, evidence, lang), evidence, posts,
                                                    platform, made_at)
        return csv_bytes if kind == "csv" else json_bytes

    return build


def platforms_of(ranked: pd.DataFrame) -> list[str]:
    """Platforms with candidates, most candidates first (one takedown package per platform)."""
    return ranked["platform"].value_counts().index.tolist()


def recidivism(query: Query, filters: Filters) -> tuple[pd.DataFrame, dict[str, str]]:
    """Reappearances in the filtered view and their headline figures, formatted."""
    frame = query("identifier_reappearances", filters)
    summary = nr.recidivism_summary(frame)
    median = summary["median_days"]
    return frame, {"reappearances": format_number(summary["reappearances"]),
                   "identifiers": format_number(summary["identifiers"]),
                   "new_accounts": format_number(summary["new_accounts"]),
                   "median_days": "–" if median is None else format_number(median, 1 if median % 1 else 0)}


def hub_state(query: Query) -> tuple[pd.DataFrame, int]:
    """The hub list and the hub limit in force."""
    limit = query("network_hub_limit")["hub_account_limit"].iloc[0]
    return query("network_hub_list"), int(DEFAULT_HUB_LIMIT if pd.isna(limit) else limit)


def hub_choices(hubs: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(kind, value) -> label for the hubs an analyst may let merge (not those the analyst excluded)."""
    rows = hubs[hubs["reason"].notna() & (hubs["reason"] != "analyst")]
    return {(r.kind, r.value): f"{value_label('kind', r.kind)} · {r.value} · "
                               f"{t('networks.hub_accounts', accounts=int(r.accounts))}" for r in rows.itertuples()}


def included(hubs: pd.DataFrame) -> list[tuple[str, str]]:
    """Hubs the analyst lets merge networks now."""
    rows = hubs[(hubs["decision"] == "include") & hubs["reason"].notna()]
    return [(r.kind, r.value) for r in rows.itertuples()]


def excluded_text(hubs: pd.DataFrame) -> str:
    """The analyst's own hub list, one `kind:value` per line (the form parse_identifiers reads back)."""
    rows = hubs[hubs["decision"] == "exclude"]
    return "\n".join(f"{r.kind}:{r.value}" for r in rows.itertuples())


def parse_identifiers(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Identifiers typed one per line, as people write them or as `kind:value` (e.g. `domain:bit.ly`).

    Returns:
        ((kind, normalised value) pairs, lines that are no identifier).
    """
    found, unreadable = [], []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        prefix, _, rest = line.partition(":")
        if prefix in KINDS and rest:
            value = NORMALISERS[prefix](rest)
            pair = (prefix, value) if value else None
        else:
            terms = nr.search_terms(line)
            pair = (terms.kind, terms.value) if terms else None
        (found.append(pair) if pair else unreadable.append(line))
    return list(dict.fromkeys(found)), unreadable
