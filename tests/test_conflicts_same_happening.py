"""A contradiction is listed only where its two sides are, on the evidence, the same happening (issue #15,
tenth round): the two side mentions compared directly with the pair scorer (``core.side_judge``), with an
anchor a reader would demand (a named person as main actor or victim, a place finer than a country that
both sentences name, a key place, the same known day); a toll over a span is no side. Real sentences of
SaudiNewsNet reports (August 2015)."""
import os

import pytest

from riwaya.reconcile import reconcile
from riwaya.reconcile import conflicts as conflicts_mod
from riwaya.reconcile import core

os.environ.setdefault("RIWAYA_ENCODER", "0")

ENTS = [{"id": "rafah", "type": "place", "name_ar": "رفح", "name_en": "Rafah", "aliases": [], "kb_id": "city:rafah",
         "coordinates": None, "attrs": {"kind": "city", "country": "PS"}},
        {"id": "ps", "type": "place", "name_ar": "فلسطين", "name_en": "Palestine", "aliases": [], "kb_id": "country:ps",
         "coordinates": None, "attrs": {"kind": "country", "country": "PS"}},
        {"id": "houthis", "type": "organization", "name_ar": "الحوثيين", "name_en": "Houthis", "aliases": [],
         "kb_id": "org:houthis", "coordinates": None, "attrs": {"kind": "armed_group"}}]


def _doc(i, text, outlet):
    return {"id": i, "text": text, "outlet": outlet, "title": f"تقرير {i}", "published": "2015-08-06",
            "language": "ar", "languages": ["ar"]}


def _m(i, doc, text, trig, amount, context, place=None, typ="killing"):
    ts = text.index(trig)
    return {"id": i, "doc": doc, "class": "harm", "type": typ, "trigger": trig, "start": 0, "end": len(text),
            "trigger_start": ts, "trigger_end": ts + len(trig), "participants": [], "origin": None,
            "destination": None, "via": [], "place": place, "means": None, "amount": amount, "time": None,
            "attribution": {"chain": [], "hedge": None}, "negated": False, "polarity": "asserted",
            "context": list(context)}


def _counts(texts, amounts, context, place=None):
    docs = [_doc("a", texts[0], "Outlet A"), _doc("b", texts[1], "Outlet B")]
    ms = [_m(f"x{k}", d["id"], d["text"], "قتل", n, context, place) for k, (d, n) in enumerate(zip(docs, amounts))]
    out = reconcile(docs, ms, ENTS)
    return out, [c for c in out["conflicts"] if c["field"] == "amount" and c["kind"] == "contradiction"]


RAFAH = ("قتل 4 فلسطينيين وأصيب 30 آخرون في انفجار هز منزلا في مدينة رفح جنوب قطاع غزة.",
         "قتل 3 فلسطينيين وأصيب 20 آخرون في انفجار داخل منزل في رفح.")
HOUTHIS = ("قتل 4 من الحوثيين في اشتباكات مع المقاومة الشعبية.",
           "قتل 15 من الحوثيين في غارات لطيران التحالف.")


def test_one_explosion_in_one_town_is_a_contradiction():
    """Both sentences name the town (Rafah): the same happening told with 4 vs 3 dead."""
    _, c = _counts(RAFAH, ["4", "3"], ("rafah", "ps"), place="rafah")
    assert len(c) == 1 and {v["value"] for v in c[0]["values"]} == {"4", "3"}


def test_counts_tied_only_by_an_armed_group_are_no_contradiction(monkeypatch):
    """Two tolls of the Houthis, one of clashes with the resistance, one of air strikes: the group fights
    everywhere, nothing else (no named person, no town, no day) makes them one happening. The cluster alone
    (the mechanism off) lists them."""
    out, c = _counts(HOUTHIS, ["4", "15"], ("houthis",))
    assert len({e["id"] for e in out["events"] if e["class"] == "harm"}) == 1   # the merge joined them
    assert c == []
    cfg = core.config()
    sh = dict(cfg["conflicts"]["same_happening"], enabled=False)
    monkeypatch.setitem(cfg["conflicts"], "same_happening", sh)
    _, c_off = _counts(HOUTHIS, ["4", "15"], ("houthis",))
    assert len(c_off) == 1


def test_a_toll_since_the_start_is_no_side():
    """"Since the start of the operations" sums many happenings: no side of one happening's count."""
    texts = (RAFAH[0], "وقتل 3 فلسطينيين منذ بداية العام في انفجارات داخل منازل في رفح.")
    assert conflicts_mod._aggregate({"doc": "b", "start": 0, "end": len(texts[1])}, {"b": {"text": texts[1]}})
    assert not conflicts_mod._aggregate({"doc": "a", "start": 0, "end": len(texts[0])}, {"a": {"text": texts[0]}})
    _, c = _counts(texts, ["4", "3"], ("rafah", "ps"), place="rafah")
    assert c == []


@pytest.mark.parametrize("field", ["visit.destination"])
def test_legs_of_a_tour_need_a_day_or_key_place(field):
    """A visit's destination told as two countries by a minister's tour: the person alone is no anchor."""
    assert "actor" not in core.config()["conflicts"]["same_happening"]["anchors_by_field"][field]
