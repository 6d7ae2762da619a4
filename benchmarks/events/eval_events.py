"""Evaluate riwaya.events.extract against hand-annotated gold (benchmarks/data/events/gold.yaml).

Reports detection precision/recall (trigger overlap), per-class P/R, type accuracy,
argument accuracy on the annotated core roles, negation accuracy, speed
(articles/sec/core on SaudiNewsNet articles, if present) and events per seed.

    python benchmarks/events/eval_events.py [--no-speed] [--seeds DIR]
"""
from __future__ import annotations

import argparse
import glob
import json
import re
import time
import zipfile
from collections import Counter
from pathlib import Path

import yaml

from riwaya.events import extract
from riwaya.models import Paragraph

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "benchmarks" / "data" / "events" / "gold.yaml"
SNN = Path("/work/shared/data/saudinewsnet/dataset")
SEEDS = Path("/work/shared/seeds")


def _lang(text):
    """The item's language by script: English gold items are scored with the English pipeline."""
    return "en" if len(re.findall("[A-Za-z]", text)) > len(re.findall("[\u0600-\u06ff]", text)) else "ar"


def _mentions(text, lang="ar"):
    ms = []
    try:
        from riwaya.kb import load_kb
        ms = load_kb().match(text, lang)
    except Exception:  # KB not available
        ms = []
    try:
        from riwaya.ner import recognize
        ms = recognize(text, lang, ms)
    except Exception:
        pass
    return ms


def _times(text, lang="ar", anchor="2015-07-21"):
    try:
        from riwaya.timex import tag_times
        return tag_times(text, lang, anchor)
    except Exception:
        return []


def _paras(text):
    out = []
    for m in re.finditer(r"[^\n]+", text):
        lat = len(re.findall("[A-Za-z]", m.group()))
        ar = len(re.findall("[\u0600-\u06ff]", m.group()))
        out.append(Paragraph(m.start(), m.end(), "en" if lat > ar else "ar"))
    return out


def _find_word(text, w, nth=0):
    k = -1
    for _ in range(nth + 1):
        while True:
            k = text.find(w, k + 1)
            if k < 0:
                return None
            if k == 0 or not text[k - 1].isalpha():
                break
    return k, k + len(w)


def _overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


def evaluate(gold):
    tp = fp = fn = 0
    cls_tp, cls_fp, cls_fn = Counter(), Counter(), Counter()
    type_ok = type_n = arg_ok = arg_n = neg_ok = neg_n = 0
    misses, false_pos, arg_miss = [], [], []
    arg_pred = arg_wrong = src_ok = src_n = 0
    src_miss = []
    for it in gold:
        text = it["text"]
        lang = it.get("lang") or _lang(text)
        evs, _ = extract(text, _mentions(text, lang), _times(text, lang), _paras(text), lang=lang)
        used = set()
        for g in it["events"]:
            gs = _find_word(text, g["trigger"], g.get("nth", 0))
            match = next((k for k, e in enumerate(evs) if k not in used and
                          _overlap((e.trigger_start, e.trigger_end), gs)), None)
            if match is None:
                fn += 1
                cls_fn[g["cls"]] += 1
                misses.append((it["id"], g["type"], g["trigger"]))
                continue
            used.add(match)
            e = evs[match]
            tp += 1
            if e.cls == g["cls"]:
                cls_tp[g["cls"]] += 1
            else:
                cls_fn[g["cls"]] += 1
                cls_fp[e.cls] += 1
            type_n += 1
            type_ok += e.type == g["type"]
            neg_n += 1
            neg_ok += bool(e.negated) == bool(g.get("negated", False))
            if g.get("source"):
                # the event's attribution chain names the gold source (a link overlapping its span)
                src_n += 1
                ss_ = _find_word(text, g["source"]) or (0, 0)
                ok = any(l.get("start") is not None and _overlap((l["start"], l["end"]), ss_)
                         for l in e.attribution.chain)
                src_ok += ok
                if not ok:
                    src_miss.append((it["id"], g["trigger"], g["source"], [l["name"] for l in e.attribution.chain]))
            for role, val in (g.get("args") or {}).items():
                arg_n += 1
                # a list gives coreferent alternatives ("he" / the name): any of them counts
                alts = [(_find_word(text, v) or (0, 0)) for v in (val if isinstance(val, list) else [val])]
                ok = any(a.role == role and _overlap((a.start, a.end), vs) for a in e.arguments for vs in alts)
                arg_ok += ok
                if not ok:
                    arg_miss.append((it["id"], g["trigger"], role, val,
                                     [a.text for a in e.arguments if a.role == role]))
                # a predicted value for an annotated role that is not the gold one is a wrong argument
                arg_pred += sum(1 for a in e.arguments if a.role == role)
                arg_wrong += sum(1 for a in e.arguments if a.role == role
                                 and not any(_overlap((a.start, a.end), vs) for vs in alts))
        for k, e in enumerate(evs):
            if k not in used:
                fp += 1
                cls_fp[e.cls] += 1
                false_pos.append((it["id"], e.type, e.trigger))
    res = {
        "gold_events": tp + fn, "predicted": tp + fp,
        "precision": round(tp / max(1, tp + fp), 3), "recall": round(tp / max(1, tp + fn), 3),
        "per_class": {c: {"precision": round(cls_tp[c] / max(1, cls_tp[c] + cls_fp[c]), 3),
                          "recall": round(cls_tp[c] / max(1, cls_tp[c] + cls_fn[c]), 3),
                          "gold": cls_tp[c] + cls_fn[c]}
                      for c in sorted(set(cls_tp) | set(cls_fn) | set(cls_fp))},
        "type_accuracy": round(type_ok / max(1, type_n), 3),
        "argument_accuracy": round(arg_ok / max(1, arg_n), 3), "arguments": arg_n,
        "argument_precision": round(1 - arg_wrong / max(1, arg_pred), 3),
        "negation_accuracy": round(neg_ok / max(1, neg_n), 3),
    }
    if src_n:
        res["source_accuracy"] = round(src_ok / src_n, 3)
        res["sources"] = src_n
    res["_src_misses"] = src_miss
    res["_arg_misses"] = arg_miss
    return res, misses, false_pos


