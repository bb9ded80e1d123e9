"""Networks page in a real headless Chromium: criminal-written names never run as HTML, the graph loads offline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser_support import chromium_or_skip, chromium_page, exception_texts, streamlit_server, wait_for_app
from networks_support import build

from jaring.i18n import CATALOG

pytestmark = pytest.mark.browser
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = '"><script>alert(1)</script>'
LINK = 'Loker <a href="http://phish.example">KLIK</a>'


@pytest.fixture(scope="module")
def network_database(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("browser_networks")
    return build("second", folder)


def graph_frame(page):
    """The frame of the pyvis drawing, once vis-network has drawn its canvas."""
    page.frame_locator("iframe").locator("canvas").first.wait_for(timeout=60_000)
    return next(f for f in page.frames if f.evaluate("() => typeof network !== 'undefined'"))


def hover_node(page, frame, node: str) -> None:
    """Move the mouse over a node of the drawing (vis-network shows its title as a tooltip)."""
    x, y = frame.evaluate(f"() => {{ const p = network.canvasToDOM(network.getPositions(['{node}'])['{node}']);"
                          f" return [p.x, p.y]; }}")
    page.locator("iframe").first.scroll_into_view_if_needed()
    box = page.locator("iframe").first.bounding_box()
    rect = frame.evaluate("() => { const r = document.getElementById('mynetwork').getBoundingClientRect();"
                          " return [r.left, r.top]; }")
    page.mouse.move(box["x"] + rect[0] + x - 30, box["y"] + rect[1] + y - 30)
    page.mouse.move(box["x"] + rect[0] + x, box["y"] + rect[1] + y, steps=5)
    page.wait_for_timeout(800)


def test_hostile_names_stay_text_in_the_graph_and_the_page(network_database, tmp_path):
    chromium = chromium_or_skip()
    database = tmp_path / "browser.duckdb"
    shutil.copyfile(network_database, database)
    requests: list[str] = []
    with streamlit_server(database) as url, chromium_page(chromium) as page:
        page.on("request", lambda request: requests.append(request.url))
        page.goto(f"{url}/networks?network=3&from=2025-01&to=2025-04")
        wait_for_app(page)
        frame = graph_frame(page)
        frame.evaluate("() => alert('probe')")  # control: a dialog from inside the drawing is caught
        assert page.dialogs == ["probe"]
        page.dialogs.clear()
        # the data reached vis-network as literal strings
        assert IMG in frame.evaluate("() => nodes.get('a5').title")
        assert SCRIPT in frame.evaluate("() => nodes.get('a6').title")
        assert frame.evaluate("() => nodes.get('a7').label") == "rekrut.c3_href"
        for node, text in (("a5", IMG), ("a7", LINK)):
            hover_node(page, frame, node)
            tooltip = frame.locator("div.vis-tooltip")
            assert text in tooltip.inner_text()  # shown literally ...
            assert tooltip.locator("a, img, script").count() == 0  # ... and never parsed as HTML
        assert frame.locator("img").count() == 0
        # pick c1 in the node picker and open its dossier: the display name is shown literally there
        picker = page.locator('[data-testid="stSelectbox"]').filter(has_text=CATALOG["networks.node_picker"]["id"])
        picker.first.click()
        page.get_by_role("option", name=f"{CATALOG['networks.node_account']['id']} · Instagram · rekrut.c1").click()
        wait_for_app(page)
        page.get_by_role("button", name=CATALOG["networks.open_dossier"]["id"]).click()
        wait_for_app(page)
        pick = page.locator('[data-testid="stSelectbox"]').filter(has_text=CATALOG["networks.dossier_account"]["id"])
        pick.first.wait_for(timeout=30_000)
        shown = pick.first.inner_text() + " ".join(i.input_value() for i in pick.first.locator("input").all())
        assert f"rekrut.c1 · {IMG}" in shown
        page.get_by_text(CATALOG["networks.section_search"]["id"], exact=True).click()
        wait_for_app(page)
        search = page.get_by_label(CATALOG["networks.search_label"]["id"])
        search.fill(IMG)
        search.press("Enter")
        wait_for_app(page)
        assert CATALOG["networks.search_unknown"]["id"] in page.inner_text("body")
        assert page.dialogs == []
        assert not exception_texts(page)
    remote = [u for u in requests if not u.startswith(("http://127.0.0.1", "data:", "about:", "blob:"))]
    assert remote == []  # nothing loaded from the internet (pyvis' CDN links were removed)
