"""The briefing as a PPTX deck (python-pptx): a cover with the KPIs, then one slide per figure."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Inches, Pt

from jaring.briefing import Briefing
from jaring.briefing_html import FIGURE_TEXT
from jaring.briefing_text import figure_title, format_value, key_numbers, kpi_changes, sentences
from jaring.filters import add_months
from jaring.formatting import format_datetime, format_month
from jaring.i18n import t

WIDE, HIGH = Inches(13.333), Inches(7.5)  # 16:9
GREY = RGBColor(0x55, 0x55, 0x55)


def _text(slide, left, top, width, height, text: str, size: int, bold: bool = False, color=None) -> None:
    """A plain text box (python-pptx writes text as XML text: data cannot become markup)."""
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    run.font.size, run.font.bold = Pt(size), bold
    if color is not None:
        run.font.color.rgb = color


def _cover(deck, b: Briefing, subtitle: str, note: str, generated: datetime) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    _text(slide, Inches(0.6), Inches(0.4), Inches(12), Inches(0.9),
          t("briefing.export_title", month=format_month(b.month)), 32, bold=True)
    _text(slide, Inches(0.6), Inches(1.2), Inches(12), Inches(0.6),
          f"{subtitle} · {t('briefing.generated', at=format_datetime(generated))}", 14, color=GREY)
    if note:
        _text(slide, Inches(0.6), Inches(1.7), Inches(12), Inches(0.6), note, 14, bold=True,
              color=RGBColor(0x9C, 0x5A, 0x00))
    rows = len(b.kpis) + 1
    table = slide.shapes.add_table(rows, 4, Inches(0.6), Inches(2.5), Inches(12), Inches(0.5) * rows).table
    headers = (t("briefing.col.kpi"), format_month(b.month), format_month(add_months(b.month, -1)),
               format_month(add_months(b.month, -12)))
    for column, header in enumerate(headers):
        table.cell(0, column).text = header
    for row, kpi in enumerate(b.kpis, start=1):
        previous, year_ago = kpi_changes(b, kpi)
        cells = (t(f"briefing.kpi.{kpi.key}"),
                 format_value(kpi.value, kpi.unit) if kpi.value is not None else t("briefing.kpi.networks_unavailable"),
                 f"{format_value(kpi.previous, kpi.unit)}" + (f" ({previous})" if previous else ""),
                 f"{format_value(kpi.year_ago, kpi.unit)}" + (f" ({year_ago})" if year_ago else ""))
        for column, value in enumerate(cells):
            table.cell(row, column).text = value


def briefing_deck(b: Briefing, images: Mapping[str, Path], subtitle: str, note: str,
                  generated: datetime) -> Presentation:
    """Cover slide, then per figure: its title, the key number, a generated sentence and the chart."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDE, HIGH
    _cover(deck, b, subtitle, note, generated)
    said, numbers = sentences(b), key_numbers(b)
    for name, image in images.items():
        slide = deck.slides.add_slide(deck.slide_layouts[6])
        text_key = FIGURE_TEXT.get(name, name)
        _text(slide, Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.8), figure_title(name, b), 24, bold=True)
        _text(slide, Inches(0.5), Inches(0.95), Inches(12.3), Inches(0.4), subtitle, 12, color=GREY)
        _text(slide, Inches(0.5), Inches(1.6), Inches(3.2), Inches(1.2), numbers.get(text_key, ""), 40, bold=True)
        _text(slide, Inches(0.5), Inches(2.9), Inches(3.2), Inches(3.5), said.get(text_key, ""), 16)
        slide.shapes.add_picture(str(image), Inches(3.9), Inches(1.5), width=Inches(9.1))
    return deck
