"""Who each listed account is, named right (issues #15/#17, label37): a side of a conflict is named by the person who
speaks, by the person's full name, never by a span that runs on past the name nor by a short form of it. Built on the
written-on samples' labels (benchmarks/data/clusters/account_labels_judged_label37.tsv): the sixth's interior ministry
read with its spokesman's name, the fifth's «جعفر محمد سعد» named «سعد»."""
import os

import pytest

from riwaya.reconcile.conflicts import source_label
from riwaya.reconcile.core import Entities
from riwaya.reconcile.text import config

from .spans import span_of

os.environ.setdefault("RIWAYA_ENCODER", "0")

MINISTRY_TEXT = "وأكد المتحدث الأمني بوزارة الداخلية اللواء منصور التركي أن الهجوم وقع ظهر الخميس."
POLITICIANS_TEXT = "علق سياسيون يمنيون على عودة خالد بحاح نائب الرئيس إلى عدن أمس."
SAAD_TEXT = "وقال قائد المنطقة العسكرية الرابعة اللواء جعفر محمد سعد إن القوات تقدمت. وأضاف سعد أن الحوثيين انسحبوا."
DEPUTY_TEXT = "ونقل نائب خادم الحرمين الشريفين في بداية الاجتماع تعازي الملك."
GHANI_TEXT = "على ما أعلن متحدث باسم الرئيس الأفغاني أشرف غني."
SPLIT_TEXT = "كما صرح سيد ظفر هاشمي المتحدث باسم الرئيس."


_span = span_of


def _ents():
    ms, me = _span(MINISTRY_TEXT, "منصور التركي")
    ks, ke = _span(POLITICIANS_TEXT, "خالد بحاح")
    ss, se = _span(SAAD_TEXT, "جعفر محمد سعد")
    os_, oe = _span(MINISTRY_TEXT, "وزارة الداخلية")
    ks_, ke_ = _span(DEPUTY_TEXT, "خادم الحرمين الشريفين")
    gs, ge = _span(GHANI_TEXT, "أشرف غني")
    s1, e1 = _span(SPLIT_TEXT, "سيد")
    s2, e2 = _span(SPLIT_TEXT, "ظفر هاشمي")
    return Entities([
        {"id": "o:moi", "type": "organization", "name_ar": "وزارة الداخلية", "name_en": "interior ministry",
         "aliases": [], "kb_id": None, "mentions": [{"doc": "m", "start": os_, "end": oe}]},
        {"id": "p:king", "type": "person", "name_ar": "الملك سلمان", "name_en": "King Salman", "aliases": [],
         "kb_id": "person:salman", "mentions": [{"doc": "d", "start": ks_, "end": ke_}]},
        {"id": "p:ghani", "type": "person", "name_ar": "أشرف غني", "name_en": "Ashraf Ghani", "aliases": [],
         "kb_id": "person:ghani", "mentions": [{"doc": "g", "start": gs, "end": ge}]},
        {"id": "p:sayed", "type": "person", "name_ar": "سيد", "name_en": "Sayed", "aliases": [], "kb_id": None,
         "mentions": [{"doc": "h", "start": s1, "end": e1}]},
        {"id": "p:zafar", "type": "person", "name_ar": "ظفر هاشمي", "name_en": "Zafar Hashemi", "aliases": [],
         "kb_id": None, "mentions": [{"doc": "h", "start": s2, "end": e2}]},
        {"id": "p:turki", "type": "person", "name_ar": "منصور التركي", "name_en": "Mansour al-Turki", "aliases": [],
         "kb_id": None, "mentions": [{"doc": "m", "start": ms, "end": me}]},
        {"id": "p:bahah", "type": "person", "name_ar": "خالد بحاح", "name_en": "Khaled Bahah", "aliases": [],
         "kb_id": None, "mentions": [{"doc": "k", "start": ks, "end": ke}]},
        {"id": "p:saad", "type": "person", "name_ar": "سعد", "name_en": "Sd", "aliases": ["جعفر محمد سعد", "سعد"],
         "kb_id": None, "mentions": [{"doc": "s", "start": ss, "end": se}]},
        {"id": "p:saad2", "type": "person", "name_ar": "سعد", "name_en": "Sd",
         "aliases": ["سعد", "سعد دوابشة", "جعفر محمد سعد"], "kb_id": None, "mentions": []},
    ])


