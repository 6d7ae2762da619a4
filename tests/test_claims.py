"""Who says what (riwaya/claims.py): claims, isnads outermost first, independent accounts."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from riwaya.claims import format_claims, who_says
from riwaya.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "export_sample.json"
TEXT = "قالت رويترز إن الأسد غادر إلى موسكو. ونقلت عن مصدر أنه وصل إلى روسيا."


def small_export():
    """Three documents: 1 and 2 are copies (one account), 3 is an outlet quoting NBC; they
    disagree on the destination."""
    docs = [{"id": f"d{i}", "seq": i, "text": TEXT, "path": f"/secret/folder/{i}_headline.txt",
             "title": f"Headline {i}", "outlet": "Reuters" if i == 3 else None} for i in (1, 2, 3)]
    ev = lambda doc, acc, dest, chain: {  # noqa: E731
        "doc": doc, "start": 13, "end": 36, "account": f"acc:{doc}", "independent_account": acc,
        "attribution": {"chain": chain, "hedge": None}, "values": {"destination": dest, "polarity": "asserted"}}
    evidence = [ev("d1", "acc:d1", "E-moscow", []), ev("d2", "acc:d1", "E-moscow", []),
                ev("d3", "E-nbc", "E-russia", [{"name": "Reuters", "kind": "outlet"},
                                               {"name": "إن بي سي", "kind": "source_outlet"},
                                               {"name": "مصدر", "kind": "unnamed_source"}])]
    return {
        "schema": "riwaya/1", "documents": docs,
        "entities": [{"id": "E-assad", "type": "person", "name_ar": "بشار الأسد", "name_en": "Bashar al-Assad"},
                     {"id": "E-moscow", "type": "place", "name_ar": "موسكو", "name_en": "Moscow"},
                     {"id": "E-russia", "type": "place", "name_ar": "روسيا", "name_en": "Russia"},
                     {"id": "E-nbc", "type": "organization", "name_ar": "إن بي سي", "name_en": "NBC News",
                      "aliases": ["NBC"]}],
        "events": [{"id": "V1", "class": "movement", "type": "departure",
                    "participants": [{"entity": "E-assad", "role": "agent", "accounts": ["acc:d1", "E-nbc"]}],
                    "destination": "E-moscow", "evidence": evidence, "corroboration": 2,
                    "values": {"destination": [{"value": "E-moscow", "evidence": [0, 1]},
                                               {"value": "E-russia", "evidence": [2]}],
                               "polarity": [{"value": "asserted", "evidence": [0, 1, 2]}]}}],
        "conflicts": [{"id": "C1", "event": "V1", "field": "destination", "kind": "precision", "values": []}],
        "relations": [{"kind": "copy", "docs": ["d1", "d2"]}],
    }


def test_claims_group_by_independent_account():
    res = who_says(small_export(), entity="E-assad")
    assert res["subject"]["name"] == "Bashar al-Assad" and len(res["events"]) == 1
    ev = res["events"][0]
    by = {(c["slot"], c["label"]): c for c in ev["claims"]}
    moscow = by[("destination", "Moscow")]
    # two documents that copy each other are one account, telling it twice
    assert moscow["independent"] == 1 and len(moscow["accounts"]) == 1
    assert [x["doc"] for x in moscow["accounts"][0]["evidence"]] == ["d1", "d2"]
    assert moscow["conflict"] == {"id": "C1", "kind": "precision"}
    happened = by[("polarity", "happened")]
    assert happened["independent"] == 2
    # the isnad, outermost first: the publisher (its outlet), then whom it cites, by entity name
    russia = by[("destination", "Russia")]
    chain = [lk["name"] for lk in russia["accounts"][0]["evidence"][0]["isnad"]]
    assert chain == ["Reuters", "NBC News", "مصدر"]
    assert russia["accounts"][0]["label"] == "NBC News"
    # documents without an outlet are "document N": never a file name or a headline
    shown = json.dumps(res, ensure_ascii=False)
    assert "headline" not in shown.lower() and "/secret/" not in shown
    assert moscow["accounts"][0]["evidence"][0]["isnad"] == [{"name": "document 1", "kind": "publisher"}]
    assert ("agent", "Bashar al-Assad") in by and by[("agent", "Bashar al-Assad")]["independent"] == 2


def test_isnad_keeps_another_agency_after_the_publisher():
    """A dateline's agency that is not the publisher follows it; the publisher itself is not repeated."""
    exp = small_export()
    exp["documents"][2]["outlet"] = "عكاظ"
    exp["events"][0]["evidence"][2]["attribution"]["chain"][0] = {"name": "رويترز", "kind": "outlet"}
    exp["entities"].append({"id": "E-reuters", "type": "organization", "name_ar": "رويترز", "name_en": "Reuters"})
    c = next(c for c in who_says(exp, event="V1")["events"][0]["claims"] if c["label"] == "Russia")
    assert [lk["name"] for lk in c["accounts"][0]["evidence"][0]["isnad"]] == ["عكاظ", "Reuters", "NBC News", "مصدر"]


