"""Event + attribution (isnad) extraction over clean text with offsets."""
from __future__ import annotations

import bisect
import operator
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable
from pathlib import Path

from riwaya.datafiles import yaml_load

from riwaya.models import Argument, Attribution, EntityMention, EventMention, Paragraph, TimeMention
from riwaya.ner import _roles
from riwaya.lang.arabic import object_pronouns, prefix_set, pronoun_suffixes
from riwaya.textutil import normalize_ar, normalize_ar_map

from riwaya import event_schema as schema

from . import english
from .propose import propose
from .propose_en import propose as propose_en

DATA = Path(__file__).resolve().parent.parent / "data" / "events"
_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+(?:[-'’][\w]+)*", re.UNICODE)
# a stop, colon (or comma) ends a sentence (clause) unless it stands between two digits (3.5, 1:30);
# written with the character first so the engine scans for it (a leading look-behind was tried at every
# position: 2.5x slower). (?<!\d.) after the character is (?<!\d) before it.
_SENT_END = re.compile(r"[!?؟\n]|[.:](?:(?<!\d.)|(?!\d))")
_CLAUSE_END = re.compile(r"[،;؛!?؟\n•]|[.:,](?:(?<!\d.)|(?!\d))")
_PREFIXES = prefix_set("events_extract")
_SUFFIXES = ("اتهم", "اتها", "اته", "ات", "تهم", "تها", "ته", "وها", "وه", "هما", "هم", "ها", "ه", "وا", "ون", "ين", "ان", "تا", "ت", "ا", "ن", "ي")


_norm = normalize_ar      # the matching key of Arabic words (called millions of times: no wrapper frame)


def _route_like(phrase: str, lang: str, lex: dict) -> bool:
    """Can an unnamed phrase be where a journey passes (the schema's range of via: a place)? Its first word
    (clitics off) is a place noun or a route noun (cues.yaml place_nouns, route_nouns)."""
    words = phrase.split()
    if not words:
        return False
    w = _norm(words[0]) if lang == "ar" else words[0].lower()
    if lang == "en" and w == "the" and len(words) > 1:
        w = words[1].lower()
    nouns = lex["place_nouns"].get(lang, set()) | lex["route_nouns"].get(lang, set())
    return w in nouns or (lang == "ar" and (w[:2] == "ال" and w[2:] in nouns or "ال" + w in nouns))


def _naming(toks, hit, naming) -> bool:
    """"ما أطلق عليه «إعلان القاهرة»": the verb names (what is called), it fires nothing, unless what follows
    على is fired (schema.yaml trigger_lexicon naming_*)."""
    verbs, nxt, fired = naming
    j = hit[2]
    w = toks[hit[1]].n
    if hit[2] - hit[1] != 1 or j >= len(toks) or toks[j].n not in nxt:
        return False
    if w not in verbs and not (w[:1] in "وف" and w[1:] in verbs):
        return False
    return not (j + 1 < len(toks) and toks[j + 1].n in fired)


# move30 (issue #14): the pronoun suffixes a thing noun may carry (cues.yaml not_movers; learned.refine applies it)
_PRONOUN_ENDS = pronoun_suffixes()


def _not_movers(d: dict) -> dict:
    """cues.yaml not_movers, normalised: sets of words, the senses as (forms, next words) pairs."""
    def ws(k):
        return frozenset(_norm(str(x)) for x in d.get(k) or ())
    return {"types": frozenset(d.get("types") or ()), "things": ws("things"), "goal_preps": ws("goal_preps"),
            "goal_skip": ws("goal_skip"), "goals": ws("goals"), "counted": ws("counted"),
            "goal_types": frozenset(d.get("goal_types") or ()),
            "senses": tuple((frozenset(_norm(str(x)) for x in s["forms"]), frozenset(_norm(str(x)) for x in s["next"]))
                            for s in d.get("senses") or ())}


def _not_happenings(d: dict) -> dict:
    """cues.yaml not_happenings (trig35), normalised: senses as (forms, skip, next), constructs as (forms, types,
    heads); an empty forms or types set stands for any."""
    def ws(xs):
        return frozenset(_norm(str(x)) for x in xs or ())
    return {"senses": tuple((ws(s.get("forms")), ws(s.get("skip")), ws(s.get("next")), bool(s.get("next_trigger")),
                             bool(s.get("exact"))) for s in d.get("senses") or ()),
            "constructs": tuple((ws(c.get("forms")), frozenset(c.get("types") or ()), ws(c.get("heads")),
                                 int(c.get("before", 1))) for c in d.get("constructs") or ()),
            "skip_span": int(d.get("skip_span", 1))}


def _not_happening(toks, ti: int, tj: int, nh: dict, typ: str, lex: dict | None = None) -> bool:
    """Is the trigger toks[ti:tj] told in a sense that is no happening (cues.yaml not_happenings)? An idiom or
    another sense its next word fixes ("تبادل الخبرات"، "خرجت عن صمتها"، "الأمر الذي"), a support word before the
    event word that is the happening ("عملية تحرير"، "حكم القتل": with lex, next_trigger), or a construct's head
    right before it that makes the phrase a thing's, a place's or a person's name ("سيارة نقل"، "جيش التحرير")."""
    word = _bare_forms(toks[ti].n, suffix=False) | {toks[ti].n}
    for forms, skip, nxt, nxt_trig, exact in nh["senses"]:
        if not (word & forms):
            continue
        k = next((m + 1 for m in range(tj, min(tj + nh["skip_span"], len(toks))) if toks[m].n in skip), tj)
        if k >= len(toks):      # past a skip word within skip_span words: "خرجت الوزيرة عن صمتها"
            continue
        if ({toks[k].n} if exact else _bare_forms(toks[k].n, raw=toks[k].raw) | {toks[k].n}) & nxt:
            return True
        n = toks[k].n       # a verb in ت after it is its own clause ("عملية استهدفت"), not its complement
        if nxt_trig and lex is not None and n not in lex["not_trig"] and not (n.endswith("ت") and not n.endswith(
                "ات")) and _lookup_ar(n, lex):
            return True
    for forms, types, heads, before in nh["constructs"]:
        if (forms and not word & forms) or (types and typ not in types):
            continue
        for k in range(ti - 1, max(ti - before, 0) - 1, -1):    # the head right before, or a verb up to before back
            if not (_definite(toks[k].n) and before == 1) and _bare_forms(toks[k].n, suffix=False) & heads:
                return True     # a construct's head takes no article ("الموقع" stands alone)
    return False


def _mishap_cues(d: dict) -> dict:
    """cues.yaml mishap, normalised (acc30)."""
    return {"type": d.get("type"), "from": set(d.get("from") or ()),
            "nouns": frozenset(_norm(str(x)) for x in d.get("nouns") or ()),
            "no_doer": frozenset(d.get("no_doer") or ()),
            "cause": frozenset(_norm(str(x)) for x in d.get("cause") or ())}


def _bare_forms(n: str, suffix: bool = True, raw: str = "") -> frozenset[str]:
    """A normalised word with its proclitics (و ف, then ب ل ك, then ال) and, with suffix, a pronoun suffix off:
    every form on the way ("وبياناتهم" -> وبياناتهم، بياناتهم، بيانات ...). A final ه is a pronoun only where the
    word as written (raw) ends in ه, not ة ("بصورة" is no "صور" + ه)."""
    out = [n]
    w = n
    if w[:1] in "وف" and len(w) > 3:
        w = w[1:]
        out.append(w)
    if w.startswith("لل") and len(w) > 4:
        w = w[2:]
        out.append(w)
    elif w[:1] in "بلك" and len(w) > 3:
        out.append(w[1:])
        if w[1:3] == "ال":
            w = w[1:]
    if w.startswith("ال") and len(w) > 4:
        w = w[2:]
        out.append(w)
    if suffix:
        for x in list(out):
            for e in _PRONOUN_ENDS:
                if e == "ه" and raw and not raw.endswith("ه"):
                    continue
                if x.endswith(e) and len(x) - len(e) >= 3:
                    out.append(x[: -len(e)])
                    break
    return frozenset(out)


def _definite(n: str) -> bool:
    w = n[1:] if n[:1] in "وف" else n
    return w.startswith(("ال", "بال", "لل", "كال"))


def _thing_moves(toks, ti: int, tj: int, nm: dict, typ: str = "") -> bool:
    """Is the movement word toks[ti:tj] told of a thing, not a mover (cues.yaml not_movers)? Its subject, object
    or genitive right after it, or a definite subject right before a verb, is a thing ("وصل عدد الزوار"، "نقل
    البيانات"، "الأسعار تهبط"); its goal is a figure or an abstract end ("وصلت إلى حد"، "الوصول إلى حل"، "وصل إلى
    76 مليار": typ one of goal_types); a word of another sense before its next word ("تقدم بطلب"، "نتوجه بالشكر"،
    "نقل عنه")."""
    things = nm["things"]
    word = _bare_forms(toks[ti].n, suffix=False)
    after = toks[tj] if tj < len(toks) else None
    if after is not None:
        for forms, nxt in nm["senses"]:
            if word & forms and after.n in nxt:
                return True
        if _bare_forms(after.n, raw=after.raw) & things and not (_bare_forms(after.n) & nm["counted"] and (
                tj + 1 >= len(toks) or not _definite(toks[tj + 1].n))):
            return True
    if ti > 0 and not _definite(toks[ti].n):
        k = ti - 1 if toks[ti - 1].n != "قد" else ti - 2
        if k >= 0 and (_definite(toks[k].n) or any(toks[k].n.endswith(e) for e in ("هم", "ها"))) and \
                _bare_forms(toks[k].n, raw=toks[k].raw) & things and not _bare_forms(toks[k].n) & nm["counted"]:
            return True
    for g in ((tj, tj + 1) if typ in nm["goal_types"] else ()):
        if g >= len(toks):
            break
        n = toks[g].n
        if n in nm["goal_preps"]:
            k = g + 1
        elif n[:1] == "ل" and len(n) > 3 and n not in things:
            k = g           # a glued ل: "لأكثر من"، "للحوار"
        else:
            continue
        while k < len(toks) and k - g <= 3 and (toks[k].n in nm["goal_skip"] or (k == g and n[:1] == "ل" and (
                n[1:] in nm["goal_skip"]))):
            k += 1
        if k < len(toks):
            m = toks[k].n
            forms = _bare_forms(m[1:] if k == g else m, raw=toks[k].raw)
            if any(ch.isdigit() for ch in m) or forms & nm["goals"] or (k + 1 < len(toks) and " ".join(
                    (m, toks[k + 1].n)) in nm["goals"]):
                return True
        break
    return False


@lru_cache(maxsize=1)
def load_lexicon() -> dict:
    trig = schema.trigger_types()
    lexicon = schema.trigger_lexicon()
    cues = yaml_load((DATA / "cues.yaml").read_text(encoding="utf-8"))
    att = yaml_load((DATA / "attribution.yaml").read_text(encoding="utf-8"))
    ar_single, ar_multi, en_single, en_multi, passive = {}, [], {}, [], set()
    not_trig = {_norm(str(x)) for x in lexicon["not_triggers"]}
    nominal = {_norm(str(x)) for x in lexicon["nominal_ar"]}
    block_prev = {_norm(str(x)) for x in lexicon["block_prev"]}
    for typ, d in trig.items():
        for f in d.get("ar", []):
            f = _norm(str(f))
            (ar_multi.append((f.split(), typ)) if " " in f else ar_single.setdefault(f, typ))
        for f in d.get("passive", []):
            passive.add(_norm(str(f)))
        for f in d.get("en", []):
            f = str(f).lower()
            (en_multi.append((f.split(), typ)) if " " in f else en_single.setdefault(f, typ))
    from .learned import extra_triggers   # forms learned from the annotated corpus, after the curated ones
    for f, typ in extra_triggers("ar").items():
        if typ in trig:
            ar_single.setdefault(_norm(f), typ)
    en_learned = set()
    for f, typ in extra_triggers("en").items():
        if typ in trig and f.lower() not in en_single:
            en_single[f.lower()] = typ
            en_learned.add(f.lower())
    return {
        "cls": {t: d["cls"] for t, d in trig.items()},
        "ar": ar_single, "ar_multi": ar_multi, "en": en_single, "en_multi": en_multi, "en_learned": en_learned,
        "passive": passive, "not_trig": not_trig, "block_prev": block_prev, "nominal": nominal,
        "naming": tuple({_norm(str(x)) for x in lexicon.get(k, ())}
                        for k in ("naming_verbs", "naming_next", "naming_fired")),
        "after_no_event": {str(t): {_norm(str(x)) for x in ws} for t, ws in (lexicon.get("after_no_event") or {}).items()},
        "announcing": (set(lexicon.get("announcing_types") or ()), {_norm(str(x)) for x in lexicon.get(
            "announcing_comp") or ()}),
        "preps": {lg: [(_norm(p).split() if lg == "ar" else p.split(), r) for p, r in v]
                  for lg, v in cues["prepositions"].items()},
        "cont": {lg: [(_norm(p).split() if lg == "ar" else p.split()) for p in v]
                 for lg, v in cues["continuations"].items()},
        "means": {lg: {(_norm(m) if lg == "ar" else m) for m in v} for lg, v in cues["means"].items()},
        "amount": {lg: re.compile(p, re.I) for lg, p in cues["amount"].items()},
        "stop": {lg: {(_norm(x) if lg == "ar" else x) for x in v} for lg, v in cues["not_agent"].items()},
        "neg_exc": {lg: {(_norm(x) if lg == "ar" else x) for x in v} for lg, v in cues["negation_exceptions"].items()},
        "neg": {lg: {(_norm(x) if lg == "ar" else x) for x in v} for lg, v in cues["negation"].items()},
        "decider_cues": {_norm(x) for x in cues["decider_cues"]["ar"]},
        "self_decision": {_norm(x) for x in cues["self_decision"]["ar"]},
        # role/title heads (the name tagger's list): a unit named in a title orders nothing
        "titles": {_norm(r) for r in _roles()},
        "multi_first": {lg: _first_word_index(m) for lg, m in (("ar", ar_multi), ("en", en_multi))},
        "hedge": {lg: [(_norm(x) if lg == "ar" else x).split() for x in v] for lg, v in cues["hedges"].items()},
        "att_cues": {lg: sorted([(_norm(c) if lg == "ar" else c).split() for c in v], key=len, reverse=True)
                     for lg, v in att["cues"].items()},
        "att_first": {lg: {(_norm(c) if lg == "ar" else c).split()[0] for c in v} for lg, v in att["cues"].items()},
        "att_single": {lg: {(_norm(c) if lg == "ar" else c) for c in v if " " not in c} for lg, v in att["cues"].items()},
        "report_comp": {lg: {(_norm(c) if lg == "ar" else c) for c in v} for lg, v in att["complementizers"].items()},
        "scope_doc": {lg: [(_norm(c) if lg == "ar" else c) for c in v] for lg, v in att["scope_doc_markers"].items()},
        "outlet_heads": {lg: {(_norm(c) if lg == "ar" else c) for c in v} for lg, v in att["outlet_heads"].items()},
        "wires": {_norm(w) for w in att["wires"]},
        "speaker_cues": {lg: {_norm(c) for c in v} for lg, v in att["speaker_cues"].items()},
        "source_verbs": {lg: {_norm(c) for c in v} for lg, v in att.get("source_verbs", {}).items()},
        "source_preps": {lg: {_norm(c) for c in v} for lg, v in att.get("source_preps", {}).items()},
        "source_from": {lg: {_norm(c) for c in v} for lg, v in att.get("source_from", {}).items()},
        "postposed_source": {k: {_norm(c) for c in v} for k, v in (att.get("postposed_source") or {}).items()},
        "credit_line_names": {_norm(c) for c in att.get("credit_line_names") or ()},
        "addressee_preps": {_norm(c) for c in att.get("addressee_preps") or ()},
        "speaker_end": {lg: {_norm(c) for c in v} for lg, v in att.get("speaker_end", {}).items()},
        "speaker_skip": {lg: {_norm(c) for c in v} for lg, v in att["speaker_skip"].items()},
        "speaker_aux": {lg: {_norm(c) for c in v} for lg, v in att.get("speaker_aux", {}).items()},
        "speaker_title_breaks": {lg: {_norm(c) for c in v} for lg, v in att.get("speaker_title_breaks", {}).items()},
        "unnamed": {lg: [re.compile(p) for p in v] for lg, v in att["unnamed"].items()},
        # another matter's opener: an earlier sentence's speaker goes on no further (learned._carry_break), longest first
        "carry_breaks": tuple(sorted({tuple(_norm(w).split()) for w in (att.get("carry_breaks") or {}).get("ar") or ()},
                                     key=len, reverse=True)),
        "trailing": re.compile(att["trailing_source"], re.M | re.I),
        **{k: {lg: {(_norm(x) if lg == "ar" else x) for x in (v or [])} for lg, v in cues[k].items()}
           for k in ("phrase_stops", "phrase_trailing", "phrase_openers", "not_arguments", "arg_barriers",
                     "means_adverbs", "means_number_words", "place_nouns",
                     "intent", "self_plan", "reference_event", "anaphoric_places", "count_words",
                     "where_relative", "companion_cues", "companion_verbs", "agent_by", "passive_aux",
                     "relative_pronouns", "route_nouns")},
        "where_origin_types": set(cues["where_origin_types"]),
        "duration_types": set(cues["duration_types"]),
        "subject_place_types": set(cues["subject_place_types"]),
        "not_movers": _not_movers(cues.get("not_movers") or {}),
        "casualty_fall": {"from": set(cues["casualty_fall"]["from"]),
                          "nouns": {_norm(w): t for t, ws in cues["casualty_fall"]["nouns"].items() for w in ws},
                          "skip": {_norm(w) for w in cues["casualty_fall"]["skip"]},
                          # what is fired that falls (cues.yaml fired_type; the words: schema.yaml naming_fired)
                          "fired_type": cues["casualty_fall"].get("fired_type"),
                          "fired": frozenset(_norm(str(x)) for x in lexicon.get("naming_fired", ()))},
        # a mishap told with the word of a coup or a fall (cues.yaml mishap: "انقلاب مركبة"، "سقوط حافلة")
        "mishap": _mishap_cues(cues.get("mishap") or {}),
        "not_happenings": _not_happenings(cues.get("not_happenings") or {}),
        "controller_cues": {lg: [(_norm(p).split() if lg == "ar" else p.split()) for p in v]
                            for lg, v in cues["controller_cues"].items()},
        "modality": {lg: {c: {(_norm(x) if lg == "ar" else x) for x in ws} for c, ws in d.items()}
                     for lg, d in cues["modality"].items()},
        "patient_types": set(cues["patient_types"]), "origin_object_types": set(cues["origin_object_types"]),
        "dest_object_types": set(cues["destination_object_types"]),
        "subj_open": {lg: {(_norm(x) if lg == "ar" else x) for x in v} for lg, v in cues["subject_openers"].items()},
        "arg_cont": {lg: [(_norm(p).split() if lg == "ar" else p.split()) for p in v]
                     for lg, v in cues["arg_continuations"].items()},
    }


class Tok:
    __slots__ = ("s", "e", "raw", "n")

    def __init__(self, s, e, raw, n):
        self.s, self.e, self.raw, self.n = s, e, raw, n


_QUOTES = {"«": "»", "“": "”"}
EN_TIME_PARSE = True   # en22: an English event takes no time the parse puts in another clause (english.time_elsewhere)
# conf27 (issue #15): the languages whose events take the narrative's last time from an earlier sentence when their
# own has none. The annotated corpus marks an event's time only in its own sentence (split at . ! ? ؟ and line ends,
# as corpus.py shows it to annotators): on the Arabic train split, of 831 events given a time from another sentence,
# the gold marks that time for none (648 have no time, 27 one of their own sentence, 154 are no gold event), and the
# carried day is mostly a report's ("أفاد مصدر أمس الأربعاء. ... أن منفذ الهجوم") set on the next sentence's happening.
# Shipped off (every language carries, as before): ("en",) alone lowers dev cluster B-cubed 0.757 -> 0.756 with the
# pair scorer fit on carried times; with reconcile's events.context_time it raises dev to 0.758 but the fourth
# written-on sample loses its two real count contradictions (benchmarks/clusters/README.md, conf27).
NARRATIVE_TIME_LANGS = ("ar", "en")
_GOLD_SENT_END = re.compile(r"[.!?؟\n]")
QUOTE_REACH = 200      # characters after a cue where the quotation it introduces may open
QUOTE_MAX = 4000       # the longest quotation followed (a scan, linear in this)


def _quote_end(text: str, start: int, sentence_end: int) -> int | None:
    """End of the quotation an attribution cue opens («…», “…”) when it runs past the cue's sentence:
    «said X: «… . … . …»» covers every sentence until its closing mark (nested marks counted). Quoted
    names that close within the sentence (لـ«الشرق الأوسط») are passed over; the quotation may open just
    past a sentence cut at the colon that introduces it, never past the line."""
    k, stop = start, min(len(text), start + QUOTE_REACH)
    while k < stop and text[k] != "\n":
        opener = text[k]
        if opener not in _QUOTES:
            k += 1
            continue
        closer, depth, end = _QUOTES[opener], 0, None
        for j in range(k, min(len(text), k + QUOTE_MAX)):
            if text[j] == opener:
                depth += 1
            elif text[j] == closer:
                depth -= 1
                if depth == 0:
                    end = j + 1
                    break
        if end is None:
            return None
        if end > sentence_end:
            return end
        k = end
    return None


_TOKENS: tuple = (None, {})     # (the last document's text, {(start, end, lang): its tokens})


def _tokens(text: str, a: int, b: int, lang: str) -> list[Tok]:
    """The words of text[a:b]. The attribution pass and the trigger pass walk the same sentences: each
    sentence's tokens are made once per document (callers only read them)."""
    global _TOKENS
    doc, memo = _TOKENS
    if doc is not text:
        memo = {}
        _TOKENS = (text, memo)
    toks = memo.get((a, b, lang))
    if toks is None:
        norm = normalize_ar if lang == "ar" else str.lower
        toks = memo[(a, b, lang)] = [Tok(m.start(), m.end(), raw, norm(raw))
                                      for m in _WORD.finditer(text, a, b) for raw in (m.group(),)]
    return toks


def _by_letter(items, at: int) -> dict[str, tuple[str, ...]]:
    """{letter: the items whose first (at=0) or last (at=-1) letter it is, in their order}."""
    out: dict[str, list[str]] = {}
    for x in items:
        out.setdefault(x[at], []).append(x)
    return {k: tuple(v) for k, v in out.items()}


_PREFIXES_BY_FIRST = _by_letter(_PREFIXES, 0)     # a word is tried only against the clitics and endings
_SUFFIXES_BY_LAST = _by_letter(_SUFFIXES, -1)     # that share its first or last letter


def _candidates(w: str) -> list[str]:
    """The word and its readings less a proclitic and/or an ending (with يـ for a تـ/نـ prefix), in the
    order they are tried (repeats kept: `_cands` drops them)."""
    out = [w]
    pres = [""] + [p for p in _PREFIXES_BY_FIRST.get(w[:1], ()) if w.startswith(p) and len(w) - len(p) >= 2
                   and (not p.endswith("س") or w[len(p)] in "يتنا")]
    sufs = _SUFFIXES_BY_LAST.get(w[-1:], ())      # a core keeps the word's last letter
    for p in pres:
        core = w[len(p):]
        out.append(core)
        if core[:1] in "تن" and len(core) > 3:
            out.append("ي" + core[1:])
        for s in sufs:
            if core.endswith(s) and len(core) - len(s) >= 2:
                out.append(core[: -len(s)])
                if core[:1] in "تن" and len(core) - len(s) > 3:
                    out.append("ي" + core[1:-len(s)])
    return out


@lru_cache(maxsize=200000)
def _cands(w: str) -> tuple[tuple, frozenset]:
    t = tuple(dict.fromkeys(_candidates(w)))
    return t, frozenset(t)


_LOOKUPS: tuple = (None, {})    # (the Arabic trigger table, {word: its lookup}): each word looked up once


def _lookup_ar(w: str, lex: dict) -> tuple[str, str] | None:
    """(type, the lexicon form) of a word, also behind clitics and endings; None: not a trigger word."""
    global _LOOKUPS
    table, memo = _LOOKUPS
    if table is not lex["ar"] or len(memo) > 200000:
        memo = {}
        _LOOKUPS = (lex["ar"], memo)
    got = memo.get(w, memo)
    if got is memo:
        got = memo[w] = _lookup_ar_afresh(w, lex)
    return got


def _lookup_ar_afresh(w: str, lex: dict) -> tuple[str, str] | None:
    for c in _cands(w)[0]:
        t = lex["ar"].get(c)
        if t:
            return t, c
    return None


def _first_word_index(multi: list) -> dict[str, list[int]]:
    """Positions (in lexicon order) of the multi-word triggers by their first word."""
    idx: dict[str, list[int]] = {}
    for pos, (seq, _t) in enumerate(multi):
        idx.setdefault(seq[0], []).append(pos)
    return idx


_MULTI: tuple = (None, {})      # (the Arabic first-word index, {word: its positions}): per word, once


def _multi_at(lex, lang, w):
    """Positions of the multi-word triggers whose first word can be ``w``, in lexicon order:
    a token is not tried against every phrase."""
    global _MULTI
    idx = lex["multi_first"][lang]
    if lang != "ar":
        return idx.get(w, ())
    if _MULTI[0] is not idx or len(_MULTI[1]) > 200000:
        _MULTI = (idx, {})
    hits = _MULTI[1].get(w)
    if hits is None:
        found = {p for k in _cands(w)[0] for p in idx.get(k, ())}
        found.update(idx.get(w, ()))
        hits = _MULTI[1][w] = tuple(sorted(found))
    return hits


def _seq_at(toks, i, seq, lang):
    if i + len(seq) > len(toks):
        return False
    for k, w in enumerate(seq):
        t = toks[i + k].n
        if lang == "ar":
            if t != w and w not in _cands(t)[1]:
                return False
        elif t != w:
            return False
    return True


_STARTS: dict = {}     # id(a list of word sequences) -> (the list, its length, {first word: positions}, always, memo)


def _first_at(seqs, toks, i, lang, key=None):
    """The first item of ``seqs`` (in list order) whose word sequence (the item, or ``item[key]``) matches
    at token i, else None: ``next((s for s in seqs if _seq_at(toks, i, s, lang)), None)``, but only the
    sequences whose first word the token can be (``_seq_at``'s test) are tried, found once per list and
    token form."""
    if i >= len(toks):
        return next((s for s in seqs if _seq_at(toks, i, s if key is None else s[key], lang)), None)
    ent = _STARTS.get(id(seqs))
    if ent is None or ent[0] is not seqs or ent[1] != len(seqs) or len(ent[4]) > 200000:
        first: dict[str, list[int]] = {}
        always = []         # an empty sequence matches anywhere
        for p, s in enumerate(seqs):
            sq = s if key is None else s[key]
            (first.setdefault(sq[0], []) if sq else always).append(p)
        ent = _STARTS[id(seqs)] = (seqs, len(seqs), first, always, {})
    _, _, first, always, memo = ent
    w = toks[i].n
    pos = memo.get(w)
    if pos is None:
        found = set(always)
        for c in (_cands(w)[1] if lang == "ar" else (w,)):
            found.update(first.get(c, ()))
        pos = memo[w] = tuple(sorted(found))
    for p in pos:
        s = seqs[p]
        if _seq_at(toks, i, s if key is None else s[key], lang):
            return s
    return None


def _sentences(text, a, b, times=()):
    """Sentence spans; never one ending inside a time expression ("1:55 a.m. Sunday, December 8")."""
    out, s = [], a
    inside = [(t.start, t.end) for t in times if t.end > a and t.start < b]
    for m in _SENT_END.finditer(text, a, b):
        if inside and m.group() == "." and any(ts < m.end() < te for ts, te in inside):
            continue
        if m.end() > s and text[s:m.end()].strip():
            out.append((s, m.end()))
        s = m.end()
    if text[s:b].strip():
        out.append((s, b))
    return out


def _strip_span(text, s, e):
    while s < e and text[s] in " \t\u00a0،,:“”\"«»()'’-–": s += 1
    while e > s and text[e - 1] in " \t\u00a0،,:“”\"«»()'’-–.": e -= 1
    return s, e


# ---------------------------------------------------------------- attribution

def _quoted_after(text, pos, limit):
    m = re.compile(r"[“\"«]([^”\"»\n]{2,60})[”\"»]").search(text, pos, min(limit, pos + 80))
    return m


_OPENS: tuple = (None, {})      # (the first words of the cues, {word: whether it may be one}): per word, once


def _may_open_cue(tn: str, firsts, lang: str) -> bool:
    """Whether a word may be the first of an attribution cue (Arabic: also behind a clitic or ending)."""
    global _OPENS
    if tn in firsts:
        return True
    if lang != "ar":
        return False
    if _OPENS[0] is not firsts or len(_OPENS[1]) > 200000:
        _OPENS = (firsts, {})
    got = _OPENS[1].get(tn)
    if got is None:
        got = _OPENS[1][tn] = not firsts.isdisjoint(_cands(tn)[1])
    return got


ADDRESSEE_NOT_TELLER = False  # "قال مصدر لوكالة «سبوتنيك»": the one spoken to is no teller of the record (src33)
_ADDR_REACH = 3               # words after an outlet head where the addressee's name may stand


def _addressee(segn: str, lex: dict) -> tuple[int, int] | None:
    """The span (in `segn`, the normalised words after a speech verb) of the one spoken to: an
    addressee_preps word glued to a quoted name (لـ«عكاظ»، ل"الوطن") or to an outlet head with the name
    after it (لوكالة «سبوتنيك»، لصحيفة بوراس تيدنغ، لوكالة فرانس برس); else None."""
    heads = lex["outlet_heads"]["ar"]
    for m in re.finditer(r"(?<!\S)(\S+)", segn):
        w = m.group(1)
        p = next((x for x in lex["addressee_preps"] if w.startswith(x)), None)
        if p is None:
            continue
        rest = w[len(p):]
        if rest[:1] in "«\"“" or (not rest and segn[m.end():m.end() + 2].strip()[:1] in "«\"“"):
            q = re.compile(r"[“\"«]([^”\"»\n]{1,60})[”\"»]").search(segn, m.start())
            return (m.start(), q.end()) if q else None
        if rest in heads:
            # its name: quoted, or a few words, or both ("لوكالة الأنباء اليمنية «سبأ»")
            tail = re.compile(r"(?:\s+[^\s،,.:؛\"«“]+){0,%d}(?:\s*[“\"«][^”\"»\n]{1,60}[”\"»])?" % _ADDR_REACH)
            t = tail.match(segn, m.end())
            return m.start(), t.end() if t else m.end()
    return None


def _teller_to(text: str, unnamed: tuple, end: int, lex: dict) -> tuple:
    """An unnamed teller before the addressee runs on to it ("مصدر قضائي لـ«الوطن»"، "مصدر أمني يمني لـ«عكاظ»")
    when at most ADDR_TELLER_WORDS words stand between, none breaking a title (في، خلال ...), and takes its
    article ("المصدر لـ«عكاظ»"); else as read."""
    s, e = unnamed[0], unnamed[1]
    if text[max(s - 2, 0):s] == "ال":
        s -= 2
    gap = text[e:end]
    words = _norm(gap).split()
    if words and len(words) <= ADDR_TELLER_WORDS and lex["speaker_title_breaks"]["ar"].isdisjoint(words) \
            and not re.search(r"[،,.:;؛«»\"“”()]", gap):
        e += len(gap.rstrip())
    return s, e, text[s:e]


ADDR_TELLER_WORDS = 2     # words between an unnamed teller's head and the addressee that are its own


def _find_attributions(text, paragraphs, mentions, outlet, lex, parsed=None):
    """Return (doc_outlet, [attribution records]) with scopes in clean offsets.

    English paragraphs with a dependency parse (``parsed``) take their records from
    ``english.attributions``; the surface cue matcher below covers Arabic and unparsed English.
    """
    parsed = parsed or {}
    recs = []
    named_seen: list[str] = []
    doc_outlet = outlet
    if doc_outlet is None:
        tail = text[-300:]
        ms = list(lex["trailing"].finditer(tail))
        if ms:
            doc_outlet = ms[-1].group(1).strip()
    ment_sorted = sorted(mentions, key=lambda m: m.start)
    for p in paragraphs:
        if p.furniture:
            continue
        lang = "en" if p.lang == "en" else "ar"
        if p.start in parsed:
            recs += english.attributions(parsed[p.start], text, _sentences(text, p.start, p.end), lex, doc_outlet)
            continue
        firsts = lex["att_first"][lang]
        for (ss, se) in _sentences(text, p.start, p.end):
            toks = _tokens(text, ss, se, lang)
            # _may_open_cue's answers for these first words, read without a call (speedev23); a word not
            # answered yet is asked
            opens = _OPENS[1] if _OPENS[0] is firsts and lang == "ar" else {}
            i = 0
            while i < len(toks):
                tn = toks[i].n
                if not (tn in firsts or opens.get(tn) or (tn not in opens and _may_open_cue(tn, firsts, lang))):
                    i += 1
                    continue
                cue = _first_at(lex["att_cues"][lang], toks, i, lang)
                if not cue:
                    i += 1
                    continue
                ci, cj = i, i + len(cue)
                cue_s, cue_e = toks[ci].s, toks[cj - 1].e
                chain, scope_doc = [], False
                window_end = min(se, cue_e + 120)
                window_n = _norm(text[cue_s:window_end]) if lang == "ar" else text[cue_s:window_end].lower()
                # scope: whole-article report?
                near = window_n[:60]
                if any((m in near) if lang == "ar" else re.search(r"\b%s\b" % re.escape(m), near)
                       for m in lex["scope_doc"][lang]) or text[ss:se].rstrip().endswith(":"):
                    scope_doc = True
                # outlet in quotes -- not the quoted words themselves ("أعلن فيه أن “فلان يمارس عمله”")
                q = _quoted_after(text, cue_e, window_end)
                def reported(pos):     # past a complementizer: what was said, not who said it
                    gap = text[cue_e:pos]
                    gap_w = (_norm(gap) if lang == "ar" else gap.lower()).split()
                    return any(w.strip("،,") in lex["report_comp"][lang] for w in gap_w)
                if q is not None and (reported(q.start()) or len(q.group(1).split()) > 4):
                    q = None
                unnamed = None
                seg = text[cue_e:window_end]
                # the normalised text drops diacritics: map the match back to the original
                segn, back = normalize_ar_map(seg) if lang == "ar" else (seg.lower(), list(range(len(seg) + 1)))
                for rx in lex["unnamed"][lang]:
                    m = rx.search(segn)
                    if m and m.start() <= 25:
                        a, b = back[m.start()], back[m.end()]
                        while b < len(seg) and unicodedata.category(seg[b]) == "Mn":
                            b += 1          # a last letter's diacritic belongs to it
                        unnamed = (cue_e + a, cue_e + b, seg[a:b])
                        break
                addr = None
                if (ADDRESSEE_NOT_TELLER and lang == "ar"          # a speech verb, not "وفقا لـ"، "بحسب تقرير لـ"
                        and lex["source_preps"]["ar"].isdisjoint(cue) and len(cue) == 1):
                    a = _addressee(segn, lex)
                    if a is not None and not reported(cue_e + back[a[0]]):
                        addr = (cue_e + back[a[0]], cue_e + back[a[1]])
                short = None
                if lang == "ar" and cj < len(toks) and named_seen:
                    w = toks[cj].n
                    w = w[1:] if w.startswith("ل") and len(w) > 3 else w
                    full = next((f for f in named_seen if _norm(f) != w and _norm(f).split()[-1] == w), None)
                    if full and not any(m.start <= toks[cj].s < m.end for m in ment_sorted):
                        short = (full, toks[cj])
                if short is not None:
                    chain.append({"name": short[0], "kind": "named_source", "start": short[1].s, "end": short[1].e})
                    recs.append({"start": cue_s, "end": cue_e, "chain": chain, "hedge": None,
                                 "scope": [ss, se], "_doc": False})
                    i = cj + 1
                    continue
                ent = next((m for m in ment_sorted if cue_e <= m.start < cue_e + 40 and m.end <= se
                            and m.type in ("person", "organization") and not reported(m.start)), None)
                if ent is None:  # VSO: "قال صقر" — or SVO "صقر قال": entity just before the cue
                    ent = next((m for m in reversed(ment_sorted) if ss <= m.start and m.end <= cue_s
                                and cue_s - m.end < 4 and m.type in ("person", "organization")), None)
                if addr is not None:
                    # the one spoken to tells nothing: neither its quoted name nor a name in it is the teller
                    q = q if q is None or not addr[0] <= q.start() < addr[1] else None
                    if ent is not None and addr[0] <= ent.start < addr[1]:
                        ent = next((m for m in ment_sorted if cue_e <= m.start < cue_e + 40 and m.end <= se
                                    and m.type in ("person", "organization") and not reported(m.start)
                                    and not addr[0] <= m.start < addr[1]), None)
                if q is not None and (ent is None or q.start() <= ent.start):
                    name = q.group(1).strip()
                    kind = "wire" if _norm(name) in lex["wires"] else "source_outlet"
                    chain.append({"name": name, "kind": kind, "start": q.start(1), "end": q.end(1)})
                    qpos = q.end()
                    # "لفريق X" / X then person later
                    ent2 = next((m for m in ment_sorted if qpos <= m.start < qpos + 30 and m.type == "person"), None)
                    if ent2:
                        chain.append({"name": ent2.name or ent2.text, "kind": "named_source", "start": ent2.start, "end": ent2.end})
                elif unnamed is not None and (ent is None or unnamed[0] <= ent.start):
                    if addr is not None:
                        unnamed = _teller_to(text, unnamed, addr[0], lex)
                    chain.append({"name": unnamed[2].strip(), "kind": "unnamed_source", "start": unnamed[0], "end": unnamed[1]})
                elif ent is not None:
                    nm = ent.name or ent.text
                    if ent.type == "organization":
                        kind = "wire" if _norm(nm) in lex["wires"] else "source_outlet"
                    else:
                        kind = "named_source"
                        full = next((f for f in named_seen if _norm(nm) != _norm(f) and _norm(f).endswith(_norm(nm))), None)
                        if full:
                            nm = full
                        else:
                            named_seen.append(nm)
                    chain.append({"name": nm, "kind": kind, "start": ent.start, "end": ent.end})
                else:
                    # short name after a cue that no mention covers: "وفقاً لصقر"
                    nxt = toks[cj] if cj < len(toks) else None
                    tail = toks[ci].n[len(cue[0]):] if lang == "ar" and len(cue) == 1 and toks[ci].n != cue[0] else None
                    word = tail or (nxt.n if nxt else None)
                    if word and lang == "ar":
                        w = word[1:] if word.startswith("ل") and len(word) > 3 else word
                        full = next((f for f in named_seen if _norm(f).endswith(w)), None)
                        if full:
                            src = nxt if not tail else toks[ci]
                            chain.append({"name": full, "kind": "named_source", "start": src.s, "end": src.e})
                if chain:
                    scope = (ss, se)
                    # a report an outlet opens, or an interview given to one ("أكد لـ«الرياض» فلان:"), governs
                    # the article
                    if scope_doc and (chain[0]["kind"] in ("source_outlet", "wire") or addr is not None):
                        scope = (ss, len(text))
                    q = _quote_end(text, cue_e, se)
                    if q and q > scope[1]:
                        scope = (ss, q)   # the quotation it opens runs on over later sentences
                    recs.append({"start": cue_s, "end": cue_e, "chain": chain, "hedge": None,
                                 "scope": [scope[0], scope[1]], "_doc": scope_doc})
                i = cj
    recs.sort(key=lambda r: r["start"])
    # "according to the report": the report an earlier whole-article record named
    last_doc = None
    for r in recs:
        if r["chain"] and r["chain"][0].get("kind") == "_same_report":
            r["chain"] = [dict(l) for l in last_doc["chain"]] + r["chain"][1:] if last_doc else r["chain"][1:]
        if r["_doc"] and r["chain"]:
            last_doc = r
    recs = [r for r in recs if r["chain"]]
    # a doc-scope record ends where the next doc-scope record starts
    docs = [r for r in recs if r["_doc"] and r["scope"][1] == len(text)]
    for a, b in zip(docs, docs[1:]):
        a["scope"][1] = b["scope"][0]
    # sentence-level records inside a doc-scope record inherit its chain (nested isnad)
    for r in recs:
        if r in docs:
            continue
        outer = [d for d in docs if d["scope"][0] <= r["start"] < d["scope"][1] and d["start"] != r["start"]]
        if outer:
            o = outer[-1]
            if not any(l["name"] == o["chain"][0]["name"] for l in r["chain"]):
                r["chain"] = [dict(l) for l in o["chain"]] + r["chain"]
    for r in recs:
        r.pop("_doc", None)
        if doc_outlet:
            r["chain"] = [{"name": doc_outlet, "kind": "outlet", "start": None, "end": None}] + r["chain"]
    # English quotations over several sentences keep their speaker (a record's "quotes": more scopes)
    english.quote_scopes(text, [p for p in paragraphs if p.lang == "en" and not p.furniture], recs)
    return doc_outlet, recs


def _attribution_at(pos, recs, doc_outlet):
    best, size = None, 0
    for r in recs:
        for a, b in (r["scope"], *r.get("quotes", ())):
            if a <= pos < b and (best is None or b - a <= size):
                best, size = r, b - a
    if best:
        return Attribution(chain=[dict(l) for l in best["chain"]], hedge=best.get("hedge"))
    if doc_outlet:
        return Attribution(chain=[{"name": doc_outlet, "kind": "outlet", "start": None, "end": None}])
    return Attribution()


# ---------------------------------------------------------------- events

def _ent_arg(role, m):
    return Argument(role, m.text, m.start, m.end, m.kb_id or m.name or m.text, m.type)


def _decider_ar(text, toks, ti, ss, mentions, lex, ev):
    """Who ordered, decided, arranged or offered a move: the actor named before an order/decision word
    that precedes the trigger in its sentence ("الحكومة أصدرت أوامرها للرئيس بالفرار"), or after
    "من" right behind it ("بأمر من القيادة"). Persons, organisations (not outlets) and countries."""
    window = [x for x in toks[max(0, ti - 12):ti] if x.s >= ss]
    cue = next((x for x in reversed(window) if x.n in lex["decider_cues"]), None)
    if cue is None:
        return []
    dec = _decider_of(text, toks, cue, ti, ss, mentions, lex, ev)
    out = [dec] if dec is not None else []
    if not any(a.role == "agent" for a in ev.arguments):
        # "أصدر أوامره للرئيس فلان بالفرار": the one ordered (or offered) to go is the mover;
        # "كانت قرار الفرار" of a person who found it: his own decision, his own flight
        told = [m for m in mentions if m.type == "person" and cue.e <= m.start and m.end <= toks[ti].s
                and not (dec is not None and m.start == dec.start)]
        if told:
            out += [_ent_arg("agent", m) for m in told]
        elif dec is not None and dec.type == "person" and cue.n in lex["self_decision"]:
            out.append(_copy(dec, "agent"))
    return out


def _decider_of(text, toks, cue, ti, ss, mentions, lex, ev):
    movers = {(a.start, a.end) for a in ev.arguments if a.role in ("agent", "patient", "companion")}
    trig_s = toks[ti].s

    def actor(m):
        kb = m.kb_id or ""
        return ((m.type == "person" or (m.type == "organization" and not kb.startswith("outlet:"))
                 or kb.startswith("country:")) and ss <= m.start and m.end <= trig_s
                and (m.start, m.end) not in movers)
    titles = lex["titles"]

    def in_title(m):      # "علي الخطيب، قائد اللواء الثالث": the unit names his post, it orders nothing
        before = _norm(text[max(ss, m.start - 30):m.start]).split()
        return bool(before) and (before[-1] in titles or before[-1].removeprefix("ال") in titles)
    ci = toks.index(cue)
    if ci > 0 and toks[ci - 1].n in ("التي", "الذي", "الذين", "اللذين", "اللتين"):
        # "السفارة الروسية التي نظّمت نقلهم": the relative clause's antecedent arranged it
        ante = [m for m in mentions if (m.type in ("person", "organization") or (m.kb_id or "").startswith("country:"))
                and 0 <= toks[ci - 1].s - m.end <= 2]
        if ante:
            return _ent_arg("decider", ante[-1])
    cands = [m for m in mentions if actor(m) and not in_title(m)]
    after = [m for m in cands if m.start >= cue.e and _norm(text[cue.e:m.start]).strip() == "من"]
    before = [m for m in cands if m.end <= cue.s]
    pick = after[0] if after else (before[-1] if before else None)
    return _ent_arg("decider", pick) if pick is not None else None


def _copy(a, role=None):
    return Argument(role or a.role, a.text, a.start, a.end, a.entity, a.type)


_GAP_PUNCT = re.compile(r"[،,.:;؛!?؟…()\[\]\"“”«»\n•]")
_HEADLINE_END = ".!?؟:…\"”»"


def _stopword(w, lex, lang):
    """A word that ends a raw phrase: in phrase_stops, or so after a و/ف conjunction or a pronoun suffix."""
    stops = lex["phrase_stops"][lang]
    if w in stops:
        return True
    if lang != "ar":
        return False
    if w[:1] in "وف" and w[1:] in stops:
        return True
    for suf in object_pronouns(feminine_plural=False):
        if w.endswith(suf) and len(w) > len(suf) + 1:
            base = w[:-len(suf)]
            if base in stops or (base.endswith("ت") and base[:-1] + "ه" in stops):
                return True
    return False


def _verbish(tok, lex, lang, ment_starts):
    """A finite verb: an event trigger that is not nominal, or an Arabic imperfect (ي-) form."""
    if tok.s in ment_starts:
        return False
    if lang == "ar":
        w = tok.n
        core = w[1:] if w[:1] in "وفل" and len(w) > 4 else w
        if core[:1] == "ي" and len(core) >= 4:
            return True
        r = _lookup_ar(w, lex)
        if not r:
            return False
        if core.startswith(("ب", "ال", "لل", "ك")) and not r[1].startswith(core[:1]):
            return False  # a preposition/article glued on: "بوجهته", "الهروب" are nouns
        return not _nominal_ar(w, r[1], lex)
    return tok.n in lex["en"] and tok.n not in ("escape", "flight", "visit", "departure", "arrival")


def _nominal_ar(w, stem, lex):
    if stem in lex["nominal"] or stem.startswith("ال"):
        return True
    if w in lex["nominal"] or (w[:1] in "وفبل" and w[1:] in lex["nominal"]):
        return True
    for p in ("ال", "وال", "بال", "لل", "فال", "كال", "ول", "ل"):
        if w.startswith(p) and w[len(p):].startswith(stem[:2]) and (p.endswith("ال") or p.endswith("ل")):
            if p.endswith("ال") or stem in lex["nominal"]:
                return True
    return False


def _clitic_pp(tok, lex, ment_starts):
    """"بسيارات", "بالطائرة", "لعدد": a preposition glued to a noun (not a name, not "بعض")."""
    w = tok.n
    if tok.s in ment_starts or w[:1] not in "بلك" or len(w) < 4 or w in lex["place_nouns"]["ar"]:
        return False
    rest = w[1:]
    return rest.startswith("ال") or rest in lex["means"]["ar"] or w.startswith("لل")


def _in_time(pos, times):
    return any(t.start <= pos < t.end for t in times)


def _np(text, toks, j, lim, lang, lex, times=(), ment_starts=frozenset(), maxw=3):
    """A short clean noun phrase from token j: never crosses punctuation, a stop word, a verb or lim."""
    if j >= len(toks) or toks[j].s >= lim:
        return None
    t0 = toks[j]
    if _stopword(t0.n, lex, lang) or t0.n in lex["not_arguments"][lang] or _in_time(t0.s, times):
        return None
    if _verbish(t0, lex, lang, ment_starts) or t0.n[:1].isdigit():
        return None
    if lang == "en" and not (t0.raw[:1].isupper() or t0.n in lex["phrase_openers"]["en"]):
        return None
    if lang == "ar" and _clitic_pp(t0, lex, ment_starts):
        return None
    k = j + 1
    while k < len(toks) and k - j < maxw and toks[k].s < lim:
        tk = toks[k]
        if _GAP_PUNCT.search(text, toks[k - 1].e, tk.s):
            break
        if _stopword(tk.n, lex, lang) or tk.n in lex["not_arguments"][lang] or _in_time(tk.s, times):
            break
        if _verbish(tk, lex, lang, ment_starts) or (lang == "ar" and _clitic_pp(tk, lex, ment_starts)):
            break
        if lang == "ar" and tk.s not in ment_starts and (
                (tk.n[:1] == "و" and len(tk.n) > 3) or tk.n.startswith(("بال", "لل", "كال", "فال"))):
            break  # a conjunct or a prepositional phrase begins
        k += 1
    if lang == "en":
        while k - 1 > j and toks[k - 1].n in lex["phrase_trailing"]["en"]:
            k -= 1
        if t0.n in lex["phrase_trailing"]["en"] and k - 1 == j:
            return None
    return toks[j].s, toks[k - 1].e, k


def _is_headline(text, p):
    seg = text[p.start:p.end].strip()
    if not seg or seg[-1] in _HEADLINE_END or seg[:1] in "•-–*":
        return False
    return len(_WORD.findall(seg)) <= 14


@lru_cache(maxsize=4096)
def _kb_person(name: str):
    """Resolve a reconstructed name ("حسن" + "الخطيب") through the knowledge base, if it is there."""
    try:
        from riwaya.kb import load_kb
        ms = load_kb().match(name, "ar")
    except Exception:  # no KB: nothing to resolve against
        return None
    m = next((m for m in ms if m.type == "person" and m.start == 0 and m.end == len(name)), None)
    return (m.kb_id or m.name or m.text) if m else None


def _conjuncts(text, m, mentions, lo, hi, lang):
    """Persons coordinated with mention m: "X و Y", "X and Y", and "حسن وعلي الخطيب" (shared family name)."""
    out = []
    nxt = next((x for x in mentions if x.start >= m.end and x.type == "person"), None)
    if nxt is not None and nxt.end <= hi and re.fullmatch(r"\s*(?:،\s*)?(?:و|and|,)\s*", text[m.end:nxt.start]):
        out.append(_ent_arg("agent", nxt))
    if lang == "ar":
        mm = re.search(r"([\u0621-\u064A]{3,})\s+و\s*$", text[max(lo, m.start - 30):m.start])
        if mm and len(m.text.split()) >= 2:
            ws = m.start - (len(text[max(lo, m.start - 30):m.start]) - mm.start(1))
            we = ws + len(mm.group(1))
            if not any(x.start <= ws < x.end for x in mentions):
                kid = _kb_person(mm.group(1) + " " + m.text.split()[-1])
                if kid:
                    out.append(Argument("agent", text[ws:we], ws, we, kid, "person"))
                    return out
        prv = next((x for x in reversed(mentions) if x.end <= m.start and x.type == "person"), None)
        if prv is not None and prv.start >= lo and re.fullmatch(r"\s*(?:،\s*)?و\s*", text[prv.end:m.start]):
            out.append(_ent_arg("agent", prv))
    return out


@dataclass
class Sentence:
    """One sentence as the extractor walks it: its span, tokens, time expressions, number in the
    document, whether it is a headline, and its language."""
    start: int
    end: int
    toks: list
    times: list
    idx: int
    headline: bool
    lang: str
    proposed: dict = field(default_factory=dict)   # token index -> (type, stem): the learned proposer's finds


@dataclass
class Hit:
    """A trigger found in a sentence: its type, token range [ti, tj), passive form, lexicon stem, character
    span, the clause around it, and whether it is a verbal noun."""
    typ: str
    ti: int
    tj: int
    passive: bool
    stem: str
    start: int
    end: int
    clause_start: int
    clause_end: int
    nominal: bool
    suffixed: bool = False      # a verbal noun with a pronoun suffix (هروبه): its agent is the subject


@dataclass
class DocCtx:
    """The document as the stages see it: text, entity mentions (sorted), all time expressions, where
    mentions start, the word tables, and the lookups by position the extractor builds once."""
    text: str
    mentions: list
    all_times: list
    ment_starts: frozenset
    lex: dict
    mention_in: Callable
    starting_in: Callable
    cued: Callable


@dataclass
class Discourse:
    """What carries from clause to clause: the sentence's overt subject (its later coordinated verbs share
    it), and the last named subject and mover with the number of their sentence (a dropped subject is
    carried only to the next sentence)."""
    subj_mem: tuple = ([], -9)
    mover_mem: tuple = ([], -9)
    sent_subject: list = field(default_factory=list)
    sent_set: bool = False


def _propose(c: "DocCtx", sent: Sentence, i: int, cue_spans, recs, P, d: Discourse) -> tuple[tuple | None, int]:
    """The trigger at token i, if any: a lexicon entry (multi-word first) or a leg continuation ("ثم إلى"
    after a movement), unless it only reports speech, names a source, or the parse says it is no event
    here. Returns ((typ, ti, tj, passive, stem, hit, cont), _) or (None, the next token to look at)."""
    toks, plang, lex, sidx = sent.toks, sent.lang, c.lex, sent.idx
    t = toks[i]
    hit = None
    multi = lex[plang + "_multi"]
    for pos in _multi_at(lex, plang, t.n):
        seq, typ = multi[pos]
        if _seq_at(toks, i, seq, plang):
            hit = (typ, i, i + len(seq), False, " ".join(seq))
            break
    if hit is None and t.n not in lex["not_trig"]:
        if plang == "ar":
            r = _lookup_ar(t.n, lex)
            if r:
                hit = (r[0], i, i + 1, r[1] in lex["passive"] and _is_passive(t.raw, r[1]), r[1])
            elif i in sent.proposed:        # a word outside the lexicon the learned proposer finds an event
                typ, stem = sent.proposed[i]
                hit = (typ, i, i + 1, _is_passive(t.raw, stem), stem)
        else:
            typ = lex["en"].get(t.n) or (english.lemma_type(P, t.s, t.n, lex) if P is not None else None)
            if typ and i in sent.proposed:  # the English detector, or a context rule (propose_en): None is
                typ = sent.proposed[i] and sent.proposed[i][0]     # no event here
            if typ:
                hit = (typ, i, i + 1, i > 0 and toks[i - 1].n in ("was", "were", "been", "be"), t.n)
            elif sent.proposed.get(i):      # a word outside the lexicon the English proposer finds an event
                typ, stem = sent.proposed[i]
                hit = (typ, i, i + 1, i > 0 and toks[i - 1].n in ("was", "were", "been", "be"), stem)
    if hit and plang == "ar" and hit[2] - hit[1] == 1 and hit[0] in lex["casualty_fall"]["from"]:
        hit = _casualty_fall(toks, i, hit, lex)
        if hit is None:
            return None, i + 1
    elif hit and plang == "ar" and hit[2] - hit[1] == 1 and _fired_by_fall(toks, i, lex):
        return None, i + 1      # "سقوط مقذوف": the projectile is the fall's attack's means, no attack of its own
    if hit and plang == "ar" and hit[2] - hit[1] == 1 and hit[0] in lex["mishap"]["from"] and _mishap(toks, hit[2], lex):
        hit = (lex["mishap"]["type"],) + tuple(hit[1:])     # "انقلاب مركبة"، "سقوط حافلة": a mishap, no coup or fall
    cont = None
    if hit is None:
        if d.mover_mem[0] and sidx - d.mover_mem[1] <= 1:
            cont = _first_at(lex["cont"][plang], toks, i, plang)
    if hit is None and cont is None:
        return None, i + 1
    if hit and i > 0 and toks[i - 1].n in lex["block_prev"]:
        return None, hit[2]
    if hit and plang == "ar" and hit[1] > 0 and toks[hit[1] - 1].n in lex["after_no_event"].get(hit[0], ()):
        return None, hit[2]      # a standing state ("الخاضعة لسيطرة"), a courtesy's wish ("الشفاء العاجل للمصابين")
    if hit and plang == "ar" and _naming(toks, hit, lex["naming"]):
        return None, hit[2]
    announces = hit is not None and plang == "ar" and _announces(toks, hit, lex)
    if hit and hit[2] - hit[1] == 1 and not announces and _is_reporting(toks, i, lex, plang):
        return None, i + 1
    if any(a <= t.s < b for a, b in cue_spans) and hit and lex["cls"][hit[0]] == "communication" and not announces \
            and not (P is not None and P.token_at(t.s) is not None and english.interview_type(P, P.token_at(t.s))):
        return None, i + 1      # a speech cue; not an interview's ("tells Wikinews about X": the telling is the event)
    if hit and any(l.get("start") is not None and toks[hit[2] - 1].e <= l["start"] <= toks[hit[2] - 1].e + 4
                   for r in recs for l in r["chain"]) and lex["att_first"][plang].isdisjoint(
                       {toks[hit[1]].n}) is False or (hit and plang == "ar" and any(
                       l.get("start") is not None and toks[hit[2] - 1].e <= l["start"] <= toks[hit[2] - 1].e + 4
                       for r in recs for l in r["chain"]) and not lex["att_single"]["ar"].isdisjoint(
                       _cands(toks[hit[1]].n)[1])):
        return None, hit[2]  # "مصادر نقلتها نيويورك تايمز": a reporting verb naming its source
    if hit and P is not None and english.not_an_event(P, toks[hit[1]].s, hit[0], sent.headline):
        return None, hit[2]
    if hit:
        typ, ti, tj, passive, stem = hit
    else:
        typ, ti, tj, passive, stem = "transfer", i, i + len(cont), False, ""
        if any(cont[-1] == sq[-1] for sq, _ in lex["preps"][plang]):
            tj -= 1
    return (typ, ti, tj, passive, stem, hit, cont), tj


def _mishap(toks, k: int, lex: dict) -> bool:
    """Is the word at token k (right after a coup or fall word) what overturns, falls or collapses in a mishap
    (cues.yaml mishap nouns: a vehicle, a building; clitics and endings off)?"""
    return bool(lex["mishap"]["type"]) and k < len(toks) and not _cands(toks[k].n)[1].isdisjoint(lex["mishap"]["nouns"])


def _casualty(tok, lex) -> tuple[str, str] | None:
    """(type, stem) when the token is a casualty noun of cues.yaml casualty_fall (قتلى، جرحى، ضحايا...)."""
    nouns = lex["casualty_fall"]["nouns"]
    for c in _cands(tok.n)[0]:
        if c in nouns:
            return nouns[c], c
    return None


def _casualty_skip(tok, lex) -> bool:
    return tok.n in lex["casualty_fall"]["skip"] or tok.n.isdigit() or any(ch.isdigit() for ch in tok.n) or \
        tok.n in lex["count_words"]["ar"] or _cands(tok.n)[1] & lex["count_words"]["ar"] != frozenset()


def _casualty_fall(toks, i: int, hit: tuple, lex: dict) -> tuple | None:
    """A fall trigger at token i whose subject or genitive is a casualty noun (cues.yaml casualty_fall):
    "سقوط 16 قتيلا"، "سقطوا قتلى" -> one trigger from the fall to the noun, typed as the noun's list says (a
    killing, an injury): the events corpus anchors it on the noun, the clusters corpus on سقوط, and the count
    between is its amount; "القتلى سقطوا" -> None (the noun before is its own trigger); otherwise the hit."""
    k = i + 1
    while k < len(toks) and k - i <= 6 and _casualty_skip(toks[k], lex):
        k += 1
    if k < len(toks) and k - i <= 6:
        got = _casualty(toks[k], lex)
        if got:
            return (got[0], i, k + 1, False, got[1])
    fired = lex["casualty_fall"]["fired_type"]
    if fired and _fired_fall(toks, i, lex, before=False):
        return (fired,) + tuple(hit[1:])      # "سقوط مقذوف عسكري": an attack, anchored on the fall word
    k = i - 1
    while k >= 0 and i - k <= 3 and toks[k].n in lex["casualty_fall"]["skip"]:
        k -= 1
    if k >= 0 and i - k <= 3 and _casualty(toks[k], lex):
        return None
    if fired and _fired_fall(toks, i, lex, after=False):
        return (fired,) + tuple(hit[1:])      # "إن قذيفة سقطت على منزل"
    return hit


def _fired_by_fall(toks, i: int, lex: dict) -> bool:
    """Is token i a projectile whose fall a fall word tells (_fired_fall), before it or right after it?"""
    if not lex["casualty_fall"]["fired_type"] or not _fired_word(toks[i], lex):
        return False
    for j in list(range(i - 1, max(-1, i - 8), -1)) + list(range(i + 1, min(len(toks), i + 4))):
        if _fall_form(toks[j].n, lex):
            got = _fired_fall(toks, j, lex, before=j > i, after=j < i)
            if got and got[0] <= i < got[2]:
                return True
    return False


def _fired_word(tok, lex) -> bool:
    """Is the token what is fired (schema.yaml naming_fired: قذيفة، صواريخ، مقذوفات، هاون)? (_fired_form)"""
    return _fired_form(tok.n, lex)


def _fired_form(n: str, lex: dict) -> bool:
    """Is the normalised word what is fired, as written or by a stem of the extractor's (بقذيفة، المقذوفات)?"""
    fired = lex["casualty_fall"]["fired"]
    return n in fired or any(c in fired for c in _cands(n)[0])


def _fall_form(n: str, lex: dict) -> bool:
    """Is the normalised word a fall word of cues.yaml casualty_fall `from` (سقوط، سقط، سقطت)?"""
    return (_lookup_ar(n, lex) or (None,))[0] in lex["casualty_fall"]["from"]


# words after the fall that open no projectile phrase of their own (the phrase starts at the projectile)
_FIRED_NOT_OPENING = frozenset({"علي", "من", "عن", "له", "لها", "لهم", "منهم", "منها", "فيها", "فيه", "بين", "ما"})


def _fired_fall(toks, i: int, lex: dict, before: bool = True, after: bool = True) -> tuple[int, int, int] | None:
    """The projectile a fall word at token i tells of (cues.yaml casualty_fall fired_type): the first projectile
    word after it, past the casualty `skip` words and counts ("سقوط أكثر من 10 قذائف هاون"), or one right
    before it, a relative pronoun between ("إن قذيفة سقطت"، "قذائف هاون سقطت"، "الصواريخ التي سقطت"), ->
    (first token of its phrase, the projectile's token, token after its last projectile word); else None."""
    if not lex["casualty_fall"]["fired_type"]:
        return None
    if after:
        k = i + 1
        while k < len(toks) and k - i <= 6 and _casualty_skip(toks[k], lex):
            k += 1
        if k < len(toks) and k - i <= 6 and _fired_word(toks[k], lex):
            e = k + 1
            while e < len(toks) and e - k < 2 and _fired_word(toks[e], lex):
                e += 1          # "قذائف هاون"
            s = i + 1 if k > i + 1 and toks[i + 1].n not in _FIRED_NOT_OPENING else k   # its count with it
            return s, k, e
    if before:
        rel = lex["relative_pronouns"]["ar"]
        k = i - 1
        while k >= 0 and i - k <= 2 and toks[k].n in rel:
            k -= 1
        if k >= 0 and i - k <= 2 and _fired_word(toks[k], lex):
            s = k
            while s - 1 >= 0 and k - s < 1 and _fired_word(toks[s - 1], lex):
                s -= 1          # "قذائف هاون سقطت"
            return s, s, k + 1
    return None


def _fired_means(text, toks, ti: int, ce: int, args: list, lex: dict) -> list:
    """A projectile's fall made an attack (_fired_fall): the projectile phrase, its count and one adjective
    after it ("أكثر من 10 قذائف هاون"، "مقذوف عسكري"، "المقذوفات العسكرية"), is the attack's means, as the
    annotators mark it; a rule argument over it (the projectile read as the subject) goes, as do any other
    means and an agent before the fall word (who reported or answered it: "باشرت فرق الدفاع المدني بلاغا عن
    سقوط مقذوف"; who fired it is told after it, "قذيفة أطلقها مقاتلو المعارضة")."""
    got = _fired_fall(toks, ti, lex)
    if got is None:
        return args
    s, _k, e = got
    if ti < e < len(toks) and toks[e].s < ce and not _GAP_PUNCT.search(text, toks[e - 1].e, toks[e].s):
        w = toks[e].n                       # one relative adjective: عسكري، عسكريه، صاروخيه، العشوائيه
        if len(w) >= 4 and w.endswith(("ي", "يه")) and not _stopword(w, lex, "ar") and not _fired_word(toks[e], lex):
            e += 1
    s_, e_ = toks[s].s, toks[e - 1].e
    keep = [a for a in args if not (a.start < e_ and s_ < a.end) and a.role != "means"
            and not (a.role == "agent" and a.end <= toks[ti].s)]
    return keep + [Argument("means", text[s_:e_], s_, e_, None, None)]


def _casualty_amount(text, toks, ti: int, tj: int, args: list, lex: dict) -> list:
    """A casualty phrase made the trigger ("سقوط 16 قتيلا"، "سقوط عشرات الجرحى"): its count (digits, count
    words) between the fall and the noun is the killing's amount, as a noun trigger's count before it is."""
    ks = [k for k in range(ti + 1, tj - 1) if any(ch.isdigit() for ch in toks[k].n)
          or _cands(toks[k].n)[1] & lex["count_words"]["ar"]]
    if not ks:
        return args
    s_, e_ = toks[ks[0]].s, toks[ks[-1]].e
    return [a for a in args if a.role != "amount"] + [Argument("amount", text[s_:e_], s_, e_, None, "amount")]


def _object_place(toks, k: int, ce: int, mentions):
    """The direct object at token k, when it is still in the clause: (its token, the place mention that
    starts there or None, the token index past that place)."""
    if k >= len(toks) or toks[k].s >= ce:
        return None, None, k
    ob = toks[k]
    pm = next((mm for mm in mentions if mm.start == ob.s and mm.type == "place"), None)
    if pm is not None:
        k = next((j for j in range(k, len(toks)) if toks[j].s >= pm.end), len(toks))
    return ob, pm, k


def _arguments(c: "DocCtx", h: Hit, sent: Sentence, p: Paragraph, cont, d: Discourse) -> tuple[list[Argument], bool, int]:
    """The rules' arguments of one trigger: its agent (named, a bare phrase, the sentence's subject or one
    carried from the last sentence), direct objects, companions, prepositional roles, means and amounts.
    Returns the arguments, whether the agent was carried over, and where the last argument's clause ends."""
    text, mentions, lex, all_times, ment_starts = c.text, c.mentions, c.lex, c.all_times, c.ment_starts
    mention_in, starting_in, cued = c.mention_in, c.starting_in, c.cued
    toks, ss, se, plang, headline, sidx = sent.toks, sent.start, sent.end, sent.lang, sent.headline, sent.idx
    typ, ti, tj, passive, trig_s, trig_e = h.typ, h.ti, h.tj, h.passive, h.start, h.end
    cs, ce, nominal, suffixed = h.clause_start, h.clause_end, h.nominal, h.suffixed
    ppl = ("person", "organization")
    args: list[Argument] = []
    agent = None
    last_k = tj  # token index after the last consumed argument (for the adjacency chain)
    before = [mm for mm in mention_in(cs, trig_s, ppl) if not cued(mm)]
    before = [mm for mm in before if mm.type == "person"] or before
    # a mention right after the trigger (allowing one adverb/time word in between)
    nxt_ms = [mm for mm in starting_in(trig_e, ce) if mm.type in ppl and not cued(mm)]
    right_after = None
    if nxt_ms:
        k0 = next((k for k in range(tj, min(len(toks), tj + 3)) if toks[k].s >= nxt_ms[0].start), None)
        if k0 is not None and toks[k0].s == nxt_ms[0].start and (k0 == tj or (
                k0 == tj + 1 and not _stopword(toks[tj].n, lex, plang)
                and not _prep_before(toks, nxt_ms[0].start, plang, lex))) \
                and not _prep_before(toks, nxt_ms[0].start, plang, lex):
            right_after = nxt_ms[0]
    carried = False
    if cont is not None:
        args += [_copy(a) for a in d.mover_mem[0]]
        carried = True
    elif nominal:
        if right_after is not None and right_after.start - trig_e <= 2:
            agent = right_after
        elif plang == "en" and ti > 0 and toks[ti - 1].n.endswith(("'s", "’s")):
            agent = next((mm for mm in mentions if mm.type in ppl and mm.start < toks[ti - 1].e
                          and mm.end > toks[ti - 1].s), None)
            if agent is None:  # "Ahmad al-Shara's visit": the capitalised words before 's
                k0 = ti - 1
                while k0 - 1 >= 0 and toks[k0 - 1].raw[:1].isupper() and ti - k0 < 4 \
                        and not _GAP_PUNCT.search(text, toks[k0 - 1].e, toks[k0].s):
                    k0 -= 1
                if toks[k0].raw[:1].isupper():
                    e0 = toks[ti - 1].e - 2
                    args.append(Argument("agent", text[toks[k0].s:e0], toks[k0].s, e0, None, None))
        elif suffixed:
            subj = [mm for mm in mention_in(ss, trig_s, ppl) if not cued(mm)]
            subj = [mm for mm in subj if mm.type == "person"] or subj
            if subj:
                agent = subj[0]
            elif d.sent_subject:
                args += [_copy(a) for a in d.sent_subject]
            elif d.subj_mem[0] and sidx - d.subj_mem[1] <= 1 and not headline:
                args += [_copy(a) for a in d.subj_mem[0]]
                carried = True
        elif plang == "ar" and not toks[ti].n.startswith(("ال", "وال", "بال", "لل", "فال", "كال")):
            ph = _np(text, toks, tj, ce, plang, lex, all_times, ment_starts, maxw=2)
            if ph and (toks[tj].n in lex["place_nouns"]["ar"] or _lookup_ar(toks[tj].n, lex)):
                ph = None
            if ph and (ph[2] - tj == 2 and toks[tj + 1].n.startswith("ال")
                       or ph[2] - tj == 1 and not toks[tj].n.endswith(("يه", "ي", "ه", "ات"))):
                inner = next((mm for mm in mentions if ph[0] <= mm.start < ph[1]), None)
                if inner is None or (inner.type in ppl and inner.start == ph[0]):
                    args.append(Argument("agent", text[ph[0]:ph[1]], ph[0], ph[1],
                                         inner.kb_id if inner else None, inner.type if inner else None))
                    last_k = ph[2]
    else:
        if before:
            agent = before[-1]
        elif right_after is not None:
            agent = right_after
        else:
            pre = None if passive else _pre_subject(text, toks, ti, cs, plang, lex, all_times, ment_starts)
            ph = None if passive or plang == "en" else \
                _np(text, toks, tj, ce, plang, lex, all_times, ment_starts, maxw=3)
            if ph and toks[tj].n in lex["place_nouns"][plang]:
                ph = None
            prev = [mm for mm in mention_in(ss, cs, ppl) if not cued(mm)]
            prev = [mm for mm in prev if mm.type == "person"] or prev
            topic = prev[0] if prev and plang == "ar" and len(text[ss:prev[0].start].split()) <= 2 else None
            raw_topic = _raw_topic(text, toks, ti, ss, cs, plang, lex, all_times, ment_starts) \
                if topic is None and cs > ss else None
            if pre:
                args.append(Argument("agent", text[pre[0]:pre[1]], pre[0], pre[1], None, None))
            elif topic is not None:
                agent = topic
            conj_obj = typ in lex["patient_types"] and plang == "ar" and toks[ti].n[:1] in "وف" \
                and bool(d.sent_subject or prev)
            if ph and (not conj_obj) and (pre or topic is not None):
                ph = None  # the subject is already there: the phrase after the verb is its object
            if pre:
                pass
            elif topic is not None:
                pass
            elif ph and not conj_obj:
                inner = next((mm for mm in mentions if ph[0] <= mm.start < ph[1] and mm.type in ppl), None)
                args.append(Argument("agent", text[ph[0]:ph[1]], ph[0], ph[1],
                                     None, "vehicle" if toks[tj].n in lex["means"][plang] else None))
                last_k = ph[2]
            if ph and conj_obj:
                args.append(Argument("patient", text[ph[0]:ph[1]], ph[0], ph[1], None, None))
                last_k = ph[2]
            if agent is None and not any(a.role == "agent" for a in args):
                if d.sent_subject:
                    args += [_copy(a) for a in d.sent_subject]
                elif prev and lex["cls"].get(typ) != "control" and (plang == "en" or raw_topic is None):
                    agent = prev[0] if plang == "ar" else prev[-1]
                elif plang == "en" or headline:
                    pass  # English states its subjects; a headline has no narrative to inherit
                elif raw_topic is not None:
                    args.append(Argument("agent", text[raw_topic[0]:raw_topic[1]], raw_topic[0],
                                         raw_topic[1], None, None))
                elif lex["cls"].get(typ) == "movement" and d.mover_mem[0] and sidx - d.mover_mem[1] <= 1 \
                        and d.mover_mem[1] >= d.subj_mem[1]:
                    args += [_copy(a) for a in d.mover_mem[0]]
                    carried = True
                elif d.subj_mem[0] and sidx - d.subj_mem[1] <= 1:
                    args += [_copy(a) for a in d.subj_mem[0]]
                    carried = True
    if agent is not None:
        args.append(_ent_arg("agent", agent))
        args += _conjuncts(text, agent, mentions, ss, se, plang)
        if agent.start > trig_e:
            last_k = next((k for k in range(tj, len(toks)) if toks[k].s >= agent.end), len(toks))
    if typ in lex["dest_object_types"]:
        _, pm, last_k = _object_place(toks, last_k, ce, mentions)
        if pm is not None:
            args.append(_ent_arg("destination", pm))
    if typ in lex["origin_object_types"]:
        # "غادر فلان المكان", "مغادرة البلاد": the direct object is where the mover leaves from
        ob, pm, last_k = _object_place(toks, last_k, ce, mentions)
        if pm is not None:
            args.append(_ent_arg("origin", pm))
        elif ob is not None and ob.n in lex["place_nouns"][plang]:
            ph = _np(text, toks, last_k, ce, plang, lex, all_times, ment_starts, maxw=3)
            if ph:
                inner = next((mm for mm in mentions if ph[0] <= mm.start < ph[1] and mm.type == "place"), None)
                args.append(_ent_arg("origin", inner) if inner else
                            Argument("origin", text[ph[0]:ph[1]], ph[0], ph[1], None, None))
                last_k = ph[2]
    args += _companions(text, toks, trig_e, se, p, mentions, plang, lex, ce)
    pargs, last_ce = _prep_args(text, toks, tj, last_k, ce, se, mentions, all_times, ment_starts,
                                plang, lex, 2 if nominal else 4)
    args += pargs
    args += _means(text, toks, tj, last_ce, plang, lex, ment_starts)
    for am in lex["amount"][plang].finditer(text, cs, se):
        if re.search(r"\d", am.group()) and (plang == "ar" or re.search(r"[$a-z]", am.group(), re.I)):
            s_, e_ = _strip_span(text, am.start(), am.end())
            args.append(Argument("amount", text[s_:e_], s_, e_, None, "amount"))
    means_sp = [(a.start, a.end) for a in args if a.role == "means"]
    args = [a for a in args if a.role in ("means", "agent") or not any(ms_ <= a.start < me_ for ms_, me_ in means_sp)]
    seen, uniq = set(), []
    for a in args:
        k = (a.role, a.start, a.end)
        if k not in seen:
            seen.add(k)
            uniq.append(a)
    return uniq, carried, last_ce


def _duration(h: Hit, lex: dict, durations):
    """How long a stay lasted ("بقوا في القاعدة لبضع ساعات", "stayed there for three days"): the first
    duration expression after the trigger in its clause, for the types that last (cues.yaml
    duration_types)."""
    if h.typ not in lex["duration_types"]:
        return None
    return next((x for x in durations if h.end <= x.start < h.clause_end), None)


def _cut(text: str, a: Argument, pos: int) -> Argument:
    """An argument phrase that ran into the duration ("المستشفى ثلاثة أيام") ends before it."""
    if not a.start < pos < a.end:
        return a
    s_, e_ = _strip_span(text, a.start, pos)
    return Argument(a.role, text[s_:e_], s_, e_, a.entity, a.type)


# (entime31) a stretch like "in recent years" or "over the weekend" (timex RECENT_DATE, WEEKEND) is the event's time only
# when its clause names no other: "made trips to Russia in recent years and visited Kamchatka in September"
VAGUE_LAST = True


def _vague_date(t: TimeMention) -> bool:
    from riwaya.timex.tagger import _DATE_REFS
    return t.value.kind == "date" and t.value.value in _DATE_REFS


def _event_time(h: Hit, sent: Sentence, last_ce: int, anchor, lex: dict, text: str = "", elsewhere=None):
    """The event's time: from its clause, else its sentence, else the paragraph's narrative anchor. ``elsewhere``
    (English with a parse: english.time_elsewhere) says a time of the sentence is another clause's."""
    toks, plang, cs, trig_s = sent.toks, sent.lang, h.clause_start, h.start
    tm = None
    times = [x for x in sent.times if elsewhere is None or not elsewhere(x)]
    if len(times) < len(sent.times):
        sent = replace(sent, times=times)
    clause_t = [x for x in sent.times if cs <= x.start < max(h.clause_end, last_ce)]
    if VAGUE_LAST and any(not _vague_date(x) for x in clause_t):
        clause_t = [x for x in clause_t if not _vague_date(x)]
    near = [x.n for x in toks[max(0, h.ti - 2):h.ti] if x.s >= cs]
    if h.nominal and any(w in lex["reference_event"][plang] for w in near):
        # "الفوضى التي أعقبت هروب فلان", "after his escape": a reference point, not
        # the sentence's happening; only a time written after it is its own
        after = [x for x in clause_t if x.start >= trig_s]
        tm = min(after, key=lambda x: x.start) if after else None
    elif clause_t:
        tm = min(clause_t, key=lambda x: abs(x.start - trig_s))
    elif sent.times:
        tm = min(sent.times, key=lambda x: abs(x.start - trig_s))
    elif anchor is not None and not sent.headline and (
            plang in NARRATIVE_TIME_LANGS or not text or not _GOLD_SENT_END.search(text, anchor.end, trig_s)):
        # another sentence's time only where the language carries it; a time before a colon ("قال أمس:") is
        # in the trigger's own sentence
        tm = anchor
    if tm is not None and tm is not anchor and tm.start <= trig_s < tm.end:
        return _own_part(tm, h, text, plang)
    return tm.value if tm is not None else None


def _own_part(tm: TimeMention, h: Hit, text: str, lang: str):
    """A span of time with the trigger inside it ("تولى الرئاسة منذ عام 1971 وحتى وفاته في عام 2000") is
    the time of what lasted through it (تولى); the happening named inside it (وفاته) owns only the part
    after its trigger ("عام 2000"), read again on its own with the span's anchor; none when nothing of the
    span follows the trigger."""
    from riwaya.timex import tag_times
    m = re.search(r"published:(\d{4}-\d\d-\d\d)", tm.value.anchor or "")
    parts = [x for x in tag_times(text[h.end:tm.end], lang, m.group(1) if m else None, tz=tm.value.tz or "+03:00")
             if x.value.kind in ("date", "time")]
    return parts[0].value if parts else None


def _published(times) -> str | None:
    """The document's publication day, as its relative time expressions were anchored to it (its metadata's, or the
    one inferred from its dateline), or None."""
    for t in times:
        m = re.search(r"(?:published|inferred):(\d{4}-\d\d-\d\d)", getattr(t.value, "anchor", None) or "")
        if m:
            return m.group(1)
    return None


def _after_publication(tv, sent: Sentence, published: str | None) -> bool:
    """The event's own time, written in its sentence, starts after the day the document was published (entrig19):
    what it tells is still to come ("next month", "on November 5, 2013" in an article of October 19, 2013)."""
    return bool(published and tv is not None and tv.kind in ("date", "time") and tv.earliest
                and tv.earliest[:10] > published and any(x.value is tv for x in sent.times))


def _polarity(ev: EventMention, h: Hit, sent: Sentence, text: str, mentions, lex: dict) -> None:
    """Negation, plan and future from the words before the trigger in its clause; who decided a planned
    or ordered move."""
    toks, plang, ti, cs, ss, stem = sent.toks, sent.lang, h.ti, h.clause_start, sent.start, h.stem
    prev_words = [x.n for x in toks[max(0, ti - 3):ti] if x.s >= cs]   # not across a clause end
    nxt_w = toks[ti - 1].n if ti > 0 else ""
    if nxt_w in lex["neg_exc"][plang] or (ti > 1 and toks[ti - 1].n in lex["neg_exc"][plang]):
        prev_words = []
    plan_cue = next((x for x in reversed(toks[max(0, ti - 4):ti])
                     if x.s >= cs and x.n in lex["intent"][plang]), None)
    if any(w in lex["neg"][plang] for w in prev_words[-2:]) or \
            (plang == "en" and any(w in ("not", "never", "didn't", "n't") for w in prev_words)):
        ev.negated, ev.polarity = True, "denied"
    elif plan_cue is not None or (
            plang == "ar" and stem and toks[ti].n in ("س" + stem, "وس" + stem, "فس" + stem)
            and stem[:1] in "يتنا"):
        # a plan, or the future prefix (سيعود إلى منزله: what he said he would do)
        ev.polarity = "planned"     # "يخطط سرًا لمغادرة البلاد", "planning to leave": not (yet) done
        if plan_cue is not None and plan_cue.n in lex["self_plan"][plang]:
            # the one who plans his own move decided it ("فلان يخطط سرًا لمغادرة البلاد")
            planners = [_copy(a, "decider") for a in ev.arguments if a.role == "agent"]
            if not planners:    # "كان فيه فلان يخطط سرًا لمغادرة": the planner is يخطط's subject
                subj = [m for m in mentions if m.type == "person" and ss <= m.start and m.end <= plan_cue.s]
                planners = [_ent_arg("decider", subj[-1])] if subj else []
            ev.arguments += planners
    if ev.cls == "movement" and plang == "ar" and not any(a.role == "decider" for a in ev.arguments):
        ev.arguments += _decider_ar(text, toks, ti, ss, mentions, lex, ev)


def _attribute(ev: EventMention, h: Hit, sent: Sentence, recs, doc_outlet, lex: dict) -> None:
    """According to whom (the attribution record whose scope holds the trigger) and with what hedge."""
    sent_n = [x.n for x in sent.toks[:h.ti]]
    hedge = _hedge(sent_n, lex["hedge"][sent.lang], sent.lang)
    ev.attribution = _attribution_at(h.start, recs, doc_outlet)
    if hedge:
        ev.polarity = "hedged" if ev.polarity == "asserted" else ev.polarity
        ev.attribution.hedge = hedge


def _whereabouts_place(ev: EventMention, h: Hit, sent: Sentence, mentions, lex: dict) -> None:
    """A whereabouts statement without a place takes the first place of its clause, else its sentence."""
    if any(a.role == "place" for a in ev.arguments):
        return
    cs, ss, se = h.clause_start, sent.start, sent.end
    pl = [mm for mm in mentions if cs <= mm.start < se and mm.type == "place"
          and _norm(mm.text) not in lex["not_arguments"]["ar"]] or \
        [mm for mm in mentions if ss <= mm.start < se and mm.type == "place"
         and _norm(mm.text) not in lex["not_arguments"]["ar"]]
    if pl:
        ev.arguments.append(_ent_arg("place", pl[0]))


def _remember(ev: EventMention, sent: Sentence, nominal: bool, carried: bool, d: Discourse) -> None:
    """Remember overt subjects for the next clause/sentence (never from a headline)."""
    ppl = ("person", "organization")
    if not carried and not nominal and not d.sent_subject:
        # an overt subject (named or not) governs the sentence's later coordinated verbs
        d.sent_subject = [a for a in ev.arguments if a.role == "agent"]
    if not sent.headline and not carried:
        ents = [a for a in ev.arguments if a.role == "agent" and a.type in ppl]
        if ents:
            d.subj_mem = (ents, sent.idx)
            d.sent_set = True
            if ev.cls == "movement":
                d.mover_mem = ([a for a in ev.arguments if a.role in ("agent", "companion")
                                and a.type in ppl], sent.idx)
    elif carried and not sent.headline:
        ents = [a for a in ev.arguments if a.role == "agent" and a.type in ppl]
        if ents:
            d.subj_mem = (ents, sent.idx)
        if ev.cls == "movement":
            mv = [a for a in ev.arguments if a.role in ("agent", "companion") and a.type in ppl]
            if mv:
                d.mover_mem = (mv, sent.idx)


def extract(text: str, mentions: list[EntityMention], times: list[TimeMention], paragraphs: list[Paragraph],
            outlet: str | None = None, lang: str = "ar") -> tuple[list[EventMention], list[dict]]:
    lex = load_lexicon()
    if not paragraphs:
        paragraphs = [Paragraph(0, len(text), lang)]
    mentions = sorted(mentions or [], key=lambda m: (m.start, -m.end))
    durations = sorted((t for t in times or [] if getattr(t.value, "kind", "date") == "duration"), key=lambda t: t.start)
    times = sorted((t for t in times or [] if getattr(t.value, "kind", "date") in ("date", "time")), key=lambda t: t.start)
    all_times = sorted(times or [], key=lambda t: t.start)
    published = _published(all_times)
    ment_starts = frozenset(m.start for m in mentions)
    # mentions and times are sorted by start: a range of them is found by bisection, not by a
    # scan of the whole document for every sentence and trigger (quadratic on a long document)
    m_starts = [m.start for m in mentions]
    t_starts = [t.start for t in times]

    def mention_in(s, e, types):            # mentions inside [s, e) of these types, in order
        out = []
        for k in range(bisect.bisect_left(m_starts, s), bisect.bisect_right(m_starts, e)):
            m = mentions[k]
            if m.end <= e and m.type in types:
                out.append(m)
        return out

    def starting_in(s, e):                  # mentions with s <= start < e, in order
        return mentions[bisect.bisect_left(m_starts, s):bisect.bisect_left(m_starts, e)]

    in_cue: dict[int, bool] = {}            # _in_cue(m, recs) depends on m.start only; recs are fixed below

    def cued(m) -> bool:
        v = in_cue.get(m.start)
        if v is None:
            v = in_cue[m.start] = _in_cue(m, recs)
        return v
    parsed = english.parse_paragraphs(text, paragraphs, mentions) if any(p.lang == "en" for p in paragraphs) else {}
    doc_outlet, recs = _find_attributions(text, paragraphs, mentions, outlet, lex, parsed)
    cue_spans = [(r["start"], r["end"]) for r in recs]
    events: list[EventMention] = []
    d = Discourse()     # dropped subjects carried from clause to clause and sentence to sentence
    ctx = DocCtx(text, mentions, all_times, ment_starts, lex, mention_in, starting_in, cued)
    sidx = 0
    ppl = ("person", "organization")
    for p in paragraphs:
        if p.furniture:
            continue
        plang = "en" if p.lang == "en" else "ar"
        headline = _is_headline(text, p)
        anchor = None  # the narrative's last time in this paragraph
        for (ss, se) in _sentences(text, p.start, p.end, all_times):
            sidx += 1
            toks = _tokens(text, ss, se, plang)
            sent_times = times[bisect.bisect_left(t_starts, ss):bisect.bisect_left(t_starts, se)]
            d.sent_subject, d.sent_set = [], False
            P = parsed.get(p.start) if plang == "en" else None
            found_by_model = propose(toks, headline, starting_in(ss, se), lex) if plang == "ar" else \
                propose_en(P, toks, starting_in(ss, se), lex)
            if plang == "ar" and found_by_model and sent_times:
                # a word the proposer finds inside a time expression is the time's («فجر امس»: dawn, no detonation)
                found_by_model = {k: v for k, v in found_by_model.items()
                                  if not any(t.start <= toks[k].s and toks[k].e <= t.end for t in sent_times)}
            probe = Sentence(ss, se, toks, sent_times, sidx, headline, plang, found_by_model)   # read-only
            i = 0
            while i < len(toks):
                found, nxt = _propose(ctx, probe, i, cue_spans, recs, P, d)
                if found is None:
                    i = nxt
                    continue
                typ, ti, tj, passive, stem, hit, cont = found
                trig_s, trig_e = toks[ti].s, toks[tj - 1].e
                cs = ss
                for m in _CLAUSE_END.finditer(text, ss, trig_s):
                    cs = m.end()
                m = _CLAUSE_END.search(text, trig_e, se)
                ce = m.start() if m else se
                cause = None
                if P is not None and hit:       # the parse may show another type ("the crash killed", "denied them")
                    new, cause = english.retype(P, trig_s, typ, lex)
                    typ = new or typ
                ev = EventMention(cls=lex["cls"].get(typ, "movement"), type=typ, trigger=text[trig_s:trig_e],
                                  start=ss, end=se, trigger_start=trig_s, trigger_end=trig_e)
                if plang == "ar":
                    nominal = bool(hit) and hit[2] - hit[1] == 1 and _nominal_ar(toks[ti].n, stem, lex)
                    suffixed = nominal and any(toks[ti].n.endswith(s_) and (not stem.endswith(s_) or stem.endswith("ت" + s_))
                                               for s_ in object_pronouns())
                else:
                    prevw = toks[ti - 1] if ti > 0 else None
                    poss = english.resources()["poss_pron"]      # his, her, their, its (english.yaml)
                    nominal = bool(prevw) and (prevw.n in ("the", "a", "an") or prevw.n in poss
                                               or prevw.n.endswith(("'s", "’s")))
                    suffixed = bool(prevw) and prevw.n in poss
                h = Hit(typ, ti, tj, passive, stem, trig_s, trig_e, cs, ce, nominal, suffixed)
                sent = Sentence(ss, se, toks, sent_times, sidx, headline, plang)
                uniq, carried, last_ce = _arguments(ctx, h, sent, p, cont, d)
                uniq = _fall_roles(ctx, h, sent, uniq + _where_origin(ctx, h, sent, uniq))
                if plang == "ar" and hit and tj - ti > 1 and stem in lex["casualty_fall"]["nouns"]:
                    uniq = _casualty_amount(text, toks, ti, tj, uniq, lex)
                if plang == "ar" and hit and tj - ti == 1 and typ == lex["casualty_fall"]["fired_type"] \
                        and _fall_form(toks[ti].n, lex):
                    uniq = _fired_means(text, toks, ti, ce, uniq, lex)
                ev.arguments = uniq
                if P is not None and hit:
                    # English with a parse: the clause structure gives the roles (data-driven word lists)
                    mp = d.subj_mem[0][0] if d.subj_mem[0] and sidx - d.subj_mem[1] <= 1 and d.subj_mem[0][0].type == "person" \
                        else None
                    pa, drop = english.event_arguments(P, trig_s, typ, ev.cls, lex, all_times, mp, trig_e)
                    if drop:
                        i = tj
                        continue
                    if pa is not None:
                        keep = [a for a in uniq if a.role in ("companion", "amount")
                                and not (a.role == "companion" and (english.topic_object(P, typ, a.start, a.end)
                                                                    or english.stray_companion(P, trig_s, a.start,
                                                                                               a.end)))
                                and not (a.role == "amount" and english.stray_amount(P, trig_s, a, pa))]
                        if not any(a.role in ("agent", "patient") for a in pa):
                            # a parse that found no subject (a headline): keep a named subject right before the verb
                            keep += [a for a in uniq if a.role == "agent" and a.type in ppl and a.end <= trig_s
                                     and trig_s - a.end <= 2 and a.start >= cs]
                        seen = {(a.role, a.start, a.end) for a in keep}
                        for a in pa:
                            if (a.role, a.start, a.end) not in seen and not (
                                    a.role == "companion" and any(x.start == a.start for x in pa if x.role == "agent")):
                                seen.add((a.role, a.start, a.end))
                                keep.append(a)
                        keep = [a for a in keep if not (a.role == "companion" and any(
                            x.role == "agent" and x.start == a.start for x in keep))]
                        keep += english.with_party(P, trig_s, typ, keep)   # (enpron28) "meet with his son"
                        if cause is not None:   # an accident that caused a death is no participant of it
                            keep = [a for a in keep if not (a.start < cause[1] and cause[0] < a.end)]
                        ev.arguments = keep
                        carried = carried and not any(a.role == "agent" for a in pa)
                dur = _duration(h, lex, durations)
                if dur is not None:
                    ev.arguments = [_cut(text, a, dur.start) for a in ev.arguments] + [
                        Argument("duration", dur.text, dur.start, dur.end, None, "duration")]
                ev.time = _event_time(h, sent, last_ce, anchor, lex, text, (
                    lambda x: english.time_elsewhere(P, trig_s, x.start, x.end)) if P is not None and hit and EN_TIME_PARSE
                    else None)
                _polarity(ev, h, sent, text, mentions, lex)
                if P is not None and hit and ev.polarity == "asserted" and not ev.negated:
                    pol = english.polarity(P, trig_s)   # "if elected", "failed to get re-elected"
                    if pol == "negated":
                        ev.negated, ev.polarity = True, "denied"
                    elif pol:
                        ev.polarity = pol
                    elif _after_publication(ev.time, sent, published) and not english.told_as_past(P, trig_s):
                        ev.polarity = "planned"     # "I am going to Las Vegas next month", "the election on November 5"
                _attribute(ev, h, sent, recs, doc_outlet, lex)
                if P is not None and hit:
                    english.not_own_source(ev)               # "X said in a statement": X speaks, no source
                if P is not None and hit and ev.polarity == "denied" and not ev.negated:
                    lk = english.denier(P, trig_s, lex)     # who denies it is its innermost source
                    if lk is not None and not any(l.get("start") == lk["start"] for l in ev.attribution.chain):
                        ev.attribution.chain.append(lk)
                if typ == "whereabouts":
                    _whereabouts_place(ev, h, sent, mentions, lex)
                _remember(ev, sent, nominal, carried, d)
                events.append(ev)
                i = tj
            if sent_times and not headline:
                anchor = sent_times[-1]
            if not headline and not d.sent_set:
                # the sentence's first named person (outside a source cue) is the topic the next one may drop
                tp = next((mm for mm in mentions if ss <= mm.start < se and mm.type == "person"
                           and not _in_cue(mm, recs, ("unnamed_source", "source_outlet", "wire"))), None)
                if tp is not None:
                    d.subj_mem = ([_ent_arg("agent", tp)], sidx)
        events += _verbless_whereabouts(text, p, mentions, events, recs, doc_outlet, lex)
    _heading_times(text, paragraphs, events, all_times)
    events.sort(key=lambda e: (e.trigger_start, e.trigger_end))
    _event_relative_times(events, all_times)
    for r in recs:
        r.pop("quotes", None)       # used above; the records' offsets are remapped without it
    return events, recs


_FINE = ("day", "part_of_day", "hour", "minute")


def _heading_times(text: str, paragraphs, events: list[EventMention], times) -> None:
    """A heading names its section's happening ("سقوط X") and the section's first sentence dates it ("في
    30 نوفمبر، شهدت X ..."): an undated event of a heading takes the date that opens the next paragraph,
    when that sentence names the heading's place or actor again (the date is the section's, not only its
    own clause's event's)."""
    body = [p for p in paragraphs if not p.furniture]
    for k, p in enumerate(body[:-1]):
        if not _is_headline(text, p):
            continue
        evs = [e for e in events if p.start <= e.trigger_start < p.end and e.time is None]
        q = body[k + 1]
        if not evs or _is_headline(text, q):
            continue
        m = _SENT_END.search(text, q.start, q.end)
        first_end = m.start() if m else q.end
        tm = next((t for t in times if q.start <= t.start < first_end), None)
        if tm is None or tm.value.kind != "date" or tm.value.precision not in _FINE \
                or len(_WORD.findall(text[q.start:tm.start])) > 1:
            continue     # the paragraph must open with a day ("في 30 نوفمبر،")
        first = _norm(text[q.start:first_end])
        for e in evs:
            named = [a for a in e.arguments if a.role in ("patient", "place", "agent") and a.type in ("place", "person", "organization")]
            if named and any(_norm(a.text) in first for a in named):
                e.time = tm.value
                # the evidence reaches the sentence the date comes from, so a reader (and the conflict
                # check, which trusts only times stated in a mention's own evidence) sees where it is said
                e.end = max(e.end, first_end)


def _event_relative_times(events: list[EventMention], times: list[TimeMention]) -> None:
    """"في اليوم التالي لسقوط عدن": an event timed by another event's day gets that day shifted by
    the offset (when the text tells of that event with a time); otherwise its time stays open."""
    from ..timex.relative import is_event_relative, shift
    for t in times:
        if not is_event_relative(t.value) or not t.value.anchor_span:
            continue
        a, b = t.value.anchor_span
        named = next((e for e in events if a - 2 <= e.trigger_start < b), None)   # لسقوط: the proclitic
        if named is None:
            continue
        # the event named there, or the last earlier report of the same kind of event (سقطت عدن ... لسقوط عدن)
        cands = [named] + [e for e in reversed(events) if e.trigger_start < t.start and e is not named
                           and e.type == named.type]
        ref = next((e for e in cands if e.time is not None and e.time is not t.value
                    and not is_event_relative(e.time) and e.time.earliest and e.time.latest), None)
        got = shift(t.value, ref.time) if ref is not None else None
        for e in events:
            if e.time is t.value:
                if e is named:
                    e.time = ref.time if ref is not None else None   # the fall itself is not "the day after" it
                elif got is not None:
                    e.time = got


def _raw_topic(text, toks, ti, ss, cs, lang, lex, times, ment_starts):
    """"اللواء بسام الحسن، المتهم بـ...، فرّ": a short sentence-opening noun phrase set off by a comma."""
    if lang != "ar":
        return None
    m = _CLAUSE_END.search(text, ss, cs)
    if m is None or text[m.start()] not in "،,":
        return None
    head = [t for t in toks[:ti] if t.e <= m.start()]
    if not head or len(head) > 4:
        return None
    if any(_stopword(t.n, lex, lang) or _verbish(t, lex, lang, ment_starts) or _in_time(t.s, times)
           or t.n in lex["not_arguments"]["ar"] or _lookup_ar(t.n, lex) for t in head):
        return None
    if head[0].n in lex["place_nouns"]["ar"] or _clitic_pp(head[0], lex, ment_starts) or head[0].n[:1] in "فب":
        return None
    return head[0].s, head[-1].e


def _pre_subject(text, toks, ti, cs, lang, lex, times, ment_starts):
    """SVO with an unnamed subject: the few words opening the clause ("بعض المسؤولين فرّوا")."""
    pre = [t for t in toks[:ti] if t.s >= cs]
    if len(pre) > 3 or any(_stopword(t.n, lex, lang) for t in pre):
        # a subject opening after a complementizer/subordinator: "أن الضحية هاجم"
        x = len(pre)
        while x > 0 and not _stopword(pre[x - 1].n, lex, lang) and pre[x - 1].s not in ment_starts:
            x -= 1
        if 0 < x < len(pre) and (pre[x - 1].n in lex["subj_open"][lang]
                                 or (lang == "ar" and pre[x - 1].n[:1] == "و" and pre[x - 1].n[1:] in lex["subj_open"]["ar"])):
            pre = pre[x:]
    while pre and pre[0].n in ("كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا", "فكان", "فكانت"):
        pre = pre[1:]
    cut = next((x for x, t in enumerate(pre) if _stopword(t.n, lex, lang)), None)
    if cut is not None and cut > 0 and lang == "ar" and pre[cut].n in ("في", "من"):
        pre = pre[:cut]  # "الدائرة الضيقة في النظام تعيش": the head before its modifier
    while pre and pre[-1].n in ("قد", "لقد", "has", "had", "have", "was", "were"):
        pre = pre[:-1]
    if not pre or len(pre) > 3:
        return None
    if any(_stopword(t.n, lex, lang) or _in_time(t.s, times) or t.n[:1].isdigit() for t in pre):
        return None
    if any(_verbish(t, lex, lang, ment_starts) for t in pre):
        return None
    if _GAP_PUNCT.search(text, pre[0].s, pre[-1].e):
        return None
    if lang == "en" and not (pre[0].raw[:1].isupper() or pre[0].n in lex["phrase_openers"]["en"]):
        return None
    if lang == "ar" and any(t.n in lex["not_arguments"]["ar"] for t in pre):
        return None
    if pre[0].n in lex["place_nouns"][lang] or any(t.s in ment_starts for t in pre):
        return None
    return pre[0].s, pre[-1].e


def _announces(toks, hit, lex) -> bool:
    """"أعلنت حركة الشباب مسؤوليتها عن قتل النائب", "أعلنت الأمانة عن عزمها إغلاق الطريق": an announcing verb
    whose first complementizer is عن announces (a claim, a plan, a decision: GUIDELINE's announcement), where
    "أعلن أن ..." reports (schema.yaml trigger_lexicon announcing_types, announcing_comp); the trigger model
    decides (its `comp` feature: "أعلن عن مقتل" is attribution)."""
    types, comp = lex["announcing"]
    if hit[0] not in types or hit[2] - hit[1] != 1:
        return False
    first = next((t.n for t in toks[hit[2]:hit[2] + 7] if t.n in lex["report_comp"]["ar"]), None)
    return first is not None and first in comp


def _is_reporting(toks, i, lex, lang):
    w = toks[i].n
    single = lex["att_single"][lang]
    if not (w in single or (lang == "ar" and not single.isdisjoint(_cands(w)[1]))):
        return False
    nxt = [t.n for t in toks[i + 1:i + 8]]
    return any(x in lex["report_comp"][lang] for x in nxt)


def _in_cue(m, recs, kinds=None):
    for r in recs:
        for l in r["chain"]:
            if kinds is not None and l.get("kind") not in kinds:
                continue
            if l.get("start") is not None and l["start"] <= m.start < l["end"] + 1:
                return True
    return False


def _is_passive(raw: str, stem: str) -> bool:
    # نُقل / يُنقل: damma on the first radical letter marks the passive
    return "\u064f" in raw[:3]


def _where_origin(c: "DocCtx", h: Hit, sent: Sentence, args: list[Argument]) -> list[Argument]:
    """"اتجه إلى مطار X، حيث غادر إلى Y", "drove to the X airport, where he boarded": the place named right
    before a relative "where" (cues.yaml where_relative) that opens the trigger's clause is where a
    departure-like move (where_origin_types) starts."""
    lex, toks = c.lex, sent.toks
    if h.typ not in lex["where_origin_types"] or any(a.role == "origin" for a in args):
        return []
    k = h.ti - 1
    while k >= 0 and toks[k].s >= h.clause_start and toks[k].n in lex["subj_open"][sent.lang] \
            and toks[k].n not in lex["where_relative"][sent.lang]:
        k -= 1          # "حيث قد غادر"
    if k < 0 or toks[k].n not in lex["where_relative"][sent.lang] or h.ti - k > 3:
        return []
    # the place ends the clause before "حيث", allowing two words that qualify it ("مطار X الدولي،")
    pm = next((m for m in reversed(c.mentions) if m.end <= toks[k].s and m.type in ("place", "organization")
               and len(c.text[m.end:toks[k].s].split()) <= 2 and not _CLAUSE_END.search(c.text, m.end, toks[k].s - 2)
               ), None)
    return [_ent_arg("origin", pm)] if pm is not None and pm.start >= sent.start else []


def _fall_roles(c: "DocCtx", h: Hit, sent: Sentence, args: list[Argument]) -> list[Argument]:
    """"سقطت مدينة X في يد Y", "سقوط X": the place named right after a fall-like trigger (cues.yaml
    subject_place_types; its subject, or a verbal noun's genitive) is what fell, its patient; then a
    person or group before the verb is no subject of it ("بداية النهاية للنمر ... عندما سقطت مدينة X"),
    and the one whose hands it fell into (controller_cues: "في يد") is its agent."""
    if h.typ not in c.lex["subject_place_types"] or sent.lang != "ar" or any(
            a.role in ("patient", "place") and a.type == "place" for a in args):
        return args
    toks = sent.toks
    if h.tj >= len(toks):
        return args
    nxt = toks[h.tj].s
    pm = next((m for m in c.mentions if m.type == "place" and nxt <= m.start <= nxt + 1 and m.end <= h.clause_end), None)
    if pm is None and h.tj + 1 < len(toks) and toks[h.tj].n in c.lex["place_nouns"]["ar"]:
        pm = next((m for m in c.mentions if m.type == "place" and m.start == toks[h.tj + 1].s
                   and m.end <= h.clause_end), None)       # "مدينة X" with X alone the mention
    if pm is None:
        return args
    out = [a for a in args if not (a.role == "agent" and a.end <= h.start)] + [_ent_arg("patient", pm)]
    k = next((k for k in range(h.tj, len(toks)) if toks[k].s >= pm.end), len(toks))
    seq = _first_at(c.lex["controller_cues"]["ar"], toks, k, "ar")
    if seq is not None and k + len(seq) < len(toks) and toks[k + len(seq)].s < h.clause_end:
        j = k + len(seq)
        am = next((m for m in c.mentions if m.start == toks[j].s and m.type in ("person", "organization")), None)
        ph = None if am else _np(c.text, toks, j, h.clause_end, "ar", c.lex, maxw=2)
        if am is not None:
            out.append(_ent_arg("agent", am))
        elif ph:
            out.append(Argument("agent", c.text[ph[0]:ph[1]], ph[0], ph[1], None, None))
    return out


def _prep_before(toks, pos, lang, lex):
    for k, t in enumerate(toks):
        if t.e <= pos and (pos - t.e) < 3:
            return any(seq[-1] == t.n or (lang == "ar" and t.n in ("من", "الي", "في", "عبر", "نحو")) for seq, _ in lex["preps"][lang])
    return False


_COMPANION_WORDS: tuple = (None, {})    # (the lexicon, {Arabic word: `_companion_word`}): each word judged once


def _companion_memo(lex: dict) -> dict:
    """The lexicon's {Arabic word: `_companion_word`} (speed31: `_companions` and `_companion_verb` ask about
    every word after each trigger in its sentence)."""
    global _COMPANION_WORDS
    if _COMPANION_WORDS[0] is not lex or len(_COMPANION_WORDS[1]) > 200000:
        _COMPANION_WORDS = (lex, {})
    return _COMPANION_WORDS[1]


def _companion_word(n: str, lex: dict) -> tuple[bool, bool]:
    """(Is the Arabic word a companion cue, as written or, but for مع, behind a clitic or an ending; is it a
    companion verb, as written or so), kept in `_companion_memo`."""
    cues, verbs, readings = lex["companion_cues"]["ar"], lex["companion_verbs"]["ar"], _cands(n)[1]
    got = _companion_memo(lex)[n] = (n in cues or not readings.isdisjoint(cues - {"مع"}),
                                     n in verbs or not readings.isdisjoint(verbs))
    return got


def _after(toks, pos: int) -> int:
    """The index of the first token starting at or after ``pos`` (the tokens are in text order)."""
    return bisect.bisect_left(toks, pos, key=_TOK_START)


_TOK_START = operator.attrgetter("s")


def _companions(text, toks, trig_e, se, p, mentions, lang, lex, ce=None):
    out = []
    cues = lex["companion_cues"][lang]
    memo = _companion_memo(lex)
    for k in range(_after(toks, trig_e), len(toks)):    # the words before the trigger were skipped one by one
        t = toks[k]
        if ce is not None and t.s >= ce:
            break
        if (memo.get(t.n) or _companion_word(t.n, lex))[0] if lang == "ar" else t.n in cues:
            for mm in mentions:
                if t.e <= mm.start < t.e + 40 and mm.end <= se and mm.type == "person" and not (
                        lang == "en" and _GAP_PUNCT.search(text, t.e, mm.start)):
                    # (en24) English: a person in the phrase the cue opens, not one past a comma ("In a 2003
                    # interview with the Associated Press, Rick Santorum compared": Santorum speaks, no companion)
                    out.append(_ent_arg("companion", mm))
            ph = _np(text, toks, k + 1, se, lang, lex, maxw=3) if not out else None
            while ph:
                s_, e_ = ph[0], ph[1]
                out.append(Argument("companion", text[s_:e_], s_, e_, None, None))
                # "ابنه ومساعده الشخصي": each conjunct is a companion (the و is no part of it)
                j = ph[2]
                if lang != "ar" or j >= len(toks) or toks[j].s >= (ce or se) or toks[j].n[:1] != "و" \
                        or len(toks[j].n) <= 3 or _GAP_PUNCT.search(text, toks[j - 1].e, toks[j].s):
                    break
                ph = _np(text, toks, j, ce or se, lang, lex, maxw=3)
                if ph and text[ph[0]] == "و":
                    ph = (ph[0] + 1,) + tuple(ph[1:])
            break
    if not out:
        out = _companion_verb(text, toks, trig_e, se, mentions, lang, lex)
    # list: "وعلى متنها ... بينهم:" followed by bullet lines
    # (the colon tested first, speed31: the search walks the rest of the sentence)
    if text[se - 1:se] == ":" and re.search(r"(بينهم|منهم|among them|including)\s*:?\s*$", text[trig_e:se].rstrip(" :") + ":"):
        pos = se
        while True:
            m = re.match(r"\s*[•\-–*]\s*([^\n]+)", text[pos:])
            if not m:
                break
            ls, le = pos + m.start(1), pos + m.end(1)
            ms = [mm for mm in mentions if ls <= mm.start < le and mm.type == "person"]
            if ms:
                out += [_ent_arg("companion", mm) for mm in ms]
            else:
                s_, e_ = _strip_span(text, ls, re.sub(r"\s*\(.*$", "", text[ls:le]).__len__() + ls)
                out.append(Argument("companion", text[s_:e_], s_, e_, None, "person"))
            pos = pos + m.end()
    return out


def _companion_verb(text, toks, trig_e, se, mentions, lang, lex):
    """"غادر ...، واصطحب معه عائلته", "ورافقه وزير الخارجية": a verb of taking along or accompanying
    later in the trigger's sentence (cues.yaml companion_verbs) names who went with the mover."""
    verbs = lex["companion_verbs"][lang]
    memo = _companion_memo(lex)
    for k in range(_after(toks, trig_e), len(toks)):
        t = toks[k]
        if not ((memo.get(t.n) or _companion_word(t.n, lex))[1] if lang == "ar" else t.n in verbs):
            continue
        j = k + 1
        while j < len(toks) and toks[j].n in lex["companion_cues"][lang] and toks[j].s < se:
            j += 1     # "اصطحب معه"
        if j >= len(toks) or toks[j].s >= se:
            return []
        ms = [m for m in mentions if toks[j].s <= m.start < toks[j].s + 40 and m.end <= se and m.type == "person"]
        if ms and not text[toks[j].s:ms[0].start].strip(" ،,"):
            return [_ent_arg("companion", m) for m in ms]
        ph = _np(text, toks, j, se, lang, lex, maxw=3)
        return [Argument("companion", text[ph[0]:ph[1]], ph[0], ph[1], None, None)] if ph else []
    return []


def _prep_args(text, toks, tj, last_k, ce, se, mentions, times, ment_starts, lang, lex, max_gap=4):
    """Prepositional arguments chained after the trigger: "من X إلى Y عبر Z".

    The chain stops at the clause end (unless a continuation such as "ثم إلى" / "متجهاً إلى" opens the
    next clause), at an adjunct barrier (بعد, قبل, عندما...), at a new finite verb, or after a gap of
    more than four unconsumed words. Returns (arguments, end of the span the arguments came from).
    """
    out, taken = [], set()
    k = tj
    conts = lex["arg_cont"][lang]
    while k < len(toks) and toks[k].s < se:
        t = toks[k]
        if k > tj and _first_at(lex["cont"][lang], toks, k, lang) is not None:
            break  # "ثم إلى ..." opens the next leg, an event of its own
        if t.s >= ce:
            seq = _first_at(conts, toks, k, lang)
            if seq is None:
                break
            m = _CLAUSE_END.search(text, toks[k + len(seq) - 1].e, se)
            ce = m.start() if m else se
            last_k = k
            # land on the preposition that ends the continuation ("متجها الي" -> "الي")
            k = k + len(seq) - 1
            t = toks[k]
            if len(seq) == 1:
                k += 1
                continue
        if _in_time(t.s, times):
            k += 1
            last_k = k
            continue
        if k > tj and (t.n in lex["arg_barriers"][lang] or (lang == "ar" and t.n[:1] in "وف"
                                                           and t.n[1:] in lex["arg_barriers"]["ar"])):
            break
        if k > last_k and _verbish(t, lex, lang, ment_starts):
            break
        hit = _first_at(lex["preps"][lang], toks, k, lang, 0)
        if hit is None and lang == "ar" and t.n.startswith("ب") and len(t.n) > 3 \
                and t.n not in lex["not_arguments"]["ar"]:
            mm = next((m for m in mentions if m.start == t.s + 1 and m.type == "place"), None)
            if mm is not None and k - last_k <= 4 and not _in_time(mm.start, times):
                out.append(_ent_arg("place", mm))
                last_k = k + 1
            k += 1
            continue
        if hit is None:
            k += 1
            continue
        if k - last_k > max_gap:
            break
        seq, role = hit
        if role == "place" and k == last_k and out and out[-1].role in ("destination", "origin", "via"):
            # "إلى قاعدة إنجرليك في تركيا": the place qualifies the destination, not the event
            j = k + len(seq)
            mm = next((m for m in mentions if j < len(toks) and m.start == toks[j].s), None)
            k = next((x for x in range(j, len(toks)) if toks[x].s >= mm.end), len(toks)) if mm else j + 1
            last_k = k
            continue
        j = k + len(seq)
        if j >= len(toks) or toks[j].s >= se:
            break
        ps = toks[j].s
        if _in_time(ps, times):
            k = j
            continue
        if toks[j].n in lex["not_arguments"][lang]:
            k = j + 1
            last_k = k
            continue
        mm = next((m for m in mentions if ps <= m.start < ps + 3 and m.type in ("place", "organization", "vehicle", "other")), None)
        if mm is None:
            mm = next((m for m in mentions if m.start <= ps < m.end), None)
        if mm is not None and mm.type != "person" and _norm(mm.text) not in lex["not_arguments"]["ar"] \
                and mm.text.lower() not in lex["not_arguments"]["en"]:
            if (role, mm.start) not in taken:
                out.append(_ent_arg(role, mm))
                taken.add((role, mm.start))
            k = j
            while k < len(toks) and toks[k].s < mm.end:
                k += 1
            last_k = k
            continue
        if mm is not None and mm.type == "person":
            k = j
            continue
        if role in ("origin", "place") and lang == "ar" and toks[j].n in ("قبل", "بعد", "اجل", "خلال", "جهه", "هناك", "بين"):
            k = j
            continue
        if role in ("destination", "via", "origin", "place") and not any(toks[j].n == sq[0] for sq, _ in lex["preps"][lang]):
            if toks[j].n in lex["means"][lang] or (lang == "ar" and not lex["means"][lang].isdisjoint(_cands(toks[j].n)[1])):
                k = j  # a vehicle: the means, not a place
                continue
            ph = _np(text, toks, j, min(ce, se), lang, lex, times, ment_starts, maxw=3)
            if ph and lang == "ar" and toks[j].s not in ment_starts and _lookup_ar(toks[j].n, lex):
                ph = None  # "في اشتباكات": an event, not a place
            if ph:
                s_, e_ = _strip_span(text, ph[0], ph[1])
                inner = next((m for m in mentions if s_ <= m.start < e_ and m.type in ("place", "organization")), None)
                if inner is not None:
                    if (role, inner.start) not in taken:
                        out.append(_ent_arg(role, inner))
                        taken.add((role, inner.start))
                elif role == "via" and not _route_like(text[s_:e_], lang, lex):
                    pass     # "عبر مكبرات الصوت", "عبر وسطاء": a medium, not a place passed through (schema: via is a place)
                elif (role, s_) not in taken and e_ > s_:
                    out.append(Argument(role, text[s_:e_], s_, e_, None, None))
                    taken.add((role, s_))
                k = ph[2]
                last_k = k
                continue
        k = j
    return out, ce


def _means(text, toks, tj, lim, lang, lex, ment_starts=frozenset()):
    """The vehicle noun phrase (طائرة خاصة, موكب من ثلاث سيارات, Yak-40), or a means adverb (جواً)."""
    heads = lex["means"][lang]
    for k in range(max(0, tj - 1), len(toks)):
        t = toks[k]
        if t.s >= lim:
            break
        if k > tj and (t.n in lex["arg_barriers"][lang]):
            break
        if t.n in lex["means_adverbs"][lang]:
            return [Argument("means", t.raw, t.s, t.e, None, "vehicle")]
        if not (t.n in heads or (lang == "ar" and not heads.isdisjoint(_cands(t.n)[1]))):
            continue
        m = _CLAUSE_END.search(text, t.e, lim)
        end_lim = m.start() if m else lim
        s = t.s
        head = t.n
        if lang == "ar" and t.n[:1] in "بو" and t.n not in heads and t.n[1:2] != "ا":
            # clitic preposition/conjunction glued to the head: "بسيارات" -> "سيارات"
            core = t.n[1:]
            if core in heads or not heads.isdisjoint(_cands(core)[1]):
                s, head = t.s + 1, core
        definite = lang == "ar" and head.startswith("ال")
        e = t.e
        kk = k + 1
        after_min = False
        while kk < len(toks) and toks[kk].s < end_lim and kk - k <= 6:
            tk = toks[kk]
            w = tk.n
            if _GAP_PUNCT.search(text, toks[kk - 1].e, tk.s) and not re.fullmatch(r"[\s“”\"]*", text[toks[kk - 1].e:tk.s]):
                break
            if lang == "ar":
                if w == "من" and kk + 1 < len(toks) and toks[kk + 1].n in lex["means_number_words"]["ar"]:
                    after_min = True
                    e = tk.e
                    kk += 1
                    continue
                if after_min and w in lex["means_number_words"]["ar"]:
                    e = tk.e
                    kk += 1
                    continue
                if _stopword(w, lex, lang) or w in lex["not_arguments"]["ar"] or _verbish(tk, lex, lang, ment_starts):
                    break
                if (w[:1] == "و" and len(w) > 3) or (w[:1] in "بلك" and w not in heads and len(w) > 3
                                                    and not w.startswith("ال")):
                    break
                if definite and not w.startswith("ال"):
                    break
                if w in lex["means_adverbs"]["ar"]:
                    break
            else:
                if w in lex["phrase_stops"]["en"] or tk.raw[:1] == "“":
                    break
            e = tk.e
            kk += 1
        # a quoted or Latin model name glued to the head: طائرة”Yak-40”
        mq = re.match(r"[ \u00a0]*[“\"”]?([A-Za-z][\w-]*)[”\"]?", text[e:end_lim])
        if mq:
            e = e + mq.end()
        if lang == "en":
            while kk - 1 > k and toks[kk - 1].n in lex["phrase_trailing"]["en"] and toks[kk - 1].e == e:
                kk -= 1
                e = toks[kk - 1].e
        s_, e_ = _strip_span(text, s, e)
        return [Argument("means", text[s_:e_], s_, e_, None, "vehicle")]
    return []


_HEDGE_FIRSTS: tuple = (None, frozenset())    # (a hedge list, the first words of its hedges)


def _hedge(words, hedges, lang):
    global _HEDGE_FIRSTS
    cands = [_cands(w)[1] for w in words] if lang == "ar" else None
    if _HEDGE_FIRSTS[0] is not hedges:
        _HEDGE_FIRSTS = (hedges, frozenset(h[0] for h in hedges))
    firsts = _HEDGE_FIRSTS[1]
    # the words where some hedge's first word can stand, found once (not once per hedge)
    hits = [k for k, c in enumerate(cands) if not firsts.isdisjoint(c)] if lang == "ar" else \
        [k for k, w in enumerate(words) if w in firsts]
    for h in hedges:
        n = len(h)
        if lang == "ar":        # only where the hedge's first word can stand
            starts = [k for k in hits if k <= len(words) - n and h[0] in cands[k]]
        else:
            starts = [k for k in hits if k <= len(words) - n and words[k] == h[0]]
        for k in starts:
            if lang == "ar":
                if all(h[x] in cands[k + x] for x in range(n)):
                    return " ".join(h)
            elif words[k:k + n] == h:
                return " ".join(h)
    return None


def _verbless_whereabouts(text, p, mentions, events, recs, doc_outlet, lex):
    """'X [و Y] في <place>' at a sentence start with no trigger → whereabouts."""
    out = []
    for (ss, se) in _sentences(text, p.start, p.end):
        if any(ss <= e.trigger_start < se for e in events):
            continue
        people = [m for m in mentions if ss <= m.start < se and m.type == "person"]
        if not people or people[0].start - ss > 8:
            continue
        mm = re.compile(r"\s(?:في|ب)\s*").search(text, people[-1].end, min(se, people[-1].end + 20))
        if not mm:
            continue
        place = next((m for m in mentions if mm.end() - 1 <= m.start <= mm.end() + 1 and m.type == "place"), None)
        if place is None:
            continue
        ev = EventMention(cls="other", type="whereabouts", trigger=text[mm.start():mm.end()].strip(),
                          start=ss, end=se, trigger_start=mm.start() + 1, trigger_end=mm.end())
        ev.arguments = [_ent_arg("agent", m) for m in people if m.start < mm.start()] + [_ent_arg("place", place)]
        ev.attribution = _attribution_at(mm.start(), recs, doc_outlet)
        out.append(ev)
    return out
