"""Regions page: where recruitment hits (offline map), newly active regencies, routes, drill-down, geocoding."""

import streamlit as st

from jaring import geocoding, ui
from jaring import region_maps as maps
from jaring import region_views as views
from jaring import regions as reg
from jaring.filters import month_end, month_range, month_start
from jaring.formatting import format_date, format_month, format_number
from jaring.i18n import current_language, t
from jaring.region_index import rebuild_database_index

ui.require_app_frame()
lang, filters, q = current_language(), ui.current_filters(), ui.run_query
st.title(t("regions.title"))
st.caption(t("regions.intro"))

state = reg.index_state(q)
if state != "ok":
    st.warning(t(f"regions.index_{state}"))
    if st.button(t("regions.index_rebuild"), key="regions_rebuild_index"):
        with st.spinner(t("regions.index_rebuild")):
            built = rebuild_database_index(ui.database_path())
        if built is None:
            st.error(t("regions.index_failed"))
        else:
            st.rerun()
    if state == "missing":
        st.stop()

left, middle, right = st.columns([3, 4, 2])
signal = left.radio(t("regions.signal"), reg.SIGNALS, format_func=lambda s: t(f"regions.signal_{s}"),
                    horizontal=True, key="regions_signal", help=t("regions.signal_help"))
months = month_range(filters.start, filters.end)
first, last = months[0], months[-1]
if len(months) > 1:
    first, last = middle.select_slider(t("regions.period"), months, value=(first, last), format_func=format_month,
                                       key="regions_period")
start, end = month_start(first), month_end(last)
bubbles = right.toggle(t("regions.bubbles"), value=True, key="regions_bubbles")
prev_start, prev_end = reg.previous_period(start, end)
st.caption(t("regions.period_caption", start=format_date(start), end=format_date(end),
             prev_start=format_date(prev_start), prev_end=format_date(prev_end)))

activity = reg.region_activity(q, filters, signal, start, end)
st.caption(views.unplaced_caption(reg.unplaced_counts(q, filters, start, end), lang))
if filters.platforms and signal != "detections":
    st.caption(t("regions.cases_platform_note"))
map_box = st.container()

st.subheader(t("regions.new_header"))
with st.expander(t("regions.new_settings")):
    c1, c2, c3, c4, c5 = st.columns(5)
    thresholds = reg.Thresholds(
        window_months=c1.number_input(t("regions.new_window"), 1, 12, 2, key="regions_window"),
        baseline_months=c2.number_input(t("regions.new_baseline"), 1, 36, 12, key="regions_baseline"),
        min_count=c3.number_input(t("regions.new_min_count"), 1, 1000, 3, key="regions_min_count"),
        alpha=c4.select_slider(t("regions.new_alpha"), [0.05, 0.01, 0.001, 0.0001], 0.01, key="regions_alpha"),
        min_ratio=c5.number_input(t("regions.new_min_ratio"), 1.0, 20.0, 2.0, 0.5, key="regions_min_ratio"))
    st.markdown(t("regions.new_method", min_count=thresholds.min_count, min_ratio=thresholds.min_ratio,
                  alpha=thresholds.alpha))
found = reg.newly_active(q, filters, signal, thresholds, language=lang, end=end)
w = found.windows
st.caption(t("regions.new_caption", window_start=format_date(w.window_start), window_end=format_date(w.window_end),
             baseline_start=format_date(w.baseline_start), baseline_end=format_date(w.baseline_end)))
if found.table.empty:
    st.info(t("regions.new_none"))
else:
    new_table = views.newly_active_table(found.table, lang)
    ui.show_table(new_table, key="regions_new_table")
    ui.download_csv(new_table, "wilayah_baru_aktif.csv", key="regions_new_csv")

with map_box:
    figure = maps.activity_map(activity, t(f"regions.signal_{signal}"), found.table["code"], bubbles, lang)
    st.plotly_chart(figure, config=maps.PLOTLY_CONFIG, key="regions_map")
    e1, e2, e3 = st.columns(3)
    with e1:
        ui.download_csv(views.activity_table(activity, lang), "wilayah_peta.csv", key="regions_map_csv")
    for column, fmt in ((e2, "png"), (e3, "svg")):
        column.download_button(t(f"regions.export_{fmt}"), data=lambda fmt=fmt: maps.figure_image(figure, fmt),
                               file_name=f"peta_wilayah.{fmt}", mime=f"image/{'svg+xml' if fmt == 'svg' else fmt}",
                               key=f"regions_map_{fmt}", on_click="ignore", icon=":material/image:")


