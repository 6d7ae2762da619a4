"""Corrections (issue 18): stable keys, applying, undoing, re-applying after a rebuild, orphans,
the CLI and the API (token, malformed bodies), the export and `eval corrections`."""
import copy
import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from riwaya import corrections as C
from riwaya.cli import main
from riwaya.pipeline import refresh
from riwaya.store import SCHEMA_VERSION, Store

TOKEN = "corrections-token-0123456789"


@pytest.fixture()
def db(built_db, tmp_path):
    """A private copy of the built bundled corpus (the session's store stays untouched)."""
    src = sqlite3.connect(built_db[len("sqlite:///"):])
    dst_path = tmp_path / "review.db"
    dst = sqlite3.connect(dst_path)
    src.backup(dst)
    src.close()
    dst.close()
    return f"sqlite:///{dst_path}"


def _leg(r):
    it = next(i for i in r["itineraries"] if i.get("legs"))
    return it, it["legs"][0]


def test_apply_undo_and_rebuild_keep_corrections(db):
    s = Store(db)
    before = s.corpus()
    it, leg = _leg(before)
    other = next(e["id"] for e in before["entities"] if e["type"] == "place" and e["id"] not in (leg["to"], leg["from"]))
    cf = before["conflicts"][0]
    c1 = C.add(s, "leg", f"{it['person']}|{leg['event']}", "to", other, note="the plane landed elsewhere", author="r1")
    c2 = C.add(s, "conflict", cf["id"], "status", "rejected", note="two precisions of one place")
    assert c1["status"] == c2["status"] == "active"
    assert c1["target"].startswith(("kb:", "m:")) and "|" in c1["target"]      # a stable key, not an id
    after = s.corpus()
    _, leg2 = _leg(after)
    assert leg2["to"] == other and leg2["review"]["corrected"]["to"]["old"] == leg["to"]
    fate = _leg(after)[0]["fate"]
    if (it.get("fate") or {}).get("event") == leg["event"] and it["fate"]["status"] == "moved":
        assert fate["place"] == other and fate["review"]["corrected"]["to"]["new"] == other
    assert next(c for c in after["conflicts"] if c["id"] == cf["id"])["review"]["status"] == "rejected"
    assert s.uncorrected() is not None
    # a rebuild of the corpus stage re-applies them
    assert refresh(s) == []
    again = s.corpus()
    assert _leg(again)[1]["to"] == other
    assert next(c for c in again["conflicts"] if c["id"] == cf["id"])["review"]["status"] == "rejected"
    # undo both: the results are riwaya's own again, and the log keeps them as undone
    C.undo(s, c1["id"])
    C.undo(s, c2["id"])
    plain = s.corpus()
    assert _leg(plain)[1]["to"] == leg["to"] and "review" not in _leg(plain)[1]
    assert s.uncorrected() is None
    assert [c["status"] for c in s.corrections()] == ["undone", "undone"]
    with pytest.raises(C.CorrectionError, match="already undone"):
        C.undo(s, c1["id"])


def test_orphaned_after_rebuild_without_the_document(db, corpus_dir):
    s = Store(db)
    r = s.corpus()
    ev = next(e for e in r["events"] if len({sp["doc"] for sp in e["evidence"]}) == 1)
    doc = ev["evidence"][0]["doc"]
    c = C.add(s, "event", ev["id"], "status", "rejected")
    assert c["status"] == "active"
    s.delete([doc])
    orphaned = refresh(s)
    assert [o["id"] for o in orphaned] == [c["id"]]
    kept = s.correction(c["id"])
    assert kept["status"] == "orphaned" and "after this build" in kept["reason"]
    # the document comes back: so does the correction
    from riwaya.pipeline import build
    rep = build([str(corpus_dir)], db, progress=False)
    assert rep.added == 1 and rep.orphaned == []
    assert s.correction(c["id"])["status"] == "active"


