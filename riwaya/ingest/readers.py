"""Read articles from files, folders and globs: plain text, HTML and JSON Lines.

Each input becomes a ``Document`` whose ``text`` is what a reader of the article
sees (for HTML, the article body that trafilatura extracts) and whose ``raw``
keeps the original bytes. A file that cannot be read yields an ``IngestError``
naming it and saying why; reading goes on with the other files.
"""
from __future__ import annotations

import glob
import hashlib
import json
import re
from datetime import date
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..models import Document
from ..textutil import printable
from .metadata import iso_date

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
META_SUFFIX = ".meta.json"
MAX_BYTES = 20 * 1024 * 1024   # larger files are refused, not read into memory


@dataclass
class IngestError:
    path: str
    reason: str

    def __str__(self) -> str:
        return printable(f"{self.path}: {self.reason}")


def doc_id(text: str) -> str:
    return "d" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def expand(paths: list[str]) -> tuple[list[Path], list[IngestError]]:
    """Files named by paths, folders (recursively) and globs, in a stable order."""
    files: list[Path] = []
    errors: list[IngestError] = []
    for p in paths:
        matches = _glob(p) if glob.has_magic(p) else [p]
        if not matches:
            errors.append(IngestError(p, "no file matches this pattern"))
        for m in matches:
            path = Path(m)
            if path.is_dir():
                files.extend(sorted(f for f in path.rglob("*") if f.is_file()
                                    and not f.name.endswith(META_SUFFIX) and not f.name.startswith(".")))
            elif path.is_file():
                files.append(path)
            else:
                errors.append(IngestError(m, "no such file or folder"))
    seen, out = set(), []
    for f in files:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return out, errors


def _glob(pattern: str) -> list[str]:
    """Files and folders a pattern names, sorted. ``**`` goes through pathlib, which never
    descends into a symlinked folder (``glob.glob`` does, and a link loop never ends);
    like ``glob.glob``, names starting with a dot match only a pattern that asks for them."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    parts = Path(pattern).parts
    i = next(n for n, x in enumerate(parts) if glob.has_magic(x))
    root = Path(*parts[:i]) if i else Path(".")
    rest = parts[i:]
    dots = any(x.startswith(".") for x in rest)
    try:
        found = [m for m in root.glob(str(Path(*rest)))
                 if dots or not any(x.startswith(".") for x in m.relative_to(root).parts)]
    except (OSError, ValueError, NotImplementedError):
        return []
    return sorted(str(m) for m in found)


def decode(data: bytes) -> str:
    """Decode bytes: UTF-8 (with or without BOM) first, else the best guess."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None:
        raise ValueError("cannot detect the text encoding")
    text = str(best)
    if _looks_binary(text):
        raise ValueError("binary file (not text in any known encoding)")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0xE000 <= ord(c) <= 0xF8FF)
    return bad / len(sample) > 0.05


def _sidecar(path: Path) -> dict:
    """The metadata in NAME.meta.json beside NAME.txt; a sidecar that cannot be read or
    holds a field of the wrong type is an error for the article (ValueError)."""
    meta = path.with_name(path.stem + META_SUFFIX)
    if not meta.exists():
        return {}
    try:
        rec = load_json(meta.read_text("utf-8"))
    except (OSError, ValueError) as e:
        why = "nested too deeply" if isinstance(e, JSONTooDeep) else type(e).__name__
        raise ValueError(f"{meta.name}: cannot read the metadata ({why})") from None
    if not isinstance(rec, dict):
        raise ValueError(f"{meta.name}: the metadata must be a JSON object")
    try:
        check_fields(rec)
    except ValueError as e:
        raise ValueError(f"{meta.name}: {e}") from None
    return rec


_STRING_FIELDS = ("text", "content", "html", "url", "outlet", "source", "title", "language")
# (fuzz36) a lone surrogate ("\ud800" escaped in JSON) decodes to a str that cannot be written as UTF-8: it passed
# ingest and failed later, at the store or as a traceback out of `riwaya analyze`; now the record is refused
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class JSONTooDeep(ValueError):
    """JSON nested deeper than Python's parser recurses (``[[[[...`` thousands deep)."""


