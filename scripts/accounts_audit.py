#!/usr/bin/env python
"""How an event's evidence is grouped into independent accounts (issue #15, recon20), on the cluster corpus's cached
reconciler calls (``scripts/train_pairs.py collect --split S --cache DIR``) or on a built store.

    python scripts/accounts_audit.py --split dev [--split train] --cache DIR [-v]
    python scripts/accounts_audit.py --db sqlite:////tmp/x.db [-v]

Per event of evidence from two or more outlets: its accounts, and its **voices** (an evidence's voice: the innermost
named link of its isnad where it has one, else its document's account, i.e. the outlet with its copies and
translations). An account that holds two voices of two outlets' documents is **bridged**: the outlets were joined by
a voice they both quote, and every other voice of their documents with them. With gold (the cache): the gold
conflicts whose two sides are in one riwaya event, and whether the sides' evidence are in different accounts (a
conflict is two independent accounts, so one account there is a collapse).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks" / "clusters"))


def voice(e: dict) -> str:
    up, acc = e.get("upstream"), e.get("account")
    return str(up) if up and up != acc else f"own:{acc}"


def audit_events(events: list[dict]) -> dict:
    st = Counter()
    rows = []
    for ev in events:
        evid = ev.get("evidence") or []
        outlets = {e.get("outlet") or e.get("doc") for e in evid}
        if len(outlets) < 2:
            continue
        st["events"] += 1
        st["accounts"] += len(ev.get("accounts") or [])
        st["voices"] += len({voice(e) for e in evid})
        st["outlets"] += len(outlets)
        bridged = []
        for a in ev.get("accounts") or []:
            idx = [i for i in a.get("evidence") or [] if i < len(evid)]
            vs = {voice(evid[i]) for i in idx}
            outs = {evid[i].get("outlet") or evid[i].get("doc") for i in idx}
            if len(vs) >= 2 and len({evid[i].get("account") for i in idx}) >= 2:
                bridged.append((a.get("id"), sorted(outs), sorted(vs)))
        if bridged:
            st["events_bridged"] += 1
            st["accounts_bridged"] += len(bridged)
            rows.append((ev.get("id"), len(evid), len(ev.get("accounts") or []), bridged))
    return {"stats": st, "rows": rows}


def gold_sides(story: dict, exp: dict, ids: dict) -> list[dict]:
    """Gold conflicts (and refinements of two sources) with their sides' evidence in one riwaya event."""
    out = []
    back = defaultdict(list)
    for ev in exp["events"]:
        for k, e in enumerate(ev.get("evidence") or []):
            if e.get("doc") in ids:
                back[ids[e["doc"]]].append((ev, k, e))
    for gc in story.get("conflicts") or []:
        sides = []
        for sd in gc["sides"]:
            hits = [(ev["id"], k, e) for ev, k, e in back.get(sd["doc"], ())
                    if (e.get("start") or 0) <= sd["start"] < (e.get("end") or 0)]
            sides.append((sd, hits))
        vals = {json.dumps(sd["value"], ensure_ascii=False) for sd, _ in sides}
        if len(vals) < 2:
            continue
        common = None
        for _sd, hits in sides:
            evs = {h[0] for h in hits}
            common = evs if common is None else common & evs
        for eid in sorted(common or ()):
            ev = next(x for x in exp["events"] if x["id"] == eid)
            by_val = defaultdict(set)
            for sd, hits in sides:
                for h in hits:
                    if h[0] == eid:
                        by_val[json.dumps(sd["value"], ensure_ascii=False)].add(h[2].get("independent_account"))
            groups = list(by_val.values())
            apart = any(not (x & y) for i, x in enumerate(groups) for y in groups[i + 1:])
            together = any(x & y for i, x in enumerate(groups) for y in groups[i + 1:])
            # pairs of sides in two documents whose gold tells whether they are one account: a gold conflict's
            # two values (two independent accounts by definition), or two sides each with a named source
            # (the same source: one account; two sources: two); the outlets' own tellings are not judged
            pairs = []
            for x in range(len(sides)):
                for y in range(x + 1, len(sides)):
                    (sa, ha), (sb, hb) = sides[x], sides[y]
                    if sa["doc"] == sb["doc"]:
                        continue
                    same_val = json.dumps(sa["value"], ensure_ascii=False) == json.dumps(sb["value"], ensure_ascii=False)
                    na, nb = _norm(sa.get("source")), _norm(sb.get("source"))
                    gold_apart = (True if gc["kind"] == "conflict" and not same_val else
                                  (na != nb) if na and nb else None)
                    if gold_apart is None:
                        continue
                    aa = {h[2].get("independent_account") for h in ha if h[0] == eid}
                    ab = {h[2].get("independent_account") for h in hb if h[0] == eid}
                    if aa and ab:
                        pairs.append((gold_apart, not (aa & ab)))
            out.append({"cluster": gc["cluster"], "slot": gc["slot"], "kind": gc["kind"], "event": eid, "pairs": pairs,
                        "apart": apart and not together, "sources": [sd.get("source") for sd, _ in sides],
                        "accounts": len(ev.get("accounts") or []), "groups": [sorted(map(str, g)) for g in groups]})
            break
    return out


