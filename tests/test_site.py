"""site.py: merging across briefings, ids and URLs, pagination, and page data that the
incremental build can digest (plain, acyclic, showing only what the page shows)."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from dossier import render
from dossier.config import load_config
from dossier.model import (Analysis, Article, Country, FocusArea, FrontMatter, Mou, Paragraph,
                           Person, Place, Source)
from dossier.site import Briefing, Kept, Page, build_site


def _config(tmp_path: Path, **settings):
    text = "title: Test\n" + "".join(f"{k}: {v}\n" for k, v in settings.items())
    (tmp_path / "config.yaml").write_text(text, encoding="utf-8")
    return load_config(tmp_path / "config.yaml")


def _pair(slug: str, date: str | None, people: list[Person], **more) -> tuple[Article, Analysis]:
    paragraphs = tuple(Paragraph(id=f"p{i}", text=f"Paragraph {i} of {slug}.", line=i)
                       for i in range(1, 4))
    article = Article(path=f"content/articles/{slug}.txt", slug=slug, format="text",
                      sha256=slug, meta=FrontMatter(), paragraphs=paragraphs)
    analysis = Analysis(source=Source(path=article.path, sha256=slug), title=f"Visit {slug}",
                        date=date, delegates=people, **more)
    return article, analysis


def _person(name: str, country: str | None, role: str | None = None, side: str | None = None,
            pid: str | None = None) -> Person:
    return Person(id=pid or name.lower().replace(" ", "-"), name=name, role=role,
                  country=country, side=side, evidence=["p1"])


def _pages(site, template: str) -> dict[str, Page]:
    return {p.url: p for p in site.pages if p.template == template}


def test_same_name_in_two_briefings_is_one_person_with_both_roles(tmp_path):
    site = build_site([
        _pair("a", "2023-01-01", [_person("Ann Lee", "Arvenia", "Minister of Trade", "host")]),
        _pair("b", "2024-01-01", [_person("Ann  LEE", "Arvenia", "Deputy Prime Minister", "guest")]),
    ], _config(tmp_path))
    (ann,) = site.people
    assert ann.url == "people/ann-lee.html" and ann.count == 2
    assert [a.briefing.url for a in ann.appearances] == ["briefings/b.html", "briefings/a.html"]
    assert [(r.role, r.first) for r in ann.roles] == [("Minister of Trade", "2023-01-01"),
                                                      ("Deputy Prime Minister", "2024-01-01")]
    assert ann.line.startswith("Deputy Prime Minister, Arvenia (earlier: Minister of Trade)")
    assert site.ambiguities == [] and site.notes == []


def test_same_name_with_different_countries_is_kept_apart_and_noted(tmp_path):
    site = build_site([
        _pair("a", "2023-01-01", [_person("Ali Khan", "Pakistan")]),
        _pair("b", "2023-02-01", [_person("Ali Khan", "Afghanistan")]),
        _pair("c", "2023-03-01", [_person("Ali Khan", None)]),
    ], _config(tmp_path))
    urls = sorted(p.url for p in site.people)
    assert urls == ["people/ali-khan-afghanistan.html", "people/ali-khan-pakistan.html",
                    "people/ali-khan.html"]
    (amb,) = site.ambiguities
    assert amb.name == "Ali Khan" and sorted(e.url for e in amb.entries) == urls
    assert site.notes == [
        "People: 'Ali Khan' is named with different countries; kept as 3 pages "
        "(people/ali-khan.html, people/ali-khan-afghanistan.html, people/ali-khan-pakistan.html)"
        " — check whether they are one and the same"]
    for person in site.people:
        assert sorted(k.url for k in person.kept_apart) == sorted(set(urls) - {person.url})
    people_index = _pages(site, "entities.html")["people/index.html"].data
    assert people_index.kept_apart == [amb]
    assert all(e.ambiguous for e in people_index.entries)


def test_many_names_kept_apart_are_noted_a_few_then_counted(tmp_path):
    pairs = [_pair(f"s{i}", "2023-01-01", [_person(f"Name {i}", "Arvenia")]) for i in range(13)]
    pairs += [_pair(f"t{i}", "2023-01-02", [_person(f"Name {i}", "Estmark")]) for i in range(13)]
    site = build_site(pairs, _config(tmp_path))
    assert len(site.ambiguities) == 13 and len(site.notes) == 11
    assert site.notes[-1] == ("3 more names are kept apart like these; the index pages list "
                              "them all under 'Same name, kept apart'")


def test_one_agreement_title_with_different_parties_is_listed_not_noted(tmp_path):
    def signed(slug: str, parties: list[str]) -> tuple[Article, Analysis]:
        return _pair(slug, "2023-01-01", [], mous=[Mou(id="m1", title="Air Services Agreement",
                                                       parties=parties, evidence=["p1"])])
    site = build_site([signed("a", ["Arvenia", "Estmark"]), signed("b", ["Korvia", "Lumen"])],
                      _config(tmp_path))
    assert len(site.entities["agreement"]) == 2
    assert [a.kind for a in site.ambiguities] == ["agreement"]
    assert site.notes == []


def test_an_entity_page_links_a_few_of_the_names_kept_apart_and_counts_the_rest(tmp_path):
    def signed(slug: str, party: str) -> tuple[Article, Analysis]:
        return _pair(slug, "2023-01-01", [], mous=[Mou(id="m1", title="Air Services Agreement",
                                                       parties=["Arvenia", party],
                                                       evidence=["p1"])])
    site = build_site([signed(f"s{i:02}", f"Party {i:02}") for i in range(12)],
                      _config(tmp_path, per_page=5))
    agreements = site.entities["agreement"]
    assert len(agreements) == 12
    for agreement in agreements:
        others = {o.url for o in agreement.kept_apart}
        assert len(others) == 8 and agreement.url not in others
        assert agreement.more_kept_apart == 3
    views = {p.url: p.data for p in site.pages if p.template == "agreement.html"}
    index = _pages(site, "entities.html")
    for agreement in agreements:
        listed_on = views[agreement.url].index_url
        assert agreement.url in {e.url for e in index[listed_on].data.entries}
    first = next(p for p in site.pages if p.url == agreements[0].url)
    html = render.render_page(render.make_env([render.BUILTIN_TEMPLATES]), site, first,
                              render.collect_assets([render.BUILTIN_STATIC])).decode()
    notice = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html.split('class="notice"')[1]
                                         .split("</div>")[0]))
    assert notice.startswith(' role="note"> Same name, kept apart. Air Services Agreement is '
                             "also the name of another agreement (Arvenia, Party 01 · 2023-01-01), ")
    assert ("another agreement (Arvenia, Party 08 · 2023-01-01), and of 3 more, all listed in the index. "
            "Dossier does not join entries whose parties differ") in notice
    assert f'href="{views[first.url].index_url.split("/")[1]}"' in html


def test_a_person_without_a_country_joins_the_only_country_seen(tmp_path):
    site = build_site([_pair("a", None, [_person("Bo", "Estmark")]),
                       _pair("b", None, [_person("Bo", None)])], _config(tmp_path))
    assert [p.url for p in site.people] == ["people/bo.html"] and site.ambiguities == []


def test_ids_are_safe_unique_and_never_shadow_an_index(tmp_path):
    site = build_site([_pair("a", None, [
        _person("Index", "X", pid="i1"), _person("Index 2", "X", pid="i2"),
        _person("???", "X", pid="q"), _person("!!!", "X", pid="e"),
        _person("A" * 200, "X", pid="long")])], _config(tmp_path))
    urls = {p.name: p.url for p in site.people}
    assert urls["Index"] == "people/person-index.html"
    assert urls["Index 2"] == "people/person-index-2.html"
    assert urls["???"] != urls["!!!"] and urls["???"].startswith("people/x")
    assert len(urls["A" * 200]) < 100
    all_urls = [p.url for p in site.pages]
    assert len(all_urls) == len(set(all_urls))


def test_indexes_and_busy_entity_pages_are_paginated(tmp_path):
    pairs = [_pair(f"v{n:02}", f"2024-01-{n:02}", [_person("Chief", "Arvenia"),
                                                   _person(f"Guest {n}", "Belmora")])
             for n in range(1, 26)]
    site = build_site(pairs, _config(tmp_path, per_page=10))
    html = [p.url for p in site.pages if p.url.endswith(".html")]
    assert {"index.html", "index-2.html", "index-3.html"} <= set(html)
    assert {"people/index.html", "people/index-2.html", "people/index-3.html"} <= set(html)
    assert [u for u in html if u.startswith("people/chief")] == [
        "people/chief.html", "people/chief--2.html", "people/chief--3.html"]
    chief = [p.data for p in site.pages if p.url.startswith("people/chief")]
    assert [len(v.entity.appearances) for v in chief] == [10, 10, 5]
    assert chief[1].pager.prev_url == "people/chief.html"
    assert chief[1].pager.next_url == "people/chief--3.html"
    assert chief[0].entity.appearances[0].briefing.date == "2024-01-25"
    home = _pages(site, "index.html")["index.html"].data
    assert len(home.cards) == 10 and home.pager.total == 25
    people = _pages(site, "entities.html")["people/index.html"].data
    # lists by date say "Newer"/"Older", the others "Previous"/"Next" (partials/pager.html)
    assert home.pager.newest_first and chief[0].pager.newest_first
    assert not people.pager.newest_first


def test_page_data_is_plain_acyclic_and_entity_pages_hold_no_briefings(tmp_path):
    a = _pair("a", "2024-01-01", [_person("Ann", "Arvenia", "PM", "host"),
                                  _person("Bo", "Belmora", "FM", "guest")],
              countries=[Country("Arvenia", "host", ["p1"]), Country("Belmora", "guest", ["p1"])],
              focus_areas=[FocusArea(id="f", title="Trade", delegates=["ann", "bo"],
                                     evidence=["p2"])],
              mous=[Mou(id="m", title="MoU on Trade", focus_areas=["f"], evidence=["p3"])],
              places=[Place(name="Velsen", kind="city", evidence=["p1"])])
    site = build_site([a], _config(tmp_path))

    def walk(value, path: str, stack: tuple[int, ...], page: Page) -> None:
        if id(value) in stack:
            raise AssertionError(f"{page.url}: cycle at {path}")
        if isinstance(value, (str, int, float, bool, type(None))):
            return
        assert not callable(value) or dataclasses.is_dataclass(value), f"{path}: {value!r}"
        if page.template != "briefing.html":
            assert not isinstance(value, (Briefing, Article)), f"{page.url}: {path}"
        stack = (*stack, id(value))
        if dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name), f"{path}.{f.name}", stack, page)
        elif isinstance(value, dict):
            for k, v in value.items():
                assert isinstance(k, str)
                walk(v, f"{path}[{k!r}]", stack, page)
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                walk(v, f"{path}[{i}]", stack, page)
        else:
            raise AssertionError(f"{page.url}: {path} is a {type(value).__name__}")

    for page in site.pages:
        walk(page.data, "data", (), page)
    briefing = _pages(site, "briefing.html")["briefings/a.html"].data
    assert briefing.person_urls == {"ann": "people/ann.html", "bo": "people/bo.html"}
    assert briefing.agreement_urls == ["agreements/mou-on-trade.html"]
    assert briefing.meetings is not None and briefing.themes[0].agreements[0].url == \
        "briefings/a.html#mou-m"


def test_every_page_renders_and_busy_corpora_stay_under_50_kb(tmp_path):
    people = [_person(f"Minister {i}", "Arvenia", "Minister of Something Important", "host")
              for i in range(12)]
    pairs = [_pair(f"visit-{n:03}", f"2024-{n % 12 + 1:02}-01",
                   [*people, _person("Ali Khan", f"Land {n % 40}", "Envoy", "guest")],
                   countries=[Country("Arvenia", "host", ["p1"]), Country("Belmora", "guest")])
             for n in range(120)]     # 12 people in every visit; one name in 40 countries
    site = build_site(pairs, _config(tmp_path))
    env = render.make_env([render.BUILTIN_TEMPLATES])
    assets = render.collect_assets([render.BUILTIN_STATIC])
    css = assets.files[assets.urls["style.css"]].stat().st_size
    js = assets.files[assets.urls["search.js"]].stat().st_size
    sizes = {url: len(body) for url, body in render.render_pages(env, site, site.pages, assets)}
    html = {u: s + css for u, s in sizes.items() if u.endswith(".html")}
    manifest = next(u for u in sizes if u.startswith("search/index."))
    html["search.html"] += js + sizes[manifest]
    assert max(html.values()) < 50 * 1024, max(html.items(), key=lambda kv: kv[1])
    shards = [s for u, s in sizes.items() if u.startswith("search/") and u != manifest]
    assert max(shards) < 25 * 1024      # what one query loads (a few shards at most)
    assert len([u for u in html if u.startswith("people/minister-0")]) == 6   # 120 / 20
    assert len(site.ambiguities) == 1 and len(site.ambiguities[0].entries) == 40


def test_feed_holds_the_newest_fifty_and_is_dated_by_the_newest_briefing(tmp_path):
    pairs = [_pair(f"v{n:02}", f"2020-01-{n % 28 + 1:02}" if n else None, [])
             for n in range(60)]
    site = build_site(pairs, _config(tmp_path))
    feed = next(p for p in site.pages if p.url == "feed.xml").data
    assert len(feed.entries) == 50 and feed.updated == "2020-01-28T00:00:00Z"
    assert feed.entries[0].updated == "2020-01-28T00:00:00Z"
    assert feed.id == "urn:dossier:feed.xml"


def test_build_site_is_deterministic_whatever_the_input_order(tmp_path):
    pairs = [_pair(s, d, [_person("Ann", "A"), _person("Bo", "B")])
             for s, d in (("x", "2024-01-01"), ("y", None), ("z", "2024-01-01"))]
    one = build_site(pairs, _config(tmp_path))
    two = build_site(list(reversed(pairs)), _config(tmp_path))
    assert [p.url for p in one.pages] == [p.url for p in two.pages]
    assert [b.slug for b in one.briefings] == ["z", "x", "y"]


def test_a_second_build_reuses_the_briefings_it_would_make_the_same_way(tmp_path):
    config = _config(tmp_path)
    pairs = [_pair(s, f"2024-01-0{n}", [_person("Ann Lee", "Arvenia"), _person(f"Bo {s}", "B")])
             for n, s in enumerate("abc", start=1)]
    kept = Kept()
    first = build_site(pairs, config, kept)
    again = build_site(pairs, config, kept)
    assert all(x is y for x, y in zip(first.briefings, again.briefings))
    assert again == first == build_site(pairs, config)

    article, analysis = pairs[1]          # an edit: a new analysis object for "b"
    pairs[1] = article, dataclasses.replace(analysis, title="Visit b, revised")
    edited = build_site(pairs, config, kept)
    assert [x is y for x, y in zip(again.briefings, edited.briefings)] == [True, False, True]
    assert edited.briefings[1].analysis.title == "Visit b, revised"
    assert edited == build_site(pairs, config)


def test_no_briefing_is_reused_when_the_entity_ids_or_the_settings_change(tmp_path):
    config = _config(tmp_path)
    pairs = [_pair(s, f"2024-01-0{n}", [_person("Ann Lee", "Arvenia")])
             for n, s in enumerate("ab", start=1)]
    kept = Kept()
    first = build_site(pairs, config, kept)
    # a third briefing names Ann Lee of another country: her name now has two pages
    more = pairs + [_pair("c", "2024-01-03", [_person("Ann Lee", "Borduria")])]
    split = build_site(more, config, kept)
    assert not any(x is y for x in first.briefings for y in split.briefings)
    assert split.briefings[-1].person_urls["ann-lee"] == "people/ann-lee-arvenia.html"
    assert split == build_site(more, config)
    retitled = build_site(more, _config(tmp_path, title="Other"), kept)
    assert not any(x is y for x in split.briefings for y in retitled.briefings)
    assert retitled == build_site(more, _config(tmp_path, title="Other"))
