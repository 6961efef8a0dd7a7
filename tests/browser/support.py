"""Helpers shared by the browser tests: where the tools are, how to ask for them, servers,
a crawler, and the checks every visited page must pass.

The tools are Debian's ``chromium``, ``nginx`` and ``java`` plus the npm packages in the
root package.json (axe-core, vnu-jar) under ``node_modules/``. Without them the tests skip
and say how to install them; with ``DOSSIER_REQUIRE_BROWSER=1`` (set by ``.ci/run``) a
missing tool fails the run instead, so CI cannot go green by skipping.

Run them locally (Debian/Ubuntu):

    sudo apt-get install chromium nginx default-jre-headless && npm ci
    make test                                    # everything, browser tests included
    .venv/bin/python -m pytest -q tests/browser  # only these; add --headed to watch

DOSSIER_CHROMIUM names another Chromium/Chrome binary (say, on macOS). Screenshots of the key
pages, light and dark, land in test-artifacts/screenshots/ (git-ignored).
"""
from __future__ import annotations

import importlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

REQUIRED = os.environ.get("DOSSIER_REQUIRE_BROWSER") == "1"
INSTALL = "apt-get install chromium nginx default-jre-headless && npm ci"

# Site bugs found by these tests, kept as strict xfails until templates/ is fixed (then they
# XPASS, fail, and the mark comes off).

# Playwright passes --headless and --no-sandbox itself (the sandbox cannot start as root);
# these keep Chromium off the network and quiet on a machine without a GPU.
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


# --- tools ------------------------------------------------------------------------------------

def _which(name: str) -> str | None:
    # nginx lives in /usr/sbin, which is not on a normal user's PATH
    return shutil.which(name, path=os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin",
                                                    "/sbin"]))


def chromium_path() -> str | None:
    """Debian's ``chromium`` (or the browser named by DOSSIER_CHROMIUM)."""
    return _which(os.environ.get("DOSSIER_CHROMIUM") or "chromium")


def nginx_path() -> str | None:
    return _which("nginx")


def java_path() -> str | None:
    return _which("java")


def missing(what: str) -> None:
    """Skip (on a laptop) or fail (in CI) because a tool the test needs is not installed."""
    message = f"{what} is not installed; install the browser-test tools with: {INSTALL}"
    if REQUIRED:
        pytest.fail(f"{message} (DOSSIER_REQUIRE_BROWSER=1: a missing tool fails the run)",
                    pytrace=False)
    pytest.skip(message)


def need(what: str, present: bool) -> None:
    if not present:
        missing(what)


def need_module(name: str) -> None:
    """At the top of a test module: its Python package (from the `test` extra) is importable."""
    try:
        importlib.import_module(name)
    except ImportError:
        if REQUIRED:
            raise
        pytest.skip(f"the Python package {name!r} is missing: pip install -e '.[test]' "
                    f"(then {INSTALL})", allow_module_level=True)


