"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

They are skipped, and the run says so, when /usr/bin/chromium is not installed
(`apt-get install chromium`; never `playwright install`: the machine has no internet).
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run inside one
# unless told it is safe (the live server and the test share nothing but the database).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
SKIP_REASON = f"browser tests skipped: Chromium not found at {CHROMIUM} (apt-get install chromium)"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not CHROMIUM.exists():
        terminalreporter.write_line(f"NOTE: {SKIP_REASON}", yellow=True, bold=True)
    else:
        terminalreporter.write_line(f"browser tests ran with {CHROMIUM}; screenshots in {SCREENSHOTS}")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(SKIP_REASON)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def console_errors():
    return []


@pytest.fixture
def page(browser, console_errors):
    """A desktop-sized page that records console errors and uncaught exceptions."""
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """screenshot(page, name): save a full-page PNG under test-artifacts/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


@pytest.fixture
def seeded(transactional_db):
    """The five seed releases imported and published, as `make run` shows them."""
    from django.core.management import call_command

    call_command("import_releases", str(Path(__file__).resolve().parents[2] / "seeds"), "--publish", verbosity=0)
