"""English events (en25, issue #14): the one on trial is its patient; coordinated verbs share an object; a
statement told to a named one has it as companion; a count of victims is the event's amount, not its patient ("killing 107 or
more", "at least 76 people were killed", a headline's "Hundreds dead"); what is fired is the attack's amount when
counted and what it is fired at its patient ("fired 36 shells at police posts"); the places listed after a visit's
first object are destinations too. Texts in the style of English wire copy, written for these tests."""
import pytest

from riwaya.events import english

from .spans import M, extract_en

PUB = "2015-09-12"
needs_parse = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")


def run(text, ents=()):
    ms = [M(text, *e) for e in ents]
    return extract_en(text, ms, PUB)


def roles(ev, role):
    return [a.text for a in ev.arguments if a.role == role]


@pytest.mark.parametrize("text,yes", [
    ("107 or more", True), ("at least 76 people", True), ("Over 345 Muslim pilgrims", True), ("Hundreds", True),
    ("two soldiers", True), ("more than a thousand", True), ("the mayor", False), ("Thomas Sam, 42", False),
    ("the 53 year old", False), ("at least", False),
])
def test_counted(text, yes):
    assert english.counted(text) is yes


@needs_parse
@pytest.mark.parametrize("text,word,amount", [
    ("A storm caused a crane to fall into the mosque on Friday, killing 107 or more and wounding 238.", "killing",
     "107"),
    ("A storm caused a crane to fall into the mosque on Friday, killing 107 or more and wounding 238.", "wounding",
     "238"),
    ("Last week, at least 76 people were killed when a hotel collapsed.", "killed", "76 people"),
])
def test_victims_counted_are_the_amount(text, word, amount):
    ev = next(e for e in run(text) if e.trigger == word)
    assert any(a.startswith(amount) for a in roles(ev, "amount")), ev.arguments
    assert not roles(ev, "patient")


@needs_parse
@pytest.mark.parametrize("text,word,amount", [
    ("At least 107 killed in Mecca crane collapse\n", "killed", "At least 107"),
    ("Hundreds dead in Hajj stampede\n", "dead", "Hundreds"),
])
def test_headline_count(text, word, amount):
    ev = next(e for e in run(text) if e.trigger == word)
    assert roles(ev, "amount") == [amount]


@needs_parse
def test_a_named_victim_stays_the_patient():
    text = "Gunmen killed the mayor of the town on Monday.\n"
    ev = next(e for e in run(text) if e.trigger == "killed")
    assert any("mayor" in a for a in roles(ev, "patient")) and not roles(ev, "amount")


@needs_parse
def test_shells_fired_at_a_target():
    text = "The army fired 36 shells at police posts near the border on Monday.\n"
    ev = next(e for e in run(text) if e.trigger == "fired")
    assert roles(ev, "amount") == ["36 shells"]
    assert roles(ev, "patient") == ["police posts"] and not roles(ev, "place")


@needs_parse
def test_rounds_fired_into_and_aimed_at():
    text = ("The South retaliated by firing dozens of rounds of artillery into the north.\n"
            "North Korea fired artillery rounds aimed at a loudspeaker in South Korea.\n")
    evs = run(text, [("North Korea", "place"), ("South Korea", "place")])
    firing = next(e for e in evs if e.trigger == "firing")
    assert roles(firing, "amount") and roles(firing, "amount")[0].startswith("dozens of rounds")
    assert roles(firing, "patient") == ["the north"]
    fired = next(e for e in evs if e.trigger == "fired")
    assert not roles(fired, "amount")       # rounds not counted: no participant
    assert any("loudspeaker" in a for a in roles(fired, "patient"))


@needs_parse
def test_places_listed_after_a_visit_object():
    text = "The minister visited Egypt, Jordan and Lebanon last week.\n"
    ev = next(e for e in run(text, [("Egypt", "place"), ("Jordan", "place"), ("Lebanon", "place")])
              if e.trigger == "visited")
    assert roles(ev, "destination") == ["Egypt", "Jordan", "Lebanon"]


@needs_parse
def test_told_to_a_named_one_is_the_companion():
    text = "Facebook co-founder Mark Zuckerberg tweeted to Mohamed and said the boy was welcome.\n"
    ev = next(e for e in run(text, [("Mark Zuckerberg", "person"), ("Mohamed", "person")])
              if e.trigger == "tweeted")
    assert roles(ev, "companion") == ["Mohamed"]


@needs_parse
def test_a_noun_keeps_its_counted_patient():
    text = "Amnesty International cites articles describing the murder of fifty people accused of witchcraft.\n"
    ev = next(e for e in run(text) if e.trigger == "murder")
    assert any(a.startswith("fifty people") for a in roles(ev, "patient")) and not roles(ev, "amount")


@needs_parse
@pytest.mark.parametrize("text,who", [
    ("Jutting, now 31, is on trial at the High Court in Hong Kong.\n", "Jutting"),
    ("The former minister will stand trial next month.\n", "The former minister"),
])
def test_the_one_on_trial_is_its_patient(text, who):
    ev = next(e for e in run(text, [("Jutting", "person")] if "Jutting" in text else []) if e.trigger == "trial")
    assert roles(ev, "patient") == [who] and not roles(ev, "agent")


@needs_parse
def test_coordinated_verbs_share_the_object():
    text = "Police arrested and questioned the student on Monday.\n"
    ev = next(e for e in run(text) if e.trigger == "arrested")
    assert roles(ev, "patient") == ["the student"] and roles(ev, "agent") == ["Police"]


@needs_parse
def test_a_verb_with_its_own_subject_after_and_keeps_no_object():
    text = "Police arrested the driver and the court fined the company.\n"
    ev = next(e for e in run(text) if e.trigger == "arrested")
    assert roles(ev, "patient") == ["the driver"]


@needs_parse
def test_by_mail_is_the_means_not_the_agent():
    text = "The letter was sent by email by the minister on Monday.\n"
    ev = next(e for e in run(text) if e.trigger == "sent")
    assert roles(ev, "means") == ["email"] and "email" not in roles(ev, "agent")


@needs_parse
@pytest.mark.parametrize("text,word,bad", [
    ("In the summer, the rebels returned to the village.\n", "returned", "the summer"),
    ("The old fort fell into ruin after the war.\n", "fell", "ruin"),
])
def test_times_and_states_are_no_places(text, word, bad):
    evs = [e for e in run(text) if e.trigger == word]
    assert all(bad not in roles(e, r) for e in evs for r in ("place", "destination", "origin"))


@needs_parse
@pytest.mark.parametrize("text,word", [
    ("South Korea evacuated about 80 people after at least one shell landed near the area.\n", "landed"),
    ("They challenged the state in a case that eventually went to the Supreme Court.\n", "went"),
    ("Requests have come from the Municipality of Bogliasco.\n", "come"),
])
def test_no_one_moves(text, word):
    assert word not in [e.trigger for e in run(text)]


@needs_parse
def test_a_delegation_still_moves():
    text = "The delegation that went to Cairo returned on Monday.\n"
    assert {"went", "returned"} <= {e.trigger for e in run(text, [("Cairo", "place")])}
