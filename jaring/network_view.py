"""Drawing one network safely: pyvis HTML that works offline and shows criminal-written text as text.

Safety, verified against pyvis 0.3.2 / vis-network 9.1.2 (see PITFALLS.md):
* node data reaches the page only through Jinja's `tojson`, which escapes `<`, `>`, `&` and `'`, and
  vis-network shows labels on the canvas and string titles with `innerText`;
* pyvis switches every tooltip to `innerHTML` when any title contains "href" (a handle such as
  `loker_href_malaysia` would do it): we render pyvis's template ourselves with that switch off, and
  refuse HTML that still contains the `innerHTML` popup;
* `heading` is inserted raw by the template: we never set it;
* `cdn_resources="in_line"` still links Bootstrap from a CDN: those tags are removed and `assert_offline`
  refuses any http(s) src/href left.
"""

from __future__ import annotations

import html
import json
import math
import re

import pandas as pd
import plotly.graph_objects as go
from pyvis.network import Network

from jaring.formatting import format_date, format_month, platform_label
from jaring.i18n import t, value_label
from jaring.network_reports import as_day

PHYSICS_LIMIT = 100  # above this many drawn nodes vis-network physics stalls: positions come from networkx
LABEL_LENGTH = 28
COLOURS = {"account": "#d62728", "blocked": "#7f7f7f", "phone": "#1f77b4", "bank_account": "#ff7f0e",
           "ewallet": "#9467bd", "identifier": "#8c564b", "case": "#2ca02c", "hub": "#c7c7c7"}
SHAPES = {"account": "dot", "identifier": "square", "case": "star", "hub": "triangle"}
# (symbol, colour, catalog key): drawn above the graph with plain geometric characters (no emoji font needed).
LEGEND = (("●", COLOURS["account"], "networks.legend_active"), ("●", COLOURS["blocked"], "networks.legend_blocked"),
          ("■", COLOURS["phone"], "networks.legend_phone"), ("■", COLOURS["bank_account"], "networks.legend_bank"),
          ("■", COLOURS["ewallet"], "networks.legend_ewallet"), ("■", COLOURS["identifier"], "networks.legend_other"),
          ("★", COLOURS["case"], "networks.legend_case"), ("▲", COLOURS["hub"], "networks.legend_hub"))
BLOCKED_MARK = "✕"
_REMOTE_TAG = re.compile(r"<(?:link|script)\b[^>]*\b(?:href|src)\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>(?:\s*</script>)?",
                         re.IGNORECASE)
_REMOTE_REFERENCE = re.compile(r"\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", re.IGNORECASE)


class UnsafeGraphHtml(RuntimeError):
    """The generated HTML would load something from the network or render text as HTML."""


def legend_html() -> str:
    """The legend as a line of HTML: constant symbols and colours, catalog labels escaped."""
    items = "".join(f'<span style="margin-right:14px;white-space:nowrap"><span style="color:{colour}">{symbol}'
                    f"</span> {html.escape(t(key))}</span>" for symbol, colour, key in LEGEND)
    return (f'<div id="jaring-legend" style="font:13px sans-serif;padding:2px 0 6px 0;display:flex;flex-wrap:wrap;'
            f'row-gap:2px">{items}</div>')


def _short(text: str) -> str:
    return text if len(text) <= LABEL_LENGTH else text[: LABEL_LENGTH - 1] + "…"


def node_label(row: dict) -> str:
    """The short text drawn next to a node (plain text; blocked accounts are marked)."""
    kind = row["node_kind"]
    if kind == "account":
        label = _short(str(row.get("handle") or ""))
        return f"{BLOCKED_MARK} {label}" if row.get("status") == "blocked" else label
    if kind == "case":
        return _short(str(row.get("case_id") or ""))
    return _short(str(row.get("value") or ""))


def node_title(row: dict) -> str:
    """The tooltip: several lines of plain text (vis-network shows string titles with innerText)."""
    kind = row["node_kind"]
    if kind == "account":
        lines = [f"{platform_label(row.get('platform'))} · {row.get('handle') or ''}",
                 str(row.get("display_name") or ""),
                 t("networks.tip_status", status=value_label("account_status", row.get("status"))),
                 t("networks.tip_seen", first=format_date(as_day(row.get("first_seen"))),
                   last=format_date(as_day(row.get("last_seen"))))]
    elif kind == "case":
        lines = [t("networks.tip_case", case_id=row.get("case_id") or ""), str(row.get("case_type") or ""),
                 t("networks.tip_victims", victims=row.get("victims") or 0)]
    else:
        lines = [f"{value_label('kind', row.get('identifier_kind'))}: {row.get('value') or ''}",
                 t("networks.tip_accounts_total", accounts=row.get("accounts_total") or 0)]
        if kind == "hub":
            lines.append(t("networks.tip_hub"))
    return "\n".join(line for line in lines if line)


def _colour(row: dict) -> str:
    kind = row["node_kind"]
    if kind == "account":
        return COLOURS["blocked" if row.get("status") == "blocked" else "account"]
    if kind == "identifier":
        return COLOURS.get(row.get("identifier_kind"), COLOURS["identifier"])
    return COLOURS[kind]


def vis_nodes(nodes: pd.DataFrame, analysis: pd.DataFrame, positions: dict) -> list[dict]:
    """vis-network node dicts with plain Python values (labels and titles are plain text)."""
    degree = dict(zip(analysis["node"], analysis["degree"], strict=True))
    result = []
    for row in nodes.astype(object).where(nodes.notna(), None).to_dict("records"):
        x, y = positions.get(row["node"], (0.0, 0.0))
        item = {"id": str(row["node"]), "label": node_label(row), "title": node_title(row),
                "color": _colour(row), "shape": SHAPES[row["node_kind"]], "value": int(degree.get(row["node"], 1)),
                "x": round(x, 1), "y": round(y, 1)}
        if row["node_kind"] == "account" and row.get("status") == "blocked":
            item["shapeProperties"] = {"borderDashes": [4, 3]}
            item["borderWidth"] = 3
        result.append(item)
    return result