def load_json(text: str):
    """json.loads, with nesting past the parser's recursion limit a ValueError (not a RecursionError)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise JSONTooDeep("invalid JSON (nested too deeply)") from None


def _lone_surrogate(rec: dict) -> None:
    """Raise ValueError naming the first field whose text (anywhere inside it: keys, lists, objects) holds a
    lone surrogate; an explicit stack, not a recursion (the parser allows nesting past Python's stack)."""
    for top, v in rec.items():
        stack = [top, v]
        while stack:
            x = stack.pop()
            if isinstance(x, str):
                m = _SURROGATE.search(x)
                if m:
                    raise ValueError(f"field '{str(top)[:40]}' holds a lone surrogate (U+{ord(m.group()):04X}) "
                                     f"at character {m.start()}: not valid Unicode text")
            elif isinstance(x, dict):
                stack += [*x.keys(), *x.values()]
            elif isinstance(x, list):
                stack += x


@lru_cache(maxsize=1)
def date_fields() -> dict[str, tuple[str, ...]]:
    """The names a record's publication and retrieval dates go by (``data/ingest/fields.yaml``): field ->
    its names, in order of preference."""
    from ..datafiles import DATA, load_yaml
    data = load_yaml(DATA / "ingest" / "fields.yaml")
    return {k: tuple(data[k]) for k in ("published", "retrieved")}


def record_dates(rec: dict) -> dict[str, str]:
    """A record's publication and retrieval dates, each from the first of its names the record gives
    (``date_fields``): {"published": ..., "retrieved": ...}, a date not given left out."""
    out = {}
    for field, names in date_fields().items():
        v = next((rec[k] for k in names if rec.get(k) not in (None, "")), None)
        if v is not None:
            out[field] = v
    return out
_LANG_CODE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def check_fields(rec: dict) -> None:
    """Raise ValueError naming the first field whose type is wrong: the body, url, outlet,
    title and language are strings, languages a list of language codes, published and retrieved
    dates (ISO 8601, as the time tagger reads it). A missing or null field is fine. No text anywhere in the
    record may hold a lone surrogate."""
    _lone_surrogate(rec)
    for k in _STRING_FIELDS:
        v = rec.get(k)
        if v is not None and not isinstance(v, str):
            raise ValueError(f"field '{k}' must be a string, not {_json_type(v)}")
    lang = rec.get("language")
    if lang and not _LANG_CODE.fullmatch(lang):
        raise ValueError(f"field 'language' is not a language code: {lang[:40]!r}")
    langs = rec.get("languages")
    if langs is not None:
        if not isinstance(langs, list):
            raise ValueError(f"field 'languages' must be a list of language codes, not {_json_type(langs)}")
        bad = next((x for x in langs if not isinstance(x, str) or not _LANG_CODE.fullmatch(x)), None)
        if bad is not None:
            raise ValueError(f"field 'languages' holds {str(bad)[:40]!r}, not a language code")
    retrieved = set(date_fields()["retrieved"])
    for k in date_fields()["published"] + date_fields()["retrieved"]:
        v = rec.get(k)
        if v is None or v == "":
            continue
        if not isinstance(v, str):
            raise ValueError(f"field '{k}' must be a date string (YYYY-MM-DD...), not {_json_type(v)}")
        try:
            date.fromisoformat(v.strip()[:10])
            if k in retrieved:        # kept as given in the metadata: the whole value must be ISO 8601
                iso_date(v, k)
        except ValueError:
            raise ValueError(f"field '{k}' is not a date (YYYY-MM-DD...): {v[:40]!r}") from None


def _json_type(v) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(v), type(v).__name__)


def _make(text: str, raw: bytes | None, path: str | None, meta: dict) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ValueError("no text (empty file or nothing left after removing markup)")
    # the dates under whichever of their names the record gives (data/ingest/fields.yaml), the other names dropped
    dates = record_dates(meta)
    names = set(date_fields()["published"]) | set(date_fields()["retrieved"])
    meta = {k: v for k, v in meta.items() if k not in names}
    published = dates.get("published")
    if dates.get("retrieved"):   # the fetch day, not the publication: anchors times only when nothing else does
        meta["retrieved"] = iso_date(str(dates["retrieved"]), "retrieved")
    return Document(
        id=doc_id(text), text=text, raw=raw, path=path, url=meta.get("url"),
        outlet=meta.get("outlet") or meta.get("source"), title=meta.get("title"),
        published=str(published) if published else None,
        language=meta.get("language") or "ar", languages=list(meta.get("languages") or []),
        meta={k: v for k, v in meta.items() if k not in
              {"url", "outlet", "source", "title", "language", "languages", "text", "html", "content"}},
    )


def html_to_text(html: str) -> tuple[str, dict]:
    """The article body and metadata of an HTML page, furniture removed by trafilatura."""
    import trafilatura
    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                      favor_recall=True, with_metadata=True)
    if doc is None:
        raise ValueError("HTML holds no article text trafilatura can find")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = d.get("text") or ""
    meta = {"title": d.get("title"), "published": d.get("date"), "outlet": d.get("sitename"), "url": d.get("url")}
    return text, {k: v for k, v in meta.items() if v}


