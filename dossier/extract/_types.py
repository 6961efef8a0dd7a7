"""Values the sections hand each other (inside the extractor only; the output types are in
``dossier.model``). Frozen dataclasses: a section never changes what an earlier one found."""
from __future__ import annotations

from dataclasses import dataclass, field


# --- structure ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    """One entry of a section: a numbered sub-heading, a list item or a "Label:" lead-in."""

    pid: str                      # the paragraph holding its label (or its text)
    title: str                    # the label, cleaned; the whole text for a short list item
    body: tuple[str, ...]         # paragraphs of its text (may include ``pid`` itself)
    text: str                     # its text without the label
    short: bool = False           # a bare list entry ("- Taxation"), no text of its own


@dataclass(frozen=True)
class Section:
    pid: str                      # the heading's paragraph
    title: str                    # cleaned heading text
    kind: str                     # focus | agreements | outlook | conclusion | issues | background | other
    level: int
    body: tuple[str, ...]         # every paragraph under the heading (items included)
    items: tuple[Item, ...]
    inline: bool = False          # the heading is a lead-in of a paragraph that carries text too


@dataclass(frozen=True)
class Dateline:
    pid: str
    end: int                      # character offset where the story proper begins
    parts: tuple[str, ...]        # place-like parts before the date ("DUNMERE"; "Harlow House", "Dunmere")
    date: str | None              # ISO date when the dateline has a year


@dataclass(frozen=True)
class Structure:
    headline: str | None
    headline_pid: str | None
    front: tuple[str, ...]        # headline, subtitle and header lines
    roles: dict[str, str]         # pid → headline | subtitle | heading | item | lead | list | body | signoff
    labels: dict[str, str]        # pid → its lead-in label or heading text
    sections: tuple[Section, ...]
    dateline: Dateline | None
    date: str | None              # from the dateline, header or sign-off lines
    signoff: tuple[str, ...]


# --- countries --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GeoMention:
    pid: str
    start: int                    # character offsets in the paragraph
    end: int
    text: str
    kind: str                     # country | demonym | capital | city | region | sea | territory | route
    name: str                     # canonical country name (or place name for places)
    country: str | None
    possessive: bool = False      # "Ostrenia’s"
    government: bool = False      # a capital standing for its government ("Dunmere said")
    compound: bool = False        # part of a hyphenated compound ("Ostrenia-Veluria ties")


@dataclass(frozen=True)
class CountryFacts:
    mentions: tuple[GeoMention, ...]          # every geographic name, in text order
    counts: dict[str, int]                    # country → mentions (names, demonyms, capitals as governments)
    paras: dict[str, tuple[str, ...]]         # country → paragraph ids
    host_score: dict[str, float]
    guest_score: dict[str, float]
    host: str | None
    order: tuple[str, ...]                    # countries by first mention


# --- people -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PersonFact:
    id: str
    name: str
    role: str | None
    country: str | None
    side: str | None
    delegate: bool
    evidence: tuple[str, ...]
    keys: tuple[str, ...] = ()    # name words that refer to the person alone ("Quell", "Varkon")
    role_key: frozenset[str] = frozenset()
    visitor: bool = False         # the text has them travel to the host
    hosting: bool = False         # the text has them receive or host the visitors


@dataclass(frozen=True)
class PeopleFacts:
    people: tuple[PersonFact, ...]


# --- figures, places, topics ------------------------------------------------------------------------

@dataclass(frozen=True)
class FigureFact:
    pid: str
    start: int
    end: int
    text: str
    amount: float | None
    unit: str | None
    kind: str                     # money | count | quantity | percent | duration
    about: str


@dataclass(frozen=True)
class TopicFact:
    id: str
    name: str
    evidence: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class Topics:
    topics: tuple[TopicFact, ...]
    by_para: dict[str, tuple[str, ...]] = field(default_factory=dict)   # pid → topic ids
