"""A verb that names ("ما أطلق عليه «إعلان القاهرة»": what is called) is no attack; fired at someone it is."""
from riwaya.analyze import analyze
from riwaya.models import Document


def _events(text):
    return [(e.type, e.trigger) for e in analyze(Document(id="x", text=text)).events]


def test_a_naming_verb_is_no_event():
    assert not [e for e in _events("وأصدر الجانبان ما أطلق عليه «إعلان القاهرة»، وأكدا فيه حرصهما على الأمن.")
                if e[0] == "attack"]
    assert not [e for e in _events("وتقاتل القوات ما يطلق عليها \"المقاومة الشعبية\" في عدن.")
                if e[1] == "يطلق"]


def test_fire_after_the_same_words_is_an_attack():
    assert ("attack", "أطلقوا") in _events("وقال شاهد إن مسلحين أطلقوا عليه النار من سيارة مسرعة أمس.")
    assert ("attack", "وأطلق") in _events("وأطلق المسلحون النار على الجنود في المدينة أمس.")
