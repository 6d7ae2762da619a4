"""Morphological checks on the spans the tagger finds: a leading proclitic is not part of a name,
and a common word carrying a pronoun or dual/plural ending is not a name.

ANERcorp tags whole whitespace tokens, so the CRF's spans start with the conjunction or
preposition glued to the name ("وأمين بخاري", "بجامعة الملك عبدالعزيز"); and it tags some
inflected common words that sit where names sit ("تغادره", "لحربه", "سابقان"). No offline Arabic
morphological analyser installs here (camel-tools downloads its data), so both checks are
written by hand and decided by data, never by a list of names: word frequencies from
`wordfreq`, the name lists and place gazetteer the tagger ships, and the knowledge base. The
affixes and thresholds are in ``data/ner/morph.yaml``.
"""
from __future__ import annotations

from functools import lru_cache

from riwaya.datafiles import yaml_load

from riwaya.ner.features import DATA, name_lists, norm
from riwaya.lang.arabic import prefix_set
from riwaya.textutil import normalize_ar
from riwaya.ingest.repair import zipf as _repair_zipf


@lru_cache(maxsize=1)
def _cfg() -> dict:
    c = yaml_load((DATA / "morph.yaml").read_text(encoding="utf-8"))
    c["proclitics"] = sorted(c["proclitics"], key=len, reverse=True)
    for k in ("anaphor_heads", "name_heads", "other_only", "regnal_ordinals", "compound_heads", "name_tails"):
        c[k] = {norm(w) for w in c.get(k, [])}
    return c


@lru_cache(maxsize=1)
def _kb_words() -> frozenset:
    """Single-word names the knowledge base knows (normalised): they are never trimmed or dropped."""
    try:
        from riwaya.kb import load_kb
        return frozenset(k[0] for k in load_kb().index if len(k) == 1)
    except Exception:          # the KB is optional here
        return frozenset()


def known(word: str, common_only: bool = False) -> bool:
    """A word the name lists, the gazetteer or the knowledge base know as a name (common_only: only
    names in the lists' two most frequent bins)."""
    given, family, _trig, _cl, gaz = name_lists()
    n = norm(word)
    bins = ("1", "2") if common_only else ("1", "2", "3")
    return given.get(n) in bins or family.get(n) in bins or n in gaz or normalize_ar(word) in _kb_words()


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    return _repair_zipf(word)


@lru_cache(maxsize=100_000)
def proclitic_len(word: str) -> int:
    """How many leading characters of ``word`` are a proclitic, not part of the name (0: none).
    The rest must be a name the lexicons know, a trigger noun (جامعة، شركة), or a clearly more
    common word than the whole; a word that is itself a known name (وليد، باسل) keeps its letters."""
    c = _cfg()
    # a known name keeps its letters (وليد, وسام) unless the rest is a name far more frequent than the
    # whole, as when the lists hold a clitic form by mistake (ويوسف)
    margin = c["zipf_margin"] if known(word, common_only=True) else 0.0
    _g, _f, trig, _cl, _gz = name_lists()
    cands = [p for p in c["proclitics"] if word.startswith(p) and len(word) - len(p) >= c["min_rest"]]
    for p in sorted(cands, key=len):           # وبكري: و + بكري (a name), not وب + كري
        rest = word[len(p):]
        if known(rest, common_only=True) and zipf(rest) > zipf(word) + margin:   # not بريدة = ب + ريدة
            return len(p)
    if margin:
        return 0
    for p in cands:                            # longest first: وبالإسلام -> الإسلام
        rest = word[len(p):]
        z = zipf(rest)
        # a bare common-word rest is evidence only after a conjunction: ب/ل/ك + word is as often a
        # foreign name's first letter (كوشك is not ك + وشك)
        if norm(rest) in trig or (rest.startswith("ال") and p != "ل" and z > zipf(word)) \
                or (p in c["conjunctions"] and z >= max(c["min_rest_zipf"], zipf(word) + c["zipf_margin"])):
            return len(p)
    return 0


@lru_cache(maxsize=100_000)
def inflected_common(word: str, names_win: bool = True) -> bool:
    """A common word with a pronoun suffix or a dual/plural ending (تغادره = تغادر + ه, سابقان =
    سابق + ان): its stem is much more frequent than the whole and no lexicon knows it as a name
    (names_win=False: even if one does, and a stem merely commoner than the whole is enough, as the
    gazetteer asks about its own names)."""
    c = _cfg()
    known_ = known if names_win else (lambda w: False)
    margin = c["zipf_margin"] if names_win else 0.0
    if known_(word) or word.startswith("ال"):   # الحمدان، السمحان: family names; ال takes no pronoun
        return False
    forms = [word] + [word[len(p):] for p in c["proclitics"]
                      if word.startswith(p) and not word.startswith("ال", len(p))]
    for w in forms:
        for suf, min_stem in c["suffixes"].items():
            stem = w[:-len(suf)]
            if not w.endswith(suf) or len(stem) < min_stem or known_(w):
                continue
            # a final hamza sits on a seat before a suffix: حلفائه = حلفاء + ه
            z = max(zipf(stem), zipf(stem[:-1] + "ء") if stem[-1:] in "ئؤ" else 0.0)
            if z >= max(c["min_stem_zipf"], zipf(w) + margin):
                return True
    return False


def common_tail(words: list[str]) -> bool:
    """A multi-word person span ending in a common definite word that no name list knows as a family
    name (ستار الليل, فيصل العام): not a person's name."""
    c = _cfg()
    if len(words) < 2:
        return False
    last, before = norm(words[-1]), norm(words[-2])
    return last.startswith("ال") and zipf(words[-1]) >= c["min_tail_zipf"] and not known(words[-1], True) \
        and last not in c["regnal_ordinals"] and last not in c["name_tails"] and before not in c["compound_heads"]


def other_only(word: str) -> bool:
    """A word that alone is never a person, place or organisation (data/ner/morph.yaml: other_only)."""
    return norm(word) in _cfg()["other_only"]


_ADJ_HEAD_PREFIXES = prefix_set("adjective_heads")


def is_agreeing_adjective(word: str, prev: str) -> bool:
    """A common nisba adjective agreeing with the definite noun before it (المجتمع الأهلي: civil
    society) is not a name, unless that noun heads names (النادي الأهلي, the club)."""
    c = _cfg()
    n, p = norm(word), norm(prev)
    if not (n.startswith("ال") and n.endswith("ي") and zipf(word) >= c["min_adjective_zipf"]):
        return False
    head = next((p[len(a):] for a in _ADJ_HEAD_PREFIXES if p.startswith(a)), None)
    if head is None and p.startswith("لل"):
        head = p[2:]
    return bool(head) and not p.endswith("ه") and head not in c["name_heads"] and not known(prev) \
        and zipf(prev) >= c["min_noun_zipf"]


def is_anaphor(word: str, doc_place_heads: set[str]) -> bool:
    """A bare definite place noun (القاعدة، المطار) that this document uses as the head of a named
    place (قاعدة إنجرليك) points back at that place; it is not a name of its own."""
    n = norm(word)
    return n.startswith("ال") and n[2:] in doc_place_heads and n[2:] in _cfg()["anaphor_heads"]
