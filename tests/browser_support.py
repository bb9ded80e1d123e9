"""Helpers for end-to-end tests in a real headless Chromium (Debian's), driven by Playwright's Python package."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("JARING_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def browser_required() -> bool:
    """CI sets JARING_REQUIRE_BROWSER=1: then a missing browser fails the run instead of skipping."""
    return os.environ.get("JARING_REQUIRE_BROWSER", "") not in ("", "0", "false")


def chromium_or_skip() -> str:
    """The Chromium executable; skip (or fail, when required) if it is not installed."""
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return CHROMIUM
    message = f"Debian chromium not found at {CHROMIUM} (apt-get install chromium)"
    if browser_required():
        pytest.fail(message + " and JARING_REQUIRE_BROWSER is set")
    pytest.skip(message)


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(database: Path, timeout_s: float = 90) -> Iterator[str]:
    """Run `streamlit run app.py` against `database` on a free loopback port; yield its base URL."""
    port = free_port()
    env = {**os.environ, "JARING_DB": str(database)}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(port),
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    log = (database.parent / f"streamlit-{port}.log").open("w")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                raise RuntimeError(f"streamlit did not start: {(database.parent / log.name).read_text()[-2000:]}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@contextlib.contextmanager
def chromium_page(executable: str) -> Iterator:
    """A Playwright page in headless Debian Chromium; collects JavaScript dialogs in `page.dialogs`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.dialogs = []

            def on_dialog(dialog) -> None:
                page.dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)
            yield page
        finally:
            browser.close()


def wait_for_app(page, timeout_ms: int = 60_000) -> None:
    """Wait until Streamlit has finished running the script (no 'running' indicator, app view present)."""
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    # Until app.py has run once, Streamlit shows its own page list and an empty main area.
    page.wait_for_selector('[data-testid="stMain"] [data-testid="stHeading"]', timeout=timeout_ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')",
        timeout=timeout_ms,
    )
    page.wait_for_timeout(500)


def exception_texts(page) -> list[str]:
    """Texts of any exception or traceback elements Streamlit rendered."""
    return [e.inner_text() for e in page.query_selector_all('[data-testid="stException"]')]
