"""Arabic normalisation, once: character classes, folding tables and the named variants riwaya uses.

The tables live in ``riwaya/data/lang/arabic.yaml``; this module only composes them. A variant is
what a stage needs, and they differ on purpose:

- ``match`` (``normalize``, ``normalize_map``): the matching key of every stage (knowledge base,
  triggers, cues, lexicons): NFKC, harakat, Quranic signs and tatweel out; alef, ya, ta marbuta and
  hamza seats folded; Eastern digits as ASCII; lower case.
- ``timex`` (``timex_text``, ``timex_word``): the time tagger's text. No NFKC, so that every
  character keeps its offset; also Persian letters and digits, no-break spaces and invisible marks.
- ``ner`` (``ner_key``): the name tagger's (CRF) features, with the narrower classes it was trained
  on: harakat and tatweel only, alef, ya and ta marbuta. Widening it means retraining the model.
- ``reconcile`` (``reconcile_key``): comparing values across documents; ``_`` as a space.
- ``letters`` (``strip_vowel_marks``): vowel signs and tatweel out, letters as written (a name
  spelt as in the text, علي not على; the knowledge base's and transliteration's surface forms).
- ``search`` (``search_text``): the web app's search, with each character's index in the original;
  ``riwaya/data/report/report.js`` does the same in the browser (tests/e2e checks they agree).

Why not pyarabic (``araby.strip_tashkeel``, ``normalize_hamza``...): its classes are narrower (its
tashkeel set is the eight harakat, without Quranic signs or the superscript alef), it folds hamza
seats to a bare hamza (ؤ → ء) where riwaya's keys and trained models fold them to their seat
(ؤ → و), and it has no offset maps; riwaya's outputs (name tagger features, the seeds' export)
would change. One ``str.translate`` per call is also faster than its chain of regexes.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from riwaya.datafiles import yaml_load


@lru_cache(maxsize=1)
def _data() -> dict:
    return yaml_load(resources.files("riwaya").joinpath("data", "lang", "arabic.yaml").read_text("utf-8"))


def proclitics() -> tuple[str, ...]:
    """The one-letter proclitics (و ف ب ك ل) that attach before a word or its article."""
    return tuple(_data()["proclitics"])


@lru_cache(maxsize=2)
def object_pronouns(feminine_plural: bool = True) -> dict[str, str]:
    """The object (possessive) pronoun suffixes, longest first, each with the number or gender of the phrase it
    takes up (``object_pronouns`` in arabic.yaml: هما dual, هم plural, هن plural, ها feminine, ه masculine).
    Without ``feminine_plural``, هن left out, as the readers written without it were measured. A fresh dict a
    flag (cached: callers only read it)."""
    return {s: k for s, k in _data()["object_pronouns"].items() if feminine_plural or s != "هن"}


@lru_cache(maxsize=1)
def pronoun_suffixes() -> tuple[str, ...]:
    """Every possessive pronoun suffix, longest first (``object_pronouns`` and ``first_second_pronouns`` in
    arabic.yaml): هما، هم، هن، ها، نا، كم، ه."""
    return tuple(sorted((*_data()["object_pronouns"], *_data()["first_second_pronouns"]), key=len, reverse=True))


def in_words(w: str, words) -> bool:
    """Is the normalised word one of `words`, also behind the conjunction و/ف (وقادرة، فمستعد)?"""
    return w in words or (w[:1] in "وف" and w[1:] in words)


def prefix_set(name: str) -> tuple[str, ...]:
    """A stage's proclitic prefixes, in the order it tries them (``prefix_sets`` in arabic.yaml)."""
    return tuple(_data()["prefix_sets"][name])


def chars(*names: str) -> str:
    """The body of a regex character class made of the named classes: ``f"[{chars('marks', 'tatweel')}]"``."""
    cls = _data()["classes"]
    return "".join(cls[n] for n in names)


def _members(body: str) -> list[str]:
    """Every character of a class body (ranges ``a-b`` expanded)."""
    out, i = [], 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            out += [chr(c) for c in range(ord(body[i]), ord(body[i + 2]) + 1)]
            i += 3
        else:
            out.append(body[i])
            i += 1
    return out


@dataclass(frozen=True)
class Variant:
    name: str
    nfkc: bool
    lower: bool
    drop: re.Pattern           # one dropped character
    drop_run: re.Pattern       # a run of them
    fold_table: dict           # ord -> str: the folds alone (length-keeping)
    table: dict                # ord -> str | None: the folds and the drops in one translate
    fold_pairs: tuple          # the folds as (source, target) pairs

    def fold(self, s: str) -> str:
        """The folds alone. A long text is folded by one ``str.replace`` per character it holds:
        ``str.translate`` looks every character up in a dict, some 15 times slower on an article."""
        if len(s) < _LONG:
            return s.translate(self.fold_table)
        for a, b in self.fold_pairs:
            if a in s:
                s = s.replace(a, b)
        return s

    def __call__(self, s: str) -> str:
        if self.nfkc:
            s = unicodedata.normalize("NFKC", s)
        if len(s) < _LONG:
            s = s.translate(self.table)
        else:
            s = self.fold(self.drop_run.sub("", s))
        return s.lower() if self.lower else s

    def with_index(self, s: str) -> tuple[str, list[int]]:
        """The variant of ``s`` (without NFKC and case) and, for each of its characters, its index in
        ``s``: dropped characters shorten the text, a fold or lower case that makes two characters of
        one points both at it."""
        out, idx = [], []
        table, lower = self.fold_table, self.lower
        for i, c in enumerate(s):
            if self.drop.match(c):
                continue
            t = table.get(ord(c))
            if t is None:
                t = c.lower() if lower else c
            out.append(t)
            idx.extend([i] * len(t))
        return "".join(out), idx

    def keep(self, s: str) -> tuple[str, list[int] | None]:
        """The variant of ``s`` (without NFKC and case) and ``keep[i]``, the index in ``s`` of its
        character ``i``; None when nothing was dropped (the identity)."""
        if self.drop.search(s) is None:
            return self.fold(s), None
        keep: list[int] = []
        prev = 0
        for m in self.drop_run.finditer(s):
            keep.extend(range(prev, m.start()))
            prev = m.end()
        keep.extend(range(prev, len(s)))
        return self.fold(self.drop_run.sub("", s)), keep


