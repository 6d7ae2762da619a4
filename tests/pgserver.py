"""A throwaway PostgreSQL cluster for the tests: initdb into a temp dir, a free localhost port; as
root the server runs as the ``postgres`` OS user. Used by the ``pg`` fixture in conftest.py."""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time

from .serving import free_port


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
