"""All analyses → one Site: briefings, entities merged across briefings, pages with URLs.

Nothing here renders or writes; the Site is plain data the templates read. Every URL is
relative to the site root ("people/shehbaz-sharif.html"); templates turn it into a link
relative to the page they are on, so the output works under any sub-path and from file://.

URL layout (every link names an .html file, never a folder):

    index.html, index-2.html, ...          briefings, newest first
    briefings/<slug>.html                  one briefing; .yaml .json .csv beside it
    people/index.html, people/<id>.html    and countries/, topics/, places/, agreements/;
    people/<id>--2.html                    an entity's further appearances (slugs never hold "--")
    search.html, search/*.<hash>.js        offline search: scripts, so it works from file://
    data/index.html, data/*.json|csv       the whole corpus as data
    404.html, feed.xml, sitemap.xml, robots.txt

Entities are merged by name: the same name in two briefings is one page. The same name with
two different countries is kept apart (one page per country), listed in ``Site.ambiguities``,
shown on the pages concerned and reported in ``Site.notes``. Page data holds only what its
page shows: entity pages refer to briefings by URL and title, never by the Briefing object,
so there are no cycles and a page's digest changes only when what it shows changes.
"""
from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable, Iterator, TypeVar

from slugify import slugify

from . import charts, search
from .config import Config
from .exports import Cell, Table
from .model import Analysis, Article, Money, Person

FEED_SIZE = 50            # newest briefings in feed.xml
ENTITY_PAGE_SIZE = 20     # appearances per entity page (at most per_page)
LIST_CAP = 8              # people / agreements shown per appearance before "and N more"
TOP = 12                  # "most frequent" lists on entity pages
QUOTE_CHARS = 260

T = TypeVar("T")


# --- values pages show ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SiteMeta:
    """Site-wide settings every page shows."""

    title: str
    description: str
    language: str
    base_url: str

    def absolute(self, url: str) -> str:
        """The public address of a site URL ('' when no base_url is set)."""
        if not self.base_url:
            return ""
        return self.base_url if url == "index.html" else self.base_url + url


@dataclass(frozen=True, slots=True)
class Link:
    """A link as a page shows it: site-root URL, text, and an optional short gloss."""

    url: str
    text: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    """A paragraph of an article quoted as evidence, with the link to it."""

    pid: str
    text: str
    url: str


@dataclass(frozen=True, slots=True)
class BriefingRef:
    url: str
    title: str
    date: str | None


@dataclass(frozen=True, slots=True)
class Pager:
    """Where one page of a list is among the list's pages: all partials/pager.html gets."""

    number: int
    count: int
    total: int
    first_url: str
    prev_url: str | None
    next_url: str | None
    newest_first: bool = False      # a list by date: links read "Newer" and "Older"


@dataclass(frozen=True, slots=True)
class Ambiguity:
    """One name that stands for several entities (different countries): kept apart."""

    kind: str
    name: str
    entries: list[Link]


# --- the briefing page ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Delegation:
    """One side of a meeting as the briefing shows it: its countries and its people."""

    side: str                   # "host", "guest" or "other"
    countries: list[str]
    members: list[Person]


@dataclass(frozen=True, slots=True)
class ThemeRow:
    """One focus area and the agreements and prospects tied to it (by link or shared topic)."""

    focus: Link | None          # None: the row of items tied to no focus area
    topics: list[Link]
    agreements: list[Link]
    prospects: list[Link]


@dataclass(frozen=True, slots=True)
class Briefing:
    """One article and its analysis, with everything its page links to."""

    slug: str
    url: str
    article: Article
    analysis: Analysis
    person_urls: dict[str, str]         # analysis person id → person page
    country_urls: dict[str, str]        # country name → country page
    topic_urls: dict[str, str]          # analysis topic id → topic page
    place_urls: list[str]               # one per analysis.places item
    agreement_urls: list[str]           # one per analysis.mous item
    anchors: dict[str, str]             # "focus:<id>", "mou:<id>", "prospect:<id>" → html id
    delegations: list[Delegation]
    themes: list[ThemeRow]
    figure_chart: charts.BarChart | None
    meetings: charts.MeetingDiagram | None
    downloads: list[Link]
    jsonld: dict

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.analysis.date or "", self.slug)

    @property
    def made_from(self) -> tuple[object, ...]:
        """What this briefing is a function of, besides the site settings (see _briefing):
        its article, its analysis and the URLs of the entities it links to. Equal inputs make
        an equal briefing, so a digest of these stands for one of the whole."""
        return (self.article, self.analysis, self.person_urls, self.country_urls,
                self.topic_urls, self.place_urls, self.agreement_urls)

    def person(self, person_id: str) -> Person | None:
        for p in (*self.analysis.delegates, *self.analysis.people):
            if p.id == person_id:
                return p
        return None

    def topic_name(self, topic_id: str) -> str:
        return next((t.name for t in self.analysis.topics if t.id == topic_id), topic_id)

    def focus_title(self, focus_id: str) -> str:
        return next((f.title for f in self.analysis.focus_areas if f.id == focus_id), focus_id)

    def anchor(self, kind: str, item_id: str) -> str:
        return self.anchors[f"{kind}:{item_id}"]


# --- entities ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A role someone held, and the dates of the first and last briefing showing it."""

    role: str
    country: str | None
    first: str | None
    last: str | None
    briefings: int


@dataclass(frozen=True, slots=True)
class PersonAppearance:
    briefing: BriefingRef
    role: str | None
    country: str | None
    side: str | None
    delegate: bool
    focus: list[Link]           # focus areas they took part in (briefing anchors)
    met: list[Link]             # people of the other side sharing a focus area
    quotes: list[Quote]
    evidence: list[str]


@dataclass(frozen=True, slots=True)
class CountryAppearance:
    briefing: BriefingRef
    side: str | None
    people: list[Link]
    more_people: int
    agreements: list[Link]
    more_agreements: int
    quote: Quote | None


@dataclass(frozen=True, slots=True)
class TopicAppearance:
    briefing: BriefingRef
    focus: list[Link]
    agreements: list[Link]
    prospects: list[Link]
    quote: Quote | None


@dataclass(frozen=True, slots=True)
class PlaceAppearance:
    briefing: BriefingRef
    kind: str | None
    country: str | None
    quote: Quote | None


