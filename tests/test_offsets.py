"""Spans mean what the components read. A mapped span's text is set from the original document, so
comparing the two proves nothing; these tests run the components on the clean text themselves and check
that every span mapped back to the original reads the same characters the component read (wherever no
repair changed them), on random text and on the bundled articles."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from riwaya.analyze import components
from riwaya.ingest.prepare import prepare
from riwaya.ingest.readers import doc_id
from riwaya.models import Document
from tests.conftest import corpus_dir  # noqa: F401  (fixture)
from tests.test_robustness import ar_text


def _check(text: str, published: str | None = "2024-12-08") -> int:
    doc = Document(id=doc_id(text), text=text, published=published)
    prep = prepare(doc)
    comps = components()
    clean = prep.clean
    mentions = comps["kb"].match(clean, "ar")
    mentions = comps["ner"](clean, "ar", mentions)
    times = comps["timex"](clean, "ar", doc.published)
    events, _ = comps["events"](clean, mentions, times, prep.paragraphs, None, "ar")
    changed = [(r.start, max(r.end, r.start + 1)) for r in prep.repairs]   # an insertion is 0 wide
    spans = [(m.start, m.end) for m in mentions] + [(t.start, t.end) for t in times]
    spans += [(e.trigger_start, e.trigger_end) for e in events]
    spans += [(a.start, a.end) for e in events for a in e.arguments]
    n = 0
    for s, e in spans:
        if e <= s:
            continue
        os_, oe = prep.to_original(s, e)
        if any(rs < oe and os_ < re_ for rs, re_ in changed):
            continue          # a repaired stretch reads differently by design
        assert text[os_:oe] == clean[s:e], (clean[s:e], text[os_:oe])
        n += 1
    return n


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ar_text.filter(lambda t: t.strip()))
def test_random_text_spans_read_what_was_read(text):
    _check(text)


def test_bundled_articles_spans_read_what_was_read(corpus_dir):  # noqa: F811
    total = sum(_check(p.read_text("utf-8")) for p in sorted(corpus_dir.glob("*.txt")))
    assert total > 500
