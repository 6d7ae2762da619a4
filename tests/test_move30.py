"""An Arabic movement word whose theme is a thing, not a mover, is no movement (move30, issue #14): a figure or a
price that "reaches" or "falls", data, documents and greetings that are "moved" or "sent", a life or a service
that "returns", talks that "reach" a solution, and the senses of تقدم ب (submit), توجه ب (address), نقل عن
(quote), انطلاق + an event (start). The words are cues.yaml `not_movers`; `extract._thing_moves` reads them and
`learned.refine` drops the event with the trigger model's decision (`learned.THING_MOVES`)."""
import importlib

import pytest

from riwaya.analyze import analyze
from riwaya.events import learned
from riwaya.models import Document

X = importlib.import_module("riwaya.events.extract")


def _thing(sentence: str, word: str, typ: str) -> bool:
    """_thing_moves for the first token of the sentence that is (or holds) word."""
    toks = X._tokens(sentence, 0, len(sentence), "ar")
    i = next(k for k, t in enumerate(toks) if word in t.raw)
    return X._thing_moves(toks, i, i + 1, X.load_lexicon()["not_movers"], typ)


@pytest.mark.parametrize("sentence, word, typ", [
    ("حيث وصل عدد المراجعين فيها إلى 410 مراجعين.", "وصل", "arrival"),
    ("وأشار إلى أن حجم إنفاق السياح وصل إلى 76 مليار دولار.", "وصل", "arrival"),
    ("وقال إن الوضع في العراق وصل إلى طريق مسدود.", "وصل", "arrival"),
    ("دخلت سلطنة عمان على خط الوساطة للوصول إلى حل سياسي للأزمة.", "للوصول", "arrival"),
    ("وقال مورغان ستانلي إن أسعار الذهب قد تهبط إلى نحو 800 دولار للأوقية.", "تهبط", "arrival"),
    ("نجح باحثون في نقل البيانات عبر مصابيح الإضاءة.", "نقل", "transfer"),
    ("وطلب الرئيس نقل تحياته إلى أخيه خادم الحرمين الشريفين.", "نقل", "transfer"),
    ("ونقل عنه قوله إن الحزب يمكن أن يكون شريكا.", "ونقل", "transfer"),
    ("ويمكن للأب تسليم الوثائق الأصلية إلى مكتب البريد.", "تسليم", "transfer"),
    ("بما يحقق عودة الاستقرار والشرعية في اليمن.", "عودة", "return"),
    ("وأوضحت الشركة أن العضوين تقدما بطلب الاستقالة.", "تقدما", "deployment"),
    ("مشروع القرار تقدمت به الولايات المتحدة لمجلس الأمن.", "تقدمت", "deployment"),
    ("ونود أن نتوجه بجزيل الشكر لعملائنا.", "نتوجه", "departure"),
    ("وتم تحديد موعد انطلاق المعسكر في مدينة جدة.", "انطلاق", "departure"),
    ("ومع انتشار فيروس كورونا تدنت شعبية الرئيسة.", "انتشار", "deployment"),
])
def test_a_thing_or_another_sense_is_no_movement(sentence, word, typ):
    assert _thing(sentence, word, typ)


@pytest.mark.parametrize("sentence, word, typ", [
    ("وصل الرئيس عبدربه منصور هادي إلى الرياض أمس.", "وصل", "arrival"),
    ("ووصل عدد من الوزراء إلى عدن صباح اليوم.", "ووصل", "arrival"),      # a count of people: movers
    ("وتم نقل المصابين إلى مستشفى المدينة.", "نقل", "transfer"),
    ("وعاد رئيس الوزراء خالد بحاح إلى عدن.", "وعاد", "return"),
    ("وتقدمت القوات نحو مدينة لودر.", "وتقدمت", "deployment"),
    ("ويشار إلى أن المحامين تقدموا بصورة مفاجئة بهذا الطلب.", "تقدموا", "deployment"),   # بصورة: no صور + ه
    ("وتوجه الوزير إلى موسكو.", "وتوجه", "departure"),
    ("وعودة النازحين إلى بيوتهم.", "وعودة", "return"),
    ("وأحبطت الوزارة عملية تهريب كمية من المواد المتفجرة.", "تهريب", "transfer"),
])
def test_a_mover_stays(sentence, word, typ):
    assert not _thing(sentence, word, typ)


def test_the_goal_is_read_for_reaching_and_returning_only():
    s = "وكان الرئيس في زيارته واشنطن الى حل سلمي للنزاع."
    assert _thing("ووصل الوفد إلى حل سلمي للنزاع.", "ووصل", "arrival")
    assert not _thing(s, "زيارته", "visit")


def _types(text):
    return [(e.type, e.trigger) for e in analyze(Document(id="d", text=text)).events]


def test_end_to_end_a_figure_is_dropped_a_journey_kept(monkeypatch):
    figure = "وقالت الوزارة إن المعتمرين الذين وصل عددهم إلى 6 ملايين معتمر هذا العام سيغادرون قريبا."
    journey = "وصل الرئيس اليمني عبدربه منصور هادي إلى الرياض أمس الخميس."
    assert not any(t == "arrival" for t, _ in _types(figure))
    assert ("arrival", "وصل") in _types(journey)
    monkeypatch.setattr(learned, "THING_MOVES", False)
    assert ("arrival", "وصل") in _types(journey)


def test_switch_off_keeps_the_word(monkeypatch):
    text = "نجح باحثون من معهد فراونهوفر في برلين في نقل البيانات عبر مصابيح الإضاءة أمس."
    on = _types(text)
    monkeypatch.setattr(learned, "THING_MOVES", False)
    off = _types(text)
    assert not any(t == "transfer" for t, _ in on)
    assert len(off) >= len(on)
