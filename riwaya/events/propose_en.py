"""A learned trigger proposer for English: finds event triggers the lexicon lacks (issue 14).

The English lexicon (schema.yaml ``en`` triggers and the forms learned from the corpus) is looked up by
surface form, so "asks", "criticised", "the ruling", "his pilgrimage" stay unseen unless listed one by
one. Here every content word of a parsed English sentence that the lexicon does not know is a candidate,
judged in context by two small logistic models trained by ``scripts/train_events.py`` on the annotated
corpus (weights in ``data/events/model.json``, ``en.proposer``):

- *detect*: is this word an event trigger here (binary), over every content word, the lexicon's own
  included (its verdict is a feature). On the corpus's dev split it rarely finds a new trigger worth its
  false ones (an English word's meaning is not in its shape, and 350 training mentions teach few words),
  but it tells well when a lexicon word is no event here: it ships as a veto on lexicon words
  (``detect.veto``), and as a proposer of new words only when its adding threshold (``detect.logit``)
  is set;
- *type*: of which event type a new word is (multinomial, over the types seen often enough in training).

Features come from spaCy's parse, which the English argument stage already has (``english.Parsed``):
the word and its lemma, part of speech, fine tag and dependency label, the head's lemma and label, the
lexicon's verdict on the lemma (and on the head's lemma: "carried out a strike", "held talks"),
suffixes (-tion, -ment, -al, -ing), whether a name covers the word, whether it has a subject, an object
or a determiner / possessor, and the words either side. What it proposes then goes through the rules'
argument, time, polarity and source stages and the learned decisions after them like a lexicon hit.
"""
from __future__ import annotations

from .english import (competition_name, context_gated, dependent_type, directive_type, granted_object, interview_type,
                      lemma_type, motion_type, office_type, sport_type)
from .propose import type_probs

# set by the training script: the proposer it is fitting with (an empty dict: none), and a list that
# collects every candidate word with its features (start, end, features, lexicon type) while the rules run
OVERRIDE: dict | None = None
RECORD: list | None = None

_CONTENT = frozenset(("NOUN", "VERB", "PROPN", "ADJ", "AUX"))


def model() -> dict | None:
    if OVERRIDE is not None:
        return OVERRIDE or None
    from .learned import model_for
    return (model_for("en") or {}).get("proposer")


def candidate(tok) -> bool:
    w = tok.lower_
    return len(w) >= 3 and w[:1].isalpha() and tok.pos_ in _CONTENT and not tok.is_stop and not tok.like_num


def features(P, tok, lex: dict, ent: str) -> list[str]:
    """The features of one spaCy token in its sentence (P: english.Parsed)."""
    en = lex["en"]
    w, lem = tok.lower_, tok.lemma_.lower()
    h = tok.head
    kids = {c.dep_ for c in tok.children}
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    det = next((c.lower_ for c in tok.children if c.dep_ in ("det", "poss")), "none")
    return [
        f"w={w}", f"lemma={lem}", f"pos={tok.pos_}", f"tag={tok.tag_}", f"dep={tok.dep_}",
        f"dep_pos={tok.dep_}|{tok.pos_}", f"lex_lemma={en.get(lem, 'none')}",
        f"lex_lemma_pos={en.get(lem, 'none')}|{tok.pos_}",
        f"s2={lem[-2:]}", f"s3={lem[-3:]}", f"s4={lem[-4:]}", f"wsuf3={w[-3:]}",
        f"head={h.lemma_.lower() if h.i != tok.i else '<root>'}", f"head_dep={h.dep_ if h.i != tok.i else '<root>'}",
        f"head_lex={en.get(h.lemma_.lower(), 'none') if h.i != tok.i else 'none'}",
        f"head_pos={h.pos_ if h.i != tok.i else '<root>'}", f"ent={ent}",
        f"cap={tok.text[:1].isupper() and tok.i != tok.sent.start}",
        f"subj={bool(kids & {'nsubj', 'nsubjpass'})}", f"obj={bool(kids & {'dobj', 'obj'})}",
        f"prep={'prep' in kids}", f"det={det if det in ('the', 'a', 'an', 'his', 'her', 'their', 'its') else 'other' if det != 'none' else 'none'}",
        f"of={any(c.dep_ == 'prep' and c.lower_ == 'of' for c in tok.children)}",
        f"prev={prev.lower_ if prev is not None else '<s>'}", f"next={nxt.lower_ if nxt is not None else '</s>'}",
        f"prev_pos={prev.pos_ if prev is not None else '<s>'}", f"next_pos={nxt.pos_ if nxt is not None else '</s>'}",
        f"prev_lex={en.get(prev.lemma_.lower(), 'none') if prev is not None else '<s>'}",
    ]


