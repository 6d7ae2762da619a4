"""The CRF's document evidence (ner.features.doc_context) read from a per-word tuple gives what the plain code
gave (issue 20, helper speed11): the same words, the same evidence, each set in the same iteration order (the
CRF adds the attributes in that order)."""
from pathlib import Path

from riwaya.ner import _sentences, tokenize
from riwaya.ner.features import doc_context, word_feats

ROOT = Path(__file__).resolve().parents[1]


def _plain_doc_context(sents):
    """doc_context as it was: word_feats' dict read per token."""
    ev, cnt = {}, {}
    for toks in sents:
        base = [word_feats(t) for t in toks]
        for i, b in enumerate(base):
            s = b["s"]
            if len(s) < 3 or b["sh"] != "A":
                continue
            cnt[s] = cnt.get(s, 0) + 1
            if i:
                p = base[i - 1]
                if p["t"] != "-":
                    ev.setdefault(s, set()).add("dt" + p["t"])
                if p["g"] in ("1", "2") and p["s"] != s:
                    ev.setdefault(s, set()).add("dg")
    for s, n in cnt.items():
        if n >= 2:
            ev.setdefault(s, set()).add("dn4" if n >= 4 else "dn2")
    return ev


def _ordered(ev):
    return [(k, list(v)) for k, v in ev.items()]


def test_the_same_evidence_in_the_same_order_on_real_articles():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus/fall-of-assad").glob("*.txt"))]
    texts.append("قال الرئيس محمد طالباني إن الوزير أحمد سيزور بغداد. وأضاف طالباني أن الرئيس طالباني 2015 ok")
    seen = 0
    for text in texts:
        sents = [[text[s:e] for s, e in sent] for sent in _sentences(text, tokenize(text))]
        got = doc_context(sents)
        assert _ordered(got) == _ordered(_plain_doc_context(sents))
        seen += sum(len(v) for v in got.values())
    assert seen > 50
    assert doc_context([]) == {} and doc_context([[]]) == {}
