"""argument_features makes what does not depend on the candidate once per event (issue 20, helper speed11):
the same feature strings, in the same order, as the plain code it replaces, on real text; and the per-event
part is made again when the event, its candidate list or the document changes."""
import copy
import importlib
from pathlib import Path

from riwaya.analyze import analyze
from riwaya.ingest.readers import read_paths
from riwaya.models import EventMention

L = importlib.import_module("riwaya.events.learned")
ROOT = Path(__file__).resolve().parents[1]


# the code before the per-event part (learned.py at 1771070), kept to compare with
def _plain_argument_features(T: L.Text, ev: L.EventMention, c: L.Candidate, others: list[L.Candidate],
                      triggers: list[tuple[int, int]] = ()) -> list[str]:
    ti, _ = T.tok_range(ev.trigger_start, ev.trigger_end)
    ci, cj = T.tok_range(c.start, c.end)
    after = c.start >= ev.trigger_end
    gap = (ci - ti - 1) if after else (ti - cj)
    lo, hi = (ev.trigger_end, c.start) if after else (c.end, ev.trigger_start)
    between = T.text[lo:hi] if hi > lo else ""
    first = T.word(ci)
    prep = T.word(ci - 1)
    cl = L._clitic(first)
    side = "after" if after else "before"
    nearest = not any((o.start >= ev.trigger_end) == after and
                      (o.start < c.start if after else o.start > c.start) for o in others if o is not c)
    rr = c.rule_role or "none"
    trig = L.normalize_ar(ev.trigger)
    nominal = L._clitic(trig).endswith("ال") or trig[len(L._clitic(trig)):] in L._nominals()
    passive = "\u064f" in ev.trigger[:3]          # a damma on the first letters: قُتل، أُصيب
    tix = L.trigger_index(triggers)
    is_trig = tix.overlaps(c.start, c.end)
    trig_between = tix.inside(lo, hi)
    f = [f"nominal_side_gap={nominal}|{side}|{L._bucket(max(gap, 0))}", f"passive_side={passive}|{side}",
         f"cand_is_trigger={is_trig}", f"trigger_between={trig_between}", f"nominal_prep={nominal}|{prep}",f"rule={rr}", f"etype={c.etype}", f"side={side}", f"gap={L._bucket(max(gap, 0))}", f"prep={prep}",
         f"clitic={cl}", f"first={first}", f"len={L._bucket(cj - ci)}", f"nearest={nearest}",
         f"comma={'،' in between or ',' in between}", f"cls={ev.cls}", f"type={ev.type}",
         f"rule_cls={rr}|{ev.cls}", f"rule_type={rr}|{ev.type}", f"prep_cls={prep}|{ev.cls}",
         f"clitic_cls={cl}|{ev.cls}", f"side_etype_cls={side}|{c.etype}|{ev.cls}",
         f"side_gap_cls={side}|{L._bucket(max(gap, 0))}|{ev.cls}", f"prep_etype={prep}|{c.etype}",
         f"trig_side={L.normalize_ar(ev.trigger)}|{side}", f"pol={ev.polarity}",
         f"kb={c.entity is not None}", f"nearest_side_etype={nearest}|{side}|{c.etype}"]
    # who the trigger's own pronoun points at (هجومها، اعتقالهم), the sentence's first actor, and what
    # the rules already gave
    suffix = next((x for x in L._suffixes() if nominal and trig.endswith(x)), "")
    actors = [o for o in others if o.etype in ("person", "organization", "np") and o.start < ev.trigger_start]
    first_actor = bool(actors) and min(actors, key=lambda o: o.start) is c
    rule_agent = any(o.rule_role == "agent" for o in others)
    f += [f"suffix_side_etype={bool(suffix)}|{side}|{c.etype}", f"first_actor={first_actor}|{side}|{nominal}",
          f"rule_agent={rule_agent}|{rr}", f"etype_type_side={c.etype}|{ev.type}|{side}",
          f"type_prep_side={ev.type}|{prep}|{side}"]
    # the shape of the candidate's first and last words and of the word after it (args8): a verb, a
    # pronoun-carrying noun or an adverb (قادت، لحسمها، حصاراً) is seldom a participant on unseen text
    sf, sl, sn = L._shape(T, ci), L._shape(T, cj - 1), L._shape(T, cj)
    if c.etype not in ("person", "organization", "place"):   # a named entity's type says more than its shape
        f += [f"shape_first={sf}", f"shape_last={sl}", f"shape_next={sn}", f"shape_first_etype={sf}|{c.etype}",
              f"shape_first_side={sf}|{side}", f"shape_last_etype={sl}|{c.etype}"]
    # a phrase headed by a doer noun (cues.yaml doer_heads: قوات، التنظيم، الفريق، انتحاري): right after a
    # verb it is mostly the verb's subject, where another phrase mostly undergoes a passive (قتل 5 أشخاص);
    # far before a verbal noun it is the doer the sentence opened with (actor10)
    doer = c.etype in ("person", "organization") or L._doer_head(first)
    tshape = L._shape(T, ti)
    f += [] if not L.DOER_FEATURES or (L.DOER_FEATURES == "before" and after) else [f"doer={doer}|{side}|{L._bucket(max(gap, 0))}|{nominal}", f"doer_tshape={doer}|{tshape}|{side}",
          f"doer_cls={doer}|{side}|{ev.cls}"]
    if c.subject:
        f += [f"subject={c.subject}|{ev.cls}", f"subject_nominal={c.subject}|{nominal}|{L._bucket(max(gap, 0))}",
              f"subject_rule={c.subject}|{rr}"]
    if L.EN_PARSE_FEATURES and L.lang_of(ev) == "en":      # English: the parse's reading (en14), made per candidate
        f += L.en_parse_features(T, ev, c)
    return f + _plain_voice_features(T, ev, c, ti, ci, cj, after, gap, nominal, triggers)


