#!/bin/bash
# start the + 10 runs of a code once its base is recorded in runs.jsonl
c=$1; shift
until grep -q "\"tag\": \"${c}7749:base\"" /tmp/idx29/runs.jsonl 2>/dev/null; do sleep 15; done
N=7749 /work/main/.venv/bin/python /tmp/idx29/exp.py "$@"
