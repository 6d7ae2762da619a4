import json
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "fall-of-assad"
SHARED = ROOT.parent / "shared"
SAUDI = SHARED / "data" / "saudinewsnet" / "dataset"


@lru_cache(maxsize=1)
def saudi_articles(limit: int = 3000) -> list[dict]:
    out = []
    for z in sorted(SAUDI.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                out.extend(json.loads(zf.read(name)))
        if len(out) >= limit:
            break
    return out[:limit]


def cpu_floor(texts: list[str], rounds: int = 10) -> float:
    """This thread's CPU seconds for the least any text matcher does: split each text into words and look every
    word and word pair up in a dict. Speed tests divide by it, so a slower CI machine moves both sides."""
    import re
    import time
    word, table = re.compile(r"\w+"), {}
    t = time.thread_time()
    for _ in range(rounds):
        for text in texts:
            toks = word.findall(text)
            for a, b in zip(toks, toks[1:]):
                table.get(a)
                table.get(a + " " + b)
    return (time.thread_time() - t) / rounds


def find_real(pattern: str, limit: int = 3000) -> str | None:
    """A real article text containing ``pattern`` (SaudiNewsNet), or None."""
    for a in saudi_articles(limit):
        if pattern in (a.get("content") or ""):
            return a["content"]
    return None


def import_train_events(monkeypatch):
    """scripts/train_events.py as a module. Imported, it turns the learned event stage off for its process
    (RIWAYA_EVENTS_LEARNED): undone after the test by monkeypatch. The caller puts scripts/ on sys.path."""
    monkeypatch.setenv("RIWAYA_EVENTS_LEARNED", "1")
    import train_events
    return train_events


def event_at(text: str, trigger: str, typ: str = "killing", cls: str = "harm"):
    """An event mention over the whole text whose trigger is the first occurrence of `trigger` (rule tests)."""
    from riwaya.models import EventMention
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def candidate_at(text: str, span: str, etype: str = "np"):
    """An argument candidate of the learned role model over the first occurrence of `span`."""
    from riwaya.events import learned
    s = text.index(span)
    return learned.Candidate(s, s + len(span), span, None, etype, None, None, "", "")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def built_db(tmp_path_factory):
    """The bundled corpus built once into a SQLite store."""
    from riwaya.pipeline import build
    db = tmp_path_factory.mktemp("db") / "seeds.db"
    url = f"sqlite:///{db}"
    build([str(CORPUS)], url, progress=False)
    return url


needs_shared = pytest.mark.skipif(not SAUDI.exists(), reason="../shared/data not present")


@pytest.fixture(scope="session")
def pg():
    """A throwaway PostgreSQL server for the whole session; the test skips where none can start."""
    from .pgserver import PgServer, pg_bindir
    if not pg_bindir():
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    pytest.importorskip("psycopg")
    try:
        server = PgServer().start()
    except RuntimeError as e:
        pytest.skip(f"cannot start a throwaway PostgreSQL: {e}")
    yield server
    server.stop()


# The name stage's caches of verdicts derived from entity_rules.yaml: cleared when a test patches the rules.
NER_RULE_CACHES = ("_foreign_kind_of", "_foreign", "_foreign_letters", "_arabic_stem_of")


@pytest.fixture
def rules_with(monkeypatch):
    """Patch entity_rules.yaml values for one test: rules_with(key=value, ...) (the name stage reads them through
    ner._rules(); the tables derived from the lists, keys starting with "_", are rebuilt from the patched rules)."""
    import riwaya.ner as ner

    def clear():
        for name in NER_RULE_CACHES:
            getattr(ner, name).cache_clear()

    def patch(**kw):
        r = {k: v for k, v in {**ner._rules(), **kw}.items() if not k.startswith("_")}
        monkeypatch.setattr(ner, "_rules", lambda: r)
        clear()
    yield patch
    clear()


@pytest.fixture
def events_cfg():
    """The reconcile config's "events" part, put back as it was after each test (the tests set its switches)."""
    from riwaya.reconcile import core
    cfg = core.config()["events"]
    saved = json.loads(json.dumps(cfg))
    yield cfg
    cfg.clear()
    cfg.update(saved)
    core._kin_types.cache_clear()
