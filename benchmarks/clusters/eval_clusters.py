"""Score riwaya's cross-document clusters and conflicts against the annotated cluster corpus (issue #15).

    python benchmarks/clusters/eval_clusters.py [--split dev|test|train] [--story ID] [--json OUT] [-v] [--halves]
    riwaya eval clusters --split dev

``--halves``: each story built as a growing store would be: its first half of articles, then the
second half added in a second build, with the corpus-wide statistics (stories' document
frequencies) kept as frozen at the first (riwaya/story_index.py; the 10 % that would make the
second build a full one lifted): what freezing them costs.

Each story's articles are read from ../shared/data (texts never enter the repo) and built with riwaya's
normal pipeline into a fresh temporary store; the JSON export is compared with the gold:

- mentions: a riwaya mention (an event's `mentions[]`, or `evidence[]` entries that carry a
  `trigger_start`) matches a gold mention when their triggers overlap in the same document (one-to-one,
  greedy by position). Mention recall = matched gold / gold.
- pairwise merge P/R/F1 over the matched mentions of a story: a pair is predicted when riwaya put both in
  one event, gold when the annotator put both in one cluster (also given for cross-document pairs only).
- B-cubed P/R/F1 over the matched mentions.
- the same at the happening level: the gold `links` join a strike's deaths, wounded and damage to the strike
  (riwaya may keep casualties as slots of the attack event, or as events of their own; both are scored).
- conflicts: a riwaya conflict (any kind but `precision`/`refinement`) is right when its event's matched
  mentions lie mostly in one gold cluster whose happening has a gold conflict on the same slot family, and two of its
  values come from documents of two gold sides with different values. Precision = right / listed; recall =
  gold conflicts found / gold conflicts. A listing on a gold refinement, on an unannotated event or with
  sides the gold does not oppose is false. riwaya's `precision` entries are counted against the gold
  refinements (refinements found).
The export is read tolerantly: `slot` if present else `field`; extra keys are ignored.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import clusters as gold_corpus  # noqa: E402

ev = gold_corpus.ev
# riwaya's conflict fields and the guideline's slots -> one family
FAMILY = {"time": "time", "origin": "place", "destination": "place", "via": "place", "route": "place",
          "place": "place", "means": "means", "companions": "companions", "companion": "companions",
          "decider": "decider", "agent": "agent", "patient": "patient", "amount": "amount", "count": "amount",
          "casualties": "amount", "counts": "amount", "orderer": "decider", "polarity": "happened",
          "happened": "happened", "denial": "happened"}
REFINEMENT_KINDS = {"precision", "refinement", "compatible"}


# ---------------------------------------------------------------- riwaya side
HALVES = False     # --halves: half the articles built, then the rest added with the statistics frozen


def build_story(story: dict) -> tuple[dict, dict]:
    """Build the story's articles into a fresh store; return (export, riwaya doc id -> gold doc id)."""
    from riwaya.pipeline import build
    from riwaya.store import Store

    with tempfile.TemporaryDirectory(prefix="riwaya-clusters-") as d:
        docs = story["docs"]
        cut = (len(docs) + 1) // 2 if HALVES else len(docs)
        paths = [Path(d) / "docs.jsonl", Path(d) / "more.jsonl"]
        for path, part in zip(paths, (docs[:cut], docs[cut:])):
            with path.open("w", encoding="utf-8") as f:
                for doc in part:
                    m = ev.meta(doc)
                    f.write(json.dumps({"text": ev.text(doc), "outlet": m.get("outlet"),
                                        "retrieved": m.get("retrieved"), "title": m.get("title"), "url": m.get("url"),
                                        "language": m.get("language")}, ensure_ascii=False) + "\n")
        db = f"sqlite:///{d}/store.db"
        errors = []
        build([str(paths[0])], db, progress=False, on_error=errors.append)
        if cut < len(docs):
            from riwaya import story_index
            fraction, story_index.REFREEZE_FRACTION = story_index.REFREEZE_FRACTION, float("inf")
            try:
                build([str(paths[1])], db, progress=False, on_error=errors.append)
            finally:
                story_index.REFREEZE_FRACTION = fraction
            if Store(db).corpus_journal(1)[0].get("stories") != "incremental":
                raise RuntimeError(f"{story['story']}: the second half's build did not keep the statistics frozen")
        if errors:
            raise RuntimeError(f"{story['story']}: riwaya could not read {len(errors)} article(s): {errors[0]}")
        exp = Store(db).export()
    by_text = {ev.text(doc): doc for doc in story["docs"]}
    ids = {}
    for d in exp.get("documents", []):
        gold_doc = by_text.get(d.get("text"))
        if gold_doc is None:
            raise RuntimeError(f"{story['story']}: document {d.get('id')} does not match an article's text "
                               "(ingest changed it?); gold offsets would not hold")
        ids[d["id"]] = gold_doc
    return exp, ids