def _ev(doc, text, words, kind="named_source"):
    s, e = _span(text, words)
    return {"doc": doc, "attribution": {"chain": [{"name": "alwatan", "kind": "outlet"},
                                                  {"name": words, "kind": kind, "start": s, "end": e}]}}


DOCS = {"m": {"outlet": "alwatan", "text": MINISTRY_TEXT}, "k": {"outlet": "alwatan", "text": POLITICIANS_TEXT},
        "s": {"outlet": "alwatan", "text": SAAD_TEXT}, "d": {"outlet": "alwatan", "text": DEPUTY_TEXT},
        "g": {"outlet": "alwatan", "text": GHANI_TEXT}, "h": {"outlet": "alwatan", "text": SPLIT_TEXT}}


def test_a_ministry_read_with_its_spokesman_is_the_spokesman(monkeypatch):
    ev = _ev("m", MINISTRY_TEXT, "وزارة الداخلية اللواء منصور التركي")
    assert source_label(ev, DOCS, _ents(), "ar") == "منصور التركي (عبر صحيفة الوطن)"
    assert source_label(ev, DOCS, _ents(), "en") == "Mansour al-Turki (via Al Watan)"
    monkeypatch.setitem(config()["conflicts"], "voice_person", False)
    assert source_label(ev, DOCS, _ents(), "ar") == "وزارة الداخلية اللواء منصور التركي (عبر صحيفة الوطن)"


@pytest.mark.parametrize("doc, text, words", [
    ("d", DEPUTY_TEXT, "نائب خادم الحرمين الشريفين في بداية الاجتماع تعازي الملك"),   # the King's deputy
    ("g", GHANI_TEXT, "متحدث باسم الرئيس الأفغاني أشرف غني"),                           # Ghani's spokesman
])
def test_a_name_that_completes_a_title_or_is_split_is_not_the_voice(doc, text, words):
    ev = _ev(doc, text, words, kind="unnamed_source")
    assert not source_label(ev, DOCS, _ents(), "ar").startswith(("الملك", "أشرف", "سيد (", "ظفر"))


def test_people_speaking_about_a_person_are_not_that_person():
    """"سياسيون يمنيون على عودة خالد بحاح": a function word before the name, the politicians speak, not Bahah."""
    ev = _ev("k", POLITICIANS_TEXT, "سياسيون يمنيون على عودة خالد بحاح", kind="unnamed_source")
    assert source_label(ev, DOCS, _ents(), "ar") == "سياسيون يمنيون على عودة خالد بحاح (عبر صحيفة الوطن)"


def test_a_person_is_named_by_the_full_name_the_report_writes(monkeypatch):
    ev = _ev("s", SAAD_TEXT, "جعفر محمد سعد")
    assert source_label(ev, DOCS, _ents(), "ar") == "جعفر محمد سعد (عبر صحيفة الوطن)"
    assert source_label(ev, DOCS, _ents(), "en").endswith(" (via Al Watan)")
    assert source_label(ev, DOCS, _ents(), "en") != "Sd (via Al Watan)"
    monkeypatch.setitem(config()["conflicts"], "voice_full_name", False)
    assert source_label(ev, DOCS, _ents(), "ar") == "سعد (عبر صحيفة الوطن)"


