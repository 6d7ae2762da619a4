"""The corpus stage's pair scorer (issue #15): features, the learned model shipped as JSON, the hand
weights as fallback, and the type families and actor rules that decide which pairs are compared."""
import importlib.util
import json
import os
import sys

import pytest

from riwaya.reconcile import core, reconcile

os.environ.setdefault("RIWAYA_ENCODER", "0")

sys.path.insert(0, os.path.join(os.path.dirname(__file__)))
from test_reconcile import ENTS, _h, _m, _story_docs, _t  # noqa: E402


@pytest.fixture
def learned(monkeypatch):
    """The shipped learned scorer, switched on (config events.pair_model names it to use it)."""
    from riwaya.reconcile.text import DATA
    model = json.loads((DATA / "pair_model.json").read_text("utf-8"))
    monkeypatch.setattr(core, "pair_model", lambda: model)
    return model


def _killed(mid, doc, who):
    """A killing on Saturday evening whose one participant, the victim, is ``who`` (an unresolved phrase)."""
    t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")
    return _h(mid, doc, typ="killing", time=t, participants=[{"entity": who, "role": "patient"}])


def _pair(a, b, story_of=None):
    ents = core.Entities(ENTS)
    docs = {d["id"]: d for d in _story_docs(4)}
    ca, cb = core.canonical_mentions([a, b], ents, docs)
    fa, fb = core._features(ca, story_of), core._features(cb, story_of)
    return ca, cb, fa, fb


def test_shipped_model_is_scored_in_pure_python(learned):
    model = learned
    assert {"weights", "bias", "threshold", "average_threshold"} <= set(model)
    t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")
    a, b, fa, fb = _pair(_h("x0", "s0", time=t, context=["city"]), _h("x1", "s1", time=t, context=["city"]))
    x = core.pair_features(a, b, fa, fb)
    assert {n for w in model["weights"] for n in w.split("*")} <= set(x) | {
        "key", "place", "time_disjoint", "time_disjoint_keyed", "time_missing", "context", "context_disjoint",
        "agent_clash", "keyless", "actors_shared", "actors_linked", "actor_clash_raw", "same_doc", "same_sentence", "generic",
        "denial_pair", "trigger_sim", "trigger_same", "sentence_sim", "same_type", "same_story", "time_overlap",
        "lead_both", "lead_one", "lead_none", "first_both", "first_one", "first_none", "window_sim", "plural_one",
        "fine_place_shared", "fine_place_apart", "numbers_shared", "amount_same", "kind_few", "kind_many", "doc_copy"}
    want = model["bias"] + sum(model["weights"].get(k, 0.0) * v for k, v in core.with_crosses(x, model).items())
    if model.get("hand_floor") is True:
        cfg = core.config()["events"]
        hand = sum(cfg["pair_weights"].get(k, 0.0) * v for k, v in x.items())
        want = max(want, hand - cfg["merge_threshold"] + model["threshold"])
    assert core._pair_score(a, b, fa, fb) == pytest.approx(want)


def test_the_hand_floor_keeps_what_the_hand_weights_merge(monkeypatch, learned):
    """With hand_floor the model only adds merges: a pair the hand weights merge stays merged however low
    the learned log-odds; without it the learned score alone decides."""
    t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")
    a, b, fa, fb = _pair(_m("x0", "s0", time=t), _m("x1", "s1", time=t), {"s0": 0, "s1": 0})
    cfg = core.config()["events"]
    hand = sum(cfg["pair_weights"].get(k, 0.0) * v for k, v in core.pair_features(a, b, fa, fb).items())
    assert hand >= cfg["merge_threshold"]
    low = {**learned, "bias": -50.0, "keyed_by_hand": False, "classes": None}
    monkeypatch.setattr(core, "pair_model", lambda: {**low, "hand_floor": True})
    assert core._pair_score(a, b, fa, fb) == pytest.approx(hand - cfg["merge_threshold"] + low["threshold"])
    assert core._pair_score(a, b, fa, fb) >= low["threshold"]
    monkeypatch.setattr(core, "pair_model", lambda: {**low, "hand_floor": False})
    assert core._pair_score(a, b, fa, fb) < low["threshold"]
    # "keyed": only a pair that shares a named main actor or key place keeps the hand weights' merge
    monkeypatch.setattr(core, "pair_model", lambda: {**low, "hand_floor": "keyed"})
    assert core._pair_score(a, b, fa, fb) >= low["threshold"]
    k, c, fk, fc = _pair(_h("x2", "s0", time=t, trigger="الانفجار", end=90),
                         _h("x3", "s1", time=t, trigger="الانفجار", end=90), {"s0": 0, "s1": 0})
    keyless = sum(cfg["pair_weights"].get(n, 0.0) * v for n, v in core.pair_features(k, c, fk, fc).items())
    assert keyless >= cfg["merge_threshold"]        # the hand weights merge two keyless reports of one story...
    assert core._pair_score(k, c, fk, fc) < low["threshold"]     # ... the keyed floor leaves them to the model


