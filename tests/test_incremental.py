"""The corpus stage reuses what it computed per document (riwaya/blocks.py, resolve.InDocMemo,
relations.doc_signatures) and gives what the stage from scratch gives."""
import json
import sqlite3

import pytest

from riwaya import blocks, corpus, resolve
from riwaya.models import Document
from riwaya.reconcile import relations
from riwaya.store import Store

from .conftest import needs_shared, saudi_articles
from .test_blocks import _corpus_dump, _forget_results, copy_store


def _dump(x):
    return json.dumps(x, ensure_ascii=False, sort_keys=True)


def test_documents_state_changes_when_the_document_set_does_though_count_and_sequence_come_back(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 's.db'}")
    s.add(Document(id="d1", text="one"), {}, "v1")
    s.add(Document(id="d2", text="two"), {}, "v1")
    before = s.documents_state()
    s.delete(["d2"])
    s.add(Document(id="d3", text="three"), {}, "v1")     # count 2 and last sequence number 2 again
    assert s.documents_state() != before
    again = s.documents_state()
    s.add(Document(id="d3", text="three"), {}, "v2")     # analysed again by another version
    assert s.documents_state() != again


def test_a_build_with_nothing_new_does_not_run_the_corpus_stage(built_db, corpus_dir, tmp_path, monkeypatch):
    from riwaya import pipeline
    dst = tmp_path / "same.db"
    copy_store(built_db, dst)
    calls = []
    monkeypatch.setattr(pipeline, "refresh", lambda *a, **k: calls.append(1) or [])
    report = pipeline.build([str(corpus_dir)], f"sqlite:///{dst}", progress=False)
    assert report.added == 0 and calls == []


def _documents(url):
    s = Store(url)
    with s.snapshot():
        paras = {d: a.get("paragraphs", []) for d, a in s.iter_analyses()}
        return [{**d, "paragraphs": paras.get(d["id"], [])} for d in s.documents()]


def test_copy_signatures_cached_give_the_same_copies_and_shingle_only_candidates(built_db, tmp_path, monkeypatch):
    docs = _documents(built_db)
    dup = {**docs[0], "id": "dcopy"}              # a republication: one copy pair at least
    docs = docs + [dup]
    monkeypatch.setenv("RIWAYA_CACHE", "0")
    plain = relations.copy_pairs(docs)
    assert any(r["docs"] == sorted([docs[0]["id"], "dcopy"]) for r in plain)
    monkeypatch.setenv("RIWAYA_CACHE", "1")
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    assert relations.copy_pairs(docs) == plain          # cold: every signature computed and cached
    seen = []
    real = relations.shingles
    monkeypatch.setattr(relations, "shingles", lambda text, k: seen.append(text) or real(text, k))
    assert relations.copy_pairs(docs) == plain          # warm: every signature and verdict from the cache
    assert seen == []
    more = docs + [{**docs[1], "id": "dcopy2"}]         # a new document: only its candidate pairs verified
    monkeypatch.setenv("RIWAYA_CACHE", "0")
    expected = relations.copy_pairs(more)
    monkeypatch.setenv("RIWAYA_CACHE", "1")
    seen.clear()
    assert relations.copy_pairs(more) == expected
    assert 0 < len(seen) < len(docs)


def test_a_damaged_cached_copy_verdict_is_verified_again(built_db, tmp_path, monkeypatch):
    docs = _documents(built_db)
    docs = docs + [{**docs[0], "id": "dcopy"}]
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    plain = relations.copy_pairs(docs)
    with sqlite3.connect(tmp_path / "cache" / "copies.sqlite") as c:
        c.execute("UPDATE kv SET v = 'not json' WHERE v NOT LIKE '[%' OR length(v) < 40")
    assert relations.copy_pairs(docs) == plain


