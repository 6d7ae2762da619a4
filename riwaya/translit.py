"""Cross-script name keys: Arabic <-> Latin.

Two mechanisms, both data-free:

* ``skeleton(name)``: a consonant skeleton shared by an Arabic name and its usual
  Latin renderings ("كامل صقر", "Kamal Saqr", "Kamel Sakr" -> "KML SKR"). Vowels,
  weak letters (ا و ي ع ء), the article (ال / al- / el- / ad- ...) and doubled
  letters are dropped; letters that Latin spellings confuse share one class
  (ح خ ه h kh -> H; ك ق غ k q g gh c -> K; س ص ش s sh -> S; ...).
* ``romanize(name)``: the offline ONNX model of ``arabic-name-romanizer`` when it
  is installed, else a simple rule-based Arabic -> Latin transliteration.
  ``latin_variants(name)`` returns a small lattice of plausible Latin spellings.

Skeletons are blocking keys (cheap, recall-oriented): callers must still check
types and lengths before merging.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from .lang.arabic import strip_vowel_marks
from .textutil import normalize_ar

_AR_CLASS = {
    "ب": "B", "ت": "T", "ط": "T", "ث": "T", "ج": "J", "ح": "H", "خ": "H", "ه": "H",
    "د": "D", "ذ": "D", "ض": "D", "ظ": "Z", "ز": "Z", "ر": "R", "س": "S", "ص": "S",
    "ش": "S", "ف": "F", "ق": "K", "ك": "K", "غ": "K", "ل": "L", "م": "M", "ن": "N",
    "پ": "B", "چ": "J", "گ": "K", "ڤ": "F", "ک": "K", "ی": "",
}
# Latin digraphs first, then single letters.
_LAT_DIGRAPHS = [("kh", "H"), ("gh", "K"), ("sh", "S"), ("ch", "S"), ("th", "T"), ("dh", "D"),
                 ("ph", "F"), ("ck", "K"), ("dj", "J"), ("zh", "J"), ("ou", ""), ("ee", "")]
_LAT_CLASS = {
    "b": "B", "p": "B", "t": "T", "j": "J", "g": "K", "h": "H", "d": "D", "z": "Z", "r": "R",
    "s": "S", "f": "F", "v": "F", "q": "K", "k": "K", "c": "K", "l": "L", "m": "M", "n": "N",
    "x": "KS",
}
_LAT_ARTICLE = re.compile(r"^(?:al|el|ul|as|ash|ad|ar|an|az|at|ath|adh|ad|es|esh|ed|er|en|ez|et)[-‐ʼ'’]", re.I)
_AR_ARTICLE = re.compile("^ال(?=..)")
_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640'’ʼ-]+")
_ARABIC = re.compile("[\u0600-\u06FF]")


def is_arabic(s: str) -> bool:
    return bool(_ARABIC.search(s or ""))


def fold_latin(s: str) -> str:
    """Lowercase, no accents, apostrophes removed: the Latin matching key."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower().replace("’", "").replace("'", "").replace("ʼ", "")


def _squeeze(classes: list[str]) -> str:
    """Join letter classes; '-' marks a vowel: collapse doubles only when adjacent."""
    out: list[str] = []
    prev = ""
    for c in classes:
        if c == "-":
            prev = ""
            continue
        for ch in c:
            if ch != prev:
                out.append(ch)
            prev = ch
    return "".join(out)


def _collapse(s: str) -> str:
    out = []
    for c in s:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _lat_token_skeleton(tok: str) -> str:
    t = fold_latin(tok)
    t = _LAT_ARTICLE.sub("", t)
    if t in ("al", "el", "the", "bin", "ibn", "ben", "bint", "abu", "abou", "bu"):
        return "" if t not in ("abu", "abou", "bu") else "B"
    if len(t) > 3 and (t.endswith("ah") or t.endswith("eh")):
        t = t[:-1]
    if len(t) > 6 and re.match("abd[aeiou]l", t):
        t = "abd" + t[5:]
    out = []
    i = 0
    while i < len(t):
        two = t[i:i + 2]
        hit = next((b for a, b in _LAT_DIGRAPHS if a == two), None)
        if hit is not None:
            out.append(hit or "-")
            i += 2
            continue
        out.append(_LAT_CLASS.get(t[i], "-"))
        i += 1
    return _squeeze(out)


