"""Small text helpers shared by every stage: Arabic normalisation for matching (from riwaya.lang.arabic),
script detection, tokens with offsets, and the edit list that builds an offset map.
"""
from __future__ import annotations

import re

from .lang.arabic import chars, normalize as normalize_ar, normalize_map as normalize_ar_map, strip_marks  # noqa: F401 (re-exported)

# Arabic normalisation lives in riwaya.lang.arabic (tables in riwaya/data/lang/arabic.yaml); the
# names below are the ones every stage has imported from here.
AR_LETTER = chars("letters")
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_ARABIC = re.compile(f"[{AR_LETTER}]")
_LATIN = re.compile("[A-Za-z\u00C0-\u024F]")


# control characters and the invisible marks that reorder or hide text on a terminal
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(s: str) -> str:
    """``s`` on one line and shown as written: newlines, control characters and bidi or
    zero-width marks become escapes (\\n, \\x00, \\u202e), so a hostile file name cannot
    break an error line or reorder what the terminal shows."""
    return _UNPRINTABLE.sub(lambda m: _ESCAPES.get(m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                                                   else f"\\u{ord(m.group()):04x}"), s)


strip_diacritics = strip_marks      # the same function, one Python frame less per call (speed27)


def script_counts(s: str) -> tuple[int, int]:
    # subn's count is findall's length without the list of one-letter strings
    return _ARABIC.subn("", s)[1], _LATIN.subn("", s)[1]


def apply_edits(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, list[int]]:
    """Apply non-overlapping (start, end, replacement) edits to ``text``.

    Returns the new text and ``offsets`` with ``offsets[i]`` = index in ``text`` of
    new character ``i`` (plus a final sentinel ``len(text)``). Inserted characters
    map to the original character that follows them; a replacement maps its k-th
    character to the k-th replaced one (clamped), so a span in the new text always
    maps to a span of the original that covers what was read.
    """
    if not edits:                 # most calls: the text as it is, every character to itself
        return text, list(range(len(text) + 1))
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
