"""Typed corpus records: the corpus stage builds them, serialises them with to_dict, and
from_dict reads them (and an older store's shape) back."""
import os

from riwaya.records import Account, Conflict, Event, Mention
from riwaya.reconcile import reconcile

os.environ.setdefault("RIWAYA_ENCODER", "0")

ENTS = [{"id": "p1", "type": "person", "name_ar": "زيد", "name_en": "Zaid", "aliases": [], "kb_id": "person:z"},
        {"id": "p2", "type": "person", "name_ar": "عمرو", "name_en": "Amr", "aliases": [], "kb_id": "person:a"},
        {"id": "c1", "type": "place", "name_ar": "ألف", "name_en": "Alpha", "aliases": [], "kb_id": "city:a",
         "coordinates": [30.0, 30.0], "attrs": {"kind": "city", "country": "AA"}}]
TEXTS = {"a": "نص مستقل عن رحلة رجل من مدينة إلى أخرى في الليل دون أن يعلم أحد بما جرى هناك أبدا",
         "b": "تقرير ثان بصياغة أخرى تماما يروي أن المسؤول غادر مع صديقه بعد الظهر وسط حراسة مشددة"}


def _doc(i, outlet):
    return {"id": i, "text": TEXTS[i], "outlet": outlet, "published": "2024-12-09", "language": "ar", "languages": ["ar"]}


def _m(i, doc, parts, **kw):
    m = {"id": i, "doc": doc, "class": "movement", "type": "departure", "trigger": "غادر", "start": 0, "end": 20,
         "trigger_start": 3, "trigger_end": 7, "participants": parts, "origin": None, "destination": None,
         "via": [], "place": None, "means": None, "amount": None, "time": None,
         "attribution": {"chain": [], "hedge": None}, "negated": False, "polarity": "asserted"}
    m.update(kw)
    return m


def test_round_trip():
    m = Mention(id="d:ev0", doc="d", start=1, end=9, type="departure", trigger="left", trigger_start=2, trigger_end=6,
                values={"destination": "c1"}, account="acc:d", upstream="acc:d", outlet="X", independent_account="acc:d")
    ev = Event(id="ev_1", cls="movement", type="departure", types=["departure"], mentions=[m],
               accounts=[Account(id="acc:d", documents=["d"], evidence=[0])], corroboration=1)
    d = ev.to_dict()
    assert d["class"] == "movement" and d["evidence"][0]["mention"] == "d:ev0"
    assert d["mentions"] == [{"id": "d:ev0", "doc": "d", "type": "departure", "account": "acc:d",
                              "trigger": {"text": "left", "start": 2, "end": 6}, "values": {"destination": "c1"}}]
    assert Event.from_dict(d) == ev and Event.from_dict(d).to_dict() == d
    c = Conflict(id="cf", event="ev_1", field="via", slot="origin/route", kind="refinement")
    assert Conflict.from_dict(c.to_dict()) == c


def test_reads_an_older_store():
    old = {"id": "cf", "event": "e", "field": "time", "kind": "attributed", "question": "?", "values": [],
           "unknown_key": 1}
    c = Conflict.from_dict(old)
    assert c.kind == "contradiction" and c.attributed and c.slot == "time"
    assert Conflict.from_dict({"id": "x", "field": "origin", "kind": "precision", "values": []}).kind == "refinement"
    ev = Event.from_dict({"id": "e", "class": "other", "type": "t", "evidence": [{"doc": "d", "start": 0, "end": 3}]})
    assert ev.mentions[0].doc == "d" and ev.accounts == []


def test_corpus_stage_events_carry_their_mentions_each_with_its_own_values():
    """Two people who leave are two events; each event's mentions keep their own values, and the
    event's fields are views of them (no companion that only another person's mention gives)."""
    docs = [_doc("a", "Outlet A"), _doc("b", "Outlet B")]
    ms = [_m("a:ev0", "a", [{"entity": "p1", "role": "agent"}], destination="c1"),
          _m("b:ev0", "b", [{"entity": "p1", "role": "agent"}, {"entity": "p2", "role": "companion"}]),
          _m("b:ev1", "b", [{"entity": "p2", "role": "agent"}], start=30, end=50)]
    out = reconcile(docs, ms, ENTS)
    evs = sorted(out["events"], key=lambda e: len(e["mentions"]))
    assert len(evs) == 2
    one, two = evs
    assert [m["id"] for m in two["mentions"]] == ["a:ev0", "b:ev0"]
    assert two["mentions"][0]["values"]["destination"] == "c1" and two["mentions"][1]["values"]["destination"] is None
    assert two["mentions"][0]["account"] != two["mentions"][1]["account"]
    assert two["mentions"][0]["trigger"] == {"text": "غادر", "start": 3, "end": 7}
    assert {(p["entity"], p["role"]) for p in one["participants"]} == {("p2", "agent")}
    assert ("p2", "agent") not in {(p["entity"], p["role"]) for p in two["participants"]}
    assert all(Event.from_dict(e).to_dict() == e for e in out["events"])
    for c in out["conflicts"]:
        assert Conflict.from_dict(c).to_dict() == c


def test_leg_comes_from_the_itinerary_stage():
    import riwaya.itinerary as it
    import riwaya.records as rec
    if hasattr(it, "Leg"):
        assert rec.Leg is it.Leg
    else:
        import pytest
        with pytest.raises(ImportError):
            from riwaya.records import Leg  # noqa: F401