def test_malformed_corrections_say_why(db):
    s = Store(db)
    r = s.corpus()
    ev = r["events"][0]["id"]
    for args, why in [(("film", ev, "type", "x"), "unknown target kind"),
                      (("event", "ev_nope", "type", "arrival"), "no event"),
                      (("event", ev, "colour", "red"), "no field"),
                      (("event", ev, "type", "teleport"), "not a known event type"),
                      (("event", ev, "time", "yesterday"), "ISO 8601"),
                      (("event", ev, "status", "maybe"), "status must be"),
                      (("event", ev, "role:pilot", "e:x"), "no role 'pilot'"),
                      (("conflict", r["conflicts"][0]["id"], "note", ""), "needs its text"),
                      (("entity", r["entities"][0]["id"], "merge", r["entities"][0]["id"]), "itself")]:
        with pytest.raises(C.CorrectionError, match=why):
            C.add(s, *args)
    assert s.corrections() == []


def test_merge_and_split_on_results():
    ents = [{"id": "e:a", "type": "person", "name_ar": "علي", "name_en": "Ali", "aliases": [], "roles": [], "kb_id": None,
             "mentions": [{"doc": "d1", "start": 0, "end": 3}, {"doc": "d2", "start": 5, "end": 8}]},
            {"id": "e:b", "type": "person", "name_ar": "علي حسن", "name_en": None, "aliases": [], "roles": [], "kb_id": "person:ali",
             "mentions": [{"doc": "d3", "start": 0, "end": 7}]}]
    evs = [{"id": "ev1", "class": "movement", "type": "flight", "participants": [{"entity": "e:b", "role": "agent"}],
            "origin": None, "destination": None, "via": [], "place": None, "means": None, "time": None,
            "evidence": [{"doc": "d3", "start": 0, "end": 20, "trigger_start": 9}]},
           {"id": "ev2", "class": "movement", "type": "flight", "participants": [{"entity": "e:a", "role": "agent"}],
            "origin": None, "destination": None, "via": [], "place": None, "means": None, "time": None,
            "evidence": [{"doc": "d2", "start": 0, "end": 20, "trigger_start": 10}]}]
    results = {"entities": ents, "events": evs, "conflicts": [], "relations": [], "itineraries": []}
    merge = dict(C.make(results, set(), "entity", "e:a", "merge", "e:b"), id=1, at="1", status="active")
    assert merge["target"] == "m:d1:0:3" and merge["new"] == {"entity": "kb:person:ali"}
    r = copy.deepcopy(results)
    out = C.apply(r, [merge])
    assert out[1].status == "active"
    assert [e["id"] for e in r["entities"]] == ["e:a"] and len(r["entities"][0]["mentions"]) == 3
    assert r["events"][0]["participants"][0]["entity"] == "e:a"       # references follow the merge
    split = dict(C.make(results, set(), "entity", "e:a", "split", {"mentions": ["d2:5:8"], "name": "علي الآخر"}),
                 id=2, at="2", status="active")
    r = copy.deepcopy(results)
    C.apply(r, [split])
    new = next(e for e in r["entities"] if e.get("split_from") == "e:a")
    assert new["name_ar"] == "علي الآخر" and new["mentions"] == [{"doc": "d2", "start": 5, "end": 8}]
    assert r["events"][1]["participants"][0]["entity"] == new["id"]    # told only where the split-off one is named
    with pytest.raises(C.CorrectionError, match="no mention"):
        C.make(results, set(), "entity", "e:a", "split", {"mentions": [["d9", 1, 2]]})
    # a target that is gone is orphaned, never dropped
    gone = dict(merge, id=3, target="kb:person:nobody")
    assert C.apply(copy.deepcopy(results), [gone])[3].status == "orphaned"


