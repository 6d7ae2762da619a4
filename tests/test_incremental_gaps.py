"""A part's fingerprint covers the names the reconciler looks up among ALL the entities' names in its mentions'
texts, not only the entities its mentions name: between an agent and its trigger another actor named makes the
agent no doer (``reconcile.core._own_agent``). On 1,911 + 10 SaudiNewsNet articles the + 10 kept "كلية آل مكتوم"
as the doer of "إطلاق" in "كلية آل مكتوم في دندي قد أعلنت عن إطلاق ...": its part was carried over, while a new
document had made "دندي" an organisation's name, and the stage from scratch dropped that agent's value."""
import json

import pytest

from riwaya import blocks
from riwaya.reconcile import core
from riwaya.reconcile.core import Entities

TEXT = "وكانت كلية آل مكتوم في دندي قد أعلنت عن إطلاق فعاليات البرنامج الصيفي في جامعة الإمارات."
COLLEGE = {"id": "e:o:college", "type": "organization", "name_ar": "كلية آل مكتوم"}
DUNDEE_PLACE = {"id": "e:p:dundee", "type": "place", "name_ar": "دندي"}
DUNDEE_ORG = {"id": "e:o:dundee", "type": "organization", "name_ar": "دندي"}
DOC = {"id": "d1", "text": TEXT, "outlet": "aawsat", "published": None, "title": None, "url": None,
       "language": "ar", "seq": 1}


def _mention():
    a, t = TEXT.index("كلية"), TEXT.index("إطلاق")
    return {"id": "d1:ev1", "doc": "d1", "class": "harm", "type": "attack", "start": 0, "end": len(TEXT),
            "trigger": "إطلاق", "trigger_start": t, "trigger_end": t + len("إطلاق"),
            "participants": [{"entity": "e:o:college", "role": "agent", "text": "كلية آل مكتوم",
                              "start": a, "end": a + len("كلية آل مكتوم")}]}


def _own(entities):
    c = core.canonical_mentions([_mention()], Entities(entities), {"d1": DOC})[0]
    return c["participants"][0].get("own", True)


def _print(entities):
    row = json.dumps(_mention(), ensure_ascii=False)
    return blocks.fingerprints([[("d1", row)]], [DOC], [], entities, {}, {})[0]


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))


def test_an_actor_named_between_agent_and_trigger_is_read_from_all_entities():
    # the reconciler's read: the same mention, the same entities it names, another agent's "own"
    assert _own([COLLEGE, DUNDEE_PLACE]) is True
    assert _own([COLLEGE, DUNDEE_ORG]) is False
    assert _own([COLLEGE]) is True
    assert "دندي" in core.agent_gap_names(_mention(), TEXT)


def test_the_fingerprint_moves_when_a_name_between_agent_and_trigger_becomes_an_actor():
    place, org, none = (_print([COLLEGE, DUNDEE_PLACE]), _print([COLLEGE, DUNDEE_ORG]), _print([COLLEGE]))
    assert place != org and none != org and none != place
    assert _print([COLLEGE, DUNDEE_ORG]) == org            # read back from the parts' cache: the same
    # an entity named nowhere between them moves nothing
    other = {"id": "e:o:other", "type": "organization", "name_ar": "شركة أخرى"}
    assert _print([COLLEGE, DUNDEE_PLACE, other]) == place


def test_the_gap_names_are_those_the_reconciler_looks_up(monkeypatch):
    """Every name ``_actor_named`` looks up for a mention is one ``agent_gap_names`` gives (the fingerprint hashes
    those), on the seeds' and on a synthetic mention."""
    asked = []
    real = core._actor_named

    def spy(gap, ents, agent):
        asked.extend(core._gap_sequences(gap))
        return real(gap, ents, agent)
    monkeypatch.setattr(core, "_actor_named", spy)
    m = _mention()
    m["participants"].append({"entity": "raw:x", "start": TEXT.index("جامعة"), "end": len(TEXT) - 1})  # after it
    core.canonical_mentions([m], Entities([COLLEGE]), {"d1": DOC})
    assert asked and set(asked) <= core.agent_gap_names(m, TEXT)
    assert "فعاليات البرنامج الصيفي في" in asked


def test_seeds_gap_names_cover_what_the_reconciler_looks_up(built_db, monkeypatch):
    from riwaya import corpus
    from riwaya.store import Store
    s = Store(built_db)
    with s.snapshot():
        docs = {d["id"]: d for d in s.documents()}
        analyses = s.analyses()
    entities = s.corpus()["entities"]
    ents = Entities(entities)
    asked = []
    real = core._actor_named

    def spy(gap, e, agent):
        asked.append(set(core._gap_sequences(gap)))
        return real(gap, e, agent)
    monkeypatch.setattr(core, "_actor_named", spy)
    n = 0
    for m in corpus.event_mentions(analyses, entities):
        asked.clear()
        core.canonical_mentions([m], ents, docs)
        got = core.agent_gap_names(m, docs[m["doc"]].get("text") or "")
        assert all(seqs <= got for seqs in asked)
        n += any(asked)
    assert n > 10
