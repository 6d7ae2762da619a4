"""The SaudiNewsNet entity train file (benchmarks/data/ner_snn/train.jsonl, the CRF's in-domain data): none of
the gold's articles or stories, only events-corpus train documents, the hand annotation placed as committed,
and the CRF's reader turns it into runtime tokens with B-/I- tags on the names."""
from __future__ import annotations

import json
import sys

from tests.conftest import ROOT, needs_shared

sys.path.insert(0, str(ROOT / "benchmarks" / "ner"))
sys.path.insert(0, str(ROOT / "scripts"))
DATA = ROOT / "benchmarks" / "data" / "ner_snn"


def _rows(name):
    return [json.loads(ln) for ln in (DATA / name).read_text("utf-8").splitlines() if ln.strip()]


def test_train_articles_are_none_of_the_gold_and_train_split_only():
    from benchmarks.events_corpus.corpus import split_of
    train = {r["id"] for r in _rows("train.jsonl")}
    gold = {r["id"] for r in _rows("dev.jsonl") + _rows("test.jsonl")}
    assert len(train) == 40 and not train & gold
    assert all(split_of(d) == "train" for d in train)


@needs_shared
def test_train_file_is_the_annotation_placed_and_shares_no_story_with_the_gold():
    import snn_gold
    ann = snn_gold.read_annotations(DATA / "annotations_train.txt")
    gold_grams = []
    for r in _rows("dev.jsonl") + _rows("test.jsonl"):
        w = snn_gold.text_of(r["id"]).split()
        gold_grams.append({tuple(w[i:i + 4]) for i in range(len(w) - 3)})
    for r in _rows("train.jsonl"):
        text = snn_gold.text_of(r["id"])
        assert snn_gold.place(r["id"], text, ann[r["id"]]) == r["entities"]
        w = text.split()
        g = {tuple(w[i:i + 4]) for i in range(len(w) - 3)}
        assert all(len(g & k) < 0.3 * min(len(g), len(k)) for k in gold_grams), r["id"]


@needs_shared
def test_crf_reader_tags_runtime_tokens():
    from train_ner import read_snn, spans
    docs = read_snn(DATA / "train.jsonl")
    rows = _rows("train.jsonl")
    assert len(docs) == len(rows)
    for doc, row in zip(docs, rows):
        n = sum(len(spans([t for _, t in s])) for s in doc)
        # a name with full stops inside (د.ب.أ) is cut where the runtime ends a sentence
        dots = sum(e["surface"].count(".") for e in row["entities"])
        assert 0 < n <= len(row["entities"]) + dots
        assert all(t == "O" or t[2:] in ("PERS", "LOC", "ORG") for s in doc for _, t in s)
    first = docs[[r["id"] for r in rows].index("snn/2015-08-11/883")]
    tagged = [(w, t) for s in first for w, t in s if t != "O"]
    assert ("إلون", "B-PERS") in tagged and ("موسك", "I-PERS") in tagged
