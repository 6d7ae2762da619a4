"""fuzz36: hostile input found by a sweep of odd files through `riwaya analyze` and the readers. A run-on sentence
(a page with no full stop) made the events' refinement cubic in its events; a lone surrogate escaped in JSON passed
ingest and raised UnicodeEncodeError later (a traceback out of `riwaya analyze`); JSON nested thousands deep was a
RecursionError in the error line."""
from __future__ import annotations

import json
import time

from click.testing import CliRunner

import riwaya.events.learned as L
from riwaya.analyze import analyze
from riwaya.cli import main
from riwaya.ingest.readers import IngestError, read_paths
from riwaya.models import Document

CLAUSE = "قال مصدر في دمشق إن الرئيس بشار الأسد غادر إلى موسكو صباح الأحد، "


def test_a_run_on_sentence_is_cut_at_a_comma_within_the_bound(monkeypatch):
    text = CLAUSE * 120                    # 7,800 characters, no full stop
    T = L.Text(text)
    spans = list(zip(T.ends, T.ends[1:]))
    assert len(spans) > 3 and max(b - a for a, b in spans) <= L.MAX_SENTENCE_CHARS
    assert all(text[b - 2:b] == "، " or text[b - 1] == "،" or b == len(text) for _, b in spans)
    assert T.ends == sorted(set(T.ends))
    monkeypatch.setattr(L, "MAX_SENTENCE_CHARS", 0)     # the switch: off, one sentence as before
    assert L.Text(text).ends == [0, len(text)]


def test_sentences_under_the_bound_are_untouched_and_a_run_of_commas_is_linear():
    text = ("غادر الرئيس دمشق. " * 50) + ("ب" * 3000) + "." + ("،" * 200_000)
    T = L.Text(text)
    plain = [0] + [m.end() for m in L._SENT_END.finditer(text)] + [len(text)]
    assert T.ends[:51] == plain[:51]              # the short sentences as they were
    assert max(b - a for a, b in zip(T.ends, T.ends[1:])) <= L.MAX_SENTENCE_CHARS
    t = time.process_time()
    L.Text("،" * 200_000 + "ب" * 200_000)
    assert time.process_time() - t < 3


def test_a_run_on_sentence_goes_through_analysis_in_linear_time():
    # before: 100 clauses 7.6 s, 200 clauses 22 s, 400 clauses 49 s of CPU; now about 2 s per 100, linear
    text = CLAUSE * 150                    # 9,750 characters: 14 s before, about 3 s now
    t = time.process_time()
    a = analyze(Document(id="runon", text=text, published="2024-12-08"))
    assert time.process_time() - t < 10
    assert a.events and all(ev.trigger == text[ev.trigger_start:ev.trigger_end] for ev in a.events)


def _errors(path) -> dict[str, str]:
    return {e.path.rsplit("/", 1)[-1]: e.reason for e in read_paths([str(path)]) if isinstance(e, IngestError)}


def test_a_lone_surrogate_anywhere_in_a_record_is_a_named_error(tmp_path):
    ok = "قال مصدر في دمشق إن الرئيس غادر."
    f = tmp_path / "s.jsonl"
    f.write_text("\n".join([
        json.dumps({"text": ok + "\ud800"}),                              # ensure_ascii: written as \\ud800
        json.dumps({"text": ok, "outlet": "x\udfff"}),
        json.dumps({"text": ok, "tags": [{"a": ["\udc00"]}]}),
        json.dumps({"text": ok + " \U0001F642"}),                          # a pair: an emoji, fine
    ]), encoding="utf-8")
    errs = _errors(f)
    assert errs["s.jsonl:1"] == "field 'text' holds a lone surrogate (U+D800) at character 32: not valid Unicode text"
    assert "field 'outlet' holds a lone surrogate (U+DFFF)" in errs["s.jsonl:2"]
    assert "field 'tags' holds a lone surrogate (U+DC00)" in errs["s.jsonl:3"]
    assert "s.jsonl:4" not in errs


