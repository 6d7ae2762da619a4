"""The views that answer the next question, in headless Chromium: who says what, tabs and filters in
the URL (Back, Forward, shared links), timeline labels that never overlap, legend colours that never
repeat. With RIWAYA_SCREENSHOTS=DIR the new views are saved there (docs/screenshots)."""
import itertools
import json
import math
import os
from pathlib import Path

import pytest

from . import browser as B

pytestmark = pytest.mark.skipif(not B.available(), reason="needs chromium, chromedriver and selenium")
FIXTURE = Path(__file__).parents[1] / "fixtures" / "export_sample.json"
SHOTS = os.environ.get("RIWAYA_SCREENSHOTS")


@pytest.fixture(scope="module")
def drv():
    d = B.start()
    yield d
    B.stop(d)


@pytest.fixture(scope="module")
def corpus(built_db, tmp_path_factory):
    """The bundled corpus (the five seed articles with their metadata) as a report file."""
    from riwaya.report import render
    from riwaya.store import Store
    exp = Store(built_db).export()
    f = tmp_path_factory.mktemp("views") / "report.html"
    f.write_text(render(exp), "utf-8")
    return exp, f


def css(drv, sel):
    from selenium.webdriver.common.by import By
    return drv.find_elements(By.CSS_SELECTOR, sel)


def shot(drv, name, top=None):
    if SHOTS:
        drv.execute_script("var n = arguments[0] && document.querySelector(arguments[0]); if (n) n.scrollIntoView(); else window.scrollTo(0, 0);", top)
        os.makedirs(SHOTS, exist_ok=True)
        drv.save_screenshot(os.path.join(SHOTS, f"{name}.png"))


def frag(drv):
    return drv.execute_script("return location.hash")


def test_tabs_and_filters_live_in_the_url(drv, tmp_path):
    from riwaya.report import render
    f = tmp_path / "r.html"
    f.write_text(render(json.loads(FIXTURE.read_text("utf-8"))), "utf-8")
    drv.get(f.as_uri())
    B.wait_ready(drv)
    assert frag(drv) == "#timeline"
    B.click(drv, "#tl-group-place")
    assert frag(drv) == "#timeline?group=place"
    B.click(drv, "#tl-night")
    night = frag(drv)
    assert "from=" in night and "to=" in night and "group=place" in night
    B.click(drv, "#tab-map")
    B.click(drv, "#map-close")
    assert frag(drv).startswith("#map?view=")
    B.click(drv, "#tab-people")
    B.click(drv, 'tr.person-row[data-id="E-assad"]')
    assert frag(drv) == "#person/E-assad"
    B.click(drv, "#claims-disputed")
    assert frag(drv) == "#person/E-assad?claims=disputed"
    B.click(drv, "#lang")
    assert frag(drv) == "#person/E-assad?claims=disputed&lang=en"
    # Back walks every step, Forward comes back
    drv.back()
    assert frag(drv) == "#person/E-assad?claims=disputed" and drv.execute_script("return document.documentElement.dir") == "rtl"
    drv.back()
    assert frag(drv) == "#person/E-assad" and not css(drv, "#claims-disputed.on")
    drv.back()
    drv.back()
    assert frag(drv).startswith("#map?view=") and css(drv, "#view-map")
    drv.back()
    drv.back()
    assert frag(drv) == night and css(drv, "#tl-group-place.on")
    assert drv.execute_script("return window.riwaya.state.view[1] - window.riwaya.state.view[0]") == 14 * 3600e3
    drv.back()
    assert frag(drv) == "#timeline?group=place"
    drv.forward()
    assert frag(drv) == night
    # a shared link opens the same view in a fresh page
    for link, check in ((night, "#tl-group-place.on"), ("#person/E-assad?claims=disputed&lang=en", "#claims-disputed.on"),
                        ("#search?q=%D8%A7%D9%84%D8%A7%D8%B3%D8%AF", '#search-results a.person-link[data-id="E-assad"]'),
                        ("#conflicts?c=C-assad-departure", "#conflict-C-assad-departure")):
        drv.get("about:blank")
        drv.get(f.as_uri() + link)
        B.wait_ready(drv)
        assert css(drv, check), link
        assert frag(drv) == link
    assert drv.execute_script("return document.documentElement.dir") == "rtl"   # the last link names no language
    # junk in the address is ignored, never an error
    drv.get(f.as_uri() + "#timeline?from=nonsense&to=%E0%A4%A&view=1,2&sel=<b>")
    B.wait_ready(drv)
    assert css(drv, "#timeline-svg rect.bar")
    assert not [m for m in B.severe_logs(drv) if "Uncaught" in m]


