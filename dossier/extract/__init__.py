"""Article → Analysis. Pure functions: no I/O beyond reading the lexicon, no module state.

The sections run in a fixed, visible order; later sections get earlier results as arguments.
Sections never import each other: what they share lives in ``_text`` (tokens, sentences),
``_types`` (the values they hand on) and ``lexicon`` (the word lists).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import Analysis, Article, Source
from . import (agreements, countries, defects, figures, focus, issues, people, places, prospects,
               structure, title, topics)
from ._text import TopicReader, prepare
from .lexicon import Lexicon, load as load_lexicon

__all__ = ["extract", "load_lexicon", "version", "Lexicon"]


def extract(article: Article, lexicon: Lexicon) -> Analysis:
    """Read one article into its analysis."""
    meta = article.meta
    doc = prepare(article)                                                # tokens and sentences
    reader = TopicReader(lexicon)                                         # topic words, read once
    layout = structure.analyse(doc, lexicon)                              # headings, lists, sections
    geo = countries.detect(doc, layout, lexicon, meta.countries)          # country mentions, host
    found = people.extract(doc, layout, geo, lexicon)                     # people, roles, countries
    nations = countries.listing(doc, layout, geo, found, lexicon, meta.countries)
    delegates, others = people.to_model(found, nations)                   # sides from the countries
    numbers = figures.find(doc, lexicon)                                  # money, counts, percentages
    spots = places.find(doc, layout, geo, found, lexicon)                 # cities, venues, regions
    subjects = topics.find(doc, lexicon, reader)                          # topics by keyword
    areas = focus.find(doc, layout, found, subjects, lexicon, reader)     # focus areas
    signed, count = agreements.find(doc, layout, geo, found, nations, numbers, areas, lexicon, reader)
    outlook = prospects.find(doc, layout, subjects, areas, lexicon, reader)  # what comes next
    raised = issues.find(doc, layout, spots, lexicon)                     # regional/global issues
    problems = defects.find(doc, layout)                                  # flaws in the source text
    return Analysis(
        source=Source(path=article.path, sha256=article.sha256, url=meta.source_url,
                      publisher=meta.publisher),
        title=title.title(meta, layout, found, nations, doc),
        date=meta.date or layout.date,
        summary=title.summary(doc, layout),
        countries=nations,
        delegates=delegates,
        people=others,
        topics=topics.to_model(subjects),
        focus_areas=areas,
        mous=signed,
        mou_count=count,
        prospects=outlook,
        figures=figures.to_model(numbers, doc),
        places=spots,
        issues=raised,
        defects=problems,
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
