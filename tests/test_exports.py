"""View exports: FollowTheMoney, CSV, GraphML, TimelineJS, GeoJSON, each read back with the
library its users open it with (followthemoney, csv, networkx, TimelineJS's JSON shape, RFC 7946)."""
import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from riwaya.exports import csv as csv_export
from riwaya.exports import ftm, geojson, graphml, timelinejs

from .export_checks import check_ftm, check_geojson, check_timelinejs

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
    check_ftm(rows)
    # roles are titles with their organisation, never an id
    assert "President of Syria — Syria" in assad["properties"]["position"]
    arts = [r for r in rows if r["schema"] == "Article"]
    assert all(r["properties"]["language"][0] in ("ara", "eng") for r in arts)
    assert all("/" not in n for r in arts for n in r["properties"]["name"] + r["properties"].get("fileName", []))


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
    ents = {r["id"]: r for r in csv.DictReader(io.StringIO((tmp_path / "out" / "entities.csv").read_text("utf-8-sig")))}
    assert "President of Syria — Syria" in ents["E-assad"]["roles"].split(";")
    claims = list(csv.DictReader(io.StringIO((tmp_path / "out" / "claims.csv").read_text("utf-8-sig"))))
    assert len(claims) == sum(len(e["evidence"]) for e in sample["events"])
    assert all(texts[r["doc"]][int(r["start"]):int(r["end"])] == r["text"] for r in claims)
    c = next(r for r in claims if r["event"] == "V-yak40")
    assert c["destination"] == "Khmeimim Air Base" and c["source"] and c["label"]
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
    check_timelinejs(tl)
    # who did what where, grouped by person, with a source credit
    assert "Bashar al-Assad" in ev["text"]["headline"] and "→ Khmeimim" in ev["text"]["headline"]
    assert ev["group"] == "Bashar al-Assad" and "Sources:" in ev["text"]["text"] and "كامل صقر" in ev["text"]["text"]
    aleppo = next(e for e in tl["events"] if e["unique_id"] == "V-aleppo-27")
    assert not aleppo["text"]["headline"].rstrip().endswith(":") and aleppo["group"]


@pytest.mark.parametrize("mod", [ftm, csv_export, graphml, timelinejs, geojson])
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


def test_ftm_roles_become_memberships_and_trips_need_both_ends():
    pytest.importorskip("followthemoney")
    exp = {"documents": [{"id": "d1", "text": "x", "path": "/home/someone/news/a.txt", "language": "ar", "languages": ["ar", "en"],
                          "seq": 4, "outlet": None, "title": None, "published": "2024-12-09", "url": "https://example.org/a"}],
           "entities": [{"id": "e:person:p", "type": "person", "name_en": "P", "mentions": [],
                         "roles": [{"title": "chief of staff", "org": "org:army", "org_entity": "e:org:army", "org_type": "organization",
                                    "org_name_en": "Army", "start": "2022-04-28", "end": "2024-12-08", "source": "kb"},
                                   {"title": "president", "org": "country:sy", "org_entity": "e:country:sy", "org_type": "place",
                                    "org_name_en": "Syria", "source": "kb"}]},
                        {"id": "e:a", "type": "place", "name_en": "A", "coordinates": [33.5, 36.3], "mentions": []},
                        {"id": "e:b", "type": "place", "name_en": "B", "coordinates": [35.4, 35.9], "mentions": []}],
           "events": [{"id": "both", "class": "movement", "type": "flight", "origin": "e:a", "destination": "e:b",
                       "participants": [{"entity": "e:person:p", "role": "agent"}], "evidence": []},
                      {"id": "one", "class": "movement", "type": "arrival", "origin": None, "destination": "e:b",
                       "participants": [{"entity": "e:person:p", "role": "agent"}], "evidence": []}]}
    rows = list(ftm.entities(exp))
    check_ftm(rows)
    by = {r["id"]: r for r in rows}
    person = next(r for r in rows if r["schema"] == "Person")
    assert set(person["properties"]["position"]) == {"chief of staff — Army", "president — Syria"}
    m = [r for r in rows if r["schema"] == "Membership"]
    assert len(m) == 1 and m[0]["properties"]["role"] == ["chief of staff"]
    assert by[m[0]["properties"]["organization"][0]]["schema"] == "Organization"   # written although never mentioned
    assert m[0]["properties"]["startDate"] == ["2022-04-28"]
    assert by[ftm.fid("event", "both")]["schema"] == "Trip"
    one = by[ftm.fid("event", "one")]
    assert one["schema"] == "Event" and one["properties"]["addressEntity"] == [ftm.fid("e:b")]
    assert one["properties"]["name"] == ["P — arrival — ? → B"]
    art = by[ftm.fid("doc", "d1")]["properties"]
    assert art["language"] == ["ara", "eng"] and art["name"] == ["document 4 2024-12-09"]
    assert art["fileName"] == ["a.txt"] and art["sourceUrl"] == ["https://example.org/a"]
    assert art["publishedAt"] == ["2024-12-09"]


