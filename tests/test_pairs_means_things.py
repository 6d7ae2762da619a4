"""Merge recall on the clusters corpus (issue #15, clust19): a weapon or an adverb read as a main actor tells
no happening apart, an accusative's alif is no other head, the thing struck and the people struck are two slots
told one on each side, and blocking by fine places keeps the corpus stage's parts whole."""
import os
import sys

import pytest

from riwaya.reconcile import core

os.environ.setdefault("RIWAYA_ENCODER", "0")

sys.path.insert(0, os.path.join(os.path.dirname(__file__)))
from test_reconcile import ENTS, _h, _story_docs, _t  # noqa: E402

T = _t("2024-12-07T18:00:00+03:00", "2024-12-07T23:00:00+03:00", "مساء السبت")


@pytest.fixture
def hand_only(monkeypatch):
    """The hand weights with unresolved actors clashing (raw_actors_clash true): the gates alone."""
    monkeypatch.setattr(core, "pair_model", lambda: None)
    ev = core.config()["events"]
    for k, v in (("raw_actors_clash", True), ("raw_actor_heads", True), ("raw_actor_families", True),
                 ("vague_actors", True), ("raw_clash_min_words", 0), ("things_one_sided", True)):
        monkeypatch.setitem(ev, k, v)
    return ev


def _pair(a, b):
    ents = core.Entities(ENTS)
    docs = {d["id"]: d for d in _story_docs(4)}
    ca, cb = core.canonical_mentions([a, b], ents, docs)
    return ca, cb, core._features(ca), core._features(cb)


def _hit(mid, doc, who, typ="attack"):
    return _h(mid, doc, typ=typ, time=T, participants=[{"entity": who, "role": "patient"}])


def test_a_weapon_or_an_adverb_is_no_main_actor(hand_only):
    """"بطلقات نارية" (gunshots), "ناسف" (of an explosive belt), "السلاح" (the weapon), "بالكامل" (entirely): what
    was used or how, read as the one hit, keys and clashes nothing (actor_families.yaml no_actor)."""
    for span in ("بطلقات ناريه", "ناسف", "السلاح", "بالكامل", "حرقا"):
        assert core._vague_span("raw:" + span), span
    assert not core._vague_span("raw:جموع المصلين")
    worshippers = _hit("x0", "s0", "جموع المصلين")
    belt = _hit("x1", "s1", "ناسف")
    a, b, fa, fb = _pair(worshippers, belt)
    assert not fb["actors"] and core._pair_ok(a, b, fa, fb)


def test_an_accusative_alif_is_no_other_head(hand_only):
    """"حاجز للجيش" and "حاجزا للجيش الافغاني": one checkpoint, told in the nominative and the accusative."""
    assert core._raw_head("raw:حاجزا للجيش الافغاني") == core._raw_head("raw:حاجز للجيش")
    assert core._raw_head("raw:جنديا") == core._raw_head("raw:جندي")
    a, b, fa, fb = _pair(_hit("x0", "s0", "حاجز للجيش"), _hit("x1", "s1", "حاجزا للجيش الافغاني"))
    assert core._pair_ok(a, b, fa, fb) and core.pair_features(a, b, fa, fb).get("actors_linked") == 1.0


def test_the_thing_struck_and_the_people_struck_are_one_side_each(monkeypatch, hand_only):
    """The mosque bombed ("مسجد الطوارئ") and the worshippers it hit ("جموع المصلين"): no clash, left to the
    score; two things of different heads (a mosque, a checkpoint) and two kinds of people still clash."""
    mosque, people = _hit("x0", "s0", "مسجد الطواري"), _hit("x1", "s1", "جموع المصلين")
    a, b, fa, fb = _pair(mosque, people)
    assert core._things_apart(fa["alts"], fb["alts"])
    assert core._pair_ok(a, b, fa, fb)
    assert core.pair_features(a, b, fa, fb).get("actor_clash_raw") == 1.0       # weighed by the score
    checkpoint = _hit("x2", "s2", "حاجز للجيش")
    assert not core._pair_ok(*_pair(mosque, checkpoint))
    assert not core._pair_ok(*_pair(people, _hit("x3", "s2", "شرطيين")))
    monkeypatch.setitem(hand_only, "things_one_sided", False)
    assert not core._pair_ok(*_pair(mosque, people))


