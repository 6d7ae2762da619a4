"""The events side's per-document plumbing (issues 14, 17, 20; helper speedev23): each shortcut gives what the
walk it replaces gave, on the bundled seeds and on small Arabic sentences.

- `learned.mention_index`: the mentions of a stretch by bisection, for `trigger_features` (the mention over the
  trigger, the actors near it) and `candidates` (the mentions of the trigger's sentence), against the walk over
  every mention (taken when the mentions come as a tuple, or out of order);
- `learned._cue_of` caches the frame and head tables' look-ups too, `learned._future` each word's verdict (per
  setting of FUTURE_OBJECT), `learned._shape` each token's shape on its Text;
- `propose.propose` with the mentions' tokens found by bisection proposes what it proposes when no word is
  skipped by its bound (`_hopeless`)."""
import dataclasses
import importlib
from pathlib import Path

import pytest

from riwaya.analyze import analyze
from riwaya.ingest.readers import read_paths
from riwaya.models import EntityMention

L = importlib.import_module("riwaya.events.learned")
P = importlib.import_module("riwaya.events.propose")
X = importlib.import_module("riwaya.events.extract")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seeds():
    docs = read_paths([str(ROOT / "corpus/fall-of-assad")])
    out = []
    for d in docs:
        an = analyze(d)
        out.append((d.text, an, L.Text(d.text), sorted(an.mentions, key=lambda m: m.start)))
    assert sum(len(an.events) for _, an, _, _ in out) > 50
    return out


def _cand(c):
    # the rule argument by value: role23's split gives each part a copy of it, made again on every call
    return (c.start, c.end, c.text, c.rule_role, c.etype, c.entity, repr(c.arg) if c.arg is not None else None,
            c.subject)


def test_mention_index_equals_walk_on_seeds(seeds):
    lex = L._lexicon()
    n = 0
    for text, an, T, ms in seeds:
        assert L.mention_index(ms) is not None
        subj = L.subjects(T, an, L.speakers(T, an, lex)[0])
        for ev in an.events:
            assert L.trigger_features(T, ev, lex, ms) == L.trigger_features(T, ev, lex, tuple(ms))
            a = [_cand(c) for c in L.candidates(T, ev, ms, subj)]
            b = [_cand(c) for c in L.candidates(T, ev, tuple(ms), subj)]
            assert a == b
            n += 1
    assert n > 50


def _m(text, word, typ):
    s = text.index(word)
    return EntityMention(text=word, start=s, end=s + len(word), type=typ)


def test_mention_index_small_and_out_of_order():
    text = "وصل الأمير خالد الفيصل إلى جدة. واستقبل نادي الاتفاق الفريق في الدمام."
    T = L.Text(text)
    prince, jeddah = _m(text, "الأمير خالد الفيصل", "person"), _m(text, "جدة", "place")
    club, dammam = _m(text, "نادي الاتفاق", "organization"), _m(text, "الدمام", "place")
    ms = [prince, jeddah, club, dammam]
    ix = L.mention_index(ms)
    assert ix is not None and ix.between(0, text.index(".")) == [prince, jeddah]
    assert ix.between(text.index("."), len(text)) == [club, dammam]
    assert L.mention_index([club, prince]) is None        # out of order: its callers walk it
    assert L.mention_index(()) is None and L.mention_index([]) is not None
    lex = L._lexicon()
    s = text.index("الاتفاق")
    ev = L.EventMention(cls="other", type="agreement", trigger="الاتفاق", start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len("الاتفاق"))
    f = L.trigger_features(T, ev, lex, ms)
    assert "ent=organization" in f and f == L.trigger_features(T, ev, lex, tuple(ms))
    assert f == L.trigger_features(T, ev, lex, [club, prince, dammam, jeddah])     # unsorted: the walk


def test_cue_tables_and_future_cached():
    words = ["سيعقدون", "ستبدأ", "وستشيع", "سيارة", "سنوات", "سيواجه", "ستقدمه", "سيطرة", "يخططون", "تعهدت",
             "خطتها", "رفضت", "يعتزم", "وطالبت", "حذر", "قادرة", "الاجتماع"]
    for table in (L._modality(), L._modality_heads(), L._modality_frames()):
        for w in words:
            n = L.normalize_ar(w)
            assert L._cue_of(n, table) == L._cue_lookup(n, table)
            assert L._cue_of(n, table) == L._cue_lookup(n, table)      # the cached answer
    old = L.FUTURE_OBJECT
    try:
        for setting in (True, False, True):
            L.FUTURE_OBJECT = setting
            for w in words:
                n = L.normalize_ar(w)
                assert L._future(n) == L._future_of(n)
    finally:
        L.FUTURE_OBJECT = old


def test_shape_kept_on_text(seeds):
    for text, an, T, ms in seeds[:2]:
        fresh = L.Text(text)
        for k in range(-1, len(T.toks) + 1):
            expect = "<none>" if not 0 <= k < len(T.toks) else L._shape_of(text[T.toks[k].start:T.toks[k].end])
            assert L._shape(fresh, k) == expect == L._shape(fresh, k)


def test_propose_bound_equals_full_scoring(seeds):
    """The proposer skips words its bound rejects (`_hopeless`): with no bound (every word
    scored in full) it proposes the same words, types and stems."""
    lex = X.load_lexicon()
    sents = []
    for text, an, T, ms in seeds:
        for a, b in X._sentences(text, 0, len(text)):
            toks = X._tokens(text, a, b, "ar")
            sents.append((toks, a == 0, [m for m in ms if a <= m.start < b]))
    assert len(sents) > 100
    got = [P.propose(toks, h, m, lex) for toks, h, m in sents]
    assert any(got)
    P._Cache.check(lex, P.model())
    saved = P._Cache.rest
    try:
        P._Cache.rest = float("inf")      # the bound never holds: every candidate word scored in full
        full = [P.propose(toks, h, m, lex) for toks, h, m in sents]
    finally:
        P._Cache.rest = saved
    assert got == full
    # and each word's mention (its "ent=" feature), found by bisection, is the walk's: the last mention over it
    rec = []
    P.RECORD = rec
    try:
        n = 0
        for toks, h, m in sents:
            del rec[:]
            P.propose(toks, h, m, lex)
            for s, e, feats, _known in rec:
                walk = "none"
                for x in m:
                    if x.start <= s < x.end:
                        walk = x.type
                assert f"ent={walk}" in feats
                n += walk != "none"
        assert n > 20
    finally:
        P.RECORD = None