def read_file(path: Path) -> Iterator[Document | IngestError]:
    """Documents in one file (a JSON Lines file holds many)."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size == 0:
            yield IngestError(name, "empty file")
            return
        ext = path.suffix.lower()
        if ext in JSONL_EXT:
            # a JSON Lines file is streamed a line at a time, so only a single line has a size limit
            yield from _read_jsonl(name, _lines(path))
            return
        if size > MAX_BYTES:
            yield IngestError(name, f"file too large ({size // (1024 * 1024)} MB > {MAX_BYTES // (1024 * 1024)} MB limit)")
            return
        data = path.read_bytes()
    except OSError as e:
        yield IngestError(name, f"cannot read: {e.strerror or e}")
        return
    try:
        if ext == ".json" and data.lstrip()[:1] == b"{":
            yield from _read_jsonl(name, iter(data.splitlines()))
            return
        if ext == ".json" and data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"[":
            yield from _read_json_array(name, data)
            return
        if ext not in TEXT_EXT | HTML_EXT:
            yield IngestError(name, f"unknown file type '{ext or 'no extension'}' (expected .txt, .html or .jsonl)")
            return
        text = decode(data)
        meta = _sidecar(path)
        if ext in HTML_EXT:
            body, hmeta = html_to_text(text)
            yield _make(body, data, name, {**hmeta, **meta})
        else:
            yield _make(text, data, name, meta)
    except ValueError as e:
        yield IngestError(name, str(e))
    except Exception as e:   # a parser failing on broken input must not stop the build
        yield IngestError(name, f"cannot parse: {type(e).__name__}: {e}")


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        while True:
            line = fh.readline(MAX_BYTES + 1)
            if not line:
                return
            if len(line) > MAX_BYTES and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):       # skip the rest of the oversized line
                    line = fh.readline(MAX_BYTES + 1)
                yield b"\0TOO-LONG"
                continue
            yield line


def _read_jsonl(name: str, lines: Iterator[bytes]) -> Iterator[Document | IngestError]:
    for n, raw in enumerate(lines, 1):
        where = f"{name}:{n}"
        if raw == b"\0TOO-LONG":
            yield IngestError(where, f"line too long (> {MAX_BYTES // (1024 * 1024)} MB)")
            continue
        if not raw.strip():
            continue
        try:
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                line = decode(raw)
            rec = load_json(line)
            if not isinstance(rec, dict):
                raise ValueError("a line must be a JSON object")
            yield _record(where, rec, line.encode("utf-8"))
        except json.JSONDecodeError as e:
            yield IngestError(where, f"invalid JSON ({e.msg} at column {e.colno})")
        except ValueError as e:
            yield IngestError(where, str(e))
        except Exception as e:   # a parser failing on one broken line must not stop the file
            yield IngestError(where, f"cannot parse: {type(e).__name__}: {e}")


def _record(where: str, rec: dict, raw: bytes) -> Document | IngestError:
    """One record (a JSON object) as a document; ValueError for a field of the wrong type."""
    check_fields(rec)
    if rec.get("text") or rec.get("content"):
        return _make(rec.get("text") or rec.get("content"), raw, where, rec)
    if rec.get("html"):
        body, hmeta = html_to_text(str(rec["html"]))
        return _make(body, raw, where, {**hmeta, **rec})
    return IngestError(where, "line has neither 'text' nor 'html'")


def _read_json_array(name: str, data: bytes) -> Iterator[Document | IngestError]:
    """A JSON file holding a list of records (as a crawl exports them: SaudiNewsNet's days), each read as a
    JSON Lines line is; an item that is not an object, or not a document, is an error of its own."""
    try:
        items = load_json(decode(data))
    except ValueError as e:
        yield IngestError(name, str(e) if isinstance(e, JSONTooDeep) else f"invalid JSON ({getattr(e, 'msg', e)})")
        return
    if not isinstance(items, list):
        yield IngestError(name, "a JSON file must hold an object or a list of objects")
        return
    for n, rec in enumerate(items, 1):
        where = f"{name}:{n}"
        try:
            if not isinstance(rec, dict):
                raise ValueError("an item of the list must be a JSON object")
            yield _record(where, rec, json.dumps(rec, ensure_ascii=False).encode("utf-8"))
        except ValueError as e:
            yield IngestError(where, str(e))
        except Exception as e:   # a parser failing on one broken item must not stop the file
            yield IngestError(where, f"cannot parse: {type(e).__name__}: {e}")


def read_paths(paths: list[str]) -> Iterator[Document | IngestError]:
    files, errors = expand(paths)
    yield from errors
    for f in files:
        yield from read_file(f)


