"""Names out of the news domain (ner26, issue 17): a side named by its place in a match report is an
organisation; a loanword is no name; a name ends before a common noun."""
from riwaya.kb import load_kb
from riwaya.ner import recognize

MATCH = """Germany beat Argentina 1-0 in the World Cup final in Brazil. The match went to extra time before \
Mario Goetze scored the winning goal. Argentina's goalkeeper Sergio Romero could not stop it, and fans in \
Germany celebrated. The referee gave no penalty."""

WAR = """Russia beat back an attack near Kherson, the ministry said. Ukraine lost ground in the east, and \
Germany played down the report. The goal of the talks in Geneva was a ceasefire."""


def _typed(text):
    return [(m.type, m.text) for m in recognize(text, "en", load_kb().match(text, "en"))]


def test_a_side_named_by_its_place_is_an_organisation():
    got = _typed(MATCH)
    assert got.count(("organization", "Argentina")) == 2         # "beat Argentina", "Argentina's goalkeeper"
    assert ("organization", "Germany") in got                     # "Germany beat"
    assert ("place", "Brazil") in got                             # "in Brazil": where it was played
    assert ("place", "Germany") in got                            # "fans in Germany": the country


def test_no_team_outside_a_match_report():
    got = _typed(WAR)
    assert not any(t == "organization" and n in ("Russia", "Ukraine", "Germany") for t, n in got)


def _ar(text):
    return [(m.type, m.text) for m in recognize(text, "ar", load_kb().match(text, "ar"))]


def test_a_loanword_the_text_writes_with_the_article_is_no_name():
    got = _ar("وانقلب اتوبيس يقل عمالا على الطريق الصحراوي، وأصيب ركاب الاتوبيس بجروح.")
    assert not any("اتوبيس" in n for _t, n in got)


def test_a_counted_unit_is_no_name():
    got = _ar("وستبلغ دقة الكاميرا الخلفية 20 ميجا بيكسل، والأمامية أربعة ميغابيكسل، بتردد 2.2 جيجا هيرتز.")
    assert not any(t == "person" for t, _n in got)


def test_a_transliterated_name_stays():
    got = _ar("وقال المتحدث إن أباكوموف غادر موسكو أمس.")
    assert ("person", "أباكوموف") in got


def test_names_before_a_verbal_noun():
    assert ("person", "خالد عبدالرحيم") in _ar("ولفت السفير خالد عبدالرحيم الانتباه إلى أن القاهرة تدعم الحل.")
    assert ("person", "سيف الإسلام القذافي") in _ar("وقال سيف الإسلام القذافي إن الحوار مستمر.")
    assert ("person", "فيصل بن خالد") in _ar("والتقى الأمير فيصل بن خالد بالوفد.")


def test_the_tagger_span_ends_before_the_glued_word():
    from riwaya.ner import _unbound_person

    def cut(text, span):
        s = text.index(span)
        a, b = _unbound_person(text, s, s + len(span))
        return text[a:b]
    assert cut("ولفت السفير بدر عبدالعال الانتباه إلى الموقف.", "بدر عبدالعال الانتباه") == "بدر عبدالعال"
    assert cut("وجدد السفير هشام منصور التأكيد على الموقف.", "هشام منصور التأكيد") == "هشام منصور"
    assert cut("استقبله الدكتور أحمد التوفيق وزير الأوقاف.", "أحمد التوفيق") == "أحمد التوفيق"
    assert cut("وقال سيف الإسلام القذافي إن الحوار مستمر.", "سيف الإسلام") == "سيف الإسلام"
    assert cut("ولو أنا فلسطيني أخوك عايش بغزة.", "عايش بغزة") == "عايش بغزة"