@dataclass(frozen=True, slots=True)
class AgreementAppearance:
    briefing: BriefingRef
    url: str                    # the agreement on the briefing page
    title: str
    description: str
    value: Money | None
    focus: list[Link]
    quote: Quote | None
    evidence: list[str]


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, country, topic, place or agreement, merged across briefings."""

    kind: str                   # person | country | topic | place | agreement
    id: str
    name: str
    url: str
    line: str                   # one-line description: indexes, meta description
    facts: list[Link]           # short facts under the heading ("Host 3 times", countries, ...)
    related: dict[str, list[Link]]   # "Met", "Roles", "Topics", ...: lists shown on page 1
    roles: list[RoleSpan]       # people only
    kept_apart: list[Link]      # other entities with the same name (the first LIST_CAP)
    appearances: list           # *Appearance, newest first
    more_kept_apart: int = 0    # how many more there are (the index page lists them all)

    @property
    def count(self) -> int:
        return len(self.appearances)


@dataclass(frozen=True, slots=True)
class IndexEntry:
    url: str
    name: str
    line: str
    count: int
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class Kind:
    name: str                   # person
    folder: str                 # people
    plural: str                 # People
    template: str               # person.html


KINDS = MappingProxyType({k.name: k for k in (
    Kind("person", "people", "People", "person.html"),
    Kind("country", "countries", "Countries", "country.html"),
    Kind("topic", "topics", "Topics", "topic.html"),
    Kind("place", "places", "Places", "place.html"),
    Kind("agreement", "agreements", "Agreements", "agreement.html"),
)})


# --- page data --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class BriefingCard:
    url: str
    title: str
    date: str | None
    countries: list[Link]
    summary: str
    figures: list[Link]         # text: the figure as written; note: what it is about


@dataclass(frozen=True, slots=True)
class HomeView:
    cards: list[BriefingCard]
    pager: Pager
    totals: list[Link]


@dataclass(frozen=True, slots=True)
class IndexView:
    kind: Kind
    entries: list[IndexEntry]
    pager: Pager
    kept_apart: list[Ambiguity]


@dataclass(frozen=True, slots=True)
class EntityView:
    entity: Entity              # its appearances are the ones this page shows
    pager: Pager
    jsonld: dict
    index_url: str              # the page of the kind's index that lists the entity


@dataclass(frozen=True, slots=True)
class SearchView:
    index_url: str              # the manifest script; it names the shard scripts


@dataclass(frozen=True, slots=True)
class FeedEntry:
    id: str
    url: str
    title: str
    summary: str
    updated: str


@dataclass(frozen=True, slots=True)
class Feed:
    id: str
    updated: str
    entries: list[FeedEntry]


@dataclass(frozen=True, slots=True)
class DataFile:
    url: str
    name: str
    rows: int
    about: str


@dataclass(frozen=True, slots=True)
class CorpusItem:
    slug: str
    url: str
    analysis: Analysis


@dataclass(frozen=True, slots=True)
class Page:
    """One output file: where it goes, which template draws it, and what it shows."""

    url: str
    template: str
    title: str
    description: str
    data: object
    made_from: object = None    # what ``data`` is a function of, when that is cheaper to
                                # digest than the data itself (see pipeline._digests)
    data_digest: str | None = None  # what stands for ``data`` in digests, when known


@dataclass
class Site:
    """Everything rendered: ``pages`` is every output file (HTML pages and, as Pages with
    their own templates, feed.xml, sitemap.xml, robots.txt, the search scripts and the data
    exports); ``copies`` are files copied as they are (each briefing's analysis YAML)."""

    meta: SiteMeta
    briefings: list[Briefing]                  # newest first
    entities: dict[str, list[Entity]]          # kind → entities in index order
    pages: list[Page]                          # every file rendered: HTML, XML, JS, JSON, CSV
    copies: dict[str, Path] = field(default_factory=dict)   # URL → file copied as is
    ambiguities: list[Ambiguity] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # merge decisions people should review
    identities: _Identities | None = None      # entity ids by name (see briefing_preview)

    @property
    def people(self) -> list[Entity]:
        return self.entities["person"]

    def appearance_origins(self) -> Iterator[tuple[str, object, Briefing, int]]:
        """Every entity appearance as (the entity's URL, the appearance, the briefing it was
        made from, its place among the appearances of that entity from that briefing: 0,
        1, ...). An appearance is a function of these alone: of the briefing (its analysis,
        article and entity URLs) and of which entity it belongs to (pipeline._digests)."""
        by_url = {b.url: b for b in self.briefings}
        for group in self.entities.values():
            for entity in group:
                seen: Counter = Counter()
                for appearance in entity.appearances:
                    url = appearance.briefing.url
                    yield entity.url, appearance, by_url[url], seen[url]
                    seen[url] += 1


# --- building ---------------------------------------------------------------------------------

def build_site(pairs: Iterable[tuple[Article, Analysis]], config: Config,
               kept: Kept | None = None) -> Site:
    """Cross-link every analysis into one site. ``kept``: what the last call made, in a
    process that builds again (the server); its briefings are reused where they would be
    made the same way, and it is left holding what this call made."""
    meta = _meta(config)
    raws = sorted(((a, an) for a, an in pairs), key=lambda p: (p[1].date or "", p[0].slug),
                  reverse=True)
    ids = _Identities.of(raws)
    if kept is None:
        made = [_made(article, analysis, ids, meta) for article, analysis in raws]
    else:
        ids, made = kept.made(raws, ids, meta)
    briefings = [b for b, _ in made]
    entities = {
        "person": _people(made, ids),
        "country": _countries(made, ids),
        "topic": _topics(made),
        "place": _places(made, ids),
        "agreement": _agreements(made, ids),
    }
    ambiguities = ids.ambiguities(entities)
    entities = _mark_kept_apart(entities, ambiguities)
    notes = _ambiguity_notes(ambiguities)
    pages = _pages(meta, briefings, entities, ambiguities, config.per_page)
    copies = {f"briefings/{b.slug}.yaml": config.paths.analysis / f"{b.slug}.yaml"
              for b in briefings}
    return Site(meta=meta, briefings=briefings, entities=entities, pages=pages, copies=copies,
                ambiguities=ambiguities, notes=notes, identities=ids)


@dataclass
class Kept:
    """The briefings build_site made, for the next build of the same process. A briefing
    is a function of its article, its analysis, the entity ids and the site settings
    (_made); articles and analyses are never changed once made, so the same two objects
    under equal ids and settings make the same briefing, and it is taken as it was. Equal
    ids are taken as the kept object, whose links and URLs are then made once per process.
    Only the briefings of the last build are kept (with their article and analysis, so
    that no other object can take their ids)."""

    ids: _Identities | None = None
    meta: SiteMeta | None = None
    briefings: dict[tuple[int, int], tuple[Article, Analysis, Briefing, _Shown]] = field(
        default_factory=dict)

    def made(self, raws: list[tuple[Article, Analysis]], ids: _Identities, meta: SiteMeta
             ) -> tuple[_Identities, list[tuple[Briefing, _Shown]]]:
        if (self.ids is None or self.meta != meta
                or (self.ids.ids, self.ids.split) != (ids.ids, ids.split)):
            self.ids, self.meta, self.briefings = ids, meta, {}
        before, self.briefings = self.briefings, {}
        for article, analysis in raws:
            key = (id(article), id(analysis))
            self.briefings[key] = before.get(key) or (
                article, analysis, *_made(article, analysis, self.ids, meta))
        return self.ids, [(b, shown) for _, _, b, shown in self.briefings.values()]


def preview_site(config: Config, identities: tuple[dict, dict]) -> Site:
    """What briefing_preview needs of a site: the settings, and the entity ids a build
    decided (``identities``: Site.identities's ids and split, as recorded by the build); no
    briefings, entities or pages."""
    ids, split = identities
    return Site(meta=_meta(config), briefings=[], entities={}, pages=[],
                identities=_Identities(ids=dict(ids), split=dict(split)))


def _meta(config: Config) -> SiteMeta:
    return SiteMeta(title=config.title, description=config.description,
                    language=config.language, base_url=config.base_url)


def briefing_preview(article: Article, analysis: Analysis, before: Analysis, site: Site
                     ) -> Page | None:
    """The page of one briefing whose analysis changed from ``before`` to ``analysis``, as a
    build of the whole corpus would make it; None when that cannot be told without one: when
    the analysis names an entity ``before`` did not, or no longer names one it did (the
    entity ids, decided across the corpus, may then change). ``site`` is the last build's."""
    if site.identities is None or _observations(analysis) != _observations(before):
        return None
    return _briefing_page(_briefing(article, analysis, site.identities, site.meta))


# --- identities: name (and country) → entity id -------------------------------------------------

_RESERVED = re.compile(r"index(-\d+)?")


@functools.lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    """The merge key of a name: case, accents and punctuation do not matter. (Memoised: the
    same names recur on every page that lists them, and slugify is slow.)"""
    key = slugify(text)
    return key or "x" + hashlib.sha256(text.strip().casefold().encode()).hexdigest()[:8]


@dataclass
class _Identities:
    """Entity ids of every kind, decided once from every observation in the corpus."""

    ids: dict[tuple[str, str, str], str]        # (kind, name key, discriminator key) → id
    split: dict[tuple[str, str], list[str]]     # (kind, name key) → ids kept apart
    # what url() answered, by its arguments: every briefing asks again for the names it shows
    urls: dict[tuple[str, str, str | None], str] = field(default_factory=dict, repr=False)
    # what country_link() answered: the same few countries are the facts of many pages
    links: dict[tuple[str, str], Link] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, raws: list[tuple[Article, Analysis]]) -> _Identities:
        seen: dict[tuple[str, str], set[str]] = defaultdict(set)
        for _, an in raws:
            for kind, key, disc in _observations(an):
                seen[(kind, key)].add(disc)
        ids: dict[tuple[str, str, str], str] = {}
        split: dict[tuple[str, str], list[str]] = {}
        taken: dict[str, set[str]] = defaultdict(set)
        for kind, key in sorted(seen):
            discs = sorted(seen[(kind, key)])
            apart = len([d for d in discs if d]) > 1
            if not apart:   # one entity; a mention without a country joins it
                one = _unique(_safe_id(key, kind), taken[kind])
                ids.update({(kind, key, disc): one for disc in discs})
                continue
            made = []
            for disc in discs:
                made.append(_unique(_safe_id(f"{key}-{disc}" if disc else key, kind),
                                    taken[kind]))
                ids[(kind, key, disc)] = made[-1]
            split[(kind, key)] = made
        return cls(ids=ids, split=split)

    def url(self, kind: str, name: str, disc: str | None = None) -> str:
        url = self.urls.get((kind, name, disc))
        if url is not None:
            return url
        key = _key(name)
        found = self.ids.get((kind, key, _key(disc) if disc else ""))
        if found is None:   # a discriminator never observed (defensive): the plain name
            found = self.ids.get((kind, key, ""), _safe_id(key, kind))
        url = self.urls[(kind, name, disc)] = f"{KINDS[kind].folder}/{found}.html"
        return url

    def country_link(self, name: str, note: str = "") -> Link:
        """A link to the country's page when it has one (it takes part in a briefing or a
        person is from it); a country only named as a place's country stays plain text."""
        link = self.links.get((name, note))
        if link is None:
            known = (("country", _key(name), "") in self.ids)
            link = self.links[(name, note)] = Link(self.url("country", name) if known else "",
                                                   name, note)
        return link

    def ambiguities(self, entities: dict[str, list[Entity]]) -> list[Ambiguity]:
        by_id = {(e.kind, e.id): e for group in entities.values() for e in group}
        result = []
        for (kind, _), made in sorted(self.split.items()):
            found = [by_id[(kind, i)] for i in made if (kind, i) in by_id]
            if len(found) > 1:
                result.append(Ambiguity(kind=kind, name=found[0].name, entries=[
                    Link(e.url, e.name, e.line) for e in found]))
        return result



