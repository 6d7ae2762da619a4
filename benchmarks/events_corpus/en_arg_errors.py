"""English argument errors of the grouped CV, out of fold, classed by kind (enpron28, issue #14).

    PYTHONPATH=. .venv/bin/python benchmarks/events_corpus/en_arg_errors.py --cache /tmp/x.pkl [--split train]
        [--examples 3] [--list FILE] [--cls "extra: time"]

Uses ``cv_en_triggers.py``'s analyses (the same ``--cache``) and folds (the learned forms re-learned and the
detector refitted on the other folds, the veto 0.1): the events each document keeps out of fold. For every gold
event of the split matched with the right class, each argument that breaks "all right" (eval_corpus's overlap of
role and span) is put in one class:

- ``swap: G -> P``: a gold argument of role G that a predicted argument of role P overlaps (P != G);
- ``wrong: G (shape)``: a gold argument of role G that no predicted argument overlaps, and a predicted argument of
  that role that overlaps no gold argument (another filler: a pronoun, a time expression, a name, a common noun
  phrase);
- ``miss: G``: a gold argument of role G that no predicted argument overlaps (and no other filler of its role);
- ``extra: P``: a predicted argument of role P that overlaps no gold argument (the filler's shape named: a
  pronoun, a time expression, a name, a common noun phrase);
and the event's own time, whose gold span is scored like an argument, is the role ``time``. Counted per class, in
all and per kind of document; ``--list`` writes every classed error with its sentence (for reading train only).
Never reads the test split; read dev only as the counts it prints (the method rule: judge on dev aggregates).
"""
from __future__ import annotations

import argparse, dataclasses, math, sys, zlib
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cv_en_triggers as cv  # noqa: E402
from cv_en_triggers import corpus, eval_corpus, learned, load_lexicon  # noqa: E402

PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "me", "us", "him", "her", "them", "his", "its", "their",
            "our", "my", "your", "who", "which", "that", "this", "these", "those"}


def shape(x: dict) -> str:
    t = x["text"].strip()
    if t.lower() in PRONOUNS:
        return "pronoun"
    if x["role"] == "time":
        return "time"
    if t[:1].isupper() and not t.lower().startswith(("the ", "a ", "an ")):
        return "name"
    return "noun phrase"


def kept_events(recs: list[dict], ans: dict, extra_all, k: int = 5, veto: float = 0.1) -> dict:
    """doc -> its analysis with the events the document's fold keeps (as cv_en_triggers.main)."""
    curated = set(load_lexicon()["en"]) - set(extra_all)
    from riwaya.events.english import resources
    curated |= {f for x in resources()["senses"] for lem in x["lemmas"] for f in
                (lem, lem + "s", lem + "d", lem + "ed", lem + "ing", lem[:-1] + "ing")}
    fold_of = lambda d: zlib.crc32(cv.group(d).encode()) % k     # noqa: E731
    rows = {r["doc"]: cv.samples(r, *ans[r["doc"]]) for r in recs}
    out = {}
    for fold in range(k):
        tr = [r for r in recs if fold_of(r["doc"]) != fold]
        forms, bias, w = cv.fold_detector(tr, rows)
        for r in recs:
            if fold_of(r["doc"]) != fold:
                continue
            an, rec = ans[r["doc"]]
            score = {s: 1 / (1 + math.exp(-(bias + sum(w.get(x, 0.0) for x in f)))) for s, _, f, known in rec if known}
            evs = [e for e in an.events
                   if not (learned.lang_of(e) == "en" and e.trigger.lower() in extra_all
                           and e.trigger.lower() not in forms and e.trigger.lower() not in curated)
                   and score.get(e.trigger_start, 1.0) >= veto]
            out[r["doc"]] = dataclasses.replace(an, events=evs)
    return out


def classify(g: dict, p: dict) -> list[tuple[str, dict | None, dict | None]]:
    """(class, gold argument, predicted argument) for each argument of a matched event that breaks it."""
    gargs = [x for x in g["args"] if x["role"] in eval_corpus.ROLES]
    used, out, missing = set(), [], []
    for x in gargs:
        hit = next((j for j, y in enumerate(p["args"]) if j not in used and y["role"] == x["role"]
                    and eval_corpus._ov(x, y)), None)
        if hit is None:
            missing.append(x)
        else:
            used.add(hit)
    extra = [j for j in range(len(p["args"])) if j not in used]
    for x in missing:
        j = next((j for j in extra if eval_corpus._ov(x, p["args"][j])), None)
        if j is not None:
            extra.remove(j)
            out.append((f"swap: {x['role']} -> {p['args'][j]['role']}", x, p["args"][j]))
            continue
        j = next((j for j in extra if p["args"][j]["role"] == x["role"]), None)
        if j is not None:
            extra.remove(j)
            out.append((f"wrong: {x['role']} ({shape(p['args'][j])})", x, p["args"][j]))
        else:
            out.append((f"miss: {x['role']}", x, None))
    for j in extra:
        y = p["args"][j]
        out.append((f"extra: {y['role']} ({shape(y)})", None, y))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", required=True, help="cv_en_triggers.py's pickle of the analyses")
    ap.add_argument("--split", default="train", choices=("train", "dev"))
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--list", help="write every classed error here (one a line; train only)")
    ap.add_argument("--cls", nargs="*", default=None, help="print examples of these classes only")
    a = ap.parse_args()
    recs = [r for r in eval_corpus.load(None, "en") if r["split"] != "test"]
    ans, _idmap, extra_all = cv.analyses(recs, a.cache)
    table = kept_events(recs, ans, extra_all)
    counts, by_kind, ex, lines = Counter(), defaultdict(Counter), defaultdict(list), []
    events = broken = 0
    for r in recs:
        if r["split"] != a.split:
            continue
        text = corpus.text(r["doc"])
        pred = eval_corpus.predicted(table[r["doc"]], text)
        for gi, pi in eval_corpus.match(r["events"], pred, text):
            g, p = r["events"][gi], pred[pi]
            if g["class"] != p["class"]:
                continue
            events += 1
            errs = classify(g, p)
            broken += bool(errs)
            k = cv.kind(r["doc"])
            for c, x, y in errs:
                counts[c] += 1
                by_kind[c][k] += 1
                if a.split == "train":
                    t = g["trigger"]
                    s0 = max(text.rfind(ch, 0, t["start"]) for ch in ".!?\n") + 1
                    s1 = min([i for i in (text.find(ch, t["end"]) for ch in ".!?\n") if i >= 0] or [len(text)])
                    sent = (text[s0:t["start"]] + "[[" + t["text"] + "]]" + text[t["end"]:s1 + 1]).strip()
                    line = (f"{c}\t{k}\t{r['doc']}\t{g['type']}\tgold {x['text'] if x else '-'} | pred "
                            f"{y['text'] if y else '-'}\t{sent.replace(chr(10), ' ')[:300]}")
                    lines.append(line)
                    ex[c].append(line)
    print(f"{a.split}: {events} matched events of the right class, {broken} with an argument error, "
          f"{sum(counts.values())} errors")
    kinds = ("interview", "news", "pud")
    print(f"{'class':40s} {'all':>5s} " + " ".join(f"{k:>9s}" for k in kinds))
    for c, n in counts.most_common():
        print(f"{c:40s} {n:5d} " + " ".join(f"{by_kind[c][k]:9d}" for k in kinds))
        if a.split == "train" and (a.cls is None or c in a.cls):
            for x in ex[c][:a.examples]:
                print("      " + x)
    if a.list and a.split == "train":
        Path(a.list).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