def _ar_token_skeleton(tok: str) -> str:
    t = normalize_ar(tok)
    if t in ("بن", "ابن", "بنت"):
        return ""
    if t in ("ابو", "ابي", "ابا"):
        return "B"
    t = _AR_ARTICLE.sub("", t)
    if t.startswith("عبدال") and len(t) > 6:
        t = "عبد" + t[5:]
    if t.endswith("ه") and len(t) > 2:
        t = t[:-1]
    return _squeeze([_AR_CLASS.get(c, "-") for c in t])


@functools.lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """Consonant skeleton of a name, tokens joined by spaces ('' if nothing left)."""
    toks = _WORD.findall(name or "")
    parts = []
    for tok in toks:
        # split "al-Assad" style hyphenated article, keep "Abdul-Karim" together
        sk = _ar_token_skeleton(tok) if is_arabic(tok) else _lat_token_skeleton(tok.replace("-", "") if not _LAT_ARTICLE.match(tok) else tok)
        if sk:
            parts.append(sk)
    # Arabic "عبد الكريم" and Latin "Abdul Karim"/"Abdulkarim": glue "BD" with the next part
    glued = []
    for p in parts:
        if glued and glued[-1] in ("BD", "BDL", "B"):
            glued[-1] = _collapse(glued[-1].rstrip("L") + p) if glued[-1] != "B" else "B" + p
        else:
            glued.append(p)
    return " ".join(glued)


# --- Arabic -> Latin -------------------------------------------------------------
_SIMPLE = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ء": "", "ؤ": "u", "ئ": "i", "ب": "b", "ت": "t",
    "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s",
    "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a",
}


def simple_romanize(name: str) -> str:
    """Rule-based fallback: consonants plus long vowels, article as 'al-'."""
    out = []
    for tok in normalize_ar_keep(name).split():
        art = ""
        if tok.startswith("ال") and len(tok) > 3:
            art, tok = "al-", tok[2:]
        s = []
        for i, c in enumerate(tok):
            if c == "و" and 0 < i:
                s.append("ou" if i < len(tok) - 1 else "ou")
            elif c == "ي" and 0 < i:
                s.append("i" if i < len(tok) - 1 else "i")
            else:
                s.append(_SIMPLE.get(c, c))
        w = "".join(s)
        out.append(art + (w[:1].upper() + w[1:] if w else w))
    return " ".join(out)


def normalize_ar_keep(s: str) -> str:
    """Diacritics and tatweel removed, letters kept (ة ى أ preserved)."""
    return strip_vowel_marks(unicodedata.normalize("NFKC", s or ""))


@functools.lru_cache(maxsize=1)
def _romanizer():
    try:
        import arabic_name_romanizer as anr  # optional dependency
        _bound_lattice()
        _unpadded_decode()
        anr.transliterate("سامي")          # make sure the model loads offline
        return anr
    except Exception:                       # pragma: no cover - optional
        return None


