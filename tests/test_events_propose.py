"""The learned trigger proposer (riwaya/events/propose.py): word shape features, and a word outside the
lexicon that the model finds becomes an event that goes through the rules' later stages."""
from __future__ import annotations

import pytest

from riwaya.events import learned, propose
from riwaya.events.extract import extract, load_lexicon
from riwaya.models import EntityMention


def test_split_and_skeleton_give_the_templates():
    assert propose.split("والانتقال") == ("وال", "انتقال", "")
    assert propose.split("وخروجها") == ("و", "خروج", "ها")
    assert propose.split("حملة".replace("ة", "ه")) == ("", "حمله", "")       # ة, normalised to ه, stays
    assert propose.split("سيعود") == ("س", "يعود", "")
    assert propose.skeleton("انتقال") == "انتCاC"          # افتعال
    assert propose.skeleton("تواجد") == "تواCC"            # تفاعل
    feats = propose.form_features("التواجد")[0]
    assert propose.root_key("انتقال") == propose.root_key("نقل") == "قل"
    assert "def=True" in feats and "sk=تواCC" in feats
    # the word's distributional clusters (the NER's): event nouns the corpus never marked share them
    assert any(f.startswith("k256=") for f in propose.form_features("حمله")[0])


@pytest.fixture
def model():
    """A proposer that takes a word with the تفاعل skeleton for a whereabouts event."""
    propose.OVERRIDE = {"detect": {"bias": -5.0, "w": {"sk=تواCC": 10.0}, "logit": 0.0},
                        "type": {"classes": ["attack", "whereabouts"], "bias": [0.0, 0.0],
                                 "w": {"sk=تواCC": [[1, 5.0]]}}}
    yield
    propose.OVERRIDE = None


def test_a_word_the_lexicon_lacks_becomes_an_event(model):
    text = "أكد المتحدث تواجد القوات في مدينة حلب أمس."
    s = text.index("حلب")
    ms = [EntityMention(text="حلب", start=s, end=s + 3, type="place")]
    events, _ = extract(text, ms, [], [])
    ev = next(e for e in events if e.trigger == "تواجد")
    assert ev.type == "whereabouts" and text[ev.trigger_start:ev.trigger_end] == "تواجد"
    assert any(a.role == "place" and a.text == "حلب" for a in ev.arguments)


def test_lexicon_words_are_left_to_the_rules(model):
    lex = load_lexicon()
    text = "تواجد وصل"
    from riwaya.events.extract import _tokens
    toks = _tokens(text, 0, len(text), "ar")
    out = propose.propose(toks, False, [], lex)     # وصل is the lexicon's: never scored here
    assert list(out) == [0] and out[0][0] == "whereabouts"


def test_record_collects_every_candidate_with_its_features():
    lex = load_lexicon()
    from riwaya.events.extract import _tokens
    text = "وصل الوفد إلى 3 في المدينة"
    toks = _tokens(text, 0, len(text), "ar")
    propose.RECORD = []
    try:
        propose.propose(toks, False, [], lex)
        rec = propose.RECORD
    finally:
        propose.RECORD = None
    words = [text[s:e] for s, e, _, _ in rec]
    assert "وصل" in words and "الوفد" in words and "3" not in words and "في" not in words and "إلى" not in words
    known = {text[s:e]: k for s, e, _, k in rec}
    assert known["وصل"] == "arrival" and known["الوفد"] == ""


def test_shipped_proposer_loads():
    m = learned.model_for("ar") or {}
    if "proposer" in m:
        assert {"detect", "type"} <= set(m["proposer"]) and "logit" in m["proposer"]["detect"]


def test_false_splits_of_whole_words_are_no_triggers():
    """schema.yaml not_triggers: a nisba adjective, an adverb, a name read through a clitic, "is considered"."""
    propose.OVERRIDE = {}       # the proposer off: only the lexicon's reading is tested
    try:
        text = "وقال فيصل إن المشروع الاجتماعي يعد عادة الأكبر، ووصل الوفد إلى المدينة."
        events, _ = extract(text, [], [], [])
    finally:
        propose.OVERRIDE = None
    assert [e.trigger for e in events] == ["ووصل"]


def test_a_movements_name_read_as_a_dual_is_no_trigger():
    """schema.yaml not_triggers: طالبان (a movement's name) is no dual of طالب "demanded" (trig7: three false
    requests on dev, never a trigger in train or dev), by the lexicon or by the proposer."""
    text = "وأطلقت حركة طالبان هجومها السنوي، وطالبان تقاتل وحدها."
    events, _ = extract(text, [], [], [])
    assert not any("طالبان" in e.trigger for e in events)
