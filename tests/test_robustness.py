"""Bad input at scale: random bytes and text never crash ingest, repair, prepare or the
time tagger, every span stays valid, and a corpus of binary, empty, huge, mixed-encoding
and malformed files builds with one clear error per bad file and loses nothing."""
from __future__ import annotations

import importlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from riwaya.ingest.prepare import prepare
from riwaya.ingest.readers import MAX_BYTES, IngestError, doc_id, read_file
from riwaya.ingest.repair import repair
from riwaya.models import Document

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
EXTS = [".txt", ".md", ".html", ".htm", ".jsonl", ".json", ".pdf", ""]

# Arabic-heavy text with the characters that stress repair: underscores, tatweel,
# diacritics, RTL marks, digits, CR/LF, NUL, surrogate-free astral characters
AR = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْ"
alphabet = st.sampled_from(list(AR + " _#\n\r\t.,،؛؟!()\"'0123456789٠١٢٣abcXYZ\u200f\u200e\u00a0\x00\ufeff🙂"))
ar_text = st.text(alphabet=alphabet, max_size=400) | st.text(max_size=200)


@FAST
@given(data=st.binary(max_size=3000), ext=st.sampled_from(EXTS))
def test_read_file_never_raises_on_random_bytes(tmp_path_factory, data, ext):
    p = tmp_path_factory.mktemp("rb") / f"f{ext}"
    p.write_bytes(data)
    for item in read_file(p):
        if isinstance(item, IngestError):
            assert item.path.startswith(str(p)) and item.reason
        else:
            assert item.text.strip() and item.id == doc_id(item.text)


