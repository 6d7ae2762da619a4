#!/usr/bin/env python
"""Event merging and conflicts of the corpus stage against the annotated cross-document clusters.

The clusters corpus (benchmarks/data/clusters/: stories.jsonl, clusters.jsonl, conflicts.jsonl, written by
benchmarks/clusters/clusters.py) names, per SaudiNewsNet story, every event mention (doc, trigger span)
with its gold cluster, and the conflicts and refinements between independent accounts. This script
builds each split's articles into a store (once; analyses are cached by content), runs the corpus stage
and scores:

- merging: each gold mention is matched to the system mention whose trigger overlaps it; pairwise
  precision/recall over pairs of gold mentions (all pairs, pairs across documents, and pairs of
  mentions that extraction found, which is the merge alone), and
  B-cubed precision/recall over the gold mentions (an unmatched gold mention is a system singleton);
- conflicts: a system contradiction is right when its event's mentions belong (by majority) to a gold
  cluster holding a gold conflict of the same slot; recall over gold conflicts likewise.

    python benchmarks/reconcile/eval_merge.py --split dev|test|train [--data DIR] [--store /tmp/x.db] [--json OUT]

Texts come from ../shared/data at run time and never enter the repo.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "events_corpus"))

# system field -> the guideline's slot
SLOT = {"time": "time", "origin": "origin", "via": "route", "destination": "destination", "place": "place",
        "means": "means", "companions": "companions", "decider": "decider", "agent": "agent",
        "amount": "amount", "polarity": "happened"}


def _jsonl(p: Path) -> list[dict]:
    return [json.loads(l) for l in p.read_text(encoding="utf-8").splitlines() if l.strip()] if p.exists() else []


def build_store(docs: list[str], db: str) -> None:
    import corpus as evc
    from riwaya.pipeline import build
    with tempfile.TemporaryDirectory() as tmp:
        for n, d in enumerate(docs):
            name = f"{n:03d}_{d.replace('/', '_')}"
            Path(tmp, name + ".txt").write_text(evc.text(d), encoding="utf-8")
            meta = {k: v for k, v in evc.meta(d).items() if v}
            Path(tmp, name + ".meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        build([tmp], f"sqlite:///{db}", progress=False)


def _doc_ids(store, docs: list[str]) -> dict[str, str]:
    """gold doc id -> store doc id (by the file name the build kept)."""
    out = {}
    for d in store.documents():
        name = Path(d.get("path") or "").name
        for g in docs:
            if name.endswith(g.replace("/", "_") + ".txt"):
                out[g] = d["id"]
    return out


def score(gold: list[dict], gold_conf: list[dict], events: list[dict], conflicts: list[dict],
          doc_of: dict[str, str]) -> dict:
    # system mentions by document: (trigger start, end, event id)
    sys_m = defaultdict(list)
    for ev in events:
        for e in ev.get("evidence") or []:
            s, t = e.get("trigger_start"), e.get("trigger_end")
            if s is None:
                continue
            sys_m[e["doc"]].append((s, t if t is not None else s + len(e.get("trigger") or "x"), ev["id"]))
    assign = {}
    for g in gold:
        doc = doc_of.get(g["doc"])
        gs, ge = g["trigger"]["start"], g["trigger"]["end"]
        best = None
        for s, t, eid in sys_m.get(doc, []):
            ov = min(t, ge) - max(s, gs)
            if ov > 0 and (best is None or ov > best[0]):
                best = (ov, eid)
        assign[g["id"]] = best[1] if best else "unmatched:" + g["id"]
    matched = sum(1 for v in assign.values() if not v.startswith("unmatched:"))
    gcl = {g["id"]: g["cluster"] for g in gold}
    gdoc = {g["id"]: g["doc"] for g in gold}
    ids = sorted(gcl)
    tp = fp = fn = 0
    xtp = xfp = xfn = 0
    for a, b in itertools.combinations(ids, 2):
        same_g, same_s = gcl[a] == gcl[b], assign[a] == assign[b]
        cross = gdoc[a] != gdoc[b]
        tp += same_g and same_s
        fp += same_s and not same_g
        fn += same_g and not same_s
        if cross:
            xtp += same_g and same_s
            xfp += same_s and not same_g
            xfn += same_g and not same_s
    # the merge alone: pairs of gold mentions that extraction found (both matched)
    mtp = mfp = mfn = 0
    ok = [i for i in ids if not assign[i].startswith("unmatched:")]
    for a, b in itertools.combinations(ok, 2):
        same_g, same_s = gcl[a] == gcl[b], assign[a] == assign[b]
        mtp += same_g and same_s
        mfp += same_s and not same_g
        mfn += same_g and not same_s
    by_g, by_s = defaultdict(set), defaultdict(set)
    for i in ids:
        by_g[gcl[i]].add(i)
        by_s[assign[i]].add(i)
    bp = sum(len(by_g[gcl[i]] & by_s[assign[i]]) / len(by_s[assign[i]]) for i in ids) / max(len(ids), 1)
    br = sum(len(by_g[gcl[i]] & by_s[assign[i]]) / len(by_g[gcl[i]]) for i in ids) / max(len(ids), 1)

    def prf(t, f_p, f_n):
        p = t / (t + f_p) if t + f_p else 1.0
        r = t / (t + f_n) if t + f_n else 1.0
        return {"p": round(p, 3), "r": round(r, 3), "f": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                "tp": t, "fp": f_p, "fn": f_n}

    # conflicts: an event's gold cluster is the majority cluster of its matched gold mentions
    ev_cluster = {}
    votes = defaultdict(Counter)
    for i in ids:
        if not assign[i].startswith("unmatched:"):
            votes[assign[i]][gcl[i]] += 1
    for eid, c in votes.items():
        ev_cluster[eid] = c.most_common(1)[0][0]
    gold_c = [(c["cluster"], c["slot"]) for c in gold_conf if c.get("kind") == "conflict"]
    gold_r = {(c["cluster"], c["slot"]) for c in gold_conf if c.get("kind") == "refinement"}
    sys_c = [(ev_cluster.get(c["event"]), SLOT.get(c["field"], c["field"]), c["kind"]) for c in conflicts]
    contra = [(cl, sl) for cl, sl, k in sys_c if k == "contradiction"]
    slot_eq = lambda a, b: a == b or {a, b} <= {"origin", "route"}  # noqa: E731
    c_tp = sum(1 for cl, sl in contra if any(cl == gc and slot_eq(sl, gs) for gc, gs in gold_c))
    c_found = sum(1 for gc, gs in gold_c if any(cl == gc and slot_eq(sl, gs) for cl, sl in contra))
    return {"gold_mentions": len(ids), "matched": matched, "gold_clusters": len(by_g),
            "system_clusters": len(by_s),
            "pairwise": prf(tp, fp, fn), "pairwise_cross_doc": prf(xtp, xfp, xfn),
            "pairwise_matched_only": prf(mtp, mfp, mfn),
            "bcubed": {"p": round(bp, 3), "r": round(br, 3), "f": round(2 * bp * br / (bp + br), 3) if bp + br else 0},
            "conflicts": {"gold": len(gold_c), "listed_contradictions": len(contra), "right": c_tp,
                          "found": c_found,
                          "p": round(c_tp / len(contra), 3) if contra else None,
                          "r": round(c_found / len(gold_c), 3) if gold_c else None,
                          "contradictions_on_gold_refinements": sum(1 for cl, sl in contra if (cl, sl) in gold_r)}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["dev", "test", "train"])
    ap.add_argument("--data", default=str(ROOT / "benchmarks" / "data" / "clusters"))
    ap.add_argument("--store", default=None, help="SQLite file to build into and reuse")
    ap.add_argument("--json", default=None)
    a = ap.parse_args()
    os.environ.setdefault("RIWAYA_ENCODER", "0")
    data = Path(a.data)
    stories = {s["story"]: s for s in _jsonl(data / "stories.jsonl") if s["split"] == a.split}
    gold = [g for g in _jsonl(data / "clusters.jsonl") if g["story"] in stories]
    gold_conf = [c for c in _jsonl(data / "conflicts.jsonl") if c["story"] in stories]
    annotated = sorted({g["story"] for g in gold})
    docs = sorted({g["doc"] for g in gold})
    db = a.store or os.path.join(tempfile.gettempdir(), f"riwaya-clusters-{a.split}.db")
    build_store(docs, db)
    from riwaya import corpus
    from riwaya.store import Store
    store = Store(f"sqlite:///{db}")
    t0 = time.perf_counter()
    res = corpus.run_store(store)
    dt = time.perf_counter() - t0
    out = {"split": a.split, "stories": annotated, "documents": len(docs), "corpus_stage_s": round(dt, 2),
           **score(gold, gold_conf, res["events"], res["conflicts"], _doc_ids(store, docs))}
    print(json.dumps(out, indent=1, ensure_ascii=False))
    if a.json:
        Path(a.json).write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
