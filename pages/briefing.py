"""Briefing page: the situation at a glance (built in a later issue)."""

from jaring import ui

ui.require_app_frame()
ui.placeholder_page("briefing.title")
