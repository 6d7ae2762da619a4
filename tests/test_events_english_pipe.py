"""english.parse_paragraphs parses a document's paragraphs in one nlp.pipe (issue 20): the same parse, token
for token, as one call per paragraph, and each paragraph's Parsed at its own offsets."""
from __future__ import annotations

import pytest

from riwaya.events import english
from riwaya.models import Paragraph

pytestmark = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")

TEXT = ("DAMASCUS (Reuters) - Syrian rebels entered the capital on Sunday, a war monitor said.\n"
        "President Bashar al-Assad fled to Moscow, where he was granted asylum, Russian news agencies reported.\n"
        "Crowds gathered in Umayyad Square.\n"
        "\"We are free,\" one man told reporters, citing the fall of the government.")


def _signature(doc):
    return [(t.idx, t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.is_sent_start, t.lemma_) for t in doc]


def test_piped_paragraphs_parse_as_one_call_each():
    paras, s = [], 0
    for line in TEXT.split("\n"):
        paras.append(Paragraph(s, s + len(line), "en"))
        s += len(line) + 1
    parsed = english.parse_paragraphs(TEXT, paras, [])
    assert sorted(parsed) == [p.start for p in paras]
    nlp = english._nlp()
    lemmatize = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None
    for p in paras:
        one = nlp(TEXT[p.start:p.end], disable=["ner"])
        if lemmatize is not None:
            one = lemmatize(one)
        P = parsed[p.start]
        assert P.doc.text == TEXT[p.start:p.end] and P.off == p.start
        assert _signature(P.doc) == _signature(one)
    assert parsed[paras[2].start].prev is parsed[paras[1].start]
