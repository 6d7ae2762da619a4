"""Token features for the Arabic CRF tagger."""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from riwaya.lang.arabic import ner_key, prefix_set

DATA = Path(__file__).resolve().parent.parent / "data" / "ner"
CLITICS = prefix_set("ner_features")


def _lines(name):
    p = DATA / name
    out = []
    if p.exists():
        for ln in p.read_text(encoding="utf-8").splitlines():
            ln = ln.strip()
            if ln and not ln.startswith("#"):
                out.append(ln)
    return out


norm = ner_key
"""The CRF's key of a word: variant "ner" of riwaya.lang.arabic (the one the model was trained on); ``ner_key``
itself (its cache's look-up, no Python frame)."""


NAME_LISTS_ALONE = True
"""``name_lists`` reads the name lists without the CRF's word clusters (resolve38): the corpus stage reads only
the names, and loading the clusters (``_clusters``, ~0.5 s CPU) was a third of what a corpus-stage-only process
spent loading before it resolved anything. False: ``name_lists`` is ``lexicons``."""


def name_lists():
    """``lexicons()`` with None for the word clusters (the same dicts): what the resolver, the morphology's
    name tests and the glosses read."""
    if not NAME_LISTS_ALONE:
        return lexicons()
    given, family, trig, gaz = _name_lists()
    return given, family, trig, None, gaz


@lru_cache(maxsize=1)
def lexicons():
    given, family, trig, gaz = _name_lists()
    return given, family, trig, _clusters()[0], gaz


@lru_cache(maxsize=1)
def _name_lists():
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
    return given, family, trig, gaz


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
        base = [_context_word(t) for t in toks]
        for i, (s, counted, _, _) in enumerate(base):
            if not counted:
                continue
            cnt[s] = cnt.get(s, 0) + 1
            if i:
                ps, _, dt, given = base[i - 1]
                if dt is not None:
                    ev.setdefault(s, set()).add(dt)
                if given and ps != s:
                    ev.setdefault(s, set()).add("dg")
    for s, n in cnt.items():
        if n >= 2:
            ev.setdefault(s, set()).add("dn4" if n >= 4 else "dn2")
    return ev


@lru_cache(maxsize=200_000)
def _context_word(w):
    """What doc_context reads of a word, from its word_feats (cached per word): its stripped key, whether
    it is counted (an Arabic word of 3+ letters stripped), the evidence it gives the next word as a
    title/trigger ("dt" + kind, or None) and whether it is a common given name. For the commonest forms
    all but the key are shipped (riwaya.formtable, section "ner.context_word"; used only while current)."""
    v = _context_seed().get(w)
    return (strip(norm(w)), *v) if v is not None else _context_computed(w)


@lru_cache(maxsize=1)
def _context_seed() -> dict:
    from riwaya.formtable import seed
    return seed("ner.context_word")[0]


def _context_computed(w):
    """`_context_word` computed."""
    b = word_feats(w)
    s = b["s"]
    return s, len(s) >= 3 and b["sh"] == "A", ("dt" + b["t"]) if b["t"] != "-" else None, b["g"] in ("1", "2")


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


# ---------------------------------------------------------------- the tagger's items, cached per word
# The tagger reads the features of sent2features as pycrfsuite turns them into CRFsuite attributes: a
# text value v of key k is the attribute b"k:v" of weight 1.0, a number or a boolean is the weight of
# the attribute b"k"; an attribute the model has no weight for is dropped by CRFsuite. sent_items gives
# those attributes directly, in the same order with the same weights, built once per word form, so the
# tagger sees the same instance without the per-token dicts and string joins (the tagger's top cost).
MODEL = Path(os.environ.get("RIWAYA_NER_MODEL") or DATA / "crf.model")  # env: experiments (another model)


@lru_cache(maxsize=1)
def model_attributes() -> frozenset:
    """The attributes the CRF model has weights for, as bytes."""
    from riwaya.ner.crf import CRF
    return frozenset(CRF.load(MODEL).attr_index)


