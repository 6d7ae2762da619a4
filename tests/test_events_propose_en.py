"""The English trigger detector (riwaya/events/propose_en.py), the lemma lookup of English verbs
(english.lemma_type) and the parse's retyping (english.retype): a verb form the lexicon does not list is
found through its lemma, a lexicon word the detector scores under its veto is no event, a word outside the
lexicon it scores over its adding threshold becomes one; a killing by an accident is a death, someone
denied something is a sanction."""
from __future__ import annotations

import pytest

from riwaya.events import english, propose_en
from riwaya.events.extract import extract
from riwaya.models import EntityMention, Paragraph

pytestmark = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")


def run(text, ents=()):
    ms = []
    for s in ents:
        i = text.index(s)
        ms.append(EntityMention(i, i + len(s), s, "person", name=s))
    return extract(text, ms, [], [Paragraph(0, len(text), "en")], lang="en")


@pytest.fixture
def detector():
    def set_(detect, typ=None):
        propose_en.OVERRIDE = {"detect": {"bias": 0.0, "w": {}, "veto": None, "logit": None, **detect},
                               **({"type": typ} if typ else {})}
    yield set_
    propose_en.OVERRIDE = None


def test_a_verb_form_outside_the_lexicon_is_found_through_its_lemma(detector):
    detector({})            # no veto, no additions: the lexicon alone
    text = "The minister criticizes the decision, and the union urges its members to stay home."
    evs, _ = run(text, ["The minister"])
    trig = {e.trigger: e.type for e in evs}
    # "criticize" and "urge" are listed once; the parse's lemma finds their other forms
    assert trig.get("criticizes") == "statement" and trig.get("urges") == "request"


def test_the_lemma_lookup_takes_verbs_only(detector):
    detector({})
    P = english.parse_paragraphs("He counted the votes.", [Paragraph(0, 21, "en")], [])[0]
    lex = {"en": {"vote": "election"}}
    assert english.lemma_type(P, 14, "votes", lex) is None        # a plural noun: no happening by itself
    P = english.parse_paragraphs("She votes today.", [Paragraph(0, 16, "en")], [])[0]
    assert english.lemma_type(P, 4, "votes", lex) == "election"


def test_the_detector_vetoes_a_lexicon_word(detector):
    text = "The team met the minister in the capital."
    assert any(e.trigger == "met" for e in run(text)[0])
    detector({"bias": -3.0, "veto": 0.0})         # every lexicon word scores under the veto
    assert not any(e.trigger == "met" for e in run(text)[0])


def test_the_detector_proposes_a_word_outside_the_lexicon_only_with_an_adding_threshold(detector):
    text = "The commander shifted the troops to the border."
    detector({"bias": -3.0, "w": {"lemma=shift": 6.0}})                 # no adding threshold
    assert not any(e.trigger == "shifted" for e in run(text)[0])
    detector({"bias": -3.0, "w": {"lemma=shift": 6.0}, "logit": 0.0},
             {"classes": ["attack", "transfer"], "bias": [0.0, 0.0], "w": {"lemma=shift": [[1, 5.0]]}})
    ev = next(e for e in run(text)[0] if e.trigger == "shifted")
    assert ev.type == "transfer"


def test_no_parse_no_detector():
    assert propose_en.propose(None, [], [], {"en": {}}) == {}


def test_a_killing_caused_by_an_accident_is_a_death_without_the_cause():
    # (en25) a count of victims is the amount (GUIDELINE 3, the gold's "at least 76 people were killed")
    for text, role, patient in [("The stampede killed at least 76 people last week.", "amount", "76 people"),
                                ("The shuttle disintegrated on re-entry, killing all seven astronauts aboard.",
                                 "patient", "all seven astronauts")]:
        e = next(e for e in run(text)[0] if e.trigger.startswith("kill"))
        assert e.type == "death" and e.cls == "other"
        assert [(a.role, a.text) for a in e.arguments if a.role in ("agent", "patient", "amount")] == [(role, patient)]
    e = next(e for e in run("Gunmen killed three soldiers.")[0] if e.trigger == "killed")
    assert e.type == "killing"                      # a violent cause stays a killing