def test_a_report_tells_its_main_happening_first():
    """lead_both / lead_one / lead_none: how many of the two triggers lie in the first part of their report."""
    docs = {d["id"]: d for d in _story_docs(2)}
    n = len(docs["s0"]["text"])
    ms = [_h("x0", "s0", trigger_start=0), _h("x1", "s1", trigger_start=0), _h("x2", "s1", trigger_start=n - 5)]
    ca, cb, cc = core.canonical_mentions(ms, core.Entities(ENTS), docs)
    fa, fb, fc = core._features(ca), core._features(cb), core._features(cc)
    assert core.pair_features(ca, cb, fa, fb).get("lead_both") == 1.0
    assert core.pair_features(ca, cc, fa, fc).get("lead_one") == 1.0


def test_a_report_tells_first_its_main_happening_of_a_kind():
    """first_both / first_one / first_none: whether each of two mentions in different reports is its
    report's first of its kind (class, type group); a later one of the same kind is not, one of another
    kind is its kind's first. Not set for two mentions of one report."""
    docs = {d["id"]: d for d in _story_docs(2)}
    ms = [_h("x0", "s0", trigger_start=5), _h("x1", "s0", trigger_start=40),
          _h("x2", "s1", trigger_start=30), _m("x3", "s1", trigger_start=50)]
    cs = core.canonical_mentions(ms, core.Entities(ENTS), docs)
    assert [c["first"] for c in cs] == [True, False, True, True]
    fs = [core._features(c) for c in cs]
    assert core.pair_features(cs[0], cs[2], fs[0], fs[2]).get("first_both") == 1.0
    assert core.pair_features(cs[1], cs[2], fs[1], fs[2]).get("first_one") == 1.0
    x = core.pair_features(cs[0], cs[1], fs[0], fs[1])
    assert not {"first_both", "first_one", "first_none"} & set(x)


def test_the_words_around_two_triggers():
    """window_sim: how alike the words next to the two triggers are (a copied clause), within their
    sentences; an article and a proclitic off."""
    from test_reconcile import _doc
    text_a = "قال مسؤول إن انفجار سيارة مفخخة قرب مركز الشرطة أوقع قتلى. وفي خبر آخر وقع هجوم على سوق"
    text_b = "أكدت الوكالة أن الانفجار لسيارة مفخخة قرب مركز للشرطة أوقع قتلى"
    docs = {"a": _doc("a", text_a, "A"), "b": _doc("b", text_b, "B")}
    end_a = text_a.index(".") + 1
    ta, tb, tc = text_a.index("انفجار"), text_b.index("الانفجار"), text_a.index("هجوم")
    ms = [_h("x0", "a", start=0, end=end_a, trigger="انفجار", trigger_start=ta, trigger_end=ta + 6),
          _h("x1", "b", start=0, end=len(text_b), trigger="الانفجار", trigger_start=tb, trigger_end=tb + 8),
          _h("x2", "a", start=end_a + 1, end=len(text_a), trigger="هجوم", trigger_start=tc, trigger_end=tc + 4)]
    ca, cb, cc = core.canonical_mentions(ms, core.Entities(ENTS), docs)
    assert {"سياره", "مفخخه", "مسوول"} <= ca["window"] and "الشرطه" not in ca["window"]
    assert not {"قتلى", "قال"} & cc["window"]            # its own sentence only
    fa, fb, fc = core._features(ca), core._features(cb), core._features(cc)
    assert core.pair_features(ca, cb, fa, fb)["window_sim"] > 0.3
    assert core.pair_features(cc, cb, fc, fb)["window_sim"] == 0.0


def test_two_unresolved_actors_of_one_head_are_no_clash(monkeypatch):
    """"المتهم" and "المتهم والذي اقر": one description told shorter or longer (events.raw_actor_heads);
    two raw spans of different heads still clash with raw_actors_clash, and a head never counts as a
    known entity."""
    monkeypatch.setitem(core.config()["events"], "raw_clash_min_words", 0)   # one-word sides clash too (switch of merge13)
    monkeypatch.setitem(core.config()["events"], "raw_actors_clash", True)
    monkeypatch.setattr(core, "pair_model", lambda: None)
    t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")
    short = _h("x0", "s0", typ="arrest", time=t, participants=[{"entity": "المتهم", "role": "patient"}])
    longer = _h("x1", "s1", typ="arrest", time=t, participants=[{"entity": "والمتهم والذي اقر", "role": "patient"}])
    other = _h("x2", "s1", typ="arrest", time=t, participants=[{"entity": "الشاهد", "role": "patient"}])
    monkeypatch.setitem(core.config()["events"], "raw_actor_heads", True)
    a, b, fa, fb = _pair(short, longer)
    assert core._pair_ok(a, b, fa, fb) and core.pair_features(a, b, fa, fb).get("actors_linked") == 1.0
    assert not core._resolved(fa["alts"])
    a, c, fa, fc = _pair(short, other)
    assert not core._pair_ok(a, c, fa, fc)
    monkeypatch.setitem(core.config()["events"], "raw_actor_heads", False)
    monkeypatch.setitem(core.config()["events"], "raw_actor_families", False)   # "المتهم": a family too
    a, b, fa, fb = _pair(short, longer)
    assert not core._pair_ok(a, b, fa, fb)


