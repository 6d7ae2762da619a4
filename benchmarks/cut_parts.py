"""What cutting the largest parts of the corpus stage by windows of days changes (issue 20).

    python benchmarks/cut_parts.py STORE_URL [--top 2] [--days 3] [--min 2000]

On a store of analysed documents (the per-document stage done): the event mentions split into the
parts of the reconciler's blocking keys, as ``riwaya.blocks.refresh_store`` does; the ``--top``
largest parts of more than ``--min`` mentions are clustered by the reconciler whole and cut into
windows of ``--days`` days of their documents' dates (``blocks.cut_parts``), and the co-reference
pairs of the two compared, by how many days apart the two reports are. Prints one block of lines
per part. Memory: the corpus stage's (about 1.5 GB at 30k articles); time: minutes.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict


def _pairs(clusters) -> set:
    out = set()
    for c in clusters:
        ids = sorted(m["id"] for m in c)
        out.update((ids[a], ids[b]) for a in range(len(ids)) for b in range(a + 1, len(ids)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store")
    ap.add_argument("--top", type=int, default=2)
    ap.add_argument("--days", type=int, default=3)
    ap.add_argument("--min", type=int, default=2000)
    a = ap.parse_args()
    from riwaya import blocks, corpus
    from riwaya.reconcile.core import Entities, _canonical, _features, _place_compat, cluster_mentions
    from riwaya.store import Store
    s = Store(a.store)
    ents = corpus.resolve_mentions({d: [corpus._mention(m) for m in x.get("mentions", [])]
                                    for d, x in s.iter_analyses()})
    idx = corpus.MentionIndex(ents)
    by_kb = {e["kb_id"]: e["id"] for e in ents if e.get("kb_id")}
    ms, paragraphs = blocks.Mentions(ents), {}
    for d, x in s.iter_analyses(ordered=True):
        for r in corpus.doc_event_mentions(d, x, idx, by_kb):
            ms.add(r)
        paragraphs[d] = x.get("paragraphs", [])
    del idx
    docs = [{**d, "paragraphs": paragraphs.pop(d["id"], [])} for d in s.documents()]
    story = blocks._stories(docs)
    day = {d["id"]: blocks.day_number(d.get("published")) for d in docs}
    parts = sorted(ms.parts(story), key=len, reverse=True)
    big = [p for p in parts if len(p) > a.min]
    print(json.dumps({"mentions": len(ms.rows), "parts": len(parts), f"over {a.min}": [len(p) for p in big]}))
    ents_ = Entities(ents)
    same = _place_compat(ents_)
    for p in big[:a.top]:
        canon = [_canonical(ms.get(i), ents_) for i in p]
        doc = {m["id"]: m["doc"] for m in canon}
        timed = {m["id"]: _features(m)["interval"] is not None for m in canon}
        whole_cl = cluster_mentions(canon, same_place=same, story_of=story)
        windows = defaultdict(list)
        for m in canon:
            d = day.get(m["doc"])
            windows[d // a.days if d is not None else None].append(m)
        cut_cl = [c for w in windows.values() for c in cluster_mentions(w, same_place=same, story_of=story)]
        whole, cut = _pairs(whole_cl), _pairs(cut_cl)

        def gaps(pairs):
            return dict(sorted(Counter(min(abs((day[doc[x]] or 0) - (day[doc[y]] or 0)), 4)
                                       for x, y in pairs).items()))
        span = Counter(min(max(day[m["doc"]] or 0 for m in c) - min(day[m["doc"]] or 0 for m in c), 9)
                       for c in whole_cl if len(c) > 1)
        print(f"part of {len(p)} mentions ({sum(timed.values())} with a time), windows of {a.days} days "
              f"(largest piece {max(map(len, windows.values()))})")
        print(f"  whole: {len(whole_cl)} events, largest {max(map(len, whole_cl))}; {len(whole)} pairs by days "
              f"apart (4 = 4 or more) {gaps(whole)}; pairs where a mention has no time "
              f"{sum(not (timed[x] and timed[y]) for x, y in whole)}")
        print(f"  whole: events of 2+ mentions by days between first and last report (9 = 9+) "
              f"{dict(sorted(span.items()))}")
        print(f"  cut:   {len(cut_cl)} events, largest {max(map(len, cut_cl))}; {len(cut)} pairs; "
              f"kept {len(whole & cut)}; lost {len(whole - cut)} {gaps(whole - cut)}; "
              f"new {len(cut - whole)} {gaps(cut - whole)}", flush=True)


if __name__ == "__main__":
    main()
