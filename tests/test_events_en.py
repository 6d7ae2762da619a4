"""English event arguments and attribution on real sentences (UD PUD English originals, seed 003's
English half) and, as additional cases, wire-style sentences written for these tests."""
import pytest

from riwaya.events import extract
from riwaya.events import english
from riwaya.models import Paragraph

from .spans import M, paras

pytestmark = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")


def run(text, ents=(), outlet=None):
    ms = [M(text, *e) if len(e) == 3 else M(text, e[0], e[1]) for e in ents]
    return extract(text, ms, [], paras(text, "en"), outlet=outlet, lang="en")


def ev(evs, typ, nth=0):
    return [e for e in evs if e.type == typ][nth]


def roles(e, role):
    return [a.text for a in e.arguments if a.role == role]


def chain(e):
    return [l["name"] for l in e.attribution.chain]


# ---------------------------------------------------------------- UD PUD (English originals)

def test_pud_apposition_subject_and_coordinated_verb():
    t = ("Lord Halifax, the Lord President of the Council, visited Germany privately in November "
         "and met Hitler and other German officials.")
    evs, _ = run(t, [("Lord Halifax", "person"), ("Germany", "place"), ("Hitler", "person")])
    v = ev(evs, "visit")
    # (enarg30) the apposition stays in the span, as the train gold writes it (english.APPOS_SPAN)
    halifax = "Lord Halifax, the Lord President of the Council"
    assert roles(v, "agent") == [halifax] and roles(v, "destination") == ["Germany"]
    assert roles(ev(evs, "meeting"), "agent") == [halifax]


def test_pud_quantified_subject_origin_and_for_destination():
    t = ("Spain had expelled its Sephardic population in 1492; many of these Spanish Jews left Spain for Portugal "
         "but eventually were targeted there as well.")
    evs, _ = run(t, [("Spain", "place"), ("Spain", "place", 1), ("Portugal", "place")])
    assert roles(ev(evs, "expulsion"), "agent") == ["Spain"]
    d = ev(evs, "departure")
    assert any("Jews" in a for a in roles(d, "agent"))
    assert roles(d, "destination") == ["Portugal"]
    assert [a.start for a in d.arguments if a.role == "origin"] == [t.index("Spain for")]


def test_pud_passive_by_agent_and_compound_noun_not_an_event():
    t = ("In Asia and the Pacific, between 3 million and more than 10 million civilians, mostly Chinese "
         "(estimated at 7.5 million), were killed by the Japanese occupation forces.")
    evs, _ = run(t, [("Asia", "place")])
    k = ev(evs, "killing")
    assert any("forces" in a for a in roles(k, "agent"))
    assert not [e for e in evs if e.trigger == "occupation"]


def test_pud_passive_visit_by_phrase_is_agent():
    t = "On March 10, 1896, Herzl was visited by Reverend William Hechler, the Anglican minister to the British Embassy."
    evs, _ = run(t, [("Herzl", "person"), ("William Hechler", "person")])
    assert roles(ev(evs, "visit"), "agent") == [    # the title stays (GUIDELINE 3), the apposition too (enarg30)
        "Reverend William Hechler, the Anglican minister to the British Embassy"]


def test_pud_reporting_verb_without_clause_is_an_event():
    t = "Microsoft announced on Wednesday a new workplace chat tool poised to take on industry darling Slack."
    evs, recs = run(t, [("Microsoft", "organization")])
    a = ev(evs, "announcement")
    assert roles(a, "agent") == ["Microsoft"]
    assert not recs


def test_pud_told_that_gives_source_and_clause_subject():
    t = "A witness told police that the victim had attacked the suspect in April."
    evs, _ = run(t)
    at = ev(evs, "attack")
    assert roles(at, "agent") == ["the victim"]
    assert chain(at) == ["A witness"]


def test_pud_released_from_hospital_and_assassination_attempt():
    t = ("He recovered and was released from the hospital on April 11, becoming the first serving U.S. president "
         "to survive being shot in an assassination attempt.")
    evs, _ = run(t)
    assert "hospital" in roles(ev(evs, "release_of_prisoners"), "origin")[0]
    assert [e for e in evs if e.trigger == "assassination"]


# ---------------------------------------------------------------- seed 003, English half

SEED = ("NBC News has revealed new details about the final 24 hours of former Syrian President Bashar al-Assad in "
        "Syria, just before he fled to Russia on the morning of Sunday, December 8, 2024. According to the report, "
        "December 7 marked rapid developments on the ground, with the fall of Homs to armed opposition groups.\n"
        "By 2:30 AM on Sunday, December 8, the presidential palace was nearly empty. Assad left without informing "
        "anyone of his destination, heading to Khmeimim Airbase in Syria, and then to Moscow before dawn.\n"
        "On December 5, Hama fell to the opposition, and Assad tried reaching Putin, who was in Belarus, but the "
        "Russian president did not respond to his calls.")


def test_seed003_whole_article_report_and_pronoun_subject():
    evs, _ = run(SEED, [("NBC News", "organization"), ("Bashar al-Assad", "person"), ("Syria", "place"),
                        ("Russia", "place"), ("Homs", "place"), ("Assad", "person", 1),
                        ("Khmeimim Airbase", "place"), ("Moscow", "place"), ("Hama", "place"), ("Putin", "person")],
                 outlet="Alhurra")
    f = ev(evs, "escape")
    assert roles(f, "agent") == ["Bashar al-Assad"] and roles(f, "destination") == ["Russia"]
    assert chain(f) == ["Alhurra", "NBC News"]
    # "according to the report" is NBC's report; it governs the next paragraphs too
    assert chain(ev(evs, "fall")) == ["Alhurra", "NBC News"]
    d = ev(evs, "departure")
    assert roles(d, "agent") == ["Assad"] and roles(d, "destination") == ["Khmeimim Airbase"]
    leg = [e for e in evs if e.trigger.startswith("then")][0]
    assert roles(leg, "destination") == ["Moscow"]
    assert chain(d) == ["Alhurra", "NBC News"]


def test_seed003_city_falls_to_a_side():
    evs, _ = run(SEED, [("Hama", "place")])
    h = [e for e in evs if e.type == "fall" and e.trigger == "fell"][0]
    # what fell is the patient (GUIDELINE: "the place captured or fallen"; Arabic gives سقطت حماة the same)
    assert roles(h, "patient") == ["Hama"] and roles(h, "agent") == ["the opposition"]


# ---------------------------------------------------------------- wire-style (written for these tests)

WIRE = ("MOSCOW/DAMASCUS, Dec 8 (Reuters) - Syrian President Bashar al-Assad and his family have arrived in Moscow "
        "and have been granted asylum, Russian news agencies reported on Sunday, citing a Kremlin source.\n"
        "Hours earlier, rebels swept into Damascus and ended his family's five-decade rule.\n"
        "Assad boarded a plane at Damascus airport early on Sunday and flew to an undisclosed destination, "
        "two senior Syrian army officers told Reuters.\n"
        "The plane first headed to the Syrian coast, where Russia operates the Hmeimim air base, before turning "
        "off its transponder, according to flight tracking data.\n"
        "Rebel commander Abu Mohammed al-Golani, who now uses his real name Ahmed al-Sharaa, entered the "
        "Umayyad Mosque in Damascus on Sunday afternoon.\n"
        "Kremlin spokesman Dmitry Peskov said on Monday that the decision to grant asylum was taken by "
        "President Vladimir Putin personally.")
WIRE_ENTS = [("DAMASCUS", "place"), ("Bashar al-Assad", "person"), ("Moscow", "place"), ("Kremlin", "organization"),
             ("Damascus", "place"), ("Assad", "person", 1), ("Damascus airport", "place"),
             ("Syrian coast", "place"), ("Hmeimim air base", "place"), ("Abu Mohammed al-Golani", "person"),
             ("Ahmed al-Sharaa", "person"), ("Damascus", "place", 2), ("Kremlin", "organization", 1),
             ("Dmitry Peskov", "person"), ("Vladimir Putin", "person")]


@pytest.fixture(scope="module")
def wire():
    return run(WIRE, WIRE_ENTS, outlet="Reuters")


