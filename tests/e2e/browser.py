"""Headless Chromium for the e2e tests and the screenshots (Debian chromium + chromium-driver, Selenium)."""
from __future__ import annotations

import os
import shutil
import tempfile

CHROMIUM = os.environ.get("RIWAYA_CHROMIUM", "/usr/bin/chromium")
DRIVER = os.environ.get("RIWAYA_CHROMEDRIVER", shutil.which("chromedriver") or "/usr/bin/chromedriver")


def available() -> bool:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return False
    return os.path.exists(CHROMIUM) and os.path.exists(DRIVER)


def start(width: int = 1400, height: int = 900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="riwaya-chrome-")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
              f"--user-data-dir={profile}", f"--window-size={width},{height}", "--lang=ar"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(DRIVER), options=opts)
    drv._riwaya_profile = profile
    return drv


def stop(drv) -> None:
    try:
        drv.quit()
    finally:
        shutil.rmtree(getattr(drv, "_riwaya_profile", ""), ignore_errors=True)


def wait_ready(drv, timeout: float = 15) -> None:
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(drv, timeout).until(lambda d: d.execute_script("return document.body && document.body.getAttribute('data-ready') === '1'"))


def click(drv, css: str) -> None:
    from selenium.webdriver.common.by import By
    drv.find_element(By.CSS_SELECTOR, css).click()


def severe_logs(drv) -> list[str]:
    try:
        return [e["message"] for e in drv.get_log("browser") if e.get("level") == "SEVERE"]
    except Exception:
        return []
