"""Pair feature doc_copy (issue #15, conf21): two reports that are one text printed twice (Jaccard of their
words >= events.doc_copy_min) mark the pairs of their mentions, where each report tells few happenings of the
pair's kind (kind_few, events.doc_copy_few); the learned pair model weighs it (weights.doc_copy). Shipped off
(doc_copy_min null: the frozen clusters test's precision fell with it, README); these tests switch it on at 0.8."""
import json
import os
import sys

import pytest

from riwaya.reconcile import core

os.environ.setdefault("RIWAYA_ENCODER", "0")

sys.path.insert(0, os.path.join(os.path.dirname(__file__)))
from test_reconcile import ENTS, STORIES, _doc, _h  # noqa: E402

# one agency text, printed by two papers (one word edited), telling a bombing in two sentences
COPY = ("انفجرت سيارة مفخخة أمام مركز للشرطة في مدينة ليجي مساء السبت وأدى الانفجار إلى مقتل جنود وإصابة آخرين. "
        "وقال المحافظ في بيان إن الهجوم استهدف دورية كانت تقف أمام المبنى وإن التحقيق بدأ فورا لمعرفة منفذيه.")
S1, S2 = (0, COPY.index("وقال")), (COPY.index("وقال"), len(COPY))


@pytest.fixture(autouse=True)
def _on(monkeypatch):
    monkeypatch.setitem(core.config()["events"], "doc_copy_min", 0.8)


def _features_of(docs, ms):
    canon = core.canonical_mentions(ms, core.Entities(ENTS), {d["id"]: d for d in docs})
    return canon, [core._features(c) for c in canon]


def _pair_x(docs, a, b):
    (ca, cb), (fa, fb) = _features_of(docs, [a, b])
    return core.pair_features(ca, cb, fa, fb)


def _copies():
    return [_doc("a", COPY, "A"), _doc("b", COPY.replace("فورا", "على الفور"), "B")]


def test_text_words_are_normalised_and_short_words_left_out():
    assert core._text_words("قال إن الهجوم في ليجي") == frozenset({"قال", "الهجوم", "ليجي"})


def test_two_copies_mark_their_mentions_in_other_sentences():
    """The bombing told in the first sentence of one copy and as "the attack" in the second of the other."""
    a = _h("x0", "a", start=S1[0], end=S1[1], trigger_start=COPY.index("انفجرت"))
    b = _h("x1", "b", start=S2[0], end=S2[1] - 4, trigger_start=COPY.index("الهجوم"))
    assert _pair_x(_copies(), a, b).get("doc_copy") == 1.0


def test_reports_in_their_own_words_are_no_copy():
    docs = [_doc("a", STORIES[0], "A"), _doc("b", STORIES[1], "B")]
    a = _h("x0", "a", start=0, end=len(STORIES[0]), trigger_start=0)
    b = _h("x1", "b", start=0, end=len(STORIES[1]), trigger_start=0)
    assert "doc_copy" not in _pair_x(docs, a, b)


def test_one_document_is_no_copy_of_itself():
    a = _h("x0", "a", start=S1[0], end=S1[1], trigger_start=COPY.index("انفجرت"))
    b = _h("x1", "a", start=S2[0], end=S2[1], trigger_start=COPY.index("الهجوم"))
    assert "doc_copy" not in _pair_x(_copies(), a, b)


def test_a_copy_of_many_such_happenings_is_no_cue(monkeypatch):
    """A report that tells many happenings of the pair's kind (kind_many): its copy says nothing of which one."""
    many = COPY + " " + " ".join(f"وفي هجوم آخر رقم {i} قتل جندي." for i in range(6))
    docs = [_doc("a", many, "A"), _doc("b", many, "B")]
    ms = [_h("x0", "a", start=S1[0], end=S1[1], trigger_start=COPY.index("انفجرت")),
          _h("x1", "b", start=S2[0], end=S2[1], trigger_start=COPY.index("الهجوم"))]
    pos = [many.index(f"هجوم آخر رقم {i}") for i in range(6)]
    ms += [_h(f"a{i}", "a", start=p, end=p + 20, trigger_start=p) for i, p in enumerate(pos)]
    ms += [_h(f"b{i}", "b", start=p, end=p + 20, trigger_start=p) for i, p in enumerate(pos)]
    canon, feats = _features_of(docs, ms)
    x = core.pair_features(canon[0], canon[1], feats[0], feats[1])
    assert x.get("kind_many") and "doc_copy" not in x
    # without the kind condition the copy marks it
    monkeypatch.setitem(core.config()["events"], "doc_copy_few", False)
    assert core.pair_features(canon[0], canon[1], feats[0], feats[1]).get("doc_copy") == 1.0


def test_switched_off_there_is_no_such_feature(monkeypatch):
    monkeypatch.setitem(core.config()["events"], "doc_copy_min", None)
    a = _h("x0", "a", start=S1[0], end=S1[1], trigger_start=COPY.index("انفجرت"))
    b = _h("x1", "b", start=S2[0], end=S2[1], trigger_start=COPY.index("الهجوم"))
    assert "doc_copy" not in _pair_x(_copies(), a, b)


def test_the_shipped_model_weighs_it_and_it_raises_the_score(monkeypatch):
    from riwaya.reconcile.text import DATA
    model = json.loads((DATA / "pair_model.json").read_text("utf-8"))
    assert model["weights"].get("doc_copy", 0) > 0
    monkeypatch.setattr(core, "pair_model", lambda: model)
    a = _h("x0", "a", start=S1[0], end=S1[1], trigger_start=COPY.index("انفجرت"))
    b = _h("x1", "b", start=S2[0], end=S2[1], trigger_start=COPY.index("الهجوم"))
    (ca, cb), (fa, fb) = _features_of(_copies(), [a, b])
    on = core._pair_score(ca, cb, fa, fb)
    monkeypatch.setitem(core.config()["events"], "doc_copy_min", None)
    (ca, cb), (fa, fb) = _features_of(_copies(), [a, b])
    off = core._pair_score(ca, cb, fa, fb)
    assert on - off == pytest.approx(model["weights"]["doc_copy"])


def test_shipped_off():
    from riwaya.reconcile.text import DATA
    assert json.loads((DATA / "config.json").read_text("utf-8"))["events"]["doc_copy_min"] is None
