"""Accessibility: axe-core (node_modules/axe-core, pinned in package.json) injected into every
kind of page of the example site reports no WCAG 2.0/2.1/2.2 A and AA violation, in the light
and the dark colour scheme. A canary proves the injected axe really flags a broken page.
"""
from __future__ import annotations

import pytest

from .support import need_module, watch

need_module("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

PAGES = {
    "home": "index.html",
    "briefing": "briefings/arvenia-belmora-state-visit.html",
    "briefing-at-paragraph": "briefings/arvenia-belmora-state-visit.html#p4",  # :target colours
    "person": "people/tomas-reyner.html",
    "country": "countries/belmora.html",
    "topic": "topics/trade.html",
    "place": "places/velsen.html",
    "agreement": "agreements/memorandum-of-understanding-on-rail-connectivity.html",
    "people-index": "people/index.html",
    "countries-index": "countries/index.html",
    "topics-index": "topics/index.html",
    "places-index": "places/index.html",
    "agreements-index": "agreements/index.html",
    "search-with-results": "search.html?q=varga",
    "data": "data/index.html",
    "404": "404.html",
}


def run_axe(page, **options) -> dict:
    """axe.run on the page (axe already injected); details are gathered for violations only."""
    options.setdefault("runOnly", {"type": "tag", "values": WCAG_TAGS})
    options.setdefault("resultTypes", ["violations"])
    return page.evaluate("options => axe.run(document, options)", options)


def summary(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(" ".join(map(str, n["target"])) + f" [{n.get('failureSummary', '')}]"
                    for n in v["nodes"][:5])
        for v in violations)


@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_finds_no_wcag_violations_in_light_and_dark(page, http_site, axe_source, kind):
    errors = watch(page)
    page.goto(http_site + PAGES[kind])
    if kind == "search-with-results":
        expect(page.locator("#search-results li").first).to_be_visible()
    page.add_script_tag(content=axe_source)     # once; both schemes run on the same document
    found = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (
            scheme == "dark")
        result = run_axe(page)
        assert result["testEngine"]["version"] == "4.14.1"
        assert len(result["passes"]) >= 10, "axe ran almost no rules: is the injection broken?"
        if result["violations"]:
            found[scheme] = summary(result["violations"])
    assert found == {}, "\n".join(f"{kind} ({scheme}):\n{text}" for scheme, text in found.items())
    assert errors == []


def test_axe_canary_flags_known_bad_markup(page, axe_source):
    """A missing alt, an unlabelled input and grey-on-white text must all be flagged."""
    page.set_content(
        '<!doctype html><html lang="en"><head><title>canary</title></head><body><main>'
        '<h1>Canary</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<input type="text"><p style="color:#bbb;background:#fff">low contrast</p>'
        '</main></body></html>')
    page.add_script_tag(content=axe_source)
    ids = {v["id"] for v in run_axe(page)["violations"]}
    assert {"image-alt", "label", "color-contrast"} <= ids
