"""The extractor's lexicons: built-in data files plus a site's additions from config.yaml."""
from __future__ import annotations

from dataclasses import dataclass

from ...config import LexiconAdditions


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor knows about words: titles, countries, topics."""

    titles: tuple[str, ...] = ()


def load(additions: LexiconAdditions | None = None) -> Lexicon:
    """The built-in lexicons with a site's additions merged in."""
    additions = additions or LexiconAdditions()
    return Lexicon(titles=additions.titles)
