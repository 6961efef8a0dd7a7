"""The preview server: what it serves (and refuses), live reload over Server-Sent Events,
failed rebuilds shown while the last good site stays, loopback only, port fallback, a clean
stop. Servers run on free ports and are always stopped."""
from __future__ import annotations

import http.client
import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import pytest

from dossier import server
from dossier.cli import main
from dossier.config import load_config
from dossier.pipeline import Memory, build

from .conftest import ROOT
from .sitekit import make_site, urls_of

WAIT = 20.0         # seconds a test waits for an event before failing


# --- helpers ----------------------------------------------------------------------------------

def get(port: int, path: str, host: str = "127.0.0.1") -> tuple[int, dict[str, str], bytes]:
    """GET ``path`` exactly as written (no normalising of '..')."""
    connection = http.client.HTTPConnection(host, port, timeout=WAIT)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


class Events:
    """A Server-Sent Events client reading in a thread: (event, data) pairs in a queue."""

    def __init__(self, port: int) -> None:
        self.received: queue.Queue = queue.Queue()
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=WAIT * 3)
        self.connection.request("GET", server.EVENTS_PATH)
        self.response = self.connection.getresponse()
        assert self.response.status == 200
        assert self.response.getheader("Content-Type").startswith("text/event-stream")
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        name, data = None, []
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    data.append(line[6:])
                elif line == "" and name:
                    self.received.put((name, "\n".join(data)))
                    name, data = None, []
        except (OSError, ValueError):
            pass

    def next(self, wanted: str) -> str:
        """The data of the next event called ``wanted`` (others are skipped)."""
        deadline = time.monotonic() + WAIT
        while True:
            left = deadline - time.monotonic()
            assert left > 0, f"no '{wanted}' event within {WAIT} s"
            try:
                name, data = self.received.get(timeout=left)
            except queue.Empty:
                continue
            if name == wanted:
                return data

    def close(self) -> None:
        self.connection.close()


@contextmanager
def listening(live: server.LiveServer) -> Iterator[Events]:
    """An event stream to ``live``, past its first event (hello)."""
    events = Events(live.port)
    try:
        events.next("hello")
        yield events
    finally:
        events.close()


@contextmanager
def running(root: Path, rebuild: Callable[[], bool], watch: list[Path] = (),
            **options) -> Iterator[server.LiveServer]:
    lines: list[str] = []
    live = server.LiveServer(root, rebuild=rebuild, watch=watch, port=0, log=lines.append,
                             **options)
    live.lines = lines
    live.start()
    assert live.ready.is_set()
    thread = threading.Thread(target=live.run)
    thread.start()
    try:
        yield live
    finally:
        live.stop()
        thread.join(timeout=WAIT)
        assert not thread.is_alive()


@pytest.fixture
def plain_site(tmp_path: Path) -> Path:
    root = tmp_path / "out"
    (root / "people").mkdir(parents=True)
    (root / "index.html").write_text("<html><body><h1>Home</h1></body></html>")
    (root / "people" / "index.html").write_text("<html><BODY>People</BODY></html>")
    (root / "style.css").write_text("body{}")
    (tmp_path / "secret.txt").write_text("secret")
    return root


# --- what is served ---------------------------------------------------------------------------

def test_html_gets_the_script_at_serve_time_and_the_file_does_not(plain_site: Path):
    with running(plain_site, lambda: False) as live:
        status, headers, body = get(live.port, "/")
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert body == (b'<html><body><h1>Home</h1><script src="/__dossier__/livereload.js" '
                        b'data-build="' + live.build_id.encode() + b'"></script></body></html>')
        status, _, body = get(live.port, "/people/")
        assert body.startswith(b"<html><BODY>People<script src=") and body.endswith(b"</BODY></html>")
        status, headers, body = get(live.port, "/style.css")
        assert (status, body) == (200, b"body{}") and headers["Content-Type"].startswith("text/css")
        status, headers, body = get(live.port, server.SCRIPT_PATH)
        assert status == 200 and b"new EventSource(\"/__dossier__/events\")" in body
        assert b"textContent" in body and b"innerHTML" not in body
    assert (plain_site / "index.html").read_text() == "<html><body><h1>Home</h1></body></html>"


def test_a_folder_without_a_slash_is_redirected(plain_site: Path):
    with running(plain_site, lambda: False) as live:
        status, headers, _ = get(live.port, "/people?x=1")
        assert status == 301 and headers["Location"] == "/people/"