def predicted_mentions(exp: dict, ids: dict) -> list[dict]:
    """One row per riwaya mention: doc (gold id), trigger start/end/text, event id, type."""
    out, seen = [], set()
    for e in exp.get("events", []):
        for m in (e.get("mentions") or []) + (e.get("evidence") or []):
            if not isinstance(m, dict) or m.get("doc") not in ids:
                continue
            t = m.get("trigger")   # a string (evidence) or {text, start, end} (mentions)
            t = t if isinstance(t, dict) else {"text": t if isinstance(t, str) else ""}
            start = m.get("trigger_start", t.get("start"))
            if start is None:
                continue
            trig, start = t.get("text") or "", int(start)
            end = int(m.get("trigger_end") or t.get("end") or start + max(len(trig), 1))
            key = (ids[m["doc"]], start)
            if key in seen:
                continue
            seen.add(key)
            out.append({"doc": ids[m["doc"]], "start": start, "end": end, "text": trig, "event": e["id"],
                        "type": m.get("type") or e.get("type"), "mention": m.get("mention") or m.get("id")})
    return out


def _span(p: dict) -> tuple[int, int]:
    return p["start"], p["end"]


def match(gold: list[dict], pred: list[dict], span=_span) -> dict[str, dict]:
    """gold mention id -> the pred item whose span (riwaya's trigger; `span` reads it) overlaps the gold
    trigger in the same document: one-to-one, greedy by position, the nearest start first."""
    by_doc = defaultdict(list)
    for p in pred:
        by_doc[p["doc"]].append(p)
    used, out = set(), {}
    for g in sorted(gold, key=lambda g: (g["doc"], g["trigger"]["start"])):
        gs, ge = g["trigger"]["start"], g["trigger"]["end"]
        cands = [p for p in by_doc[g["doc"]] if id(p) not in used and span(p)[0] < ge and gs < span(p)[1]]
        if cands:
            p = min(cands, key=lambda p: (abs(span(p)[0] - gs), span(p)[0]))
            used.add(id(p))
            out[g["id"]] = p
    return out


# ---------------------------------------------------------------- scores
def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred,
            "gold": n_gold}


def pair_sets(items: list[tuple[str, str, str, str]]) -> tuple[set, set, set]:
    """items: (mention id, doc, gold cluster, predicted event) -> (gold pairs, predicted pairs, cross-doc pairs)."""
    gold, pred, cross = set(), set(), set()
    for a, b in itertools.combinations(sorted(items), 2):
        pair = (a[0], b[0])
        if a[2] == b[2]:
            gold.add(pair)
        if a[3] == b[3]:
            pred.add(pair)
        if a[1] != b[1]:
            cross.add(pair)
    return gold, pred, cross


def bcubed(items: list[tuple[str, str, str, str]]) -> tuple[float, float, int]:
    """Sums of per-mention B-cubed precision and recall, and the count."""
    by_gold, by_pred = defaultdict(set), defaultdict(set)
    for m, _, g, p in items:
        by_gold[g].add(m)
        by_pred[p].add(m)
    sp = sr = 0.0
    for m, _, g, p in items:
        inter = len(by_gold[g] & by_pred[p])
        sp += inter / len(by_pred[p])
        sr += inter / len(by_gold[g])
    return sp, sr, len(items)