def test_a_model_may_weigh_products_of_two_features():
    x = {"sentence_sim": 0.5, "window_sim": 0.0, "keyless": 1.0, "trigger_sim": 0.8}
    model = {"crosses": [["sentence_sim", "window_sim"], ["keyless", "trigger_sim"]]}
    assert core.with_crosses(x, model) == {**x, "keyless*trigger_sim": 0.8}
    assert core.with_crosses(x, {}) is x


def test_hand_weights_are_the_fallback(monkeypatch):
    monkeypatch.setattr(core, "pair_model", lambda: None)
    w = core.config()["events"]["pair_weights"]
    t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")
    a, b, fa, fb = _pair(_m("x0", "s0", time=t), _m("x1", "s1", time=t), {"s0": 0, "s1": 0})
    # one shared main actor, overlapping times, same type, same story
    assert core._pair_score(a, b, fa, fb) == pytest.approx(w["key"] + w["time_overlap"] + w["same_type"]
                                                          + w["same_story"])
    cfg = core.config()["events"]
    assert core.pair_thresholds() == (cfg["merge_threshold"], cfg["merge_threshold"] * cfg["average_link"])


def test_sentence_words_and_trigger_cues():
    a, b, fa, fb = _pair(_h("x0", "s0", trigger="الانفجار", start=0, end=60),
                         _h("x1", "s1", trigger="وانفجار", start=0, end=60))
    assert fa["words"] and fb["words"]
    x = core.pair_features(a, b, fa, fb)
    assert x["trigger_same"] == 1.0 and x["trigger_sim"] == 1.0     # a proclitic and the article off
    assert 0.0 < x["sentence_sim"] < 1.0


def test_unresolved_main_actors_that_differ_are_left_to_the_score(monkeypatch, learned):
    # a model trained with --raw-actors-clash false carries the setting (the shipped one keeps true)
    monkeypatch.setattr(core, "pair_model", lambda: {**learned, "raw_actors_clash": False})
    # (a colonel and an officer: one family of actor_families.yaml, which would link them)
    monkeypatch.setitem(core.config()["events"], "raw_actor_families", False)
    t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")
    raw = [_h("x0", "s0", typ="killing", time=t, participants=[{"entity": "العقيد", "role": "patient"}]),
           _h("x1", "s1", typ="killing", time=t, participants=[{"entity": "ضابط برتبة عقيد", "role": "patient"}])]
    a, b, fa, fb = _pair(*raw)
    assert core._pair_ok(a, b, fa, fb)
    assert core.pair_features(a, b, fa, fb).get("actor_clash_raw") == 1.0
    named = [_m("x0", "s0", time=t), _m("x1", "s1", time=t, parts=(("maher", "agent"),))]
    a, b, fa, fb = _pair(*named)
    assert not core._pair_ok(a, b, fa, fb)      # two named people who move are two happenings


def test_type_families_across_outlets():
    """A match one outlet types `meeting` (اللقاء) and another `match`; a crash told as an accident
    and as a fall: the generic types meet them (config events.generic_types)."""
    gen = core._generic_types()
    assert core._type_group("meeting") in gen["match"]
    assert core._type_group("fall") in gen["accident"]
    t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")
    a, b, fa, fb = _pair(_m("x0", "s0", cls="communication", typ="meeting", parts=(), time=t),
                         _m("x1", "s1", cls="other", typ="match", parts=(), time=t))
    assert core._kind_ok(core._cls(a), fa["group"], fa["generic"], core._cls(b), fb["group"], fb["generic"])


def test_a_named_actor_in_common_is_scored_by_the_hand_weights(learned):
    t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")
    a, b, fa, fb = _pair(_m("x0", "s0", time=t), _m("x1", "s1", time=t), {"s0": 0, "s1": 0})
    hand = sum(core.config()["events"]["pair_weights"].get(k, 0.0) * v
               for k, v in core.pair_features(a, b, fa, fb).items())
    shifted = hand - core.config()["events"]["merge_threshold"] + learned["threshold"]
    if learned.get("keyed_by_hand"):
        assert core._pair_score(a, b, fa, fb) == pytest.approx(shifted)
    if learned.get("hand_floor") in (True, "keyed"):
        assert core._pair_score(a, b, fa, fb) >= shifted - 1e-9


