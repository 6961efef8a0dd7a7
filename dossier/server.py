"""The local preview server: serves the output folder on this machine, watches the inputs,
rebuilds through a callback, and reloads the open pages by itself.

It knows nothing about building. ``rebuild()`` is handed to it (by cli.py); it returns True
when the site on disk changed and raises ``RebuildFailed`` with a message for people when the
build failed. A failed rebuild is shown in the terminal and over the open pages, and the last
good site (which a failed build leaves in place) keeps being served. ``preview(paths)``, when
given, runs first on each burst of changes: it may write the pages of the edited files at
once (returning True), so they reload before a large site has finished rebuilding; the
rebuild always follows. ``prepare()``, when given, runs once after the site is served and
before any change is handled, as a rebuild that also does the work previews need (while
people can already browse).

Live reload: HTML responses get one script tag at serve time (the files on disk are never
touched). The script listens to Server-Sent Events at ``/__dossier__/events``:

    event: hello    data: <build id>     on connecting; a page older than that build reloads
    event: reload   data: <build id>     after a rebuild that changed the site
    event: error    data: {"message": "..."}   after a failed rebuild (and on connecting while
                                         the last rebuild failed); shown as an overlay

Only the standard library and watchfiles. It serves nothing outside the output folder (no
``..``, no symlinks that lead out) and listens on the loopback interface only.
"""
from __future__ import annotations

import errno
import json
import mimetypes
import os
import queue
import secrets
import socket
import threading
import time
import traceback
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterable

import watchfiles

EVENTS_PATH = "/__dossier__/events"
SCRIPT_PATH = "/__dossier__/livereload.js"
LOOPBACK = {"127.0.0.1": "127.0.0.1", "localhost": "127.0.0.1", "::1": "::1"}
PORT_TRIES = 20             # the asked port, then the next ones, until one is free
QUIET_MS = 50               # a burst of file events ends after this long without another
KEEPALIVE_SECONDS = 15      # a comment line on idle event streams finds closed tabs

LIVERELOAD_JS = """\
(function () {
  "use strict";
  var me = document.currentScript;
  var build = me ? me.getAttribute("data-build") : null;
  var box = null;
  function overlay(text) {
    if (!box) {
      box = document.createElement("div");
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;" +
        "z-index:2147483647;margin:0;padding:1em 1.25em;background:#2b0d0d;color:#ffe9e9;" +
        "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
        "border-top:4px solid #e5484d;box-shadow:0 -4px 24px rgba(0,0,0,.4)";
      var title = document.createElement("strong");
      title.textContent = "Dossier: the build failed. The last good version is shown; " +
        "fix the files and save to rebuild.";
      var body = document.createElement("pre");
      body.style.cssText = "white-space:pre-wrap;margin:.75em 0 0;font:inherit";
      box.appendChild(title);
      box.appendChild(body);
      (document.body || document.documentElement).appendChild(box);
    }
    box.lastChild.textContent = text;
  }
  var events = new EventSource("/__dossier__/events");
  events.addEventListener("hello", function (e) {
    if (build && e.data !== build) location.reload();
  });
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("error", function (e) {
    if (typeof e.data !== "string") return;   /* the connection dropped: EventSource retries */
    var message = e.data;
    try { message = JSON.parse(e.data).message; } catch (err) { /* show it as it came */ }
    overlay(message);
  });
})();
"""

NOT_FOUND_HTML = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<title>Not found</title></head><body><h1>Not found</h1>"
                  "<p>No page here (yet). This page reloads when the site is rebuilt.</p>"
                  "</body></html>")


class RebuildFailed(Exception):
    """A rebuild failed for reasons people can fix; the message says what and where."""


class ServerError(Exception):
    """The server cannot start: a host that is not this machine, or no free port."""


def locate(root: Path, path: str) -> tuple[int, Path | str | None]:
    """What a request path (URL-decoded, query removed) gets from ``root``:
    (200, file), (301, where to redirect), or (400 | 403 | 404, None)."""
    if "\x00" in path or "\\" in path or not path.startswith("/"):
        return 400, None
    parts = path.split("/")
    if ".." in parts:
        return 403, None
    parts = [p for p in parts if p not in ("", ".")]
    try:
        base = root.resolve(strict=True)
        real = base.joinpath(*parts).resolve(strict=True)
    except (OSError, RuntimeError):
        return 404, None
    if not real.is_relative_to(base):
        return 403, None
    if real.is_dir():
        if not path.endswith("/"):
            return 301, path + "/"
        try:
            real = (real / "index.html").resolve(strict=True)
        except (OSError, RuntimeError):
            return 404, None
        if not real.is_relative_to(base):
            return 403, None
    return (200, real) if real.is_file() else (404, None)


def inject(html: bytes, build: str) -> bytes:
    """The page with the live-reload script tag before its last </body> (or at its end)."""
    tag = (f'<script src="{SCRIPT_PATH}" data-build="{build}"></script>').encode()
    at = html.lower().rfind(b"</body>")
    return html + tag if at < 0 else html[:at] + tag + html[at:]


