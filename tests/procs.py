"""Processes as Linux's /proc shows them, for tests and benchmarks that check a killed build left no
worker behind."""
from __future__ import annotations

from pathlib import Path


def _stat(pid) -> list[str]:
    # the fields after "(comm)": state, parent pid, ...
    return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()


def children(pid: int) -> list[int]:
    out = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                if int(_stat(p.name)[1]) == pid:
                    out.append(int(p.name))
            except (OSError, ValueError, IndexError):
                continue
    return out


def alive(pid: int) -> bool:
    """Running and not a zombie."""
    try:
        return _stat(pid)[0] != "Z"
    except (OSError, IndexError):
        return False
