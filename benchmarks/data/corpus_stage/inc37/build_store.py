"""inc37: the first 2,000 SaudiNewsNet articles (1,921 stored) analysed into /tmp/inc37/src2000.db
(argv: the dataset folder)."""
import sys
from pathlib import Path
sys.path.insert(0, "/work/wt/inc37/benchmarks"); sys.path.insert(0, "/work/wt/inc37")
import corpus_stage as cs
cs.build_store(2000, Path("/tmp/inc37/src2000.db"), 2, Path("/tmp/inc37/work"), Path(sys.argv[1]))
