"""Arabic repair with an offset map back to the original text.

Repairs the damage that web Arabic carries: hashtag underscores (بشار_الأسد),
words glued together (عليأيوب, هيئةتحريرالشام), words cut by a stray space
(إل ى), a letter lost at the start of a paragraph (عد منتصف الليل), and place
names misspelt with a sound-alike letter (حمس for حمص).

Every repair is justified by data, never by a list of strings: word frequencies
from the `wordfreq` package (its Arabic list), the knowledge base's place names,
and the thresholds in ``data/ingest/repair.yaml``. No library does this for
Arabic offline, hence the hand-written mechanism. Each repair is an edit on the
original text; ``textutil.apply_edits`` turns the edits into the clean text and
a map from every clean character to its original position.
"""
from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache
from importlib import resources

from riwaya.datafiles import yaml_load

from ..models import Repair
from ..textutil import AR_LETTER, apply_edits, normalize_ar, strip_diacritics

_TOKEN = re.compile(f"[{AR_LETTER}\u064B-\u065F\u0670\u0640]+")
# a hashtag starts where a word starts: without the look-behind every letter of a long run
# without "_" was a new start that scanned the rest of the run (quadratic)
_HASHTAG = re.compile(f"#?(?<![{AR_LETTER}\u0640])[{AR_LETTER}\u0640]++(?:_[{AR_LETTER}\u0640]++)+")
_SEAM_CUE_NEXT = ("ال", "أ", "إ", "آ")   # a word that starts like this rarely continues another


@lru_cache(maxsize=1)
def config() -> dict:
    c = yaml_load(resources.files("riwaya").joinpath("data/ingest/repair.yaml").read_text("utf-8"))
    c["place_spelling"]["_verb_particles"] = {normalize_ar(w) for w in c["place_spelling"]["verb_particles"]}
    return c


@lru_cache(maxsize=1)
def _freq() -> dict[str, float]:
    import wordfreq
    return wordfreq.get_frequency_dict("ar")


@lru_cache(maxsize=1 << 17)
def zipf(word: str) -> float:
    # asked of every token and pair of tokens, several times over (split, glued, place spellings)
    f = _freq().get(strip_diacritics(word), 0.0)
    return math.log10(f * 1e9) if f > 0 else 0.0


@lru_cache(maxsize=1)
def _longest_part() -> int:
    """The longest word common enough to be a part of a glued token: no part is longer."""
    floor = config()["glued"]["min_part_zipf"]
    return max((len(w) for w, f in _freq().items() if f > 0 and math.log10(f * 1e9) >= floor), default=0)


@lru_cache(maxsize=1)
def _place_index() -> dict[str, str]:
    """Normalised place name -> name, from the knowledge base if present."""
    try:
        from ..kb import load_kb
        names = load_kb().place_names()
    except Exception:          # the KB is optional for repair
        names = []
    return {normalize_ar(n): n for n in names if " " not in n and len(n) >= 3}


# ---------------------------------------------------------------- each repair
def _hashtags(text: str) -> list[tuple[int, int, str, str]]:
    out = []
    for m in _HASHTAG.finditer(text):
        s = m.group()
        rep = s.replace("_", " ")
        if rep.startswith("#"):
            out.append((m.start(), m.start() + 1, "", "hashtag"))
            rep, start = rep[1:], m.start() + 1
        else:
            start = m.start()
        for i, ch in enumerate(s[start - m.start():]):
            if ch == "_":
                out.append((start + i, start + i + 1, " ", "hashtag"))
    return out


def segment(token: str) -> list[str] | None:
    """Split an unseen token into known words, or None when no split is justified."""
    parts = _segment(token)
    return list(parts) if parts else None


