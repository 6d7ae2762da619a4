"""Short hashes of the code and data a stage reads, so that results stored by an older
version of that stage are recomputed instead of silently kept."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def code_fingerprint(parts: list[str], extra_env: str | None = "RIWAYA_KB_EXTRA") -> str:
    """sha1 over the files under ``parts`` (paths relative to the package), plus the
    user's extra knowledge-base files named in ``extra_env``."""
    h = hashlib.sha1()
    for part in parts:
        p = ROOT / part
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file() and f.suffix != ".pyc":
                h.update(str(f.relative_to(ROOT)).encode())
                h.update(f.read_bytes())
    for f in (os.environ.get(extra_env) or "").split(os.pathsep) if extra_env else []:
        if f:
            try:
                h.update(Path(f).read_bytes())
            except OSError:
                pass
    return h.hexdigest()[:10]