def test_who_says_what_in_the_report(drv, corpus):
    """The dossier's and the event's tables show the same claims and accounts as riwaya/claims.py."""
    from riwaya.claims import who_says
    exp, f = corpus
    top = max((e for e in exp["entities"] if e.get("type") == "person"), key=lambda e: len(e.get("mentions") or []))
    drv.get(f.as_uri() + f"#person/{top['id']}?lang=en")
    B.wait_ready(drv)
    rows = css(drv, "#claims-table tr.claim")
    py = who_says(exp, entity=top["id"])
    assert len(rows) == sum(len(ev["claims"]) for ev in py["events"]) > 10
    shown = [(r.get_attribute("data-event"), r.get_attribute("data-slot"), int(r.find_element("css selector", ".n-independent").text))
             for r in rows]
    assert shown == [(ev["event"], c["slot"], c["independent"]) for ev in py["events"] for c in ev["claims"]]
    for ev in py["events"]:
        js = drv.execute_script("return window.riwaya.claims(arguments[0])", ev["event"])
        assert [(c["slot"], json.dumps(c["value"], sort_keys=True), [a["account"] for a in c["accounts"]]) for c in js] == \
               [(c["slot"], json.dumps(c["value"], sort_keys=True), [a["account"] for a in c["accounts"]]) for c in ev["claims"]]
        # the same isnads, outermost first
        isnads = drv.execute_script("return window.riwaya.claims(arguments[0]).map(function (c) { return c.accounts.map(function (a) {"
                                    " return a.evidence.map(function (sp) { return window.riwaya.isnad(sp).map(function (l) { return l.name; }); }); }); })", ev["event"])
        assert isnads == [[[[lk["name"] for lk in x["isnad"]] for x in a["evidence"]] for a in c["accounts"]] for c in ev["claims"]]
    # isnads are named by outlets or "document N", never by a file name
    page = drv.execute_script("return document.getElementById('claims-table').innerText")
    assert ".txt" not in page and "Alhurra" in page or "الحرة" in page
    shot(drv, "who-says-what-en", "#claims-filter")
    # the disputed filter keeps only claims with a conflict
    B.click(drv, "#claims-disputed")
    assert css(drv, "#claims-table tr.claim") and all("disputed" in r.get_attribute("class") for r in css(drv, "#claims-table tr.claim"))
    # an event's own view, from its card; one click from an account to its sentence
    best = max(py["events"], key=lambda ev: len(ev["claims"]))
    drv.get(f.as_uri() + f"#event/{best['event']}")
    B.wait_ready(drv)
    assert len(css(drv, "#claims-table tr.claim")) == len(best["claims"])
    shot(drv, "who-says-what-event-ar")
    link = css(drv, "#claims-table a.goto")[0]
    doc, start, end = link.get_attribute("data-doc"), int(link.get_attribute("data-start")), int(link.get_attribute("data-end"))
    link.click()
    assert frag(drv) == f"#src/{doc}/{start}/{end}"
    drv.back()
    assert frag(drv) == f"#event/{best['event']}" and css(drv, "#claims-table")


def _overlaps(boxes):
    bad = []
    for (a, ra), (b, rb) in itertools.combinations(boxes, 2):
        if ra["x"] < rb["x"] + rb["w"] - 0.5 and rb["x"] < ra["x"] + ra["w"] - 0.5 and \
           ra["y"] < rb["y"] + rb["h"] - 0.5 and rb["y"] < ra["y"] + ra["h"] - 0.5:
            bad.append((a, b))
    return bad


