import os, sys
code, db = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(code, "benchmarks")); sys.path.insert(0, code)
import corpus_stage
corpus_stage._run_stage(db)
