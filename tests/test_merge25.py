"""Merge recall (issue #15, merge25): a cluster join that one misread main actor no longer blocks
(``events.sig_tolerance``, ``core._sigs_ok``): of the signature pairs of two clusters, at most ``max`` may clash, and
with ``raw_only`` only by main actors that one side tells by unresolved words alone, their key places agreeing; two
kinds, two known entities or two key places apart still keep the clusters apart."""
from riwaya.reconcile import core

ON = {"max": 1, "raw_only": True, "classes": ["movement", "communication", "control", "other"]}


def _sig(mid, doc, patient=None, place=None, type_="killing", cls="harm", trigger="مقتل"):
    parts = [{"entity": patient, "role": "patient"}] if patient else []
    if place:
        parts.append({"entity": place, "role": "place"})
    m = {"id": mid, "doc": doc, "class": cls, "type": type_, "trigger": trigger, "start": 0, "end": 40,
         "participants": parts}
    return core._sig(m, core._features(m))


def _ok(sa, sb, tol):
    cfg = dict(core.config()["events"], sig_tolerance=tol)
    return core._sigs_ok(set(sa), set(sb), cfg)


def test_shipped_setting():
    assert core.config()["events"]["sig_tolerance"] == ON


def _arrival(mid, doc, agent=None):
    m = {"id": mid, "doc": doc, "class": "movement", "type": "arrival", "trigger": "وصل", "start": 0, "end": 40,
         "participants": [{"entity": agent, "role": "agent"}] if agent else [], "destination": "e:city:jeddah"}
    return core._sig(m, core._features(m))


def test_one_raw_clash_passes_when_on():
    bare = _arrival("a", "d1")                                     # "وصل إلى جدة" told with no mover
    named = _arrival("b", "d2", agent="raw:الرئيس الشيشاني")      # "وصل الرئيس الشيشاني" (unresolved)
    his = _arrival("c", "d3", agent="raw:فخامته")                  # "لدى وصول فخامته": the same man, unresolved
    assert not core._sig_ok(named, his)
    assert not _ok([bare, named], [his], None)                     # off: every pair must pass
    assert _ok([bare, named], [his], ON)                           # on: one clash of unresolved words passes


def test_harm_is_not_tolerated_as_shipped():
    bare = _sig("a", "d1")                                         # "مقتل" told with no victim
    guard = _sig("b", "d2", patient="raw:حارس الامن")              # "مقتل حارس الأمن"
    passer = _sig("c", "d3", patient="raw:احد المارين")           # "مقتل أحد المارين": another man, or misread
    assert not core._sig_ok(guard, passer)
    assert not _ok([bare, guard], [passer], ON)                    # killings: not in the shipped classes
    assert _ok([bare, guard], [passer], {"max": 1, "raw_only": True})


def test_known_entities_places_kinds_and_two_clashes_still_refuse():
    p1 = _sig("a", "d1", patient="e:person:ahmad")
    p2 = _sig("b", "d2", patient="e:person:khalid")
    assert not _ok([p1], [p2], {"max": 1, "raw_only": True})       # two known people: two killings
    r1 = _sig("c", "d1", patient="raw:جندي", place="e:place:hodeidah")
    r2 = _sig("d", "d2", patient="raw:مسلح", place="e:place:arhab")
    assert not _ok([r1], [r2], {"max": 1, "raw_only": True})       # key places apart: not tolerated
    g1 = _sig("e", "d1", patient="raw:حارس الامن")
    g2 = _sig("f", "d2", patient="raw:احد المارين")
    g3 = _sig("g", "d3", patient="raw:سائق الشاحنه")
    assert not _ok([g1, g3], [g2], {"max": 1, "raw_only": True})   # two clashing pairs: over max 1
    assert _ok([g1, g3], [g2], {"max": 2, "raw_only": True})
    arrival = _sig("h", "d2", type_="arrival", cls="movement", trigger="وصل", patient="raw:احد المارين")
    assert not _ok([g1], [arrival], {"max": 5})                    # two kinds never pass
