"""A stand-in for Dossier's build.py that speaks the same command line and live-reload protocol,
used only to check the benchmark harness itself (standard library only, no extraction):

    python bench/run.py --build-py bench/stub_build.py --only dossier --sizes 100

    stub_build.py build --config DIR/config.yaml
        writes DIR/_site/<slug>.html per article plus index.html; keeps DIR/.dossier-cache/stub.json
        (article mtimes and sizes) so that an unchanged article is not rewritten.
    stub_build.py serve --config DIR/config.yaml --port P
        builds, then serves DIR/_site on http://127.0.0.1:P/, watches content/articles (polling
        every 50 ms), rebuilds on a change and then sends, on every open
        GET /__dossier__/events (Content-Type: text/event-stream) stream:
            event: reload
            data: <build number>
            <blank line>
        plus a ": keep-alive" comment every 15 s.

This is the behaviour the harness relies on from the real `serve`; the numbers it gives say
nothing about Dossier.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def build(site: Path) -> int:
    """Rebuild what changed; return the number of pages written."""
    articles = site / "content" / "articles"
    out = site / "_site"
    cache = site / ".dossier-cache" / "stub.json"
    out.mkdir(parents=True, exist_ok=True)
    seen = json.loads(cache.read_text()) if cache.exists() else {}
    now: dict[str, list[float]] = {}
    written = 0
    names = sorted(p.name for p in articles.iterdir() if p.suffix in (".txt", ".md"))
    for name in names:
        path = articles / name
        st = path.stat()
        now[name] = [st.st_mtime_ns, st.st_size]
        if seen.get(name) == now[name] and (out / f"{path.stem}.html").exists():
            continue
        text = path.read_text(encoding="utf-8")
        body = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n") if p.strip())
        (out / f"{path.stem}.html").write_text(
            f"<!doctype html><title>{html.escape(path.stem)}</title>\n{body}", encoding="utf-8")
        written += 1
    if written or not (out / "index.html").exists():
        links = "".join(f'<li><a href="{Path(n).stem}.html">{html.escape(n)}</a></li>\n'
                        for n in names)
        (out / "index.html").write_text(f"<!doctype html><title>Bench</title><ul>\n{links}</ul>\n",
                                        encoding="utf-8")
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(now))
    return written


class Hub:
    """The open event streams; ``send`` writes one event to each."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.clients: list = []

    def send(self, event: str, data: str) -> None:
        payload = f"event: {event}\ndata: {data}\n\n".encode()
        with self.lock:
            for wfile in list(self.clients):
                try:
                    wfile.write(payload)
                    wfile.flush()
                except OSError:
                    self.clients.remove(wfile)


def serve(site: Path, port: int) -> int:
    build(site)
    hub = Hub()
    out = site / "_site"

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(out), **kw)

        def log_message(self, *a):  # quiet
            pass

        def do_GET(self):  # noqa: N802
            if self.path != "/__dossier__/events":
                return super().do_GET()
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            self.wfile.write(b": connected\n\n")
            self.wfile.flush()
            with hub.lock:
                hub.clients.append(self.wfile)
            while True:
                time.sleep(15)
                try:
                    with hub.lock:
                        self.wfile.write(b": keep-alive\n\n")
                        self.wfile.flush()
                except OSError:
                    return

    def watch() -> None:
        articles = site / "content" / "articles"

        def state():
            return {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in articles.iterdir()}

        last, n = state(), 0
        while True:
            time.sleep(0.05)
            current = state()
            if current != last:
                last = current
                build(site)
                n += 1
                hub.send("reload", str(n))

    threading.Thread(target=watch, daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    print(f"serving http://127.0.0.1:{port}/", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(prog="stub_build")
    ap.add_argument("--version", action="version", version="stub 0")
    sub = ap.add_subparsers(dest="command", required=True)
    for name in ("build", "serve"):
        p = sub.add_parser(name)
        p.add_argument("--config", type=Path, required=True)
        if name == "serve":
            p.add_argument("--port", type=int, default=8000)
    args = ap.parse_args()
    site = args.config.resolve().parent
    if args.command == "build":
        print(f"{build(site)} pages written", file=sys.stderr)
        return 0
    return serve(site, args.port)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
