"""A title whose holder the text names past the voice's span is that person (issue #15, label38): a side of a conflict
named «مدير عام مكتب الصحة والسكان» or «الأمين» where the sentence goes on to the man who holds the office. Built on
the written-on samples' labels (benchmarks/data/clusters/account_labels_judged_label38.tsv)."""
import os

import pytest

from riwaya.reconcile.conflicts import source_label
from riwaya.reconcile.core import Entities
from riwaya.reconcile.text import config

from .spans import span_of

os.environ.setdefault("RIWAYA_ENCODER", "0")

HEALTH_TEXT = "واعلن مدير عام مكتب الصحة والسكان اليمني الخضر لصور ان حصيلة القتلى بلغت 17 قتيلا."
UN_TEXT = "أدان الأمين العام للأمم المتحدة بان كي مون التفجير الذي وقع في بلدة سوروج."
LOCATIVE_TEXT = "وقال مدير عام الصحة في محافظة عدن، الخضر لصور، إن 57 مدنيا قتلوا."
GHANI_TEXT = "على ما أعلن متحدث باسم الرئيس الأفغاني أشرف غني."
OBJECT_TEXT = "وقال مدير الشرطة إن خالد الحربي اعتقل أمس."
FAR_TEXT = "وقال المدير العام لفرع الرئاسة العامة لهيئة الأمر بالمعروف والنهي عن المنكر الشيخ عبدالله الفوزان."

DOCS = {d: {"outlet": "alwatan", "text": t} for d, t in
        (("h", HEALTH_TEXT), ("u", UN_TEXT), ("l", LOCATIVE_TEXT), ("g", GHANI_TEXT), ("o", OBJECT_TEXT),
         ("f", FAR_TEXT))}


_span = span_of


def _person(pid, name, en, doc, kb=None):
    s, e = _span(DOCS[doc]["text"], name)
    return {"id": pid, "type": "person", "name_ar": name, "name_en": en, "aliases": [], "kb_id": kb,
            "mentions": [{"doc": doc, "start": s, "end": e}]}


def _ents():
    return Entities([
        _person("p:lasour", "الخضر لصور", "al-Khader Lasour", "h"),
        {**_person("p:lasour2", "الخضر لصور", "al-Khader Lasour", "l"), "id": "p:lasour2"},
        _person("p:ban", "بان كي مون", "Ban Ki-moon", "u", kb="person:ban"),
        _person("p:ghani", "أشرف غني", "Ashraf Ghani", "g", kb="person:ghani"),
        _person("p:harbi", "خالد الحربي", "Khaled al-Harbi", "o"),
        _person("p:fawzan", "عبدالله الفوزان", "Abdullah al-Fawzan", "f"),
    ])


def _ev(doc, words):
    s, e = _span(DOCS[doc]["text"], words)
    return {"doc": doc, "attribution": {"chain": [{"name": "alwatan", "kind": "outlet"},
                                                  {"name": words, "kind": "named_source", "start": s, "end": e}]}}


def test_a_title_span_is_the_man_named_after_it(monkeypatch):
    ev = _ev("h", "مدير عام مكتب الصحة والسكان")
    assert source_label(ev, DOCS, _ents(), "ar") == "الخضر لصور (عبر صحيفة الوطن)"
    assert source_label(ev, DOCS, _ents(), "en") == "al-Khader Lasour (via Al Watan)"
    monkeypatch.setitem(config()["conflicts"], "voice_title_name", None)
    assert source_label(ev, DOCS, _ents(), "ar") == "مدير عام مكتب الصحة والسكان (عبر صحيفة الوطن)"


def test_a_title_cut_to_one_word_reads_on_past_an_organisation():
    assert source_label(_ev("u", "الأمين"), DOCS, _ents(), "ar") == "بان كي مون (عبر صحيفة الوطن)"


def test_a_locative_and_a_comma_may_stand_between():
    assert source_label(_ev("l", "مدير عام الصحة"), DOCS, _ents(), "ar") == "الخضر لصور (عبر صحيفة الوطن)"