@lru_cache(maxsize=1 << 15)
def _segment(token: str) -> tuple[str, ...] | None:
    # long words come again and again (every long token of every article is tried)
    c = config()["glued"]
    longest = _longest_part()
    if len(token) < c["min_len"] or len(token) > c["max_parts"] * longest:
        return None       # too long to be max_parts words: no split can exist (and the search is quadratic)
    if zipf(token) > c["max_whole_zipf"] or _known_stem(token):
        return None

    @lru_cache(maxsize=None)
    def best(i: int) -> tuple[tuple[int, float], tuple[str, ...]] | None:
        if i == len(token):
            return (0, 99.0), ()
        found = None
        for j in range(i + c["min_part_len"], min(len(token), i + longest) + 1):
            part = token[i:j]
            z = zipf(part)
            if z < c["min_part_zipf"]:
                continue
            rest = best(j)
            if rest is None or len(rest[1]) + 1 > c["max_parts"]:
                continue
            if rest[1] and not _seam_ok(part, rest[1][0], z, zipf(rest[1][0])):
                continue
            # fewest parts first, then the split whose rarest part is most common
            score = (-(len(rest[1]) + 1), min(z, rest[0][1]))
            if found is None or score > found[0]:
                found = (score, (part,) + rest[1])
        return found

    res = best(0)
    if res is None or len(res[1]) < 2:
        return None
    return res[1]


def _known_stem(token: str) -> bool:
    """True when the token is a known word under a clitic or an attached pronoun."""
    c = config()["glued"]
    for pre in [""] + c["clitics"]:
        if not token.startswith(pre):
            continue
        stem = token[len(pre):]
        for suf in [""] + c["suffixes"]:
            if (pre or suf) and stem.endswith(suf) and len(stem) - len(suf) >= 3:
                if zipf(stem[: len(stem) - len(suf)] if suf else stem) >= c["known_stem_zipf"]:
                    return True
    return False


def _seam_ok(left: str, right: str, zl: float, zr: float) -> bool:
    """A seam needs an orthographic cue or two clearly common words."""
    if right in config()["glued"]["never_right"]:
        return False
    if left.endswith("ة") or right.startswith(_SEAM_CUE_NEXT):
        return True
    floor = config()["glued"]["min_plain_part_zipf"]
    return zl >= floor and zr >= floor


def _glued(text: str, toks: list | None = None) -> list[tuple[int, int, str, str]]:
    out = []
    min_len = config()["glued"]["min_len"]
    for m in toks if toks is not None else _TOKEN.finditer(text):
        parts = _glued_parts(m.group(), min_len)
        if parts is not None:
            pos = m.start()
            for p in parts[:-1]:
                pos += len(p)
                out.append((pos, pos, " ", "glued"))
    return out


@lru_cache(maxsize=1 << 17)
def _glued_parts(tok: str, min_len: int) -> tuple[str, ...] | None:
    """The known words a token splits into (`segment`), None when it is not tried (short, no inner ة, marks on
    it) or not split: per token form, once."""
    if "ة" in tok[:-1] or len(tok) >= min_len:
        if strip_diacritics(tok) == tok:
            return _segment(tok) or None
    return None


def _split_words(text: str, toks: list | None = None) -> list[tuple[int, int, str, str]]:
    c = config()["split"]
    toks = toks if toks is not None else list(_TOKEN.finditer(text))
    part = _part_zipf()
    out = []
    # each token's verdict as a part once (None: standalone or common), then the pairs one space apart
    zs = [part(m.group()) for m in toks]
    for k in range(len(toks) - 1):
        za, zb = zs[k], zs[k + 1]
        if za is None or zb is None:
            continue            # a standalone word, or a common part: the pair stays apart
        a, b = toks[k], toks[k + 1]
        if b.start() != a.end() + 1 or text[a.end()] != " ":
            continue
        wa, wb = a.group(), b.group()
        zj = zipf(wa + wb)
        if zj >= c["min_joined_zipf"] and zj - max(za, zb) >= c["min_gain"]:
            out.append((a.end(), b.start(), "", "split"))
    return out


def _dropped_letters(text: str, para_starts: list[int]) -> list[tuple[int, int, str, str]]:
    c = config()["dropped_letter"]
    out = []
    for start in para_starts:
        m = _TOKEN.match(text, start)
        if not m or strip_diacritics(m.group()) != m.group():
            continue   # tatweel or vowel marks: the writer spelt this word on purpose
        tok = m.group()
        z = zipf(tok)
        if z > c["max_token_zipf"]:
            continue
        best = max(((zipf(ch + tok), ch) for ch in c["letters"]), default=(0.0, ""))
        if best[0] >= c["min_restored_zipf"] and best[0] - z >= c["min_gain"]:
            out.append((m.start(), m.start(), best[1], "dropped_letter"))
    return out


