"""Briefing page: blocks per month, takedown speed, backlog, cases, KPI cards and the monthly briefing download."""

import logging
import tempfile
import uuid

import streamlit as st

from jaring import briefing as br
from jaring import briefing_charts as charts
from jaring import briefing_export as bx
from jaring import briefing_text as words
from jaring import ui
from jaring.briefing_tables import column_labels
from jaring.formatting import format_datetime, format_month
from jaring.i18n import current_language, t

EXPORT_KEY = "briefing_export_zip"
INVERSE = {"median_days", "backlog"}  # figures where a rise is bad news


def kpi_cards(b: br.Briefing) -> None:
    st.caption(t("briefing.kpi.help", month=format_month(b.month)))
    for column, kpi in zip(st.columns(len(b.kpis)), b.kpis, strict=True):
        previous, year_ago = words.kpi_changes(b, kpi)
        color = "off" if not previous or previous.startswith("±") else "inverse" if kpi.key in INVERSE else "normal"
        column.metric(t(f"briefing.kpi.{kpi.key}"), words.format_value(kpi.value, kpi.unit), delta=previous,
                      delta_color=color)
        if kpi.value is None:
            column.caption(t("briefing.kpi.networks_unavailable"))
        elif year_ago:
            column.caption(year_ago)


def show(fig, key: str) -> None:
    st.plotly_chart(fig, width="stretch", key=key, config={"displaylogo": False})


@st.fragment  # its own widgets redraw this section only, not the whole briefing
def blocked_section(b: br.Briefing, said: dict, subtitle: str) -> None:
    st.subheader(t("briefing.section.blocked"))
    st.markdown(said["blocked"])
    show(charts.blocked_chart(b, subtitle), "briefing_blocked_chart")
    if st.toggle(t("briefing.show_funnel"), key="briefing_show_funnel"):
        show(charts.funnel_chart(b, subtitle), "briefing_funnel_chart")


@st.fragment  # its own widgets redraw this section only, not the whole briefing
def speed_section(b: br.Briefing, said: dict, subtitle: str) -> None:
    st.subheader(t("briefing.section.speed"))
    st.markdown(said["speed"])
    basis = st.segmented_control(t("briefing.basis_picker"), br.BASES, default=br.BASES[0],
                                 format_func=lambda v: t(f"briefing.basis.{v}"), key="briefing_basis")
    show(charts.speed_chart(b, basis or br.BASES[0], subtitle), "briefing_speed_chart")
    show(charts.durations_chart(b, subtitle), "briefing_durations_chart")
    st.markdown(said["survival"])
    show(charts.survival_chart(b, subtitle), "briefing_survival_chart")


def backlog_section(b: br.Briefing, said: dict, subtitle: str) -> None:
    st.subheader(t("briefing.section.backlog"))
    st.markdown(said["backlog"])
    show(charts.backlog_chart(b, subtitle), "briefing_backlog_chart")
    st.markdown(f"**{t('briefing.oldest_header')}**")
    if b.oldest_as_of is not None:
        st.caption(t("briefing.oldest_caption", as_of=format_datetime(b.oldest_as_of)))
    table = b.oldest.assign(platform=b.oldest["platform"].map(words.platform_name))
    labels = column_labels(table.columns)
    st.dataframe(table.rename(columns=labels), hide_index=True, key="briefing_oldest_table",
                 column_config={labels["url"]: st.column_config.LinkColumn(labels["url"])})


def cases_section(b: br.Briefing, said: dict, subtitle: str, countries: dict) -> None:
    st.subheader(t("briefing.section.cases"))
    st.markdown(said["cases"])
    show(charts.cases_chart(b, subtitle), "briefing_cases_chart")
    show(charts.destinations_chart(b, countries, subtitle), "briefing_destinations_chart")


@st.fragment  # its own widgets redraw this section only, not the whole briefing
def export_section(b: br.Briefing, labels: bx.ExportLabels) -> None:
    st.subheader(t("briefing.export_header"))
    st.caption(t("briefing.export_explain"))
    if st.button(t("briefing.export_button", month=format_month(b.month)), key="briefing_export"):
        with st.spinner(t("briefing.exporting")), tempfile.TemporaryDirectory() as folder:
            try:
                st.session_state[EXPORT_KEY] = (b.month, bx.zip_export(bx.export_briefing(b, folder, labels)))
            except Exception:
                ref = uuid.uuid4().hex[:8].upper()
                logging.getLogger(__name__).exception("briefing export failed [%s]", ref)
                st.error(t("briefing.export_failed", ref=ref))
    done = st.session_state.get(EXPORT_KEY)
    if done and done[0] == b.month:
        st.download_button(t("briefing.export_download"), data=done[1], file_name=f"briefing_{b.month:%Y-%m}.zip",
                           mime="application/zip", key="briefing_download", on_click="ignore", icon="⬇️")


ui.require_app_frame()
st.title(t("briefing.title"))
st.caption(t("briefing.intro"))
filters = ui.current_filters()
months = br.period_months(filters)
month = st.selectbox(t("briefing.month_picker"), months, index=len(months) - 1, format_func=format_month,
                     key="briefing_month")
briefing = br.load_briefing(ui.run_query, filters, month)
export_labels = bx.export_labels(ui.run_query, current_language())
subtitle = bx.subtitle(briefing, export_labels)
said = words.sentences(briefing)
kpi_cards(briefing)
blocked_section(briefing, said, subtitle)
speed_section(briefing, said, subtitle)
backlog_section(briefing, said, subtitle)
cases_section(briefing, said, subtitle, export_labels.country_names)
with st.expander(t("briefing.definitions")):
    st.markdown(t("briefing.definitions_text"))
export_section(briefing, export_labels)
