"""The benchmark's memory sampler: what a process tree holds, with and without counting the
pages forked workers share with their parent twice."""
from __future__ import annotations

import sys

from bench import procmem

SHARED_MB = 160
# a parent fills a buffer, forks a child that only reads it, and both wait a while
FORKED = f"""
import os, time
buffer = bytearray({SHARED_MB} << 20)
for at in range(0, len(buffer), 4096):    # touch every page, so that it is resident
    buffer[at] = 1
pid = os.fork()
time.sleep(1.0)
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
"""


def test_summed_rss_counts_shared_pages_twice_and_pss_once():
    measured = procmem.run_measured([sys.executable, "-c", FORKED], timeout=60)
    assert measured.ok and measured.max_procs == 2
    assert measured.peak_mb > 1.8 * SHARED_MB
    assert SHARED_MB < measured.peak_pss_mb < 1.3 * SHARED_MB