class LiveServer:
    """Serve ``root`` at http://host:port/, rebuild when files under ``watch`` change.

    ``start()`` builds, starts watching and serves in a thread; ``run()`` rebuilds on changes
    until ``stop()`` or Ctrl-C, and closes everything (threads joined) on return."""

    def __init__(self, root: Path, *, rebuild: Callable[[], bool], watch: Iterable[Path],
                 ignore: Iterable[Path] = (), host: str = "127.0.0.1", port: int = 8000,
                 log: Callable[[str], None] = lambda line: None, quiet_ms: int = QUIET_MS,
                 preview: Callable[[list[str]], bool] | None = None,
                 prepare: Callable[[], bool] | None = None) -> None:
        if host not in LOOPBACK:
            raise ServerError(f"refusing to listen on '{host}': the preview server is for this "
                              f"machine only; use one of {', '.join(LOOPBACK)}")
        self.root = Path(root)
        self.host, self.port = LOOPBACK[host], port
        self.rebuild = rebuild
        self.preview = preview
        self.prepare = prepare
        self.watch = [Path(p) for p in watch]
        self.ignore = [Path(p) for p in ignore]
        self.log = log
        self.quiet_ms = quiet_ms
        self.build_id = f"{secrets.token_hex(4)}-0"
        self.error: str | None = None               # the last rebuild's failure, until one works
        self._builds = 0
        self._clients: set[queue.Queue] = set()
        self._clients_lock = threading.Lock()
        self._changes: queue.Queue = queue.Queue()
        self._stopping = threading.Event()
        self.ready = threading.Event()              # set once the first build is done
        self._httpd: _HTTPServer | None = None
        self._threads: list[threading.Thread] = []

    # --- lifecycle ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def start(self) -> None:
        """Build, start watching, and listen on the first free port from ``port`` on (serving
        in a thread): when the address answers, the site is there."""
        self.rebuild_now()
        self._watch_files()
        self.rebuild_now()          # catches edits made while the first build ran (often a no-op)
        wanted = self.port
        tries = [0] if wanted == 0 else range(wanted, min(wanted + PORT_TRIES, 65536))
        for port in tries:
            try:
                self._httpd = _HTTPServer((self.host, port), self)
                break
            except OSError as exc:
                if exc.errno != errno.EADDRINUSE:
                    raise ServerError(f"cannot listen on {self.host}:{port}: {exc.strerror}") from None
        else:
            raise ServerError(f"ports {wanted} to {wanted + PORT_TRIES - 1} are all taken; "
                              "choose another with --port N")
        self.port = self._httpd.server_address[1]
        if wanted and self.port != wanted:
            self.log(f"Port {wanted} is taken; using {self.port}.")
        self._spawn(self._httpd.serve_forever, "dossier-http")
        self.ready.set()

    def run(self) -> None:
        """Rebuild on every burst of changes until ``stop()`` or Ctrl-C; then close."""
        try:
            if self.prepare is not None:
                self.rebuild_now(self.prepare)
            while not self._stopping.is_set():
                try:
                    changes = self._changes.get(timeout=0.25)
                except queue.Empty:
                    continue
                while not self._changes.empty():    # one burst may come from both watchers
                    changes = changes | self._changes.get_nowait()
                self.preview_now(sorted({path for _, path in changes}))
                self.rebuild_now()
        except KeyboardInterrupt:
            pass
        finally:
            self.close()

    def stop(self) -> None:
        """Ask ``run()`` to return (from any thread)."""
        self._stopping.set()

    def close(self) -> None:
        """Stop serving and watching; join every thread."""
        self._stopping.set()
        with self._clients_lock:
            for client in self._clients:
                client.put(None)
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()                # joins the request threads
        for thread in self._threads:
            thread.join()
        self._threads.clear()

    # --- building -----------------------------------------------------------------------------

    def rebuild_now(self, rebuild: Callable[[], bool] | None = None) -> None:
        """Run the rebuild callback (or ``rebuild``); tell the open pages what came of it."""
        try:
            changed = (rebuild or self.rebuild)()
        except RebuildFailed as exc:
            self._failed(str(exc))
            return
        except Exception:                       # a bug in the build: report it, keep serving
            self._failed("internal error (please report it):\n" + traceback.format_exc().rstrip())
            return
        with self._clients_lock:
            recovered, self.error = self.error is not None, None
        if changed or recovered:
            self._reload()

    def preview_now(self, paths: list[str]) -> None:
        """Run the preview callback, if any; reload the open pages when it wrote something.
        It never fails the build: the rebuild that follows finds and reports any problem."""
        if self.preview is None or self.error is not None:
            return
        try:
            wrote = self.preview(paths)
        except Exception:                       # a bug: report it; the rebuild still runs
            self.log("internal error in the preview (please report it):\n"
                     + traceback.format_exc().rstrip())
            return
        if wrote:
            self._reload()

    def _reload(self) -> None:
        with self._clients_lock:
            self._builds += 1
            self.build_id = f"{self.build_id.split('-')[0]}-{self._builds}"
            self._broadcast("reload", self.build_id)

    def _failed(self, message: str) -> None:
        self.log(message)
        self.log("The last good site is still served; fix the files and save to rebuild.")
        with self._clients_lock:
            self.error = message
            self._broadcast("error", json.dumps({"message": message}))

    # --- watching -----------------------------------------------------------------------------

    def _watch_files(self) -> None:
        """Folders are watched with everything in them; a single file (config.yaml) through
        its folder, because editors often save by replacing the file."""
        folders = [p for p in self.watch if p.is_dir()]
        files = {str(p) for p in self.watch if p.is_file()}
        ignored = _Ignore(self.ignore)
        if folders:
            self._spawn(lambda: self._watch(folders, True, ignored), "dossier-watch")
        if files:
            parents = sorted({str(Path(f).parent) for f in files})
            self._spawn(lambda: self._watch(parents, False, lambda change, path: path in files),
                        "dossier-watch-files")

    def _watch(self, paths: list[Path] | list[str], recursive: bool,
               accept: Callable[[watchfiles.Change, str], bool]) -> None:
        try:
            for changes in watchfiles.watch(*paths, watch_filter=accept, recursive=recursive,
                                            debounce=1600, step=self.quiet_ms,
                                            stop_event=self._stopping, rust_timeout=1000,
                                            raise_interrupt=False):
                self._changes.put(changes)
        except Exception as exc:                # a watched folder went away, say
            self.log(f"Stopped watching {', '.join(map(str, paths))}: {exc}; restart the "
                     "server to watch again.")

    # --- event streams ------------------------------------------------------------------------

    def _subscribe(self) -> queue.Queue:
        client: queue.Queue = queue.Queue()
        with self._clients_lock:                # no broadcast slips between these two
            if self._stopping.is_set():
                client.put(None)
            elif self.error is not None:
                client.put(_event("error", json.dumps({"message": self.error})))
            else:
                client.put(_event("hello", self.build_id))
            self._clients.add(client)
        return client

    def _unsubscribe(self, client: queue.Queue) -> None:
        with self._clients_lock:
            self._clients.discard(client)

    def _broadcast(self, name: str, data: str) -> None:
        """Queue an event for every open page (call with ``_clients_lock`` held)."""
        for client in self._clients:
            client.put(_event(name, data))

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=name)
        thread.start()
        self._threads.append(thread)