BOXES = """
var svg = document.getElementById('timeline-svg'), out = [];
function box(n) { var r = n.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; }
var sb = svg.getBoundingClientRect(), k = sb.width / svg.viewBox.baseVal.width, cr = svg.querySelector('#plotclip rect');
var clip = {left: sb.left + k * cr.x.baseVal.value, right: sb.left + k * (cr.x.baseVal.value + cr.width.baseVal.value)};
clip.width = clip.right - clip.left;
svg.querySelectorAll('text.tl-label').forEach(function (t) { if (t.textContent) out.push(['label ' + t.textContent, box(t)]); });
svg.querySelectorAll('rect.bar').forEach(function (r) {
  var b = box(r), x0 = Math.max(b.x, clip.left), x1 = Math.min(b.x + b.w, clip.right);   // the part in view
  if (x1 > x0) out.push(['bar ' + r.getAttribute('data-id'), {x: x0, y: b.y, w: x1 - x0, h: b.h}]); });
svg.querySelectorAll('text.tl-row-label').forEach(function (t) { out.push(['row ' + t.textContent, box(t)]); });
return {boxes: out, clip: {x: clip.left, w: clip.width}};
"""


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_timeline_labels_never_overlap(drv, corpus, lang):
    """Every label's box, measured in Chromium, meets no other label, no bar and stays in the plot:
    around the busiest night, on its day and over the whole range."""
    exp, f = corpus
    drv.get(f.as_uri() + f"#timeline?lang={lang}")
    B.wait_ready(drv)
    views = {"default": None, "night": "#tl-night", "all": "#tl-all", "day": "button.day"}
    for name, button in views.items():
        if button:
            B.click(drv, button)
        for group in ("person", "place"):
            B.click(drv, f"#tl-group-{group}")
            got = drv.execute_script(BOXES)
            labels = [b for b in got["boxes"] if b[0].startswith("label ")]
            if name == "night":
                assert len(labels) >= 10, (group, len(labels))
            assert not _overlaps(got["boxes"]), (lang, name, group, _overlaps(got["boxes"])[:3])
            for lab, r in labels:
                assert got["clip"]["x"] - 1 <= r["x"] and r["x"] + r["w"] <= got["clip"]["x"] + got["clip"]["w"] + 1, lab
            # a cut label keeps its whole text as a tooltip
            assert drv.execute_script("return Array.from(document.querySelectorAll('#timeline-svg text.tl-label')).every("
                                      "function (t) { return !/…$/.test(t.textContent) || (t.querySelector('title') || {}).textContent; })")


def _lab(c):
    r, g, b = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [((v + 0.055) / 1.055) ** 2.4 if v > 0.04045 else v / 12.92 for v in (r, g, b)]
    x = (lin[0] * 0.4124 + lin[1] * 0.3576 + lin[2] * 0.1805) / 0.95047
    y = lin[0] * 0.2126 + lin[1] * 0.7152 + lin[2] * 0.0722
    z = (lin[0] * 0.0193 + lin[1] * 0.1192 + lin[2] * 0.9505) / 1.08883
    t = [v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in (x, y, z)]
    return 116 * t[1] - 16, 500 * (t[0] - t[1]), 200 * (t[1] - t[2])


SWATCHES = """return Array.from(document.querySelectorAll(arguments[0] + ' .sw')).map(function (n) {
  var m = getComputedStyle(n).backgroundColor.match(/\\d+/g); return '#' + m.slice(0, 3).map(function (v) { return ('0' + (+v).toString(16)).slice(-2); }).join(''); });"""


def test_legend_colours_are_distinct(drv, corpus):
    exp, f = corpus
    drv.get(f.as_uri() + "#map")
    B.wait_ready(drv)
    groups = drv.execute_script(SWATCHES, "#map-legend")
    assert len(groups) == len([i for i in exp.get("itineraries") or []]) + 1 > 10     # every person's route, and "other"
    drv.get(f.as_uri() + "#timeline")
    B.wait_ready(drv)
    classes = drv.execute_script(SWATCHES, "#tl-legend")
    assert len(classes) >= 3
    for shown in (groups, classes):
        assert len(set(shown)) == len(shown), shown
        worst = min(math.dist(_lab(a), _lab(b)) for a, b in itertools.combinations(shown, 2))
        assert worst >= 15, (worst, shown)      # CIE76: clearly different colours, not two shades of one
    # the palette never repeats, however many groups
    many = drv.execute_script("return Array.from({length: 200}, function (_, i) { return window.riwaya.color(i); })")
    assert len(set(many)) == 200


def test_live_app_keeps_the_view_in_the_url(drv):
    """The same in the web app (http, fed by the API): a link opens the view, Back returns."""
    pytest.importorskip("uvicorn")
    from riwaya.web import create_app
    from tests.serving import served
    data = json.loads(FIXTURE.read_text("utf-8"))
    with served(create_app(export_loader=lambda: data), start_s=5, stop_s=5) as (url, _port):
        drv.get(url + "/#person/E-assad?lang=en")
        B.wait_ready(drv)
        assert css(drv, "#dossier #claims-table tr.claim") and drv.execute_script("return document.documentElement.dir") == "ltr"
        B.click(drv, "a.open-event")
        assert frag(drv).startswith("#event/") and css(drv, "#view-event #claims-table")
        drv.back()
        assert frag(drv) == "#person/E-assad?lang=en" and css(drv, "#dossier")
        claims = json.loads(drv.execute_script("var x = new XMLHttpRequest(); x.open('GET', '/api/claims?entity=E-assad', false); x.send(); return x.responseText"))
        assert len(css(drv, "#claims-table tr.claim")) == sum(len(e["claims"]) for e in claims["events"])
