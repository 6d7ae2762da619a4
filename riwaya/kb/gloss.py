"""English for a descriptive organisation name read word by word (``data/kb/gloss.yaml``): "قوات الأمن التركية"
is Turkish security forces, not a romanisation ("Qawat Lamen Turkia"). Written by hand: no offline Arabic-English
translation model installs here, and a closed list of the words such names are made of is enough for them; any
other name gets None (the caller romanises it). A nisba the list lacks is read through the knowledge base's countries
(``ner.places._nation_of``: الكاميروني -> Cameroonian by ``demonyms``, else the country's name); an ordinal opens
the English name; an office's word alone at the start names its ministry (``as_head``: الخارجية الإيطالية)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from riwaya.datafiles import yaml_load

from ..textutil import normalize_ar

GLOSS = Path(__file__).resolve().parents[1] / "data" / "kb" / "gloss.yaml"


def _key(word: str) -> str:
    w = normalize_ar(word)
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def _definite(word: str) -> bool:
    w = normalize_ar(word)
    return w.startswith("ال") and len(w) > 3


@lru_cache(maxsize=1)
def _data() -> dict:
    """gloss.yaml, read once: each table below is built from it."""
    return yaml_load(GLOSS.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[tuple[str, ...], str], dict[str, str], int]:
    data = _data()
    phrases = {tuple(_key(w) for w in k.split()): v for k, v in (data.get("phrases") or {}).items()}
    words = {_key(k): v for k, v in (data.get("words") or {}).items()}
    return phrases, words, max((len(k) for k in phrases), default=1)


@lru_cache(maxsize=1)
def _phrase_articles() -> dict[tuple[str, ...], tuple[bool, ...]]:
    """Whether each word after a phrase's first carries the article, as the phrase is written: مجلس الوزراء (the
    cabinet) is no phrase in مجلس وزراء الداخلية (a council of interior ministers), whose وزراء has none."""
    data = _data()
    return {tuple(_key(w) for w in k.split()): tuple(_definite(w) for w in k.split()[1:])
            for k in (data.get("phrases") or {})}


@lru_cache(maxsize=1)
def _as_head() -> dict[str, str]:
    data = _data()
    return {_key(k): v for k, v in (data.get("as_head") or {}).items()}


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    data = _data()
    return {str(k).lower(): v for k, v in (data.get("demonyms") or {}).items()}


@lru_cache(maxsize=4096)
def _nation(tok: str) -> str | None:
    """The English of a nisba the word list lacks, when it names a country of the knowledge base (الكاميروني:
    Cameroonian, by ``demonyms``; else the country's English name, used as a noun: "Cameroon army")."""
    if not tok.endswith(("ي", "يه")):
        return None
    from ..ner.places import _nation_of       # a late import: riwaya.ner imports the knowledge base
    cid = _nation_of("ال" + tok)
    if not cid:
        return None
    dem = _demonyms().get(cid.split(":", 1)[1])
    if dem:
        return dem
    from . import load_kb
    name = (load_kb().records.get(cid) or {}).get("name_en")
    return name if name and len(name.split()) <= 2 else None


def english_gloss(name_ar: str | None) -> str | None:
    """The English of `name_ar` when every word of it is listed, its order turned (the head last), else None.
    Conjuncts glued to و are read one by one, the first one's head last: "وزارة الداخلية والأمن الوطني" is the
    interior and national security ministry; two heads and nothing else ("الجيش والشرطة") are no one name."""
    if not name_ar:
        return None
    phrases, words, longest = _tables()
    toks = [_key(t) for t in name_ar.split()]
    arts = [_definite(t) for t in name_ar.split()]
    if len(toks) < 2:
        return None          # one word ("الأمن") is no organisation's name to translate
    family = _family_heads().get(toks[0])
    if family:               # عائلة الحريري: the Hariri family, by the knowledge base's people of that name
        name = _surnames().get(" ".join(normalize_ar(t) for t in name_ar.split()[1:]))
        return f"{name} {family}" if name else None
    head = _as_head().get(toks[0])
    if head:                 # الخارجية الإيطالية: the office's word alone names its ministry
        words = {**words, toks[0]: head}
    # a conjunct glued to و ("وزارة الداخلية والأمن الوطني"): each conjunct is read on its own and the first
    # one's head goes last ("interior and national security ministry")
    groups, cur, art_groups, cur_arts = [], [], [], []
    for t, a in zip(toks, arts):
        rest = _key(t[1:]) if t.startswith("و") and len(t) > 3 else None
        in_phrase = cur and any(k[:2] == (cur[-1], t) for k in phrases)     # التربية والتعليم: one portfolio
        if cur and rest is not None and t not in words and not in_phrase \
                and (rest in words or any(k[0] == rest for k in phrases)):
            groups.append(cur)
            art_groups.append(cur_arts)
            cur, cur_arts = [rest], [_definite(t[1:])]
        else:
            cur.append(t)
            cur_arts.append(a)
    groups.append(cur)
    art_groups.append(cur_arts)
    nations = []             # وزارة الشباب والرياضة اليمنية: the last conjunct's nisbas are the whole name's
    while len(groups) > 1 and len(groups[-1]) > 1 and _country_nisba(groups[-1][-1], words):
        nations.insert(0, groups[-1].pop())
        art_groups[-1].pop()
    read = [_read(g, phrases, words, longest, a) for g, a in zip(groups, art_groups)]
    if any(r is None for r in read):
        return None
    read = [_english_order(r) for r in read]
    if len(read) == 1:
        return " ".join(reversed(read[0]))
    head, *first = read[0]
    if not first:
        return None          # "الجيش والشرطة": two heads, no one name to read
    parts = [" ".join(reversed(first))] + [" ".join(reversed(r)) for r in read[1:]]
    front = " ".join(reversed([words.get(t) or _nation(t) for t in nations]))
    return (front + " " if front else "") + (", ".join(parts[:-1]) + " and " + parts[-1]) + " " + head
    # "Yemeni youth and sport ministry"; "a, b and c ministry"


def _english_order(words: list[str]) -> list[str]:
    """Arabic order as read, turned once by the caller; an ordinal goes first in English (الجيش الثالث
    الميداني: the third field army), so it is moved to the Arabic end here."""
    firsts = _first_words()
    return [w for w in words if w not in firsts] + [w for w in words if w in firsts]


@lru_cache(maxsize=1)
def _first_words() -> frozenset:
    data = _data()
    return frozenset(data.get("first_in_english") or ())


@lru_cache(maxsize=1)
def _family_heads() -> dict[str, str]:
    data = _data()
    return {_key(k): v for k, v in (data.get("family_heads") or {}).items()}


@lru_cache(maxsize=1)
def _surnames() -> dict[str, str]:
    """The English of the knowledge base's people's family names, by their Arabic (normalised): the last word of
    a name whose Arabic and English have as many words ("سعد الحريري" / "Saad al-Hariri": الحريري -> Hariri, its
    article off); a name two records write differently in English, or one of the commonest given names
    (محمود: the given names' first frequency band), is left out."""
    from . import load_kb
    from ..ner.features import name_lists, norm
    given = name_lists()[0]
    seen: dict[str, set] = {}
    for rec in load_kb().records.values():
        ar, en = rec.get("name_ar"), rec.get("name_en")
        if rec.get("type") != "person" or not ar or not en:
            continue
        a, e = ar.split(), en.split()
        if len(a) < 2 or len(a) != len(e):
            continue
        last = re.sub(r"^(?:al|el|ad|as|ash|at|az|an|ar)-", "", e[-1])
        if last[:1].isupper() and given.get(norm(a[-1])) != "1":
            seen.setdefault(normalize_ar(a[-1]), set()).add(last)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


@lru_cache(maxsize=1)
def _senses() -> dict:
    data = _data()
    out = {}
    for k, v in (data.get("senses") or {}).items():
        v = dict(v or {})
        if "after" in v:
            v["after"] = frozenset(_key(w) for w in v["after"])
        out[_key(k)] = v
    return out


def _country_nisba(tok: str, words: dict) -> bool:
    """A country's nisba: one the knowledge base reads (ner.places._nation_of), or a listed word whose English
    is a country's demonym (``demonyms``)."""
    if words.get(tok) in set(_demonyms().values()):
        return True
    return _nation(tok) is not None


def _sense(toks: list[str], i: int, words: dict) -> str | None:
    """The English of toks[i] where its neighbours choose another sense (``senses``), else None."""
    sense = _senses().get(toks[i])
    if not sense:
        return None
    if i and toks[0] in sense.get("after", ()):
        return sense["as"]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt and sense.get("before_nation") and _country_nisba(nxt, words):
        return sense["before_nation"]
    if sense.get("alone_with_nation") and i == 0 and len(toks) == 2 \
            and (_country_nisba(nxt, words) or (words.get(nxt) or "")[:1].isupper()):
        return sense["alone_with_nation"]
    return None


def _read(toks: list[str], phrases: dict, words: dict, longest: int, arts=None) -> list[str] | None:
    """The English of each word or phrase of `toks`, in Arabic order, or None for an unknown word. `arts`: whether
    each token carries the article; a phrase matches only where its later words carry it as written."""
    out, i = [], 0
    written = _phrase_articles()
    while i < len(toks):
        for n in range(min(longest, len(toks) - i), 1, -1):
            key = tuple(toks[i:i + n])
            if key in phrases and (arts is None or tuple(arts[i + 1:i + n]) == written.get(key, tuple(arts[i + 1:i + n]))):
                out.append(phrases[tuple(toks[i:i + n])])
                i += n
                break
        else:
            en = _sense(toks, i, words) or words.get(toks[i]) or _nation(toks[i])
            if en is None:
                return None
            out.append(en)
            i += 1
    return out
