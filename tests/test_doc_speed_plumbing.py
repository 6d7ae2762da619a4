"""Speed plumbing of the per-document stage (issue 20) gives what the plain code gave: the proposer's
early rejection, the per-document token memo, the analysis objects' copies, the paused collector."""
from __future__ import annotations

import copy
import gc

from riwaya.analyze import _copy, analyze
from riwaya.events import propose
from riwaya.events.extract import _WORD, _tokens, load_lexicon
from riwaya.ingest.readers import _make
from riwaya.models import Argument, Attribution, EntityMention, EventMention, TimeMention, TimeValue

SENTENCES = [
    "أكد المتحدث تواجد القوات في مدينة حلب أمس بعد انتقال الوفد إلى العاصمة.",
    "وقالت الوزارة إن حملة التفتيش شملت 40 محلا تجاريا وأسفرت عن ضبط مخالفات.",
    "أعلنت الشرطة القبض على ثلاثة أشخاص بتهمة سرقة سيارة في حي الملز بالرياض.",
    "وشهدت الجلسة مناقشة مشروع النظام وتوقيع اتفاقية للتعاون بين البلدين.",
]


def test_early_rejection_keeps_every_proposal():
    """A word the detector could not accept whatever its context is skipped before its context features
    are made: the proposals are those of scoring every word in full."""
    lex = load_lexicon()
    full = propose._hopeless
    got = [propose.propose(_tokens(s, 0, len(s), "ar"), False, [], lex) for s in SENTENCES]
    try:
        propose._hopeless = lambda *a: False
        want = [propose.propose(_tokens(s, 0, len(s), "ar"), False, [], lex) for s in SENTENCES]
    finally:
        propose._hopeless = full
    assert got == want
    assert propose._Cache.rest is not None and propose._Cache.rest >= 0.0


