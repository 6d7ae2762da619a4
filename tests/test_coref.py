"""Role nouns and epithets linked to the person the same document named before (riwaya.ner.coref)."""
from __future__ import annotations

import pytest

from riwaya.models import EntityMention
from riwaya.ner import coref
from riwaya.ner.coref import anaphors, link
from riwaya.resolve import resolve_entities


def person(text, name, role=None, occurrence=0, kb_id=None):
    """A person mention of ``name`` with the role the text gives before it (as riwaya.ner sets it)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    m = EntityMention(start, start + len(name), name, "person", kb_id=kb_id, name=name, source="ner",
                      confidence=0.8)
    if role:
        rs = text.rindex(role, 0, start)
        m.role, m.role_span = role, (rs, rs + len(role))
    return m


def linked(text, mentions, lang="ar"):
    return [(text[m.start:m.end], m.name) for m in link(text, mentions, lang, kb=None) if m.source == "coref"]


AR = "قال الرئيس السوداني عمر خالد إن الحوار مستمر. وأضاف الرئيس السوداني أن الجيش انسحب. وغادر الرئيس المخلوع البلاد."


def test_role_phrase_links_to_the_person_with_that_role():
    got = linked(AR, [person(AR, "عمر خالد", "الرئيس السوداني")])
    # "المخلوع" (ousted): only for a person the text or the KB calls so, not any president
    assert got == [("الرئيس السوداني", "عمر خالد")]
    t = AR.replace("قال الرئيس السوداني عمر", "قال الرئيس السوداني المخلوع عمر")
    got = linked(t, [person(t, "عمر خالد", "الرئيس السوداني المخلوع")])
    assert got == [("الرئيس السوداني", "عمر خالد"), ("الرئيس المخلوع", "عمر خالد")]


def test_construct_office_is_not_its_head():
    t = "قال رئيس الوزراء سالم ناصر إن الحوار مستمر. وأشاد بخطاب الرئيس. وأضاف رئيس الوزراء أن الجيش انسحب."
    assert linked(t, [person(t, "سالم ناصر", "رئيس الوزراء")]) == [("رئيس الوزراء", "سالم ناصر")]


def test_role_word_as_an_adjective_is_no_anaphor():
    t = "قال الرئيس سالم ناصر إن القطاع الخاص هو المساهم الرئيس في الاقتصاد."
    assert linked(t, [person(t, "سالم ناصر", "الرئيس")]) == []


def test_title_before_a_name_is_not_an_anaphor():
    spans = [AR[a.start:a.end] for a in anaphors(AR)]
    assert spans.count("الرئيس السوداني") == 2
    got = link(AR, [person(AR, "عمر خالد", "الرئيس السوداني")], "ar", kb=None)
    assert not any(m.source == "coref" and m.end <= AR.index("عمر") for m in got)


def test_modifier_must_be_in_the_persons_role():
    t = "قال الرئيس السوداني عمر خالد إن الحوار مستمر. وأضاف الرئيس الأمريكي أن الجيش انسحب."
    assert linked(t, [person(t, "عمر خالد", "الرئيس السوداني")]) == []


def test_two_equally_good_candidates_stay_unlinked():
    t = "التقى الرئيس سالم ناصر الرئيس كريم يوسف أمس. وقال الرئيس إن اللقاء كان مثمرا."
    ms = [person(t, "سالم ناصر", "الرئيس"), person(t, "كريم يوسف", "الرئيس", occurrence=0)]
    ms[1].role, ms[1].role_span = "الرئيس", (t.index("الرئيس كريم"), t.index("الرئيس كريم") + 6)
    assert linked(t, ms) == []


def test_epithet_alone_and_feminine_head():
    t = "قال الرئيس المخلوع سالم ناصر إنه باق. ثم فر المخلوع إلى الخارج. وقالت الوزيرة إن الوضع هادئ."
    assert linked(t, [person(t, "سالم ناصر", "الرئيس المخلوع")]) == [("المخلوع", "سالم ناصر")]
    t = "قال الرئيس سالم ناصر إنه باق. ثم فر المخلوع إلى الخارج."
    assert linked(t, [person(t, "سالم ناصر", "الرئيس")]) == []


def test_a_phrase_before_any_name_is_unlinked_and_no_person_no_link():
    t = "وقال الرئيس إن الوضع هادئ. والتقى الرئيس سالم ناصر بالوفد."
    assert linked(t, [person(t, "سالم ناصر", "الرئيس")]) == []
    assert linked(t, []) == []


def test_english_role_phrases():
    t = ("Foreign Minister Anna Berg arrived on Monday. The minister said talks would go on. "
         "Ousted President Tom Hale spoke. The ousted leader fled. The Prime Minister met him. The duties of president are many.")
    ms = [person(t, "Anna Berg", "Minister"), person(t, "Tom Hale", "President")]
    assert linked(t, ms, "en") == [("The minister", "Anna Berg"), ("The ousted leader", "Tom Hale")]


def test_resolution_puts_the_phrase_in_its_persons_entity_per_document():
    t1 = "قال الرئيس المخلوع سالم ناصر إنه باق. ثم فر المخلوع إلى الخارج."
    t2 = "قال الرئيس المخلوع كريم يوسف إنه باق. ثم فر المخلوع إلى الخارج."
    docs = {"d1": link(t1, [person(t1, "سالم ناصر", "الرئيس المخلوع")], "ar", kb=None),
            "d2": link(t2, [person(t2, "كريم يوسف", "الرئيس المخلوع")], "ar", kb=None)}
    assert sum(m.source == "coref" for ms in docs.values() for m in ms) == 2
    from riwaya.kb import load_kb
    ents = [e for e in resolve_entities(docs, load_kb()) if e.type == "person"]
    assert len(ents) == 2                      # "المخلوع" never joins the two documents' presidents
    for e in ents:
        assert len(e.mentions) == 2
        assert e.name_ar in ("سالم ناصر", "كريم يوسف") and "المخلوع" not in e.aliases


def test_bad_rules_file_is_named(tmp_path, monkeypatch):
    (tmp_path / "coref.yaml").write_text("classes: [1, 2\n", encoding="utf-8")
    monkeypatch.setattr(coref, "DATA", tmp_path)
    coref.rules.cache_clear()
    try:
        with pytest.raises(ValueError, match="coref.yaml"):
            coref.rules()
    finally:
        coref.rules.cache_clear()


def test_part_of_another_office_or_name():
    t = ("قال الرئيس سالم ناصر إن الحوار مستمر. وسيشغل كريم نائب للرئيس. وفاز الفريق بكأس الملك. "
         "وقال الرئيس الأول لمحكمة الاستئناف إن الحكم نهائي.")
    assert linked(t, [person(t, "سالم ناصر", "الرئيس")]) == []
    u = "وأضاف للرئيس"
    assert [u[a.start:a.end] for a in anaphors(u)] == ["رئيس"]


def test_a_generic_epithet_alone_is_nobody():
    """الهارب alone is any fugitive (coref.yaml: epithets_after_a_head_only); الرئيس الهارب is the president."""
    t = "قال الرئيس الهارب سالم ناصر إنه باق. ثم لا يخبر الهارب أحدا من أقاربه."
    assert linked(t, [person(t, "سالم ناصر", "الرئيس الهارب")]) == []
    t = "قال الرئيس الهارب سالم ناصر إنه باق. ثم غادر الرئيس الهارب إلى الخارج."
    assert linked(t, [person(t, "سالم ناصر", "الرئيس الهارب")]) == [("الرئيس الهارب", "سالم ناصر")]


def test_a_coreference_mention_is_no_name_but_keeps_its_link():
    # ent19 (issue 17): a role phrase is no name under the entity guidelines (the scorers skip generic
    # mentions); it keeps the person it stands for, so resolution and events' arguments link through it
    ms = link(AR, [person(AR, "عمر خالد", "الرئيس السوداني")], "ar", kb=None)
    co = [m for m in ms if m.source == "coref"]
    assert co and all(m.generic and m.name == "عمر خالد" for m in co)
    assert not any(m.generic for m in ms if m.source != "coref")
