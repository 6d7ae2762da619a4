"""Knowledge base: places, people, organisations and outlets as data, and a fast
gazetteer matcher over Arabic and Latin text.

    from riwaya.kb import load_kb
    kb = load_kb()                       # cached
    kb.match("وصل الحريري من بيروت إلى باريس")  # -> [EntityMention, ...]
    kb.get("person:rafik-hariri"); kb.outlet("NYT"); kb.search("Incirlik")

All knowledge lives in ``riwaya/data/kb`` (see its README); this module holds only
mechanisms: normalisation, proclitic stripping, an index over normalised token
n-grams, and context rules (also data: ``lexicon.yaml``) for ambiguous names.
"""
from __future__ import annotations

import functools
import json
import math
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml
from riwaya.datafiles import yaml_load

from ..lang.arabic import chars, prefix_set, strip_vowel_marks
from ..models import EntityMention
from ..textutil import normalize_ar
from ..translit import fold_latin, is_arabic, skeleton

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "kb"
CURATED = ("places.yaml", "people.yaml", "orgs.yaml", "outlets.yaml")
_TYPE_OF_FILE = {"places.yaml": "place", "people.yaml": "person", "orgs.yaml": "organization",
                 "outlets.yaml": "organization"}
_TOKEN = re.compile(f"(?:[^\\W_]|[{chars('marks', 'tatweel')}])+")
_MARK = re.compile(f"[{chars('marks', 'tatweel')}]")
_GENERATED = ("csc", "csc+geonames", "openflights")
_GAP = re.compile(r"[ \t\u00a0\u200c\u200f\u200e_-]{1,3}")
_NAME_LISTS = ("name_ar", "name_en", "names", "names_ar", "names_en")
# priority when one key names several records (higher wins)
_KIND_PRIORITY = {"country": 60, "capital": 55, "city": 50, "governorate": 40, "air_base": 45,
                  "airport": 44, "palace": 45, "prison": 45, "square": 45, "embassy": 45,
                  "neighbourhood": 35, "region": 42, "district": 20}
_COMPOUND_HEADS = {"عبد", "ابو", "ابي", "ابن", "بن", "بنت", "ذو", "ذي", "ال"}   # عبد الله: no article play
_TYPE_PRIORITY = {"person": 80, "organization": 70, "outlet": 75, "place": 0}


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, surface) for each word of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


@functools.lru_cache(maxsize=1 << 18)   # every token of every document is asked for: cache the word forms
def norm_token(tok: str) -> str:
    if is_arabic(tok):
        return normalize_ar(tok)
    return fold_latin(tok)


@functools.lru_cache(maxsize=65536)    # entity resolution asks again for the same names (a third of its time)
def name_key(name: str) -> tuple[str, ...]:
    return tuple(norm_token(t) for _, _, t in tokens(name))


_PROCLITICS_AL = prefix_set("kb_article")
_PROCLITICS_LL = prefix_set("kb_lam_article")


def clitic_variants(ntok: str) -> list[tuple[str, str]]:
    """Normalised Arabic token -> [(stem, proclitic)], longest proclitic first."""
    return list(_clitic_variants(ntok))


@functools.lru_cache(maxsize=1 << 18)   # KB.match asks for every token
def _clitic_variants(ntok: str) -> tuple[tuple[str, str], ...]:
    out = []
    if len(ntok) < 3 or not is_arabic(ntok):
        return ()
    for p in _PROCLITICS_AL:
        if ntok.startswith(p) and len(ntok) - len(p) >= 2:
            out.append(("ال" + ntok[len(p):], p[:-2]))
            break
    for p in _PROCLITICS_LL:
        if ntok.startswith(p) and len(ntok) - len(p) >= 2:
            out.append(("ال" + ntok[len(p):], p[:-1]))
            break
    if ntok[0] in "وف" and len(ntok) > 3 and ntok[1] in "بلك":
        out.append((ntok[2:], ntok[:2]))
    if ntok[0] in "وفبلك":
        out.append((ntok[1:], ntok[0]))
    return tuple(out)


@dataclass
class _Cand:
    id: str
    form: str          # full | short | epithet | nocue
    prio: int