def test_keyless_pairs_merge_by_the_learned_score(learned):
    """Keyless reports of one story: merged exactly when the model's score reaches its threshold; a
    report of another day and place stays apart."""
    docs = _story_docs(3)
    t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")
    other = _t("2024-12-01T08:00:00+03:00", "2024-12-01T09:00:00+03:00", "صباح الأحد")
    ms = [_h("x0", "s0", time=t, trigger="الانفجار", end=90), _h("x1", "s1", time=t, trigger="انفجار", end=90),
          _h("x2", "s2", time=other, context=["port"])]
    a, b, fa, fb = _pair(ms[0], ms[1], {"s0": 0, "s1": 0})
    merge = core._pair_score(a, b, fa, fb) >= learned["threshold"]
    out = reconcile(docs, ms, ENTS)
    ev = {e["id"]: {x["mention"] for x in e["evidence"]} for e in out["events"]}
    assert ({"x0", "x1"} in ev.values()) == merge
    assert {"x2"} in ev.values()


@pytest.mark.skipif(importlib.util.find_spec("sklearn") is None, reason="scikit-learn (the train extra)")
def test_training_keeps_the_signs_of_the_cues():
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts"))
    import train_pairs
    pairs = []
    for k in range(40):
        same = k % 2 == 0
        x = {"key": 1.0 if same else 0.0, "sentence_sim": 0.8 if same else 0.1, "trigger_sim": 1.0,
             # a cue that, in these few stories, happens to go with two happenings
             "context": 0.2 if same else 0.9, "same_story": 1.0}
        pairs.append((f"a{k}", f"b{k}", x, int(same), "harm"))
    pairs.append(("m0", "m1", {"key": 1.0}, 1, "movement"))     # a class seen too rarely: not judged
    train_pairs.MIN_CLASS_PAIRS = 10
    model = train_pairs.fit([{"calls": [{"pairs": pairs}]}], 1.0)
    assert model["classes"] == ["harm"]
    assert "context" in model["dropped"] and "context" not in model["weights"]
    assert model["weights"]["key"] > 0 and model["weights"]["sentence_sim"] > 0
    assert "same_story" not in model["weights"]
    assert "hand_floor" in model
    json.dumps(model)
    train_pairs.MIN_CLASS_PAIRS = 0                              # every class judged
    assert train_pairs.fit([{"calls": [{"pairs": pairs}]}], 1.0)["classes"] is None
    train_pairs.MIN_CLASS_PAIRS = 500


def test_an_unresolved_actor_that_may_be_the_named_one_is_no_clash(monkeypatch):
    """A raw span that holds a person's name, or whose words are all in the name of a person its document
    names ("الأسد"), may be that person: no clash of main actors, and the pair feature says so; a raw span
    in a document that names nobody it may be clashes with a named person only with
    ``raw_vs_resolved_clash`` (else the score weighs it); two known different people always clash."""
    monkeypatch.setitem(core.config()["events"], "raw_clash_min_words", 0)   # one-word sides clash too (switch of merge13)
    monkeypatch.setitem(core.config()["events"], "actor_links", "names")
    monkeypatch.setitem(core.config()["events"], "raw_vs_resolved_clash", True)
    t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")
    named = _m("x0", "s0", time=t)
    holds = _m("x1", "s1", time=t, parts=(("بشار الأسد المخلوع", "agent"),))
    a, b, fa, fb = _pair(named, holds)
    assert "assad" in fb["alts"] and core._pair_ok(a, b, fa, fb)
    assert core.pair_features(a, b, fa, fb).get("actors_linked") == 1.0
    # "الأسد" of a document that also names him elsewhere (his entity has a mention there); of one that
    # does not: a clash
    word = _m("x2", "s1", time=t, parts=(("الأسد", "agent"),))
    ents = core.Entities([dict(e, mentions=[{"doc": "s1", "start": 0, "end": 9}]) if e["id"] == "assad" else e
                          for e in ENTS])
    docs = {d["id"]: d for d in _story_docs(4)}
    ca, cw = core.canonical_mentions([named, word], ents, docs)
    fa, fw = core._features(ca), core._features(cw)
    assert core._pair_ok(ca, cw, fa, fw)
    ents = core.Entities(ENTS)
    ca, cw = core.canonical_mentions([named, word], ents, docs)
    fa, fw = core._features(ca), core._features(cw)
    assert not core._pair_ok(ca, cw, fa, fw)
    # two known different people stay two happenings, whatever a raw span may be
    a, b, fa, fb = _pair(_m("x4", "s0", time=t, parts=(("maher", "agent"),)), holds)
    assert not core._pair_ok(a, b, fa, fb)
    monkeypatch.setitem(core.config()["events"], "actor_links", "none")
    a, b, fa, fb = _pair(named, holds)
    assert not core._pair_ok(a, b, fa, fb)
    monkeypatch.setitem(core.config()["events"], "raw_vs_resolved_clash", False)
    a, b, fa, fb = _pair(named, holds)
    assert core._pair_ok(a, b, fa, fb) and core.pair_features(a, b, fa, fb).get("actor_clash_raw") == 1.0
    a, b, fa, fb = _pair(_m("x4", "s0", time=t, parts=(("maher", "agent"),)), named)
    assert not core._pair_ok(a, b, fa, fb)


