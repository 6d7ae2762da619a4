"""The on-disk cache shared by the corpus stage: $RIWAYA_CACHE_DIR, else ~/.cache/riwaya;
RIWAYA_CACHE=0 turns it off. It holds only derived values (encoder alignments, name
romanisations) keyed by what they depend on, so deleting it is always safe."""
from __future__ import annotations

import os
import sqlite3
from contextlib import closing


def cache_root() -> str | None:
    if os.environ.get("RIWAYA_CACHE", "1") == "0":
        return None
    return os.environ.get("RIWAYA_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "riwaya")


class KeyValue:
    """A small string -> string table in SQLite (one file per namespace); every error is a miss."""

    def __init__(self, namespace: str):
        root = cache_root()
        self.path = os.path.join(root, namespace + ".sqlite") if root else None

    def _connect(self):
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        con = sqlite3.connect(self.path, timeout=10)
        con.execute("CREATE TABLE IF NOT EXISTS kv (k TEXT PRIMARY KEY, v TEXT NOT NULL)")
        return con

    def get_many(self, keys: list[str]) -> dict[str, str]:
        if not self.path or not keys:
            return {}
        out: dict[str, str] = {}
        try:
            with closing(self._connect()) as con:
                for i in range(0, len(keys), 500):
                    chunk = keys[i:i + 500]
                    q = "SELECT k, v FROM kv WHERE k IN (%s)" % ",".join("?" * len(chunk))
                    out.update(con.execute(q, chunk).fetchall())
        except sqlite3.Error:
            return {}
        return out

    def put_many(self, items: dict[str, str]) -> None:
        if not self.path or not items:
            return
        try:
            with closing(self._connect()) as con, con:
                con.executemany("INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)", list(items.items()))
        except sqlite3.Error:
            pass
