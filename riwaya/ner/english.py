"""Corrections to the English tagger's spans (spaCy's small model), from riwaya/data/ner/english.yaml: the
mechanisms here, the words there. Issue 17 (enner17): counted on GUM Wikinews dev (benchmarks/ner/eval_gum.py
--kinds), the commonest kinds of error that a rule over the span can fix."""
import re
from collections import Counter
from functools import lru_cache

from riwaya.datafiles import DATA, load_yaml

_CODE = re.compile(r"[A-Z]{1,4}-?\d{1,4}[A-Za-z]?")
_POSSESSIVE = re.compile(r"\s*['’]s?$")
_WORDS = re.compile(r"\S+")


@lru_cache(maxsize=1)
def rules() -> dict:
    r = load_yaml(DATA / "ner" / "english.yaml")
    for k, v in list(r.items()):
        if isinstance(v, list) and not k.endswith("_order"):
            r[k] = frozenset(w.lower() for w in v)
    alt = "|".join(sorted(map(re.escape, r["vehicle_words"]), key=len, reverse=True))
    r["vehicle_re"] = re.compile(r"(?i)\b(?:" + alt + r")\b")
    r["vehicle_name_re"] = re.compile(r"\b(?i:" + alt + r")\s+([A-Z][\w-]+)")
    ev = "|".join(sorted(map(re.escape, r["event_name_heads"]), key=len, reverse=True))
    r["event_name_re"] = re.compile(r"\b(?i:" + ev + r")\s+([A-Z][\w-]+)")      # "Cyclone Phailin"
    by = "|".join(sorted((re.escape(w).replace(r"\ ", r"[ \t]+") for w in r["byline_openers"]), key=len, reverse=True))
    r["byline_re"] = re.compile(r"(?im)^[ \t•*-]*(?:" + by + r")[ \t]+[A-Z][^\n]*$")
    return r


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    return zipf_frequency(word.lower(), "en")


def is_title(word: str) -> bool:
    m = re.match(r"[A-Za-z][A-Za-z'-]*", word)
    return bool(m) and m.group().lower() in rules()["person_titles"]


def _lower_non_particle(word: str) -> bool:
    """A lower-case word that is no name particle ("al-", "de", "bin"): no part of a name it stands before."""
    return word[:1].islower() and re.split(r"[-']", word.lower())[0] not in rules()["name_particles"]


_TEAM_PLURAL = re.compile(r"[A-Z][a-z]+[^s'’\W]s")      # Mets, Gliders, Yankees (not Ross, not Bush's)
_ARTICLE_BEFORE = re.compile(r"(?<![\w])[Tt]he[ \t]+$")
_LOWER_WORD = re.compile(r"(?<![.!?]\s)(?<![\w\n])[a-z]{3,}(?!\w)")


def team_words(text: str) -> frozenset:
    """The capitalised plurals a text writes right after "the" ("the Mets", "the Gliders"): teams or bands, no
    part of a person's name elsewhere in the text ("Mets Poet" names nobody "Mets"; ent34). Empty when the
    switch teams_not_surnames is off."""
    if not rules().get("teams_not_surnames"):
        return frozenset()
    return frozenset(m.group(1) for m in _TEAM_AFTER_THE.finditer(text))


_TEAM_AFTER_THE = re.compile(r"(?<![\w])[Tt]he[ \t]+(" + _TEAM_PLURAL.pattern + r")(?![\w'’-])")


def _lower_words(text: str) -> frozenset:
    """The lower-case words of a text, not after a full stop nor at a line's start (one pass)."""
    return frozenset(m.group() for m in _LOWER_WORD.finditer(text))


def _lower_elsewhere(word: str, lows: frozenset) -> bool:
    """A Title-case word the same text writes in lower case (lows: _lower_words), not after a full stop: a
    common noun ("Magic", "Image", "Iodine" at a sentence's start or in a heading)."""
    return re.fullmatch(r"[A-Z][a-z]{2,}", word) is not None and word.lower() in lows


