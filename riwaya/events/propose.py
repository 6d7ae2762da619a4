"""A learned trigger proposer for Arabic: finds event triggers the lexicon lacks (issue 14).

The rules' lexicon (schema.yaml triggers and the forms learned from the corpus) proposes the words it
knows; recall stops there (فجر، عملية، حملة، انتقال، تواجد…). Here every content word of a sentence that
the lexicon does not know is a candidate, judged in context by two small logistic models trained by
``scripts/train_events.py`` on the annotated corpus (weights in ``data/events/model.json``, ``proposer``):

- *detect*: is this word an event trigger here (binary);
- *type*: of which event type (multinomial, over the types seen often enough in training).

Features: the normalised form, its stem after the proclitics and a pronoun suffix, a morphological
skeleton of the stem (augment letters kept, root letters as C: انتقال -> انتCاC, تواجد -> تواCC, the
verbal-noun and verb templates), prefix and suffix n-grams, the imperfect/past verb cues, whether the
lexicon knows the word (and its type), whether a name covers it (names are not triggers), the words
around it, its place in the sentence, and its distributional clusters (the NER's). Function words,
numbers and punctuation are skipped (the rules' own word lists). What it proposes then goes through
the rules' argument, time, polarity and source stages and the learned decisions after them like any
lexicon hit.
"""
from __future__ import annotations

import math
from bisect import bisect_left
from functools import lru_cache
from itertools import repeat

from riwaya.lang.arabic import prefix_set
from riwaya.ner.features import _clusters as _ner_clusters, norm as _ner_norm, strip as _ner_strip

# set by the training script: the proposer it is fitting with, and a list that collects the candidate
# words with their features (start, end, features, lexicon type) while the rules run
OVERRIDE: dict | None = None
RECORD: list | None = None

_PREFIXES = prefix_set("events_propose")
# the proposer's trained feature: arabic.yaml object_pronouns with كم, not a lone ه (normalised, it is also the
# feminine ة: حملة)
_SUFFIXES = ("هما", "هم", "ها", "هن", "كم")
_AUGMENT = frozenset("اتمنويسه")     # letters of the verb and verbal-noun templates (سألتمونيها, less ء ل)


_FILE_MODEL: list = []


def _file_model():
    """The shipped model file's contents: learned.model as first seen (a test may patch it later)."""
    if not _FILE_MODEL:
        from .learned import model as m
        _FILE_MODEL.append(m if hasattr(m, "cache_info") else None)
    return _FILE_MODEL[0]() if _FILE_MODEL[0] else None


def model() -> dict | None:
    if OVERRIDE is not None:
        return OVERRIDE or None
    from .learned import model_for
    return (model_for("ar") or {}).get("proposer")


@lru_cache(maxsize=1)
def _skip() -> frozenset[str]:
    """Words never proposed: the rules' function-word lists (cues.yaml not_agent, phrase_stops)."""
    from .extract import load_lexicon
    lex = load_lexicon()
    return frozenset(lex["stop"]["ar"]) | frozenset(lex["phrase_stops"]["ar"])


def split(n: str) -> tuple[str, str, str]:
    """(proclitic, stem, pronoun suffix) of a normalised word; the stem keeps at least three letters."""
    pre = next((p for p in _PREFIXES if n.startswith(p) and len(n) - len(p) >= 3
                and (not p.endswith("س") or n[len(p)] in "يتنا")), "")
    core = n[len(pre):]
    suf = next((s for s in _SUFFIXES if core.endswith(s) and len(core) - len(s) >= 3), "")
    return pre, core[:len(core) - len(suf)] if suf else core, suf


def skeleton(stem: str) -> str:
    return "".join(ch if ch in _AUGMENT else "C" for ch in stem)


@lru_cache(maxsize=100000)
def root_key(stem: str) -> str:
    """The stem less its template letters: نقل and انتقال share قل, وجد and تواجد share جد."""
    return "".join(ch for ch in stem if ch not in _AUGMENT)


_ROOTS: tuple = (None, {})


def _roots(lex: dict) -> dict[str, tuple[str, ...]]:
    """The lexicon's trigger types by root key (built once per lexicon)."""
    global _ROOTS
    if _ROOTS[0] is not lex:
        idx: dict[str, set] = {}
        for form, typ in lex["ar"].items():
            k = root_key(split(form)[1])
            if len(k) >= 2:
                idx.setdefault(k, set()).add(typ)
        _ROOTS = (lex, {k: tuple(sorted(v)) for k, v in idx.items()})
    return _ROOTS[1]


