"""benchmarks/events_corpus/paired_docs.py: a paired bootstrap of two arms' per-document counts (argfit20)."""
import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "events_corpus" / "paired_docs.py"


def test_paired_bootstrap(tmp_path):
    # per document: (gold mentions, class and actor right, every argument right)
    a = {f"d{i}": [10, 5, 2] for i in range(20)}
    b = {f"d{i}": [10, 6 if i < 10 else 5, 2] for i in range(20)}
    f = tmp_path / "per.json"
    f.write_text(json.dumps({"A": {"dev": a}, "B": {"dev": b}}))
    out = subprocess.run([sys.executable, str(SCRIPT), str(f), "A", "B", "--n", "500"], capture_output=True,
                         text=True, check=True).stdout.splitlines()
    assert out[0].startswith("dev class and main actor: A 0.500 -> B 0.550 (+10 of 200 mentions; 10 documents up, 0 down")
    assert "B below A in 0% of draws" in out[0]
    assert "(+0 of 200 mentions; 0 documents up, 0 down; 95% +0.000 .. +0.000" in out[1]
