#!/usr/bin/env python
"""Why gold same-happening pairs stay apart, and which wrong pairs merge (issue #15): each missed gold pair of
matched mentions classed by the first check that keeps it apart, each false merge by what made it.

    python scripts/missed_pairs.py --split dev --split train [--cache DIR] [--examples 3]

Reads the cache of ``scripts/train_pairs.py collect`` (the reconciler's calls on the annotated stories) and
replays the clustering of ``riwaya/reconcile/core.py`` with the shipped scorer. Classes of a missed pair, first
that applies:
- ``call``: the two mentions were reconciled in different calls (corpus blocks);
- ``story``: story clustering (reconcile/stories.py) put their documents in different stories and blocking did
  not compare them;
- ``not compared``: blocking (``mention_blocks``) never put them in one block;
- ``kind``, ``actor: resolved/resolved``, ``actor: raw/raw``, ``actor: raw/resolved``, ``key place``,
  ``places``, ``time``: the hard check (``_pair_ok``) that refused them;
- ``below threshold``: compared, compatible, scored under the model's threshold (the features are tallied);
- ``linkage: average`` / ``linkage: signatures`` / ``linkage: same document`` / ``linkage: time hull``:
  the pair scored enough but when its turn came the two clusters it joined were kept apart.
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
from riwaya.reconcile import core  # noqa: E402


def _hard_reason(a, b, fa, fb, same_place) -> str:
    if not core._kind_ok(core._cls(a), fa["group"], fa["generic"], core._cls(b), fb["group"], fb["generic"]):
        return "kind"
    if core._distinct_types(a.get("type"), b.get("type")):
        return "kind: distinct types"
    if core._keys_clash(fa["alts"], fa["kplaces"], fb["alts"], fb["kplaces"], same_place, fa["soft"] | fb["soft"],
                        fa["party"], fb["party"]):
        aa, ab = fa["alts"], fb["alts"]
        if aa and ab and not (aa & ab):
            ra, rb = core._resolved(aa) - fa["soft"] - fb["soft"], core._resolved(ab) - fa["soft"] - fb["soft"]
            return "actor: " + ("resolved/resolved" if ra and rb else "raw/raw" if not (ra or rb) else "raw/resolved")
        return "key place"
    if (not fa["keys"] or not fb["keys"]) and a.get("doc") != b.get("doc"):
        if fa["places"] and fb["places"] and not (fa["places"] & fb["places"]):
            if not any(same_place(x, y) for x in fa["places"] for y in fb["places"]):
                return "places"
    if fa["interval"] and fb["interval"]:
        return "time"
    return "?"


def _cluster_reason(A, B, cfg, same_place) -> str:
    if not core._sigs_ok(A["sigs"], B["sigs"], cfg, same_place):
        for x in A["sigs"]:
            for y in B["sigs"]:
                if not core._kind_ok(x[0], x[1], x[6], y[0], y[1], y[6]) or core._distinct_types(x[2], y[2]):
                    return "linkage: signatures (kind)"
        return "linkage: signatures (actors/key places)"
    if not core._same_doc_ok(A, B, cfg, same_place or core._eq_place):
        return "linkage: same document"
    return "linkage: time hull"


def replay(ms, feats, same_place, story_of):
    """core.cluster_mentions with a record: pair -> why it did not merge when its turn came."""
    cfg = core.config()["events"]
    threshold, average = core.pair_thresholds()
    blocks = core.mention_blocks(ms, feats)
    pairs, scored, ok_of, feat_of = {}, {}, {}, {}
    for i, j, ok in core.candidate_pairs(ms, feats, blocks, cfg, same_place):
        ok_of[(i, j)] = ok
        if ok:
            sc = core._pair_score(ms[i], ms[j], feats[i], feats[j])
            feat_of[(i, j)] = (sc, core.pair_features(ms[i], ms[j], feats[i], feats[j]))
            if sc >= threshold:
                pairs[(i, j)] = sc
        else:
            sc = cfg["incompatible_score"]
        scored[(i, j)] = sc
    kept = core.generic_commitments(ms, feats, pairs)
    refused = {p: "generic: another kind" for p in pairs if p not in kept}

    def refuse(pair, why, A, B):
        refused[pair] = "linkage: average" if why == "average" else _cluster_reason(A, B, cfg, same_place)
    _cl, owner = core.merge_pairs(ms, feats, kept, scored, cfg, average, same_place, refuse)
    return owner, ok_of, feat_of, refused, pairs


def _label(m, f) -> str:
    acts = ",".join(sorted(str(x)[:30] for x in f["actors"])) or "-"
    return f"{m.get('doc')}:{m.get('trigger')}[{m.get('type')}] actors={acts}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", action="append")
    ap.add_argument("--cache", type=Path, default=train_pairs.CACHE)
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--story", action="append")
    ap.add_argument("--kinds", type=int, default=12, help="how many kind pairs of the pairs not compared to list")
    a = ap.parse_args()
    causes, false_causes, kinds = Counter(), Counter(), Counter()
    ex = defaultdict(list)
    below_feats = Counter()
    right = wrong = 0
    per_story = Counter()
    for story in train_pairs.load_cache(a.split or ["dev"], a.cache):
        if a.story and story["story"] not in a.story:
            continue
        prep = train_pairs.prepare(story)
        gold_of = prep["gold_of"]
        where = {}      # mention id -> (call index, local index)
        state = []
        for n, call in enumerate(prep["calls"]):
            ms = sorted(call["canon"], key=core._mention_order)
            feats = [core._features(m, call["story_of"]) for m in ms]
            owner, ok_of, feat_of, refused, pairs = replay(ms, feats, call["same_place"], call["story_of"])
            state.append((ms, feats, owner, ok_of, feat_of, refused, pairs, call))
            for k, m in enumerate(ms):
                if m["id"] in gold_of:
                    where[m["id"]] = (n, k)
        mids = sorted(where)
        for x in range(len(mids)):
            for y in range(x + 1, len(mids)):
                p, q = mids[x], mids[y]
                same_gold = gold_of[p][1] == gold_of[q][1]
                (n1, i), (n2, j) = where[p], where[q]
                if i > j and n1 == n2:
                    i, j = j, i
                merged = n1 == n2 and state[n1][2][i] == state[n1][2][j]
                if merged:
                    if same_gold:
                        right += 1
                    else:
                        wrong += 1
                        ms, feats, *_ = state[n1]
                        pair = (i, j)
                        kind = "direct pair" if pair in state[n1][6] else "chain"
                        key = "keyless" if not (feats[i]["keys"] and feats[j]["keys"]) else "keyed"
                        false_causes[f"{kind} / {key} / {'same doc' if ms[i]['doc'] == ms[j]['doc'] else 'cross doc'}"] += 1
                    continue
                if not same_gold:
                    continue
                per_story[story["story"]] += 1
                if n1 != n2:
                    cause = "call"
                else:
                    ms, feats, owner, ok_of, feat_of, refused, pairs, call = state[n1]
                    so = call["story_of"] or {}
                    if (i, j) not in ok_of:
                        sa, sb = so.get(ms[i].get("doc")), so.get(ms[j].get("doc"))
                        cause = "story" if sa != sb else "not compared"
                        if cause == "not compared":
                            # what blocking kept apart: mostly two kinds (class with polarity / type) of one happening
                            kinds[" ~ ".join(sorted(f"{core._cls(m)}/{m.get('type')}" for m in (ms[i], ms[j])))] += 1
                    elif not ok_of[(i, j)]:
                        cause = _hard_reason(ms[i], ms[j], feats[i], feats[j], call["same_place"])
                    elif (i, j) not in pairs:
                        cause = "below threshold"
                        sc, fx = feat_of[(i, j)]
                        for f, v in fx.items():
                            if v:
                                below_feats[f] += 1
                    else:
                        cause = refused.get((i, j), "linkage: chained apart")
                    if len(ex[cause]) < a.examples:
                        extra = ""
                        if (i, j) in feat_of:
                            sc, fx = feat_of[(i, j)]
                            extra = f" score={sc:.2f} " + ",".join(f"{k}={v:.2g}" for k, v in sorted(fx.items()) if v)
                        ex[cause].append(f"{story['story']}: {_label(ms[i], feats[i])} || {_label(ms[j], feats[j])}{extra}")
                causes[cause] += 1
    total = sum(causes.values())
    print(f"merged right {right}, merged wrong {wrong}, missed {total} (gold pairs {right + total})")
    for c, n in causes.most_common():
        print(f"  {c:45s} {n}")
        for e in ex[c]:
            print(f"      e.g. {e}")
    print("pairs not compared (one story), by their two kinds:")
    print("  " + ", ".join(f"{k} {n}" for k, n in kinds.most_common(a.kinds)))
    print("features of the pairs below threshold (count of pairs where nonzero):")
    print("  " + ", ".join(f"{f} {n}" for f, n in below_feats.most_common()))
    print("false merges by cause:")
    for c, n in false_causes.most_common():
        print(f"  {c:45s} {n}")
    print("missed per story: " + ", ".join(f"{s} {n}" for s, n in per_story.most_common()))


if __name__ == "__main__":
    main()