def test_someone_denied_something_is_a_sanction_on_them():
    e = next(e for e in run("The officials denied them entry.")[0] if e.trigger == "denied")
    assert e.type == "sanction" and [a.text for a in e.arguments if a.role == "patient"] == ["them"]
    e = next(e for e in run("They were denied visas by the embassy.")[0] if e.trigger == "denied")
    assert e.type == "sanction" and [a.text for a in e.arguments if a.role == "patient"] == ["They"]
    e = next(e for e in run("The ministry denied the report.")[0] if e.trigger == "denied")
    assert e.type == "denial"


def test_a_competition_name_is_a_match_and_play_is_one_in_a_paragraph_about_it(detector):
    detector({})
    evs, _ = run("In 2002 the World Cup was held in Japan. I also wonder whether the Davis Cup mattered.")
    assert [e.type for e in evs if e.trigger in ("World Cup", "Cup")] == ["match", "match"]
    text = "We went to the tournament in Canada.\nWe just didn't play as well as we thought we would."
    evs, _ = run(text)
    assert any(e.trigger == "play" and e.type == "match" for e in evs)
    # no competition told nearby, or a role played: no match
    assert not any(e.trigger == "play" for e in run("We just didn't play as well as we thought we would.")[0])
    assert not any(e.trigger == "played" for e in run("After the tournament, Houston played a critical role.")[0])


def test_the_competition_a_result_verb_won_is_no_event_of_its_own(detector):
    detector({})
    evs, _ = run("The Gliders have never won the World Championship.")
    assert [e.trigger for e in evs if e.type == "match"] == ["won"]


def test_a_plural_competition_name_is_no_one_happening(detector):
    detector({})
    evs, _ = run("It was one of the worst World Cups we have played.")
    assert [e.trigger for e in evs if e.type == "match"] == ["played"]


def test_naming_and_generic_subjects_are_no_events(detector):
    detector({})
    assert not run("The project is called Stardust.")[0]
    assert not any(e.type == "call" for e in run("The defector left a group called the Sea Org.")[0])
    assert any(e.type == "call" for e in run("He called the minister on Monday.")[0])
    assert not run("Do you ask for references?")[0]
    assert any(e.trigger == "travel" for e in run("Did you travel to Kabul?")[0])


# ---------------------------------------------------------------- a retrain's learned forms (en8)

@pytest.fixture
def learned_forms():
    from riwaya.events import learned
    from riwaya.events.extract import load_lexicon

    def set_(forms):
        learned.EXTRA_OVERRIDE = {"en": forms}
        load_lexicon.cache_clear()
    yield set_
    learned.EXTRA_OVERRIDE = None
    load_lexicon.cache_clear()


def test_a_learned_form_of_a_context_verb_is_an_event_in_its_context_only(detector, learned_forms):
    # a retrain that learns "play" (a match in the sports interviews) or "went" from the corpus: the parse's
    # context rules (sport, motion_verbs) still decide, for the form and for its lemma's other forms
    detector({})
    learned_forms({"play": "match", "went": "departure"})
    assert not any(e.trigger == "play" for e in run("We just didn't play as well as we thought we would.")[0])
    assert not any(e.trigger == "played" for e in run("After the tournament, Houston played a critical role.")[0])
    text = "We went to the tournament in Canada.\nWe just didn't play as well as we thought we would."
    assert any(e.trigger == "play" and e.type == "match" for e in run(text)[0])
    assert not any(e.trigger == "went" for e in run("Her voice literally went around the world.")[0])
    assert [e.type for e in run("On Monday he went back to Kabul.")[0] if e.trigger == "went"] == ["return"]


