"""End-to-end in real headless Chromium (Debian chromium + chromium-driver via Selenium).

Skips cleanly when chromium, chromedriver or selenium is absent. With RIWAYA_SCREENSHOTS=DIR
the views are also saved there (docs/screenshots is made this way).
"""
import copy
import json
import os
import threading
import time
from pathlib import Path

import pytest

from tests.serving import served

from . import browser as B

pytestmark = pytest.mark.skipif(not B.available(), reason="needs chromium, chromedriver and selenium")

FIXTURE = Path(__file__).parents[1] / "fixtures" / "export_sample.json"
PAYLOAD = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
SHOTS = os.environ.get("RIWAYA_FIXTURE_SCREENSHOTS")
TOKEN = "e2e-write-token-0123456789"   # docs/screenshots come from the real corpus (test_e2e_corpus.py)


def sample_with_payload():
    d = json.loads(FIXTURE.read_text("utf-8"))
    d["documents"][0]["text"] += "\n" + PAYLOAD
    if not SHOTS:  # keep the documentation screenshots readable; the text still carries the payload
        d["documents"][0]["title"] += " " + PAYLOAD
    return d


@pytest.fixture(scope="module")
def drv():
    d = B.start()
    yield d
    B.stop(d)


def shot(drv, tmp_path, name):
    p = str(tmp_path / f"{name}.png")
    assert drv.save_screenshot(p)
    assert os.path.getsize(p) > 5000
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        drv.save_screenshot(os.path.join(SHOTS, f"{name}.png"))
    return p


def css(drv, sel):
    from selenium.webdriver.common.by import By
    return drv.find_elements(By.CSS_SELECTOR, sel)


def no_xss(drv):
    from selenium.common.exceptions import NoAlertPresentException
    assert drv.execute_script("return window.__xss === undefined")
    try:
        drv.switch_to.alert
        raise AssertionError("an alert opened")
    except NoAlertPresentException:
        pass


def walk(drv, tmp_path, prefix):
    """The common journey: every view, language switch, person → itinerary → highlighted evidence."""
    B.wait_ready(drv)
    assert drv.execute_script("return document.documentElement.dir") == "rtl"
    for tab in ("timeline", "map", "people", "graph", "conflicts", "sources", "search"):
        B.click(drv, f"#tab-{tab}")
        assert css(drv, f"#view-{tab}")
        if prefix == "report":
            shot(drv, tmp_path, f"{tab}-ar")
    B.click(drv, "#tab-timeline")
    assert len(css(drv, "#timeline-svg rect.bar")) >= 8
    assert css(drv, "#timeline-svg rect.bar.conflicted")
    B.click(drv, "#tl-night")
    if prefix == "report":
        shot(drv, tmp_path, "timeline-night-ar")
    B.click(drv, "#timeline-svg rect.bar.conflicted")
    assert css(drv, "#tl-detail .event .quote")
    B.click(drv, "#tab-map")
    assert len(css(drv, "#map-svg path.route")) >= 6 and css(drv, "#map-svg circle.place")
    B.click(drv, "#map-close")
    if prefix == "report":
        shot(drv, tmp_path, "map-close-ar")
    B.click(drv, "#tab-graph")
    edges = css(drv, "#graph-svg line.gedge")
    assert edges
    drv.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", edges[0])
    assert css(drv, "#graph-detail .quote")
    # switch language
    B.click(drv, "#lang")
    assert drv.execute_script("return document.documentElement.dir") == "ltr"
    assert css(drv, "#tab-people")[0].text == "People"
    B.click(drv, "#tab-people")
    assert "in exile" in css(drv, 'tr.person-row[data-id="E-assad"]')[0].text  # the itinerary's fate, not a derived one
    B.click(drv, 'tr.person-row[data-id="E-assad"]')
    assert css(drv, "#dossier h2")[0].text == "Bashar al-Assad"
    legs = css(drv, "#itinerary tr.leg")
    assert len(legs) == 3 and "Khmeimim" in legs[0].text
    assert "Moscow" in css(drv, "#fate")[0].text
    shot(drv, tmp_path, f"{prefix}-dossier-en")
    # one click from a fact to its sentence, highlighted in the original text
    link = css(drv, "#itinerary a.goto")[0]
    doc, start, end = link.get_attribute("data-doc"), int(link.get_attribute("data-start")), int(link.get_attribute("data-end"))
    link.click()
    focus = css(drv, "#doctext .focus")
    assert focus
    text = "".join(drv.execute_script("return Array.from(document.querySelectorAll('#doctext .focus')).map(function(n){return n.textContent})"))
    want = drv.execute_script("var a = arguments; return window.riwaya.data.documents.find(function(d){return d.id === a[0]}).text.slice(a[1], a[2])", doc, start, end)
    assert text == want and len(text) > 10
    assert css(drv, "#doctext .ev") and css(drv, "#span-detail .isnad .lk")
    shot(drv, tmp_path, f"{prefix}-sources-en")
    # conflicts side by side
    B.click(drv, "#tab-conflicts")
    c = css(drv, "#conflict-C-assad-departure .account")
    assert len(c) >= 3
    if prefix == "report":
        shot(drv, tmp_path, "conflicts-en")
    no_xss(drv)


