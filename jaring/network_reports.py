"""Networks page logic without Streamlit: search terms, takedown ranking and packages, recidivism, node details."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from jaring import exports
from jaring.formatting import format_date, platform_label
from jaring.i18n import t, value_label
from jaring.normalise import classify, domain

PACKAGE_COLUMNS = ["platform", "handle", "display_name", "account_url", "first_seen", "last_seen", "status",
                   "post_urls", "post_dates", "shared_identifiers", "linked_blocked_accounts", "evidence", "score"]


@dataclass(frozen=True)
class SearchTerms:
    """What the analyst typed, normalised: the identifier to look up and, for a link, its domain."""

    kind: str
    value: str
    domain: str | None = None

    @property
    def handle(self) -> str | None:
        """The text to match against account handles, when the search was a handle."""
        return self.value if self.kind == "handle" else None


def search_terms(text: str | None) -> SearchTerms | None:
    """Normalise a search ("0812 3456 7890", "BRI 1234 01 000123 50 7", "@kerja.malaysia", a wa.me link).

    Returns:
        The terms, or None when the text is no identifier Jaring knows.
    """
    found = classify(text)
    if found is None:
        return None
    kind, value = found
    return SearchTerms(kind, value, domain(value) if kind == "url" else None)


def with_evidence(candidates: pd.DataFrame, evidence: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Takedown candidates (rows of takedown_candidates, already ranked by score in SQL) with their evidence
    spelled out in an `evidence` column.

    Args:
        candidates: the candidates to describe (e.g. the top rows shown, or one platform's package).
        evidence: rows of takedown_evidence for those candidates.
        language: the text language (downloads are built outside the page's thread, so it is passed in).
    """
    described = candidates.copy()
    described["evidence"] = evidence_texts(evidence, language).reindex(described["account_id"]).to_numpy()
    return described


def evidence_texts(evidence: pd.DataFrame, language: str | None = None) -> pd.Series:
    """Per candidate account: 'bank account BRI:… also used by blocked rekrut.a1 (Facebook, blocked 10 March
    2025); … | phone …', identifiers in (kind, value) order, blocked accounts by id."""
    if evidence.empty:
        return pd.Series(dtype=object)
    rows = evidence.sort_values(["account_id", "kind", "value", "blocked_account_id"])
    blocked_at = pd.to_datetime(rows["blocked_at"])
    keys = blocked_at.dt.strftime("%Y-%m-%d").fillna("")  # label each distinct day once, not each row
    days = {k: format_date(as_day(v), language) for k, v in blocked_at.groupby(keys.to_numpy()).first().items()}
    refs = _fill("networks.takedown_blocked_ref", language, handle=rows["blocked_handle"].fillna(""),
                 platform=rows["blocked_platform"].map(lambda p: platform_label(p, language)),
                 day=keys.map(days | {"": ""}))
    per_identifier = refs.groupby([rows["account_id"], rows["kind"], rows["value"]], sort=True).agg(
        "; ".join).reset_index(name="blocked")
    items = _fill("networks.takedown_evidence_item", language,
                  kind=per_identifier["kind"].map(lambda k: value_label("kind", k, language)),
                  value=per_identifier["value"], blocked=per_identifier["blocked"])
    return items.groupby(per_identifier["account_id"].to_numpy()).agg(" | ".join)


def _fill(key: str, language: str | None, **columns: pd.Series) -> pd.Series:
    """A catalog template filled column-wise (one string operation per piece, not one format per row)."""
    import string

    result = None
    for literal, field, _, _ in string.Formatter().parse(t(key, language)):
        pieces = [literal] + ([columns[field].astype(str).to_numpy(dtype=object)] if field else [])
        for piece in pieces:
            result = piece if result is None else result + piece
    return pd.Series(result, index=next(iter(columns.values())).index)