def _unpadded_decode() -> None:
    """arabic_name_romanizer (0.2) beam-searches a batch of name units padded to the longest, and the padding
    moves the result: "دولار" alone is "Doular", in a batch with longer units "Dular" (51 of 200 names of an
    unseen sample differed from their romanisation alone). So a name's romanisation hung on which names shared
    its batch, and with the on-disk cache (``resolve._romanize_batch``: only names not cached are batched) on
    whether the cache was on: the corpus stage's result did. Units of one encoded length are decoded together
    (no padding), in chunks of the model's batch size: each unit's result is its result alone, as fast."""
    try:
        from arabic_name_romanizer import inference
    except ImportError:                     # pragma: no cover - optional
        return
    model = getattr(inference, "OnnxModel", None)
    if model is None or getattr(model._decode, "_riwaya_unpadded", False) \
            or not all(hasattr(inference, f) for f in ("encode_source_ids", "beam_search", "rerank")):
        return

    def _decode(self, items, country):
        src = [inference.encode_source_ids(self.vocab, u, country, r) for u, r in items]
        by_len: dict[int, list[int]] = {}
        for i, ids in enumerate(src):
            by_len.setdefault(len(ids), []).append(i)
        out = [None] * len(items)
        for _n, ix in sorted(by_len.items()):
            for j in range(0, len(ix), self.batch_size):
                chunk = ix[j:j + self.batch_size]
                hyps = inference.beam_search(self.backend, [src[i] for i in chunk], self.vocab, self.beam_width,
                                             self.max_len, self.length_alpha)
                if self.prior is not None and self.prior_weight > 0:
                    hyps = [inference.rerank(h, country, self.prior, self.prior_weight) for h in hyps]
                for i, h in zip(chunk, hyps):
                    out[i] = h
        return out
    _decode._riwaya_unpadded = True
    model._decode = _decode


def _bound_lattice() -> None:
    """arabic_name_romanizer (0.2) combines the candidates of a name's units by building the whole
    product before keeping the best 50: 5 per unit, so 5^13 = 1.2 billion for a 13-word span
    that NER took for a name (a list of people in a caption). At 8k SaudiNewsNet articles one such
    span took the corpus stage past 10 GB. ``best_combinations`` returns the same 50 in the same
    order without building the product."""
    from arabic_name_romanizer import api, ranking
    if api.combine_units is ranking.combine_units:
        api.combine_units = best_combinations


def best_combinations(per_unit: list, max_per_unit: int = 5, max_combinations: int = 50) -> list:
    """The ``max_combinations`` best joins of one candidate per unit, best first, exactly as
    arabic_name_romanizer's ``combine_units`` orders them (score = product of the units' scores,
    ties in product order), enumerated lazily from a heap: a unit's next candidate never scores
    higher (the lists are sorted) and comes later in product order, so popping by (-score, index
    tuple) yields the sorted product. Memory and time grow with max_combinations x units."""
    import heapq
    import math
    from arabic_name_romanizer.ranking import Combined
    trimmed = [sorted(lst, key=lambda s: -s.score)[:max_per_unit] for lst in per_unit]
    if not trimmed or any(not t for t in trimmed):
        return []

    def entry(idx: tuple) -> tuple:
        parts = tuple(t[i] for t, i in zip(trimmed, idx))
        return -math.prod(p.score for p in parts), idx, parts

    start = (0,) * len(trimmed)
    heap, seen, out = [entry(start)], {start}, []
    while heap and len(out) < max_combinations:
        neg, idx, parts = heapq.heappop(heap)
        sources = {p.source for p in parts}
        out.append(Combined(" ".join(p.text for p in parts), -neg,
                            sources.pop() if len(sources) == 1 else "mixed", parts))
        for u in range(len(idx)):
            if idx[u] + 1 < len(trimmed[u]):
                nxt = idx[:u] + (idx[u] + 1,) + idx[u + 1:]
                if nxt not in seen:
                    seen.add(nxt)
                    heapq.heappush(heap, entry(nxt))
    return out


@functools.lru_cache(maxsize=65536)
def romanize(name: str) -> str:
    """Best single Latin rendering of an Arabic name."""
    if not is_arabic(name):
        return name
    anr = _romanizer()
    if anr is not None:
        try:
            r = anr.transliterate(name)
            if r:
                return str(r)
        except Exception:  # pragma: no cover
            pass
    return simple_romanize(name)


def latin_variants(name: str) -> list[str]:
    """A small lattice of Latin spellings of an Arabic name (model + rules)."""
    out = []
    for v in (romanize(name), simple_romanize(name)):
        if v and v not in out:
            out.append(v)
    return out
