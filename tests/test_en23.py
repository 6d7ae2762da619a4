"""English events (en23, issue #14): words that are no event for what they act on (a language spoken, a release of
no one), words of a longer name, a treaty's name. Sentences in the style of the English train documents (Wikinews,
Wikipedia), written for these tests."""
import pytest

from riwaya.events import english

from .spans import M, extract_en

PUB = "2015-09-12"
needs_parse = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")


def run(text, ents=()):
    ms = [M(text, *e) for e in ents]
    return extract_en(text, ms, PUB)


def triggers(text, ents=()):
    return [e.trigger for e in run(text, ents)]


@needs_parse
@pytest.mark.parametrize("text,word", [
    ("The forms are hard for those who may not speak English or have access to legal advice.", "speak"),
    ("No one should lose a claim because of a form in a language they do not speak.", "speak"),
    ("Photos released of the scene showed numerous bloodied bodies.", "released"),
    ("The album was released in August and reached the top 50.", "released"),
    ("The Paris Agreement will slow climate change, the minister said.", "Agreement"),
    ("He could use a provision in the Paris agreement to pull out of the pact.", "agreement"),
])
def test_no_event(text, word):
    assert word not in triggers(text)


@needs_parse
@pytest.mark.parametrize("text,word,ents", [
    ("The minister spoke with reporters in Paris on Monday.", "spoke", [("Paris", "place")]),
    ("He was released on bail on Thursday.", "released", []),
    ("The rebels released 200 prisoners on Friday.", "released", []),
    ("He was one of the first opponents of the Vietnam War.", "War", [("Vietnam", "place")]),
    ("After the Russian Revolution in 1917, Finland won its independence.", "Revolution", [("Finland", "place")]),
    ("The two sides reached an agreement in Geneva on Monday.", "agreement", [("Geneva", "place")]),
])
def test_event_kept(text, word, ents):
    assert word in triggers(text, ents)


@needs_parse
def test_name_word_needs_a_capitalised_modifier():
    from riwaya.events.english import _name_word, resources
    doc = english._nlp()("Wikinews interviewed him for May's Interview of the Month.")
    tok = next(t for t in doc if t.text == "Interview")
    assert _name_word(tok, resources())
    doc = english._nlp()("Interview with the minister")
    assert not _name_word(doc[0], resources())


@needs_parse
@pytest.mark.parametrize("text,word,typ", [
    ("I went back the next Tuesday night and there was almost no one there.", "went", "return"),
    ("The car burst into flames, and Kenseth walked away.", "walked", "departure"),
    ("The governments were asked not to turn away boats of people seeking asylum.", "turn", "transfer"),
    ("The first boat was turned around twice by the navy.", "turned", "transfer"),
])
def test_phrasal_motion(text, word, typ):
    evs = run(text, [("Kenseth", "person")] if "Kenseth" in text else [])
    assert any(e.trigger.startswith(word) and e.type == typ for e in evs), [(e.trigger, e.type) for e in evs]


@needs_parse
@pytest.mark.parametrize("text,word", [
    ("The tradition goes back to the Middle Ages.", "goes"),
    ("It came back after a while.", "came"),
    ("The new minister turned around the economy.", "turned"),
])
def test_phrasal_motion_not(text, word):
    assert not any(e.trigger.startswith(word) for e in run(text))


@needs_parse
def test_phrasal_motion_told_as_done():
    assert not any(e.trigger.startswith("com") for e in run("That's what keeps us coming back for more."))
    assert not any(e.trigger.startswith("come") for e in run("I'm ready for us to come back even better in 2017."))


@needs_parse
def test_year_of_another_noun_not_taken():
    e = next(e for e in run("During the 2010 general election, the Labor Party was able to win all seven districts.",
                            [("Labor Party", "organization")]) if e.trigger == "win")
    assert e.time is None or e.time.text != "2010"


@needs_parse
def test_time_of_a_relative_clause_on_a_participant_not_taken():
    t = "On Friday, fishermen rescued over 700 asylum seekers whose boat sank."
    e = next(e for e in run(t) if e.trigger == "sank")
    assert e.time is None or e.time.text != "Friday"


@needs_parse
def test_own_times_kept():
    e = next(e for e in run("The rebels attacked the town on Friday.") if e.trigger == "attacked")
    assert e.time is not None and e.time.text == "Friday"
    e = next(e for e in run("In a 2003 interview with the Associated Press, Santorum compared the two.")
             if e.trigger == "interview")
    assert e.time is not None and e.time.text == "2003"


@needs_parse
def test_title_case_line_is_no_name():
    from riwaya.events.english import _name_word, resources
    doc = english._nlp()("Rebels Launch Attack On Army Base Near The Capital")
    assert not any(_name_word(t, resources()) for t in doc if t.text == "Attack")