def _event(name: str, data: str) -> str:
    return f"event: {name}\ndata: {data}\n\n"


class _Ignore(watchfiles.DefaultFilter):
    """watchfiles' defaults (editor swap files, .git, __pycache__, ...), hidden files (editors'
    and Dossier's temporary files), and the output and cache folders."""

    def __init__(self, ignore: list[Path]) -> None:
        super().__init__(ignore_paths=[str(p) for p in ignore])

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        return not os.path.basename(path).startswith(".") and super().__call__(change, path)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = False          # request threads are joined on close
    block_on_close = True

    def __init__(self, address: tuple[str, int], live: LiveServer) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.live = live
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer
    server_version = "Dossier"
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def log_message(self, format: str, *args: object) -> None:
        pass                        # the terminal is for build results, not request logs

    def _respond(self, *, head: bool) -> None:
        live = self.server.live
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == EVENTS_PATH and not head:
            return self._events(live)
        if path == SCRIPT_PATH:
            return self._send(200, "text/javascript; charset=utf-8", LIVERELOAD_JS.encode(), head)
        try:
            path = urllib.parse.unquote(path, errors="strict")
        except UnicodeDecodeError:
            return self._send(400, "text/plain; charset=utf-8", b"Bad request\n", head)
        status, found = locate(live.root, path)
        for _ in range(20):                     # the site is being swapped: a moment's wait
            if status != 404 or live.root.exists():
                break
            time.sleep(0.05)
            status, found = locate(live.root, path)
        if status == 301:
            self.send_response(301)
            self.send_header("Location", urllib.parse.quote(str(found)))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if status == 404:
            body = inject(NOT_FOUND_HTML.encode(), live.build_id)
            return self._send(404, "text/html; charset=utf-8", body, head)
        if status != 200:
            message = {400: b"Bad request\n", 403: b"Forbidden\n"}[status]
            return self._send(status, "text/plain; charset=utf-8", message, head)
        assert isinstance(found, Path)
        try:
            data = found.read_bytes()
        except OSError:
            return self._send(404, "text/plain; charset=utf-8", b"Not found\n", head)
        kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        if kind == "text/html":
            data = inject(data, live.build_id)
        if kind.startswith("text/") or kind in ("application/javascript", "application/json",
                                                "image/svg+xml", "application/xml"):
            kind += "; charset=utf-8"
        return self._send(200, kind, data, head)

    def _send(self, status: int, kind: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _events(self, live: LiveServer) -> None:
        client = live._subscribe()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(b"retry: 1000\n\n")
            while True:
                try:
                    message = client.get(timeout=KEEPALIVE_SECONDS)
                except queue.Empty:
                    message = ": keepalive\n\n"
                if message is None or live._stopping.is_set():
                    break
                self.wfile.write(message.encode("utf-8"))
                self.wfile.flush()
        except OSError:                         # the tab was closed
            pass
        finally:
            live._unsubscribe(client)
