"""Streamlit glue, the only library module that imports streamlit: database access, shared frame, helpers.

Pages start with `require_app_frame()` and use `run_query`, `current_filters`, `t` (re-exported from
jaring.i18n), `show_table`, `download_csv`, `progress_reporter`, `placeholder_page`. `app.py` uses the frame
functions (`apply_language`, `ensure_database`, `sidebar`, `data_banner`, `friendly_errors`).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from jaring import db, exports, i18n, startup
from jaring import filters as flt
from jaring.formatting import format_month, platform_label
from jaring.i18n import t
from jaring.ingest import create_database, now_jakarta

__all__ = ["t", "run_query", "current_filters", "show_table", "download_csv", "progress_reporter",
           "placeholder_page", "require_app_frame", "database_path", "clear_caches"]

log = logging.getLogger(__name__)
# A local file: a Material icon as page_icon would make the browser fetch it from Google's font servers.
APP_ICON = db.PROJECT_ROOT / "static" / "jaring-icon.png"
FRAME_KEY = "app_frame_ran"  # set by app.py's frame; see require_app_frame
LANGUAGE_KEY = "sidebar_language"
FILTERS_KEY = "sidebar_filters"  # canonical Filters of the session (not a widget key)
PERIOD_EXPLICIT_KEY = "sidebar_period_explicit"
WIDGET_KEYS = {"start": "sidebar_start_month", "end": "sidebar_end_month", "platforms": "sidebar_platforms",
               "provinces": "sidebar_provinces", "countries": "sidebar_countries"}

# ---------------------------------------------------------------- database access


def database_path() -> Path:
    """The database file this app uses (`JARING_DB`, else the default path)."""
    return db.resolve_db_path()


@st.cache_resource(show_spinner=False)
def _reader_for(path: str) -> db.Reader:
    return db.Reader(path)


def _freeze(params: dict) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list | tuple) else v) for k, v in params.items()))


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_query(_reader: db.Reader, path: str, version, name: str, frozen: tuple) -> pd.DataFrame:
    # `path` and `version` are the cache key for the unhashed reader: a new file after an import means new keys.
    return _reader.query(name, **{k: list(v) if isinstance(v, tuple) else v for k, v in frozen})


def run_query(name: str, filters: flt.Filters | None = None, **params) -> pd.DataFrame:
    """Run `queries/<name>.sql`, cached until the database file changes (e.g. `jaring load` in a terminal).

    Args:
        name: the query file name without `.sql`.
        filters: global filters; only the parameters the query uses ($start, $end, $platforms...) are passed.
        **params: the query's other named parameters (they win over `filters`).
    """
    reader = _reader_for(str(database_path()))
    if filters is not None:
        wanted = db.query_parameters(name)
        params = {k: v for k, v in filters.as_params().items() if k in wanted} | params
    return _cached_query(reader, str(reader.path), reader.version, name, _freeze(params))


def clear_caches() -> None:
    """Forget cached readers and results (tests; after the app itself rewrote the database)."""
    st.cache_data.clear()
    st.cache_resource.clear()


# ---------------------------------------------------------------- first start


@st.cache_resource(show_spinner=False)
def _first_start_lock() -> threading.Lock:
    return threading.Lock()


def ensure_database() -> Path:
    """Make sure a database exists: build the demo on a first start, or create an empty configured one."""
    action, path = startup.first_start_action()
    if action == startup.OPEN:
        return path
    with _first_start_lock():  # two browser tabs on a first start must not both build the demo
        action, path = startup.first_start_action()
        if action == startup.CREATE_EMPTY:
            create_database(path)
        elif action == startup.BUILD_DEMO:
            _build_demo_or_empty(path)
    return path


def _build_demo_or_empty(path: Path) -> None:
    report, bar = progress_reporter("start.building_demo")
    try:
        build_demo(path, report)
    except Exception:
        ref = _reference()
        log.exception("building the demo database failed [%s]", ref)
        st.error(t("start.demo_failed", ref=ref))
        create_database(path)
    finally:
        bar.empty()


def build_demo(path: Path, progress: Callable[[float, str], None]) -> None:
    """Write and import the synthetic demo exports into `path`."""
    from jaring.demo import build_demo as build  # imported late: only needed on a first start

    build(path, startup.demo_out_dir(path), progress=progress)


# ---------------------------------------------------------------- frame: language, banner, errors


def apply_language() -> str:
    """Make the session's language current; on the first run of a session it comes from the URL."""
    st.session_state[FRAME_KEY] = True
    if LANGUAGE_KEY not in st.session_state:
        st.session_state[LANGUAGE_KEY] = i18n.set_language(st.query_params.get(flt.PARAM_LANGUAGE))
    return i18n.set_language(st.session_state[LANGUAGE_KEY])


