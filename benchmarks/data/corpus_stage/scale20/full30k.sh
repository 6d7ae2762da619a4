#!/bin/bash
# the full SaudiNewsNet build, in phases, each under a watchdog (12 GB tree RSS) with its own log
cd /work/wt/scale20
export PYTHONPATH=$PWD RIWAYA_CACHE_DIR=/tmp/scale20/cache
PY=$PWD/.venv/bin/python
W=/tmp/scale20/work; mkdir -p $W
L=/tmp/scale20/logs; mkdir -p $L
N=30666
phase() {   # name, command...
  local name=$1; shift
  echo "$(date -u +%H:%M:%S) start $name" >> $L/driver.log
  local t0=$(date +%s.%N)
  nice -n 19 /usr/bin/time -v "$@" > $L/$name.out 2> $L/$name.err &
  local pid=$!
  $PY /tmp/scale20/watchdog.py $pid 12 $L/$name.watch $L/$name.err &
  local wd=$!
  wait $pid; local rc=$?
  wait $wd
  local t1=$(date +%s.%N)
  echo "$(date -u +%H:%M:%S) end $name rc=$rc wall=$(echo "$t1 - $t0" | bc) s" >> $L/driver.log
  return $rc
}
phase perdoc $PY -c "
import sys; sys.path.insert(0,'benchmarks'); import corpus_stage, throughput
from pathlib import Path
W=Path('$W'); arts=throughput.load_articles(None)
throughput.write_jsonl(arts[$N:$N+10], W/'next10.jsonl')
corpus_stage.build_store($N, W/'store.db', 2, W, Path(corpus_stage.ROOT.parent/'shared'/'data'/'saudinewsnet'/'dataset'))
import json; print(json.dumps({'floor': throughput.floor(W/'articles-$N')}))
" || exit 1
phase corpus $PY /tmp/scale20/stage_logged.py $W/store.db || exit 1
cp $W/store.db $W/store-after-scratch.db 2>/dev/null
phase add10 $PY benchmarks/throughput.py --_build $W/store.db 2 local $W/articles-$N $W/next10.jsonl || exit 1
phase rerun $PY benchmarks/throughput.py --_build $W/store.db 2 local $W/articles-$N $W/next10.jsonl
echo "$(date -u +%H:%M:%S) all done" >> $L/driver.log
