"""English names (ent34, issue 17): a capitalised plural the text writes after "the" ("the Mets") is a team,
no family name; its lone mentions stay organisations even where the tagger reads it as the first word of a
person's name ("Mets Poet"). Switch: teams_not_surnames in riwaya/data/ner/english.yaml."""
from riwaya.models import EntityMention
from riwaya.ner import _surnames_are_people
from riwaya.ner import english

TEXT = ("Is a lot of your work overshadowed by the Mets? You're a Mets fan in late September. "
        'She said, "Thank you, Mets Poet," and Robert Sarvis laughed. Sarvis ran for governor.')


def _mentions(text):
    out = []
    for name, typ in (("Mets", "organization"), ("Mets", "organization"), ("Mets Poet", "person"),
                      ("Robert Sarvis", "person"), ("Sarvis", "organization")):
        s = text.index(name, out[-1].end if out and name.startswith("Mets") and out[-1].text.startswith("Mets") else 0)
        out.append(EntityMention(start=s, end=s + len(name), text=name, type=typ, source="ner"))
    return out


def test_team_words_are_plurals_after_the():
    assert english.team_words(TEXT) == {"Mets"}
    assert english.team_words("The Gliders won; the Ross house did not.") == {"Gliders"}


def test_a_family_name_after_the_stays_a_person():
    text = "Serena Williams won. The Williams family watched, and Williams thanked them."
    s = text.rindex("Williams")
    ms = [EntityMention(start=0, end=15, text="Serena Williams", type="person", source="ner"),
          EntityMention(start=s, end=s + 8, text="Williams", type="organization", source="ner")]
    _surnames_are_people(ms, text)
    assert ms[1].type == "person"


def test_a_team_stays_an_organisation_and_a_surname_still_a_person():
    ms = _mentions(TEXT)
    _surnames_are_people(ms, TEXT)
    got = [(m.text, m.type) for m in ms]
    assert got[:2] == [("Mets", "organization"), ("Mets", "organization")]
    assert ("Sarvis", "person") in got            # a family name of a person named in full: a person


def test_switch_off_retypes_as_before(monkeypatch):
    monkeypatch.setitem(english.rules(), "teams_not_surnames", False)
    assert english.team_words(TEXT) == frozenset()
    ms = _mentions(TEXT)
    _surnames_are_people(ms, TEXT)
    assert [m.type for m in ms[:2]] == ["person", "person"]


def test_arabic_text_untouched():
    text = "قال حسن إن الوفد وصل. وقال محمد حسن للصحفيين"
    ms = [EntityMention(start=4, end=7, text="حسن", type="organization", source="ner"),
          EntityMention(start=text.index("محمد"), end=text.index("محمد") + 8, text="محمد حسن", type="person", source="ner")]
    _surnames_are_people(ms, text)
    assert ms[0].type == "person"
