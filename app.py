"""Jaring: the analyst dashboard. Router and shared frame only; everything else lives in jaring/."""

import streamlit as st

from jaring import ui
from jaring.i18n import t

st.set_page_config(page_title=t("app.name"), page_icon=str(ui.APP_ICON), layout="wide")
ui.apply_language()
page = st.navigation([
    st.Page("pages/briefing.py", title=t("nav.briefing"), icon=":material/summarize:", default=True),
    st.Page("pages/networks.py", title=t("nav.networks"), icon=":material/hub:"),
    st.Page("pages/regions.py", title=t("nav.regions"), icon=":material/map:"),
    st.Page("pages/data.py", title=t("nav.data"), icon=":material/database:"),
])
with ui.friendly_errors():
    ui.ensure_database()
    ui.sidebar()
    ui.data_banner()
    page.run()
