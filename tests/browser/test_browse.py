"""A visitor in a real browser (Debian's Chromium driven by Playwright) on the example site
served by ``python -m http.server``: walking from page to page, searching with real key
events, following an item to the paragraph it came from, and the dark colour scheme.

Every page visited must load without console errors, failed requests or HTTP >= 400.
Screenshots of the key pages, light and dark, go to test-artifacts/screenshots/.
"""
from __future__ import annotations

import re

import pytest

from .support import luminance, need_module, screenshot, watch

need_module("playwright.sync_api")
from playwright.sync_api import expect  # noqa: E402

BRIEFING = "briefings/arvenia-belmora-state-visit.html"
PERSON = "people/tomas-reyner.html"
SCHEMES = ["light", "dark"]


def background(page, selector: str) -> str:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).backgroundColor")


def test_walk_home_to_briefing_to_person_and_back(page, http_site):
    errors = watch(page)
    page.goto(http_site)
    expect(page).to_have_title("Dossier examples")
    expect(page.locator("h1")).to_have_text("Briefings")
    cards = page.locator(".briefing-list .card h2 a")
    expect(cards).to_have_count(6)

    first = cards.first.inner_text()
    cards.first.click()
    page.wait_for_url("**/briefings/corsene-arvenia-trade-mission.html")
    expect(page.locator("h1")).to_have_text(first)
    expect(page).to_have_title(f"{first} · Dossier examples")

    person = page.locator("#delegations a.person").first
    name = person.inner_text()
    person.click()
    page.wait_for_url(re.compile(r"/people/[a-z-]+\.html$"))
    expect(page.locator("h1")).to_have_text(name)
    # the person page links back to the briefing we came from
    expect(page.locator('a[href="../briefings/corsene-arvenia-trade-mission.html"]').first
           ).to_be_visible()

    page.go_back()
    page.wait_for_url("**/briefings/corsene-arvenia-trade-mission.html")
    expect(page.locator("h1")).to_have_text(first)
    page.go_back()
    page.wait_for_url(http_site)
    expect(page.locator("h1")).to_have_text("Briefings")

    page.get_by_role("navigation", name="Site").get_by_role("link", name="People").click()
    page.wait_for_url("**/people/index.html")
    expect(page.locator("main a", has_text="Lena Varga").first).to_be_visible()
    assert errors == []


def test_search_from_home_page_with_typed_keys(page, http_site):
    errors = watch(page)
    page.goto(http_site)
    box = page.get_by_label("Search people, countries, topics, agreements")
    box.press_sequentially("reyner", delay=15)          # real key events
    box.press("Enter")
    page.wait_for_url("**/search.html?q=reyner")
    results = page.locator("#search-results li")
    expect(results.first).to_be_visible()
    expect(page.locator("#search-results a", has_text="Tomas Reyner")).to_have_count(1)
    status = page.locator("#search-status")
    expect(status).to_have_text(re.compile(r"^\d+ results? for “reyner”"))
    assert page.locator("#q").input_value() == "reyner"
    screenshot(page, "search-typed-light")

    # results follow the typing on the search page itself (input events, no submit)
    q = page.locator("#q")
    q.fill("")
    expect(page.locator("#search-results li")).to_have_count(0)
    q.press_sequentially("rail conn", delay=15)
    hit = page.locator("#search-results a",
                       has_text="Memorandum of Understanding on Rail Connectivity")
    expect(hit).to_have_count(1)

    q.fill("")
    q.press_sequentially("zzqx", delay=15)
    expect(page.locator("#search-status")).to_have_text("Nothing found for “zzqx”.")
    expect(page.locator("#search-results li")).to_have_count(0)

    q.fill("")
    q.press_sequentially("rail conn", delay=15)
    hit.click()
    page.wait_for_url("**/agreements/memorandum-of-understanding-on-rail-connectivity.html")
    expect(page.locator("h1")).to_have_text(
        re.compile("Memorandum of Understanding on Rail Connectivity"))
    assert errors == []


def assert_landed_on_paragraph(page, pid: str) -> None:
    """The URL names the paragraph, it is on screen, and it is highlighted (:target)."""
    assert page.url.endswith(f"#{pid}"), page.url
    target = page.locator(f"#{pid}")
    expect(target).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target')?.id") == pid
    other = "p1" if pid != "p1" else "p2"
    highlighted, plain = background(page, f"#{pid}"), background(page, f"#{other}")
    assert highlighted != plain, f"#{pid} is not highlighted ({highlighted} vs {plain})"
    assert highlighted not in ("rgba(0, 0, 0, 0)", "transparent")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_evidence_link_on_briefing_lands_on_highlighted_paragraph(new_context, http_site,
                                                                  scheme):
    page = new_context(color_scheme=scheme).new_page()
    errors = watch(page)
    page.goto(http_site + BRIEFING)
    link = page.locator("#delegations .evidence a").first
    pid = link.get_attribute("href").lstrip("#")
    assert re.fullmatch(r"p\d+", pid)
    expect(link).to_have_attribute("aria-label", f"Paragraph {pid[1:]}")
    expect(page.locator(f"#{pid}")).not_to_be_in_viewport()     # the article is further down
    link.click()
    assert_landed_on_paragraph(page, pid)
    screenshot(page, f"briefing-paragraph-{scheme}")
    assert errors == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_from_the_article_link_on_person_page_lands_on_paragraph(new_context, http_site,
                                                                 scheme):
    page = new_context(color_scheme=scheme).new_page()
    errors = watch(page)
    page.goto(http_site + PERSON)
    link = page.get_by_role("link", name="From the article, paragraph 2").first
    href = link.get_attribute("href")
    assert href == "../briefings/corsene-arvenia-trade-mission.html#p2"
    link.click()
    page.wait_for_url("**/briefings/corsene-arvenia-trade-mission.html#p2")
    assert_landed_on_paragraph(page, "p2")
    expect(page.locator("#p2")).to_contain_text("Reyner")
    assert errors == []


KEY_PAGES = {"home": "", "briefing": BRIEFING, "person": PERSON, "search": "search.html?q=varga"}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_key_pages_in_light_and_dark_with_screenshots(new_context, http_site, scheme):
    page = new_context(color_scheme=scheme).new_page()
    errors = watch(page)
    for name, path in KEY_PAGES.items():
        page.goto(http_site + path)
        if name == "search":
            expect(page.locator("#search-results li").first).to_be_visible()
        assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (
            scheme == "dark")
        bg = luminance(background(page, "body"))
        fg = luminance(page.eval_on_selector("body", "e => getComputedStyle(e).color"))
        if scheme == "dark":
            assert bg < 0.05 and fg > 0.6, f"{name}: not dark (background {bg:.3f})"
        else:
            assert bg > 0.9 and fg < 0.05, f"{name}: not light (background {bg:.3f})"
        screenshot(page, f"{name}-{scheme}")
    assert errors == []