@pytest.mark.parametrize("doc, words", [
    ("g", "متحدث باسم الرئيس الأفغاني"),   # the name completes another title: Ghani's spokesman, not Ghani
    ("o", "مدير الشرطة"),                  # a clause between: the man is what the director speaks of
    ("f", "المدير العام لفرع الرئاسة"),     # a function word between (and too far)
])
def test_a_name_the_title_does_not_reach_is_left(doc, words):
    assert source_label(_ev(doc, words), DOCS, _ents(), "ar").startswith(words)


def test_max_words_bounds_the_reach(monkeypatch):
    monkeypatch.setitem(config()["conflicts"], "voice_title_name", {"max_words": 2})
    assert source_label(_ev("h", "مدير عام مكتب"), DOCS, _ents(), "ar").startswith("مدير عام مكتب")
    monkeypatch.setitem(config()["conflicts"], "voice_title_name", {"max_words": 8})
    assert source_label(_ev("h", "مدير عام مكتب"), DOCS, _ents(), "ar").startswith("الخضر لصور")


def test_a_deputy_is_not_whom_he_serves():
    text = "ونقل نائب خادم الحرمين الشريفين تعازي الملك."
    s, e = _span(text, "خادم الحرمين الشريفين")
    ents = Entities([{"id": "p:king", "type": "person", "name_ar": "الملك سلمان", "name_en": "King Salman",
                      "aliases": [], "kb_id": "person:salman", "mentions": [{"doc": "d", "start": s, "end": e}]}])
    docs = {"d": {"outlet": "alwatan", "text": text}}
    s, e = _span(text, "نائب خادم الحرمين الشريفين")
    ev = {"doc": "d", "attribution": {"chain": [{"name": "alwatan", "kind": "outlet"}, {
        "name": "نائب خادم الحرمين الشريفين", "kind": "named_source", "start": s, "end": e}]}}
    assert source_label(ev, docs, ents, "ar") == "نائب خادم الحرمين الشريفين (عبر صحيفة الوطن)"


OBSERVATORY_TEXT = "وقال المرصد السوري لحقوق الإنسان إن 20 قتلوا. وأضاف المرصد أن الاشتباكات استمرت."


def _anaphor_case(word="المرصد", org_name="المرصد السوري لحقوق الإنسان"):
    s, e = _span(OBSERVATORY_TEXT, "المرصد السوري لحقوق الإنسان")
    ents = Entities([{"id": "o:sohr", "type": "organization", "name_ar": org_name,
                      "name_en": "Syrian Observatory for Human Rights", "aliases": [], "kb_id": "org:sohr",
                      "mentions": [{"doc": "a", "start": s, "end": e}]}])
    a = OBSERVATORY_TEXT.index("وأضاف " + word) + len("وأضاف ")
    ev = {"doc": "a", "attribution": {"chain": [{"name": "alwatan", "kind": "outlet"}, {
        "name": word, "kind": "unnamed_source", "start": a, "end": a + len(word)}]}}
    return ev, {"a": {"outlet": "alwatan", "text": OBSERVATORY_TEXT}}, ents


def test_an_anaphor_is_the_organisation_named_before(monkeypatch):
    ev, docs, ents = _anaphor_case()
    assert source_label(ev, docs, ents, "ar") == "المرصد السوري لحقوق الإنسان (عبر صحيفة الوطن)"
    assert source_label(ev, docs, ents, "en") == "Syrian Observatory for Human Rights (via Al Watan)"
    monkeypatch.setitem(config()["conflicts"], "voice_anaphor", False)
    assert source_label(ev, docs, ents, "ar") == "المرصد (عبر صحيفة الوطن)"


def test_an_anaphor_of_another_head_is_left():
    ev, docs, ents = _anaphor_case(org_name="هيئة حقوق الإنسان")
    assert source_label(ev, docs, ents, "ar") == "المرصد (عبر صحيفة الوطن)"


