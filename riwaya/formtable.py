"""Per-word-form results shipped with the package (issue 20): what a fresh process would otherwise compute for
every word form it meets first, for the commonest forms of SaudiNewsNet, read from one data file.

``data/forms/table.json.gz`` holds a list of word forms (the most frequent of SaudiNewsNet, counted by
``scripts/build_form_table.py``) and, per *section* (one memoised per-form function), its value for each
form, with the *fingerprint* of what the value depends on: the bytes of the source files and data files
the section lists below, and the versions of the libraries it reads. A section whose fingerprint is not
the current one (a data file or its code was edited, a model retrained) is not used: its function computes
every form as it did before, so the output never depends on the table, only the speed does.
``tests/test_form_table.py`` fails while a section is stale; ``scripts/build_form_table.py`` rewrites the
values from the shipped form list (seconds).

A section is also left unused when an environment variable changes what its function reads
(``RIWAYA_KB_EXTRA``, ``RIWAYA_NER_CLUSTERS``) or ``RIWAYA_NO_FORM_TABLE`` is set (for measuring)."""
from __future__ import annotations

import gzip
import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

PKG = Path(__file__).resolve().parent
TABLE = PKG / "data" / "forms" / "table.json.gz"

# section -> (package files it depends on: sources and data, globs relative to riwaya/; libraries;
#             environment variables that change its function's inputs)
SECTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    # ner._foreign_kind(word, th): is a word a transliterated name (its letters, wordfreq, the name lists,
    # the letter-shape model, the knowledge base's names)
    "ner.foreign_kind": (
        ("ner/__init__.py", "ner/morph.py", "ner/features.py", "lang/*.py", "textutil.py",
         "ingest/repair.py", "kb/*.py", "data/ner/*.txt", "data/ner/*.yaml", "data/ner/*.json",
         "data/ner/foreign_shape.tsv", "data/lang/*", "data/kb/*", "data/ingest/repair.yaml"),
        ("wordfreq",),
        ("RIWAYA_KB_EXTRA", "RIWAYA_NER_CLUSTERS"),
    ),
    # ner.features.DocScorer's entry of a word under the shipped CRF model (crf.model): the model's ids of
    # the word's own attributes (a value other than 1 as -(id * 16 + value)) and of those it lends its
    # neighbours; stored as arrays in data/forms/ner_crf_words.npz for the first `n` forms
    "ner.crf_words": (
        ("ner/features.py", "ner/crf.py", "lang/*.py", "data/lang/*", "data/ner/*.txt", "data/ner/clusters.tsv.gz",
         "data/ner/crf.model"),
        ("numpy",),
        ("RIWAYA_NER_CLUSTERS", "RIWAYA_NER_MODEL"),   # another model: the shipped model's word ids are not its
    ),
    # events.propose: a normalised form's lexicon verdict (_known) and its form score under the shipped
    # lexicon and proposer model (_form_score); the forms are the section's own ("keys": normalised, distinct)
    "events.propose_forms": (
        ("events/propose.py", "events/extract.py", "events/learned.py", "event_schema.py", "ner/features.py",
         "lang/*.py", "textutil.py", "data/events/*", "data/lang/*", "data/ner/clusters.tsv.gz"),
        ("numpy",),
        ("RIWAYA_EVENTS_LEARNED", "RIWAYA_NER_CLUSTERS", "RIWAYA_EVENTS_MODEL"),   # another weights file: its
    ),                                                                           # proposer is not the shipped one
    # ner.features._context_word(w) less its first field (the stripped key, made from the word at use):
    # whether the word is counted, the title/trigger evidence it lends, whether it is a common given name
    "ner.context_word": (
        ("ner/features.py", "lang/*.py", "data/lang/*", "data/ner/*.txt"),
        (),
        (),
    ),
    # events.learned._shape_of(raw): a token's shape for the argument model (proclitic, verb prefix, ending)
    "learned.shape_of": (
        ("events/learned.py", "lang/*.py", "textutil.py", "data/lang/*", "data/events/cues.yaml"),
        (),
        (),
    ),
}


