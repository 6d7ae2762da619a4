"""ner25 (issue 17): names outside the news. Organisations: a knowledge-base body's one-word name is no common
word without its article, a parliament named with its nation, an organisation that ends before "located",
an organ of a body the knowledge base knows; English: a plural name after "the" is a team."""
from riwaya.analyze import analyze
from riwaya.models import Document


def _ents(text, lang="ar"):
    an = analyze(Document(id="t", text=text, language=lang))
    return {m.text: m for m in an.mentions if not m.generic}


def test_a_common_word_is_no_body_without_the_article_the_body_writes():
    # ميادين "fields" and نصرة "support" are words; the bodies are written الميادين, النصرة
    assert "ميادين" not in _ents("وتخطط المنظمة لتوسيع تعاونها ليشمل ميادين جديدة في المستقبل.")
    assert not any("نصرة" in t for t in _ents("ألقى قصيدته التي يستصرخه فيها لنصرة الأندلس."))
    # the bodies as written stay, and a rare word without its article too (إنتربول = الإنتربول)
    ents = _ents("وقالت قناة الميادين إن جبهة النصرة انسحبت، وأصدرت إنتربول مذكرة.")
    assert any(m.kb_id == "outlet:almayadeen" for m in ents.values())
    assert any(m.kb_id == "org:interpol" for m in ents.values())
