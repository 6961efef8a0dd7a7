"""Run a command and measure it: wall time, exit status, and the peak of the SUM of the resident
set sizes (RSS) of the process and all its descendants, sampled from /proc every ~10 ms.

Dossier builds with worker processes, so the memory of the parent alone would understate it.
Summing RSS counts pages shared between a parent and its forked workers once per process: it is
an upper bound of what the tree really holds, and the same rule is applied to every tool.
Beside it, the peak of the summed proportional set sizes (PSS, from ``smaps_rollup``: a page
shared by k processes counts 1/k in each) is what the tree holds; for a single process the two
agree. PSS costs the kernel a walk of the page tables (35 ms for a 1.3 GB process here), so
it is read only near the peak of the summed RSS (within 10%), and rarely enough to keep the
sampler under 2% of a core: it must not slow down what it measures.

Also reported: the CPU seconds of the tree (from wait4's resource usage, which includes the
workers the tree reaped) and how many cores OTHER processes kept busy during the run (machine-wide
busy time from /proc/stat minus the tree's), which tells a quiet machine from a shared one.

Cheap enough to run beside a benchmark: each sample lists /proc, reads ``stat`` only for process
ids not seen before (to learn their parent), and ``statm`` for the members of the tree.
Linux only, standard library only.
"""
from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE")
CLK_TCK = os.sysconf("SC_CLK_TCK")
MB = 1024 * 1024


