"""A trigger word told in a sense that is no happening (trig35, issue #14): an idiom or another sense fixed by the
word after it ("تبادل الخبرات"، "خرجت الوزيرة عن صمتها"، "قطع دابر"، "الأمر الذي")، a support word before the
event word the annotation marks ("عملية تحرير"، "حكم القتل")، a construct's head that makes the phrase a name
("سيارة نقل"، "جيش التحرير"، "منطقة حظر")، control taken back ("واستعادت القوات السيطرة"). The words are cues.yaml
`not_happenings`; `extract._not_happening` reads them; `learned.refine` drops the event with the trigger decision
when `learned.NOT_HAPPENINGS` is on (shipped off: README trig35)."""
import importlib

import pytest

from riwaya.analyze import analyze
from riwaya.events import learned
from riwaya.models import Document

X = importlib.import_module("riwaya.events.extract")


def _no_happening(sentence: str, word: str, typ: str) -> bool:
    """_not_happening for the first token of the sentence that is (or holds) word."""
    lex = X.load_lexicon()
    toks = X._tokens(sentence, 0, len(sentence), "ar")
    i = next(k for k, t in enumerate(toks) if word in t.raw)
    return X._not_happening(toks, i, i + 1, lex["not_happenings"], typ, lex)


@pytest.mark.parametrize("sentence, word, typ", [
    ("وبحث الجانبان تبادل الخبرات في مجال التعليم.", "تبادل", "attack"),
    ("وخرجت الوزيرة عن صمتها أمس.", "وخرجت", "departure"),
    ("وأكد قدرة الجنود على قطع دابر كل من يستهدف الوطن.", "قطع", "siege"),
    ("وأصدر محاميه بيانا يلقي اللوم على الشرطة.", "يلقي", "speech"),
    ("ومن المتضررين الذين سقطت أسماؤهم من كشوفات التعويض.", "سقطت", "fall"),
    ("وهو الأمر الذي أثار غضب السكان.", "الأمر", "order"),
    ("وقال إن مهرجان التمور سيطلق فعالياته في السابع من الشهر.", "سيطلق", "release_of_prisoners"),
    ("وأشار إلى أن عملية تحرير المدينة بدأت فجر اليوم.", "عملية", "attack"),
    ("وقد تم تنفيذ حكم القتل قصاصا بالجاني.", "حكم", "trial"),
    ("ووردت إلى الساحة 1467 سيارة نقل محملة بالتمور.", "نقل", "transfer"),
    ("وتقاتل إلى جانب جيش التحرير الفلسطيني.", "التحرير", "capture"),
    ("وينص الاتفاق على إقامة منطقة حظر جوي.", "حظر", "sanction"),
    ("ووضع صحفيين في مراكز اعتقال عرضة للقصف.", "اعتقال", "arrest"),
    ("ويعد مراقب المباراة ممثل الاتحاد.", "المباراة", "match"),
    ("واستعادت القوات الحكومية السيطرة على المدينة.", "السيطرة", "control"),
])
def test_a_sense_that_is_no_happening(sentence, word, typ):
    assert _no_happening(sentence, word, typ)


@pytest.mark.parametrize("sentence, word, typ", [
    ("وتبادل الطرفان إطلاق النار قرب الحدود.", "وتبادل", "attack"),          # the exchange of fire is one
    ("وخرجت الوزيرة من المبنى أمس.", "وخرجت", "departure"),
    ("وألقى الوزير كلمة في الحفل.", "وألقى", "speech"),                        # a speech, not a blame
    ("وصدر صك شرعي والحكم بقتله تعزيرا.", "والحكم", "trial"),                 # a verdict (ب: exact forms)
    ("وقالت إن عملية استهدفت تجمعات التنظيم.", "عملية", "attack"),           # a verb after it is its own clause
    ("ونقل المصابين إلى المستشفى.", "ونقل", "transfer"),
    ("وأعلن الجيش السيطرة على المدينة.", "السيطرة", "control"),
    ("وسقطت قذيفة على الحي.", "وسقطت", "fall"),
    ("في الموقع وإصابة تسعة أشخاص.", "وإصابة", "injury"),                       # a head with the article is no head
])
def test_the_event_sense_stays(sentence, word, typ):
    assert not _no_happening(sentence, word, typ)


def test_the_switch_drops_the_idiom_with_the_trigger_decision(monkeypatch):
    text = "وخرجت الوزيرة عن صمتها أمس وقالت إن الطائرة كانت متجهة إلى الرياض."
    doc = Document(id="trig35", text=text, language="ar")
    monkeypatch.setattr(learned, "NOT_HAPPENINGS", False)
    off = [e.trigger for e in analyze(doc).events]
    monkeypatch.setattr(learned, "NOT_HAPPENINGS", True)
    on = [e.trigger for e in analyze(doc).events]
    assert "وخرجت" in off and "وخرجت" not in on
    assert [t for t in off if t != "وخرجت"] == on