def test_graphml_reads_in_networkx_with_places_times_and_evidence(sample, tmp_path):
    nx = pytest.importorskip("networkx")
    out = tmp_path / "g.graphml"
    graphml.write(sample, str(out))
    g = nx.read_graphml(out)
    hm = g.nodes["E-hmeimim"]
    assert hm["type"] == "place" and hm["lat"] == pytest.approx(35.4011) and hm["lon"] == pytest.approx(35.9487)
    went = g.edges["E-qahtan", "E-hmeimim"]
    assert went["kind"] == "went_to" and went["earliest"].startswith("2024-12-08T01:30")
    assert "V-yak40" in went["events"].split() and "«" in went["evidence"]
    assert all(isinstance(d["weight"], float) for _, _, d in g.edges(data=True))


def test_geojson_places_and_legs(sample, tmp_path):
    out = tmp_path / "m.geojson"
    assert geojson.write(sample, str(out)) == [str(out)]
    fc = json.loads(out.read_text("utf-8"))
    check_geojson(fc)
    pts = {f["id"]: f for f in fc["features"] if f["geometry"]["type"] == "Point"}
    assert pts["E-hmeimim"]["geometry"]["coordinates"] == [35.9487, 35.4011]   # lon, lat
    assert "E-latakia-coast" not in pts                                         # no coordinates, no point
    legs = [f for f in fc["features"] if f["geometry"]["type"] == "LineString"]
    assert len(legs) == sum(len(i["legs"]) for i in sample["itineraries"])
    leg = next(f["properties"] for f in legs if f["properties"]["event"] == "V-leave-0230")
    assert leg["person_name"] == "Bashar al-Assad" and leg["to"] == "Khmeimim Air Base"
    assert leg["earliest"].startswith("2024-12-07T18:58") and leg["start_ms"] == 1733587080000
    assert "كامل صقر" in leg["account"] and leg["evidence"].startswith("«") and leg["disputed"] is True


def test_every_export_of_the_bundled_corpus_reads_back(built_db, tmp_path):
    """Build the bundled corpus, export every format, read each back with its users' library."""
    nx = pytest.importorskip("networkx")
    pytest.importorskip("followthemoney")
    from riwaya.exports.json_export import validate
    from riwaya.store import Store
    exp = Store(built_db).export()
    assert validate(exp) == []
    rows = list(ftm.entities(exp))
    check_ftm(rows)
    assert any(r["schema"] == "Membership" for r in rows)
    assad = next(r for r in rows if r["schema"] == "Person" and "Bashar al-Assad" in r["properties"]["name"])
    assert not any(p.startswith(("country:", "org:", "e:")) for p in assad["properties"]["position"])
    assert all(r["properties"].get("language") and not any("/" in n for n in r["properties"]["name"])
               for r in rows if r["schema"] == "Article")
    tl = timelinejs.timeline(exp)
    check_timelinejs(tl)
    assert not [s for s in tl["events"] if s["text"]["headline"].rstrip().endswith(":")]
    assert len({s["group"] for s in tl["events"]}) > 5
    graphml.write(exp, str(tmp_path / "g.graphml"))
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert any("lat" in d for _, d in g.nodes(data=True)) and any("earliest" in d for *_, d in g.edges(data=True))
    fc = geojson.collection(exp)
    check_geojson(fc)
    assert {"Point", "LineString"} <= {f["geometry"]["type"] for f in fc["features"]}
    files = csv_export.write(exp, str(tmp_path / "csv"))
    claims = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "claims.csv").read_text("utf-8-sig"))))
    assert len(claims) == sum(len(e["evidence"]) for e in exp["events"]) and len(files) == 6   # with review_log.csv
    ents = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "entities.csv").read_text("utf-8-sig"))))
    assert "president — Syria" in next(r for r in ents if r["name_en"] == "Bashar al-Assad")["roles"].split(";")