def _slot(c: dict) -> str:
    """The slot family of a riwaya conflict: its `slot` ("counts", "origin/route", "decider/orderer"...) or
    else its `field`."""
    name = str(c.get("slot") or c.get("field") or "")
    for part in [name, *name.split("/")]:
        if part in FAMILY:
            return FAMILY[part]
    return name


def score_conflicts(story: dict, exp: dict, ids: dict, matched: dict, gold_ment: list[dict]) -> dict:
    gold_of = {g["id"]: g["cluster"] for g in gold_ment}
    happening = {g["cluster"]: g.get("happening") or g["cluster"] for g in gold_ment}
    votes = defaultdict(Counter)  # riwaya event -> gold clusters of its matched mentions
    for gid, p in matched.items():
        votes[p["event"]][gold_of[gid]] += 1
    cluster_of = {e: c.most_common(1)[0][0] for e, c in votes.items()}

    def sides_by_value(gc):
        out = defaultdict(set)
        for s in gc["sides"]:
            out[json.dumps(s["value"], ensure_ascii=False)].add(s["doc"])
        return list(out.values())

    gold_conf = [c for c in story["conflicts"] if c["kind"] == "conflict"]
    gold_ref = [c for c in story["conflicts"] if c["kind"] == "refinement"]
    found, listed, right, false, ref_found = set(), 0, 0, [], set()
    for c in exp.get("conflicts", []):
        kind = str(c.get("kind") or "contradiction")
        events = [c.get("event")] + [e for v in c.get("values") or [] for e in (v.get("events") or [])]
        clusters = Counter(cluster_of[e] for e in events if e in cluster_of)
        cl = clusters.most_common(1)[0][0] if clusters else None
        vals = []
        for v in c.get("values") or []:
            docs = set(v.get("documents") or [])
            docs |= {x.get("doc") for x in v.get("evidence") or [] if isinstance(x, dict)}
            vals.append({ids[d] for d in docs if d in ids})

        def hits(gc):
            # on the gold cluster's happening: a count told on the strike or on its deaths is the same slot
            if cl is None or happening.get(gc["cluster"]) != happening.get(cl) \
                    or FAMILY.get(gc["slot"], gc["slot"]) != _slot(c):
                return False
            groups = sides_by_value(gc)
            return any(vals[i] & groups[x] and vals[j] & groups[y]
                       for i, j in itertools.permutations(range(len(vals)), 2)
                       for x, y in itertools.permutations(range(len(groups)), 2))
        if kind in REFINEMENT_KINDS:
            ref_found.update(k for k, gc in enumerate(gold_ref) if hits(gc))
            continue
        listed += 1
        ok = [k for k, gc in enumerate(gold_conf) if hits(gc)]
        if ok:
            right += 1
            found.update(ok)
        else:
            why = ("on an unannotated event" if cl is None else
                   "on a gold refinement" if any(hits(gc) for gc in gold_ref) else
                   "no gold conflict on that slot and these sides")
            false.append({"id": c.get("id"), "slot": _slot(c), "kind": kind, "cluster": cl, "why": why,
                          "summary": c.get("summary_en")})
    missed = [{"cluster": gc["cluster"], "slot": gc["slot"], "values": [s["value"] for s in gc["sides"]],
               "note": gc.get("note"), "cause": missed_cause(gc, exp, ids, matched, gold_ment, sides_by_value(gc))}
              for k, gc in enumerate(gold_conf) if k not in found]
    by_slot = defaultdict(Counter)
    for k, gc in enumerate(gold_conf):
        fam = FAMILY.get(gc["slot"], gc["slot"])
        by_slot[fam]["gold"] += 1
        by_slot[fam]["found"] += k in found
    for c in exp.get("conflicts", []):
        if str(c.get("kind") or "contradiction") not in REFINEMENT_KINDS:
            by_slot[_slot(c)]["listed"] += 1
    for x in false:
        by_slot[x["slot"]]["false"] += 1
    return {"listed": listed, "right": right, "gold": len(gold_conf), "found": len(found), "false": false,
            "missed": missed, "gold_refinements": len(gold_ref), "refinements_found": len(ref_found),
            "by_slot": {k: dict(v) for k, v in by_slot.items()}}


