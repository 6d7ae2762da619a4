"""The store on a real PostgreSQL server: a throwaway cluster (initdb into a temp dir,
a free localhost port; as root the server runs as the ``postgres`` OS user) gets the
bundled corpus, and its export equals SQLite's. Readers see consistent snapshots
while a build writes, on both back ends. Skips cleanly without PostgreSQL.
"""
from __future__ import annotations

import threading

import pytest

from riwaya.pipeline import build
from riwaya.store import Store, normalize_url

from .conftest import CORPUS
from .serving import free_port

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time


def pg_bindir() -> str | None:
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(d, "initdb")):
            return d
    initdb = shutil.which("initdb")
    return os.path.dirname(initdb) if initdb else None


class PgServer:
    def __init__(self):
        self.bindir = pg_bindir()
        if not self.bindir:
            raise RuntimeError("PostgreSQL server binaries not found")
        self.dir = tempfile.mkdtemp(prefix="riwaya-pg-")
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        self.as_user = None
        if os.geteuid() == 0:
            import pwd
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError as e:
                raise RuntimeError("running as root and there is no 'postgres' OS user") from e
            self.as_user = pw
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        self.data = os.path.join(self.dir, "data")
        self.user = "riwaya"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        kw = {}
        if self.as_user is not None:
            pw = self.as_user

            def demote():
                os.setgid(pw.pw_gid)
                os.setuid(pw.pw_uid)
            kw["preexec_fn"] = demote
        env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
        return subprocess.run(list(args), cwd=self.dir, env=env, capture_output=True, text=True, timeout=120, **kw)

    def start(self) -> "PgServer":
        r = self._run(os.path.join(self.bindir, "initdb"), "-D", self.data, "-U", self.user, "-A", "trust",
                      "-E", "UTF8", "--no-sync")
        if r.returncode:
            raise RuntimeError(f"initdb failed: {r.stderr[-500:]}")
        r = self._run(os.path.join(self.bindir, "pg_ctl"), "-D", self.data, "-w", "-t", "60", "-l",
                      os.path.join(self.dir, "log"), "-o",
                      f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
        if r.returncode:
            raise RuntimeError(f"pg_ctl start failed: {r.stderr[-500:]} {r.stdout[-500:]}")
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        return self

    def create_db(self, name: str) -> str:
        import psycopg
        with psycopg.connect(f"postgresql://{self.user}@127.0.0.1:{self.port}/postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def url(self, name: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        try:
            self._run(os.path.join(self.bindir, "pg_ctl"), "-D", self.data, "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="module")
def pg():
    if not pg_bindir():
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    pytest.importorskip("psycopg")
    try:
        server = PgServer().start()
    except RuntimeError as e:
        pytest.skip(f"cannot start a throwaway PostgreSQL: {e}")
    yield server
    server.stop()


def test_postgres_urls_use_psycopg3():
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgres://u@h:5/db") == "postgresql+psycopg://u@h:5/db"


def test_postgres_build_equals_sqlite(pg, built_db, tmp_path):
    url = pg.create_db("riwaya_equal")
    r = build([str(CORPUS)], url, progress=False)
    assert (r.added, r.skipped) == (5, 0) and not r.errors
    assert Store(url).schema_version() == Store(built_db).schema_version()
    exp_pg, exp_lite = Store(url).export(), Store(built_db).export()
    assert exp_pg == exp_lite
    r2 = build([str(CORPUS)], url, progress=False)          # idempotent on PostgreSQL too
    assert (r2.added, r2.skipped) == (0, 5)
    assert Store(url).export() == exp_pg


def test_postgres_incremental_corpus_stage_equals_sqlite(pg, built_db):
    """Three articles, then all five: the second corpus stage carries parts over on PostgreSQL too."""
    url = pg.create_db("riwaya_incremental")
    files = sorted(p for p in CORPUS.rglob("*.txt"))
    build([str(p) for p in files[:3]], url, progress=False)
    build([str(CORPUS)], url, progress=False)
    assert Store(url).corpus_journal(1)[0]["parts_carried_over"] > 0
    assert Store(url).export() == Store(built_db).export()


def test_postgres_refuses_nul_for_one_document_and_keeps_the_rest(pg, tmp_path):
    url = pg.create_db("riwaya_nul")
    f = tmp_path / "in.jsonl"
    f.write_text('{"text": "نص فيه \\u0000 حرف فارغ"}\n{"text": "خبر عادي عن دمشق"}\n', encoding="utf-8")
    r = build([str(f)], url, progress=False)
    assert r.added + len(r.errors) == 2 and r.added >= 1
    s = Store(url)
    assert set(s.analyses()) == {d["id"] for d in s.documents()}


def _readers_consistent_while_building(url: str, paths: list[str]) -> None:
    store = Store(url)
    problems: list[str] = []
    reads = {"n": 0}
    done = threading.Event()

    def reader():
        while not done.is_set():
            try:
                exp = store.export()
                ids = {d["id"] for d in exp["documents"]}
                with store.snapshot():
                    analysed = set(store.analyses())
                    docs = {d["id"] for d in store.documents()}
                if docs != analysed:
                    problems.append(f"snapshot: {len(docs)} documents but {len(analysed)} analyses")
                for e in exp["entities"]:
                    for m in e.get("mentions", []):
                        if m["doc"] not in ids:
                            problems.append(f"entity {e['id']} points at a document not in the export")
                reads["n"] += 1
            except Exception as e:      # noqa: BLE001 - any error is a failure here
                problems.append(f"{type(e).__name__}: {e}")
                return

    t = threading.Thread(target=reader)
    t.start()
    try:
        r = build(paths, url, progress=False)
    finally:
        done.set()
        t.join(60)
    assert not problems, problems[:3]
    assert reads["n"] >= 2 and not r.errors


def _two_step_corpus(tmp_path):
    """The bundled corpus in two folders, so the second build adds to a store with a
    corpus stage already written."""
    import shutil
    files = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for n, p in enumerate(files):
        dest = a if n < 2 else b
        shutil.copy(p, dest / p.name)
        meta = p.with_name(p.stem + ".meta.json")
        if meta.exists():
            shutil.copy(meta, dest / meta.name)
    return a, b


def test_sqlite_readers_see_consistent_snapshots_while_a_build_writes(tmp_path):
    a, b = _two_step_corpus(tmp_path)
    url = f"sqlite:///{tmp_path / 'conc.db'}"
    build([str(a)], url, progress=False)
    _readers_consistent_while_building(url, [str(b)])


def test_postgres_readers_see_consistent_snapshots_while_a_build_writes(pg, tmp_path):
    a, b = _two_step_corpus(tmp_path)
    url = pg.create_db("riwaya_conc")
    build([str(a)], url, progress=False)
    _readers_consistent_while_building(url, [str(b)])
