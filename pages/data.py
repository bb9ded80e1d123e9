"""Data page: upload exports, and see what was imported, rejected or not understood."""

import streamlit as st

from jaring import db, ui, uploads
from jaring.formatting import format_number
from jaring.i18n import t

REJECTS_LIMIT = 50_000
RESULTS_KEY = "data_last_results"
ROUND_KEY = "data_upload_round"  # a new uploader key after each import empties the uploader


def import_uploaded(files) -> None:
    """Import the uploaded files with a progress bar, keep the results and rerun so every part refreshes."""
    report, bar = ui.progress_reporter("data.importing")
    try:
        results = uploads.import_uploads(ui.database_path(), [(f.name, f) for f in files], progress=report)
    except db.WriterBusy:
        st.error(t("data.writer_busy"))
        return
    finally:
        bar.empty()
    st.session_state[RESULTS_KEY] = results
    st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
    st.rerun()


def totals_section() -> None:
    totals = ui.run_query("filtered_totals", filters=ui.current_filters()).iloc[0]
    st.caption(t("data.in_filters"))
    for column, name in zip(st.columns(4), ("detections", "accounts", "cases", "victims"), strict=True):
        column.metric(t(f"metric.{name}"), format_number(totals[name]))


def upload_section() -> None:
    st.subheader(t("data.upload_header"))
    files = st.file_uploader(t("data.upload_label"), type=list(uploads.UPLOAD_TYPES), accept_multiple_files=True,
                             key=f"data_upload_{st.session_state.get(ROUND_KEY, 0)}")
    st.caption(t("data.upload_limit", mb=ui.max_upload_mb()))
    if st.button(t("data.import_button"), key="data_import", type="primary", disabled=not files):
        import_uploaded(files)
    results = st.session_state.get(RESULTS_KEY)
    if results:
        counts = uploads.count_by_status(results)
        (st.success if counts["failed"] == 0 else st.warning)(t("data.import_done", **counts))
        for result in results:
            if result.status == "failed":
                st.error(t("data.file_failed", name=ui.escape_markdown(result.file_name),
                           message=ui.escape_markdown(result.message)))
        ui.show_table(uploads.results_frame(results), key="data_results_table")


def demo_section() -> None:
    if "demo" in set(ui.run_query("import_sources")["source"]):
        return
    st.subheader(t("data.demo_header"))
    st.caption(t("data.demo_explain"))
    if st.button(t("data.demo_button"), key="data_load_demo"):
        report, bar = ui.progress_reporter("data.demo_loading")
        ui.build_demo(ui.database_path(), report)
        bar.empty()
        st.rerun()


def history_section() -> None:
    st.subheader(t("data.history_header"))
    history = ui.run_query("recent_imports", limit=200)
    if history.empty:
        st.caption(t("data.empty"))
        return
    ui.show_table(uploads.with_value_labels(history), key="data_history_table")


def rejects_section() -> None:
    st.subheader(t("data.rejects_header"))
    imports = ui.run_query("imports_with_rejects")
    if imports.empty:
        st.caption(t("data.empty"))
        return
    names = dict(zip(imports["import_id"].astype(int), imports["file_name"], strict=True))
    left, right = st.columns(2)
    chosen = left.selectbox(
        t("data.rejects_import"), [None, *names], key="data_rejects_import",
        format_func=lambda i: t("data.all_imports") if i is None else t("data.import_option", import_id=i,
                                                                         file_name=names[i]))
    reason = right.text_input(t("data.rejects_reason"), key="data_rejects_reason")
    rows = ui.run_query("rejected_rows", import_id=chosen, reason=reason.strip(), limit=REJECTS_LIMIT)
    if rows.empty:
        st.caption(t("data.empty"))
        return
    if int(rows["total"].iloc[0]) > len(rows):
        st.caption(t("data.rejects_truncated", shown=len(rows), total=int(rows["total"].iloc[0])))
    rows = rows.drop(columns="total")
    ui.show_table(rows, key="data_rejects_table")
    ui.download_csv(rows, "jaring_rejected_rows.csv", key="data_rejects_download")


def problem_texts_section(query: str, header_key: str, explain_key: str, name: str) -> None:
    st.subheader(t(header_key))
    st.caption(t(explain_key))
    texts = ui.run_query(query)
    if texts.empty:
        st.caption(t("data.empty"))
        return
    texts = uploads.with_value_labels(texts)
    ui.show_table(texts, key=f"data_{name}_table")
    ui.download_csv(texts, f"jaring_{name}.csv", key=f"data_{name}_download")


def reference_section() -> None:
    with st.expander(t("data.schema_header")):
        st.caption(t("data.database_path"))
        st.code(str(ui.database_path()), language=None)
        ui.show_table(ui.run_query("table_row_counts"), key="data_counts_table")
        ui.show_table(ui.run_query("database_columns"), key="data_schema_table")
    with st.expander(t("data.aliases_header")):
        st.caption(t("data.aliases_explain"))
        ui.show_table(uploads.alias_frame(), key="data_aliases_table")


ui.require_app_frame()
st.title(t("data.title"))
st.caption(t("data.intro"))
totals_section()
upload_section()
demo_section()
history_section()
rejects_section()
problem_texts_section("unresolved_region_texts", "data.unresolved_header", "data.unresolved_explain", "unresolved")
problem_texts_section("identifier_problem_texts", "data.identifiers_header", "data.identifiers_explain",
                      "identifier_problems")
reference_section()
