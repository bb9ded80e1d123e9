"""Networks page: recruiter networks linked by shared identifiers (built in a later issue)."""

from jaring import ui

ui.require_app_frame()
ui.placeholder_page("networks.title")
