"""Definite role nouns and epithets linked to the person the same document named before.

    from riwaya.ner.coref import link
    link(text, mentions, lang="ar", kb=None) -> mentions + [EntityMention(source="coref"), ...]

"الرئيس المخلوع", "الوزير", "the ousted leader", "the minister": a definite role noun phrase (the head
words, epithets and qualifiers are data: data/ner/coref.yaml) becomes a person mention of the most
salient compatible person the document named *before* it:

- compatible: the phrase's role class is one of the person's roles, as the text gives it next to the name
  (EntityMention.role) or as the knowledge base lists it; a phrase with modifiers (الرئيس السوري, وزير
  الخارجية, the foreign minister) needs every modifier in the person's own role text; a feminine head
  needs a person whose role text is not masculine, and the reverse;
- best: evidence from the text beats evidence from the knowledge base; among equals, a person named at
  least twice as often; otherwise (two equally good) the phrase stays unlinked;
- never across documents: only this text's mentions are candidates.

The new mention carries the antecedent's name (``name``) and knowledge-base id, so that resolution puts it
in the antecedent's entity; its ``text`` is the phrase as written. A phrase that is the title of a name
right after it (الرئيس بشار الأسد) is not an anaphor: the name is there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from riwaya.lang.arabic import proclitics
from riwaya.models import EntityMention
from riwaya.ner.features import DATA, norm

_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")
_PROCLITIC = proclitics()


@dataclass(frozen=True)
class Rules:
    heads: dict          # (lang, normalised head word) -> (class, gender "m"/"f")
    kb_words: dict       # class -> KB role substrings
    epithets: dict       # (lang, word) -> frozenset of classes
    qualifiers: frozenset   # (lang, word)
    honorifics: frozenset   # (lang, word)
    stop_words: frozenset   # (lang, word)
    deputies: frozenset     # (lang, word)
    compounds: dict         # (lang, "word word") -> class
    head_only: frozenset = frozenset()   # (lang, epithet) that counts only after a role head (الرئيس الهارب)


@lru_cache(maxsize=1)
def rules() -> Rules:
    import yaml
    from riwaya.datafiles import yaml_load
    path = DATA / "coref.yaml"
    try:
        raw = yaml_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ValueError(f"{path}: cannot read coreference rules: {e}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("classes"), dict):
        raise ValueError(f"{path}: expected a mapping with 'classes'")
    heads, kb_words = {}, {}
    for cls, spec in raw["classes"].items():
        if not isinstance(spec, dict):
            raise ValueError(f"{path}: class {cls!r}: expected a mapping, got {type(spec).__name__}")
        for key, lang, gender in (("ar", "ar", "m"), ("ar_f", "ar", "f"), ("en", "en", "")):
            for w in spec.get(key) or []:
                heads[(lang, _n(str(w), lang))] = (cls, gender)
        kb_words[cls] = tuple(str(w).lower() for w in spec.get("kb") or [])
    epithets = {}
    for lang, table in (raw.get("epithets") or {}).items():
        for w, classes in (table or {}).items():
            unknown = set(classes) - set(raw["classes"])
            if unknown:
                raise ValueError(f"{path}: epithet {w!r}: unknown classes {sorted(unknown)}")
            epithets[(lang, _n(str(w), lang))] = frozenset(classes)
    quals = frozenset((lang, _n(str(w), lang)) for lang, ws in (raw.get("qualifiers") or {}).items() for w in ws or [])
    hons = frozenset((lang, _n(str(w), lang)) for lang, ws in (raw.get("honorifics") or {}).items() for w in ws or [])
    stops = frozenset((lang, _n(str(w), lang)) for lang, ws in (raw.get("stop_words") or {}).items() for w in ws or [])
    deps = frozenset((lang, _n(str(w), lang)) for lang, ws in (raw.get("deputies") or {}).items() for w in ws or [])
    comps = {(lang, " ".join(_n(x, lang) for x in str(k).split())): str(v)
             for lang, table in (raw.get("compounds") or {}).items() for k, v in (table or {}).items()}
    head_only = frozenset((lang, _n(str(w), lang)) for lang, ws in (raw.get("epithets_after_a_head_only") or {}).items()
                          for w in ws or [])
    return Rules(heads, kb_words, epithets, quals, hons, stops, deps, comps, head_only)


def _n(word: str, lang: str) -> str:
    return word.lower() if lang == "en" else norm(word)


@lru_cache(maxsize=65536)      # words repeat across a corpus: the normalisation is most of this module's time
def _bare(w: str) -> tuple[str, bool]:
    """An Arabic word without its proclitic and article -> (stem, definite): والرئيس -> (رئيس, True),
    للرئيس -> (رئيس, True)."""
    n = norm(w)
    if n.startswith("لل") and len(n) > 4:
        return n[2:], True
    for p in ("", *_PROCLITIC):
        if n.startswith(p + "ال") and len(n) - len(p) > 4:
            return n[len(p) + 2:], True
    return n, False


@dataclass
class Anaphor:
    start: int
    end: int
    classes: frozenset       # compatible role classes
    gender: str              # "m", "f" or ""
    modifiers: tuple         # normalised words that must be in the antecedent's role text
    epithets: tuple = ()     # المخلوع, ousted: the person's role text says so, or the KB role has ended


def anaphors(text: str, lang: str = "ar") -> list[Anaphor]:
    """Definite role noun phrases and epithets of ``text`` (before any check against names)."""
    return _english(text) if lang == "en" else _arabic(text)


_HEADLESS: tuple = (None, set())    # (the rules, words that neither head a role phrase nor are an epithet)


def _arabic(text: str) -> list[Anaphor]:
    global _HEADLESS
    r = rules()
    if _HEADLESS[0] is not r or len(_HEADLESS[1]) > 200_000:
        _HEADLESS = (r, set())
    headless = _HEADLESS[1]         # most words: skipped without their stem, found once per word form
    toks = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    out = []
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        if w in headless:
            i += 1
            continue
        stem, definite = _bare(w)
        k = _clitic_len(w) if definite else 0
        if not definite and ("ar", stem) not in r.heads and stem[:1] in _PROCLITIC and ("ar", stem[1:]) in r.heads:
            stem, k = stem[1:], 1          # ووزير, لوزير: the proclitic is not part of the phrase
        head = r.heads.get(("ar", stem))
        epi = r.epithets.get(("ar", stem)) if definite and ("ar", stem) not in r.head_only else None
        if head is None and epi is None:
            headless.add(w)
            i += 1
            continue
        start = s + k
        if head and definite and i > 0 and _adjacent(text, toks[i - 1], toks[i]) and _bare(toks[i - 1][2])[1] \
                and not _starts_clitic(toks[i - 1][2]) and norm(toks[i - 1][2]).startswith("ال"):
            i += 1                 # المساهم الرئيس "the main contributor": an adjective after a definite noun
            continue
        j, mods, epis = i + 1, [], []
        if head and not definite:
            # construct state: وزير الخارجية, ولي العهد (one or two definite complements); else indefinite
            while j < len(toks) and len(mods) < 2 and _adjacent(text, toks[j - 1], toks[j]) \
                    and _bare(toks[j][2])[1] and not _starts_clitic(toks[j][2]):
                mods.append(_bare(toks[j][2])[0])
                j += 1
            if not mods:
                i += 1
                continue
            head = (f"{head[0]}:{mods[0]}", head[1])      # رئيس الوزراء is an office of its own
        classes = frozenset([head[0]]) if head else epi
        gender = head[1] if head else ""
        # adjectives after the head: the article without a proclitic (السوري, المخلوع, السابق)
        while j < len(toks) and _adjacent(text, toks[j - 1], toks[j]) and len(mods) < 4:
            st, d = _bare(toks[j][2])
            if not d or _starts_clitic(toks[j][2]) or ("ar", st) in r.heads:
                break
            if ("ar", st) in r.epithets:
                epis.append(st)
                if not head:
                    classes = classes & r.epithets[("ar", st)] or classes
            elif st.endswith(("ي", "يه")) and ("ar", st) not in r.qualifiers:
                mods.append(st)      # a nisba adjective narrows who is meant: السوري, الأمريكية
            elif ("ar", st) not in r.qualifiers:
                break                # another noun (the verb's object): the phrase ended
            j += 1
        end = toks[j - 1][1]
        if not head:
            epis.insert(0, stem)
        out.append(Anaphor(start, end, classes, gender, tuple(mods), tuple(epis)))
        i = j
    return out


def _clitic_len(w: str) -> int:
    """Characters before the phrase: والرئيس -> 1, للرئيس -> 2 (ل + the article's ل), الرئيس -> 0."""
    n = w
    if n.startswith("لل"):
        return 2                 # للرئيس: ل + (ا)ل, the phrase is رئيس
    k = n.find("ال")
    return k if 0 < k <= 2 else 0


def _starts_clitic(w: str) -> bool:
    n = norm(w)
    return n[:1] in "وفبك" and n[1:3] == "ال" or n.startswith("لل")


def _adjacent(text, a, b) -> bool:
    return text[a[1]:b[0]].strip() == ""


_EN_THE = re.compile(r"\b[Tt]he\s+")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def _english(text: str) -> list[Anaphor]:
    """'the' + up to three modifiers + a head word: the president, the ousted leader, the foreign minister."""
    r = rules()
    out = []
    for t in _EN_THE.finditer(text):
        pos, words = t.end(), []
        while len(words) < 4:
            w = _EN_WORD.match(text, pos)
            if not w:
                break
            if ("en", w.group().lower()) in r.stop_words:
                break
            words.append(w)
            if ("en", w.group().lower()) in r.heads:
                break
            sp = re.match(r"[ \t]+", text[w.end():])
            if not sp:
                break
            pos = w.end() + sp.end()
        if not words or ("en", words[-1].group().lower()) not in r.heads:
            continue
        head_w = words[-1].group().lower()
        head = r.heads[("en", head_w)]
        nxt = text[words[-1].end():words[-1].end() + 40]
        # the title of a name (the President Bashar), a complement (the minister of ...), a plural
        if re.match(r"\s+(?:[A-Z]|of\b|for\b)", nxt) or re.match(r"s\b", nxt):
            continue
        mods, epis, epi_classes = [], [], None
        lower = [w.group().lower() for w in words]
        cls = head[0]
        if len(lower) >= 2 and ("en", " ".join(lower[-2:])) in r.compounds:
            cls = r.compounds[("en", " ".join(lower[-2:]))]
            lower = lower[:-2] + [lower[-1]]
        for x in lower[:-1]:
            if ("en", x) in r.epithets:
                epi_classes = r.epithets[("en", x)]
                epis.append(x)
            elif ("en", x) not in r.qualifiers:
                mods.append(x)
        classes = frozenset([cls])
        if cls == "leader" and epi_classes:
            classes = epi_classes        # "the ousted leader": whichever office he was ousted from
        out.append(Anaphor(t.start(), words[-1].end(), classes, "", tuple(mods), tuple(epis)))
    return out


def link(text: str, mentions: list[EntityMention], lang: str = "ar", kb=None) -> list[EntityMention]:
    """``mentions`` plus a coreference mention for each anaphor that one person before it fits best."""
    out = list(mentions)
    for a, ante in links(text, mentions, lang, kb):
        out.append(EntityMention(start=a.start, end=a.end, text=text[a.start:a.end], type="person",
                                 kb_id=ante.kb_id, name=ante.name or ante.text, confidence=0.6, source="coref",
                                 generic=True))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def links(text: str, mentions: list[EntityMention], lang: str = "ar", kb=None) -> list[tuple[Anaphor, EntityMention]]:
    """(anaphor, the person mention it names) for each anaphor one person before it fits best."""
    people = [m for m in mentions if m.type == "person" and m.source != "coref"]
    if not people:
        return []
    if kb is None:
        try:
            from riwaya.kb import load_kb
            kb = load_kb()
        except Exception:          # the KB is optional: text roles alone
            kb = None
    taken = sorted((m.start, m.end) for m in mentions)
    groups = _people(people)
    out = []
    for a in anaphors(text, lang):
        if any(s < a.end and a.start < e for s, e in taken):
            continue
        if _title_of_name(text, a, people, lang) or _part_of_longer_role(text, a, lang) \
                or (lang != "en" and _name_follows(text, a.end)):
            continue
        ante = _best(text, a, groups, kb, lang)
        if ante is not None:
            out.append((a, ante))
    return out


def _title_of_name(text, a, people, lang) -> bool:
    """A title chain, not an anaphor: a person named after the phrase with only titles, honorifics or
    qualifying words between (الرئيس السوري بشار الأسد; وزير الدفاع صاحب السمو الأمير محمد), or named
    just before it with only such words between (الأمير محمد بن سلمان ولي ولي العهد وزير الدفاع)."""
    after = [p for p in people if p.start >= a.end]
    before = [p for p in people if p.end <= a.start]
    if after:
        p = min(after, key=lambda p: p.start)
        if p.start - a.end <= 120 and _only_titles(text[a.end:p.start], lang):
            return True
    if before:
        p = max(before, key=lambda p: p.end)
        if a.start - p.end <= 120 and _only_titles(text[p.end:a.start], lang):
            return True
    return False


def _only_titles(gap: str, lang: str) -> bool:
    from riwaya.ner.features import lexicons
    r, given = rules(), lexicons()[0]
    if re.search(r"[.!?؟:؛\n]", gap):
        return False
    for w in _WORD.findall(gap):
        if lang == "en":
            if w[:1].isupper() or (lang, w.lower()) in r.honorifics or (lang, w.lower()) in r.heads:
                continue
            return False
        stem, definite = _bare(w)
        if stem[:1] in _PROCLITIC and (("ar", stem[1:]) in r.heads or ("ar", stem[1:]) in r.honorifics):
            stem = stem[1:]
        if not (definite or ("ar", stem) in r.heads or ("ar", stem) in r.honorifics
                or given.get(norm(w)) in ("1", "2")):     # the rest of a name: بن عبدالعزيز
            return False
    return True


def _part_of_longer_role(text: str, a: Anaphor, lang: str) -> bool:
    """نائب وزير الثقافة, the deputy minister: another office. المتحدث الرسمي لمركز X, وزير الدولة للشؤون
    الخارجية: a complement with لـ that the phrase's modifiers do not hold, so nothing to check it against."""
    r = rules()
    # the word before (not a proclitic glued to the phrase: the ل of للرئيس)
    prev = [m for m in _WORD.finditer(text, max(0, a.start - 30), a.start) if m.end() < a.start]
    if prev:
        w = prev[-1].group()
        key = w.lower() if lang == "en" else _bare(w)[0]
        if (lang, key) in r.deputies or (lang != "en" and key[:1] in _PROCLITIC and (lang, key[1:]) in r.deputies):
            return True
    if lang != "en":
        pos = a.end
        for _ in range(3):            # الرئيس الأول لمحكمة ...: past the adjectives, a complement with لـ
            nxt = _WORD.search(text, pos)
            if not nxt or text[pos:nxt.start()].strip():
                return False
            w = nxt.group()
            if w.startswith("ل") and norm(w) not in ("لكن", "لم", "لن", "له", "لها", "لهم", "لا"):
                return True
            if not norm(w).startswith("ال"):
                return False
            pos = nxt.end()
    return False


def _name_follows(text: str, end: int) -> bool:
    """The next Arabic word is another title (العقيد الشيخ) or a listed given name (الرئيس عبد ربه): the
    phrase is a title of a name the tagger missed."""
    from riwaya.ner.features import lexicons
    m = _WORD.search(text, end)
    if not m or text[end:m.start()].strip():
        return False
    stem, definite = _bare(m.group())
    given = lexicons()[0]
    # the commonest given names only (bin 1 of the name lists); على "on" normalises like علي
    return ("ar", stem) in rules().heads or (not definite and given.get(norm(m.group())) == "1"
                                             and not m.group().endswith("ى"))


def _people(people: list[EntityMention]) -> list[list[EntityMention]]:
    """The document's persons, each a list of its mentions: one knowledge-base id, else one name, a bare
    word joining the full name it ends or starts (الأسد with بشار الأسد)."""
    keyed: dict[str, list[EntityMention]] = {}
    full: dict[str, str] = {}
    for m in sorted(people, key=lambda m: -len((m.name or m.text).split())):
        words = [norm(w).lower() for w in (m.name or m.text).split()]
        if m.kb_id:
            key = "kb:" + m.kb_id
        elif len(words) == 1 and words[0] in full:
            key = full[words[0]]
        else:
            key = "n:" + " ".join(words)
        keyed.setdefault(key, []).append(m)
        if len(words) >= 2:
            for w in (words[0], words[-1]):
                full.setdefault(w, key)
    return list(keyed.values())


def _role_tokens(text: str, m: EntityMention, lang: str) -> list:
    """The words of a mention's role text and of the few words before it, in order (السوري in 'الرئيس
    السوري بشار الأسد' is in the role; 'Syrian' in 'Syrian President X' stands before it): Arabic as
    (stem, definite) pairs, English as lowercase words."""
    if not m.role:
        return []
    rs, re_ = m.role_span or (m.start, m.start)
    ctx = text[max(0, rs - 25):re_] if m.role_span else m.role
    ws = _WORD.findall(ctx)
    return [w.lower() for w in ws] if lang == "en" else [_bare(w) for w in ws]


def _role_classes(words: list[str], lang: str) -> set[str]:
    """The offices a role text names: its head words' classes, a construct its own (رئيس الوزراء ->
    president:وزراء), a two-word English office its own (Prime Minister -> prime_minister)."""
    r = rules()
    out = set()
    for i, tok in enumerate(words):
        w = tok if lang == "en" else tok[0]
        h = r.heads.get((lang, w))
        if h is None:
            continue
        if lang == "en":
            pair = (lang, f"{words[i - 1]} {w}") if i else None
            out.add(r.compounds[pair] if pair in r.compounds else h[0])
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        if not tok[1] and nxt and nxt[1] and not nxt[0].endswith(("ي", "يه")) \
                and (lang, nxt[0]) not in r.epithets and (lang, nxt[0]) not in r.qualifiers:
            out.add(f"{h[0]}:{nxt[0]}")
        else:
            out.add(h[0])
    return out


def _evidence(text, a: Anaphor, group: list[EntityMention], kb, lang) -> int:
    """3: the role text has the office and every modifier; 2: the role text names the office and the
    phrase has no modifier; 1: the knowledge base gives a role of the office, no modifier (an epithet
    needs a role that has ended); 0: none. An epithet not in the role text leaves only the KB's word."""
    r = rules()
    words, classes, genders = set(), set(), set()
    heads_of = {c.split(":")[0] for c in a.classes}
    for m in group:
        ws = _role_tokens(text, m, lang)
        stems = ws if lang == "en" else [w for w, _ in ws]
        words |= set(stems)
        classes |= _role_classes(ws, lang)
        for w in stems:
            h = r.heads.get((lang, w))
            if h and h[0] in heads_of and h[1]:
                genders.add(h[1])
    if a.gender and genders and a.gender not in genders:
        return 0
    epi_ok = all(x in words for x in a.epithets)
    if a.modifiers:
        return 3 if (classes & a.classes) and epi_ok and all(x in words for x in a.modifiers) else 0
    if classes & a.classes and epi_ok:
        return 2
    kb_id = next((m.kb_id for m in group if m.kb_id), None)
    rec = kb.get(kb_id) if (kb is not None and kb_id) else None
    if rec and rec.get("type") == "person":
        for x in rec.get("roles") or []:
            # "الرئيس" is whoever holds the office, "المخلوع" one who held it: a bare phrase takes a KB role
            # with no end, an epithet one that ended
            if _kb_class(str(x.get("role") or x.get("title") or "")) in a.classes \
                    and (bool(x.get("end")) if a.epithets else not x.get("end")):
                return 1
    return 0


def _kb_class(title: str) -> str | None:
    """The office of a KB role string: the class whose KB word matches it longest (a prime minister is
    no minister here, a vice president no president)."""
    t = title.lower()
    best = max(((len(k), cls) for cls, ks in rules().kb_words.items() for k in ks if k in t), default=None)
    return best[1] if best else None


def _role_only(name: str, lang: str) -> bool:
    """Is every word of this mention a role, epithet or qualifier (الرئيس المخلوع)?"""
    r = rules()
    words = _WORD.findall(name)
    return bool(words) and all(((lang, k) in r.heads or (lang, k) in r.epithets or (lang, k) in r.qualifiers)
                               for k in (w.lower() if lang == "en" else _bare(w)[0] for w in words))


def _best(text, a: Anaphor, groups, kb, lang) -> EntityMention | None:
    scored = []
    for g in groups:
        before = [m for m in g if m.end <= a.start]
        if not before or all(_role_only(m.text, lang) for m in g):
            continue               # a person the document names only by a role phrase is no antecedent
        ev = _evidence(text, a, g, kb, lang)
        if ev:
            scored.append((ev, len(before), max(before, key=lambda m: (len((m.name or m.text).split()), m.start))))
    if not scored:
        return None
    top = max(s[0] for s in scored)
    best = sorted((s for s in scored if s[0] == top), key=lambda s: -s[1])
    if len(best) > 1 and (top == 1 or best[0][1] < 2 * best[1][1]):
        return None                # two equally good (or two only the KB vouches for): leave it unlinked
    return best[0][2]

