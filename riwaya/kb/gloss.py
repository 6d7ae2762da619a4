"""English for a descriptive organisation name read word by word (``data/kb/gloss.yaml``): "قوات الأمن التركية"
is Turkish security forces, not a romanisation ("Qawat Lamen Turkia"). Written by hand: no offline Arabic-English
translation model installs here, and a closed list of the words such names are made of is enough for them; any
other name gets None (the caller romanises it)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from ..textutil import normalize_ar

GLOSS = Path(__file__).resolve().parents[1] / "data" / "kb" / "gloss.yaml"


def _key(word: str) -> str:
    w = normalize_ar(word)
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[tuple[str, ...], str], dict[str, str], int]:
    data = yaml.safe_load(GLOSS.read_text(encoding="utf-8")) or {}
    phrases = {tuple(_key(w) for w in k.split()): v for k, v in (data.get("phrases") or {}).items()}
    words = {_key(k): v for k, v in (data.get("words") or {}).items()}
    return phrases, words, max((len(k) for k in phrases), default=1)


def english_gloss(name_ar: str | None) -> str | None:
    """The English of `name_ar` when every word of it is listed, its order turned (the head last), else None."""
    if not name_ar:
        return None
    phrases, words, longest = _tables()
    toks = [_key(t) for t in name_ar.split()]
    if len(toks) < 2:
        return None          # one word ("الأمن") is no organisation's name to translate
    out, i = [], 0
    while i < len(toks):
        for n in range(min(longest, len(toks) - i), 1, -1):
            if tuple(toks[i:i + n]) in phrases:
                out.append(phrases[tuple(toks[i:i + n])])
                i += n
                break
        else:
            if toks[i] not in words:
                return None
            out.append(words[toks[i]])
            i += 1
    return " ".join(reversed(out))