def test_a_place_as_main_actor_is_no_known_different_entity(monkeypatch):
    """A country named as the one a strike hit (a polity a person or an organisation stands for) does not
    clash with the person another report names, with events.place_actors_clash false; two people do."""
    ents = ENTS + [{"id": "syria", "type": "place", "name_ar": "سوريا", "name_en": "Syria", "aliases": [],
                    "kb_id": None, "coordinates": None}]
    t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")
    docs = {d["id"]: d for d in _story_docs(4)}

    def pair(x, y):
        a, b = core.canonical_mentions([x, y], core.Entities(ents), docs)
        return core._pair_ok(a, b, core._features(a), core._features(b))
    country = _h("x0", "s0", time=t, parts=(("syria", "patient"),))
    person = _h("x1", "s1", time=t, parts=(("assad", "patient"),))
    monkeypatch.setitem(core.config()["events"], "place_actors_clash", True)
    assert not pair(country, person)
    monkeypatch.setitem(core.config()["events"], "place_actors_clash", False)
    assert pair(country, person)
    assert not pair(_h("x2", "s0", time=t, parts=(("maher", "patient"),)), person)


def test_a_generic_mention_commits_to_its_dominant_kind(monkeypatch):
    """'the incident' linked to a shooting by two pairs and to a misread arrival of its own sentence by one
    (scored higher) joins the shooting only: a cluster takes one kind, the one its generic mentions scored
    highest with, summed over the generic mentions that merge together."""
    ms = [_m("g1", "s0", cls="other", typ="accident", parts=()), _m("g2", "s1", cls="other", typ="accident", parts=()),
          _h("a1", "s0"), _h("a2", "s1"), _m("r1", "s0", typ="arrival", parts=())]
    feats = [core._features(m) for m in ms]
    pairs = {(0, 1): 1.0, (0, 2): 1.0, (1, 3): 1.0, (0, 4): 1.5, (2, 3): 2.0}
    monkeypatch.setitem(core.config()["events"], "generic_dominant", True)
    assert core.generic_commitments(ms, feats, pairs) == {(0, 1): 1.0, (0, 2): 1.0, (1, 3): 1.0, (2, 3): 2.0}
    monkeypatch.setitem(core.config()["events"], "generic_dominant", False)
    assert core.generic_commitments(ms, feats, pairs) == pairs


def test_a_departure_and_an_arrival_are_two_happenings(monkeypatch):
    """One person's departure and arrival, told alike on one day, are two moments of a journey
    (events.distinct_types): never one event, however high they score (a shared named actor)."""
    monkeypatch.setitem(core.config()["events"], "distinct_types", [["arrival", "departure"]])
    core._distinct_pairs.cache_clear()
    try:
        t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")
        ms = [_m("d1", "s0", typ="departure", time=t), _m("d2", "s1", typ="departure", time=t),
              _m("a1", "s1", typ="arrival", time=t), _m("a2", "s2", typ="arrival", time=t)]
        events = core.cluster_mentions(ms)
        assert sorted(sorted(m["id"] for m in e) for e in events) == [["a1", "a2"], ["d1", "d2"]]
        assert core._distinct_types("arrival", "departure") and not core._distinct_types("arrival", "arrival")
    finally:
        core._distinct_pairs.cache_clear()


def test_a_plural_trigger_against_one_happening():
    """plural_one: one trigger a plural noun ('هجماتهم', 'غارات': a series or the background), the other
    not; a possessive suffix comes off first, a short word ('مات', he died) is no plural."""
    assert core._plural_trigger("هجماتهم") and core._plural_trigger("الغارات")
    assert not core._plural_trigger("مات") and not core._plural_trigger("الهجوم")
    ms = [_h("x0", "s0", trigger="الهجوم"), _h("x1", "s1", trigger="هجماتهم"), _h("x2", "s2", trigger="غارات")]
    fs = [core._features(m) for m in ms]
    assert core.pair_features(ms[0], ms[1], fs[0], fs[1]).get("plural_one") == 1.0
    assert "plural_one" not in core.pair_features(ms[1], ms[2], fs[1], fs[2])


