"""Run the app under Streamlit's AppTest as a real server runs it (the page benchmarks and tests)."""

from __future__ import annotations

from collections.abc import Callable


def server_like_init(original: Callable) -> Callable:
    """PagesManager.__init__ that makes every AppTest run execute app.py's frame, as a real server does.

    A `pages/` folder makes Streamlit assume the old auto-discovered multipage mode until `st.navigation` runs
    once per process, and AppTest forgets that before every run: a page would then run alone, without app.py's
    frame (sidebar, banner, error guard). Keep the server's remembered answer.
    """
    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        type(self).uses_pages_directory = False

    return init


def navigate_like_a_server() -> Callable[[], None]:
    """Install server_like_init on Streamlit's PagesManager; returns the undo. Streamlit is imported only here."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__
    PagesManager.__init__ = server_like_init(original)

    def undo() -> None:
        PagesManager.__init__ = original

    return undo
