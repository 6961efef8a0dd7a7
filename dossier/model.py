"""The values handed from one stage to the next.

    Article   what source.py read from one file (front matter, paragraphs with ids p1, p2, ...)
    Analysis  what extract/ made of it, and what store.py writes to / reads from YAML

Every item that comes from the text carries ``evidence``: the ids of the paragraphs it was
read from. Field order here is the key order of the YAML files.
"""
from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA_VERSION = 1
SIDES = ("host", "guest")


# --- what source.py reads -------------------------------------------------------------------

@dataclass(frozen=True)
class Paragraph:
    """One block of the article: a paragraph, heading line or list item, as written."""

    id: str                 # "p1", "p2", ... in order: the evidence ids used everywhere
    text: str               # the block's text, inner line breaks of hard-wrapped prose joined
    line: int               # 1-based line in the source file where the block starts
    indent: int = 0         # leading spaces of the first line (nested list items)


@dataclass(frozen=True)
class FrontMatter:
    """The optional YAML block at the top of an article; every field may be missing."""

    title: str | None = None
    date: str | None = None            # ISO date, YYYY-MM-DD
    source_url: str | None = None
    publisher: str | None = None
    countries: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    slug: str | None = None


@dataclass(frozen=True)
class Article:
    """An article file as read: text, paragraphs and where it came from."""

    path: str                  # as given to read(), relative to the site root when possible
    slug: str
    format: str                # "text" or "markdown"
    sha256: str                # of the file's bytes
    meta: FrontMatter
    paragraphs: tuple[Paragraph, ...]
    body_line: int = 1         # line where the text starts (after the front matter)

    def paragraph(self, pid: str) -> Paragraph | None:
        index = int(pid[1:]) - 1 if pid[:1] == "p" and pid[1:].isdigit() else -1
        return self.paragraphs[index] if 0 <= index < len(self.paragraphs) else None


# --- what extract/ makes: the analysis (YAML contract, see DESIGN.md) -------------------------

@dataclass
class Source:
    path: str
    sha256: str
    url: str | None = None
    publisher: str | None = None


@dataclass
class Country:
    name: str
    side: str | None = None            # "host", "guest" or None (a third party)
    evidence: list[str] = field(default_factory=list)


@dataclass
class Person:
    """A named person: a delegate (taking part) or someone else named in the text."""

    id: str
    name: str
    role: str | None = None
    country: str | None = None
    side: str | None = None
    evidence: list[str] = field(default_factory=list)


@dataclass
class Topic:
    id: str
    name: str
    evidence: list[str] = field(default_factory=list)


@dataclass
class FocusArea:
    id: str
    title: str
    summary: str = ""
    delegates: list[str] = field(default_factory=list)     # Person ids
    topics: list[str] = field(default_factory=list)        # Topic ids
    evidence: list[str] = field(default_factory=list)


@dataclass
class Money:
    text: str
    amount: float | None = None
    currency: str | None = None


@dataclass
class Mou:
    id: str
    title: str
    description: str = ""
    parties: list[str] = field(default_factory=list)       # countries or organisations
    value: Money | None = None
    focus_areas: list[str] = field(default_factory=list)   # FocusArea ids
    topics: list[str] = field(default_factory=list)        # Topic ids
    evidence: list[str] = field(default_factory=list)


@dataclass
class MouCount:
    """A count the text states ("seven MoUs"), which may differ from the MoUs it names."""

    stated: int
    text: str
    evidence: list[str] = field(default_factory=list)


@dataclass
class Prospect:
    id: str
    title: str
    summary: str = ""
    focus_areas: list[str] = field(default_factory=list)   # FocusArea ids
    topics: list[str] = field(default_factory=list)        # Topic ids
    evidence: list[str] = field(default_factory=list)


@dataclass
class Figure:
    text: str                          # as written: "$17 million", "68-member"
    amount: float | None = None        # normalised: 17000000, 68
    unit: str | None = None            # currency code, or "people", "days", "percent", ...
    about: str = ""
    evidence: list[str] = field(default_factory=list)


@dataclass
class Place:
    name: str
    kind: str | None = None            # city, region, venue, landmark, route, ...
    country: str | None = None
    evidence: list[str] = field(default_factory=list)


@dataclass
class Issue:
    """A regional or global issue raised in the talks."""

    title: str
    evidence: list[str] = field(default_factory=list)


@dataclass
class Defect:
    """A problem in the source text itself: spliced, duplicated, truncated, mojibake."""

    kind: str
    text: str
    note: str = ""
    evidence: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Analysis:
    """One article's analysis: the reviewed record, one YAML file per article."""

    schema: int = SCHEMA_VERSION
    source: Source
    title: str
    date: str | None = None
    summary: str = ""
    countries: list[Country] = field(default_factory=list)
    delegates: list[Person] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    focus_areas: list[FocusArea] = field(default_factory=list)
    mous: list[Mou] = field(default_factory=list)
    mou_count: MouCount | None = None
    prospects: list[Prospect] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    defects: list[Defect] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