def as_day(value) -> date | None:
    """The calendar day of a timestamp, or None for a missing one."""
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def takedown_package(ranked: pd.DataFrame, evidence: pd.DataFrame, posts: pd.DataFrame, platform: str,
                     generated_at: datetime) -> tuple[bytes, bytes]:
    """A takedown request package for one platform: a spreadsheet-safe CSV and a JSON document.

    Args:
        ranked: with_evidence output (candidates in ranking order, with their evidence text).
        evidence: takedown_evidence rows (for the shared identifiers and blocked accounts).
        posts: account_posts rows for the candidates.
        platform: the platform code whose candidates go in the package.
        generated_at: when the package was made (Jakarta time).

    Returns:
        (CSV bytes, JSON bytes); one entry per candidate account, in ranking order.
    """
    candidates = ranked[ranked["platform"] == platform]
    wanted = set(candidates["account_id"].tolist())
    evidence = evidence[evidence["account_id"].isin(wanted)]
    # One pass over each table, grouped by account (a platform can have tens of thousands of candidates).
    shared, blocked, post_list = defaultdict(list), defaultdict(list), defaultdict(list)
    for r in evidence.drop_duplicates(["account_id", "kind", "value"]).itertuples(index=False):
        shared[r.account_id].append({"kind": r.kind, "value": r.value})
    for r in evidence.drop_duplicates(["account_id", "blocked_account_id"]).itertuples(index=False):
        blocked[r.account_id].append({"platform": r.blocked_platform, "handle": r.blocked_handle,
                                      "url": _text(r.blocked_url), "blocked_at": _iso(r.blocked_at)})
    for r in posts[posts["account_id"].isin(wanted)].itertuples(index=False):
        post_list[r.account_id].append({"url": _text(r.content_url), "detected_at": _iso(r.detected_at)})
    accounts = [{
        "platform": row["platform"], "handle": row["handle"], "display_name": _text(row["display_name"]),
        "account_url": _text(row["url"]), "status": row["status"],
        "first_seen": _iso(row["first_seen"]),
        "last_seen": _iso(row["last_seen"]), "score": float(row["score"]), "evidence": row["evidence"],
        "posts": post_list[row["account_id"]], "shared_identifiers": shared[row["account_id"]],
        "linked_blocked_accounts": blocked[row["account_id"]],
    } for row in candidates.to_dict("records")]
    document = {"platform": platform, "generated_at": generated_at.isoformat(timespec="seconds"),
                "timezone": "Asia/Jakarta", "accounts": accounts}
    flat = pd.DataFrame([{
        "platform": a["platform"], "handle": a["handle"], "display_name": a["display_name"],
        "account_url": a["account_url"], "first_seen": a["first_seen"], "last_seen": a["last_seen"],
        "status": a["status"], "post_urls": " | ".join(p["url"] for p in a["posts"] if p["url"]),
        "post_dates": " | ".join(p["detected_at"] or "" for p in a["posts"]),
        "shared_identifiers": " | ".join(f"{i['kind']}:{i['value']}" for i in a["shared_identifiers"]),
        "linked_blocked_accounts": " | ".join(
            f"{b['platform']}:{b['handle']} ({b['blocked_at']}) {b['url'] or ''}".strip()
            for b in a["linked_blocked_accounts"]),
        "evidence": a["evidence"], "score": a["score"]} for a in accounts], columns=PACKAGE_COLUMNS)
    return exports.to_csv_bytes(flat), json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _iso(value) -> str | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).isoformat()


def _text(value) -> str | None:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def recidivism_summary(reappearances: pd.DataFrame) -> dict[str, float | int | None]:
    """Headline figures: reappearances, distinct identifiers, new accounts, median days from block to return."""
    if reappearances.empty:
        return {"reappearances": 0, "identifiers": 0, "new_accounts": 0, "median_days": None}
    return {"reappearances": len(reappearances),
            "identifiers": int(reappearances[["kind", "value"]].drop_duplicates().shape[0]),
            "new_accounts": int(reappearances["new_account"].sum()),
            "median_days": float(reappearances["days_after_block"].median())}


def overview_columns(overview: pd.DataFrame, language: str) -> pd.DataFrame:
    """The network table for display: destination countries in the UI language, platforms as names."""
    shown = overview.drop(columns=["top_countries_en" if language == "id" else "top_countries_id"])
    shown = shown.rename(columns={"top_countries_id": "top_countries", "top_countries_en": "top_countries"})
    names = {text: ", ".join(platform_label(p, language) for p in text.split(", "))
             for text in shown["platforms"].dropna().unique()}  # a few dozen combinations, not one per row
    shown["platforms"] = shown["platforms"].map(names)
    return shown


def node_details(node: dict, analysis_row: dict | None) -> pd.DataFrame:
    """A two-column (field, value) table describing one node: shown as text, never as HTML."""
    fields = {
        "account": ("platform", "handle", "display_name", "url", "status", "first_seen", "last_seen", "blocked_at"),
        "identifier": ("identifier_kind", "value", "accounts_total"),
        "hub": ("identifier_kind", "value", "accounts_total"),
        "case": ("case_id", "first_seen", "case_type", "victims", "destination_country", "status"),
    }[node["node_kind"]]
    rows = [(t(f"networks.field_{name}"), _show(name, node.get(name))) for name in fields]
    if analysis_row:
        rows += [(t("networks.field_degree"), str(analysis_row["degree"])),
                 (t("networks.field_betweenness"), f"{analysis_row['betweenness']:.4f}")]
    return pd.DataFrame(rows, columns=["detail", "value"])


def _show(name: str, value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if name in ("first_seen", "last_seen", "blocked_at"):
        return format_date(pd.Timestamp(value).date())
    if name == "platform":
        return platform_label(value)
    if name == "identifier_kind":
        return value_label("kind", value)
    if name == "status":
        return value_label("account_status", value)
    return str(value)
