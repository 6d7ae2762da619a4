"""Inter-annotator agreement on the doubly annotated cluster stories (issue #15): the second annotator's
files resolve, agreement runs on them and every figure is a rate in [0, 1]."""
from __future__ import annotations

import sys

from tests.conftest import ROOT, needs_shared

sys.path.insert(0, str(ROOT / "benchmarks" / "clusters"))
import agreement  # noqa: E402


@needs_shared
def test_agreement_runs_and_gives_rates():
    summary, rows = agreement.run()
    assert len(rows) >= 4 and summary["matched"] > 100
    rates = [summary["mentions"]["f1"], summary["type_agreement"], summary["polarity_agreement"],
             summary["main_actor"]["agreement"], summary["conflicts_and_refinements"]["kind_agreement"]]
    rates += [summary[k][x] for k in ("pairwise", "bcubed", "conflicts") for x in ("precision", "recall", "f1")]
    assert all(0.0 <= r <= 1.0 for r in rates), rates


def test_identical_annotations_agree_fully():
    m = lambda i, doc, s, c, actor=None: {  # noqa: E731
        "id": i, "doc": doc, "trigger": {"start": s, "end": s + 3, "text": "x"}, "type": "attack",
        "class": "harm", "polarity": "asserted", "actor": actor, "cluster": f"st/{c}"}
    story = {"story": "st", "split": "dev", "clusters": {"st/a": "", "st/b": ""},
             "mentions": [m("1", "d1", 0, "a"), m("2", "d2", 5, "a"), m("3", "d2", 20, "b")],
             "conflicts": [{"cluster": "st/a", "slot": "amount", "kind": "conflict",
                            "sides": [{"doc": "d1", "value": 1}, {"doc": "d2", "value": 2}]}]}
    s = agreement.summarise([agreement.compare_story(story, story)])
    assert s["mentions"]["f1"] == s["pairwise"]["f1"] == s["bcubed"]["f1"] == s["conflicts"]["f1"] == 1.0
    assert s["main_actor"]["agreement"] == 1.0