def test_wire_coordinated_agents_and_two_link_chain(wire):
    evs, _ = wire
    a = ev(evs, "arrival")
    assert roles(a, "agent") == ["Bashar al-Assad", "his family"] and roles(a, "destination") == ["Moscow"]
    assert chain(a) == ["Reuters", "Russian news agencies", "a Kremlin source"]
    r = ev(evs, "refuge")
    assert roles(r, "agent") == ["Bashar al-Assad", "his family"]
    assert "Dmitry Peskov" not in chain(r)     # the last paragraph's source does not bleed back


def test_wire_subject_noun_phrase_and_destination(wire):
    evs, _ = wire
    e = [x for x in evs if x.trigger == "swept into"][0]
    assert roles(e, "agent") == ["rebels"] and roles(e, "destination") == ["Damascus"]


def test_wire_means_origin_unknown_destination_and_source(wire):
    evs, _ = wire
    b = ev(evs, "departure")
    assert roles(b, "means") == ["plane"] and roles(b, "origin") == ["Damascus airport"]
    f = ev(evs, "flight")
    assert roles(f, "agent") == ["Assad"] and roles(f, "means") == ["plane"]
    assert roles(f, "destination") == []       # "an undisclosed destination" names no place
    assert chain(f) == ["Reuters", "two senior Syrian army officers"]
    h = ev(evs, "departure", 1)
    assert roles(h, "destination") == ["the Syrian coast"]      # the phrase's determiner stays (GUIDELINE 3)
    assert chain(h) == ["Reuters", "flight tracking data"]


def test_wire_relative_clause_subject_and_object_destination(wire):
    evs, _ = wire
    e = ev(evs, "entry", 1)
    assert roles(e, "agent") == ["Rebel commander Abu Mohammed al-Golani"]
    assert roles(e, "destination") == ["the Umayyad Mosque"]


def test_wire_decision_taken_by_is_decider_not_transfer(wire):
    evs, _ = wire
    last = [e for e in evs if e.trigger_start > WIRE.index("Kremlin spokesman")]
    assert [e.type for e in last] == ["refuge"]
    assert roles(last[0], "decider") == ["President Vladimir Putin"]
    assert chain(last[0]) == ["Reuters", "Dmitry Peskov"]


def test_orders_of_passive_mover_and_pronoun():
    t = "Assad left the palace at night. He was flown to Moscow aboard a Russian military plane on the orders of Putin."
    evs, _ = run(t, [("Assad", "person"), ("Moscow", "place"), ("Putin", "person")])
    f = ev(evs, "flight")
    # GUIDELINE 3 (enpron28): a pronoun whose person is named only in an earlier sentence keeps its span; its entity
    # is the named person's
    assert roles(f, "agent") == ["He"] and roles(f, "destination") == ["Moscow"]
    assert [a.entity for a in f.arguments if a.role == "agent"] == ["Assad"]
    assert roles(f, "means") == ["Russian military plane"]
    assert roles(f, "decider") == ["Putin"]


def test_passive_and_participle_patients_with_their_coordinates(monkeypatch):
    # the appointed are patients, never agents: passive subjects (coordinated) and "the X appointed were A and B";
    # the roles of the parse are under test, not the learned detector's veto (this sentence's "appointed" sits
    # at its threshold, and moves with each retraining)
    from riwaya.events import propose_en
    monkeypatch.setattr(propose_en, "OVERRIDE", {})
    t = ("In the East district, Alvin Yeung, Fernando Cheung and Raymond Chan were appointed.\n"
         "The candidates appointed were Michael Tien and Ben Chan.")
    ents = [(n, "person") for n in ("Alvin Yeung", "Fernando Cheung", "Raymond Chan", "Michael Tien", "Ben Chan")]
    evs, _ = run(t, ents)
    first, second = [e for e in evs if e.type == "appointment"]
    assert set(roles(first, "patient")) == {"Alvin Yeung", "Fernando Cheung", "Raymond Chan"}
    assert not roles(first, "agent")
    assert set(roles(second, "patient")) == {"Michael Tien", "Ben Chan"}
    for e in (first, second):
        for a in e.arguments:
            assert t[a.start:a.end] == a.text


def test_request_object_is_the_patient():
    t = "Environment Minister John Baird asked government officials to review the plan."
    e = ev(run(t, [("John Baird", "person")])[0], "request")
    assert roles(e, "agent") == ["Environment Minister John Baird"]
    assert roles(e, "patient") == ["government officials"]


def test_what_is_asked_for_is_no_patient_and_the_dead_are_patients():
    evs, _ = run("Rathbun requested donations.", [("Rathbun", "person")])
    assert roles(ev(evs, "request"), "agent") == ["Rathbun"] and not roles(ev(evs, "request"), "patient")
    evs, _ = run("Police asked the public for help.", [])
    assert roles(ev(evs, "request"), "patient") == ["the public"]
    evs, _ = run("Gloria Sam died in May.", [("Gloria Sam", "person")])
    e = ev(evs, "death")
    assert roles(e, "patient") == ["Gloria Sam"]  # (extract.py still keeps a surface agent before the verb)


def test_words_of_names_and_received_things_are_no_events():
    t = "The Museum of Flight was proposed as a location. Chu received 84,121 votes. The king received Kerry."
    evs, _ = run(t, [("Museum of Flight", "organization"), ("Chu", "person"), ("Kerry", "person")])
    assert [e.trigger for e in evs if e.type in ("flight", "meeting")] == ["received"]
    assert roles(ev(evs, "meeting"), "companion") == ["Kerry"]


def test_a_time_in_the_possessive_is_no_agent_and_the_dead_in_it_a_patient():
    evs, _ = run("Next year's competition will be held in Mexico City. Andy Warhol's death came in 1987.",
                 [("Mexico City", "place"), ("Andy Warhol", "person")])
    assert not roles(ev(evs, "match"), "agent")
    d = ev(evs, "death")
    assert roles(d, "patient") == ["Andy Warhol"] and not roles(d, "agent")


def test_it_in_a_when_clause_is_the_governing_subject():
    t = "Space Shuttle Challenger was lost when it exploded after liftoff."
    e = ev(run(t, [("Space Shuttle Challenger", "vehicle")])[0], "accident")
    assert roles(e, "patient") == ["Space Shuttle Challenger"]


# ---------------------------------------------------------------- nominal triggers: genitive and "on X"

def test_nominal_genitive_gives_agent_or_patient():
    t = "Officials announced the departure of the team from Herat on Monday."
    evs, _ = run(t, [("Herat", "place")])
    d = ev(evs, "departure")
    assert roles(d, "agent") == ["the team"]      # the team leaves, not the officials who announced it
    t = "The arrest of the student angered his classmates."
    a = ev(run(t)[0], "arrest")
    assert roles(a, "patient") == ["the student"] and roles(a, "agent") == []


def test_nominal_patient_preposition():
    t = "The government kept the ban on refugees in place."
    s = ev(run(t)[0], "sanction")
    assert roles(s, "patient") == ["refugees"]


def test_gerund_and_purpose_clause_take_the_governing_subject_as_agent():
    t = "Daniel Montalvo was arrested after leaving the group."
    d = ev(run(t, [("Daniel Montalvo", "person")])[0], "defection")
    assert roles(d, "agent") == ["Daniel Montalvo"]     # the passive subject of "arrested" is who left
    t = "Maxime Bernier traveled to Ottawa to meet with the minister."
    m = ev(run(t, [("Maxime Bernier", "person"), ("Ottawa", "place")])[0], "meeting")
    assert roles(m, "agent") == ["Maxime Bernier"]


def test_retype_leaving_an_organisation_and_defeat_in_a_vote():
    d = ev(run("She left the church in 2009.")[0], "defection")
    assert roles(d, "agent") == ["She"] and roles(d, "origin") == ["the church"]
    assert [e.type for e in run("He left the city in 2009.")[0]] == ["departure"]
    e = run("Yau Wai-ching defeated Raymond Wong by 424 votes.", [("Yau Wai-ching", "person"),
                                                                   ("Raymond Wong", "person")])[0]
    assert [x.type for x in e] == ["election"]
    assert [x.type for x in run("The rebels defeated the army near the border.")[0]] == ["attack"]


