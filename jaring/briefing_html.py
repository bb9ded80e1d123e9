"""The briefing as one self-contained HTML file: plotly.js inlined once, every value escaped, nothing loaded."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from datetime import datetime

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from jaring.briefing import Briefing
from jaring.briefing_tables import column_labels
from jaring.briefing_text import format_value, key_numbers, kpi_changes, sentences
from jaring.formatting import format_datetime, format_month
from jaring.i18n import current_language, t

_STYLE = """
body { font-family: Arial, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
h1 { margin-bottom: 0.2em; } .sub { color: #555; } .note { background: #fff3cd; padding: 0.5em 1em; }
.kpis { display: flex; gap: 1em; flex-wrap: wrap; } .kpi { border: 1px solid #ddd; padding: 0.8em; min-width: 170px; }
.kpi .v { font-size: 1.8em; font-weight: bold; } .kpi .d { color: #555; font-size: 0.9em; }
.sentence { font-size: 1.1em; } table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0 2em; }
td, th { border: 1px solid #ddd; padding: 0.25em 0.5em; text-align: right; } th { background: #f4f4f4; }
td:first-child, th:first-child { text-align: left; }
"""
# Which figures carry which generated sentence and key number on the page and in the deck.
FIGURE_TEXT = {"blocked": "blocked", "funnel": "blocked", "speed_detection": "speed", "speed_report": "speed",
               "durations": "speed", "survival": "survival", "backlog": "backlog", "cases": "cases",
               "destinations": "cases"}


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _table(frame: pd.DataFrame, max_rows: int = 200) -> str:
    """An escaped HTML table (pandas escapes cell text; links are never rendered as HTML)."""
    labelled = frame.head(max_rows).rename(columns=column_labels(frame.columns))
    return labelled.to_html(index=False, escape=True, na_rep="—", border=0, render_links=False)


def _oldest_list(frame: pd.DataFrame) -> str:
    """The oldest open reports with their links; every value escaped, only http(s) links (checked upstream)."""
    rows = []
    for row in frame.itertuples(index=False):
        link = (f'<a href="{_e(row.url)}" rel="noopener noreferrer nofollow">{_e(row.handle)}</a>'
                if isinstance(row.url, str) else _e(row.handle))
        rows.append(f"<tr><td>{link}</td><td>{_e(row.platform)}</td><td>{_e(row.display_name)}</td>"
                    f"<td>{_e(row.reported_at)}</td><td>{_e(row.waiting_days)}</td></tr>")
    head = "".join(f"<th>{_e(t(f'briefing.col.{c}'))}</th>" for c in
                   ("handle", "platform", "display_name", "reported_at", "waiting_days"))
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _kpi_cards(b: Briefing) -> str:
    cards = []
    for kpi in b.kpis:
        deltas = kpi_changes(b, kpi)
        shown = [_e(d) for d in deltas if d] or ([_e(t("briefing.kpi.networks_unavailable"))]
                                                 if kpi.value is None else [])
        cards.append(f'<div class="kpi"><div>{_e(t(f"briefing.kpi.{kpi.key}"))}</div>'
                     f'<div class="v">{_e(format_value(kpi.value, kpi.unit))}</div>'
                     f'<div class="d">{"<br>".join(shown)}</div></div>')
    return f'<div class="kpis">{"".join(cards)}</div>'


def definitions_html() -> str:
    """The catalog's definitions (markdown bullets with **bold**) as an HTML list."""
    items = []
    for line in t("briefing.definitions_text").splitlines():
        text = _e(line.removeprefix("- "))
        items.append("<li>" + re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text) + "</li>")
    return f"<ul>{''.join(items)}</ul>"


def briefing_html(b: Briefing, charts: Mapping[str, go.Figure], tables: Mapping[str, pd.DataFrame],
                  subtitle: str, note: str, generated: datetime) -> str:
    """The whole document. plotly.js is embedded in the first chart only; no external script, style or font."""
    said, numbers = sentences(b), key_numbers(b)
    parts = [f"<h1>{_e(t('briefing.export_title', month=format_month(b.month)))}</h1>",
             f'<p class="sub">{_e(subtitle)} · {_e(t("briefing.generated", at=format_datetime(generated)))}</p>']
    if note:
        parts.append(f'<p class="note">{_e(note)}</p>')
    parts.append(_kpi_cards(b))
    for index, (name, fig) in enumerate(charts.items()):
        text_key = FIGURE_TEXT.get(name, name)
        parts.append(f'<h2>{_e(numbers.get(text_key, ""))}</h2><p class="sentence">{_e(said.get(text_key, ""))}</p>')
        parts.append(pio.to_html(fig, include_plotlyjs=index == 0, full_html=False,
                                 config={"displaylogo": False, "responsive": True}))
    parts.append(f"<h2>{_e(t('briefing.oldest_header'))}</h2>{_oldest_list(b.oldest)}")
    for name, frame in tables.items():
        parts.append(f"<h3>{_e(t(f'briefing.table.{name}'))}</h3>{_table(frame)}")
    parts.append(f"<h2>{_e(t('briefing.definitions'))}</h2>{definitions_html()}")
    return (f'<!DOCTYPE html><html lang="{current_language()}"><head><meta charset="utf-8">'
            f"<title>{_e(t('briefing.export_title', month=format_month(b.month)))}</title>"
            f"<style>{_STYLE}</style></head><body>{''.join(parts)}</body></html>")
