"""The riwaya/1 JSON contract: schema-valid, every span pointing at what was read."""
import json
import re

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


def _side_labels(text: str) -> list[str]:
    """The names a summary gives its sides: what follows "(per " / "(بحسب " up to the matching parenthesis."""
    out = []
    for m in re.finditer(r"\((?:per|according to|بحسب) ", text):
        depth, k = 1, m.end()
        while k < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[k], 0)
            k += 1
        out.append(text[m.end():k - 1])
    return out


def test_sources_are_named_by_outlet_or_document_number(built_db):
    """Never by a file name or a headline ("according to 004_b6ed….txt"). Only the sides' names are read: a
    summary's own words may say what a headline says ("the trip from Damascus to Moscow (2415 km) takes at
    least 3 h" against the headline "من دمشق إلى موسكو.. ")."""
    exp = Store(built_db).export()
    docs = {d["id"]: d for d in exp["documents"]}
    summaries = [c.get("summary_en") or "" for c in exp["conflicts"]] + [c.get("summary_ar") or "" for c in exp["conflicts"]]
    labels = [lab for s in summaries for lab in _side_labels(s)]
    assert labels
    for d in docs.values():
        name, title = d["path"].rsplit("/", 1)[-1], (d.get("title") or "").split("..")[0].strip()
        assert name not in "\n".join(summaries)
        for lab in labels:
            assert not title or title not in lab, (title, lab)
    text = "\n".join(labels)
    assert "document " in text or "الوثيقة" in text or any(d["outlet"] and d["outlet"] in text for d in docs.values())


def test_side_labels_are_read_whole():
    s = "vs قبل شروق الشمس (arrived in Moscow before 03:29 UTC (per NBC News (via الحرة))); the trip from X to Y"
    assert _side_labels(s) == ["NBC News (via الحرة)"]


def test_roles_of_an_older_store_get_their_title():
    from riwaya.exports.json_export import _with_titles
    e = {"id": "e:x", "type": "person", "mentions": [], "roles": [{"role": "president", "org": "country:sy", "source": "kb"}]}
    assert _with_titles(e)["roles"] == [{"title": "president", "org": "country:sy", "source": "kb"}]
    assert e["roles"][0]["role"] == "president"          # the stored record is not changed in place