def test_launch_is_a_flight_only_for_a_craft():
    assert [e.type for e in run("NASA launched the shuttle on Tuesday.", [("NASA", "organization")])[0]] == ["flight"]
    assert "flight" not in [e.type for e in run("The rebels launched an offensive on the city.")[0]]
    assert "flight" not in [e.type for e in run("The offensive was launched from France.", [("France", "place")])[0]]


def test_general_motion_verbs_to_a_named_place():
    e = run("The team went to Kabul last week.", [("Kabul", "place")])[0]
    assert [(x.type, roles(x, "destination")) for x in e] == [("departure", ["Kabul"])]
    assert [x.type for x in run("He came back to Syria in May.", [("Syria", "place")])[0]] == ["return"]
    assert run("I am going to do it.")[0] == [] and run("He came to power in 2000.")[0] == []


def test_pronoun_subject_of_a_reported_clause_is_the_speaker():
    e = ev(run("North Korea stated it would attack any loudspeakers.", [("North Korea", "organization")])[0], "attack")
    assert roles(e, "agent") == ["North Korea"]
    m = ev(run("The ministers said they would meet in Doha.", [("Doha", "place")])[0], "meeting")
    assert roles(m, "agent") == ["The ministers"]


def test_hyphenated_passive_participle_keeps_its_patients():
    t = "Nonpartisan Paul Tse and Wong Kwok-kin were also re-elected."
    e = ev(run(t, [("Paul Tse", "person"), ("Wong Kwok-kin", "person")])[0], "appointment")
    assert roles(e, "patient") == ["Nonpartisan Paul Tse", "Wong Kwok-kin"] and roles(e, "agent") == []


# ---------------------------------------------------------------- polarity and agents from the parse (en5)

def test_polarity_from_the_parse():
    pol = lambda t, w: next(("negated" if e.negated else e.polarity) for e in run(t)[0] if e.trigger == w)  # noqa: E731
    assert pol("If elected, he will lower taxes.", "elected") == "hypothetical"
    assert pol("Gary Fan failed to get re-elected in this constituency.", "re-elected") == "negated"
    assert pol("Ramesses, unable to sustain a long siege, returned to Egypt.", "siege") == "negated"
    assert pol("The parents were advised to send the child to a specialist.", "send") == "requested"
    assert pol("On Wednesday, Mohamed and his father are to travel to the United Nations.", "travel") == "planned"
    assert pol("He traveled to Florida to meet with Devocht.", "meet") == "planned"
    assert pol("He traveled to Florida to meet with Devocht.", "traveled") == "asserted"
    # what is asked for is the executing, not the sentence: the sentence was passed
    assert pol("They asked the government to execute the sentence.", "sentence") == "asserted"
    # a possibility modal or an attempt: not told as done; a request (pol8)
    assert pol("The asylum seekers may have left the boat on purpose.", "left") == "hypothetical"
    assert pol("A defector was arrested after attempting to leave the organization.", "leave") == "hypothetical"
    assert pol("He requested to return to Rome several times.", "return") == "requested"
    assert pol("He left the boat on purpose.", "left") == "asserted"


def test_a_statement_in_a_prepositional_phrase_is_the_clause_subjects():
    evs, _ = run("In a statement, the governor said the decision was wrong.")
    assert roles(ev(evs, "statement"), "agent") == ["the governor"]


def test_a_thing_that_falls_is_an_accident_and_its_dead_a_death():
    evs, _ = run("At least 107 killed in Mecca crane collapse.")
    assert {e.trigger: e.type for e in evs} == {"killed": "death", "collapse": "accident"}
    assert ev(run("Aleppo fell to the rebels.")[0], "fall").trigger == "fell"
    assert ev(run("The regime collapsed in 2011.")[0], "fall").trigger == "collapsed"


def test_generic_and_thing_objects_are_no_events():
    assert not run("Armies cannot conquer science.")[0]
    assert not run("Moreover, electing a third-party governor represents a repudiation.")[0]
    assert not run("We'll leave that to the professionals.")[0]
    assert ev(run("The city that he left was burning.")[0], "departure").trigger == "left"


# ---------------------------------------------------------------- wire copy (en7): quotes, control, denials

def test_a_quote_over_several_sentences_and_paragraphs_keeps_its_speaker():
    t = ('"We have taken the airport," a rebel commander said. "The army has left the base."\n'
         'A spokesman said: "Our fighters entered the town at dawn. The soldiers fled."\n'
         '"Nobody was killed."\n'
         'The governor resigned on Monday.')
    evs, _ = run(t)
    assert chain(ev(evs, "departure")) == ["a rebel commander"]
    assert chain(ev(evs, "escape")) == ["A spokesman"]
    assert chain(ev(evs, "killing")) == ["A spokesman"]          # the quote goes on in the next paragraph
    assert chain(ev(evs, "dismissal")) == []                     # no quote: no speaker


def test_quote_spans_follow_the_wire_convention():
    from riwaya.events.english import quote_spans
    t = '"A. B.\n"C."\nD "E" F.'
    paras = [Paragraph(0, 6, "en"), Paragraph(7, 11, "en"), Paragraph(12, 19, "en")]
    assert [(t[s:e], k) for s, e, k in quote_spans(t, paras)] == [('"A. B.\n"C."', 0), ('"E"', 2)]


def test_control_phrases_take_what_they_control_as_patient():
    evs, _ = run("Rebels took control of the city of Homs on Saturday.")
    e = ev(evs, "control")
    assert roles(e, "agent") == ["Rebels"] and any("the city" in a for a in roles(e, "patient"))
    e = ev(run("Insurgents seized Homs and Hama.", [("Homs", "place"), ("Hama", "place")])[0], "capture")
    assert roles(e, "patient") == ["Homs", "Hama"] and roles(e, "place") == []
    assert roles(ev(run("The fall of the capital ended decades of rule.")[0], "fall"), "patient") == ["the capital"]


def test_a_denied_clause_is_denied_on_the_deniers_word():
    evs, _ = run("The army denied that it had withdrawn from the city.")
    w = ev(evs, "withdrawal")
    assert w.polarity == "denied" and not w.negated and chain(w) == ["The army"]
    assert ev(evs, "denial").polarity == "asserted"


def test_no_one_negates_and_a_speech_act_is_not_on_its_own_word():
    pol = lambda t, w: next(("negated" if e.negated else e.polarity) for e in run(t)[0] if e.trigger == w)  # noqa: E731
    assert pol("Nobody was killed in the attack.", "killed") == "negated"
    assert pol("No soldiers were wounded, the ministry said.", "wounded") == "negated"
    assert pol("Nobody claimed the bombing.", "bombing") == "asserted"
    evs, _ = run("Opposition leader Ahmed Saleh said in a video statement that fighters would stay.")
    s = ev(evs, "statement")
    assert roles(s, "agent") and chain(s) == []


def test_headline_participles_and_pronoun_patients():
    e = ev(run("Opposition leader detained at airport")[0], "arrest")
    assert roles(e, "patient") == ["Opposition leader"] and roles(e, "place") == ["airport"]
    assert roles(ev(run("Parents prosecuted over death of daughter")[0], "trial"), "patient") == ["Parents"]
    assert roles(ev(run("Rebels attacked the base.")[0], "attack"), "agent") == ["Rebels"]   # a sentence: active
    t = "Daniel Montalvo, 19, was arrested on Sunday.\nHe was released on bail on Thursday."
    e = ev(run(t, [("Daniel Montalvo", "person")])[0], "release_of_prisoners")
    # GUIDELINE 3 (enpron28): the pronoun's span across sentences, the named person's entity
    assert roles(e, "patient") == ["He"]
    assert [a.entity for a in e.arguments if a.role == "patient"] == ["Daniel Montalvo"]
    assert roles(ev(run("A commander was killed in an air strike.")[0], "killing"), "place") == []   # no place


def test_granted_refuge_and_what_strikes_hit():
    e = ev(run("Russia granted asylum to the president and his family.")[0], "refuge")
    assert roles(e, "decider") == ["Russia"] and roles(e, "agent") == ["the president", "his family"]
    assert roles(ev(run("Israeli airstrikes hit weapons depots.")[0], "attack"), "patient") == ["weapons depots"]


