"""Agreement by annotator pair (benchmarks/events_corpus/agreement_roles.py): a copy agrees with itself
on every measure, and the G copies of E's documents are paired as E-G."""
from __future__ import annotations

import copy
import json
import sys

from tests.conftest import ROOT, needs_shared

sys.path.insert(0, str(ROOT / "benchmarks" / "events_corpus"))
import agreement_roles  # noqa: E402
import corpus  # noqa: E402


def _second():
    return [json.loads(l) for l in (corpus.DATA / "agreement.jsonl").read_text("utf-8").splitlines()]


@needs_shared
def test_a_copy_agrees_with_itself():
    rec = next(r for r in _second() if r["annotator"] == "G" and r["doc"] == "snn/2015-07-26/461")
    out = agreement_roles.stats([(rec, copy.deepcopy(rec))])
    assert out["trigger_f1"] == out["arg_overlap_f1"] == out["arg_exact_f1"] == 1.0
    assert out["polarity"] == out["source"] == out["type"] == 1.0
    assert out["roles"]["patient"]["exact"] == 1.0


@needs_shared
def test_a_shorter_span_overlaps_but_is_not_exact():
    rec = next(r for r in _second() if r["annotator"] == "G" and r["doc"] == "snn/2015-07-26/461")
    other = copy.deepcopy(rec)
    arg = next(a for e in other["events"] for a in e["args"] if a["role"] == "patient" and len(a["text"]) > 6)
    arg["end"] -= 2
    out = agreement_roles.stats([(rec, other)])
    assert out["arg_overlap_f1"] == 1.0 and out["arg_exact_f1"] < 1.0


@needs_shared
def test_g_triggers_are_whole_words():
    """G's triggers stand as whole words (five spans that did not were given `nth`)."""
    assert agreement_roles.inside_words(sorted(corpus.ANN_DIR.glob("G_*.yaml"))) == []
