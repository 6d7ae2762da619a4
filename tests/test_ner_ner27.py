"""Names out of the news domain (ner27, issue 17): a transliterated name a little commoner than the rare-word
bar (رمسيس, هومر) is a name when its letters are a name's and it takes no article; a foreign word after a
place and a comma is that place's state or country."""
from riwaya.kb import load_kb
from riwaya.ner import _foreign_band, _rules, recognize


def _ar(text):
    return [(m.type, m.text) for m in recognize(text, "ar", load_kb().match(text, "ar"))]


def test_a_commoner_transliterated_name_in_the_band():
    th = _rules()["foreign_name_zipf"]
    assert _foreign_band("رمسيس", th)
    assert _foreign_band("هومر", th)


def test_common_words_in_the_band_are_no_names():
    th = _rules()["foreign_name_zipf"]
    # a noun or adjective that takes the article, an accusative, a sound plural, verbs, a conjunction
    for w in ("توريد", "شبان", "إسباني", "ليبية", "سلبيا", "سالمين", "بادر", "أودى", "لاسيما"):
        assert not _foreign_band(w, th), w


def test_a_band_name_in_a_sentence_is_a_person():
    got = _ar("وبعد الحصار عاد رمسيس إلى طيبة مع جيشه.")
    assert ("person", "رمسيس") in got


def test_a_time_zone_is_no_name():
    got = _ar("وهبط السعر الساعة 0608 بتوقيت جرينتش بعد التداولات.")
    assert not any("جرينتش" in n for _t, n in got)


def test_a_state_after_its_city_is_a_place():
    got = _ar("وانتقلت الأسرة إلى ناشفيل، تينيسي عام 1991.")
    assert not any(t == "person" and "تينيسي" in n for t, n in got)


def test_a_word_of_a_cluster_of_places_is_a_place():
    from riwaya.ner import _place_cluster
    assert _place_cluster("كانساس") and _place_cluster("تينيسي")
    assert not _place_cluster("كامبل") and not _place_cluster("رمسيس")
    got = _ar("وكان السؤال هل تنضم كانساس إلى الاتحاد ولاية حرة.")
    assert not any(t == "person" and "كانساس" in n for t, n in got)
