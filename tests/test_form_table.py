"""The per-word-form table shipped with the package (riwaya.formtable): current, equal to the code's own
values, and never read when stale, missing or damaged."""
from __future__ import annotations

import gzip
import json
import random

import pytest

from riwaya import formtable


def _fresh():
    formtable._table.cache_clear()
    formtable.seed.cache_clear()
    formtable.arrays.cache_clear()


@pytest.mark.parametrize("section", sorted(formtable.SECTIONS))
def test_section_is_current(section):
    """Fails when a file the section depends on changed: run scripts/build_form_table.py."""
    _fresh()
    assert formtable.status(section) == "ok", (
        f"form table section {section!r} is {formtable.status(section)}: "
        f"run `.venv/bin/python scripts/build_form_table.py` and commit riwaya/data/forms/table.json.gz")


def _sample(section, k=3000):
    table, args = formtable.seed(section)
    rnd = random.Random(7)
    forms = list(table)
    return table, args, forms[:500] + rnd.sample(forms, min(k, len(forms)))


def test_foreign_kind_equals_the_code():
    import riwaya.ner as ner
    _fresh()
    table, args, forms = _sample("ner.foreign_kind")
    assert table and args == (ner._rules().get("foreign_name_zipf"),)
    assert {v for v in table.values()} >= {None, "word"}
    for w in forms:
        assert table[w] == ner._foreign_kind_of.__wrapped__(w, args[0]), w
        assert ner._foreign_kind(w, args[0]) == table[w]
    # a form the table lacks, and another threshold, are computed
    assert ner._foreign_kind("كزبلوفيتشكو", args[0]) == ner._foreign_kind_of("كزبلوفيتشكو", args[0])
    w = forms[0]
    assert ner._foreign_kind(w, args[0] + 1) == ner._foreign_kind_of(w, args[0] + 1)


def test_shape_of_equals_the_code():
    from riwaya.events import learned
    _fresh()
    table, _, forms = _sample("learned.shape_of")
    assert table
    for w in forms:
        assert table[w] == learned._shape_computed.__wrapped__(w), w
        assert learned._shape_of(w) == table[w]
    for w in ("حصاراً", "123", "Reuters", "،", ""):
        assert learned._shape_of(w) == learned._shape_computed(w)


def test_stale_missing_or_damaged_table_is_not_used(tmp_path, monkeypatch):
    import riwaya.ner as ner
    with gzip.open(formtable.TABLE, "rt", encoding="utf-8") as f:
        t = json.load(f)
    sec = t["sections"]["ner.foreign_kind"]
    # a stale section: its values are wrong on purpose, and must not be read
    w = t["forms"][0]
    sec["values"] = ["clitic"] * len(sec["values"])
    sec["fingerprint"] = "0" * 24
    p = tmp_path / "table.json.gz"
    with gzip.open(p, "wt", encoding="utf-8") as f:
        json.dump(t, f, ensure_ascii=False)
    monkeypatch.setattr(formtable, "TABLE", p)
    _fresh()
    try:
        assert formtable.status("ner.foreign_kind") == "stale"
        assert formtable.seed("ner.foreign_kind") == ({}, ())
        th = ner._rules().get("foreign_name_zipf")
        assert ner._foreign_kind(w, th) == ner._foreign_kind_of(w, th)
        # damaged and missing files: no table, no error
        p.write_bytes(b"\x1f\x8b not gzip")
        _fresh()
        assert formtable.status("ner.foreign_kind") == "missing" and formtable.seed("learned.shape_of") == ({}, ())
        monkeypatch.setattr(formtable, "TABLE", tmp_path / "none.json.gz")
        _fresh()
        assert formtable.seed("ner.foreign_kind") == ({}, ())
        # an environment that changes the function's inputs, and the switch for measuring
        monkeypatch.setattr(formtable, "TABLE", formtable.TABLE.__class__(formtable.PKG / "data/forms/table.json.gz"))
        _fresh()
        monkeypatch.setenv("RIWAYA_KB_EXTRA", "/nonexistent.yaml")
        assert formtable.status("ner.foreign_kind") == "env RIWAYA_KB_EXTRA"
        monkeypatch.delenv("RIWAYA_KB_EXTRA")
        # another events weights file: the table's form scores are the shipped proposer's
        monkeypatch.setenv("RIWAYA_EVENTS_MODEL", "/tmp/another.json")
        assert formtable.status("events.propose_forms") == "env RIWAYA_EVENTS_MODEL"
        monkeypatch.delenv("RIWAYA_EVENTS_MODEL")
        # another CRF model (experiments): the shipped model's word ids would feed it wrong features
        monkeypatch.setenv("RIWAYA_NER_MODEL", "/tmp/another.model")
        assert formtable.status("ner.crf_words") == "env RIWAYA_NER_MODEL"
        monkeypatch.delenv("RIWAYA_NER_MODEL")
        monkeypatch.setenv("RIWAYA_NO_FORM_TABLE", "1")
        assert formtable.status("learned.shape_of") == "off"
    finally:
        monkeypatch.undo()
        _fresh()