def _norm(x):
    if not x:
        return None
    from riwaya.reconcile.text import normalize
    return " ".join(normalize(str(x)).split())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", action="append")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--db")
    ap.add_argument("--corpus", help="build every story of this split into ONE store (as a day's corpus is built), "
                                     "then score each story's gold on it")
    ap.add_argument("--set", action="append", default=[], help="independence.KEY=JSON for this run")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--listing", help="write every conflict's kind and summary here")
    a = ap.parse_args()
    from riwaya.reconcile import core
    for kv in a.set:
        k, v = kv.split("=", 1)
        core.config()["independence"][k] = json.loads(v)
    if a.corpus:
        return corpus_mode(a)
    if a.db:
        from riwaya.store import Store
        exp = Store(a.db).export()
        r = audit_events(exp["events"])
        _print(r, a.v)
        return
    import train_pairs
    total, gold, kinds, listing = Counter(), [], Counter(), []
    for s in train_pairs.load_cache(a.split, a.cache):
        import riwaya.reconcile as rec
        exp = {"events": [], "conflicts": []}
        for c in s["calls"]:
            kw = dict(c)
            kw["event_mentions"] = kw.pop("mentions")
            o = rec.reconcile(**kw)
            exp["events"] += o["events"]
            exp["conflicts"] += o["conflicts"]
        r = audit_events(exp["events"])
        total.update(r["stats"])
        if not train_pairs._GOLD:
            train_pairs._GOLD.update({x["story"]: x for x in train_pairs._gold_corpus(None).load()})
        import eval_clusters
        gold_ment = s["gold"]
        matched = eval_clusters.match(gold_ment, eval_clusters.predicted_mentions(exp, s["ids"]))
        conf = eval_clusters.score_conflicts(train_pairs._GOLD[s["story"]], exp, s["ids"], matched, gold_ment)
        for k in ("listed", "right", "found", "gold", "refinements_found", "gold_refinements"):
            total["c_" + k] += conf[k]
        kinds.update(str(c.get("kind")) for c in exp["conflicts"])
        listing.extend(f"{s['story']} {c.get('kind')} {c.get('summary_en')}" for c in exp["conflicts"])
        g = gold_sides(train_pairs._GOLD[s["story"]], exp, s["ids"])
        gold += [dict(x, story=s["story"]) for x in g]
        if a.v:
            print(f"== {s['story']} ({s['split']}): {dict(r['stats'])}")
            for row in r["rows"]:
                print("   ", row[0], f"evidence {row[1]} accounts {row[2]}")
                for acc, outs, vs in row[3]:
                    print("      bridged", acc, "outlets", outs, "voices", vs[:8])
            for x in g:
                print("   gold", x["kind"], x["cluster"], x["slot"], "apart" if x["apart"] else "ONE ACCOUNT",
                      x["sources"], x["groups"])
    _print({"stats": total, "rows": []}, False)
    print("conflicts: {c_right} right of {c_listed} listed, gold found {c_found}/{c_gold}, refinements "
          "{c_refinements_found}/{c_gold_refinements}".format(**{k: total[k] for k in (
              "c_right", "c_listed", "c_found", "c_gold", "c_refinements_found", "c_gold_refinements")}))
    print("kinds:", dict(kinds))
    if a.listing:
        Path(a.listing).write_text("\n".join(sorted(listing)) + "\n", encoding="utf-8")
    pc = Counter((g, p) for x in gold for g, p in x.get("pairs") or ())
    print(f"gold side pairs: apart by gold {pc[(True, True)] + pc[(True, False)]} (riwaya apart {pc[(True, True)]}), "
          f"one account by gold {pc[(False, True)] + pc[(False, False)]} (riwaya one {pc[(False, False)]})")
    for kind in ("conflict", "refinement"):
        xs = [x for x in gold if x["kind"] == kind]
        print(f"gold {kind}s with both sides in one event: {len(xs)}; sides in different accounts: "
              f"{sum(x['apart'] for x in xs)}")


