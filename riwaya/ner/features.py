"""Token features for the Arabic CRF tagger."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from riwaya.lang.arabic import ner_key

DATA = Path(__file__).resolve().parent.parent / "data" / "ner"
CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


def _lines(name):
    p = DATA / name
    out = []
    if p.exists():
        for ln in p.read_text(encoding="utf-8").splitlines():
            ln = ln.strip()
            if ln and not ln.startswith("#"):
                out.append(ln)
    return out


def norm(w: str) -> str:
    """The CRF's key of a word: variant "ner" of riwaya.lang.arabic (the one the model was trained on)."""
    return ner_key(w)


@lru_cache(maxsize=1)
def lexicons():
    given, family = {}, {}
    for fn, dst in (("names_given.txt", given), ("names_family.txt", family)):
        for ln in _lines(fn):
            k, _, b = ln.partition("\t")
            k = norm(k)
            dst[k] = min(dst.get(k, "9"), b or "1")
    trig = {}
    for ln in _lines("triggers.txt"):
        k, _, ph = ln.partition("\t")
        trig[norm(ph)] = k
    gaz = {norm(x) for x in _lines("gaz_places.txt")}
    return given, family, trig, _clusters()[0], gaz


@lru_cache(maxsize=1)
def _clusters():
    """Two word -> cluster maps from word2vec k-means on SaudiNewsNet (scripts/build_clusters.py):
    narrow-window (c64, c256, c1024) and wide-window (k256, k1024)."""
    p = Path(os.environ.get("RIWAYA_NER_CLUSTERS") or DATA / "clusters.tsv.gz")  # env: experiments
    narrow, wide = {}, {}
    if p.exists():
        import gzip
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for ln in f:
                if ln.startswith("#"):
                    continue
                w, *c = ln.rstrip("\n").split("\t")
                if c[0]:
                    narrow[w] = tuple(c[:3])
                if len(c) >= 5 and c[4]:
                    wide[w] = (c[3], c[4])
    return narrow, wide


def strip(w: str) -> str:
    for c in CLITICS:
        if w.startswith(c) and len(w) - len(c) >= 2:
            return w[len(c):]
    return w


def shape(w):
    if w.isdigit():
        return "D"
    if re.fullmatch(r"[\u0600-\u06FF]+", w):
        return "A"
    if re.fullmatch(r"[A-Za-z]+", w):
        return "L" if w[0].isupper() else "l"
    if re.fullmatch(r"\W+", w):
        return "P"
    return "M"


@lru_cache(maxsize=200_000)
def word_feats(w):
    given, family, trig, clusters, gaz = lexicons()
    n = norm(w)
    s = strip(n)
    f = {
        "w": n, "s": s, "p2": n[:2], "p3": n[:3], "x2": n[-2:], "x3": n[-3:],
        "sh": shape(w), "al": n.startswith("ال"), "len": min(len(n), 8),
        "g": given.get(n, given.get(s, "-")), "fam": family.get(n, family.get(s, "-")),
        "t": trig.get(n, trig.get(s, "-")),
        "gz": n in gaz or s in gaz,
    }
    c = clusters.get(n) or clusters.get(s)
    if c:
        f["c64"], f["c256"], f["c"] = c
    if s != n and s in clusters:
        f["cs"] = clusters[s][2]
    wide = _clusters()[1]
    k = wide.get(n) or wide.get(s)
    if k:
        f["k256"], f["k1024"] = k
    return f


def doc_context(sents):
    """Cheap document-level evidence per stripped word (no first-pass tagging): seen right
    after a title/trigger of kind K ("dtPER"...), right after a common given name ("dg"),
    and how often it occurs ("dn2", "dn4")."""
    ev, cnt = {}, {}
    for toks in sents:
        base = [word_feats(t) for t in toks]
        for i, b in enumerate(base):
            s = b["s"]
            if len(s) < 3 or b["sh"] != "A":
                continue
            cnt[s] = cnt.get(s, 0) + 1
            if i:
                p = base[i - 1]
                if p["t"] != "-":
                    ev.setdefault(s, set()).add("dt" + p["t"])
                if p["g"] in ("1", "2") and p["s"] != s:
                    ev.setdefault(s, set()).add("dg")
    for s, n in cnt.items():
        if n >= 2:
            ev.setdefault(s, set()).add("dn4" if n >= 4 else "dn2")
    return ev


_NB = ("w", "s", "t", "g", "fam", "sh", "gz", "c", "c64")


@lru_cache(maxsize=200_000)
def _context_feats(w):
    """The features a word lends its neighbours at offsets -2, -1, +1, +2 (cached per word)."""
    o = word_feats(w)
    return {d: {f"{d}{k}": o[k] for k in _NB if k in o} for d in (-2, -1, 1, 2)}


_PAD = {d: {f"{d}w": "<pad>"} for d in (-2, -1, 1, 2)}


def sent2features(toks, doc=None):
    base = [word_feats(t) for t in toks]
    ctx = [_context_feats(t) for t in toks]
    n = len(toks)
    out = []
    for i, b in enumerate(base):
        f = {"bias": 1.0}
        f.update(b)
        if doc:
            for k in doc.get(b["s"], ()):
                f[k] = 1.0
        for d in (-2, -1, 1, 2):
            j = i + d
            f.update(ctx[j][d] if 0 <= j < n else _PAD[d])
        out.append(f)
    return out


TRIM = 0.3  # drop a span's trailing tokens whose CRF marginal is below this (tuned on dev)


def postprocess(toks, tags, marginal, trim=TRIM, merge=True):
    """Fix common CRF slips in a tagged sentence (tags: list of IOB2 strings, edited copy returned).
    - trim: a multi-token span loses trailing tokens the CRF is unsure of (`الحسن لاحق`);
    - merge: `B-X B-X` on adjacent tokens becomes one span unless the second starts with و
      (ANERcorp writes e.g. `كوت ديفوار`, `محمود صبري ابو تريكة` as one name)."""
    tags = list(tags)
    if trim:
        n = len(tags)
        for i in range(n):
            if tags[i].startswith("I-") and (i + 1 == n or not tags[i + 1].startswith("I-")):
                j = i
                while j > 0 and tags[j].startswith("I-") and marginal(tags[j], j) < trim:
                    tags[j] = "O"
                    j -= 1
    if merge:
        for i in range(1, len(tags)):
            if (tags[i].startswith("B-") and tags[i - 1] != "O" and tags[i - 1][2:] == tags[i][2:]
                    and not toks[i].startswith("و")):
                tags[i] = "I-" + tags[i][2:]
    return tags
