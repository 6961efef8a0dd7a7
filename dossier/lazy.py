"""Articles whose paragraphs stay in the object store until something reads them.

A build of thousands of articles needs every article's identity (path, slug, sha256, front
matter) to build the site and decide what changed, but the text of only the few it renders or
extracts. A ``StoredArticle`` is an ``Article`` made from the build record: its paragraphs are
read from the object store when first used, so a rebuild does not load every article, and a
process forked to render pages holds only the articles of its pages.

The site model quotes one paragraph per item of an analysis (the first of its evidence that
exists): those ``excerpts`` are kept with the analysis, so building the model needs no
article's whole text either.
"""
from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path
from typing import Any, Iterator

from . import source
from .cache import Objects
from .errors import SourceError
from .model import Article, Paragraph

Excerpts = dict[str, Paragraph | None]          # evidence id → the paragraph (None: no such)


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

    def paragraph(self, pid: str) -> Paragraph | None:
        excerpts = self.__dict__.get("_excerpts")
        if excerpts is not None and pid in excerpts:
            return excerpts[pid]
        return super().paragraph(pid)

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


def excerpts(article: Article, analysis: object) -> Excerpts:
    """The paragraphs ``article`` has for each evidence list of ``analysis``, up to the first
    that exists: what the site quotes for each item."""
    found: Excerpts = {}
    for ids in _evidence(analysis):
        for pid in ids:
            if pid not in found:
                found[pid] = article.paragraph(pid)
            if found[pid] is not None:
                break
    return found


def give_excerpts(article: Article, excerpts_: Excerpts) -> None:
    """Let a stored article answer ``paragraph()`` for these ids without loading its text
    (they were taken from the same text: its sha256 is part of the analysis's record)."""
    if isinstance(article, StoredArticle):
        article.__dict__["_excerpts"] = excerpts_


def _evidence(value: object) -> Iterator[list[str]]:
    if isinstance(value, list):
        for item in value:
            yield from _evidence(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name == "evidence" and isinstance(item, list):
                yield item
            else:
                yield from _evidence(item)
