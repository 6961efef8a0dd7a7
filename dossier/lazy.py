"""Articles whose paragraphs stay in the object store until something reads them.

A build of thousands of articles needs every article's identity (path, slug, sha256, front
matter) to build the site and decide what changed, but the text of only the few it renders or
extracts. A ``StoredArticle`` is an ``Article`` made from the build record: its paragraphs are
read from the object store when first used, so a rebuild does not load every article, and a
process forked to render pages holds only the articles of its pages.
"""
from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from . import source
from .cache import Objects
from .errors import SourceError
from .model import Article, Paragraph


class StoredArticle(Article):
    """An Article whose ``paragraphs`` are loaded from ``store`` on first use (and not kept:
    the store keeps the recently used ones)."""

    @property                                     # type: ignore[override]
    def paragraphs(self) -> tuple[Paragraph, ...]:
        state = self.__dict__
        if "_paragraphs" in state:
            return state["_paragraphs"]
        stored = state["_store"].recall(state["_key"])
        if stored is None:                        # the cache folder was emptied: read it again
            stored = source.read(Path(state["_source"]), max_bytes=1 << 40, display=self.path)
            if stored.sha256 != self.sha256:
                raise SourceError("the article changed while the site was being built; build "
                                  "again", path=self.path)
            state["_store"].put(state["_key"], stored, keep=False)
        return stored.paragraphs

    @paragraphs.setter
    def paragraphs(self, value: tuple[Paragraph, ...]) -> None:
        self.__dict__["_paragraphs"] = value      # dataclasses.replace() gives one its paragraphs

    def __reduce__(self) -> tuple[Any, ...]:       # travels as the plain Article it stands for
        return (Article, (self.path, self.slug, self.format, self.sha256, self.meta,
                          self.paragraphs, self.body_line))


def identity(article: Article) -> bytes:
    """What a StoredArticle needs besides its paragraphs, for the build record."""
    return pickle.dumps((article.path, article.slug, article.format, article.sha256,
                         article.meta, article.body_line), protocol=pickle.HIGHEST_PROTOCOL)


def stored(identity_: bytes, key: str, store: Objects, source_path: str) -> StoredArticle:
    """The article recorded as ``identity_`` whose parsed form is ``key`` in ``store`` (or,
    should the store have lost it, in the file ``source_path``)."""
    path, slug, format_, sha256, meta, body_line = pickle.loads(identity_)
    article = object.__new__(StoredArticle)
    article.__dict__.update(path=path, slug=slug, format=format_, sha256=sha256, meta=meta,
                            body_line=body_line, _key=key, _store=store, _source=source_path)
    return article