def test_a_named_thing_still_clashes_as_an_entity(hand_only):
    """Only unresolved things: a resolved main actor on either side is compared as a known entity."""
    assert not core._things_apart(frozenset({"raw:مسجد الطواري"}), frozenset({"e:p:someone", "raw:جموع المصلين"}))


def test_blocking_by_fine_places_keeps_the_corpus_parts_whole(monkeypatch):
    """With events.block_fine_places the corpus stage's parts (blocks.Mentions) join mentions by the fine places
    their sentences name, as the reconciler's blocking (mention_blocks) does: two keyless mentions of one kind that
    name one town are one part even without a story; without the switch, two parts."""
    from riwaya.blocks import Mentions
    ents = ENTS + [{"id": "town", "type": "place", "name_ar": "الدوادمي", "name_en": "Dawadmi", "aliases": [],
                    "kb_id": None, "coordinates": None, "attrs": {"kind": "city"}}]
    ms = [_h(f"x{k}", f"s{k}", typ="attack", time=T, participants=[], context=["town"]) for k in range(2)]

    def parts(on):
        monkeypatch.setitem(core.config()["events"], "block_fine_places", on)
        m = Mentions(ents)
        for x in ms:
            m.add(x)
        return m.parts(), m._labels_of(ms[0])[2]
    got, keys = parts(True)
    assert ("fine", core.Entities(ents)._norm("الدوادمي")) in keys and len(got) == 1
    canon = core.canonical_mentions(ms, core.Entities(ents), {d["id"]: d for d in _story_docs(4)})
    feats = [core._features(m) for m in canon]
    assert any(len(v) == 2 for v in core.mention_blocks(canon, feats).values())
    got, keys = parts(False)
    assert not any(isinstance(k, tuple) and k[0] == "fine" for k in keys)


def test_another_one_of_a_head_is_not_the_first(hand_only):
    """"سفينة ثانية" / "سفينة أخرى" (a second ship, another ship) tell another ship than "سفينة ببنغازي" (the one
    struck first): their head is marked other, and two such spans still share it."""
    first, second, another = "raw:سفينه ببنغازي واغرقتها", "raw:سفينه ثانيه", "raw:سفينه اخري"
    assert core._raw_head(second) == core._raw_head(another) != core._raw_head(first)
    assert core._raw_head(first) == core._raw_head("raw:السفينه")
    a, b, fa, fb = _pair(_hit("x0", "s0", "سفينة ببنغازي واغرقتها"), _hit("x1", "s1", "سفينة ثانية"))
    assert not core._pair_ok(a, b, fa, fb)


def test_a_place_on_both_sides_is_a_slot_told_on_both(monkeypatch):
    """keyless_one_sided "actors": a city named as the main actor on one side (strikes on Ramadi) against a key place
    on the other (strikes near another town) is the place slot told on both sides, not a one-sided pair."""
    monkeypatch.setitem(core.config()["events"], "keyless_one_sided", "actors")
    fa = {"keys": frozenset({"ramadi"}), "alts": frozenset({"ramadi"}), "actors": frozenset({"ramadi"}),
          "soft": frozenset({"ramadi"}), "kplaces": frozenset()}
    fb = {"keys": frozenset({"isis", "tuz"}), "alts": frozenset({"isis", "tuz"}), "actors": frozenset({"isis"}),
          "soft": frozenset(), "kplaces": frozenset({"tuz"})}
    assert not core._one_sided_keys(fa, fb)
    fb2 = {**fb, "keys": frozenset({"isis"}), "alts": frozenset({"isis"}), "kplaces": frozenset()}
    assert core._one_sided_keys(fa, fb2)      # a place named as the actor against a doer alone: one-sided