def test_riwaya_analyze_names_the_line_of_a_lone_surrogate_without_a_traceback(tmp_path):
    f = tmp_path / "s.jsonl"
    f.write_text(json.dumps({"text": "غادر الرئيس دمشق.", "url": "http://x/\ud800"}) + "\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["analyze", str(f)])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert "Traceback" not in r.output
    assert f"error: {f}:1: field 'url' holds a lone surrogate (U+D800)" in r.output


def test_json_nested_too_deeply_is_a_named_error(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "d.jsonl").write_text('{"text": "غادر."}\n{"text": ' + deep + "}\n", encoding="utf-8")
    (tmp_path / "a.json").write_text("[" + deep + "]", encoding="utf-8")
    (tmp_path / "m.txt").write_text("غادر الرئيس دمشق.", encoding="utf-8")
    (tmp_path / "m.meta.json").write_text(deep, encoding="utf-8")
    assert _errors(tmp_path / "d.jsonl") == {"d.jsonl:2": "invalid JSON (nested too deeply)"}
    assert _errors(tmp_path / "a.json") == {"a.json": "invalid JSON (nested too deeply)"}
    assert _errors(tmp_path / "m.txt") == {"m.txt": "m.meta.json: cannot read the metadata (nested too deeply)"}


def test_a_chain_of_names_in_english_is_analysed_in_linear_time():
    # "John Smith John Smith ..." parses as one compound tree: the dependents' words of every token walked its
    # subtrees (1,000 names 7.6 s, 2,000 names 15.4 s; now 2.9 s for 2,000 with the parse)
    text = "Officials said " + "John Smith " * 1500 + "left Damascus on Sunday."
    analyze(Document(id="warm", text="Officials said John Smith left.", published="2024-12-08", language="en"))
    t = time.process_time()
    a = analyze(Document(id="names", text=text, published="2024-12-08", language="en"))
    assert time.process_time() - t < 6
    assert all(m.text == text[m.start:m.end] for m in a.mentions)


def test_dependent_senses_are_the_same_with_the_shortcut(monkeypatch):
    import riwaya.events.english as E
    doc = E._nlp()("The army fired 36 shells at the village. A fire destroyed the grandstands. John Smith spoke.")
    got = {}
    for on in (True, False):
        monkeypatch.setattr(E, "DEPENDENTS_ON_SENSE", on)
        got[on] = [(t.i, E.dependent_type(None, t)) for t in doc]
    assert got[True] == got[False]
    assert any(E._senses(t) for t in doc)      # "fire" has senses: the walk ran for it


def test_a_chain_of_nested_reports_is_analysed_in_linear_time():
    # "X said that X said that ...": each report's clause listed the subtree of the next (1,000 reports 7.6 s of
    # CPU; now 2.7 s with the parse); the span is the subtree's edges, the same tokens at its ends
    analyze(Document(id="warm", text="Officials said John Smith left.", published="2024-12-08", language="en"))
    text = "X said that " * 1000 + "the president left Damascus on Sunday."
    t = time.process_time()
    analyze(Document(id="reports", text=text, published="2024-12-08", language="en"))
    assert time.process_time() - t < 5.5


def test_a_subtree_spans_from_its_left_edge_to_its_right_edge():
    import riwaya.events.english as E
    doc = E._nlp()("Officials said on Sunday that the army, which had fired at the crowd, left Homs, "
                   "and the ministry, according to a statement, said that talks would resume.")
    for t in doc:
        ids = [x.i for x in t.subtree]
        assert (min(ids), max(ids)) == (t.left_edge.i, t.right_edge.i)


def test_a_figure_past_ints_digit_limit_is_no_count():
    # a 5,000-digit number in a text stopped the corpus stage: int() refuses strings past 4,300 digits
    from riwaya.reconcile.core import _amount_value, _count
    from riwaya.reconcile.values import FIGURE_MAX_DIGITS, _cardinal_of, figure
    huge = "9" * 5000
    assert figure(huge) is None and figure("²") is None and figure("0014") == 14
    assert figure("9" * FIGURE_MAX_DIGITS) is not None
    assert _count(huge + " جريحا") is None and _count("²³ قتيلا") is None and _count("14 جنديا") == "14"
    assert _count("١٤ جنديا") == "14" and _count("عشرة جنود") == "10"
    assert _amount_value("ما لا يقل عن " + huge) is None and _amount_value("ما لا يقل عن 2,000") == "2000"
    assert _cardinal_of((huge,)) is None and _cardinal_of(("9999999999999999999",)) == 9999999999999999999


def test_a_build_with_a_huge_number_finishes(tmp_path):
    import riwaya.pipeline as pl
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("قتل 9999999999999999999 قتيلا في دمشق. أصيب " + "9" * 5000 + " جريحا في دمشق يوم الأحد.",
                               encoding="utf-8")
    (src / "b.txt").write_text("قتل 12 شخصا في دمشق يوم الأحد وأصيب 30 جريحا.", encoding="utf-8")
    r = pl.build([str(src)], f"sqlite:///{tmp_path / 'h.db'}", progress=False)
    assert r.added == 2 and not r.errors
