"""Why annotated mentions are not "all right" or not "class + main actor right": failure classes with counts.

    python benchmarks/events_corpus/errors.py [--split dev] [--lang ar] [--examples 3] [--json OUT]

Same matching as eval_corpus.py (trigger overlap or light verb, one-to-one). Each gold mention that fails
gets every cause that applies (a mention can have several); `only` counts the mentions for which that cause
is the sole one, i.e. what fixing it alone would win.

class + main actor (the first agent or patient of the gold mention):
  missed trigger, wrong class, actor missing (no argument of that role), actor in another role (a predicted
  argument overlaps it with another role), actor wrong span (that role, elsewhere).
all right, per argument: missing <role>, extra <role>, wrong span <role> (same role, no overlap: one missing
  and one extra together), wrong role <gold>-><pred> (overlap, other role); then polarity <gold>-><pred>,
  source (gold none / riwaya none / other span).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import eval_corpus as ev  # noqa: E402


def arg_causes(gargs: list[dict], pargs: list[dict]) -> list[str]:
    out = []
    used_g, used_p = set(), set()
    for i, g in enumerate(gargs):                       # right: same role, overlapping
        j = next((j for j, p in enumerate(pargs) if j not in used_p and p["role"] == g["role"] and ev._ov(g, p)), None)
        if j is not None:
            used_g.add(i)
            used_p.add(j)
    for i, g in enumerate(gargs):                       # wrong role: overlapping, another role
        if i in used_g:
            continue
        j = next((j for j, p in enumerate(pargs) if j not in used_p and ev._ov(g, p)), None)
        if j is not None:
            used_g.add(i)
            used_p.add(j)
            out.append(f"wrong role {g['role']}->{pargs[j]['role']}")
    for i, g in enumerate(gargs):                       # wrong span: that role elsewhere
        if i in used_g:
            continue
        j = next((j for j, p in enumerate(pargs) if j not in used_p and p["role"] == g["role"]), None)
        if j is not None:
            used_g.add(i)
            used_p.add(j)
            out.append(f"wrong span {g['role']}")
        else:
            out.append(f"missing {g['role']}")
    out += [f"extra {p['role']}" for j, p in enumerate(pargs) if j not in used_p]
    return out


def source_cause(g: dict, p: dict) -> str:
    if not (g.get("source") or []):
        return "source: riwaya credits one, gold none"
    if not [l for l in p["links"] if l.get("start") is not None]:
        return "source: riwaya none, gold one"
    return "source: another span"


def analyse(records: list[dict]) -> dict:
    from riwaya.analyze import analyze
    ca, ar = Counter(), Counter()
    ca_only, ar_only = Counter(), Counter()
    examples = defaultdict(list)
    n = 0
    for r in records:
        text = corpus.text(r["doc"])
        gold, pred = r["events"], ev.predicted(analyze(ev.document(r["doc"])), text)
        pairs = dict(ev.match(gold, pred, text))
        for gi, g in enumerate(gold):
            n += 1
            gargs = [a for a in g["args"] if a["role"] in ev.ROLES]
            pi = pairs.get(gi)
            if pi is None:
                for c in (ca, ca_only, ar, ar_only):
                    c["missed trigger"] += 1
                examples["missed trigger"].append(f"{r['doc']} {g['type']} {g['trigger']['text']}")
                continue
            p = pred[pi]
            cause_ca = []
            if p["class"] != g["class"]:
                cause_ca.append("wrong class")
            actor = next((a for a in gargs if a["role"] in ("agent", "patient")), None)
            if actor is not None and not any(a["role"] == actor["role"] and ev._ov(actor, a) for a in p["args"]):
                other = next((a for a in p["args"] if ev._ov(actor, a)), None)
                if other is not None:
                    cause_ca.append(f"actor in another role {actor['role']}->{other['role']}")
                elif any(a["role"] == actor["role"] for a in p["args"]):
                    cause_ca.append(f"actor wrong span {actor['role']}")
                else:
                    cause_ca.append(f"actor missing {actor['role']}")
            causes = list(cause_ca) + arg_causes(gargs, p["args"])
            if g["polarity"] != p["polarity"]:
                causes.append(f"polarity {g['polarity']}->{p['polarity']}")
            if not ev.source_right(g, p):
                causes.append(source_cause(g, p))
            line = (f"{r['doc']} {g['type']}/{p['type']} {g['trigger']['text']}: gold "
                    f"{[(a['role'], a['text']) for a in gargs]} pred {[(a['role'], a['text']) for a in p['args']]}"
                    f" pol {g['polarity']}/{p['polarity']} src {[s['text'] for s in g.get('source') or []]}/"
                    f"{[l.get('name') for l in p['links']]}")
            for c in set(cause_ca):
                ca[c] += 1
            if len(cause_ca) == 1:
                ca_only[cause_ca[0]] += 1
            for c in set(causes):
                ar[c] += 1
                examples[c].append(line)
            if len(set(causes)) == 1:
                ar_only[causes[0]] += 1
    return {"mentions": n, "class_actor": {k: [v, ca_only[k]] for k, v in ca.most_common()},
            "all_right": {k: [v, ar_only[k]] for k, v in ar.most_common()}, "examples": examples}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--lang", default="ar", choices=["ar", "en"])
    ap.add_argument("--examples", type=int, default=0, help="print this many examples of each cause")
    ap.add_argument("--json", default=None)
    a = ap.parse_args(argv)
    res = analyse(ev.load(a.split, a.lang))
    print(f"{res['mentions']} gold mentions ({a.lang}, {a.split}); cause: mentions with it / with it alone")
    for title, key in (("class + main actor", "class_actor"), ("all right", "all_right")):
        print(f"\n{title}:")
        for k, (v, only) in res[key].items():
            print(f"  {v:4d} {only:4d}  {k}")
            for line in res["examples"][k][:a.examples]:
                print(f"           {line}")
    if a.json:
        Path(a.json).write_text(json.dumps({k: v for k, v in res.items() if k != "examples"}, indent=1,
                                           ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
