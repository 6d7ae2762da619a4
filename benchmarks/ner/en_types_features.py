"""The features of a learned last decision on English names, tried in ner27 (issue 17) and NOT shipped
(benchmarks/ner/gum_type_cv.py gives the figures): for each Latin-script person, place or organisation the
English path found (spaCy's small model, the knowledge base, the rules of riwaya/ner/english.py), keep its
type, give it another, or drop it, by a small logistic model whose features are the span's own shape and the
rules' verdicts (its source, a knowledge-base link, a body's or facility's head word, the word before and
after it, how common the word is in lower case, whether the text writes it in lower case, whether it stands
in a short line, how often the document names it). A decision is taken only where the model is sure: a new
type where its probability beats the present type's by `margin`, a drop where "none" is at least `drop`.
"""
from __future__ import annotations

import math
import re


TYPES = ("person", "place", "organization")

_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_PREV = re.compile(r"([A-Za-z][\w'’-]*|[^\w\s])?[ \t]*$")
_NEXT = re.compile(r"^[ \t]*([A-Za-z][\w'’-]*|[^\w\s])?")


def _bucket_zipf(w: str) -> str:
    from riwaya.ner.english import _zipf
    z = _zipf(w)
    return "0" if z < 1 else "1-3" if z < 3 else "3-4" if z < 4 else "4-5" if z < 5 else "5+"


def features(text: str, m, counts: dict, lows: frozenset, sport: bool) -> list[str]:
    """The features of one mention (strings; each counts 1), alone and with the present type."""
    from riwaya.ner.english import is_title, rules
    r = rules()
    span = text[m.start:m.end]
    words = span.split()
    low = [w.lower().strip(".,") for w in words]
    t = m.type
    f = [f"src={m.source}", "kb" if m.kb_id else "nokb", f"nw={min(len(words), 4)}"]
    if all(w.isupper() and len(re.sub(r"\W", "", w)) >= 2 for w in words):
        f.append("caps")
    if len(words) == 1:
        f.append("z=" + _bucket_zipf(words[0]))
        if words[0].lower() in lows:
            f.append("lower_elsewhere")
        if re.fullmatch(r"[A-Z][a-z]+s", words[0]):
            f.append("plural_s")
    if any(w in r["organization_words"] for w in low):
        f.append("org_word")
    if low and low[-1] in r["facility_heads"]:
        f.append("facility_head")
    if any(w in ("of", "for", "and", "the") for w in low[1:]):
        f.append("linker")
    if any(re.search(r"[a-z][A-Z]", w) for w in words):
        f.append("camel")          # "eHow", "wikiHow", "iPhone": a product or site
    if any(re.search(r"\d", w) for w in words):
        f.append("digit")
    pm = _PREV.search(text, max(0, m.start - 30), m.start)
    prev = (pm.group(1) or "").lower() if pm else ""
    nm = _NEXT.match(text[m.end:m.end + 30])
    nxt = (nm.group(1) or "").lower() if nm else ""
    line_s = text.rfind("\n", 0, m.start) + 1
    line_e = text.find("\n", m.end)
    line_e = len(text) if line_e < 0 else line_e
    if not text[line_s:m.start].strip():
        f.append("line_start")
    if line_e - line_s < 60:
        f.append("short_line")
    if prev in ("the",):
        f.append("after_the")
    elif prev in ("in", "at", "from", "to", "near", "into", "across", "around"):
        f.append("after_loc_prep")
    elif prev in ("of",):
        f.append("after_of")
    elif prev in ("by", "with", "and", "said", "says", "told", "asked"):
        f.append("after_" + prev)
    elif prev and is_title(prev):
        f.append("after_title")
    elif prev in (".", "?", "!", ":", ""):
        f.append("after_stop")
    if nxt in ("'s", "’s", "'", "’"):
        f.append("before_poss")
    elif nxt in ("said", "says", "told", "asked", "added", "wrote", "explained"):
        f.append("before_speech")
    elif nxt in ("is", "was", "has", "had", "will", "would", "are", "were"):
        f.append("before_aux")
    elif nxt in ("of",):
        f.append("before_of")
    elif nxt and is_title(nxt):
        f.append("before_title")
    elif nxt in (",", ".", ")"):
        f.append("before_punct")
    n = counts.get(span, 1)
    f.append("count=" + ("1" if n == 1 else "2-3" if n <= 3 else "4+"))
    if sport:
        f.append("sport_doc")
    return [f"t={t}"] + f + [f"{t}&{x}" for x in f]


def _sport(text: str) -> bool:
    from riwaya.ner.english import _sport_res
    r = _sport_res()
    cues = {re.sub(r"\s+", " ", m.group().lower()) for m in r["sport_cue_re"].finditer(text)}
    return len(cues) >= r["sport_min_cues"]


def candidates(text: str, mentions: list) -> list:
    """The mentions the decision reads: Latin-script, not generic, of the three types."""
    return [m for m in mentions if m.type in TYPES and not m.generic and _LATIN.search(m.text or "")
            and not _ARABIC.search(m.text or "")]


def featurize(text: str, mentions: list) -> list[tuple[object, list[str]]]:
    from riwaya.ner.english import _lower_words
    cands = candidates(text, mentions)
    if not cands:
        return []
    counts: dict = {}
    for m in cands:
        counts[text[m.start:m.end]] = counts.get(text[m.start:m.end], 0) + 1
    lows = _lower_words(text)
    sport = _sport(text)
    return [(m, features(text, m, counts, lows, sport)) for m in cands]


def probabilities(mdl: dict, feats: list[str]) -> dict:
    vocab, coef, b = mdl["vocab"], mdl["coef"], mdl["intercept"]
    idx = [vocab[x] for x in set(feats) if x in vocab]
    z = [b[k] + sum(row[i] for i in idx) for k, row in enumerate(coef)]
    top = max(z)
    ex = [math.exp(v - top) for v in z]
    s = sum(ex)
    return {c: e / s for c, e in zip(mdl["classes"], ex)}
