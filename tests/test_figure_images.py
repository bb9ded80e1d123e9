"""One kaleido browser for the whole process: the briefing export and the Regions downloads share it."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor

import kaleido
import plotly.graph_objects as go
import pytest

from jaring import figure_images
from jaring.briefing_export import render_images


@pytest.fixture(autouse=True)
def _chromium():
    if not shutil.which("chromium"):
        pytest.fail("Debian chromium is needed for the chart export (apt-get install chromium)")


def _titled(title: str) -> go.Figure:
    return go.Figure(go.Bar(x=[1, 2], y=[3, 4]), layout={"title": {"text": title}})


def test_a_briefing_export_leaves_the_shared_browser_running(tmp_path):
    written = render_images({"one": _titled("one")}, tmp_path)
    assert written["one"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in written["one.svg"].read_bytes()[:500]
    assert kaleido._global_server.is_running()  # a later Regions image does not pay a ~4 s browser start


def test_concurrent_renders_each_get_their_own_image():
    titles = [f"chart-{i}" for i in range(6)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        svgs = list(pool.map(lambda title: figure_images.figure_bytes(_titled(title), "svg", 400, 300), titles))
    for title, svg in zip(titles, svgs, strict=True):
        assert title.encode() in svg and all(other.encode() not in svg for other in titles if other != title)


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unsupported image format"):
        figure_images.figure_bytes(_titled("x"), "jpeg", 10, 10)
