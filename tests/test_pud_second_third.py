"""The second third of UD Arabic PUD (twenty-ninth session): its annotation gives dev2/test2 by the same id rule,
the shipped files are what the annotation gives, and the scorer takes the new splits."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "ner"))
import pud_gold  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "ner_pud"


def test_sets_and_id_rule():
    assert pud_gold.SETS["annotations_extra.txt"] == ("dev2", "test2")
    rows = {name: [json.loads(x) for x in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
            for name in ("dev", "test", "dev2", "test2")}
    assert len(rows["dev2"]) + len(rows["test2"]) == 333
    assert all(pud_gold.is_test(r["id"]) for r in rows["test2"])
    assert not any(pud_gold.is_test(r["id"]) for r in rows["dev2"])
    first = {r["id"] for name in ("dev", "test") for r in rows[name]}
    assert first.isdisjoint(r["id"] for name in ("dev2", "test2") for r in rows[name])
    for r in rows["dev2"] + rows["test2"]:
        for e in r["entities"]:
            assert r["text"][e["start"]:e["end"]] == e["text"] and e["type"] in pud_gold.TYPES


def test_tatweel_ends_a_name():
    text = "العالم ـوبالتالي المملكة المتحدةـ يواجه نقصاً"
    [(s, e, t, _)] = pud_gold.place(text, [("LOC", "المملكة المتحدة")])
    assert text[s:e] == "المملكة المتحدة"


@pytest.mark.skipif(not pud_gold.CONLLU.exists(), reason="UD Arabic PUD (../shared/data) not on this machine")
def test_shipped_files_are_what_the_annotation_gives():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks/ner/pud_gold.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_scorer_takes_the_new_splits():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks/ner/eval_pud.py"), "--help"],
                         capture_output=True, text=True)
    assert "dev2" in out.stdout and "test2" in out.stdout
