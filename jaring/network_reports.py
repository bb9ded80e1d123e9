"""Networks page logic without Streamlit: search terms, takedown ranking and packages, recidivism, node details."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from jaring import exports
from jaring.formatting import format_date, platform_label
from jaring.i18n import t, value_label
from jaring.normalise import classify, domain

# Evidence weight of one shared identifier, by kind: a bank account or e-wallet is where the money goes.
KIND_WEIGHTS = {"bank_account": 3, "ewallet": 3, "phone": 2, "email": 2}
OTHER_WEIGHT = 1
RECENCY_WEIGHT, RECENCY_DAYS = 2, 180


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


def rank_candidates(evidence: pd.DataFrame, end: date) -> pd.DataFrame:
    """One row per takedown candidate, strongest evidence first, with the evidence spelled out.

    score = Σ over distinct shared identifiers of their kind weight (bank account / e-wallet 3, phone /
    e-mail 2, other 1) + 2 × max(0, 1 − days from the account's last detection to `end` / 180).

    Args:
        evidence: rows of the takedown_evidence query.
        end: the end of the period (recency is measured to it).

    Returns:
        Columns account_id, score, platform, handle, display_name, url, status, last_seen, network_id,
        shared_identifiers, blocked_accounts, evidence.
    """
    columns = ["account_id", "score", "platform", "handle", "display_name", "url", "status", "last_seen",
               "network_id", "shared_identifiers", "blocked_accounts", "evidence"]
    if evidence.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for account_id, group in evidence.groupby("account_id", sort=False):
        first = group.iloc[0]
        shared = group.drop_duplicates(["kind", "value"])
        weight = sum(KIND_WEIGHTS.get(kind, OTHER_WEIGHT) for kind in shared["kind"])
        days = (pd.Timestamp(end) - pd.Timestamp(first["last_seen"]).normalize()).days
        recency = max(0.0, min(1.0, 1 - days / RECENCY_DAYS))
        rows.append({"account_id": int(account_id), "score": round(weight + RECENCY_WEIGHT * recency, 2),
                     "platform": first["platform"], "handle": first["handle"],
                     "display_name": first["display_name"], "url": first["url"], "status": first["status"],
                     "last_seen": first["last_seen"], "network_id": first["network_id"],
                     "shared_identifiers": len(shared), "blocked_accounts": group["blocked_account_id"].nunique(),
                     "evidence": evidence_text(group)})
    ranked = pd.DataFrame(rows, columns=columns)
    return ranked.sort_values(["score", "shared_identifiers", "last_seen", "account_id"],
                              ascending=[False, False, False, True], ignore_index=True)


def evidence_text(group: pd.DataFrame) -> str:
    """'bank account BRI:… — also on blocked account rekrut.a1 (Facebook, blocked 10 March 2025); …'."""
    parts = []
    for (kind, value), rows in group.groupby(["kind", "value"], sort=True):
        blocked = "; ".join(
            t("networks.takedown_blocked_ref", handle=r.blocked_handle, platform=platform_label(r.blocked_platform),
              day=format_date(_day(r.blocked_at)))
            for r in rows.drop_duplicates("blocked_account_id").itertuples())
        parts.append(t("networks.takedown_evidence_item", kind=value_label("kind", kind), value=value, blocked=blocked))
    return " | ".join(parts)


def _day(value) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def takedown_package(ranked: pd.DataFrame, evidence: pd.DataFrame, posts: pd.DataFrame, platform: str,
                     generated_at: datetime) -> tuple[bytes, bytes]:
    """A takedown request package for one platform: a spreadsheet-safe CSV and a JSON document.

    Args:
        ranked: rank_candidates output.
        evidence: takedown_evidence rows (for the shared identifiers and blocked accounts).
        posts: account_posts rows for the candidates.
        platform: the platform code whose candidates go in the package.
        generated_at: when the package was made (Jakarta time).

    Returns:
        (CSV bytes, JSON bytes); one entry per candidate account, in ranking order.
    """
    accounts = [_package_entry(row, evidence, posts) for row in
                ranked[ranked["platform"] == platform].to_dict("records")]
    document = {"platform": platform, "generated_at": generated_at.isoformat(timespec="seconds"),
                "timezone": "Asia/Jakarta", "accounts": accounts}
    flat = pd.DataFrame([{
        "platform": a["platform"], "handle": a["handle"], "display_name": a["display_name"],
        "account_url": a["account_url"],
        "first_seen": a["first_seen"], "last_seen": a["last_seen"], "status": a["status"],
        "post_urls": " | ".join(p["url"] for p in a["posts"] if p["url"]),
        "post_dates": " | ".join(p["detected_at"] for p in a["posts"]),
        "shared_identifiers": " | ".join(f"{i['kind']}:{i['value']}" for i in a["shared_identifiers"]),
        "linked_blocked_accounts": " | ".join(
            f"{b['platform']}:{b['handle']} ({b['blocked_at']}) {b['url'] or ''}".strip()
            for b in a["linked_blocked_accounts"]),
        "evidence": a["evidence"], "score": a["score"]} for a in accounts],
        columns=["platform", "handle", "display_name", "account_url", "first_seen", "last_seen", "status", "post_urls",
                 "post_dates", "shared_identifiers", "linked_blocked_accounts", "evidence", "score"])
    return exports.to_csv_bytes(flat), json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def _iso(value) -> str | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).isoformat()


def _package_entry(row: dict, evidence: pd.DataFrame, posts: pd.DataFrame) -> dict:
    mine = evidence[evidence["account_id"] == row["account_id"]]
    account_posts = posts[posts["account_id"] == row["account_id"]]
    blocked = mine.drop_duplicates("blocked_account_id")
    first_seen = mine["first_seen"].iloc[0] if len(mine) else None
    return {
        "platform": row["platform"], "handle": row["handle"], "display_name": row["display_name"],
        "account_url": row["url"], "status": row["status"], "first_seen": _iso(first_seen),
        "last_seen": _iso(row["last_seen"]), "score": row["score"], "evidence": row["evidence"],
        "posts": [{"url": p.content_url, "detected_at": _iso(p.detected_at)} for p in account_posts.itertuples()],
        "shared_identifiers": [{"kind": k, "value": v} for k, v in
                               mine[["kind", "value"]].drop_duplicates().itertuples(index=False)],
        "linked_blocked_accounts": [{"platform": b.blocked_platform, "handle": b.blocked_handle,
                                     "url": b.blocked_url, "blocked_at": _iso(b.blocked_at)}
                                    for b in blocked.itertuples()],
    }


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
    shown["platforms"] = shown["platforms"].map(
        lambda text: ", ".join(platform_label(p) for p in str(text).split(", ")) if isinstance(text, str) else text)
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
