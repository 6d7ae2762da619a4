"""Mentions with neither main actor, place nor story are compared only within their document
(``events.keyless_block``: "document"): at 7.6k SaudiNewsNet articles such mentions were one part of 8,530
that any new one made the corpus stage read again (issue 20, speed13). The parts of the corpus stage
(riwaya/blocks.py) still hold whatever the reconciler may merge."""
import pytest

from riwaya import blocks
from riwaya.reconcile import core, reconcile


def _m(i, doc, typ="attack", cls="conflict", start=0, parts=()):
    return {"id": i, "doc": doc, "class": cls, "type": typ, "trigger": "هجوم", "start": start, "end": start + 4,
            "participants": [{"entity": e, "role": r} for e, r in parts], "origin": None, "destination": None,
            "via": [], "place": None, "means": None, "amount": None, "time": None,
            "attribution": {"chain": [], "hedge": None}, "negated": False, "polarity": "asserted"}


def _doc(i):
    return {"id": i, "text": "وقع هجوم. ثم وقع هجوم آخر.", "outlet": i, "title": "هجوم", "published": "2015-08-06",
            "language": "ar", "languages": ["ar"]}


@pytest.fixture
def keyless(monkeypatch):
    def set_mode(mode):
        cfg = core.config()
        monkeypatch.setitem(cfg["events"], "keyless_block", mode)
    return set_mode


def _parts(ms, story_of=None):
    index = blocks.Mentions([])
    for m in ms:
        index.add(m)
    return [[index.ids[i] for i in p] for p in index.parts(story_of or {})]


def test_keyless_mentions_of_two_documents_without_a_story_are_two_parts_and_never_compared(keyless):
    keyless("document")
    ms = [_m("a:1", "a"), _m("a:2", "a", start=10), _m("b:1", "b")]
    assert _parts(ms) == [["a:1", "a:2"], ["b:1"]]
    feats = [core._features(m) for m in ms]
    blocks_ = core.mention_blocks(ms, feats)
    assert all({ms[i]["doc"] for i in members} in ({"a"}, {"b"}) for members in blocks_.values())
    out = reconcile([_doc("a"), _doc("b")], ms, [], relations=[], story_of={})     # no story: apart
    assert not any({x["mention"].split(":")[0] for x in e["evidence"]} == {"a", "b"} for e in out["events"])


def test_keyless_mentions_of_one_story_still_meet(keyless):
    keyless("document")
    ms = [_m("a:1", "a"), _m("b:1", "b")]
    assert _parts(ms, {"a": 0, "b": 0}) == [["a:1", "b:1"]]
    assert _parts(ms, {"a": 0, "b": 1}) == [["a:1"], ["b:1"]]


def test_all_keyless_mentions_of_a_kind_meet_when_so_configured(keyless):
    keyless("all")
    ms = [_m("a:1", "a"), _m("b:1", "b")]
    assert _parts(ms) == [["a:1", "b:1"]]
    feats = [core._features(m) for m in ms]
    assert any(len({ms[i]["doc"] for i in members}) == 2 for members in core.mention_blocks(ms, feats).values())