MAX_AMBIGUITY_NOTES = 10


def _observations(an: Analysis) -> set[tuple[str, str, str]]:
    """The (kind, name key, discriminator key) of every entity an analysis names: all that
    the corpus's entity ids are decided from."""
    key = _key
    people = (*an.delegates, *an.people)
    seen = {("person", key(p.name), key(p.country) if p.country else "") for p in people}
    seen.update(("country", key(p.country), "") for p in people if p.country)
    seen.update(("country", key(c.name), "") for c in an.countries)
    seen.update(("topic", key(t.name), "") for t in an.topics)
    seen.update(("place", key(pl.name), key(pl.country) if pl.country else "")
                for pl in an.places)
    for m in an.mous:
        parties = _parties_key(_parties(m.parties, an))
        seen.add(("agreement", key(m.title), key(parties) if parties else ""))
    return seen


def _ambiguity_notes(ambiguities: list[Ambiguity]) -> list[str]:
    """What the build says about names kept apart: the first few in full, then a count (every
    index page lists its own). Agreements with one title and different parties are different
    agreements (a trade agreement of A and B is not one of C and D): listed, not noted."""
    doubtful = [a for a in ambiguities if a.kind != "agreement"]
    notes = [f"{KINDS[a.kind].plural}: '{a.name}' is named with different countries; kept as "
             f"{len(a.entries)} pages ({', '.join(e.url for e in a.entries)}) — check whether "
             "they are one and the same" for a in doubtful[:MAX_AMBIGUITY_NOTES]]
    if len(doubtful) > MAX_AMBIGUITY_NOTES:
        notes.append(f"{len(doubtful) - MAX_AMBIGUITY_NOTES:,} more names are kept apart like "
                     "these; the index pages list them all under 'Same name, kept apart'")
    return notes


def _mark_kept_apart(entities: dict[str, list[Entity]],
                     ambiguities: list[Ambiguity]) -> dict[str, list[Entity]]:
    """Each entity of an ambiguous name links to the others it was kept apart from: the
    first few, and how many more (a title many agreements share would otherwise make every
    one of their pages list all the others: pages × pages)."""
    under = {e.url: a.entries for a in ambiguities for e in a.entries}

    def marked(e: Entity) -> Entity:
        entries = under[e.url]      # e is one of them, once (ids are unique in their kind)
        return replace(e, kept_apart=[o for o in entries[:LIST_CAP + 1] if o.url != e.url][
            :LIST_CAP], more_kept_apart=max(0, len(entries) - 1 - LIST_CAP))

    return {kind: [marked(e) if e.url in under else e for e in group]
            for kind, group in entities.items()}


