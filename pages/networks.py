"""Networks page: recruiter networks linked by shared identifiers, search, dossier, takedowns, recidivism."""

import streamlit as st

from jaring import db, derived_tables, networks, ui
from jaring import network_page as npg
from jaring.formatting import platform_label
from jaring.i18n import t

SECTIONS = ("table", "search", "dossier", "takedown", "recidivism", "hubs")


@st.cache_data(show_spinner=False, max_entries=16)
def drawing(path: str, version, network_id: int, language: str) -> npg.Drawing:
    """The network drawn and analysed; cached per database file version, network and language."""
    return npg.draw_network(ui.run_query, network_id)


def table_or_empty(frame, key: str) -> None:
    """A labelled table, or a short "nothing yet" line."""
    if len(frame):
        ui.show_table(npg.labelled(frame), key=key)
    else:
        st.caption(t("data.empty"))


def write_and_rerun(action) -> None:
    """Run `action(con)` on the writer (compute networks, hub settings) and show the new state."""
    try:
        with db.writer(ui.database_path()) as con:
            action(con)
    except db.WriterBusy:
        st.error(t("networks.writer_busy"))
        return
    st.rerun()


def open_dossier(account_id: int) -> None:
    """Switch to the dossier of an account picked in the network view (a callback: runs before the widgets)."""
    st.session_state["networks_section"], st.session_state["networks_account"] = "dossier", account_id


def network_section(filters) -> None:
    min_accounts = st.number_input(t("networks.min_accounts"), 1, 1000, 2, key="networks_min_accounts")
    table = npg.network_table(ui.run_query, filters, int(min_accounts))
    st.caption(t("networks.priority_formula"))
    if table.empty:
        st.info(t("networks.none_in_view"))
        return
    ui.show_table(npg.labelled(table.head(npg.TABLE_ROWS)), key="networks_table")
    if len(table) > npg.TABLE_ROWS:
        st.caption(t("networks.table_truncated", shown=npg.TABLE_ROWS, total=len(table)))
    ui.download_csv(npg.labelled(table), "jaring_networks.csv", key="networks_table_download")
    wanted = st.query_params.get("network", str(int(table["network_id"].iloc[0])))
    chosen = st.number_input(t("networks.network_id"), 1, value=npg.as_int(wanted, 1), key="networks_network_id")
    st.query_params["network"] = str(int(chosen))
    network_view(int(chosen))


def network_view(requested: int) -> None:
    found = ui.run_query("network_lookup", network_id=requested)
    if found.empty:
        st.warning(t("networks.unknown_network", network_id=requested))
        return
    network_id, note = npg.lookup_note(found.iloc[0])
    if note:
        st.info(note)
    st.subheader(t("networks.view_header", network_id=network_id))
    result = drawing(str(ui.database_path()), db.file_version(ui.database_path()), network_id, npg.language())
    if result.nodes.empty:
        st.caption(t("networks.network_empty"))
        return
    if result.truncated:
        st.warning(t("networks.drawn_top", drawn=result.drawn, total=result.total))
    graph_column, detail_column = st.columns([3, 2])
    with graph_column:
        st.iframe(result.html, height=result.height)
    with detail_column:
        node = st.selectbox(t("networks.node_picker"), result.picker, format_func=result.picker_labels.get,
                            key=f"networks_node_{network_id}", help=t("networks.node_picker_help"))
        if result.estimated:
            st.caption(t("networks.betweenness_estimated"))
        ui.show_table(npg.labelled(result.details(node)), key="networks_node_details")
        if node.startswith("a"):
            st.button(t("networks.open_dossier"), key="networks_open_dossier", on_click=open_dossier,
                      args=(int(node[1:]),))
    st.plotly_chart(result.timeline, key="networks_timeline", config={"displaylogo": False})
    with st.expander(t("networks.members_header", total=result.total)):
        ui.show_table(npg.labelled(result.members), key="networks_members_table")
    exports_row(result, network_id)


def exports_row(result: npg.Drawing, network_id: int) -> None:
    columns = st.columns(4)
    for column, (kind, data, mime) in zip(columns, result.exports(), strict=True):
        column.download_button(t(f"networks.export_{kind}"), data=data, mime=mime, on_click="ignore",
                               file_name=f"jaring_network_{network_id}.{npg.EXPORT_SUFFIX[kind]}",
                               key=f"networks_export_{kind}")


def search_section() -> None:
    text = st.text_input(t("networks.search_label"), key="networks_search", placeholder=t("networks.search_hint"))
    if not text.strip():
        return
    found = npg.search(ui.run_query, text)
    if found is None:
        st.warning(t("networks.search_unknown"))
        return
    st.caption(t("networks.search_normalised", kind=found.kind_label, value=ui.escape_markdown(found.value)))
    for key, frame in found.tables():
        st.subheader(t(f"networks.search_{key}"))
        table_or_empty(frame, f"networks_search_{key}")


