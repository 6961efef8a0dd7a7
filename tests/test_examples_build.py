"""End to end: build examples/ (and the seed site) from a temporary copy and read the result
as a visitor, a crawler and a spreadsheet would.

The example corpus is six invented visits with hand-written, reviewed analyses. It has, on
purpose: a minister in three visits (Lena Varga), a role change (Tomas Reyner, Minister of
Trade → Deputy Prime Minister), one name for two people of different countries (Amir Haddad),
an agreement reviewed again a year later (Rail Connectivity) and one title signed with two
different partners (Agreement on Trade Facilitation).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import posixpath
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from dossier.config import load_config
from dossier.pipeline import BuildReport, build

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PAGE_LIMIT = 50 * 1024


# --- building from a copy ---------------------------------------------------------------------

def copy_site(src: Path, dest: Path) -> Path:
    """The site folder ``src`` (config, content, templates, static) copied to ``dest``."""
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("_site", ".dossier-cache",
                                                             "*.yaml.new", "*.bak"))
    return dest


def build_copy(src: Path, dest: Path, **settings: str) -> tuple[Path, BuildReport]:
    site = copy_site(src, dest)
    if settings:
        config = site / "config.yaml"
        text = config.read_text(encoding="utf-8")
        for key, value in settings.items():
            text = re.sub(rf"(?m)^{key}:.*$", f"{key}: {value}", text)
        config.write_text(text, encoding="utf-8")
    report = build(load_config(site / "config.yaml"))
    return site / "_site", report


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, BuildReport]:
    return build_copy(EXAMPLES, tmp_path_factory.mktemp("examples") / "site")


@pytest.fixture(scope="module")
def out(built) -> Path:
    return built[0]


# --- reading HTML -----------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


@dataclass
class Parsed:
    ids: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)      # (tag, url)
    text: list[str] = field(default_factory=list)
    scripts: dict[str, list[str]] = field(default_factory=dict)     # type → contents
    problems: list[str] = field(default_factory=list)
    attrs: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, name, value)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = Parsed()
        self.stack: list[str] = []
        self.script: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            self.doc.attrs.append((tag, name, value or ""))
        if "id" in a:
            self.doc.ids.append(a["id"])
        for name in ("href", "src"):
            if a.get(name) is not None and tag in ("a", "link", "script", "img", "base"):
                self.doc.links.append((tag, a[name]))
        parent = self.stack[-1] if self.stack else None
        if parent in ("ul", "ol") and tag not in ("li", "script", "template"):
            self.doc.problems.append(f"<{tag}> inside <{parent}>")
        if tag == "script":
            self.script = (a.get("type") or "text/javascript", [])
        if tag not in VOID and not tag.endswith("/"):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "script" and self.script:
            kind, parts = self.script
            self.doc.scripts.setdefault(kind, []).append("".join(parts))
            self.script = None
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.script:
            self.script[1].append(data)
        else:
            self.doc.text.append(data)


def parse(path: Path) -> Parsed:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.doc


def text_of(path: Path) -> str:
    return " ".join(" ".join(parse(path).text).split())


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def check_links(site: Path) -> list[str]:
    """Every internal href/src resolves to a file, and every #fragment to an element id."""
    problems: list[str] = []
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(parse(path).ids) if path.suffix == ".html" else set()
        return ids[path]

    for page in html_files(site):
        doc = parse(page)
        duplicates = {i for i in doc.ids if doc.ids.count(i) > 1}
        if duplicates:
            problems.append(f"{page.relative_to(site)}: duplicate ids {sorted(duplicates)}")
        problems += [f"{page.relative_to(site)}: {p}" for p in doc.problems]
        for tag, url in doc.links:
            if tag == "base":
                continue
            parts = urlsplit(url)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            where = f"{page.relative_to(site)}: {tag} {url!r}"
            if parts.scheme or parts.netloc or url.startswith("/"):
                problems.append(f"{where}: not a relative link")
                continue
            if parts.path and not re.search(r"\.(html|xml|css|js|svg|yaml|json|csv|txt)$",
                                            parts.path):
                problems.append(f"{where}: does not name a file")
                continue
            target = page if not parts.path else Path(
                posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(parts.path))))
            if not target.is_file() or not target.resolve().is_relative_to(site.resolve()):
                problems.append(f"{where}: no such file")
                continue
            if parts.fragment and parts.fragment not in ids_of(target):
                problems.append(f"{where}: no element with id '{parts.fragment}'")
    return problems