def test_unresolved_actors_of_one_family_are_no_clash(monkeypatch):
    """"جنديين تركيين" / "عسكريين تركيين اثنين" / "ضابطي صف": soldiers told in other words are one kind of people
    (events.raw_actor_families, actor_families.yaml); soldiers and policemen still clash; a container word
    ("القوات المعارضة") is passed over to its head; a family never counts as a known entity."""
    monkeypatch.setitem(core.config()["events"], "raw_actors_clash", True)
    monkeypatch.setitem(core.config()["events"], "raw_actor_families", True)
    monkeypatch.setattr(core, "pair_model", lambda: None)
    soldiers, troops, nco = _killed("x0", "s0", "جنديين تركيين"), _killed("x1", "s1", "عسكريين تركيين اثنين"), \
        _killed("x2", "s1", "ضابطي صف")
    police = _killed("x3", "s1", "شرطيين")
    for other in (troops, nco):
        a, b, fa, fb = _pair(soldiers, other)
        assert core._pair_ok(a, b, fa, fb) and core.pair_features(a, b, fa, fb).get("actors_linked") == 1.0
        assert not core._resolved(fa["alts"] | fb["alts"])
    a, c, fa, fc = _pair(soldiers, police)
    assert not core._pair_ok(a, c, fa, fc)
    assert core._raw_family("raw:القوات المعارضه") == core._raw_family("raw:الثوار") is not None
    assert core._raw_family("raw:the gunmen") == core._raw_family("raw:attackers") is not None
    assert core._raw_family("raw:قصر الرياسه") is None
    monkeypatch.setitem(core.config()["events"], "raw_actor_families", False)
    a, b, fa, fb = _pair(soldiers, troops)
    assert not core._pair_ok(a, b, fa, fb)


def test_an_english_article_is_no_head():
    """"the attackers" and "the police" share no head, nor does an honorific make one (actor_families.yaml
    head_skip)."""
    assert core._raw_head("raw:the attackers") != core._raw_head("raw:the police")
    assert core._raw_head("raw:the attackers") == core._raw_head("raw:attackers")
    assert core._raw_head("raw:سمو ولي ولي العهد لدي وصوله") == core._raw_head("raw:ولي ولي العهد")   # an honorific


def test_a_meeting_told_from_each_side_is_one_party(monkeypatch):
    """"Assad received Maher" (Assad the main actor, Maher named in the sentence) and "Maher met Assad" told with
    Maher as the main actor: one meeting told from each side, no clash of main actors (events.party_groups);
    a meeting whose sentence does not name the other's actor still clashes, and so do two movements."""
    monkeypatch.setattr(core, "pair_model", lambda: None)
    t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")

    def meet(mid, doc, who, ctx, typ="meeting", cls="communication"):
        return _m(mid, doc, cls=cls, typ=typ, parts=((who, "agent"),), time=t, context=ctx)
    host, guest = meet("x0", "s0", "assad", ["assad", "maher"]), meet("x1", "s1", "maher", ["maher"])
    a, b, fa, fb = _pair(host, guest)
    assert core._pair_ok(a, b, fa, fb) and core.pair_features(a, b, fa, fb).get("actors_linked") == 1.0
    assert core._sig_ok(core._sig(a, fa), core._sig(b, fb))
    a, c, fa, fc = _pair(meet("x0", "s0", "assad", ["assad", "nyt"]), guest)
    assert not core._pair_ok(a, c, fa, fc)
    moves = [meet("x0", "s0", "assad", ["assad", "maher"], "flight", "movement"),
             meet("x1", "s1", "maher", ["maher"], "flight", "movement")]
    a, b, fa, fb = _pair(*moves)
    assert not core._pair_ok(a, b, fa, fb)
    monkeypatch.setitem(core.config()["events"], "party_groups", [])
    core._party_groups.cache_clear()
    try:
        a, b, fa, fb = _pair(host, guest)
        assert not core._pair_ok(a, b, fa, fb)
    finally:
        core._party_groups.cache_clear()


def test_a_meeting_s_main_actors_are_its_own_doers(monkeypatch):
    """"حضر الاستقبال X" / "وكان في استقباله لدى وصوله X": X, an agent told outside the trigger's clause (own
    false), is no main actor of a meeting (events.own_actor_groups), so the reception meets the other reports of
    the meeting; a flight keeps such an agent (journey is not in the shipped list)."""
    monkeypatch.setattr(core, "pair_model", lambda: None)
    t = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")
    attended = _m("x0", "s0", cls="communication", typ="meeting", time=t, parts=(),
                  participants=[{"entity": "maher", "role": "agent", "own": False}])
    met = _m("x1", "s1", cls="communication", typ="meeting", time=t)
    fa, fb = core._features(attended), core._features(met)
    assert not fa["actors"] and core._pair_ok(attended, met, fa, fb)
    flew = {**attended, "class": "movement", "type": "flight"}
    met_flight = {**met, "class": "movement", "type": "flight"}
    ff, fm = core._features(flew), core._features(met_flight)
    assert ff["actors"] == {"maher"} and not core._pair_ok(flew, met_flight, ff, fm)


