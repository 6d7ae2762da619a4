"""English names (issue 20; helper speed31): `ner._english` runs the English pipeline without the components
`EN_NER_SKIP` names (the tagger, the attribute ruler): the same entities as the whole pipeline."""
import pytest

from riwaya import ner

TEXTS = [
    "President Bashar al-Assad left Damascus for Moscow on Sunday, the Kremlin said.",
    "The Magic Circle met in London. Its members, including Penn and Teller, flew in from Las Vegas.",
    "Reuters reported that the United Nations Security Council would meet in New York on Monday.",
    "Hezbollah fighters and the Syrian Arab Army retook Qusayr; Israel struck a convoy near the border.",
]


def _names(monkeypatch, skip):
    monkeypatch.setattr(ner, "EN_NER_SKIP", skip)
    return [ner._english(t) for t in TEXTS]


def test_skipped_components_same_entities(monkeypatch):
    if ner._spacy() is None:
        pytest.skip("no English spaCy model")
    fast = _names(monkeypatch, ("tagger", "attribute_ruler"))
    full = _names(monkeypatch, ())
    assert fast == full
    assert any(t == "person" for found in fast for _, _, t, _ in found)
