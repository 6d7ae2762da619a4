"""A report that names its own day ("اليوم الجمعة", "أمس الخميس") is anchored on it inside its crawl window
(riwaya/timex/retrieved.py own_day), and the reconciler reads such times (anchor25)."""
from datetime import date

from riwaya.reconcile import timeiv
from riwaya.reconcile.conflicts import time_weekdays
from riwaya.reconcile.values import deictic
from riwaya.timex import tag_times
from riwaya.timex.retrieved import own_day, window_bounds

SAT = "2015-08-08"      # a Saturday: the crawl window is Thursday 6 to Saturday 8 August


def _by_text(text, retrieved=SAT):
    return {m.text: m.value for m in tag_times(text, retrieved=retrieved)}


def test_own_day_picks_the_one_day_of_a_weekday_in_the_window():
    r = date(2015, 8, 8)
    assert own_day(r, 2, [4]) == date(2015, 8, 7)                    # Friday
    assert own_day(r, 2, [4, 4, date(2015, 8, 7)]) == date(2015, 8, 7)
    assert own_day(r, 2, []) is None
    assert own_day(r, 2, [6]) is None                                # Sunday: not in the window
    assert own_day(r, 2, [4, 3]) is None                             # two days named: left as it is
    assert own_day(r, 2, [None]) is None                             # a void cue


def test_today_with_its_weekday_makes_yesterday_one_day():
    v = _by_text("قال مسؤول أمني اليوم الجمعة إن قوات التحالف قصفت أمس مواقع للحوثيين في صنعاء.")
    today, yesterday = v["اليوم الجمعة"], v["أمس"]
    assert today.earliest[:10] == today.latest[:10] == "2015-08-07"
    assert yesterday.earliest[:10] == yesterday.latest[:10] == "2015-08-06"
    assert today.anchor.startswith("own-day:2015-08-07")


def test_yesterday_with_its_weekday_names_the_day_after_it():
    v = _by_text("وكانت الطائرات قد شنت أمس الخميس غارات على مواقع في عدن، وتجددت الاشتباكات صباح اليوم.")
    assert v["أمس الخميس"].latest[:10] == "2015-08-06"
    assert v["صباح اليوم"].earliest[:10] == v["صباح اليوم"].latest[:10] == "2015-08-07"


def test_a_dated_today_anchors_and_a_wrong_weekday_voids_it():
    v = _by_text("وصل وزير الخارجية مساء اليوم الجمعة 7 أغسطس إلى جدة، بعد أن غادر القاهرة أمس.")
    assert v["أمس"].earliest[:10] == "2015-08-06"
    v = _by_text("وصل وزير الخارجية مساء اليوم الخميس 7 أغسطس إلى جدة، بعد أن غادر القاهرة أمس.")
    assert v["أمس"].earliest[:10] != v["أمس"].latest[:10]           # the window stays


def test_conflicting_or_outside_cues_leave_the_window():
    v = _by_text("قال المتحدث اليوم الجمعة إن الهجوم الذي وقع أمس الجمعة أسفر عن قتلى، وأكد أمس أن")
    assert v["أمس"].anchor.startswith("retrieved:")
    v = _by_text("أعلن التحالف أمس (الأحد) عن غارات جديدة. وقال صباح اليوم إن القوات تقدمت.")
    assert v["صباح اليوم"].anchor.startswith("retrieved:")


def test_a_publication_date_is_not_overridden():
    v = {m.text: m.value for m in tag_times("قال مسؤول اليوم الجمعة إن القوات دخلت المدينة أمس.", anchor="2015-08-08")}
    assert v["أمس"].anchor.startswith("published:")


def test_the_window_is_kept_for_the_merge():
    v = _by_text("قال مسؤول أمني اليوم الجمعة إن قوات التحالف قصفت أمس مواقع للحوثيين في صنعاء.")
    y = v["أمس"]
    lo, hi = window_bounds(y.earliest, y.latest, y.anchor)
    assert (lo[:10], hi[:10]) == ("2015-08-05", "2015-08-07")      # as the crawl window alone gave it
    t = {"earliest": y.earliest, "latest": y.latest, "anchor": y.anchor}
    w, d = timeiv.window_interval(t), timeiv.interval(t)
    assert w[0] < d[0] and w[1] > d[1]
    assert timeiv.window_interval({"earliest": y.earliest, "latest": y.latest, "anchor": "published:2015-08-07"}) \
        == timeiv.interval({"earliest": y.earliest, "latest": y.latest})


def test_deictic_words_with_clitics_and_a_night_with_its_article():
    assert deictic("بالأمس") and deictic("وبالأمس") and deictic("البارحة")
    assert not deictic("ببغداد")
    assert time_weekdays("الليلة الجمعة") == frozenset({3, 4, 5})     # a night names the days on either side
    assert time_weekdays("ليلة الجمعة") == frozenset({3, 4, 5})
    assert time_weekdays("فجر الجمعة") == frozenset({4})


def test_weeks_months_and_a_weekday_alone_read_as_without_the_own_day():
    told = "قال مسؤول اليوم السبت إن الهجمات تصاعدت هذا الأسبوع والشهر الماضي، وكان أعنفها يوم الأحد."
    plain = told.replace("اليوم السبت", "اليوم")
    a = {m.text: m.value for m in tag_times(told, retrieved="2015-08-10")}
    b = {m.text: m.value for m in tag_times(plain, retrieved="2015-08-10")}
    assert a["اليوم السبت"].anchor.startswith("own-day:2015-08-08")
    for k in ("هذا الأسبوع", "الشهر الماضي"):
        assert (a[k].earliest, a[k].latest) == (b[k].earliest, b[k].latest)
    assert a["يوم الأحد"].latest == b["يوم الأحد"].latest
