"""Issue #14 (comma32): the learned stage's tokens leave the Arabic comma, semicolon and question mark off the
word before them (learned.AR_PUNCT), so word look-ups find the word; offsets stay exact."""
import pytest

import riwaya.events.learned as L
from riwaya.textutil import normalize_ar

TEXT = "وقال المتحدث باسم الشرطة، إن الهجوم أسفر عن مقتل 5 أشخاص؛ فهل كان متوقعا؟ وأضاف،وأكد المصدر ذلك."


def _words(T):
    return [t.n for t in T.toks]


def test_shipped_value():
    assert L.AR_PUNCT == "glued"    # off: a false conflict on the frozen clusters test with "apart" (twenty-ninth session)


@pytest.mark.parametrize("mode", ["apart", "dropped", "glued"])
def test_offsets_exact(monkeypatch, mode):
    monkeypatch.setattr(L, "AR_PUNCT", mode)
    T = L.Text(TEXT)
    for t in T.toks:
        assert normalize_ar(TEXT[t.start:t.end]) == t.n
    assert T.starts == sorted(T.starts)


def test_apart_marks_are_tokens(monkeypatch):
    monkeypatch.setattr(L, "AR_PUNCT", "apart")
    w = _words(L.Text(TEXT))
    assert "الشرطه" in w and "،" in w and "؛" in w and "؟" in w
    assert not any(x != m and m in x for x in w for m in "،؛؟")
    i = w.index("واضاف")           # no space after the comma: still two words and the mark
    assert w[i:i + 3] == ["واضاف", "،", "واكد"]


def test_dropped_marks_are_gone(monkeypatch):
    monkeypatch.setattr(L, "AR_PUNCT", "dropped")
    w = _words(L.Text(TEXT))
    assert "الشرطه" in w and not any(m in x for x in w for m in "،؛؟")


def test_glued_keeps_the_old_tokens(monkeypatch):
    monkeypatch.setattr(L, "AR_PUNCT", "glued")
    w = _words(L.Text(TEXT))
    assert "الشرطه،" in w and "اشخاص؛" in w and "متوقعا؟" in w


@pytest.mark.parametrize("mode", ["apart", "dropped", "glued"])
def test_closed_after_comma_in_every_mode(monkeypatch, mode):
    monkeypatch.setattr(L, "AR_PUNCT", mode)
    T = L.Text(TEXT)
    k = next(i for i, t in enumerate(T.toks) if t.n.startswith("الشرطه"))
    assert L._closed(T, k)
    assert not L._closed(T, k - 1)         # باسم: no mark after it