def test_what_a_granting_verb_grants_is_not_vetoed(detector):
    text = "The family arrived in Moscow and has been granted asylum."
    detector({"bias": -3.0, "veto": 0.0})         # every lexicon word scores under the veto
    trig = [e.trigger for e in run(text)[0]]
    assert "asylum" in trig and "arrived" not in trig


def test_travel_is_a_departure_in_every_form(detector):
    detector({})
    for t, w in (("They are to travel to Geneva on Monday.", "travel"), ("She travels to Paris on Monday.", "travels"),
                 ("He was traveling to Rome when it happened.", "traveling")):
        assert [e.type for e in run(t)[0] if e.trigger == w] == ["departure"], t
    # entrig19: a simple present with no day of its own tells a habit (GUIDELINE 1), no happening
    assert not [e for e in run("She travels to Paris often.")[0] if e.trigger == "travels"]


def test_wire_words_of_the_schema(detector):
    detector({})
    for t, w, typ in (("Russia annexed Crimea in 2014.", "annexed", "capture"),
                      ("The army said it would detain the officers.", "detain", "arrest"),
                      ("Negotiations resumed in Doha on Monday.", "Negotiations", "meeting"),
                      ("He threatened to strike the capital.", "threatened", "promise"),
                      ("Following her dismissal, she left the cabinet.", "dismissal", "dismissal")):
        assert [e.type for e in run(t)[0] if e.trigger == w] == [typ], t


def test_a_listed_past_form_lends_its_lemma_to_the_other_inflections(detector):
    # GUM_news_taxes (train): the lexicon lists "asked"; "asks" is the same verb (english.lexicon_lemmas)
    text = "In the second case, the M5S party asks to the regional government to assure the respect of the law."
    P = english.parse_paragraphs(text, [Paragraph(0, len(text), "en")], [])[0]
    i = text.index("asks")
    assert english.lemma_type(P, i, "asks", {"en": {"asked": "request"}}) == "request"
    assert english.lemma_type(P, i, "asks", {"en": {"demanded": "request"}}) is None
    # a general verb's past form lends nothing: "reached" an arrival, "reaches an agreement" no arrival
    text = "The government reaches an agreement with the unions."
    P = english.parse_paragraphs(text, [Paragraph(0, len(text), "en")], [])[0]
    assert english.lemma_type(P, text.index("reaches"), "reaches", {"en": {"reached": "arrival"}}) is None


def test_the_lemma_index_finds_an_event_in_a_sentence(detector):
    detector({})
    # a verb the lexicon lists only in the past ("stabbed", "tweeted" as learned) in the present tense
    text = "Police say a man stabs two people at a train station in Hamburg."
    evs, _ = run(text, ["a man"])
    assert any(e.trigger == "stabs" and e.type == "attack" for e in evs)


def test_a_speech_verb_with_an_infinitive_is_an_order(detector):
    detector({})
    # GUM_news_korea: "told" with an infinitive orders; "told reporters that" reports a clause
    text = 'The country\'s military has been placed on high alert and has been told to prepare a "quasi-state of war".'
    evs, _ = run(text)
    assert any(e.trigger == "told" and e.type == "order" for e in evs)
    text = "The minister told reporters that the talks had failed."
    assert not any(e.trigger == "told" for e in run(text, ["The minister"])[0])


def test_taking_an_office_is_an_appointment_of_its_subject(detector):
    detector({})
    # PUD w01069007 and GUM_interview_chomsky (train)
    text = "In 1519, he became ruler of the Habsburg empire, and he gained the title Holy Roman Emperor in 1530."
    ev = next(e for e in run(text)[0] if e.trigger == "became")
    assert ev.type == "appointment" and [a.role for a in ev.arguments if a.text == "he"] == ["patient"]
    text = "Well, Clinton came into office what did he do?"
    ev = next(e for e in run(text, ["Clinton"])[0] if e.trigger == "came")
    assert ev.type == "appointment" and {(a.role, a.text) for a in ev.arguments} == {("patient", "Clinton")}
    # an indefinite noun is no office taken
    assert not run("She became a member of the club in 2001.")[0]
