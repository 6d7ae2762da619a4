"""The ablation audit of the Arabic entity stage (names33, issue 17): benchmarks/ner/ablate.py turns each rule
group into a pass-through and scores the stage with it off against the stage with every rule on."""
import sys
from pathlib import Path

import riwaya.ner as ner
import riwaya.ner.english as ner_en

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "ner"))
import ablate  # noqa: E402  (the script; importing it patches nothing: main() installs its memos)
FIXTURE = ROOT / "tests/fixtures/names33_wojood.txt"


def test_every_group_names_a_step_or_a_rule_the_stage_has():
    ab = ablate
    rules, en_rules = ner._rules(), ner_en.rules()
    for group, patches in ab.all_groups().items():
        for attr, value in patches:
            if attr == "yaml":
                assert set(value) <= set(rules), group
            elif attr == "en_yaml":
                assert set(value) <= set(en_rules), group
            elif attr.startswith("en."):
                assert hasattr(ner_en, attr[3:]), (group, attr)
            else:
                assert hasattr(ner, attr), (group, attr)


def test_a_group_off_is_restored_after():
    ab = ablate
    before = ner._foreign_names, ner._rules
    with ab.Off("foreign_names"):
        assert ner._foreign_names is not before[0]
    with ab.Off("org_patterns"):
        assert ner._rules()["org_patterns"] is False
    with ab.Off("list:place_class_nouns"):
        assert not ner._rules()["place_class_nouns"]
    en_before = ner_en.one_type, ner_en.rules
    with ab.Off("en_one_type"), ab.Off("en_list:facility_heads"):
        assert ner_en.one_type is not en_before[0] and not ner_en.rules()["facility_heads"]
    assert (ner_en.one_type, ner_en.rules) == en_before
    assert (ner._foreign_names, ner._rules) == before
    assert ner._rules()["org_patterns"] is True


def test_the_audit_runs_on_a_tiny_fixture():
    ab = ablate
    res = ab.run([f"wojood:{FIXTURE}"], ["org_patterns", "foreign_names", "list:org_heads"], log=lambda *_: None)
    (name, by_group), = res.items()
    assert set(by_group) == {"base", "org_patterns", "foreign_names", "list:org_heads"}
    base = by_group["base"]["all"]
    # the fixture's gold: 2 people, 3 places, 3 organisations; the stage finds most of them
    assert [base[t][3] for t in ab.TYPES] == [2, 3, 3]
    assert ab.prf(ab.micro(base))[2] > 0.6
    md = ab.table(res, held_out=(name,))
    assert md.splitlines()[2].startswith("| base |") and "| org_patterns |" in md