def require_app_frame() -> None:
    """First line of every page: make sure the page runs inside app.py's frame (sidebar, banner, error guard).

    Because the pages live in `pages/`, Streamlit starts each server process in its old auto-discovered
    multipage mode until `st.navigation` has run once. A shared link such as /data opened as the very first
    request after a restart would run the page file alone. Leave that mode as `st.navigation` itself does,
    and rerun so app.py draws the page.
    """
    if st.session_state.get(FRAME_KEY) or st.session_state.get("app_frame_retried"):
        return
    from streamlit.runtime.pages_manager import PagesManager

    st.session_state["app_frame_retried"] = True  # never loop if Streamlit changes this behaviour
    PagesManager.uses_pages_directory = False
    st.rerun()


def data_banner() -> None:
    """Warn on every page when the database holds synthetic demo data (alone or mixed with real data)."""
    kind = startup.banner_kind(run_query("import_sources")["source"])
    if kind:
        st.warning(t(f"banner.{kind}"), icon=":material/science:")


def _reference() -> str:
    return uuid.uuid4().hex[:8].upper()


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Show an unexpected exception as a short message with a reference; the trace goes to the log.

    Streamlit's own control flow (st.stop, st.rerun, st.switch_page) derives from BaseException and passes.
    """
    try:
        yield
    except Exception:
        ref = _reference()
        log.exception("page failed [%s]", ref)
        st.error(t("error.unexpected", ref=ref), icon=":material/error:")


# ---------------------------------------------------------------- sidebar: language and global filters


def sidebar() -> flt.Filters:
    """Draw the language switch and the global filters; keep them in the URL; return the filters."""
    with st.sidebar:
        st.radio(t("language.label"), options=i18n.LANGUAGES, key=LANGUAGE_KEY, horizontal=True,
                 format_func=lambda code: t(f"language.{code}", i18n.DEFAULT_LANGUAGE))
        filters = _filter_widgets()
    _write_query_params(filters)
    return filters


def current_filters() -> flt.Filters:
    """The global filters of this run (defaults when the sidebar has not run, e.g. in a bare page test)."""
    found = st.session_state.get(FILTERS_KEY)
    return found if isinstance(found, flt.Filters) else flt.default_filters(_filter_options()[0], _today())


def _today():
    return now_jakarta().date()


def _filter_options() -> tuple[flt.FilterOptions, dict[str, dict[str, str]]]:
    """What the database offers, and display names (province code -> name, ISO2 -> name)."""
    return flt.options_from_frames(run_query("data_months"), run_query("platforms_present"),
                                   run_query("province_names"), run_query("destination_countries_present"),
                                   i18n.current_language())


def _initial_filters(options: flt.FilterOptions) -> flt.Filters:
    """The session's filters: from the URL on its first run, then as chosen (sanitised against the data)."""
    state, today = st.session_state, _today()
    if not isinstance(state.get(FILTERS_KEY), flt.Filters):
        params = {name: st.query_params.get_all(name) for name in flt.FILTER_PARAMS}
        state[PERIOD_EXPLICIT_KEY] = flt.period_explicit(params)
        return flt.parse_query_params(params, options, today)
    current = flt.parse_query_params(flt.to_query_params(state[FILTERS_KEY]), options, today)
    if not state.get(PERIOD_EXPLICIT_KEY):  # an untouched period follows the data (e.g. after an import)
        start, end = flt.default_period(options, today)
        current = flt.Filters(start, end, current.platforms, current.provinces, current.countries)
    return current


