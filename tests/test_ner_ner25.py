"""ner25 (issue 17): names outside the news. Organisations: a knowledge-base body's one-word name is no common
word without its article, a parliament named with its nation, an organisation that ends before "located",
an organ of a body the knowledge base knows; English: a plural name after "the" is a team."""
from riwaya.analyze import analyze
from riwaya.models import Document


def _ents(text, lang="ar"):
    an = analyze(Document(id="t", text=text, language=lang))
    return {m.text: m for m in an.mentions if not m.generic}


def test_a_common_word_is_no_body_without_the_article_the_body_writes():
    # ميادين "fields" and نصرة "support" are words; the bodies are written الميادين, النصرة
    assert "ميادين" not in _ents("وتخطط المنظمة لتوسيع تعاونها ليشمل ميادين جديدة في المستقبل.")
    assert not any("نصرة" in t for t in _ents("ألقى قصيدته التي يستصرخه فيها لنصرة الأندلس."))
    # the bodies as written stay, and a rare word without its article too (إنتربول = الإنتربول)
    ents = _ents("وقالت قناة الميادين إن جبهة النصرة انسحبت، وأصدرت إنتربول مذكرة.")
    assert any(m.kb_id == "outlet:almayadeen" for m in ents.values())
    assert any(m.kb_id == "org:interpol" for m in ents.values())


def test_a_parliament_named_with_its_nation():
    ents = _ents("وقدم الوزير تقريره إلى البرلمان العراقي يوم الأحد.")
    assert ents["البرلمان العراقي"].type == "organization"
    assert not _ents("وصادق البرلمان على القانون أمس.")          # no nation: a description


def test_an_organisation_ends_before_located():
    ents = _ents("وأشار مسؤول في شرطة سومانتايوان الواقعة وسط جاوا إلى أن 77 شخصا قتلوا.")
    assert not any(t.endswith("الواقعة") for t in ents)


def test_an_organ_of_a_kb_body_is_one_organisation_unlinked():
    ents = _ents("أجلت مفوضية الأمم المتحدة نحو 3 آلاف لاجئ من ليبيا.")
    assert "مفوضية الأمم المتحدة" in ents and ents["مفوضية الأمم المتحدة"].kb_id is None
    ents = _ents("وقال برنامج الأمم المتحدة الإنمائي إن الفقر تزايد.")
    assert "برنامج الأمم المتحدة الإنمائي" in ents
    # forces and the body's own head are no organ: the body stays linked
    ents = _ents("وقال متحدث باسم قوات الأمم المتحدة إن الهدوء عاد.")
    assert ents["الأمم المتحدة"].kb_id == "org:un"


def test_a_plural_name_after_the_is_a_team():
    # spaCy's small model reads these as people
    ents = _ents("The Jets beat the Patriots on Sunday. We played well against the Spitfires.", lang="en")
    assert ents["Jets"].type == "organization" and ents["Spitfires"].type == "organization"
    ents = _ents("Frank Messina said the Mets will win.", lang="en")
    assert ents["Frank Messina"].type == "person"


def test_a_common_given_name_the_tagger_missed_is_a_person():
    text = "Reporters spoke with Isabel Ruiz, who runs the shop.\nIt is basically me and Isabel, he said."
    ents = _ents(text, lang="en")
    assert ents["Isabel Ruiz"].type == "person" and ents["Isabel"].type == "person"
    # a common word, a given name after an article, a place with its kind: no person from the rule
    from riwaya.ner.english import given_names
    assert given_names("Will said the Grace period ended. She lived on Isabel Street.", [], []) == []
