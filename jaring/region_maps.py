"""Offline plotly figures for the Regions page: province choropleth with regency bubbles, route flows, trend."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from html import escape

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from jaring import db
from jaring.figure_images import figure_bytes
from jaring.formatting import format_month, format_number
from jaring.i18n import t

REFERENCE_DIR = db.PROJECT_ROOT / "data" / "reference"
STATIC_TOPOJSON = db.PROJECT_ROOT / "static" / "topojson"
# The browser fetches the polygons from our static files by URL: 2 MB of GeoJSON inlined in every figure cost
# ~0.4 s per rerun to build and serialise. Static exports inline them again (see figure_image).
GEOJSON_URLS = {"provinces": "/app/static/geo/provinces.geojson", "regencies": "/app/static/geo/regencies.geojson"}
# The browser loads the base maps from our own server (static/ is served at /app/static/), never a CDN.
PLOTLY_CONFIG = {"topojsonURL": "/app/static/topojson/", "displaylogo": False, "scrollZoom": False}
ZERO_COLOUR, FLAG_COLOUR = "#f2f2f2", "#d7191c"
# Zero stays a pale grey, so a quiet province is visibly "0" and not missing; any activity is orange to red.
COLOURSCALE = [[0.0, ZERO_COLOUR], [1e-6, "#fee8c8"], [0.5, "#fc8d59"], [1.0, "#b30000"]]


@cache
def _geojson(name: str) -> dict:
    with open(REFERENCE_DIR / f"{name}.geojson", encoding="utf-8") as handle:
        return json.load(handle)


def _change_text(change, previous, language: str | None) -> str:
    """ "+5 (+250%)", "-1 (-50%)", "+3 (baru)": the change against the previous period, for hovers."""
    sign = "+" if change > 0 else ""
    text = f"{sign}{format_number(change, language=language)}"
    if previous > 0:
        return f"{text} ({sign}{format_number(100 * change / previous, 0, language)}%)"
    return f"{text} ({t('regions.map_new', language)})" if change > 0 else text


def _hover(frame: pd.DataFrame, language: str | None) -> np.ndarray:
    """customdata rows: name, now, before, change; names come from the reference data but are escaped anyway."""
    return np.column_stack([
        frame["name"].map(escape).to_numpy(object),
        frame["value"].map(lambda v: format_number(v, language=language)).to_numpy(object),
        frame["previous"].map(lambda v: format_number(v, language=language)).to_numpy(object),
        np.array([_change_text(c, p, language) for c, p in zip(frame["change"], frame["previous"], strict=True)],
                 dtype=object),
    ]) if len(frame) else np.empty((0, 4), dtype=object)


def _template(language: str | None) -> str:
    return (f"<b>%{{customdata[0]}}</b><br>{t('regions.map_now', language)}: %{{customdata[1]}}<br>"
            f"{t('regions.map_before', language)}: %{{customdata[2]}}<br>"
            f"{t('regions.map_change', language)}: %{{customdata[3]}}<extra></extra>")


def activity_map(activity: pd.DataFrame, signal_label: str, flagged: Iterable[str] = (), bubbles: bool = True,
                 language: str | None = None) -> go.Figure:
    """Province choropleth of `value` with regency/city bubbles; flagged regencies outlined in red.

    Args:
        activity: rows of jaring.regions.region_activity (both levels, with value/previous/change).
        signal_label: the legend title (the chosen signal in words).
        flagged: regency codes to outline (newly active).
        bubbles: draw the regency/city bubbles.
        language: "id" or "en" (default: current).
    """
    provinces = activity.loc[activity["level"] == "province"]
    regencies = activity.loc[(activity["level"] == "regency") & activity["lat"].notna()]
    top = max(int(provinces["value"].max()) if len(provinces) else 0, 1)
    fig = go.Figure(go.Choropleth(
        geojson=GEOJSON_URLS["provinces"], featureidkey="properties.code",
        locations=provinces["code"], z=provinces["value"], zmin=0, zmax=top, colorscale=COLOURSCALE,
        marker_line_color="#7f7f7f", marker_line_width=0.6, customdata=_hover(provinces, language),
        hovertemplate=_template(language), colorbar={"title": {"text": signal_label}, "thickness": 12},
        name=t("regions.map_provinces", language)))
    if bubbles:
        _add_bubbles(fig, regencies, language)
    flagged = set(flagged) & set(regencies["code"])
    if flagged:
        _add_outlines(fig, regencies.loc[regencies["code"].isin(flagged)], language)
    _geo_layout(fig, scope="asia", resolution=50)
    return fig


def _add_bubbles(fig: go.Figure, regencies: pd.DataFrame, language: str | None) -> None:
    active, quiet = regencies.loc[regencies["value"] > 0], regencies.loc[regencies["value"] <= 0]
    top = max(int(active["value"].max()) if len(active) else 0, 1)
    fig.add_trace(go.Scattergeo(
        lat=quiet["lat"], lon=quiet["lon"], mode="markers", name=t("regions.map_quiet_regencies", language),
        marker={"size": 3, "color": "#9e9e9e", "opacity": 0.6}, customdata=_hover(quiet, language),
        hovertemplate=_template(language)))
    fig.add_trace(go.Scattergeo(
        lat=active["lat"], lon=active["lon"], mode="markers", name=t("regions.map_regencies", language),
        marker={"size": 6 + 28 * np.sqrt(active["value"] / top), "color": "#08519c", "opacity": 0.65,
                "line": {"width": 0.5, "color": "white"}},
        customdata=_hover(active, language), hovertemplate=_template(language)))


def _add_outlines(fig: go.Figure, flagged: pd.DataFrame, language: str | None) -> None:
    fig.add_trace(go.Choropleth(
        geojson=GEOJSON_URLS["regencies"], featureidkey="properties.code",
        locations=flagged["code"], z=[1] * len(flagged), showscale=False,
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], marker_line_color=FLAG_COLOUR,
        marker_line_width=2.5, customdata=_hover(flagged, language), hovertemplate=_template(language),
        name=t("regions.map_flagged", language), showlegend=True))
    fig.add_trace(go.Scattergeo(
        lat=flagged["lat"], lon=flagged["lon"], mode="markers", showlegend=False, hoverinfo="skip",
        marker={"size": 18, "symbol": "circle-open", "color": FLAG_COLOUR, "line": {"width": 2.5}}))


def _geo_layout(fig: go.Figure, scope: str, resolution: int, height: int = 560) -> None:
    fig.update_geos(fitbounds="locations", scope=scope, resolution=resolution, projection_type="mercator",
                    showland=True, landcolor="#fafafa", showcountries=True, countrycolor="#bdbdbd",
                    showcoastlines=True, coastlinecolor="#bdbdbd", showocean=True, oceancolor="#eef5fb",
                    showframe=False)
    fig.update_layout(height=height, margin={"l": 0, "r": 0, "t": 10, "b": 0},
                      legend={"orientation": "h", "yanchor": "bottom", "y": 0.0, "x": 0.0,
                              "bgcolor": "rgba(255,255,255,0.7)"})


def routes_map(routes: pd.DataFrame, value_label: str, top: int = 40, language: str | None = None) -> go.Figure:
    """Flow lines origin -> destination country for the `top` largest routes (line width by `value`)."""
    shown = routes.loc[routes["value"] > 0].dropna(subset=["origin_lat", "country_lat"]).head(top)
    fig = go.Figure()
    peak = max(int(shown["value"].max()) if len(shown) else 0, 1)
    for bucket, part in shown.groupby(np.ceil(4 * shown["value"] / peak).clip(1, 4)):
        lat, lon = _segments(part)
        fig.add_trace(go.Scattergeo(lat=lat, lon=lon, mode="lines", hoverinfo="skip", showlegend=False,
                                    line={"width": 1 + 2 * bucket, "color": "rgba(179,0,0,0.55)"}))
    country = "country_name_id" if (language or "id") == "id" else "country_name_en"
    labels = [f"{escape(str(o))} → {escape(str(c or i))}: {format_number(v, language=language)}"
              for o, c, i, v in zip(shown["origin_name"], shown[country], shown["iso2"], shown["value"], strict=True)]
    fig.add_trace(go.Scattergeo(
        lat=(shown["origin_lat"] + shown["country_lat"]) / 2, lon=(shown["origin_lon"] + shown["country_lon"]) / 2,
        mode="markers", marker={"size": 7, "color": "rgba(179,0,0,0.8)"}, text=labels, hoverinfo="text",
        name=value_label))
    fig.add_trace(go.Scattergeo(
        lat=shown["country_lat"], lon=shown["country_lon"], mode="markers", hoverinfo="text",
        text=shown[country].fillna(shown["iso2"]).map(lambda s: escape(str(s))),
        marker={"size": 9, "symbol": "diamond", "color": "#252525"}, name=t("regions.routes_destinations", language)))
    _geo_layout(fig, scope="world", resolution=110, height=480)
    fig.update_geos(projection_type="natural earth")
    return fig


def _segments(part: pd.DataFrame) -> tuple[list, list]:
    lat, lon = [], []
    for row in part.itertuples(index=False):
        lat += [row.origin_lat, row.country_lat, None]
        lon += [row.origin_lon, row.country_lon, None]
    return lat, lon


def trend_chart(trend: pd.DataFrame, language: str | None = None) -> go.Figure:
    """Monthly detections, cases and victims of one region."""
    months = [format_month(pd.Timestamp(m), language) for m in trend["month"]]
    fig = go.Figure()
    for column in ("detections", "cases", "victims"):
        fig.add_trace(go.Scatter(x=months, y=trend[column], mode="lines+markers",
                                 name=t(f"regions.signal_{column}", language)))
    fig.update_layout(height=320, margin={"l": 10, "r": 10, "t": 10, "b": 10}, hovermode="x unified",
                      legend={"orientation": "h", "y": -0.2}, yaxis={"rangemode": "tozero"})
    return fig


def figure_image(fig: go.Figure, fmt: str, width: int = 1400, height: int = 800) -> bytes:
    """PNG or SVG bytes of a figure through kaleido and Debian's chromium, with the bundled base maps.

    Raises:
        ValueError: for a format other than png or svg.
    """
    if fmt not in ("png", "svg"):
        raise ValueError(f"unsupported image format {fmt!r}")
    inlined = go.Figure(fig)
    for name, url in GEOJSON_URLS.items():
        inlined.update_traces(selector={"geojson": url}, geojson=_geojson(name))
    if not pio.defaults.topojson:
        pio.defaults.topojson = STATIC_TOPOJSON.as_uri() + "/"
    return figure_bytes(inlined, fmt, width, height, scale=1 if fmt == "svg" else 2)
