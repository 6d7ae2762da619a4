"""The cluster-level average pass (issue #15, merge22; ``events.average_pass``, ``core._average_pass``): after the
pairs above the pair scorer's threshold merge, two clusters whose compared pairs score on average at least the
pass threshold, over at least ``min_pairs`` pairs, merge too, best average first, where they stay compatible. The
scores are set by a table here (the hard checks, blocking and the linkage are the real ones), so each test says
which evidence the pass pools."""
import os
import random
import sys

import pytest

from riwaya.reconcile import core

os.environ.setdefault("RIWAYA_ENCODER", "0")

sys.path.insert(0, os.path.join(os.path.dirname(__file__)))
from test_reconcile import ENTS, _h, _story_docs  # noqa: E402

ON = {"threshold": 0.0, "min_pairs": 2}


@pytest.fixture(autouse=True)
def _on(monkeypatch):
    monkeypatch.setitem(core.config()["events"], "average_pass", dict(ON))
    # the shipped learned scorer's scale: a pair merges at 0.75, two clusters while their pairs average >= -0.5
    assert core.pair_model() is not None


def _scores(monkeypatch, table):
    """Score the pairs by mention ids from ``table`` ({(id, id): score}, either order; others -1)."""
    def score(a, b, fa, fb):
        return table.get((a["id"], b["id"]), table.get((b["id"], a["id"]), -1.0))
    monkeypatch.setattr(core, "_pair_score", score)


def _canon(ms, docs):
    return core.canonical_mentions(ms, core.Entities(ENTS), {d["id"]: d for d in docs})


def _three(parts2=()):
    """The Leije bombing told by three papers in their own words; the third mention's main actor set by ``parts2``."""
    docs = _story_docs(3)
    ms = [_h("x0", "s0", start=0, end=len(docs[0]["text"]), trigger_start=0),
          _h("x1", "s1", start=0, end=len(docs[1]["text"]), trigger_start=0),
          _h("x2", "s2", start=0, end=len(docs[2]["text"]), trigger_start=0, parts=parts2)]
    return docs, ms


def _groups(docs, ms):
    story_of = core.story_of_documents(docs)
    return sorted(sorted(m["id"] for m in c) for c in core.cluster_mentions(_canon(ms, docs), story_of=story_of))


def test_a_report_told_in_other_words_joins_by_its_pairs_average(monkeypatch):
    """x0 and x1 merge by their pair (1.2); x2 scores 0.5 with x0 and -0.2 with x1, neither above 0.75 alone:
    on average 0.15 over two pairs, so it joins (pooled evidence); with the pass off it stays apart."""
    docs, ms = _three()
    _scores(monkeypatch, {("x0", "x1"): 1.2, ("x0", "x2"): 0.5, ("x1", "x2"): -0.2})
    assert _groups(docs, ms) == [["x0", "x1", "x2"]]
    monkeypatch.setitem(core.config()["events"], "average_pass", None)
    assert _groups(docs, ms) == [["x0", "x1"], ["x2"]]


def test_an_average_under_the_threshold_keeps_it_apart(monkeypatch):
    docs, ms = _three()
    _scores(monkeypatch, {("x0", "x1"): 1.2, ("x0", "x2"): 0.5, ("x1", "x2"): -0.9})
    assert _groups(docs, ms) == [["x0", "x1"], ["x2"]]


def test_one_pair_under_the_pair_threshold_is_not_enough(monkeypatch):
    """Two lone mentions with one pair at 0.5: no pooled evidence (min_pairs 2), so the pass is no lower pair
    threshold; with min_pairs 1 it would be."""
    docs, ms = _three()
    ms = ms[:2]
    _scores(monkeypatch, {("x0", "x1"): 0.5})
    assert _groups(docs, ms) == [["x0"], ["x1"]]
    monkeypatch.setitem(core.config()["events"], "average_pass", {"threshold": 0.0, "min_pairs": 1})
    assert _groups(docs, ms) == [["x0", "x1"]]


