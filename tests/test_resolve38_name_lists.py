"""resolve38: the corpus stage reads the name lists without the CRF's word clusters (``features.name_lists``,
switch ``features.NAME_LISTS_ALONE``): the same dicts as ``lexicons()``, the clusters not loaded, the same entities."""
from __future__ import annotations

import json
import subprocess
import sys

from riwaya.ner import features


def test_name_lists_are_lexicons_without_the_clusters():
    lists, lex = features.name_lists(), features.lexicons()
    assert lists[3] is None and lex[3]                      # the clusters: only lexicons() has them
    for i in (0, 1, 2, 4):
        assert lists[i] is lex[i]                           # the very same dicts, not copies


def test_switch_off_is_lexicons(monkeypatch):
    monkeypatch.setattr(features, "NAME_LISTS_ALONE", False)
    assert features.name_lists() is features.lexicons()


_RESOLVE = r"""
import json, sys
from riwaya.ner import features
features.NAME_LISTS_ALONE = sys.argv[1] == "on"
from riwaya.kb import load_kb
from riwaya.models import EntityMention
from riwaya.resolve import resolve_entities
from riwaya.ner.morph import known
t1 = "قال عبد الله المحمد إن المحمد سيزور الرياض، وأكد خالد إن خالد العتيبي سيحضر."
t2 = "Abdullah Al-Mohammed will visit Riyadh, Khalid Al-Otaibi said."
def m(t, name, typ, k=0):
    s = -1
    for _ in range(k + 1):
        s = t.index(name, s + 1)
    return EntityMention(s, s + len(name), name, typ, source="ner", confidence=0.8)
docs = {"a": [m(t1, "عبد الله المحمد", "person"), m(t1, "المحمد", "person", 1), m(t1, "الرياض", "place"),
              m(t1, "خالد", "person", 0), m(t1, "خالد العتيبي", "person")],
        "b": [m(t2, "Abdullah Al-Mohammed", "person"), m(t2, "Riyadh", "place"), m(t2, "Khalid Al-Otaibi", "person")]}
ents = resolve_entities(docs, load_kb())
out = sorted([e.id, e.name_ar, e.name_en, sorted(e.aliases), [(s.doc, s.start, s.end) for s in e.mentions]] for e in ents)
print(json.dumps({"entities": out, "known": [known(w) for w in ("محمد", "خالد", "كتاب")],
                  "clusters_loaded": features._clusters.cache_info().currsize}, ensure_ascii=False))
"""


def _run(switch: str) -> dict:
    p = subprocess.run([sys.executable, "-c", _RESOLVE, switch], capture_output=True, text=True, check=True)
    return json.loads(p.stdout.strip().splitlines()[-1])


def test_resolving_does_not_load_the_clusters_and_gives_the_same_entities():
    on, off = _run("on"), _run("off")
    assert on["clusters_loaded"] == 0 and off["clusters_loaded"] == 1
    assert on["entities"] == off["entities"] and on["known"] == off["known"]
    assert len(on["entities"]) >= 3