def page_weight(site: Path, page: Path) -> int:
    """Bytes of the page's HTML plus the CSS and JS it loads (images not counted)."""
    total = page.stat().st_size
    for tag, url in parse(page).links:
        if tag in ("link", "script") and re.search(r"\.(css|js)$", urlsplit(url).path):
            total += (page.parent / urlsplit(url).path).resolve().stat().st_size
    return total


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def jsonld(path: Path) -> list[dict]:
    return [json.loads(s) for s in parse(path).scripts.get("application/ld+json", [])]


# --- the build --------------------------------------------------------------------------------


def test_the_shipped_analysis_names_the_current_extractor():
    """A fresh checkout's build uses the shipped seed analysis as it is, and leaves the working
    tree clean: the file was recorded by this extractor (re-record it after changing the
    extractor: delete the file and build)."""
    from dossier import extract, store

    shipped = store.load(ROOT / "content" / "analysis" / "lukashenko-visit-pakistan.yaml")
    assert shipped.untouched and shipped.extractor == extract.version()

def test_examples_are_reviewed_records_kept_as_written(built, tmp_path):
    site, report = built
    assert report.briefings == 6
    folder = site.parent / "content" / "analysis"
    assert not list(folder.glob("*.new")), "an analysis did not match its article's sha256"
    for path in sorted((EXAMPLES / "content" / "analysis").glob("*.yaml")):
        assert (folder / path.name).read_bytes() == path.read_bytes()
        article = next((EXAMPLES / "content" / "articles").glob(path.stem + ".*"))
        digest = hashlib.sha256(article.read_bytes()).hexdigest()
        assert f"sha256: {digest}" in path.read_text(encoding="utf-8")


def test_every_internal_link_and_anchor_resolves(out):
    assert check_links(out) == []


def test_pages_stay_under_50_kb_with_their_css_and_js(out):
    weights = {p.relative_to(out).as_posix(): page_weight(out, p) for p in html_files(out)}
    heavy = {p: w for p, w in weights.items() if w >= PAGE_LIMIT}
    assert heavy == {}
    assert max(weights.values()) > 10_000   # the measure counts CSS too


def test_output_is_byte_identical_across_builds(out, tmp_path):
    again, _ = build_copy(EXAMPLES, tmp_path / "again")

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes()
                for p in sorted(root.rglob("*")) if p.is_file()}

    first, second = files(out), files(again)
    assert sorted(first) == sorted(second)
    assert [k for k in first if first[k] != second[k]] == []


# --- page by page -----------------------------------------------------------------------------

def test_home_lists_briefings_newest_first_with_totals_and_search(out):
    doc = parse(out / "index.html")
    briefings = [u for t, u in doc.links if u.startswith("briefings/")]
    assert briefings == [
        "briefings/corsene-arvenia-trade-mission.html", "briefings/estmark-arvenia-visit.html",
        "briefings/arvenia-belmora-follow-up.html", "briefings/belmora-corsene-summit.html",
        "briefings/estmark-corsene-energy-talks.html", "briefings/arvenia-belmora-state-visit.html"]
    text = text_of(out / "index.html")
    for total in ("6 briefings", "15 people", "4 countries", "8 places", "8 agreements", "9 topics"):
        assert total in text
    assert "2023-03-14" in text and "€310 million" in text
    assert ('form', 'action', 'search.html') in doc.attrs


def test_briefing_shows_delegations_side_by_side_with_roles(out):
    page = out / "briefings" / "arvenia-belmora-state-visit.html"
    html = page.read_text(encoding="utf-8")
    host = html[html.index("delegation-host"):html.index("delegation-guest")]
    guest = html[html.index("delegation-guest"):html.index("h-meetings")]
    for name, role in (("Daniel Oster", "Prime Minister"), ("Tomas Reyner", "Minister of Trade"),
                       ("Sofia Lind", "Minister of Transport")):
        assert name in host and role in host and name not in guest
    for name in ("Ilona Markas", "Lena Varga", "Pavel Dusek"):
        assert name in guest
    links = dict((u, t) for t, u in parse(page).links)
    assert "../people/tomas-reyner.html" in links
    assert "../countries/belmora.html" in links
    assert "../agreements/memorandum-of-understanding-on-rail-connectivity.html" in links