def _safe_id(base: str, kind: str) -> str:
    base = base[:80].rstrip("-") or kind
    return f"{kind}-{base}" if _RESERVED.fullmatch(base) else base


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _parties(parties: list[str], analysis: Analysis) -> list[str]:
    """An agreement's parties: as the analysis names them, else the meeting's two sides."""
    if parties:
        return sorted(dict.fromkeys(parties))
    return sorted({c.name for c in analysis.countries if c.side in ("host", "guest")})


def _parties_key(parties: list[str]) -> str | None:
    return " ".join(parties) or None


# --- one briefing -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Shown:
    """What the pages of several entity kinds show of one briefing, made once and shared (the
    same objects on every page that shows them: a page's data holds no copies)."""

    ref: BriefingRef
    focus: list[Link]           # each focus area where the briefing page shows it
    mous: list[Link]            # each agreement where the briefing page shows it
    prospects: list[Link]       # each prospect where the briefing page shows it
    agreements: list[Link]      # each agreement's page, titled as here
    people: list[Link]          # each of (*delegates, *people): their page, name and role
    pairs: dict[tuple[str, str], list[str]]     # see _pairs
    quotes: dict[str, Quote | None] = field(default_factory=dict)   # paragraph id → its quote


def _briefing(article: Article, an: Analysis, ids: _Identities, meta: SiteMeta) -> Briefing:
    return _made(article, an, ids, meta)[0]


def _made(article: Article, an: Analysis, ids: _Identities, meta: SiteMeta
          ) -> tuple[Briefing, _Shown]:
    """A briefing, and the links to it the entity pages show."""
    url = f"briefings/{article.slug}.html"
    people = [*an.delegates, *an.people]
    pairs = _pairs(an)
    person_urls = {p.id: ids.url("person", p.name, p.country) for p in people}
    country_names = [c.name for c in an.countries] + [p.country for p in people if p.country]
    country_urls = {n: ids.url("country", n) for n in country_names}
    topic_urls = {t.id: ids.url("topic", t.name) for t in an.topics}
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    item_links: dict[str, list[Link]] = {}
    for kind, items in (("focus", an.focus_areas), ("mou", an.mous), ("prospect", an.prospects)):
        for item in items:
            anchors[f"{kind}:{item.id}"] = _unique(f"{kind}-{_key(item.id)}", taken)
        item_links[kind] = [Link(f"{url}#{anchors[f'{kind}:{item.id}']}", item.title)
                            for item in items]
    agreement_urls = [ids.url("agreement", m.title, _parties_key(_parties(m.parties, an)))
                      for m in an.mous]
    briefing = Briefing(
        slug=article.slug, url=url, article=article, analysis=an,
        person_urls=person_urls, country_urls=country_urls, topic_urls=topic_urls,
        place_urls=[ids.url("place", pl.name, pl.country) for pl in an.places],
        agreement_urls=agreement_urls,
        anchors=anchors,
        delegations=_delegations(an),
        themes=_themes(an, item_links, topic_urls),
        figure_chart=charts.figure_chart(an.figures),
        meetings=_meeting_diagram(an, pairs),
        downloads=[Link(f"briefings/{article.slug}.{ext}", label, note) for ext, label, note in (
            ("yaml", "YAML", "the reviewed analysis file"),
            ("json", "JSON", "the same analysis as JSON"),
            ("csv", "CSV", "one row per item, with its evidence"))],
        jsonld=_briefing_jsonld(an, url, meta),
    )
    shown = _Shown(
        ref=BriefingRef(url=url, title=an.title, date=an.date),
        focus=item_links["focus"], mous=item_links["mou"], prospects=item_links["prospect"],
        agreements=[Link(u, m.title) for u, m in zip(agreement_urls, an.mous)],
        people=[Link(person_urls[p.id], p.name, p.role or "") for p in people], pairs=pairs)
    return briefing, shown


def _delegations(an: Analysis) -> list[Delegation]:
    """Host side, guest side, then delegates whose side is not known."""
    result = []
    for side in ("host", "guest", None):
        members = [p for p in an.delegates if p.side == side]
        countries = [c.name for c in an.countries if c.side == side]
        if members or (side and countries):
            result.append(Delegation(side=side or "other", countries=countries if side else [],
                                     members=members))
    return result


def _themes(an: Analysis, item_links: dict[str, list[Link]],
            topic_urls: dict[str, str]) -> list[ThemeRow]:
    """Focus areas ↔ agreements ↔ prospects, tied by an explicit link or a shared topic.
    ``item_links``: "focus", "mou", "prospect" → a link to each item on the briefing page."""
    if not an.focus_areas or not (an.mous or an.prospects):
        return []
    names = {t.id: t.name for t in an.topics}

    def tied(item, focus_id: str, focus_topics: set[str]) -> bool:
        return focus_id in item.focus_areas or not focus_topics.isdisjoint(item.topics)

    mous = list(zip(an.mous, item_links["mou"]))
    prospects = list(zip(an.prospects, item_links["prospect"]))
    topic_links: dict[str, Link] = {}
    rows = []
    used_m: set[str] = set()
    used_p: set[str] = set()
    for f, focus in zip(an.focus_areas, item_links["focus"]):
        topics = set(f.topics)
        ms = [(m, link) for m, link in mous if tied(m, f.id, topics)]
        ps = [(p, link) for p, link in prospects if tied(p, f.id, topics)]
        used_m.update(m.id for m, _ in ms)
        used_p.update(p.id for p, _ in ps)
        shown = []
        for t in f.topics:
            if t in topic_urls:
                link = topic_links.get(t)
                if link is None:
                    link = topic_links[t] = Link(topic_urls[t], names[t])
                shown.append(link)
        rows.append(ThemeRow(focus=focus, topics=shown,
                             agreements=[link for _, link in ms],
                             prospects=[link for _, link in ps]))
    loose_m = [link for m, link in mous if m.id not in used_m]
    loose_p = [link for p, link in prospects if p.id not in used_p]
    if loose_m or loose_p:
        rows.append(ThemeRow(focus=None, topics=[], agreements=loose_m, prospects=loose_p))
    return rows


def _pairs(an: Analysis) -> dict[tuple[str, str], list[str]]:
    """(host person id, guest person id) → titles of the focus areas they share."""
    people = {p.id: p for p in (*an.delegates, *an.people)}
    pairs: dict[tuple[str, str], list[str]] = {}
    for f in an.focus_areas:
        hosts = [i for i in f.delegates if i in people and people[i].side == "host"]
        guests = [i for i in f.delegates if i in people and people[i].side == "guest"]
        for h in hosts:
            for g in guests:
                pairs.setdefault((h, g), []).append(f.title)
    return pairs