@pytest.mark.parametrize("path", ["/../secret.txt", "/people/../../secret.txt",
                                  "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/people/%2E%2E/%2E%2E/secret.txt"])
def test_nothing_outside_the_folder_is_served(plain_site: Path, path: str):
    with running(plain_site, lambda: False) as live:
        status, _, body = get(live.port, path)
        assert status == 403 and b"secret" not in body


@pytest.mark.parametrize("path", ["//etc/passwd", "/%2Fetc%2Fpasswd", "/etc/passwd"])
def test_absolute_paths_stay_inside_the_folder(plain_site: Path, path: str):
    with running(plain_site, lambda: False) as live:
        status, _, body = get(live.port, path)
        assert status == 404 and b"root:" not in body


def test_a_symlink_out_of_the_folder_is_refused(plain_site: Path, tmp_path: Path):
    (plain_site / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (plain_site / "up").symlink_to(tmp_path)
    with running(plain_site, lambda: False) as live:
        assert get(live.port, "/leak.txt")[0] == 403
        assert get(live.port, "/up/secret.txt")[0] == 403


def test_bad_requests(plain_site: Path):
    with running(plain_site, lambda: False) as live:
        assert get(live.port, "/a%00b")[0] == 400
        assert get(live.port, "/%ff")[0] == 400
        assert get(live.port, "/a\\..\\secret.txt")[0] == 400
        status, headers, body = get(live.port, "/no-such-page.html")
        assert status == 404 and b"livereload.js" in body     # it reloads once the page exists


def test_locate():
    here = Path(__file__).parent
    assert server.locate(here, "/test_server.py") == (200, here.resolve() / "test_server.py")
    assert server.locate(here, "/extract") == (301, "/extract/")
    assert server.locate(here, "/extract/") == (404, None)        # no index.html in it
    assert server.locate(here, "/../dossier/cli.py") == (403, None)
    assert server.locate(here / "missing", "/") == (404, None)


# --- loopback only, ports ---------------------------------------------------------------------

def test_it_listens_on_the_loopback_interface_only(plain_site: Path):
    with running(plain_site, lambda: False) as live:
        assert live._httpd.server_address[0] == "127.0.0.1"
        assert live.url == f"http://127.0.0.1:{live.port}/"
    for host in ("0.0.0.0", "", "192.168.1.10", "example.org"):
        with pytest.raises(server.ServerError) as refused:
            server.LiveServer(plain_site, rebuild=lambda: False, watch=[], host=host)
        assert str(refused.value) == (f"refusing to listen on '{host}': the preview server is "
                                      "for this machine only; use one of 127.0.0.1, localhost, ::1")


def test_the_cli_refuses_other_hosts(capsys):
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert "argument --host: invalid choice: '0.0.0.0'" in capsys.readouterr().err


def test_localhost_means_127_0_0_1(plain_site: Path):
    with running(plain_site, lambda: False, host="localhost") as live:
        assert live._httpd.server_address[0] == "127.0.0.1"


def test_a_taken_port_makes_it_use_the_next_free_one(plain_site: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        lines: list[str] = []
        live = server.LiveServer(plain_site, rebuild=lambda: False, watch=[], port=port,
                                 log=lines.append)
        live.start()
        try:
            assert live.port != port and port < live.port < port + server.PORT_TRIES
            assert lines == [f"Port {port} is taken; using {live.port}."]
            assert get(live.port, "/")[0] == 200
        finally:
            live.close()


# --- live reload and failed rebuilds ----------------------------------------------------------

def test_a_new_page_hears_hello_then_reload_then_error(plain_site: Path):
    outcomes: queue.Queue = queue.Queue()

    def rebuild() -> bool:
        try:
            outcome = outcomes.get_nowait()
        except queue.Empty:
            return False                                # nothing changed
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    outcomes.put(True)                                  # the first build
    with running(plain_site, rebuild) as live:
        events = Events(live.port)
        try:
            first = events.next("hello")
            outcomes.put(True)
            threading.Thread(target=live.rebuild_now).start()
            second = events.next("reload")
            assert second != first and second == live.build_id
            outcomes.put(server.RebuildFailed("error: content/analysis/x.yaml:3: bad <b>&"))
            live.rebuild_now()
            assert json.loads(events.next("error")) == {
                "message": "error: content/analysis/x.yaml:3: bad <b>&"}
            assert "error: content/analysis/x.yaml:3: bad <b>&" in live.lines
            later = Events(live.port)                   # a page opened now sees the error too
            assert "bad <b>&" in later.next("error")
            later.close()
            outcomes.put(False)                         # fixed: nothing changed on disk, but
            live.rebuild_now()                          # the pages must drop their overlay
            assert events.next("reload") == live.build_id
        finally:
            events.close()


def test_a_crash_in_the_build_is_reported_and_the_server_stays_up(plain_site: Path):
    def rebuild() -> bool:
        raise ZeroDivisionError("division by zero")

    with running(plain_site, rebuild) as live:
        events = Events(live.port)
        try:
            message = json.loads(events.next("error"))["message"]
            assert message.startswith("internal error (please report it):\nTraceback")
            assert message.endswith("ZeroDivisionError: division by zero")
            assert get(live.port, "/")[0] == 200
        finally:
            events.close()


def test_a_preview_reloads_the_pages_before_the_rebuild_has_finished(plain_site: Path,
                                                                    tmp_path: Path):
    watched = tmp_path / "watched"
    watched.mkdir()
    calls: list = []
    finish = threading.Event()

    def rebuild() -> bool:
        calls.append("build")
        if len(calls) > 2:                  # not the two builds of start()
            finish.wait(WAIT)
        return True

    def preview(paths: list[str]) -> bool:
        calls.append(paths)
        return True

    with running(plain_site, rebuild, watch=[watched], preview=preview) as live:
        with listening(live) as events:
            (watched / "a.txt").write_text("news")
            first = events.next("reload")               # the rebuild is still running
            assert calls[2] == [str(watched / "a.txt")]
            finish.set()
            assert events.next("reload") != first       # and when it is done
            assert calls[3] == "build"


def test_the_site_is_served_while_the_previews_are_prepared(plain_site: Path):
    calls: list[str] = []
    release = threading.Event()

    def prepare() -> bool:
        calls.append("prepare")
        release.wait(WAIT)
        return True                         # it found a change: the open pages reload

    def rebuild() -> bool:
        calls.append("build")
        return False

    with running(plain_site, rebuild, prepare=prepare) as live:
        events = Events(live.port)
        try:
            events.next("hello")
            assert get(live.port, "/")[0] == 200            # while preparing
            assert calls[:2] == ["build", "build"]          # start(): a build, then its check
            release.set()
            events.next("reload")
            assert calls == ["build", "build", "prepare"]
        finally:
            events.close()


def test_a_crash_in_the_preview_is_logged_and_the_rebuild_still_runs(plain_site: Path,
                                                                    tmp_path: Path):
    watched = tmp_path / "watched"
    watched.mkdir()

    def preview(paths: list[str]) -> bool:
        raise ZeroDivisionError("division by zero")

    with running(plain_site, lambda: True, watch=[watched], preview=preview) as live:
        with listening(live) as events:
            (watched / "a.txt").write_text("news")
            events.next("reload")
            assert any(line.startswith("internal error in the preview (please report it):\n"
                                       "Traceback") for line in live.lines)


def test_stopping_joins_every_thread(plain_site: Path, tmp_path: Path):
    watched = tmp_path / "watched"
    watched.mkdir()
    with running(plain_site, lambda: False, watch=[watched]) as live:
        events = Events(live.port)
        events.next("hello")
        assert any(t.name.startswith("dossier-watch") for t in threading.enumerate())
    events.close()
    assert not [t for t in threading.enumerate() if t.name.startswith("dossier-")]


def test_the_watch_filter_ignores_output_cache_and_hidden_files(tmp_path: Path):
    ignore = server._Ignore([tmp_path / "_site", tmp_path / ".dossier-cache"])
    change = server.watchfiles.Change.modified
    assert ignore(change, str(tmp_path / "content" / "articles" / "a.md"))
    assert not ignore(change, str(tmp_path / "_site" / "index.html"))
    assert not ignore(change, str(tmp_path / ".dossier-cache" / "record.pickle"))
    assert not ignore(change, str(tmp_path / "content" / "analysis" / ".a.yaml.123.tmp"))
    assert not ignore(change, str(tmp_path / "templates" / "base.html.swp"))
    assert not ignore(change, str(tmp_path / "templates" / "base.html~"))


# --- with the real build ----------------------------------------------------------------------

@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_site(tmp_path / "site")


def pipeline_server(config_path: Path, calls: list[str]):
    memory = Memory()

    def rebuild() -> bool:
        calls.append("build")
        try:
            return build(load_config(config_path), memory=memory, jobs=1).changed
        except Exception as exc:      # BuildFailed and friends: what the CLI turns into text
            raise server.RebuildFailed("\n".join(str(p) for p in getattr(exc, "problems",
                                                                          [exc]))) from None

    paths = load_config(config_path).paths
    return running(paths.output, rebuild, watch=[paths.articles, paths.analysis,
                                                  paths.templates, paths.static, config_path],
                   ignore=[paths.output, paths.cache])


def test_an_edit_reloads_a_broken_edit_shows_the_error_and_the_old_page_stays(project: Path):
    site = project.parent
    calls: list[str] = []
    with pipeline_server(project, calls) as live:
        with listening(live) as events:
            article = site / "content" / "articles" / "plain-one.txt"
            article.write_text(article.read_text() + "\nNews about ports.\n")
            events.next("reload")
            page = get(live.port, "/briefings/plain-one.html")[2]
            assert b"News about ports." in page
            analysis = site / "content" / "analysis" / "chile-norway.yaml"
            analysis.write_text(analysis.read_text().replace("role: Foreign Minister",
                                                             "role: [Foreign"))
            message = json.loads(events.next("error"))["message"]
            assert "chile-norway.yaml:8: invalid YAML" in message
            assert get(live.port, "/briefings/plain-one.html")[2] == page   # the last good site
            assert get(live.port, "/briefings/chile-norway.html")[0] == 200


def test_a_config_change_is_picked_up(project: Path):
    calls: list[str] = []
    with pipeline_server(project, calls) as live:
        with listening(live) as events:
            text = project.read_text().replace("title: Test Dossier", "title: Renamed")
            replacement = project.with_name(".config.yaml.tmp")
            replacement.write_text(text)
            os.replace(replacement, project)                # as editors save
            events.next("reload")
            assert b"Renamed" in get(live.port, "/")[2]


def test_dossiers_own_writes_do_not_cause_a_rebuild_loop(project: Path):
    site = project.parent
    calls: list[str] = []
    with pipeline_server(project, calls) as live:
        with listening(live) as events:
            article = site / "content" / "articles" / "plain-two.txt"   # its analysis is rewritten
            article.write_text(article.read_text() + "\nMore.\n")
            events.next("reload")
            time.sleep(1.5)                                    # let any echo of our writes arrive
            settled = len(calls)
            time.sleep(1.5)
            assert len(calls) == settled <= 4       # first build and its catch-up, the edit, an echo
            assert events.received.empty()                     # and no second reload


# --- the command ------------------------------------------------------------------------------

def test_the_serve_command_builds_serves_reloads_and_stops_on_ctrl_c(project: Path):
    site = project.parent
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--config",
                                str(project), "--port", "0", "--jobs", "1"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               cwd=site.parent)
    try:
        first = process.stdout.readline()              # the site is built first
        pages = len(urls_of(project))
        assert first.startswith(f"Built 6 briefings, {pages} pages in "), first
        line = process.stderr.readline()               # then served
        found = re.fullmatch(r"Serving (.+) at http://127\.0\.0\.1:(\d+)/ \(Ctrl-C to stop\)\n",
                             line)
        assert found, line + process.stderr.read() if process.poll() is not None else line
        assert found.group(1) == str(site / "_site")
        port = int(found.group(2))
        events = Events(port)
        try:
            events.next("hello")
            status, _, body = get(port, "/")
            assert status == 200 and b"/__dossier__/livereload.js" in body
            assert b"livereload" not in (site / "_site" / "index.html").read_bytes()
            analysis = site / "content" / "analysis" / "japan-ghana.yaml"
            analysis.write_text(analysis.read_text().replace("summary: A visit with talks.",
                                                             "summary: Cocoa and gold."))
            events.next("reload")           # the preview: the briefing page comes first
            assert b"Cocoa and gold." in get(port, "/briefings/japan-ghana.html")[2]
            events.next("reload")           # then the rebuild, with the other pages
            assert b"Cocoa and gold." in get(port, "/feed.xml")[2]
        finally:
            events.close()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=WAIT)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
            pytest.fail(f"the server did not stop on Ctrl-C:\n{err}")
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert err.endswith("Stopped.\n")
    # the briefing and its JSON, its card on index.html, the feed and data/analysis.json
    assert f"(5 re-rendered, {pages - 5} unchanged)" in out


def test_sigterm_stops_the_server_as_ctrl_c_does(project: Path):
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "serve", "--config",
                                str(project), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr.readline().startswith("Serving ")
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            _, err = process.communicate(timeout=WAIT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            pytest.fail("the server did not stop on SIGTERM")
    assert process.returncode == 0 and err == "Stopped.\n"