def test_quoted_as_saying_credits_the_one_quoted():
    evs, _ = run("Russian news agencies quoted a Kremlin source as saying the president had arrived in Moscow.")
    assert chain(ev(evs, "arrival")) == ["Russian news agencies", "a Kremlin source"]


def test_object_control_possessed_falls_and_a_confirmed_act_is_not_the_confirmers():
    assert roles(ev(run("The rebels' advance forced the army to withdraw.")[0], "withdrawal"), "agent") == ["the army"]
    assert roles(ev(run("The regime's fall came after an offensive.")[0], "fall"), "patient") == ["The regime"]
    # not the Kremlin, which tells of it; the pronoun itself when no clause resolves it (enagent18, as the gold marks
    # "his travel ban")
    assert roles(ev(run("His flight to Moscow was confirmed by the Kremlin.")[0], "flight"), "agent") == ["His"]


# ---------------------------------------------------------------- attributive participles, control (en8)

def test_a_participle_or_adjective_before_its_noun_is_no_event():
    # GUIDELINE 1: a participle as a predicate is an event, one that describes a noun is not
    for t, w in (("The rescued members included Bangladeshis.", "rescued"),
                 ("The recently released browser is gaining users.", "released"),
                 ("Formica fusca can encounter similar chemicals in dead ants.", "dead")):
        assert not any(e.trigger == w for e in run(t)[0]), t
    assert any(e.trigger == "rescued" for e in run("The navy rescued 40 migrants on Friday.")[0])
    assert any(e.trigger == "arrested" for e in run("Three men arrested in Kabul were released on Monday.")[0])


def test_the_subject_of_an_adjective_or_the_noun_of_a_participle_governs_an_infinitive(monkeypatch):
    from riwaya.events import propose_en
    monkeypatch.setattr(propose_en, "OVERRIDE", {})      # the rules alone: no detector's veto
    m = ev(run("Mohamed was a guest at the fair, and was able to meet finalists at the event.")[0], "meeting")
    assert roles(m, "agent") == ["Mohamed"]
    c = ev(run("There were also two Syrian teams scheduled to compete.")[0], "match")
    assert roles(c, "agent") == ["two Syrian teams"]
    evs, _ = run("Scientology defector arrested after attempting to leave organization")
    assert roles(ev(evs, "arrest"), "patient") == ["Scientology defector"]
    assert roles(ev(evs, "defection"), "agent") == ["Scientology defector"]


def test_the_subject_of_a_judging_verb_does_not_do_its_object_event():
    e = ev(run("The president welcomed the fall of the government.")[0], "fall")
    assert roles(e, "agent") == [] and roles(e, "patient") == ["the government"]
    assert roles(ev(run("The two sides held talks in Geneva.", [("Geneva", "place")])[0], "meeting"), "agent") == ["The two sides"]


def test_the_ruler_ousted_or_dismissed_is_the_patient():
    assert roles(ev(run("Rebels ousted the president on Sunday.")[0], "coup"), "patient") == ["the president"]
    assert roles(ev(run("The president was toppled.")[0], "coup"), "patient") == ["The president"]
    e = ev(run("The king dismissed the prime minister.")[0], "dismissal")
    assert roles(e, "agent") == ["The king"] and roles(e, "patient") == ["the prime minister"]


def test_coordinated_named_places_share_their_role():
    t = "Thousands of Syrians have returned from Lebanon and Turkey. The minister traveled to Paris, Berlin and London."
    evs, _ = run(t, [("Lebanon", "place"), ("Turkey", "place"), ("Paris", "place"), ("Berlin", "place"),
                     ("London", "place")])
    assert roles(ev(evs, "return"), "origin") == ["Lebanon", "Turkey"]
    assert roles(ev(evs, "departure"), "destination") == ["Paris", "Berlin", "London"]
    # a coordinated common noun is no named place: "in the city and its suburbs" keeps one place
    m = ev(run("He met them in the city and its suburbs.")[0], "meeting")
    assert roles(m, "place") == ["the city"]


def test_a_passive_order_takes_no_decider_from_its_subject():
    # "was ordered to withdraw": the army is the one ordered (and the one withdrawing), not who decided
    from riwaya.analyze import analyze
    from riwaya.ingest.readers import _make
    text = "The Turkish army was ordered to withdraw from the northern Syrian town of Manbij."
    evs = analyze(_make(text, None, "x", {"language": "en"})).events
    w = next(e for e in evs if e.trigger == "withdraw")
    assert not [a for a in w.arguments if a.role == "decider"]
    text = "The army was ordered to withdraw from the border."
    w = next(e for e in analyze(_make(text, None, "x", {"language": "en"})).events if e.trigger == "withdraw")
    assert not [a for a in w.arguments if a.role == "decider"]


def test_a_margin_in_a_passive_by_phrase_is_no_agent():
    # GUM_news_election (dev): two by-phrases, the margin first, then the winner
    from riwaya.analyze import analyze
    from riwaya.ingest.readers import _make
    text = ("Pro-Beijing DAB's Starry Lee and Holden Chow were successfully elected in this constituency, while "
            "pro-Beijing veteran politician Wong Kwok-hing of FTU was defeated by 10,694 votes by James To.")
    evs = analyze(_make(text, None, "x", {"language": "en"})).events
    d = next(e for e in evs if e.trigger == "defeated")
    agents = [a.text for a in d.arguments if a.role == "agent"]
    assert agents and all("votes" not in a for a in agents) and any("James To" in a for a in agents)


def test_a_name_keeps_its_title_and_determiner():
    # GUIDELINE 3: "titles are kept when they are part of the phrase"; the name mention alone is shorter
    # (GUM news sentences: "President Donald Trump", "NASA Administrator Charles Bolden")
    t = "NASA Administrator Charles Bolden announced the locations at the ceremony."
    e = ev(run(t, [("NASA", "organization"), ("Charles Bolden", "person")])[0], "announcement")
    assert roles(e, "agent") == ["NASA Administrator Charles Bolden"]
    # a determiner of the phrase too (train sentences: "the Soviet Union", "the Municipality of Livorno")
    e = ev(run("The Soviet Union collapsed in 1991.", [("Soviet Union", "place")])[0], "fall")
    assert roles(e, "patient") == ["The Soviet Union"]
    e = ev(run("The Supreme Court rejected the request of the Municipality of Livorno.",
               [("Supreme Court", "organization"), ("Municipality of Livorno", "organization")])[0], "request")
    assert roles(e, "agent") == ["the Municipality of Livorno"]


def test_a_persons_of_phrase_stays_with_the_name():
    # GUM news (Hong Kong election): "Elizabeth Quat of DAB" is the annotated patient
    t = "For the Pro-Beijing camp, Elizabeth Quat of DAB was elected with 58,825 votes."
    e = ev(run(t, [("Elizabeth Quat", "person"), ("DAB", "organization")])[0], "appointment")
    assert roles(e, "patient") == ["Elizabeth Quat of DAB"]


# ---------------------------------------------------------------- sources over a sentence (ev15; GUM Wikinews, PUD)

def test_a_pronoun_speaker_is_the_name_before_it():
    # GUM_news_iodine (shortened): "..., he said" credits the person named before, on the pronoun's span
    t = ('Professor Creswell Eastman warned of the deficiency.\n'
         '"We have convinced the regulators that all salt should be iodised," he said.')
    evs, _ = run(t, [("Creswell Eastman", "person")])
    c = ev(evs, "request").attribution.chain
    assert [l["name"] for l in c] == ["Creswell Eastman"] and t[c[0]["start"]:c[0]["end"]] == "he"


def test_a_pronoun_speaker_with_no_name_before_is_itself_and_a_claim_reports_its_infinitive():
    # PUD w01052046
    t = ("This time he claimed to have fought the battle without even bothering to put on his corslet until "
         "two hours after the fighting began.")
    evs, _ = run(t)
    assert chain(ev(evs, "attack", 1)) == ["he"]