def test_report_in_chromium(drv, tmp_path):
    from riwaya.report import render
    f = tmp_path / "report.html"
    f.write_text(render(sample_with_payload()), "utf-8")
    drv.get(f.as_uri())
    walk(drv, tmp_path, "report")
    # the payload is shown as text in the sources view, never run
    B.click(drv, "#tab-sources")
    B.click(drv, "#doclist .d")
    assert "<img src=x onerror=" in css(drv, "#doctext")[0].text
    assert not css(drv, "#doctext img, #doctext script, #doclist img")
    no_xss(drv)
    assert not [m for m in B.severe_logs(drv) if "Content Security Policy" in m or "Uncaught" in m]


def test_offline_search_matches_python(drv, tmp_path):
    from riwaya.report import render
    from riwaya.web.search import normalize, search
    data = json.loads(FIXTURE.read_text("utf-8"))
    f = tmp_path / "r.html"
    f.write_text(render(data), "utf-8")
    drv.get(f.as_uri())
    B.wait_ready(drv)
    for s in ("الأَسَـــد", "مكتبة مستشفى", "بشار_الأسد", "Al-ASSAD", "إيران آمنة ؤ ئ"):
        assert drv.execute_script("return window.riwaya.norm(arguments[0]).t", s) == normalize(s)[0], s
    for q in ("الاسد", "أسد", "حميميم", "السفاره الروسيه", "موسكو"):
        js = drv.execute_script("return window.riwaya.search(arguments[0])", q)
        py = search(data, q)
        assert [e["id"] for e in js["entities"]] == [e["id"] for e in py["entities"]], q
        assert [e["id"] for e in js["events"]] == [e["id"] for e in py["events"]], q
        assert [(h["doc"], h["start"], h["end"]) for h in js["documents"]] == [(h["doc"], h["start"], h["end"]) for h in py["documents"]], q


def test_deep_links(drv, tmp_path):
    from riwaya.report import render
    data = json.loads(FIXTURE.read_text("utf-8"))
    f = tmp_path / "r.html"
    f.write_text(render(data), "utf-8")
    drv.get(f.as_uri() + "#person/E-mamlouk")
    B.wait_ready(drv)
    assert css(drv, "#dossier") and len(css(drv, "#itinerary tr.leg")) == 3
    ev = data["events"][0]["evidence"][0]
    drv.get(f.as_uri() + f"#src/{ev['doc']}/{ev['start']}/{ev['end']}")
    drv.refresh()
    B.wait_ready(drv)
    got = "".join(drv.execute_script("return Array.from(document.querySelectorAll('#doctext .focus')).map(function(n){return n.textContent})"))
    doc = next(d for d in data["documents"] if d["id"] == ev["doc"])
    assert got == doc["text"][ev["start"]:ev["end"]]


@pytest.fixture(scope="module")
def live():
    pytest.importorskip("uvicorn")
    from riwaya.web import create_app
    data = sample_with_payload()

    def ingest(jobs):  # stands in for the pipeline: each uploaded text becomes a document
        for j in jobs:
            data["documents"].append({"id": "d-upload", "title": j.filename, "text": j.path.read_text("utf-8"),
                                      "language": "ar", "outlet": "upload", "paragraphs": [], "repairs": []})

    app = create_app(export_loader=lambda: copy.deepcopy(data), ingest_hook=ingest, token=TOKEN)
    with served(app, start_s=5, stop_s=5) as (url, _port):
        yield url


def test_live_app_in_chromium(drv, live, tmp_path):
    from selenium.webdriver.support.ui import WebDriverWait
    drv.get(live + "/")
    walk(drv, tmp_path, "web")
    B.click(drv, "#tab-search")
    box = css(drv, "#search-input")[0]
    box.send_keys("الاسد")  # no hamza: still finds الأسد, through the API
    WebDriverWait(drv, 10).until(lambda d: css(d, '#search-results a.person-link[data-id="E-assad"]'))
    shot(drv, tmp_path, "web-search")
    # upload through the page: the server asks for its token, the user pastes it once,
    # the upload is queued, built, and the views reload with the new document
    up = tmp_path / "upload.txt"
    up.write_text("غادر بشار الأسد دمشق <script>window.__xss=3</script>", "utf-8")
    B.click(drv, "#tab-sources")
    assert css(drv, "#upload-token-row")[0].is_displayed()     # no token kept yet in this browser
    css(drv, "#upload-file")[0].send_keys(str(up))
    WebDriverWait(drv, 10).until(lambda d: css(d, "#upload-token-row")[0].is_displayed())
    assert "token" in css(drv, "#upload-msg")[0].text
    css(drv, "#upload-token")[0].send_keys(TOKEN + "\n")
    WebDriverWait(drv, 30).until(lambda d: css(d, '#doclist .d[data-id="d-upload"]'))
    assert drv.execute_script("return localStorage.getItem('riwaya-write-token')") == TOKEN
    B.click(drv, '#doclist .d[data-id="d-upload"]')
    assert "<script>window.__xss=3</script>" in css(drv, "#doctext")[0].text
    no_xss(drv)
    assert not [m for m in B.severe_logs(drv) if "Content Security Policy" in m or "Uncaught" in m]