def test_briefing_items_link_to_their_paragraphs(out):
    page = out / "briefings" / "arvenia-belmora-state-visit.html"
    doc = parse(page)
    anchors = {u for _, u in doc.links if u.startswith("#p")}
    assert {"#p1", "#p4", "#p11", "#p12", "#p14"} <= anchors
    assert {f"p{n}" for n in range(1, 15)} <= set(doc.ids)
    assert "Velsen Central Station" in text_of(page)


def test_briefing_themes_matrix_ties_focus_areas_agreements_and_prospects(out):
    html = (out / "briefings" / "arvenia-belmora-state-visit.html").read_text(encoding="utf-8")
    table = html[html.index('<table class="themes">'):html.index("</table>")]
    rows = table.split("<tr>")[2:]
    rail = next(r for r in rows if "Rail connectivity</a></th>" in r)
    assert "Memorandum of Understanding on Rail Connectivity" in rail
    assert "Northern Rail Corridor" in rail and "Trade Facilitation" not in rail
    trade = next(r for r in rows if "Trade and investment</a></th>" in r)
    assert "Agreement on Trade Facilitation" in trade and "€500 million" in trade


def test_briefing_charts_are_svg_with_text_alternatives(out):
    page = out / "briefings" / "arvenia-belmora-state-visit.html"
    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") == 2
    for chart in ("chart-figures", "chart-meetings"):
        assert f'aria-labelledby="{chart}-t {chart}-d"' in html
        assert f'<title id="{chart}-t">' in html and f'<desc id="{chart}-d">' in html
    text = text_of(page)
    assert "Tomas Reyner met Lena Varga on Trade and investment" in text
    assert "Sofia Lind met Ilona Markas on Rail connectivity" in text


def test_briefing_downloads_yaml_json_and_csv(out):
    base = out / "briefings" / "arvenia-belmora-state-visit"
    stored = EXAMPLES / "content" / "analysis" / "arvenia-belmora-state-visit.yaml"
    assert base.with_suffix(".yaml").read_bytes() == stored.read_bytes()
    data = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
    assert data["title"] == "President Markas of Belmora on a State Visit to Arvenia"
    assert [d["name"] for d in data["delegates"]][:2] == ["Daniel Oster", "Tomas Reyner"]
    assert data["mous"][1]["value"] == {"text": "€40 million", "amount": 40000000,
                                        "currency": "EUR"}
    rows = read_csv(base.with_suffix(".csv"))
    assert {"section": "agreement", "name": "Agreement on Trade Facilitation",
            "amount": "40000000", "unit": "EUR", "evidence": "p12"}.items() <= next(
        r for r in rows if r["id"] == "trade-facilitation").items()
    assert sum(r["section"] == "delegate" for r in rows) == 6


def test_person_page_merges_appearances_and_shows_roles_over_time(out):
    page = out / "people" / "tomas-reyner.html"
    doc = parse(page)
    text = text_of(page)
    briefings = {u for _, u in doc.links if u.startswith("../briefings/") and "#" not in u}
    assert briefings == {"../briefings/arvenia-belmora-state-visit.html",
                         "../briefings/arvenia-belmora-follow-up.html",
                         "../briefings/corsene-arvenia-trade-mission.html"}
    html = page.read_text(encoding="utf-8")
    roles = html[html.index('<ol class="roles">'):html.index("</ol>")]
    order = [roles.index(r) for r in ("Minister of Trade</strong>",
                                      "Deputy Prime Minister and Foreign Minister</strong>",
                                      "Deputy Prime Minister</strong>")]
    assert order == sorted(order)
    assert "2023-03-14" in roles and "2024-09-30" in roles
    assert "named, not a delegate" in text
    assert "Mr Reyner, now Deputy Prime Minister" in text       # evidence quote
    assert ("a", "../briefings/arvenia-belmora-state-visit.html#p4") in doc.links
    assert "lena-varga.html" in {u for _, u in doc.links}   # met


