"""The time tagger's shortcuts must not change what it finds (riwaya/timex/lexicon.py)."""
import re
from pathlib import Path

from riwaya.timex import lexicon

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "fall-of-assad"


def _texts():
    out = [lexicon.normalise(f.read_text("utf-8"))[0] for f in sorted(CORPUS.glob("*.txt"))]
    out.append(lexicon.normalise("At 1:55 a.m. (22:55 GMT) on Sunday, December 8, 2024, in the 1990s, "
                                 "on 12/08/2024, for two weeks, every day, since 2011 (the 20th century).")[0])
    return out


def test_every_match_holds_the_characters_a_rule_requires():
    """A window without a rule's required characters is skipped: so every match must hold them."""
    texts = _texts()
    checked = 0
    for lang in ("ar", "en"):
        lx = lexicon.load(lang)
        for etype, rxs in lx.rx.items():
            for rx, req in zip(rxs, lx.rx_required[etype]):
                for t in texts:
                    for m in rx.finditer(t):
                        checked += 1
                        assert req is None or all(c in m.group() for c in req), (lang, etype, rx.pattern[:80], m.group())
    assert checked > 100


def test_required_characters_are_read_from_the_pattern():
    assert lexicon._required(re.compile(r"(?<!\w)\d{1,2}:\d\d(?!\w)")) == (":",)
    assert lexicon._required(re.compile(r"(?:عام|سنة)\s*\(\s*\d{4}\s*\)")) == ("(", ")")
    assert lexicon._required(re.compile(r"(?:ab)?c")) == ("c",)                 # optional: not required
    assert lexicon._required(re.compile(r"(?:ab|b)c", re.I)) is None              # cased letters under IGNORECASE
    assert lexicon._required(re.compile(r"(?=x)y")) == ("y",)                     # a lookahead adds nothing
