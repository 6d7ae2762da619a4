"""inc37 (issue 20): load30's + 10 runner (``../load30/exp.py``: settings SRC, WORK, N, CODES, BASE) with inc37's
merge counters recorded too. Steps as there: base:C, plus:C:NAME (then again with nothing new), plusonly:C:NAME,
full:C:NAME, scratch:C."""
import os, shutil, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "load30"))
import exp as _x

_x.KEYS = _x.KEYS + ("subparts_merged", "subparts_merge_read_back")
if __name__ == "__main__":
    N, K, WORK = _x.N, _x.K, _x.WORK
    for step in sys.argv[1:]:
        mode, c, *name = step.split(":")
        W = WORK / f"{c}{N}"
        W.mkdir(parents=True, exist_ok=True)
        if mode == "base":
            db = _x.subset(N - K, W / "base.db")
            shutil.rmtree(W / "cache", ignore_errors=True); (W / "cache").mkdir()
            _x.run(f"{c}{N}:base", _x.CODES[c], db, W / "cache")
        elif mode in ("plus", "plusonly", "full"):
            db, cache = _x.plus_copy(c, name[0])
            _x.run(f"{c}{N}:{mode}:{name[0]}", _x.CODES[c], db, cache, full=mode == "full")
            if mode == "plus":
                _x.run(f"{c}{N}:again:{name[0]}", _x.CODES[c], db, cache)
        elif mode == "scratch":
            db = _x.subset(N, W / "scratch.db")
            cache = W / "scratch_cache"; shutil.rmtree(cache, ignore_errors=True); cache.mkdir()
            _x.run(f"{c}{N}:scratch", _x.CODES[c], db, cache)
