"""recon33 (issue #15): three reconcile switches, each shipped off, pinned on small real-looking input.

(a) ``events.located_places``: two places the knowledge base locates are one place in the merge only where one holds
    the other by geometry, never two governorates (a killing of Houthis in Taiz and one in Lahj merged on the fifth
    written-on sample, and listed a false amount contradiction).
(b) ``events.kin_guard`` (with ``kin_types``): a death and a killing compared as one happening only where they share
    a resolved main actor (``shared_actor``), and only across two reports (``other_docs``).
(c) ``events.ordinals_apart.construct``: the qualifier of a trigger that heads a construct, read past its genitive
    («حادثة التسمم الأولى»)."""
import json
from pathlib import Path

import pytest

from riwaya.reconcile import core

SHIPPED = json.loads((Path(core.__file__).parents[1] / "data" / "reconcile" / "config.json").read_text("utf-8"))
PEERS = True


def test_shipped_off():
    ev = SHIPPED["events"]
    assert ev["located_places"] is None
    assert ev["kin_guard"] is None
    assert not (ev["ordinals_apart"] or {}).get("construct")


# ------------------------------------------------------------------ (a) located places

def _gov(eid, name_ar, name_en, lat, lon, kind="governorate"):
    return {"id": eid, "type": "place", "name_ar": name_ar, "name_en": name_en, "kb_id": eid[2:],
            "coordinates": [lat, lon], "attrs": {"kind": kind, "country": "YE"}, "aliases": [], "mentions": []}


ENTS = [_gov("e:state:ye:ta", "تعز", "Ta'izz", 13.5776, 44.0178),
        _gov("e:state:ye:la", "لحج", "Lahij", 13.0578, 44.8836),
        _gov("e:state:ye:ab", "أبين", "Abyan", 13.6, 46.0),
        _gov("e:state:ye:ib", "إب", "Ibb", 14.0, 44.2),
        _gov("e:city:ye:taizz", "تعز", "Taiz", 13.58, 44.02, kind="city"),
        {"id": "e:raw:village", "type": "place", "name_ar": "مديرية تعز", "aliases": [], "mentions": []}]


def _same(rule):
    core.config()["events"]["located_places"] = rule
    return core._place_compat(core.Entities(ENTS))


def test_two_governorates_are_two_places(events_cfg):
    same = _same(PEERS)
    assert not same("e:state:ye:ta", "e:state:ye:la")      # each within the other's radius: siblings, not one
    assert not same("e:state:ye:ab", "e:state:ye:ib")      # one normalised name («اب»), two places
    assert same("e:state:ye:ta", "e:city:ye:taizz")        # the governorate holds its city
    old = _same(None)
    assert same("e:state:ye:ta", "e:raw:village") == old("e:state:ye:ta", "e:raw:village")   # unlocated: as before
    assert same("e:state:ye:ta", "e:state:ye:ta")


def test_located_places_off_is_the_old_test(events_cfg):
    same = _same(None)
    assert same("e:state:ye:ta", "e:state:ye:la")
    assert same("e:state:ye:ab", "e:state:ye:ib")


def _killing(mid, doc, place, amount, victims="raw:الحوثيين"):
    return {"id": mid, "doc": doc, "class": "harm", "type": "killing", "polarity": "asserted",
            "trigger": "مقتل", "start": 0, "end": 60, "trigger_start": 0, "trigger_end": 4,
            "participants": [{"entity": victims, "role": "patient"}], "place": place, "amount": amount,
            "origin": None, "destination": None, "via": [], "time": None}


def test_killings_in_two_governorates_stay_apart_at_the_gate(events_cfg):
    a = _killing("d1:ev1", "d1", "e:state:ye:ta", "7")
    b = _killing("d2:ev1", "d2", "e:state:ye:la", "8")
    fa, fb = core._features(a), core._features(b)
    assert core._pair_ok(a, b, fa, fb, _same(None))
    assert not core._pair_ok(a, b, fa, fb, _same(PEERS))
    c = _killing("d3:ev1", "d3", "e:city:ye:taizz", "7")
    assert core._pair_ok(a, c, fa, core._features(c), _same(PEERS))


def test_sentence_places_stand_for_a_missing_place(events_cfg):
    # «أما في قيفة رداع بالبيضاء فقد قتل ثمانية حوثيين» (no place argument read) against a killing in Taiz
    ents = core.Entities(ENTS + [_gov("e:state:ye:ba", "البيضاء", "Al Bayda", 14.2, 45.5),
                                 _gov("e:country:ye", "اليمن", "Yemen", 15.5, 47.5, kind="country")])
    placeless = {**_killing("d1:ev1", "d1", None, "8"), "context": ["e:state:ye:ba", "e:country:ye"]}
    core.config()["events"]["located_places"] = {"sentence": ["harm"]}
    assert core._sentence_places(placeless, ents) == ["e:state:ye:ba"]     # a country is too coarse to tell
    assert core._sentence_places(_killing("d2:ev1", "d2", "e:state:ye:ta", "7"), ents) == []   # its own place
    a = {**placeless, "sentence_places": core._sentence_places(placeless, ents)}
    b = _killing("d2:ev1", "d2", "e:state:ye:ta", "7")
    same = core._place_compat(ents)
    assert not core._pair_ok(a, b, core._features(a), core._features(b), same)
    core.config()["events"]["located_places"] = PEERS
    assert core._sentence_places(placeless, ents) == []
    a = dict(placeless)
    assert core._pair_ok(a, b, core._features(a), core._features(b), core._place_compat(ents))


