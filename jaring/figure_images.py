"""Static images of plotly figures through kaleido's one headless browser, shared by every export in the process."""

from __future__ import annotations

import threading
import warnings

import plotly.graph_objects as go

# kaleido's sync server is a process-wide singleton with one shared result queue: two renders at once (two
# analysts, or a briefing export next to a Regions download) would receive each other's images. One image at a
# time, and nobody but this module starts the browser; it stays up for the life of the process (a start costs
# ~4 s, an image from the running browser ~0.3-0.5 s).
_LOCK = threading.Lock()
FORMATS = ("png", "svg")


def figure_bytes(fig: go.Figure, fmt: str, width: int, height: int, scale: float = 1) -> bytes:
    """PNG or SVG bytes of `fig`, drawn by the shared kaleido browser (started on first use, never stopped here).

    Raises:
        ValueError: for a format other than png or svg.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unsupported image format {fmt!r}")
    import kaleido  # late: only exports need it

    with _LOCK, warnings.catch_warnings():
        # "kopts is ignored if using a server": expected with the shared server
        warnings.simplefilter("ignore", UserWarning)
        kaleido.start_sync_server(silence_warnings=True)  # a no-op while it runs; restarts it if someone stopped it
        return fig.to_image(format=fmt, width=width, height=height, scale=scale)