def flat(feats: dict) -> dict:
    """A token's features as the attributes CRFsuite reads (pycrfsuite's rule), unknown ones left out."""
    known = model_attributes()
    out = {}
    for k, v in feats.items():
        kb = _KEYS.get(k) or _key_bytes(k)
        if isinstance(v, str):
            a = kb[0] + v.encode("utf-8")
            if a in known:
                out[a] = 1.0
        elif kb[1] in known:
            out[kb[1]] = v
    return out


_KEYS: dict = {}     # feature key -> (b"key:", b"key"): a few dozen keys


def _key_bytes(k: str) -> tuple[bytes, bytes]:
    _KEYS[k] = (f"{k}:".encode("utf-8"), k.encode("utf-8"))
    return _KEYS[k]


def _word_attributes(w):
    """(the word's stripped key, its own attributes [(bytes, value)], those it lends its neighbours
    without their offset prefix): what sent2features gives the word itself and what _context_feats
    lends, flattened in the same order, whether or not a model knows them."""
    feats = {"bias": 1.0, **word_feats(w)}
    attr = {}                       # key -> (attribute as if the key had no offset, weight)
    for k, v in feats.items():
        kb = _KEYS.get(k) or _key_bytes(k)
        attr[k] = (kb[0] + v.encode("utf-8"), 1.0) if isinstance(v, str) else (kb[1], v)
    return feats["s"], list(attr.values()), [attr[k] for k in _NB if k in attr]


@lru_cache(maxsize=200_000)
def _word_items(w):
    """(the word's stripped key, its own attributes, those it lends the words at -2, -1, +1, +2) as
    dicts, the attributes the shipped model lacks left out."""
    known = model_attributes()
    s, own, nb = _word_attributes(w)
    return (s, {a: x for a, x in own if a in known},
            *({b: x for a, x in nb if (b := pre + a) in known} for pre in _PREFIXES))


_PREFIXES = (b"-2", b"-1", b"1", b"2")     # the offsets of _context_feats, as its keys begin


@lru_cache(maxsize=1)
def _pad_items():
    return {d: flat(f) for d, f in _PAD.items()}


@lru_cache(maxsize=256)
def _doc_items(evidence):
    """The document-level attributes of a word (doc_context's set, in its iteration order)."""
    return flat(dict.fromkeys(evidence, 1.0))


_NONE: dict = {}


def sent_items(toks, doc=None):
    """``[flat(f) for f in sent2features(toks, doc)]``, from per-word caches: the same attributes in
    the same order (own, document, then those lent by the words at -2, -1, +1, +2)."""
    n = len(toks)
    if not n:
        return []
    w = [_word_items(t) for t in toks]
    pad = _pad_items()
    m2 = [pad[-2]] * min(2, n) + [x[2] for x in w[:n - 2]]
    m1 = [pad[-1]] + [x[3] for x in w[:n - 1]]
    p1 = [x[4] for x in w[1:]] + [pad[1]]
    p2 = [x[5] for x in w[2:]] + [pad[2]] * min(2, n)
    ev = [_doc_items(tuple(doc[x[0]])) if doc and x[0] in doc else _NONE for x in w]
    return [{**x[1], **e, **a, **c, **d, **f} for x, e, a, c, d, f in zip(w, ev, m2, m1, p1, p2)]


