"""The cross-document cluster corpus (issue #15): every compiled span reads back from the texts in
../shared, the annotation files resolve to what is compiled, the split is frozen per story, bad files
fail by name, and the evaluation runs end to end on one small dev story."""
from __future__ import annotations

import json
import sys

import pytest

from tests.conftest import ROOT, needs_shared

sys.path.insert(0, str(ROOT / "benchmarks" / "clusters"))
import clusters  # noqa: E402
import eval_clusters  # noqa: E402
import select_stories  # noqa: E402


def _jsonl(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@needs_shared
def test_every_span_reads_back_from_its_text():
    n = 0
    for m in _jsonl(clusters.OUT_MENTIONS):
        text = clusters.ev.text(m["doc"])
        for span in (m["trigger"], m["actor"]):
            if span:
                assert text[span["start"]:span["end"]] == span["text"], (m["id"], span)
                n += 1
    for c in _jsonl(clusters.OUT_CONFLICTS):
        assert len(c["sides"]) >= 2
        for s in c["sides"]:
            assert clusters.ev.text(s["doc"])[s["start"]:s["end"]] == s["text"], (c["cluster"], s)
            n += 1
    assert n > 100


@needs_shared
def test_compiled_files_match_the_annotations_and_the_frozen_split():
    stories = clusters.stories()
    resolved = clusters.load()
    assert sorted(m["id"] for r in resolved for m in r["mentions"]) == sorted(
        m["id"] for m in _jsonl(clusters.OUT_MENTIONS)), "clusters.jsonl is stale: run clusters.py compile"
    for r in resolved:
        assert r["split"] == stories[r["story"]]["split"]
        assert set(r["docs"]) <= set(stories[r["story"]]["docs"])
    # the events corpus's test split stays clean
    queue = (clusters.ev.DATA / "queue.jsonl").read_text("utf-8").splitlines()
    ev_test = {r["doc"] for r in map(json.loads, queue) if r["split"] == "test"}
    assert not ev_test & {d for s in stories.values() for d in s["docs"]}


@needs_shared
def test_bad_annotation_fails_by_name(tmp_path):
    good = (clusters.ANN_DIR / "afghan-friendly-fire.yaml").read_text("utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.replace(", t: ", ", t: NOT-IN-THE-TEXT", 1), encoding="utf-8")
    with pytest.raises(clusters.AnnError, match="bad.yaml mention 1"):
        clusters.resolve_story(bad)
    bad.write_text(good.replace(", type: ", ", stray: 1, type: ", 1), encoding="utf-8")
    with pytest.raises(clusters.AnnError, match="unknown keys"):   # what an unquoted comma in a value leaves
        clusters.resolve_story(bad)
    bad.write_text(good.replace("  dead: strike\n", "  dead: strike\n  strike: dead\n", 1), encoding="utf-8")
    with pytest.raises(clusters.AnnError, match="cycle"):
        clusters.resolve_story(bad)
    bad.write_text("story: [", encoding="utf-8")
    with pytest.raises(clusters.AnnError, match="not valid YAML"):
        clusters.resolve_story(bad)


def test_dev_and_test_stay_frozen_beside_the_train_split():
    """The train split (stories to fit on, issue #15) was added after dev and test were frozen: the compiled
    dev and test rows keep their counts, and train has at least 10 stories and 500 mentions."""
    rows = _jsonl(clusters.OUT_MENTIONS)
    count = lambda split: sum(m["split"] == split for m in rows)  # noqa: E731
    assert (count("dev"), count("test")) == (425, 730)
    stories = clusters.stories()
    assert sum(s["split"] == "dev" for s in stories.values()) == 8
    assert sum(s["split"] == "test" for s in stories.values()) == 11
    assert sum(s["split"] == "train" for s in stories.values()) >= 10 and count("train") >= 500
    train_docs = {d for s in stories.values() if s["split"] == "train" for d in s["docs"]}
    assert not train_docs & {d for s in stories.values() if s["split"] != "train" for d in s["docs"]}


def test_split_assignment_keeps_frozen_and_takes_named_train():
    frozen = {"old-dev": "dev", "old-test": "test"}
    chosen = [{"id": "old-dev"}, {"id": "old-test", "split": "train"}, {"id": "new-train", "split": "train"},
              {"id": "new-hashed"}]
    got = select_stories.assign_splits(chosen, frozen)
    assert got["old-dev"] == "dev" and got["old-test"] == "test"  # a frozen split never changes
    assert got["new-train"] == "train" and got["new-hashed"] in ("dev", "test")
    with pytest.raises(SystemExit, match="only train may be named"):
        select_stories.assign_splits([{"id": "x", "split": "dev"}], frozen)


def test_scores_on_a_toy_clustering():
    items = [("a", "d1", "g1", "p1"), ("b", "d2", "g1", "p1"), ("c", "d3", "g1", "p2"), ("d", "d3", "g2", "p2")]
    gold, pred, cross = eval_clusters.pair_sets(items)
    assert gold == {("a", "b"), ("a", "c"), ("b", "c")} and pred == {("a", "b"), ("c", "d")}
    assert ("c", "d") not in cross
    p = eval_clusters.prf(len(gold & pred), len(pred), len(gold))
    assert (p["precision"], p["recall"]) == (0.5, 0.3333)
    sp, sr, n = eval_clusters.bcubed(items)
    assert n == 4 and 0 < sp / n < 1 and 0 < sr / n < 1


@needs_shared
def test_eval_runs_on_one_dev_story():
    summary, rows = eval_clusters.run(split="dev", story="ahli-friendly")
    assert summary["stories"] == 1 and summary["gold_mentions"] > 0
    for key in ("pairwise", "pairwise_cross_document", "bcubed", "conflicts"):
        for k in ("precision", "recall"):
            assert 0.0 <= summary[key][k] <= 1.0, (key, k)
    assert 0.0 <= summary["mention_recall"] <= 1.0


def _gold_story():
    def m(i, doc, start, cl):
        return {"id": i, "doc": doc, "trigger": {"start": start, "end": start + 4, "text": "xxxx"}, "cluster": cl,
                "happening": "s/strike", "type": "attack"}

    def side(doc, value):
        return {"doc": doc, "start": 0, "end": 1, "text": "x", "value": value}
    return {"story": "s", "split": "dev",
            "mentions": [m("s/a1", "A", 10, "s/strike"), m("s/b1", "B", 20, "s/strike"), m("s/b2", "B", 40, "s/dead")],
            "conflicts": [{"cluster": "s/strike", "slot": "time", "kind": "conflict",
                           "sides": [side("A", "Monday"), side("B", "Tuesday")]},
                          {"cluster": "s/strike", "slot": "place", "kind": "refinement",
                           "sides": [side("A", "Yemen"), side("B", "Sanaa")]},
                          {"cluster": "s/dead", "slot": "amount", "kind": "conflict",
                           "sides": [side("A", 14), side("B", 10)]}]}


def test_export_read_tolerantly_and_conflicts_scored():
    """The export shape reconcile is moving to (events[].mentions, conflicts[].slot) and the old one
    (evidence[], field) both score; a refinement listed as a conflict is false, a `precision` entry on a
    gold refinement counts as a refinement found."""
    story = _gold_story()
    ids = {"dA": "A", "dB": "B"}
    exp = {"events": [
        {"id": "e1", "mentions": [{"doc": "dA", "trigger": {"text": "xx", "start": 11, "end": 13}},
                                  {"doc": "dB", "trigger_start": 20, "trigger": "xxxx", "extra": 1}]},
        {"id": "e2", "evidence": [{"doc": "dB", "trigger_start": 40, "trigger": "xxxx"}]}],
        "conflicts": [
            {"event": "e1", "slot": "time", "kind": "contradiction",
             "values": [{"documents": ["dA"]}, {"evidence": [{"doc": "dB"}]}]},
            {"event": "e1", "slot": "origin/route", "kind": "refinement",
             "values": [{"documents": ["dA"]}, {"documents": ["dB"]}]},
            {"event": "e1", "field": "place", "kind": "contradiction",
             "values": [{"documents": ["dA"]}, {"documents": ["dB"]}]},
            {"event": "e1", "field": "place", "kind": "precision",
             "values": [{"documents": ["dA"]}, {"documents": ["dB"]}]},
            # the deaths' count told as a slot of the strike: the same happening (gold links dead -> strike)
            {"event": "e1", "field": "amount", "slot": "counts", "kind": "contradiction",
             "values": [{"documents": ["dA"]}, {"documents": ["dB"]}]}]}
    pred = eval_clusters.predicted_mentions(exp, ids)
    matched = eval_clusters.match(story["mentions"], pred)
    assert {g: p["event"] for g, p in matched.items()} == {"s/a1": "e1", "s/b1": "e1", "s/b2": "e2"}
    c = eval_clusters.score_conflicts(story, exp, ids, matched, story["mentions"])
    assert (c["listed"], c["right"], c["found"], c["gold"]) == (3, 2, 2, 2)
    assert [f["why"] for f in c["false"]] == ["on a gold refinement"]
    assert c["refinements_found"] == 1
