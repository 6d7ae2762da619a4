"""Grouped k-fold cross-validation of the English event's own time (own_time.py) over English train + dev, end
to end (ev15).

    PYTHONPATH=. .venv/bin/python benchmarks/events_corpus/cv_en_time.py [--cache /tmp/ans.pkl] [--no-parse]
        [--thresholds 0.3,0.4,0.5]

Each document is analysed once with the shipped weights (cached with --cache), then per fold the time model
(scripts/train_events.fit over train_events.time_sample) is fit on the other folds' matched events and applied by
learned.refine to the held-out documents; the figures are eval_corpus.evaluate's, pooled over the folds, for the
shipped analysis (base) and each threshold, with the time slot's F1 and the events' time right (the candidates'
own figure, train_events._time_f1). Folds by document, a PUD sentence grouped with its source article (as
cv_en_args.py). Never reads the test split.
"""
import argparse, sys, zlib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cv_en_args import analyses, evaluate, group, matched, refined_fold   # noqa: E402  (sets up the paths and train_events)
import train_events as te          # noqa: E402
import corpus, eval_corpus         # noqa: E402
from riwaya.events import learned, own_time  # noqa: E402
from riwaya.events.extract import load_lexicon  # noqa: E402

FIGURES = ("trigger", "arguments_overlap", "polarity_accuracy", "source_accuracy", "class_and_actor_right",
           "all_right")


def time_samples(recs, ans, lex) -> list[tuple[str, tuple]]:
    out = []
    for r in recs:
        text, an = corpus.text(r["doc"]), ans[r["doc"]]
        T = learned.Text(text)
        triggers = [(e.trigger_start, e.trigger_end) for e in an.events]
        ref = own_time.reference(an.times)
        for g, ev in matched(r, an, text):
            out.append((r["doc"], te.time_sample(T, ev, an.times, triggers, ref, lex, g, "en")))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", help="pickle of the analyses (written when missing)")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--no-parse", action="store_true", help="the Arabic features only (English cue words)")
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--thresholds", default="0.3,0.35,0.4,0.45,0.5,0.55",
                    help="thresholds, each optionally with the rules' keep bar: 0.4 or 0.4/0.15")
    ap.add_argument("--dev", action="store_true", help="fit on train, score dev (what train_events.py ships)")
    a = ap.parse_args()
    own_time.EN_PARSE = not a.no_parse
    ts = [tuple(float(y) for y in x.split("/")) for x in a.thresholds.split(",")]
    recs = [r for r in eval_corpus.load(None, "en") if r["split"] != "test"]
    ans, idmap = analyses(recs, a.cache)
    lex, shipped = load_lexicon(), learned.model()
    fold_of = lambda d: zlib.crc32(group(d).encode()) % a.k     # noqa: E731
    if a.dev:       # one "fold": dev, fit on train
        split = {r["doc"]: r["split"] for r in recs}
        fold_of = lambda d: 0 if split[d] == "dev" else 1    # noqa: E731
        a.k = 1
    samples = time_samples(recs, ans, lex)
    print(f"{len(samples)} matched events, {sum(1 for _, (rows, _) in samples if rows)} with a candidate, "
          f"{sum(1 for _, (_, g) in samples if g)} with a gold time", file=sys.stderr)
    out = {t: {} for t in ts}
    cand = {t: Counter() for t in ts}
    rules = te._time_f1(None, [s for d, s in samples if fold_of(d) < a.k], 0.0)
    for fold in range(a.k):
        m = te.fit([(f, lab) for d, (rows, _) in samples if fold_of(d) != fold for f, lab, _ in rows], a.C)
        held = [s for d, s in samples if fold_of(d) == fold]
        for t in ts:
            r = te._time_f1(m, held, t[0])
            cand[t].update({k: r[k] for k in ("tp", "fp", "fn")})
            M = {**shipped, "en": {**shipped["en"], "time": {**m, "threshold": t[0]}}}
            if len(t) > 1:
                M["en"]["time"]["keep"] = t[1]
            out[t].update(refined_fold(M, recs, ans, lambda d: fold_of(d) == fold))

    scored = [r for r in recs if not a.dev or r["split"] == "dev"]

    def score(table):
        res, line = evaluate(table, idmap, scored, FIGURES)
        tm = res["per_role_overlap"].get("time", {})
        return line + f" time_f1={tm.get('f1')} (tp {tm.get('tp')} fp {tm.get('fp')} fn {tm.get('fn')})"
    print("base", score(ans), f"| candidates: rules {rules}")
    for t, tab in out.items():
        print("/".join(map(str, t)), score(tab), f"| candidates: {te._f1(cand[t])} {dict(cand[t])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
