"""Runs axe-core (shipped inside axe-selenium-python) on a page in headless Chromium, offline, for the tests."""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

CHROMIUM, DRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--disable-extensions",
)


def missing_reason() -> str:
    """Why the checker cannot run here ('' when it can): the setup script installs all of it."""
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        return "Debian's chromium is not installed (installers/dev/setup.sh installs it)"
    if not Path(DRIVER).exists():
        return "Debian's chromium-driver is not installed (installers/dev/setup.sh installs it)"
    try:
        import axe_selenium_python  # noqa: F401
        import selenium  # noqa: F401
    except ImportError:
        return "axe-selenium-python is not installed (the [test] extras install it)"
    return ""


@contextmanager
def chromium():
    """A headless Chromium driven through the local chromedriver, quit on leaving; pass it to axe_violations
    to check several pages with one browser."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from tests.conftest import loopback_only

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    with loopback_only():  # the driver listens on this machine only; nothing else is reachable
        driver = webdriver.Chrome(
            service=Service(DRIVER), options=options
        )  # a given driver: nothing downloaded
    try:
        yield driver
    finally:
        with loopback_only():
            driver.quit()


def axe_violations(page: Path, driver=None) -> list[dict]:
    """axe-core's violations on a local page (impact, id, help, how many nodes, the first node's HTML), in
    driver (from chromium()) or in a browser of its own."""
    from axe_selenium_python import Axe

    from tests.conftest import loopback_only

    if driver is None:
        with chromium() as own:
            return axe_violations(page, own)
    with loopback_only():  # the driver listens on this machine only; nothing else is reachable
        driver.get(Path(page).resolve().as_uri())
        axe = Axe(driver)
        axe.inject()
        result = axe.run()
    assert result["passes"], "axe-core ran no checks"
    return [
        {
            "impact": v.get("impact"),
            "id": v["id"],
            "help": v["help"],
            "nodes": len(v["nodes"]),
            "html": v["nodes"][0]["html"][:160] if v["nodes"] else "",
        }
        for v in result["violations"]
    ]