def test_an_attendee_is_no_doer_that_clashes_with_the_host(monkeypatch):
    """"وحضر الاستقبال الأمير ماهر" against "استقبل الرئيس بشار ...": the attendee (an agent told outside the
    trigger's clause, own false) of a meeting (events.doers_own_only "groups": own_actor_groups) is no doer
    that clashes with the host another report names (agent_clash), nor a second doer of one report."""
    monkeypatch.setattr(core, "pair_model", lambda: None)
    attended = _m("x0", "s0", cls="communication", typ="meeting", parts=(),
                  participants=[{"entity": "maher", "role": "agent", "own": False}])
    hosted = _m("x1", "s1", cls="communication", typ="meeting")
    fa, fb = core._features(attended), core._features(hosted)
    assert not fa["doers"] and "agent_clash" not in core.pair_features(attended, hosted, fa, fb)
    assert core.mention_summaries([attended], [fa])[0]["docs"]["s0"][0][3] == frozenset()
    monkeypatch.setitem(core.config()["events"], "doers_own_only", False)
    fa = core._features(attended)
    assert fa["doers"] == {"maher"} and core.pair_features(attended, hosted, fa, fb).get("agent_clash") == 1.0


def test_who_an_unresolved_actor_may_be_does_not_depend_on_the_other_mentions_of_the_call():
    # an incremental build reconciles only the parts new documents touch, so a call may hold one mention of a
    # document without the others: the people the document names come from the entities, not from the call
    from riwaya.reconcile.core import Entities, _link_actors
    ents = Entities([{"id": "e:p:hadi", "type": "person", "name_ar": "عبد ربه منصور هادي", "name_en": "Hadi",
                      "aliases": [], "mentions": [{"doc": "d1", "start": 0, "end": 18}]}])
    m = {"doc": "d1", "participants": [{"entity": "raw:هادي", "role": "agent"}], "context": []}
    other = {"doc": "d1", "participants": [{"entity": "e:p:hadi", "role": "agent"}], "context": []}
    alone, together = [dict(m, participants=[dict(p) for p in m["participants"]])], \
        [dict(m, participants=[dict(p) for p in m["participants"]]), other]
    _link_actors(alone, ents)
    _link_actors(together, ents)
    assert alone[0]["participants"][0].get("may_be") == together[0]["participants"][0].get("may_be") == ("e:p:hadi",)


def test_a_place_finer_than_a_country_and_a_count_both_sentences_tell():
    """fine_place_shared / fine_place_apart: both sentences name a place finer than a country (a city, a
    province; conflicts.coarse_place_kinds), in common or not; a country alone tells nothing. numbers_shared:
    a count both sentences tell, in digits or in words ("عشرة" and "10" are one count); counts told apart weigh
    nothing (two outlets' different tolls of one attack are a count contradiction, not two happenings)."""
    from test_reconcile import _doc
    ents = ENTS + [
        {"id": "abha", "type": "place", "name_ar": "أبها", "name_en": "Abha", "aliases": [], "kb_id": None,
         "coordinates": None, "attrs": {"kind": "city", "country": "SA"}},
        {"id": "najran", "type": "place", "name_ar": "نجران", "name_en": "Najran", "aliases": [], "kb_id": None,
         "coordinates": None, "attrs": {"kind": "city", "country": "SA"}},
        {"id": "sa", "type": "place", "name_ar": "السعودية", "name_en": "Saudi Arabia", "aliases": [], "kb_id": None,
         "coordinates": None, "attrs": {"kind": "country", "country": "SA"}}]
    texts = {"a": "أسفر التفجير الذي استهدف مسجدا في أبها عن مقتل عشرة من رجال الأمن",
             "b": "قتل 10 من رجال الأمن في انفجار داخل مسجد بمدينة أبها جنوب السعودية",
             "c": "سقطت قذيفتان على حي سكني في نجران دون إصابات",
             "d": "قالت السعودية إن 3 مقذوفات سقطت قرب الحدود"}
    docs = {k: _doc(k, t, k.upper()) for k, t in texts.items()}
    ctx = {"a": ["abha"], "b": ["abha", "sa"], "c": ["najran"], "d": ["sa"]}
    ms = [_h(f"x{k}", k, start=0, end=len(t), context=ctx[k]) for k, t in texts.items()]
    ca, cb, cc, cd = core.canonical_mentions(ms, core.Entities(ents), docs)
    assert ca["numbers"] == ["10"] and cb["numbers"] == ["10"] and cd["numbers"] == ["3"]
    assert ca["fine_places"] == cb["fine_places"] and cd["fine_places"] == []
    fa, fb, fc, fd = (core._features(c) for c in (ca, cb, cc, cd))
    ab, ac, bd = core.pair_features(ca, cb, fa, fb), core.pair_features(ca, cc, fa, fc), core.pair_features(cb, cd, fb, fd)
    assert ab.get("fine_place_shared") == 1.0 and ab.get("numbers_shared") == 1.0
    assert ac.get("fine_place_apart") == 1.0 and "fine_place_shared" not in ac
    assert not {"fine_place_shared", "fine_place_apart"} & set(bd)       # a country alone tells nothing
    assert "numbers_apart" not in bd and "numbers_shared" not in bd


