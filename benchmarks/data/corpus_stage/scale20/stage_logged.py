"""corpus_stage.py's child (_run_stage), with each step printed to stderr as it ends (for the watchdog's log)."""
import sys, time
sys.path.insert(0, "/tmp/scale20/before"); sys.path.insert(0, "/tmp/scale20/before/benchmarks")
import corpus_stage
from riwaya import blocks
_call = blocks._Clock.__call__
def logged(self, step):
    _call(self, step)
    print(f"{time.strftime('%H:%M:%S')} step {step}: {self.seconds[step]} s wall {self.cpu[step]} s cpu, "
          f"HWM {corpus_stage._status('VmHWM'):.0f} MB", file=sys.stderr, flush=True)
blocks._Clock.__call__ = logged
corpus_stage._run_stage(sys.argv[1])
