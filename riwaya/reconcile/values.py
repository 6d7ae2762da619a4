"""Compare argument values the way a reader would before calling them different.

- an entity id is its own key;
- a raw string (an argument the resolver did not tie to an entity) is reduced to
  its head phrase (cut at punctuation or a function word, clitics and pronoun or
  plural suffixes removed, for comparison only). Two raw values whose heads meet,
  or where one contains the other, are compatible; a raw value with no head left
  is junk and is never a side of a conflict;
- places: containment (an air base in a country, a quarter in a city) is a
  difference of precision, decided from the entities' kind, country and
  coordinates (knowledge-base attributes) with radii from data;
- a value is *grounded* when it is a knowledge-base entity (or, for people and
  organisations, an entity seen more than once); conflicts between values that
  are not grounded are low confidence.

Language data: riwaya/data/reconcile/values.yaml.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
import re
from functools import lru_cache

import yaml
from riwaya.datafiles import yaml_load
from riwaya.datafiles import yaml_load

from ..lang.arabic import proclitics
from .text import DATA, normalize

_PUNCT = re.compile(r"[،,.;:؛!?()\[\]\"“”«»„‟'’‘\-–—/|…]")
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=None)
def vconfig() -> dict:
    cfg = yaml_load((DATA / "values.yaml").read_text("utf-8"))
    cfg["_stop"] = {normalize(w) for lang in cfg["stop_words"].values() for w in lang}
    cfg["_skip"] = {normalize(w) for lang in cfg["skip_leading"].values() for w in lang}
    cfg["_pre"] = sorted((normalize(p) for p in cfg["ar_prefixes"]), key=len, reverse=True)
    cfg["_suf"] = sorted((normalize(p) for p in cfg["ar_suffixes"]), key=len, reverse=True)
    return cfg


@lru_cache(maxsize=None)
def _word_kinds(key: str) -> dict[str, str]:
    """stem -> kind for one table of values.yaml (means_modes, point_kinds)."""
    out = {}
    for kind, words in (vconfig().get(key) or {}).items():
        for w in words:
            for tok in _WORD.findall(normalize(str(w)).lower()):
                out.setdefault(stem(tok), kind)
    return out


def _kinds_of(h: tuple[str, ...], key: str) -> frozenset[str]:
    table = _word_kinds(key)
    return frozenset(table[t] for t in h if t in table)


def means_mode(h: tuple[str, ...]) -> frozenset[str]:
    """The modes of travel (road, air, sea, rail) a raw means' head names: "موكب روسي" -> {road}."""
    return _kinds_of(h, "means_modes")


def point_kind(h: tuple[str, ...]) -> str | None:
    """The kind of point place a raw place's head starts with ("قصره" -> palace), else None."""
    k = _kinds_of(h[:1], "point_kinds")
    return next(iter(k)) if len(k) == 1 else None


def companion_kind(h: tuple[str, ...]) -> str | None:
    """The tie a raw companion names ("ابنه" -> child_of, "مساعده الشخصي" -> role), else None."""
    k = _kinds_of(h[:1], "companion_nouns")
    return next(iter(k)) if len(k) == 1 else None


def same_kind(a: str, b: str) -> bool:
    return a == b or any(a in g and b in g for g in vconfig().get("kind_groups") or ())


def stem(tok: str) -> str:
    """Light stem of one normalised token, for comparison only."""
    cfg = vconfig()
    if tok.isascii():
        return tok[:-1] if len(tok) > 4 and tok.endswith("s") and not tok.endswith("ss") else tok
    for p in cfg["_pre"]:
        if tok.startswith(p) and len(tok) - len(p) >= 3:
            tok = tok[len(p):]
            break
    for _ in range(2):  # e.g. طائراتها -> طائرات -> طائر
        for s in cfg["_suf"]:
            if tok.endswith(s) and len(tok) - len(s) >= max(2, cfg["min_stem_chars"]):
                tok = tok[:-len(s)]
                break
        else:
            break
    return tok


@lru_cache(maxsize=65536)
def head(text: str) -> tuple[str, ...]:
    """Head phrase of a raw value as stems; () when nothing nominal is left (junk)."""
    cfg = vconfig()
    s = text or ""
    if s.startswith(("raw:", "name:")):
        s = s.split(":", 1)[1]
    s = normalize(s)
    first = _PUNCT.split(s, maxsplit=1)[0]
    if not first.strip():
        parts = [p for p in _PUNCT.split(s) if p.strip()]
        first = parts[0] if parts else ""
    out = []
    for tok in _WORD.findall(first):
        if not out and tok in cfg["_skip"]:
            continue
        if tok in cfg["_stop"] or tok.isdigit():
            break
        out.append(stem(tok))
        if len(out) >= cfg["max_head_tokens"]:
            break
    return tuple(out)