# the fields of riwaya's events that answer a slot family (for the causes of a missed conflict)
FIELDS_OF = {"time": ["time"], "place": ["origin", "destination", "via", "place"], "means": ["means"],
             "companions": ["companions"], "decider": ["decider"], "agent": ["agent"], "amount": ["amount"],
             "happened": ["polarity"]}


def missed_cause(gc: dict, exp: dict, ids: dict, matched: dict, gold_ment: list[dict], groups: list[set]) -> str:
    """Why riwaya did not list a gold conflict, by the first stage that lost it: extraction (a side's
    mention not found, or its value missing), merge (the sides in different events), slot (riwaya
    compares no such slot), comparison (values found on both sides but judged compatible)."""
    fam = FAMILY.get(gc["slot"], gc["slot"])
    happ = {g["cluster"]: g.get("happening") or g["cluster"] for g in gold_ment}
    want = happ.get(gc["cluster"], gc["cluster"])
    rev = {v: k for k, v in ids.items()}
    # riwaya events holding, per value group, the happening's mention nearest each side's span
    ev_of_group = []
    for grp in groups:
        evs = set()
        for side in gc["sides"]:
            if side["doc"] not in grp:
                continue
            near = [g for g in gold_ment if happ.get(g["cluster"]) == want and g["doc"] == side["doc"]]
            near.sort(key=lambda g: abs(g["trigger"]["start"] - side["start"]))
            if near and near[0]["id"] in matched:
                evs.add(matched[near[0]["id"]]["event"])
        ev_of_group.append(evs)
    if sum(1 for e in ev_of_group if e) < 2:
        return "extraction: a side's mention not found"
    shared = [e for e in set().union(*ev_of_group) if sum(e in x for x in ev_of_group) >= 2]
    if not shared:
        return "merge: the sides are in different events"
    if fam not in FIELDS_OF:
        return f"slot: riwaya compares no '{fam}' slot"
    events = {e["id"]: e for e in exp.get("events", [])}
    for c in exp.get("conflicts", []):
        if c.get("event") in shared and _slot(c) == fam:
            return f"comparison: listed as a {c.get('kind')} on sides the gold does not oppose"
    for eid in shared:
        sides = []
        for grp in groups:
            docs = {rev[d] for d in grp if d in rev}
            sides.append(any(ev.get("doc") in docs and any(
                (ev.get("values") or {}).get(f) not in (None, [], "asserted") for f in FIELDS_OF[fam])
                for ev in events.get(eid, {}).get("evidence") or []))
        if sum(sides) >= 2:
            return "comparison: values on both sides judged compatible (or the same voice)"
    return "extraction: the slot's value missing on a side"


