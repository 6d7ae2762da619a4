"""Document-level story clustering: which documents report the same story.

Blocking: each document is indexed under its few highest-idf tokens (title
weighted), and only documents sharing a key within a date window are compared
(never all pairs). Similarity: tf-idf cosine; optionally blended with the
cross-lingual sentence encoder on title + lead (so an English and an Arabic
report of one story can meet even without shared tokens, via encoder keys).
"""
from __future__ import annotations

import math
import sys
from collections import Counter, defaultdict
from datetime import date

from . import encoder
from .core import UnionFind
from .relations import body_text
from .text import config, tokens

# tiny language-neutral stoplist by length/frequency is learned from the corpus (df);
# no word list needed.


def _day(d: dict):
    p = (d.get("published") or (d.get("meta") or {}).get("retrieved") or "")[:10]   # a fetch day: near enough
    try:
        return date.fromisoformat(p).toordinal()
    except ValueError:
        return None


def _lead(d: dict, n: int) -> str:
    return " ".join(((d.get("title") or "") + " . " + body_text(d)).split()[:n])


def doc_bag(d: dict, cfg: dict) -> Counter:
    """A document's words as story clustering weighs them: its title's (``title_weight`` times) and
    its lead's, longer than two letters."""
    toks = [t for t in tokens(d.get("title") or "") if len(t) > 2] * cfg["title_weight"]
    toks += [t for t in tokens(body_text(d))[: cfg["lead_words"] * 3] if len(t) > 2]
    return Counter(map(sys.intern, toks))    # one string per word of the corpus, not per document


def doc_vector(c: Counter, df, n: int, cfg: dict, own: int = 0) -> tuple[dict, list]:
    """A bag's tf-idf vector (unit length) under document frequencies ``df`` of ``n`` documents, and
    its blocking keys (highest-weight words shared by some but not too many documents). ``own``: added
    to each word's frequency (1: a document that ``df`` does not count, weighed as if added to it)."""
    dfs = {t: df.get(t, 0) + own for t in c}
    v = {t: (1 + math.log(k)) * math.log((n + 1) / (dfs[t] + 0.5)) for t, k in c.items() if dfs[t] > 0}
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    cand = sorted((t for t in v if 1 < dfs[t] <= cfg["max_key_df"]), key=lambda t: (-v[t], t))
    return {t: x / norm for t, x in v.items()}, cand[: cfg["keys_per_doc"]]


def day_gap_limit(cfg: dict) -> int:
    """Documents further apart in days are never compared."""
    return max(cfg["max_day_gap"], cfg.get("far_day_gap", 0))


def cosine(va: dict, vb: dict) -> float:
    if len(va) > len(vb):
        va, vb = vb, va
    return sum(x * vb.get(t, 0.0) for t, x in va.items())


def joins(cos: float, gap: int, cfg: dict) -> bool:
    """Are two compared documents ``gap`` days apart one story at this similarity? A story told again
    days later (a verdict, a death of the injured, a crawl's lag) only by near copies of its words
    beyond max_day_gap."""
    return cos >= (cfg["min_cosine"] if gap <= cfg["max_day_gap"] else cfg["far_min_cosine"])


def story_clusters(documents: list[dict], use_encoder: bool | None = False, return_pairs: bool = False,
                   record: dict | None = None):
    """Stories (lists of document ids, sorted, by their first). ``record``: a dict filled with what an
    incremental run needs (``riwaya/story_index.py``): the document frequencies, the number of
    documents, each document's keys and the pairs joined."""
    cfg = config()["story"]
    docs = sorted(documents, key=lambda d: d["id"])
    bags = {}
    df = Counter()
    for d in docs:
        c = doc_bag(d, cfg)
        bags[d["id"]] = c
        df.update(c.keys())
    n = len(docs) + cfg.get("idf_prior_docs", 0)  # small collections: shared words still count
    vecs, keys = {}, {}
    for d in docs:
        c = bags.pop(d["id"])         # memory: a document's bag is done with once its vector is made
        vecs[d["id"]], keys[d["id"]] = doc_vector(c, df, n, cfg)
    emb = None
    if use_encoder:
        n_words = cfg.get("encoder_words", 60)
        m = encoder.encode([_lead(d, n_words) for d in docs])
        if m is not None:
            emb = {d["id"]: m[i] for i, d in enumerate(docs)}
    blocks = defaultdict(list)
    for d in docs:
        for k in keys[d["id"]]:
            blocks[k].append(d["id"])
    days = {d["id"]: _day(d) for d in docs}
    # every compared pair once; its score kept only when asked (at 30k articles the scores of all
    # compared pairs were the corpus stage's peak), else a number per pair marks it compared
    pairs = {}
    joined = []
    num = {d["id"]: i for i, d in enumerate(docs)}
    seen: set[int] = set()
    uf = UnionFind()
    for d in docs:
        uf.find(d["id"])
    for members in blocks.values():
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                a, b = members[i], members[j]
                key = num[a] * len(docs) + num[b]
                if key in seen:
                    continue
                seen.add(key)
                gap = abs(days[a] - days[b]) if days[a] is not None and days[b] is not None else 0
                if gap > day_gap_limit(cfg):
                    continue
                cos = cosine(vecs[a], vecs[b])
                if emb is not None:
                    e = float(emb[a] @ emb[b])
                    w = cfg["encoder_weight"]
                    # map encoder cosine to the tf-idf scale around both thresholds
                    e_scaled = (e - cfg["encoder_min_cosine"]) + cfg["min_cosine"]
                    cos = (1 - w) * cos + w * e_scaled
                if return_pairs:
                    pairs[(a, b)] = cos
                if joins(cos, gap, cfg):
                    uf.union(a, b)
                    if record is not None:
                        joined.append((a, b))
    groups = defaultdict(list)
    for d in docs:
        groups[uf.find(d["id"])].append(d["id"])
    clusters = sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
    if record is not None:
        record.update(df=dict(df), n=n, keys=keys, joined=joined)
    if return_pairs:
        return clusters, pairs
    return clusters