def test_minister_in_three_visits_is_one_page(out):
    page = out / "people" / "lena-varga.html"
    assert "In 3 briefings" in text_of(page)
    assert len(list((out / "people").glob("lena-varga*.html"))) == 1
    assert [p["@type"] for p in jsonld(page)] == ["Person"]
    assert jsonld(page)[0]["jobTitle"] == "Foreign Minister"


def test_same_name_different_countries_is_kept_apart_and_reported(built):
    out, report = built
    assert not (out / "people" / "amir-haddad.html").exists()
    corsene, estmark = out / "people" / "amir-haddad-corsene.html", \
        out / "people" / "amir-haddad-estmark.html"
    def shown(page: Path) -> str:   # the page's own facts, without the kept-apart notice
        text = text_of(page)
        return text[text.index("In 1 briefing"):]

    assert "Minister of Energy" in shown(corsene) and "Education" not in shown(corsene)
    assert "Deputy Minister of Education" in shown(estmark) and "Minister of Energy" not in shown(estmark)
    for page, other in ((corsene, "amir-haddad-estmark.html"),
                        (estmark, "amir-haddad-corsene.html")):
        assert "Same name, kept apart" in text_of(page)
        assert ("a", other) in parse(page).links
    index = out / "people" / "index.html"
    assert "Same name, kept apart" in text_of(index)
    assert text_of(index).count("same name, kept apart") == 2
    notes = [n for n in report.notes if "Amir Haddad" in n]
    assert len(notes) == 1 and "people/amir-haddad-corsene.html" in notes[0]
    # one title signed with two different partners: two agreements, listed apart, not a doubt
    assert not any("Agreement on Trade Facilitation" in n for n in report.notes)
    assert "Agreement on Trade Facilitation" in text_of(out / "agreements" / "index.html")
    assert len(list((out / "agreements").glob("agreement-on-trade-facilitation*.html"))) == 2


def test_country_page_lists_what_it_signed_with_whom(out):
    page = out / "countries" / "belmora.html"
    text = text_of(page)
    for title in ("Memorandum of Understanding on Rail Connectivity",
                  "Agreement on Trade Facilitation", "Agreement on Agricultural Research",
                  "Education Exchange Programme", "Protocol on Customs Data Exchange"):
        assert title in text
    assert "Offshore Wind" not in text
    assert "In 3 briefings" in text and "Host side" in text and "Guest side" in text
    partners = {u for _, u in parse(page).links}
    assert {"arvenia.html", "corsene.html"} <= partners


def test_agreement_pages_merge_a_review_and_split_a_shared_title(out):
    rail = out / "agreements" / "memorandum-of-understanding-on-rail-connectivity.html"
    assert "In 2 briefings" in text_of(rail)
    assert "Reviewed, not signed again" in text_of(rail)
    folder = out / "agreements"
    split = sorted(p.name for p in folder.glob("agreement-on-trade-facilitation*.html"))
    assert split == ["agreement-on-trade-facilitation-arvenia-belmora.html",
                     "agreement-on-trade-facilitation-arvenia-corsene.html"]
    assert "€40 million" in text_of(folder / split[0])
    assert "duplicate inspections" in text_of(folder / split[1])


def test_topics_index_puts_the_most_recurring_first(out):
    doc = parse(out / "topics" / "index.html")
    topics = [u for t, u in doc.links if t == "a" and u.endswith(".html")
              and "/" not in u and u != "index.html"]
    assert topics[0] == "trade.html"
    assert "3 briefings" in text_of(out / "topics" / "index.html")
    assert "Rail connectivity" in text_of(out / "topics" / "rail-connectivity.html")


def test_place_page_collects_every_visit(out):
    text = text_of(out / "places" / "velsen.html")
    assert "In 4 briefings" in text and "city" in text and "port" in text.lower()


