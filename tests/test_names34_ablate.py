"""names34 (issue #17): ablate.py scores PUD's second third (pud_dev2) and a word list emptied also bypasses the
form table's shipped _foreign_kind verdicts (made under the shipped lists)."""
import importlib.util
import sys
from pathlib import Path

import riwaya.ner as ner

ROOT = Path(__file__).resolve().parents[1]


def _ablate():
    spec = importlib.util.spec_from_file_location("names34_ablate", ROOT / "benchmarks/ner/ablate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["names34_ablate"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_a_list_off_bypasses_the_form_table():
    ab = _ablate()
    seed = ner.seed
    with ab.Off("list:foreign_verb_prefixes"):
        assert ner.seed("ner.foreign_kind") == ({}, None)
        assert not ner._rules()["foreign_verb_prefixes"]
    assert ner.seed is seed and ner._rules()["foreign_verb_prefixes"]


def test_pud_dev2_loads_as_one_part():
    ab = _ablate()
    docs, _predict, _match, model = ab.load("pud_dev2")
    assert model is None and len(docs) == 193
    assert {d["part"] for d in docs} == {"all"} and sum(len(d["gold"]) for d in docs) == 219
