"""English events (en24, issue #14): an interview's question-and-answer body (verbs that tell no happening: an
infinitive, a modal, a gerund, a present passive; what the speaker did stays), and the one spoken with ("an interview
with X", "interviewed one of the owners"). Texts in the style of the English train documents (Wikinews interviews),
written for these tests."""
import pytest

from riwaya.events import english

from .spans import M, extract_en

PUB = "2015-09-12"
needs_parse = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")

INTRO = ("Wikinews interviews a wheelchair basketball player\n"
         "Saturday, March 5, 2016\n"
         "The player spoke to Wikinews about the team and its season.\n")


def run(text, ents=()):
    ms = [M(text, *e) for e in ents]
    return extract_en(text, ms, PUB)


def triggers(text, ents=()):
    return [e.trigger for e in run(text, ents)]


def interview(*answers):
    """An interview: the introduction, then question lines and answer lines."""
    lines = []
    for k, a in enumerate(answers):
        lines += ["What was the hardest part of the season?" if k % 2 == 0 else "How did the team do?", a]
    return INTRO + "\n".join(lines) + "\n"


def test_qa_body_start():
    text = interview("We lost in the final.", "We flew to Canada.")
    assert english.qa_body_start(text) == text.index("What was")
    # news: one question, or questions inside quotations and paragraphs, make no body
    assert english.qa_body_start("Is the war over?\nThe army said on Monday it withdrew.\n") is None
    assert english.qa_body_start('He asked "why did they leave?" and left. "Who knows?" she said.\n') is None


@needs_parse
@pytest.mark.parametrize("answer,word", [
    ("It costs us so much money for us to travel overseas.", "travel"),
    ("Why not run for an office you would be more likely to win?", "win"),
    ("These images are sent to us every week.", "sent"),
    ("Particles should have been captured by the collector.", "captured"),
])
def test_no_happening_in_the_body(answer, word):
    assert word not in triggers(interview("We lost in the final.", answer))


@needs_parse
@pytest.mark.parametrize("answer,word", [
    ("In 2005 we traveled to Canada for a tournament.", "traveled"),
    ("I am traveling quite a bit this year.", "traveling"),
    ("I will travel to Italy in November.", "travel"),
    ("After I was elected president in July, I traveled to Phoenix.", "elected"),
])
def test_what_the_speaker_did_stays(answer, word):
    assert word in triggers(interview("We lost in the final.", answer))


@needs_parse
def test_same_words_outside_an_interview_stay():
    # the body rule needs an interview's question lines: a news report keeps its infinitives
    text = "The minister traveled to Paris to meet the president on Monday.\nThe talks ended late.\n"
    assert "meet" in triggers(text, [("Paris", "place")])


@needs_parse
def test_interview_with_names_its_companion_not_the_speaker_after_the_comma():
    text = "In a 2003 interview with the Associated Press, Rick Santorum compared the two laws.\n"
    ev = next(e for e in run(text, [("Rick Santorum", "person"), ("Associated Press", "organization")])
              if e.trigger == "interview")
    comp = [a.text for a in ev.arguments if a.role == "companion"]
    assert comp and "Santorum" not in " ".join(comp) and "Associated Press" in comp[0]


@needs_parse
def test_interview_with_common_nouns_is_a_companion():
    text = "BDSM as business: An interview with the owners of a dungeon\n"
    ev = next(e for e in run(text) if e.trigger == "interview")
    assert any(a.role == "companion" and "owners" in a.text for a in ev.arguments)


@needs_parse
def test_interviewed_one_of():
    text = "Wikinews interviewed one of the owners of a New York City bar about a new cocktail.\n"
    ev = next(e for e in run(text, [("Wikinews", "organization")]) if e.trigger == "interviewed")
    assert any(a.role == "companion" and a.text.startswith("one of the owners") for a in ev.arguments)


@needs_parse
@pytest.mark.parametrize("text,word", [
    ("Workers began a sit down strike at the factory on Monday.", "strike"),
    ("A general strike shut the port of Genoa on Friday.", "strike"),
    ("The nurses went on strike in March.", "strike"),
])
def test_a_strike_of_workers_is_a_protest(text, word):
    ev = next(e for e in run(text) if e.trigger == word)
    assert ev.type == "protest"


@needs_parse
def test_an_air_strike_stays_an_attack():
    ev = next(e for e in run("An air strike hit the town of Saada on Monday.", [("Saada", "place")])
              if e.trigger == "strike")
    assert ev.type == "attack"


@needs_parse
def test_whoever_names_no_one():
    text = "Whoever wins the vote on November 5 would replace the governor.\n"
    assert "wins" not in triggers(text)
    assert all(a.text.lower() != "whoever" for e in run(text) for a in e.arguments)


@needs_parse
def test_have_been_to_a_named_place_is_a_visit():
    text = "After the convention I have been to Eureka Springs and Las Vegas.\n"
    ev = next(e for e in run(text, [("Eureka Springs", "place"), ("Las Vegas", "place")]) if e.trigger == "been")
    assert ev.type == "visit" and any(a.role == "agent" and a.text == "I" for a in ev.arguments)
    assert "been" not in triggers("He has been to blame for the delay.\n")


@needs_parse
def test_with_on_another_word_is_no_companion():
    text = "I remember going into Hollywood Magic and wanting that big red box with the dragons on it.\n"
    ev = next(e for e in run(text, [("Hollywood Magic", "organization")]) if e.trigger == "going")
    assert not any(a.role == "companion" for a in ev.arguments)
    ev = next(e for e in run("In 1976 he met with a friend in Paris.\n", [("Paris", "place")]) if e.trigger == "met")
    assert any(a.role == "companion" and a.text == "a friend" for a in ev.arguments)
