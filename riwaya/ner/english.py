"""Corrections to the English tagger's spans (spaCy's small model), from riwaya/data/ner/english.yaml: the
mechanisms here, the words there. Issue 17 (enner17): counted on GUM Wikinews dev (benchmarks/ner/eval_gum.py
--kinds), the commonest kinds of error that a rule over the span can fix."""
import re
from collections import Counter
from functools import lru_cache

from riwaya.datafiles import DATA, load_yaml

_CODE = re.compile(r"[A-Z]{1,4}-?\d{1,4}[A-Za-z]?")
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_WORDS = re.compile(r"\S+")


@lru_cache(maxsize=1)
def rules() -> dict:
    r = load_yaml(DATA / "ner" / "english.yaml")
    for k, v in list(r.items()):
        if isinstance(v, list) and not k.endswith("_order"):
            r[k] = frozenset(w.lower() for w in v)
    alt = "|".join(sorted(map(re.escape, r["vehicle_words"]), key=len, reverse=True))
    r["vehicle_re"] = re.compile(r"(?i)\b(?:" + alt + r")\b")
    r["vehicle_name_re"] = re.compile(r"\b(?i:" + alt + r")\s+([A-Z][\w-]+)")
    ev = "|".join(sorted(map(re.escape, r["event_name_heads"]), key=len, reverse=True))
    r["event_name_re"] = re.compile(r"\b(?i:" + ev + r")\s+([A-Z][\w-]+)")      # "Cyclone Phailin"
    return r


def is_title(word: str) -> bool:
    m = re.match(r"[A-Za-z][A-Za-z'-]*", word)
    return bool(m) and m.group().lower() in rules()["person_titles"]


def _lower_elsewhere(text: str, word: str) -> bool:
    """A Title-case word the same text writes in lower case, not after a full stop: a common noun ("Magic",
    "Image", "Iodine" at a sentence's start or in a heading)."""
    if not re.fullmatch(r"[A-Z][a-z]{2,}", word):
        return False
    low = word.lower()
    return re.search(r"(?<![.!?]\s)(?<![\w\n])" + low + r"(?!\w)", text) is not None


def correct(text: str, spans: list) -> list:
    """[(start, end, type, confidence)] -> the same, corrected: a possessive 's out of a name, a name ends at
    its line; lower-case words before a name, and titles and honorifics before or after a person's, out of
    it; a span of titles alone, without a capital letter, of a vehicle, an event or a model code dropped;
    facilities named with their kind are places; common nouns the text writes in lower case elsewhere are no
    names."""
    r = rules()
    vehicles = {m.group(1) for m in r["vehicle_name_re"].finditer(text)}
    vehicles |= {m.group(1) for m in r["event_name_re"].finditer(text)}
    out = []
    for s, e, t, c in spans:
        m = _POSSESSIVE.search(text, s, e)
        if m and m.start() > s and (m.group().strip() in ("'s", "’s")):
            e = m.start()
        nl = text.find("\n", s, e)
        if nl > 0:
            e = nl                        # a name never runs over a line ("Belle\nImage")
        words = [(w.start(), w.end(), w.group()) for w in _WORDS.finditer(text, s, e)]
        while words and not re.search(r"\w", words[-1][2]):
            words.pop()
        if not words or not re.search(r"[A-Z]", text[s:e]):
            continue                      # no capital letter: no name ("state", "disco club")
        e = words[-1][1]
        span = text[s:e]
        if r["vehicle_re"].search(span) or r["event_name_re"].match(span) or span in vehicles \
                or span.split("'")[0] in vehicles:
            continue
        if _CODE.fullmatch(span):
            continue                      # a model or mission code ("IE6", "STS-134", "F-16"): no name
        if words[-1][2].lower().strip(".,") in r["event_last_words"]:
            continue
        while len(words) > 1 and words[0][2][:1].islower() and \
                re.split(r"[-']", words[0][2].lower())[0] not in r["name_particles"]:
            words.pop(0)                  # "united Europe", "magician David Gish": the name after
        s = words[0][0]
        if t == "person":
            while len(words) > 1 and (is_title(words[0][2]) or (words[0][2][:1].islower() and
                                      re.split(r"[-']", words[0][2].lower())[0] not in r["name_particles"])):
                words.pop(0)
            if all(is_title(w[2]) for w in words):
                continue
            while len(words) > 1 and is_title(words[-1][2]):
                words.pop()               # "Virginia Governor(s": no name runs into a title after it
            s, e = words[0][0], words[-1][1]
        low = [w[2].lower().strip(".,") for w in words]
        if t in ("organization", "person") and not any(w in r["organization_words"] for w in low) and len(words) > 1:
            heads = r["facility_heads"] if t == "organization" else r["facility_heads_after_person"]
            if low[-1] in heads or (t == "organization" and "of" in low and low[low.index("of") - 1] in heads):
                t = "place"
        if len(words) == 1 and _lower_elsewhere(text, words[0][2]):
            continue
        out.append((s, e, t, c))
    return out


_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def one_type(text, spans):
    """Each string its commonest type in the document (ties: type_vote_order); a word of a person's
    family name ("Montalvo" of "Daniel Montalvo") a person."""
    order = list(rules()["type_vote_order"])
    latin = [sp for sp in spans if _LATIN.search(text, sp[0], sp[1]) and not _ARABIC.search(text, sp[0], sp[1])]
    if not latin:
        return spans
    votes = {}
    for s, e, t, _c in latin:
        votes.setdefault(text[s:e], Counter())[t] += 1
    parts = {text[s:e].split()[-1] for s, e, t, _c in latin if t == "person" and " " in text[s:e]}
    best = {}
    for name, v in votes.items():
        if name in parts:
            best[name] = "person"
        else:
            top = max(v.values())
            best[name] = min((t for t in v if v[t] == top), key=lambda t: order.index(t) if t in order else 99)
    return [(s, e, best.get(text[s:e], t), c) for s, e, t, c in spans]
