"""place31 (issue #14): where a place-role span starts as the annotation writes it (a place noun heading the name,
the whole word where a preposition is glued on the name), and a movement's origin or destination read from the
preposition right before a place when the argument model left the slot empty (cues.yaml place_span,
path_after_prep; README place31)."""
import pytest

from riwaya.events import learned
from riwaya.models import Argument, EventMention


def _event(text: str, trigger: str, typ: str = "arrival", cls: str = "movement") -> EventMention:
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def _arg(text: str, span: str, role: str) -> Argument:
    s = text.index(span)
    return Argument(role=role, text=span, start=s, end=s + len(span), type="place")


def _cand(text: str, span: str, etype: str = "place") -> learned.Candidate:
    s = text.index(span)
    return learned.Candidate(s, s + len(span), span, None, etype, None, None)


def _span(text, trigger, span, role="destination", typ="departure", others=()):
    ev = _event(text, trigger, typ)
    a = _arg(text, span, role)
    got = learned._place_span(learned.Text(text), ev, a, [(text.index(o), text.index(o) + len(o)) for o in others],
                              learned._lexicon())
    return None if got is None else text[got[0]:got[1]]


def test_switches_shipped_on():
    assert learned.PLACE_HEAD and learned.PLACE_WHOLE_WORD and learned.PATH_AFTER_PREP


def test_place_noun_heads_the_name():
    assert _span("وتوجه الوزير إلى مدينة عدن أمس.", "وتوجه", "عدن") == "مدينة عدن"
    assert _span("وتم نقل الجرحى إلى العاصمة بغداد.", "نقل", "بغداد", typ="transfer") == "العاصمة بغداد"
    assert _span("وفرت الفتاة من محافظة لحج.", "وفرت", "لحج", role="origin", typ="escape") == "محافظة لحج"


def test_head_not_over_the_trigger_punctuation_or_another_argument():
    # no place noun before the name: the span stays
    assert _span("وتوجه الوزير إلى عدن أمس.", "وتوجه", "عدن") is None
    # the word before is the trigger's own
    assert _span("غادر المطار عدن.", "المطار", "عدن") is None
    # a comma closes the place noun's phrase
    assert _span("وصل الوفد إلى المدينة، عدن.", "وصل", "عدن", typ="arrival") is None
    # the place noun is another argument's word
    assert _span("وتوجه الوزير إلى مطار عدن.", "وتوجه", "عدن", others=("مطار",)) is None


def test_whole_word_where_a_preposition_is_glued():
    text = "وصل وزير الخارجية الكويتي في زيارة للسعودية."
    s = text.index("للسعودية") + 1        # a name mention read inside the word: "لسعودية"
    ev = _event(text, "زيارة", "visit")
    a = Argument(role="destination", text=text[s:s + 7], start=s, end=s + 7, type="place")
    got = learned._place_span(learned.Text(text), ev, a, [], learned._lexicon())
    assert got is not None and text[got[0]:got[1]] == "للسعودية"


def test_span_rules_only_for_place_roles(monkeypatch):
    assert _span("قتل الجنود رجال الأمن مدينة عدن.", "قتل", "عدن", role="patient", typ="killing") is None
    monkeypatch.setattr(learned, "PLACE_HEAD", False)
    assert _span("وتوجه الوزير إلى مدينة عدن أمس.", "وتوجه", "عدن") is None


def _path(text, trigger, cands, chosen=(), typ="arrival", cls="movement", triggers=None):
    ev = _event(text, trigger, typ, cls)
    trigs = triggers or [(ev.trigger_start, ev.trigger_end)]
    out = learned._path_after_prep(learned.Text(text), ev, list(chosen), [_cand(text, *c) for c in cands], trigs,
                                   learned._lexicon())
    return [(a.role, a.text) for a in out]


def test_origin_and_destination_after_their_preposition():
    text = "وحطت أول طائرة مدنية من جيبوتي في مطار عدن."
    assert _path(text, "وحطت", [("جيبوتي",), ("عدن",)]) == [("origin", "جيبوتي")]
    text = "ونقل المصابون بسيارات الإسعاف إلى مستشفى المدينة."
    assert _path(text, "ونقل", [("مستشفى المدينة", "np")], typ="transfer") == [("destination", "مستشفى المدينة")]


def test_path_needs_a_place_an_empty_slot_and_its_clause():
    text = "وصل عشرات من المقاتلين إلى المدينة."
    assert _path(text, "وصل", [("المقاتلين", "np")]) == []          # من before people: no origin
    text = "وحطت الطائرة من جيبوتي."
    assert _path(text, "وحطت", [("جيبوتي",)], chosen=[_arg(text, "الطائرة", "origin")]) == []
    text = "وصلت الطائرة أمس، وقال مسؤول من مدينة تعز إن الرحلة تأخرت."
    assert _path(text, "وصلت", [("مدينة تعز", "np")]) == []            # a comma: another clause
    text = "قتل ثلاثة من عدن."
    assert _path(text, "قتل", [("عدن",)], typ="killing", cls="harm") == []   # not a movement
