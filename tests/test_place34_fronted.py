"""place34 (issue #14): a place phrase fronted before its clause («وفي محافظة تعز، قتل ...»، «أما في قيفة رداع
بالبيضاء فقد قتل ...») is the place of the first event of that clause when the argument model gave it none
(cues.yaml fronted_place; learned.FRONTED_PLACE; README place34)."""
from riwaya.events import learned
from riwaya.models import Argument, EntityMention, EventMention


def _event(text: str, trigger: str, typ: str = "killing", cls: str = "harm") -> EventMention:
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def _place(text: str, name: str, kb: str | None = None) -> EntityMention:
    s = text.index(name)
    return EntityMention(start=s, end=s + len(name), text=name, type="place", kb_id=kb)


def _phrases(text: str, places=()) -> list[tuple[str, str]]:
    T = learned.Text(text)
    spans = [(text.index(p), text.index(p) + len(p)) for p in places]
    out = []
    for i in range(len(T.ends) - 1):
        out += [(text[a:b], text[c:].split()[0]) for a, b, c in learned.fronted_places(T, T.ends[i], T.ends[i + 1], spans)]
    return out


def test_switch_shipped_on():
    assert learned.FRONTED_PLACE
    assert learned._fronted_cues()["events"] == 1


def test_fronted_phrases_found():
    assert _phrases("قال مسؤول أمني. وفي محافظة تعز، قتل ثلاثة مدنيين.") == [("محافظة تعز", "قتل")]
    # أما في ... ف: the place a name mention opens, closed by فقد
    assert _phrases("أما في قيفة رداع بالبيضاء فقد قتل ثمانية.", ["قيفة رداع"]) == [
        ("قيفة رداع بالبيضاء", "فقد")]
    # a preposition glued to a place noun: the whole word, as annotated
    assert _phrases("وبمدينة عدن، أعلنت الشرطة القبض على متهمين.") == [("وبمدينة عدن", "أعلنت")]
    # a second fronted phrase after a comma, opened by a conjunction
    assert _phrases("وفي صنعاء، قتل اثنان، وفي محافظة إب، أصيب خمسة.", ["صنعاء"]) == [
        ("صنعاء", "قتل"), ("محافظة إب", "أصيب")]


def test_no_place_no_phrase():
    # a topic or a time, not a place
    assert _phrases("وفي هذا السياق، قال الوزير إن الهجوم فشل.") == []
    assert _phrases("وفي وقت لاحق، قتل مسلح شرطيا.") == []
    # no comma and no فقد: not fronted (the model reads it)
    assert _phrases("وفي صنعاء أعلنت الحكومة الحداد.", ["صنعاء"]) == []
    # a bare في after a comma is a parenthesis, not a fronted phrase
    assert _phrases("قتل ثلاثة، في محافظة تعز، أمس.") == []


def test_first_event_of_the_clause_takes_it():
    text = "وفي محافظة تعز، قتل ثلاثة مدنيين وأصيب خمسة آخرون."
    T = learned.Text(text)
    kill, hurt = _event(text, "قتل"), _event(text, "وأصيب", "injury")
    triggers = [(kill.trigger_start, kill.trigger_end), (hurt.trigger_start, hurt.trigger_end)]
    m = [_place(text, "تعز", "place:taiz")]
    a = learned._fronted_place(T, kill, [], m, triggers)
    assert (a.role, a.text, a.entity) == ("place", "محافظة تعز", "place:taiz")
    # the clause's later event: the annotation leaves it without (cues fronted_place events: 1)
    assert learned._fronted_place(T, hurt, [], m, triggers) is None


def test_an_event_with_a_place_or_before_the_phrase_keeps_its_own():
    text = "قتل جندي. وفي محافظة تعز، قتل ثلاثة في سوق المدينة."
    T = learned.Text(text)
    first = _event(text, "قتل")
    assert learned._fronted_place(T, first, [], [], [(first.trigger_start, first.trigger_end)]) is None
    s = text.index("قتل ثلاثة")
    ev = EventMention(cls="harm", type="killing", trigger="قتل", start=0, end=len(text), trigger_start=s,
                      trigger_end=s + 3)
    own = Argument(role="place", text="سوق المدينة", start=text.index("سوق"), end=len(text) - 1)
    assert learned._fronted_place(T, ev, [own], [], [(s, s + 3)]) is None
    assert learned._fronted_place(T, ev, [], [], [(s, s + 3)]).text == "محافظة تعز"
