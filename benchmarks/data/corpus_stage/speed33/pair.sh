#!/bin/bash
# alternate branch (X) and base (M) runs of the corpus stage, then of a fresh process's warm-up
S=/tmp/speed33/run/stage.py; SEED=/tmp/speed33/run/seed.db; J=/tmp/speed33/tuning/part.jsonl; O=/tmp/speed33/run/out
for r in 2 3; do
  (cd /work/wt/speed33 && PYTHONHASHSEED=0 .venv/bin/python $S X$r $SEED $J $O)
  (cd /tmp/speed33/b/basecode && PYTHONHASHSEED=0 .venv/bin/python $S M$r $SEED $J $O)
done
for r in 1 2 3; do
  (cd /tmp/speed33/b/basecode && PYTHONHASHSEED=0 .venv/bin/python /tmp/speed33/run/warm.py M$r $J)
  (cd /work/wt/speed33 && PYTHONHASHSEED=0 .venv/bin/python /tmp/speed33/run/warm.py X$r $J)
done
