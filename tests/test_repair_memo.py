"""Repair's glued-word pass reads a per-token-form verdict (repair._glued_parts) and gives what the plain code
gave (issue 20, helper speed11)."""
from pathlib import Path

from riwaya.ingest import repair as R
from riwaya.textutil import strip_diacritics

ROOT = Path(__file__).resolve().parents[1]


def _plain_glued(text):
    out = []
    min_len = R.config()["glued"]["min_len"]
    for m in R._TOKEN.finditer(text):
        tok = m.group()
        if "ة" in tok[:-1] or len(tok) >= min_len:
            bare = strip_diacritics(tok)
            parts = R.segment(bare) if tok == bare else None
            if not parts:
                continue
            pos = m.start()
            for p in parts[:-1]:
                pos += len(p)
                out.append((pos, pos, " ", "glued"))
    return out


def test_the_same_glued_splits_as_the_plain_code():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus/fall-of-assad").glob("*.txt"))]
    texts.append("قالتالحكومة إنالقوات دخلتالمدينة والمدرسةالجديدة، وقالَتالحكومة كلمةً ة")
    glued = 0
    for text in texts:
        got = R._glued(text)
        assert got == _plain_glued(text)
        assert got == R._glued(text, list(R._TOKEN.finditer(text)))
        glued += len(got)
    assert glued > 0
