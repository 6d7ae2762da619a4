"""The annotated event corpus and the learned event models: the corpus resolves to the texts, the
shipped model loads and is small, and the frozen test split's scores stay above their floors."""
from __future__ import annotations

import json
import sys

import pytest

from tests.conftest import ROOT, needs_shared

sys.path.insert(0, str(ROOT / "benchmarks" / "events_corpus"))
import corpus  # noqa: E402

FLOORS = corpus.DATA / "floors.json"
MARGIN = 0.02


@needs_shared
def test_every_annotation_points_at_its_text():
    """Each compiled span is exactly the characters of the source text it names (against the text read
    anew, not the string the span was made from)."""
    n = 0
    for line in corpus.OUT.read_text("utf-8").splitlines():
        r = json.loads(line)
        text = corpus.text(r["doc"])
        for ev in r["events"]:
            for span in [ev["trigger"], *ev["args"], *ev["source"]]:
                assert text[span["start"]:span["end"]] == span["text"], (r["doc"], span)
                n += 1
    assert n > 1000


def test_split_is_by_document_and_stable():
    assert corpus.split_of("snn/2015-07-26/215") == corpus.split_of("snn/2015-07-26/215")
    rows = [json.loads(l) for l in corpus.QUEUE.read_text("utf-8").splitlines()]
    assert len({r["doc"] for r in rows}) == len(rows)
    assert all(r["split"] == corpus.split_of(r["doc"]) for r in rows)


@needs_shared
def test_later_annotation_batches_are_queued_for_train_only():
    """Articles annotated after the first draw (annotator E on) are in the queue, as `select` writes it
    again, and only in the train split: dev and test stay frozen."""
    queue = {r["doc"]: r for r in map(json.loads, corpus.QUEUE.read_text("utf-8").splitlines())}
    assert corpus._annotated_extra(set(queue)) == []          # nothing annotated outside the queue
    later = {item["doc"] for path in sorted(corpus.ANN_DIR.glob("E_*.yaml")) for item in corpus.load_file(path)}
    assert len(later) >= 50
    assert all(queue[d]["split"] == "train" == corpus.split_of(d) for d in later)
    rows = corpus._annotated_extra(set(queue) - later)        # what select() appends after the first draw
    assert {r["doc"] for r in rows} == later and all(r["split"] == "train" for r in rows)
def test_added_train_documents_are_queued_and_train_only():
    """Articles chosen after the queue was drawn (queue_*.jsonl, e.g. annotator F's) stay in queue.jsonl
    when select() reruns, and are all train: dev and test are frozen."""
    rows = {r["doc"]: r for r in map(json.loads, corpus.QUEUE.read_text("utf-8").splitlines())}
    extras = [r for f in sorted(corpus.DATA.glob("queue_*.jsonl"))
              for r in map(json.loads, f.read_text("utf-8").splitlines())]
    assert extras
    for r in extras:
        assert rows[r["doc"]] == r and r["split"] == "train" == corpus.split_of(r["doc"])
    for queue in sorted(corpus.DATA.glob("queue_*.jsonl")):      # an added annotator's files: train only, all queued
        letter = queue.stem.split("_")[1]
        files = list(corpus.ANN_DIR.glob(f"{letter}_*.yaml"))
        annotated = {item["doc"] for p in files for item in corpus.load_file(p)}
        assert {corpus.split_of(d) for d in annotated} <= {"train"}, letter
        queued = {r["doc"] for r in map(json.loads, queue.read_text("utf-8").splitlines())}
        assert annotated <= queued, letter


def test_model_ships_small_and_scores():
    from riwaya.events import learned
    m = learned.model()
    assert m is not None, "riwaya/data/events/model.json is missing"
    size = (ROOT / "riwaya" / "data" / "events" / "model.json").stat().st_size
    assert size < 8_000_000      # weights to two decimals; the Arabic proposer and argument models are most of it (5.8 MB trained on annotators A-J, 616 train articles)
    assert "ar" in m and "trigger" in m["ar"]
    for lang, models in m.items():
        for name in ("trigger", "argument", "polarity", "source", "span"):
            if name in models:     # a component ships only where it beat the rules on dev
                p = learned.scores(models[name], ["cls=movement", "unknown=feature"])
                assert abs(sum(p.values()) - 1) < 1e-6 and 0 <= models[name]["threshold"] <= 1


@needs_shared
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_frozen_test_split_stays_above_its_floors(lang):
    import eval_corpus
    floors = json.loads(FLOORS.read_text("utf-8"))[lang]
    got = eval_corpus.evaluate(eval_corpus.load("test", lang))
    flat = {"trigger_f1": got["trigger"]["f1"], "argument_f1": got["arguments_overlap"]["f1"],
            "argument_exact_f1": got["arguments_exact"]["f1"],
            "polarity_accuracy": got["polarity_accuracy"], "source_accuracy": got["source_accuracy"],
            "all_right": got["all_right"], "class_and_actor_right": got["class_and_actor_right"]}
    low = {k: (flat[k], v) for k, v in floors.items() if flat[k] < v - MARGIN}
    assert not low, f"below floor (got, floor): {low}"


def _adjudicate(tmp_path, entries: str, split: str = "train"):
    doc = {"doc": "snn/x/1", "split": split, "events": [
        {"trigger": {"start": 4, "end": 8, "text": "شكره"}, "type": "statement"}]}
    path = tmp_path / "adjudication.yaml"
    path.write_text(entries, encoding="utf-8")
    return doc, path


