"""- 10: the + 10 store (r1) of each code, its 10 new documents deleted (Store.delete), the stage run: the digests must
be the base's (the stage from scratch on those 1,990)."""
import json, os, shutil, sqlite3, subprocess, sys
from pathlib import Path
sys.path.insert(0, "/tmp/inc28")
_argv, sys.argv = sys.argv, sys.argv[:1]
import exp  # noqa: E402  (runs nothing without steps)
sys.argv = _argv
for c in sys.argv[1:]:
    W = Path(f"/tmp/inc28/{c}2000")
    db, cache = W / "minus.db", W / "minus_cache"
    shutil.copy(W / "r1.db", db); shutil.rmtree(cache, ignore_errors=True); shutil.copytree(W / "r1_cache", cache)
    with sqlite3.connect(exp.SRC) as s:
        ids = [x[0] for x in s.execute("SELECT id FROM documents ORDER BY seq, id LIMIT 10 OFFSET 1990")]
    code = exp.CODES[c]
    subprocess.run(["nice", "-n", "10", code + "/.venv/bin/python", "-c",
                    f"import sys; sys.path.insert(0, {code!r}); from riwaya.store import Store; "
                    f"Store('sqlite:///{db}').delete({ids!r})"], cwd=code, check=True)
    exp.run(f"{c}2000:minus10", code, db, cache)