def score_story(story: dict) -> dict:
    t0 = time.perf_counter()
    exp, ids = build_story(story)
    secs = time.perf_counter() - t0
    gold = story["mentions"]
    pred = predicted_mentions(exp, ids)
    matched = match(gold, pred)
    items = [(g["id"], g["doc"], g["cluster"], matched[g["id"]]["event"]) for g in gold if g["id"] in matched]
    items_h = [(g["id"], g["doc"], g.get("happening") or g["cluster"], matched[g["id"]]["event"])
               for g in gold if g["id"] in matched]
    gp, pp, cross = pair_sets(items)
    sp, sr, n = bcubed(items)
    gp_h = pair_sets(items_h)[0]
    by_id = {g["id"]: g for g in gold}
    fmt = lambda a: f"{a} «{by_id[a]['trigger']['text']}» [{by_id[a]['cluster'].split('/', 1)[1]}]"  # noqa: E731
    return {
        "story": story["story"], "split": story["split"], "seconds": round(secs, 1),
        "gold_mentions": len(gold), "pred_mentions": len(pred), "matched": len(matched),
        "gold_pairs": gp, "pred_pairs": pp, "cross_pairs": cross, "b3": (sp, sr, n),
        "gold_pairs_happening": gp_h, "b3_happening": bcubed(items_h),
        "conflicts": score_conflicts(story, exp, ids, matched, gold),
        "missed_mentions": [f"{g['id']} «{g['trigger']['text']}» {g['type']}"
                            for g in gold if g["id"] not in matched],
        "wrong_merges": [f"{fmt(a)} + {fmt(b)}" for a, b in sorted(pp - gp)],
        "missed_merges": [f"{fmt(a)} + {fmt(b)}" for a, b in sorted(gp - pp)],
    }


def summarise(rows: list[dict]) -> dict:
    gp = set().union(*(r["gold_pairs"] for r in rows)) if rows else set()
    pp = set().union(*(r["pred_pairs"] for r in rows)) if rows else set()
    cross = set().union(*(r["cross_pairs"] for r in rows)) if rows else set()
    gh = set().union(*(r["gold_pairs_happening"] for r in rows)) if rows else set()

    def b3(key):
        sp, sr, n = (sum(r[key][i] for r in rows) for i in range(3))
        bp, br = (sp / n, sr / n) if n else (1.0, 1.0)
        return {"precision": round(bp, 4), "recall": round(br, 4),
                "f1": round(2 * bp * br / (bp + br), 4) if bp + br else 0.0, "mentions": n}
    conf = [r["conflicts"] for r in rows]
    listed, right = sum(c["listed"] for c in conf), sum(c["right"] for c in conf)
    g, f = sum(c["gold"] for c in conf), sum(c["found"] for c in conf)
    gold_m, matched = sum(r["gold_mentions"] for r in rows), sum(r["matched"] for r in rows)
    return {
        "stories": len(rows), "gold_mentions": gold_m, "pred_mentions": sum(r["pred_mentions"] for r in rows),
        "matched_mentions": matched, "mention_recall": round(matched / gold_m, 4) if gold_m else 1.0,
        "pairwise": prf(len(gp & pp), len(pp), len(gp)),
        "pairwise_cross_document": prf(len(gp & pp & cross), len(pp & cross), len(gp & cross)),
        "bcubed": b3("b3"),
        "pairwise_happening": prf(len(gh & pp), len(pp), len(gh)),
        "bcubed_happening": b3("b3_happening"),
        "conflicts": {"precision": round(right / listed, 4) if listed else 1.0,
                      "recall": round(f / g, 4) if g else 1.0, "listed": listed, "right": right, "gold": g,
                      "found": f, "gold_refinements": sum(c["gold_refinements"] for c in conf),
                      "refinements_found": sum(c["refinements_found"] for c in conf),
                      "by_slot": _sum_slots(conf)},
        "seconds": round(sum(r["seconds"] for r in rows), 1),
    }


def _sum_slots(conf: list[dict]) -> dict:
    out = defaultdict(Counter)
    for c in conf:
        for k, v in (c.get("by_slot") or {}).items():
            out[k].update(v)
    return {k: dict(v) for k, v in sorted(out.items())}


