"""Headless Chromium for the browser tests and the bench scripts, with the network blocked.

``chromium_driver()`` returns a Selenium WebDriver on Debian's ``chromium`` and ``chromium-driver``
(no driver is ever downloaded), or raises ``BrowserUnavailable`` saying what is missing.
Every request that leaves the machine fails: the proxy is a closed local port and no host name
resolves, so a page that works here works offline.
"""
from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
DRIVER_NAMES = ("chromedriver", "chromium-driver")


class BrowserUnavailable(RuntimeError):
    """No headless Chromium or no chromedriver (or no selenium) on this machine."""


def _find(names) -> str | None:
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    for candidate in ("/usr/lib/chromium/chromedriver", "/usr/lib/chromium/chromium"):
        if Path(candidate).name in names and Path(candidate).exists():
            return candidate
    return None


def missing() -> str | None:
    """Why no browser test can run here, or None when everything is installed."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if _find(CHROMIUM_NAMES) is None:
        return "no Chromium installed (Debian: apt-get install chromium chromium-driver)"
    if _find(DRIVER_NAMES) is None:
        return "no chromedriver installed (Debian: apt-get install chromium-driver)"
    return None


@contextmanager
def chromium_driver(*, width: int = 1400, height: int = 900):
    """A headless Chromium WebDriver with the network blocked; quits and cleans up on exit."""
    reason = missing()
    if reason:
        raise BrowserUnavailable(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = _find(CHROMIUM_NAMES)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run",
                 "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
                 f"--window-size={width},{height}", f"--user-data-dir={profile}",
                 "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                 "--host-resolver-rules=MAP * ~NOTFOUND"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=_find(DRIVER_NAMES)))
    try:
        driver.set_window_size(width, height)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_until_ready(driver, timeout: float = 60.0) -> dict:
    """Wait until the kg page says its layout is drawn and still (``window.kgReady``); its timings."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        lambda d: d.execute_script("return window.kgReady === true"))
    return driver.execute_script("return window.kgTimings || {}")
