"""Article → Analysis. Pure functions: no I/O beyond reading the lexicon, no module state.

The sections run in a fixed, visible order; later sections get earlier results as arguments.
Sections never import each other: what they share lives in ``_text`` (tokens, sentences),
``_types`` (the values they hand on) and ``lexicon`` (the word lists).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import Analysis, Article, Source
from . import people as people_section
from . import agreements, countries, figures, places, structure, topics
from ._text import prepare
from .lexicon import Lexicon, load as load_lexicon

__all__ = ["extract", "load_lexicon", "version", "Lexicon"]


def extract(article: Article, lexicon: Lexicon) -> Analysis:
    """Read one article into its analysis."""
    meta = article.meta
    doc = prepare(article)                                               # tokens and sentences
    layout = structure.analyse(doc, lexicon)                             # headings, lists, sections
    geo = countries.detect(doc, layout, lexicon, meta.countries)         # country mentions, host
    found = people_section.extract(doc, layout, geo, lexicon)            # people, roles, countries
    nations = countries.listing(doc, layout, geo, found, lexicon, meta.countries)
    delegates, others = people_section.to_model(found, nations)
    numbers = figures.find(doc, lexicon)                                 # money, counts, percentages
    spots = places.find(doc, layout, geo, found, lexicon)                # cities, venues, regions
    subjects = topics.find(doc, lexicon)                                 # topics by keyword
    areas: list = []
    signed, count = agreements.find(doc, layout, geo, found, nations, numbers, areas, lexicon)
    return Analysis(
        source=Source(path=article.path, sha256=article.sha256, url=meta.source_url,
                      publisher=meta.publisher),
        title=meta.title or layout.headline or "",
        date=meta.date or layout.date,
        summary="",
        countries=nations,
        delegates=delegates,
        people=others,
        topics=topics.to_model(subjects),
        figures=figures.to_model(numbers, doc),
        places=spots,
        mous=signed,
        mou_count=count,
        tags=list(meta.tags),
    )


def version() -> str:
    """Identifies this extractor's code and data: analyses written by another are redone."""
    from .. import __version__

    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted(here.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".txt", ".tsv", ".json", ".csv"}:
            digest.update(path.relative_to(here).as_posix().encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"
