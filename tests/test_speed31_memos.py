"""Per-word memos and cheaper tests in the events' per-candidate code (issue 20; helper speed31): each gives what
the code it replaces gave. The calls the analysis of the bundled seeds makes are recorded and answered again by
the plain code (copied here as it was before the change):

- `learned._fired_head`: each word's verdict kept per lexicon (`_fired_word`);
- `learned._light_subject`: the light verb's gap tested before the walk over the words between;
- `extract._companions` / `_companion_verb`: start at the trigger by bisection, each word's (cue, verb) verdict
  kept per lexicon (`_companion_word`), the bullet-list search only before a colon;
- `learned.polarity_features`: the cue, frame and future memos read without a call per word."""
import importlib
import re
from pathlib import Path

import pytest

from riwaya.analyze import analyze
from riwaya.ingest.readers import read_paths
from riwaya.lang.arabic import normalize as normalize_ar
from riwaya.models import Argument

L = importlib.import_module("riwaya.events.learned")
X = importlib.import_module("riwaya.events.extract")
ROOT = Path(__file__).resolve().parents[1]
RECORDED = ("_fired_head", "_light_subject"), ("_companions",)


@pytest.fixture(scope="module")
def calls():
    """{function name: [(args, kwargs, answer)]} over the analysis of the seeds."""
    got = {n: [] for mod in RECORDED for n in mod}
    saved = []
    for mod, names in zip((L, X), RECORDED):
        for name in names:
            f = getattr(mod, name)
            saved.append((mod, name, f))

            def rec(*a, _f=f, _n=name, **k):
                out = _f(*a, **k)
                got[_n].append((a, k, out))
                return out
            setattr(mod, name, rec)
    try:
        docs = read_paths([str(ROOT / "corpus/fall-of-assad")])
        for d in docs:
            analyze(d)
    finally:
        for mod, name, f in saved:
            setattr(mod, name, f)
    return got


def _fired_head_plain(text, lex):
    if not lex["casualty_fall"]["fired_type"]:
        return False
    skip, counts = lex["casualty_fall"]["skip"], lex["count_words"]["ar"]
    for w in text.split():
        n = normalize_ar(w)
        if n in skip or n in counts or any(ch.isdigit() for ch in n):
            continue
        return L._fired_phrase(w, lex)
    return False


def test_fired_head_as_plain(calls):
    assert len(calls["_fired_head"]) > 100
    for a, k, out in calls["_fired_head"]:
        assert out == _fired_head_plain(*a, **k)
    lex = L._lexicon()
    phrases = ["قذائف هاون", "أكثر من 10 قذائف هاون", "عدة صواريخ", "3 قتلى", "المسلحين", "", "10 20"]
    for p in phrases * 2:                       # cold, then from the memo
        assert L._fired_head(p, lex) == _fired_head_plain(p, lex)
    assert L._fired_head("قذائف هاون", lex) is True
    off = {**lex, "casualty_fall": {**lex["casualty_fall"], "fired_type": None}}     # another lexicon: not its memo
    assert not any(L._fired_head(p, off) for p in phrases)


def _light_subject_plain(T, ev, c, triggers=()):
    if not L.LIGHT_SUBJECT or L.lang_of(ev) != "ar" or c.end > ev.trigger_start or c.etype in ("number", "time"):
        return False
    ci, cj = T.tok_range(c.start, c.end)
    ti, _ = T.tok_range(ev.trigger_start, ev.trigger_end)
    if L._clitic(T.word(ci)) in ("ب", "بال", "ل", "لل") or any(L._punct_after(T, x) for x in range(ci - 1, ti)):
        return False
    lv = ci - 1
    if lv < 0 or ti - lv > L.LIGHT_GAP:
        return False
    if not L._word_in(T.toks[lv].n, L._light_verbs()):
        if not (L.LIGHT_CONTROL and L._word_in(T.toks[lv].n, L._control_verbs())):
            return False
        between = L._control_between()
        if ti - cj > L.CONTROL_GAP and not all(L._word_in(T.toks[k].n, between) for k in range(cj, ti)):
            return False
    return not any(T.toks[lv].end <= s < ev.trigger_start for s, _ in triggers)


def test_light_subject_as_plain(calls):
    got = calls["_light_subject"]
    assert len(got) > 100 and any(out for _, _, out in got)
    for a, k, out in got:
        assert out == _light_subject_plain(*a, **k)


def _companion_verb_plain(text, toks, trig_e, se, mentions, lang, lex):
    verbs = lex["companion_verbs"][lang]
    for k, t in enumerate(toks):
        if t.s < trig_e or not (t.n in verbs or (lang == "ar" and not X._cands(t.n)[1].isdisjoint(verbs))):
            continue
        j = k + 1
        while j < len(toks) and toks[j].n in lex["companion_cues"][lang] and toks[j].s < se:
            j += 1
        if j >= len(toks) or toks[j].s >= se:
            return []
        ms = [m for m in mentions if toks[j].s <= m.start < toks[j].s + 40 and m.end <= se and m.type == "person"]
        if ms and not text[toks[j].s:ms[0].start].strip(" ،,"):
            return [X._ent_arg("companion", m) for m in ms]
        ph = X._np(text, toks, j, se, lang, lex, maxw=3)
        return [Argument("companion", text[ph[0]:ph[1]], ph[0], ph[1], None, None)] if ph else []
    return []