def test_a_quotation_over_several_lines_keeps_its_speaker():
    # GUM_news_afghan: one sentence a line, the quotation closes two lines on
    t = ('"We are so interested because we find a big chance to show the talent and ability of Afghans," team '
         'member Rodaba Noori told the press, "to show that Afghan women can make robots too and we can improve in '
         'this section — [the] robotics section.\nWe were so interested because we hadn\'t long or enough time to '
         'get ready for competition but we came to United States and now we are here because of Trump '
         'intervention."\nThe team arrived in Washington on Sunday.')
    evs, _ = run(t, [("Rodaba Noori", "person"), ("United States", "place"), ("Washington", "place")])
    assert chain(ev(evs, "arrival", 0)) == ["Rodaba Noori"]        # "we came": inside the quotation
    assert chain(ev(evs, "arrival", 1)) == []                      # "The team arrived": after it closed


def test_what_stands_before_the_speaker_is_not_reported():
    # GUM_news_asylum, GUM_news_korea: an adverbial set before the speaker; GUM_news_afghan: another clause
    t = ('Discussing his concern in a public statement, Malaysia\'s Prime Minister, Najib Razak said, "We are in '
         'contact with all relevant parties."')
    evs, _ = run(t, [("Najib Razak", "person"), ("Malaysia", "place")])
    assert chain(ev(evs, "statement")) == [] and chain(ev(evs, "call")) == ["Najib Razak"]
    t = "After the exchange of fire, North Korea stated it would attack any loudspeakers broadcasting propaganda."
    evs, _ = run(t, [("North Korea", "place")])
    assert chain(ev(evs, "attack", 0)) == [] and chain(ev(evs, "attack", 1)) == ["North Korea"]


def test_a_speaker_who_does_not_say_is_no_source_and_recent_reports_are_one():
    # GUM_news_afghan, GUM_news_defector
    t = ("U.S. officials have not said why the team was initially denied visas, but Afghan Ambassador Hamdullah "
         "Mohib says there were concerns they would attempt to remain in the United States or in Canada after the "
         "contest.")
    evs, _ = run(t, [("Hamdullah Mohib", "person"), ("United States", "place"), ("Canada", "place")])
    assert chain(ev(evs, "sanction")) == []
    t = ("Recent reports have revealed that a defector from the elite group within Scientology called the Sea Org "
         "was first persuaded to travel back to a management building for the organization in California, then "
         "arrested.")
    evs, _ = run(t, [("California", "place"), ("Scientology", "organization")])
    assert chain(ev(evs, "departure")) == ["Recent reports"]


def test_a_speaker_ending_its_line_reports_the_quotation_on_the_next_lines():
    # GUM_news_defector: 'Rathbun stated,' alone on its line, the quotation over the three lines after it
    t = ('Rathbun stated,\n"Daniel was picked up by an investigator in a black car with blacked out windows.\n'
         'Instead of being taken to a hotel, where he could route out as promised, he was taken to the Century '
         'City Towers.\nHe was deposited in an office on the 33rd floor where a pricy church lawyer interrogated '
         'him for two hours."')
    evs, _ = run(t, [("Rathbun", "person"), ("Daniel", "person"), ("Century City Towers", "place")])
    assert chain(ev(evs, "transfer", 0)) == ["Rathbun"] and chain(ev(evs, "transfer", 1)) == ["Rathbun"]


def test_a_report_runs_past_an_abbreviation_full_stop():
    # GUM_news_clock: "the U.N. headquarters" ends no sentence for the parse
    t = ("His father Mohamed El-Hassan Mohamed said he was taking his entire family to the U.N. headquarters in "
         "New York, because international dignitaries wanted to meet with his son and express their support.")
    evs, _ = run(t, [("Mohamed El-Hassan Mohamed", "person"), ("New York", "place")])
    assert chain(ev(evs, "meeting")) == ["His father"]


def test_a_quotation_opening_in_what_a_verb_reports_is_its_speakers():
    # GUM_news_hackers: 'He characterized ... as "...', the quotation running on to the next line
    t = ('Ryan Singel wrote about the conflict.\nHe characterized the conflict between the Church of Scientology and '
         'anonymous posters of the Cruise video as "another small skirmish in a war that Scientology has been waging '
         'for almost 15 years, since the early days of newsgroups such as alt.religion.scientology, which posted '
         'internal church documents in 1994.\nLawsuits have been filed, mailing lists have been shut down, homes of '
         'discussion group participants have been raided and their computers seized -- an all-out war."')
    evs, _ = run(t, [("Ryan Singel", "person"), ("Church of Scientology", "organization")])
    raided = [e for e in evs if e.trigger == "raided"]
    assert raided and chain(raided[0]) == ["Ryan Singel"]


def test_same_sentence_speakers_the_parse_leaves_without_a_subject():
    # GUM_news_defector: "According to Rathbun the ..." with no comma (the parse tags the name a verb)
    t = ("According to Rathbun the Scientology property in question was returned by mail to the organization by "
         "Montalvo shortly after he left the Sea Org.")
    evs, _ = run(t, [("Rathbun", "person"), ("Montalvo", "person"), ("Sea Org", "organization")])
    assert chain(ev(evs, "return")) == ["Rathbun"]
    # GUM_news_korea: an inverted speech tag after the quotation
    t = ('"Commanders of the Korean People\'s Army were hastily dispatched to the front-line troops to command '
         'military operations", added KCNA.')
    evs, _ = run(t, [("KCNA", "organization"), ("Korean People's Army", "organization")])
    assert chain(ev(evs, "deployment")) == ["KCNA"]
    # GUM_news_hackers: "theorized that"; a participle joined to a clause takes its subject
    t = ("Posts on the message board for the Scientology-critic site Operation Clambake from Friday theorized that a "
         "denial-of-service attack had occurred.")
    evs, _ = run(t, [("Operation Clambake", "organization")])
    assert chain(ev(evs, "attack")) == ["Posts"]
    t = ('One poster admitted to being a part of the effort, writing in a blog post "I have myself, as per '
         'instructions, loaded up Gigaloader and started bombarding the Scientology homepage."')
    evs, _ = run(t, [("Gigaloader", "organization"), ("Scientology", "organization")])
    assert chain(ev(evs, "attack")) == ["One poster"]


def test_citing_a_report_and_blaming_for_an_act_give_their_sources():
    # puden w03002055: "X cites Y describing Z": X, then Y
    t = "Amnesty International cites newspaper articles from 2008 describing the murder of fifty people."
    evs, _ = run(t, [("Amnesty International", "organization")])
    assert chain(ev(evs, "killing")) == ["Amnesty International", "newspaper articles"]
    # GUM_news_afghan: "the atmosphere ... that critics blame for denying them entry"
    t = ("He faces criticism for the atmosphere of hostility toward Muslims that critics blame for denying them "
         "entry in the first place.")
    evs, _ = run(t, [("Muslims", "organization")])
    assert chain(ev(evs, "sanction")) == ["critics"]


def test_a_nominal_events_place_named_in_its_phrase_or_by_the_verb_that_stages_it():
    # enev17: "the Vietnam War", "Hong Kong legislative election" (GUM); "was held in X"; "which took place in X" (PUD)
    t = "He was one of the first opponents of the Vietnam War."
    evs, _ = run(t, [("Vietnam", "place")])
    assert roles(ev(evs, "attack"), "place") == ["Vietnam"]
    t = "New faces emerge as veteran politicians step down in Hong Kong legislative election"
    evs, _ = run(t, [("Hong Kong", "place")])
    assert roles(ev(evs, "election"), "place") == ["Hong Kong"]
    t = "The first FIRST Global robotics competition was held this week in Washington D.C."
    evs, _ = run(t, [("Washington D.C.", "place")])
    assert roles(ev(evs, "match"), "place") == ["Washington D.C."]
    t = "Students at LUISS University were told during the course of a meeting which took place in Rome."
    evs, _ = run(t, [("LUISS University", "organization"), ("Rome", "place")])
    assert roles(ev(evs, "meeting"), "place") == ["Rome"]


def test_a_requests_addressee_in_a_prepositional_phrase_is_its_patient():
    # enev17: GUM_news_taxes, PUD n01034060
    t = ("In the second case, the M5S party asks to the regional government to assure the local administrations "
         "of the region regularly apply the sentence of the Supreme Court.")
    evs, _ = run(t, [("M5S", "organization"), ("Supreme Court", "organization")])
    assert roles(ev(evs, "request"), "patient") == ["the regional government"]
    t = "Trudeau will extend that invitation to the 45th president of the United States, whoever he or she may be."
    evs, _ = run(t, [("Trudeau", "person"), ("United States", "place")])
    r = ev(evs, "request")
    assert roles(r, "agent") == ["Trudeau"] and any(a.startswith("the 45th president") for a in roles(r, "patient"))


