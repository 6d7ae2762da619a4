"""slot25 (issue #14): the slots other than the main actor. A movement's destination far after its trigger
(learned._far_slot, cues.yaml far_slots) and bare Hijri month names as times (timex ar.yaml
hijri_month_direction / hijri_month_framed; a day number before the month keeps its day)."""
from __future__ import annotations

from riwaya.events import learned
from riwaya.models import Argument, EventMention
from riwaya.timex import tag_times


def _event(text: str, trigger: str, typ: str, cls: str) -> EventMention:
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def _far(text: str, trigger: str, typ: str = "arrival", cls: str = "movement", args=(), others=()):
    T = learned.Text(text)
    ev = _event(text, trigger, typ, cls)
    triggers = [(ev.trigger_start, ev.trigger_end)] + [(text.index(w), text.index(w) + len(w)) for w in others]
    a = learned._far_slot(T, ev, "destination", list(args), triggers, [], None, {})
    return a.text if a is not None else None


def test_a_far_destination_after_ila_fills_an_empty_slot():
    text = ("ووصل فلاح أبو ماريا من سكان بيت أمر في منطقة الخليل، إلى المستشفى الأهلي في الخليل فجر أمس.")
    got = _far(text, "ووصل")
    assert got is not None and got.startswith("المستشفى")
    text = "فيما أحيل جميع الممارسين الصحيين الذين ثبت تقصيرهم في الرقابة والإشراف إلى لجنة النظر في المخالفات."
    got = _far(text, "أحيل", "transfer")
    assert got is not None and got.startswith("لجنة")


def test_no_far_destination_past_another_trigger_or_after_a_word_that_makes_none():
    # another happening between: its إلى is its own ("اعتقلوا ... إلى")
    text = "ونقل المسلحون عددا من الذين اعتقلوا في المدينة إلى السجن المركزي."
    assert _far(text, "ونقل", "transfer", others=("اعتقلوا",)) is None
    # "إلى جانب"، "انتقل إلى رحمة الله"، a verbal noun ("فاضطروا إلى استخدام")
    assert _far("وغادر الوفد العاصمة إلى جانب عدد من المرافقين.", "وغادر", "departure") is None
    assert _far("انتقل إلى رحمة الله تعالى الشيخ صالح.", "انتقل", "departure") is None
    assert _far("عندما غادر الجنود المنزل تعرضوا لإلقاء الحجارة فاضطروا إلى استخدام الأسلحة.", "غادر",
                "departure") is None
    # not a movement; too far; a destination the event already has overlaps it
    assert _far("وقتل مسلحون جنديا قبل أن يفروا إلى الجبال.", "وقتل", "killing", "harm") is None
    far = "ووصل الوزير " + " ".join(["بعد"] * 16) + " إلى الرياض."
    assert _far(far, "ووصل") is None
    text = "ووصل الوزير من جدة إلى الرياض."
    s = text.index("الرياض")
    have = [Argument("origin", "جدة الى الرياض", text.index("جدة"), s + 6)]
    assert _far(text, "ووصل", args=have) is None


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
