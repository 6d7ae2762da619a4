"""Merge recall (issue #15, merge24): a main actor told on one side only (``events.one_sided_cue``, pair feature
``one_sided_timed``; on since the twenty-first session). merge24's other mechanism, a bridge between two stories
(``events.story_bridge``), was measured, failed on the unseen samples and was taken out (benchmarks/clusters/README.md,
merge24)."""
from riwaya.reconcile import core

DAY = {"earliest": "2015-08-09T00:00:00+03:00", "latest": "2015-08-09T23:59:59+03:00", "precision": "day",
       "kind": "date"}


def _m(mid, doc, type_="killing", cls="harm", actor=None, trigger="مقتل", time=None, count=1):
    parts = [{"entity": actor, "role": "patient"}] if actor else []
    return {"id": mid, "doc": doc, "class": cls, "type": type_, "trigger": trigger, "start": 0, "end": 40,
            "participants": parts, "time": time, "kind_count": count, "first": True}


def _cue_pair(actor_b=None, time_b=DAY, count=2):
    a = _m("a", "d1", type_="attack", trigger="تفجير", actor="e:organization:police", time=DAY, count=count)
    b = _m("b", "d2", type_="attack", trigger="انفجار", actor=actor_b, time=time_b, count=count)
    return core.pair_features(a, b, core._features(a), core._features(b))


def test_one_sided_cue(monkeypatch):
    assert core.config()["events"]["one_sided_cue"] == {"weight": 4}   # shipped on (twenty-first session)
    monkeypatch.setitem(core.config()["events"], "one_sided_cue", None)
    assert "one_sided_timed" not in _cue_pair()          # off
    monkeypatch.setitem(core.config()["events"], "one_sided_cue", {"weight": 4})
    assert _cue_pair().get("one_sided_timed") == 1.0
    assert "one_sided_timed" not in _cue_pair(actor_b="e:organization:police")   # both tell the actor
    assert "one_sided_timed" not in _cue_pair(time_b=None)                         # no time on one side
    assert "one_sided_timed" not in _cue_pair(count=9)                            # reports of many such
