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


def test_a_role_without_a_title_fails_the_schema(built_db):
    exp = Store(built_db).export()
    e = next(e for e in exp["entities"] if e.get("roles"))
    assert all(r["title"] for r in e["roles"])
    e["roles"] = [{"org": "country:sy", "source": "kb"}]
    assert any("title" in err for err in validate(exp))
    e["roles"] = ["president"]
    assert validate(exp)


def test_sources_are_named_by_outlet_or_document_number(built_db):
    """Never by a file name or a headline ("according to 004_b6ed….txt")."""
    exp = Store(built_db).export()
    docs = {d["id"]: d for d in exp["documents"]}
    text = json.dumps([c.get("summary_en") for c in exp["conflicts"]] + [c.get("summary_ar") for c in exp["conflicts"]],
                      ensure_ascii=False)
    for d in docs.values():
        assert d["path"].rsplit("/", 1)[-1] not in text
        if d.get("title"):
            assert d["title"].split("..")[0].strip() not in text
    assert "document " in text or "الوثيقة" in text or any(d["outlet"] and d["outlet"] in text for d in docs.values())


def test_roles_of_an_older_store_get_their_title():
    from riwaya.exports.json_export import _with_titles
    e = {"id": "e:x", "type": "person", "mentions": [], "roles": [{"role": "president", "org": "country:sy", "source": "kb"}]}
    assert _with_titles(e)["roles"] == [{"title": "president", "org": "country:sy", "source": "kb"}]
    assert e["roles"][0]["role"] == "president"          # the stored record is not changed in place
