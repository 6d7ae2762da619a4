"""The command line, as a user runs it."""
import json

import pytest
from click.testing import CliRunner

from riwaya.cli import main

from .conftest import CORPUS

VERBS = ["build", "analyze", "export", "report", "serve", "demo", "conflicts", "show", "eval", "delete"]


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_has_help(verb):
    r = CliRunner().invoke(main, [verb, "--help"])
    assert r.exit_code == 0 and "Usage" in r.output


def test_analyze_prints_one_json_line_per_file():
    r = CliRunner().invoke(main, ["analyze", str(CORPUS / "003_f730d4489eb8df36.txt"),
                                  str(CORPUS / "002_85b225f4e7199789.txt")])
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in r.stdout.strip().splitlines()]
    assert len(lines) == 2
    for line in lines:
        assert {"path", "text", "mentions", "times", "attributions", "events"} <= set(line)
        for t in line["times"]:
            assert line["text"][t["start"]:t["end"]] == t["text"]
            assert "earliest" in t and "latest" in t


def test_build_then_export(tmp_path):
    db = f"sqlite:///{tmp_path / 'n.db'}"
    r = CliRunner().invoke(main, ["build", str(CORPUS), "--db", db, "-q"])
    assert r.exit_code == 0, r.output
    out = tmp_path / "news.json"
    r = CliRunner().invoke(main, ["export", "--db", db, "--format", "json", "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert json.loads(out.read_text("utf-8"))["schema"] == "riwaya/1"


def test_build_reports_bad_files_and_exits_non_zero(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "ok.txt").write_text((CORPUS / "004_b6ed659c7353c9c8.txt").read_text("utf-8"), encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    r = CliRunner().invoke(main, ["build", str(d), "--db", f"sqlite:///{tmp_path / 'x.db'}", "-q"])
    assert r.exit_code == 2
    assert "empty.txt: empty file" in r.stderr
    assert "added 1 document" in r.stdout


def test_export_without_a_store_is_a_clear_error(tmp_path):
    r = CliRunner().invoke(main, ["export", "--db", f"sqlite:///{tmp_path / 'none.db'}", "--out", "x.json"])
    assert r.exit_code == 1
    assert "no store" in r.stderr and "Traceback" not in r.output


def test_show_never_picks_another_person(built_db):
    r = CliRunner().invoke(main, ["show", "حافظ الأسد", "--db", built_db])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Hafez al-Assad / حافظ الأسد")          # not Bashar (بشار حافظ الأسد)
    r = CliRunner().invoke(main, ["show", "علي", "--db", built_db])
    assert r.exit_code == 1 and "fits" in r.output
    listed = [line.split()[0] for line in r.output.splitlines()[1:]]
    assert len(listed) >= 5 and all(x.startswith("e:") for x in listed)
    r = CliRunner().invoke(main, ["show", listed[0], "--db", built_db])    # an id settles it
    assert r.exit_code == 0 and "Ali" in r.output.splitlines()[0]
    r = CliRunner().invoke(main, ["show", "لا أحد بهذا الاسم", "--db", built_db])
    assert r.exit_code == 1 and "no entity is named" in r.stderr


def test_lookup_rules():
    from riwaya.lookup import find_entities
    ents = [{"id": "e:b", "name_ar": "بشار الأسد", "aliases": ["بشار حافظ الأسد"], "mentions": [1, 2, 3]},
            {"id": "e:h", "name_ar": "حافظ الأسد", "mentions": [1]},
            {"id": "e:a1", "name_en": "Ali Mamlouk", "mentions": []}, {"id": "e:a2", "name_en": "Ali Ayoub", "mentions": []}]
    assert [e["id"] for e in find_entities(ents, "حافظ الأسد")[1]] == ["e:h"]
    assert find_entities([e for e in ents if e["id"] != "e:h"], "حافظ الأسد")[1] == []   # inside a longer name: no match
    assert {e["id"] for e in find_entities(ents, "ali")[1]} == {"e:a1", "e:a2"}
    assert [e["id"] for e in find_entities(ents, "Ali Mamlouk")[1]] == ["e:a1"]
    assert [e["id"] for e in find_entities(ents, "b")[1]] == ["e:b"]       # an id without its e: prefix


def test_analyze_text_is_readable():
    r = CliRunner().invoke(main, ["analyze", "--format", "text", str(CORPUS / "004_b6ed659c7353c9c8.txt")])
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert out.startswith("== ") and "entities:" in out and "times:" in out and "events:" in out
    assert "according to: بلومبيرغ" in out and "agent=الكرملين" in out
    assert not out.lstrip().startswith("{")


def test_delete_a_document_and_what_came_from_it(built_db, tmp_path):
    import sqlite3
    from riwaya.store import Store
    db = tmp_path / "d.db"
    with sqlite3.connect(built_db[len("sqlite:///"):]) as src, sqlite3.connect(db) as dst:
        src.backup(dst)          # a WAL store: copy through SQLite, not the file
    url = f"sqlite:///{db}"
    before = Store(url).export()
    gone = next(d for d in before["documents"] if d["path"].endswith("004_b6ed659c7353c9c8.txt"))
    r = CliRunner().invoke(main, ["delete", "004_b6ed659c7353c9c8.txt", "--db", url])
    assert r.exit_code == 0, r.output
    assert "deleted 1 document" in r.output
    s = Store(url)
    after = s.export()
    assert len(after["documents"]) == 4 and s.corpus_is_current()
    assert gone["id"] not in json.dumps({k: after[k] for k in ("entities", "events", "conflicts", "itineraries")})
    assert s.raw(gone["id"]) is None and gone["id"] not in s.analyses()
    r = CliRunner().invoke(main, ["delete", gone["id"], "--db", url])
    assert r.exit_code == 1 and "no document" in r.stderr
    # rebuilding brings it back
    r = CliRunner().invoke(main, ["build", str(CORPUS), "--db", url, "-q"])
    assert r.exit_code == 0 and "added 1 document" in r.output


def test_conflicts_contradictions_first_and_kind_filter(built_db):
    r = CliRunner().invoke(main, ["conflicts", "--db", built_db])
    assert r.exit_code == 0, r.output
    heads = [l for l in r.output.splitlines() if l.startswith("== ")]
    assert heads[0].startswith("== Contradictions") and heads[1].startswith("== Refinements")
    r = CliRunner().invoke(main, ["conflicts", "--kind", "contradiction", "--db", built_db])
    assert r.exit_code == 0 and "== Refinements" not in r.output and "== Contradictions" in r.output
    r = CliRunner().invoke(main, ["conflicts", "--kind", "nonsense", "--db", built_db])
    assert r.exit_code == 2 and "Traceback" not in r.output
