"""Run the app under Streamlit's AppTest as a real server runs it (for the page benchmarks)."""

from __future__ import annotations

from collections.abc import Callable


def navigate_like_a_server() -> Callable[[], None]:
    """Make every AppTest run execute app.py's frame, as a real server does; returns the undo.

    A `pages/` folder makes Streamlit assume the old auto-discovered multipage mode until `st.navigation` runs
    once per process, and AppTest forgets that before every run: a page would then run alone, without app.py's
    frame (sidebar, banner, error guard). Keep the server's remembered answer (tests/conftest.py does the same
    as a fixture).
    """
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init

    def undo() -> None:
        PagesManager.__init__ = original

    return undo
