"""Regions page benchmark: first render and newly-active computation on a large database, against pandas.

`jaring bench regions --rows 1000000` builds (or reuses) a database of that many synthetic detections through
the real importer, then times on a cold reader (no caches): everything the Regions page computes for its
first render (queries, tables and figures), the newly-active computation alone, and a full Streamlit run of
the page (AppTest). The naive baseline loads the detections into pandas and answers the same questions with
groupby, as a page without SQL would. It also times a full rebuild of the region index and the gazetteer's
speed on ad texts that name regions (what an import pays per such text).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import numpy as np
import pandas as pd

from jaring import db
from jaring.bench.synthetic import build_bench_database
from jaring.filters import FilterOptions, Filters, default_filters

RENDER_TARGET_S, NEWLY_ACTIVE_TARGET_S = 1.5, 1.0


def _timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def _filters(reader: db.Reader) -> Filters:
    months = reader.query("data_months")
    last = pd.Timestamp(months.iloc[0]["last_month"]).date()
    return default_filters(FilterOptions(first_month=None, last_month=last), last)


def page_first_render(path: Path, filters: Filters) -> dict:
    """Everything the Regions page computes on its first render, on a cold reader; returns seconds per part."""
    from jaring import region_maps as maps
    from jaring import region_views as views
    from jaring import regions as reg

    reader = db.Reader(path)
    q, parts, started = reader.query, {}, time.perf_counter()
    parts["index_state"], _ = _timed(reg.index_state, q)
    parts["activity"], activity = _timed(reg.region_activity, q, filters, "detections", filters.start, filters.end)
    parts["unplaced"], _ = _timed(reg.unplaced_counts, q, filters, filters.start, filters.end)
    parts["newly_active"], found = _timed(reg.newly_active, q, filters, "detections", reg.Thresholds())
    parts["map_figure"], figure = _timed(maps.activity_map, activity, "Deteksi", found.table["code"])
    parts["map_json"], _ = _timed(figure.to_json)  # what Streamlit serialises for the browser
    parts["routes"], flows = _timed(reg.routes, q, filters, "detections", "province", filters.start, filters.end)
    parts["routes_figure"], _ = _timed(lambda: maps.routes_map(flows, "Deteksi").to_json())
    top = activity.sort_values(["value", "level", "code"], ascending=[False, True, True])["code"].iloc[0]
    parts["drill_down"], drill = _timed(reg.drill_down, q, filters, top, filters.start, filters.end)
    parts["tables"], _ = _timed(lambda: (views.activity_table(activity), views.routes_table(flows),
                                         views.newly_active_table(found.table), maps.trend_chart(drill.trend),
                                         reg.neighbours(activity, top, 50)))
    parts["total"] = time.perf_counter() - started
    return parts


def newly_active_cold(path: Path, filters: Filters) -> float:
    """Seconds for the newly-active computation alone on a fresh reader."""
    from jaring import regions as reg

    reader = db.Reader(path)
    reader.query("derived_tables_present")  # open the file first: the connection is not the computation
    seconds, _ = _timed(reg.newly_active, reader.query, filters, "detections", reg.Thresholds())
    return seconds


def apptest_render(path: Path) -> float:
    """Seconds for a whole Streamlit run of the Regions page (app frame included), through AppTest."""
    from streamlit.testing.v1 import AppTest

    from jaring.bench.apptest import navigate_like_a_server

    undo = navigate_like_a_server()
    os.environ["JARING_DB"] = str(path)
    try:
        at = AppTest.from_file(str(db.PROJECT_ROOT / "app.py"), default_timeout=300)
        at.run()  # the app frame on the default page first, as a browser session starts
        import streamlit as st

        st.cache_data.clear()  # cold caches for the page's own queries
        seconds, at = _timed(lambda: at.switch_page("pages/regions.py").run())
        if at.exception:
            raise RuntimeError(at.exception[0].value)
        return seconds
    finally:
        undo()


def naive_baseline(path: Path, filters: Filters) -> dict:
    """The same first-render numbers (counts per region now/before, newly active counts) with pandas."""
    from jaring.regions import Thresholds, previous_period, windows_ending

    reader = db.Reader(path)
    started = time.perf_counter()
    detections = reader.sql("select detection_id, account_id, detected_at, destination_country from detections")
    links = reader.sql("select detection_id, region_code from detection_regions")
    accounts = reader.sql("select account_id, platform from accounts")
    rows = links.merge(detections, on="detection_id").merge(accounts, on="account_id")
    rows["day"] = rows["detected_at"].dt.normalize()
    prepared = time.perf_counter() - started
    prev_start, prev_end = previous_period(filters.start, filters.end)
    for lo, hi in ((filters.start, filters.end), (prev_start, prev_end)):
        inside = rows.loc[rows["day"].between(pd.Timestamp(lo), pd.Timestamp(hi))]
        inside.groupby("region_code")["detection_id"].nunique()
        inside.assign(p=inside["region_code"].str[:2]).groupby("p")["detection_id"].nunique()
    render = time.perf_counter() - started
    w = windows_ending(filters.end, Thresholds())
    regencies = rows.loc[rows["region_code"].str.len() == 5]
    now = regencies.loc[regencies["day"].between(pd.Timestamp(w.window_start), pd.Timestamp(w.window_end))]
    base = regencies.loc[regencies["day"].between(pd.Timestamp(w.baseline_start), pd.Timestamp(w.baseline_end))]
    pd.DataFrame({"now": now.groupby("region_code").size(), "base": base.groupby("region_code").size(),
                  "first": regencies.groupby("region_code")["day"].min()}).fillna(0)
    newly = time.perf_counter() - started - render + prepared  # its own groupbys on the same loaded rows
    return {"prepare_s": prepared, "render_s": render, "newly_active_s": newly}


def index_rebuild(path: Path, work_dir: Path) -> float:
    """Seconds for a full rebuild of detection_regions on a copy of the database (writer included)."""
    from jaring.region_index import rebuild_detection_regions

    copy = work_dir / "regions_index_copy.duckdb"
    shutil.copyfile(path, copy)
    try:
        with db.writer(copy) as con:
            seconds, _ = _timed(rebuild_detection_regions, con, full=True, strict=True)
        return seconds
    finally:
        copy.unlink(missing_ok=True)


def mention_speed(texts: int = 20_000) -> float:
    """Microseconds per ad text that names regions (the texts the SQL prefilter passes to the gazetteer)."""
    from jaring.gazetteer import default_gazetteer

    rng = np.random.default_rng(3)
    places = ["Indramayu", "Kab. Cianjur", "Lombok Timur", "Jatim", "Kota Bandung", "Kupang", "Cilacap"]
    samples = [f"LOKER {n} dibutuhkan segera khusus wilayah {places[n % 7]} dan sekitarnya, hub 0812{n:06d}"
               for n in rng.integers(0, 10**6, texts)]
    gazetteer = default_gazetteer()
    seconds, _ = _timed(lambda: [gazetteer.mentions(s) for s in samples])
    return seconds / texts * 1e6


def run_regions_benchmark(rows: int, work_dir: Path) -> dict:
    """Build or reuse the database, time the page and the baseline, print and return the figures."""
    work_dir.mkdir(parents=True, exist_ok=True)
    path = work_dir / f"regions_{rows}.duckdb"
    existed = path.exists()
    built_s, _ = _timed(build_bench_database, path, rows)
    print(f"database: {path} ({'reused' if existed else f'built through the importer in {built_s:.1f} s'})")
    from jaring.regions import index_state

    if index_state(db.Reader(path).query) != "ok":  # built by an older version: index it as an import would
        from jaring.region_index import rebuild_database_index

        rebuild_database_index(path)
    filters = _filters(db.Reader(path))
    page_first_render(path, filters)  # warm the OS file cache and Python imports once, as a running app has
    parts = page_first_render(path, filters)
    newly = newly_active_cold(path, filters)
    apptest = apptest_render(path)
    naive = naive_baseline(path, filters)
    figures = {
        "rows": rows, "period": f"{filters.start} .. {filters.end}",
        "page_first_render_s": round(parts["total"], 3), "page_parts_s": {k: round(v, 3) for k, v in parts.items()},
        "apptest_page_run_s": round(apptest, 3), "newly_active_s": round(newly, 3),
        "naive_render_s": round(naive["render_s"], 3), "naive_newly_active_s": round(naive["newly_active_s"], 3),
        "render_ratio_naive_over_page": round(naive["render_s"] / parts["total"], 1),
        "newly_ratio_naive_over_page": round(naive["newly_active_s"] / newly, 1),
        "index_full_rebuild_s": round(index_rebuild(path, work_dir), 2),
        "gazetteer_us_per_region_text": round(mention_speed(), 1),
    }
    _print(figures)
    return figures


def _print(f: dict) -> None:
    print(f"rows                                   : {f['rows']:,} detections, period {f['period']}")
    print(f"page first render (queries + figures)  : {f['page_first_render_s']:7.3f} s   "
          f"(target < {RENDER_TARGET_S} s; pandas baseline {f['naive_render_s']:.3f} s, "
          f"{f['render_ratio_naive_over_page']}x slower)")
    print(f"  parts: {f['page_parts_s']}")
    print(f"whole page run in Streamlit (AppTest)  : {f['apptest_page_run_s']:7.3f} s")
    print(f"newly-active computation               : {f['newly_active_s']:7.3f} s   "
          f"(target < {NEWLY_ACTIVE_TARGET_S} s; pandas baseline {f['naive_newly_active_s']:.3f} s, "
          f"{f['newly_ratio_naive_over_page']}x slower)")
    print(f"full region-index rebuild              : {f['index_full_rebuild_s']:7.2f} s")
    print(f"gazetteer on ad texts naming regions   : {f['gazetteer_us_per_region_text']:7.1f} us per text")
    print(json.dumps(f))

