"""Small text helpers shared by every stage: Arabic normalisation for matching,
script detection, tokens with offsets, and the edit list that builds an offset map.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

AR_LETTER = "\u0621-\u063A\u0641-\u064A\u0671-\u06D3"
AR_DIACRITICS = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")  # harakat + tatweel
AR_WORD = re.compile(f"[{AR_LETTER}\u064B-\u065F\u0670\u0640]+")
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_ARABIC = re.compile(f"[{AR_LETTER}]")
_LATIN = re.compile("[A-Za-z\u00C0-\u024F]")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


# control characters and the invisible marks that reorder or hide text on a terminal
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(s: str) -> str:
    """``s`` on one line and shown as written: newlines, control characters and bidi or
    zero-width marks become escapes (\\n, \\x00, \\u202e), so a hostile file name cannot
    break an error line or reorder what the terminal shows."""
    return _UNPRINTABLE.sub(lambda m: _ESCAPES.get(m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                                                   else f"\\u{ord(m.group()):04x}"), s)


def strip_diacritics(s: str) -> str:
    return AR_DIACRITICS.sub("", s)


# one table for every letter folding and digit after NFKC and diacritics: faster than chained replaces
_FOLD = str.maketrans({**{c: "ا" for c in "إأآٱ"}, "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                       **{k: chr(v) for k, v in _DIGITS.items()}})


def normalize_ar(s: str) -> str:
    """Matching key for Arabic: no diacritics or tatweel, one alef, one ya, ha for ta marbuta."""
    if len(s) <= 40:
        return _normalize_short(s)
    return _normalize(s)


def _normalize(s: str) -> str:
    return strip_diacritics(unicodedata.normalize("NFKC", s)).translate(_FOLD).lower()


@lru_cache(maxsize=1 << 18)
def _normalize_short(s: str) -> str:
    # words and names are normalised again and again: cache them
    return _normalize(s)


def normalize_ar_map(s: str) -> tuple[str, list[int]]:
    """``normalize_ar`` with, for each character of the result, its index in ``s`` (plus one
    entry for the end), so a match found in the normalised text maps back to the original:
    dropping a diacritic (المقرّبين) shortens the text."""
    out, idx = [], []
    for i, ch in enumerate(s):
        n = normalize_ar(ch)
        out.append(n)
        idx.extend([i] * len(n))
    idx.append(len(s))
    return "".join(out), idx


def script_counts(s: str) -> tuple[int, int]:
    return len(_ARABIC.findall(s)), len(_LATIN.findall(s))


def is_arabic_word(s: str) -> bool:
    return bool(AR_WORD.fullmatch(s))


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """Apply non-overlapping (start, end, replacement) edits to ``text``.

    Returns the new text and ``offsets`` with ``offsets[i]`` = index in ``text`` of
    new character ``i`` (plus a final sentinel ``len(text)``). Inserted characters
    map to the original character that follows them; a replacement maps its k-th
    character to the k-th replaced one (clamped), so a span in the new text always
    maps to a span of the original that covers what was read.
    """
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for start, end, rep in sorted(edits):
        if start < pos:           # overlapping edit: keep the first
            continue
        out.append(text[pos:start])
        offsets.extend(range(pos, start))
        out.append(rep)
        width = end - start
        for k in range(len(rep)):
            offsets.append(start + min(k, width - 1) if width else start)
        pos = end
    out.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    offsets.append(len(text))
    return "".join(out), offsets
