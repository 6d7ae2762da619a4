"""names37 (issue #17): a transliterated word right after a word naming software, a reference work or a game
(باستخدام بايثون, دائرة معارف « إنكارتا ») is a thing, no person: entity_rules.yaml foreign_not_after_tools,
joined to foreign_not_after while foreign_not_after_tools_on.
Measured: on the ANERcorp / Wojood train tails (org31's out-of-fold CRF) it takes out two false people
(إنكارتا, بايثون) and nothing else; PUD dev / dev2, SNN dev identical. Shipped off: the ship rule asked PUD dev2
up by more than 0.003."""
import riwaya.ner as ner
from riwaya.kb import load_kb
from riwaya.ner import recognize

PYTHON = "مادمت تنوي ممارسة العمل الحر باستخدام بايثون فلابد من اتقان اللغة."


def people(text):
    return [m.text for m in recognize(text, "ar", load_kb().match(text)) if m.type == "person"]


def test_shipped_values():
    r = ner._rules()
    assert r["foreign_not_after_tools_on"] is False
    assert "استخدام" in r["foreign_not_after_tools"] and "معارف" in r["foreign_not_after_tools"]


def test_software_after_its_cue_is_no_person(rules_with):
    rules_with(foreign_not_after_tools_on=False)
    assert people(PYTHON) == ["بايثون"]
    rules_with(foreign_not_after_tools_on=True)
    assert people(PYTHON) == []


def test_a_person_elsewhere_stays(rules_with):
    rules_with(foreign_not_after_tools_on=True)
    assert people("قال كامبل إن الخطة جاهزة.") == ["كامبل"]
