"""The riwaya/1 JSON contract: schema-valid, every span pointing at what was read."""
import json

from riwaya.exports.json_export import validate
from riwaya.store import Store


def test_export_validates_against_the_schema(built_db):
    exp = Store(built_db).export()
    assert exp["schema"] == "riwaya/1"
    assert validate(exp) == []
    assert len(exp["documents"]) == 5


def test_documents_keep_the_original_text(built_db, corpus_dir):
    exp = Store(built_db).export()
    originals = {p.read_text("utf-8") for p in corpus_dir.glob("*.txt")}
    assert {d["text"] for d in exp["documents"]} == originals


def test_every_span_is_the_text_read(built_db):
    exp = Store(built_db).export()
    docs = {d["id"]: d["text"] for d in exp["documents"]}
    for d in exp["documents"]:
        for r in d["repairs"]:
            assert docs[d["id"]][r["start"]:r["end"]] == r["before"]
    for t in exp["times"]:
        assert docs[t["doc"]][t["start"]:t["end"]] == t["text"]
    for e in exp["entities"]:
        for m in e["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(docs[m["doc"]])


def test_export_is_deterministic(built_db, tmp_path):
    a = Store(built_db).export()
    b = Store(built_db).export()
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
