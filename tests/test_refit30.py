"""refit30 (issues #14, #15): the conflict side of an argument refit's false contradictions. A country's forces and
a branch of them named as one happening's doer are a refinement (actor_families.yaml forces_grain); a movement
denied with a quantified subject that is not its doer ("لم يصل أي خطاب رسمي"), or a denial of what was reported
("نفى ... ما نقل عن زعيمهم"), is no side of a "did it happen" conflict (values.yaml quantified_subject,
denied_claim)."""
import os

import pytest

from riwaya.reconcile import conflicts as C
from riwaya.reconcile.core import Entities
from riwaya.reconcile.text import config

os.environ.setdefault("RIWAYA_ENCODER", "0")

ENTS = Entities([
    {"id": "army", "type": "organization", "name_ar": "الجيش العراقي", "name_en": "Iraqi army", "aliases": [],
     "kb_id": None, "coordinates": None, "attrs": {}},
    {"id": "forces", "type": "organization", "name_ar": "القوات العراقية", "name_en": "Iraqi forces", "aliases": [],
     "kb_id": None, "coordinates": None, "attrs": {}},
    {"id": "police", "type": "organization", "name_ar": "الشرطة العراقية", "name_en": "Iraqi police", "aliases": [],
     "kb_id": None, "coordinates": None, "attrs": {}},
    {"id": "yforces", "type": "organization", "name_ar": "القوات اليمنية", "name_en": "Yemeni forces", "aliases": [],
     "kb_id": None, "coordinates": None, "attrs": {}},
    {"id": "armed", "type": "organization", "name_ar": "القوات المسلحة العراقية", "name_en": "Iraqi armed forces",
     "aliases": [], "kb_id": None, "coordinates": None, "attrs": {}},
    {"id": "houthi", "type": "person", "name_ar": "عبد الملك الحوثي", "name_en": "Abdul-Malik al-Houthi",
     "aliases": [], "kb_id": "p:houthi", "coordinates": None},
])


def _rel(a, b):
    return C.Compare(ENTS).rel("agent", ("s", frozenset([("e", a)])), ("s", frozenset([("e", b)])))


def test_forces_and_their_army_are_one_doer_at_two_grains():
    assert C.forces_grain_of("القوات العراقية") == (True, frozenset({"عراقي"}))
    assert C.forces_grain_of("الجيش العراقي") == (False, frozenset({"عراقي"}))
    assert C.forces_grain_of("القوات الأمنية العراقية")[0] is False     # security forces: a branch
    assert C.forces_grain_of("منظمة التحرير") is None
    assert _rel("army", "forces") == "precision"
    assert _rel("forces", "army") == "precision"
    assert _rel("armed", "police") == "precision"      # the armed forces hold the police too
    assert _rel("army", "police") == "different"       # two branches: two doers
    assert _rel("army", "yforces") == "different"      # another country's forces


def test_forces_grain_off_by_config(monkeypatch):
    monkeypatch.setitem(config()["conflicts"], "forces_grain", False)
    assert _rel("army", "forces") == "different"


SPOKESMAN = ("ونفى المتحدث الرسمي باسم ميليشيا الحوثي، محمد عبد السلام على صفحته على موقع «فيسبوك» أمس ما نقل عن "
             "زعيمهم عبد الملك الحوثي بشأن رفضه الالتزام بالهدنة. وقال: «لم يصل أي خطاب رسمي من الأمم المتحدة "
             "بشأن الهدنة». ونفى المتحدث وصول عبد الملك الحوثي إلى صنعاء. ولم يصل أي قيادي حوثي إلى عدن.")
DOCS = {"d": {"text": SPOKESMAN}}


def _ev(trigger, typ, after=0):
    s = SPOKESMAN.index(trigger, after)
    start = SPOKESMAN.rfind(".", 0, s) + 1
    end = SPOKESMAN.find(".", s) + 1 or len(SPOKESMAN)
    return {"doc": "d", "start": start, "end": end, "trigger_start": s, "trigger_end": s + len(trigger),
            "type": typ, "values": {}}


def test_a_denial_of_what_was_reported_denies_no_happening():
    assert C._denies_claim(_ev("نقل", "transfer"), DOCS)
    assert not C._denies_claim(_ev("وصول", "arrival"), DOCS)      # "denied the arrival": a denial of it
    en = {"e": {"text": "The spokesman denied what was reported about the leader's transfer."}}
    t = en["e"]["text"]
    ev = {"doc": "e", "start": 0, "end": len(t), "trigger_start": t.index("reported"),
          "trigger_end": t.index("reported") + 8, "type": "transfer", "values": {}}
    assert C._denies_claim(ev, en)
    # a negation "ما" with no denial before it is no relative clause
    ar = {"a": {"text": "قال الشاهد إنه ما وصل أحد إلى المدينة."}}
    t = ar["a"]["text"]
    ev = {"doc": "a", "start": 0, "end": len(t), "trigger_start": t.index("وصل"), "trigger_end": t.index("وصل") + 3,
          "type": "arrival", "values": {}}
    assert not C._denies_claim(ev, ar)


def test_a_letter_that_did_not_arrive_is_no_denial_of_the_leaders_arrival():
    cmp = C.Compare(ENTS)
    asserting = [{"values": {"agent": ["houthi"]}}]
    letter = _ev("يصل", "arrival")
    assert C._denies_other_subject(letter, DOCS, cmp, [0], asserting)
    # the quantified noun is a word of the doer's names: a denial of the doer's coming
    leader = _ev("يصل", "arrival", SPOKESMAN.index("ولم يصل"))
    assert not C._denies_other_subject(leader, DOCS, cmp, [0], [{"values": {"agent": ["raw:قيادي حوثي"]}}])
    # no quantified subject: the denial stands
    assert not C._denies_other_subject(_ev("وصول", "arrival"), DOCS, cmp, [0], asserting)
    # a strike is no movement: "أي X" after its trigger may be its object
    assert not C._denies_other_subject({**letter, "type": "attack"}, DOCS, cmp, [0], asserting)


@pytest.mark.parametrize("flag", ["denial_subject"])
def test_denial_rules_off_by_config(monkeypatch, flag):
    monkeypatch.setitem(config()["conflicts"], flag, False)
    assert not C._denies_claim(_ev("نقل", "transfer"), DOCS)
    assert not C._denies_other_subject(_ev("يصل", "arrival"), DOCS, C.Compare(ENTS), [0],
                                       [{"values": {"agent": ["houthi"]}}])