# ------------------------------------------------------------------ (b) a death and a killing as kin

def _harm(mid, doc, type_, victim):
    cls = "harm" if type_ == "killing" else "other"
    role = "patient"
    return {"id": mid, "doc": doc, "class": cls, "type": type_, "polarity": "asserted", "trigger": "x",
            "start": 0, "end": 40, "trigger_start": 0, "trigger_end": 1, "origin": None, "destination": None,
            "via": [], "place": None, "time": None, "participants": [{"entity": victim, "role": role}]}


def _kin(guard):
    cfg = core.config()["events"]
    cfg["kin_types"] = [["killing", "death"]]
    cfg["kin_guard"] = guard
    core._kin_types.cache_clear()


def test_kin_guard(events_cfg):
    death = _harm("d1:ev1", "d1", "death", "e:p:saad")
    killed = _harm("d2:ev1", "d2", "killing", "e:p:saad")
    other = _harm("d2:ev2", "d2", "killing", "raw:الطفل")
    same_doc = _harm("d1:ev2", "d1", "killing", "e:p:saad")
    f = {m["id"]: core._features(m) for m in (death, killed, other, same_doc)}
    _kin(None)
    assert not core._kin_apart(death, other, f[death["id"]], f[other["id"]])
    _kin({"shared_actor": True})
    assert not core._kin_apart(death, killed, f[death["id"]], f[killed["id"]])   # one victim named by both
    assert core._kin_apart(death, other, f[death["id"]], f[other["id"]])         # no victim in common
    assert not core._kin_apart(killed, other, f[killed["id"]], f[other["id"]])   # one type: not kin, not read
    _kin({"other_docs": True})
    assert core._kin_apart(death, same_doc, f[death["id"]], f[same_doc["id"]])   # one report's death and killing
    assert not core._kin_apart(death, other, f[death["id"]], f[other["id"]])


def test_kin_guard_without_kin_types_reads_nothing(events_cfg):
    cfg = core.config()["events"]
    cfg["kin_types"], cfg["kin_guard"] = [], {"shared_actor": True, "other_docs": True}
    core._kin_types.cache_clear()
    death = _harm("d1:ev1", "d1", "death", "e:p:saad")
    other = _harm("d1:ev2", "d1", "killing", "raw:الطفل")
    assert not core._kin_apart(death, other, core._features(death), core._features(other))


# ------------------------------------------------------------------ (c) an ordinal after a construct

def _ordinals(text, trigger, construct=True):
    core.config()["events"]["ordinals_apart"] = {"pairs": True, "joins": True, "construct": construct}
    at = text.index(trigger)
    return set(core.happening_ordinals({"trigger_start": at, "trigger_end": at + len(trigger)}, text))


@pytest.mark.parametrize("text,trigger,expected", [
    ("وكانت حادثة التسمم الأولى قد وقعت في فندق بمدينة مشهد.", "حادثة", {"first"}),
    ("وقعت حادثة التسمم الثانية صباح الثلاثاء أثناء وجبة الإفطار.", "حادثة", {"second"}),
    ("وقالت البعثة إن حادثة التسمم الجديدة وقعت في فندق آخر.", "حادثة", {"later"}),
    ("وناقش الوزراء تنفيذ مقررات اجتماع القاهرة الثاني وخارطة الطريق.", "اجتماع", {"second"}),   # a masculine head
])
def test_a_construct_head_reads_the_qualifier_after_its_genitive(events_cfg, text, trigger, expected):
    assert _ordinals(text, trigger) == expected
    assert _ordinals(text, trigger, construct=False) == set()


@pytest.mark.parametrize("text,trigger", [
    ("ونفذ المسلحون هجوم الأسبوع الماضي على الحاجز.", "هجوم"),           # a time is the genitive: last week's
    ("وهاجم المسلحون يوم الجمعة الماضية نقطة تفتيش.", "هاجم"),            # a verb: no construct read
    ("وتأتي زيارة الرئيس الأولى إلى القاهرة منذ توليه.", "زيارة"),        # a rank bounded by what follows
    ("وأدان الحادثة الأولى من نوعها.", "الحادثة"),                        # a record
    ("وقعت الحادثة المروعة الأولى.", "الحادثة"),                           # a definite head: no construct
    # the qualifier agrees with the genitive: it is the genitive's own
    ("منذ عزل الرئيس السابق محمد مرسي.", "عزل"),                           # the former president
    ("في وقت تدعم فيه لمحاربة الخطر الجديد الصاعد.", "لمحاربة"),          # the new threat
    ("واستهدفت الفرقة الأولى الساحلية.", "واستهدفت"),                      # a verb and its object
])
def test_no_construct_qualifier(events_cfg, text, trigger):
    assert _ordinals(text, trigger) == set()