@lru_cache(maxsize=None)
def variant(name: str) -> Variant:
    d = _data()
    spec = d["variants"].get(name)
    if spec is None:
        raise KeyError(f"riwaya/data/lang/arabic.yaml: no variant {name!r} (have {', '.join(d['variants'])})")
    unknown = [f"class {c!r}" for c in spec.get("drop") or [] if c not in d["classes"]]
    unknown += [f"fold {f!r}" for f in spec.get("fold") or [] if f not in d["folds"]]
    if unknown:
        raise ValueError(f"riwaya/data/lang/arabic.yaml: variant {name!r} names an unknown {', '.join(unknown)}")
    body = chars(*spec.get("drop") or [])
    folds: dict[int, str] = {}
    for f in spec.get("fold") or []:
        for target, sources in d["folds"][f].items():
            for c in str(sources):
                folds[ord(c)] = str(target)
    table: dict[int, str | None] = dict(folds)
    table.update({ord(c): None for c in _members(body)})
    cls = f"[{body}]" if body else "(?!x)x"
    return Variant(name, bool(spec.get("nfkc")), bool(spec.get("lower")), re.compile(cls),
                   re.compile(f"{cls}+"), folds, table, tuple((chr(k), v) for k, v in sorted(folds.items())))


_LONG = 64      # from this length on, fold by str.replace (see Variant.fold)


# ------------------------------------------------------------------ the variants, as the stages call them
_MATCH = variant("match")
_STRIP = {k: None for k, v in _MATCH.table.items() if v is None}     # the match variant's drops alone


def strip_marks(s: str) -> str:
    """Harakat, Quranic signs and tatweel out; letters as written."""
    return s.translate(_STRIP)


class _Kept(dict):
    """A word's key under one variant, kept: words and names (up to 40 characters) are keyed again and again,
    thousands of times per article, so each is kept (up to 2**18 of them, then the cache starts over) and a
    hit is one dictionary look-up with no Python frame (the key function is such a dict's ``__getitem__``).
    A longer text is keyed afresh each time, not kept. Serves ``normalize`` and ``ner_key``."""
    __slots__ = ("key",)

    def __init__(self, key):
        super().__init__()
        self.key = key

    def __missing__(self, s: str) -> str:
        out = self.key(s)
        if len(s) <= 40:
            if len(self) >= 1 << 18:
                self.clear()
            self[s] = out
        return out


_NORMALIZED = _Kept(_MATCH)
normalize = _NORMALIZED.__getitem__
"""Matching key (variant ``match``): no diacritics or tatweel, one alef, one ya, ha for ta marbuta."""


def normalize_map(s: str) -> tuple[str, list[int]]:
    """``normalize`` with, for each character of the result, its index in ``s`` (plus one entry for
    the end), so a match found in the normalised text maps back to the original: dropping a
    diacritic (المقرّبين) shortens the text."""
    out, idx = [], []
    for i, ch in enumerate(s):
        n = normalize(ch)
        out.append(n)
        idx.extend([i] * len(n))
    idx.append(len(s))
    return "".join(out), idx


_LETTERS = variant("letters").table


def strip_vowel_marks(s: str) -> str:
    """Vowel signs and tatweel out, every letter as written (variant ``letters``)."""
    return s.translate(_LETTERS)


_NER = variant("ner")


ner_key = _Kept(lambda s, table=_NER.table: s.translate(table)).__getitem__
"""The name tagger's key of a word (variant ``ner``): ``w.translate`` of the variant's table, cached."""


_RECONCILE = variant("reconcile")


def reconcile_key(text: str) -> str:
    """Key of a value compared across documents (variant ``reconcile``)."""
    if text and len(text) <= 60:
        return _reconcile_short(text)
    return _RECONCILE(text or "")


@lru_cache(maxsize=1 << 18)
def _reconcile_short(text: str) -> str:
    # names and values are normalised over and over while events are compared
    return _RECONCILE(text)


def search_text(s: str) -> tuple[str, list[int]]:
    """The search key of ``s`` (variant ``search``) and, for each of its characters, the index in ``s``."""
    return variant("search").with_index(s or "")


_TIMEX = variant("timex")
TIMEX_DROP = _TIMEX.drop
_SPACES = re.compile(r"\s+")


def timex_text(text: str) -> tuple[str, list[int] | None]:
    """The time tagger's text (variant ``timex``) and keep[i] = index in ``text`` (None: identity)."""
    return _TIMEX.keep(text)


def timex_word(s: str) -> str:
    """A lexicon word of the time tagger, normalised as its text is (then spaces collapsed, lower case)."""
    return _SPACES.sub(" ", s.translate(_TIMEX.table)).strip().lower()


def timex_pattern(s: str) -> str:
    """A regex fragment of the time tagger's data: its letters normalised, its syntax kept."""
    return s.translate(_TIMEX.table)
