"""Names out of the news domain (ner26, issue 17): a side named by its place in a match report is an
organisation; a loanword is no name; a name ends before a common noun."""
from riwaya.kb import load_kb
from riwaya.ner import recognize

MATCH = """Germany beat Argentina 1-0 in the World Cup final in Brazil. The match went to extra time before \
Mario Goetze scored the winning goal. Argentina's goalkeeper Sergio Romero could not stop it, and fans in \
Germany celebrated. The referee gave no penalty."""

WAR = """Russia beat back an attack near Kherson, the ministry said. Ukraine lost ground in the east, and \
Germany played down the report. The goal of the talks in Geneva was a ceasefire."""


def _typed(text):
    return [(m.type, m.text) for m in recognize(text, "en", load_kb().match(text, "en"))]


def test_a_side_named_by_its_place_is_an_organisation():
    got = _typed(MATCH)
    assert got.count(("organization", "Argentina")) == 2         # "beat Argentina", "Argentina's goalkeeper"
    assert ("organization", "Germany") in got                     # "Germany beat"
    assert ("place", "Brazil") in got                             # "in Brazil": where it was played
    assert ("place", "Germany") in got                            # "fans in Germany": the country


def test_no_team_outside_a_match_report():
    got = _typed(WAR)
    assert not any(t == "organization" and n in ("Russia", "Ukraine", "Germany") for t, n in got)