def read_search(site: Path) -> tuple[dict, dict[str, list[list[str]]]]:
    """The manifest a search page loads, and every shard it names (prefix → entries)."""
    script = next(u for t, u in parse(site / "search.html").links
                  if t == "script" and u.startswith("search/"))
    text = (site / script).read_text(encoding="utf-8")
    manifest = json.loads(text[text.index("{"):text.rindex("}") + 1])
    shards = {}
    for prefix in manifest["shards"]:
        name = f"{prefix.encode().hex()}.{manifest['versions'][prefix]}.js"
        raw = (site / (manifest["folder"] + name)).read_text("utf-8")
        assert raw.startswith("DOSSIER_SEARCH_SHARD(") and raw.rstrip().endswith(");")
        name, entries = json.loads("[" + raw.strip()[len("DOSSIER_SEARCH_SHARD("):-2] + "]")
        assert name == prefix
        shards[prefix] = entries
    return manifest, shards


def test_search_index_is_scripts_loaded_by_the_search_page(out):
    manifest, shards = read_search(out)
    assert {k: len(v) for k, v in shards.items()} == manifest["shards"]
    urls = {e[2] for entries in shards.values() for e in entries}
    assert {"people/lena-varga.html", "briefings/belmora-corsene-summit.html",
            "countries/estmark.html", "agreements/protocol-on-customs-data-exchange.html",
            "topics/trade.html", "places/tiriac.html"} <= urls
    assert all((out / u).is_file() for u in urls)
    assert {e[2] for e in shards["va"]} == {
        "people/lena-varga.html", "briefings/arvenia-belmora-state-visit.html",
        "briefings/arvenia-belmora-follow-up.html", "briefings/belmora-corsene-summit.html"}
    reyner = next(e for e in shards["re"] if e[2] == "people/tomas-reyner.html")
    assert {"deputy", "minister", "trade", "arvenia"} <= set(reyner[4].split())
    js = next(u for t, u in parse(out / "search.html").links if t == "script" and "assets/" in u)
    assert "fetch(" not in (out / js).read_text(encoding="utf-8")
    home = parse(out / "index.html")
    assert ("form", "action", "search.html") in home.attrs and ("input", "name", "q") in home.attrs


# --- for machines -----------------------------------------------------------------------------

def test_json_ld_is_valid_json_on_every_page(out):
    for page in html_files(out):
        raw = parse(page).scripts.get("application/ld+json", [])
        for block in raw:
            assert "</" not in block
            json.loads(block)
    graph = jsonld(out / "briefings" / "belmora-corsene-summit.html")[0]["@graph"]
    article, event = graph
    assert article["@type"] == "NewsArticle" and article["datePublished"] == "2023-11-20"
    assert event["@type"] == "Event" and event["startDate"] == "2023-11-20"
    assert {a["name"] for a in event["attendee"]} == {"Ilona Markas", "Lena Varga",
                                                      "Mateo Aris", "Nadia Voss"}


def test_feed_and_sitemap_are_valid_xml(out):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(out / "feed.xml").getroot()
    assert feed.findtext(f"{atom}updated") == "2024-09-30T00:00:00Z"
    entries = feed.findall(f"{atom}entry")
    assert len(entries) == 6
    assert entries[0].findtext(f"{atom}title") == "Corsenian Trade Mission of 60 Companies in Velsen"
    assert entries[0].find(f"{atom}link").get("href") == "briefings/corsene-arvenia-trade-mission.html"
    sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [u.findtext(f"{sm}loc") for u in ET.parse(out / "sitemap.xml").getroot()]
    assert "index.html" in locs and "people/lena-varga.html" in locs
    assert "404.html" not in locs
    assert all((out / loc).is_file() for loc in locs)
    assert (out / "robots.txt").read_text().startswith("User-agent: *")