def propose(P, toks: list, mentions, lex: dict) -> dict[int, tuple[str, str] | None]:
    """The detector's verdicts on the words of one English sentence: {token index: (type, lemma)} for a
    word outside the lexicon it finds an event (only when the model has an adding threshold), {token
    index: None} for a lexicon word it finds no event here (below its veto threshold: "in order to",
    "so-called", "the votes"). `P`: the paragraph's parse (english.Parsed) or None; `toks`: the
    extractor's tokens (s, e, raw, n); `mentions`: the entity mentions starting in the sentence."""
    M = model()
    if P is None:
        return {}
    # general motion verbs going to a named place ("went to Kabul"), competition names and playing in a
    # paragraph about a competition ("the Davis Cup", "we didn't play well"), a speech verb with an infinitive
    # ("was told to prepare": an order), taking an office ("came into office"), an interview's speech verb ("tells
    # Wikinews about", "answered five questions": a statement): rules of the parse, not of the model
    # A form learned from the corpus (lex["en_learned"]) whose lemma is one of those verbs is judged the same
    # way: the corpus's "went", "play" are events in their context only ({index: None} when the context says no)
    moves = {}
    learned_forms = lex.get("en_learned", ())
    for i, t in enumerate(toks):
        tok = P.by_start.get(t.s)
        if tok is None or t.n in lex["not_trig"]:
            continue
        gated = t.n in learned_forms and context_gated(tok)
        if not lex["en"].get(t.n) or gated:
            typ = motion_type(P, tok) or sport_type(P, tok, lex) or directive_type(tok) or office_type(tok) or \
                interview_type(P, tok) or dependent_type(P, tok)
            if typ:
                moves[i] = (typ, tok.lemma_.lower())
            elif gated:
                moves[i] = None
    if M is None and RECORD is None:
        return moves
    ent: dict[int, str] = {}
    for m in mentions:
        for t in toks:
            if m.start <= t.s < m.end:
                ent[t.s] = m.type
    d = M and M["detect"]
    add, veto = (d.get("logit"), d.get("veto")) if d else (None, None)
    out: dict[int, tuple[str, str] | None] = {}
    for i, t in enumerate(toks):
        known = lex["en"].get(t.n) or lemma_type(P, t.s, t.n, lex) or ""
        if RECORD is None and (veto if known else add) is None:
            continue
        tok = P.by_start.get(t.s)
        if tok is None or not candidate(tok) or t.n in lex["not_trig"]:
            continue
        f = features(P, tok, lex, ent.get(t.s, "none")) + [f"lex={known or 'none'}", f"lex_pos={known or 'none'}|{tok.pos_}",
                                                          f"lex_dep={known or 'none'}|{tok.dep_}"]
        if RECORD is not None:
            RECORD.append((t.s, t.e, f, known))
            if not d or (veto if known else add) is None:
                continue
        if i in moves:
            continue                # the context rule has decided
        z = d["bias"] + sum(d["w"].get(x, 0.0) for x in f)
        if known:
            # a competition's name is one, and so is what a granting verb grants, whatever the model says
            if z < veto and not competition_name(tok) and not granted_object(tok, known):
                out[i] = None
        elif z >= add:
            p = type_probs(M["type"], f)
            out[i] = (max(p, key=p.get), tok.lemma_.lower())
    return {**moves, **out}