def dossier_section() -> None:
    text = st.text_input(t("networks.dossier_search"), key="networks_dossier_search")
    matches = ui.run_query("accounts_matching", text=text.strip().lstrip("@"), limit=50)
    options = npg.account_options(matches, st.session_state.get("networks_account"), ui.run_query)
    if not options:
        st.caption(t("networks.dossier_hint"))
        return
    account_id = st.selectbox(t("networks.dossier_account"), list(options), format_func=options.get,
                              key="networks_dossier_pick")
    for key, frame in npg.dossier(ui.run_query, account_id):
        st.subheader(t(f"networks.dossier_{key}"))
        table_or_empty(frame, f"networks_dossier_{key}")


def takedown_section(filters) -> None:
    st.caption(t("networks.takedown_explain"))
    candidates, top = npg.takedown(ui.run_query, filters)
    if candidates.empty:
        st.info(t("networks.takedown_none"))
        return
    ui.show_table(npg.labelled(top), key="networks_takedown_table")
    if len(candidates) > len(top):
        st.caption(t("networks.table_truncated", shown=len(top), total=len(candidates)))
    platform = st.selectbox(t("networks.takedown_platform"), npg.platforms_of(candidates),
                            key="networks_takedown_pf", format_func=platform_label,
                            help=t("networks.takedown_package_help", rows=npg.PACKAGE_ROWS))
    build = npg.package_builder(ui.database_path(), candidates, platform)
    for column, (suffix, mime) in zip(st.columns(2), (("csv", "text/csv"), ("json", "application/json")),
                                      strict=True):
        column.download_button(t(f"networks.takedown_{suffix}"), data=lambda s=suffix: build(s), mime=mime,
                               on_click="ignore", file_name=f"jaring_takedown_{platform}.{suffix}",
                               key=f"networks_takedown_{suffix}")


def recidivism_section(filters) -> None:
    st.caption(t("networks.recidivism_explain"))
    frame, summary = npg.recidivism(ui.run_query, filters)
    for column, (key, value) in zip(st.columns(len(summary)), summary.items(), strict=True):
        column.metric(t(f"networks.recidivism_{key}"), value)
    if len(frame):
        ui.show_table(npg.labelled(frame.head(npg.TABLE_ROWS)), key="networks_recidivism_table")
        ui.download_csv(npg.labelled(frame), "jaring_recidivism.csv", key="networks_recidivism_download")


def hubs_section() -> None:
    st.caption(t("networks.hubs_explain"))
    hubs, limit = npg.hub_state(ui.run_query)
    table_or_empty(hubs, "networks_hubs_table")
    new_limit = st.number_input(t("networks.hub_limit"), 2, 100_000, limit, key="networks_hub_limit")
    choices = npg.hub_choices(hubs)
    include = st.multiselect(t("networks.hub_include"), list(choices), default=npg.included(hubs),
                             format_func=choices.get, key="networks_hub_include")
    exclude_text = st.text_area(t("networks.hub_exclude"), value=npg.excluded_text(hubs), key="networks_hub_exclude")
    if st.button(t("networks.hub_apply"), key="networks_hub_apply", type="primary"):
        exclude, unreadable = npg.parse_identifiers(exclude_text)
        if unreadable:  # nothing is saved until every line is an identifier
            st.warning(t("networks.hub_unreadable", texts=ui.escape_markdown("; ".join(unreadable))))
            return
        write_and_rerun(lambda con: networks.save_hub_settings(
            con, hub_limit=int(new_limit), include=include, exclude=exclude))


ui.require_app_frame()
st.title(t("networks.title"))
if not derived_tables.networks_available(ui.run_query):
    counts = ui.run_query("table_row_counts").set_index("table_name")["row_count"]
    st.info(t("networks.not_computed" if counts["accounts"] else "networks.no_data"))
    if counts["accounts"] and st.button(t("networks.compute"), key="networks_compute"):
        write_and_rerun(networks.rebuild_networks)
else:
    current = ui.current_filters()
    section = st.segmented_control(t("networks.section"), SECTIONS, default="table", key="networks_section",
                                   format_func=lambda s: t(f"networks.section_{s}")) or "table"
    {"table": lambda: network_section(current), "search": search_section, "dossier": dossier_section,
     "takedown": lambda: takedown_section(current), "recidivism": lambda: recidivism_section(current),
     "hubs": hubs_section}[section]()
