"""Helpers for the extractor's tests: one lexicon per session, and text → Analysis."""
from __future__ import annotations

import pytest

from dossier import extract, source
from dossier.config import LexiconAdditions
from dossier.model import Analysis

_LEXICON = extract.load_lexicon(None)


def run(text: str, name: str = "story.txt", additions: LexiconAdditions | None = None) -> Analysis:
    """Extract an analysis from article text written in a test."""
    lexicon = _LEXICON if additions is None else extract.load_lexicon(additions)
    article = source.parse(text.encode("utf-8"), path=name, name=name)
    return extract.extract(article, lexicon)


def person(analysis: Analysis, name: str):
    for p in analysis.delegates + analysis.people:
        if p.name == name:
            return p
    raise AssertionError(f"{name!r} not found among {[p.name for p in analysis.delegates + analysis.people]}")


@pytest.fixture(scope="session")
def lexicon():
    return _LEXICON
