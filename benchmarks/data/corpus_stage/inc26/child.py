import os, sys
code, db = sys.argv[1], sys.argv[2]
prof = sys.argv[3] if len(sys.argv) > 3 else None
sys.path.insert(0, os.path.join(code, "benchmarks")); sys.path.insert(0, code)
import corpus_stage
if prof:
    import cProfile, time
    p = cProfile.Profile(time.process_time)
    p.enable()
    try:
        corpus_stage._run_stage(db)
    finally:
        p.disable(); p.dump_stats(prof)
else:
    corpus_stage._run_stage(db)
