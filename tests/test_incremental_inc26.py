"""A part's fingerprint reads by name (entity by name, first spelling, names within) only the strings the
reconciler looks up by name (``blocks.value_strings``: the values it makes canonical, its voices' names, and the
documents' outlets); every other string of a mention (a trigger, a type, a time's words) only as an entity's id.
A new document that read a trigger word as a participant (its first spelling), or a common word that moved to
another entity, made parts reconciled again whose mentions held that word only as a trigger (scale23, inc26)."""
import json

import pytest

from riwaya import blocks
from riwaya.reconcile import core

TEXT = "وجه أمير منطقة الرياض الجهات المعنية بمتابعة الحادث في الرياض، حسبما ذكرت وكالة الأنباء."
DOC = {"id": "d1", "text": TEXT, "outlet": "spa", "published": "2015-01-05", "title": None, "url": None,
       "language": "ar", "seq": 1}
EMIR = {"id": "e:p:emir", "type": "person", "name_ar": "أمير منطقة الرياض"}


def _mention(agent="e:p:emir", text="أمير منطقة الرياض", voice=None):
    a = TEXT.index("أمير")
    chain = [{"name": voice, "kind": "named_source", "start": None, "end": None}] if voice else []
    return {"id": "d1:ev1", "doc": "d1", "class": "communication", "type": "statement", "start": 0,
            "end": len(TEXT), "trigger": "وجه", "trigger_start": 0, "trigger_end": 3,
            "participants": [{"entity": agent, "role": "agent", "text": text, "start": a, "end": a + len(text)}],
            "attribution": {"chain": chain, "hedge": None}}


def _print(m, surface, entities=(EMIR,)):
    row = json.dumps(m, ensure_ascii=False)
    return blocks.fingerprints([[("d1", row)]], [DOC], [], list(entities), surface, {})[0]


def _same(a, b) -> bool:
    return json.dumps(a, sort_keys=True, ensure_ascii=False, default=str) == \
        json.dumps(b, sort_keys=True, ensure_ascii=False, default=str)


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))


def test_value_strings_are_the_canonical_fields_and_the_voices():
    m = {**_mention(voice="المتحدث الرسمي"), "origin": "raw:جدة", "via": ["الطائف"], "means": "طائرة",
         "continued_companions": [{"entity": "raw:ولي العهد", "role": "companion"}]}
    got = blocks.value_strings(m)
    assert {"e:p:emir", "أمير منطقة الرياض", "raw:جدة", "الطائف", "طائرة", "raw:ولي العهد",
            "المتحدث الرسمي"} <= got
    assert "وجه" not in got and "d1" not in got and "communication" not in got and "statement" not in got


def test_a_trigger_words_first_spelling_moves_neither_the_reconciler_nor_the_fingerprint():
    m = _mention()
    outs = [core.reconcile([DOC], [m], [EMIR], relations=[], surface=s, story_of={})
            for s in ({}, {"raw:وجه": "وجْهَ"})]
    assert _same(outs[0], outs[1])
    assert _print(m, {}) == _print(m, {"raw:وجه": "وجْهَ"})


def test_an_entity_named_as_the_trigger_moves_neither_the_reconciler_nor_the_fingerprint():
    # a common word that a new document made an entity's name (or moved to another entity): read nowhere here
    m = _mention()
    verb = {"id": "e:o:wajh", "type": "organization", "name_ar": "وجه"}
    outs = [core.reconcile([DOC], [m], list(ents), relations=[], surface={}, story_of={})
            for ents in ((EMIR,), (EMIR, verb))]
    assert _same(outs[0]["events"], outs[1]["events"]) and _same(outs[0]["conflicts"], outs[1]["conflicts"])
    assert _print(m, {}) == _print(m, {}, entities=(EMIR, verb))


def test_a_values_first_spelling_and_entity_still_move_the_fingerprint():
    m = _mention(agent="raw:وجه", text="وجه")          # the verb read as the agent: an unresolved value
    a, b, c = _print(m, {}), _print(m, {"raw:وجه": "وجْهَ"}), _print(m, {"raw:وجه": "وجه"})
    assert len({a, b, c}) == 3
    assert _print(m, {"raw:وجه": "وجْهَ"}) == b          # read back from the parts' cache: the same
    m2 = {**_mention(), "origin": "جدة"}               # a place as written, its spelling first written elsewhere
    assert _print(m2, {}) != _print(m2, {"raw:جده": "جدّة"})
    city = {"id": "e:l:jeddah", "type": "place", "name_ar": "جدة"}
    assert _print(m2, {}) != _print(m2, {}, entities=(EMIR, city))
    # an entity id anywhere is read as that entity's record
    renamed = {**EMIR, "aliases": ["أمير الرياض"]}
    assert _print(_mention(), {}) != _print(_mention(), {}, entities=(renamed,))


def test_a_voices_name_is_looked_up_by_name():
    m = _mention(voice="وكالة الأنباء")
    agency = {"id": "e:o:spa", "type": "organization", "name_ar": "وكالة الأنباء"}
    assert _print(m, {}) != _print(m, {}, entities=(EMIR, agency))
    assert _print(_mention(), {}) == _print(_mention(), {}, entities=(EMIR, agency))


def test_an_outlet_is_looked_up_by_name():
    m = _mention()
    outlet = {"id": "e:o:spa", "type": "organization", "name_en": "spa"}
    assert _print(m, {}) != _print(m, {}, entities=(EMIR, outlet))