def _meeting_diagram(an: Analysis, pairs: dict[tuple[str, str], list[str]]
                     ) -> charts.MeetingDiagram | None:
    if not pairs:
        return None

    def label(side: str) -> str:
        return ", ".join(c.name for c in an.countries if c.side == side) or side.capitalize()

    people = [charts.Attendee(p.id, p.name, p.role) for p in (*an.delegates, *an.people)]
    meetings = [charts.Meeting(left=h, right=g, about=about) for (h, g), about in pairs.items()]
    return charts.meeting_diagram(label("host"), label("guest"), people, meetings)


def _briefing_jsonld(an: Analysis, url: str, meta: SiteMeta) -> dict:
    here = meta.absolute(url)
    event: dict = {"@type": "Event", "@id": (here or url) + "#event", "name": an.title}
    if an.date:
        event["startDate"] = an.date
    if an.places:
        event["location"] = [{"@type": "Place", "name": p.name} for p in an.places]
    if an.delegates:
        event["attendee"] = [_person_ld(p.name, p.role, p.country) for p in an.delegates]
    article: dict = {"@type": "NewsArticle", "headline": an.title[:110],
                     "inLanguage": meta.language, "about": {"@id": event["@id"]}}
    if an.date:
        article["datePublished"] = an.date
    if an.summary:
        article["description"] = an.summary
    if here:
        article["url"] = here
        article["mainEntityOfPage"] = here
    if an.source.url:
        article["isBasedOn"] = an.source.url
    if an.source.publisher:
        article["sourceOrganization"] = {"@type": "Organization", "name": an.source.publisher}
    return {"@context": "https://schema.org", "@graph": [article, event]}


def _person_ld(name: str, role: str | None, country: str | None) -> dict:
    ld: dict = {"@type": "Person", "name": name}
    if role:
        ld["jobTitle"] = role
    if country:
        ld["nationality"] = {"@type": "Country", "name": country}
    return ld


def _quote(b: Briefing, shown: _Shown, evidence: list[str]) -> Quote | None:
    """The first paragraph of ``evidence`` the article has, as quoted (None: none has). Each
    paragraph is looked up once per briefing: the items of a briefing and every kind of entity
    quote the same paragraphs."""
    quotes = shown.quotes
    for pid in evidence:
        quote = quotes.get(pid, _UNSEEN)
        if quote is _UNSEEN:
            para = b.article.paragraph(pid)
            quote = quotes[pid] = None if para is None else _quoted(b.url, pid, para.text)
        if quote is not None:
            return quote
    return None


_UNSEEN = object()


_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s*")


@functools.lru_cache(maxsize=1 << 15)
def _quoted(url: str, pid: str, text: str) -> Quote:
    """Paragraph ``pid`` of the briefing at ``url`` as a quote shows it: links reduced to their
    text, heading and emphasis marks dropped, cut to QUOTE_CHARS. (Memoised: the items of a
    briefing often quote the same paragraph, and every kind of entity quotes it again.)"""
    if "[" in text:
        text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _MARKDOWN_HEADING.sub("", text).replace("*", "").replace("_", "").replace("`", "")
    return Quote(pid=pid, text=charts.fit(text, QUOTE_CHARS), url=f"{url}#{pid}")


def _capped(links: list[Link]) -> tuple[list[Link], int]:
    return links[:LIST_CAP], max(0, len(links) - LIST_CAP)


def _top(counter: Counter, texts: dict[str, str], exclude: str = "") -> list[Link]:
    ranked = sorted((u for u in counter if u != exclude), key=lambda u: (-counter[u], texts[u]))
    return [Link(u, texts[u], f"{counter[u]}×") for u in ranked[:TOP]]


def _group(items: Iterable[tuple[str, str, T]]) -> dict[str, tuple[list[str], list[T]]]:
    """(url, name, appearance) → url → (names seen, appearances), in first-seen order."""
    out: dict[str, tuple[list[str], list[T]]] = {}
    for url, name, item in items:
        names, apps = out.setdefault(url, ([], []))
        names.append(name)
        apps.append(item)
    return out


def _name(names: list[str]) -> str:
    """The spelling used most often (ties: alphabetical)."""
    counts = Counter(names)
    return min(counts, key=lambda n: (-counts[n], n))


def _entity_id(url: str) -> str:
    return url.rsplit("/", 1)[1].removesuffix(".html")


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


# --- merging across briefings -----------------------------------------------------------------

def _people(made: list[tuple[Briefing, _Shown]], ids: _Identities) -> list[Entity]:
    observed = []
    for b, shown in made:
        an = b.analysis
        ref = shown.ref
        links = {p.id: link for p, link in zip((*an.delegates, *an.people), shown.people)}
        as_host: dict[str, list[Link]] = defaultdict(list)     # host id → guests met, and
        as_guest: dict[str, list[Link]] = defaultdict(list)    # guest id → hosts met
        for h, g in shown.pairs:
            as_host[h].append(links[g])
            as_guest[g].append(links[h])
        focus_of: dict[str, list[Link]] = defaultdict(list)    # person id → focus areas
        for f, link in zip(an.focus_areas, shown.focus):
            for i in dict.fromkeys(f.delegates):
                focus_of[i].append(link)
        for delegate, group in ((True, an.delegates), (False, an.people)):
            for p in group:
                quote = _quote(b, shown, p.evidence)
                observed.append((b.person_urls[p.id], p.name, PersonAppearance(
                    briefing=ref, role=p.role, country=p.country, side=p.side,
                    delegate=delegate, focus=list(focus_of.get(p.id, ())),
                    met=as_host.get(p.id, []) + as_guest.get(p.id, []),
                    quotes=[quote] if quote else [], evidence=list(p.evidence))))
    entities = []
    for url, (names, apps) in _group(observed).items():
        name = _name(names)
        roles = _role_spans(apps)
        countries = sorted({a.country for a in apps if a.country})
        met_count: Counter = Counter(m.url for a in apps for m in a.met)
        met_text = {m.url: m.text for a in apps for m in a.met}
        latest = roles[-1] if roles else None
        line = (f"{latest.role}{', ' + latest.country if latest.country else ''}" if latest
                else ", ".join(countries) or "role not stated")
        if len(roles) > 1:
            line += f" (earlier: {'; '.join(dict.fromkeys(r.role for r in roles[-2::-1]))})"
        entities.append(Entity(
            kind="person", id=_entity_id(url), name=name, url=url,
            line=f"{line} · {_plural(len(apps), 'briefing')}",
            facts=[ids.country_link(c) for c in countries],   # (one Link per country)
            related={"Met": _top(met_count, met_text, exclude=url)},
            roles=roles, kept_apart=[], appearances=apps))
    return sorted(entities, key=lambda e: (e.name.casefold(), e.id))


def _role_spans(apps: list[PersonAppearance]) -> list[RoleSpan]:
    """Roles oldest first, each with the first and last dates it was seen."""
    spans: dict[tuple[str, str | None], list[str | None]] = {}
    for a in reversed(apps):        # appearances are newest first
        if a.role:
            spans.setdefault((a.role, a.country), []).append(a.briefing.date)
    return [RoleSpan(role=role, country=country, first=dates[0], last=dates[-1],
                     briefings=len(dates)) for (role, country), dates in spans.items()]