@st.fragment
def routes_section() -> None:
    """Origin -> destination flows: map, table, exports."""
    st.subheader(t("regions.routes_header"))
    level = st.radio(t("regions.routes_level"), reg.ROUTE_LEVELS, horizontal=True, key="regions_route_level",
                     format_func=lambda v: t(f"regions.routes_level_{v}"))
    flows = reg.routes(q, filters, signal, level, start, end)
    if flows.empty:
        st.info(t("regions.routes_none"))
        return
    flow_map = maps.routes_map(flows, t(f"regions.signal_{signal}"), language=lang)
    st.plotly_chart(flow_map, config=maps.PLOTLY_CONFIG, key="regions_routes_map")
    table = views.routes_table(flows, lang)
    ui.show_table(table, key="regions_routes_table")
    r1, r2 = st.columns(2)
    with r1:
        ui.download_csv(table, "rute_wilayah.csv", key="regions_routes_csv")
    r2.download_button(t("regions.export_png"), data=lambda: maps.figure_image(flow_map, "png"),
                       file_name="rute_wilayah.png", mime="image/png", key="regions_routes_png", on_click="ignore",
                       icon=":material/image:")


@st.fragment
def drill_section() -> None:
    """One region: trend, case types, destinations, accounts, networks, neighbours."""
    st.subheader(t("regions.drill_header"))
    ranked = activity.sort_values(["value", "level", "code"], ascending=[False, True, True])
    names = dict(zip(ranked["code"], ranked["name"], strict=True))
    d1, d2 = st.columns([3, 2])
    code = d1.selectbox(t("regions.drill_region"), list(names), format_func=lambda c: f"{names[c]} ({c})",
                        key="regions_drill_region")
    km = d2.slider(t("regions.drill_distance"), 5, 300, 50, 5, key="regions_drill_km")
    drill = reg.drill_down(q, filters, code, start, end)
    st.markdown(f"**{t('regions.drill_trend')}**")
    st.plotly_chart(maps.trend_chart(drill.trend, lang), key="regions_drill_trend")
    a, b = st.columns(2)
    a.markdown(f"**{t('regions.drill_case_types')}**")
    with a:
        ui.show_table(views.case_types_table(drill.case_types, lang), key="regions_drill_case_types")
    b.markdown(f"**{t('regions.drill_destinations')}**")
    with b:
        ui.show_table(views.destinations_table(drill.destinations, lang), key="regions_drill_destinations")
    st.markdown(f"**{t('regions.drill_accounts')}**")
    ui.show_table(views.accounts_table(drill.accounts, lang), key="regions_drill_accounts")
    st.markdown(f"**{t('regions.drill_networks')}**")
    if drill.networks is None:
        st.caption(t("regions.networks_not_available"))
    else:
        ui.show_table(views.networks_table(drill.networks, lang), key="regions_drill_networks")
    st.markdown(f"**{t('regions.drill_neighbours')}**")
    ui.show_table(views.neighbours_table(reg.neighbours(activity, code, km), lang), key="regions_drill_neighbours")


def geocoding_settings() -> None:
    """Optional online geocoding of unresolved region texts: off unless switched on; results need acceptance."""
    with st.expander(t("regions.geo_header")):
        st.caption(t("regions.geo_explain"))
        if not st.toggle(t("regions.geo_enable"), value=False, key="regions_geo_enable"):
            return
        settings = geocoding.GeocoderSettings(
            user_agent=st.text_input(t("regions.geo_user_agent"), geocoding.DEFAULT_USER_AGENT, key="regions_geo_ua"),
            domain=st.text_input(t("regions.geo_domain"), geocoding.DEFAULT_DOMAIN, key="regions_geo_domain"))
        todo = geocoding.candidates(q)
        st.caption(t("regions.geo_candidates", count=format_number(todo["total"].iloc[0] if len(todo) else 0)))
        if len(todo) and st.button(t("regions.geo_run", count=len(todo)), key="regions_geo_run"):
            report, bar = ui.progress_reporter("regions.geo_progress")
            outcome = geocoding.geocode_texts(todo["query"], settings, progress=report)
            geocoding.store_results(ui.database_path(), outcome.results)
            bar.empty()
            st.success(t("regions.geo_done", found=outcome.found, missing=outcome.missing, failed=len(outcome.failed)))
        waiting = geocoding.results(q)
        st.markdown(f"**{t('regions.geo_pending')}**")
        if waiting.empty:
            st.caption(t("regions.geo_none"))
            return
        table = views.geocode_table(waiting, lang)
        edited = st.data_editor(table, hide_index=True, key="regions_geo_editor", disabled=list(table.columns[1:]))
        chosen = waiting.loc[edited.iloc[:, 0].to_numpy(bool), "query"].tolist()
        if st.button(t("regions.geo_accept"), key="regions_geo_accept", disabled=not chosen):
            st.success(t("regions.geo_accepted", count=geocoding.accept_results(ui.database_path(), chosen)))


routes_section()
drill_section()
geocoding_settings()