class KB:
    def __init__(self, records: dict[str, dict], lexicon: dict):
        self.records = records
        self.lex = lexicon
        self.index: dict[tuple[str, ...], list[_Cand]] = {}
        self.maxlen: dict[str, int] = {}
        self.short: dict[tuple[str, ...], list[str]] = {}
        self.skeletons: dict[str, set[str]] = {}
        self._outlets: dict[str, str] = {}
        self._first_names: dict[str, set[str]] = {}
        L = lexicon
        self.common = {normalize_ar(w) for w in L.get("common_words", [])}
        self.given = {normalize_ar(w) for w in L.get("given_names", [])}
        self.place_nouns = {normalize_ar(w) for w in L.get("place_nouns", [])}
        self.place_preps = {normalize_ar(w) for w in L.get("place_prepositions", [])}
        self.outlet_nouns = {normalize_ar(w) for w in L.get("outlet_nouns", [])}
        self.min_pop = int(L.get("min_population_without_cue", 50000))
        self.min_pop_focus = int(L.get("min_population_without_cue_focus", self.min_pop))
        self.focus = list(L.get("focus_countries", []))
        self.kin = {normalize_ar(w): rel for w, rel in (L.get("kinship") or {}).items()}
        self.kin_skip = {normalize_ar(w) for w in L.get("kinship_modifiers", [])}
        self.focus_cities = set(L.get("focus_countries_cities", []))
        ff = L.get("false_friends") or {}
        self.ff_toggle = float(ff.get("toggle_zipf", 3.5))
        self.ff_zipf = float(ff.get("word_zipf", 4.0))
        self.ff_whole = float(ff.get("whole_zipf", 3.0))
        self.ff_pop = int(ff.get("important_population", 200000))
        self.ff_window = int(ff.get("nearby_place_chars", 150))
        shapes = L.get("construct_plural_shapes") or []
        self.construct_shape = re.compile("|".join(f"(?:{p})" for p in shapes)) if shapes else None
        self.construct_complements = {normalize_ar(w) for w in L.get("construct_complements", [])}
        self.short_not_after = {normalize_ar(w) for w in L.get("short_form_not_after", [])}
        self.short_not_before = {normalize_ar(w) for w in L.get("short_form_not_before", [])}
        self.middle_zipf = float(L.get("middle_name_zipf", 2.5))
        self.family_after_zipf = float(L.get("family_after_zipf", 3.0))
        for rid, r in records.items():
            self._index_record(rid, r)
        self.given_freq = L.get("given_name_freq") or {}     # names-dataset bins, 1 = most common
        self._surnames_are_not_given(self.given_freq)

    # ------------------------------------------------------------------ building
    def _surnames_are_not_given(self, freq: dict[str, int]) -> None:
        """ANERcorp tags a lone surname (ميركل، جنبلاط) as a person, so the derived given-name
        list holds surnames; a given name makes a short form risky (matched only after the
        full name). A person's short form that names-dataset does not know as a common given
        name (frequency bin 1-2) is a surname, not a given name; one in the most common
        bin is treated as a given name even if ANERcorp never tagged it so."""
        if not freq:
            return
        shorts = {k[0] for k, cands in self.index.items()
                  if len(k) == 1 and any(c.form == "short" for c in cands)}
        self.given -= {w for w in shorts & self.given if freq.get(w, 9) > 2}
        # and a short form that is one of the most common given names (خليل، أيوب) is risky
        self.given |= {w for w in shorts if freq.get(w, 9) <= 1}

    def _add(self, key: tuple[str, ...], cand: _Cand) -> None:
        if not key or not all(key):
            return
        lst = self.index.setdefault(key, [])
        if any(c.id == cand.id for c in lst):
            return
        lst.append(cand)
        lst.sort(key=lambda c: -c.prio)
        if self.maxlen.get(key[0], 0) < len(key):
            self.maxlen[key[0]] = len(key)
            self._starts = {}           # the per-word memo of match() reads maxlen

    def _needs_cue(self, r: dict) -> bool:
        if r.get("context"):
            return True
        if r["type"] != "place" or r.get("notable") or r.get("capital"):
            return False
        if r.get("kind") == "district":
            return True
        if r.get("source") in _GENERATED and (
                (r.get("kind") == "governorate" and r.get("country") not in self.focus)
                or (r.get("kind") == "city" and r.get("country") not in self.focus_cities)):
            return True     # a province of a far country: only with a cue
        if r.get("kind") == "city" and r.get("source") == "csc":
            floor = self.min_pop_focus if r.get("country") in self.focus_cities else self.min_pop
            return (r.get("population") or 0) < floor
        return False

    def _index_record(self, rid: str, r: dict) -> None:
        t = r["type"]
        prio = _TYPE_PRIORITY.get(r.get("group", t), 0) + _KIND_PRIORITY.get(
            "capital" if r.get("capital") else r.get("kind", ""), 30)
        if r.get("source") != "csc" and r.get("source") != "openflights" and r.get("source") != "csc+geonames":
            prio += 5       # curated beats generated
        if r.get("country") in self.focus:
            prio += 10 - self.focus.index(r["country"]) // 2
        cue = self._needs_cue(r)
        for n in r.get("all_names", []):
            key = name_key(n)
            if not key:
                continue
            if not is_arabic(n) and len(key) == 1 and len(key[0]) <= 3 and not n.isupper():
                continue    # tiny Latin words are too ambiguous unless acronyms
            form = "nocue" if cue else "full"
            self._add(key, _Cand(rid, form, prio))
            if (t == "place" and r.get("source") not in _GENERATED and is_arabic(n)
                    and key[0].startswith("ال") and len(key[0]) > 4):
                self._add((key[0][2:],) + key[1:], _Cand(rid, "nocue" if len(key) == 1 else form, prio - 1))
            if (t == "organization" and is_arabic(n) and len(key) == 1 and key[0].startswith("ال")
                    and len(key[0]) > 5 and key[0][2:] not in self.common and key[0] not in self.common
                    and not self._common_without_article(n)):
                self._add((key[0][2:],), _Cand(rid, form, prio - 1))    # إنتربول = الإنتربول
            if t == "person" and is_arabic(n) and len(key) >= 2 and key[-2] not in _COMPOUND_HEADS:
                # جميل الحسن = جميل حسن: the article on a family name comes and goes
                last = key[-1]
                alt = last[2:] if last.startswith("ال") else "ال" + last
                if len(alt) >= 3 and len(last) >= 3:
                    self._add(key[:-1] + (alt,), _Cand(rid, "alt", prio - 1))
            sk = skeleton(n)
            if sk and len(sk.replace(" ", "")) >= 4:
                self.skeletons.setdefault(sk, set()).add(rid)
            if r.get("group") == "outlet":
                self._outlets[" ".join(key)] = rid
        weak = {name_key(n) for n in r.get("weak_short", [])}
        for n in list(r.get("short", [])) + [w for w in r.get("weak_short", []) if w not in r.get("short", [])]:
            key = name_key(n)
            self.short.setdefault(key, [])
            if rid not in self.short[key]:
                self.short[key].append(rid)
            self._add(key, _Cand(rid, "weak" if key in weak else "short",
                                 prio - 10 + (5 if r.get("default_short") else 0)))
        for n in r.get("epithets", []):
            self._add(name_key(n), _Cand(rid, "epithet", prio - 20))

    # ------------------------------------------------------------------- lookups
    def get(self, kb_id: str) -> dict | None:
        return self.records.get(kb_id)

    def __contains__(self, kb_id: str) -> bool:
        return kb_id in self.records

    def __len__(self) -> int:
        return len(self.records)

    def place_names(self, min_population: int = 100000) -> list[str]:
        """Arabic names of well-known places (countries, provinces, large cities),
        the ones a misspelling repair may restore."""
        out = []
        for r in self.records.values():
            if r.get("type") != "place":
                continue
            if r.get("kind") in ("country", "state", "governorate") or (r.get("population") or 0) >= min_population:
                out.extend(n for n in r.get("all_names", []) if n and not n.isascii())
        return out

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.records.values():
            g = r.get("group", r["type"])
            out[g] = out.get(g, 0) + 1
        return out

    def short_candidates(self, name: str) -> list[str]:
        """KB ids of people who share this short form ('الحريري' -> the Hariris)."""
        key = name_key(name)
        if key in self.short:
            return list(self.short[key])
        if key and key[0] and is_arabic(key[0]):
            for stem, _ in clitic_variants(key[0]):
                k2 = (stem,) + key[1:]
                if k2 in self.short:
                    return list(self.short[k2])
        return []

    def weak_short(self, kb_id: str, name: str) -> bool:
        """Is ``name`` one of that person's weak short forms (a common word or given name: عباس)?"""
        key = name_key(name)
        keys = [key] + ([(s,) + key[1:] for s, _ in clitic_variants(key[0])] if key and is_arabic(key[0]) else [])
        return any(c.id == kb_id and c.form == "weak" for k in keys for c in self.index.get(k, []))

    def default_short(self, name: str) -> str | None:
        c = [i for i in self.short_candidates(name) if self.records[i].get("default_short")]
        return c[0] if len(c) == 1 else None

    def search(self, name: str, type: str | None = None) -> list[dict]:
        """Records named ``name`` (any variant, either script), best first."""
        key = name_key(name)
        keys = [key]
        if key and is_arabic(key[0]):
            keys += [(s,) + key[1:] for s, _ in clitic_variants(key[0])]
        if key and not is_arabic(key[0]) and key[0] == "the":
            keys.append(key[1:])
        seen: list[str] = []
        for k in keys:
            for c in self.index.get(k, []):
                if c.id not in seen:
                    seen.append(c.id)
            if seen:
                break
        if not seen:
            for rid in sorted(self.skeletons.get(skeleton(name), ())):
                seen.append(rid)
        out = [self.records[i] for i in seen]
        if type:
            out = [r for r in out if r["type"] == type or r.get("group") == type]
        return out

    def outlet(self, name: str) -> dict | None:
        key = name_key(name)
        for k in (key, key[1:] if key and key[0] == "the" else None):
            if k and " ".join(k) in self._outlets:
                return self.records[self._outlets[" ".join(k)]]
        hits = self.search(name, type="outlet")
        return hits[0] if hits else None

    # ------------------------------------------------------------------- matching
    def _cue_ok(self, cand: _Cand, rec: dict, prev: str | None, clitic: str, key: tuple[str, ...],
                strong_only: bool) -> bool:
        """Does the context allow an ambiguous reading of ``rec``?"""
        if rec.get("group") == "outlet":
            return prev in self.outlet_nouns or clitic.endswith("ل")
        if prev in self.place_nouns:
            return True
        if strong_only:
            return False
        return prev in self.place_preps or clitic.endswith(("ب", "ل"))

    def match(self, text: str, lang: str = "ar") -> list[EntityMention]:
        toks = tokens(text)
        norms = [norm_token(t) for _, _, t in toks]
        # run[i]: how many tokens from i on are joined by plain spaces/hyphens only
        n = len(toks)
        run = [1] * (n + 1)
        gap = _GAP.fullmatch
        for j in range(n - 2, -1, -1):
            g = text[toks[j][1]:toks[j + 1][0]]
            if g == " " or gap(g):              # most gaps are one space, which _GAP takes
                run[j] = run[j + 1] + 1
        out: list[EntityMention] = []
        tentative: list[tuple[EntityMention, str]] = []
        self._seen_full: set[str] = set()
        self._last_place_end = -1
        i, n = 0, len(toks)
        index = self.index
        starts = self._starts_memo()
        while i < n:
            best = None        # (length, stripped, cands, clitic)
            got = starts.get(norms[i])
            if got is None:
                got = starts[norms[i]] = self._starts_of(norms[i])
            for v, clitic, m in got:
                for L in range(min(m, run[i]), 0, -1):
                    key = (v,) + tuple(norms[i + 1:i + L])
                    cands = index.get(key)
                    if cands:
                        if best is None or L > best[0]:
                            best = (L, clitic, cands, key)
                        break
            if best is None:
                i += 1
                continue
            L, clitic, cands, key = best
            start, end = toks[i][0], toks[i + L - 1][1]
            surface = text[start:end]
            prev = norms[i - 1] if i > 0 else None
            if prev and is_arabic(prev) and prev[0] in "وفلب" and len(prev) > 1 and prev not in self.place_preps:
                prev = prev[1:] if prev[1:] in self.place_preps or prev[1:] in self.place_nouns else prev
            mention = self._choose(cands, key, clitic, prev, toks, i, L, surface, text, norms)
            if mention is None:
                i += 1
                continue
            # span excludes the proclitic: it is not part of the name
            cstart = start
            if clitic:
                cstart = _skip_letters(text, start, len(clitic))
            mention.start, mention.text = cstart, text[cstart:end]
            if self._tentative is not None:
                tentative.append((mention, self._tentative))
            if mention.type == "place":
                self._last_place_end = end
            out.append(mention)
            i += L
        if tentative:
            out = self._confirm_nearby(out, tentative)
        self._nearest_namesakes(out)
        if self.kin:
            out = self._kinship(text, toks, norms, out)
        return out

    def _starts_memo(self) -> dict:
        """{normalised token: its _starts_of}: most tokens start no name, and a form's answer is made once."""
        memo = getattr(self, "_starts", None)       # (a KB unpickled from before it had one)
        if memo is None or len(memo) > 200_000:
            memo = self._starts = {}
        return memo

    def _starts_of(self, ntok: str) -> tuple[tuple[str, str, int], ...]:
        """The readings of a token that may start a name of the index: (the token, "") and its clitic
        variants (stem, proclitic), in that order, each with the most tokens a key it starts has."""
        maxlen = self.maxlen
        return tuple((v, clitic, m) for v, clitic in ((ntok, ""),) + _clitic_variants(ntok)
                     if (m := maxlen.get(v)))

    def _nearest_namesakes(self, out: list[EntityMention]) -> None:
        """A place name shared by places of different countries (عمان: Amman or Oman; طرابلس) goes
        to a namesake in a country the document's other places are in, then to one important enough
        to need no context cue (the Giza governorate, not a Jordanian village), then to the one
        nearest the other places (median distance, by 1,000 km), a curated one, the most populous."""
        places = [(m, self.records.get(m.kb_id) or {}) for m in out]
        places = [(m, r) for m, r in places if r.get("type") == "place" and r.get("coordinates")]
        for m, r in places:
            alts = [self.records[c.id] for c in self.index.get(tuple(m.name.split()), [])
                    if c.form in ("full", "nocue") and self.records[c.id].get("type") == "place"
                    and self.records[c.id].get("coordinates")]
            if len({a.get("country") for a in alts}) < 2:
                continue
            others = [o for n, o in places if n.name != m.name]
            countries = {o.get("country") or o["id"].partition(":")[2].upper() for o in others}

            def cost(a):
                d = sorted(_km(a["coordinates"], o["coordinates"]) for o in others)
                return (a.get("country") not in countries, self._needs_cue(a),
                        round(d[len(d) // 2] / 1000) if d else 0, a.get("source") in _GENERATED,
                        -(a.get("population") or 0))
            best = min(alts, key=cost)
            if best.get("country") != r.get("country") and cost(best) < cost(r):
                m.kb_id = best["id"]

    def _other_given_name(self, rid: str, toks, i: int, text: str, clitic: str = "") -> bool:
        """Is this short form part of another name: after a given name that is not this person's
        (إياد الخطيب), after a word of descent or family (ابن عباس, آل الخطيب), or before بن?"""
        if i + 1 < len(toks) and not text[toks[i][1]:toks[i + 1][0]].strip() \
                and normalize_ar(toks[i + 1][2]) in self.short_not_before:
            return True         # عباس بن أحمد: someone's given name before his father's
        if i + 1 < len(toks) and not clitic and text[toks[i][1]:toks[i + 1][0]] == " " \
                and self._given(toks[i][2], toks[i][2]) and self._family_name_after(rid, toks[i + 1][2]):
            return True         # أيوب القرا: someone's given name before his family name (not أوباما المرتجف)
        if i == 0 or clitic or text[toks[i - 1][1]:toks[i][0]].strip():
            return False        # (صدام والحريري: a conjunction starts a new name)
        if normalize_ar(toks[i - 1][2]) in self.short_not_after:
            return True         # ابن عباس, آل الخطيب, عائلة الخطيب: a father, a family
        word = toks[i - 1][2]
        bare = word[1:] if word[:1] in "وف" and len(word) > 3 else word
        firsts = self.first_names(rid)
        if self._given(word, bare):
            return not {normalize_ar(word), normalize_ar(bare)} & firsts
        # given name, a rare father's or middle name, family name (هادي قطيم الشيباني)
        if i < 2 or text[toks[i - 2][1]:toks[i - 1][0]].strip() or not is_arabic(word) \
                or normalize_ar(word) in firsts:
            return False
        from ..ner.morph import zipf
        w2 = toks[i - 2][2]
        bare2 = w2[1:] if w2[:1] in "وف" and len(w2) > 3 else w2
        return zipf(word) < self.middle_zipf and self._given(w2, bare2) \
            and not {normalize_ar(w2), normalize_ar(bare2)} & firsts

    def _family_name_after(self, rid: str, word: str) -> bool:
        """A rare definite word right after a short form (القرا after أيوب) is the family name of someone
        the short form is the given name of: not a common word, a place or its nisba (wordfreq Zipf below
        lexicon.yaml's family_after_zipf), nor one of this person's own names."""
        from ..ner import _epithet
        n = normalize_ar(word)
        if not self.rare_family_name(word) or _epithet(word):
            return False
        own = {w for nm in self.records[rid].get("all_names", []) for w in name_key(nm)}
        return n not in own and n[2:] not in own

    def rare_family_name(self, word: str) -> bool:
        """A definite word rarer than family_after_zipf that is no common word and no place: after a
        given name, a family name (القرا)."""
        from ..ner.morph import zipf
        n = normalize_ar(word)
        return n.startswith("ال") and len(n) >= 5 and n not in self.common and not self._names_place(word) \
            and zipf(word) < self.family_after_zipf

    def _given(self, word: str, bare: str) -> bool:
        """A given name in the name lists' common bins or the KB lexicon, not a common word or a place
        (the lists hold those too: a verb, وتوفي; a country's name)."""
        return any((self.given_freq.get(normalize_ar(w), 9) <= 2 or normalize_ar(w) in self.given)
                   and normalize_ar(w) not in self.common and not self._names_place(w) for w in (word, bare))

    def first_names(self, rid: str) -> set[str]:
        """The normalised words before the family name in a KB person's names, also glued (عبدالفتاح)."""
        if rid not in self._first_names:
            firsts = {"الله"}                  # آية الله خامنئي: a title
            for n in self.records[rid].get("all_names", []):
                k = name_key(n)[:-1]
                firsts.update(k)
                firsts.update("".join(k[a:b]) for a in range(len(k)) for b in range(a + 2, len(k) + 1))
            self._first_names[rid] = firsts
        return self._first_names[rid]

    def namesakes(self, names: Iterable[tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        """Of the full names (keys of two words or more) a document gives people it does not link to
        the KB (محسن الخطيب, نواف خليل): family name -> that full name, where the family name is a KB
        person's short form and the given name is none of that person's. A bare الخطيب in that
        document is then the local namesake unless the KB person is named in full there too."""
        out: dict[str, tuple[str, ...]] = {}
        for key in names:
            if len(key) < 2 or key[-2] in self.short_not_before:
                continue
            ids = self.short_candidates(key[-1])
            if ids and not any(set(key[:-1]) & self.first_names(i) for i in ids):
                out.setdefault(key[-1], key)
        return out

    def _names_place(self, word: str) -> bool:
        return any(self.records[c.id]["type"] != "person" for c in self.index.get((normalize_ar(word),), []))

    def _confirm_nearby(self, out, tentative):
        """A common word read as a place after a mere preposition (في المدينة) stays a place only if
        another place of that country is named close by (بمحافظة تعز)."""
        weak = {id(m) for m, _ in tentative}
        sure = [(m.start, (self.records.get(m.kb_id) or {}).get("country")) for m in out
                if id(m) not in weak and (self.records.get(m.kb_id) or {}).get("type") == "place"]
        drop = {id(m) for m, country in tentative
                if not any(c == country and country and abs(s - m.start) <= self.ff_window for s, c in sure)}
        return [m for m in out if id(m) not in drop]

    def _common_without_article(self, name: str) -> bool:
        """Is a one-word organisation name written with the article (الميادين, النصرة, المنار) a common
        word without it (ميادين "fields", نصرة "support", منار "lighthouse": wordfreq, ``ff_whole`` or
        more)? Then the bare word is that word, not the body (إنتربول = الإنتربول stays: a rare word)."""
        from ..ner.morph import zipf
        w = strip_vowel_marks(unicodedata.normalize("NFKC", name.strip()))
        return w[:2] in ("ال", "أل") and zipf(w[2:]) >= self.ff_whole

    def _whole_commoner(self, surface: str, clitic: str, k0: str) -> bool:
        """Is a word read as a proclitic + a one-word name commoner as written (wordfreq) than its stem, and
        common enough (``ff_whole``): كابل (Kabul, or "cable") is no ك + ابل (Apple). Only where the stem is
        written whole after the proclitic (not لل + a definite name: للحوثيين)."""
        from ..ner.morph import zipf
        whole = strip_vowel_marks(unicodedata.normalize("NFKC", surface))
        stem = whole[len(clitic):]
        if normalize_ar(stem) != k0:
            return False
        return zipf(whole) >= max(self.ff_whole, zipf(stem) + 0.01)

    def _false_friend(self, surface: str, clitic: str, k0: str, rec: dict, cand: _Cand) -> bool:
        """Is this one-word place name also a common Arabic word (by wordfreq), and the place not
        important enough to be meant without a cue? Common: the word with the article toggled is
        frequent (حديث/الحديث, القارة/قارة), it is a frequent word with a pronoun or plural ending
        (حلفائه), or it is itself frequent and names a small place. Important: a country, a capital,
        a province of a focus country, a place marked notable, a big city, or a curated record."""
        r = rec
        if r.get("kind") in ("country",) or r.get("capital") or r.get("notable"):
            return False
        if r.get("source") not in _GENERATED and cand.form != "nocue":
            return False
        if (r.get("population") or 0) >= self.ff_pop:
            return False
        from ..ner.morph import inflected_common, zipf
        whole = strip_vowel_marks(unicodedata.normalize("NFKC", surface))
        w = whole[len(clitic):]
        if normalize_ar(w) != k0 and k0.startswith("ال"):
            w = "ال" + w[-(len(k0) - 2):]
        if clitic and any(zipf(whole[k:]) >= max(self.ff_whole, zipf(w) + 0.01) for k in range(len(clitic))):
            return True         # (و)لجأوا, ورقة, لوزان: the whole word is commoner than the split one
        toggled = w[2:] if w.startswith("ال") else "ال" + w
        if zipf(toggled) >= self.ff_toggle:
            return True
        # a province of a focus country is named often enough that the word's own frequency is no sign,
        # and a name ending in ه for ة is no pronoun (صعده)
        if self._province(r):
            return False
        return inflected_common(w, names_win=False) or (r.get("source") in _GENERATED and zipf(w) >= self.ff_zipf)

    def _construct_head(self, k0, clitic, prev, toks, i, text) -> bool:
        """A place name of a plural-of-people shape (lexicon.yaml: construct_plural_shapes) right before a
        noun such plurals govern (construct_complements), with no place cue before it: the head of a
        construct phrase, not the place."""
        if self.construct_shape is None or clitic or prev in self.place_nouns or prev in self.place_preps \
                or i + 1 >= len(toks) or text[toks[i][1]:toks[i + 1][0]] != " " \
                or not self.construct_shape.search(k0):
            return False
        return normalize_ar(toks[i + 1][2]) in self.construct_complements

    def _province(self, r: dict) -> bool:
        return r.get("kind") in ("governorate", "state") and r.get("country") in self.focus

    def _kinship(self, text, toks, norms, out):
        """"مع ابنه الأكبر عمر": a bare given name after a kinship word is the relative, in the
        knowledge base, of a person already named in the text (the latest one first)."""
        covered = {(m.start, m.end) for m in out}
        starts = sorted((m.start, m.kb_id) for m in out if m.kb_id and self.records.get(m.kb_id, {}).get("type") == "person")
        added = []
        for i, w in enumerate(norms):
            rel = self.kin.get(w) or (self.kin.get(w[1:]) if w[:1] in "وف" else None)
            if not rel:
                continue
            j = i + 1
            while j < len(toks) and norms[j] in self.kin_skip and j - i <= 2:
                j += 1
            if j >= len(toks) or any(s <= toks[j][0] < e for s, e in covered):
                continue
            name = norms[j]
            seen = [kid for s, kid in starts if s < toks[i][0]][::-1]
            for anchor in dict.fromkeys(seen):
                hit = self._relative(anchor, rel, name)
                if hit:
                    added.append(EntityMention(start=toks[j][0], end=toks[j][1], text=text[toks[j][0]:toks[j][1]],
                                               type="person", kb_id=hit, name=name, confidence=0.8, source="kb"))
                    break
        return sorted(out + added, key=lambda m: m.start) if added else out

    def _relative(self, anchor: str, rel: str, given: str) -> str | None:
        """The KB person whose first name is ``given`` and who is ``rel`` of ``anchor``
        (child_of: the anchor's child; sibling_of/spouse_of either way round)."""
        if not hasattr(self, "_by_first"):
            self._by_first: dict[str, list[str]] = {}
            for rid, r in self.records.items():
                parts = (r.get("name_ar") or "").split()
                if r.get("type") == "person" and parts:
                    self._by_first.setdefault(normalize_ar(parts[0]), []).append(rid)
        for rid in self._by_first.get(given, []):
            r = self.records[rid]
            for x in r.get("relations") or []:
                if x.get("type") == rel and x.get("of") == anchor:
                    return rid
            if rel in ("sibling_of", "spouse_of"):
                for x in self.records.get(anchor, {}).get("relations") or []:
                    if x.get("type") == rel and x.get("of") == rid:
                        return rid
        return None

    def _choose(self, cands, key, clitic, prev, toks, i, L, surface, text, norms=()) -> EntityMention | None:
        self._tentative = None      # set to the place's country when only a nearby place can confirm it
        single = len(key) == 1
        k0 = key[0]
        latin = not is_arabic(k0)
        if latin:
            words = [t for _, _, t in toks[i:i + L]]
            if not (words[0][:1].isupper() or words[0][:1].isdigit()):
                return None
            if single and len(k0) <= 3 and not words[0].isupper():
                return None
        after_ibn = i > 0 and not text[toks[i - 1][1]:toks[i][0]].strip() and \
            normalize_ar(toks[i - 1][2]) in self.short_not_before
        glued = single and clitic and not latin and self._whole_commoner(toks[i][2], clitic, k0)
        for c in cands:
            rec = self.records[c.id]
            if after_ibn and rec["type"] == "person":
                continue        # سعود بن سلمان بن عبدالعزيز: the father's name inside the son's
            if glued and rec["type"] != "place":
                continue        # كابل (Kabul, "cable") is no ك + ابل (Apple): the whole word is the commoner
            conf = 1.0 if not clitic else 0.95
            if c.form == "weak" and c.id not in self._seen_full:
                continue        # a short form that is also a common word: only after the full name
            if c.form == "alt" and self._other_given_name(c.id, toks, i, text, clitic):
                continue        # محمد علي الحبيب is not علي حبيب
            if c.form in ("short", "weak"):
                if single and self._other_given_name(c.id, toks, i, text, clitic):
                    continue    # إياد الخطيب: a relative with the family name, not the famous one
                conf = 0.7
                risky = k0 in self.given or len(k0) <= 3 or (k0 in self.common and not rec.get("default_short"))
                if single and risky and c.id not in self._seen_full:
                    continue    # "خليل", "سامر": only after the full name in this text
            elif c.form == "epithet":
                conf = 0.6
            ambiguous_word = single and (k0 in self.common or len(k0) <= 2
                                         or (k0 in self.given and rec["type"] == "place")
                                         or (latin and rec.get("kind") == "governorate"
                                             and rec.get("source") in _GENERATED))
            if single and not latin and rec["type"] == "place" and k0 not in self.common \
                    and self._false_friend(toks[i][2], clitic, k0, rec, c):
                # a common word that is also a small place's name (حديث, حلفائه, القارة): a place noun
                # before it, or a preposition and another place of that country nearby
                if prev in self.place_nouns or (self._province(rec) and (
                        prev in self.place_preps or clitic.endswith(("ب", "ل")))):
                    conf = min(conf, 0.8)
                elif prev in self.place_preps or clitic.endswith(("ب", "ل")):
                    # after a preposition: confirmed only by a place of the same country nearby
                    self._tentative = rec.get("country") or ""
                    conf = min(conf, 0.6)
                elif clitic == "و" and i > 0 and self._last_place_end >= toks[i - 1][0]:
                    # a conjunction right after another place (صعدة وعمران, اليمن وسيناء)
                    conf = min(conf, 0.6)
                    conf = min(conf, 0.6)
                else:
                    continue
            elif c.form == "nocue" or ambiguous_word:
                generated = rec.get("source") in _GENERATED
                strong = k0 in self.common or len(k0) <= 2 or (
                    generated and k0 not in self.given and rec.get("country") not in self.focus_cities)
                if not self._cue_ok(c, rec, prev, clitic, key, strong_only=strong):
                    continue
                conf = min(conf, 0.8)
            if single and rec["type"] == "place" and k0.startswith("ال") and k0.endswith("يه") and i > 0 \
                    and not clitic \
                    and prev not in self.place_nouns and prev not in self.place_preps \
                    and not text[toks[i - 1][1]:toks[i][0]].strip() \
                    and norms[i - 1].lstrip("وفب").startswith("ال") and len(norms[i - 1].lstrip("وفب")) > 4:
                continue        # وزارة الداخلية السعودية, الجامعة السعودية: an adjective, not the country
            if single and rec["type"] == "place" and self._construct_head(k0, clitic, prev, toks, i, text):
                continue        # a plural of people before the noun it governs ("guardians of the homeland"): not the town
            if single and rec["type"] == "place" and k0 in self.given and i + L < len(toks):
                nxt = norm_token(toks[i + L][2])
                if nxt.startswith("ال") and nxt not in self.place_nouns and prev not in self.place_nouns:
                    continue    # a given name that is also a town's, then a definite word: a person, not the town
            if c.form == "full" and self._tentative is None:
                self._seen_full.add(c.id)
            return EntityMention(start=toks[i][0], end=toks[i + L - 1][1], text=surface,
                                 type=rec["type"], kb_id=c.id, name=" ".join(key),
                                 confidence=conf, source="kb")
        return None


def _km(a, b) -> float:
    """Great-circle distance in km between two [lat, lon]."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def _skip_letters(text: str, start: int, k: int) -> int:
    """Advance past ``k`` letters (diacritics and tatweel ride along)."""
    pos, seen = start, 0
    while pos < len(text) and seen < k:
        pos += 1
        seen += 1
        while pos < len(text) and _MARK.match(text, pos):
            pos += 1
    return pos


# ---------------------------------------------------------------------- loading
def _all_names(r: dict) -> list[str]:
    names: list[str] = []
    for f in _NAME_LISTS:
        v = r.get(f)
        for x in ([v] if isinstance(v, str) else (v or [])):
            if x and str(x) not in names and str(x) not in r.get("drop_names", []):
                names.append(str(x))
    return names


def _merge(base: dict, upd: dict) -> dict:
    for k, v in upd.items():
        if k in ("names", "names_ar", "names_en", "short", "epithets", "roles", "drop_names"):
            base[k] = list(dict.fromkeys(list(base.get(k, [])) + list(v or [])))
        elif k in ("name_ar", "name_en") and base.get(k) and base[k] != v:
            base.setdefault("names", []).append(base[k])
            base[k] = v
        else:
            base[k] = v
    return base


def _read_yaml(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        # libyaml's loader when present: people.yaml alone takes 0.3 s with the pure-Python one
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []
    if isinstance(data, dict):           # user file: {places: [...], people: [...], ...}
        out = []
        for sect, items in data.items():
            typ = {"places": "place", "people": "person", "orgs": "organization",
                   "organizations": "organization", "outlets": "organization"}.get(sect)
            for it in items or []:
                it = dict(it)
                if typ and "type" not in it:
                    it["type"] = typ
                if sect == "outlets":
                    it.setdefault("group", "outlet")
                out.append(it)
        return out
    return data


def _stringify(r: dict) -> dict:
    for k, v in list(r.items()):
        if hasattr(v, "isoformat"):
            r[k] = v.isoformat()
    for role in r.get("roles", []) or []:
        for k, v in list(role.items()):
            if hasattr(v, "isoformat"):
                role[k] = v.isoformat()
            elif isinstance(v, int) and k in ("start", "end"):
                role[k] = str(v)
    return r


def build_kb(extra: Iterable[str | Path] = (), data_dir: Path = DATA_DIR) -> KB:
    records: dict[str, dict] = {}
    gen = data_dir / "places_gen.json"
    if gen.exists():
        for r in json.loads(gen.read_text(encoding="utf-8")):
            r["type"] = "place"
            records[r["id"]] = r
    files = [(data_dir / f, _TYPE_OF_FILE[f]) for f in CURATED] + [(Path(p), None) for p in extra]
    for path, typ in files:
        if not path.exists():
            continue
        for it in _read_yaml(path):
            it = _stringify(dict(it))
            rid = it.get("id") or (typ or it.get("type", "x")) + ":" + "-".join(name_key(it.get("name_en") or it.get("name_ar") or "x"))
            it["id"] = rid
            if typ:
                it.setdefault("type", typ)
            if path.name == "outlets.yaml":
                it.setdefault("group", "outlet")
            if rid in records:
                _merge(records[rid], {k: v for k, v in it.items() if k not in ("type",) or "type" not in records[rid]})
            else:
                it.setdefault("type", "place")
                records[rid] = it
    for rid, r in list(records.items()):
        if r.get("same_as") and r["same_as"] in records:
            _merge(records[r["same_as"]], {k: v for k, v in r.items() if k in _NAME_LISTS})
            del records[rid]
            continue
        r["all_names"] = _all_names(r)
        if r["type"] == "place" and r.get("lat") is not None and r.get("lon") is not None:
            r["coordinates"] = [r["lat"], r["lon"]]
    lex = {}
    lp = data_dir / "lexicon.yaml"
    if lp.exists():
        lex = yaml_load(lp.read_text(encoding="utf-8")) or {}
    cw = data_dir / "common_words.txt"
    if cw.exists():
        lex.setdefault("common_words", [])
        lex["common_words"] = list(lex["common_words"]) + cw.read_text(encoding="utf-8").split()
    gn = data_dir / "given_names.txt"
    if gn.exists():
        lex["given_names"] = list(lex.get("given_names", [])) + gn.read_text(encoding="utf-8").split()
    ng = data_dir.parent / "ner" / "names_given.txt"       # names-dataset frequency bins (1 = most common)
    if ng.exists():
        freq = {}
        for ln in ng.read_text(encoding="utf-8").splitlines():
            w, _, b = ln.partition("\t")
            if b.strip().isdigit():
                k = normalize_ar(w)
                freq[k] = min(freq.get(k, 9), int(b))
        lex["given_name_freq"] = freq
    return KB(records, lex)


@functools.lru_cache(maxsize=8)
def _cached(extra: tuple[str, ...]) -> KB:
    return build_kb(extra)


def load_kb(extra: Iterable[str | Path] = ()) -> KB:
    """The knowledge base, built once per set of extra YAML files.

    With no ``extra``, files named in ``RIWAYA_KB_EXTRA`` (os.pathsep-separated,
    set by the CLI's ``--kb``) are used, so worker processes see them too.
    """
    extra = tuple(str(p) for p in extra)
    if not extra and os.environ.get("RIWAYA_KB_EXTRA"):
        extra = tuple(p for p in os.environ["RIWAYA_KB_EXTRA"].split(os.pathsep) if p)
    return _cached(extra)


__all__ = ["KB", "load_kb", "build_kb", "tokens", "name_key", "norm_token", "clitic_variants"]