def _filter_widgets() -> flt.Filters:
    options, labels = _filter_options()
    filters = _initial_filters(options)
    state = st.session_state
    state[FILTERS_KEY] = filters
    values = {"start": flt.month_start(filters.start), "end": flt.month_start(filters.end),
              "platforms": list(filters.platforms), "provinces": list(filters.provinces),
              "countries": list(filters.countries)}
    for name, key in WIDGET_KEYS.items():
        state[key] = values[name]  # before the widget exists: the only moment the state may be set
    st.header(t("filters.header"), help=t("filters.help"))
    months = flt.month_choices(options, filters)
    callback = {"on_change": _on_filter_change, "args": (options,)}
    # Labels are bound to this run's language: Streamlit may call format_func again outside the script thread.
    month_label = partial(format_month, language=i18n.current_language())
    st.selectbox(t("filters.start_month"), months, key=WIDGET_KEYS["start"], format_func=month_label, **callback)
    st.selectbox(t("filters.end_month"), months, key=WIDGET_KEYS["end"], format_func=month_label, **callback)
    if state.pop("sidebar_period_swapped", False):
        st.caption(t("filters.swapped"))
    multiselects = (("platforms", options.platforms, partial(platform_label, language=i18n.current_language())),
                    ("provinces", options.provinces, labels["provinces"].get),
                    ("countries", options.countries, labels["countries"].get))
    for name, choices, label in multiselects:
        st.multiselect(t(f"filters.{name}"), choices, key=WIDGET_KEYS[name], format_func=label,
                       placeholder=t("filters.all"), **callback)
    st.button(t("filters.reset"), key="sidebar_reset", on_click=_reset_filters, args=(options,))
    return state[FILTERS_KEY]


def _on_filter_change(options: flt.FilterOptions) -> None:
    state = st.session_state
    previous = state.get(FILTERS_KEY)
    filters, swapped = flt.from_selection(*(state[WIDGET_KEYS[n]] for n in WIDGET_KEYS), options=options)
    if previous is None or (filters.start, filters.end) != (previous.start, previous.end):
        state[PERIOD_EXPLICIT_KEY] = True
    state["sidebar_period_swapped"] = swapped
    state[FILTERS_KEY] = filters


def _reset_filters(options: flt.FilterOptions) -> None:
    st.session_state[FILTERS_KEY] = flt.default_filters(options, _today())
    st.session_state[PERIOD_EXPLICIT_KEY] = False


def _write_query_params(filters: flt.Filters) -> None:
    """Mirror filters and language into the URL; other query parameters (a page's own) are left alone."""
    wanted = flt.to_query_params(filters) | {flt.PARAM_LANGUAGE: i18n.current_language()}
    for name in (*flt.FILTER_PARAMS, flt.PARAM_LANGUAGE):
        if name not in wanted:
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get_all(name) != [wanted[name]]:
            st.query_params[name] = wanted[name]


# ---------------------------------------------------------------- helpers for pages


def show_table(frame: pd.DataFrame, key: str | None = None, height: int | str = "auto") -> None:
    """A read-only table with column labels in the UI language. Text is shown as text, never as HTML."""
    st.dataframe(frame.rename(columns=i18n.column_labels(frame.columns)), hide_index=True, key=key,
                 height=height)


def download_csv(frame: pd.DataFrame, file_name: str, key: str) -> None:
    """A download button for `frame` as a spreadsheet-safe CSV (formulas neutralised, UTF-8 with BOM).

    The bytes are built only on click (a million-account database has ~100k networks); the columns are
    labelled here, as the click runs in another thread, without the UI language.
    """
    labelled = frame.rename(columns=i18n.column_labels(frame.columns))
    st.download_button(t("data.download_csv"), data=lambda: exports.to_csv_bytes(labelled), file_name=file_name,
                       mime="text/csv", key=key, on_click="ignore", icon=":material/download:")


def progress_reporter(text_key: str) -> tuple[Callable[..., None], object]:
    """A progress bar and a callback(fraction, message) feeding it; the message fills `{message}`/`{name}`."""
    bar = st.progress(0.0, text=t(text_key, message="", name=""))

    def report(fraction: float, message: str = "") -> None:
        bar.progress(min(max(float(fraction), 0.0), 1.0), text=t(text_key, message=message, name=message))

    return report, bar


def placeholder_page(title_key: str) -> None:
    """A page that is not built yet: its title and an honest note."""
    st.title(t(title_key))
    st.info(t("placeholder.not_built"), icon=":material/construction:")


def max_upload_mb() -> int:
    """The upload limit configured in .streamlit/config.toml (server.maxUploadSize), in MB."""
    return int(st.get_option("server.maxUploadSize"))


def escape_markdown(text: object) -> str:
    """Text that Streamlit's markdown shows literally (no links, emphasis or :directives:), for st.error etc."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in str(text))


_MARKDOWN_SPECIAL = set("\\`*_{}[]()<>#+-.!|~:$=")
