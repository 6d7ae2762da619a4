"""The dossier shows each leg's sources, the alternative routes and the time check (real headless Chromium)."""
import copy
import json
from pathlib import Path

import pytest

from . import browser as B

pytestmark = pytest.mark.skipif(not B.available(), reason="needs chromium, chromedriver and selenium")
FIXTURE = Path(__file__).parents[1] / "fixtures" / "export_sample.json"


def sample():
    d = json.loads(FIXTURE.read_text("utf-8"))
    it = next(i for i in d["itineraries"] if i["person"] == "E-assad")
    a = {"account": "acc:a", "name": "Outlet A", "name_ar": "المنفذ أ", "evidence": []}
    b = {"account": "acc:b", "name": "Outlet B", "name_ar": "المنفذ ب", "evidence": []}
    it["legs"][0]["accounts"] = [a]
    v1, v2 = copy.deepcopy(it["legs"][0]), copy.deepcopy(it["legs"][1])
    v1["disputed"] = v2["disputed"] = True
    it["alternatives"] = [{"accounts": [a], "legs": [v1]}, {"accounts": [b], "legs": [v2]}]
    it["fate"]["accounts"] = [b]
    it["time_findings"] = [{"accounts": [a, b], "legs": [], "reason": {
        "en": "Left Hmeimim after 01:00 UTC (per Outlet A) but arrived in Moscow before 02:00 UTC (per Outlet B)",
        "ar": "غادر حميميم بعد 01:00 (بحسب المنفذ أ) لكنه وصل إلى موسكو قبل 02:00 (بحسب المنفذ ب)"}}]
    return d


def test_dossier_alternatives_sources_and_time_check(tmp_path):
    from selenium.webdriver.common.by import By
    from riwaya.report import render
    f = tmp_path / "report.html"
    f.write_text(render(sample()), "utf-8")
    drv = B.start()
    try:
        drv.get(f.as_uri())
        B.wait_ready(drv)
        B.click(drv, "#lang")
        B.click(drv, "#tab-people")
        B.click(drv, 'tr.person-row[data-id="E-assad"]')
        css = lambda s: drv.find_elements(By.CSS_SELECTOR, s)   # noqa: E731
        assert "per Outlet A" in css("#itinerary tr.leg")[0].text
        alts = css("#alternatives .alt")
        assert len(alts) == 2 and "Outlet A" in alts[0].text and "Outlet B" in alts[1].text
        assert "per Outlet B" in css("#fate")[0].text
        assert "arrived in Moscow before" in css("#time-findings li")[0].text
        assert not [m for m in B.severe_logs(drv) if "Uncaught" in m]
    finally:
        B.stop(drv)
