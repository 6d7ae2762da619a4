"""Turn a Document into what analysis reads: paragraphs with their language,
page furniture blanked (kept in the original, never analysed), Arabic repaired,
and the offset map from every clean character back to ``Document.text``.
"""
from __future__ import annotations

import bisect
import re
from itertools import islice
from functools import lru_cache
from importlib import resources

from riwaya.datafiles import yaml_load

from ..models import Document, Paragraph, Prepared
from ..textutil import _ARABIC, _LATIN, apply_edits, normalize_ar
from .repair import repair

_PARA = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def _furniture() -> dict:
    data = yaml_load(resources.files("riwaya").joinpath("data/ingest/furniture.yaml").read_text("utf-8"))
    data["_lines"] = {_key(x) for x in data["lines"]}
    return data


_NON_WORD = re.compile(r"[\s\W_]+")


def _key(s: str) -> str:
    return _NON_WORD.sub(" ", normalize_ar(s)).strip()


def paragraph_language(text: str) -> str:
    """Language by script; Latin-script paragraphs go to langid (en, fr, ...)."""
    # script_counts' verdicts without counting every Arabic letter: Arabic wins when it has at least as many
    # letters as Latin (lat of them are enough to know; none at all and no Latin: "und")
    lat = len(_LATIN.findall(text))
    if sum(1 for _ in islice(_ARABIC.finditer(text), max(lat, 1))) >= max(lat, 1):
        return "ar"
    if lat == 0:
        return "und"
    if lat < 20:
        return "en"
    return latin_language(text)


# langid's class scores, np.dot(uint32 counts, float32 weights), cast the 7,480 x 97 weights to float64 at every
# call (most of langid's time: 3.2 -> 1.4 ms CPU a paragraph here); the same dot of the same float64 operands, the
# weights cast once, gives the same scores bit for bit (speed31; tests/test_speed31_langid.py). Off: langid itself.
LANGID_WEIGHTS_ONCE = True


@lru_cache(maxsize=1)
def _langid():
    """langid's identifier (its model loaded) and its class weights as float64, as `nb_classprobs` uses them."""
    import numpy as np
    from langid import langid as lid
    if lid.identifier is None:
        lid.load_model()
    ident = lid.identifier
    return ident, ident.nb_ptc.astype(np.float64)


def latin_language(text: str) -> str:
    """``langid.classify(text)[0]``: the language langid gives a Latin-script text."""
    if not LANGID_WEIGHTS_ONCE:
        import langid
        return langid.classify(text)[0]
    import numpy as np
    ident, ptc = _langid()
    fv = ident.instance2fv(text)
    # nb_classprobs and classify, with the weights cast once (np.dot casts both operands to float64)
    probs = ident.norm_probs(np.dot(fv.astype(np.float64), ptc) + ident.nb_pc)
    return str(ident.nb_classes[np.argmax(probs)])


SHORT_WORDS = 40     # langid misreads short Latin lines ("Israeli airstrikes hit weapons depots." -> fr)


def _short_latin_follow_the_document(text, paras):
    """A short Latin-script paragraph that langid gives another language than English is English when the
    Latin text of the whole document, read at once, is."""
    odd = [i for i, (s, e, lang, f) in enumerate(paras)
           if lang not in ("en", "ar", "und") and len(text[s:e].split()) < SHORT_WORDS]
    if not odd:
        return paras
    latin = "\n".join(text[s:e] for s, e, lang, f in paras if lang not in ("ar", "und") and not f)
    if latin_language(latin) != "en":
        return paras
    return [(s, e, "en", f) if i in odd else (s, e, lang, f) for i, (s, e, lang, f) in enumerate(paras)]


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines, stripped of surrounding white space, as (start, end)."""
    out = []
    for m in _PARA.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def is_furniture(line: str, seen: set[str], key: str | None = None) -> bool:
    """Whether a paragraph is page furniture; ``key``: its ``_key``, if the caller has it."""
    f = _furniture()
    k = _key(line) if key is None else key
    if not k:
        return True
    if k in f["_lines"]:
        return True
    words = len(line.split())
    if words <= f["max_prefix_line_words"] and any(line.startswith(p) for p in f["prefixes"]):
        return True
    if words <= f["max_suffix_line_words"] and line.rstrip(" .!").endswith(tuple(f["suffixes"])):
        return True
    # a short line seen before (a repeated heading or title) is page furniture
    return words <= 15 and k in seen


def prepare(doc: Document) -> Prepared:
    text = doc.text
    spans = split_paragraphs(text)
    seen: set[str] = set()
    paras: list[tuple[int, int, str, bool]] = []
    for s, e in spans:
        line = text[s:e]
        k = _key(line)
        furn = is_furniture(line, seen, k)
        seen.add(k)
        paras.append((s, e, paragraph_language(line), furn))
    paras = _short_latin_follow_the_document(text, paras)
    # blank furniture, same length, so nothing downstream reads it
    blank = [(s, e, " " * (e - s)) for s, e, _, f in paras if f]
    base = apply_edits(text, blank)[0] if blank else text     # (no offsets list made for most documents)
    clean, offsets, repairs = repair(base, [s for s, _, lang, f in paras if lang == "ar" and not f])
    # paragraphs in clean offsets
    out = []
    for s, e, lang, furn in paras:
        cs = bisect.bisect_left(offsets, s, 0, len(offsets) - 1)
        ce = bisect.bisect_left(offsets, e, 0, len(offsets) - 1)
        out.append(Paragraph(cs, ce, lang, furn))
    return Prepared(doc_id=doc.id, clean=clean, offsets=offsets, paragraphs=out,
                    repairs=repairs, published=doc.published)
