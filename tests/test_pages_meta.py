"""Every page runs inside app.py's frame, even when a shared link to it is the server's first request."""

from __future__ import annotations

from pathlib import Path

import pytest

PAGES = sorted((Path(__file__).resolve().parents[1] / "pages").glob("*.py"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_requires_the_app_frame(page):
    assert "ui.require_app_frame()" in page.read_text(encoding="utf-8")