@FAST
@given(text=ar_text, ext=st.sampled_from([".txt", ".html", ".jsonl"]),
       enc=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1256", "latin-1"]))
def test_read_file_on_text_in_any_encoding(tmp_path_factory, text, ext, enc):
    if ext == ".jsonl":
        text = json.dumps({"text": text}, ensure_ascii=False)
    elif ext == ".html":
        text = f"<html><body><article><p>{text}</p></article></body></html>"
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = text.encode(enc, errors="replace")
    p = tmp_path_factory.mktemp("enc") / f"f{ext}"
    p.write_bytes(data)
    items = list(read_file(p))
    assert items
    for item in items:
        assert isinstance(item, (Document, IngestError))


def _check_offsets(original: str, clean: str, offsets: list[int]) -> None:
    assert len(offsets) == len(clean) + 1
    assert all(0 <= o <= len(original) for o in offsets)
    assert all(a <= b for a, b in zip(offsets, offsets[1:])), "offset map must not go backwards"


@FAST
@given(text=ar_text, data=st.data())
def test_repair_gives_a_valid_offset_map(text, data):
    starts = sorted(set(data.draw(st.lists(st.integers(0, max(len(text), 0)), max_size=5)))) or [0]
    clean, offsets, repairs = repair(text, starts)
    _check_offsets(text, clean, offsets)
    for r in repairs:
        assert 0 <= r.start <= r.end <= len(text)


@FAST
@given(text=ar_text.filter(lambda t: t.strip()), data=st.data())
def test_prepare_and_every_span_maps_into_the_original(text, data):
    doc = Document(id=doc_id(text), text=text)
    prep = prepare(doc)
    _check_offsets(text, prep.clean, prep.offsets)
    for p in prep.paragraphs:
        assert 0 <= p.start <= p.end <= len(prep.clean)
    for _ in range(5):
        s = data.draw(st.integers(0, len(prep.clean)))
        e = data.draw(st.integers(s, len(prep.clean)))
        os_, oe = prep.to_original(s, e)
        assert 0 <= os_ <= oe <= len(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ar_text.filter(lambda t: t.strip()))
def test_analyze_spans_are_text_of_the_original(text):
    from riwaya.analyze import analyze
    doc = Document(id=doc_id(text), text=text, published="2024-12-08")
    a = analyze(doc)
    # (that each span reads what its component read is tests/test_offsets.py's check)
    for m in a.mentions:
        assert 0 <= m.start <= m.end <= len(text)
    for t in a.times:
        assert 0 <= t.start <= t.end <= len(text)
    for p in a.paragraphs:
        assert 0 <= p.start <= p.end <= len(text)


def _tag_times():
    try:
        mod = importlib.import_module("riwaya.timex")
    except ImportError:
        return None
    return getattr(mod, "tag_times", None)


@FAST
@given(text=ar_text, published=st.sampled_from([None, "2024-12-08", "2024-12-08T03:00:00+03:00", "garbage"]))
def test_time_tagger_never_crashes_and_spans_are_valid(text, published):
    tag = _tag_times()
    if tag is None:
        pytest.skip("riwaya.timex.tag_times is not there yet")
    for t in tag(text, "ar", published):
        assert 0 <= t.start <= t.end <= len(text)


# ---------------------------------------------------------------- a bad corpus
def test_bad_corpus_builds_with_clear_errors_and_loses_nothing(tmp_path):
    from riwaya.pipeline import build
    from riwaya.store import Store
    ar = "قال مصدر في دمشق إن الرئيس غادر المدينة فجر الأحد الثامن من كانون الأول."
    src = tmp_path / "in"
    src.mkdir()
    good = {
        "utf8.txt": ar.encode("utf-8"),
        "cp1256.txt": ("خبر بترميز ويندوز: " + ar).encode("cp1256"),
        "utf16.txt": ("خبر بترميز يونيكود ١٦: " + ar).encode("utf-16"),      # with BOM
        "latin1.txt": "Le président a quitté Damas, selon l'agence, déclaré à Genève.".encode("latin-1"),
        "broken.html": (f"<html><head><title>x</title><body><div><p>{ar} <b>مكسور<i></p><p>"
                        f"{ar.replace('دمشق', 'حمص')}</div><table><tr><td>").encode("utf-8"),
        "lines.jsonl": ("\n".join([json.dumps({"text": "خبر أول عن حلب " + ar}, ensure_ascii=False),
                                   "{not json", json.dumps({"title": "no body"}), "[1, 2]",
                                   json.dumps({"text": "خبر ثان عن حماة " + ar}, ensure_ascii=False)])
                        ).encode("utf-8"),
    }
    bad = {
        "binary.txt": bytes(range(256)) * 40,
        "empty.txt": b"",
        "spaces.txt": b"   \n\n  \t ",
        "image.html": b"\x89PNG\r\n\x1a\n" + bytes(2000),
        "doc.pdf": b"%PDF-1.4 ...",
    }
    for name, data in {**good, **bad}.items():
        (src / name).write_bytes(data)
    huge = src / "huge.txt"                  # 50 MB, written sparsely: refused before it is read
    with huge.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    url = f"sqlite:///{tmp_path / 'bad.db'}"
    errors = []
    r = build([str(src)], url, progress=False, on_error=errors.append)
    by_file = {e.path.split("/")[-1]: e.reason for e in r.errors}
    assert "too large" in by_file["huge.txt"] and str(MAX_BYTES // 2**20) in by_file["huge.txt"]
    assert "empty" in by_file["empty.txt"]
    assert "binary" in by_file["binary.txt"]
    assert "no text" in by_file["spaces.txt"]
    assert "unknown file type" in by_file["doc.pdf"]
    assert "image.html" in by_file
    assert {"lines.jsonl:2", "lines.jsonl:3", "lines.jsonl:4"} <= set(by_file)
    assert r.added == 7, (r.added, by_file)                 # 5 files + 2 good JSONL lines
    s = Store(url)
    docs = {d["path"].split("/")[-1]: d["text"] for d in s.documents()}
    assert "دمشق" in docs["cp1256.txt"] and "يونيكود" in docs["utf16.txt"]
    assert "président" in docs["latin1.txt"] and "حمص" in docs["broken.html"]
    assert set(s.analyses()) == {d["id"] for d in s.documents()}
    assert len(errors) == len(r.errors)
    # a second build adds nothing and loses nothing
    r2 = build([str(src)], url, progress=False)
    assert r2.added == 0 and Store(url).count() == 7


def test_a_document_whose_analysis_raises_is_reported_and_the_build_goes_on(tmp_path, monkeypatch):
    import riwaya.pipeline as pl
    from riwaya.store import Store
    src = tmp_path / "in"
    src.mkdir()
    for n, city in enumerate(["دمشق", "حلب", "حمص"]):
        (src / f"{n}.txt").write_text(f"وصل الوفد إلى {city} صباح الأحد.", encoding="utf-8")
    real = pl.analyze

    def flaky(doc):
        if "حلب" in doc.text:
            raise OverflowError("date value out of range")
        return real(doc)

    monkeypatch.setattr(pl, "analyze", flaky)
    url = f"sqlite:///{tmp_path / 'f.db'}"
    r = pl.build([str(src)], url, progress=False)
    assert r.added == 2 and len(r.errors) == 1
    assert "analysis failed: OverflowError" in r.errors[0].reason and r.errors[0].path.endswith("1.txt")
    monkeypatch.setattr(pl, "analyze", real)
    r = pl.build([str(src)], url, progress=False)        # fixed: the next build analyses it
    assert (r.added, r.skipped) == (1, 2) and Store(url).count() == 3