# --- servers ----------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, what: str, log: Path | None = None) -> None:
    deadline = time.monotonic() + 15
    while True:
        if proc.poll() is not None:
            detail = log.read_text(errors="replace") if log and log.exists() else ""
            raise RuntimeError(f"{what} exited with status {proc.returncode}\n{detail}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                stop(proc)
                raise RuntimeError(f"{what} did not listen on 127.0.0.1:{port} in 15 s")
            time.sleep(0.05)


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Stop a process this module started (only that one) and reap it."""
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


class HttpServer:
    """``python -m http.server`` on a free loopback port, serving ``folder`` at /."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1",
             "--directory", str(folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port, self.proc, "python -m http.server")
        self.url = f"http://127.0.0.1:{self.port}/"

    def close(self) -> None:
        stop(self.proc)


NGINX_CONF = """\
worker_processes 1;
user root;          # as root: workers can read pytest's 0700 temporary folders; ignored otherwise
daemon off;         # foreground: the test owns the master process and stops it
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {d}/access.log;
    client_body_temp_path {d}/body; proxy_temp_path {d}/proxy;
    fastcgi_temp_path {d}/fastcgi; uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;
    server {{
        listen 127.0.0.1:{port};
        absolute_redirect off;
        location = {sub} {{ return 301 {sub}/; }}
        location {sub}/ {{
            alias {root}/;
            index index.html;
            try_files $uri $uri/ =404;
            error_page 404 {sub}/404.html;
        }}
        location / {{ return 404; }}
    }}
}}
"""


class Nginx:
    """Debian's nginx in the foreground with its own prefix, serving ``folder`` under ``sub``."""

    def __init__(self, folder: Path, sub: str, port: int | None = None) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="dossier-nginx-"))
        self.port = port or free_port()
        conf = self.dir / "nginx.conf"
        conf.write_text(NGINX_CONF.format(d=self.dir, port=self.port, sub=sub.rstrip("/"),
                                          root=folder.resolve()))
        log = self.dir / "error.log"
        # -e: the early error log (Debian's build otherwise opens /var/log/nginx/error.log)
        self.proc = subprocess.Popen([nginx_path() or "nginx", "-p", str(self.dir), "-c", str(conf),
                                      "-e", str(log)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for_port(self.port, self.proc, "nginx", log)
        except Exception:
            shutil.rmtree(self.dir, ignore_errors=True)
            raise
        self.url = f"http://127.0.0.1:{self.port}{sub.rstrip('/')}/"

    def close(self) -> None:
        stop(self.proc, signal.SIGQUIT)     # graceful stop of our master; its workers follow
        shutil.rmtree(self.dir, ignore_errors=True)


# --- the Nu HTML checker ----------------------------------------------------------------------

class NuCheck:
    """One JVM run of the Nu HTML checker (vnu-jar) over some folders, started in the background.

    --verbose names each checked file on stdout; the report (JSON) goes to stderr. Both go to
    files, so a long report cannot fill a pipe nobody reads yet.
    """

    def __init__(self, folders: list[Path], work: Path) -> None:
        self.out, self.err = work / "vnu.out", work / "vnu.err"
        # -Xss4m -XX:TieredStopAtLevel=1: a JVM that starts fast (the checker needs the stack)
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.proc = subprocess.Popen(
                [java_path() or "java", "-Xss4m", "-XX:TieredStopAtLevel=1", "-jar",
                 str(VNU_JAR), "--verbose", "--errors-only", "--skip-non-html",
                 "--also-check-css", "--also-check-svg", "--format", "json",
                 *map(str, folders)], stdout=out, stderr=err)

    def result(self, timeout: float = 300) -> tuple[int, set[Path], list[dict]]:
        """(exit status, files checked, messages) once the checker is done."""
        try:
            status = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            stop(self.proc)
            raise
        checked = {Path(line).resolve() for line in self.out.read_text().splitlines()
                   if line.strip()}
        report = self.err.read_text(encoding="utf-8")
        try:
            messages = json.loads(report)["messages"]
        except ValueError:
            raise AssertionError(f"the Nu checker wrote no JSON report:\n{report}") from None
        return status, checked, messages

    def close(self) -> None:
        stop(self.proc)


# --- reading pages ----------------------------------------------------------------------------

RESOURCE_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "form": "action"}


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        name = RESOURCE_ATTRS.get(tag)
        if name and a.get(name):
            self.links.append((tag, a[name]))


def read_links(html: str) -> tuple[list[tuple[str, str]], set[str]]:
    """(tag, url) of every a/link/script/img/form reference, and the page's element ids."""
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser.links, parser.ids


@dataclass
class Crawl:
    pages: set[str] = field(default_factory=set)        # HTML URLs fetched
    files: dict[str, str] = field(default_factory=dict)  # other URL -> Content-Type
    problems: list[str] = field(default_factory=list)


CONTENT_TYPES = {".html": "text/html", ".css": "text/css", ".js": "javascript",
                 ".svg": "image/svg+xml", ".xml": "xml", ".json": "json"}


def crawl(start: str) -> Crawl:
    """Follow every same-site a/link/script/img/form reference from ``start`` over HTTP.

    Same-site means the same host and port; any such URL outside ``start``'s folder is a
    problem (a link that escapes the sub-path). Every URL must answer 200 with a fitting
    Content-Type, and every #fragment must name an element of the page it points to.
    """
    scheme, netloc, prefix = urlsplit(start)[:3]
    result = Crawl()
    seen: set[str] = {start}
    queue: deque[tuple[str, str]] = deque([(start, "(start)")])
    ids: dict[str, set[str]] = {}
    fragments: list[tuple[str, str, str]] = []             # (referrer, url, fragment)
    while queue:
        url, referrer = queue.popleft()
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                status, ctype, body = response.status, response.headers.get("Content-Type", ""), \
                    response.read()
        except urllib.error.HTTPError as exc:
            result.problems.append(f"HTTP {exc.code}: {url} (linked from {referrer})")
            continue
        if status != 200:
            result.problems.append(f"HTTP {status}: {url} (linked from {referrer})")
            continue
        path = urlsplit(url).path
        suffix = Path(path).suffix if not path.endswith("/") else ".html"
        expected = CONTENT_TYPES.get(suffix)
        if expected and expected not in ctype:
            result.problems.append(f"{url}: Content-Type {ctype!r}, expected {expected}")
        if suffix != ".html":
            result.files[url] = ctype
            continue
        result.pages.add(url)
        links, ids[url] = read_links(body.decode("utf-8"))
        for tag, raw in links:
            target, fragment = urldefrag(urljoin(url, raw))
            parts = urlsplit(target)
            if (parts.scheme, parts.netloc) != (scheme, netloc):
                continue                                    # another site: not ours to check
            if not parts.path.startswith(prefix):
                result.problems.append(f"{url}: <{tag}> {raw!r} leaves {prefix}")
                continue
            if fragment:
                fragments.append((url, target, fragment))
            if target not in seen:
                seen.add(target)
                queue.append((target, url))
    for referrer, target, fragment in fragments:
        if target in ids and fragment not in ids[target]:
            result.problems.append(f"{referrer}: #{fragment} names no element of {target}")
    return result


# --- watching a page in the browser -----------------------------------------------------------

def watch(page) -> list[str]:
    """Console errors, uncaught exceptions, failed requests and HTTP >= 400 seen by ``page``.

    Chromium's console message for a 404 has no URL, so responses are checked too.
    """
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text} ({page.url})")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e} ({page.url})"))
    # ERR_ABORTED: still in flight when the test moved on (the icon, say); a missing file
    # fails with ERR_FILE_NOT_FOUND, a missing URL with an HTTP status
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url} {r.failure}")
            if r.failure != "net::ERR_ABORTED" else None)
    page.on("response", lambda r: errors.append(f"HTTP {r.status}: {r.url}")
            if r.status >= 400 else None)
    return errors


def luminance(css_colour: str) -> float:
    """Relative luminance (WCAG) of a computed ``rgb(r, g, b)`` / ``rgba(...)`` colour."""
    inner = css_colour[css_colour.index("(") + 1:css_colour.index(")")]
    r, g, b = (float(v) / 255 for v in inner.replace("/", ",").split(",")[:3])

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 5_000, f"{path} is suspiciously small"
    return path
