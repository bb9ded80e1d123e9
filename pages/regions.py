"""Regions page: targeted and origin regions on the map (built in a later issue)."""

from jaring import ui

ui.require_app_frame()
ui.placeholder_page("regions.title")