@lru_cache(maxsize=100000)
def form_features(n: str) -> tuple[tuple[str, ...], str, str]:
    """Features of a word by itself (cached per form), its stem and its root key."""
    pre, stem, suf = split(n)
    sk = skeleton(stem)
    impf = stem[:1] in "يتن" and len(stem) >= 4 and not pre.endswith("ال")
    f = (f"w={n}", f"stem={stem}", f"pre={pre}", f"suf={suf}", f"sk={sk}",
         f"sk_pre={sk}|{pre.endswith('ال')}", f"len={min(len(stem), 8)}",
         f"p2={stem[:2]}", f"p3={stem[:3]}", f"s1={stem[-1:]}", f"s2={stem[-2:]}", f"s3={stem[-3:]}",
         f"impf={impf}", f"def={pre.endswith('ال')}", f"past_pl={stem.endswith('وا')}",
         f"fem_t={stem.endswith('ت') and not impf}")
    return f + _clusters(n), stem, root_key(stem)


def _clusters(n: str) -> tuple[str, ...]:
    """The word's distributional clusters (the NER's word2vec k-means on SaudiNewsNet, looked up as its
    word_feats does): verbal nouns of events the corpus never annotated share clusters with those it
    did (حملة، عملية، هجوم)."""
    narrow, wide = _ner_clusters()
    k = _ner_norm(n)
    c = narrow.get(k) or narrow.get(_ner_strip(k))
    w = wide.get(k) or wide.get(_ner_strip(k))
    return ((f"c256={c[1]}", f"c={c[2]}") if c else ()) + ((f"k256={w[0]}",) if w else ())


def candidate(t, skip: frozenset) -> bool:
    n = t.n
    return len(n) >= 3 and n[:1].isalpha() and not n.isdigit() and n not in skip and not (
        n[:1] in "وف" and n[1:] in skip)


class _Cache:
    """Per word form, for one lexicon and one model: the lexicon's type, and the detector's score of the
    features of the form alone (most words are rejected on it plus a dozen context weights)."""
    lex = model = None
    known: dict[str, str] = {}
    form: dict[str, float] = {}
    side: dict[tuple[str, str], float] = {}      # ("prev"/"next", word) -> the detector's weight
    rest: float | None = None                   # the most the other context features can add

    @classmethod
    def check(cls, lex: dict, M: dict | None) -> None:
        if cls.lex is not lex or cls.model is not M or len(cls.form) > 200000:
            cls.lex, cls.model, cls.known, cls.form, cls.side, cls.rest = lex, M, {}, {}, {}, None
            if _shipped(lex, M):
                known, form = _seed()
                cls.known.update(known)
                cls.form.update(form)


def _shipped(lex: dict, M: dict | None) -> bool:
    """Whether the proposer runs with the shipped lexicon and model (not a training script's)."""
    from . import learned
    from .extract import load_lexicon
    return (M is not None and OVERRIDE is None and RECORD is None and learned.EXTRA_OVERRIDE is None
            and lex is load_lexicon() and M is ((_file_model() or {}).get("ar") or {}).get("proposer"))


@lru_cache(maxsize=1)
def _seed() -> tuple[dict, dict]:
    """The commonest forms' lexicon verdicts and form scores under the shipped lexicon and model
    (riwaya.formtable, section "events.propose_forms"; used only while current), or ({}, {})."""
    from riwaya.formtable import arrays, seed
    known, args = seed("events.propose_forms")
    got = arrays("events.propose_forms")
    if not known or got is None:
        return {}, {}
    rows, arrs = got
    score = arrs["score"].tolist()
    return known, {w: score[j] for w, j in rows.items()}


def _form_score(n: str, d: dict, roots: dict) -> float:
    """The detector's bias plus the weights of the form's own features (cached per form)."""
    z = _Cache.form.get(n)
    if z is None:
        w = d["w"]
        z = _Cache.form[n] = d["bias"] + sum(map(w.get, _form(n, roots)[0], repeat(0.0)))   # w.get(x, 0.0)
    return z


def _learn_bound(ctx: list[str], d: dict) -> None:
    """From the context features' names (prev=, next=, ent=, ...): the largest sum the context features
    other than prev= and next= can add, each at its kind's largest weight (none below zero)."""
    kinds = [x.split("=", 1)[0] for x in ctx]
    if kinds.count("prev") != 1 or kinds.count("next") != 1:
        _Cache.rest = float("inf")          # no bound: every word is scored in full
        return
    top: dict[str, float] = {}
    for f, v in d["w"].items():
        k = f.split("=", 1)[0]
        top[k] = max(top.get(k, 0.0), v)
    _Cache.rest = sum(top.get(k, 0.0) for k in kinds if k not in ("prev", "next"))


