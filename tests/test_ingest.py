"""Ingest: each format, paragraphs and languages, furniture, and bad input."""
import json

from riwaya.ingest.prepare import prepare
from riwaya.ingest.readers import IngestError, read_paths

from .conftest import CORPUS, needs_shared, saudi_articles


def _read(paths):
    items = list(read_paths([str(p) for p in paths]))
    return [i for i in items if not isinstance(i, IngestError)], [i for i in items if isinstance(i, IngestError)]


def test_bundled_corpus_with_metadata():
    docs, errors = _read([CORPUS])
    assert not errors and len(docs) == 5
    d3 = next(d for d in docs if d.path.endswith("003_f730d4489eb8df36.txt"))
    assert d3.outlet == "الحرة" and d3.title.startswith("“بداية النهاية”")
    # original bytes are kept
    assert d3.raw == (CORPUS / "003_f730d4489eb8df36.txt").read_bytes()


def test_paragraph_languages_in_a_bilingual_document():
    docs, _ = _read([CORPUS / "003_f730d4489eb8df36.txt"])
    prep = prepare(docs[0])
    langs = [p.lang for p in prep.paragraphs if not p.furniture]
    assert langs[0] == "ar" and "en" in langs
    first_en = next(p for p in prep.paragraphs if p.lang == "en")
    assert prep.clean[first_en.start:first_en.end].startswith("“The Beginning of the End”")


def test_furniture_is_blanked_but_kept_in_the_original():
    docs, _ = _read([CORPUS / "002_85b225f4e7199789.txt", CORPUS / "001_208c52477ec2b0a9.txt"])
    for d in docs:
        prep = prepare(d)
        furn = [d.text[prep.offsets[p.start]:prep.offsets[p.end - 1] + 1] for p in prep.paragraphs if p.furniture]
        for f in furn:
            assert f in d.text                      # the original is untouched
            assert prep.clean.count(f) < d.text.count(f)   # analysis never sees this copy
    d2 = next(d for d in docs if "002_" in d.path)
    furn = [p for p in prepare(d2).paragraphs if p.furniture]
    assert len(furn) == 4   # two masthead lines, "شارك", "مقالات ذات صلة"


def test_glob_and_directory(tmp_path):
    docs, errors = _read([str(CORPUS / "00[12]_*.txt")])
    assert len(docs) == 2 and not errors
    _, errors = _read([str(tmp_path / "nothing*.txt")])
    assert errors and "no file matches" in errors[0].reason


@needs_shared
def test_html_boilerplate_removed(tmp_path):
    art = next(a for a in saudi_articles() if len(a.get("content") or "") > 1500)
    paras = "".join(f"<p>{p}</p>" for p in art["content"].split("\n") if p.strip())
    html = f"""<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{art['title']}</title></head>
    <body><header><nav><a href="/">الرئيسية</a> <a href="/s">رياضة</a> <a href="/p">سياسة</a></nav></header>
    <main><article><h1>{art['title']}</h1>{paras}</article></main>
    <aside><h3>مقالات ذات صلة</h3><ul><li><a href="/x">خبر آخر لا علاقة له</a></li></ul></aside>
    <footer>جميع الحقوق محفوظة © 2015 <a href="/privacy">سياسة الخصوصية</a></footer></body></html>"""
    f = tmp_path / "page.html"
    f.write_text(html, encoding="utf-8")
    docs, errors = _read([f])
    assert not errors
    body = docs[0].text
    first = next(p for p in art["content"].split("\n") if len(p) > 80)
    assert first[:60] in body
    assert "سياسة الخصوصية" not in body and "خبر آخر لا علاقة له" not in body
    assert docs[0].raw == html.encode("utf-8")


@needs_shared
def test_jsonl_text_and_html_lines(tmp_path):
    arts = saudi_articles()[:3]
    lines = [json.dumps({"text": a["content"], "url": a["url"], "outlet": a["source"], "title": a["title"],
                         "published": a["date_extracted"][:10]}, ensure_ascii=False) for a in arts[:2]]
    lines.append(json.dumps({"html": "<html><body><article>" + "".join(
        f"<p>{p}</p>" for p in arts[2]["content"].split("\n")) + "</article></body></html>"}, ensure_ascii=False))
    lines.append("{not json")
    lines.append(json.dumps({"url": "x"}))
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(lines), encoding="utf-8")
    docs, errors = _read([f])
    assert len(docs) == 3
    assert docs[0].outlet == arts[0]["source"] and docs[0].published == arts[0]["date_extracted"][:10]
    assert sorted(e.path for e in errors) == [f"{f}:4", f"{f}:5"]
    assert "invalid JSON" in errors[0].reason or "invalid JSON" in errors[1].reason


def test_windows_1256_arabic_is_decoded(tmp_path):
    text = (CORPUS / "004_b6ed659c7353c9c8.txt").read_text("utf-8").replace("“", '"').replace("”", '"')
    f = tmp_path / "legacy.txt"
    f.write_bytes(text.encode("cp1256", errors="replace"))
    docs, errors = _read([f])
    assert not errors
    assert "الكرملين" in docs[0].text


def test_bad_inputs_each_get_one_clear_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (tmp_path / "broken.html").write_text("<html><body><div><p>", encoding="utf-8")
    (tmp_path / "blank.txt").write_text("   \n\n  ", encoding="utf-8")
    (tmp_path / "good.txt").write_text((CORPUS / "004_b6ed659c7353c9c8.txt").read_text("utf-8"), encoding="utf-8")
    docs, errors = _read([tmp_path])
    assert len(docs) == 1
    reasons = {e.path.rsplit("/", 1)[-1]: e.reason for e in errors}
    assert set(reasons) == {"empty.txt", "binary.txt", "image.png", "broken.html", "blank.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "unknown file type" in reasons["image.png"]
    assert "no text" in reasons["blank.txt"]


def test_jsonl_larger_than_the_file_limit_is_streamed(tmp_path, monkeypatch):
    # a JSON Lines export of a year of coverage is bigger than one article may be: it is read a line at a time
    from riwaya.ingest import readers
    monkeypatch.setattr(readers, "MAX_BYTES", 4096)
    p = tmp_path / "big.jsonl"
    with p.open("w", encoding="utf-8") as f:
        f.write("\ufeff")                                        # a BOM on the first line is tolerated
        for i in range(200):
            f.write(json.dumps({"text": f"مقال رقم {i} عن دمشق.", "outlet": "x"}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"text": "ا" * 10000}) + "\n")        # one oversized line
        f.write(json.dumps({"text": "آخر سطر."}, ensure_ascii=False) + "\n")
    assert p.stat().st_size > 4096
    out = list(read_paths([str(p)]))
    docs = [d for d in out if not isinstance(d, IngestError)]
    errs = [e for e in out if isinstance(e, IngestError)]
    assert len(docs) == 201 and docs[-1].text == "آخر سطر."
    assert len(errs) == 1 and "line too long" in str(errs[0]) and ":201" in str(errs[0])


def test_a_newsletter_promotion_is_furniture():
    """A wire's promotion line ending in "Sign up here." is page furniture, not a paragraph to analyse; a
    long paragraph that happens to end so is kept."""
    from riwaya.ingest.prepare import is_furniture
    assert is_furniture("Get the latest news and expert analysis about the election with the newsletter "
                        "On the Campaign Trail. Sign up here.", set())
    assert is_furniture("اشترك الآن", set())
    assert not is_furniture("The opposition said it took control of the city on Thursday.", set())
    assert not is_furniture(" ".join(["word"] * 60) + " Sign up here.", set())
