"""speed35 (issue 20): fronted places (place34) found once per sentence and set of places
(learned.FRONTED_MEMO) and the comma test by a set's isdisjoint: the same places as the walk per event."""
import pytest

from riwaya.events import learned
from riwaya.models import EntityMention, EventMention

TEXTS = [
    "قال مسؤول أمني. وفي محافظة تعز، قتل ثلاثة مدنيين وأصيب خمسة آخرون، واعتقل اثنان.",
    "أما في قيفة رداع بالبيضاء فقد قتل ثمانية، وجرح عشرة. وبمدينة عدن، أعلنت الشرطة القبض على متهمين.",
    "وفي صنعاء، قتل اثنان، وفي محافظة إب، أصيب خمسة ، واعتقل ثلاثة. قتل ثلاثة، في محافظة تعز، أمس.",
    "وفي هذا السياق، قال الوزير إن الهجوم فشل. وفي وقت لاحق، قتل مسلح شرطيا, ثم فر.",
]
TRIGGERS = ["قتل", "وأصيب", "أصيب", "واعتقل", "وجرح", "أعلنت", "قال", "فر"]
PLACES = ["تعز", "قيفة رداع", "صنعاء", "إب", "عدن"]


def _old_comma_before(T, k):
    return k > 0 and any(ch in learned._COMMA_TOKEN for ch in T.text[T.toks[k - 1].start:T.toks[k].start])


def _events(text):
    out, seen = [], set()
    for w in TRIGGERS:
        s = text.find(w)
        while s >= 0:
            if s not in seen:
                seen.add(s)
                out.append(EventMention(cls="harm", type="killing", trigger=w, start=0, end=len(text),
                                        trigger_start=s, trigger_end=s + len(w)))
            s = text.find(w, s + 1)
    return sorted(out, key=lambda e: e.trigger_start)


def _places(text):
    out = []
    for p in PLACES:
        s = text.find(p)
        if s >= 0:
            out.append(EntityMention(start=s, end=s + len(p), text=p, type="place", kb_id=f"place:{p}"))
    return out


def _key(a):
    return None if a is None else (a.role, a.text, a.start, a.end, a.entity, a.type)


def test_switch_shipped_on():
    assert learned.FRONTED_MEMO is True


@pytest.mark.parametrize("text", TEXTS)
def test_comma_test_as_before_on_every_token(text):
    T = learned.Text(text)
    assert [learned._comma_before(T, k) for k in range(len(T.toks))] == \
           [_old_comma_before(T, k) for k in range(len(T.toks))]
    assert any(learned._comma_before(T, k) for k in range(len(T.toks)))


@pytest.mark.parametrize("text", TEXTS)
def test_memo_gives_the_walks_places(text, monkeypatch):
    evs, ms = _events(text), _places(text)
    triggers = [(e.trigger_start, e.trigger_end) for e in evs]
    monkeypatch.setattr(learned, "FRONTED_MEMO", False)
    T0 = learned.Text(text)
    plain = [_key(learned._fronted_place(T0, e, [], ms, triggers)) for e in evs]
    assert not T0.fronted
    monkeypatch.setattr(learned, "FRONTED_MEMO", True)
    T = learned.Text(text)
    twice = [[_key(learned._fronted_place(T, e, [], m, triggers)) for e in evs] for m in (ms, ms, ms[:1], ms)]
    assert twice[0] == twice[1] == twice[3] == plain
    T1 = learned.Text(text)          # fewer places: its own entries, as the walk gives them
    monkeypatch.setattr(learned, "FRONTED_MEMO", False)
    assert twice[2] == [_key(learned._fronted_place(T1, e, [], ms[:1], triggers)) for e in evs]
    assert T.fronted and len(T.fronted) <= 2 * (len(T.ends) - 1)


def test_some_fronted_place_is_found():
    text = TEXTS[0]
    evs, ms = _events(text), _places(text)
    T = learned.Text(text)
    got = [_key(learned._fronted_place(T, e, [], ms, [(x.trigger_start, x.trigger_end) for x in evs])) for e in evs]
    assert ("place", "محافظة تعز", text.index("محافظة تعز"), text.index("محافظة تعز") + len("محافظة تعز"),
            "place:تعز", "place") in got