def test_claims_of_an_event_in_arabic_and_as_text():
    res = who_says(small_export(), event="V1", lang="ar")
    labels = {(c["slot_label"], c["label"]) for c in res["events"][0]["claims"]}
    assert ("الوجهة", "موسكو") in labels and ("وقوعه", "وقع") in labels
    text = "\n".join(format_claims(res))
    assert "الوثيقة 1" in text and "⚠ precision C1" in text
    assert who_says(small_export(), event="nope") is None and who_says(small_export(), entity="nope") is None


def test_claims_of_an_old_export_without_accounts():
    """Events without values or accounts (older exports): each document counts once."""
    data = json.loads(FIXTURE.read_text("utf-8"))
    res = who_says(data, entity="E-assad")
    assert res["events"]
    for ev in res["events"]:
        for c in ev["claims"]:
            docs = [x["doc"] for a in c["accounts"] for x in a["evidence"]]
            assert c["independent"] == len({a["account"] for a in c["accounts"]}) >= 1 and docs
    # hostile shapes: junk in lists and missing keys are skipped, never a traceback
    data["events"].append({"id": "V-junk", "participants": [None, {"entity": "E-assad"}], "evidence": [None, 3, {}],
                           "values": {"destination": [None, {"value": None, "evidence": [99, "x"]}]}})
    assert who_says(data, event="V-junk")["events"][0]["claims"] is not None
    data["events"].append({"id": "V-junk2", "participants": [], "evidence": 7, "values": {"place": 5, "time": [{"value": 1, "evidence": 3}]}})
    data["conflicts"].append({"id": "C-junk", "event": ["x"], "field": 3, "values": 9})
    assert who_says(data, event="V-junk2")["events"][0]["claims"] == [
        {"slot": "time", "slot_label": "the time", "value": 1, "label": "1", "independent": 0, "conflict": None, "accounts": []}]
    assert who_says(data, entity="E-assad")


def test_api_claims():
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from riwaya.web import create_app
    c = TestClient(create_app(export_loader=small_export), base_url="http://127.0.0.1")
    r = c.get("/api/claims", params={"entity": "E-assad"})
    assert r.status_code == 200 and r.json()["events"][0]["event"] == "V1"
    assert c.get("/api/claims", params={"event": "V1", "lang": "ar"}).json()["subject"]["kind"] == "event"
    assert c.get("/api/claims").status_code == 400
    assert c.get("/api/claims", params={"entity": "E-assad", "event": "V1"}).status_code == 400
    assert c.get("/api/claims", params={"entity": "nobody"}).status_code == 404
    assert c.get("/api/claims", params={"event": "V1", "lang": "fr"}).status_code == 422
    assert "/api/claims" in c.get("/openapi.json").json()["paths"]


def test_show_claims_on_the_bundled_corpus(built_db):
    r = CliRunner().invoke(main, ["show", "بشار الأسد", "--claims", "--db", built_db])
    assert r.exit_code == 0, r.output
    assert "who says what" in r.output and "independent" in r.output
    assert ".txt" not in r.output                       # sources by outlet, never by file name
    from riwaya.store import Store
    exp = Store(built_db).export()
    top = max(exp["events"], key=lambda e: e.get("corroboration") or 0)
    r = CliRunner().invoke(main, ["show", top["id"], "--lang", "ar", "--db", built_db])
    assert r.exit_code == 0 and f"{top['corroboration']} independent account(s)" in r.output


def test_report_labels_name_every_slot_and_polarity():
    """The report's who-says-what tables name slots, polarity values and roles in both languages,
    from the same data files as the CLI's wording."""
    from riwaya.claims import SLOTS, slot_label
    from riwaya.report import labels
    lab = labels()
    for slot in SLOTS:
        assert lab["en"][f"field_{slot}"] == slot_label(slot, "en") and lab["ar"][f"field_{slot}"] == slot_label(slot, "ar")
    assert lab["ar"]["polval_denied"] and lab["en"]["role_agent"] == "agent"
    for k in ("who_says", "claim", "independent", "who_says_it", "disputed_only", "all_claims", "open_event"):
        assert lab["ar"][k] and lab["en"][k]
