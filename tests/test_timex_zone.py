"""The UTC offset of a document's clock times, chosen by its place (riwaya/timex/zone.py,
riwaya/data/timex/zones.yaml). Datelines as SaudiNewsNet and the wires write them."""
import pytest

from riwaya.ingest.metadata import with_metadata
from riwaya.models import Document
from riwaya.timex.zone import choose, offset_on


@pytest.fixture(scope="module")
def kb():
    from riwaya.kb import load_kb
    return load_kb()


def doc(text, published=None, language="ar", outlet=None, meta=None):
    return with_metadata(Document(id="z", text=text, language=language, published=published, outlet=outlet,
                                  meta=meta or {}))


# SaudiNewsNet 2015-07-23 (sabq), 2015-07-21 (sabq), 2015-07-27 and 2015-07-22 (aawsat); Reuters' form for Beirut
CAIRO = 'أحمد علي- سبق- القاهرة: عاد تطبيق "iTunes"، المستخدم على أجهزة "آبل" الذكية، إلى العمل من جديد.'
RIYADH = "واس- الرياض: بدأت المديرية العامة للجوازات اليوم الاثنين العمل على تصحيح أوضاع الأشقاء."
LONDON = "لندن - «الشرق الأوسط»: تنطلق النسخة العربية من موقع «هافينغتون بوست» في لندن اليوم."
WASHINGTON = "واشنطن ـ «الشرق الأوسط»: أعلنت الحكومة الأميركية أمس أنها فرضت عقوبات على ثلاثة من زعماء الحزب."
BEIRUT = "BEIRUT, Dec 8 (Reuters) - Lebanese officials said on Sunday that the border crossing had closed at 9 p.m."


@pytest.mark.parametrize("text,published,offset,country", [
    (CAIRO, "2015-07-23", "+02:00", "EG"),          # Egypt kept no summer time in 2015
    (CAIRO, "2024-07-01", "+03:00", "EG"),          # and has again since 2023
    (CAIRO, "2024-12-08", "+02:00", "EG"),
    (RIYADH, "2015-07-21", "+03:00", "SA"),
    (LONDON, "2015-07-27", "+01:00", "GB"),         # British Summer Time
    (LONDON, "2024-12-08", "+00:00", "GB"),
    (WASHINGTON, "2015-07-22", "-04:00", "US"),
    (WASHINGTON, "2024-12-08", "-05:00", "US"),
    (BEIRUT, "2024-12-08", "+02:00", "LB"),
    (BEIRUT, "2024-07-08", "+03:00", "LB"),
])
def test_dateline_place_chooses_the_zone(kb, text, published, offset, country):
    z = choose(doc(text, published, language="en" if text is BEIRUT else "ar"), kb)
    assert (z.offset, z.rule) == (offset, "dateline"), z
    assert country in z.why and published in z.why


def test_without_a_date_the_standard_offset(kb):
    z = choose(doc(BEIRUT, None, language="en"), kb)
    assert (z.offset, z.rule) == ("+02:00", "dateline") and "no date" in z.why


def test_metadata_wins(kb):
    z = choose(doc(CAIRO, "2024-12-08", meta={"tz": "+05:00"}), kb)
    assert (z.offset, z.rule) == ("+05:00", "metadata")


def test_publisher_country_in_its_own_language(kb):
    z = choose(doc("Officials said on Sunday the talks would resume.", "2024-12-08", "en", outlet="Reuters"), kb)
    assert (z.offset, z.rule) == ("+00:00", "publisher") and "GB" in z.why
    z = choose(doc("أعلنت الحكومة أمس أنها فرضت عقوبات.", "2024-12-08", outlet="الشرق الأوسط"), kb)
    assert (z.offset, z.rule) == ("+03:00", "publisher") and "SA" in z.why


def test_an_arabic_desk_abroad_keeps_the_language_default(kb):
    # Alhurra (US) writes Arabic news for the Middle East: Washington's clock says nothing of its times
    z = choose(doc("قال مسؤول إن الطائرة أقلعت الساعة 1:30 صباحا.", "2024-12-08", outlet="الحرة"), kb)
    assert (z.offset, z.rule) == ("+03:00", "language")


def test_unknown_place_and_no_outlet_fall_to_the_language(kb):
    z = choose(doc("بلدة مجهولة - «سبق»: أعلن الدفاع المدني.", "2024-12-08"), kb)
    assert z.rule in ("language", "publisher") and z.offset == "+03:00"
    assert choose(doc("no place here", None, "en"), kb).rule == "language"


def test_zoneinfo_missing_falls_back_to_the_table():
    assert offset_on("Nowhere/Atlantis", __import__("datetime").date(2024, 12, 8), "+02:00")[0] == "+02:00"


def test_analysis_uses_and_shows_the_zone():
    from riwaya.analyze import analyze
    an = analyze(doc(WASHINGTON, "2015-07-22"))
    assert an.zone["rule"] == "dateline" and an.zone["offset"] == "-04:00"
    amss = [t for t in an.times if t.text == "أمس"]
    assert amss and amss[0].value.earliest == "2015-07-21T00:00:00-04:00" and amss[0].value.tz == "-04:00"
    en = analyze(doc(BEIRUT, "2024-12-08", language="en"))
    nine = next(t for t in en.times if "9 p.m." in t.text)
    assert nine.value.earliest.startswith("2024-12-08T21:00") and nine.value.earliest.endswith("+02:00")


def test_analyze_text_names_the_zone_and_its_rule(tmp_path):
    from click.testing import CliRunner
    from riwaya.cli import main
    f = tmp_path / "a.txt"
    f.write_text("القاهرة - 8 ديسمبر (رويترز) - قال مسؤولون إن الطائرة أقلعت الساعة 9:30 مساء أمس.\n", "utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2024-12-08"}', "utf-8")
    r = CliRunner().invoke(main, ["analyze", "--format", "text", str(f)])
    assert r.exit_code == 0, r.output
    assert "clock times at +02:00, by dateline: القاهرة: EG" in r.output
    assert "2024-12-07T21:30:00+02:00" in r.output


@pytest.mark.parametrize("meta,published,language,outlet", [
    ({"dateline": {"start": 0, "end": 1, "place": "\u202e\x00" * 50}}, "not a date", "ar", "\x00"),
    ({"dateline": {"start": 0, "end": 1, "place": 42}, "tz": "+3"}, "2024-13-45", "fr", None),
    ({"dateline": None, "tz": None}, None, "und", ""),
])
def test_odd_metadata_never_raises(kb, meta, published, language, outlet):
    d = Document(id="z", text="x", language=language, published=published, outlet=outlet, meta=meta)
    z = choose(d, kb)
    assert z.offset == "+03:00" and z.rule in ("language", "default")
    assert choose(d, None).offset == "+03:00"       # no knowledge base: no place, no outlet