def test_fingerprint_follows_the_files(tmp_path, monkeypatch):
    """A section's fingerprint changes with the bytes of a file it lists."""
    (tmp_path / "a.py").write_text("x = 1\n")
    monkeypatch.setattr(formtable, "PKG", tmp_path)
    monkeypatch.setitem(formtable.SECTIONS, "t", (("*.py",), ("no-such-library-xyz",), ()))
    before = formtable.fingerprint("t")
    (tmp_path / "a.py").write_text("x = 2\n")
    assert formtable.fingerprint("t") != before


def test_encode_round_trip():
    vals, codes = formtable.encode(["a", None, "a", "b", None])
    assert vals == ["a", None, "b"] and codes == [0, 1, 0, 2, 1]


def test_crf_words_equal_the_code():
    """A word's scorer entry read from the table: the same stripped key, the same own row (bit for bit) and
    the same lent ids as computed (a scorer of the same model without the table)."""
    import numpy as np
    from riwaya.ner import _model
    from riwaya.ner.crf import CRF
    from riwaya.ner.features import MODEL, DocScorer
    _fresh()
    seeded = _model()
    assert seeded.seed is not None, formtable.status("ner.crf_words")
    rows, _ = seeded.seed
    rnd = random.Random(11)
    forms = list(rows)
    words = forms[:300] + rnd.sample(forms, 2000) + ["كزبلوفيتشكو", "Reuters", "2015"]
    a = DocScorer(seeded.crf)
    a.seed = seeded.seed
    b = DocScorer(CRF.load(MODEL))
    for k in range(0, len(words), 97):
        chunk = words[k:k + 97]
        for w, x, y in zip(chunk, a._add_words(chunk), b._add_words(chunk)):
            assert x[0] == y[0], w
            assert np.array_equal(a._table[x[1]], b._table[y[1]]), w
            assert x[2].tolist() == y[2].tolist(), w
    # a document's scores, table or not
    sents = [["قال", "وزير", "الخارجية", "السعودي", "عادل", "الجبير", "إن", "المملكة"], ["كزبلوفيتشكو", "في", "الرياض"]]
    ctx = {"الجبير": {"dn2"}}
    sa, la = a.scores(sents, ctx)
    sb, lb = b.scores(sents, ctx)
    assert np.array_equal(sa, sb) and np.array_equal(la, lb)


def test_propose_forms_equal_the_code(monkeypatch):
    """The proposer's seeded verdicts and form scores: those it computes with the table off; and the seed is
    used only with the shipped lexicon and model."""
    from riwaya.events import propose as P
    from riwaya.events.extract import load_lexicon
    _fresh()
    P._seed.cache_clear()
    known, form = P._seed()
    assert known and form, formtable.status("events.propose_forms")
    lex, M = load_lexicon(), P.model()
    assert P._shipped(lex, M)
    assert not P._shipped(dict(lex), M) and not P._shipped(lex, dict(M))
    monkeypatch.setattr(P._Cache, "lex", None)
    monkeypatch.setattr(P._Cache, "known", {})
    monkeypatch.setattr(P._Cache, "form", {})
    monkeypatch.setenv("RIWAYA_NO_FORM_TABLE", "1")
    _fresh()
    P._seed.cache_clear()
    try:
        P._Cache.check(lex, M)
        assert not P._Cache.known                      # the table off: nothing seeded
        roots, d = P._roots(lex), M["detect"]
        rnd = random.Random(5)
        keys = list(known)
        for k in keys[:300] + rnd.sample(keys, 3000):
            assert P._known(k, lex) == known[k], k
            if not known[k]:
                assert P._form_score(k, d, roots) == form[k], k
    finally:
        monkeypatch.undo()
        _fresh()
        P._seed.cache_clear()
        P._Cache.lex = None


def test_context_word_equals_the_code():
    from riwaya.ner import features as F
    _fresh()
    F._context_seed.cache_clear()
    F._context_word.cache_clear()
    table, _, forms = _sample("ner.context_word")
    assert table
    for w in forms + ["كزبلوفيتشكو", "Reuters", "2015", "،"]:
        assert F._context_word(w) == F._context_computed(w), w
    F._context_seed.cache_clear()
    F._context_word.cache_clear()