# ---------------------------------------------------------------- a document's label scores, in numpy
class DocScorer:
    """The label scores of a document's tokens under a CRF (riwaya.ner.crf): the sums CRFsuite makes of
    sent_items' attributes, term by term in the same order (so the same floating-point sums), from
    per-word caches. Every term is a row of one table: the model's weight rows (value 1), a row
    weight * value for other values, and per word the sum of its own attributes (they come first, so
    CRFsuite's running sum after them is that row). A token is then a list of row ids: its word's
    own row, its document evidence, and what the words at -2, -1, +1, +2 lend it."""

    CAP = 200_000       # words cached (like the lru caches above)

    def __init__(self, crf):
        self.crf = crf
        self.zero = crf.pad                          # the model's zero row
        self._base = crf.pad + 1
        self._table = np.zeros((self._base + 4096, len(crf.labels)))
        self._table[:self._base] = crf.state
        # the attributes lent at offset -2, -1, +1, +2, by their name without the offset: one look-up
        # gives the four ids (None where the model lacks one), no concatenation
        lent: dict = {}
        for j, pre in enumerate(_PREFIXES):
            for a, i in crf.attr_index.items():
                if a.startswith(pre):
                    lent.setdefault(a[len(pre):], [None] * 4)[j] = i
        self._lent4 = lent
        self._reset()
        # what a position outside the sentence lends (_PAD: "-2w:<pad>" ...), in the layout of _lent_ids
        width = len(_NB)
        self._pad = np.array([i for d in (-2, -1, 1, 2) for t in [self._terms(_word_attr_list(_PAD[d]), crf.attr_index)]
                              for i in t + [self.zero] * (width - len(t))], dtype=np.int32)

    def _reset(self):
        self._n = self._base
        self._words: dict = {}
        self._products: dict = {}
        self._evidence: dict = {}

    def _rows(self, rows) -> range:
        """Append rows to the table; their ids."""
        k = len(rows)
        while self._n + k > len(self._table):
            self._table = np.concatenate([self._table, np.zeros_like(self._table)])
        self._table[self._n:self._n + k] = rows
        self._n += k
        return range(self._n - k, self._n)

    def _product(self, i: int, x) -> int:
        """The row of weight * value for a value other than 1."""
        key = (i, float(x))
        j = self._products.get(key)
        if j is None:
            j = self._products[key] = self._rows([self.crf.state[i] * key[1]])[0]
        return j

    def _terms(self, attrs, index) -> list[int]:
        """Row ids of attributes [(bytes, value)] in order; unknown ones and value 0 (adds nothing) left out."""
        out = []
        for a, x in attrs:
            i = index.get(a)
            if i is not None and x != 0:
                out.append(i if x == 1 else self._product(i, x))
        return out

    def _lent_ids(self, nb) -> np.ndarray:
        """The row ids a word lends the words at -2, -1, +1, +2 (its _NB attributes without the offset),
        each offset's padded to len(_NB) with the zero row, as one flat array (int32: a cached word
        holds about 0.2 KB of ids instead of 1.3 KB as Python ints)."""
        width, zero, lent4 = len(_NB), self.zero, self._lent4
        m2, m1, p1, p2 = ids = ([], [], [], [])
        for a, x in nb:
            four = lent4.get(a)
            if four is None or x == 0:
                continue
            if x != 1:
                for j, i in enumerate(four):
                    if i is not None:
                        ids[j].append(self._product(i, x))
                continue
            i0, i1, i2, i3 = four           # the common case, unrolled: a value 1, the ids as they are
            if i0 is not None:
                m2.append(i0)
            if i1 is not None:
                m1.append(i1)
            if i2 is not None:
                p1.append(i2)
            if i3 is not None:
                p2.append(i3)
        for row in ids:
            row += [zero] * (width - len(row))
        return np.array(ids, dtype=np.int32).ravel()

    seed = None     # shipped ids of the commonest words under this scorer's model (riwaya.formtable), or None

    def _add_words(self, words) -> list:
        """Cache entries [stripped key, own row id, lent ids] of new words; their own rows summed in one
        numpy call, each from zero in CRFsuite's order. A word in `seed` reads its ids from there."""
        idx = self.crf.attr_index
        out, own = [], []
        rows, arrs = self.seed or ({}, None)
        for w in words:
            j = rows.get(w)
            if j is not None:
                off = arrs["own_start"]
                t = arrs["own"][off[j]:off[j + 1]].tolist()
                own.append([i if i >= 0 else self._product(-i >> 4, -i & 15) for i in t])
                out.append([strip(norm(w)), 0, arrs["lent"][j]])
                continue
            s, attrs, nb = _word_attributes(w)
            own.append(self._terms(attrs, idx))
            out.append([s, 0, self._lent_ids(nb)])
        M = np.full((len(words), max(map(len, own))), self.zero, dtype=np.intp)
        for j, t in enumerate(own):
            M[j, :len(t)] = t
        # np.add.reduce over the middle axis adds the terms in order (tests/test_ner_crf.py checks the bits)
        for e, r in zip(out, self._rows(np.add.reduce(self._table[M], axis=1))):
            e[1] = r
        for w, e in zip(words, out):
            self._words[w] = e
        return out

    def _doc_terms(self, keys) -> list[int]:
        t = self._evidence.get(keys)
        if t is None:
            t = self._evidence[keys] = self._terms(_evidence(keys), self.crf.attr_index)
        return t

    def scores(self, sents, doc=None):
        """(scores (sentences, longest, labels) padded with zeros, lengths) of a document's sentences."""
        L = len(self.crf.labels)
        lens = np.array([len(t) for t in sents], dtype=np.intp)
        if not len(lens):
            return np.zeros((0, 0, L)), lens
        if not lens.all():
            raise ValueError("DocScorer.scores: an empty sentence")
        if len(self._words) + int(lens.sum()) > self.CAP:
            self._reset()                            # between documents: a document's rows stay put
        cache = self._words
        seen, ents, u, new = {}, [], [], []          # each word form once per document
        for t in sents:
            for w in t:
                j = seen.get(w)
                if j is None:
                    j = seen[w] = len(ents)
                    e = cache.get(w)
                    if e is None:
                        new.append(j)
                    ents.append(e or w)
                u.append(j)
        if new:
            for j, e in zip(new, self._add_words([ents[j] for j in new])):
                ents[j] = e
        u = np.array(u, dtype=np.intp)
        n, nu = len(u), len(ents)
        cols = [np.array([e[1] for e in ents], dtype=np.intp)[u][:, None]]
        if doc:
            ev = [self._doc_terms(tuple(doc[e[0]])) if e[0] in doc else () for e in ents]
            k = max(map(len, ev))
            if k:
                evi = np.full((nu, k), self.zero, dtype=np.intp)
                for j, x in enumerate(ev):
                    evi[j, :len(x)] = x
                cols.append(evi[u])
        lent = np.array([e[2] for e in ents] + [self._pad], dtype=np.intp).reshape(nu + 1, 4, -1)  # nu: padding
        ar = np.arange(n)
        pos = ar - np.repeat(np.cumsum(lens) - lens, lens)                         # index in the sentence
        rem = np.repeat(lens, lens) - 1 - pos                                      # tokens after it
        for j, d in enumerate((-2, -1, 1, 2)):                                     # what the word at i+d lends
            ok = (pos >= -d) if d < 0 else (rem >= d)
            cols.append(lent[np.where(ok, u[np.clip(ar + d, 0, n - 1)], nu), j])
        ids = np.concatenate(cols, axis=1)
        ids = ids[:, (ids != self.zero).any(axis=0)]                               # columns of zero rows only
        table = self._table
        out = table[ids[:, 0]]
        for c in range(1, ids.shape[1]):                                           # term by term, in order
            out += table[ids[:, c]]
        S = np.zeros((len(lens), int(lens.max()), L))
        S[np.repeat(np.arange(len(lens)), lens), pos] = out
        return S, lens