def _countries(made: list[tuple[Briefing, _Shown]], ids: _Identities) -> list[Entity]:
    observed = []
    topic_counts: dict[str, Counter] = defaultdict(Counter)
    partner_counts: dict[str, Counter] = defaultdict(Counter)
    texts: dict[str, str] = {}
    for b, shown in made:
        an = b.analysis
        ref = shown.ref
        listed = {c.name: c for c in an.countries}
        names = list(dict.fromkeys([*listed, *(p.country for p in an.delegates if p.country),
                                    *(p.country for p in an.people if p.country)]))
        people_of: dict[str, list[Link]] = defaultdict(list)      # country → its people
        for p, link in zip((*an.delegates, *an.people), shown.people):
            if p.country:
                people_of[p.country].append(link)
        signed_by: dict[str, list[Link]] = defaultdict(list)      # party → its agreements
        for i, m in enumerate(an.mous):
            link = (Link(b.agreement_urls[i], m.title, m.value.text) if m.value and m.value.text
                    else shown.agreements[i])
            for party in _parties(m.parties, an):
                signed_by[party].append(link)
        topics = [(b.topic_urls[t.id], t.name) for t in an.topics]
        for name in names:
            url = b.country_urls[name]
            country = listed.get(name)
            side = country.side if country else None
            shown_people, more_people = _capped(people_of.get(name, []))
            shown_signed, more_signed = _capped(signed_by.get(name, []))
            observed.append((url, name, CountryAppearance(
                briefing=ref, side=side, people=shown_people, more_people=more_people,
                agreements=shown_signed, more_agreements=more_signed,
                quote=_quote(b, shown, country.evidence) if country else None)))
            for topic_url, topic in topics:
                topic_counts[url][topic_url] += 1
                texts[topic_url] = topic
            for other in names:
                if other != name:
                    partner_counts[url][b.country_urls[other]] += 1
                    texts[b.country_urls[other]] = other
    entities = []
    for url, (names, apps) in _group(observed).items():
        sides = Counter(a.side or "named" for a in apps)
        signed = sum(len(a.agreements) + a.more_agreements for a in apps)
        named = f", named {sides['named']}" if sides["named"] else ""
        entities.append(Entity(
            kind="country", id=_entity_id(url), name=_name(names), url=url,
            line=f"{_plural(len(apps), 'briefing')} · host {sides['host']}, guest "
                 f"{sides['guest']}{named} · {_plural(signed, 'agreement')}",
            facts=[],
            related={"Partners": _top(partner_counts[url], texts),
                     "Topics": _top(topic_counts[url], texts)},
            roles=[], kept_apart=[], appearances=apps))
    return sorted(entities, key=lambda e: (e.name.casefold(), e.id))


def _topics(made: list[tuple[Briefing, _Shown]]) -> list[Entity]:
    observed = []
    country_counts: dict[str, Counter] = defaultdict(Counter)
    texts: dict[str, str] = {}
    for b, shown in made:
        an = b.analysis
        ref = shown.ref
        focus = list(zip(an.focus_areas, shown.focus))
        mous = list(zip(an.mous, shown.agreements))
        prospects = list(zip(an.prospects, shown.prospects))
        countries = [(b.country_urls[c.name], c.name) for c in an.countries]
        for t in an.topics:
            url = b.topic_urls[t.id]
            on_topic = [(f, link) for f, link in focus if t.id in f.topics]
            focus_ids = {f.id for f, _ in on_topic}
            observed.append((url, t.name, TopicAppearance(
                briefing=ref,
                focus=[link for _, link in on_topic],
                agreements=[link for m, link in mous
                            if t.id in m.topics or not focus_ids.isdisjoint(m.focus_areas)],
                prospects=[link for p, link in prospects if t.id in p.topics],
                quote=_quote(b, shown, t.evidence))))
            for country_url, country in countries:
                country_counts[url][country_url] += 1
                texts[country_url] = country
    entities = []
    for url, (names, apps) in _group(observed).items():
        entities.append(Entity(
            kind="topic", id=_entity_id(url), name=_name(names), url=url,
            line=f"{_plural(len(apps), 'briefing')} · "
                 f"{_plural(sum(len(a.agreements) for a in apps), 'agreement')}",
            facts=[], related={"Countries": _top(country_counts[url], texts)},
            roles=[], kept_apart=[], appearances=apps))
    return sorted(entities, key=lambda e: (-e.count, e.name.casefold(), e.id))


def _places(made: list[tuple[Briefing, _Shown]], ids: _Identities) -> list[Entity]:
    observed = []
    for b, shown in made:
        ref = shown.ref
        for i, pl in enumerate(b.analysis.places):
            observed.append((b.place_urls[i], pl.name, PlaceAppearance(
                briefing=ref, kind=pl.kind, country=pl.country,
                quote=_quote(b, shown, pl.evidence))))
    entities = []
    for url, (names, apps) in _group(observed).items():
        kinds = sorted({a.kind for a in apps if a.kind})
        countries = sorted({a.country for a in apps if a.country})
        line = ", ".join(kinds + countries)
        entities.append(Entity(
            kind="place", id=_entity_id(url), name=_name(names), url=url,
            line=(line + " · " if line else "") + _plural(len(apps), "briefing"),
            facts=[ids.country_link(c) for c in countries] + [Link("", k) for k in kinds],
            related={}, roles=[], kept_apart=[], appearances=apps))
    return sorted(entities, key=lambda e: (e.name.casefold(), e.id))


def _agreements(made: list[tuple[Briefing, _Shown]], ids: _Identities) -> list[Entity]:
    observed = []
    parties_of: dict[str, list[str]] = {}
    for b, shown in made:
        an = b.analysis
        ref = shown.ref
        focus = list(zip(an.focus_areas, shown.focus))
        for i, m in enumerate(an.mous):
            url = b.agreement_urls[i]
            if url not in parties_of:
                parties_of[url] = _parties(m.parties, an)
            observed.append((url, m.title, AgreementAppearance(
                briefing=ref, url=shown.mous[i].url, title=m.title,
                description=m.description, value=m.value,
                focus=[link for f, link in focus if f.id in m.focus_areas],
                quote=_quote(b, shown, m.evidence), evidence=list(m.evidence))))
    entities = []
    for url, (names, apps) in _group(observed).items():
        parties = parties_of[url]
        value = next((a.value.text for a in apps if a.value), "")
        dates = sorted({a.briefing.date for a in apps if a.briefing.date})
        line = ", ".join(parties) or "parties not stated"
        line += f" · {value}" if value else ""
        line += f" · {dates[0]}" if dates else ""
        entities.append(Entity(
            kind="agreement", id=_entity_id(url), name=_name(names), url=url, line=line,
            facts=[ids.country_link(p, "party") for p in parties]
                  + ([Link("", value, "value")] if value else []),
            related={}, roles=[], kept_apart=[], appearances=apps))
    return sorted(entities, key=lambda e: (e.name.casefold(), e.id))