def test_a_title_in_apposition_to_a_name_is_one_participant():
    # enev17: GUM_news_election ("councillor Wilson Or"), PUD w01069056 ("the governor Margaret of Parma")
    t = ("In 1566, a league of about 400 members of the nobility presented a petition to the governor Margaret of "
         "Parma, to suspend persecution until the rest had returned.")
    evs, _ = run(t, [("Margaret of Parma", "person")])
    assert roles(ev(evs, "request"), "patient") == ["the governor Margaret of Parma"]


def test_what_a_team_won_is_no_participant():
    # enev17: GUM_interview_mckenzie, GUM_news_afghan
    t = "This year the European team won the competition."
    evs, _ = run(t, [("European", "organization")])
    m = ev(evs, "match")
    assert roles(m, "patient") == [] and roles(m, "agent") == ["the European team"]


def test_a_possessive_pronoun_on_a_nominal_event_stands_for_the_clauses_subject():
    # enev17: PUD w03010097 ("On their return, they ..."), w01124049 ("Peniston ... her dismissal")
    t = ("On their return, they entertained the idea of living in South America, far away from the problems of "
         "postwar Belgium.")
    evs, _ = run(t, [("South America", "place"), ("Belgium", "place")])
    assert roles(ev(evs, "return"), "agent") == ["they"]


# ---------------------------------------------------------------- enfix17 (issue #14): craft and caption

def test_a_named_craft_is_the_mover_its_possessive_stands_for():
    # GUM_news_nasa: a vehicle mention ("vehicle" since enner17) is the agent of its movement event
    t = ("The hangar is for Space Shuttle Atlantis, which is being prepped for its final mission which will be "
         "STS-135.")
    evs, _ = run(t, [("Space Shuttle Atlantis", "vehicle"), ("STS-135", "other")])
    e = ev(evs, "flight")
    assert roles(e, "agent") == ["Space Shuttle Atlantis"]
    assert [a.type for a in e.arguments if a.role == "agent"] == ["vehicle"]


def test_a_photo_captions_furniture_is_no_participant_and_its_subject_is_the_pictured_craft():
    # GUM_news_nasa: "File image of X lifting off": not "File"; X lifts off
    t = "File image of Space Shuttle Atlantis lifting off, which approaches its last mission before retirement."
    evs, _ = run(t, [("Space Shuttle Atlantis", "vehicle")])
    args = [a.text for e in evs for a in e.arguments]
    assert "File" not in args and "File image" not in args
    lift = [e for e in evs if e.trigger == "lifting off"]
    assert lift and roles(lift[0], "agent") == ["Space Shuttle Atlantis"]


def test_a_determined_plural_of_a_caption_word_stays_a_participant():
    t = "These images were sent to NASA by the probe."
    assert not english._caption_word(english._nlp()(t)[1])
    assert english._caption_word(english._nlp()("File image of the ship.")[0])


# ---------------------------------------------------------------- enagent18 (issue #14): doers of nominal events

def test_the_clause_subject_joins_a_nominal_event_it_goes_on_or_into():
    # enagent18: PUD w01080132 ("marched ... for a long campaign"), n01143009 ("bluffed their way into a tournament")
    t = ("Having secured the bordering regions of Macedon, Philip assembled a large Macedonian army and marched deep "
         "into Thrace for a long conquering campaign.")
    evs, _ = run(t, [("Philip", "person"), ("Macedon", "place"), ("Thrace", "place")])
    assert roles(ev(evs, "attack"), "agent") == ["Philip"]
    t = "At the beginning of the London conference in December 1912 the ambassadors of all six Great Powers rejected the plan."
    evs, _ = run(t, [("London", "place"), ("Great Powers", "organization")])
    assert roles(ev(evs, "meeting"), "agent")[0].startswith("the ambassadors")


def test_a_clause_subject_is_no_doer_of_an_event_outside_the_joined_types():
    # "polls for the election": the candidate is no doer of the election (english.yaml joined_types)
    t = "Sarvis has garnered double digits in opinion polls for the 2013 Virginia gubernatorial election."
    evs, _ = run(t, [("Sarvis", "person"), ("Virginia", "place")])
    assert roles(ev(evs, "election"), "agent") == []


def test_the_accused_does_the_crime_noun():
    # enagent18: PUD n01127008
    t = ("Two years later, Jutting, now 31, is on trial at Hong Kong's High Court, charged with two counts of murder "
         "and one of preventing lawful burial.")
    evs, _ = run(t, [("Jutting", "person"), ("Hong Kong", "place"), ("High Court", "organization")])
    assert roles(ev(evs, "killing"), "agent") == ["Jutting"]


def test_requests_that_come_from_x_are_xs():
    # enagent18: GUM_news_taxes
    t = ("Requests have come from the Municipality of Bogliasco, next to Genova, and from the deputies of the "
         "regional counsel of Lombardy.")
    evs, _ = run(t, [("Municipality of Bogliasco", "organization"), ("Genova", "place"), ("Lombardy", "place")])
    ag = roles(ev(evs, "request"), "agent")
    assert ag[0] == "the Municipality of Bogliasco" and len(ag) == 2


def test_a_possessive_pronoun_no_clause_resolves_is_itself_the_doer():
    # enagent18: GUM_news_iodine, GUM_news_afghan ("criticism for his travel ban"): the gold marks the pronoun
    t = "He says authorities are reacting slowly to his urgent calls for mandatory iodised salt."
    evs, _ = run(t)
    assert roles(ev(evs, "call"), "agent") == ["his"]


def test_a_judging_possessor_does_it_and_a_cause_is_no_doer():
    # enagent18: GUM_news_taxes ("the court's judgement"), GUM_news_crane ("was caused by strong winds")
    t = "The secularist magazine MicroMega describe the court's judgement as historic."
    evs, _ = run(t, [("MicroMega", "organization")])
    e = ev(evs, "trial")
    assert roles(e, "agent") == ["the court"] and roles(e, "patient") == []
    t = "The accident, which occurred yesterday afternoon, was caused by strong winds and heavy rain."
    evs, _ = run(t)
    assert roles(ev(evs, "accident"), "agent") == []


def test_who_commits_suicide_dies_and_a_possessive_climbs_past_following():
    # enagent18: GUM_news_imprisoned; GUM_news_nasa ("retired following the completion of X, its 39th mission")
    t = "Her father, Albert Jaquier, committed suicide after he lost his fortune."
    evs, _ = run(t, [("Albert Jaquier", "person")])
    e = ev(evs, "death")
    assert roles(e, "agent") == [] and any("Albert Jaquier" in a for a in roles(e, "patient"))
    t = "Discovery has already been retired following the completion of STS-133 last month, its 39th mission."
    evs, _ = run(t, [("Discovery", "vehicle"), ("STS-133", "other")])
    assert roles(ev(evs, "flight"), "agent") == ["Discovery"]


def test_an_adjective_set_off_after_its_noun_governs_the_infinitive():
    # enagent18: PUD w01052022; not "battle ready to launch" (no comma: the noun is no subject)
    t = "Ramesses, logistically unable to sustain a long siege, returned to Egypt."
    evs, _ = run(t, [("Ramesses", "person"), ("Egypt", "place")])
    assert roles(ev(evs, "siege"), "agent") == ["Ramesses"]
    t = "The parents are accused of putting their social life ahead of their child, taking her on a trip to India."
    evs, _ = run(t, [("India", "place")])
    assert roles(ev(evs, "visit"), "agent") == ["The parents"]


def test_a_participle_names_who_did_a_nominal_event():
    # enagent18: "the bombing, claimed by X", "the strikes, carried out by X", "Saudi-led strikes"; not "US-backed"
    evs, _ = run("The bombing, claimed by the Islamic State, killed 20.", [("Islamic State", "organization")])
    assert roles(ev(evs, "attack"), "agent") == ["the Islamic State"]
    evs, _ = run("The strikes, carried out by the coalition, killed 12 people.")
    assert roles(ev(evs, "attack"), "agent") == ["the coalition"]
    evs, _ = run("Saudi-led strikes hit Sanaa.", [("Saudi", "place"), ("Sanaa", "place")])
    assert roles(ev(evs, "attack"), "agent") == ["Saudi"]
    evs, _ = run("The US-backed offensive began.", [("US", "place")])
    assert roles(ev(evs, "attack"), "agent") == []


