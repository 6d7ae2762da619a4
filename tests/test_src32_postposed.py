"""An attribution after the event in its sentence ("..., بحسب ما أفاد مراسلنا"، "حسب ما أعلنت المعارضة")
credits the event when the source model credits none (src32, issue 14; `learned.POSTPOSED_SOURCE`, off as
shipped: Arabic dev has no such case to confirm it). The words after which a speech verb is postposed:
attribution.yaml `postposed_source`."""
import pytest

from riwaya.analyze import analyze
from riwaya.events import learned
from riwaya.models import DocAnalysis, Document, EventMention


def _post(text, trigger):
    T, lex = learned.Text(text), learned._lexicon()
    sps, _ = learned.speakers(T, DocAnalysis(doc_id="x"), lex)
    s = text.index(trigger)
    ev = EventMention("conflict", "attack", trigger, 0, len(text), s, s + len(trigger))
    x = learned._postposed(T, ev, sps, lex)
    return x.text if x is not None else None


@pytest.mark.parametrize("text,trigger,teller", [
    ("اعتقل أكثر من 200 مدرس خلال عملية قمع لمظاهرة في العاصمة طهران، حسب ما أعلنت المعارضة في المنفى.",
     "اعتقل", "المعارضة"),
    ("وشهدت الأطراف الشمالية لعدن معارك عنيفة منذ مساء الثلاثاء، بحسب ما أفاد مراسلنا.", "معارك", "مراسلنا"),
    ("وقتل جندي في إطلاق نار، بحسب ما أوردته قناة محلية.", "وقتل", "قناة محلية"),
])
def test_a_postposed_attribution_names_the_teller(text, trigger, teller):
    assert (_post(text, trigger) or "").startswith(teller)


@pytest.mark.parametrize("text,trigger", [
    # in accordance with (a law, an initiative), not who tells it
    ("وقضت المحكمة بسجنه ومنعه من السفر وفقا للمادة العاشرة من نظام وثائق السفر.", "ومنعه"),
    ("ويتم تحويل الفائض إلى وزارة الدفاع حسب التبعية.", "تحويل"),
    # an attribution in the next sentence tells the next sentence
    ("وقصفت الطائرات مواقع في المدينة. وقال مصدر إن القصف استمر.", "وقصفت"),
])
def test_no_teller_where_the_words_after_tell_nothing(text, trigger):
    assert _post(text, trigger) is None


def test_switch_credits_the_event_end_to_end(monkeypatch):
    text = "اعتقلت قوات الأمن أكثر من 200 مدرس في العاصمة طهران يوم الأربعاء، حسب ما أعلنت المعارضة في المنفى."

    def links():
        ev = next(e for e in analyze(Document(id="d", text=text)).events if e.trigger == "اعتقلت")
        return [l.get("name") for l in ev.attribution.chain if l.get("start") is not None]
    monkeypatch.setattr(learned, "POSTPOSED_SOURCE", False)
    off = links()
    monkeypatch.setattr(learned, "POSTPOSED_SOURCE", True)
    on = links()
    assert any(n.startswith("المعارضة") for n in on)
    assert off == [] or off == on      # off: the model's own reading (none on this sentence as trained)