def _companions_plain(text, toks, trig_e, se, p, mentions, lang, lex, ce=None):
    out = []
    cues = lex["companion_cues"][lang]
    for k, t in enumerate(toks):
        if t.s < trig_e:
            continue
        if ce is not None and t.s >= ce:
            break
        if t.n in cues or (lang == "ar" and not X._cands(t.n)[1].isdisjoint(cues - {"مع"})):
            for mm in mentions:
                if t.e <= mm.start < t.e + 40 and mm.end <= se and mm.type == "person" and not (
                        lang == "en" and X._GAP_PUNCT.search(text, t.e, mm.start)):
                    out.append(X._ent_arg("companion", mm))
            ph = X._np(text, toks, k + 1, se, lang, lex, maxw=3) if not out else None
            while ph:
                s_, e_ = ph[0], ph[1]
                out.append(Argument("companion", text[s_:e_], s_, e_, None, None))
                j = ph[2]
                if lang != "ar" or j >= len(toks) or toks[j].s >= (ce or se) or toks[j].n[:1] != "و" \
                        or len(toks[j].n) <= 3 or X._GAP_PUNCT.search(text, toks[j - 1].e, toks[j].s):
                    break
                ph = X._np(text, toks, j, ce or se, lang, lex, maxw=3)
                if ph and text[ph[0]] == "و":
                    ph = (ph[0] + 1,) + tuple(ph[1:])
            break
    if not out:
        out = _companion_verb_plain(text, toks, trig_e, se, mentions, lang, lex)
    if re.search(r"(بينهم|منهم|among them|including)\s*:?\s*$", text[trig_e:se].rstrip(" :") + ":") and text[se - 1:se] == ":":
        pos = se
        while True:
            m = re.match(r"\s*[•\-–*]\s*([^\n]+)", text[pos:])
            if not m:
                break
            ls, le = pos + m.start(1), pos + m.end(1)
            ms = [mm for mm in mentions if ls <= mm.start < le and mm.type == "person"]
            if ms:
                out += [X._ent_arg("companion", mm) for mm in ms]
            else:
                s_, e_ = X._strip_span(text, ls, re.sub(r"\s*\(.*$", "", text[ls:le]).__len__() + ls)
                out.append(Argument("companion", text[s_:e_], s_, e_, None, "person"))
            pos = pos + m.end()
    return out


def test_companions_as_plain(calls):
    got = calls["_companions"]
    assert len(got) > 30
    for a, k, out in got:
        assert out == _companions_plain(*a, **k)


def test_companions_on_sentences():
    lex = X.load_lexicon()
    for text in ["غادر الرئيس إلى موسكو برفقة زوجته وأولاده.", "وصل الوزير إلى الرياض، واصطحب معه وفدا كبيرا.",
                 "وصلت الطائرة وعلى متنها ركاب بينهم:\n- أحمد علي\n- محمد سعيد\n"]:
        toks = X._tokens(text, 0, len(text), "ar")
        trig_e = toks[0].e
        args = (text, toks, trig_e, len(text), None, [], "ar", lex)
        assert X._companions(*args) == _companions_plain(*args)
        assert X._companions(*args, ce=toks[3].s) == _companions_plain(*args, ce=toks[3].s)
    assert X._after(toks, trig_e) == next(k for k, t in enumerate(toks) if t.s >= trig_e)
    assert X._after(toks, len(text) + 1) == len(toks)


def test_companion_word_as_plain():
    lex = X.load_lexicon()
    cues, verbs = lex["companion_cues"]["ar"], lex["companion_verbs"]["ar"]
    words = sorted(cues | verbs) + ["ومعه", "برفقته", "اصطحب", "واصطحبت", "مع", "ومع", "الرئيس", "غادر"]
    for w in words * 2:
        c = X._cands(w)[1]
        plain = (w in cues or not c.isdisjoint(cues - {"مع"}), w in verbs or not c.isdisjoint(verbs))
        assert (X._companion_memo(lex).get(w) or X._companion_word(w, lex)) == plain


def test_polarity_features_cold_and_warm_memos():
    docs = list(read_paths([str(ROOT / "corpus/fall-of-assad")]))
    text = docs[0].text
    an = analyze(docs[0])
    T = L.Text(text)
    evs = [e for e in an.events if L.lang_of(e) == "ar"]
    assert evs
    warm = [L.polarity_features(T, e, an.events[:i]) for i, e in enumerate(evs)]
    L._CUES_OF.clear()
    for memo in L._FUTURES:
        memo.clear()
    cold = [L.polarity_features(T, e, an.events[:i]) for i, e in enumerate(evs)]
    assert cold == warm
    for table in (L._modality(), L._modality_frames()):
        for w, got in L._cue_memo(table).items():
            assert got == L._cue_lookup(w, table)
