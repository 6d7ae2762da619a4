#!/bin/bash
# the rest of the full build once the per-document phase (pid 636) has ended: the corpus stage, + 10, nothing new,
# all with the code of the branch as it was (/tmp/scale20/before), each under the watchdog
B=/tmp/scale20/before
cd $B
export PYTHONPATH=$B RIWAYA_CACHE_DIR=/tmp/scale20/cache
PY=/work/wt/scale20/.venv/bin/python
W=/tmp/scale20/work
L=/tmp/scale20/logs
N=30666
while kill -0 636 2>/dev/null; do sleep 5; done
echo "$(date -u +%H:%M:%S) perdoc ended" >> $L/driver.log
phase() {
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
grep -q "stored" $L/perdoc.err || { echo "perdoc did not finish" >> $L/driver.log; exit 1; }
phase corpus $PY /tmp/scale20/stage_logged.py $W/store.db || exit 1
phase add10 $PY $B/benchmarks/throughput.py --_build $W/store.db 2 local $W/articles-$N $W/next10.jsonl || exit 1
phase rerun $PY $B/benchmarks/throughput.py --_build $W/store.db 2 local $W/articles-$N $W/next10.jsonl
echo "$(date -u +%H:%M:%S) all done" >> $L/driver.log
