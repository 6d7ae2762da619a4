"""The command line, as a user runs it."""
import json

import pytest
from click.testing import CliRunner

from riwaya.cli import main

from .conftest import CORPUS

VERBS = ["build", "analyze", "export", "report", "serve", "demo", "conflicts", "show", "eval"]


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