def speed(n=300):
    files = sorted(SNN.glob("*.zip"))
    if not files:
        return None
    with zipfile.ZipFile(files[0]) as z:
        arts = json.loads(z.read(z.namelist()[0]))[:n]
    prepared = []
    for a in arts:
        t = a["content"]
        prepared.append((t, _mentions(t), _times(t), _paras(t)))
    t0 = time.perf_counter()
    nev = 0
    for t, ms, ts, ps in prepared:
        nev += len(extract(t, ms, ts, ps, outlet=a.get("source"))[0])
    dt = time.perf_counter() - t0
    return {"articles": len(prepared), "seconds": round(dt, 2), "articles_per_sec_core": round(len(prepared) / dt, 1),
            "events": nev}


def seeds(d=SEEDS):
    out = {}
    for f in sorted(glob.glob(str(d / "*.txt"))):
        t = Path(f).read_text(encoding="utf-8")
        evs, recs = extract(t, _mentions(t), _times(t, anchor="2024-12-09"), _paras(t))
        out[Path(f).name] = {"events": len(evs), "attributions": len(recs),
                             "by_class": dict(Counter(e.cls for e in evs))}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--no-seeds", action="store_true")
    ap.add_argument("--gold", default=str(GOLD), help="gold YAML (gold.yaml = dev, gold_heldout.yaml = held-out)")
    args = ap.parse_args()
    gold = yaml.safe_load(Path(args.gold).read_text(encoding="utf-8"))
    res, misses, fps = evaluate(gold)
    arg_miss = res.pop("_arg_misses")
    src_miss = res.pop("_src_misses")
    print(json.dumps(res, ensure_ascii=False, indent=1))
    if args.verbose:
        print("ARGUMENT MISSES (id, trigger, role, gold, predicted):", *arg_miss, sep="\n  ")
        if src_miss:
            print("SOURCE MISSES (id, trigger, gold, predicted chain):", *src_miss, sep="\n  ")
        print("MISSES:", *misses, sep="\n  ")
        print("FALSE POSITIVES:", *fps, sep="\n  ")
    if not args.no_speed:
        print("speed:", json.dumps(speed(), ensure_ascii=False))
    if SEEDS.exists() and not args.no_seeds:
        for k, v in seeds().items():
            print("seed", k, json.dumps(v, ensure_ascii=False))


if __name__ == "__main__":
    main()
