"""Shared fixtures: the seed dataset, tiny datasets built from it, and a real Chromium.

Browser tests drive Debian's ``chromium`` through Playwright (never a browser
that Playwright downloads). Where Chromium is missing they skip on a developer's
machine but fail in CI (``CI`` set), so CI can never pass without running them.
"""

from __future__ import annotations

import copy
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import settings

from geo.dataset import SEED_DATASET, load_dataset
from geo.model import Dataset

# Property tests check behaviour, not speed: on a shared, loaded machine a per-example
# deadline only makes them flaky (speed is measured by the benchmarks).
settings.register_profile("lockdown-map", deadline=None)
settings.load_profile("lockdown-map")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="session")
def seed() -> Dataset:
    return load_dataset(SEED_DATASET)


@pytest.fixture()
def seed_raw() -> dict:
    """The seed file as plain records, a fresh copy for each test to break."""
    return copy.deepcopy(yaml.safe_load(SEED_DATASET.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Chromium shared by the session's browser tests."""
    executable = chromium_path()
    if executable is None:
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run the browser tests")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser) -> Iterator[object]:
    """A fresh page recording console errors in ``page.errors``, dialogs in ``page.dialogs``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.dialogs = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


@pytest.fixture()
def offline(page) -> object:
    """Block every request that leaves this machine, as on an air-gapped laptop."""
    def route(r):
        url = r.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")) or "127.0.0.1" in url \
                or "localhost" in url:
            return r.continue_()
        page.blocked = [*getattr(page, "blocked", []), url]
        return r.abort()

    page.route("**/*", route)
    return page


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent
