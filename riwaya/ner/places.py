"""Whole place names (data/ner/entity_rules.yaml: place_feature_heads, place_polity_heads,
place_name_adjectives): a place mention takes the feature noun before it (نهر النيل, جبل كينيا, شبه
جزيرة بيلوبونيز), the polity head before it and the agreeing adjectives after that (جمهورية الصين
الشعبية), a compass word before a continent (شرق أفريقيا), and a compass or size word after it (أمريكا الشمالية, بريطانيا العظمى) unless a place noun
governs it (ريف حلب الغربي: the adjective is the countryside's). A definite polity head with a nisba
after it (الإمبراطورية العثمانية) is a place of its own. Wojood counts these words in the name.
A facility takes its kind before it and the kind's adjective after it (مطار عدن الدولي: place_facility_heads).
An administrative class noun is no part of a place's name (قرية زركلة, قضاء سيلوبي -> the name:
place_class_nouns), and after one, a name in quotes (قاعدة "إنغرليك", ولاية "أديامان") or rare words no list
knows (ناحية قرة تبه, قضاء البعاج) are a place (class_noun_places)."""
from __future__ import annotations

import re
from functools import lru_cache

from riwaya.models import EntityMention
from riwaya.ner.features import norm

_CLITICS = "وفبلك"


@lru_cache(maxsize=65536)
def _core(word):
    """(proclitic length, normalised word without it) for و ف ب ل ك before a word."""
    n = norm(word)
    if len(n) > 3 and n[0] in _CLITICS:
        return 1, n[1:]
    return 0, n


def _class_core(word, classes):
    """_core, but a word that is a class noun whole keeps its first letter (ولاية, not و + لاية)."""
    n = norm(word)
    return (0, n) if n in classes else _core(word)


@lru_cache(maxsize=4)
def _polity_re(heads):
    """A quick test that the text has a definite polity head at all (ال + head, alif and ta marbuta
    written any way), so that documents without one are not walked word by word."""
    alts = [re.sub("ا", "[اأإآ]", h[:-1]) + "[هة]" if h.endswith("ه") else re.sub("ا", "[اأإآ]", h) for h in heads]
    return re.compile(r"(?<!\S)([وفبلك]?ال(?:" + "|".join(sorted(alts)) + r"))(?=\s)")


@lru_cache(maxsize=4)
def _head_re(heads):
    alts = [re.sub("ا", "[اأإآ]", h[:-1]) + "[هة]" if h.endswith("ه") else re.sub("ا", "[اأإآ]", h) for h in heads]
    return re.compile(r"(?<!\S)([وفبلك]?(?:" + "|".join(sorted(alts)) + r"))(?= )")


def _foreign(word, rules):
    """A word rare in Arabic (wordfreq Zipf below morph.yaml's rare_name_zipf), no article, no common or
    inflected word, no proclitic before a known word: a transliterated name (ثيرموبيلاي)."""
    from riwaya.ner.morph import _cfg, inflected_common, proclitic_len, zipf
    from riwaya.textutil import normalize_ar
    n = norm(word)
    return (len(n) >= 3 and not n.startswith("ال") and re.fullmatch(r"[\u0621-\u064A]+", word) is not None
            and zipf(word) < _cfg()["rare_name_zipf"] and normalize_ar(word) not in rules["common_words"]
            and not inflected_common(word) and not proclitic_len(word))


def _nisba(n):
    """السورية, الشعبية (normalised: ة is ه): a definite relative adjective of the feminine."""
    return n.startswith("ال") and n.endswith("يه") and len(n) > 5


def _before(text, s):
    """The word right before s over one space, as (start, end, word), or None."""
    m = re.search(r"(?:^|\s)([^\s,،.:;()«»\"'!?؟؛]+) $", text[max(0, s - 40):s])
    if not m:
        return None
    b = s - 1
    return (b - len(m.group(1)), b, m.group(1))


def _after(text, e):
    m = re.match(r" ([^\s,،.:;()«»\"'!?؟؛]+)", text[e:e + 40])
    return (e + 1, e + m.end(), m.group(1)) if m else None


def place_extents(text: str, mentions: list[EntityMention], rules: dict) -> list[EntityMention]:
    feats, polity, adjs = rules["place_feature_heads"], rules["place_polity_heads"], rules["place_name_adjectives"]
    facility, fac_adjs = rules.get("place_facility_heads", set()), rules.get("place_facility_adjectives", set())
    generic = rules["generic_places"]
    taken = [(m.start, m.end) for m in mentions]

    def free(a, b, own):
        return all(not (a < y and x < b) or (x, y) == own for x, y in taken)

    for m in mentions:
        if m.type != "place" or not re.match(r"[\u0600-\u06FF]", text[m.start:m.start + 1]):
            continue
        s, e = m.start, m.end
        head = None
        prev = _before(text, s)
        if prev:
            k, core = _core(prev[2])
            if core in feats or core in polity or core in facility:
                head = core
                s = prev[0] + k
                shibh = _before(text, s) if core == "جزيره" else None      # شبه جزيرة
                if shibh and _core(shibh[2])[1] == "شبه":
                    s = shibh[0] + _core(shibh[2])[0]
        if head is None and norm(text[s:e]) in rules["place_regions"]:
            while True:                                  # شرق أفريقيا, جنوب شرق آسيا: a region's name
                prev = _before(text, s)
                if not (prev and _core(prev[2])[1] in rules["place_compass_words"]):
                    break
                s = prev[0] + _core(prev[2])[0]
        gov = _before(text, s)
        governed = gov and (_core(gov[2])[1] in generic or _core(gov[2])[1][2:] in generic)
        while True:
            nxt = _after(text, e)
            if not nxt:
                break
            n = norm(nxt[2])
            if (n in adjs and not governed) or (head in polity and _nisba(n)) or (head in facility and n in fac_adjs) \
                    or (not governed and m.kb_id and _other_nation(nxt[2], m.kb_id)
                        and not any(x.start == nxt[1] + 1 and x.type == "person" for x in mentions)):
                e = nxt[1]
            else:
                break
        if (s, e) != (m.start, m.end) and free(s, e, (m.start, m.end)):
            taken[taken.index((m.start, m.end))] = (s, e)
            m.start, m.end, m.text = s, e, text[s:e]
    out = list(mentions)
    for h in _head_re(frozenset(feats)).finditer(text):   # ممر ثيرموبيلاي: a feature noun, then a name no list knows
        w = (h.start(1), h.end(1), h.group(1))
        k, core = _core(w[2])
        nxt = _after(text, w[1]) if core in feats else None
        e = w[1]
        while nxt and _foreign(nxt[2], rules):
            e = nxt[1]
            nxt = _after(text, e)
        if e > w[1] and free(w[0] + k, e, None):
            taken.append((w[0] + k, e))
            out.append(EntityMention(start=w[0] + k, end=e, text=text[w[0] + k:e], type="place",
                                     confidence=0.7, source="pattern", name=text[w[0] + k:e]))
    for h in _polity_re(frozenset(polity)).finditer(text):   # الإمبراطورية العثمانية, الإمارة المورافية
        w = (h.start(1), h.end(1), h.group(1))
        k, core = _core(w[2])
        if not (core.startswith("ال") and core[2:] in polity):
            continue
        s, e = w[0] + k, w[1]
        while True:
            nxt = _after(text, e)
            if nxt and _nisba(norm(nxt[2])):
                e = nxt[1]
            else:
                break
        if e > w[1] and free(s, e, None):
            taken.append((s, e))
            out.append(EntityMention(start=s, end=e, text=text[s:e], type="place", confidence=0.7,
                                     source="pattern", name=text[s:e]))
    return out


_QUOTED = re.compile(r"[ \t]*[\"«“]\s*([^\"«»“”\n]{2,30}?)\s*[\"»”]")


def class_noun_places(text: str, mentions: list[EntityMention], rules: dict) -> list[EntityMention]:
    """An indefinite administrative class noun (data: place_class_nouns, place_quoted_heads) before a
    name is not part of it: a tagged place that starts with one starts after it (قرية زركلة -> زركلة; not a
    knowledge-base name: قطاع غزة, محافظة بيروت). After one, a name in quotes (قاعدة "إنغرليك") or one or
    two rare words no list knows, with or without the article (قضاء البعاج, ناحية قرة تبه), is a place
    where nothing else was found."""
    strip, quoted_heads = rules.get("place_class_nouns", set()), rules.get("place_quoted_heads", set())
    classes = strip | rules.get("place_class_nouns_in_name", set())
    if not classes:
        return mentions
    out = []
    mentions_before = {id(m): (m.start, m.end) for m in mentions}
    for m in mentions:
        if m.type == "place" and (m.source != "kb" or rules.get("place_class_nouns_kb")) and " " in m.text:
            first = m.text.split()[0]
            k, core = _class_core(first, classes | rules.get("place_class_nouns_tagged", set()))
            if m.source == "kb":
                if core not in rules.get("place_class_nouns_kb", set()):
                    out.append(m)
                    continue
            elif core in classes:
                verb = _verb_after_class(text, m.start + len(first), m.end, rules)
                if verb is not None:                    # قرية يسيطر عليها: a village, then what rules it
                    if not text[m.start:verb].strip() or norm(text[m.start:verb].strip()) in classes:
                        continue
                    m.end = len(text[:verb].rstrip())
                    m.text = m.name = text[m.start:m.end]
            if core in strip or (m.source == "kb" and core in rules.get("place_class_nouns_kb", set())) \
                    or (m.source != "kb" and core in rules.get("place_class_nouns_tagged", set())):
                cut = m.start + len(first)
                while cut < m.end and text[cut].isspace():
                    cut += 1
                if cut < m.end:
                    m.start, m.text = cut, text[cut:m.end]
                    m.name = m.text
        out.append(m)
    _whole_after_class(text, out, classes, rules)
    out = _kb_alias_after_class(text, out, mentions_before, rules)
    taken = [(m.start, m.end) for m in out]

    def free(a, b):
        return a < b and all(not (a < y and x < b) for x, y in taken)

    def add(a, b):
        taken.append((a, b))
        out.append(EntityMention(start=a, end=b, text=text[a:b], type="place", confidence=0.7,
                                 source="pattern", name=text[a:b]))

    for h in _head_re(frozenset(classes | quoted_heads)).finditer(text):
        k, core = _class_core(h.group(1), classes)
        q = _QUOTED.match(text, h.end(1))
        if q:
            if free(q.start(1), q.end(1)) and not re.search(r"[\d.,،:؛]", q.group(1)):
                add(q.start(1), q.end(1))
            continue
        if core not in classes:
            continue
        e, words = h.end(1), 0
        nxt = _after(text, e)
        while nxt and words < 2 and _rare_name(nxt[2], rules):
            e, words = nxt[1], words + 1
            nxt = _after(text, e)
        if words and free(h.end(1) + 1, e):
            add(h.end(1) + 1, e)
            nxt = _after(text, e)          # مناطق البوشجل والملاحمة: a second name joined by و
            if nxt and nxt[2].startswith("و") and _rare_name(nxt[2][1:], rules) and free(nxt[0] + 1, nxt[1]):
                add(nxt[0] + 1, nxt[1])
    return out


@lru_cache(maxsize=4096)
def _nation_of(word):
    """The country a nisba names (الفرنسية, البريطاني -> country:fr, country:gb), else None."""
    from riwaya.kb import load_kb
    from riwaya.textutil import normalize_ar
    n = norm(word)
    if not n.startswith("ال"):
        return None
    base = n[2:]
    for suf in ("يه", "ي"):                       # norm writes ة as ه
        if base.endswith(suf) and len(base) - len(suf) >= 3:
            b = base[:-len(suf)]
            for c in (b, b + "ا", b + "يا", "ال" + b):
                ids = [x.id for x in load_kb().index.get((normalize_ar(c),), []) if x.id.startswith("country:")]
                if ids:
                    return ids[0]
            return None
    return None


def _other_nation(word, kb_id):
    """A nisba of another country than the knowledge-base place's: part of a territory's name (الكاميرون
    الفرنسية, الكاميرون الجنوبية البريطانية: French Cameroon); the place's own nation is its adjective (حلب
    السورية)."""
    from riwaya.kb import load_kb
    nation = _nation_of(word)
    if nation is None or not kb_id.startswith("country:"):
        return False
    rec = load_kb().records.get(kb_id) or {}
    own = {kb_id} | {"country:" + str(rec.get("country", "")).lower()}
    return nation not in own


