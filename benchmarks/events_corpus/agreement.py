"""Inter-annotator agreement on the doubly annotated documents of the event corpus.

    python benchmarks/events_corpus/agreement.py

Compares annotations.jsonl (first annotator) with agreement.jsonl (second, independent) on the same
documents: trigger F1 (overlapping triggers, one-to-one; light verb and its noun count as one, as in the
evaluation), class agreement on matched triggers, argument F1 (same role, overlapping spans) on matched
triggers, polarity agreement, and source agreement (both empty, or innermost sources overlap).
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import eval_corpus  # noqa: E402


def main() -> int:
    first = {json.loads(l)["doc"]: json.loads(l) for l in corpus.OUT.read_text("utf-8").splitlines()}
    second = [json.loads(l) for l in (corpus.DATA / "agreement.jsonl").read_text("utf-8").splitlines()]
    c = Counter()
    disagreements = Counter()
    for b in second:
        a = first.get(b["doc"])
        if a is None:
            continue
        text = corpus.text(b["doc"])
        A, B = a["events"], b["events"]
        pairs = eval_corpus.match(A, [{**e, "class": e["class"]} for e in B], text)
        c["docs"] += 1
        c["a"] += len(A)
        c["b"] += len(B)
        c["matched"] += len(pairs)
        for i, j in pairs:
            x, y = A[i], B[j]
            c["class_same"] += x["class"] == y["class"]
            c["type_same"] += x["type"] == y["type"]
            c["pol_same"] += x["polarity"] == y["polarity"]
            if x["polarity"] != y["polarity"]:
                disagreements[f"polarity {x['polarity']}/{y['polarity']}"] += 1
            xs, ys = x.get("source") or [], y.get("source") or []
            c["src_same"] += (not xs and not ys) or bool(xs and ys and eval_corpus._ov(xs[-1], ys[-1]))
            used = set()
            for ga in x["args"]:
                hit = next((k for k, gb in enumerate(y["args"]) if k not in used and gb["role"] == ga["role"]
                            and eval_corpus._ov(ga, gb)), None)
                if hit is None:
                    disagreements[f"arg {ga['role']} only A"] += 1
                else:
                    used.add(hit)
                    c["arg_both"] += 1
            c["arg_a"] += len(x["args"])
            c["arg_b"] += len(y["args"])
    m = c["matched"] or 1
    trig_f1 = 2 * c["matched"] / (c["a"] + c["b"]) if c["a"] + c["b"] else 0
    arg_f1 = 2 * c["arg_both"] / (c["arg_a"] + c["arg_b"]) if c["arg_a"] + c["arg_b"] else 0
    out = {"documents": c["docs"], "mentions_first": c["a"], "mentions_second": c["b"],
           "trigger_f1": round(trig_f1, 3), "class_agreement": round(c["class_same"] / m, 3),
           "type_agreement": round(c["type_same"] / m, 3), "argument_f1": round(arg_f1, 3),
           "polarity_agreement": round(c["pol_same"] / m, 3), "source_agreement": round(c["src_same"] / m, 3),
           "top_disagreements": disagreements.most_common(12)}
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