def test_token_from_the_printed_link(drv, live):
    """`riwaya serve` prints http://127.0.0.1:PORT/#token=…: the page keeps the token and drops it from the URL."""
    drv.get(live + "/")
    B.wait_ready(drv)
    drv.execute_script("localStorage.clear()")
    drv.get(live + "/#token=" + TOKEN)
    drv.refresh()
    B.wait_ready(drv)
    assert drv.execute_script("return localStorage.getItem('riwaya-write-token')") == TOKEN
    assert "token" not in drv.current_url
    # a write with it from the page succeeds; a page of another origin could not send it
    status = drv.execute_async_script("""
        var done = arguments[arguments.length - 1];
        fetch('/api/documents?filename=x.txt', {method: 'POST', body: 'نص', headers: {'Authorization': 'Bearer ' +
              localStorage.getItem('riwaya-write-token'), 'Content-Type': 'text/plain'}}).then(function (r) { done(r.status); });""")
    assert status == 202
    status = drv.execute_async_script("""
        var done = arguments[arguments.length - 1];
        fetch('/api/documents?filename=y.txt', {method: 'POST', body: 'نص', headers: {'Content-Type': 'text/plain'}})
          .then(function (r) { done(r.status); });""")
    assert status == 401


def test_api_docs_render_offline(drv, live, tmp_path):
    """/docs (Swagger UI from the swagger-ui-bundle package, no network) renders every operation."""
    from selenium.webdriver.support.ui import WebDriverWait
    drv.get(live + "/docs")
    WebDriverWait(drv, 20).until(lambda d: len(css(d, ".swagger-ui .opblock")) >= 10)
    page = drv.execute_script("return document.body.innerText")
    assert "Unable to render" not in page and "/api/documents" in page
    assert css(drv, ".swagger-ui .btn.authorize")          # the write token can be given here
    shot(drv, tmp_path, "api-docs")
    assert not [m for m in B.severe_logs(drv) if "Content Security Policy" in m or "Uncaught" in m]


def test_cross_site_page_cannot_write(drv, live, tmp_path):
    """A page of another site (here http://localhost:OTHER, while the app is http://127.0.0.1:PORT)
    tries what a hostile page can: a no-cors fetch, a fetch with a guessed token, a text/plain
    form post. None is accepted."""
    import http.server
    import urllib.request
    from selenium.webdriver.support.ui import WebDriverWait

    def jobs():
        return json.loads(urllib.request.urlopen(live + "/api/jobs").read())
    before = len(jobs())
    target = live + "/api/documents?filename=attack.txt"
    (tmp_path / "attack.html").write_text(f"""<!doctype html><html><body>
<form id="f" method="POST" enctype="text/plain" action="{target}" target="sink"><input name="x" value="نص"></form>
<iframe name="sink"></iframe>
<script>
var n = 0, out = [];
function end(what) {{ out.push(what); if (++n === 3) document.title = 'done ' + out.join(' '); }}
fetch('{target}', {{method: 'POST', mode: 'no-cors', body: 'نص', headers: {{'Content-Type': 'text/plain'}}}})
  .then(function (r) {{ end('nocors:' + r.type); }}, function (e) {{ end('nocors:error'); }});
fetch('{target}', {{method: 'POST', body: 'نص', headers: {{'Authorization': 'Bearer guessed-token-0123456789'}}}})
  .then(function (r) {{ end('token:' + r.status); }}, function (e) {{ end('token:blocked'); }});
document.querySelector('iframe').onload = function () {{ end('form'); }};
document.getElementById('f').submit();
</script></body></html>""", "utf-8")
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **k)  # noqa: E731
    other = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    th = threading.Thread(target=other.serve_forever, daemon=True)
    th.start()
    try:
        drv.get(f"http://localhost:{other.server_address[1]}/attack.html")
        WebDriverWait(drv, 20).until(lambda d: d.title.startswith("done"))
        assert "token:blocked" in drv.title            # the preflight for Authorization is never granted
    finally:
        other.shutdown()
    time.sleep(0.5)
    assert len(jobs()) == before                        # unauthenticated writes accepted: 0