def _files(globs) -> list[Path]:
    out: set[Path] = set()
    for g in globs:
        out.update(p for p in PKG.glob(g) if p.is_file())
    return sorted(out)


def fingerprint(section: str) -> str:
    """A hash of what the section's values depend on: its files' paths and bytes, its libraries' versions."""
    files, libs, _env = SECTIONS[section]
    h = hashlib.blake2b(digest_size=12)
    for p in _files(files):
        h.update(p.relative_to(PKG).as_posix().encode() + b"\0")
        h.update(hashlib.blake2b(p.read_bytes(), digest_size=16).digest())
    from importlib.metadata import PackageNotFoundError, version
    for lib in libs:
        try:
            v = version(lib)
        except PackageNotFoundError:
            v = "-"
        h.update(f"{lib}={v}\0".encode())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _table() -> dict:
    """The table file, or {} when it is missing or unreadable (every section then computed)."""
    try:
        with gzip.open(TABLE, "rt", encoding="utf-8") as f:
            t = json.load(f)
        if not isinstance(t, dict) or not isinstance(t.get("forms"), list) or not isinstance(t.get("sections"), dict):
            return {}
        return t
    except (OSError, ValueError, EOFError):
        return {}


def status(section: str) -> str:
    """"ok", or why the section is not used: "missing", "stale", "env RIWAYA_...", "off"."""
    if os.environ.get("RIWAYA_NO_FORM_TABLE"):
        return "off"
    for var in SECTIONS[section][2]:
        if os.environ.get(var):
            return f"env {var}"
    s = _table().get("sections", {}).get(section)
    if not isinstance(s, dict) or not (isinstance(s.get("values"), list) and isinstance(s.get("codes"), list)
                                       or isinstance(s.get("file"), str) and isinstance(s.get("n"), int)):
        return "missing"
    if s.get("fingerprint") != fingerprint(section):
        return "stale"
    return "ok"


@lru_cache(maxsize=None)
def seed(section: str) -> tuple[dict, tuple]:
    """({form: value}, the section's extra arguments) when the section is current, else ({}, ()).
    Values are stored once each (``values``) and a form's is its index (``codes``, one per form)."""
    try:
        if status(section) != "ok":
            return {}, ()
        t = _table()
        s = t["sections"][section]
        vals = [tuple(v) if isinstance(v, list) else v for v in s["values"]]
        forms, codes = s.get("keys") or t["forms"], s["codes"]
        if len(codes) != len(forms):
            return {}, ()
        return {w: vals[c] for w, c in zip(forms, codes) if c >= 0}, tuple(s.get("args") or ())
    except (KeyError, TypeError, IndexError, ValueError):
        return {}, ()


def encode(values: list) -> tuple[list, list[int]]:
    """(distinct values in first-seen order, each form's index): a section's values as stored."""
    index: dict = {}
    codes = []
    for v in values:
        k = json.dumps(v, ensure_ascii=False)
        if k not in index:
            index[k] = len(index)
        codes.append(index[k])
    return [json.loads(k) for k in index], codes


@lru_cache(maxsize=None)
def arrays(section: str):
    """({form: row}, the arrays of the section's .npz file) when the section is current, else None."""
    try:
        if status(section) != "ok":
            return None
        import numpy as np
        s = _table()["sections"][section]
        with np.load(TABLE.parent / s["file"], allow_pickle=False) as z:
            arrs = {k: z[k] for k in z.files}
        forms = (s.get("keys") or _table()["forms"])[:s["n"]]
        ok = arrs.get("ok")
        if ok is None or len(ok) != len(forms):
            return None
        return {w: j for j, w in enumerate(forms) if ok[j]}, arrs
    except (OSError, KeyError, TypeError, ValueError):
        return None
