"""ent22 (issue 17): organisations on unseen text: a knowledge-base body named with another nation, a quoted name
after an organisation head, two bodies joined by و, and the English of two organisation phrases."""
from riwaya.analyze import analyze
from riwaya.kb.gloss import english_gloss
from riwaya.models import Document


def _orgs(text, lang="ar"):
    an = analyze(Document(id="t", text=text, language=lang))
    return {m.text: m for m in an.mentions if m.type == "organization"}


def test_a_kb_body_with_another_nations_gentilic_is_that_nations():
    # مجلس الشعب is Syria's parliament in the knowledge base; المصري makes it Egypt's: not linked to Syria's
    orgs = _orgs("وقرر مجلس الشعب المصري أمس تعديل القانون.")
    assert "مجلس الشعب المصري" in orgs and orgs["مجلس الشعب المصري"].kb_id is None
    orgs = _orgs("أكدت رئاسة الجمهورية العراقية، الخميس، أن الوضع مستقر.")
    assert "رئاسة الجمهورية العراقية" in orgs
    assert orgs["رئاسة الجمهورية العراقية"].kb_id != "org:syrian-presidency"
    # its own nation: still the record, the gentilic part of the name
    orgs = _orgs("واجتمع مجلس الشعب السوري في دمشق.")
    assert orgs["مجلس الشعب السوري"].kb_id == "org:syrian-parliament"


def test_a_description_keeps_its_nation_outside():
    # قوات النظام is a description (no name): its nation does not make it one
    an = analyze(Document(id="t", text="وقصفت قوات النظام السوري البلدة بالمدفعية.", language="ar"))
    named = [m for m in an.mentions if m.type == "organization" and not m.generic]
    assert not any("النظام" in m.text for m in named)


def test_a_quoted_name_after_an_organisation_head():
    orgs = _orgs('تبلغ كلفة التعرفة الثابتة لدى شركة "إي-أون" 760 جنيه إسترليني.')
    assert "إي-أون" in orgs and orgs["إي-أون"].start > 0
    assert not any(t.startswith("شركة") for t in orgs)          # the quote cuts the head off
    orgs = _orgs("وقالت صحيفة «الوطن» إن المفاوضات ستستأنف.")
    assert "الوطن" in orgs                                      # a paper, no place
    # what a company said is no name; an app stays no entity (entity_rules.yaml not_entities)
    assert not _orgs('وقالت شركة "إن الأسعار سترتفع" في بيانها.')
    assert "تويتر" not in _orgs("ونشر على حسابه على موقع “تويتر” صورة.")


def test_two_bodies_joined_by_wa_are_two():
    orgs = _orgs("وقالت وزارة الدفاع والجيش الإسرائيلي في بيان إن الهجوم فشل.")
    assert "وزارة الدفاع" in orgs
    assert not any(t.startswith("وزارة الدفاع والجيش") for t in orgs)
    assert "وزارة التجارة والصناعة" in _orgs("وقالت وزارة التجارة والصناعة إن الأسعار مستقرة.")


def test_english_of_a_council_of_ministers_and_the_israeli_army():
    assert english_gloss("مجلس وزراء الداخلية") == "interior ministers council"   # not "interior cabinet"
    assert english_gloss("مجلس الوزراء") == "cabinet"
    assert english_gloss("مجلس الوزراء السعودي") == "Saudi cabinet"
    orgs = _orgs("وقال جيش الدفاع الإسرائيلي إن الصواريخ سقطت في مناطق مفتوحة.")
    assert orgs["جيش الدفاع الإسرائيلي"].kb_id == "org:idf"          # Israel Defense Forces, not a gloss


def test_wikinews_is_an_outlet():
    orgs = _orgs("He told Wikinews that the decision was wrong.", lang="en")
    assert orgs["Wikinews"].kb_id == "outlet:wikinews"


def test_a_preposition_or_an_indefinite_head_makes_no_name():
    assert not _orgs("وأرسلت كتيبة من المشاة إلى الجبهة.")            # "a battalion of infantry"
    assert not any("من" in t.split() for t in _orgs("ووصلت قوات من الجيش إلى المدينة."))
    assert not _orgs("عندما غزا جيشٌ من البط الإنترنت.")              # an army of ducks
    assert "هيئة تحرير الشام" in _orgs("وقالت هيئة تحرير الشام إن مقاتليها انسحبوا.")


def test_a_branch_of_the_armed_forces_with_its_nation():
    assert "سلاح الجو الإسرائيلي" in _orgs("وقصف سلاح الجو الإسرائيلي مواقع في ريف دمشق.")
    assert "البحرية الأمريكية" in _orgs("وأعلنت البحرية الأمريكية أن المدمرة وصلت.")
    assert "البحرية الملكية" in _orgs("أطلق وعد البحرية الملكية بإجراء ترتيبات جديدة.")
    assert not _orgs("وقال إن سلاح الجو نفذ غارات على المدينة.")          # no nation: a description
    assert not _orgs("وتمتد الحدود البحرية السعودية مئات الكيلومترات.")   # an adjective after a noun
    assert not _orgs("ونفذت المقاتلات البحرية الروسية طلعات.")
    assert "مشاة البحرية الأمريكية" in _orgs("وقال مشاة البحرية الأمريكية إنهم انسحبوا.")   # not cut to the navy
    assert "خفر السواحل اليوناني" in _orgs("وأنقذ خفر السواحل اليوناني مهاجرين قرب الجزيرة.")