def test_the_sides_between_x_and_y_and_a_contests_host_arranges_it():
    evs, _ = run("The talks between Iran and the United States resumed on Monday.",
                 [("Iran", "place"), ("United States", "place")])
    m = ev(evs, "meeting")
    assert roles(m, "agent") == ["Iran"] and roles(m, "companion") == ["the United States"]
    # enagent18: GUM_news_afghan (the gold: decider, no agent); PUD w02015086 ("the Thirty Years' War": no doer)
    t = "This is the first FIRST Global competition, and the organization plans to hold the contest in a different country every year."
    evs, _ = run(t, [("FIRST Global", "organization")])
    c = [e for e in evs if e.trigger == "contest"][0]
    assert roles(c, "agent") == [] and roles(c, "decider") == ["the organization"]
    evs, _ = run("The cloister was destroyed during the Thirty Years' War in 1632 by Swedish troops.")
    assert roles([e for e in evs if e.trigger == "War"][0], "agent") == []


def test_the_possessor_of_a_decision_to_act_acts_but_not_of_an_order():
    # enagent18: PUD n04007018 ("the decision of the ex-minister to leave the party": agent, not a second decider)
    evs, _ = run("Nimr's decision to leave the country surprised many.", [("Nimr", "person")])
    e = ev(evs, "departure")
    assert roles(e, "agent") == ["Nimr"] and roles(e, "decider") == []
    evs, _ = run("The minister's attempt to flee to Turkey failed.", [("Turkey", "place")])
    assert roles(ev(evs, "escape"), "agent") == ["The minister"]
    evs, _ = run("The president's order to withdraw the troops was obeyed.")
    assert roles(ev(evs, "withdrawal"), "agent") == []
    # the bundled story (003): "the preparation of a stage" delivers no speech (not a will noun)
    t = "Assad ordered the preparation of a stage at the Palace of Muhajireen to deliver a significant speech."
    evs, _ = run(t, [("Assad", "person"), ("Palace of Muhajireen", "place")])
    assert "a stage" not in roles(ev(evs, "speech"), "agent")


def test_a_possessive_stands_for_the_person_named_before_it_or_the_craft_its_kind_names():
    # enref18: GUM_news_clock (the gold: Mohamed, not the subject of the sentence before), GUM_news_taxes
    t = "Co-founder of Google, Sergey Brin, personally met with Mohamed during his visit to Google."
    evs, _ = run(t, [("Google", "organization"), ("Sergey Brin", "person"), ("Mohamed", "person")])
    assert roles(ev(evs, "visit"), "agent") == ["Mohamed"]
    t = "The first case is of the mayor Luca Pastorino that received several refusals of his requests for payment."
    evs, _ = run(t, [("Luca Pastorino", "person")])
    assert roles(ev(evs, "request"), "agent") == ["Luca Pastorino"]
    # the bundled story (003): the clause's subject is a description that may be the name before (Putin): no name
    t = ("On December 5, Hama fell to the opposition, and Assad tried reaching Putin, who was in Belarus, but the "
         "Russian president did not respond to his calls.")
    evs, _ = run(t, [("Hama", "place"), ("Assad", "person"), ("Putin", "person"), ("Belarus", "place")])
    assert "Putin" not in roles(ev(evs, "call"), "agent")
    # a title linked by coreference is no name: the gold keeps the pronoun (GUM_news_afghan)
    evs, _ = run("The President has drawn criticism for his travel ban.")
    assert roles(ev(evs, "sanction"), "agent") == ["his"]
    # GUM_news_nasa: "the orbiter" is Atlantis, the clause's named subject
    t = ("Finally, Atlantis will go on display at the Kennedy Space Center Visitor Complex following the orbiter's "
         "last flight which launches June 28.")
    evs, _ = run(t, [("Kennedy Space Center Visitor Complex", "place")])
    assert roles([e for e in evs if e.trigger == "flight"][0], "agent") == ["Atlantis"]
    # not a kind word: the possessor itself
    evs, _ = run("Atlantis will go on display following the director's last visit.")
    assert roles(ev(evs, "visit"), "agent") == ["the director"]


def test_a_handover_of_x_from_y_and_the_claimers_object_pronoun():
    # enref18: PUD n01101003 (of = what is given, from = the giver)
    evs, _ = run("The intervention is the most far-reaching by Beijing since the 1997 handover of Hong Kong from the UK.",
                 [("Beijing", "place"), ("Hong Kong", "place"), ("UK", "place")])
    e = ev(evs, "surrender")
    assert roles(e, "patient") == ["Hong Kong"] and roles(e, "agent") == ["the UK"] and roles(e, "origin") == []
    # GUM_news_imprisoned (there the NER reads the name as places, so it stays "her")
    evs, _ = run("Valeska Paris, an Australian woman, has claimed that the Church of Scientology imprisoned her.",
                 [("Valeska Paris", "person"), ("Church of Scientology", "organization")])
    assert roles(ev(evs, "arrest"), "patient") == ["Valeska Paris, an Australian woman"]     # (enarg30) APPOS_SPAN
    evs, _ = run("The Church of Scientology imprisoned her, the report said.", [("Church of Scientology", "organization")])
    assert roles(ev(evs, "arrest"), "patient") == ["her"]


def test_a_headline_interviewer_and_the_with_object_of_an_interview():
    # enref18: GUM_interview_hill and _cocktail (the parse hangs "Wikinews" on the verb as a compound), _chomsky
    evs, _ = run("Wikinews interviews Christopher Hill, U.S. Republican Party presidential candidate\nInterview\n"
                 "What qualifications do you have?")
    e = ev(evs, "statement")
    assert roles(e, "agent") == ["Wikinews"] and roles(e, "companion") == [
        "Christopher Hill, U.S. Republican Party presidential candidate"]     # (enarg30) APPOS_SPAN
    evs, _ = run("Wikinews interviews New York bar owner on Santorum cocktail")
    e = ev(evs, "statement")
    assert roles(e, "agent") == ["Wikinews"] and roles(e, "companion") == ["New York bar owner"]
    t = "On March 13, Professor Chomsky sat down with Michael Dranove for an interview in his MIT office in Cambridge."
    evs, _ = run(t, [("Chomsky", "person"), ("Michael Dranove", "person"), ("Cambridge", "place")])
    e = [x for x in evs if x.trigger == "interview"][0]
    assert roles(e, "agent") == ["Michael Dranove"] and roles(e, "companion") == ["Professor Chomsky"]


def test_an_adverbial_clauses_subject_pronoun_is_the_governing_subject():
    # enref18: GUM_news_warhol (the gold: "many people", GUIDELINE 3 the nearest explicit mention)
    evs, _ = run("In fact, many people Wikinews observed took out their mobiles as they left for the evening.",
                 [("Wikinews", "organization")])
    assert roles(ev(evs, "departure"), "agent") == ["many people"]
    # "he" and a place do not agree: the pronoun stays
    evs, _ = run("Damascus was quiet when he left for Moscow.", [("Damascus", "place"), ("Moscow", "place")])
    assert roles(ev(evs, "departure"), "agent") == ["he"]


def _types(evs):
    return [(e.trigger, e.type) for e in evs]


def test_generic_uses_are_no_events():
    # entrig19: GUIDELINE 1, specific happenings only (the grouped CV's false triggers of GUM interviews and news)
    evs, _ = run("And so we can compete against each other all the time within Australia.")
    assert not [e for e in evs if e.type == "match"]
    evs, _ = run("It also must be returned within twenty working days.")
    assert not [e for e in evs if e.type == "return"]
    # a simple present outside a headline: a habit; a speech act in the present and a headline stay
    evs, _ = run("Voters who meet me know that I am sincere.")
    assert not [e for e in evs if e.type == "meeting"]
    evs, _ = run("Hackers attack Church of Scientology website\nWe urge the governments of the region to work together.")
    assert ("attack", "attack") in _types(evs) and [e for e in evs if e.trigger == "urge"]
    # an infinitive under a noun that wills nothing names a possibility; under a noun of will it is told
    evs, _ = run("They were twice denied visas to enter the United States.", [("United States", "place")])
    assert not [e for e in evs if e.type == "entry"]
    evs, _ = run("The decision of the ex-minister to leave the party surprised them.")
    assert [e for e in evs if e.trigger == "leave"]


