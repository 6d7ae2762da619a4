"""What a canonical mention reads of its document's text alone (``reconcile.core._text_reads``: its sentence's
words and counts, its trigger's window, whether each agent is told in the trigger's clause, its doers possessors,
its figure its own) is cached on disk per mention by the corpus stage (``canonical_mentions(..., memo=True)``) and
made again only for mentions not seen before; what it reads of the entities (an actor named between an agent and
its trigger, an outlet as agent) is read on every call. The mentions are those made without the cache, cold and
warm, on the seeds and where an entity read changes between two calls."""
import pytest

from riwaya.reconcile import core
from riwaya.reconcile.core import Entities

from .test_incremental_gaps import COLLEGE, DOC, DUNDEE_ORG, DUNDEE_PLACE, TEXT, _mention


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))


def _count_reads(monkeypatch):
    made = []
    real = core._text_reads

    def spy(m, text, words=True):
        made.append(m.get("id"))
        return real(m, text, words)
    monkeypatch.setattr(core, "_text_reads", spy)
    return made


def test_the_entities_are_read_on_every_call_the_text_once(monkeypatch):
    made = _count_reads(monkeypatch)
    for entities, own in (([COLLEGE, DUNDEE_PLACE], True), ([COLLEGE, DUNDEE_ORG], False), ([COLLEGE], True),
                          ([COLLEGE, DUNDEE_ORG], False)):
        plain = core.canonical_mentions([_mention()], Entities(entities), {"d1": DOC})
        cached = core.canonical_mentions([_mention()], Entities(entities), {"d1": DOC}, memo=True)
        assert cached == plain
        assert cached[0]["participants"][0].get("own", True) is own
    assert made.count("d1:ev1") == 4 + 1       # each plain call, and the first cached one only
    # an outlet as the agent: never its own doer, whatever the text says
    outlet = {**COLLEGE, "attrs": {"group": "outlet"}}
    c = core.canonical_mentions([_mention()], Entities([outlet]), {"d1": DOC}, memo=True)
    assert c[0]["participants"][0]["own"] is False


def test_a_mention_read_otherwise_is_another_key():
    m = _mention()
    k = core._text_reads_key(m, TEXT)
    assert core._text_reads_key(_mention(), TEXT) == k
    moved = _mention()
    moved["participants"][0]["start"] += 1
    amount = {**_mention(), "amount": "3"}
    assert len({k, core._text_reads_key(moved, TEXT), core._text_reads_key(amount, TEXT),
                core._text_reads_key(m, TEXT + " ")}) == 4


def test_seeds_the_same_mentions_with_the_cache_cold_and_warm(built_db, monkeypatch):
    from riwaya import corpus
    from riwaya.store import Store
    s = Store(built_db)
    with s.snapshot():
        docs = {d["id"]: d for d in s.documents()}
        analyses = s.analyses()
    entities = s.corpus()["entities"]
    ms = corpus.event_mentions(analyses, entities)
    plain = core.canonical_mentions(ms, Entities(entities), docs)
    made = _count_reads(monkeypatch)
    cold = core.canonical_mentions(ms, Entities(entities), docs, memo=True)
    assert len(made) == len({core._text_reads_key(m, docs[m["doc"]].get("text") or "") for m in ms})
    made.clear()
    warm = core.canonical_mentions(ms, Entities(entities), docs, memo=True)
    assert made == []
    assert cold == plain and warm == plain
    assert any(p.get("own") is False for c in plain for p in c["participants"])
    # one entity fewer (the first agent's): read again, not from the cache
    agent = next(p["entity"] for m in ms for p in m["participants"] if str(p["entity"]).startswith("e:")
                 and (p.get("role") or "agent") == "agent")
    fewer = [e for e in entities if e["id"] != agent]
    assert core.canonical_mentions(ms, Entities(fewer), docs, memo=True) == \
        core.canonical_mentions(ms, Entities(fewer), docs)


def test_the_stage_keeps_what_it_read_out_of_the_collector_and_gives_the_same(built_db, tmp_path, monkeypatch):
    """``blocks.refresh_store`` freezes the objects it has read of the whole corpus (``gc.freeze``: no full pass
    of the collector walks them) and unfreezes them when it returns, even on an error; the results are those
    of a stage without it."""
    import gc

    from riwaya import blocks

    from .test_blocks import _from_scratch
    assert gc.get_freeze_count() == 0
    frozen = _from_scratch(built_db, tmp_path / "frozen.db")
    assert gc.get_freeze_count() == 0
    monkeypatch.setattr(blocks, "FREEZE", False)
    assert _from_scratch(built_db, tmp_path / "plain.db") == frozen

    def boom(*a, **k):
        blocks._freeze()
        raise RuntimeError("stop")
    monkeypatch.setattr(blocks, "FREEZE", True)
    monkeypatch.setattr(blocks, "_relations", boom)
    with pytest.raises(RuntimeError):
        _from_scratch(built_db, tmp_path / "error.db")
    assert gc.get_freeze_count() == 0
