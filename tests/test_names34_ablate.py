"""names34 (issue #17): ablate.py scores PUD's second third (pud_dev2) and a word list emptied also bypasses the
form table's shipped _foreign_kind verdicts (made under the shipped lists)."""
import sys
from pathlib import Path

import riwaya.ner as ner

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "ner"))
import ablate  # noqa: E402  (the script; importing it patches nothing: main() installs its memos)


def test_a_list_off_bypasses_the_form_table():
    ab = ablate
    seed = ner.seed
    with ab.Off("list:foreign_verb_prefixes"):
        assert ner.seed("ner.foreign_kind") == ({}, None)
        assert not ner._rules()["foreign_verb_prefixes"]
    assert ner.seed is seed and ner._rules()["foreign_verb_prefixes"]


def test_pud_dev2_loads_as_one_part():
    ab = ablate
    docs, _predict, _match, model = ab.load("pud_dev2")
    assert model is None and len(docs) == 193
    assert {d["part"] for d in docs} == {"all"} and sum(len(d["gold"]) for d in docs) == 219
