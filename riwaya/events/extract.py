"""Event + attribution (isnad) extraction over clean text with offsets."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from riwaya.models import Argument, Attribution, EntityMention, EventMention, Paragraph, TimeMention
from riwaya.textutil import normalize_ar

DATA = Path(__file__).resolve().parent.parent / "data" / "events"
_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+(?:[-'’][\w]+)*", re.UNICODE)
_SENT_END = re.compile(r"(?<!\d)[.:]|[.:](?!\d)|[!?؟\n]")
_CLAUSE_END = re.compile(r"(?<!\d)[.:,]|[.:,](?!\d)|[،;؛!?؟\n•]")
_PREFIXES = ("وس", "فس", "وب", "فب", "ول", "فل", "وال", "فال", "بال", "لل", "كال", "و", "ف", "ب", "ل", "س", "ال", "ك")
_SUFFIXES = ("اتهم", "اتها", "اته", "ات", "تهم", "تها", "ته", "وها", "وه", "هما", "هم", "ها", "ه", "وا", "ون", "ين", "ان", "تا", "ت", "ا", "ن", "ي")


def _norm(s: str) -> str:
    return normalize_ar(s)


@lru_cache(maxsize=1)
def load_lexicon() -> dict:
    trig = yaml.safe_load((DATA / "triggers.yaml").read_text(encoding="utf-8"))
    cues = yaml.safe_load((DATA / "cues.yaml").read_text(encoding="utf-8"))
    att = yaml.safe_load((DATA / "attribution.yaml").read_text(encoding="utf-8"))
    ar_single, ar_multi, en_single, en_multi, passive = {}, [], {}, [], set()
    not_trig = {_norm(str(x)) for x in trig.pop("_not_triggers", [])}
    block_prev = {_norm(str(x)) for x in trig.pop("_block_prev", [])}
    for typ, d in trig.items():
        for f in d.get("ar", []):
            f = _norm(str(f))
            (ar_multi.append((f.split(), typ)) if " " in f else ar_single.setdefault(f, typ))
        for f in d.get("passive", []):
            passive.add(_norm(str(f)))
        for f in d.get("en", []):
            f = str(f).lower()
            (en_multi.append((f.split(), typ)) if " " in f else en_single.setdefault(f, typ))
    return {
        "cls": {t: d["cls"] for t, d in trig.items()},
        "ar": ar_single, "ar_multi": ar_multi, "en": en_single, "en_multi": en_multi,
        "passive": passive, "not_trig": not_trig, "block_prev": block_prev,
        "preps": {lg: [(_norm(p).split() if lg == "ar" else p.split(), r) for p, r in v]
                  for lg, v in cues["prepositions"].items()},
        "cont": {lg: [(_norm(p).split() if lg == "ar" else p.split()) for p in v]
                 for lg, v in cues["continuations"].items()},
        "means": {lg: {(_norm(m) if lg == "ar" else m) for m in v} for lg, v in cues["means"].items()},
        "amount": {lg: re.compile(p, re.I) for lg, p in cues["amount"].items()},
        "stop": {lg: {(_norm(x) if lg == "ar" else x) for x in v} for lg, v in cues["not_agent"].items()},
        "neg_exc": {lg: {(_norm(x) if lg == "ar" else x) for x in v} for lg, v in cues["negation_exceptions"].items()},
        "neg": {lg: {(_norm(x) if lg == "ar" else x) for x in v} for lg, v in cues["negation"].items()},
        "hedge": {lg: [(_norm(x) if lg == "ar" else x).split() for x in v] for lg, v in cues["hedges"].items()},
        "att_cues": {lg: sorted([(_norm(c) if lg == "ar" else c).split() for c in v], key=len, reverse=True)
                     for lg, v in att["cues"].items()},
        "att_first": {lg: {(_norm(c) if lg == "ar" else c).split()[0] for c in v} for lg, v in att["cues"].items()},
        "att_single": {lg: {(_norm(c) if lg == "ar" else c) for c in v if " " not in c} for lg, v in att["cues"].items()},
        "report_comp": {lg: {(_norm(c) if lg == "ar" else c) for c in v} for lg, v in att["complementizers"].items()},
        "scope_doc": {lg: [(_norm(c) if lg == "ar" else c) for c in v] for lg, v in att["scope_doc_markers"].items()},
        "outlet_heads": {lg: {(_norm(c) if lg == "ar" else c) for c in v} for lg, v in att["outlet_heads"].items()},
        "wires": {_norm(w) for w in att["wires"]},
        "unnamed": {lg: [re.compile(p) for p in v] for lg, v in att["unnamed"].items()},
        "trailing": re.compile(att["trailing_source"], re.M | re.I),
    }


class Tok:
    __slots__ = ("s", "e", "raw", "n")

    def __init__(self, s, e, raw, n):
        self.s, self.e, self.raw, self.n = s, e, raw, n


def _tokens(text: str, a: int, b: int, lang: str) -> list[Tok]:
    out = []
    for m in _WORD.finditer(text, a, b):
        raw = m.group()
        out.append(Tok(m.start(), m.end(), raw, _norm(raw) if lang == "ar" else raw.lower()))
    return out


def _candidates(w: str):
    yield w
    pres = [""] + [p for p in _PREFIXES if w.startswith(p) and len(w) - len(p) >= 2
                   and (not p.endswith("س") or w[len(p)] in "يتنا")]
    for p in pres:
        core = w[len(p):]
        yield core
        if core[:1] in "تن" and len(core) > 3:
            yield "ي" + core[1:]
        for s in _SUFFIXES:
            if core.endswith(s) and len(core) - len(s) >= 2:
                yield core[: -len(s)]
                if core[:1] in "تن" and len(core) - len(s) > 3:
                    yield "ي" + core[1:-len(s)]


@lru_cache(maxsize=200000)
def _cands(w: str) -> tuple[tuple, frozenset]:
    t = tuple(dict.fromkeys(_candidates(w)))
    return t, frozenset(t)


def _lookup_ar(w: str, lex: dict) -> tuple[str, str] | None:
    for c in _cands(w)[0]:
        t = lex["ar"].get(c)
        if t:
            return t, c
    return None


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


def _sentences(text, a, b):
    out, s = [], a
    for m in _SENT_END.finditer(text, a, b):
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


def _find_attributions(text, paragraphs, mentions, outlet, lex):
    """Return (doc_outlet, [attribution records]) with scopes in clean offsets."""
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
        for (ss, se) in _sentences(text, p.start, p.end):
            toks = _tokens(text, ss, se, lang)
            i = 0
            while i < len(toks):
                firsts = lex["att_first"][lang]
                tn = toks[i].n
                if tn not in firsts and (lang != "ar" or firsts.isdisjoint(_cands(tn)[1])):
                    i += 1
                    continue
                cue = next((c for c in lex["att_cues"][lang] if _seq_at(toks, i, c, lang)), None)
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
                if any(m in near for m in lex["scope_doc"][lang]) or text[ss:se].rstrip().endswith(":"):
                    scope_doc = True
                # outlet in quotes
                q = _quoted_after(text, cue_e, window_end)
                unnamed = None
                for rx in lex["unnamed"][lang]:
                    seg = text[cue_e:window_end]
                    segn = _norm(seg) if lang == "ar" else seg.lower()
                    m = rx.search(segn)
                    if m and m.start() <= 25:
                        unnamed = (cue_e + m.start(), cue_e + m.end(), seg[m.start():m.end()])
                        break
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
                            and m.type in ("person", "organization")), None)
                if ent is None:  # VSO: "قال صقر" — or SVO "صقر قال": entity just before the cue
                    ent = next((m for m in reversed(ment_sorted) if ss <= m.start and m.end <= cue_s
                                and cue_s - m.end < 4 and m.type in ("person", "organization")), None)
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
                    if scope_doc and chain[0]["kind"] in ("source_outlet", "wire"):
                        scope = (ss, len(text))
                    recs.append({"start": cue_s, "end": cue_e, "chain": chain, "hedge": None,
                                 "scope": [scope[0], scope[1]], "_doc": scope_doc})
                i = cj
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
    return doc_outlet, recs


def _attribution_at(pos, recs, doc_outlet):
    best = None
    for r in recs:
        if r["scope"][0] <= pos < r["scope"][1]:
            if best is None or (r["scope"][1] - r["scope"][0]) <= (best["scope"][1] - best["scope"][0]):
                best = r
    if best:
        return Attribution(chain=[dict(l) for l in best["chain"]], hedge=best.get("hedge"))
    if doc_outlet:
        return Attribution(chain=[{"name": doc_outlet, "kind": "outlet", "start": None, "end": None}])
    return Attribution()


# ---------------------------------------------------------------- events

def _ent_arg(role, m):
    return Argument(role, m.text, m.start, m.end, m.kb_id or m.name or m.text, m.type)


def _phrase_after(text, toks, j, clause_end, maxw=4):
    """A short noun phrase from token j: stops at clause end, a preposition-ish word, or maxw words."""
    if j >= len(toks) or toks[j].s >= clause_end:
        return None
    k = j
    while k < len(toks) and k - j < maxw and toks[k].s < clause_end:
        if k > j and toks[k].n in ("ثم", "حيث", "بعد", "قبل", "عبر", "الي", "من", "then", "and", "after", "before", "where"):
            break
        k += 1
    return toks[j].s, toks[k - 1].e


def _mention_in(ms, s, e, types=None):
    return [m for m in ms if s <= m.start and m.end <= e and (types is None or m.type in types)]


def extract(text: str, mentions: list[EntityMention], times: list[TimeMention], paragraphs: list[Paragraph],
            outlet: str | None = None, lang: str = "ar") -> tuple[list[EventMention], list[dict]]:
    lex = load_lexicon()
    if not paragraphs:
        paragraphs = [Paragraph(0, len(text), lang)]
    mentions = sorted(mentions or [], key=lambda m: (m.start, -m.end))
    times = sorted((t for t in times or [] if getattr(t.value, "kind", "date") in ("date", "time")), key=lambda t: t.start)
    doc_outlet, recs = _find_attributions(text, paragraphs, mentions, outlet, lex)
    cue_spans = [(r["start"], r["end"]) for r in recs]
    events: list[EventMention] = []
    last_time = None
    last_mover: list[Argument] = []
    for p in paragraphs:
        if p.furniture:
            continue
        plang = "en" if p.lang == "en" else "ar"
        p_subject: list[Argument] = []
        para_time = next((t for t in times if p.start <= t.start < p.end), None)
        for (ss, se) in _sentences(text, p.start, p.end):
            toks = _tokens(text, ss, se, plang)
            sent_times = [t for t in times if ss <= t.start < se]
            i = 0
            while i < len(toks):
                t = toks[i]
                hit = None
                # multiword triggers
                for seq, typ in lex[plang + "_multi"]:
                    if _seq_at(toks, i, seq, plang):
                        hit = (typ, i, i + len(seq), False)
                        break
                if hit is None and t.n not in lex["not_trig"]:
                    if plang == "ar":
                        r = _lookup_ar(t.n, lex)
                        if r:
                            hit = (r[0], i, i + 1, r[1] in lex["passive"] and _is_passive(t.raw, r[1]))
                    else:
                        typ = lex["en"].get(t.n)
                        if typ:
                            hit = (typ, i, i + 1, i > 0 and toks[i - 1].n in ("was", "were", "been", "be"))
                cont = None
                if hit is None:
                    for seq in lex["cont"][plang]:
                        if _seq_at(toks, i, seq, plang) and last_mover:
                            cont = seq
                            break
                if hit is None and cont is None:
                    i += 1
                    continue
                if hit and i > 0 and toks[i - 1].n in lex["block_prev"]:
                    i = hit[2]
                    continue
                if hit and hit[2] - hit[1] == 1 and _is_reporting(toks, i, lex, plang):
                    i += 1  # "قال/أعلن/نقلت ... أن/عن": attribution, not an event
                    continue
                if any(a <= t.s < b for a, b in cue_spans) and hit and lex["cls"][hit[0]] == "communication":
                    i += 1  # a reporting verb is attribution, not an event
                    continue
                if hit:
                    typ, ti, tj, passive = hit
                else:
                    typ, ti, tj, passive = "transfer", i, i + 1, False
                trig_s, trig_e = toks[ti].s, toks[tj - 1].e
                # clause bounds
                cs = ss
                for m in _CLAUSE_END.finditer(text, ss, trig_s):
                    cs = m.end()
                m = _CLAUSE_END.search(text, trig_e, se)
                ce = m.start() if m else se
                # allow a list after "بينهم:" / "between them:" to extend to the paragraph's bullets
                ev = EventMention(cls=lex["cls"].get(typ, "movement"), type=typ, trigger=text[trig_s:trig_e],
                                  start=ss, end=se, trigger_start=trig_s, trigger_end=trig_e)
                args: list[Argument] = []
                ppl = ("person", "organization")
                before = [mm for mm in _mention_in(mentions, cs, trig_s, ppl) if not _in_cue(mm, recs)]
                bp = [mm for mm in before if mm.type == "person"]
                if bp:
                    before = bp
                after_all = [mm for mm in _mention_in(mentions, trig_e, se, ppl) if not _in_cue(mm, recs)]
                after = [mm for mm in after_all if mm.start < ce or mm.start - trig_e < 40]
                agent = None
                if cont is not None:
                    args += [Argument(a.role, a.text, a.start, a.end, a.entity, a.type) for a in last_mover]
                elif before:
                    agent = before[-1]
                elif after and not _prep_before(toks, after[0].start, plang, lex):
                    agent = after[0]
                if agent is None and cont is None:
                    # subject set earlier in the sentence (before the clause) or the paragraph
                    prev = [mm for mm in _mention_in(mentions, ss, cs, ppl) if not _in_cue(mm, recs)]
                    prev = [mm for mm in prev if mm.type == "person"] or prev
                    if prev and lex["cls"].get(typ) != "control":
                        agent = prev[0]
                    elif p_subject:
                        args += [Argument(a.role, a.text, a.start, a.end, a.entity, a.type) for a in p_subject]
                    elif last_mover and lex["cls"].get(typ) == "movement":
                        args += [Argument(a.role, a.text, a.start, a.end, a.entity, a.type) for a in last_mover]
                if agent is None and cont is None and not any(a.role == "agent" for a in args):
                    ph = _fallback_agent(text, toks, ti, tj, cs, ce, plang, lex)
                    if ph:
                        args.append(Argument("agent", text[ph[0]:ph[1]], ph[0], ph[1], None, None))
                if agent is not None:
                    args.append(_ent_arg("agent", agent))
                    if not p_subject and agent.start - p.start < 40:
                        p_subject = [args[-1]]
                # companions: "برفقة/بمرافقة/مع X" and bullet lists after "بينهم"
                args += _companions(text, toks, trig_e, se, p, mentions, plang, lex)
                # prepositional arguments
                args += _prep_args(text, toks, tj, ce if cont is None else se, se, mentions, plang, lex, cont)
                # means, amount
                args += _means(text, toks, tj, se, plang, lex)
                for am in lex["amount"][plang].finditer(text, cs, se):
                    if re.search(r"\d", am.group()) and (plang == "ar" or re.search(r"[$a-z]", am.group(), re.I)):
                        s_, e_ = _strip_span(text, am.start(), am.end())
                        args.append(Argument("amount", text[s_:e_], s_, e_, None, "amount"))
                means_sp = [(a.start, a.end) for a in args if a.role == "means"]
                args = [a for a in args if a.role == "means" or not any(ms_ <= a.start < me_ for ms_, me_ in means_sp)]
                # dedupe
                seen, uniq = set(), []
                for a in args:
                    k = (a.role, a.start, a.end)
                    if k not in seen:
                        seen.add(k)
                        uniq.append(a)
                ev.arguments = uniq
                # time
                tm = None
                if sent_times:
                    tm = min(sent_times, key=lambda x: abs(x.start - trig_s))
                elif para_time is not None:
                    tm = para_time
                elif last_time is not None:
                    tm = last_time
                if tm is not None:
                    ev.time = tm.value
                # negation / hedge
                prev_words = [x.n for x in toks[max(0, ti - 3):ti]]
                nxt_w = toks[ti - 1].n if ti > 0 else ""
                if nxt_w in lex["neg_exc"][plang] or (ti > 1 and toks[ti - 1].n in lex["neg_exc"][plang]):
                    prev_words = []
                if any(w in lex["neg"][plang] for w in prev_words[-2:]) or \
                        (plang == "en" and any(w in ("not", "never", "didn't", "n't") for w in prev_words)):
                    ev.negated, ev.polarity = True, "denied"
                sent_n = [x.n for x in toks[:ti]]
                hedge = _hedge(sent_n, lex["hedge"][plang], plang)
                ev.attribution = _attribution_at(trig_s, recs, doc_outlet)
                if hedge:
                    ev.polarity = "hedged" if not ev.negated else ev.polarity
                    ev.attribution.hedge = hedge
                movers = [a for a in ev.arguments if a.role in ("agent", "companion")]
                if ev.cls == "movement" and movers:
                    last_mover = movers
                if typ == "whereabouts" and not any(a.role == "place" for a in ev.arguments):
                    pl = [mm for mm in mentions if cs <= mm.start < se and mm.type == "place"] or \
                        [mm for mm in mentions if ss <= mm.start < se and mm.type == "place"]
                    if pl:
                        ev.arguments.append(_ent_arg("place", pl[0]))
                events.append(ev)
                i = tj
            if sent_times:
                last_time = sent_times[-1]
        # whereabouts statements without verb: "X و Y في روسيا، ..."
        events += _verbless_whereabouts(text, p, mentions, events, recs, doc_outlet, lex)
    events.sort(key=lambda e: (e.trigger_start, e.trigger_end))
    return events, recs


def _fallback_agent(text, toks, ti, tj, cs, ce, lang, lex):
    """No entity mention: the noun right after a verb (VSO) or the words opening the clause (SVO)."""
    stop = lex["stop"][lang]
    first = toks[ti].n
    if lang == "ar" and (first.startswith(("ال", "وال", "بال", "لل")) or first.endswith(("ات", "ه"))):
        return None  # a noun trigger: no subject slot
    j = tj
    if j < len(toks) and toks[j].s < ce and toks[j].n not in stop and not toks[j].n[:1].isdigit():
        k = j + 1
        if k < len(toks) and toks[k].s < ce and toks[k].n.startswith("ال") and toks[k].n not in stop:
            k += 1
        return toks[j].s, toks[k - 1].e
    pre = [t for t in toks[:ti] if t.s >= cs]
    if pre and pre[0].n not in stop and len(pre) <= 3:
        return pre[0].s, pre[-1].e
    return None


def _is_reporting(toks, i, lex, lang):
    w = toks[i].n
    single = lex["att_single"][lang]
    if not (w in single or (lang == "ar" and not single.isdisjoint(_cands(w)[1]))):
        return False
    nxt = [t.n for t in toks[i + 1:i + 8]]
    return any(x in lex["report_comp"][lang] for x in nxt)


def _in_cue(m, recs):
    for r in recs:
        for l in r["chain"]:
            if l.get("start") is not None and l["start"] <= m.start < l["end"] + 1:
                return True
    return False


def _is_passive(raw: str, stem: str) -> bool:
    # نُقل / يُنقل: damma on the first radical letter marks the passive
    return "\u064f" in raw[:3]


def _prep_before(toks, pos, lang, lex):
    for k, t in enumerate(toks):
        if t.e <= pos and (pos - t.e) < 3:
            return any(seq[-1] == t.n or (lang == "ar" and t.n in ("من", "الي", "في", "عبر", "نحو")) for seq, _ in lex["preps"][lang])
    return False


def _companions(text, toks, trig_e, se, p, mentions, lang, lex):
    out = []
    norm_seg = text[trig_e:se]
    cues = ("برفقه", "بمرافقه", "مع", "رفقه", "ومعه", "accompanied", "with")
    for k, t in enumerate(toks):
        if t.s < trig_e:
            continue
        if t.n in cues or not _cands(t.n)[1].isdisjoint(cues[:3]):
            for mm in mentions:
                if t.e <= mm.start < t.e + 40 and mm.end <= se and mm.type == "person":
                    out.append(_ent_arg("companion", mm))
            ph = _phrase_after(text, toks, k + 1, se, maxw=3) if not out else None
            if ph:
                s_, e_ = ph
                out.append(Argument("companion", text[s_:e_], s_, e_, None, None))
            break
    # list: "وعلى متنها ... بينهم:" followed by bullet lines
    tail = text[trig_e:se + 2]
    if re.search(r"(بينهم|منهم|among them|including)\s*:?\s*$", text[trig_e:se].rstrip(" :") + ":") and text[se - 1:se] == ":":
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


def _prep_args(text, toks, tj, ce, se, mentions, lang, lex, cont):
    out = []
    k = tj
    taken = set()
    while k < len(toks) and toks[k].s < se:
        t = toks[k]
        if t.s >= ce and not (lang == "ar" and t.n in ("ثم",)):
            # after the clause ends, only follow "ثم إلى" / "ومن هناك إلى"
            if not any(_seq_at(toks, k, seq, lang) for seq in lex["cont"][lang]):
                break
        hit = None
        for seq, role in lex["preps"][lang]:
            if _seq_at(toks, k, seq, lang):
                hit = (seq, role)
                break
        # Arabic clitic preposition ب (place/means) : "بدمشق"
        if hit is None and lang == "ar" and t.n.startswith("ب") and len(t.n) > 3:
            mm = next((m for m in mentions if m.start <= t.s < m.end or (m.start == t.s + 1)), None)
            if mm is not None and mm.type == "place":
                out.append(_ent_arg("place", mm))
            k += 1
            continue
        if hit is None:
            k += 1
            continue
        seq, role = hit
        j = k + len(seq)
        if j >= len(toks):
            break
        ps = toks[j].s
        mm = next((m for m in mentions if ps <= m.start < ps + 3 and m.type in ("place", "organization", "vehicle", "other")), None)
        if mm is None:
            mm = next((m for m in mentions if m.start <= ps < m.end), None)
        if mm is not None and mm.type != "person":
            if (role, mm.start) not in taken:
                out.append(_ent_arg(role, mm))
                taken.add((role, mm.start))
            k = j
            while k < len(toks) and toks[k].s < mm.end:
                k += 1
            continue
        if role in ("origin", "place") and (lang == "ar" and toks[j].n in ("قبل", "بعد", "اجل", "خلال", "جهه", "هناك", "بين")):
            k = j
            continue
        if role in ("destination", "via", "origin", "place") and not any(toks[j].n == sq[0] for sq, _ in lex["preps"][lang]):
            ph = _phrase_after(text, toks, j, se, maxw=3)
            if ph and not any(x.n in lex["means"][lang] for x in toks[j:j + 1]) or (ph and role == "destination"):
                s_, e_ = _strip_span(text, *ph)
                inner = next((m for m in mentions if s_ <= m.start < e_ and m.type in ("place", "organization")), None)
                if inner is not None:
                    if (role, inner.start) not in taken:
                        out.append(_ent_arg(role, inner))
                        taken.add((role, inner.start))
                elif (role, s_) not in taken and e_ > s_:
                    out.append(Argument(role, text[s_:e_], s_, e_, None, None))
                    taken.add((role, s_))
        k = j
    return out


def _means(text, toks, tj, se, lang, lex):
    out = []
    for k in range(max(0, tj - 1), len(toks)):
        t = toks[k]
        if t.s >= se:
            break
        if t.n in lex["means"][lang] or (lang == "ar" and not lex["means"][lang].isdisjoint(_cands(t.n)[1])):
            e = t.e
            m = _CLAUSE_END.search(text, t.e, se)
            lim = m.start() if m else se
            # extend over following words (max 7) until a preposition marking another role
            kk = k + 1
            while kk < len(toks) and toks[kk].s < lim and kk - k <= 7:
                if toks[kk].n in ("الي", "نحو", "ثم", "بمرافقه", "برفقه", "حيث", "متجهه", "to", "then", "heading"):
                    break
                if toks[kk].n == "من" and kk + 1 < len(toks) and toks[kk + 1].n not in ("ثلاث", "اربع", "خمس", "عشرات"):
                    break
                e = toks[kk].e
                kk += 1
            # include a quoted/latin model name glued to the head: طائرة”Yak-40”
            mq = re.match(r"\s*[“\"”]?([A-Za-z][\w-]*)[”\"]?", text[e:lim])
            if mq:
                e = e + mq.end()
            s_, e_ = _strip_span(text, t.s, e)
            out.append(Argument("means", text[s_:e_], s_, e_, None, "vehicle"))
            break
    return out


def _hedge(words, hedges, lang):
    for h in hedges:
        n = len(h)
        for k in range(len(words) - n + 1):
            if lang == "ar":
                if all(h[x] in _cands(words[k + x])[1] for x in range(n)):
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
