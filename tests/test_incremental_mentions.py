"""Each document's event mentions kept in the store and reused (riwaya/blocks.py ``_event_mentions``):
unchanged documents reuse what they made, damaged or stale rows are made again, and the store is
the one a build from scratch gives."""
from riwaya import blocks
from riwaya.store import Store

from .test_blocks import _corpus_dump, copy_store


def _strings(x, acc: set) -> None:
    """Every string value of x, walked (what blocks._json_strings reads from the JSON text instead)."""
    if isinstance(x, str):
        acc.add(x)
    elif isinstance(x, dict):
        for v in x.values():
            _strings(v, acc)
    elif isinstance(x, (list, tuple)):
        for v in x:
            _strings(v, acc)


def test_strings_read_from_json_text_are_those_of_the_parsed_value(built_db):
    import json
    c = Store(built_db).corpus()
    for item in c["events"] + c["entities"] + [{"a": 'x"y: z', "b": ["ب\\c", {"k": "e:1", "": ["\\", ""]}], "n": 3}]:
        walked: set = set()
        _strings(item, walked)
        assert blocks._json_strings(json.dumps(item, ensure_ascii=False)) == walked


def test_event_mentions_of_unchanged_documents_are_reused_and_damaged_or_stale_rows_made_again(built_db, tmp_path):
    import json
    import sqlite3
    dst = tmp_path / "memo.db"
    copy_store(built_db, dst)
    url = f"sqlite:///{dst}"
    figures = blocks.refresh_store(Store(url))
    assert figures["documents_reused"] == figures["documents"] and figures["documents_made"] == 0
    with sqlite3.connect(dst) as c:
        rows = c.execute("SELECT doc_id, data FROM corpus_docs ORDER BY doc_id").fetchall()
        assert len(rows) == figures["documents"]
        c.execute("UPDATE corpus_docs SET data = 'not json' WHERE doc_id = ?", (rows[0][0],))
        stale = next((d, json.loads(x)) for d, x in rows[1:] if json.loads(x)["n"])
        memo = stale[1]
        memo["n"] = [[k, "e:someone-else"] for k, _ in memo["n"]]   # a name now read as another entity
        c.execute("UPDATE corpus_docs SET data = ? WHERE doc_id = ?", (json.dumps(memo), stale[0]))
    figures = blocks.refresh_store(Store(url))
    assert figures["documents_made"] == 2
    assert _corpus_dump(url) == _corpus_dump(built_db)
    with sqlite3.connect(dst) as c:
        assert c.execute("SELECT data FROM corpus_docs WHERE doc_id = ?", (rows[0][0],)).fetchone()[0] == rows[0][1]


def test_a_store_of_schema_4_gets_the_table_of_documents_reused(built_db, tmp_path):
    import sqlite3
    from riwaya.store import SCHEMA_VERSION
    dst = tmp_path / "v4.db"
    copy_store(built_db, dst)
    with sqlite3.connect(dst) as c:
        c.execute("DROP TABLE corpus_docs")
        c.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    s = Store(f"sqlite:///{dst}")
    assert s.schema_version() == SCHEMA_VERSION == 5
    figures = blocks.refresh_store(s)
    assert figures["documents_made"] == figures["documents"] and figures["parts_reconciled"] == 0
    assert blocks.refresh_store(s)["documents_reused"] == figures["documents"]
    assert _corpus_dump(f"sqlite:///{dst}") == _corpus_dump(built_db)


def test_seeds_in_two_builds_reuse_what_the_first_made_and_equal_all_at_once(built_db, corpus_dir, tmp_path):
    from riwaya.pipeline import build
    files = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and not p.name.endswith(".meta.json"))
    url = f"sqlite:///{tmp_path / 'two.db'}"
    build([str(p) for p in files[:4]], url, progress=False)
    build([str(corpus_dir)], url, progress=False)
    last = Store(url).corpus_journal(1)[0]
    assert last["documents_reused"] > 0 and last["documents_made"] >= len(last["documents_added"])
    assert _corpus_dump(url) == _corpus_dump(built_db)


def test_a_first_run_writes_the_event_mentions_in_batches_as_made(built_db, tmp_path, monkeypatch):
    import sqlite3
    dst = tmp_path / "first.db"
    copy_store(built_db, dst)
    with sqlite3.connect(dst) as c:
        want = c.execute("SELECT doc_id, key, data FROM corpus_docs ORDER BY doc_id").fetchall()
        c.execute("DELETE FROM corpus_docs")
        c.execute("INSERT INTO corpus_docs (doc_id, key, data) VALUES ('gone', 'k', '{}')")   # no such document
    batches = []
    put = Store.put_doc_memos
    monkeypatch.setattr(blocks, "MEMO_BATCH", 2)
    monkeypatch.setattr(Store, "put_doc_memos",
                        lambda self, items, prune=True: (batches.append((len(items), prune)), put(self, items, prune)))
    figures = blocks.refresh_store(Store(f"sqlite:///{dst}"))
    assert figures["documents_made"] == figures["documents"] == len(want) > 2
    assert all(n == 2 and not prune for n, prune in batches[:-1]) and batches[-1][1]      # pruned once, at the end
    assert sum(n for n, _ in batches) == len(want)
    with sqlite3.connect(dst) as c:
        assert c.execute("SELECT doc_id, key, data FROM corpus_docs ORDER BY doc_id").fetchall() == want
    assert _corpus_dump(f"sqlite:///{dst}") == _corpus_dump(built_db)