# --- pages ------------------------------------------------------------------------------------

def _paginate(items: list[T], per_page: int, url: Callable[[int], str], *,
              newest_first: bool = False) -> list[tuple[str, list[T], Pager]]:
    chunks = [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]
    count = len(chunks)
    urls = [url(n) for n in range(1, count + 1)]       # each made once, shared by the pagers
    return [(urls[n - 1], chunk, Pager(number=n, count=count, total=len(items),
                                       first_url=urls[0], prev_url=urls[n - 2] if n > 1 else None,
                                       next_url=urls[n] if n < count else None,
                                       newest_first=newest_first))
            for n, chunk in enumerate(chunks, start=1)]


def _pages(meta: SiteMeta, briefings: list[Briefing], entities: dict[str, list[Entity]],
           ambiguities: list[Ambiguity], per_page: int) -> list[Page]:
    pages: list[Page] = []
    totals = [Link("index.html", _plural(len(briefings), "briefing"))] + [
        Link(f"{k.folder}/index.html", _plural(len(entities[k.name]), k.name, k.folder))
        for k in KINDS.values()]
    for url, chunk, pager in _paginate(briefings, per_page,
                                       lambda n: "index.html" if n == 1 else f"index-{n}.html",
                                       newest_first=True):
        title = meta.title if pager.number == 1 else f"{meta.title} — page {pager.number}"
        pages.append(Page(url=url, template="index.html", title=title,
                          description=meta.description,
                          data=HomeView(cards=[_card(b) for b in chunk], pager=pager,
                                        totals=totals)))
    for b in briefings:
        an = b.analysis
        pages.append(_briefing_page(b))
        pages.append(Page(url=f"briefings/{b.slug}.json", template="export.json",
                          title=an.title, description="", data=an))
        pages.append(Page(url=f"briefings/{b.slug}.csv", template="export.csv", title=an.title,
                          description="", data=_briefing_table(b), made_from=an))

    entity_size = max(1, min(per_page, ENTITY_PAGE_SIZE))
    for kind in KINDS.values():
        items = entities[kind.name]
        apart = [a for a in ambiguities if a.kind == kind.name]
        flagged: dict[str, list[int]] = {}     # url → positions in apart of names it is under
        for n, a in enumerate(apart):
            for e in a.entries:
                flagged.setdefault(e.url, []).append(n)
        entries = [IndexEntry(url=e.url, name=e.name, line=e.line, count=e.count,
                              ambiguous=e.url in flagged) for e in items]
        listed_on: dict[str, str] = {}          # entity URL → the index page listing it
        for url, chunk, pager in _paginate(
                entries, per_page,
                lambda n, f=kind.folder, first=f"{kind.folder}/index.html":
                    first if n == 1 else f"{f}/index-{n}.html"):
            listed_on.update(dict.fromkeys((e.url for e in chunk), url))
            # names kept apart: on the page that lists them
            shown = sorted({n for e in chunk for n in flagged.get(e.url, ())})
            pages.append(Page(url=url, template="entities.html", title=kind.plural,
                              description=f"{_plural(len(items), kind.name, kind.folder)} "
                                          f"across {_plural(len(briefings), 'briefing')}.",
                              data=IndexView(kind=kind, entries=chunk, pager=pager, kept_apart=[
                                  apart[n] for n in shown])))
        for e in items:
            base = e.url.removesuffix(".html")
            for url, chunk, pager in _paginate(
                    e.appearances, entity_size,
                    lambda n, e=e, base=base: e.url if n == 1 else f"{base}--{n}.html",
                    newest_first=True):
                shown = e if pager.count == 1 else replace(e, appearances=chunk)
                if pager.number > 1:
                    shown = replace(shown, related={})
                title = e.name if pager.number == 1 else f"{e.name} — page {pager.number}"
                pages.append(Page(url=url, template=kind.template, title=title,
                                  description=f"{e.name}: {e.line}.",
                                  data=EntityView(entity=shown, pager=pager,
                                                  jsonld=_entity_jsonld(e, meta),
                                                  index_url=listed_on[e.url])))

    index_url, manifest, shards = search.build(_search_entries(briefings, entities))
    pages.append(Page(url="search.html", template="search.html", title="Search",
                      description=f"Search {_plural(len(briefings), 'briefing')}, people, "
                                  "countries, topics, places and agreements.",
                      data=SearchView(index_url=index_url)))
    pages.append(Page(url=index_url, template="search-index.js", title="Search index",
                      description="", data=manifest, data_digest=index_url))
    pages += [Page(url=shard.url, template="search-shard.js", title=f"Search: {shard.prefix}",
                   description="", data=shard, data_digest=shard.url)   # named by its content
              for shard in shards]

    data_files = _data_files(briefings, entities)
    pages.append(Page(url="data/index.html", template="data.html", title="Data",
                      description="The whole corpus as JSON and CSV, for spreadsheets and "
                                  "notebooks.",
                      data=[DataFile(url=u, name=u.rsplit("/", 1)[1], rows=rows, about=about)
                            for u, _, _, rows, about in data_files]))
    for url, template, data, _, about in data_files:
        pages.append(Page(url=url, template=template, title=about, description="", data=data))

    html = [p.url for p in pages if p.url.endswith(".html")]
    pages.append(Page(url="404.html", template="404.html", title="Page not found",
                      description="This page does not exist.", data=None))
    pages.append(Page(url="feed.xml", template="feed.xml", title=meta.title,
                      description=meta.description, data=_feed(briefings, meta)))
    pages.append(Page(url="sitemap.xml", template="sitemap.xml", title="Sitemap",
                      description="", data=html))
    pages.append(Page(url="robots.txt", template="robots.txt", title="robots.txt",
                      description="", data=None))
    return pages


def _briefing_page(b: Briefing) -> Page:
    return Page(url=b.url, template="briefing.html", title=b.analysis.title,
                description=b.analysis.summary or _briefing_line(b), data=b)


def _briefing_line(b: Briefing) -> str:
    an = b.analysis
    parts = [an.date or "", " · ".join(c.name for c in an.countries)]
    return " — ".join(p for p in parts if p) or an.title


def _card(b: Briefing) -> BriefingCard:
    an = b.analysis
    return BriefingCard(url=b.url, title=an.title, date=an.date,
                        countries=[Link(b.country_urls[c.name], c.name, c.side or "")
                                   for c in an.countries],
                        summary=charts.fit(an.summary, 240) if an.summary else "",
                        figures=[Link("", f.text, charts.fit(f.about, 36))
                                 for f in an.figures[:3]])