def _hopeless(n: str, prev: str, nxt: str, d: dict, roots: dict) -> bool:
    """Whether the detector rejects the word whatever its other context: its form's score, the weights of
    the words before and after it and the most the other context features can add stay under the
    threshold (by a margin far above the rounding of the sum), so the context features need not be made."""
    if _Cache.rest is None:
        return False
    side, w = _Cache.side, d["w"]
    zp = side.get(("prev", prev))
    if zp is None:
        zp = side[("prev", prev)] = w.get(f"prev={prev}", 0.0)
    zn = side.get(("next", nxt))
    if zn is None:
        zn = side[("next", nxt)] = w.get(f"next={nxt}", 0.0)
    return _form_score(n, d, roots) + zp + zn + _Cache.rest < d["logit"] - 1e-6


_LOOKUP_AR: list = [None]


def _known(n: str, lex: dict) -> str:
    k = _Cache.known.get(n)
    if k is None:
        lookup = _LOOKUP_AR[0]
        if lookup is None:          # extract's, bound at first use (extract imports this module)
            from .extract import _lookup_ar as lookup
            _LOOKUP_AR[0] = lookup
        k = _Cache.known[n] = "" if n in lex["not_trig"] else (lookup(n, lex) or ("",))[0]
    return k


def _form(n: str, roots: dict) -> tuple[tuple[str, ...], str]:
    """The features of the form by itself: its shape, the lexicon's verdict (none: only unknown words are
    scored) and the lexicon types of its root; and its stem."""
    ff, stem, rk = form_features(n)
    return ff + (f"lex={_Cache.known[n] or 'none'}",) + tuple(f"root={r}" for r in roots.get(rk, ())), stem


def propose(toks: list, headline: bool, mentions, lex: dict) -> dict[int, tuple[str, str]]:
    """Triggers the model finds among the words of one Arabic sentence that the lexicon does not know:
    {token index: (type, stem)}. `toks`: the extractor's tokens (s, e, raw, n); `mentions`: the entity
    mentions starting in the sentence."""
    M = model()
    if M is None and RECORD is None:
        return {}
    _Cache.check(lex, M)
    skip = _skip()
    roots = _roots(lex)
    # the entity mention covering each word (names are not triggers)
    ent: dict[int, str] = {}
    if mentions:
        starts = [t.s for t in toks]          # the tokens in order: those of each mention by bisection (speedev23)
        for m in mentions:
            for k in range(bisect_left(starts, m.start), len(toks)):
                if starts[k] >= m.end:
                    break
                ent[starts[k]] = m.type
    kget = _Cache.known.get          # a word seen before: its verdict without a call
    known = [k if (k := kget(t.n)) is not None else _known(t.n, lex) for t in toks]
    out = {}
    nt = len(toks)
    d = M and M["detect"]
    for i, t in enumerate(toks):
        if not candidate(t, skip):
            continue
        if RECORD is None and known[i]:
            continue         # the lexicon's own words: the rules propose them, the trigger model judges them
        prev = toks[i - 1].n if i else "<s>"
        nxt = toks[i + 1].n if i + 1 < nt else "</s>"
        if RECORD is None and _hopeless(t.n, prev, nxt, d, roots):
            continue         # rejected below whatever the rest of its context: not worth building
        ctx = [f"ent={ent.get(t.s, 'none')}", f"prev={prev}", f"next={nxt}",
               f"prev_lex={(known[i - 1] or 'none') if i else '<s>'}",
               f"next_lex={(known[i + 1] or 'none') if i + 1 < nt else '</s>'}",
               f"prev_ent={ent.get(toks[i - 1].s, 'none') if i else '<s>'}",
               f"next_ent={ent.get(toks[i + 1].s, 'none') if i + 1 < nt else '</s>'}",
               f"pos={min(i, 6)}", f"headline={headline}", f"prev_digit={prev[:1].isdigit()}"]
        if RECORD is not None:
            RECORD.append((t.s, t.e, list(_form(t.n, roots)[0]) + ctx, known[i]))
            if M is None or known[i]:
                continue
        if _Cache.rest is None:
            _learn_bound(ctx, d)
        z = _form_score(t.n, d, roots)
        w = d["w"]
        for x in ctx:
            z += w.get(x, 0.0)
        if z < d["logit"]:
            continue
        ff, stem = _form(t.n, roots)
        p = type_probs(M["type"], list(ff) + ctx)
        out[i] = (max(p, key=p.get), stem)
    return out


def type_probs(m: dict, feats: list[str]) -> dict[str, float]:
    """Class probabilities of the type model, whose weight rows are sparse: [[class index, weight], ...]."""
    z = list(m["bias"])
    w = m["w"]
    for f in feats:
        for k, v in w.get(f, ()):
            z[k] += v
    top = max(z)
    e = [math.exp(v - top) for v in z]
    s = sum(e)
    return {c: e[k] / s for k, c in enumerate(m["classes"])}