def vis_edges(edges: pd.DataFrame, drawn: set[str]) -> list[dict]:
    """vis-network edge dicts between drawn nodes; hub links dashed, case links green."""
    result = []
    for row in edges.astype(object).where(edges.notna(), None).to_dict("records"):
        if row["source"] not in drawn or row["target"] not in drawn:
            continue
        item = {"from": str(row["source"]), "to": str(row["target"]),
                "title": _edge_title(row), "color": "#9aa0a6"}
        if row["edge_kind"] == "case":
            item["color"] = COLOURS["case"]
        result.append(item)
    return result


def _edge_title(row: dict) -> str:
    if row["edge_kind"] == "detection":
        return t("networks.tip_edge_detections", detections=int(row.get("detections") or 0),
                 first=format_date(as_day(row.get("first_seen"))), last=format_date(as_day(row.get("last_seen"))))
    return t(f"networks.tip_edge_{row['edge_kind']}")


def network_html(nodes: pd.DataFrame, edges: pd.DataFrame, analysis: pd.DataFrame,
                 positions: dict, height_px: int = 620) -> str:
    """Self-contained HTML drawing the given nodes (already limited to what should be drawn).

    Args:
        nodes: rows of network_graph_nodes to draw.
        edges: rows of network_graph_edges (edges to undrawn nodes are skipped).
        analysis: degree per node (from network_graph.analyse); sizes nodes.
        positions: node -> (x, y) pixels (from network_graph.layout).
        height_px: drawing height.

    Returns:
        HTML with every script and style inline, nothing loaded from the network.

    Raises:
        UnsafeGraphHtml: the template changed in a way that would load remote files or render HTML.
    """
    items = vis_nodes(nodes, analysis, positions)
    links = vis_edges(edges, {item["id"] for item in items})
    physics = len(items) <= PHYSICS_LIMIT
    options = {
        "physics": {"enabled": physics, "stabilization": {"iterations": 120}},
        "layout": {"improvedLayout": False},  # positions come from Python; vis' own layout is slow
        "interaction": {"hover": True, "tooltipDelay": 120},
        "nodes": {"scaling": {"min": 10, "max": 40, "label": {"enabled": True, "min": 10, "max": 18,
                                                              "drawThreshold": 7}}, "font": {"size": 12}},
        "edges": {"smooth": False, "width": 1},
    }
    net = Network(height=f"{height_px}px", width="100%", cdn_resources="in_line", bgcolor="#ffffff")
    template = net.templateEnv.get_template(net.path)
    page = template.render(
        height=f"{height_px}px", width="100%", nodes=items, edges=links, heading="", options=json.dumps(options),
        physics_enabled=physics, use_DOT=False, dot_lang=None, widget=False, bgcolor="#ffffff", conf=False,
        tooltip_link=False, neighborhood_highlight=False, select_menu=False, filter_menu=False, notebook=False,
        cdn_resources="in_line")
    page = _REMOTE_TAG.sub("", page).replace("<body>", "<body>" + legend_html(), 1)
    assert_offline(page)
    return page


def assert_offline(page: str) -> None:
    """Refuse HTML that references http(s) resources or renders tooltips as HTML."""
    found = _REMOTE_REFERENCE.search(page)
    if found:
        raise UnsafeGraphHtml(f"remote resource in graph HTML: {page[found.start():found.start() + 80]!r}")
    if "popup.innerHTML" in page:
        raise UnsafeGraphHtml("graph HTML renders tooltips as HTML")


def timeline_frame(nodes: pd.DataFrame) -> pd.DataFrame:
    """New accounts of the network per first-seen month, split into still active and blocked now."""
    accounts = nodes[nodes["node_kind"] == "account"].dropna(subset=["first_seen"])
    if accounts.empty:
        return pd.DataFrame(columns=["month", "active", "blocked"])
    month = pd.to_datetime(accounts["first_seen"]).dt.to_period("M").dt.to_timestamp()
    blocked = accounts["status"].eq("blocked")
    frame = pd.DataFrame({"month": month, "active": ~blocked, "blocked": blocked}).groupby("month").sum()
    full = pd.date_range(frame.index.min(), frame.index.max(), freq="MS")
    return frame.reindex(full, fill_value=0).rename_axis("month").reset_index().astype(
        {"active": int, "blocked": int})


def timeline_figure(frame: pd.DataFrame) -> go.Figure:
    """Stacked bars of new accounts per month (active vs blocked), labelled in the UI language."""
    months = [format_month(m) for m in frame["month"]]
    figure = go.Figure([
        go.Bar(x=months, y=frame["active"], name=t("networks.legend_active"), marker_color=COLOURS["account"]),
        go.Bar(x=months, y=frame["blocked"], name=t("networks.legend_blocked"), marker_color=COLOURS["blocked"]),
    ])
    figure.update_layout(barmode="stack", height=260, margin={"l": 10, "r": 10, "t": 30, "b": 10},
                         title=t("networks.timeline_title"), yaxis_title=t("networks.timeline_axis"),
                         legend={"orientation": "h"})
    return figure


def graph_height(drawn: int) -> int:
    """A drawing height that grows gently with the number of drawn nodes."""
    return int(min(820, max(420, 260 + 40 * math.sqrt(drawn))))
