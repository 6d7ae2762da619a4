"""A day and month that end a name are no time of the text (issue #15, mrec29; ``date_name_heads`` in
riwaya/data/timex/ar.yaml, ``tagger._named_date``). "قصر 22 مايو" (a palace in Aden), "ثورة 25 يناير", "قوى 14
آذار", "هجمات 11 سبتمبر": read as this year's day they dated the text's happenings wrong (train's aden-tawahi: a
commander's men "entered" on 22 May, two months before the reports, so the entry was kept apart from the capture of
the same day by the time check). A day and month after any other word, and a name's date with its year, are read
as before."""
import pytest

from riwaya.timex.tagger import tag_times


def _texts(text: str) -> list[str]:
    return [t.text for t in tag_times(text, "ar", anchor="2015-07-20")]


@pytest.mark.parametrize("text", [
    "وقال القائد العسكري إن رجاله دخلوا إلى قصر 22 مايو الرئاسي في مدينة عدن",
    "وشارك الآلاف في إحياء ذكرى ثورة 25 يناير في ميدان التحرير",
    "وعقد اجتماع لقوى 14 آذار في بيروت أمس",
    "منذ هجمات 11 سبتمبر تغيرت السياسة الأمريكية",
    "وتقع الجامعة في مدينة 6 أكتوبر غرب القاهرة",
    "ونقل الجرحى إلى مستشفى 22 مايو بعدن",
])
def test_a_day_and_month_that_end_a_name_are_no_time(text):
    assert not any("مايو" in t or "يناير" in t or "آذار" in t or "سبتمبر" in t or "أكتوبر" in t for t in _texts(text))


def test_the_same_day_and_month_after_another_word_are_read():
    assert _texts("ووصل الوفد يوم 22 مايو إلى عدن") == ["22 مايو"]
    assert _texts("وقع الهجوم في 5 يونيو في ديار بكر") == ["5 يونيو"]


def test_a_named_date_with_its_year_is_still_read():
    # the year says which day: the revolution's own date, not this year's
    out = tag_times("اندلعت ثورة 25 يناير 2011 في مصر", "ar", anchor="2015-07-20")
    assert [t.text for t in out] == ["25 يناير 2011"]
    assert out[0].value.earliest.startswith("2011-01-25")


def test_a_head_with_a_proclitic_is_a_head():
    assert not _texts("في الذكرى الرابعة لثورة 25 يناير")
    assert not _texts("وصلوا إلى بقصر 22 مايو")


def test_the_heads_are_data():
    from riwaya.timex.lexicon import load, norm_word
    heads = load("ar").date_name_heads
    assert {norm_word(w) for w in ("قصر", "ثورة", "قوى", "هجمات")} <= heads


# ---------------------------------------------------------------- a description against a name, switched on
# events.keyless_one_sided "actors" (merge13's switch; on in mrec29: train pairwise P 0.841 -> 0.846, R 0.591 -> 0.613
# with no wrong pair more; dev P 0.928 -> 0.934, B-cubed 0.764 -> 0.767; shipped off again, since the frozen clusters
# test's CI floor fails with it). These tests set it themselves.

def _pair(a, b):
    import os
    import sys
    os.environ.setdefault("RIWAYA_ENCODER", "0")
    sys.path.insert(0, os.path.dirname(__file__))
    from test_reconcile import ENTS, _story_docs
    from riwaya.reconcile import core
    ents = core.Entities(ENTS)
    docs = {d["id"]: d for d in _story_docs(4)}
    ca, cb = core.canonical_mentions([a, b], ents, docs)
    return ca, cb, core._features(ca), core._features(cb)


def _killing(mid, doc, who):
    import sys
    import os
    sys.path.insert(0, os.path.dirname(__file__))
    from test_reconcile import _h, _t
    t = _t("2015-07-28T18:00:00+03:00", "2015-07-28T23:00:00+03:00", "مساء الثلاثاء")
    return _h(mid, doc, typ="killing", time=t, participants=[{"entity": who, "role": "patient"}])


def test_switched_on_a_description_against_a_name_scores_as_keyless(monkeypatch):
    """"قائد الكتيبة" in one report, the named man in another: no named entity on both sides, so neither a match
    nor a clash; with the switch on the pair is scored as a keyless one (what the two sentences share decides)."""
    from riwaya.reconcile import core
    monkeypatch.setitem(core.config()["events"], "keyless_one_sided", "actors")
    a, b, fa, fb = _pair(_killing("k0", "s0", "قائد الكتيبة"), _killing("k1", "s1", "maher"))
    assert core._pair_ok(a, b, fa, fb)
    assert core.pair_features(a, b, fa, fb).get("keyless") == 1.0


def test_switched_on_two_names_that_differ_still_clash_and_a_shared_name_is_keyed(monkeypatch):
    from riwaya.reconcile import core
    monkeypatch.setitem(core.config()["events"], "keyless_one_sided", "actors")
    named = _killing("k1", "s1", "maher")
    assert not core._pair_ok(*_pair(named, _killing("k2", "s2", "assad")))
    a, b, fa, fb = _pair(named, _killing("k3", "s3", "maher"))
    assert "keyless" not in core.pair_features(a, b, fa, fb)


def test_shipped_off():
    """Off as shipped: on, the frozen clusters test fell below its CI floor (twenty-sixth session)."""
    from riwaya.reconcile import core
    assert core.config()["events"]["keyless_one_sided"] is False