def _entity_jsonld(e: Entity, meta: SiteMeta) -> dict:
    here = meta.absolute(e.url)
    if e.kind == "person":
        latest = e.roles[-1] if e.roles else None
        ld = {"@context": "https://schema.org",
              **_person_ld(e.name, latest.role if latest else None,
                           latest.country if latest else None)}
    else:
        types = {"country": "Country", "place": "Place", "topic": "DefinedTerm",
                 "agreement": "CreativeWork"}
        ld = {"@context": "https://schema.org", "@type": types[e.kind], "name": e.name}
    if here:
        ld["url"] = here
    return ld


def _feed(briefings: list[Briefing], meta: SiteMeta) -> Feed:
    def stamp(date: str | None) -> str:
        return f"{date}T00:00:00Z" if date else "1970-01-01T00:00:00Z"

    def ident(url: str) -> str:
        return meta.absolute(url) or "urn:dossier:" + url

    dated = [b.analysis.date for b in briefings if b.analysis.date]
    entries = [FeedEntry(id=ident(b.url), url=b.url, title=b.analysis.title,
                         summary=b.analysis.summary or _briefing_line(b),
                         updated=stamp(b.analysis.date)) for b in briefings[:FEED_SIZE]]
    return Feed(id=ident("feed.xml"), updated=stamp(max(dated) if dated else None),
                entries=entries)


def _search_entries(briefings: list[Briefing],
                    entities: dict[str, list[Entity]]) -> list[search.Entry]:
    """Briefings (newest first), then people, countries, topics, places, agreements."""
    entries = []
    for b in briefings:
        an = b.analysis
        keywords = [*(p.name for p in (*an.delegates, *an.people)), *(t.name for t in an.topics),
                    *(c.name for c in an.countries), *(p.name for p in an.places), an.date or ""]
        entries.append(search.Entry("Briefing", an.title, b.url, _briefing_line(b),
                                    " ".join(keywords)))
    for kind in KINDS.values():
        for e in entities[kind.name]:
            keywords = [*(r.role for r in e.roles), *(f.text for f in e.facts)]
            entries.append(search.Entry(kind.name.capitalize(), e.name, e.url, e.line,
                                        " ".join(keywords)))
    return entries


# --- data exports -----------------------------------------------------------------------------

def _briefing_table(b: Briefing) -> Table:
    """Every item of one analysis, one row each, with the paragraphs it came from."""
    an = b.analysis
    # the columns: section, id, name, detail, country, side, amount, unit, evidence
    rows: list[list[Cell]] = [["country", "", c.name, "", None, c.side, None, None,
                               " ".join(c.evidence)] for c in an.countries]
    for section, group in (("delegate", an.delegates), ("person", an.people)):
        rows += [[section, p.id, p.name, p.role or "", p.country, p.side, None, None,
                  " ".join(p.evidence)] for p in group]
    rows += [["topic", t.id, t.name, "", None, None, None, None, " ".join(t.evidence)]
             for t in an.topics]
    rows += [["focus_area", f.id, f.title, f.summary, None, None, None, None,
              " ".join(f.evidence)] for f in an.focus_areas]
    rows += [["agreement", m.id, m.title, m.description, "; ".join(m.parties), None,
              m.value.amount if m.value else None, m.value.currency if m.value else None,
              " ".join(m.evidence)] for m in an.mous]
    rows += [["prospect", p.id, p.title, p.summary, None, None, None, None, " ".join(p.evidence)]
             for p in an.prospects]
    rows += [["figure", "", f.text, f.about, None, None, f.amount, f.unit, " ".join(f.evidence)]
             for f in an.figures]
    rows += [["place", "", pl.name, pl.kind or "", pl.country, None, None, None,
              " ".join(pl.evidence)] for pl in an.places]
    rows += [["issue", "", i.title, "", None, None, None, None, " ".join(i.evidence)]
             for i in an.issues]
    rows += [["defect", d.kind, d.text, d.note, None, None, None, None, " ".join(d.evidence)]
             for d in an.defects]
    return Table(columns=["section", "id", "name", "detail", "country", "side", "amount", "unit",
                          "evidence"], rows=rows)


def _data_files(briefings: list[Briefing], entities: dict[str, list[Entity]]
                ) -> list[tuple[str, str, object, int, str]]:
    """(url, template, data, rows, what it holds) of each corpus-wide export."""
    corpus = [CorpusItem(slug=b.slug, url=b.url, analysis=b.analysis) for b in briefings]

    def ref(a) -> list[Cell]:
        return [a.briefing.url, a.briefing.date]

    tables: dict[str, tuple[Table, str]] = {}
    tables["people"] = (Table(
        ["person", "name", "role", "country", "side", "delegate", "briefing", "date", "evidence"],
        [[e.url, e.name, a.role, a.country, a.side, a.delegate, *ref(a), " ".join(a.evidence)]
         for e in entities["person"] for a in e.appearances]),
        "one row per person per briefing, with role and side")
    tables["countries"] = (Table(
        ["country", "name", "side", "briefing", "date", "people", "agreements"],
        [[e.url, e.name, a.side, *ref(a), len(a.people) + a.more_people,
          len(a.agreements) + a.more_agreements]
         for e in entities["country"] for a in e.appearances]),
        "one row per country per briefing: its side and how many people and agreements")
    tables["topics"] = (Table(
        ["topic", "name", "briefing", "date", "focus_areas", "agreements", "prospects"],
        [[e.url, e.name, *ref(a), "; ".join(f.text for f in a.focus),
          "; ".join(m.text for m in a.agreements), "; ".join(p.text for p in a.prospects)]
         for e in entities["topic"] for a in e.appearances]),
        "one row per topic per briefing, with the focus areas, agreements and prospects on it")
    tables["places"] = (Table(
        ["place", "name", "kind", "country", "briefing", "date"],
        [[e.url, e.name, a.kind, a.country, *ref(a)]
         for e in entities["place"] for a in e.appearances]),
        "one row per place per briefing")
    tables["agreements"] = (Table(
        ["agreement", "title", "parties", "value", "amount", "currency", "briefing", "date",
         "focus_areas", "evidence"],
        [[e.url, a.title, parties,
          a.value.text if a.value else None, a.value.amount if a.value else None,
          a.value.currency if a.value else None, *ref(a), "; ".join(f.text for f in a.focus),
          " ".join(a.evidence)]
         for e in entities["agreement"]
         for parties in ("; ".join(f.text for f in e.facts if f.note == "party"),)
         for a in e.appearances]),
        "one row per agreement per briefing, with parties and value")
    tables["figures"] = (Table(
        ["briefing", "date", "text", "amount", "unit", "about", "evidence"],
        [[b.url, b.analysis.date, f.text, f.amount, f.unit, f.about, " ".join(f.evidence)]
         for b in briefings for f in b.analysis.figures]),
        "every figure the articles state, normalised where possible")
    files: list[tuple[str, str, object, int, str]] = [
        ("data/analysis.json", "export.json", corpus, len(corpus),
         "every analysis, as in the YAML files, with its briefing's slug and URL")]
    for name, (table, about) in tables.items():
        files.append((f"data/{name}.csv", "export.csv", table, len(table.rows), about))
    return files