def test_token_memo_gives_fresh_tokens_per_document():
    a = "قتل ثلاثة أشخاص في هجوم."
    b = "وصل الوفد إلى المدينة."            # another document: the memo starts over
    for text in (a, b, a):
        toks = _tokens(text, 0, len(text), "ar")
        assert [(t.s, t.e, t.raw) for t in toks] == [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        assert _tokens(text, 0, len(text), "ar") is toks       # the second pass reads the first's
    assert [t.n for t in _tokens("The Talks", 0, 9, "en")] == ["the", "talks"]


def test_copy_is_copy_copy_for_analysis_objects():
    objs = [EntityMention(text="حلب", start=0, end=3, type="place"), TimeValue("2024-12-08T00:00:00+03:00", None),
            Argument(role="agent", text="x", start=0, end=1), Attribution(chain=[{"name": "وكالة", "kind": "outlet"}]),
            EventMention(cls="conflict", type="attack", trigger="هجوم", start=0, end=4, trigger_start=0,
                         trigger_end=4)]
    objs.append(TimeMention(text="أمس", start=0, end=3, value=objs[1]))
    for o in objs:
        c = _copy(o)
        assert c is not o and type(c) is type(o) and c == copy.copy(o)
        assert list(vars(c)) == list(vars(o)) and all(vars(c)[k] is vars(o)[k] for k in vars(o))


def test_analyze_leaves_the_collector_as_it_found_it():
    doc = _make(SENTENCES[0], None, "d1", {"language": "ar"})
    assert gc.isenabled()
    analyze(doc)
    assert gc.isenabled()
    gc.disable()
    try:
        analyze(doc)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_run_that_loads_for_good_freezes_what_it_loaded():
    """What a paused run leaves behind in bulk (models, word lists) goes to the permanent generation, out
    of the full collections' walks; an ordinary run freezes nothing."""
    from riwaya import analyze as an
    kept = []

    @an._gc_paused
    def load(n):
        kept.extend([i] for i in range(n))
    before = gc.get_freeze_count()
    try:
        load(10)
        assert gc.get_freeze_count() == before and gc.isenabled()
        load(an.SETTLED_OBJECTS + 1000)
        assert gc.get_freeze_count() >= before + an.SETTLED_OBJECTS and gc.isenabled()
    finally:
        gc.unfreeze()


def test_trigger_index_answers_as_the_walks_over_every_trigger():
    """The learned stage's questions about a document's triggers (overlap, inside a stretch, covering a
    position but one's own) by bisection give the walks' answers, duplicates and empty spans included."""
    import random
    from riwaya.events.learned import TriggerIndex, trigger_index
    rnd = random.Random(7)
    for _ in range(500):
        spans = [(a, a + rnd.randint(0, 9)) for a in (rnd.randint(0, 80) for _ in range(rnd.randint(0, 12)))]
        ix = TriggerIndex(spans)
        for _ in range(20):
            s, pos = rnd.randint(-5, 90), rnd.randint(-3, 92)
            e = s + rnd.randint(-3, 20)
            skip = rnd.choice([a for a, _ in spans] + [-1])
            assert ix.overlaps(s, e) == any(a < e and s < b for a, b in spans)
            assert ix.inside(s, e) == any(s <= a and b <= e for a, b in spans)
            assert ix.covers(pos, skip) == any(a <= pos < b for a, b in spans if a != skip)
    one, two = [(3, 7)], [(3, 7)]
    assert trigger_index(one) is trigger_index(one)              # once per document's list
    assert trigger_index(two) is not trigger_index(one)
    one.append((20, 25))                                          # a list grown since: asked again
    assert trigger_index(one).covers(21, -1)


def test_repair_pairs_and_per_word_memos_give_the_plain_answers():
    """Repair's one tokenisation and per-word part verdicts, the modality cues and the attribution cues'
    first words cached per word: the same answers as computed afresh."""
    import importlib
    from riwaya.events import learned
    extract = importlib.import_module("riwaya.events.extract")
    from riwaya.ingest import repair as rp
    text = "قال إل ى المدينة إن الوفد وصل ، و في حمس و حماة لم يخطط الوزير لزيارة هيئةتحريرالشام"
    toks = list(rp._TOKEN.finditer(text))
    c, standalone = rp.config()["split"], set(rp.config()["standalone"])
    want = []
    for a, b in zip(toks, toks[1:]):
        wa, wb = a.group(), b.group()
        if text[a.end():b.start()] != " " or wa in standalone or wb in standalone:
            continue
        za, zb = rp.zipf(wa), rp.zipf(wb)
        if max(za, zb) > c["max_part_zipf"]:
            continue
        zj = rp.zipf(wa + wb)
        if zj >= c["min_joined_zipf"] and zj - max(za, zb) >= c["min_gain"]:
            want.append((a.end(), b.start(), "", "split"))
    assert rp._split_words(text) == rp._split_words(text, toks) == want
    assert rp._glued(text) == rp._glued(text, toks) and rp._place_spellings(text) == rp._place_spellings(text, toks)
    cues = learned._modality()
    for w in [t.n for t in _tokens(text, 0, len(text), "ar")] + ["يخططون", "تعهدت"]:
        assert learned._cue_of(w, cues) == learned._cue_lookup(w, cues) == learned._cue_of(w, cues)
    firsts = load_lexicon()["att_first"]["ar"]
    for t in _tokens(text, 0, len(text), "ar"):
        plain = t.n in firsts or not firsts.isdisjoint(extract._cands(t.n)[1])
        assert extract._may_open_cue(t.n, firsts, "ar") == plain


def test_sentence_and_clause_ends_as_the_look_behind_patterns():
    """extract's sentence and clause ends, written character first, match where the patterns with a
    leading look-behind matched (a stop or colon between two digits ends nothing), slices included."""
    import importlib
    import random
    import re
    extract = importlib.import_module("riwaya.events.extract")
    old_s = re.compile(r"(?<!\d)[.:]|[.:](?!\d)|[!?؟\n]")
    old_c = re.compile(r"(?<!\d)[.:,]|[.:,](?!\d)|[،;؛!?؟\n•]")
    rnd = random.Random(3)
    for _ in range(3000):
        s = "".join(rnd.choice("1.:,a ؟\n،2•") for _ in range(rnd.randint(0, 12)))
        a = rnd.randint(0, len(s))
        b = rnd.randint(a, len(s))
        for old, new in ((old_s, extract._SENT_END), (old_c, extract._CLAUSE_END)):
            assert [m.span() for m in old.finditer(s, a, b)] == [m.span() for m in new.finditer(s, a, b)]


def test_trigger_lookup_memo_is_the_lookup():
    import importlib
    extract = importlib.import_module("riwaya.events.extract")
    lex = load_lexicon()
    for w in [t.n for s in SENTENCES for t in _tokens(s, 0, len(s), "ar")] * 2:
        assert extract._lookup_ar(w, lex) == extract._lookup_ar_afresh(w, lex)
    other = dict(lex, ar={"هجوم": "attack"})          # another table: the memo starts over
    assert extract._lookup_ar("هجوم", other) == ("attack", "هجوم") and extract._lookup_ar("انتقال", other) is None


def test_normalize_cache_keeps_words_not_texts():
    from riwaya.lang import arabic
    word, text = "الأُمّة", "قال الوزير " * 10
    assert arabic.normalize(word) == arabic._MATCH(word) and word in arabic._NORMALIZED
    assert arabic.normalize(text) == arabic._MATCH(text) and text not in arabic._NORMALIZED


def test_hedge_found_as_the_per_hedge_walk_found_it():
    import importlib
    extract = importlib.import_module("riwaya.events.extract")
    lex = load_lexicon()

    def walk(words, hedges, lang):           # the walk per hedge over every word, as before
        cands = [extract._cands(w)[1] for w in words] if lang == "ar" else None
        for h in hedges:
            n = len(h)
            for k in range(len(words) - n + 1):
                if all((h[x] in cands[k + x]) if lang == "ar" else words[k + x] == h[x] for x in range(n)):
                    return " ".join(h)
        return None
    for lang in ("ar", "en"):
        hedges = lex["hedge"][lang]
        pool = [w for h in hedges for w in h] + ["و" + h[0] for h in hedges if lang == "ar"] + ["x", "في", "the"]
        import random
        rnd = random.Random(5)
        for _ in range(400):
            words = [rnd.choice(pool) for _ in range(rnd.randint(0, 8))]
            assert extract._hedge(words, hedges, lang) == walk(words, hedges, lang)


def test_first_at_is_the_first_sequence_that_matches():
    """extract._first_at (sequences tried only where the token can be their first word) gives the first
    match in list order, as trying every sequence with _seq_at does: lexicon lists, clitics and endings,
    sentence ends, random sequences with repeats and an empty one."""
    import random
    from riwaya.events.extract import Tok, _first_at, _seq_at
    lex = load_lexicon()
    rng = random.Random(7)
    vocab = ["ثم", "الي", "من", "هناك", "متجها", "وبحسب", "تقرير", "بحسب", "في", "يد", "بيد", "وفقا", "لتقرير",
             "والي", "فمن", "بتقرير", "تقريرهم", "then", "to", "from", "there", "according", "x"]
    lists = [(lex[k][lg], None) for k in ("cont", "arg_cont", "att_cues", "controller_cues") for lg in ("ar", "en")]
    lists += [(lex["preps"][lg], 0) for lg in ("ar", "en")]
    for _ in range(5):
        lists.append(([[rng.choice(vocab) for _ in range(rng.randint(0, 3))] for _ in range(12)], None))
    for _ in range(300):
        words = [rng.choice(vocab) for _ in range(rng.randint(1, 8))]
        toks = [Tok(k, k + 1, w, w) for k, w in enumerate(words)]
        for seqs, key in lists:
            for lang in ("ar", "en"):
                for i in range(len(toks) + 1):
                    want = next((s for s in seqs if _seq_at(toks, i, s if key is None else s[key], lang)), None)
                    assert _first_at(seqs, toks, i, lang, key) is want


def test_doc_speed_samples_articles_by_length(tmp_path):
    """doc_speed.py --chars LOW-HIGH: the first N articles with text of that many characters, in zip and
    file order; a malformed range is a clear argparse error."""
    import argparse
    import json
    import sys
    import zipfile
    from pathlib import Path
    import pytest
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import doc_speed
    assert doc_speed.char_range("2000-3000") == (2000, 3000)
    for bad in ("3000-2000", "2000", "a-b"):
        with pytest.raises(argparse.ArgumentTypeError):
            doc_speed.char_range(bad)
    arts = [{"content": "x" * n} for n in (5, 12, 20, 15, 0, 11)]
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as zf:
        zf.writestr("b.json", json.dumps(arts[3:]))
        zf.writestr("a.json", json.dumps(arts[:3]))
    assert [len(a["content"]) for a in doc_speed.load_sized(10, 10, 15, tmp_path)] == [12, 15, 11]
    assert [len(a["content"]) for a in doc_speed.load_sized(2, 10, 15, tmp_path)] == [12, 15]