def test_an_unresolved_actor_that_tells_no_one_is_no_main_actor(monkeypatch):
    """"أطلق النار على زوجته امام اطفاله" read with "امام اطفاله" (in front of his children) as a victim, "وأصيب
    شخص آخر" with "شخص آخر" (another person): a span opened by a preposition or by "another", an ordinal, a mere
    person (actor_families.yaml no_actor, events.vague_actors) is no main actor, so it does not clash with the
    victim another report names; a span of a kind of people still does."""
    monkeypatch.setitem(core.config()["events"], "raw_clash_min_words", 0)   # one-word sides clash too (switch of merge13)
    monkeypatch.setitem(core.config()["events"], "raw_actors_clash", True)
    monkeypatch.setitem(core.config()["events"], "vague_actors", True)
    monkeypatch.setattr(core, "pair_model", lambda: None)
    wife, misread, other = _killed("x0", "s0", "زوجته"), _killed("x1", "s1", "امام اطفاله"), _killed("x2", "s1", "شخص آخر")
    for vague in (misread, other):
        a, b, fa, fb = _pair(wife, vague)
        assert not fb["actors"] and core._pair_ok(a, b, fa, fb)
    a, b, fa, fb = _pair(wife, _killed("x3", "s1", "شرطيين"))
    assert fb["actors"] and not core._pair_ok(a, b, fa, fb)
    monkeypatch.setitem(core.config()["events"], "vague_actors", False)
    a, b, fa, fb = _pair(wife, misread)
    assert fb["actors"] and not core._pair_ok(a, b, fa, fb)


def test_how_many_times_a_report_tells_a_kind_of_happening():
    """kind_few / kind_many: a report that tells its attack twice ("انفجار" ... "الانفجار") and another that
    tells it once are of few attacks (mostly one happening); against a report of seven attacks (a round-up of
    a day's fighting) the pair is of many. Counted per document and kind, by trigger; never for one report."""
    from test_reconcile import _doc
    few = "أسفر انفجار سيارة مفخخة قرب مركز الشرطة عن مقتل ثلاثة. وقع الانفجار صباح الجمعة"
    one = "قتل ثلاثة من رجال الشرطة في تفجير سيارة مفخخة صباح الجمعة"
    many = ("تجددت الاشتباكات في المدينة. وشنت الطائرات غارات على مواقع المسلحين، وقصف الجيش أحياء عدة. "
            "وهاجم مسلحون حاجزا، واستهدف انفجار دورية، وأسفر تفجير سيارة مفخخة عن قتلى، وسقطت قذيفة بعد هجوم")
    docs = {"a": _doc("a", few, "A"), "b": _doc("b", one, "B"), "c": _doc("c", many, "C")}
    trig = {"a": ["انفجار", "الانفجار"], "b": ["تفجير"],
            "c": ["الاشتباكات", "غارات", "قصف", "وهاجم", "واستهدف", "انفجار", "تفجير"]}
    ms = []
    for d, ts in trig.items():
        text = docs[d]["text"]
        for k, t in enumerate(ts):
            s = text.index(t)
            ms.append(_h(f"{d}{k}", d, start=0, end=len(text), trigger=t, trigger_start=s, trigger_end=s + len(t)))
    cs = core.canonical_mentions(ms, core.Entities(ENTS), docs)
    assert [c["kind_count"] for c in cs] == [2, 2, 1] + [7] * 7
    fs = [core._features(c) for c in cs]
    assert core.pair_features(cs[0], cs[2], fs[0], fs[2]).get("kind_few") == 1.0
    x = core.pair_features(cs[2], cs[8], fs[2], fs[8])
    assert x.get("kind_many") == 1.0 and "kind_few" not in x
    assert not {"kind_few", "kind_many"} & set(core.pair_features(cs[0], cs[1], fs[0], fs[1]))
    # a named main actor in common names the happening: a narrative of one man's journey tells many legs
    docs2 = {d["id"]: d for d in _story_docs(2)}
    legs = [_m(f"y{k}", "s0", trigger_start=5 + 10 * k) for k in range(7)] + [_m("z0", "s1", trigger_start=3)]
    ls = core.canonical_mentions(legs, core.Entities(ENTS), docs2)
    assert ls[0]["kind_count"] == 7
    lf = [core._features(c) for c in ls]
    assert not {"kind_few", "kind_many"} & set(core.pair_features(ls[0], ls[7], lf[0], lf[7]))


def test_two_accounts_are_two_reports_or_two_sources_of_one():
    """The hand floor "keyed_reports" holds for two accounts only: one narrator's two legs of one night are one
    account; one report quoting two different sources is two."""
    def m(doc, src=None):
        return {"doc": doc, "attribution": {"chain": [{"name": src, "kind": "named_source"}] if src else []}}
    assert core._two_accounts(m("a"), m("b"))
    assert not core._two_accounts(m("a"), m("a"))
    assert not core._two_accounts(m("a", "زيد"), m("a", "زيد"))
    assert core._two_accounts(m("a", "زيد"), m("a", "مصدر مطلع"))