def test_resolution_with_its_step_within_documents_cached_is_the_same(built_db, tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    s = Store(built_db)
    raw = dict(s.iter_analyses())
    docs = {d: [corpus._mention(m) for m in a.get("mentions", [])] for d, a in raw.items()}
    keys = {d: corpus.mentions_key(a.get("mentions", [])) for d, a in raw.items()}
    plain = corpus.resolve_mentions(docs)
    assert _dump(corpus.resolve_mentions(docs, keys)) == _dump(plain)     # cold: computed and cached
    calls = []
    real = resolve._in_doc
    monkeypatch.setattr(resolve, "_in_doc", lambda *a: calls.append(a[0]) or real(*a))
    assert _dump(corpus.resolve_mentions(docs, keys)) == _dump(plain)     # warm: from the cache
    assert calls == []
    first = sorted(docs)[0]
    keys[first] = "changed"                     # a document whose mentions changed is resolved again
    assert _dump(corpus.resolve_mentions(docs, keys)) == _dump(plain)
    assert calls == [first]


def test_entities_of_a_then_a_plus_b_read_from_the_cache_equal_those_made_at_once(built_db, tmp_path, monkeypatch):
    """resolve.EntityMemo: resolving A, then A and B, makes only the entities B touches; the result is
    every entity made from scratch, also when the romaniser's cap moves which names the model romanises."""
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    s = Store(built_db)
    raw = dict(s.iter_analyses())
    docs = {d: [corpus._mention(m) for m in a.get("mentions", [])] for d, a in raw.items()}
    keys = {d: corpus.mentions_key(a.get("mentions", [])) for d, a in raw.items()}
    b = sorted(docs)[-2:]
    a_docs = {d: v for d, v in docs.items() if d not in b}
    corpus.resolve_mentions(a_docs, {d: keys[d] for d in a_docs})
    made = []
    real = resolve.Entity
    monkeypatch.setattr(resolve, "Entity", lambda **k: made.append(k["id"]) or real(**k))
    plain = corpus.resolve_mentions(docs)
    n_all = len(made)
    made.clear()
    assert _dump(corpus.resolve_mentions(docs, keys)) == _dump(plain)
    assert 0 < len(made) < n_all                  # only those of components B touches
    made.clear()
    assert _dump(corpus.resolve_mentions(docs, keys)) == _dump(plain)
    assert made == []                             # nothing new: every entity read back
    monkeypatch.setattr(resolve, "ROMANIZE_CAP", 1)
    assert _dump(corpus.resolve_mentions(docs, keys)) == _dump(corpus.resolve_mentions(docs))


def test_entity_dicts_are_those_of_asdict(built_db):
    import dataclasses

    from riwaya.kb import load_kb
    s = Store(built_db)
    docs = {d: [corpus._mention(m) for m in a.get("mentions", [])] for d, a in s.iter_analyses()}
    ents = resolve.resolve_entities(docs, load_kb())
    assert [corpus._entity_dict(e) for e in ents] == [dataclasses.asdict(e) for e in ents]


def _from_scratch(url, dst, keep_stats=False):
    copy_store(url, dst)
    _forget_results(dst, keep_stats)
    assert blocks.refresh_store(Store(f"sqlite:///{dst}"))["parts_carried_over"] == 0
    return _corpus_dump(f"sqlite:///{dst}")


@needs_shared
def test_saudinewsnet_added_then_deleted_equals_the_stage_from_scratch(tmp_path, monkeypatch):
    """A then B == A+B and A+B minus some == from scratch, on 150 SaudiNewsNet articles, with the
    per-document caches warm (as on a machine that built A)."""
    from riwaya.pipeline import build, refresh
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    arts = [a for a in saudi_articles(400) if (a.get("content") or "").strip()][:150]
    lines = [json.dumps({"text": a["content"], "url": a.get("url"), "title": a.get("title"),
                         "published": (a.get("date_extracted") or "")[:10] or None}, ensure_ascii=False)
             for a in arts]
    (tmp_path / "a.jsonl").write_text("\n".join(lines[:140]) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(lines[140:]) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'inc.db'}"
    build([str(tmp_path / "a.jsonl")], url, progress=False)
    build([str(tmp_path / "b.jsonl")], url, progress=False)
    s = Store(url)
    last = s.corpus_journal(1)[0]
    assert len(last["documents_added"]) == 10 and last["parts_reconciled"] < last["parts"]
    # 10 of 140: the stories' statistics stay frozen (riwaya/story_index.py); the rest as from scratch
    assert last["stories"] == "incremental"
    assert _corpus_dump(url) == _from_scratch(url, tmp_path / "scratch1.db", keep_stats=True)
    gone = [d["id"] for d in s.documents()[::15]]
    s.delete(gone)
    refresh(s)
    assert sorted(s.corpus_journal(1)[0]["documents_removed"]) == sorted(gone)
    assert s.corpus_journal(1)[0]["stories"] == "full"       # 20 added or removed since: over 10 %
    assert _corpus_dump(url) == _from_scratch(url, tmp_path / "scratch2.db")


def test_a_damaged_cache_entry_is_a_miss(built_db, tmp_path, monkeypatch):
    """Entries of the per-document caches that cannot be read are computed again, never an error."""
    import os

    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    docs = _documents(built_db)
    plain = relations.copy_pairs(docs)
    s = Store(built_db)
    raw = dict(s.iter_analyses())
    dm = {d: [corpus._mention(m) for m in a.get("mentions", [])] for d, a in raw.items()}
    keys = {d: corpus.mentions_key(a.get("mentions", [])) for d, a in raw.items()}
    ents = corpus.resolve_mentions(dm, keys)
    for name in ("copies", "resolve", "entities"):
        with sqlite3.connect(os.path.join(tmp_path / "cache", name + ".sqlite")) as c:
            c.execute("UPDATE kv SET v = '{not json'")
    assert relations.copy_pairs(docs) == plain
    assert _dump(corpus.resolve_mentions(dm, keys)) == _dump(ents)


def test_part_strings_from_the_cache_give_the_same_fingerprints(built_db, tmp_path, monkeypatch):
    """A part's strings (what its fingerprint looks up) come from the cache by the hash of its
    mentions' texts; read from the texts, or with no cache at all, the fingerprints are the same."""
    dst = tmp_path / "fp.db"
    copy_store(built_db, dst)
    s = Store(f"sqlite:///{dst}")
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    blocks.refresh_store(s)                   # cold: every part's strings found and cached
    calls = []
    real = blocks._json_strings
    monkeypatch.setattr(blocks, "_json_strings", lambda t: calls.append(1) or real(t))
    warm = blocks.refresh_store(s)
    assert calls == [] and warm["parts_carried_over"] == warm["parts"] > 0
    monkeypatch.setenv("RIWAYA_CACHE", "0")
    off = blocks.refresh_store(s)
    assert calls and off["parts_carried_over"] == off["parts"]


def test_entity_mentions_of_analyses_seen_before_come_from_the_cache(built_db, tmp_path, monkeypatch):
    s = Store(built_db)
    plain = [(d, a.get("mentions", []), corpus.mentions_key(a.get("mentions", []))) for d, a in s.iter_analyses()]
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(blocks, "MENTIONS_BATCH", 2)
    assert list(blocks._doc_mentions(s)) == plain           # cold: parsed and cached
    with sqlite3.connect(tmp_path / "cache" / "mentions.sqlite") as c:
        damaged = c.execute("SELECT k FROM kv ORDER BY k LIMIT 1").fetchone()[0]
        c.execute("UPDATE kv SET v = '[1' WHERE k = ?", (damaged,))
    real, calls = corpus.mentions_key, []
    monkeypatch.setattr(corpus, "mentions_key", lambda ms: calls.append(1) or real(ms))
    assert list(blocks._doc_mentions(s)) == plain           # warm: one damaged entry parsed again
    assert len(calls) == 1


def _side_dump(sides):
    return [(s.doc, s.lang, list(map(list, s.units)), s.chars, sorted(s.ents), sorted(s.nums), sorted(s.latin),
             str(s.day)) for s in sides]


def test_translation_sides_from_the_cache_are_the_same(built_db, tmp_path, monkeypatch):
    from riwaya.reconcile import translations
    docs = _documents(built_db)
    ents = Store(built_db).corpus()["entities"]
    monkeypatch.setenv("RIWAYA_CACHE", "0")
    plain = _side_dump(translations._sides(docs, ents))
    assert any(s[3] for s in plain)
    monkeypatch.setenv("RIWAYA_CACHE", "1")
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    assert _side_dump(translations._sides(docs, ents)) == plain          # cold: computed and cached
    with sqlite3.connect(tmp_path / "cache" / "sides.sqlite") as c:
        c.execute("UPDATE kv SET v = '{\"x\": 1}' WHERE k = (SELECT MIN(k) FROM kv)")
    calls = []
    real = translations.side_texts
    monkeypatch.setattr(translations, "side_texts", lambda *a: calls.append(1) or real(*a))
    assert _side_dump(translations._sides(docs, ents)) == plain          # warm: one damaged entry read again
    assert 0 < len(calls) <= 2


def test_a_fingerprint_reads_how_the_part_splits_by_story_not_the_stories_members():
    """A document that joins the story of a part's documents without being in the part leaves the part's
    fingerprint as it was (the reconciler compares stories only for equality, ``blocks.story_partition``);
    two of its documents now in one story, or in two, change it."""
    docs = [{"id": d, "outlet": None, "published": "2015-01-0" + str(k + 1), "title": d, "url": None,
             "language": "ar", "seq": k} for k, d in enumerate(["a", "b", "c", "z"])]
    rows = [("a", json.dumps({"id": "m1", "doc": "a"}).encode()), ("b", json.dumps({"id": "m2", "doc": "b"}).encode())]

    def fp(story_of):
        return blocks.fingerprints([rows], docs, [], [], {}, story_of)[0]
    base = fp({"a": 0, "b": 0, "c": 0})
    assert base is not None
    assert fp({"a": 0, "b": 0, "c": 0, "z": 0}) == base       # z joins the story, not the part
    assert fp({"a": 3, "b": 3, "c": 1, "z": 0}) == base       # the stories renumbered
    assert fp({"a": 0, "b": 1, "c": 0}) != base               # a and b apart now
    assert fp({"a": 0, "c": 0}) != base                       # b in no story
    assert blocks.story_partition(["b", "a", "c"], {"a": 2, "b": 2}) == [["a", "b"], ["c"]]


def test_a_new_title_of_a_named_person_leaves_the_fingerprint_as_it_was():
    """An entity's roles (titles read in the text, with their document) are not read by the reconciler: a new
    document giving a known person a new title leaves the parts naming them as they were; a new name does not."""
    docs = [{"id": "a", "outlet": None, "published": "2015-01-01", "title": "a", "url": None, "language": "ar",
             "seq": 0}]
    mention = {"id": "m1", "doc": "a", "participants": [{"entity": "e:k", "role": "agent"}]}
    rows = [("a", json.dumps(mention).encode())]
    king = {"id": "e:k", "type": "person", "name_ar": "سلمان", "name_en": "Salman", "aliases": [], "kb_id": None,
            "roles": [{"title": "الملك", "source": "text", "doc": "a"}],
            "mentions": [{"doc": "a", "start": 0, "end": 5}, {"doc": "a", "start": 9, "end": 14}]}

    def fp(e):
        return blocks.fingerprints([rows], docs, [], [e], {}, {})[0]
    base = fp(king)
    assert fp({**king, "roles": king["roles"] + [{"title": "خادم الحرمين", "source": "text", "doc": "z"}]}) == base
    assert fp({**king, "mentions": king["mentions"] + [{"doc": "z", "start": 3, "end": 8}]}) == base   # 2+ either way
    assert fp({**king, "aliases": ["الملك سلمان"]}) != base


def test_a_part_with_an_unresolved_actor_reads_who_its_documents_name():
    """An unresolved participant ("raw:...") may be any person or organisation its document names
    (``reconcile.core._link_actors``, read from the entities' mentions): one more named there changes the
    fingerprint of such a part, not of a part without one."""
    docs = [{"id": "a", "outlet": None, "published": "2015-01-01", "title": "a", "url": None, "language": "ar",
             "seq": 0}]
    told = {"id": "m1", "doc": "a", "participants": [{"entity": "raw:الشركة", "role": "agent"}]}
    raw = [("a", json.dumps(told).encode())]
    plain = [("a", json.dumps({"id": "m2", "doc": "a", "participants": []}).encode())]
    hadi = {"id": "e:h", "type": "person", "name_ar": "هادي", "name_en": "Hadi", "aliases": [], "kb_id": None,
            "mentions": [{"doc": "b", "start": 0, "end": 4}, {"doc": "b", "start": 9, "end": 13}]}
    now_in_a = {**hadi, "mentions": hadi["mentions"] + [{"doc": "a", "start": 20, "end": 24}]}

    def fp(rows, e):
        return blocks.fingerprints([rows], docs, [], [e], {}, {})[0]
    assert fp(raw, hadi) != fp(raw, now_in_a)
    assert fp(plain, hadi) == fp(plain, now_in_a)