def test_base_url_gives_canonical_urls_sitemap_and_feed_ids(tmp_path):
    out, _ = build_copy(EXAMPLES, tmp_path / "site", base_url="https://example.org/dossier/")
    html = (out / "people" / "lena-varga.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/dossier/people/lena-varga.html">' in html
    assert '<meta property="og:url" content="https://example.org/dossier/people/lena-varga.html">' in html
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/dossier/">' in home
    sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [u.findtext(f"{sm}loc") for u in ET.parse(out / "sitemap.xml").getroot()]
    assert locs and all(loc.startswith("https://example.org/dossier/") for loc in locs)
    atom = "{http://www.w3.org/2005/Atom}"
    ids = [e.findtext(f"{atom}id") for e in ET.parse(out / "feed.xml").getroot().iter(f"{atom}entry")]
    assert ids[0] == "https://example.org/dossier/briefings/corsene-arvenia-trade-mission.html"
    assert "Sitemap: https://example.org/dossier/sitemap.xml" in (out / "robots.txt").read_text()
    assert '<base href="https://example.org/dossier/">' in (out / "404.html").read_text()
    graph = jsonld(out / "briefings" / "belmora-corsene-summit.html")[0]["@graph"]
    assert graph[0]["url"] == "https://example.org/dossier/briefings/belmora-corsene-summit.html"


def test_corpus_exports_parse_with_expected_rows(out):
    corpus = json.loads((out / "data" / "analysis.json").read_text(encoding="utf-8"))
    assert [c["slug"] for c in corpus][-1] == "arvenia-belmora-state-visit"
    assert len(corpus) == 6 and corpus[0]["analysis"]["source"]["path"].startswith("content/")
    people = read_csv(out / "data" / "people.csv")
    reyner = [r for r in people if r["name"] == "Tomas Reyner"]
    assert sorted(r["role"] for r in reyner) == [
        "Deputy Prime Minister", "Deputy Prime Minister and Foreign Minister", "Minister of Trade"]
    assert {r["person"] for r in people if r["name"] == "Amir Haddad"} == {
        "people/amir-haddad-corsene.html", "people/amir-haddad-estmark.html"}
    countries = read_csv(out / "data" / "countries.csv")
    assert len([r for r in countries if r["name"] == "Arvenia"]) == 4
    agreements = read_csv(out / "data" / "agreements.csv")
    assert len(agreements) == 9     # eight agreements, the rail MoU reported twice
    digital = next(r for r in agreements if "Digital" in r["title"])
    assert digital["parties"] == "Arvenia; Estmark"   # no parties named: the two sides
    figures = read_csv(out / "data" / "figures.csv")
    assert len(figures) == sum(len(c["analysis"]["figures"]) for c in corpus) == 13
    assert {r["name"] for r in read_csv(out / "data" / "topics.csv")} >= {"Trade", "Energy"}
    assert {r["name"] for r in read_csv(out / "data" / "places.csv")} >= {"Velsen", "Tiriac"}
    listing = text_of(out / "data" / "index.html")
    assert "people.csv" in listing and "analysis.json" in listing


# --- untrusted text ---------------------------------------------------------------------------

EVIL_ARTICLE = """\
---
title: Evil <script>alert(1)</script> visit
date: 2025-01-01
---
Paragraph with <script>alert("p1")</script> and {{ 7 * 7 }} and [a link](javascript:alert(1)).

<img src=x onerror=alert(2)> Second paragraph, [relative](../../etc/passwd.html).
"""

EVIL_ANALYSIS = """\
schema: 1
source: {path: content/articles/evil.md, sha256: SHA, url: "javascript:alert(3)", publisher: "<b>pub</b>"}
title: "</script><script>alert(4)</script> {{ 7 * 7 }}"
date: '2025-01-01'
summary: "{% raw %}{{ site }}{% endraw %} <script>alert(5)</script>"
countries: [{name: "<i>Evilland</i>", side: host, evidence: [p1]}, {name: Goodland, side: guest, evidence: [p1]}]
delegates:
- {id: x, name: "<img src=x onerror=alert(6)>", role: "{{ 7 * 7 }}", country: "<i>Evilland</i>", side: host, evidence: [p1]}
- {id: y, name: "Mr </script> Y", role: "javascript:alert(7)", country: Goodland, side: guest, evidence: [p2]}
people: []
topics: [{id: t, name: "<svg onload=alert(8)>", evidence: [p1]}]
focus_areas: [{id: "f\\" onmouseover=\\"alert(9)", title: "F <b>x</b>", summary: "", delegates: [x, y], topics: [t], evidence: [p1]}]
mous: [{id: m, title: "MoU <script>alert(10)</script>", description: "", parties: [], value: {text: "<b>$1</b>", amount: 1, currency: "<x>"}, focus_areas: ["f\\" onmouseover=\\"alert(9)"], topics: [t], evidence: [p1]}]
mou_count: null
prospects: []
figures: [{text: "=HYPERLINK(\\"http://x\\")", amount: 5, unit: "<u>", about: "<script>alert(11)</script>", evidence: [p1]}]
places: [{name: "javascript:alert(12)", kind: city, country: null, evidence: [p2]}]
issues: [{title: "<iframe src=x>", evidence: [p2]}]
defects: []
tags: []
"""


@pytest.fixture(scope="module")
def evil_out(tmp_path_factory) -> Path:
    """The examples plus one article and analysis full of markup, templates and scripts."""
    site = copy_site(EXAMPLES, tmp_path_factory.mktemp("evil") / "site")
    article = site / "content" / "articles" / "evil.md"
    article.write_text(EVIL_ARTICLE, encoding="utf-8")
    digest = hashlib.sha256(article.read_bytes()).hexdigest()
    (site / "content" / "analysis" / "evil.yaml").write_text(
        EVIL_ANALYSIS.replace("SHA", digest), encoding="utf-8")
    build(load_config(site / "config.yaml"))
    return site / "_site"


def test_untrusted_text_comes_out_inert(evil_out):
    out = evil_out
    assert check_links(out) == []
    for page in html_files(out):
        doc = parse(page)
        for tag, name, value in doc.attrs:
            assert not name.startswith("on"), f"{page.name}: <{tag} {name}>"
            if name in ("href", "src", "action", "formaction"):
                assert not value.strip().lower().startswith("javascript:"), f"{page.name}"
            assert tag not in ("iframe", "img", "object", "embed"), f"{page.name}: <{tag}>"
        assert set(doc.scripts) <= {"application/ld+json", "text/javascript"}
        for code in doc.scripts.get("text/javascript", []):
            assert code == "", f"{page.name}: inline script {code[:40]!r}"
        for block in doc.scripts.get("application/ld+json", []):
            json.loads(block)
    page = out / "briefings" / "evil.html"
    html = page.read_text(encoding="utf-8")
    assert "{{ 7 * 7 }}" in text_of(page) and "49" not in text_of(page)
    assert "{% raw %}{{ site }}{% endraw %}" in text_of(page)
    assert 'alert("p1")' not in html      # Markdown paragraphs: nh3 drops the script
    assert "<script>alert" not in html and "<b>" not in html and "<i>Evil" not in html
    assert "javascript:" not in " ".join(u for _, u in parse(page).links)
    assert "and a link." in text_of(page)   # the text of a javascript: link stays, not the link
    for script in (out / "search").rglob("*.js"):
        code = script.read_text(encoding="utf-8")
        assert "</script" not in code and "<script" not in code and "<img" not in code
    _, shards = read_search(out)
    assert any(e[1].startswith("</script>") for entries in shards.values() for e in entries)
    figures = (out / "data" / "figures.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in figures and ',=HYPERLINK' not in figures
    ET.parse(out / "feed.xml")
    ET.parse(out / "sitemap.xml")


# --- the seed site ----------------------------------------------------------------------------

def test_seed_site_builds_and_its_links_resolve(tmp_path):
    src = tmp_path / "seed-src"
    src.mkdir()
    shutil.copy(ROOT / "config.yaml", src / "config.yaml")
    shutil.copytree(ROOT / "content", src / "content")
    for folder in ("templates", "static"):
        (src / folder).mkdir()
    out, report = build_copy(src, tmp_path / "seed")
    assert report.briefings >= 1
    assert check_links(out) == []
    assert (out / "briefings" / "lukashenko-visit-pakistan.html").is_file()
    assert max(page_weight(out, p) for p in html_files(out)) < PAGE_LIMIT


# --- optional: the Nu HTML checker ------------------------------------------------------------

@pytest.mark.skipif(not os.environ.get("DOSSIER_VNU_JAR"),
                    reason="set DOSSIER_VNU_JAR to the Nu HTML checker's vnu.jar to run it")
def test_nu_html_checker_finds_no_errors(out, evil_out):
    result = subprocess.run(["java", "-jar", os.environ["DOSSIER_VNU_JAR"], "--skip-non-html",
                             "--errors-only", str(out), str(evil_out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
