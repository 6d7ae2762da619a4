"""A speech word after a passive light verb is a verbal noun with no speaker (lead, twenty-sixth session, from the
seventeenth blind sample: «وجرى نقل الجثث» credited a road accident to «الجثث», the bodies, as its teller).
`learned.PASSIVE_NO_SPEAKER`; the light verbs are cues.yaml `passive_aux`."""
import pytest

from riwaya.events import learned
from riwaya.models import DocAnalysis


def _speakers(text):
    sps, _ = learned.speakers(learned.Text(text), DocAnalysis(doc_id="x"), learned._lexicon())
    return [s.text for s in sps]


@pytest.mark.parametrize("text", [
    "وباشرت الفرق الامنية الموقع وجرى نقل الجثث إلى مستشفى جازان.",
    "وتم نقل المصابين إلى المستشفى.",
    "فتم نقل الجرحى إلى مستشفى المدينة.",
])
def test_a_verbal_noun_after_a_passive_light_verb_tells_no_speaker(text):
    assert _speakers(text) == []


def test_speech_and_quoting_verbs_keep_their_speakers():
    assert _speakers("ونقل المصدر عن شهود أن القوات دخلت المدينة.") == ["شهود", "المصدر"]
    assert _speakers("وقال المصدر إن القوات سيطرت على المدينة.") == ["المصدر"]


def test_switch_off_gives_the_old_reading(monkeypatch):
    monkeypatch.setattr(learned, "PASSIVE_NO_SPEAKER", False)
    assert _speakers("وتم نقل المصابين إلى المستشفى.") == ["المصابين"]
