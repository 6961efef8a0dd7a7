"""Hosting: the built example site works wherever a static site is put.

- a real nginx (Debian's) serving it under /some/sub-path/, started in the foreground with its
  own prefix by the test and stopped by it;
- ``python -m http.server`` serving it at /;
- no server at all: ``file://`` in the browser, search included.

A crawler follows every same-site a/link/script/img/form reference from the home page and must
reach every page (404.html aside) with no 404, no wrong Content-Type and no dangling #fragment.
"""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from .conftest import SUB_PATH
from .support import Nginx, crawl, need, need_module, nginx_path, watch

need_module("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402


def every_page(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")} - {"404.html"}


@pytest.fixture(params=["nginx-sub-path", "http.server"])
def served(request):
    """(base URL ending in /, site folder) for each way of serving the example site."""
    fixture = {"nginx-sub-path": "nginx_site", "http.server": "http_site"}[request.param]
    return request.getfixturevalue(fixture), request.getfixturevalue("example_site")


def test_crawler_reaches_every_page_with_no_404(served):
    base, site = served
    result = crawl(base)
    assert result.problems == []
    reached = {u[len(base):] for u in result.pages} - {""}
    assert reached == every_page(site)
    kinds = {Path(urlsplit(u).path).suffix for u in result.files}
    assert {".css", ".js", ".svg", ".xml", ".json", ".csv", ".yaml"} <= kinds


def test_site_works_in_the_browser_when_served(page, served):
    """Styles and scripts load and search (scripts loaded on demand) works on each server."""
    base, _ = served
    errors = watch(page)
    page.goto(base)
    assert page.evaluate("getComputedStyle(document.documentElement)"
                         ".getPropertyValue('--bg').trim()") == "#fbfaf7"   # style.css applied
    page.get_by_label("Search people, countries, topics, agreements").press_sequentially("velsen")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(base) + r"search\.html\?q=velsen$"))
    result = page.locator("#search-results a", has_text=re.compile(r"^Velsen$"))
    expect(result).to_have_count(1)
    result.click()
    page.wait_for_url(base + "places/velsen.html")
    expect(page.locator("h1")).to_contain_text("Velsen")
    assert errors == []


def test_nginx_serves_the_site_404_page_for_a_missing_page(page, nginx_site):
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(nginx_site + "no-such-page.html", timeout=10)
    assert missing.value.code == 404
    assert "Page not found" in missing.value.read().decode("utf-8")
    # and the sub-path without its slash is redirected into the site
    with urllib.request.urlopen(nginx_site.rstrip("/"), timeout=10) as response:
        assert response.url == nginx_site and "<h1>Briefings</h1>" in response.read().decode()

    errors = watch(page)
    page.goto(nginx_site + "no-such-page.html")
    expect(page.locator("h1")).to_have_text("Page not found")
    assert page.evaluate("getComputedStyle(document.documentElement)"
                         ".getPropertyValue('--bg').trim()") == "#fbfaf7"   # styled
    page.get_by_role("link", name="All briefings, newest first").click()
    page.wait_for_url(nginx_site + "index.html")
    expect(page.locator("h1")).to_have_text("Briefings")
    assert [e for e in errors if not e.startswith("console")] == [
        f"HTTP 404: {nginx_site}no-such-page.html"]          # that one, and nothing else


@pytest.fixture
def nginx_base_url_site(base_url_site):
    """The example site built with base_url, served by nginx at that very address."""
    need("nginx", nginx_path() is not None)
    server = Nginx(base_url_site.folder, SUB_PATH, base_url_site.port)
    assert server.url == base_url_site.url
    yield server.url
    server.close()


def test_nginx_404_page_works_at_any_depth_when_base_url_is_set(page, nginx_base_url_site):
    """404.html is served for any missing path; with base_url its <base> keeps it whole."""
    site = nginx_base_url_site
    errors = watch(page)
    page.goto(site + "people/deeper/no-such-page.html")
    expect(page.locator("h1")).to_have_text("Page not found")
    assert page.evaluate("getComputedStyle(document.documentElement)"
                         ".getPropertyValue('--bg').trim()") == "#fbfaf7"   # styled
    page.get_by_role("link", name="Search people, countries, topics and agreements").click()
    page.wait_for_url(site + "search.html")
    expect(page.locator("h1")).to_have_text("Search")
    assert [e for e in errors if not e.startswith("console")] == [
        f"HTTP 404: {site}people/deeper/no-such-page.html"]


PAGE_FACTS = """() => ({
  bg: getComputedStyle(document.documentElement).getPropertyValue('--bg').trim(),
  ids: Array.from(document.querySelectorAll('[id]'), e => e.id),
  links: Array.from(document.querySelectorAll(
           'a[href], link[href], script[src], img[src], form[action]'),
         e => [e.localName, e.href || e.src || e.action]),
})"""


def test_file_url_crawl_in_the_browser(page, example_site):
    """Every page opened from file:// loads its styles and scripts; every link names a file."""
    root = example_site.resolve()
    start = root.joinpath("index.html").as_uri()
    errors = watch(page)
    queue, seen, problems = [start], {start}, []
    ids: dict[str, set[str]] = {}
    fragments: list[tuple[str, str, str]] = []
    while queue:
        url = queue.pop()
        page.goto(url)
        seen_here = page.evaluate(PAGE_FACTS)        # one round trip per page
        if seen_here["bg"] != "#fbfaf7":
            problems.append(f"{url}: style.css not applied")
        ids[url] = set(seen_here["ids"])
        links = seen_here["links"]
        for tag, raw in links:
            target, fragment = urldefrag(raw)
            parts = urlsplit(target)
            if parts.scheme != "file":
                continue
            path = Path(unquote(parts.path))
            if not path.resolve().is_relative_to(root):
                problems.append(f"{url}: <{tag}> {raw} leaves the site folder")
            elif not path.is_file():
                problems.append(f"{url}: <{tag}> {raw}: no such file")
            elif path.suffix == ".html":
                target = path.as_uri()          # the query of a form's action is not a file
                if fragment:
                    fragments.append((url, target, fragment))
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
    for referrer, target, fragment in fragments:
        if fragment not in ids[target]:
            problems.append(f"{referrer}: #{fragment} names no element of {target}")
    assert problems == []
    assert {Path(urlsplit(u).path).relative_to(root).as_posix() for u in seen} == every_page(
        example_site)
    assert errors == []


def test_search_works_from_file_url(page, example_site):
    errors = watch(page)
    page.goto(example_site.joinpath("index.html").as_uri())
    page.get_by_label("Search people, countries, topics, agreements").press_sequentially("varga")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search.html?q=varga")
    expect(page.locator("#search-status")).to_have_text("4 results for “varga”.")
    page.locator("#q").fill("")
    page.locator("#q").press_sequentially("holm", delay=15)
    hit = page.locator("#search-results a", has_text="Karin Holm")
    expect(hit).to_have_count(1)
    hit.click()
    page.wait_for_url(example_site.joinpath("people", "karin-holm.html").as_uri())
    expect(page.locator("h1")).to_have_text("Karin Holm")
    assert errors == []