@pytest.mark.parametrize("text, want", [
    ("وأضاف سعد أن الحوثيين انسحبوا.", "سعد"),                                    # no fuller name written
    ("قال سعد دوابشة إن الحوثيين انسحبوا.", "سعد دوابشة"),
    ("قال سعد دوابشة ثم قال جعفر محمد سعد إن الحوثيين انسحبوا.", "جعفر محمد سعد"),   # the fullest
    ("قال سعد دوابشة ثم قال سعد الحربي إن الحوثيين انسحبوا.", "سعد"),             # two of one length: which?
])
def test_the_full_name_is_one_the_report_writes(text, want):
    ents = _ents()
    ents.by_id["p:saad2"]["aliases"].append("سعد الحربي")
    ev = {"doc": "x", "attribution": {"chain": [{"name": "سعد", "kind": "named_source", "entity": "p:saad2"}]}}
    docs = {"x": {"outlet": "alwatan", "text": text}}
    assert source_label(ev, docs, ents, "ar") == want + " (عبر صحيفة الوطن)"


def test_a_name_split_in_two_is_named_by_both_words():
    """The name tagger read «سيد» and «ظفر هاشمي» as two people: the voice is the two as written, not «سيد»."""
    ev = _ev("h", SPLIT_TEXT, "سيد ظفر هاشمي المتحدث باسم الرئيس", kind="unnamed_source")
    assert source_label(ev, DOCS, _ents(), "ar") == "سيد ظفر هاشمي (عبر صحيفة الوطن)"


def test_a_name_that_runs_on_past_the_voice_is_the_person():
    text = "أدان الشيخ عبد الله بن زايد آل نهيان وزير الخارجية الإماراتي الهجوم."
    a, b = _span(text, "عبد الله بن زايد آل نهيان")
    ents = Entities([{"id": "p:abz", "type": "person", "name_ar": "عبد الله بن زايد آل نهيان", "name_en": "Abdullah bin Zayed",
                      "aliases": [], "kb_id": "person:abz", "mentions": [{"doc": "z", "start": a, "end": b}]}])
    ev = _ev("z", text, "الشيخ عبد الله بن زايد", kind="unnamed_source")
    assert source_label(ev, {"z": {"outlet": "aawsat", "text": text}}, ents, "ar").startswith("عبد الله بن زايد آل نهيان (")


def test_the_outlet_a_voice_spoke_to_is_not_part_of_it(monkeypatch):
    text = "وقال قائد قوات محلية لرويترز عبر الهاتف إن العملية مستمرة."
    ents = Entities([{"id": "e:outlet:reuters", "type": "organization", "name_ar": "رويترز", "name_en": "Reuters",
                      "aliases": [], "kb_id": "outlet:reuters", "mentions": []}])
    ev = _ev("r", text, "قائد قوات محلية لرويترز", kind="unnamed_source")
    docs = {"r": {"outlet": "alyaum", "text": text}}
    assert source_label(ev, docs, ents, "ar") == "قائد قوات محلية (عبر صحيفة اليوم)"
    monkeypatch.setitem(config()["conflicts"], "voice_addressee", False)
    assert source_label(ev, docs, ents, "ar") == "قائد قوات محلية لرويترز (عبر صحيفة اليوم)"


def test_a_name_cut_short_by_the_tagger_is_not_the_voice():
    """«عبدالله بن» (the tagger stopped at the connector): the voice stays as the report gives it."""
    text = "أدان صاحب السمو الملكي الامير عبدالله بن مساعد الرئيس العام لرعاية الشباب الهجوم."
    a, b = _span(text, "عبدالله بن")
    ents = Entities([{"id": "p:x", "type": "person", "name_ar": "عبدالله بن", "name_en": "Abdullah bin", "aliases": [],
                      "kb_id": None, "mentions": [{"doc": "y", "start": a, "end": b}]}])
    ev = _ev("y", text, "صاحب السمو الملكي الامير عبدالله", kind="unnamed_source")
    assert source_label(ev, {"y": {"outlet": "almadina", "text": text}}, ents, "ar").startswith("صاحب السمو الملكي")
