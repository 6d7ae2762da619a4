#!/usr/bin/env python
"""Which hard checks refuse pairs that are one happening, and would a tolerance of one disagreeing slot help (issue
#15, conf24)?

    python scripts/refused_pairs.py --split train --cache DIR [--examples 3]

Reads the cache of ``scripts/train_pairs.py collect``. Every candidate pair of two documents' mentions that
blocking compares and the hard check (``core._pair_ok``) refuses, with kinds that may be one happening (class,
polarity kind, type group) but the main actors, the key places or the times apart, is classed by the checks it
fails (``actor: resolved/resolved``, ``actor: raw/raw``, ``actor: raw/resolved``, ``key place``, ``time``,
``places``), whether the two share a resolved main actor, have one type, and lie in one story, and counted as one
happening, two happenings, or not both matched to gold mentions. The gold conflicts' side pairs refused by a hard
check are listed with their failing checks. ``--examples`` prints pairs of one happening per class (train only:
never read dev or test examples).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_pairs  # noqa: E402
from riwaya.reconcile import core, timeiv  # noqa: E402


def failed_checks(a, b, fa, fb, same_place) -> list[str]:
    """Every hard check of ``core._pair_ok`` past the kinds that the pair fails (not only the first)."""
    cfg = core.config()["events"]
    soft = fa["soft"] | fb["soft"]
    out = []
    if core._keys_clash(fa["alts"], frozenset(), fb["alts"], frozenset(), same_place, soft, fa["party"], fb["party"]):
        ra, rb = core._resolved(fa["alts"]) - soft, core._resolved(fb["alts"]) - soft
        out.append("actor: " + ("resolved/resolved" if ra and rb else "raw/raw" if not (ra or rb) else "raw/resolved"))
    if core._keys_clash(frozenset(), fa["kplaces"], frozenset(), fb["kplaces"], same_place):
        out.append("key place")
    if (not fa["keys"] or not fb["keys"]) and fa["places"] and fb["places"] and not (fa["places"] & fb["places"]) \
            and not any(same_place(x, y) for x in fa["places"] for y in fb["places"]):
        out.append("places")
    if fa["interval"] and fb["interval"] and timeiv.gap(fa["interval"], fb["interval"]) > core.gap_limit(
            cfg, fa["once"] and fb["once"]):
        out.append("time")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", action="append")
    ap.add_argument("--cache", type=Path, default=train_pairs.CACHE)
    ap.add_argument("--examples", type=int, default=0)
    a = ap.parse_args()
    splits = a.split or ["train"]
    if a.examples and set(splits) - {"train"}:
        raise SystemExit("examples are read on train only")
    cfg = core.config()["events"]
    count, ex, sides = Counter(), defaultdict(list), []
    for story in train_pairs.load_cache(splits, a.cache):
        prep = train_pairs.prepare(story)
        gold_of = prep["gold_of"]
        for call in prep["calls"]:
            ms = sorted(call["canon"], key=core._mention_order)
            feats = [core._features(m, call["story_of"]) for m in ms]
            same_place = call["same_place"] or core._eq_place
            story_of = call["story_of"] or {}
            for i, j, ok in core.candidate_pairs(ms, feats, core.mention_blocks(ms, feats), cfg, call["same_place"]):
                x, y, fx, fy = ms[i], ms[j], feats[i], feats[j]
                if ok or x.get("doc") == y.get("doc"):
                    continue
                if not core._kind_ok(core._cls(x), fx["group"], fx["generic"], core._cls(y), fy["group"],
                                     fy["generic"]) or core._distinct_types(x.get("type"), y.get("type")):
                    continue
                fails = failed_checks(x, y, fx, fy, same_place)
                soft = fx["soft"] | fy["soft"]
                cls = (" + ".join(fails) or "?",
                       "main actor shared" if (core._resolved(fx["alts"]) - soft) & (core._resolved(fy["alts"]) - soft)
                       else "-",
                       "one type" if x.get("type") == y.get("type") else "two types",
                       "one story" if story_of.get(x.get("doc")) == story_of.get(y.get("doc")) else "two stories")
                gx, gy = gold_of.get(x["id"]), gold_of.get(y["id"])
                label = "unmatched" if not (gx and gy) else "one" if gx[1] == gy[1] else "two"
                count[cls + (label,)] += 1
                if frozenset((x["id"], y["id"])) in prep["sides"]:
                    sides.append(f"{story['story']}: {' + '.join(fails)}: {x.get('trigger')} / {y.get('trigger')}")
                if label == "one" and len(ex[cls]) < a.examples:
                    ex[cls].append(f"{story['story']}: {x.get('trigger')}[{x.get('type')}] "
                                   f"{sorted(map(str, fx['alts']))[:3]} {sorted(map(str, fx['kplaces']))[:3]} || "
                                   f"{y.get('trigger')}[{y.get('type')}] {sorted(map(str, fy['alts']))[:3]} "
                                   f"{sorted(map(str, fy['kplaces']))[:3]}")
    print(f"{'checks failed | main actor | types | stories':78s} {'one':>5s} {'two':>5s} {'unm.':>5s}")
    for cls in sorted({k[:-1] for k in count}, key=lambda k: -sum(count[k + (x,)] for x in ("one", "two"))):
        print(f"{' | '.join(cls):78s} {count[cls + ('one',)]:5d} {count[cls + ('two',)]:5d} "
              f"{count[cls + ('unmatched',)]:5d}")
        for e in ex[cls]:
            print(f"      e.g. {e}")
    print("gold conflicts' side pairs refused: " + ("; ".join(sides) or "none"))


if __name__ == "__main__":
    main()
