"""Which time-model features the annotators read alike: per annotator, how many of the candidates a feature value
marks are the event's time, against what the shipped features' model gives them out of fold (time27, issue #14).

    python benchmarks/events_corpus/time_calibration.py --cache DIR [--dev-cache DIR2] [--prefix t27_ side= ...]

The run-time time rows of train (time_oof.run/labelled: the analysis before refine cached, the candidates and
features as refine sees them, labelled by the matched gold mention's time) are scored by the dated time model
refit on the other folds (cv_ar_args.py's folds, C 0.5) with the shipped features only; the extra features
(own_time.competition_features with TIME27's groups all on, own_time.left_features with TIME26 on) are only
counted. For each value of a feature with one of the prefixes: per annotator, the candidates it marks, how many
are the gold time and the sum of the model's probabilities. A gap of one sign across the annotators is what the
model does not see; a gap whose sign changes with the annotator is a convention a feature would learn from train
and lose on another annotator's split. With --dev-cache, dev's rows are scored by the model fit on all of train
and counted as one more annotator ("dev"; aggregates only, the method rule).
"""
from __future__ import annotations

import argparse
import sys
import zlib
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_corpus as ev  # noqa: E402
import time_oof  # noqa: E402

EXTRA = ("t27_", "left=", "left_nom=")


def rows(split: str, cache: Path) -> list[tuple[str, list]]:
    recs = ev.load(split, "ar")
    cache.mkdir(parents=True, exist_ok=True)
    preds, rs = time_oof.run(recs, cache)
    return time_oof.labelled(recs, preds, rs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", required=True)
    ap.add_argument("--dev-cache", default=None)
    ap.add_argument("--prefix", nargs="*", default=["t27_", "left=", "side="])
    ap.add_argument("--k", type=int, default=4)
    ap.add_argument("--min", type=int, default=40, help="report a value marking at least this many candidates")
    a = ap.parse_args(argv)
    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here.parents[1] / "scripts"))
    import riwaya.events.learned as L
    from riwaya.events import own_time
    W = L.model()
    import train_events as te
    L.model = lambda: W
    own_time.TIME27, own_time.TIME26 = ("rank", "verbs"), True
    try:
        train = rows("train", Path(a.cache))
        dev = rows("dev", Path(a.dev_cache)) if a.dev_cache else []
    finally:
        own_time.TIME27, own_time.TIME26 = (), False
    ann = {r["doc"]: r.get("annotator") or "?" for r in ev.load("train", "ar")}
    base = lambda f: [x for x in f if not x.startswith(EXTRA)]       # noqa: E731
    fold = lambda d: zlib.crc32(d.encode()) % a.k                    # noqa: E731
    ms = {f: te.fit([(base(x), y) for d, xs in train if fold(d) != f for x, y in xs], 0.5) for f in range(a.k)}
    full = te.fit([(base(x), y) for d, xs in train for x, y in xs], 0.5) if dev else None
    st = defaultdict(lambda: [0, 0, 0.0])
    for src, who in ((train, None), (dev, "dev")):
        for d, xs in src:
            m = full if who else ms[fold(d)]
            for x, y in xs:
                p = L.scores(m, base(x))["1"]
                for f in x:
                    if f.startswith(tuple(a.prefix)):
                        s = st[(f, who or ann.get(d, "?"))]
                        s[0] += 1
                        s[1] += y == "1"
                        s[2] += p
    total = defaultdict(int)
    for (f, _), s in st.items():
        total[f] += s[0]
    for f in sorted(k for k, n in total.items() if n >= a.min):
        line = {who: {"n": s[0], "gold": s[1], "sum_p": round(s[2], 1), "gap": round(s[1] - s[2], 1)}
                for (g, who), s in sorted(st.items()) if g == f}
        print(f"{f:40s} " + "  ".join(f"{who} {v['gold']}/{v['n']} {v['gap']:+.1f}" for who, v in line.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
