"""An argument filled on one side of a pair only is neither a clash nor a match (issue #15, merge13): the pair
features and gates at the argument density of the events model trained on every annotator's data. The
switches (data/reconcile/config.json events.keyless_one_sided, raw_clash_min_words, soft_actors_one_sided) are
off as shipped (keyless_one_sided was "actors" in mrec29, off again since the frozen clusters floor failed with it); these tests set each themselves. Spans are those the all-data model read on the clusters corpus."""
import os
import sys

import pytest

from riwaya.reconcile import core

os.environ.setdefault("RIWAYA_ENCODER", "0")
sys.path.insert(0, os.path.join(os.path.dirname(__file__)))
from test_reconcile import ENTS, _h, _story_docs, _t  # noqa: E402

BENGHAZI = {"id": "benghazi", "type": "place", "name_ar": "بنغازي", "name_en": "Benghazi", "aliases": [],
            "kb_id": None, "coordinates": None, "attrs": {"kind": "city"}}
T = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")


def _pair(a, b):
    ents = core.Entities(ENTS + [BENGHAZI])
    docs = {d["id"]: d for d in _story_docs(4)}
    ca, cb = core.canonical_mentions([a, b], ents, docs)
    return ca, cb, core._features(ca), core._features(cb)


@pytest.fixture
def hand_only(monkeypatch):
    """The hand weights with unresolved actors clashing (raw_actors_clash true): the gates alone."""
    monkeypatch.setattr(core, "pair_model", lambda: None)
    monkeypatch.setitem(core.config()["events"], "raw_actors_clash", True)
    monkeypatch.setitem(core.config()["events"], "raw_actor_families", True)
    return core.config()["events"]


def _shot(mid, doc, who, **kw):
    return _h(mid, doc, typ="attack", time=T, participants=[{"entity": who, "role": "patient", **kw}])


def test_a_bare_word_no_longer_tells_another_reports_actor_apart(monkeypatch, hand_only):
    """"الطفلة" (the girl shot) against "السلطات العمانية المختصة" (a misread patient of the same shooting): a
    one-word unresolved actor is too little to split two reports; two descriptions of several words still clash,
    and so do two heads of known, different families (soldiers, policemen)."""
    girl = _shot("x0", "s0", "الطفلة")
    misread = _shot("x1", "s1", "السلطات العمانية المختصة")
    monkeypatch.setitem(hand_only, "raw_clash_min_words", 0)
    assert not core._pair_ok(*_pair(girl, misread))
    monkeypatch.setitem(hand_only, "raw_clash_min_words", 2)
    a, b, fa, fb = _pair(girl, misread)
    assert core._pair_ok(a, b, fa, fb)
    assert core.pair_features(a, b, fa, fb).get("actor_clash_raw") == 1.0     # left to the score
    two = _shot("x2", "s2", "مروحيتين اميركيتين")
    monkeypatch.setitem(hand_only, "things_one_sided", False)
    assert not core._pair_ok(*_pair(misread, two))
    monkeypatch.setitem(hand_only, "things_one_sided", True)   # helicopters are things: one side's slot only
    assert core._pair_ok(*_pair(misread, two))
    soldiers, police = _shot("x3", "s0", "جنديين"), _shot("x4", "s1", "شرطيين")
    assert not core._pair_ok(*_pair(soldiers, police))


def test_a_place_named_as_the_actor_is_one_side_only(monkeypatch, hand_only):
    """"وهاجمت ... بنغازي" (the city read as what was attacked) against "سفينة ثانية" (the ship attacked):
    the place fills the actor's slot on one side only, no clash; a place against a place still clashes where
    neither can be the other."""
    city = _shot("x0", "s0", "benghazi", place_actor=True)
    ship = _shot("x1", "s1", "سفينة ثانية")
    monkeypatch.setitem(hand_only, "place_actors_clash", False)
    monkeypatch.setitem(hand_only, "soft_actors_one_sided", False)
    assert not core._pair_ok(*_pair(city, ship))
    monkeypatch.setitem(hand_only, "soft_actors_one_sided", True)
    assert core._pair_ok(*_pair(city, ship))
    assert core._pair_ok(*_pair(city, _shot("x2", "s2", "benghazi", place_actor=True)))