def corpus_mode(a) -> None:
    """The split's stories built together into one store: copies and outlets then chain across stories as they do
    across a day's corpus (the unseen samples), which the per-story evaluation never shows."""
    import eval_clusters
    import clusters as gold_corpus
    stories = [s for s in gold_corpus.load() if s["split"] == a.corpus]
    whole = {"story": "all", "split": a.corpus, "docs": [d for s in stories for d in s["docs"]]}
    exp, ids = eval_clusters.build_story(whole)
    total, gold, kinds, listing = Counter(), [], Counter(), []
    st = audit_events(exp["events"])["stats"]
    for s in stories:
        mine = {d for d, g in ids.items() if g in set(s["docs"])}
        evs = [e for e in exp["events"] if any(x.get("doc") in mine for x in e.get("evidence") or [])]
        eids = {e["id"] for e in evs}
        sub = {"events": evs, "conflicts": [c for c in exp.get("conflicts", []) if c.get("event") in eids]}
        sids = {d: ids[d] for d in mine}
        matched = eval_clusters.match(s["mentions"], eval_clusters.predicted_mentions(sub, sids))
        conf = eval_clusters.score_conflicts(s, sub, sids, matched, s["mentions"])
        for k in ("listed", "right", "found", "gold", "refinements_found", "gold_refinements"):
            total["c_" + k] += conf[k]
        for x in conf["false"]:
            listing.append(f"FALSE {s['story']} {x['kind']} {x['summary']}")
        kinds.update(str(c.get("kind")) for c in sub["conflicts"])
        listing.extend(f"{s['story']} {c.get('kind')} {c.get('summary_en')}" for c in sub["conflicts"])
        gold += [dict(x, story=s["story"]) for x in gold_sides(s, sub, sids)]
    print(f"corpus mode, {a.corpus}: {len(stories)} stories, {len(whole['docs'])} documents, "
          f"{len({v for v in ids.values()})} built; distinct document accounts "
          f"{len({x.get('account') for e in exp['events'] for x in e.get('evidence') or []})}")
    _print({"stats": st, "rows": []}, False)
    print("conflicts: {c_right} right of {c_listed} listed, gold found {c_found}/{c_gold}, refinements "
          "{c_refinements_found}/{c_gold_refinements}".format(**{k: total[k] for k in (
              "c_right", "c_listed", "c_found", "c_gold", "c_refinements_found", "c_gold_refinements")}))
    print("kinds:", dict(kinds))
    pc = Counter((g, p) for x in gold for g, p in x.get("pairs") or ())
    print(f"gold side pairs: apart by gold {pc[(True, True)] + pc[(True, False)]} (riwaya apart {pc[(True, True)]}), "
          f"one account by gold {pc[(False, True)] + pc[(False, False)]} (riwaya one {pc[(False, False)]})")
    if a.listing:
        Path(a.listing).write_text("\n".join(sorted(listing)) + "\n", encoding="utf-8")


def _print(r, v):
    st = r["stats"]
    n = st["events"] or 1
    print(f"multi-outlet events {st['events']}: accounts/event {st['accounts'] / n:.2f}, voices/event "
          f"{st['voices'] / n:.2f}, outlets/event {st['outlets'] / n:.2f}; events with a bridged account "
          f"{st['events_bridged']} ({st['accounts_bridged']} accounts)")
    if v:
        for row in r["rows"]:
            print("   ", row[0], f"evidence {row[1]} accounts {row[2]}")
            for acc, outs, vs in row[3]:
                print("      bridged", acc, "outlets", outs, "voices", vs[:8])


if __name__ == "__main__":
    main()