def correct(text: str, spans: list) -> list:
    """[(start, end, type, confidence)] -> the same, corrected: a possessive 's out of a name, a name ends at
    its line; lower-case words before a name, and titles and honorifics before or after a person's, out of
    it; a span of titles alone or without a capital letter dropped; a vehicle typed "vehicle", an event or a
    model code "other"; facilities named with their kind are places; common nouns the text writes in lower
    case elsewhere are no names."""
    r = rules()
    vehicle_names = {m.group(1) for m in r["vehicle_name_re"].finditer(text)}
    event_names = {m.group(1) for m in r["event_name_re"].finditer(text)}
    lows = _lower_words(text)
    out = []
    for s, e, t, c in spans:
        m = _POSSESSIVE.search(text, s, e)
        if m and m.start() > s and (m.group().strip() in ("'s", "’s")):
            e = m.start()
        nl = text.find("\n", s, e)
        if nl > 0:
            e = nl                        # a name never runs over a line ("Belle\nImage")
        words = [(w.start(), w.end(), w.group()) for w in _WORDS.finditer(text, s, e)]
        while words and not re.search(r"\w", words[-1][2]):
            words.pop()
        if not words or not re.search(r"[A-Z]", text[s:e]):
            continue                      # no capital letter: no name ("state", "disco club")
        e = words[-1][1]
        span = text[s:e]
        # no names of people, places or bodies, kept with their own type (an event's argument may be one:
        # "Space Shuttle Atlantis lifted off"): vehicles, and events and model or mission codes as "other"
        if r["vehicle_re"].search(span) or span in vehicle_names or span.split("'")[0] in vehicle_names:
            out.append((s, e, "vehicle", c))
            continue
        if r["event_name_re"].match(span) or span in event_names or span.split("'")[0] in event_names \
                or _CODE.fullmatch(span) or words[-1][2].lower().strip(".,") in r["event_last_words"]:
            out.append((s, e, "other", c))      # "Cyclone Phailin", "Summer Paralympics"; "IE6", "STS-134"
            continue
        while len(words) > 1 and _lower_non_particle(words[0][2]):
            words.pop(0)                  # "united Europe", "magician David Gish": the name after
        s = words[0][0]
        if t == "person":
            while len(words) > 1 and (is_title(words[0][2]) or _lower_non_particle(words[0][2])):
                words.pop(0)
            if all(is_title(w[2]) for w in words):
                continue
            while len(words) > 1 and re.sub(r"\W.*", "", words[-1][2].lower()) in r["trailing_titles"]:
                words.pop()               # "Virginia Governor(s": no name runs into a title after it
            s, e = words[0][0], words[-1][1]
            if len(words) == 1 and _TEAM_PLURAL.fullmatch(words[0][2]) and _ARTICLE_BEFORE.search(text, max(0, s - 8), s):
                t = "organization"        # "the Mets", "the Gliders": a plural name after "the" is a team or band
        low = [w[2].lower().strip(".,") for w in words]
        if t in ("organization", "person") and not any(w in r["organization_words"] for w in low) and len(words) > 1:
            heads = r["facility_heads"] if t == "organization" else r["facility_heads_after_person"]
            if low[-1] in heads or (t == "organization" and "of" in low and low[low.index("of") - 1] in heads):
                t = "place"
        if len(words) == 1 and _lower_elsewhere(words[0][2], lows):
            continue
        if t in ("organization", "place") and all(is_title(w[2]) for w in words):
            continue                      # "Emeritus": a title alone
        if t == "organization" and len(words) <= 2 and all(re.fullmatch(r"[A-Z][a-z]+", w[2]) and
                                                           _zipf(w[2]) >= r["office_word_zipf"] for w in words):
            nxt = re.match(r"[ \t]+(\S+)", text[e:e + 40])
            prev = len(words) == 1 and re.search(r"(\S+)[ \t]+of[ \t]+$", text[max(0, s - 40):s])
            if (nxt and nxt.group(1)[:1].isupper() and is_title(nxt.group(1))) or (prev and is_title(prev.group(1))):
                continue                  # "Defense Minister", "Shadow Home Secretary", "Secretary of State": the
                                          # office, part of the title
        out.append((s, e, t, c))
    return _facilities(text, out)


