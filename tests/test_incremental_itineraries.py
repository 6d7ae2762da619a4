"""Itineraries carried over per person (riwaya/blocks.py): a person whose itinerary's inputs did not
change keeps the stored one, the others are built again, and the store is the one from scratch."""
import copy

from riwaya import blocks
from riwaya.store import Store

from .test_blocks import _corpus_dump, _from_scratch, copy_store


def test_nothing_new_builds_no_itinerary_again(built_db, tmp_path):
    dst = tmp_path / "same.db"
    copy_store(built_db, dst)
    url = f"sqlite:///{dst}"
    figures = blocks.refresh_store(Store(url))
    assert figures["itineraries"] > 0 and figures["itineraries_rebuilt"] == 0
    assert _corpus_dump(url) == _corpus_dump(built_db)


def test_a_deleted_document_builds_again_only_the_itineraries_it_told(built_db, tmp_path):
    dst = tmp_path / "del.db"
    copy_store(built_db, dst)
    url = f"sqlite:///{dst}"
    s = Store(url)
    before = {it["person"]: it for it in s.corpus()["itineraries"]}
    told = {}      # document -> the people whose itineraries cite it
    for pid, it in before.items():
        for leg in it["legs"]:
            for e in leg["evidence"]:
                told.setdefault(e["doc"], set()).add(pid)
    doc = min(told, key=lambda d: (len(told[d]), d))      # a document few itineraries cite
    s.delete([doc])
    figures = blocks.refresh_store(s)
    assert 0 < figures["itineraries_rebuilt"] < figures["itineraries"]
    after = {it["person"]: it for it in s.corpus()["itineraries"]}
    assert any(after.get(p) != before[p] for p in told[doc])
    assert _corpus_dump(url) == _from_scratch(url, tmp_path / "scratch.db")


def _inputs(built_db):
    s = Store(built_db)
    c = s.corpus()
    people = {e["id"]: e for e in c["entities"] if e.get("type") == "person"}
    per_person = blocks.itinerary_people(c["events"], people)
    return per_person, c["entities"], s.documents()


def test_an_itinerary_fingerprint_changes_with_its_own_inputs_only(built_db):
    per_person, entities, documents = _inputs(built_db)
    fps = blocks.itinerary_fingerprints(per_person, {}, entities, documents)
    assert len(fps) == len(per_person) > 1 and None not in fps.values()
    assert blocks.itinerary_fingerprints(per_person, {}, entities, documents) == fps
    # one event told otherwise: the people who move in it change, no one else
    pid = max(per_person, key=lambda p: len(per_person[p]))
    ev = per_person[pid][0]
    changed = copy.deepcopy(per_person)
    for evs in changed.values():
        for i, x in enumerate(evs):
            if x["id"] == ev["id"]:
                evs[i] = {**x, "time": {"earliest": "1999-01-01T00:00:00Z", "latest": "1999-01-01T23:59:59Z"}}
    new = blocks.itinerary_fingerprints(changed, {}, entities, documents)
    hit = {p for p, evs in per_person.items() if any(x["id"] == ev["id"] for x in evs)}
    assert {p for p in fps if fps[p] != new[p]} == hit
    # a document of its evidence edited: its people change
    doc = ev["evidence"][0]["doc"]
    docs2 = [{**d, "text": d["text"] + " "} if d["id"] == doc else d for d in documents]
    new = blocks.itinerary_fingerprints(per_person, {}, entities, docs2)
    assert pid in {p for p in fps if fps[p] != new[p]}
    # the person's entity renamed: their fingerprint changes
    ents2 = [{**e, "name_en": (e.get("name_en") or "") + " x"} if e["id"] == pid else e for e in entities]
    assert blocks.itinerary_fingerprints(per_person, {}, ents2, documents)[pid] != fps[pid]
