"""The whole-corpus steps of the corpus stage made once per content (riwaya/resolve.EntityMemo,
riwaya/blocks.ItineraryMemo): A then A+B, and nothing new, give what the stage from scratch gives,
and make only what the new documents touch."""
import json

from riwaya import blocks, itinerary
from riwaya.store import Store

from .test_blocks import _corpus_dump, _from_scratch, copy_store


def _count_itineraries(monkeypatch) -> list:
    made = []
    real = itinerary._person_itinerary
    monkeypatch.setattr(itinerary, "_person_itinerary", lambda pid, *a: made.append(pid) or real(pid, *a))
    return made


def test_itineraries_carried_over_at_nothing_new_and_after_adding_documents(built_db, corpus_dir, tmp_path,
                                                                           monkeypatch):
    from riwaya.pipeline import build
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    files = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and not p.name.endswith(".meta.json"))
    url = f"sqlite:///{tmp_path / 'inc.db'}"
    build([str(p) for p in files[:4]], url, progress=False)
    made = _count_itineraries(monkeypatch)
    build([str(corpus_dir)], url, progress=False)          # A then A+B
    assert _corpus_dump(url) == _corpus_dump(built_db)
    n_all = Store(url).corpus_journal(1)[0]["itineraries"]
    assert 0 < len(made) <= n_all
    made.clear()
    figures = blocks.refresh_store(Store(url))              # nothing new, the stage forced: none made
    assert made == [] and figures["itineraries_carried_over"] == figures["itineraries"] > 0
    assert _corpus_dump(url) == _corpus_dump(built_db)
    monkeypatch.setattr(blocks, "ITINERARY_MEMO", False)   # and what the stage makes without the memo
    assert _corpus_dump(url) == _from_scratch(url, tmp_path / "scratch.db")


def test_an_itinerary_is_made_again_when_an_entity_its_events_name_changes(built_db, tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    dst = tmp_path / "s.db"
    copy_store(built_db, dst)
    s = Store(f"sqlite:///{dst}")
    blocks.refresh_store(s)                                  # the cache filled
    its = s.corpus()["itineraries"]
    with_legs = [it for it in its if it.get("legs")]
    assert with_legs
    place = next(lg.get("to") or lg.get("from") for it in with_legs for lg in it["legs"]
                 if str(lg.get("to") or lg.get("from") or "").startswith("e:"))
    # the same entities, one place's coordinates moved: the people whose legs name it are made again
    real_resolve = blocks._resolve

    def moved(store, texts=None):
        ents = real_resolve(store, texts)
        for e in ents:
            if e["id"] == place:
                e["coordinates"] = [0.0, 0.0]
                if texts is not None and place in texts:     # written as it is now
                    del texts[place]
                    e["mentions"] = list(e["mentions"])
        return ents
    monkeypatch.setattr(blocks, "_resolve", moved)
    made = _count_itineraries(monkeypatch)
    blocks.refresh_store(s)
    touched = {it["person"] for it in s.corpus()["itineraries"]
               if place in json.dumps(it.get("legs"), ensure_ascii=False)}
    assert touched and touched <= set(made)
    assert len(made) < len(its)


def test_a_damaged_itinerary_entry_is_a_miss(built_db, tmp_path, monkeypatch):
    import sqlite3
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    dst = tmp_path / "s.db"
    copy_store(built_db, dst)
    s = Store(f"sqlite:///{dst}")
    blocks.refresh_store(s)
    with sqlite3.connect(tmp_path / "cache" / "itineraries.sqlite") as c:
        c.execute("UPDATE kv SET v = '[\"x\", 1'")
    made = _count_itineraries(monkeypatch)
    blocks.refresh_store(s)
    assert made and _corpus_dump(f"sqlite:///{dst}") == _corpus_dump(built_db)


def test_two_stores_sharing_the_cache_each_carry_their_itineraries_over(built_db, tmp_path, monkeypatch):
    """One entry holds the itineraries made from the same events for each context (ITINERARY_VARIANTS): a
    store and a copy whose entities differ alternate without making them again."""
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    copy_store(built_db, a)
    copy_store(built_db, b)
    blocks.refresh_store(Store(f"sqlite:///{a}"))
    its = [it for it in Store(f"sqlite:///{a}").corpus()["itineraries"] if it.get("legs")]
    place = next(lg.get("to") or lg.get("from") for it in its for lg in it["legs"]
                 if str(lg.get("to") or lg.get("from") or "").startswith("e:"))
    real_resolve = blocks._resolve

    def moved(store, texts=None):        # store b: one place elsewhere
        ents = real_resolve(store, texts)
        if str(store.url).endswith("b.db"):
            for e in ents:
                if e["id"] == place:
                    e["coordinates"] = [0.0, 0.0]
                    if texts is not None and place in texts:
                        del texts[place]
                        e["mentions"] = list(e["mentions"])
        return ents
    monkeypatch.setattr(blocks, "_resolve", moved)
    blocks.refresh_store(Store(f"sqlite:///{b}"))        # b's own itineraries for the people who go there
    made = _count_itineraries(monkeypatch)
    blocks.refresh_store(Store(f"sqlite:///{a}"))
    blocks.refresh_store(Store(f"sqlite:///{b}"))
    assert made == []
