"""The one spoken to after a speech verb ("قال مصدر لوكالة «سبوتنيك»"، "وقال مصدر قضائي لـ"الوطن""، "صرح والد
الفتاة لصحيفة بوراس تيدنغ") is never the teller the rules' record credits (src33, issue 14; GUIDELINE 5: the
teller is the source). Switch: `riwaya.events.extract.ADDRESSEE_NOT_TELLER`; the preposition: attribution.yaml
`addressee_preps`, the outlet heads: `outlet_heads`."""
import importlib

import pytest

from riwaya.analyze import analyze
from riwaya.events.extract import load_lexicon
from riwaya.models import Document
from riwaya.textutil import normalize_ar

X = importlib.import_module("riwaya.events.extract")   # the module (riwaya.events.extract is also a function)


def _record_tellers(text):
    an = analyze(Document(id="d", text=text, language="ar"))
    return [l.get("name") for r in an.attributions for l in r["chain"] if l.get("start") is not None]


@pytest.mark.parametrize("words,addressee", [
    ('مصدر أمني جزائري رفيع لوكاله «سبوتنيك»، امس ان', 'لوكاله «سبوتنيك»'),
    ('مصدر قضايي ل"الوطن" ان المتهم', 'ل"الوطن"'),
    ('ل «عكاظ» مدير جوازات المنطقه', 'ل «عكاظ»'),
    ('المتحدث باسم الوزاره لوكاله فرانس برس ان الشرطه', 'لوكاله فرانس برس ان'),
])
def test_the_addressee_span(words, addressee):
    a = X._addressee(words, load_lexicon())
    assert a is not None and words[a[0]:a[1]] == addressee


@pytest.mark.parametrize("words", [
    "الوزير للصحفيين ان الحكومه",          # spoken to, but no outlet: nothing read
    "مصدر امني ان القوات سيطرت",           # no addressee
])
def test_no_addressee(words):
    assert X._addressee(normalize_ar(words), load_lexicon()) is None


@pytest.mark.parametrize("text,teller,addressee", [
    ("أكد مصدر أمني جزائري رفيع لوكالة «سبوتنيك»، أمس أن مجموعة إرهابية اغتالت ثلاثة من أفراد الدرك الوطني.",
     "مصدر", "سبوتنيك"),
    ('وقال مصدر قضائي لـ"الوطن" إن المتهم قتل زوجته في المنزل.', "مصدر", "الوطن"),
])
def test_the_record_credits_the_teller_not_the_addressee(monkeypatch, text, teller, addressee):
    monkeypatch.setattr(X, "ADDRESSEE_NOT_TELLER", True)
    on = _record_tellers(text)
    assert any(n.startswith(teller) for n in on) and not any(addressee in n for n in on)


def test_switch_off_reads_the_quoted_addressee_as_before(monkeypatch):
    text = "أكد مصدر أمني جزائري رفيع لوكالة «سبوتنيك»، أمس أن مجموعة إرهابية اغتالت ثلاثة من أفراد الدرك."
    monkeypatch.setattr(X, "ADDRESSEE_NOT_TELLER", False)
    assert "سبوتنيك" in _record_tellers(text)


def test_a_source_preposition_names_the_source_not_an_addressee(monkeypatch):
    # "وفقا لـ«سكاي نيوز عربية»": the ل of وفقا لـ opens the source itself
    monkeypatch.setattr(X, "ADDRESSEE_NOT_TELLER", True)
    text = "وأفادت الشرطة، وفقا لـ «سكاي نيوز عربية» بأن النساء تعرضن للضرب."
    assert "سكاي نيوز عربية" in _record_tellers(text)
