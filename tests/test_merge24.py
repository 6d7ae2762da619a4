"""Merge recall (issue #15, merge24): two stories that one happening bridges (``events.story_bridge``,
``core.story_bridge_blocks``) and a main actor told on one side only (``events.one_sided_cue``, pair feature
``one_sided_timed``). Both off by default; the tests set them."""
import pytest

from riwaya.reconcile import core

DAY = {"earliest": "2015-08-09T00:00:00+03:00", "latest": "2015-08-09T23:59:59+03:00", "precision": "day",
       "kind": "date"}


def _m(mid, doc, type_="killing", cls="harm", actor=None, trigger="مقتل", time=None, count=1):
    parts = [{"entity": actor, "role": "patient"}] if actor else []
    return {"id": mid, "doc": doc, "class": cls, "type": type_, "trigger": trigger, "start": 0, "end": 40,
            "participants": parts, "time": time, "kind_count": count, "first": True}


STORY = {"d1": 0, "d2": 1, "d3": 1}


def _feats(ms):
    return [core._features(m, STORY) for m in ms]


@pytest.fixture
def bridge(monkeypatch):
    monkeypatch.setitem(core.config()["events"], "story_bridge", {"margin": 0})


def test_off_no_blocks():
    ms = [_m("a", "d1"), _m("b", "d2")]
    assert core.story_bridge_blocks(ms, _feats(ms), {(0, 1): 5.0}) == {}


def test_a_killing_of_two_stories_bridges_their_killings_only(bridge):
    # "مقتل ضابط ومجند في انفجار مدرعة بالعريش" / "انفجار العريش يقتل ضابطا ومجندا": one killing, two stories
    ms = [_m("a", "d1", actor="e:person:officer"), _m("b", "d2", actor="e:person:officer"),
          _m("c", "d1", trigger="مصرع"), _m("d", "d3", trigger="استشهاد"),
          _m("e", "d1", type_="injury", trigger="وأصيب"), _m("f", "d2", type_="injury", trigger="وإصابة")]
    blocks = core.story_bridge_blocks(ms, _feats(ms), {(0, 1): 3.0})
    members = [set(v) for v in blocks.values()]
    assert {0, 1, 2, 3} in members                  # the killings of both stories meet
    assert not any({4, 5} <= v for v in members)    # the injuries are not bridged by a killing


def test_no_bridge_under_the_threshold_or_in_one_story(bridge):
    ms = [_m("a", "d1"), _m("b", "d2"), _m("c", "d2")]
    threshold, _ = core.pair_thresholds()
    assert core.story_bridge_blocks(ms, _feats(ms), {(0, 1): threshold - 0.01}) == {}
    assert core.story_bridge_blocks(ms, _feats(ms), {(1, 2): 9.0}) == {}


def test_two_types_of_one_group_bridge_nothing(bridge):
    # an attack and a strike (one group): a pair of them may merge, but bridges no story
    ms = [_m("a", "d1", type_="attack", trigger="هجوم"), _m("b", "d2", type_="strike", trigger="غارة")]
    f = _feats(ms)
    assert f[0]["group"] == f[1]["group"]
    assert core.story_bridge_blocks(ms, f, {(0, 1): 9.0}) == {}


def test_scored_pairs_compares_the_bridged_keyless_mentions(bridge, monkeypatch):
    ms = [_m("a", "d1", actor="e:person:officer"), _m("b", "d2", actor="e:person:officer"),
          _m("c", "d1", trigger="مصرع"), _m("d", "d3", trigger="استشهاد")]
    ms = sorted(ms, key=core._mention_order)
    f = _feats(ms)
    cfg = core.config()["events"]
    ids = lambda scored: {frozenset((ms[i]["id"], ms[j]["id"])) for i, j in scored}
    monkeypatch.setattr(core, "_pair_score", lambda a, b, fa, fb: 5.0)
    _pairs, on = core.scored_pairs(ms, f, cfg, 0.75)
    monkeypatch.setitem(cfg, "story_bridge", None)
    _pairs, off = core.scored_pairs(ms, f, cfg, 0.75)
    assert frozenset(("c", "d")) in ids(on) - ids(off)


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


def test_max_stories_bounds_a_bridged_group(monkeypatch):
    # a chain of stories (one actor's every day): with max_stories 2, the strongest pair bridges, the next one not
    monkeypatch.setitem(core.config()["events"], "story_bridge", {"margin": 0, "max_stories": 2})
    story = {"d1": 0, "d2": 1, "d3": 2}
    ms = [_m("a", "d1"), _m("b", "d2"), _m("c", "d3")]
    f = [core._features(m, story) for m in ms]
    blocks = core.story_bridge_blocks(ms, f, {(0, 1): 9.0, (1, 2): 5.0})
    assert [set(v) for v in blocks.values() if len(v) > 1] == [{0, 1}]
