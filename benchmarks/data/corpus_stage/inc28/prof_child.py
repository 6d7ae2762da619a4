import os, sys, cProfile, time
code, db, out = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, os.path.join(code, "benchmarks")); sys.path.insert(0, code)
import corpus_stage
p = cProfile.Profile(time.process_time)
p.enable()
try:
    corpus_stage._run_stage(db)
finally:
    p.disable(); p.dump_stats(out)
