"""View exports: FollowTheMoney, CSV, GraphML, TimelineJS."""
import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from riwaya.exports import csv as csv_export
from riwaya.exports import ftm, graphml, timelinejs

FIXTURE = Path(__file__).parent / "fixtures" / "export_sample.json"
ODD = {"documents": [{"id": "d1", "text": None}], "entities": [{"id": "x", "type": "vehicle", "coordinates": "bad"}, {"type": "person"}],
       "events": [{"id": "v", "time": {"earliest": "garbage"}, "evidence": [None, {"doc": "zz"}], "participants": [None, {"entity": "x"}]}],
       "conflicts": [{"values": [None]}]}


@pytest.fixture(scope="module")
def sample():
    return json.loads(FIXTURE.read_text("utf-8"))


def test_ftm_validates_with_followthemoney(sample, tmp_path):
    model = pytest.importorskip("followthemoney").model
    out = tmp_path / "x.ftm.json"
    assert ftm.write(sample, str(out)) == [str(out)]
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    ids = {r["id"] for r in rows}
    assert len(ids) == len(rows)
    schemata = {r["schema"] for r in rows}
    assert {"Person", "Organization", "Address", "Trip", "Event", "Article", "Documentation", "Airplane"} <= schemata
    for r in rows:
        schema = model.get(r["schema"])
        assert schema is not None and not schema.abstract
        proxy = model.get_proxy(r, cleaned=False)
        for prop, values in r["properties"].items():
            p = schema.get(prop)
            assert p is not None, (r["schema"], prop)
            assert len(proxy.get(prop)) == len(values), (r["schema"], prop, values, proxy.get(prop))
            if p.type.name == "entity":
                assert all(v in ids for v in values), (r["schema"], prop)
    assad = next(r for r in rows if r["id"] == "riwaya-E-assad")
    assert {"Bashar al-Assad", "بشار الأسد"} <= set(assad["properties"]["name"])
    assert "الأسد" in assad["properties"]["alias"] and assad["properties"]["wikidataId"] == ["Q44329"]
    hm = next(r for r in rows if r["id"] == "riwaya-E-hmeimim")
    assert hm["schema"] == "Address" and float(hm["properties"]["latitude"][0]) == pytest.approx(35.4, abs=0.1)
    trip = next(r for r in rows if r["id"] == "riwaya-event-V-yak40")
    assert trip["schema"] == "Trip" and trip["properties"]["vehicle"] == ["riwaya-E-yak40"]
    assert trip["properties"]["startDate"][0].startswith("2024-12-08T01:30")


def test_csv_folder_and_zip(sample, tmp_path):
    files = csv_export.write(sample, str(tmp_path / "out"))
    names = {Path(f).name for f in files}
    assert {"entities.csv", "events.csv", "evidence.csv"} <= names
    ev = list(csv.DictReader(io.StringIO((tmp_path / "out" / "evidence.csv").read_text("utf-8-sig"))))
    texts = {d["id"]: d["text"] for d in sample["documents"]}
    assert ev and all(texts[r["doc"]][int(r["start"]):int(r["end"])] == r["text"] for r in ev)
    assert any("→" in r["isnad"] for r in ev)
    events = list(csv.DictReader(io.StringIO((tmp_path / "out" / "events.csv").read_text("utf-8-sig"))))
    assert len(events) == len(sample["events"])
    assert "C-assad-departure" in next(r for r in events if r["id"] == "V-leave-0230")["conflicts"]
    z = csv_export.write(sample, str(tmp_path / "out.zip"))
    with zipfile.ZipFile(z[0]) as zf:
        assert {"entities.csv", "events.csv", "evidence.csv"} <= set(zf.namelist())


def test_graphml_parses(sample, tmp_path):
    out = tmp_path / "g.graphml"
    graphml.write(sample, str(out))
    root = ET.parse(out).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = {n.get("id") for n in root.iterfind(".//g:node", ns)}
    edges = root.findall(".//g:edge", ns)
    assert "E-assad" in nodes and edges
    assert all(e.get("source") in nodes and e.get("target") in nodes for e in edges)
    kinds = {d.text for e in edges for d in e.iterfind("g:data", ns) if d.get("key") == "kind"}
    assert {"with", "reported", "went_to"} <= kinds


def test_timelinejs_shape(sample, tmp_path):
    out = tmp_path / "t.json"
    timelinejs.write(sample, str(out))
    tl = json.loads(out.read_text("utf-8"))
    assert "headline" in tl["title"]["text"]
    assert tl["events"]
    keys = [tuple(e["start_date"].get(k, 0) for k in ("year", "month", "day", "hour", "minute")) for e in tl["events"]]
    assert keys == sorted(keys)
    for e in tl["events"]:
        assert isinstance(e["start_date"]["year"], int) and "headline" in e["text"]
        assert "<script" not in e["text"]["text"]
    ev = next(e for e in tl["events"] if e["unique_id"] == "V-leave-0230")
    assert ev["end_date"]["hour"] == 2 and ev["end_date"]["minute"] == 30


@pytest.mark.parametrize("mod", [ftm, csv_export, graphml, timelinejs])
def test_exports_defensive(mod, tmp_path):
    for exp in ({}, ODD):
        files = mod.write(exp, str(tmp_path / f"{mod.__name__.rsplit('.', 1)[1]}.out"))
        assert files and all(Path(f).exists() for f in files)


def test_xss_is_escaped_in_timelinejs():
    exp = {"documents": [{"id": "d", "text": "<script>alert(1)</script>"}], "entities": [],
           "events": [{"id": "v", "class": "other", "type": "<b>x</b>", "time": {"earliest": "2024-12-08T01:00:00+03:00", "latest": None},
                       "evidence": [{"doc": "d", "start": 0, "end": 25}]}]}
    tl = timelinejs.timeline(exp)
    assert "<script" not in json.dumps(tl) and "&lt;script&gt;" in tl["events"][0]["text"]["text"]