def test_cli_correct_review_and_eval(db):
    run = CliRunner().invoke
    r = Store(db).corpus()
    cf, ev = r["conflicts"][0]["id"], r["events"][0]["id"]
    res = run(main, ["correct", "conflict", cf, "--reject", "--note", "not a disagreement", "--db", db])
    assert res.exit_code == 0, res.output
    assert "1 conflict(s) rejected by a reviewer not shown" in run(main, ["conflicts", "--db", db]).output
    assert run(main, ["correct", "event", ev, "--field", "type", "--value", "arrival", "--db", db]).exit_code == 0
    assert run(main, ["review", "add", "event", ev, "--confirm", "--db", db]).exit_code == 0   # review add = correct
    bad = run(main, ["correct", "event", "ev_nope", "--field", "type", "--value", "arrival", "--db", db])
    assert bad.exit_code == 2 and "no event 'ev_nope'" in bad.output and "Traceback" not in bad.output
    bad = run(main, ["correct", "event", ev, "--field", "type", "--db", db])
    assert bad.exit_code == 2 and "--value" in bad.output
    bad = run(main, ["correct", "entity", "merge", "e:x", "--db", db])
    assert bad.exit_code == 2
    out = run(main, ["review", "list", "--db", db]).output
    assert "#1 [active] conflict" in out and "#2 [active] event" in out
    assert run(main, ["review", "undo", "2", "--db", db]).exit_code == 0
    assert run(main, ["review", "undo", "2", "--db", db]).exit_code == 2
    assert "undone" in run(main, ["review", "log", "--db", db]).output
    assert cf in run(main, ["review", "keys", "conflict", "--db", db]).output
    res = run(main, ["eval", "corrections", "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    s = json.loads(res.output)
    assert s["conflicts"] == {"reviewed": 1, "right": 0, "wrong": 1, "precision": 0.0}
    assert s["events"]["right"] == 1
    assert run(main, ["eval", "corrections", "--db", db, "--bogus"]).exit_code == 2


def test_export_carries_corrections(db, tmp_path):
    from riwaya.exports import csv as csv_export
    from riwaya.exports.json_export import validate
    s = Store(db)
    r = s.corpus()
    it, leg = _leg(r)
    C.add(s, "leg", f"{it['person']}|{leg['event']}", "time", "2024-12-08T02:00:00+03:00", author="r1")
    C.add(s, "event", r["events"][1]["id"], "time", "2024-12-07/2024-12-08")
    C.add(s, "document", r["events"][1]["evidence"][0]["doc"], "note", "a wire copy")
    person = next(e["id"] for e in r["entities"] if e["type"] == "person")
    C.add(s, "event", r["events"][3]["id"], "role:agent", [person, "a convoy driver"])
    C.add(s, "mention", r["events"][2]["evidence"][0]["mention"], "source", "Reuters > the ministry")
    exp = s.export()
    assert validate(exp) == []
    assert [c["id"] for c in exp["corrections"]] == [1, 2, 3, 4, 5]
    assert [p["entity"] for p in exp["events"][3]["participants"] if p["role"] == "agent"] == [person, "raw:a convoy driver"]
    assert any((d.get("review") or {}).get("notes") for d in exp["documents"])
    assert exp["events"][2]["evidence"][0]["attribution"]["chain"][0] == {"name": "Reuters", "kind": "reviewer"}
    csv_export.write(exp, str(tmp_path / "csv"))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "review_log.csv").read_text("utf-8-sig"))))
    assert [x["kind"] for x in rows] == ["leg", "event", "document", "event", "mention"] and rows[0]["author"] == "r1"


