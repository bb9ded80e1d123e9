"""The text catalog is complete in both languages, pages hold no hard-coded sentences, formats are local."""

import ast
from datetime import date, datetime
from pathlib import Path

import pytest

from jaring import formatting, i18n
from jaring.i18n import CATALOG, t

ROOT = Path(__file__).resolve().parents[1]
UI_FILES = sorted([*ROOT.glob("pages/*.py"), ROOT / "app.py"])
CODE_FILES = [*UI_FILES, *sorted(ROOT.glob("jaring/*.py"))]
# Streamlit calls that put text on screen, and the keyword arguments that carry it.
TEXT_CALLS = {"title", "header", "subheader", "write", "markdown", "caption", "info", "warning", "error",
              "success", "toast", "text", "button", "download_button", "selectbox", "multiselect", "radio",
              "text_input", "text_area", "number_input", "slider", "select_slider", "file_uploader", "checkbox",
              "toggle", "expander", "tabs", "metric", "Page", "set_page_config", "popover", "form_submit_button",
              "segmented_control", "pills", "date_input", "page_link", "spinner", "progress", "status"}
TEXT_KEYWORDS = {"label", "body", "title", "page_title", "placeholder", "help", "text", "value", "caption"}


def test_every_key_has_both_languages():
    for key, texts in CATALOG.items():
        assert set(texts) == set(i18n.LANGUAGES), key
        assert all(text.strip() for text in texts.values()), key


def test_placeholders_match_between_languages():
    import string

    for key, texts in CATALOG.items():
        fields = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in texts.values()]
        assert fields[0] == fields[1], key


def test_t_uses_the_current_language_and_formats():
    i18n.set_language("en")
    try:
        assert t("data.upload_limit", mb=200) == "Maximum size per file: 200 MB."
    finally:
        i18n.set_language("id")
    assert t("data.upload_limit", mb=200) == "Ukuran maksimum per berkas: 200 MB."
    assert i18n.set_language("xx") == "id"


def _literal_text(node) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and any(c.isalpha() for c in node.value):
        return node.value
    if isinstance(node, ast.JoinedStr):  # f"**{t('key')}**" is fine; f"Total {n}" is not
        fixed = "".join(part.value for part in node.values if isinstance(part, ast.Constant))
        return ast.unparse(node) if any(c.isalpha() for c in fixed) else None
    return None


def _hard_coded_texts(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in TEXT_CALLS):
            continue
        positional = node.args[1:] if node.func.attr == "Page" else node.args[:1]
        candidates = [*positional, *(k.value for k in node.keywords if k.arg in TEXT_KEYWORDS)]
        found += [f"{path.name}:{node.lineno} {text!r}" for c in candidates if (text := _literal_text(c))]
    return found


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: p.name)
def test_pages_hold_no_hard_coded_text(path):
    assert _hard_coded_texts(path) == []


def test_the_scan_catches_hard_coded_text(tmp_path):
    page = tmp_path / "bad.py"
    page.write_text('import streamlit as st\nst.title("Ringkasan")\nst.button(label=f"Go {1}")\n'
                    'st.title(t("briefing.title"))\nst.markdown(f"**{t(\'briefing.title\')}**")\n')
    assert len(_hard_coded_texts(page)) == 2


def test_every_literal_key_passed_to_t_exists():
    missing = []
    for path in CODE_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and node.args[0].value not in CATALOG):
                missing.append(f"{path.name}:{node.lineno} {node.args[0].value}")
    assert missing == []


@pytest.mark.parametrize("key", ["banner.demo", "banner.mixed", "filters.platforms", "filters.provinces",
                                 "filters.countries", "language.id", "language.en", "status.loaded",
                                 "status.skipped", "status.failed", "kind.detections", "kind.cases"])
def test_keys_built_at_run_time_exist(key):
    assert key in CATALOG


@pytest.mark.parametrize(("value", "decimals", "language", "expected"), [
    (1234, 0, "id", "1.234"),
    (1234, 0, "en", "1,234"),
    (1234567.891, 2, "id", "1.234.567,89"),
    (1234567.891, 2, "en", "1,234,567.89"),
    (-9876, 0, "id", "-9.876"),
    (0, 0, "id", "0"),
    (None, 0, "id", ""),
    (float("nan"), 1, "en", ""),
])
def test_format_number(value, decimals, language, expected):
    assert formatting.format_number(value, decimals, language) == expected


def test_percent_months_and_dates():
    assert formatting.format_percent(0.1234, language="id") == "12,3%"
    assert formatting.format_percent(0.1234, language="en") == "12.3%"
    assert formatting.format_month(date(2025, 3, 1), "id") == "Maret 2025"
    assert formatting.format_month(date(2025, 3, 1), "en") == "March 2025"
    assert formatting.format_month(date(2025, 8, 1), "id") == "Agustus 2025"
    assert formatting.format_date(date(2025, 5, 7), "id") == "7 Mei 2025"
    assert formatting.format_datetime(datetime(2025, 12, 31, 14, 5), "en") == "31 December 2025 14:05"
    assert formatting.format_date(None) == ""


def test_number_format_follows_the_current_language():
    i18n.set_language("en")
    try:
        assert formatting.format_number(1500) == "1,500"
        assert formatting.format_month(date(2024, 2, 1)) == "February 2024"
    finally:
        i18n.set_language("id")
    assert formatting.format_number(1500) == "1.500"


def test_platform_labels():
    assert formatting.platform_label("tiktok") == "TikTok"
    assert formatting.platform_label("website", "id") == "Situs web"
    assert formatting.platform_label("website", "en") == "Website"
    assert formatting.platform_label("some_new_app") == "Some New App"
