"""Tables of the Regions page as the analyst reads them: chosen columns, labels in the UI language."""

from __future__ import annotations

import pandas as pd

from jaring.formatting import format_number, platform_label
from jaring.i18n import current_language, t, value_label


def _labelled(frame: pd.DataFrame, columns: dict[str, str], language: str | None) -> pd.DataFrame:
    """`frame[source]` renamed to `t("regions.col.<label>")`, in the order of `columns` (source -> label)."""
    out = frame[list(columns)].copy()
    out.columns = [t(f"regions.col.{label}", language) for label in columns.values()]
    return out.reset_index(drop=True)


def _country_column(language: str | None) -> str:
    return "country_name_id" if (language or current_language()) == "id" else "country_name_en"


def activity_table(activity: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Every region with the chosen signal now, before and the change (the map as a table), busiest first."""
    frame = activity.assign(level_label=activity["level"].map(
        {"province": t("regions.routes_level_province", language),
         "regency": t("regions.routes_level_regency", language)}))
    frame = frame.sort_values(["value", "code"], ascending=[False, True])
    return _labelled(frame, {"code": "code", "name": "region", "level_label": "level", "value": "now",
                             "previous": "before", "change": "change"}, language)


def newly_active_table(table: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Flagged regencies: region, province, now vs baseline, first seen, why, networks and top accounts."""
    frame = table.assign(flag_label=table["flag"].map(lambda f: t(f"regions.flag_{f}", language)),
                         first_seen_day=pd.to_datetime(table["first_seen"]).dt.date)
    return _labelled(frame, {"name": "region", "province_name": "province", "flag_label": "flag", "now": "window",
                             "baseline": "baseline", "expected": "expected", "first_seen_day": "first_seen",
                             "reason": "reason", "networks": "networks", "top_accounts": "top_accounts"}, language)


def routes_table(routes: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Origin -> destination flows with the signal now and before; new routes marked."""
    country = _country_column(language)
    frame = routes.assign(destination=routes[country].fillna(routes["iso2"]),
                          new_label=routes["new_route"].map({True: "✓", False: ""}))
    return _labelled(frame, {"origin_name": "origin", "destination": "destination", "value": "now",
                             "previous": "before", "change": "change", "new_label": "new_route"}, language)


def case_types_table(case_types: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Cases and victims per case type (a missing type shown as unknown)."""
    frame = case_types.assign(case_type=case_types["case_type"].fillna(t("regions.unknown", language)))
    return _labelled(frame, {"case_type": "case_type", "cases": "cases", "victims": "victims"}, language)


def destinations_table(destinations: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Detections, cases and victims per destination country."""
    country = _country_column(language)
    names = destinations[country].fillna(destinations["iso2"]).fillna(t("regions.unknown", language))
    return _labelled(destinations.assign(destination=names),
                     {"destination": "destination", "detections": "detections", "cases": "cases",
                      "victims": "victims"}, language)


def accounts_table(accounts: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Accounts targeting a region; handles and names are criminal-written text, shown as plain text."""
    frame = accounts.assign(platform_name=accounts["platform"].map(lambda p: platform_label(p, language)),
                            status_label=accounts["status"].map(lambda s: value_label("status", s, language)))
    return _labelled(frame, {"platform_name": "platform", "handle": "handle", "display_name": "display_name",
                             "status_label": "status", "detections": "detections",
                             "last_detected": "last_detected"}, language)


def networks_table(networks: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Live networks with accounts targeting a region."""
    frame = networks.assign(network="#" + networks["network_id"].astype(str))
    return _labelled(frame, {"network": "network", "accounts_here": "accounts_here",
                             "network_accounts": "network_accounts", "detections": "detections"}, language)


def neighbours_table(neighbours: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Regencies near the selected region, nearest first, with the signal now and before."""
    return _labelled(neighbours, {"name": "region", "distance_km": "distance_km", "value": "now",
                                  "previous": "before", "change": "change"}, language)


def geocode_table(results: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """Geocoder answers waiting for acceptance, with an (unticked) accept column first."""
    frame = results.assign(accept=False, region=results["region_name"].fillna(t("regions.unknown", language)))
    return _labelled(frame, {"accept": "accept", "query": "query", "rows": "rows", "display_name": "found_name",
                             "region": "region", "province_name": "province", "distance_km": "distance_km"},
                     language)


def unplaced_caption(counts: dict[str, int], language: str | None = None) -> str:
    """ "n of N detections without a region (m with an unrecognised text); ..." for the map's caption."""
    number = {key: format_number(value, language=language) for key, value in counts.items()}
    return t("regions.unplaced", language, detections=number["detections_unplaced"], total=number["detections"],
             with_text=number["detections_unplaced_with_text"], cases=number["cases_unplaced"],
             total_cases=number["cases"], victims=number["victims_unplaced"])
