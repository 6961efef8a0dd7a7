"""Fixtures for the browser tests: one build of the example site (and of the seed site) per
session, the servers that host it, and pytest-playwright's browser pointed at Debian's
Chromium (never a downloaded one: do not run `playwright install`).
"""
from __future__ import annotations

import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from dossier.cli import main as dossier

from .support import (AXE_JS, CHROMIUM_ARGS, EXAMPLES, ROOT, VNU_JAR, HttpServer, Nginx, NuCheck,
                      chromium_path, free_port, java_path, need, nginx_path)

SUB_PATH = "/some/sub-path/"
NU_CANARY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bad</title></head>
<body><ul><div>not a list item</div></ul><p>stray</span></p></body></html>
"""


def build_site(src: Path) -> Path:
    out, err = io.StringIO(), io.StringIO()
    status = dossier(["build", "--config", str(src / "config.yaml")], out=out, err=err)
    assert status == 0, f"build of {src} failed:\n{out.getvalue()}{err.getvalue()}"
    site = src / "_site"
    assert (site / "index.html").is_file()
    return site


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example corpus built from a temporary copy (the repository is never written)."""
    src = tmp_path_factory.mktemp("browser-examples") / "site"
    shutil.copytree(EXAMPLES, src, ignore=shutil.ignore_patterns(
        "_site", ".dossier-cache", "*.yaml.new", "*.bak", ".*.lock"))
    return build_site(src)


@dataclass(frozen=True)
class BaseUrlSite:
    folder: Path
    url: str           # the site's base_url: http://127.0.0.1:<port>/some/sub-path/
    port: int          # a free port picked before the build, for nginx to serve it on


@pytest.fixture(scope="session")
def base_url_site(tmp_path_factory) -> BaseUrlSite:
    """The example corpus built with base_url set to a loopback sub-path address."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    src = tmp_path_factory.mktemp("browser-base-url") / "site"
    shutil.copytree(EXAMPLES, src, ignore=shutil.ignore_patterns(
        "_site", ".dossier-cache", "*.yaml.new", "*.bak", ".*.lock"))
    config = src / "config.yaml"
    text, n = re.subn(r"(?m)^base_url:.*$", f'base_url: "{url}"', config.read_text())
    assert n == 1, "examples/config.yaml has no base_url line"
    config.write_text(text)
    return BaseUrlSite(build_site(src), url, port)


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The shipped seed site (config.yaml + content/) built from a temporary copy."""
    src = tmp_path_factory.mktemp("browser-seed") / "site"
    src.mkdir()
    shutil.copy(ROOT / "config.yaml", src / "config.yaml")
    shutil.copytree(ROOT / "content", src / "content")
    for folder in ("templates", "static"):     # no overrides: the built-in ones are used
        (src / folder).mkdir()
    return build_site(src)


@pytest.fixture(scope="session")
def http_site(example_site):
    """The example site served by ``python -m http.server`` at / (URL ends with /)."""
    server = HttpServer(example_site)
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def nginx_site(example_site):
    """The example site served by a real nginx under /some/sub-path/ (URL ends with /)."""
    need("nginx", nginx_path() is not None)
    server = Nginx(example_site, SUB_PATH)
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    need("axe-core (node_modules/, from npm ci)", AXE_JS.is_file())
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nu_check(example_site, seed_site, base_url_site, tmp_path_factory):
    """The Nu checker over the example site (also built with a base_url), the seed site and a
    known-bad canary page."""
    need("java", java_path() is not None)
    need("vnu-jar (node_modules/, from npm ci)", VNU_JAR.is_file())
    work = tmp_path_factory.mktemp("nu-check")
    canary = work / "canary"
    canary.mkdir()
    (canary / "bad.html").write_text(NU_CANARY, encoding="utf-8")
    check = NuCheck([example_site, seed_site, base_url_site.folder, canary], work)
    check.canary = (canary / "bad.html").resolve()
    yield check
    check.close()


@pytest.fixture(scope="session", autouse=True)
def _start_nu_check_early(request):
    """When the Nu check is among the tests to run, start its JVM with the first browser test:
    it checks the sites on one core while the browser tests wait on Chromium."""
    if java_path() and VNU_JAR.is_file() and any(
            "nu_check" in getattr(item, "fixturenames", ()) for item in request.session.items):
        request.getfixturevalue("nu_check")


# --- pytest-playwright: Debian's Chromium, one browser per session ---------------------------

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = chromium_path()
    need("chromium", path is not None)
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS,
            "chromium_sandbox": False}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Playwright's default colour scheme is light; tests ask new_context(color_scheme="dark")
    return {**browser_context_args, "viewport": {"width": 1100, "height": 760}}


def pytest_configure(config):
    # pytest-playwright 0.10.0's fallback base_url fixture (we do not use it) trips a pytest 9
    # deprecation warning on every run; it is theirs, not ours.
    config.addinivalue_line(
        "filterwarnings", "ignore:Session-scoped fixtures defined as instance methods"
                          ":pytest.PytestRemovedIn10Warning")
