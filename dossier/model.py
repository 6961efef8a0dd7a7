"""The values handed from one stage to the next.

    Article   what source.py read from one file (front matter, paragraphs with ids p1, p2, ...)
    Analysis  what extract/ made of it, and what store.py writes to / reads from YAML

Every item that comes from the text carries ``evidence``: the ids of the paragraphs it was
read from. Field order here is the key order of the YAML files.
"""
from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1
SIDES = ("host", "guest")
SHARED_CHARS = 40       # strings up to this long are shared (sys.intern) when loaded


# --- how the values are kept in memory and pickled ------------------------------------------
#
# A site holds thousands of analyses, each with hundreds of short strings that recur across
# the corpus (evidence ids "p1", "p2", ..., sides, units, person and topic ids, names): one
# object per distinct string instead of one per occurrence, and instances without a __dict__
# (slots), take about half the memory. The classes below pickle (the object store, results
# of worker processes) as their field values in order, and share the short strings again
# when unpickled; an object pickled by an older Dossier (with a __dict__ state) fails to
# load, which the object store treats as damaged: it reads the source again.

def shared(value: Any) -> Any:
    """``value``, a short string, as the one object for that text; others as they are."""
    return sys.intern(value) if type(value) is str and len(value) <= SHARED_CHARS else value


def _shared_all(value: Any) -> Any:
    """shared() of a value, or of each item of a list (evidence ids, aliases)."""
    return [shared(v) for v in value] if type(value) is list else shared(value)


@functools.cache
def _fields(cls: type) -> tuple[str, ...]:
    return tuple(cls.__dataclass_fields__)    # type: ignore[attr-defined]


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    obj = object.__new__(cls)
    for name, value in zip(_fields(cls), values):
        object.__setattr__(obj, name, _shared_all(value))
    return obj


class _Compact:
    """Base of the slotted model classes: pickled as (class, field values)."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (type(self), tuple([getattr(self, n) for n in _fields(type(self))]))

    def __setstate__(self, state: Any) -> None:     # a pickle of an older Dossier
        raise TypeError(f"a {type(self).__name__} pickled in an older format")


# --- what source.py reads -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Paragraph(_Compact):
    """One block of the article: a paragraph, heading line or list item, as written."""

    id: str                 # "p1", "p2", ... in order: the evidence ids used everywhere
    text: str               # the block's text, inner line breaks of hard-wrapped prose joined
    line: int               # 1-based line in the source file where the block starts
    indent: int = 0         # leading spaces of the first line (nested list items)

    __setstate__ = _Compact.__setstate__    # not the one dataclass makes for frozen slots


@dataclass(frozen=True, slots=True)
class FrontMatter(_Compact):
    """The optional YAML block at the top of an article; every field may be missing."""

    title: str | None = None
    date: str | None = None            # ISO date, YYYY-MM-DD
    source_url: str | None = None
    publisher: str | None = None
    countries: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    slug: str | None = None

    __setstate__ = _Compact.__setstate__    # not the one dataclass makes for frozen slots


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

@dataclass(slots=True)
class Source(_Compact):
    path: str
    sha256: str
    url: str | None = None
    publisher: str | None = None


@dataclass(slots=True)
class Country(_Compact):
    name: str
    side: str | None = None            # "host", "guest" or None (a third party)
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Person(_Compact):
    """A named person: a delegate (taking part) or someone else named in the text."""

    id: str
    name: str
    role: str | None = None
    country: str | None = None
    side: str | None = None
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Topic(_Compact):
    id: str
    name: str
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FocusArea(_Compact):
    id: str
    title: str
    summary: str = ""
    delegates: list[str] = field(default_factory=list)     # Person ids
    topics: list[str] = field(default_factory=list)        # Topic ids
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Money(_Compact):
    text: str
    amount: float | None = None
    currency: str | None = None


@dataclass(slots=True)
class Mou(_Compact):
    id: str
    title: str
    description: str = ""
    parties: list[str] = field(default_factory=list)       # countries or organisations
    value: Money | None = None
    focus_areas: list[str] = field(default_factory=list)   # FocusArea ids
    topics: list[str] = field(default_factory=list)        # Topic ids
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class MouCount(_Compact):
    """A count the text states ("seven MoUs"), which may differ from the MoUs it names."""

    stated: int
    text: str
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Prospect(_Compact):
    id: str
    title: str
    summary: str = ""
    focus_areas: list[str] = field(default_factory=list)   # FocusArea ids
    topics: list[str] = field(default_factory=list)        # Topic ids
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Figure(_Compact):
    text: str                          # as written: "$17 million", "68-member"
    amount: float | None = None        # normalised: 17000000, 68
    unit: str | None = None            # currency code, or "people", "days", "percent", ...
    about: str = ""
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Place(_Compact):
    name: str
    kind: str | None = None            # city, region, venue, landmark, route, ...
    country: str | None = None
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Issue(_Compact):
    """A regional or global issue raised in the talks."""

    title: str
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Defect(_Compact):
    """A problem in the source text itself: spliced, duplicated, truncated, mojibake."""

    kind: str
    text: str
    note: str = ""
    evidence: list[str] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Analysis(_Compact):
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
