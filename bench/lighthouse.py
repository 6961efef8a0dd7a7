"""Lighthouse scores of the example site: home, a briefing and a person page.

    python bench/lighthouse.py                    # mobile emulation (Lighthouse's default)
    python bench/lighthouse.py --preset desktop
    python bench/lighthouse.py --runs 3           # the median of 3 runs per page

Builds examples/ from a temporary copy, serves it with ``python -m http.server`` on a free
loopback port, runs Lighthouse 12.2.3 with Debian's chromium on each page, prints the four
category scores (performance, accessibility, best-practices, seo) and writes them, with every
audit that cost points, to bench/out/lighthouse.md and bench/out/lighthouse.json; the full
Lighthouse reports go to bench/out/lighthouse/. Exit status 1 when a score is under the target
(0.95). Not part of CI or pytest: performance scores depend on how busy the machine is.

On first use Lighthouse is installed into bench/.lighthouse/ (git-ignored; ~110 MB) with npm,
kept out of the root package.json so CI never installs it. Needs: node + npm, chromium
(apt-get install chromium), and the project's Python environment (make test creates .venv).
Only the standard library is used here.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
LH_DIR = BENCH / ".lighthouse"
LH_VERSION = "12.2.3"          # 12.3+ and 13.x want Node 22; Debian 12 and this machine have 20
LH_BIN = LH_DIR / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 0.95
PAGES = {
    "home": "index.html",
    "briefing": "briefings/arvenia-belmora-state-visit.html",
    "person": "people/tomas-reyner.html",
}
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic "
                "--disable-background-networking --disable-component-update --disable-sync "
                "--no-first-run")


def install_lighthouse() -> None:
    """npm-install the pinned Lighthouse into bench/.lighthouse/ unless it is there already."""
    manifest = {"name": "dossier-bench-lighthouse", "private": True,
                "description": "Lighthouse for bench/lighthouse.py; not a project dependency.",
                "dependencies": {"lighthouse": LH_VERSION}}
    package = LH_DIR / "package.json"
    wanted = json.dumps(manifest, indent=2) + "\n"
    installed = LH_DIR / "node_modules" / "lighthouse" / "package.json"
    if LH_BIN.exists() and package.exists() and package.read_text() == wanted and \
            json.loads(installed.read_text())["version"] == LH_VERSION:
        return
    if not shutil.which("npm"):
        sys.exit("bench/lighthouse.py needs npm (apt-get install npm, or Node.js 20+)")
    LH_DIR.mkdir(parents=True, exist_ok=True)
    package.write_text(wanted)
    print(f"installing lighthouse@{LH_VERSION} into {LH_DIR.relative_to(ROOT)}/ ...", flush=True)
    subprocess.run(["npm", "install", "--prefix", str(LH_DIR), "--no-audit", "--no-fund",
                    "--save-exact", "--loglevel=error"], check=True)


def build_examples(dest: Path) -> Path:
    site = dest / "examples"
    shutil.copytree(ROOT / "examples", site, ignore=shutil.ignore_patterns(
        "_site", ".dossier-cache", "*.yaml.new", "*.bak", ".*.lock"))
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--config",
                             str(site / "config.yaml")], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"the example site did not build:\n{result.stdout}{result.stderr}")
    return site / "_site"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(folder: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                             "127.0.0.1", "--directory", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while True:
        if proc.poll() is not None:
            sys.exit(f"http.server exited with status {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, f"http://127.0.0.1:{port}/"
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                sys.exit("http.server did not start")
            time.sleep(0.05)


def run_lighthouse(url: str, report: Path, preset: str, chromium: str) -> dict:
    cmd = [str(LH_BIN), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}",
           f"--only-categories={','.join(CATEGORIES)}", "--output=json",
           f"--output-path={report}"]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chromium}
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not report.exists():
        sys.exit(f"lighthouse failed on {url} (status {result.returncode}):\n{result.stderr}")
    data = json.loads(report.read_text())
    if data.get("runtimeError"):
        sys.exit(f"lighthouse could not load {url}: {data['runtimeError']}")
    return data


def lost_points(data: dict) -> list[dict]:
    """Audits that count in a category's score and did not get full marks."""
    audits = data["audits"]
    lost = []
    for cat in CATEGORIES:
        for ref in data["categories"][cat]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                lost.append({"category": cat, "id": ref["id"], "title": audit["title"],
                             "score": audit["score"], "weight": ref["weight"],
                             "value": audit.get("displayValue", "")})
    return lost


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--preset", choices=("mobile", "desktop"), default="mobile")
    ap.add_argument("--runs", type=int, default=1, help="runs per page; the median is reported")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = ap.parse_args(argv)
    if not Path(args.chromium).exists():
        sys.exit("bench/lighthouse.py needs chromium: apt-get install chromium")

    install_lighthouse()
    reports = OUT / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    version = subprocess.run([str(LH_BIN), "--version"], capture_output=True,
                             text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="dossier-lighthouse-") as tmp:
        site = build_examples(Path(tmp))
        server, base = serve(site)
        try:
            results = {}
            for name, path in PAGES.items():
                runs = []
                for i in range(args.runs):
                    report = reports / f"{name}-{args.preset}-{i + 1}.json"
                    print(f"lighthouse {name} ({args.preset}, run {i + 1}) ...", flush=True)
                    runs.append(run_lighthouse(base + path, report, args.preset, args.chromium))
                scores = {c: statistics.median(r["categories"][c]["score"] for r in runs)
                          for c in CATEGORIES}
                median_run = min(runs, key=lambda r: abs(
                    r["categories"]["performance"]["score"] - scores["performance"]))
                results[name] = {
                    "path": path, "scores": scores,
                    "runs": [{c: r["categories"][c]["score"] for c in CATEGORIES} for r in runs],
                    "lost": lost_points(median_run),
                    "metrics": {k: median_run["audits"][k].get("displayValue", "")
                                for k in ("first-contentful-paint", "largest-contentful-paint",
                                          "total-blocking-time", "cumulative-layout-shift",
                                          "speed-index")},
                    "user_agent": median_run.get("environment", {}).get("hostUserAgent", ""),
                }
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=5)

    below = {f"{n}.{c}": s for n, r in results.items() for c, s in r["scores"].items()
             if s < TARGET}
    lines = [f"# Lighthouse {version}, {args.preset}, {args.runs} run(s) per page "
             f"(median), target ≥ {TARGET}", "",
             "| page | " + " | ".join(CATEGORIES) + " |",
             "|---|" + "---|" * len(CATEGORIES)]
    for name, r in results.items():
        lines.append(f"| {name} (`{r['path']}`) | "
                     + " | ".join(f"{r['scores'][c]:.2f}" for c in CATEGORIES) + " |")
    lines += ["", "Metrics (median run): " + "; ".join(
        f"{name}: " + ", ".join(f"{k.replace('-', ' ')} {v}" for k, v in r["metrics"].items())
        for name, r in results.items()), ""]
    lines.append("Audits that cost points (weight > 0, score < 1):")
    for name, r in results.items():
        for a in r["lost"]:
            lines.append(f"- {name} / {a['category']}: `{a['id']}` {a['title']} "
                         f"(score {a['score']:.2f}, weight {a['weight']}) {a['value']}".rstrip())
    if not any(r["lost"] for r in results.values()):
        lines.append("- none")
    lines += ["", "Below target: " + (", ".join(f"{k} {v:.2f}" for k, v in below.items())
                                     if below else "none")]
    text = "\n".join(lines) + "\n"
    print("\n" + text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "lighthouse.md").write_text(text, encoding="utf-8")
    (OUT / "lighthouse.json").write_text(json.dumps(
        {"lighthouse": version, "preset": args.preset, "runs": args.runs, "target": TARGET,
         "pages": results, "below_target": below}, indent=2) + "\n", encoding="utf-8")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
