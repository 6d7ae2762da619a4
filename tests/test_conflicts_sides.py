"""Sides of a contradiction that are real (issue #15): an agent told in the trigger's own clause, never a
news outlet; contradicting sides told of one happening (a shared main actor, place or named entity; times
only with a shared main actor)."""
import os

from riwaya.reconcile import reconcile
from riwaya.reconcile.values import own_agent

os.environ.setdefault("RIWAYA_ENCODER", "0")

ENTS = [{"id": "army", "type": "organization", "name_ar": "الجيش التركي", "name_en": "the Turkish army",
         "aliases": [], "kb_id": "org:tsk", "coordinates": None},
        {"id": "wh", "type": "organization", "name_ar": "البيت الأبيض", "name_en": "the White House",
         "aliases": [], "kb_id": "org:wh", "coordinates": None},
        {"id": "afp", "type": "organization", "name_ar": "فرانس برس", "name_en": "AFP", "aliases": [],
         "kb_id": "outlet:afp", "coordinates": None, "attrs": {"group": "outlet"}},
        {"id": "pkk", "type": "organization", "name_ar": "حزب العمال الكردستاني", "name_en": "PKK",
         "aliases": [], "kb_id": "org:pkk", "coordinates": None},
        {"id": "ali", "type": "person", "name_ar": "علي", "name_en": "Ali", "aliases": [], "kb_id": "p:ali",
         "coordinates": None}]


def _span(text, words, after=0):
    s = text.index(words, after)
    return s, s + len(words)


def test_own_agent_same_clause():
    t = "شن الجيش التركي سلسلة من الضربات على معسكرات الحزب."
    assert own_agent(t, _span(t, "الضربات"), _span(t, "الجيش التركي"))
    t = "وكانت الضربات الجوية التي شنها الجيش التركي قد بدأت."
    assert own_agent(t, _span(t, "الضربات"), _span(t, "الجيش التركي"))     # a relative joins the doer
    t = "ووصف المسؤول الهجوم بأنه عمل إرهابي، ويقع المجلس تحت ضغط."
    assert not own_agent(t, _span(t, "الهجوم"), _span(t, "المجلس"))        # another clause
    t = "وأصيب في الهجوم والد الطفل علي."
    assert not own_agent(t, _span(t, "الهجوم"), _span(t, "علي"))           # who was hurt, not the doer
    t = "وقال الناطق لوكالة فرانس برس إن المقاتلين نجحوا في السيطرة على الحي."
    assert not own_agent(t, _span(t, "السيطرة"), _span(t, "فرانس برس"))
    t = "دافع البيت الأبيض عن حق تركيا في ضرب الحزب."
    assert not own_agent(t, _span(t, "ضرب"), _span(t, "البيت الأبيض"), actors_between=True)


def _doc(i, text, outlet):
    return {"id": i, "text": text, "outlet": outlet, "title": f"ضربات على الحزب {i}", "published": "2015-07-26",
            "language": "ar", "languages": ["ar"]}


def _m(i, doc, text, trig, typ="attack", cls="harm", parts=(), time=None, amount=None, context=("pkk",)):
    ts, te = _span(text, trig)
    ps = []
    for ent, role, words in parts:
        s, e = _span(text, words)
        ps.append({"entity": ent, "role": role, "text": words, "start": s, "end": e})
    return {"id": i, "doc": doc, "class": cls, "type": typ, "trigger": trig, "start": 0, "end": len(text),
            "trigger_start": ts, "trigger_end": te, "participants": ps, "origin": None, "destination": None,
            "via": [], "place": None, "means": None, "amount": amount, "time": time,
            "attribution": {"chain": [], "hedge": None}, "negated": False, "polarity": "asserted",
            "context": list(context)}


def _agents(out):
    return [c for c in out["conflicts"] if c["field"] == "agent" and c["kind"] == "contradiction"]


def test_an_agent_from_another_clause_is_no_side():
    a = "شن الجيش التركي سلسلة من الضربات على حزب العمال الكردستاني."
    b = "دافع البيت الأبيض عن حق تركيا في ضرب حزب العمال الكردستاني."
    ents = ENTS + [{"id": "tr", "type": "place", "name_ar": "تركيا", "name_en": "Turkey", "aliases": [],
                    "kb_id": "country:tr", "coordinates": [39.0, 35.0], "attrs": {"kind": "country"},
                    "mentions": [{"doc": "b", "start": b.index("تركيا"), "end": b.index("تركيا") + 5}]}]
    ms = [_m("a1", "a", a, "الضربات", parts=[("army", "agent", "الجيش التركي"), ("pkk", "patient", "حزب العمال الكردستاني")]),
          _m("b1", "b", b, "ضرب", parts=[("wh", "agent", "البيت الأبيض"), ("pkk", "patient", "حزب العمال الكردستاني")])]
    out = reconcile([_doc("a", a, "A"), _doc("b", b, "B")], ms, ents)
    assert len({e["id"] for e in out["events"]}) == 1
    assert _agents(out) == []
    ev = out["events"][0]
    assert [m["values"]["agent"] for m in ev["mentions"] if m["doc"] == "b"] == [None]
    # told in its own clause, the same doer is a side
    b2 = "ضرب البيت الأبيض حزب العمال الكردستاني."
    ms[1] = _m("b1", "b", b2, "ضرب", parts=[("wh", "agent", "البيت الأبيض"), ("pkk", "patient", "حزب العمال الكردستاني")])
    assert len(_agents(reconcile([_doc("a", a, "A"), _doc("b", b2, "B")], ms, ENTS))) == 1


def test_an_outlet_is_no_agent():
    a = "بسط علي سيطرته على حي التواهي."
    b = "سيطرت فرانس برس على حي التواهي."
    ms = [_m("a1", "a", a, "سيطرته", typ="control", cls="control", parts=[("ali", "agent", "علي")]),
          _m("b1", "b", b, "سيطرت", typ="control", cls="control", parts=[("afp", "agent", "فرانس برس")])]
    out = reconcile([_doc("a", a, "A"), _doc("b", b, "B")], ms, ENTS)
    assert _agents(out) == []


def test_times_of_no_named_actor_are_no_contradiction():
    """Without a main actor in common, two times tell two happenings (projectiles that fell on a town on
    Friday and on Sunday); with one, they disagree. Counts need a shared place or named entity."""
    from riwaya.reconcile.conflicts import _tied
    ev = [{"mention": "a1"}, {"mention": "b1"}]
    pair = [([0], [1], "different", True, [0], [1])]
    ties = {"a1": (frozenset(), frozenset({"najran"}), frozenset({"najran"})),
            "b1": (frozenset(), frozenset({"najran"}), frozenset({"najran"}))}
    assert _tied(pair, "time", ev, ties) == []
    assert _tied(pair, "amount", ev, ties) == pair
    keyed = {k: (frozenset({"ali"}),) + v[1:] for k, v in ties.items()}
    assert _tied(pair, "time", ev, keyed) == pair
    loose = {k: (frozenset(), frozenset(), frozenset()) for k in ties}
    assert _tied(pair, "amount", ev, loose) == []
    assert _tied([([0], [1], "precision", True, [0], [1])], "amount", ev, loose) != []
    assert _tied(pair, "time", ev, None) == pair