def test_a_place_named_as_the_doer_is_no_second_doer_of_one_report(monkeypatch, hand_only):
    """"عملية إعادة الأمل" told with the Kingdom as its doer in one sentence and the coalition in another of the
    same report: the country is a polity the coalition acts for, not a second doer (_same_doc_ok, agent_clash)."""
    monkeypatch.setitem(hand_only, "place_actors_clash", False)
    op = _h("x0", "s0", typ="attack", time=T, participants=[{"entity": "benghazi", "role": "agent",
                                                               "place_actor": True}])
    monkeypatch.setitem(hand_only, "soft_actors_one_sided", False)
    a, _b, fa, _fb = _pair(op, _shot("x1", "s1", "الطفلة"))
    assert fa["doers"] == frozenset({"benghazi"})
    monkeypatch.setitem(hand_only, "soft_actors_one_sided", True)
    a, _b, fa, _fb = _pair(op, _shot("x1", "s1", "الطفلة"))
    assert fa["doers"] == frozenset()


def test_descriptions_of_one_side_score_as_keyless(monkeypatch, hand_only):
    """Main actors on both sides with no named entity on both (a description against a name, "عقيد" against
    the named colonel) are neither a match nor a clash: the pair is keyless, what its sentences share decides;
    with "slots" so is a pair whose one report names the actor and the other only the key place."""
    monkeypatch.setitem(hand_only, "raw_vs_resolved_clash", False)
    colonel = _h("x0", "s0", typ="killing", time=T, participants=[{"entity": "عقيد", "role": "patient"}])
    named = _h("x1", "s1", typ="killing", time=T, participants=[{"entity": "maher", "role": "patient"}])
    monkeypatch.setitem(hand_only, "keyless_one_sided", False)
    a, b, fa, fb = _pair(colonel, named)
    assert core._pair_ok(a, b, fa, fb) and "keyless" not in core.pair_features(a, b, fa, fb)
    monkeypatch.setitem(hand_only, "keyless_one_sided", "actors")
    assert core.pair_features(a, b, fa, fb).get("keyless") == 1.0
    # a named actor on both sides that differs is a hard clash, never keyless
    other = _h("x2", "s2", typ="killing", time=T, participants=[{"entity": "assad", "role": "patient"}])
    assert not core._pair_ok(*_pair(named, other))
    # the actor of one report, the key place of the other
    placed = _h("x3", "s3", typ="killing", time=T, place="benghazi")
    a, c, fa, fc = _pair(named, placed)
    assert fa["keys"] and fc["keys"] and "keyless" not in core.pair_features(a, c, fa, fc)
    monkeypatch.setitem(hand_only, "keyless_one_sided", "slots")
    assert core.pair_features(a, c, fa, fc).get("keyless") == 1.0


def test_the_hand_floor_only_for_a_named_actor_in_common(monkeypatch):
    """hand_floor "actors": a pair of two reports that shares a named main actor keeps what the hand weights
    merge; one that shares only a key place (a city many of a story's happenings share) is scored by the model alone."""
    low = {"weights": {}, "bias": -50.0, "threshold": 0.75, "average_threshold": -0.5, "hand_floor": "actors",
           "classes": None, "keyed_by_hand": False, "raw_actors_clash": True}
    monkeypatch.setattr(core, "pair_model", lambda: low)
    cfg = core.config()["events"]
    a, b, fa, fb = _pair(_h("x0", "s0", typ="killing", time=T, participants=[{"entity": "maher", "role": "patient"}]),
                         _h("x1", "s1", typ="killing", time=T, participants=[{"entity": "maher", "role": "patient"}]))
    hand = sum(cfg["pair_weights"].get(k, 0.0) * v for k, v in core.pair_features(a, b, fa, fb).items())
    assert core._pair_score(a, b, fa, fb) == pytest.approx(hand - cfg["merge_threshold"] + low["threshold"])
    # two mentions of one report: no floor (a conflict's sides are two reports')
    e, f, fe, ff = _pair(_h("x4", "s0", typ="killing", time=T, participants=[{"entity": "maher", "role": "patient"}]),
                         _h("x5", "s0", typ="killing", time=T, start=20, end=40,
                            participants=[{"entity": "maher", "role": "patient"}]))
    assert core._pair_score(e, f, fe, ff) < low["threshold"]
    c, d, fc, fd = _pair(_h("x2", "s0", typ="attack", time=T, place="benghazi"),
                         _h("x3", "s1", typ="attack", time=T, place="benghazi"))
    assert core._resolved(fc["kplaces"] & fd["kplaces"])
    assert core._pair_score(c, d, fc, fd) < low["threshold"]
    monkeypatch.setattr(core, "pair_model", lambda: {**low, "hand_floor": "keyed"})
    assert core._pair_score(c, d, fc, fd) > -50.0
