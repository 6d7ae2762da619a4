"""The offline HTML report: self-contained, CSP, untrusted text embedded safely, defensive on odd exports."""
import copy
import json
import re
from pathlib import Path

import pytest

from riwaya.report import render, safe_json

FIXTURE = Path(__file__).parent / "fixtures" / "export_sample.json"
XSS = ['</script><script>alert(1)</script>', '<img src=x onerror="alert(2)">', '<!-- <script>', "\u2028x"]


@pytest.fixture(scope="module")
def sample():
    return json.loads(FIXTURE.read_text("utf-8"))


def evil(sample):
    d = copy.deepcopy(sample)
    doc = d["documents"][0]
    doc["text"] += "\n" + " ".join(XSS)
    doc["title"] = XSS[1]
    d["entities"][0]["name_en"] = XSS[0]
    return d


def test_fixture_spans_are_real(sample):
    from riwaya.exports.json_export import validate
    assert validate(sample) == []
    texts = {d["id"]: d["text"] for d in sample["documents"]}
    for ev in sample["events"]:
        for sp in ev["evidence"]:
            assert texts[sp["doc"]][sp["start"]:sp["end"]].strip()
    assert len(sample["itineraries"]) >= 2 and len(sample["conflicts"]) >= 2


def test_render_self_contained(sample):
    html = render(sample)
    assert html.startswith("<!doctype html>")
    assert 'http-equiv="Content-Security-Policy"' in html and "default-src 'none'" in html
    assert "connect-src 'none'" in html
    # no network: no external src/href, no CDN
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', html)
    assert "<script src" not in html and "<link" not in html
    for view in ("timeline", "map", "people", "graph", "conflicts", "sources"):
        assert view in html
    assert "riwaya-basemap" in html and "Natural Earth" in html
    assert len(html) < 3_000_000


def test_script_hash_matches(sample):
    import base64
    import hashlib
    html = render(sample)
    script = html.rsplit("<script>", 1)[1].rsplit("</script>", 1)[0]
    h = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{h}'" in html


def test_untrusted_text_cannot_break_out(sample):
    html = render(evil(sample))
    # the only executable script is ours; the payloads are inside JSON blocks, escaped
    assert html.count("<script>") == 1
    assert "<script>alert" not in html and "<img src=x" not in html and "<!--" not in html
    blocks = re.findall(r'<script type="application/json" id="riwaya-data">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert XSS[0] in data["documents"][0]["text"] and data["entities"][0]["name_en"] == XSS[0]


def test_safe_json_escapes():
    s = safe_json({"a": "</script><b>&\u2028"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"a": "</script><b>&\u2028"}


@pytest.mark.parametrize("export", [
    {}, {"schema": "riwaya/1"}, {"documents": None, "entities": None, "events": None},
    {"documents": [{"id": "d1"}], "entities": [{"id": "e", "type": "place", "coordinates": None, "mentions": None}],
     "events": [{"id": "v", "time": None, "evidence": None, "participants": None}],
     "conflicts": [{"id": "c", "values": None}], "itineraries": [{"person": None, "legs": None, "fate": None}]},
])
def test_render_defensive(export):
    html = render(export)
    assert "riwaya-data" in html


def test_labels_bilingual():
    from riwaya.report import asset
    from riwaya.report import labels as page_labels
    labels = page_labels()     # labels.json with the review controls' review_labels.json
    assert set(labels["ar"]) == set(labels["en"])
    js = asset("report.js")
    used = set(re.findall(r"\bL\('([a-z_]+)'\)", js))
    missing = {k for k in used if k not in labels["en"]}
    assert not missing, missing


def test_basemap_small_and_licensed():
    from riwaya.report import asset
    bm = json.loads(asset("basemap.json"))
    names = {c["name"] for c in bm["countries"]}
    assert {"Syria", "Lebanon", "Russia", "Iran", "Turkey"} <= names
    assert len(asset("basemap.json")) < 400_000
    assert "ISC" in asset("LICENSE-world-atlas.txt") or "Permission" in asset("LICENSE-world-atlas.txt")


def test_js_builds_with_textcontent_only():
    from riwaya.report import asset
    js = asset("report.js")
    assert "innerHTML" not in js and "outerHTML" not in js and "insertAdjacentHTML" not in js
    assert "document.write" not in js and "eval(" not in js and "new Function" not in js
