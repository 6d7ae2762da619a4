#!/usr/bin/env python
"""The gold same-happening pairs the merge misses, classed by what differs between the two mentions (issue #15,
merge23): kinds that name one happening in other words, actors named differently, times or places told at
different precision, pairs never made candidates. Compared pairs of other happenings in the same score band are
classed alike, so that a class's share of one happening can be read.

    python scripts/missed_causes.py --split train --cache DIR [--examples 3]

Reads the cache of ``scripts/train_pairs.py collect`` and replays the clustering (``missed_pairs.replay``).
Each pair gets the first class that applies:
- ``blocked: two stories``: never compared, story clustering cut the story;
- ``blocked: kinds`` / ``blocked: other``: never compared in one story (blocking by class, polarity kind and type
  group; the kinds' pairs are listed);
- ``hard check``: compared, refused by ``_pair_ok``;
- scored under the threshold: ``kind in other words`` (two types), ``actors named differently`` (both name main
  actors, none shared), ``actor on one side``, ``times at different precision`` (both timed, overlapping, of
  different widths), ``time on one side``, ``places at different precision`` (both name places, none shared),
  ``nothing told on either side`` (no main actor, time or place on both), ``other``;
- ``linkage``: scored enough, kept apart when its turn came.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import missed_pairs  # noqa: E402
import train_pairs  # noqa: E402
from riwaya.reconcile import core, timeiv  # noqa: E402


def below_cause(a, b, fa, fb) -> str:
    if a.get("type") != b.get("type"):
        return "kind in other words"
    if fa["actors"] and fb["actors"] and not (fa["actors"] & fb["actors"]):
        return "actors named differently"
    if bool(fa["actors"]) != bool(fb["actors"]):
        return "actor on one side"
    ia, ib = fa["interval"], fb["interval"]
    if ia and ib and timeiv.overlaps(ia, ib) and abs(timeiv.width(ia) - timeiv.width(ib)) > 1:
        return "times at different precision"
    if bool(ia) != bool(ib):
        return "time on one side"
    if fa["places"] and fb["places"] and not (fa["places"] & fb["places"]):
        return "places at different precision"
    if not (fa["actors"] or fb["actors"] or ia or ib or fa["places"] or fb["places"]):
        return "nothing told on either side"
    return "other"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", action="append")
    ap.add_argument("--cache", type=Path, default=train_pairs.CACHE)
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--band", default="-3,0.75", help="the score band of compared pairs classed (lo,hi)")
    a = ap.parse_args()
    lo, hi = (float(x) for x in a.band.split(","))
    missed, other, kinds = Counter(), Counter(), Counter()
    ex = defaultdict(list)
    for story in train_pairs.load_cache(a.split or ["train"], a.cache):
        prep = train_pairs.prepare(story)
        gold_of = prep["gold_of"]
        for call in prep["calls"]:
            ms = sorted(call["canon"], key=core._mention_order)
            feats = [core._features(m, call["story_of"]) for m in ms]
            owner, ok_of, feat_of, refused, pairs = missed_pairs.replay(ms, feats, call["same_place"],
                                                                        call["story_of"])
            so = call["story_of"] or {}
            idx = [k for k, m in enumerate(ms) if m["id"] in gold_of]
            for x in range(len(idx)):
                for y in range(x + 1, len(idx)):
                    i, j = idx[x], idx[y]
                    same = gold_of[ms[i]["id"]][1] == gold_of[ms[j]["id"]][1]
                    if owner[i] == owner[j]:
                        continue
                    if (i, j) not in ok_of:
                        if not same:
                            continue
                        kk = (core._cls(ms[i]), feats[i]["group"]) != (core._cls(ms[j]), feats[j]["group"])
                        cause = "blocked: kinds" if kk else "blocked: other"
                        if so.get(ms[i].get("doc")) != so.get(ms[j].get("doc")):
                            cause = "blocked: two stories"
                        elif kk:
                            kinds[" ~ ".join(sorted(f"{core._cls(m)}/{m.get('type')}" for m in (ms[i], ms[j])))] += 1
                    elif not ok_of[(i, j)]:
                        if not same:
                            continue
                        cause = "hard check"
                    elif (i, j) not in pairs:
                        sc = feat_of[(i, j)][0]
                        if not lo <= sc < hi:
                            if same:
                                missed["below threshold, under the band"] += 1
                            continue
                        cause = "below: " + below_cause(ms[i], ms[j], feats[i], feats[j])
                        if not same:
                            other[cause] += 1
                            continue
                    else:
                        if not same:
                            continue
                        cause = "linkage"
                    missed[cause] += 1
                    if len(ex[cause]) < a.examples:
                        ex[cause].append(f"{story['story']}: {missed_pairs._label(ms[i], feats[i])} || "
                                         f"{missed_pairs._label(ms[j], feats[j])}")
    print(f"missed gold pairs {sum(missed.values())}; compared pairs of two happenings in the band {lo}..{hi}: "
          f"{sum(other.values())}")
    print(f"  {'class':40s} {'missed':>7s} {'other':>7s} {'share one':>9s}")
    for c, n in missed.most_common():
        o = other.get(c, 0)
        share = f"{n / (n + o):.2f}" if c.startswith("below") else ""
        print(f"  {c:40s} {n:7d} {o:7d} {share:>9s}")
        for e in ex[c]:
            print(f"      e.g. {e}")
    print("blocked by kinds: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common(20)))


if __name__ == "__main__":
    main()
