"""Article → Analysis. Pure functions: no I/O beyond reading the lexicon, no module state.

The sections run in a fixed, visible order; later sections get earlier results as arguments.
Sections never import each other.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import Analysis, Article, Source
from .lexicon import Lexicon, load as load_lexicon

__all__ = ["extract", "load_lexicon", "version", "Lexicon"]


def extract(article: Article, lexicon: Lexicon) -> Analysis:
    """Read one article into its analysis."""
    meta = article.meta
    first = article.paragraphs[0].text
    return Analysis(
        source=Source(path=article.path, sha256=article.sha256, url=meta.source_url,
                      publisher=meta.publisher),
        title=meta.title or first[:80],
        date=meta.date,
        summary="",
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
