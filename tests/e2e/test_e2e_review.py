"""Review and correct in headless Chromium (issue 18): on the real bundled corpus served live, a
reviewer corrects a leg and rejects a conflict through the page, the corpus stage is rebuilt, and
the corrections hold. With RIWAYA_SCREENSHOTS=DIR the review views are saved there."""
import os

import pytest

from tests.serving import served

from ..conftest import CORPUS
from . import browser as B

pytestmark = pytest.mark.skipif(not B.available(), reason="needs chromium, chromedriver and selenium")
SHOTS = os.environ.get("RIWAYA_SCREENSHOTS")
TOKEN = "e2e-review-token-0123456789"


def _css(drv, sel):
    from selenium.webdriver.common.by import By
    return drv.find_elements(By.CSS_SELECTOR, sel)


def _wait(drv, test, timeout=20):
    """Until ``test`` holds; the page redraws after each write, so an element may go stale meanwhile."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(drv, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: test(d))


def _shot(drv, tmp_path, name, show=None):
    if show:
        drv.execute_script("arguments[0].scrollIntoView({block: 'center'})", _css(drv, show)[0])
    p = tmp_path / f"{name}.png"
    assert drv.save_screenshot(str(p)) and p.stat().st_size > 5000
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        drv.save_screenshot(os.path.join(SHOTS, f"{name}.png"))


@pytest.fixture(scope="module")
def drv():
    d = B.start(1400, 1000)
    yield d
    B.stop(d)


def test_review_a_leg_and_a_conflict_and_rebuild(drv, tmp_path):
    from riwaya.pipeline import refresh
    from riwaya.store import Store
    from riwaya.web import create_app
    url = f"sqlite:///{tmp_path / 'review.db'}"
    from riwaya.pipeline import build
    build([str(CORPUS)], url, progress=False)
    store = Store(url)
    exp = store.export()
    it = next(i for i in exp["itineraries"] if i.get("legs"))
    leg = it["legs"][0]
    place = next(e for e in exp["entities"] if e["type"] == "place" and e["id"] not in (leg["to"], leg["from"])
                 and e.get("name_en"))
    conflict = exp["conflicts"][0]
    app = create_app(db_url=url, export_loader=store.export, token=TOKEN, lang="en")
    with served(app, start_s=5, stop_s=5) as (base, _port):
        loads = iter(range(100))

        def load(hash_):     # a new query each time: a change of the hash alone would not reload the page
            drv.get(f"{base}/?n={next(loads)}#{hash_}")
            B.wait_ready(drv)

        load("token=" + TOKEN)          # the link `riwaya serve` prints: the page keeps the token
        drv.execute_script("localStorage.setItem('riwaya-reviewer', 'Desk editor')")   # the Review tab's name field
        load("person/" + it["person"])
        row = f'#itinerary tr.leg[data-event="{leg["event"]}"]'
        _wait(drv, lambda d: _css(d, row + " .rv-correct"))
        _css(drv, row + " .rv-correct")[0].click()
        from selenium.webdriver.support.ui import Select
        Select(_css(drv, row + " select.rv-field")[0]).select_by_value("to")
        _css(drv, row + " input.rv-value")[0].send_keys(place["id"])
        _css(drv, row + " input.rv-why")[0].send_keys("the plane landed elsewhere")
        _css(drv, row + " .rv-save")[0].click()
        _wait(drv, lambda d: _css(d, row + " .rv-corrected"))
        marked = _css(drv, row + " .rv-corrected")[0].text
        assert place["name_en"] in marked and "→" in marked
        assert _css(drv, row + " td")[1].text == place["name_en"]        # the leg shows the corrected value
        _shot(drv, tmp_path, "review-leg-en", show=row)
        # one account's source chain, corrected from its evidence block (the page asks for the chain)
        _css(drv, row + " .rv-source")[0].click()
        _wait(drv, lambda d: d.switch_to.alert)
        alert = drv.switch_to.alert
        alert.send_keys("Reuters > a palace official")
        alert.accept()
        _wait(drv, lambda d: any("Reuters" in x.text for x in _css(d, row + " .evidence .rv-corrected")))
        assert "Reuters" in _css(drv, row + " .evidence .isnad")[0].text

        load("conflicts")
        card = f"#conflict-{conflict['id']}"
        _wait(drv, lambda d: _css(d, card + " .rv-reject"))
        _css(drv, card + " .rv-reject")[0].click()
        _wait(drv, lambda d: "rv-is-rejected" in (_css(d, card)[0].get_attribute("class") or ""))
        _css(drv, card + " .rv-note-btn")[0].click()
        _css(drv, card + " input.rv-why")[0].send_keys("one place at two precisions, not a disagreement")
        _css(drv, card + " .rv-save")[0].click()
        _wait(drv, lambda d: _css(d, card + " .rv-note"))
        _shot(drv, tmp_path, "review-conflict-en", show=card)

        # rebuild the corpus stage: the corrections are applied again, by their stable keys
        assert refresh(store) == []
        app.state.reload()
        load("person/" + it["person"])
        _wait(drv, lambda d: _css(d, row + " .rv-corrected"))
        assert _css(drv, row + " td")[1].text == place["name_en"]
        load("conflicts")
        assert "rv-is-rejected" in _css(drv, card)[0].get_attribute("class")

        load("review")
        rows = _css(drv, "#review-log tr.rv-row")
        assert len(rows) == 4 and all("rv-active" in r.get_attribute("class") for r in rows)
        assert all(r.find_elements("css selector", "td")[2].text == "Desk editor" for r in rows)
        assert _css(drv, "#review-log a.rv-open")[-1].text.endswith(place["name_en"])     # the leg, as a reader names it
        _shot(drv, tmp_path, "review-log-en")
        B.click(drv, "#lang")
        _shot(drv, tmp_path, "review-log-ar")
        B.click(drv, "#lang")
        # undo the note from the log
        _css(drv, "#review-log tr.rv-row .rv-undo")[0].click()
        _wait(drv, lambda d: _css(d, "#review-log tr.rv-undone"))
        load("review")
        assert not [m for m in B.severe_logs(drv) if "Content Security Policy" in m or "Uncaught" in m]
    assert [c["status"] for c in store.corrections()] == ["active", "active", "active", "undone"]
    assert store.corrections()[1]["kind"] == "mention" and store.corrections()[1]["new"] == ["Reuters", "a palace official"]


def test_offline_report_shows_corrections_without_controls(drv, tmp_path, built_db):
    """`riwaya report` of a reviewed store: the marks are there, the controls (which need the server) are not."""
    import sqlite3

    from riwaya import corrections as C
    from riwaya.report import render
    from riwaya.store import Store
    src, path = sqlite3.connect(built_db[len("sqlite:///"):]), tmp_path / "r.db"
    dst = sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    store = Store(f"sqlite:///{path}")
    cf = store.corpus()["conflicts"][0]["id"]
    C.add(store, "conflict", cf, "status", "rejected", note="not a disagreement", author="desk")
    f = tmp_path / "report.html"
    f.write_text(render(store.export(), lang="en"), "utf-8")
    drv.get(f.as_uri() + "#conflicts")
    B.wait_ready(drv)
    assert "rv-is-rejected" in _css(drv, f"#conflict-{cf}")[0].get_attribute("class")
    assert _css(drv, f"#conflict-{cf} .rv-rejected") and not _css(drv, ".rv-confirm, .rv-correct, .rv-source")
    B.click(drv, "#tab-review")
    assert len(_css(drv, "#review-log tr.rv-row")) == 1 and not _css(drv, ".rv-undo")
    assert not [m for m in B.severe_logs(drv) if "Content Security Policy" in m or "Uncaught" in m]
