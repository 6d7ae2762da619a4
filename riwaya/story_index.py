"""Each document's story for the corpus stage, with the corpus-wide statistics frozen between full
computations, so adding a few documents to a large store costs what they touch.

Story clustering (``reconcile/stories.py``) weighs words by their document frequencies over the
whole corpus: any new document changes every weight, so an exact update is a computation over the
corpus (18 s of CPU at 30k articles). The policy a growing store follows instead:

- a *full* run (the first, ``riwaya build --full``, a change of the clustering's code or settings,
  or once the documents added and removed since the last full run pass ``REFREEZE_FRACTION`` of
  those it counted) clusters every document as ``story_clusters`` does and stores its statistics:
  the document frequencies, the documents they count, each document's blocking keys and the
  pairs of documents it joined;
- an *incremental* run keeps them as stored. A document the statistics do not count is weighed
  as if it alone were added to them (its own words count once more), so its vector and its keys
  depend on it and the stored statistics only, never on what else came with it or since. It is
  compared with the documents that share one of its keys (the stored keys, read from an index,
  no other document's words read), joined to those similar enough as ``story_clusters`` joins
  them, and the stories are the connected parts of every joined pair. A removed document takes
  its pairs with it (and is compared again if it comes back).

So an incremental result is exactly the clustering of the current documents under the frozen
statistics (``frozen_clusters`` computes that from scratch: tests/test_story_index.py), whatever
the batches the documents came in. What it costs in quality against a full recomputation is
measured in benchmarks/README.md ("Frozen corpus statistics").
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from .fingerprint import code_fingerprint

REFREEZE_FRACTION = 0.1     # documents added or removed since the statistics were frozen, as a share of
#                             those they count, above which a run recomputes them (a full run)
STATS_FROZEN, STATS_SINCE = "stats:stories", "stats:stories_since"     # the store's rows (Store.corpus_stat)


def version() -> str:
    """What the stored statistics were made with (a change makes the next run a full one)."""
    from .reconcile.text import config
    cfg = json.dumps(config()["story"], sort_keys=True)
    return code_fingerprint(["reconcile/stories.py", "reconcile/text.py", "reconcile/relations.py", "lang",
                             "story_index.py"]) + ":" + hashlib.sha1(cfg.encode("utf-8")).hexdigest()[:12]


def doc_sig(d: dict, analysis_version: str | None) -> str:
    """What a document's bag of words is made of besides its text (its id is the text's hash): its
    title and day (metadata can change), and its analysis (the paragraphs come from it)."""
    meta = [d.get("title"), d.get("published"), (d.get("meta") or {}).get("retrieved"), analysis_version]
    return hashlib.sha1(json.dumps(meta, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()[:16]


def _clusters_to_story_of(ids, joined) -> dict[str, int]:
    from .reconcile.core import UnionFind
    uf = UnionFind()
    for d in ids:
        uf.find(d)
    for a, b in joined:
        uf.union(a, b)
    groups = defaultdict(list)
    for d in sorted(ids):
        groups[uf.find(d)].append(d)
    clusters = sorted(groups.values(), key=lambda g: g[0])
    return {d: n for n, c in enumerate(clusters) for d in c}


def stories(documents: list[dict], versions: dict[str, str], frozen: dict | None, since: dict | None,
            full: bool = False) -> tuple[dict[str, int], dict | None, dict, dict]:
    """Each document's story (``story_of_documents``'s numbering: stories sorted by their first
    document), the statistics to store (``frozen``: None when unchanged; ``since``), and figures.
    ``frozen``, ``since``: what the store holds (None: nothing). ``versions``: each document's
    analysis version (``doc_sig``)."""
    from .reconcile.stories import story_clusters
    from .reconcile.text import config
    cfg = config()["story"]
    sigs = {d["id"]: doc_sig(d, versions.get(d["id"])) for d in documents}
    why = _full_reason(frozen, since, sigs, full)
    if why:
        rec: dict = {}
        clusters = story_clusters(documents, use_encoder=False, record=rec)
        new_frozen = {"version": version(), "n": rec["n"], "df": rec["df"], "keys": rec["keys"], "sigs": sigs}
        new_since = {"keys": {}, "sigs": {}, "joined": sorted(map(list, rec["joined"])), "gone": []}
        story_of = {d: n for n, c in enumerate(clusters) for d in c}
        return story_of, new_frozen, new_since, {"stories": "full", "stories_reason": why,
                                                 "stories_compared": len(documents)}
    # incremental: the frozen statistics as stored
    df, n = frozen["df"], frozen["n"]
    fsigs, fkeys = frozen["sigs"], frozen["keys"]
    gone = set(since.get("gone") or [])     # counted by the statistics, absent from the last run: their
    keys = {d: k for d, k in fkeys.items() if sigs.get(d) == fsigs[d] and d not in gone}    # pairs went
    keys.update((d, k) for d, k in since["keys"].items() if sigs.get(d) == since["sigs"].get(d))
    todo = sorted(d for d in sigs if d not in keys)         # new, or changed since their keys were made
    docs = {d["id"]: d for d in documents}
    joined = [(a, b) for a, b in since["joined"] if a in keys and b in keys]
    from .reconcile.stories import _day, cosine, day_gap_limit, doc_bag, doc_vector, joins
    vecs: dict[str, dict] = {}

    def vector(d: str) -> dict:
        if d not in vecs:
            own = 0 if d in fsigs and fsigs[d] == sigs[d] else 1    # counted by the frozen statistics
            vecs[d], k = doc_vector(doc_bag(docs[d], cfg), df, n, cfg, own)
            if d in todo_set:
                keys[d] = k
        return vecs[d]
    todo_set = set(todo)
    for d in todo:
        vector(d)
    wanted = {k for d in todo for k in keys[d]}
    members: dict[str, list[str]] = defaultdict(list)
    for d, ks in keys.items():
        for k in ks:
            if k in wanted:
                members[k].append(d)
    limit = day_gap_limit(cfg)
    days: dict[str, int | None] = {}
    seen: set = set()
    for a in todo:
        for k in keys[a]:
            for b in members[k]:
                pair = (a, b) if a < b else (b, a)
                if b == a or pair in seen:
                    continue
                seen.add(pair)
                for x in pair:
                    if x not in days:
                        days[x] = _day(docs[x])
                da, db = days[pair[0]], days[pair[1]]
                gap = abs(da - db) if da is not None and db is not None else 0
                if gap > limit:
                    continue
                if joins(cosine(vector(pair[0]), vector(pair[1])), gap, cfg):
                    joined.append(pair)
    story_of = _clusters_to_story_of(sigs, joined)
    new_since = {"keys": {d: k for d, k in keys.items() if d not in fkeys or fsigs[d] != sigs[d]},
                 "sigs": {d: sigs[d] for d in keys if d not in fkeys or fsigs[d] != sigs[d]},
                 "joined": sorted(map(list, set(map(tuple, joined)))),
                 "gone": sorted(d for d in fkeys if d not in sigs)}
    return story_of, None, new_since, {"stories": "incremental", "stories_new": len(todo),
                                       "stories_compared": len(vecs)}


def _full_reason(frozen: dict | None, since: dict | None, sigs: dict[str, str], full: bool) -> str | None:
    """Why this run recomputes the statistics (None: it keeps them)."""
    if full:
        return "asked (--full)"
    if not _valid(frozen, since):
        return "none stored (or damaged)"
    if frozen.get("version") != version():
        return "the clustering's code or settings changed"
    fsigs = frozen["sigs"]
    moved = sum(1 for d, s in sigs.items() if fsigs.get(d) != s) + sum(1 for d in fsigs if d not in sigs)
    if moved > REFREEZE_FRACTION * max(len(fsigs), 1):
        return f"{moved} documents added, changed or removed since the statistics were frozen " \
               f"(over {REFREEZE_FRACTION:.0%} of {len(fsigs)})"
    return None


def _valid(frozen, since) -> bool:
    """Do the stored statistics have the shape this module writes?"""
    try:
        return (isinstance(frozen["df"], dict) and isinstance(frozen["n"], int) and isinstance(frozen["keys"], dict)
                and isinstance(frozen["sigs"], dict) and frozen["keys"].keys() == frozen["sigs"].keys()
                and isinstance(since["keys"], dict) and isinstance(since["sigs"], dict)
                and since["keys"].keys() == since["sigs"].keys()
                and all(isinstance(p, list) and len(p) == 2 for p in since["joined"])
                and isinstance(since.get("gone", []), list))
    except (KeyError, TypeError):
        return False


def frozen_clusters(documents: list[dict], versions: dict[str, str], frozen: dict) -> dict[str, int]:
    """The stories of ``documents`` from scratch under the frozen statistics ``frozen`` (every pair
    that shares a key compared): what any sequence of incremental runs from ``frozen`` gives."""
    from .reconcile.stories import _day, cosine, day_gap_limit, doc_bag, doc_vector, joins
    from .reconcile.text import config
    cfg = config()["story"]
    sigs = {d["id"]: doc_sig(d, versions.get(d["id"])) for d in documents}
    vecs, keys, days = {}, {}, {}
    for d in documents:
        own = 0 if frozen["sigs"].get(d["id"]) == sigs[d["id"]] else 1
        vecs[d["id"]], keys[d["id"]] = doc_vector(doc_bag(d, cfg), frozen["df"], frozen["n"], cfg, own)
        days[d["id"]] = _day(d)
    members = defaultdict(set)
    for d, ks in keys.items():
        for k in ks:
            members[k].add(d)
    joined = set()
    for ms in members.values():
        for a in ms:
            for b in ms:
                if a < b:
                    gap = abs(days[a] - days[b]) if days[a] is not None and days[b] is not None else 0
                    if gap <= day_gap_limit(cfg) and joins(cosine(vecs[a], vecs[b]), gap, cfg):
                        joined.add((a, b))
    return _clusters_to_story_of(sigs, joined)
