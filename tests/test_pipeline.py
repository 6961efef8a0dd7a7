"""The build as people run it: summary line, progress bar, options, and a no-change build that
only looks at the inputs."""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.cli import _ProgressBar, main

from .conftest import ROOT
from .sitekit import make_site, urls_of


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_summary_line_of_a_first_and_of_a_later_build(tmp_path: Path):
    config = str(make_site(tmp_path / "site"))
    code, out, err = run("build", "--config", config)
    assert code == 0 and err == ""
    pages = len(urls_of(Path(config)))         # every file rendered: HTML, feed, search, data
    assert re.fullmatch(rf"Built 6 briefings, {pages} pages in \d+\.\d s\n", out)
    code, out, _ = run("build", "--config", config)
    assert re.fullmatch(rf"Built 6 briefings, {pages} pages in \d+\.\d s \(0 re-rendered, "
                        rf"{pages} unchanged\)\n", out)
    path = tmp_path / "site" / "content" / "analysis" / "chile-norway.yaml"
    path.write_text(path.read_text().replace("summary: A visit with talks.", "summary: New."))
    code, out, _ = run("build", "--config", config, "--jobs", "2")
    # the briefing and its JSON, its card on index-2.html, the feed and data/analysis.json
    assert out.endswith(f"(5 re-rendered, {pages - 5} unchanged)\n")
    code, out, _ = run("build", "--config", config, "--clean")
    assert re.fullmatch(rf"Built 6 briefings, {pages} pages in \d+\.\d s\n", out)


def test_build_is_the_default_command(tmp_path: Path):
    config = str(make_site(tmp_path / "site"))
    code, out, _ = run("--config", config)
    assert code == 0 and out.startswith(f"Built 6 briefings, {len(urls_of(Path(config)))} pages in ")


def test_jobs_and_port_must_be_numbers_in_range(capsys):
    assert main(["build", "--jobs", "0"]) == 2
    assert ("argument --jobs: expected a whole number from 1 to 256, got 0"
            in capsys.readouterr().err)
    assert main(["build", "--jobs", "many"]) == 2
    assert ("argument --jobs: expected a whole number from 1 to 256, got 'many'"
            in capsys.readouterr().err)
    assert main(["serve", "--port", "70000"]) == 2
    assert ("argument --port: expected a port number from 0 to 65535, got 70000"
            in capsys.readouterr().err)


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path):
    config = str(make_site(tmp_path / "site"))
    code, _, err = run("build", "--config", config)
    assert code == 0 and "\r" not in err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_only_after_a_second(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr("dossier.cli.time.monotonic", lambda: clock[0])
    screen = Terminal()
    bar = _ProgressBar(screen)
    bar("Rendering", 10, 100)
    assert screen.getvalue() == ""
    clock[0] += 1.5
    bar("Rendering", 50, 100)
    assert screen.getvalue() == "\r\x1b[KRendering  [##############..............] 50/100"
    clock[0] += 0.01
    bar("Rendering", 51, 100)                    # not redrawn more than ten times a second
    bar("Rendering", 100, 100)                   # but always at the end
    assert screen.getvalue().endswith("[############################] 100/100")
    bar.clear()
    assert screen.getvalue().endswith("\r\x1b[K")


def test_a_terminal_gets_the_summary_and_no_bar_for_a_quick_build(tmp_path: Path):
    config = str(make_site(tmp_path / "site"))
    out, err = io.StringIO(), Terminal()
    assert main(["build", "--config", config], out=out, err=err) == 0
    assert err.getvalue() == "" and out.getvalue().startswith("Built 6 briefings")


def test_a_build_with_nothing_changed_does_not_load_the_renderer(tmp_path: Path):
    """It stats the inputs, compares them with the record and stops: no Jinja, no Markdown,
    no extractor, no site model in the process."""
    config = str(make_site(tmp_path / "site"))
    assert run("build", "--config", config)[0] == 0
    probe = ("import sys\n"
             "from dossier.cli import main\n"
             f"code = main(['build', '--config', {config!r}])\n"
             "heavy = sorted(m for m in ('jinja2', 'markdown', 'dossier.render', 'dossier.site',"
             " 'dossier.extract', 'dossier.store') if m in sys.modules)\n"
             "print(code, heavy)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "0 []"
    assert f"(0 re-rendered, {len(urls_of(Path(config)))} unchanged)" in done.stdout


@pytest.mark.parametrize("argv", [["serve", "--help"], ["build", "--help"]])
def test_help_mentions_the_new_options(argv, capsys):
    assert main(argv) == 0
    text = capsys.readouterr().out
    assert "--jobs N" in text
    assert ("--port N" in text and "--host" in text) if argv[0] == "serve" else "--clean" in text
