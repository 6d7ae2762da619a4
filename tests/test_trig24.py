"""trig24 (issue #14): a learned Arabic trigger form also stands for its base (اوقفت -> اوقف), kept by the
same count and ratio as any learned form; the never-proposed classes of the out-of-fold tool."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks" / "events_corpus"))
from tests.conftest import import_train_events as _te  # noqa: E402


def test_learned_base(monkeypatch):
    te = _te(monkeypatch)
    assert te.learned_base("اوقفت") == "اوقف"           # a past verb less its ending
    assert te.learned_base("اوقفوا") == "اوقف"
    assert te.learned_base("ضبطهم") == "ضبط"            # less an object pronoun
    assert te.learned_base("زيارته") == "زياره"         # a noun's ة comes back before the pronoun
    assert te.learned_base("مفاوضات") == ""             # the plural ات is no verb ending
    assert te.learned_base("جلسه") == ""                # a bare ه is also the feminine ة: no base
    assert te.learned_base("قرت") == ""                 # a base keeps three letters


def _records(monkeypatch, te, texts: dict, golds: dict) -> list[dict]:
    monkeypatch.setattr(te.corpus, "text", lambda d: texts[d])
    recs = []
    for d, spans in golds.items():
        evs = [{"trigger": {"start": s, "end": s + len(w), "text": w}, "type": t} for s, w, t in spans]
        recs.append({"doc": d, "events": evs})
    return recs


def test_bases_learned_with_count_and_ratio(monkeypatch):
    te = _te(monkeypatch)
    from riwaya.events import learned
    from riwaya.events.extract import load_lexicon
    monkeypatch.setattr(learned, "EXTRA_OVERRIDE", {"ar": {}})
    load_lexicon.cache_clear()
    try:
        t1 = "وأوقفت الشرطة المتهمين في جدة."
        t2 = "وأوقفوا سائقا مخالفا أمس."
        t3 = "وقال إن العين بصيرة واليد قصيرة، وعينت الوزارة مديرا."
        t4 = "وعينت اللجنة رئيسا، والعين ترى والعين تدمع والعين تفيض وللعين حق."
        texts = {"a": t1, "b": t2, "c": t3, "d": t4}
        golds = {"a": [(t1.index("وأوقفت"), "وأوقفت", "arrest")],
                 "b": [(t2.index("وأوقفوا"), "وأوقفوا", "arrest")],
                 "c": [(t3.index("وعينت"), "وعينت", "appointment")],
                 "d": [(t4.index("وعينت"), "وعينت", "appointment")]}
        recs = _records(monkeypatch, te, texts, golds)
        monkeypatch.setattr(te, "LEARN_BASES", False)
        before = te.learn_triggers(recs, "ar")
        monkeypatch.setattr(te, "LEARN_BASES", True)
        after = te.learn_triggers(recs, "ar")
    finally:
        load_lexicon.cache_clear()
    assert "اوقف" not in before and "اوقفت" not in before       # each surface form once: under the count
    assert after.get("اوقف") == "arrest"                          # two inflections of one base: learned
    assert "عينت" in before and "عينت" in after
    assert "عين" not in after                                     # the base "eye" is mostly no trigger: ratio


def test_never_classes(monkeypatch):
    _te(monkeypatch)
    import never_proposed as npd
    lex = {"ar": {"هجوم": "attack", "قصف": "attack", "اعتقال": "arrest"}, "not_trig": set()}
    from riwaya.textutil import normalize_ar
    assert npd.inflected(normalize_ar("هجومية"), lex) == "هجوم"          # a nisba of a lexicon noun
    assert npd.inflected(normalize_ar("وبالاعتقالات"), lex) == "اعتقال"   # a plural behind clitics
    assert npd.inflected(normalize_ar("جديد"), lex) == ""