# a run of capitalised words on one line ("Ramstein Air Base", "the Masjid Al-Haram", "Sea-Air-Space Museum"),
# "of"/"the" between them
_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Z][\w'’.-]*)*")


def _facilities(text, spans):
    """A run of capitalised words that ends in a facility head (facility_heads: "Grand Mosque", "Constitution
    Hall", "Ramstein Air Base") is a place, the tagger's spans inside it replaced (not one that runs past it;
    not over a person's span); a possessor before it is not part of it ("Mecca's Grand Mosque")."""
    heads = rules()["facility_heads"]
    bodies = rules()["organization_words"]
    out = list(spans)
    for m in _RUN.finditer(text):
        words = [(w.start() + m.start(), w.end() + m.start(), w.group()) for w in _WORDS.finditer(m.group())]
        while words and (words[0][2] in ("The", "A", "An") or re.search(r"['’]s$", words[0][2])):
            words.pop(0)
        for i, w in enumerate(words):
            if re.search(r"['’]s$", w[2]):
                words = words[i + 1:]
                break
        if len(words) < 2 or words[-1][2].lower() not in heads or any(w[2].lower() in bodies for w in words):
            continue
        s, e = words[0][0], words[-1][1]
        inside = [sp for sp in out if sp[0] < e and s < sp[1]]
        if any(sp[0] < s or sp[1] > e or sp[2] == "person" for sp in inside):
            continue
        out = [sp for sp in out if sp not in inside] + [(s, e, "place", 0.8)]
    return sorted(out)


_LATIN = re.compile(r"[A-Za-z]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def one_type(text, spans):
    """Each string its commonest type in the document (ties: type_vote_order); a word of a person's
    family name ("Montalvo" of "Daniel Montalvo") a person."""
    order = list(rules()["type_vote_order"])
    latin = [sp for sp in spans if _LATIN.search(text, sp[0], sp[1]) and not _ARABIC.search(text, sp[0], sp[1])]
    if not latin:
        return spans
    votes = {}
    for s, e, t, _c in latin:
        votes.setdefault(text[s:e], Counter())[t] += 1
    parts = {text[s:e].split()[-1] for s, e, t, _c in latin if t == "person" and " " in text[s:e]}
    best = {}
    for name, v in votes.items():
        if name in parts:
            best[name] = "person"
        else:
            top = max(v.values())
            best[name] = min((t for t in v if v[t] == top), key=lambda t: order.index(t) if t in order else 99)
    return [(s, e, best.get(text[s:e], t), c) for s, e, t, c in spans]


def _same_given(a: str, b: str) -> bool:
    """Two spellings of one given name ("Mohammed", "Mohammad"): the same first four letters."""
    a, b = a.lower(), b.lower()
    return a == b or (len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4])


@lru_cache(maxsize=1)
def _given_names() -> frozenset:
    p = DATA / "ner" / "names_given_en.txt"
    return frozenset(p.read_text(encoding="utf-8").split()) if p.exists() else frozenset()


_GIVEN_RUN = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+)(?:[ \t]+([A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?))?(?![\w'’-])")


def given_names(text, cands, kb):
    """A common English given name the tagger left out (names_given_en.txt: among the thousand commonest
    in the US, the UK, Canada or Australia, no common word: "Isabel", not "Will"), alone or with the
    capitalised word after it as the family name ("Isabel Ruiz"), is a person: spaCy's small model misses
    names in headlines and interview talk ("Wikinews interviews Mario J. Lucero and Isabel Ruiz", "me and
    Isabel"). Not where any name was found, not before a title, a body's or a facility's word ("Isabel
    Street", "Charlotte County"), nor a family name the text writes in lower case. -> new candidates"""
    given = _given_names()
    if not given:
        return []
    r = rules()
    stop = r["organization_words"] | r["facility_heads"] | r["person_titles"]
    taken = [(c[0], c[1]) for c in cands] + [(m.start, m.end) for m in kb]
    lows = None
    out = []
    for m in _GIVEN_RUN.finditer(text):
        if m.group(1) not in given:
            continue
        s, e = m.span()
        if _ARTICLE_BEFORE.search(text, max(0, s - 8), s) or re.search(r"(?<!\w)[Aa]n?[ \t]+$", text[max(0, s - 4):s]):
            continue                      # "the Grace period", "a Jordan"
        fam = m.group(2)
        if fam:
            if fam.lower() in stop or fam.lower() in _CONNECTORS:
                continue
            lows = _lower_words(text) if lows is None else lows
            if _lower_elsewhere(fam, lows):
                e = m.end(1)              # "Isabel Said": the given name alone
        if any(s < y and x < e for x, y in taken):
            continue
        out.append((s, e, "person", 0.7, "pattern"))
        taken.append((s, e))
    return out


def kb_fixes(text, cands, kb, records=None):
    """The knowledge base's Latin-script mentions against the tagger's: an organisation's leading "The" out
    ("The Associated Press"); a person the tagger names in full around a shorter knowledge-base name
    ("Prime Minister Nouri al-Maliki" around "Maliki") is named in full, linked only when the full
    name's given name is the linked person's (else another person of that family: no link, the tagger's
    name). -> (cands, kb)"""
    out = []
    for m in kb:
        if not _LATIN.search(m.text or "") or _ARABIC.search(m.text or ""):
            out.append(m)
            continue
        if m.type == "organization" and re.match(r"The\s+\S", m.text):
            k = len(m.text) - len(m.text[3:].lstrip())
            m.start += k
            m.text = text[m.start:m.end]
        if m.type == "person":
            outer = next((c for c in cands if c[2] == "person" and c[0] <= m.start and m.end <= c[1]
                          and (c[0], c[1]) != (m.start, m.end) and _LATIN.search(text, c[0], c[1])), None)
            if outer is not None:
                full = text[outer[0]:outer[1]].split()
                rec = (records or {}).get(m.kb_id) or {}
                names = [n for n in [rec.get("name_en"), *(rec.get("names") or [])] if isinstance(n, str)]
                if len(full) >= 2 and any(_same_given(full[0], n.split()[0]) for n in names if n.split()):
                    m.start, m.end = outer[0], outer[1]
                    m.text = text[m.start:m.end]
                    cands = [c for c in cands if c is not outer]
                else:
                    continue              # another person of that family: the tagger's name, no link
        if m.type in ("place", "organization"):
            rec = (records or {}).get(m.kb_id) or {}
            cands, inside = _kb_in_a_tagger_name(text, m, cands, rec)
            if inside:
                continue              # "George Washington", "Jordan Peterson": the tagger's person stands
            cands = _kb_in_a_longer_name(text, m, cands, rec)
        words = m.text.split()
        if m.type == "person" and " ".join(w.lower() for w in words) in rules()["person_title_epithets"]:
            m.generic = True      # "Supreme Leader": a title the knowledge base links, no name
        elif m.type == "organization" and m.kb_id and len(words) >= 2 and not re.search(r"[A-Z]", words[-1]):
            m.generic = True      # "Syrian army", "Gaddafi regime": a common noun's head, a description, no name
        out.append(m)
    return cands, out


_LEADING = frozenset(("the", "a", "an", "in", "on", "at", "from", "to", "by", "for", "with", "as", "after",
                      "before", "when", "but", "and", "of"))


def _squash(name: str) -> str:
    return re.sub(r"[\s'’-]+", "", name).lower()


_FULL_STOP = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})\.$")     # no "U.S.", "Inc.", "Co."


def _kb_in_a_tagger_name(text, m, cands, rec):
    """A knowledge-base place or body strictly inside a longer name the tagger found, of capitalised words
    only (name particles and "of", "the", "and" between them), is part of that name (the guideline: the
    outermost name): "United States Navy", "Mexico City", "Team Estonia", "George Washington". A person's name
    stands and the place goes (-> inside True); a place's or body's name is the mention's, typed as the tagger
    typed it and linked only when it is one of the record's names. A span with a title ("Basra Governor"),
    a possessive, a line break or punctuation in it is left alone. -> (cands, inside)"""
    outer = next((c for c in cands if c[4] == "ner" and c[2] in ("person", "place", "organization")
                  and c[0] <= m.start and m.end <= c[1] and c[1] - c[0] > m.end - m.start), None)
    if outer is None:
        return cands, False
    span = text[outer[0]:outer[1]]
    if "\n" in span or re.search(r"[,;:()\"“”/]|['’]s\b", span) or _ARABIC.search(span):
        return cands, False
    extra = (text[outer[0]:m.start] + " " + text[m.end:outer[1]]).split()
    if not extra or any(is_title(w) for w in extra):
        return cands, False
    if any(_lower_non_particle(w) and w.lower() not in _CONNECTORS for w in extra) \
            or not any(w[:1].isupper() and w.lower() not in _CONNECTORS for w in extra):
        return cands, False
    if outer[2] == "person":
        return cands, True
    names = [n for n in [rec.get("name_en"), *(rec.get("names") or [])] if isinstance(n, str)]
    if not any(_squash(n) == _squash(span) for n in names):
        m.kb_id, m.source = None, "pattern"
    m.start, m.end, m.type = outer[0], outer[1], outer[2]
    m.text = m.name = span
    return [c for c in cands if not (c[0] < m.end and m.start < c[1])], False


_CONNECTORS = frozenset(("of", "the", "and", "for", "de", "du", "des", "la", "le"))


def _kb_in_a_longer_name(text, m, cands, rec):
    """A knowledge-base place or body inside a longer capitalised name is that name (the guideline: the
    outermost name; GUM: "Massachusetts" in "Massachusetts Institute of Technology"): a facility ending in its
    head or opening "<head> of" ("Incirlik Airbase", "Palace of Westminster") is a place, a name with an
    organisation word ("Yemen News Agency") an organisation. The link stays when the longer name is one of the
    record's names (spaces and hyphens aside: "Incirlik Air Base"), else it goes (another thing, named after
    the place). The tagger's spans inside the name go. -> cands"""
    R = rules()
    for run in _RUN.finditer(text):
        if not (run.start() <= m.start and m.end <= run.end()):
            continue
        words = [(w.start() + run.start(), w.end() + run.start(), w.group()) for w in _WORDS.finditer(run.group())]
        while words and (words[0][2].lower() in _LEADING or re.search(r"['’]s$", words[0][2])) and words[0][0] < m.start:
            words.pop(0)
        for i, w in enumerate(words):       # "Hebrew University of Jerusalem's Einstein Institute": the name
            if i and w[1] >= m.end and re.search(r"['’]s$", w[2]):      # ends at the possessive
                words = words[:i] + [(w[0], w[1] - 2, w[2][:-2])]
                break
        if words and re.search(r"['’]s$", words[-1][2]):
            return cands
        if words and _FULL_STOP.search(words[-1][2]):     # "... of Mathematics." : the sentence's stop is no part
            w = words[-1]
            words[-1] = (w[0], w[1] - 1, w[2][:-1])
        if len(words) < 2 or words[0][0] > m.start or words[-1][1] < m.end:
            return cands
        low = [w[2].lower() for w in words]
        if any(w in R["organization_words"] for w in low[1:]) and low[-1] not in R["facility_heads"]:
            typ = "organization"
        elif low[-1] in R["facility_heads"] or (len(low) >= 3 and low[0] in R["facility_heads"] and low[1] == "of"):
            typ = "place"
        else:
            return cands
        s, e = words[0][0], words[-1][1]
        if (s, e) == (m.start, m.end):
            return cands
        if any(c[2] == "person" and c[0] < e and s < c[1] for c in cands):
            return cands
        names = [n for n in [rec.get("name_en"), *(rec.get("names") or [])] if isinstance(n, str)]
        if not any(_squash(n) == _squash(text[s:e]) for n in names):
            m.kb_id, m.source = None, "pattern"
        m.start, m.end, m.type = s, e, typ
        m.text = m.name = text[s:e]
        return [c for c in cands if not (c[0] < e and s < c[1])]
    return cands


def byline_lines(text):
    """[(start, end)] of the byline and wire-credit lines of a text (byline_openers)."""
    r = rules()
    return [(m.start(), m.end()) for m in r["byline_re"].finditer(text)
            if m.end() - m.start() <= r["byline_max_chars"]]


@lru_cache(maxsize=1)
def _sport_res() -> dict:
    """rules() with the sport patterns compiled (sport_cue_re, sport_before_re, sport_after_re, sport_locative_re)."""
    r = rules()

    def alt(words):
        return "|".join(sorted((re.escape(w).replace(r"\ ", r"[ \t]+") for w in words), key=len, reverse=True))
    return {**r,
            "sport_cue_re": re.compile(r"(?i)(?<![\w-])(?:" + alt(r["sport_cues"]) + r")(?![\w-])"),
            "sport_before_re": re.compile(r"(?i)(?<![\w-])(?:" + alt(r["sport_before"]) + r")[ \t]+(?:the[ \t]+)?$"),
            "sport_after_re": re.compile(r"(?i)^(?:[ \t]*[-–]?[ \t]*\d{1,2}[ \t]*[-–][ \t]*\d{1,2}(?!\d)|(?:[ \t]+|(?=['’]))(?:"
                                         + alt(r["sport_after"]).replace("'", "['’]") + r")(?![\w-]))"),
            "sport_locative_re": re.compile(r"(?i)(?<![\w-])(?:" + alt(r["sport_locatives"]) + r")[ \t]+(?:the[ \t]+)?$")}


def sports_teams(text, mentions) -> None:
    """A place named for its team is an organisation (GUM: "Germany beat Argentina 1-0", "the match against
    Spain"): only in a document about a match (sport_min_cues distinct sport_cues), a place mention in a match's
    context (sport_before, sport_after, a score after it), and then every mention of that string not after a
    locative preposition ("in Brazil" stays the country). The link to the place goes (a side is no country).
    In place."""
    r = _sport_res()
    cues = {re.sub(r"\s+", " ", m.group().lower()) for m in r["sport_cue_re"].finditer(text)}
    if len(cues) < r["sport_min_cues"]:
        return
    places = [m for m in mentions if m.type == "place" and _LATIN.search(m.text or "")]
    teams = set()
    for m in places:
        before = text[max(0, m.start - 40):m.start]
        after = text[m.end:m.end + 40]
        if "\n" in before[-2:]:
            before = ""
        if r["sport_before_re"].search(before) or r["sport_after_re"].match(after):
            teams.add(m.text)
    for m in places:
        if m.text in teams and not r["sport_locative_re"].search(text[max(0, m.start - 20):m.start]):
            m.type = "organization"
            if m.kb_id:
                m.kb_id, m.source = None, "pattern"