def test_adjudication_drops_a_train_mention_and_refuses_dev_test_and_strays(tmp_path, monkeypatch):
    """The adjudicator's decisions (adjudication.yaml) apply to the train split only, and an entry that
    names no annotated mention is an error naming the entry, never silently skipped."""
    monkeypatch.setattr(corpus, "text", lambda doc: "قدم شكره للجميع.")
    entry = "- {doc: snn/x/1, s: 1, trigger: شكره, type: statement, action: drop, reason: courtesy}\n"
    doc, path = _adjudicate(tmp_path, entry)
    assert corpus.adjudicate({"snn/x/1": doc}, path) == 1 and doc["events"] == []
    for split in ("dev", "test"):
        doc, path = _adjudicate(tmp_path, entry, split)
        with pytest.raises(corpus.AnnError, match=f"entry 1: snn/x/1 is in the {split} split"):
            corpus.adjudicate({"snn/x/1": doc}, path)
    doc, path = _adjudicate(tmp_path, entry.replace("statement", "meeting"))
    with pytest.raises(corpus.AnnError, match="entry 1: 0 annotated mentions"):
        corpus.adjudicate({"snn/x/1": doc}, path)
    doc, path = _adjudicate(tmp_path, entry.replace("reason: courtesy", "note: x"))
    with pytest.raises(corpus.AnnError, match="needs doc, s, trigger, action: drop and a reason"):
        corpus.adjudicate({"snn/x/1": doc}, path)
    doc, path = _adjudicate(tmp_path, "- {doc: [\n")
    with pytest.raises(corpus.AnnError, match="not valid YAML"):
        corpus.adjudicate({"snn/x/1": doc}, path)


@needs_shared
def test_shipped_adjudication_applies_to_train_only():
    """Every shipped decision still names its mention (compiling applies them all) and touches train only."""
    import yaml
    entries = yaml.safe_load(corpus.ADJUDICATION.read_text("utf-8"))
    assert entries and all(corpus.split_of(e["doc"]) == "train" and e["reason"] for e in entries)
    conventions = yaml.safe_load(corpus.CONVENTIONS.read_text("utf-8"))
    assert conventions and all(corpus.split_of(e["doc"]) == "train" and e["reason"] and e["rule"]
                               for e in conventions)


def test_adjudication_relabels_an_argument_and_drops_a_source(tmp_path, monkeypatch):
    """adj13's argument-level decisions: `relabel` moves one argument to another role, `drop_source` takes one
    span out of the source; an entry naming no such argument is an error."""
    text = "اشتباكات بين الجيش والمسلحين. أدعو قال المالكي."
    monkeypatch.setattr(corpus, "text", lambda doc: text)

    def doc():
        a = text.index("الجيش")
        b = text.index("والمسلحين")
        m = text.index("المالكي")
        return {"doc": "snn/x/1", "split": "train", "events": [
            {"trigger": {"start": 0, "end": 8, "text": "اشتباكات"}, "type": "attack", "source": [],
             "args": [{"role": "agent", "start": a, "end": a + 5, "text": "الجيش"},
                      {"role": "agent", "start": b, "end": b + 9, "text": "والمسلحين"}]},
            {"trigger": {"start": text.index("أدعو"), "end": text.index("أدعو") + 4, "text": "أدعو"},
             "type": "request", "args": [{"role": "agent", "start": m, "end": m + 7, "text": "المالكي"}],
             "source": [{"start": m, "end": m + 7, "text": "المالكي"}]}]}
    entries = ("- {doc: snn/x/1, s: 1, trigger: اشتباكات, type: attack, action: relabel, role: agent, arg: والمسلحين,"
               " to: patient, reason: clash}\n"
               "- {doc: snn/x/1, s: 2, trigger: أدعو, type: request, action: drop_source, arg: المالكي, reason: speech}\n")
    d, path = doc(), tmp_path / "conv.yaml"
    path.write_text(entries, encoding="utf-8")
    assert corpus.adjudicate({"snn/x/1": d}, path) == 2
    assert [a["role"] for a in d["events"][0]["args"]] == ["agent", "patient"] and d["events"][1]["source"] == []
    path.write_text(entries.replace("arg: والمسلحين", "arg: الجيش").replace("role: agent, arg: الجيش", "role: patient, arg: الجيش"),
                    encoding="utf-8")
    with pytest.raises(corpus.AnnError, match="entry 1: no patient 'الجيش'"):
        corpus.adjudicate({"snn/x/1": doc()}, path)


def test_convention_rules_see_the_two_sides_of_a_clash_not_allies():
    """clash-sides: the later filler after "بين A و" / "مع" is the other side; "بالتعاون مع" is an ally."""
    import adjudicate_conventions as conv
    t = "اندلعت اشتباكات بين الجيش من جهة، والمسلحين في المدينة. بدأت قوة وبالتعاون مع طيران الجيش عملية."

    def span(s):
        i = t.index(s)
        return {"start": i, "end": i + len(s), "text": s}
    assert conv._second_side(t, span("الجيش"), span("والمسلحين"))
    assert not conv._second_side(t, span("قوة"), span("طيران الجيش"))


@needs_shared
def test_convention_decisions_are_up_to_date():
    """adjudication_conventions.yaml is what adjudicate_conventions.py derives from the annotation files."""
    import adjudicate_conventions as conv
    assert conv.render(conv.rules(conv.train_primaries())) == corpus.CONVENTIONS.read_text("utf-8")