def test_a_fixed_phrase_is_no_event():
    evs, _ = run("The mosque was being enlarged in order to improve crowd control.")
    assert not [e for e in evs if e.trigger == "order"]
    evs, _ = run("North Korea puts military in a quasi-state of war after the shelling.")
    assert not [e for e in evs if e.trigger == "war"]
    evs, _ = run("The president issued an order to the army on Monday.")
    assert [e for e in evs if e.trigger == "order"]


def test_polarity_of_an_infinitive_under_a_noun_of_will_and_through_help():
    evs, _ = run("This was written after the decision of the ex-minister to leave the party.")
    assert [e.polarity for e in evs if e.trigger == "leave"] == ["planned"]
    evs, _ = run("His refusal to leave the palace angered them.")
    e = [x for x in evs if x.trigger == "leave"][0]
    assert e.negated
    evs, _ = run("Trump personally asked the council to help the girls enter the country.")
    assert [e.polarity for e in evs if e.trigger == "enter"] == ["requested"]


def test_no_bears_on_a_coordinated_noun_and_should_is_not_told_as_done():
    evs, _ = run("No injuries or deaths were reported in the attacks from either side.")
    assert [e.negated for e in evs if e.trigger in ("injuries", "deaths")] == [True, True]
    evs, _ = run("There was a time, Mr Panvalkar said, when he felt that they should leave the building.")
    assert [e.polarity for e in evs if e.trigger == "leave"] == ["hypothetical"]


def test_a_dated_present_and_a_perceived_act_are_told():
    evs, _ = run("Looking back: Space Shuttle Columbia lifts off on STS-1 from Launch Pad 39A on April 12, 1981.")
    assert [e for e in evs if e.trigger == "lifts off"]
    evs, _ = run("The finals saw US team Cloud9 and Immortals, from Brazil, face off in Counter-Strike.")
    assert [e for e in evs if e.trigger.startswith("face")]


def test_an_adjective_and_an_idiom_are_no_events():
    evs, _ = run('Santorum said, "It\'s offensive beyond anything that anybody should tolerate."')
    assert not [e for e in evs if e.trigger == "offensive"]
    evs, _ = run("The army launched an offensive on the town on Monday.")
    assert [e for e in evs if e.trigger == "offensive"]
    evs, _ = run("However, the friendship has fallen apart due to unofficial collaborations.")
    assert not [e for e in evs if e.trigger == "fallen"]


def test_general_event_words_of_the_schema():
    # entrig19: words the grouped CV missed on documents unseen, which only a learned form held before
    for t, w, typ in (("Over 345 pilgrims have been killed in a stampede near Mecca.", "stampede", "accident"),
                      ("The court ruled that the law was legal.", "ruled", "trial"),
                      ("The GOP lead was carried by strong numbers in absentee voting.", "voting", "election")):
        evs, _ = run(t)
        assert [e.type for e in evs if e.trigger == w] == [typ], t


def test_a_ruling_needs_a_judging_subject_and_a_revolution_is_no_industrial_one():
    evs, _ = run("The judge in the fraud trial ultimately ruled that the expenses were within the rules.")
    assert [e.type for e in evs if e.trigger == "ruled"] == ["trial"]
    evs, _ = run("Greek court rules worship of ancient Greek deities is legal")
    assert [e.type for e in evs if e.trigger == "rules"] == ["trial"]
    evs, _ = run("Their first king was Mojmir I (ruled 830-846).")
    assert not [e for e in evs if e.trigger == "ruled"]
    evs, _ = run("The minister ruled out a new election.")
    assert not [e for e in evs if e.trigger == "ruled"]
    evs, _ = run("The Industrial Revolution created a demand for metal parts.")
    assert not [e for e in evs if e.trigger == "Revolution"]
    evs, _ = run("After the Russian Revolution in 1917, some countries won their independence.")
    assert [e.type for e in evs if e.trigger == "Revolution"] == ["coup"]


def test_an_upcoming_event_is_planned():
    evs, _ = run("Sarvis is polling well ahead of the upcoming election.")
    assert [e.polarity for e in evs if e.trigger == "election"] == ["planned"]
    evs, _ = run("Do you have any thoughts on the protests coming up at the NATO conference?")
    assert [e.polarity for e in evs if e.trigger == "protests"] == ["planned"]


def test_phrasal_event_words_of_the_schema():
    # entrig19: phrasal forms the grouped CV missed ("turned himself in", "set sail", "burst into flames",
    # "brought back")
    for t, w, typ in (("Montalvo walked into the station and turned himself in.", "turned himself in", "surrender"),
                      ("The ship set sail with twenty eight men.", "set sail", "departure"),
                      ("The car burst into flames, and Kenseth walked away.", "burst into flames", "accident"),
                      ("Genesis brought back a sample from the Sun.", "brought back", "transfer")):
        evs, _ = run(t)
        assert [e.type for e in evs if e.trigger == w] == [typ], t


def test_an_interviews_speech_verb_is_a_statement():
    # entrig19: GUM interviews' frame (the gold's statements); a report of a clause stays attribution
    evs, _ = run("Biologist Nick Bos tells Wikinews about self-medicating ants")
    assert [e.type for e in evs if e.trigger == "tells"] == ["statement"]
    evs, _ = run("Attorney Robert Sarvis answered five questions submitted via e-mail by Wikinews reporters.")
    assert [e.type for e in evs if e.trigger == "answered"] == ["statement"]
    evs, _ = run("Environment Canada spokeswoman Sujata Raisinghani told CBC News the department will look into it.")
    assert not [e for e in evs if e.trigger == "told"]


def test_fire_and_mission_take_their_sense_from_their_dependents():
    # entrig20: "fire" is an attack with a munition, as an exchange or opened, or fired at someone, and an accident
    # as what destroyed or broke out; "mission" is a spaceflight with a space word beside it or in its paragraph
    # (the CV's folds without the learned forms missed them); a fired coach, a UN mission are neither
    for t, w, typ in (("North and South Korea exchanged artillery fire yesterday.", "fire", "attack"),
                      ("Yesterday, North Korea fired artillery rounds aimed at a loudspeaker.", "fired", "attack"),
                      ("The South retaliated by firing dozens of rounds of artillery into the north.", "firing",
                       "attack"),
                      ("Police opened fire on the protesters.", "fire", "attack"),
                      ("In 1990, a fire destroyed what remained of the wooden grandstands.", "fire", "accident"),
                      ("The Canaanite city was destroyed in a fire.", "fire", "accident"),
                      ("A fire broke out in the kitchen.", "fire", "accident"),
                      ("Stardust is a NASA Discovery mission that was launched in 1999.", "mission", "flight")):
        evs, _ = run(t)
        assert [e.type for e in evs if e.trigger == w] == [typ], t
    for t, w in (("The club fired the coach on Monday.", "fired"),
                 ("The UN mission in Mali was extended by a year.", "mission")):
        evs, _ = run(t)
        assert not [e for e in evs if e.trigger == w], t


def test_a_competition_name_that_only_places_the_talk_is_no_match():
    # entrig20, GUIDELINE 1.1 (names that situate): the object of a preposition of place or time with nothing that
    # makes it one edition; a year, an edition word or a place of its own keeps it
    for t in ("We always seem to have just a little bit of a chill out at the World Cup.",
              "They are talking about moving it so it will be on the year before the Paralympics."):
        evs, _ = run(t)
        assert not [e for e in evs if e.type == "match"], t
    for t, w in (("He retired from the game after the 2012 Summer Paralympics in London.", "Paralympics"),
                 ("We took new girls over there, leading into the World Cup in the Netherlands.", "World Cup"),
                 ("Fired us up for the actual Paralympics.", "Paralympics")):
        evs, _ = run(t)
        assert [e.type for e in evs if e.trigger == w] == ["match"], t