def _plain_voice_features(T: L.Text, ev: L.EventMention, c: L.Candidate, ti: int, ci: int, cj: int, after: bool, gap: int,
                    nominal: bool, triggers) -> list[str]:
    """What tells the doer from the one it befalls: the genitive right after a verbal noun (اغتيال X: X
    undergoes it; هجوم المسلحين: they do it; learned per type), a passive light verb before the trigger
    (تم القبض على X), a doer named after من قبل / على يد, the verb's ending (قتلوا: a plural subject before
    it or dropped), and whether the candidate stands right after or before another event's trigger (the
    subject of that verb)."""
    lex = L._lexicon()
    side = "after" if after else "before"
    trig = L.normalize_ar(ev.trigger)
    f = [f"trig_end={trig[-2:]}|{side}", f"trig_end_type={trig[-2:]}|{ev.type}|{side}"]
    if nominal and after and gap == 0:
        f += [f"genitive={ev.type}", f"genitive_etype={c.etype}|{ev.cls}"]
    aux = T.word(ti - 1)
    aux = aux[1:] if aux[:1] in "وف" and aux[1:] in lex["passive_aux"]["ar"] else aux
    if aux in lex["passive_aux"]["ar"]:
        f += [f"passive_aux={side}", f"passive_aux_type={ev.type}|{side}"]
    if after and 0 < gap <= 8:
        words = " " + " ".join(T.word(k) for k in range(ci - gap, ci)) + " "
        if any(f" {p} " in words for p in lex["agent_by"]["ar"]):
            f.append("agent_by")
    tix = L.trigger_index(triggers)
    pk = ci - 1
    if pk >= 0 and tix.covers(T.toks[pk].start, ev.trigger_start):
        f.append(f"after_other_trigger={side}")
    if cj < len(T.toks) and tix.covers(T.toks[cj].start, ev.trigger_start):
        f.append(f"before_other_trigger={side}")
    if T.word(pk) in lex["att_single"]["ar"] or T.word(pk) in lex["speaker_cues"]["ar"]:
        f += [f"after_speech_verb={side}", f"after_speech_verb_cls={ev.cls}|{side}"]
    return f


def _recorded_calls(n_docs: int = 2) -> list[tuple]:
    """The argument_features calls refine makes on real articles (the bundled seeds), with what they gave."""
    calls = []
    real = L.argument_features

    def rec(T, ev, c, others, triggers=()):
        f = real(T, ev, c, others, triggers)
        calls.append((T, copy.copy(ev), c, others, triggers, f))   # refine sets its polarity after
        return f

    L.argument_features = rec
    try:
        docs = sorted(read_paths([str(ROOT / "corpus/fall-of-assad")]), key=lambda d: d.id)[:n_docs]
        for d in docs:
            analyze(d)
    finally:
        L.argument_features = real
    return calls


def test_the_same_features_as_the_plain_code_on_real_articles():
    calls = _recorded_calls()
    assert len(calls) > 50
    for T, ev, c, others, triggers, f in calls:
        assert f == _plain_argument_features(T, ev, c, others, triggers)
    # asked out of order (another event's candidate in between), each still gets its own event's part
    for (T, ev, c, o, tr, f), (T2, ev2, c2, o2, tr2, f2) in zip(calls[::7], calls[3::7]):
        assert L.argument_features(T, ev, c, o, tr) == f
        assert L.argument_features(T2, ev2, c2, o2, tr2) == f2


TEXT = "قال مصدر إن مسلحين هاجموا القوات في المدينة، وقتلوا جنديين."


def _cand(text, word, etype="np", rule_role=None):
    s = text.index(word)
    return L.Candidate(s, s + len(word), word, rule_role, etype, None, None)


def test_the_part_follows_the_event_its_candidates_and_the_document():
    T = L.Text(TEXT)
    s = TEXT.index("هاجموا")
    ev = EventMention(cls="harm", type="attack", trigger="هاجموا", start=0, end=len(TEXT), trigger_start=s,
                      trigger_end=s + len("هاجموا"))
    a, b, c = _cand(TEXT, "مسلحين", "np"), _cand(TEXT, "القوات", "organization"), _cand(TEXT, "المدينة", "place")
    cands = [a, b, c]
    f = L.argument_features(T, ev, b, cands)
    assert f == _plain_argument_features(T, ev, b, cands) and "type=attack" in f
    ev.type, ev.cls = "killing", "harm"          # the same event object, changed: a new part
    f = L.argument_features(T, ev, b, cands)
    assert "type=killing" in f and f == _plain_argument_features(T, ev, b, cands)
    cands.append(_cand(TEXT, "جنديين", rule_role="agent"))       # the list grew: a rules' agent now
    assert "rule_agent=True|none" in L.argument_features(T, ev, b, cands)
    other = [L.Candidate(b.start, b.end, b.text, None, "organization", None, None)]   # an equal, other list
    assert L.argument_features(T, ev, b, other) == _plain_argument_features(T, ev, b, other)
    # nearest: a candidate that is not in the list, and each side's nearest
    for cand in (a, b, c, cands[-1]):
        for lst in (cands, [a, c], [c], []):
            assert L.argument_features(T, ev, cand, lst) == _plain_argument_features(T, ev, cand, lst)
    T2 = L.Text(TEXT + " ")                     # another document, same offsets: a new part
    assert L.argument_features(T2, ev, b, cands) == _plain_argument_features(T2, ev, b, cands)