def run(split: str | None = None, story: str | None = None) -> tuple[dict, list[dict]]:
    stories = [s for s in gold_corpus.load() if (split is None or s["split"] == split)
               and (story is None or s["story"] == story)]
    if not stories:
        raise SystemExit(f"no annotated story for split={split!r} story={story!r}")
    rows = [score_story(s) for s in stories]
    return summarise(rows), rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test", "train"])
    ap.add_argument("--story")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the failures")
    ap.add_argument("--limit", type=int, default=15, help="failures listed per kind and story with -v")
    ap.add_argument("--halves", action="store_true",
                    help="build each story's first half, then add the rest with the corpus statistics frozen")
    a = ap.parse_args()
    global HALVES
    HALVES = a.halves
    try:
        summary, rows = run(a.split, a.story)
    except (gold_corpus.AnnError, RuntimeError, FileNotFoundError) as e:
        sys.exit(f"error: {e}")
    for r in rows:
        s = summarise([r])
        c = r["conflicts"]
        print(f"{r['story']:28s} {r['split']:4s} mentions {r['matched']}/{r['gold_mentions']}  "
              f"pairwise P {s['pairwise']['precision']:.3f} R {s['pairwise']['recall']:.3f}  "
              f"B3 F1 {s['bcubed']['f1']:.3f}  conflicts {c['right']}/{c['listed']} right, "
              f"{c['found']}/{c['gold']} found  ({r['seconds']} s)")
        if a.verbose:
            for k in ("missed_mentions", "wrong_merges", "missed_merges"):
                for x in r[k][:a.limit]:
                    print(f"    {k[:-1].replace('_', ' ')}: {x}")
                if len(r[k]) > a.limit:
                    print(f"    ... and {len(r[k]) - a.limit} more {k.replace('_', ' ')} (--limit)")
            for x in c["false"]:
                print(f"    false conflict ({x['why']}): {x['slot']} {x['kind']}: {x['summary']}")
            for x in c["missed"]:
                print(f"    missed conflict ({x['cause']}): {x['cluster']} {x['slot']} {x['values']}")
    p, b, c = summary["pairwise"], summary["bcubed"], summary["conflicts"]
    print(f"\n{a.split or 'all'}: {summary['stories']} stories, mention recall {summary['mention_recall']:.3f} "
          f"({summary['matched_mentions']}/{summary['gold_mentions']}; riwaya {summary['pred_mentions']} mentions)")
    print(f"pairwise  P {p['precision']:.3f}  R {p['recall']:.3f}  F1 {p['f1']:.3f}  "
          f"({p['tp']} right of {p['pred']} predicted pairs, {p['gold']} gold)")
    x = summary["pairwise_cross_document"]
    print(f"  cross-document pairs: P {x['precision']:.3f}  R {x['recall']:.3f}  F1 {x['f1']:.3f}")
    print(f"B-cubed   P {b['precision']:.3f}  R {b['recall']:.3f}  F1 {b['f1']:.3f}")
    h, hb = summary["pairwise_happening"], summary["bcubed_happening"]
    print(f"happening level (deaths, wounded, damage joined to their attack): pairwise P {h['precision']:.3f} "
          f"R {h['recall']:.3f} F1 {h['f1']:.3f}; B-cubed P {hb['precision']:.3f} R {hb['recall']:.3f} "
          f"F1 {hb['f1']:.3f}")
    print(f"conflicts P {c['precision']:.3f}  R {c['recall']:.3f}  ({c['right']} right of {c['listed']} listed; "
          f"{c['found']} of {c['gold']} gold found; refinements shown as such {c['refinements_found']}/"
          f"{c['gold_refinements']})")
    slots = summary["conflicts"]["by_slot"]
    if slots:
        print("conflicts by slot: " + "; ".join(
            f"{k} {v.get('found', 0)}/{v.get('gold', 0)} found, {v.get('listed', 0) - v.get('false', 0)}/"
            f"{v.get('listed', 0)} listed right" for k, v in sorted(slots.items())))
        causes = Counter(x["cause"].split(":")[0] for r in rows for x in r["conflicts"]["missed"])
        if causes:
            print("missed conflicts by cause: " + ", ".join(f"{k} {n}" for k, n in causes.most_common()))
    if a.json:
        import subprocess
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        Path(a.json).write_text(json.dumps({"split": a.split, "story": a.story,
                                            "riwaya_commit": rev.stdout.strip() or None, **summary,
                                            "per_story": {r["story"]: summarise([r]) for r in rows}},
                                           indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