def raw_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same head word, or one head phrase contained in the other."""
    if not a or not b:
        return False
    if a[0] == b[0]:
        return True
    sa, sb = set(a), set(b)
    return sa <= sb or sb <= sa


def _haversine(a, b) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def _attrs(e: dict | None) -> dict:
    if not e:
        return {}
    a = dict(e.get("attrs") or {})
    kid = e.get("kb_id") or ""
    if "kind" not in a and ":" in kid:
        a["kind"] = kid.split(":", 1)[0]
    if "country" not in a and kid.startswith("country:"):
        a["country"] = kid.split(":")[1]
    return a


def contains(outer: dict | None, inner: dict | None) -> bool:
    """True if place entity `outer` contains place entity `inner` (by KB attributes)."""
    if not outer or not inner or outer.get("id") == inner.get("id"):
        return False
    ao, ai = _attrs(outer), _attrs(inner)
    ko = (ao.get("kind") or "").lower()
    co, ci = (ao.get("country") or "").upper(), (ai.get("country") or "").upper()
    if ko == "country":
        return bool(co) and co == ci and (ai.get("kind") or "").lower() != "country"
    radius = vconfig()["container_radius_km"].get(ko)
    if radius is None or (co and ci and co != ci):
        return False
    po, pi = outer.get("coordinates"), inner.get("coordinates")
    if not po or not pi:
        return False
    return _haversine(po, pi) <= radius


def near(a: dict | None, b: dict | None, km: float) -> bool:
    pa, pb = (a or {}).get("coordinates"), (b or {}).get("coordinates")
    return bool(pa and pb) and _haversine(pa, pb) <= km


def display_raw(text: str, max_tokens: int = 6) -> str:
    """A raw value as shown to a reader: the original words up to the first
    punctuation mark or function word (no stemming)."""
    cfg = vconfig()
    s = text or ""
    if s.startswith(("raw:", "name:")):
        s = s.split(":", 1)[1]
    parts = [p for p in _PUNCT.split(s) if p.strip()]
    if not parts:
        return s.strip()
    out = []
    for tok in parts[0].split():
        n = normalize(tok)
        w = _WORD.findall(n)
        if out and w and w[0] in cfg["_stop"]:
            break
        out.append(tok)
        if len(out) >= max_tokens:
            break
    return " ".join(out) or parts[0].strip()


def deictic(text: str | None) -> bool:
    """Does a time expression tell its day relative to the writing ("صباح اليوم", "yesterday")?"""
    if not text:
        return False
    words, clitics = vconfig()["deictic_days"], vconfig()["deictic_clitics"]
    toks = set(normalize(text).lower().replace("(", " ").replace(")", " ").split())
    return any(p + w in toks for lang in words.values() for w in lang for p in clitics)


_ISO_DUR = re.compile(r"^P(?:(?P<Y>[\dX.]+)Y)?(?:(?P<M>[\dX.]+)M)?(?:(?P<W>[\dX.]+)W)?(?:(?P<D>[\dX.]+)D)?"
                      r"(?:T(?:(?P<h>[\dX.]+)H)?(?:(?P<m>[\dX.]+)M)?(?:(?P<s>[\dX.]+)S)?)?$")
_UNIT_S = {"Y": 365 * 86400, "M": 30 * 86400, "W": 7 * 86400, "D": 86400, "h": 3600, "m": 60, "s": 1}


def duration_range(iso: str | None) -> tuple[float, float] | None:
    """Seconds a duration (ISO 8601, as timex writes it) may span: "P3D" is three days; "PTXH" (some
    hours, "لبضع ساعات") any count of that unit in values.yaml `vague_count`, up to the next unit."""
    m = _ISO_DUR.match(iso or "")
    if not m or not any(m.groupdict().values()):
        return None
    lo_n, hi_n = vconfig()["vague_count"]
    lo = hi = 0.0
    for unit, n in m.groupdict().items():
        if n is None:
            continue
        if n == "X":
            lo, hi = lo + lo_n * _UNIT_S[unit], hi + hi_n * _UNIT_S[unit]
        else:
            lo, hi = lo + float(n) * _UNIT_S[unit], hi + float(n) * _UNIT_S[unit]
    return lo, hi

# ------------------------------------------------------------------ counts

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass(frozen=True)
class Count:
    """A figure as a reader takes it: `n`, a lower bound ("at least n", "dozens"), or about n."""
    n: int
    at_least: bool = False
    approx: bool = False

    def label(self, lang: str) -> str:
        words = {"en": ("at least ", "about "), "ar": ("ما لا يقل عن ", "نحو ")}[lang if lang == "ar" else "en"]
        return (words[0] if self.at_least else words[1] if self.approx else "") + str(self.n)


# speed33: `_cardinal` reads its first two tokens only, and the figure readers ask it of the same few words
# again and again (every position of a sentence, for each figure): kept per pair. False: computed each call.
CARDINAL_MEMO = True


# (fuzz36) a figure of more digits than this is no count: Python's int() refuses strings past 4,300 digits, and a
# 5,000-digit number in one text stopped the whole corpus stage with a ValueError; a digit that is no decimal
# ("²", isdigit but not int) was the same. Such a token is no figure (None)
FIGURE_MAX_DIGITS = 4000


def figure(digits: str) -> int | None:
    """The number a run of decimal digits writes, or None (not decimal, or longer than FIGURE_MAX_DIGITS)."""
    return int(digits) if digits.isdecimal() and len(digits) <= FIGURE_MAX_DIGITS else None


def _cardinal(toks: list[str]) -> int | None:
    """The number the first one or two normalised tokens spell ("14", "عشرة", "أحد عشر", "twenty")."""
    if not toks:
        return None
    head = tuple(toks[:2])
    return _cardinal_of(head) if CARDINAL_MEMO else _cardinal_of.__wrapped__(head)


@lru_cache(maxsize=65536)
def _cardinal_of(toks: tuple[str, ...]) -> int | None:
    from ..timex.lexicon import cardinals, norm_word
    t0 = toks[0].replace(",", "").replace("(", "").replace(")", "")
    if t0.isdigit():
        return figure(t0)
    for lang in ("ar", "en"):
        card = cardinals(lang)      # load(lang).words["cardinal"], without compiling the time rules
        for n in (2, 1):
            if len(toks) < n:
                continue
            w = norm_word(" ".join(toks[:n]).lower())
            v = card.get(w)
            if v is None and lang == "ar" and w[:1] in ("ب", "و", "ل"):
                v = card.get(w[1:])
            if isinstance(v, int):
                return v
    return None


def parse_count(value, sentence: str | None = None) -> Count | None:
    """A count from an `amount` value (digits, a number in words, a vague plural), qualified by the
    words around the figure in its sentence when given ("32 قتيلا على الأقل", "نحو 30")."""
    if value is None or isinstance(value, (list, dict)):
        return None
    cfg = vconfig()["counts"]
    toks = normalize(str(value)).lower().translate(_DIGITS).replace("(", " ").replace(")", " ").split()
    lead = None         # a value that opens with its qualifier ("أكثر من خمسين", "about 30")
    for kind in ("at_least", "approx"):
        for p in sorted((normalize(p).lower().split() for lang in cfg[kind].values() for p in lang), key=len, reverse=True):
            if lead is None and len(toks) > len(p) and toks[:len(p)] == p:
                lead, toks = kind, toks[len(p):]
    n = _cardinal(toks)
    if n is not None and lead:
        return Count(n, at_least=lead == "at_least", approx=lead == "approx")
    if n is None:
        vague = {**cfg["vague"]["ar"], **cfg["vague"]["en"]}
        v = next((vague[t] for t in toks[:2] if t in vague), None)
        return Count(int(v), at_least=True) if v is not None else None
    if sentence:
        q = count_qualifier(sentence, n)
        more = with_others(sentence, n) if WITH_OTHERS else None
        if more is not None:        # "مع عشرة من زملائه": the others with someone, or a part of a group
            return Count(n + more, at_least=True)
        n += count_plus(sentence, n)
        if q:
            return Count(n, at_least=q == "at_least", approx=q == "approx")
    return Count(n)


def trigger_count(text: str, trigger: tuple[int, int]) -> int | None:
    """The figure written right after a trigger, which it governs ("إصابة اثنين وعشرين", "استشهاد 15
    وإصابة 33": 15 is the killed, 33 the wounded); where none follows a trigger that is itself a counted noun
    of people (values.yaml counts.units' `after` words: جريح، قتيلا), the figure written right before it ("استشهاد 50
    شهيدا و200 جريح": the wounded 200, not the killed 50); else None."""
    after = normalize(text[trigger[1]:trigger[1] + 40]).lower().translate(_DIGITS)
    toks = [t.strip(".,،;:!?؟\"«»") for t in after.replace("(", " ").replace(")", " ").split()[:2]]
    n = _cardinal(toks) if toks and toks[0] else None
    if n is None and COUNT_BEFORE_NOUN and _unit_noun(text[trigger[0]:trigger[1]]):
        before = normalize(text[max(0, trigger[0] - 30):trigger[0]]).lower().translate(_DIGITS).split()
        if before and trigger[0] > 0 and not text[trigger[0] - 1].isalnum():
            w = before[-1].strip(".,،;:!?؟\"«»()")
            if w[:1] in ("و", "ب", "ف") and w[1:].isdigit():
                w = w[1:]       # «و200 جريح»: the figure with its conjunction glued on
            n = _cardinal([w]) if w else None
    return n


COUNT_BEFORE_NOUN = True    # (lead, twenty-seventh session) a counted noun's figure written before it


@lru_cache(maxsize=None)
def _unit_nouns() -> frozenset[str]:
    """The nouns of people a figure counts when written after it (values.yaml counts.units' `after` words, but
    not the units that count happenings, counts.happening_units: "نفذوا 29 ضربة" tells how many strikes, not a
    toll the trigger governs)."""
    counts = vconfig().get("counts") or {}
    skip = set(counts.get("happening_units") or ())
    return frozenset(normalize(str(w)).lower() for k, u in (counts.get("units") or {}).items() if k not in skip
                     for w in (u.get("after") or ()))


def _unit_noun(word: str) -> bool:
    w = normalize(word.strip()).lower()
    nouns = _unit_nouns()
    return w in nouns or (w[:1] in ("و", "ب", "ف", "ل") and w[1:] in nouns)


def count_plus(sentence: str, n: int) -> int:
    """How many more a figure `n` counts where its sentence goes on "plus the pilot" (1) or "plus 2" (2)
    within a few words of it (values.yaml counts.plus, plus_one); else 0."""
    cfg = vconfig()["counts"]
    plus = sorted((normalize(p).lower().split() for lang in (cfg.get("plus") or {}).values() for p in lang),
                  key=len, reverse=True)
    one = {normalize(w).lower() for w in cfg.get("plus_one") or ()}
    if not plus:
        return 0
    toks = [t.strip(".,،;:!?؟\"«»") for t in
            normalize(sentence).lower().translate(_DIGITS).replace("(", " ").replace(")", " ").split()]
    w = cfg["qualifier_window"]
    for i in range(len(toks)):
        if _cardinal(toks[i:i + 2]) != n:
            continue
        for k in range(i + 1, min(len(toks), i + w + 1)):
            p = next((p for p in plus if toks[k:k + len(p)] == p), None)
            if p is None:
                continue
            rest = toks[k + len(p):k + len(p) + 2]
            if rest and rest[0] in ("الي", "ل", "to", "the"):
                rest = rest[1:]
            m = _cardinal(rest)
            if m is not None:
                return m
            if rest and (rest[0] in one or rest[0][:1] in ("ل", "و") and rest[0][1:] in one):
                return 1
            return 0
        return 0
    return 0


WITH_OTHERS = True      # comma33: a figure told as the others with someone is no toll of its own (values.yaml)


def with_others(sentence: str, n: int) -> int | None:
    """1 where the figure `n` is told in its sentence as the others with someone named before it ("استشهد مع عشرة
    من زملائه": he and ten of his colleagues, at least 11), 0 where as some among a group ("ثلاثة من بين القتلى": at
    least 3), else None (values.yaml counts.with_others)."""
    from ..lang.arabic import object_pronouns
    cfg = vconfig()["counts"].get("with_others") or {}
    if not cfg:
        return None
    low = lambda ws: [normalize(w).lower().split() for w in ws]     # noqa: E731
    before, of, among = low(cfg.get("before") or ()), low(cfg.get("of") or ()), low(cfg.get("among") or ())
    owners = {normalize(w).lower() for w in cfg.get("owners") or ()}
    ends = tuple(object_pronouns())
    raw = [t.strip(".,،;:!?؟\"«»“”'()") for t in sentence.translate(_DIGITS).split()]
    toks = _figure_words(sentence)
    if len(raw) != len(toks):       # a word normalised away: the written form of the noun is unknown
        raw = toks
    for i in range(len(toks)):
        glued = toks[i][:1] == "و" and toks[i][1:].isdigit()
        if (figure(toks[i][1:]) if glued else _cardinal(toks[i:i + 2])) != n:
            continue
        j = i + 1 if _cardinal(toks[i:i + 1]) == n or glued else i + 2
        if any(toks[j:j + len(c)] == c for c in among):
            return 0
        conj = glued or toks[i][:1] == "و" and _cardinal([toks[i][1:]]) == n or \
            any(toks[max(0, i - len(c)):i] == c for c in before)
        o = next((c for c in of if toks[j:j + len(c)] == c), None)
        if not conj or o is None or j + len(o) >= len(toks):
            return None             # the figure's first telling decides (as count_plus reads it)
        noun, k = raw[j + len(o)], j + len(o)
        if toks[k] in owners or (not toks[k].startswith("ال") and noun.endswith(ends) and len(noun) > 3):
            return 1
        return None
    return None


def count_qualifier(sentence: str, n: int) -> str | None:
    """'at_least' or 'approx' when a qualifier stands within a few words of the figure `n` in `sentence`."""
    cfg = vconfig()["counts"]
    toks = normalize(sentence).lower().translate(_DIGITS).replace("(", " ").replace(")", " ").split()
    w = cfg["qualifier_window"]
    for i in range(len(toks)):
        if _cardinal(toks[i:i + 2]) != n:
            continue
        window = " " + " ".join(toks[max(0, i - w):i + w + 2]) + " "
        for kind in ("at_least", "approx"):
            if any(f" {normalize(p).lower()} " in window for lang in cfg[kind].values() for p in lang):
                return kind
    return None


def count_rel(a: Count, b: Count) -> str:
    """same | precision (both can be true: a lower bound and a larger figure, figures about equal) | different."""
    if a.n == b.n and a.at_least == b.at_least:
        return "same"
    for x, y in ((a, b), (b, a)):
        if x.at_least and y.n >= x.n:
            return "precision"
    if a.approx or b.approx:
        if abs(a.n - b.n) <= max(1.0, vconfig()["counts"]["approx_ratio"] * max(a.n, b.n)):
            return "precision"
    if a.n == b.n:
        return "precision"
    return "different"


@lru_cache(maxsize=1)
def _unit_words() -> tuple[dict, dict, frozenset, frozenset]:
    """values.yaml counts.units, normalised: (after word -> unit, before word -> unit, skip after, skip before)."""
    cfg = vconfig()["counts"]
    n = lambda w: normalize(w).lower()  # noqa: E731
    after, before = {}, {}
    for unit, where in (cfg.get("units") or {}).items():
        for w in where.get("after") or ():
            after.setdefault(n(w), unit)
        for w in where.get("before") or ():
            before.setdefault(n(w), unit)
    return (after, before, frozenset(n(w) for w in cfg.get("unit_skip_after") or ()),
            frozenset(n(w) for w in cfg.get("unit_skip_before") or ()))


def _unit_of(tok: str, words: dict) -> str | None:
    if tok in words:
        return words[tok]
    return words.get(tok[1:]) if tok[:1] in ("و", "ب", "ل", "ف") and len(tok) > 3 else None


def _figure_at(toks: list[str], i: int, n: int) -> int:
    """How many tokens from i spell the figure n (a clitic و before digits or a number word taken off), 0 if none."""
    for k in (1, 2):
        part = toks[i:i + k]
        if len(part) < k:
            break
        if _cardinal(part) == n:
            return 1 if k == 1 or _cardinal(part[:1]) == n else 2
        if part[0][:1] in ("و", "ب", "ل") and part[0][1:].isdigit() and int(part[0][1:]) == n and k == 1:
            return 1
    return 0


def _count_tokens(sentence: str) -> list[str]:
    """The sentence's words as the figure readers compare them: normalised, lower case, Western digits, no
    punctuation or brackets around them."""
    return [t.strip(".,،;:!?؟\"«»'") for t in
            normalize(sentence).lower().translate(_DIGITS).replace("(", " ").replace(")", " ").split()]


def _figures(toks: list[str], n: int):
    """(position, length) of each place the figure `n` is written in `toks`."""
    for i in range(len(toks)):
        k = _figure_at(toks, i, n)
        if k:
            yield i, k


def _only(found: set) -> str | None:
    """The one reading every place the figure is written gives (None when none, or two disagree)."""
    known = found - {None}
    return next(iter(known)) if len(known) == 1 else None


def count_unit(sentence: str | None, n: int) -> str | None:
    """What the figure `n` counts in `sentence` (values.yaml counts.units: killed, wounded, ...), read from its own
    words: the unit noun right after it ("32 قتيلا ومئة جريح": 32 killed, 100 wounded), else the word governing it
    right before it, a qualifier passed over ("مقتل 32 شخصا وإصابة نحو 100"), else a unit word after neutral nouns
    and auxiliaries ("32 people were killed"). None where the figure is not found, tells no unit, or is written
    twice with two units."""
    if not sentence:
        return None
    after, before, skip_a, skip_b = _unit_words()
    toks = _count_tokens(sentence)
    found = set()
    for i, k in _figures(toks, n):
        j = i + k
        unit = _unit_of(toks[j], after) if j < len(toks) else None
        if unit is None:
            b = i - 1
            while b >= 0 and i - b <= 4 and toks[b] in skip_b:
                b -= 1
            unit = _unit_of(toks[b], before) if b >= 0 else None
        if unit is None:
            while j < len(toks) and j - i <= 4 and toks[j] in skip_a:
                j += 1
            unit = _unit_of(toks[j], after) if j < len(toks) and j > i + k else None
        found.add(unit)
    return _only(found)


@lru_cache(maxsize=1)
def _group_words() -> tuple[dict, frozenset]:
    cfg = vconfig()["counts"]
    words = {normalize(w).lower(): g for g, ws in (cfg.get("groups") or {}).items() for w in ws}
    return words, frozenset(normalize(w).lower() for w in cfg.get("group_skip") or ())


def count_group(sentence: str | None, n: int) -> str | None:
    """Whom the figure `n` counts in `sentence` (values.yaml counts.groups: civilians, security, fighters), read
    from the noun right after it, past "من"/"of"/"others" and its article ("15 من المسلحين الحوثيين": fighters;
    "أربعة مدنيين": civilians). None where not found, of no group, or written twice with two groups."""
    if not sentence:
        return None
    words, skip = _group_words()
    toks = _count_tokens(sentence)
    found = set()
    for i, k in _figures(toks, n):
        j = i + k
        while j < len(toks) and j - i <= 3 and toks[j] in skip:
            j += 1
        g = None
        if j < len(toks):
            t = toks[j]
            g = words.get(t) or (words.get(t[2:]) if t.startswith("ال") else None) \
                or (words.get(t[1:]) if t[:1] in ("و", "ب", "ل") else None)
        found.add(g)
    return _only(found)


def early_cue(sentence: str | None) -> bool:
    """Does the sentence tell its happening as of the day it was written (values.yaml counts.early: "اليوم")?"""
    return _phrase_in(sentence, vconfig()["counts"].get("early") or ())


def revision_cue(sentence: str | None) -> bool:
    """Does the sentence tell a count as an earlier or updated toll ("the first toll was nine")?"""
    return _phrase_in(sentence, [p for lang in vconfig()["counts"]["revision"].values() for p in lang])


def self_revision_cue(sentence: str | None) -> bool:
    """Does the sentence tell its voice updating its own earlier announcement (values.yaml counts.self_revision:
    "إلحاقاً لما سبق إعلانه", "further to its earlier statement")? Its figure revises that voice's own."""
    return _phrase_in(sentence, [p for lang in (vconfig()["counts"].get("self_revision") or {}).values() for p in lang])


def _phrase_in(sentence: str | None, phrases) -> bool:
    """Does the normalised, lower-case sentence hold one of ``phrases`` as whole words?"""
    if not sentence:
        return False
    s = " " + " ".join(normalize(sentence).lower().split()) + " "
    return any(f" {normalize(p).lower()} " in s for p in phrases)


def risen_to(text: str | None, n: int) -> bool:
    """Does ``text`` (a whole report) tell the figure ``n`` as a toll that rose to it ("حصيلة ضحاياه ارتفعت إلى 32
    قتيلا", "ارتفع عدد القتلى في الهجوم إلى 15", "the toll rose to 32": values.yaml counts.risen: a verb of rising,
    its "to" within ``to_window`` words after it, the figure within ``qualifier_window`` words after that)? Such a
    report tells ``n`` as the updated toll, whatever sentence of it carries the figure's mention."""
    return bool(text) and n in _risen_figures(text)


@lru_cache(maxsize=256)
def _risen_figures(text: str) -> frozenset:
    """The figures a report tells as a toll risen to them (risen_to): read once per report, asked per pair."""
    verbs, to = _risen_cues()
    if not verbs or not to:
        return frozenset()
    toks = [t.strip(".,،;:!?؟\"«»") for t in
            normalize(text).lower().translate(_DIGITS).replace("(", " ").replace(")", " ").split()]
    w, gap = vconfig()["counts"]["qualifier_window"], int((vconfig()["counts"].get("risen") or {}).get("to_window") or 4)
    out = set()
    for i, t in enumerate(toks):
        if t not in verbs:
            continue
        for k in range(i + 1, min(len(toks), i + gap + 1)):
            if toks[k] in to:
                out.update(_cardinal(toks[j:j + 2]) for j in range(k + 1, min(len(toks), k + 1 + w)))
                break
    out.discard(None)
    return frozenset(out)


@lru_cache(maxsize=1)
def _risen_cues() -> tuple[frozenset, frozenset]:
    cfg = vconfig()["counts"].get("risen") or {}
    return (frozenset(normalize(w).lower() for w in cfg.get("verbs") or ()),
            frozenset(normalize(w).lower() for w in cfg.get("to") or ()))


def same_clause(text: str, trigger: tuple[int, int], span: tuple[int, int]) -> bool:
    """Is ``span`` told in the trigger's own clause: near it, with no clause mark or opener between
    them (values.yaml agent_clause)?"""
    cfg = vconfig().get("agent_clause") or {}
    (ts, te), (s, e) = trigger, span
    if s < te and ts < e:
        return True
    lo, hi = (e, ts) if e <= ts else (te, s)
    if hi - lo > cfg.get("max_gap_chars", 60):
        return False
    gap = re.sub(r"(?<=\d)[.,،](?=\d)", "", text[lo:hi])    # 6.85, 1,000: a figure, no boundary
    if any(m in gap for m in cfg.get("boundary_marks") or ()):
        return False
    openers = {normalize(w) for ws in (cfg.get("openers") or {}).values() for w in ws}
    return not any(normalize(w) in openers for w in re.findall(r"\w+", gap))


def own_agent(text: str, trigger: tuple[int, int], span: tuple[int, int], actors_between: bool = False) -> bool:
    """Is the agent told at ``span`` the doer of the trigger's happening, in its own clause (values.yaml
    agent_clause)? ``actors_between``: another actor is named in the text between them."""
    (ts, te), (s, e) = trigger, span
    if possessed(text, span):
        return False        # "ابنا عم الوزير فرا": his cousins fled, not he
    if s < te and ts < e:
        return True
    if actors_between or not same_clause(text, trigger, span):
        return False
    cfg = vconfig().get("agent_clause") or {}
    words = [normalize(w) for w in re.findall(r"\w+", text[min(e, te):max(s, ts)])]
    if e <= ts and (_stance(words) or _stance(re.findall(r"\w+", text[max(0, s - 30):s])[-2:])):
        return False        # "X condemned the shelling", "condemned X the shelling": X judges it
    if s >= te:
        # a definite Arabic verbal noun takes its doer through a relative or "by" only
        trig = normalize(text[ts:te])
        for pre in proclitics():
            if trig.startswith(pre + "ال"):
                trig = trig[1:]
                break
        links = {normalize(w) for ws in (cfg.get("links") or {}).values() for w in ws}
        if trig.startswith("ال") and not any(w in links for w in words):
            return False
    return True


def _stance(words: list[str]) -> bool:
    """Does a verb of judging (values.yaml agent_clause stance_verbs) stand among `words` (as written),
    bare or after a conjunction (و, ف)?"""
    verbs = _stance_verbs()
    words = [normalize(w).lower() for w in words]
    return any(w in verbs or (w[:1] in ("و", "ف") and w[1:] in verbs) for w in words)


@lru_cache(maxsize=1)
def _stance_verbs() -> frozenset:
    cfg = vconfig().get("agent_clause") or {}
    return frozenset(normalize(w).lower() for ws in (cfg.get("stance_verbs") or {}).values() for w in ws)


@lru_cache(maxsize=1)
def _ties() -> tuple[frozenset, frozenset, frozenset]:
    cfg = vconfig().get("possessor_ties") or {}
    norm = lambda key: frozenset(normalize(w).lower() for w in cfg.get(key) or ())  # noqa: E731
    return norm("ar"), norm("en_before"), norm("en_after")


_POSS_AFTER = re.compile(r"\s*['’]s\s+(?:(\w+)\s+)?(\w+)")


def possessed(text: str, span: tuple[int, int]) -> bool:
    """Is the name at ``span`` the possessor of the one it stands for: a tie noun of values.yaml
    ``possessor_ties`` right before it in its clause ("ابني عم الوزير", "أحد حراس القائد", "the brother of
    the minister"), or after it through "'s" ("the minister's (younger) brother")?"""
    s, e = span
    ar, en_before, en_after = _ties()
    before = text[max(0, s - 40):s]
    cut = max(before.rfind(m) for m in (".", "،", ",", "\n", ":", "؛", ";"))
    toks = [normalize(t).lower() for t in re.findall(r"\w+", before[cut + 1:])][-3:]
    for t in toks[-2:]:
        if t in ar or (t[:1] in ("و", "ف") and t[1:] in ar):
            return True
    if len(toks) >= 2 and toks[-1] == "of" and toks[-2] in en_before:
        return True
    if len(toks) >= 3 and toks[-1] == "the" and toks[-2] == "of" and toks[-3] in en_before:
        return True
    m = _POSS_AFTER.match(text, e)
    return bool(m) and any((w or "").lower() in en_after for w in m.groups())


@lru_cache(maxsize=1)
def _phase_words() -> dict[tuple, str]:
    """(normalised words) -> phase of flight (values.yaml flight_phase)."""
    out = {}
    for kind, spec in (vconfig().get("flight_phase") or {}).items():
        for w in spec.get("words") or ():
            out[tuple(normalize(str(w)).lower().split())] = kind
    return out


@lru_cache(maxsize=4096)
def _window_tokens(text: str, lo: int, hi: int) -> tuple:
    """The words of ``text[lo:hi]`` with their offsets, normalised: read once per trigger for the clause's
    ranks, phase of flight and "alone" (``_clause_words``)."""
    return tuple((m.start() + lo, m.end() + lo, normalize(m.group()).lower()) for m in re.finditer(r"[\w-]+", text[lo:hi]))


# speed33: skip a window word that opens none of the table's phrases (even behind و/ف) before building its
# one- and two-word phrases; such a word matched nothing, so the values found are the same. False: every word.
CLAUSE_FIRST_WORDS = True
_FIRSTS: dict[int, tuple[dict, frozenset]] = {}


def _first_words(words: dict) -> frozenset:
    """The first words of `words`' phrases, kept per table (the tables are made once, lru_cache)."""
    got = _FIRSTS.get(id(words))
    if got is None or got[0] is not words:
        got = _FIRSTS[id(words)] = (words, frozenset(p[0] for p in words if p))
    return got[1]


def _clause_words(text: str, trigger: tuple[int, int], words: dict) -> set:
    """The values of `words` ((normalised words) -> value) told near the trigger in its own clause, not
    the trigger itself; a word also matches behind one clitic و/ف."""
    ts, te = trigger
    toks = _window_tokens(text, max(0, ts - 80), min(len(text), te + 80))
    firsts = _first_words(words) if CLAUSE_FIRST_WORDS else None
    found = set()
    k = 0
    while k < len(toks):
        if firsts is not None:
            w = toks[k][2]
            if w not in firsts and not (w[:1] in ("و", "ف") and w[1:] in firsts):
                k += 1
                continue
        step = 1
        for n in (2, 1):
            if k + n > len(toks):
                continue
            phrase = tuple(t for _, _, t in toks[k:k + n])
            kind = words.get(phrase)
            if kind is None and phrase[0][:1] in ("و", "ف"):
                kind = words.get((phrase[0][1:],) + phrase[1:])
            if kind is None:
                continue
            step = n        # a two-word form's words are not read again alone ("ضابط صف")
            s, e = toks[k][0], toks[k + n - 1][1]
            if not (s < te and ts < e) and _near_in_clause(text, trigger, (s, e)):
                found.add(kind)
            break
        k += step
    return found


@lru_cache(maxsize=1)
def _rank_words() -> dict[tuple, str]:
    return {tuple(normalize(str(w)).lower().split()): kind
            for kind, spec in (vconfig().get("ranks") or {}).items() for w in spec.get("words") or ()}


def victim_rank(text: str, trigger: tuple[int, int]) -> str | None:
    """The one military grade ("officer", "nco") that the trigger's own clause names, else None."""
    kinds = _clause_words(text, trigger, _rank_words()) if text else set()
    return next(iter(kinds)) if len(kinds) == 1 else None


def rank_label(kind: str, lang: str) -> str:
    return ((vconfig().get("ranks") or {}).get(kind, {}).get("label") or {}).get(lang) or kind


@lru_cache(maxsize=1)
def _alone_words() -> dict[tuple, str]:
    return {tuple(normalize(str(w)).lower().split()): "alone"
            for w in (vconfig().get("companions_alone") or {}).get("words") or ()}


def went_alone(text: str, trigger: tuple[int, int]) -> bool:
    """Does the trigger's own clause say the mover went alone ("غادر وحده", "left alone")?"""
    return bool(text) and bool(_clause_words(text, trigger, _alone_words()))


def alone_label(lang: str) -> str:
    return ((vconfig().get("companions_alone") or {}).get("label") or {}).get(lang) or "alone"


def flight_phase(text: str, trigger: tuple[int, int]) -> str | None:
    """The phase of flight ("landing", "take_off") that the trigger's own clause names ("سقطت وهي في حالة
    الاستعداد للهبوط", "crashed shortly after take-off"), if it names exactly one; else None. The trigger
    itself is no phase ("the plane landed" is the landing, not a happening during one)."""
    words = _phase_words()
    if not words or not text:
        return None
    kinds = _clause_words(text, trigger, words)
    return next(iter(kinds)) if len(kinds) == 1 else None


def _near_in_clause(text: str, trigger: tuple[int, int], span: tuple[int, int]) -> bool:
    """Near the trigger with no clause mark between (agent_clause; its openers, "after", "while", "بعد",
    are what ties a circumstance to the happening, so they do not part them here)."""
    cfg = vconfig().get("agent_clause") or {}
    (ts, te), (s, e) = trigger, span
    lo, hi = (e, ts) if e <= ts else (te, s)
    return hi - lo <= cfg.get("max_gap_chars", 60) and not any(m in text[lo:hi] for m in cfg.get("boundary_marks") or ())


def phase_label(kind: str, lang: str) -> str:
    return ((vconfig().get("flight_phase") or {}).get(kind, {}).get("label") or {}).get(lang) or kind


@lru_cache(maxsize=1)
def _age_words() -> tuple[frozenset, frozenset, list]:
    """values.yaml ages: its cues and units, normalised, and its words for a half."""
    cfg = vconfig().get("ages") or {}
    return (frozenset(normalize(w).lower() for w in cfg.get("cues") or ()),
            frozenset(normalize(w).lower() for w in cfg.get("units") or ()),
            [tuple(normalize(w).lower().split()) for w in cfg.get("half") or ()])


def victim_age(text: str, trigger: tuple[int, int]) -> float | None:
    """The one age (in years) told near the trigger in its own clause ("البالغة أربعة أعوام", "aged 58",
    "a 58-year-old"; values.yaml ages), else None."""
    cfg = vconfig().get("ages") or {}
    if not text or not cfg:
        return None
    cues, units, halves = _age_words()
    ts, te = trigger
    lo, hi = max(0, ts - 100), min(len(text), te + 100)
    toks = [(m.start() + lo, m.end() + lo, normalize(m.group()).lower().translate(_DIGITS))
            for m in re.finditer(r"[\w-]+", text[lo:hi])]
    words = [t for _, _, t in toks]
    found = set()
    for i, (s, e, t) in enumerate(toks):
        m = re.fullmatch(r"(\d{1,3})-years?-old", t)
        if m:
            n, end = float(m.group(1)), e
        else:
            n = None
            for k in (2, 1):
                u = i + k       # the unit and the cue first: reading a number is what costs
                if u < len(words) and words[u] in units \
                        and any(c in cues for c in words[max(0, i - int(cfg.get("cue_window", 4))):i]) \
                        and (v := _cardinal(words[i:i + k])) is not None:
                    n, end = float(v), toks[u][1]
                    if any(tuple(words[u + 1:u + 1 + len(h)]) == h for h in halves):
                        n += 0.5
                    break
            if n is None:
                continue
        if not (s < te and ts < end) and _near_in_clause(text, trigger, (s, end)):
            found.add(n)
    return next(iter(found)) if len(found) == 1 else None


# ------------------------------------------------------------------ who is no doer

@lru_cache(maxsize=1)
def _doer_words() -> tuple:
    cfg = vconfig().get("doers") or {}
    n = lambda w: normalize(w).lower()  # noqa: E731
    return (frozenset(n(w) for w in cfg.get("group_heads") or ()),
            tuple(sorted((n(w) for w in cfg.get("group_heads_after") or ()), key=len, reverse=True)),
            frozenset(n(w) for w in cfg.get("victim_links") or ()),
            frozenset(cfg.get("place_doer_kinds_kept") or ("country", "continent", "capital")),
            frozenset(n(w) for w in cfg.get("target_heads") or ()),
            frozenset(n(w) for w in cfg.get("name_titles") or ()))


def place_doer_kept(kind: str | None) -> bool:
    """Is a place of this kind a doer a reader accepts (a country, a capital for its government)?"""
    return kind in _doer_words()[3]


_NAME_PUNCT = ".,،;:!?؟\"«»'()[]"


def named_as(text: str, name: tuple[int, int], lo: int = 0) -> str | None:
    """How the name at `name` in `text` is told, from the words right around it (not before `lo`, its sentence's
    start): "group" where it names a group's head ("ميليشيات صالح", "الموالية لصالح", "ميليشيات الحوثي وصالح",
    "Saleh's forces": values.yaml doers.group_heads, group_heads_after), "victim" where it names counted victims
    ("قتلى من الحوثيين", "21 من الحوثيين": a casualty word of counts.units or a figure, then doers.victim_links),
    else None."""
    heads, after_heads, links, _, targets, titles = _doer_words()
    start, end = name
    before = text[max(lo, start - 60):start]
    m = re.search(r"(\w+)$", before)
    glued = normalize(m.group(1)).lower() if m else ""
    if m:
        before = before[:m.start()]
    toks = [t.strip(_NAME_PUNCT) for t in normalize(before).lower().translate(_DIGITS).split()]
    toks = [t for t in toks if t]
    after = " ".join(normalize(text[end:end + 30]).lower().split())
    if any(after.startswith(h) for h in after_heads):
        return "group"
    if glued == "و" and toks:
        toks = toks[:-1]          # "ميليشيات الحوثي وصالح": the head governs both names
    elif glued and glued not in ("ل", "لل", "ب"):
        return None               # the name is inside a longer word
    while not glued and len(toks) > 1 and toks[-1] in titles:
        toks = toks[:-1]          # "فلول الرئيس المخلوع علي عبدالله صالح"
    if toks and toks[-1] in targets:
        return "victim"           # "على مواقع الحوثيين": the Houthis were hit
    if toks and (toks[-1] in heads or toks[-1][:1] in ("و", "ب", "ل", "ف") and toks[-1][1:] in heads):
        return "group"
    if glued in ("ل", "لل") and toks and toks[-1] in heads:
        return "group"
    if toks and toks[-1] == "loyal" or len(toks) > 1 and toks[-2:] == ["loyal", "to"]:
        return "group"
    if len(toks) > 1 and toks[-1] in links:
        prev = toks[-2]
        after_units = _unit_words()[0]
        if prev in after_units or _cardinal([prev]) is not None or (prev[:1] == "و" and prev[1:] in after_units):
            return "victim"
    return None


@lru_cache(maxsize=4096)
def series(sentence: str | None) -> bool:
    """Does a sentence tell its toll of a series of fights (values.yaml counts.series: "في مواجهات", "معارك
    عنيفة", "in clashes", "air strikes"), one report period's toll of fighting over days, not one happening's?
    A word counts as written or with one clitic of counts.series_clitics off."""
    cues = _series_cues()
    if not sentence or not cues:
        return False
    clitics = _clitics()
    words = normalize(sentence).split()
    for k, w in enumerate(words):
        for f in _clitic_forms(w, clitics, 2):
            if f in cues or any(" ".join([f] + words[k + 1:k + 1 + n]) in cues for n in (1, 2)):
                return True
    return False


def fight(trigger: str | None) -> bool:
    """Is a trigger a fight between parties (values.yaml fights: "معارك", "اشتباكات", "clashes"), whose every
    side a report may name as its doer? A clitic of counts.series_clitics off."""
    if not trigger:
        return False
    cues = _fight_cues()
    w = normalize(trigger).lower().strip()
    return w in cues or any(w.startswith(c) and w[len(c):] in cues for c in _clitics())


@lru_cache(maxsize=1)
def _fight_cues() -> frozenset:
    return frozenset(normalize(c).lower() for c in vconfig().get("fights") or ())


def reference_places(sentence: str | None) -> frozenset:
    """The place words a sentence names as a reference point of a distance ("57 كم شمال شرقي بغداد", "250/كم شمال
    بغداد", "60 km north of Baghdad"): where it is measured from, not where it happened (values.yaml
    reference_place: a distance unit, then up to two direction words or "of", then the place)."""
    cfg = vconfig().get("reference_place") or {}
    units = {normalize(w).lower() for w in cfg.get("units") or ()}
    between = {normalize(w).lower() for w in cfg.get("between") or ()}
    if not sentence or not units:
        return frozenset()
    toks = [t.strip(".,،;:!?؟\"«»“”'()/") for t in normalize(sentence).lower().replace("/", " ").split()]
    out = set()
    for k, t in enumerate(toks):
        if t not in units and not any(t.endswith(u) and t[:-len(u)].isdigit() for u in units):
            continue
        j = k + 1
        while j < len(toks) and j <= k + 3 and toks[j] in between:
            j += 1
        if j > k + 1 and j < len(toks):
            out.add(place_word(toks[j]))
    return frozenset(out)


def means_told(sentence: str | None) -> frozenset:
    """The kinds of weapon or way of killing a sentence names (values.yaml counts.means: shelling, an air strike, a
    bomb, mines, gunfire, an execution): a word of a kind as written or with one clitic of counts.series_clitics off,
    or a longer word it begins ("قصفت", "بالقذائف")."""
    cfg = vconfig().get("counts") or {}
    kinds = {k: tuple(normalize(w).lower() for w in ws) for k, ws in (cfg.get("means") or {}).items()}
    if not sentence or not kinds:
        return frozenset()
    clitics = _clitics()
    out = set()
    for w in re.findall(r"\w+", normalize(sentence).lower()):
        forms = _clitic_forms(w, clitics, 2)
        for k, ws in kinds.items():
            if any(f.startswith(x) for f in forms for x in ws if len(x) >= 3 or f == x):
                out.add(k)
    return frozenset(out)


def unconfirmed(sentence: str | None) -> bool:
    """Does a sentence say that something is neither confirmed nor denied (values.yaml unconfirmed: "تأكيد أو
    نفي", "confirm or deny")? Its "نفي" is no denial."""
    s = normalize(sentence or "").lower()
    return bool(s) and any(c in s for c in _unconfirmed_cues())


def other_matter(sentence: str | None) -> bool:
    """Does a sentence open by saying that it turns to another matter ("وفي سياق آخر", "من جهة أخرى", "in another
    development": values.yaml other_matter, a conjunction "و"/"ف" off)? What it tells is an item of its own, not
    the happening the sentences before it tell."""
    toks = normalize(sentence or "").lower().split()
    if not toks:
        return False
    if toks[0] in ("و", "ف"):
        toks = toks[1:]
    elif toks[0][:1] in ("و", "ف") and len(toks[0]) > 2:
        toks = [toks[0][1:]] + toks[1:]
    head = " ".join(t.strip(".,،;:!?؟\"«»") for t in toks[:6])
    return any(head == c or head.startswith(c + " ") for c in _other_matter_cues())


@lru_cache(maxsize=1)
def _other_matter_cues() -> tuple:
    return tuple(" ".join(normalize(c).lower().split()) for c in vconfig().get("other_matter") or ())


@lru_cache(maxsize=1)
def _unconfirmed_cues() -> tuple:
    return tuple(normalize(c).lower() for c in vconfig().get("unconfirmed") or ())


@lru_cache(maxsize=1)
def _series_cues() -> frozenset:
    return frozenset(normalize(c) for c in (vconfig().get("counts") or {}).get("series") or ())


def part_told(sentence: str | None, n: int) -> bool:
    """Does a sentence tell the figure ``n`` as a part of a toll, after a cue of values.yaml counts.parts
    ("بينهم", "من بينهم", "منهم", "بين القتلى", "among them", "including") within counts.part_window words
    ("12 شخصا قتلوا ... بين القتلى خمسة من القوات المالية": 5 is a part of the 12, not a rival of it)?"""
    cfg = vconfig().get("counts") or {}
    cues = [normalize(c).lower().split() for c in cfg.get("parts") or ()]
    if not sentence or not cues:
        return False
    toks = _figure_words(sentence)
    window = int(cfg.get("part_window", 4))
    for k in range(len(toks)):
        for c in cues:
            if toks[k:k + len(c)] != c:
                continue
            after = k + len(c)
            if any(_cardinal(toks[j:j + 2]) == n for j in range(after, min(after + window, len(toks)))):
                return True
    return False


def others_told(sentence: str | None, n: int) -> bool:
    """Does a sentence tell the figure ``n`` as others than one it counts before it (values.yaml counts.others right
    after the figure, counts.others_before before it: "أحد المهاجمين قتل ... في حين لقي اثنان آخران وضابط شرطة
    حتفهم", one of the attackers died in the blast and two others in the firefight after)? Such a figure counts the
    rest of a toll, a part of it, not a rival of it. So is a figure told as one household (counts.household right
    before it: "قتل أسرة من ثمانية أفراد", a family of eight of a shelling's toll)."""
    cfg = vconfig().get("counts") or {}
    others = {normalize(c).lower() for c in cfg.get("others") or ()}
    before = [normalize(c).lower().split() for c in cfg.get("others_before") or ()]
    if not sentence or not others or not before:
        return False
    toks = _figure_words(sentence)
    household = {normalize(c).lower() for c in cfg.get("household") or ()}
    for k in range(len(toks)):
        w = _figure_at(toks, k, n)
        if not w:
            continue
        # "أسرة من ثمانية أفراد", "a family of five": one household of the victims
        lead = [t for t in toks[max(0, k - 2):k] if t not in ("من", "of")]
        if lead and (lead[-1] in household or lead[-1][1:] in household and lead[-1][:1] in ("ب", "ل", "و")):
            return True
        if k + w >= len(toks) or toks[k + w] not in others:
            continue
        if any(toks[j:j + len(c)] == c for j in range(k) for c in before):
            return True
    return False


def others_of(sentence: str | None, n: int) -> int | None:
    """M where a sentence tells the figure ``n`` as some of a group and M others beside them (values.yaml
    counts.others_of: "استشهد عشرة من منسوبي قوات الطوارئ الخاصة وثلاثة آخرون", "ten of the soldiers and three
    others"), no "one of" needed: ``n`` is then a part of a toll of n + M, else None (recon37)."""
    cfg = vconfig().get("counts") or {}
    shape = cfg.get("others_of") or {}
    others = {normalize(c).lower() for c in cfg.get("others") or ()}
    of = {normalize(c).lower() for c in shape.get("of") or ()}
    conj = {normalize(c).lower() for c in shape.get("and") or ()}
    if not sentence or not others or not of or not conj:
        return None
    toks = _figure_words(sentence)
    units = _unit_nouns() | _unit_words()[1].keys()     # the people a figure counts; the verbs before one (قتل، أصيب)
    for k in range(len(toks)):
        w = _figure_at(toks, k, n)
        if not w or k + w >= len(toks) or toks[k + w] not in of:
            continue
        for j in range(k + w + 1, min(len(toks), k + w + 1 + int(shape.get("window", 6)))):
            m, width = _conjoined_figure(toks, j, conj)
            if m is not None:
                after = toks[j + width:j + width + 2]
                # "وثلاثة آخرون" right after the group, not "... وثلاثة آخرون أصيبوا" (others of another toll)
                if after and after[0] in others and not (len(after) > 1 and after[1] in units):
                    return m
                break
            if toks[j] in units or _cardinal(toks[j:j + 1]) is not None:
                break       # the group's words end at a verb or another figure
    return None


def _conjoined_figure(toks: list[str], j: int, conj: set) -> tuple[int | None, int]:
    """(M, tokens) where toks[j] opens "and M" ("وثلاثة", "و3", "و ثلاثة", "and three"), else (None, 0)."""
    t = toks[j]
    if t in conj:
        m = _cardinal(toks[j + 1:j + 3])
        return (m, 1 + _figure_at(toks, j + 1, m)) if m is not None else (None, 0)
    if t[:1] in conj and len(t) > 1:
        if t[1:].isdigit():
            return figure(t[1:]), 1
        m = _cardinal(toks[j:j + 2])    # a number word with its و ("وثلاثة", "وثلاثة عشر"): the clitic taken off
        if m is not None and _cardinal([t[1:]] + toks[j + 1:j + 2]) == m:
            return m, _figure_at(toks, j, m)
    return None, 0


def remaining_told(sentence: str | None, n: int) -> bool:
    """Does a sentence tell the figure ``n`` as those who remain (values.yaml counts.remaining within
    counts.remaining_window words after it: "خمسة مصابين ما زالوا يتلقون العلاج", "5 are still in hospital")? Such
    a figure counts a part of a toll (the wounded still treated, the others discharged), not a rival of it."""
    cfg = vconfig().get("counts") or {}
    cues = [normalize(c).lower().split() for c in cfg.get("remaining") or ()]
    if not sentence or not cues:
        return False
    toks = _figure_words(sentence)
    window = int(cfg.get("remaining_window", 3))
    for k in range(len(toks)):
        if _cardinal(toks[k:k + 2]) != n:
            continue
        for j in range(k + 1, min(k + 1 + window, len(toks))):
            if any(toks[j:j + len(c)] == c for c in cues):
                return True
    return False


@lru_cache(maxsize=4096)
def headed_places(sentence: str | None) -> frozenset:
    """The places a sentence names by a head noun of values.yaml counts.place_heads ("قرية قصر البريج",
    "مخيم الشابورة", "مدينة رفح", "the village of X"): the word after the head, normalised, its article off.
    Such a place is mostly finer than what the knowledge base resolves in the same sentence (a village
    of "ريف حلب")."""
    cfg = vconfig().get("counts") or {}
    heads = {normalize(h).lower() for h in cfg.get("place_heads") or ()}
    if not sentence or not heads:
        return frozenset()
    clitics = _clitics()
    skip = {normalize(w).lower() for w in cfg.get("place_head_skip") or ()}
    unnamed = {normalize(w).lower() for w in cfg.get("place_head_unnamed") or ()}
    toks = [t.strip(".,،;:!?؟\"«»“”'()") for t in normalize(sentence).lower().split()]
    out = set()
    for k, t in enumerate(toks[:-1]):
        if not _clitic_forms(t, clitics, 1) & heads:
            continue
        nxt = toks[k + 1]
        if nxt in skip and k + 2 < len(toks):
            nxt = toks[k + 2]
        if nxt.startswith("ال") and len(nxt) > 4:
            nxt = nxt[2:]
        if len(nxt) >= 3 and not nxt.isdigit() and nxt not in unnamed:
            out.add(nxt)
    return frozenset(out)


def place_word(name: str | None) -> str:
    """A place's name as headed_places gives it (normalised, lower case, its first word's article off:
    "مدينة رفح" gives "رفح", the entity رفح too)."""
    toks = normalize(name or "").lower().split()
    heads = {normalize(h).lower() for h in (vconfig().get("counts") or {}).get("place_heads") or ()}
    if len(toks) > 1 and toks[0] in heads:
        toks = toks[1:]
    w = toks[0] if toks else ""
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def figure_told(sentence: str | None, n: int) -> bool:
    """Is the figure ``n`` written in the sentence (digits or number words)?"""
    if not sentence:
        return False
    toks = _figure_words(sentence)
    return any(_cardinal(toks[j:j + 2]) == n for j in range(len(toks)))


def _figure_words(sentence: str) -> list[str]:
    """A sentence's words as part_told and figure_told read figures in them: normalised, lower case, digits as
    ASCII, punctuation at their edges off, none empty."""
    toks = [t.strip(".,،;:!?؟\"«»“”'()") for t in normalize(sentence).lower().translate(_DIGITS).split()]
    return [t for t in toks if t]


def _clitics() -> tuple[str, ...]:
    """values.yaml counts.series_clitics, normalised: the clitics a cue word may carry (و، ب، ال ...)."""
    return tuple(normalize(c) for c in (vconfig().get("counts") or {}).get("series_clitics") or ())


def _clitic_forms(w: str, clitics: tuple[str, ...], rest: int) -> set[str]:
    """A word as written and with one of the clitics off, where more than ``rest`` letters remain."""
    return {w} | {w[len(c):] for c in clitics if w.startswith(c) and len(w) > len(c) + rest}



def voice_within(outer: str | None, inner: str | None) -> bool:
    """Does the voice named ``outer`` speak for, or belong to, the voice named ``inner``: every word of one of
    ``inner``'s names (names joined by " | "; words of values.yaml voices.skip left out; a word matches with a
    clitic و/ب/ل/ف or the article off) is a word of one of ``outer``'s ("المتحدث الأمني بوزارة الداخلية" within
    "وزارة الداخلية", "interior ministry spokesman" within "Interior Ministry")? Then the two are one voice, not
    two accounts."""
    if not outer or not inner:
        return False
    outs = [_voice_words(n) for n in outer.split(" | ")]
    for n in inner.split(" | "):
        w = _voice_words(n)
        if not w or not any(max(len(f) for f in x) > 2 for x in w):
            continue
        for o in outs:
            forms = set().union(*o) if o else set()
            if all(x & forms for x in w):
                return True
    return False


def named_voice(name: str | None) -> bool:
    """Does an attributed voice's name, not resolved to an entity, name someone: two words or more (values.yaml
    voices.skip left out), none of them a word of voices.unnamed (sources, officials, witnesses, a toll or a
    statement told as if it spoke) with a clitic or the article off?"""
    words = _voice_words(name or "")
    unnamed = _voice_unnamed()
    return len(words) >= 2 and not any(w & unnamed for w in words)


def no_voice(name: str | None) -> bool:
    """Is an attributed voice's name one word that names no one who speaks (values.yaml voices.no_voice: a number
    word, "عدد" of "أظهرت عدد من الصور"; a rumour, "شائعة"; the verb of saying itself, "بالقول" of "استرسل
    بالقول"; a withheld identity, "هويته"), or an adverb of manner (voices.no_voice_patterns: "متنهدا" of "قال
    متنهدا", sighing), with a clitic or the article off?"""
    words = _voice_words(name or "")
    if len(words) != 1:
        return False
    forms = words[0]
    if forms & _no_voice_words():
        return True
    return any(rx.search(f) for rx in _no_voice_patterns() for f in forms)


@lru_cache(maxsize=1)
def _no_voice_words() -> frozenset:
    out = set()
    for w in (vconfig().get("voices") or {}).get("no_voice") or ():
        for forms in _voice_words(str(w)):
            out |= forms
    return frozenset(out)


@lru_cache(maxsize=1)
def _no_voice_patterns() -> tuple:
    return tuple(re.compile(p) for p in (vconfig().get("voices") or {}).get("no_voice_patterns") or ())


@lru_cache(maxsize=1)
def _voice_unnamed() -> frozenset:
    out = set()
    for w in (vconfig().get("voices") or {}).get("unnamed") or ():
        for forms in _voice_words(str(w)):
            out |= forms
    return frozenset(out)


@lru_cache(maxsize=4096)
def _voice_words(name: str) -> tuple:
    """The words of a voice's name, each as the set of its forms (as written, a clitic off, the article off)."""
    skip = _voice_skip()
    out = []
    for t in normalize(name or "").lower().replace("-", " ").split():
        t = t.strip(".,،;:!?؟\"«»()")
        if not t or t in skip:
            continue
        forms = [t]
        if t[:1] in ("و", "ب", "ل", "ف") and len(t) > 3:
            forms.append(t[1:])
        forms += [f[2:] for f in list(forms) if f.startswith("ال") and len(f) > 4]
        forms = frozenset(f for f in forms if f not in skip)
        if forms:
            out.append(forms)
    return tuple(out)


@lru_cache(maxsize=1)
def _voice_skip() -> frozenset:
    return frozenset(normalize(w).lower() for w in (vconfig().get("voices") or {}).get("skip") or ())