def test_api_corrections(db):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from riwaya.web import create_app
    s = Store(db)
    app = create_app(db_url=db, export_loader=s.export, token=TOKEN)
    c = TestClient(app, base_url="http://127.0.0.1")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    cf = s.corpus()["conflicts"][0]["id"]
    body = {"kind": "conflict", "target": cf, "action": "reject", "note": "same place"}
    assert c.post("/api/corrections", json=body).status_code == 401                       # no token
    assert c.post("/api/corrections", json=body, headers={**auth, "Origin": "http://evil.example"}).status_code == 403
    r = c.post("/api/corrections", json=body, headers=auth)
    assert r.status_code == 201, r.text
    cid = r.json()["id"]
    conf = next(x for x in c.get("/api/conflicts").json() if x["id"] == cf)
    assert conf["review"]["status"] == "rejected"                                          # the view is reloaded
    for bad, why in [({"kind": "conflict", "target": "cf_nope", "action": "reject"}, "no conflict"),
                     ({"kind": "event", "target": s.corpus()["events"][0]["id"], "field": "type", "value": "teleport"}, "not a known"),
                     ({"kind": "conflict", "target": cf}, "say what to correct")]:
        r = c.post("/api/corrections", json=bad, headers=auth)
        assert r.status_code == 422 and why in r.json()["detail"], r.text
    r = c.post("/api/corrections", json={"kind": "planet", "target": "x"}, headers=auth)
    assert r.status_code == 422
    r = c.post("/api/corrections", content=b"{not json", headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 422
    assert [x["id"] for x in c.get("/api/corrections").json()] == [cid]
    assert c.delete(f"/api/corrections/{cid}").status_code == 401
    r = c.delete(f"/api/corrections/{cid}", headers=auth)
    assert r.status_code == 200 and r.json()["status"] == "undone"
    assert c.delete(f"/api/corrections/{cid}", headers=auth).status_code == 409
    assert c.delete("/api/corrections/999", headers=auth).status_code == 404
    assert c.get("/api/review-log").json()[0]["status"] == "undone"
    assert "review" not in next(x for x in c.get("/api/conflicts").json() if x["id"] == cf)


def test_corrections_on_postgresql(pg, built_db, corpus_dir):
    """The corrections table, keys and re-applying work the same on PostgreSQL (migrated like SQLite)."""
    from riwaya.pipeline import build
    url = pg.create_db("riwaya_corrections")
    build([str(corpus_dir)], url, progress=False)
    s = Store(url)
    assert s.schema_version() == Store(built_db).schema_version()
    cf = s.corpus()["conflicts"][0]["id"]
    c = C.add(s, "conflict", cf, "status", "rejected", note="نفس المكان\x00 بدقتين", author="محرر\x07")
    assert refresh(s) == []
    assert next(x for x in s.corpus()["conflicts"] if x["id"] == cf)["review"]["status"] == "rejected"
    assert (s.correction(c["id"])["author"], s.correction(c["id"])["note"]) == ("محرر", "نفس المكان بدقتين")
    C.undo(s, c["id"])
    assert "review" not in next(x for x in s.corpus()["conflicts"] if x["id"] == cf)
    s.engine.dispose()


def test_a_correction_made_during_the_corpus_stage_is_applied(db, monkeypatch):
    """A reviewer corrects while a build's corpus stage runs: the build's results do not lose it."""
    import riwaya.blocks as blocks
    s = Store(db)
    cf = s.corpus()["conflicts"][0]["id"]
    real = blocks.fingerprints

    def slow_step(*args, **kw):       # a step of the corpus stage, after it read the store
        C.add(Store(db), "conflict", cf, "status", "rejected")    # made meanwhile, from another store handle
        return real(*args, **kw)
    monkeypatch.setattr(blocks, "fingerprints", slow_step)
    assert refresh(s) == []
    assert next(x for x in s.corpus()["conflicts"] if x["id"] == cf)["review"]["status"] == "rejected"


def test_a_store_of_schema_2_gets_the_corrections_table(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    Store(url).engine.dispose()
    con = sqlite3.connect(tmp_path / "old.db")
    con.execute("DROP TABLE corrections")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    s = Store(url)
    assert s.schema_version() == SCHEMA_VERSION and s.corrections() == [] and s.uncorrected() is None