def _ppid(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read()
    except OSError:
        return None
    # "pid (comm) state ppid ..." where comm may contain spaces and parentheses
    return int(data[data.rindex(b")") + 2:].split(b" ", 2)[1])


def busy_seconds() -> float:
    """CPU seconds spent busy by the whole machine since boot (all cores, from /proc/stat)."""
    try:
        with open("/proc/stat", "rb") as f:
            fields = f.readline().split()[1:]
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / CLK_TCK


def wait_for_quiet(max_wait: float, threshold: float = 0.3, window: float = 0.5) -> float:
    """Wait (up to ``max_wait`` s) until the machine keeps fewer than ``threshold`` cores busy
    over a ``window``-second look; return the last load seen. Call it while idle yourself."""
    deadline = time.monotonic() + max_wait
    while True:
        before = busy_seconds()
        time.sleep(window)
        load = (busy_seconds() - before) / window
        if load < threshold or time.monotonic() >= deadline:
            return load


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split(b" ", 2)[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


class TreeSampler(threading.Thread):
    """Samples the summed RSS (and, near its peak, the summed PSS) of ``root`` and its
    descendants until stopped."""

    PSS_SHARE = 0.02          # of one core, at most, spent reading PSS

    def __init__(self, root: int, interval: float = 0.01) -> None:
        super().__init__(daemon=True, name=f"mem-sampler-{root}")
        self.root = root
        self.interval = interval
        self.peak = 0             # bytes
        self.peak_pss = 0         # bytes
        self._pss_after = 0.0     # monotonic time before which PSS is not read again
        self.peak_procs = 0       # processes in the tree at the peak
        self.max_procs = 0
        self.samples = 0
        self._halt = threading.Event()
        self._parent: dict[int, int | None] = {}   # every pid seen in /proc → its parent
        self._tree: set[int] = {root}

    def sample(self) -> int:
        try:
            listed = {int(n) for n in os.listdir("/proc") if n.isdigit()}
        except OSError:
            return 0
        for gone in self._parent.keys() - listed:    # forget the dead: their ids may be reused
            del self._parent[gone]
            self._tree.discard(gone)
        for pid in sorted(listed - self._parent.keys()):   # parents usually precede children
            ppid = _ppid(pid)
            self._parent[pid] = ppid
            if pid != self.root and ppid in self._tree:
                self._tree.add(pid)
        if self.root in listed:
            self._tree.add(self.root)
        total = sum(_rss(pid) for pid in self._tree)
        now = time.monotonic()
        if total >= 0.9 * max(self.peak, total) and now >= self._pss_after:
            self.peak_pss = max(self.peak_pss, sum(_pss(pid) for pid in self._tree))
            spent = time.monotonic() - now
            self._pss_after = now + max(0.1, spent / self.PSS_SHARE)
        self.samples += 1
        self.max_procs = max(self.max_procs, len(self._tree))
        if total > self.peak:
            self.peak, self.peak_procs = total, len(self._tree)
        return total

    def run(self) -> None:
        while not self._halt.is_set():
            self.sample()
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        if self.is_alive():
            self.join()

    @property
    def peak_mb(self) -> float:
        return self.peak / MB

    @property
    def peak_pss_mb(self) -> float:
        return self.peak_pss / MB


@dataclass
class Measured:
    cmd: list[str]
    returncode: int | None     # None when it was killed at the timeout
    wall: float                # seconds from start to exit
    peak_mb: float             # peak of the summed RSS of the process tree
    peak_pss_mb: float         # peak of the summed PSS of the process tree (sampled less often)
    max_procs: int             # most processes seen in the tree at once
    samples: int
    cpu: float                 # user + system CPU seconds of the process and its reaped children
    others: float              # cores kept busy by OTHER processes meanwhile (0 = quiet machine)
    timed_out: bool
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out

    def tail(self, lines: int = 12) -> str:
        text = (self.stderr.strip() or self.stdout.strip())
        return "\n".join(text.splitlines()[-lines:])


def kill_group(proc: subprocess.Popen, grace: float = 3.0) -> None:
    """SIGTERM the process group of ``proc`` (started with start_new_session=True), then
    SIGKILL whatever is left after ``grace`` seconds."""
    try:
        pgid = os.getpgid(proc.pid)
    except ProcessLookupError:
        return
    try:
        os.killpg(pgid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    try:
        os.killpg(pgid, signal.SIGKILL)   # workers that ignored SIGTERM, or the leader itself
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


def run_measured(cmd: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None,
                 timeout: float = 600.0, log_dir: Path | None = None,
                 name: str = "run", interval: float = 0.01) -> Measured:
    """Run ``cmd`` to completion (or ``timeout``) and measure it.

    Output goes to files (``log_dir/name.out|.err``, or a temporary folder), never to pipes, so
    a chatty tool cannot block and the harness does no reading while the clock runs.
    """
    import tempfile

    own_tmp = None
    if log_dir is None:
        own_tmp = tempfile.TemporaryDirectory(prefix="bench-log-")
        log_dir = Path(own_tmp.name)
    log_dir.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log_dir / f"{name}.out", log_dir / f"{name}.err"
    timed_out = threading.Event()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        busy0 = busy_seconds()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=err, start_new_session=True)
        sampler = TreeSampler(proc.pid, interval)
        sampler.start()

        def signal_group(sig: int) -> None:      # never waits: the main thread reaps
            try:
                os.killpg(proc.pid, sig)
            except (ProcessLookupError, PermissionError):
                pass

        def on_timeout() -> None:
            timed_out.set()
            signal_group(signal.SIGTERM)
            later = threading.Timer(2.0, signal_group, (signal.SIGKILL,))
            later.daemon = True
            later.start()

        timer = threading.Timer(timeout, on_timeout)
        timer.daemon = True
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            busy = busy_seconds() - busy0
            proc.returncode = os.waitstatus_to_exitcode(status)
        except BaseException:        # Ctrl-C: take the tree down with us
            kill_group(proc, grace=1.0)
            raise
        finally:
            timer.cancel()
            sampler.stop()
        # workers that outlived their parent (they should not) are ended too
        signal_group(signal.SIGKILL)
    cpu = usage.ru_utime + usage.ru_stime
    result = Measured(cmd=list(map(str, cmd)),
                      returncode=None if timed_out.is_set() else proc.returncode,
                      wall=wall, peak_mb=sampler.peak_mb, peak_pss_mb=sampler.peak_pss_mb,
                      max_procs=sampler.max_procs,
                      samples=sampler.samples, cpu=cpu,
                      others=max(0.0, busy - cpu) / wall if wall > 0 else 0.0,
                      timed_out=timed_out.is_set(),
                      stdout=out_path.read_text(errors="replace")[-20000:],
                      stderr=err_path.read_text(errors="replace")[-20000:])
    if own_tmp is not None:
        own_tmp.cleanup()
    return result


if __name__ == "__main__":   # python bench/procmem.py CMD ...: measure any command
    import sys

    if len(sys.argv) < 2:
        sys.exit("usage: python bench/procmem.py COMMAND [ARG ...]")
    m = run_measured(sys.argv[1:], timeout=3600)
    print(f"exit {m.returncode}  wall {m.wall:.3f} s  cpu {m.cpu:.3f} s  peak {m.peak_mb:.1f} MB "
          f"(sum of RSS over up to {m.max_procs} processes, {m.samples} samples); other "
          f"processes kept {m.others:.2f} cores busy meanwhile")
    sys.exit(0 if m.ok else 1)