@lru_cache(maxsize=1)
def _part_zipf():
    """A word's Zipf value as a part of a pair cut by a stray space, or None when it cannot be one (a
    standalone word, or one common on its own): per word, cached."""
    standalone = frozenset(config()["standalone"])
    top = config()["split"]["max_part_zipf"]

    @lru_cache(maxsize=1 << 17)
    def part(w: str) -> float | None:
        if w in standalone:
            return None
        z = zipf(w)
        return None if z > top else z
    return part


def _place_spellings(text: str, toks: list | None = None) -> list[tuple[int, int, str, str]]:
    """A rare token one sound-alike letter from a well-known place, among places.

    The neighbour condition (another known place within two words, as in a list
    "حمس، حماة، إدلب") keeps verbs and nouns that happen to be one letter away
    from a place name (لم تتوان / تطوان) untouched.
    """
    c = config()["place_spelling"]
    places = _place_index()
    if not places:
        return []
    classes = [set(g) for g in c["sound_alike"]]
    toks = toks if toks is not None else list(_TOKEN.finditer(text))
    keys: list = [None] * len(toks)      # normalised tokens, made when a rare token asks for them

    def key(k: int) -> str:
        if keys[k] is None:
            keys[k] = normalize_ar(toks[k].group())
        return keys[k]
    out = []
    w = c["neighbour_window"]
    for n, m in enumerate(toks):
        tok = m.group()
        z = zipf(tok)
        if z > c["max_token_zipf"] or key(n) in places or strip_diacritics(tok) != tok:
            continue
        if n and key(n - 1) in c["_verb_particles"]:
            continue   # لم تتوان: a verb follows these, never a place
        near = [key(k) for k in range(max(0, n - w), n)] + [key(k) for k in range(n + 1, min(len(toks), n + 1 + w))]
        if not any(k in places or _strip_clitic(k) in places for k in near):
            continue
        if len(tok) > _longest_place():
            continue     # one letter changed keeps the length: no place is this long
        fix = _sound_alike_fix(tok, z, classes, places, c["min_gain"])
        if fix:
            out.append((m.start() + fix[0], m.start() + fix[0] + 1, fix[1], "place_spelling"))
    return out


@lru_cache(maxsize=1)
def _longest_place() -> int:
    return max(map(len, _place_index()), default=0)


def _strip_clitic(key: str) -> str:
    return key[1:] if len(key) > 3 and key[0] in "وفبل" else key


def _sound_alike_fix(tok: str, z: float, classes, places, min_gain: float) -> tuple[int, str] | None:
    for i, ch in enumerate(tok):
        for g in classes:
            if ch in g:
                for alt in sorted(g - {ch}):
                    cand = tok[:i] + alt + tok[i + 1:]
                    if normalize_ar(cand) in places and zipf(cand) - z >= min_gain:
                        return i, alt
    return None


def repair(text: str, para_starts: list[int] | None = None) -> tuple[str, list[int], list[Repair]]:
    """Repair Arabic in ``text``. Returns clean text, offset map, and the repairs made."""
    para_starts = para_starts if para_starts is not None else [0]
    # hashtags first: their underscores hide the words the other repairs look at
    stage1 = _hashtags(text)
    if stage1:
        t1, off1 = apply_edits(text, [(s, e, r) for s, e, r, _ in stage1])
    else:           # no hashtag (most documents): the identity map, read by index and bisection only
        t1, off1 = text, range(len(text) + 1)
    starts1 = [_map_forward(off1, p) for p in para_starts]
    toks = list(_TOKEN.finditer(t1))        # one tokenisation for the repairs that walk every token
    stage2 = (_glued(t1, toks) + _split_words(t1, toks) + _dropped_letters(t1, starts1) + _place_spellings(t1, toks))
    t2, off2 = apply_edits(t1, [(s, e, r) for s, e, r, _ in stage2])
    offsets = [off1[o] for o in off2] if stage1 else off2      # no hashtag: off1 is the identity
    repairs = [Repair(k, s, e, text[s:e], r) for s, e, r, k in stage1]
    for s, e, r, k in sorted(stage2):
        os_, oe = off1[s], off1[e] if e > s else off1[s]
        repairs.append(Repair(k, os_, oe, text[os_:oe], r))
    return t2, offsets, sorted(repairs, key=lambda r: (r.start, r.end))


def _map_forward(offsets: list[int], orig: int) -> int:
    """First clean index whose original position is >= orig (offsets are sorted)."""
    return bisect.bisect_left(offsets, orig)
