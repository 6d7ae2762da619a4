"""riwaya.timex on sentences from real text: the seed articles (fall of Assad,
Dec 2024), SaudiNewsNet (short excerpts, 2015) and UD Arabic PUD."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from riwaya.timex import tag_times

SEEDS = Path("/work/shared/seeds")
PUB = "2024-12-08"


def D(day: str, t0: str = "00:00:00", t1: str = "23:59:59") -> tuple[str, str]:
    return f"{day}T{t0}+03:00", f"{day}T{t1}+03:00"


def one(text: str, span: str, anchor: str | None = PUB, **kw):
    ms = tag_times(text, anchor=anchor, **kw)
    hits = [m for m in ms if m.text == span]
    assert hits, f"{span!r} not found in {[m.text for m in ms]}"
    m = hits[0]
    assert text[m.start:m.end] == m.text
    return m.value


def iv(v) -> tuple[str | None, str | None]:
    return v.earliest, v.latest


# ---------------------------------------------------------------- months, namings, ordinals
@pytest.mark.parametrize("text,span,expected", [
    ("في ديسمبر/كانون الأول 2024، انهار حكم", "ديسمبر/كانون الأول 2024", D("2024-12-01")[:1] + D("2024-12-31")[1:]),
    ("وفي 5 كانون الأول، سقطت مدينة حماة", "5 كانون الأول", D("2024-12-05")),
    ("في 30 نوفمبر 2024، شهدت حلب انشقاقات", "30 نوفمبر 2024", D("2024-11-30")),
    ("الموعد 12 غشت 2024 في الرباط", "12 غشت 2024", D("2024-08-12")),                 # Maghrebi
    ("انطلقت في 3 شتنبر 2024", "3 شتنبر 2024", D("2024-09-03")),
    ("يوم 7 دجنبر 2024", "7 دجنبر 2024", D("2024-12-07")),
    ("في 14 يوليه 2024", "14 يوليه 2024", D("2024-07-14")),                          # Egyptian
    ("في 8 إبريل 2024", "8 إبريل 2024", D("2024-04-08")),
    ("الخامس من شهر يوليو (تموز) الحالي", "الخامس من شهر يوليو (تموز) الحالي", D("2015-07-05")),
    ("في الحادي والثلاثين من ديسمبر 2023", "الحادي والثلاثين من ديسمبر 2023", D("2023-12-31")),
    ("في ٨ ديسمبر ٢٠٢٤ سقط", "٨ ديسمبر ٢٠٢٤", D("2024-12-08")),                      # Eastern Arabic digits
    ("في ۸ دسامبر", None, None),                                                     # Persian month name: not read
])
def test_gregorian_months(text, span, expected):
    anchor = "2015-07-21" if "تموز" in text else PUB
    if span is None:
        assert all(m.value.earliest is None or "۸" not in m.text for m in tag_times(text, anchor=anchor))
        return
    assert iv(one(text, span, anchor)) == expected


def test_diacritics_tatweel_and_glued_punctuation():
    v = one("مساءَ يومِ السبتِ، 7 كانـــون الأول", "مساءَ يومِ السبتِ، 7 كانـــون الأول")
    assert iv(v) == D("2024-12-07", "17:00:00", "23:59:59")


# ---------------------------------------------------------------- Hijri and Solar Hijri
def test_hijri_dates():
    assert iv(one("وذلك يوم الخميس 12 من ذي القعدة ١٤٣٦هـ، الموافق", "يوم الخميس 12 من ذي القعدة ١٤٣٦هـ", "2015-07-27")) == D("2015-08-27")
    assert iv(one("الموافق 28 / 10 / 1436 هـ .", "28 / 10 / 1436 هـ", "2015-08-09")) == D("2015-08-13")
    assert iv(one("صدر في 15 رمضان 1436هـ", "15 رمضان 1436هـ", "2015-07-21")) == D("2015-07-02")
    v = one("خلال العام 1435، وتحدث رئيس", "العام 1435", "2015-08-07")          # a 13xx/14xx year is Hijri
    assert iv(v) == (D("2013-11-04")[0], D("2014-10-24")[1])


def test_solar_hijri():
    v = one("في 18 آذر 1403 أعلنت طهران", "18 آذر 1403")
    assert v.earliest.startswith("2024-12-08")


# ---------------------------------------------------------------- clock times and parts of day (seeds)
def test_clock_pinned_to_written_date():
    t = "بعد منتصف الليل، وتحديدًا في الساعة 1:30 صباح الثامن من ديسمبر 2024، أقلعت طائرة"
    v = one(t, "الساعة 1:30 صباح الثامن من ديسمبر 2024", anchor=None)
    assert iv(v) == D("2024-12-08", "01:30:00", "01:30:00") and v.precision == "minute"


def test_pm_clock_on_narrative_day():
    t = ("وفقاً للتقرير، شهد يوم السابع من كانون الأول تطورات سريعة في الميدان السوري. "
         "في الساعة 6:58 مساءً، أصدر القصر الرئاسي بيانًا مضللًا")
    v = one(t, "الساعة 6:58 مساءً")
    assert iv(v) == D("2024-12-07", "18:58:00", "18:58:00")
    assert v.anchor == "narrative:2024-12-07"


def test_dawn_clock_and_weekday():
    v = one("بحلول الساعة 2:30 فجر الأحد 8 كانون الأول، كان القصر", "الساعة 2:30 فجر الأحد 8 كانون الأول")
    assert iv(v) == D("2024-12-08", "02:30:00", "02:30:00")
    v = one("وتجاوزت الطائرة الساعه الـ3 فجرا، وتقلع", "الساعه الـ3 فجرا")
    assert v.earliest.endswith("T03:00:00+03:00")


def test_night_of_the_seventh():
    v = one("في ليلة السابع من ديسمبر 2024، نُقل الأسد سرًّا", "ليلة السابع من ديسمبر 2024", anchor=None)
    assert iv(v) == ("2024-12-07T18:00:00+03:00", "2024-12-08T05:59:59+03:00")
    assert v.precision == "part_of_day" and v.anchor == "absolute"


def test_after_midnight_and_evening_of_saturday():
    assert iv(one("بعد منتصف ليل 8 كانون الأول 2024، وبينما", "بعد منتصف ليل 8 كانون الأول 2024")) == D("2024-12-08", "00:00:00", "05:59:59")
    assert iv(one("من حمص مساء يوم السبت، 7 كانون الأول، تحركت", "مساء يوم السبت، 7 كانون الأول")) == D("2024-12-07", "17:00:00", "23:59:59")
    assert iv(one("شهدت دمشق صباح الأحد 8 كانون الأول 2024 مرحلة", "صباح الأحد 8 كانون الأول 2024")) == D("2024-12-08", "05:00:00", "11:59:59")


def test_early_hours_and_before_sunrise():
    t = ("قبل هروبه إلى روسيا فجر الأحد، 8 كانون الأول 2024. غادر الأسد المكان ومن ثم إلى موسكو قبل شروق الشمس. "
         "حتى وصلنا إلى الساعات الأولى من صباح 8 كانون الأول، عندما انتشر خبر")
    ms = {m.text: m.value for m in tag_times(t, anchor=PUB)}
    assert iv(ms["قبل شروق الشمس"]) == D("2024-12-08", "00:00:00", "06:29:59")
    assert iv(ms["الساعات الأولى من صباح 8 كانون الأول"]) == D("2024-12-08", "00:00:00", "05:59:59")
    assert iv(ms["فجر الأحد، 8 كانون الأول 2024"]) == D("2024-12-08", "03:00:00", "05:59:59")


# ---------------------------------------------------------------- weekdays and relative expressions
def test_weekdays_and_relatives():
    assert iv(one("يتوجه منها إلى تركيا يوم الثلاثاء المقبل. كما", "يوم الثلاثاء المقبل")) == D("2024-12-10")
    assert iv(one("في يوم الجمعة، كان التواصل مستمراً", "يوم الجمعة")) == D("2024-12-06")
    # SaudiNewsNet: crawl date 2015-07-21 (Tuesday); the parenthesis names the day
    assert iv(one("والذي انطلق أمس (الأحد) في سويسرا", "أمس (الأحد)", "2015-07-21")) == D("2015-07-19")
    assert iv(one("توفي مساء أمس نتيجة انتكاس", "مساء أمس", "2015-07-21")) == D("2015-07-20", "17:00:00", "23:59:59")
    assert iv(one("الخطة الأسبوع الماضي", "الأسبوع الماضي", "2015-07-21")) == D("2015-07-13")[:1] + D("2015-07-19")[1:]
    assert iv(one("والعودة إلى لندن في اليوم التالي.", "في اليوم التالي", "2015-07-21")) == D("2015-07-22")
    assert iv(one("التوقيع قبل أسبوع", "قبل أسبوع", "2015-07-21")) == D("2015-07-14")


def test_that_day_is_the_narrative_date():
    t = "بدأت في 27 تشرين الثاني عندما سقطت مدينة حلب. في ذلك اليوم، كان الأسد في موسكو"
    assert iv(one(t, "في ذلك اليوم")) == D("2024-11-27")
    assert one(t, "27 تشرين الثاني").anchor.startswith("narrative:") or one(t, "27 تشرين الثاني").anchor.startswith("published:")


def test_inferred_anchor_without_publication_date():
    t = "هروبه فجر الأحد، 8 كانون الأول 2024. ويتوجه إلى تركيا يوم الثلاثاء المقبل."
    v = one(t, "يوم الثلاثاء المقبل", anchor=None)
    assert v.anchor == "inferred:2024-12-08" and iv(v) == D("2024-12-10")


def test_unanchored_stays_open():
    v = one("قالت ميليس خلال مقابلة يوم الخميس مع قناة", "يوم الخميس", anchor=None)   # PUD
    assert v.earliest is None and v.latest is None


# ---------------------------------------------------------------- years, seasons, decades, ranges, durations
def test_years_seasons_decades_ranges():
    assert iv(one("حين خرج المواطنون في ربيع عام 2011 مطالبين", "ربيع عام 2011")) == (D("2011-03-01")[0], D("2011-05-31")[1])
    v = one("تولى رئاسة سوريا منذ عام 1971 وحتى وفاته في عام 2000، ليخلفه", "منذ عام 1971 وحتى وفاته في عام 2000")
    assert iv(v) == (D("1971-01-01")[0], D("2000-12-31")[1])
    assert iv(one("وكانت القلعة مهدمة حتى نهاية الثمانينات عندما", "نهاية الثمانينات"))[1] == D("1989-12-31")[1]
    assert iv(one("كأنها صورٌ من السبعينيات.", "السبعينيات")) == (D("1970-01-01")[0], D("1979-12-31")[1])   # PUD
    assert iv(one("التي افتتحت عام 2004.", "عام 2004")) == (D("2004-01-01")[0], D("2004-12-31")[1])          # PUD


@pytest.mark.parametrize("text,span,value", [
    ("مع مرور نحو 14 عاماً من الثورة", "نحو 14 عاماً", "P14Y"),
    ("وقرابة ستة عقود من حكم النظام", "قرابة ستة عقود", "P60Y"),
    ("لنظام الأسد على مدى خمسة عقود، لجأ", "على مدى خمسة عقود", "P50Y"),
    ("تفاصيل عن آخر 24 ساعة قضاها", "24 ساعة", "PT24H"),
    ("وخلال يومين، تقدمت القوات", "خلال يومين", "P2D"),
    ("وبعد ساعات قليلة من مغادرة الأسد", "بعد ساعات قليلة", "PTXH"),
    ("استمرت لما يقرب من أربعة عشر عامًا.", "لما يقرب من أربعة عشر عامًا", "P14Y"),
    ("لأكثر من نصف قرن، حيث", "لأكثر من نصف قرن", "P50Y"),
    ("سيستغرقون نحو أربع دقائق لعبور نهر", "نحو أربع دقائق", "PT4M"),          # PUD
])
def test_durations(text, span, value):
    v = one(text, span)
    assert v.kind == "duration" and v.value == value and v.earliest is None


def test_contracts_are_not_decades():
    assert tag_times("يجني المشروع أمواله من خلال عقود الرعاية والإعلانات.") == []   # PUD


# ---------------------------------------------------------------- English paragraphs
def test_english():
    t = ("just before he fled to Russia on the morning of Sunday, December 8, 2024. According to the report, "
         "December 7 marked rapid developments.\nAt 6:58 PM, a misleading statement was issued.\n"
         "By 2:30 AM on Sunday, December 8, the palace was empty, and then to Moscow before dawn.\n"
         "By noon, the opposition had taken Damascus. It will continue to Turkey on the upcoming Tuesday.")
    ms = {m.text: m.value for m in tag_times(t, lang="en", anchor=PUB)}
    assert iv(ms["the morning of Sunday, December 8, 2024"]) == D("2024-12-08", "05:00:00", "11:59:59")
    assert iv(ms["6:58 PM"]) == D("2024-12-07", "18:58:00", "18:58:00")
    assert iv(ms["2:30 AM on Sunday, December 8"]) == D("2024-12-08", "02:30:00", "02:30:00")
    assert iv(ms["before dawn"])[0].startswith("2024-12-08")
    assert ms["noon"].earliest == "2024-12-08T12:00:00+03:00"
    assert iv(ms["on the upcoming Tuesday"]) == D("2024-12-10")


# ---------------------------------------------------------------- whole seeds: offsets and speed
@pytest.mark.skipif(not SEEDS.exists(), reason="seed articles not available")
def test_seed_offsets_and_speed():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    tag_times(texts[0], anchor=PUB)
    t0 = time.thread_time()            # this thread's CPU: no wall clock (load), no other threads (pools)
    n = 0
    for t in texts:
        for m in tag_times(t, anchor=PUB):
            assert t[m.start:m.end] == m.text
            n += 1
    assert n >= 50
    assert (time.thread_time() - t0) / len(texts) < 0.05


# ---------------------------------------------------------------- feasts, spans of years, day ranges (SaudiNewsNet)
def test_feasts_year_spans_and_day_ranges():
    assert iv(one("على الكرونيش ثاني أيام عيد الفطر. ما أثار", "ثاني أيام عيد الفطر", "2015-07-22")) == D("2015-07-18")
    assert iv(one("للعام الدراسي القادم 1436/1437هـ .", "1436/1437هـ", "2015-08-07")) == (D("2014-10-25")[0], D("2016-10-01")[1])
    assert iv(one("قبيل نهاية موسم 2013-2014.", "2013-2014", "2015-08-09")) == (D("2013-01-01")[0], D("2014-12-31")[1])
    assert iv(one("التي ستعقد من 23 الى 25 ايلول/سبتمبر", "23 الى 25 ايلول/سبتمبر", "2015-07-23")) == (D("2015-09-23")[0], D("2015-09-25")[1])
    v = one("وذلك بعد 3 ايام على هجوم", "بعد 3 ايام", "2015-07-24")
    assert v.kind == "duration" and v.value == "P3D"
    assert [m.text for m in tag_times("هم في أمس الحاجة لمثل هذه", anchor="2015-08-04")] == []


def test_dates_past_the_calendar_stay_open_and_old_years_are_valid_iso():
    # found on SaudiNewsNet: arithmetic before year 1 crashed; years before 1000 were written unpadded
    m = tag_times("وهي مدينة بنيت قبل 3000 عام على ضفاف النهر", anchor="2015-08-01")
    assert m and m[0].value.earliest is None and m[0].value.latest is None
    from datetime import datetime
    from riwaya.timex.tagger import _iso
    assert _iso(datetime(616, 1, 1), "+03:00") == "0616-01-01T00:00:00+03:00"


# ---------------------------------------------------------------- a section heading moves the story on
def test_time_of_day_after_a_heading_is_open_ended():
    """Seed 001 (no publication date): "30 نوفمبر 2024", then the heading
    "انسحاب صامت لبشار الأسد" and "ليلة السقوط … الساعه الـ3 فجرا". The night is
    not the 30th: after a heading the last date is only a lower bound."""
    text = (Path(__file__).parents[1] / "corpus/fall-of-assad/001_208c52477ec2b0a9.txt").read_text(encoding="utf-8")
    got = {m.text: m.value for m in tag_times(text, anchor=None)}
    three = got["الساعه الـ3 فجرا"]
    assert three.earliest == "2024-11-30T03:00:00+03:00" and three.latest is None
    assert three.anchor.startswith("narrative-after")
    assert got["30 نوفمبر 2024"].latest == "2024-11-30T23:59:59+03:00"
    # a month named after the heading is still closed
    assert got["أوائل ديسمبر"].latest is not None


def test_twelve_at_night_is_midnight_not_noon():
    # "at twelve at night on Thursday" (Thursday the 6th): the midnight that ends Thursday, not Thursday noon
    [m] = tag_times("وقع الانفجار في الساعة الثانية عشرة ليلا يوم الخميس", anchor="2015-08-06")
    assert m.value.earliest == "2015-08-07T00:00:00+03:00"
    [m] = tag_times("الساعة الثانية عشرة ظهرا", anchor="2015-08-06")
    assert m.value.earliest == "2015-08-06T12:00:00+03:00"
