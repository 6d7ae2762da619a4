"""Inter-annotator agreement on the doubly annotated stories of the cluster corpus (issue #15).

    python benchmarks/clusters/agreement.py [--json OUT] [-v]
    riwaya eval clusters-agreement -v

Annotator A wrote `annotations/<story>.yaml`, annotator B (independently, without reading A) wrote
`annotations_b/<story>.yaml` for a sample of the stories. A is taken as the reference throughout:
- mentions: triggers that overlap in one document (one-to-one, nearest start first); P = matched/B,
  R = matched/A, F1; type, type-family and polarity agreement on the matched ones;
- clusters, over the mentions both annotated: pairwise P/R/F1 (also cross-document pairs only) and B-cubed;
- main actor, over the matched mentions: agree when both leave it out or both spans overlap;
- conflicts and refinements: B's cluster is mapped to A's cluster that holds most of its matched mentions;
  two entries match when they have that cluster, the same slot and at least two side documents in common
  (or the same side documents). Scored for conflicts (kind conflict on both), for entries of either kind
  (kind ignored) with the kind agreement of those matches, and leniently on cluster + slot alone.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import clusters as corpus  # noqa: E402
from eval_clusters import bcubed, pair_sets, prf  # noqa: E402
from eval_clusters import match as match_triggers  # noqa: E402

DIR_B = corpus.DATA / "annotations_b"
OUT = corpus.DATA / "results_agreement.json"
# the guideline's type families (section 2): a cluster never mixes two of them
FAMILY = {"attack": "harm-attack", "killing": "harm-killing", "death": "harm-killing", "injury": "harm-injury",
          "destruction": "harm-destruction", "kidnapping": "harm-kidnapping", "theft": "harm-theft"}


def family(m: dict) -> str:
    return FAMILY.get(m["type"], m["class"] if m["class"] in ("movement", "control", "communication") else m["type"])


def match(a: list[dict], b: list[dict]) -> dict[str, dict]:
    """A mention id -> the B mention whose trigger overlaps it in the same document (one-to-one)."""
    return match_triggers(a, b, span=lambda x: (x["trigger"]["start"], x["trigger"]["end"]))


def _overlap(x: dict | None, y: dict | None) -> bool:
    return bool(x and y and x["start"] < y["end"] and y["start"] < x["end"])


def _label(m: dict) -> str:
    return f"{m['doc']} «{m['trigger']['text']}» {m['type']} [{m['cluster'].split('/', 1)[1]}]"


def compare_conflicts(a: dict, b: dict, cluster_map: dict) -> dict:
    """Conflict / refinement entries of A and B on one story (see the module doc for the matching)."""
    def key(c, mapped):
        return (cluster_map.get(c["cluster"]) if mapped else c["cluster"], c["slot"])

    def docs(c):
        return {s["doc"] for s in c["sides"]}

    def same(x, y, strict_docs=True):
        if key(x, False) != key(y, True):
            return False
        dx, dy = docs(x), docs(y)
        return not strict_docs or dx == dy or len(dx & dy) >= 2

    def one_to_one(A, B, strict_docs=True):
        used, pairs = set(), []
        for i, x in enumerate(A):
            j = next((j for j, y in enumerate(B) if j not in used and same(x, y, strict_docs)), None)
            if j is not None:
                used.add(j)
                pairs.append((i, j))
        return pairs

    A, B = a["conflicts"], b["conflicts"]
    any_pairs = one_to_one(A, B)
    ca = [c for c in A if c["kind"] == "conflict"]
    cb = [c for c in B if c["kind"] == "conflict"]
    conf_pairs = one_to_one(ca, cb)
    lenient = one_to_one(A, B, strict_docs=False)
    matched_a = {i for i, _ in any_pairs}
    matched_b = {j for _, j in any_pairs}
    fmt = lambda c: f"{c['kind']} {c['cluster'].split('/', 1)[1]} {c['slot']}: " + " | ".join(  # noqa: E731
        f"{s['doc']} {s['value']}" for s in c["sides"])
    return {
        "a_conflicts": len(ca), "b_conflicts": len(cb), "both_conflicts": len(conf_pairs),
        "a_entries": len(A), "b_entries": len(B), "both_entries": len(any_pairs),
        "kind_same": sum(A[i]["kind"] == B[j]["kind"] for i, j in any_pairs),
        "both_cluster_slot": len(lenient),
        "only_a": [fmt(c) for i, c in enumerate(A) if i not in matched_a],
        "only_b": [fmt(c) for j, c in enumerate(B) if j not in matched_b],
        "kind_differs": [f"A {fmt(A[i])}  /  B {B[j]['kind']}" for i, j in any_pairs if A[i]["kind"] != B[j]["kind"]],
    }


def compare_story(a: dict, b: dict) -> dict:
    A, B = a["mentions"], b["mentions"]
    pairs = match(A, B)
    by_a = {m["id"]: m for m in A}
    items = [(i, by_a[i]["doc"], by_a[i]["cluster"], x["cluster"]) for i, x in pairs.items()]
    gp, pp, cross = pair_sets(items)
    votes = defaultdict(Counter)
    for i, x in pairs.items():
        votes[x["cluster"]][by_a[i]["cluster"]] += 1
    cluster_map = {cb: c.most_common(1)[0][0] for cb, c in votes.items()}
    actor = Counter()
    for i, x in pairs.items():
        xa, xb = by_a[i]["actor"], x["actor"]
        actor["both_none" if not xa and not xb else "only_a" if not xb else "only_b" if not xa
              else "overlap" if _overlap(xa, xb) else "different"] += 1
    matched_b = {x["id"] for x in pairs.values()}
    return {
        "story": a["story"], "split": a["split"], "a": len(A), "b": len(B), "matched": len(pairs),
        "type_same": sum(by_a[i]["type"] == x["type"] for i, x in pairs.items()),
        "family_same": sum(family(by_a[i]) == family(x) for i, x in pairs.items()),
        "polarity_same": sum(by_a[i]["polarity"] == x["polarity"] for i, x in pairs.items()),
        "a_clusters": len(a["clusters"]), "b_clusters": len(b["clusters"]),
        # clusters that hold a mention the other annotator also annotated (the rest exist for one only)
        "a_clusters_shared": len({by_a[i]["cluster"] for i in pairs}),
        "b_clusters_shared": len({x["cluster"] for x in pairs.values()}),
        "pairs": (gp, pp, cross), "b3": bcubed(items), "actor": actor,
        "conflicts": compare_conflicts(a, b, cluster_map),
        "only_a": [_label(m) for m in A if m["id"] not in pairs],
        "only_b": [_label(m) for m in B if m["id"] not in matched_b],
        "type_differs": [f"{_label(by_a[i])} / B {x['type']}" for i, x in pairs.items() if by_a[i]["type"] != x["type"]],
        "polarity_differs": [f"{_label(by_a[i])} {by_a[i]['polarity']} / B {x['polarity']}"
                             for i, x in pairs.items() if by_a[i]["polarity"] != x["polarity"]],
        "actor_differs": [f"{_label(by_a[i])} A {(by_a[i]['actor'] or {}).get('text')} / B {(x['actor'] or {}).get('text')}"
                          for i, x in pairs.items() if bool(by_a[i]["actor"]) != bool(x["actor"])
                          or (by_a[i]["actor"] and not _overlap(by_a[i]["actor"], x["actor"]))],
        "split_by_b": [f"{_label(by_a[p])} + {_label(by_a[q])}" for p, q in sorted(gp - pp)],
        "merged_by_b": [f"{_label(by_a[p])} + {_label(by_a[q])}" for p, q in sorted(pp - gp)],
    }


def _rate(n: int, d: int) -> float:
    return round(n / d, 4) if d else 1.0


def summarise(rows: list[dict]) -> dict:
    s = lambda k: sum(r[k] for r in rows)  # noqa: E731
    gp = set().union(*(r["pairs"][0] for r in rows))
    pp = set().union(*(r["pairs"][1] for r in rows))
    cross = set().union(*(r["pairs"][2] for r in rows))
    sp, sr, n = (sum(r["b3"][k] for r in rows) for k in range(3))
    bp, br = (sp / n, sr / n) if n else (1.0, 1.0)
    actor = sum((r["actor"] for r in rows), Counter())
    both_actor = actor["overlap"] + actor["different"]
    c = {k: sum(r["conflicts"][k] for r in rows) for k in ("a_conflicts", "b_conflicts", "both_conflicts",
                                                           "a_entries", "b_entries", "both_entries", "kind_same",
                                                           "both_cluster_slot")}
    m = s("matched")
    return {
        "stories": [r["story"] for r in rows], "mentions_a": s("a"), "mentions_b": s("b"), "matched": m,
        "mentions": prf(m, s("b"), s("a")),
        "type_agreement": _rate(s("type_same"), m), "family_agreement": _rate(s("family_same"), m),
        "polarity_agreement": _rate(s("polarity_same"), m),
        "clusters_a": s("a_clusters"), "clusters_b": s("b_clusters"),
        "clusters_a_shared": s("a_clusters_shared"), "clusters_b_shared": s("b_clusters_shared"),
        "pairwise": prf(len(gp & pp), len(pp), len(gp)),
        "pairwise_cross_document": prf(len(gp & pp & cross), len(pp & cross), len(gp & cross)),
        "bcubed": {"precision": round(bp, 4), "recall": round(br, 4),
                   "f1": round(2 * bp * br / (bp + br), 4) if bp + br else 0.0, "mentions": n},
        "main_actor": {"agreement": _rate(actor["both_none"] + actor["overlap"], m),
                       "span_agreement_when_both_name_one": _rate(actor["overlap"], both_actor), **dict(actor)},
        "conflicts": prf(c["both_conflicts"], c["b_conflicts"], c["a_conflicts"]),
        "conflicts_and_refinements": {**prf(c["both_entries"], c["b_entries"], c["a_entries"]),
                                      "kind_agreement": _rate(c["kind_same"], c["both_entries"])},
        "conflicts_and_refinements_cluster_slot_only": prf(c["both_cluster_slot"], c["b_entries"], c["a_entries"]),
    }


def run() -> tuple[dict, list[dict]]:
    files = sorted(DIR_B.glob("*.yaml"))
    if not files:
        raise SystemExit(f"error: no second annotation in {DIR_B}")
    rows = []
    for fb in files:
        b = corpus.resolve_story(fb)
        fa = corpus.ANN_DIR / f"{b['story']}.yaml"
        if not fa.exists():
            raise SystemExit(f"error: {fb.name}: annotator A has no {fa.name}")
        rows.append(compare_story(corpus.resolve_story(fa), b))
    return summarise(rows), rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", help=f"write the figures here (the committed ones: {OUT.relative_to(corpus.ROOT)})")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    a = ap.parse_args()
    try:
        summary, rows = run()
    except corpus.AnnError as e:
        sys.exit(f"error: {e}")
    for r in rows:
        x = summarise([r])
        print(f"{r['story']:26s} {r['split']:4s} mentions A {r['a']} B {r['b']} both {r['matched']} "
              f"(F1 {x['mentions']['f1']:.3f})  clusters A {r['a_clusters']} B {r['b_clusters']}  "
              f"pairwise F1 {x['pairwise']['f1']:.3f}  B3 F1 {x['bcubed']['f1']:.3f}  "
              f"actor {x['main_actor']['agreement']:.3f}  conflicts A {x['conflicts']['gold']} B "
              f"{x['conflicts']['pred']} both {x['conflicts']['tp']}")
        if a.verbose:
            for k in ("only_a", "only_b", "type_differs", "polarity_differs", "actor_differs", "split_by_b",
                      "merged_by_b"):
                for line in r[k]:
                    print(f"    {k}: {line}")
            for k in ("only_a", "only_b", "kind_differs"):
                for line in r["conflicts"][k]:
                    print(f"    entry {k}: {line}")
    s = summary
    print(f"\nall: {len(rows)} stories; mentions A {s['mentions_a']} B {s['mentions_b']} both {s['matched']}: "
          f"P {s['mentions']['precision']:.3f} R {s['mentions']['recall']:.3f} F1 {s['mentions']['f1']:.3f}; "
          f"type {s['type_agreement']:.3f}, family {s['family_agreement']:.3f}, polarity {s['polarity_agreement']:.3f}")
    print(f"clusters A {s['clusters_a']} ({s['clusters_a_shared']} with a mention B also annotated), "
          f"B {s['clusters_b']} ({s['clusters_b_shared']}); over the mentions both annotated:")
    for k in ("pairwise", "pairwise_cross_document", "bcubed"):
        print(f"{k:24s} P {s[k]['precision']:.3f} R {s[k]['recall']:.3f} F1 {s[k]['f1']:.3f}")
    print(f"main actor agreement {s['main_actor']['agreement']:.3f} (spans overlap when both name one: "
          f"{s['main_actor']['span_agreement_when_both_name_one']:.3f})")
    c, e = s["conflicts"], s["conflicts_and_refinements"]
    print(f"conflicts: A {c['gold']} B {c['pred']} both {c['tp']} (F1 {c['f1']:.3f}); conflicts+refinements: "
          f"A {e['gold']} B {e['pred']} both {e['tp']} (F1 {e['f1']:.3f}), kind agreement {e['kind_agreement']:.3f}; "
          f"on cluster+slot alone F1 {s['conflicts_and_refinements_cluster_slot_only']['f1']:.3f}")
    if a.json:
        per = {r["story"]: {k: v for k, v in summarise([r]).items() if k != "stories"} for r in rows}
        Path(a.json).write_text(json.dumps({**s, "per_story": per}, indent=1, ensure_ascii=False) + "\n",
                                encoding="utf-8")


if __name__ == "__main__":
    main()
