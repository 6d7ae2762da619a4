"""slot25 (issue #14): the slots other than the main actor. Bare Hijri month names as times (timex ar.yaml
hijri_month_direction / hijri_month_framed; a day number before the month keeps its day). (slot25's far destination,
learned._far_slot, measured off, is removed: benchmarks/README.md.)"""
from __future__ import annotations

from riwaya.timex import tag_times


def _times(text: str, anchor: str = "2015-07-20"):
    return [(t.text, t.value.earliest[:10] if t.value.earliest else None, t.value.latest[:10] if t.value.latest else None)
            for t in tag_times(text, "ar", anchor=anchor)]


def test_a_bare_hijri_month_with_a_direction_or_a_frame_is_a_time():
    # Ramadan 1436 = 2015-06-18 .. 2015-07-16 (Umm al-Qura)
    assert _times("وقتل مئات المدنيين خلال رمضان الماضي") == [("رمضان الماضي", "2015-06-18", "2015-07-16")]
    assert _times("وذكر معارضون أن المدنيين الذين قتلوا خلال رمضان بلغوا 1452") == [
        ("رمضان", "2015-06-18", "2015-07-16")]
    got = _times("تمتد المهلة حتى منتصف شوال الحالي")
    assert len(got) == 1 and got[0][0] == "منتصف شوال الحالي"
    # a month name alone is a person's name ("رمضان عبدالله") or a number (في صفر): no time
    assert _times("وقال رمضان عبدالله إن الوضع هادئ") == []
    assert _times("وانتهت المباراة بالتعادل في صفر") == []


def test_a_hijri_day_before_a_month_with_a_direction_keeps_its_day():
    got = _times("في موعد أقصاه يوم الأربعاء 25 ذي القعدة المقبل", "2015-08-09")
    assert got == [("يوم الأربعاء 25 ذي القعدة المقبل", "2015-09-09", "2015-09-09")]
    assert _times("في 25 ذي القعدة المقبل", "2015-08-09") == [("25 ذي القعدة المقبل", "2015-09-09", "2015-09-09")]
