"""org31 (issue #17): how an organisation's name opens after its head, learned from the training gold
(scripts/learn_org_openings.py -> riwaya/data/ner/org_openings.yaml; entity_rules.yaml org_openings_learned),
and a coordinated "and which" that ends a ministry's name."""
import pytest

import riwaya.ner as ner
from riwaya.ner import _opening, _org_openings, _org_patterns
from riwaya.ner.morph import _kb_words


def _spans(text):
    return [text[s:e] for s, e in _org_patterns(text, _kb_words())]


@pytest.fixture
def learned_on():
    """The learned openings switched on for one test, then the shipped state back (caches cleared both ways)."""
    r = ner._rules()
    saved = r["org_openings"]
    r["org_openings"] = _org_openings()
    ner._learned_heads.cache_clear()
    ner._head_split.cache_clear()
    yield
    r["org_openings"] = saved
    ner._learned_heads.cache_clear()
    ner._head_split.cache_clear()


def test_openings_classify_the_word_after_the_head():
    kb = _kb_words()
    assert _opening(False, "الحقوق", kb) == "ind+def"          # كلية الحقوق
    assert _opening(True, "الشيوعي", kb) == "def+nisba"        # الحزب الشيوعي
    assert _opening(True, "الأولمبية", kb) == "def+nisba"      # اللجنة الأولمبية
    assert _opening(True, "السورية", kb) is None               # a nation's nisba: the hand rules' case
    assert _opening(False, "غرافتون", kb) is None              # no definite word
    assert _opening(True, "التقارير", kb) is None              # a definite noun after a definite head


def test_the_learned_table_is_data_from_the_training_gold():
    op = _org_openings()
    assert {"حزب", "جامعه", "منظمه"} <= op["ind+def"]          # 79/81, 17/19, 19/19 on ANERcorp + Wojood train
    assert {"لجنه", "منظمه"} <= op["def+nisba"]
    assert "وزاره" not in op["ind+def"]                        # ANERcorp leaves ministries untagged: 4/32


def test_shipped_off_changes_nothing():
    assert ner._rules()["org_openings"] == {}
    assert _spans("مما سمح لحزب المحافظين بقيادة اللورد نورث.") == []
    assert _spans("قالت اللجنة الأولمبية الدولية إن الألعاب ستقام") == []


def test_learned_openings_name_bodies_without_a_proper_name(learned_on):
    assert _spans("مما سمح لحزب المحافظين بقيادة اللورد نورث.") == ["حزب المحافظين"]
    assert _spans("قالت اللجنة الأولمبية الدولية إن الألعاب ستقام") == ["اللجنة الأولمبية الدولية"]
    # a head the openings do not hold after this opening stays as it was
    assert _spans("وقالت الشركة الأمريكية إن") == []
    assert _spans("درس في كلية الحقوق") == []                 # كلية ind+def: 2/13, not learned


def test_and_which_ends_a_coordinated_name():
    assert _spans("وكشف التقرير الشهري لوزارة المالية والذي صدر أمس") == ["وزارة المالية"]
    assert _spans("أعلنت وزارة التجارة والصناعة السعودية") == ["وزارة التجارة والصناعة السعودية"]