def _word_attr_list(feats: dict):
    """A feature dict's attributes [(bytes, value)] by pycrfsuite's rule (as flat, unfiltered)."""
    out = []
    for k, v in feats.items():
        kb = _KEYS.get(k) or _key_bytes(k)
        out.append((kb[0] + v.encode("utf-8"), 1.0) if isinstance(v, str) else (kb[1], v))
    return out


def _evidence(keys):
    """The document-level attributes of a word (doc_context's set, in its iteration order)."""
    return _word_attr_list(dict.fromkeys(keys, 1.0))


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


def seed_ids(scorer: DocScorer, words: list[str]):
    """For scripts/build_form_table.py: per word, (own ids with a value other than 1 as -(id * 16 + value),
    lent ids), or None when a value does not fit that code; computed as _add_words does."""
    idx = scorer.crf.attr_index
    out = []
    for w in words:
        s, attrs, nb = _word_attributes(w)
        own = []
        for a, x in attrs:
            i = idx.get(a)
            if i is None or x == 0:
                continue
            if x == 1:
                own.append(i)
            elif isinstance(x, int) and 2 <= x < 16:
                own.append(-(i * 16 + x))
            else:
                own = None
                break
        if own is None or any(x not in (0, 1) for _, x in nb):
            out.append(None)
            continue
        out.append((own, scorer._lent_ids(nb)))
    return out
