"""The monthly briefing files through the `jaring briefing` command: offline HTML, PPTX, PNG/SVG, safe CSV/XLSX."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation

from jaring import cli
from jaring.briefing_export import to_xlsx_bytes
from tests.briefing_db import briefing_database

CHARTS = ("blocked", "funnel", "speed_detection", "speed_report", "durations", "survival", "backlog", "cases",
          "destinations")
TABLES = ("kpis", "blocked", "funnel", "speed", "durations", "survival", "backlog", "oldest_open", "cases",
          "cases_by_type", "cases_by_destination")


@pytest.fixture(scope="module")
def march(tmp_path_factory) -> Path:
    """The March 2025 briefing (period October 2024 - March 2025) written by the CLI, built once."""
    if not shutil.which("chromium"):
        pytest.fail("Debian chromium is needed for the chart export (apt-get install chromium)")
    database = briefing_database()
    out = tmp_path_factory.mktemp("briefing_export") / "out"
    assert cli.main(["briefing", "--month", "2025-03", "--out", str(out), "--db", str(database), "--months", "6"]) == 0
    return out


def test_every_file_is_written(march):
    assert (march / "briefing_2025-03.html").stat().st_size > 1_000_000  # plotly.js is inside
    assert (march / "briefing_2025-03.pptx").is_file()
    for name in CHARTS:
        assert (march / "charts" / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert b"<svg" in (march / "charts" / f"{name}.svg").read_bytes()[:500]
    for name in TABLES:
        assert (march / "tables" / f"{name}.csv").is_file() and (march / "tables" / f"{name}.xlsx").is_file()


def test_html_is_self_contained_and_escapes_hostile_text(march):
    page = (march / "briefing_2025-03.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", page, re.I)
    assert not re.search(r"<link\b", page, re.I) and "@import" not in page
    # Outside the inlined scripts (plotly.js names its own web site in strings), the only web addresses are the
    # accounts' profile links: anchors the analyst may click, nothing the page loads.
    markup = re.sub(r"<script\b[^>]*>.*?</script>", "", page, flags=re.S | re.I)
    assert set(re.findall(r'(?:href|src)="(https?://[^"]*)"', markup)) == {
        "https://facebook.com/fb.beta", "https://facebook.com/fb.alpha", "https://t.me/tg_zeta"}
    assert "<img src=x onerror=alert(1)>" not in page  # ig.eps's display name, open at the end of March
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "javascript:alert" not in page
    assert "Pemblokiran: 1, sedangkan Februari 2025 nihil." in page


def test_deck_has_a_cover_and_one_slide_per_chart(march):
    deck = Presentation(str(march / "briefing_2025-03.pptx"))
    assert len(deck.slides) == 1 + len(CHARTS)
    texts = [" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
             for slide in deck.slides]
    assert "Ringkasan bulanan Maret 2025" in texts[0]
    assert "Akun diblokir per bulan, Oktober 2024 – Maret 2025" in texts[1]
    assert "Pemblokiran: 1, sedangkan Februari 2025 nihil." in texts[1]
    # End of March: fb.alpha, fb.beta, ig.eps, tg_zeta waiting (ig.eps was blocked at 06:30 on 1 April, Jakarta).
    backlog = texts[1 + CHARTS.index("backlog")]
    assert "Akhir Maret 2025: 4 akun dilaporkan belum ditindak" in backlog
    assert all(sum(shape.shape_type == 13 for shape in slide.shapes) == 1 for slide in list(deck.slides)[1:])


def test_tables_neutralise_spreadsheet_formulas(march):
    oldest = pd.read_csv(march / "tables" / "oldest_open.csv", dtype=str, encoding="utf-8-sig")
    names = oldest["Nama tampilan"].tolist()
    assert "'=HYPERLINK(\"http://evil.example\")" in names and not any(n.startswith("=") for n in names)
    types = pd.read_csv(march / "tables" / "cases_by_type.csv", dtype=str, encoding="utf-8-sig")["Jenis kasus"]
    assert types.tolist() == ["Gaji tidak dibayar", "Penipuan", "TPPO"]  # the hostile June case is outside
    sheet = openpyxl.load_workbook(march / "tables" / "oldest_open.xlsx").active
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert [(c.value[:2], c.data_type) for c in cells] == [("'=", "s")]
    blocked = pd.read_csv(march / "tables" / "blocked.csv", encoding="utf-8-sig")
    assert blocked["Jumlah"].tolist() == [0, 0, 0, 1, 0, 1]  # October .. March; the 23:30 UTC block is April


def test_xlsx_drops_characters_a_workbook_cannot_hold():
    data = to_xlsx_bytes(pd.DataFrame({"name": ["a\x00b\x1bc", "@SUM(1)"]}))
    import io

    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet["A"]] == ["name", "abc", "'@SUM(1)"]


def test_cli_rejects_a_bad_month(tmp_path, capsys):
    assert cli.main(["briefing", "--month", "2025-13", "--out", str(tmp_path), "--db", str(tmp_path / "x")]) == 1
    assert "2025-03" in capsys.readouterr().err