def _kb_alias_after_class(text, mentions, before, rules):
    """A knowledge-base place whose class noun was cut (إقليم كردستان -> كردستان) takes the next word when the
    two are another name of the same place (عاصمة إقليم كردستان العراق -> كردستان العراق); the mention
    of that word goes."""
    from riwaya.kb import load_kb
    from riwaya.textutil import normalize_ar
    drop = set()
    for m in mentions:
        if m.source != "kb" or not m.kb_id or before.get(id(m), (m.start, m.end))[0] == m.start:
            continue
        nxt = _after(text, m.end)
        if not nxt:
            continue
        key = tuple(normalize_ar(text[m.start:nxt[1]]).split())
        if any(c.id == m.kb_id for c in load_kb().index.get(key, [])):
            drop |= {id(x) for x in mentions if x is not m and x.start < nxt[1] and nxt[0] < x.end}
            m.end = nxt[1]
            m.text = m.name = text[m.start:m.end]
    return [m for m in mentions if id(m) not in drop]


def _verb_shaped(word, rules):
    """An imperfect verb (data: place_class_verb_shapes; يسيطر, تقع) common enough (Zipf at least
    place_class_verb_zipf, or a common word) that is no place the knowledge base or gazetteer knows (تعز, تدمر)."""
    from riwaya.ner.morph import zipf
    shape = rules.get("place_class_verb_shapes")
    if shape is None or not shape.match(word):
        return False
    n = norm(word)
    return ((zipf(word) >= rules.get("place_class_verb_zipf", 9) or n in rules["common_words"])
            and n not in _place_words())


def _verb_after_class(text, start, end, rules):
    """Where the first verb-shaped word after a class noun starts inside a tagged place, else None."""
    for w in re.finditer(r"[^\s,،.:;()«»\"'!?؟؛]+", text[start:end]):
        if _verb_shaped(w.group(), rules):
            return start + w.start()
    return None


@lru_cache(maxsize=1)
def _place_words():
    """Normalised words of one-word places the knowledge base or the gazetteer knows."""
    from riwaya.ner import _kb_place_words
    from riwaya.ner.features import lexicons
    return frozenset(_kb_place_words()) | frozenset(x for x in lexicons()[4] if " " not in x)


def _whole_after_class(text, mentions, classes, rules):
    """A tagged one-word place right after a class noun (ولاية ديار بكر, لولاية شانلي أورفة) that the tagger
    cut short takes the next word when that word is a name too: indefinite, no common word, no verb, no
    place of its own, and either rare (no list knows it: أورفة) or a listed given or family name (بكر);
    the first word no place the knowledge base or the gazetteer knows alone."""
    from riwaya.ner.features import lexicons
    from riwaya.ner.morph import zipf
    given, family = lexicons()[0], lexicons()[1]
    taken = [(m.start, m.end) for m in mentions]
    for m in mentions:
        if m.type != "place" or m.source == "kb" or " " in m.text.strip() or norm(m.text) in _place_words():
            continue
        prev = _before(text, m.start)
        nxt = _after(text, m.end)
        if not (prev and nxt and _class_core(prev[2], classes)[1] in classes):
            continue
        w = nxt[2]
        n = norm(w)
        if n.startswith("ال") or n in rules["common_words"] or n in _place_words() or _verb_shaped(w, rules):
            continue
        if (n[:-1] if n.endswith("ي") else n) in rules["place_compass_words"] | rules["place_name_adjectives"]:
            continue                  # بمدينة أبها جنوبي المملكة
        if w[0] in "وف" or (w[0] in _CLITICS and len(w) > 4 and zipf(w[1:]) >= 3):
            continue                  # بلدة بريتال وجرودها: a conjunction; حي حطين بابتدائية: a proclitic and a word
        if not (_foreign(w, rules) or n in given or n in family):
            continue
        if any(a < nxt[1] and nxt[0] < b for a, b in taken if (a, b) != (m.start, m.end)):
            continue
        taken[taken.index((m.start, m.end))] = (m.start, nxt[1])
        m.end = nxt[1]
        m.text = m.name = text[m.start:m.end]


def _rare_name(word, rules):
    """A word no list knows, rare in Arabic, with or without the article (البوشجل, مكيشيفة)."""
    if _foreign(word, rules):
        return True
    n = norm(word)
    return n.startswith("ال") and len(n) >= 5 and _foreign(word[2:], rules) and _foreign_whole(word, rules)


def _foreign_whole(word, rules):
    from riwaya.ner.morph import _cfg, zipf
    from riwaya.textutil import normalize_ar
    return zipf(word) < _cfg()["rare_name_zipf"] and normalize_ar(word) not in rules["common_words"]