def test_two_known_main_actors_stay_two_happenings(monkeypatch):
    """x0 and x1 tell Bashar al-Assad's flight, x2 Maher al-Assad's: the hard check refuses the pairs of x2 (scored
    incompatible), so no average lets the pass join them, whatever the table says."""
    docs, ms = _three(parts2=(("maher", "agent"),))
    for m in ms[:2]:
        m["participants"] = [{"entity": "assad", "role": "agent"}]
    for m in ms:
        m.update({"class": "movement", "type": "flight"})
    _scores(monkeypatch, {("x0", "x1"): 1.2, ("x0", "x2"): 0.7, ("x1", "x2"): 0.7})
    assert _groups(docs, ms) == [["x0", "x1"], ["x2"]]


def test_the_subparts_hold_what_the_pass_may_join(monkeypatch):
    """The corpus stage clusters each sub-part alone: a pair at or above the pass threshold joins sub-parts, so
    the pass never needs two of them (an average is never above all its terms)."""
    docs, ms = _three()
    _scores(monkeypatch, {("x0", "x1"): 1.2, ("x0", "x2"): 0.5, ("x1", "x2"): -0.2})
    canon = sorted(_canon(ms, docs), key=core._mention_order)
    feats = [core._features(m, core.story_of_documents(docs)) for m in canon]
    assert [sp.idx for sp in core.cluster_subparts(canon, feats)] == [[0, 1, 2]]
    monkeypatch.setitem(core.config()["events"], "average_pass", None)
    assert [sp.idx for sp in core.cluster_subparts(canon, feats)] == [[0, 1], [2]]


def test_only_with_a_learned_scorer(monkeypatch):
    """The pass threshold is on the learned scorer's log-odds scale: the hand weights (no pair model) get no pass."""
    assert core.average_pass() == (0.0, 2)
    monkeypatch.setattr(core, "pair_model", lambda: None)
    assert core.average_pass() is None


def _naive(n, pairs, scored, threshold, min_pairs):
    """The pass as first written: the best average of all cluster pairs, again and again (every cluster here is
    compatible with every other: keyless mentions of one kind, no times)."""
    cl = {i: {i} for i in range(n)}
    for (i, j) in sorted(pairs, key=lambda p: (-pairs[p], p)):
        a, b = [k for k, v in cl.items() if i in v][0], [k for k, v in cl.items() if j in v][0]
        if a == b:
            continue
        s = [scored[(x, y) if x < y else (y, x)] for x in cl[a] for y in cl[b]
             if ((x, y) if x < y else (y, x)) in scored]
        if s and sum(s) / len(s) < -0.5:
            continue
        cl[min(a, b)] |= cl.pop(max(a, b))
    while True:
        best = None
        for a in sorted(cl):
            for b in sorted(cl):
                if b <= a:
                    continue
                s = [scored[(x, y) if x < y else (y, x)] for x in cl[a] for y in cl[b]
                     if ((x, y) if x < y else (y, x)) in scored]
                if len(s) >= min_pairs and sum(s) / len(s) >= threshold and (best is None or sum(s) / len(s) > best[0]):
                    best = (sum(s) / len(s), a, b)
        if best is None:
            return sorted(sorted(v) for v in cl.values())
        cl[best[1]] |= cl.pop(best[2])


@pytest.mark.parametrize("seed", range(12))
def test_the_heap_gives_the_best_first_merges(seed):
    """``_average_pass`` (a heap, stale averages pushed again) gives what picking the best average each time gives."""
    rng = random.Random(seed)
    n = 9
    docs = _story_docs(3)
    ms = [_h(f"x{i}", f"s{i % 3}", start=0, end=len(docs[i % 3]["text"]), trigger_start=i) for i in range(n)]
    canon = sorted(_canon(ms, docs), key=core._mention_order)
    feats = [core._features(m) for m in canon]
    scored = {(i, j): round(rng.uniform(-1.0, 1.0), 2) for i in range(n) for j in range(i + 1, n) if rng.random() < 0.6}
    pairs = {p: s for p, s in scored.items() if s >= 0.75}
    cl, _owner = core.merge_pairs(canon, feats, pairs, scored, core.config()["events"], -0.5, core._eq_place)
    got = sorted(sorted(v) for v in cl.values())
    assert got == _naive(n, pairs, scored, 0.0, 2)
    if seed == 3:       # a case where the pass joins much: 7 clusters by the pairs alone, 2 with it
        assert len(_naive(n, pairs, scored, 99, 2)) == 7 and len(got) == 2
