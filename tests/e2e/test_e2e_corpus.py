"""The report of the real bundled corpus in headless Chromium: what `riwaya demo` writes.

The hand-made fixture (test_e2e_browser.py) pins exact behaviour; this one checks that the
views work on what the pipeline really produces from the five seed articles. With
RIWAYA_SCREENSHOTS=DIR each view is saved there (the README's screenshots in
docs/screenshots are made this way).
"""
import os

import pytest

from ..conftest import CORPUS
from . import browser as B

pytestmark = pytest.mark.skipif(not B.available(), reason="needs chromium, chromedriver and selenium")
SHOTS = os.environ.get("RIWAYA_SCREENSHOTS")


@pytest.fixture(scope="module")
def corpus_export(tmp_path_factory):
    from riwaya.pipeline import build
    from riwaya.store import Store
    url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'c.db'}"
    build([str(CORPUS)], url, progress=False)
    return Store(url).export()


@pytest.fixture(scope="module")
def drv():
    d = B.start()
    yield d
    B.stop(d)


def _css(drv, sel):
    from selenium.webdriver.common.by import By
    return drv.find_elements(By.CSS_SELECTOR, sel)


def _shot(drv, tmp_path, name):
    p = tmp_path / f"{name}.png"
    assert drv.save_screenshot(str(p)) and p.stat().st_size > 5000
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        drv.save_screenshot(os.path.join(SHOTS, f"{name}.png"))


def _focus_text(drv):
    return "".join(drv.execute_script(
        "return Array.from(document.querySelectorAll('#doctext .focus')).map(function(n){return n.textContent})"))


def test_bundled_corpus_report_in_chromium(drv, corpus_export, tmp_path):
    from riwaya.report import render
    exp = corpus_export
    f = tmp_path / "report.html"
    f.write_text(render(exp), "utf-8")
    drv.get(f.as_uri())
    B.wait_ready(drv)
    assert drv.execute_script("return document.documentElement.dir") == "rtl"
    for tab in ("timeline", "map", "people", "graph", "conflicts", "sources", "search"):
        B.click(drv, f"#tab-{tab}")
        assert _css(drv, f"#view-{tab}")
        _shot(drv, tmp_path, f"{tab}-ar")
    B.click(drv, "#tab-timeline")
    assert _css(drv, "#timeline-svg rect.bar")
    B.click(drv, "#tl-night")
    _shot(drv, tmp_path, "timeline-night-ar")
    B.click(drv, "#tab-map")
    assert _css(drv, "#map-svg circle.place")
    B.click(drv, "#map-close")
    _shot(drv, tmp_path, "map-close-ar")

    # the person with the most mentions (the deposed president in this corpus) and his dossier
    people = [e for e in exp["entities"] if e.get("type") == "person"]
    top = max(people, key=lambda e: len(e.get("mentions") or []))
    with_legs = {i["person"] for i in exp.get("itineraries", []) if i.get("legs")}
    assert top["id"] in with_legs, "the most mentioned person has an itinerary"
    B.click(drv, "#lang")
    assert drv.execute_script("return document.documentElement.dir") == "ltr"
    B.click(drv, "#tab-people")
    B.click(drv, f'tr.person-row[data-id="{top["id"]}"]')
    assert _css(drv, "#dossier h2")[0].text == (top.get("name_en") or top.get("name_ar"))
    assert _css(drv, "#itinerary tr.leg")
    _shot(drv, tmp_path, "report-dossier-en")

    # one click from a leg to its sentence, highlighted in the original text
    link = _css(drv, "#itinerary a.goto")[0]
    doc, start, end = link.get_attribute("data-doc"), int(link.get_attribute("data-start")), int(link.get_attribute("data-end"))
    link.click()
    text = next(d["text"] for d in exp["documents"] if d["id"] == doc)
    assert _focus_text(drv) == text[start:end] and end - start > 5
    _shot(drv, tmp_path, "report-sources-en")
    if exp["conflicts"]:
        B.click(drv, "#tab-conflicts")
        assert _css(drv, "#view-conflicts .account")
        # values read as words (a time by its text), never as raw JSON or an i18n key
        shown = drv.execute_script("return document.getElementById('view-conflicts').innerText")
        assert '"earliest"' not in shown and "status_" not in shown
        _shot(drv, tmp_path, "conflicts-en")
    assert not [m for m in B.severe_logs(drv) if "Content Security Policy" in m or "Uncaught" in m]
