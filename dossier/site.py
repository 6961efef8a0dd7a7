"""All analyses → one Site: briefings, entities merged across briefings, pages with URLs.

Nothing here renders or writes; the Site is plain data the templates read. Every URL is
relative to the site root ("people/shehbaz-sharif.html"); templates turn it into a link
relative to the page they are on, so the output works under any sub-path and from file://.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from slugify import slugify

from .config import Config
from .model import Analysis, Article, Person


@dataclass(frozen=True)
class Delegation:
    """One side of a meeting as the briefing shows it: its countries and its people."""

    side: str                   # "host", "guest" or "other"
    countries: list[str]
    members: list[Person]


@dataclass(frozen=True)
class SiteMeta:
    """Site-wide settings every page shows."""

    title: str
    description: str
    language: str
    base_url: str


@dataclass
class Briefing:
    """One article and its analysis, with the site URLs of the people it names."""

    slug: str
    url: str
    article: Article
    analysis: Analysis
    person_urls: dict[str, str] = field(default_factory=dict)   # analysis person id → page URL

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.analysis.date or "", self.slug)

    @property
    def delegations(self) -> list[Delegation]:
        """Host side, guest side, then delegates whose side is not known."""
        result = []
        for side in ("host", "guest", None):
            members = [p for p in self.analysis.delegates if p.side == side]
            countries = [c.name for c in self.analysis.countries if c.side == side]
            if members or (side and countries):
                result.append(Delegation(side=side or "other", countries=countries if side else [],
                                         members=members))
        return result

    def person(self, person_id: str) -> Person | None:
        for p in (*self.analysis.delegates, *self.analysis.people):
            if p.id == person_id:
                return p
        return None

    def topic_name(self, topic_id: str) -> str:
        return next((t.name for t in self.analysis.topics if t.id == topic_id), topic_id)

    def focus_title(self, focus_id: str) -> str:
        return next((f.title for f in self.analysis.focus_areas if f.id == focus_id), focus_id)


@dataclass
class Appearance:
    """An entity as one briefing shows it."""

    briefing: Briefing
    role: str | None
    country: str | None
    side: str | None
    evidence: list[str]
    delegate: bool


@dataclass
class PersonPage:
    id: str
    name: str
    url: str
    appearances: list[Appearance] = field(default_factory=list)

    @property
    def roles(self) -> list[str]:
        """Roles in the order they first appear, oldest briefing first."""
        seen: list[str] = []
        for a in sorted(self.appearances, key=lambda a: a.briefing.sort_key):
            if a.role and a.role not in seen:
                seen.append(a.role)
        return seen

    @property
    def countries(self) -> list[str]:
        return sorted({a.country for a in self.appearances if a.country})


@dataclass(frozen=True)
class Page:
    """One output page: where it goes, which template draws it, and what it shows."""

    url: str
    template: str
    title: str
    description: str
    data: object


@dataclass
class Site:
    meta: SiteMeta
    briefings: list[Briefing]          # newest first
    people: list[PersonPage]           # by name
    pages: list[Page]
    notes: list[str] = field(default_factory=list)   # merge decisions people should review


def build_site(pairs: Iterable[tuple[Article, Analysis]], config: Config) -> Site:
    """Cross-link every analysis into one site."""
    meta = SiteMeta(title=config.title, description=config.description,
                    language=config.language, base_url=config.base_url)
    briefings = sorted((Briefing(slug=a.slug, url=f"briefings/{a.slug}.html", article=a,
                                 analysis=an) for a, an in pairs),
                       key=lambda b: b.sort_key, reverse=True)
    people, notes = _merge_people(briefings)
    pages = _pages(meta, briefings, people, config.per_page)
    return Site(meta=meta, briefings=briefings, people=people, pages=pages, notes=notes)


def _merge_people(briefings: list[Briefing]) -> tuple[list[PersonPage], list[str]]:
    """Same name in two briefings = one person; same name, different country = two, noted."""
    groups: dict[str, list[tuple[Briefing, Person, bool]]] = defaultdict(list)
    for b in briefings:
        for delegate, people in ((True, b.analysis.delegates), (False, b.analysis.people)):
            for person in people:
                groups[slugify(person.name) or person.id].append((b, person, delegate))

    pages: dict[str, PersonPage] = {}
    notes: list[str] = []
    for key in sorted(groups):
        entries = groups[key]
        countries = sorted({p.country for _, p, _ in entries if p.country})
        split = len(countries) > 1
        if split:
            notes.append(f"'{entries[0][1].name}' is named with different countries "
                         f"({', '.join(countries)}); kept as {len(countries)} people")
        for b, person, delegate in entries:
            pid = f"{key}-{slugify(person.country)}" if split and person.country else key
            page = pages.get(pid)
            if page is None:
                page = pages[pid] = PersonPage(id=pid, name=person.name, url=f"people/{pid}.html")
            page.appearances.append(Appearance(briefing=b, role=person.role, country=person.country,
                                               side=person.side, evidence=list(person.evidence),
                                               delegate=delegate))
            b.person_urls[person.id] = page.url
    for page in pages.values():
        page.appearances.sort(key=lambda a: a.briefing.sort_key, reverse=True)
    return sorted(pages.values(), key=lambda p: (p.name.casefold(), p.id)), notes


@dataclass(frozen=True)
class Listing:
    """One page of an index: its entries and links to the neighbouring pages."""

    items: list
    number: int
    count: int
    first_url: str
    prev_url: str | None
    next_url: str | None
    total: int


def _paginate(items: list, per_page: int, base: str) -> list[tuple[str, Listing]]:
    """'people/index.html', 'people/index-2.html', ...: one Listing per page."""
    chunks = [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]

    def url(n: int) -> str:
        return f"{base}.html" if n == 1 else f"{base}-{n}.html"

    return [(url(n), Listing(items=chunk, number=n, count=len(chunks), first_url=url(1),
                             prev_url=url(n - 1) if n > 1 else None,
                             next_url=url(n + 1) if n < len(chunks) else None, total=len(items)))
            for n, chunk in enumerate(chunks, start=1)]


def _pages(meta: SiteMeta, briefings: list[Briefing], people: list[PersonPage],
           per_page: int) -> list[Page]:
    pages: list[Page] = []
    for url, listing in _paginate(briefings, per_page, "index"):
        title = meta.title if listing.number == 1 else f"{meta.title} — page {listing.number}"
        pages.append(Page(url=url, template="index.html", title=title,
                          description=meta.description, data=listing))
    for b in briefings:
        pages.append(Page(url=b.url, template="briefing.html", title=b.analysis.title,
                          description=b.analysis.summary or meta.description, data=b))
    for url, listing in _paginate(people, per_page, "people/index"):
        pages.append(Page(url=url, template="people.html", title="People",
                          description=f"Everyone named in {len(briefings)} briefings.",
                          data=listing))
    for person in people:
        roles = "; ".join(person.roles) or "named"
        pages.append(Page(url=person.url, template="person.html", title=person.name,
                          description=f"{person.name}: {roles}. Appears in "
                                      f"{len(person.appearances)} briefing(s).", data=person))
    return pages
