"""Distances on the reference points: nearest regency to coordinates, neighbours within a distance (geopy)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from geopy.distance import geodesic

EARTH_RADIUS_KM = 6371.0088
# Haversine ranks candidates; when the two nearest differ by less than this share, the exact geodesic decides
# (the sphere and the ellipsoid disagree by at most ~0.5 %).
_TIE_SHARE = 0.01
_CHUNK = 20_000


def haversine_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Great-circle distance in km on a sphere; numpy-broadcast over its arguments."""
    lat1, lon1, lat2, lon2 = (np.radians(np.asarray(v, dtype=float)) for v in (lat1, lon1, lat2, lon2))
    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def geodesic_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic (WGS84 ellipsoid) distance in km between two (lat, lon) points."""
    return geodesic(a, b).km


def nearest_points(lats, lons, reference: pd.DataFrame) -> pd.DataFrame:
    """The nearest reference point to each coordinate (vectorised; geodesic settles near-ties).

    Args:
        lats, lons: sequences of coordinates (WGS84 degrees).
        reference: DataFrame with columns code, lat, lon (e.g. the regencies).

    Returns:
        DataFrame with one row per input point, in order: code, km (distance to that point's reference).
    """
    lats, lons = np.asarray(lats, dtype=float), np.asarray(lons, dtype=float)
    ref_lat, ref_lon = reference["lat"].to_numpy(float), reference["lon"].to_numpy(float)
    codes = reference["code"].to_numpy(object)
    out_code, out_km = np.empty(len(lats), dtype=object), np.empty(len(lats))
    for start in range(0, len(lats), _CHUNK):
        part = slice(start, start + _CHUNK)
        km = haversine_km(lats[part, None], lons[part, None], ref_lat[None, :], ref_lon[None, :])
        order = np.argsort(km, axis=1)[:, :2] if km.shape[1] > 1 else np.zeros((len(km), 1), dtype=int)
        best = km[np.arange(len(km)), order[:, 0]]
        out_code[part], out_km[part] = codes[order[:, 0]], best
        if order.shape[1] == 1:
            continue
        second = km[np.arange(len(km)), order[:, 1]]
        for i in np.flatnonzero(second - best <= best * _TIE_SHARE):
            point = (lats[start + i], lons[start + i])
            choices = [(geodesic_km(point, (ref_lat[j], ref_lon[j])), codes[j]) for j in order[i]]
            out_km[start + i], out_code[start + i] = min(choices)
    return pd.DataFrame({"code": out_code, "km": out_km})


def neighbours_within(code: str, km: float, reference: pd.DataFrame) -> pd.DataFrame:
    """Reference points within `km` of the point of `code` (itself excluded), nearest first.

    Args:
        code: a code of `reference`.
        km: the radius in km.
        reference: DataFrame with columns code, lat, lon (and any others, which are kept).

    Returns:
        The matching rows of `reference` with a `distance_km` column (geodesic, rounded to 0.1 km).
    """
    here = reference.loc[reference["code"] == code]
    if here.empty:
        return reference.iloc[0:0].assign(distance_km=pd.Series(dtype=float))
    origin = (float(here["lat"].iloc[0]), float(here["lon"].iloc[0]))
    others = reference.loc[reference["code"] != code]
    # The sphere pre-selects (with a margin for the ellipsoid); the geodesic gives the distance shown.
    rough = haversine_km(origin[0], origin[1], others["lat"], others["lon"])
    close = others.loc[rough <= km * 1.01 + 1].copy()
    close["distance_km"] = [round(geodesic_km(origin, (la, lo)), 1) for la, lo in zip(close["lat"], close["lon"],
                                                                                       strict=True)]
    close = close.loc[close["distance_km"] <= km]
    return close.sort_values(["distance_km", "code"]).reset_index(drop=True)