def test_a_body_every_country_has_is_no_anaphor():
    text = "وسمح الأتراك لطيران الجيش الأمريكي بشن ضربات. وقال الجيش في بيان إن جنديا قتل."
    s, e = _span(text, "الجيش الأمريكي")
    ents = Entities([{"id": "o:usarmy", "type": "organization", "name_ar": "الجيش الأمريكي", "name_en": "US Army",
                      "aliases": [], "kb_id": None, "mentions": [{"doc": "a", "start": s, "end": e}]}])
    a = text.index("وقال الجيش") + len("وقال ")
    ev = {"doc": "a", "attribution": {"chain": [{"name": "alwatan", "kind": "outlet"}, {
        "name": "الجيش", "kind": "unnamed_source", "start": a, "end": a + 5}]}}
    assert source_label(ev, {"a": {"outlet": "alwatan", "text": text}}, ents, "ar") == "الجيش (عبر صحيفة الوطن)"


def test_an_anaphor_of_the_noun_written_before_the_name():
    text = "دانت منظمة هيومن رايتس ووتش القصف. وأوضحت المنظمة أنها زارت أربع مناطق."
    s, e = _span(text, "هيومن رايتس ووتش")
    ents = Entities([{"id": "o:hrw", "type": "organization", "name_ar": "هيومن رايتس ووتش",
                      "name_en": "Human Rights Watch", "aliases": [], "kb_id": "org:hrw",
                      "mentions": [{"doc": "a", "start": s, "end": e}]}])
    a = text.index("وأوضحت المنظمة") + len("وأوضحت ")
    ev = {"doc": "a", "attribution": {"chain": [{"name": "alwatan", "kind": "outlet"}, {
        "name": "المنظمة", "kind": "unnamed_source", "start": a, "end": a + 7}]}}
    assert source_label(ev, {"a": {"outlet": "alwatan", "text": text}}, ents, "ar") == \
        "هيومن رايتس ووتش (عبر صحيفة الوطن)"


def test_a_name_read_inside_a_word_is_passed_over():
    text = "واعتبر وزير الداخلية المحلي لولاية ساكسونيا السفلى الألمانية، بوريس بيستوريوس، أن النزاع قد يطول."
    s1 = text.index("ولاية ساكسونيا")
    s2, e2 = _span(text, "بوريس بيستوريوس")
    ents = Entities([
        {"id": "p:saxony", "type": "person", "name_ar": "ولاية ساكسونيا", "name_en": "Saxony", "aliases": [],
         "kb_id": None, "mentions": [{"doc": "a", "start": s1, "end": s1 + len("ولاية ساكسونيا")}]},
        {"id": "p:pistorius", "type": "person", "name_ar": "بوريس بيستوريوس", "name_en": "Boris Pistorius",
         "aliases": [], "kb_id": None, "mentions": [{"doc": "a", "start": s2, "end": e2}]}])
    words = "وزير الداخلية المحلي لولاية ساكسونيا السفلى"
    s, e = _span(text, words)
    ev = {"doc": "a", "attribution": {"chain": [{"name": "alwatan", "kind": "outlet"}, {
        "name": words, "kind": "named_source", "start": s, "end": e}]}}
    assert source_label(ev, {"a": {"outlet": "alwatan", "text": text}}, ents, "ar") == \
        "بوريس بيستوريوس (عبر صحيفة الوطن)"


def test_a_holder_known_by_a_shorter_name_leaves_the_title():
    text = "وقال الكاتب والمحلل السياسي يوسف دياب إن الهجوم متوقع."
    s, e = _span(text, "يوسف دياب")
    ents = Entities([{"id": "p:dyab", "type": "person", "name_ar": "دياب", "name_en": "Dyab", "aliases": ["دياب"],
                      "kb_id": "person:dyab", "mentions": [{"doc": "a", "start": s, "end": e}]}])
    words = "الكاتب والمحلل السياسي يوسف دياب"
    s, e = _span(text, words)
    ev = {"doc": "a", "attribution": {"chain": [{"name": "alwatan", "kind": "outlet"}, {
        "name": words, "kind": "named_source", "start": s, "end": e}]}}
    assert source_label(ev, {"a": {"outlet": "alwatan", "text": text}}, ents, "ar") == words + " (عبر صحيفة الوطن)"
