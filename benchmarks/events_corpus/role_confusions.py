"""Which roles riwaya gives the arguments it finds but places wrongly (issue #14, evrole18).

    python benchmarks/events_corpus/role_confusions.py [--split dev] [--lang ar] [--examples agent>patient]

Every gold argument of a matched event (the eval's trigger match) that no predicted argument of its own role
overlaps, but one of another role does (and that one is not right for another gold argument of its role),
counts as a confusion gold role -> predicted role; the table gives each with its count and the event types it
falls in. `--examples GOLD>PRED` lists those cases with their sentence. Reads the documents as
eval_corpus.py does (same analysis, same match)."""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import eval_corpus as E  # noqa: E402


def confusions(records: list[dict]):
    from riwaya.analyze import analyze
    conf, by_type, examples = Counter(), defaultdict(Counter), defaultdict(list)
    for r in records:
        text = corpus.text(r["doc"])
        gold, pred = r["events"], E.predicted(analyze(E.document(r["doc"])), text)
        for gi, pi in E.match(gold, pred, text):
            g, p = gold[gi], pred[pi]
            gargs = [a for a in g["args"] if a["role"] in E.ROLES]
            for ga in gargs:
                if any(pa["role"] == ga["role"] and E._ov(ga, pa) for pa in p["args"]):
                    continue
                pa = next((pa for pa in p["args"] if E._ov(ga, pa) and not any(
                    gb["role"] == pa["role"] and E._ov(gb, pa) for gb in gargs)), None)
                if pa is None:
                    continue
                k = (ga["role"], pa["role"])
                conf[k] += 1
                by_type[k][g["type"]] += 1
                s0 = max(0, min(g["trigger"]["start"], ga["start"]) - 30)
                examples[k].append(f"{r['doc']} {g['type']} «{g['trigger']['text']}» gold «{ga['text']}» pred "
                                   f"«{pa['text']}» :: {text[s0:max(g['trigger']['end'], ga['end']) + 30]}".replace("\n", " "))
    return conf, by_type, examples


SUBJECT_OBJECT = ("agent", "patient")
TO_AGENT = ("companion", "origin", "destination", "decider", "means")


def span_classes(records: list[dict], analysis_of) -> Counter:
    """role22's count of the confusions between who acts and who or what undergoes (a gold agent given
    patient, a gold patient given agent, a gold companion, origin, destination, decider or means given agent),
    and of those the ones where the predicted argument (the first of that role overlapping the gold one) also
    overlaps another gold argument of the event: one span over the subject and the object ("two"). Unlike
    `confusions`, the analyses come from `analysis_of(doc_id)` (out of fold: cv_ar_args.py --confusions,
    role23)."""
    out = Counter()
    for r in records:
        text = corpus.text(r["doc"])
        gold, pred = r["events"], E.predicted(analysis_of(r["doc"]), text)
        for gi, pi in E.match(gold, pred, text):
            gargs = [a for a in gold[gi]["args"] if a["role"] in E.ROLES]
            pargs = pred[pi]["args"]
            for ga in gargs:
                roles = [pa["role"] for pa in pargs if E._ov(ga, pa)]
                if not roles or ga["role"] in roles:
                    continue
                pr = roles[0]
                if not ({ga["role"], pr} == set(SUBJECT_OBJECT) or (ga["role"] in TO_AGENT and pr == "agent")):
                    continue
                out["confusions"] += 1
                pa = next(pa for pa in pargs if pa["role"] == pr and E._ov(ga, pa))
                if any(gb is not ga and E._ov(gb, pa) for gb in gargs):
                    out["two"] += 1
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--lang", default="ar", choices=["ar", "en"])
    ap.add_argument("--examples", default=None, help="GOLD>PRED: list those confusions")
    a = ap.parse_args(argv)
    conf, by_type, examples = confusions(E.load(None if a.split == "all" else a.split, a.lang))
    print("| gold -> predicted | n | types |\n|---|---:|---|")
    for k, v in conf.most_common():
        print(f"| {k[0]} -> {k[1]} | {v} | {', '.join(f'{t} {n}' for t, n in by_type[k].most_common(5))} |")
    if a.examples:
        for line in examples[tuple(a.examples.split(">"))]:
            print(" ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
