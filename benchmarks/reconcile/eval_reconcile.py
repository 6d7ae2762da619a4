"""Evaluate riwaya.reconcile.

1. Seeds (tests/fixtures/reconcile_seeds.json): translation, copies, event merges, conflicts.
2. SaudiNewsNet (research only, read from /work/shared/data; never shipped): one crawl day
   (~3k articles) through copy detection and story clustering; pairwise P/R on the
   hand-checked set benchmarks/data/reconcile/saudinewsnet_clusters.json.
3. Event merges on hand-written mentions from real SaudiNewsNet sentences
   (benchmarks/data/reconcile/saudinewsnet_events.json).
4. Sentence encoder: does it help, how fast.

Run: .venv/bin/python benchmarks/reconcile/eval_reconcile.py [--no-encoder] [--json OUT]
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import itertools
import json
import os
import sys
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)

from riwaya.reconcile import align_translation, cluster_mentions, copy_pairs, reconcile, story_clusters  # noqa
from riwaya.reconcile import encoder  # noqa

DATA = os.environ.get("SAUDINEWSNET", "/work/shared/data/saudinewsnet/dataset")
GOLD = os.path.join(ROOT, "benchmarks", "data", "reconcile", "saudinewsnet_clusters.json")
EVENTS = os.path.join(ROOT, "benchmarks", "data", "reconcile", "saudinewsnet_events.json")
SEEDS = os.path.join(ROOT, "tests", "fixtures", "reconcile_seeds.json")


def prf(pred: set, gold: set) -> dict:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp,
            "pred": len(pred), "gold": len(gold)}


def cluster_pairs(clusters, keep=None) -> set:
    out = set()
    for c in clusters:
        c = [x for x in c if keep is None or x in keep]
        out.update(tuple(sorted(p)) for p in itertools.combinations(c, 2))
    return out


def load_day(day: str) -> list[dict]:
    z = zipfile.ZipFile(os.path.join(DATA, f"{day}.zip"))
    arts = json.loads(z.read(z.namelist()[0]))
    docs = []
    for a in arts:
        i = "snn" + hashlib.sha1(a["url"].encode()).hexdigest()[:10]
        docs.append({"id": i, "text": a["content"] or "", "title": a["title"], "outlet": a["source"],
                     "published": a["date_extracted"][:10], "language": "ar", "languages": ["ar"]})
    # the crawl holds a few exact duplicate urls; keep one
    return list({d["id"]: d for d in docs}.values())


def eval_seeds(res: dict):
    fx = json.load(open(SEEDS, encoding="utf-8"))
    out = {}
    for enc in (False, True):
        if enc and not encoder.available():
            continue
        d3 = next(d for d in fx["documents"] if d["id"].endswith("003"))
        t = time.perf_counter()
        rel = align_translation(d3, use_encoder=enc)
        dt = time.perf_counter() - t
        # negatives: every other seed with an English paragraph glued from another seed
        other_en = d3["text"][d3["text"].find("NBC News has revealed"):][:600]
        fp = 0
        for d in fx["documents"]:
            if d["id"] == d3["id"]:
                continue
            fake = dict(d, text=d["text"] + "\n" + other_en, paragraphs=None)
            fp += len(align_translation(fake, use_encoder=enc))
        out["encoder" if enc else "features"] = {
            "found": len(rel), "pairs": len(rel[0]["pairs"]) if rel else 0,
            "mean_score": rel[0]["score"] if rel else None, "seconds": round(dt, 3),
            "false_translations_on_4_glued_docs": fp}
    res["seeds_translation"] = out
    r = reconcile(fx["documents"], fx["event_mentions"], fx["entities"], use_encoder=False)
    gold = cluster_pairs(fx["gold_events"])
    pred = cluster_pairs([[x["mention"] for x in e["evidence"]] for e in r["events"]])
    res["seeds_events"] = prf(pred, gold)
    res["seeds_copies"] = [x["docs"] for x in r["relations"] if x["kind"] == "copy"]
    res["seeds_conflicts"] = [{"kind": c["kind"], "field": c["field"], "summary_en": c["summary_en"],
                               "summary_ar": c["summary_ar"]} for c in r["conflicts"]]
    res["seeds_events_corroboration"] = {e["type"] + ":" + e["id"]: e["corroboration"] for e in r["events"]}


def eval_saudinewsnet(res: dict, use_encoder: bool):
    gold = json.load(open(GOLD, encoding="utf-8"))
    docs = load_day(gold["day"])
    keep = {d["id"] for s in gold["stories"] for d in s["docs"]} | {d["id"] for d in gold["singletons"]}
    present = {d["id"] for d in docs}
    missing = keep - present
    res["snn_docs_in_day"] = len(docs)
    res["snn_eval_docs"] = len(keep)
    res["snn_missing"] = len(missing)
    gold_story = cluster_pairs([[d["id"] for d in s["docs"]] for s in gold["stories"]])
    gold_copy = {tuple(sorted(p)) for p in gold["copies"]}

    t = time.perf_counter()
    cp = copy_pairs(docs)
    res["copy_seconds_full_day"] = round(time.perf_counter() - t, 2)
    pred_copy = {tuple(r["docs"]) for r in cp if r["docs"][0] in keep and r["docs"][1] in keep}
    res["copy_pairs_full_day"] = len(cp)
    res["copy"] = prf(pred_copy, gold_copy)
    res["copy_fp_examples"] = sorted(pred_copy - gold_copy)[:5]
    res["copy_fn_examples"] = sorted(gold_copy - pred_copy)[:5]

    for enc in ([False, True] if use_encoder else [False]):
        if enc and not encoder.available():
            continue
        t = time.perf_counter()
        clusters = story_clusters(docs, use_encoder=enc)
        dt = time.perf_counter() - t
        pred = cluster_pairs(clusters, keep)
        key = "story_encoder" if enc else "story_tfidf"
        res[key] = prf(pred, gold_story)
        res[key]["seconds_full_day"] = round(dt, 2)
        res[key]["fp_examples"] = sorted(pred - gold_story)[:5]
        res[key]["fn_examples"] = sorted(gold_story - pred)[:5]


def eval_snn_events(res: dict):
    if not os.path.exists(EVENTS):
        return
    fx = json.load(open(EVENTS, encoding="utf-8"))
    gold = json.load(open(GOLD, encoding="utf-8"))
    docs = {d["id"]: d for d in load_day(gold["day"])}
    ms = []
    for m in fx["mentions"]:
        text = docs[m["doc"]]["text"]
        s = text.find(m["quote"])
        assert s >= 0, m
        mm = {k: v for k, v in m.items() if k != "quote"}
        mm.update(start=s, end=s + len(m["quote"]))
        mm.setdefault("attribution", {"chain": [], "hedge": None})
        ms.append(mm)
    used = sorted({m["doc"] for m in ms})
    r = reconcile([docs[i] for i in used], ms, fx["entities"], use_encoder=False)
    pred = cluster_pairs([[x["mention"] for x in e["evidence"]] for e in r["events"]])
    res["snn_events"] = prf(pred, cluster_pairs(fx["gold_events"]))
    res["snn_events_conflicts"] = [{"kind": c["kind"], "field": c["field"], "summary_en": c["summary_en"]}
                                   for c in r["conflicts"]]
    res["snn_events_corroboration"] = {e["type"] + ":" + str(e["place"] or e["participants"][:1]): e["corroboration"]
                                       for e in r["events"]}


def eval_encoder_speed(res: dict):
    if not encoder.available():
        res["encoder"] = "not installed"
        return
    gold = json.load(open(GOLD, encoding="utf-8"))
    docs = load_day(gold["day"])[:300]
    texts = [" ".join((d["title"] + " . " + d["text"]).split()[:60]) for d in docs]
    encoder._CACHE.clear()
    t = time.perf_counter()
    encoder.encode(texts)
    dt = time.perf_counter() - t
    res["encoder"] = {"name": encoder.name(), "texts": len(texts), "seconds": round(dt, 2),
                      "texts_per_second": round(len(texts) / dt, 1)}


def eval_scale(res: dict, n: int = 20000):
    """Synthetic mentions: blocking keeps event clustering near-linear."""
    import random
    rnd = random.Random(0)
    ms = []
    for i in range(n):
        person = f"p{rnd.randrange(n // 5)}"
        day = rnd.randrange(60)
        ms.append({"id": f"s{i}", "doc": f"d{i // 3}", "class": "movement", "type": rnd.choice(["flight", "departure"]),
                   "start": 0, "end": 1, "participants": [{"entity": person, "role": "agent"}],
                   "destination": f"c{rnd.randrange(50)}",
                   "time": {"earliest": f"2024-01-01T00:00:00+03:00", "latest": None} if False else
                   {"earliest": f"2024-{1 + day // 30:02d}-{1 + day % 30:02d}T00:00:00+03:00",
                    "latest": f"2024-{1 + day // 30:02d}-{1 + day % 30:02d}T23:59:59+03:00"}})
    out = {}
    for k in (n // 4, n // 2, n):
        t = time.perf_counter()
        ev = cluster_mentions(ms[:k])
        out[str(k)] = {"seconds": round(time.perf_counter() - t, 2), "events": len(ev)}
    res["scale_cluster_mentions"] = out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-encoder", action="store_true")
    ap.add_argument("--json")
    a = ap.parse_args()
    if a.no_encoder:
        os.environ["RIWAYA_ENCODER"] = "0"
    res = {}
    eval_seeds(res)
    eval_snn_events(res)
    eval_scale(res)
    if os.path.isdir(DATA):
        eval_saudinewsnet(res, use_encoder=not a.no_encoder)
        if not a.no_encoder:
            eval_encoder_speed(res)
    txt = json.dumps(res, ensure_ascii=False, indent=1)
    print(txt)
    if a.json:
        open(a.json, "w", encoding="utf-8").write(txt)


if __name__ == "__main__":
    main()
