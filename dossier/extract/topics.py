"""Topics: the subjects the text talks about, from the lexicon's keyword lists (and a site's
additions), each with the paragraphs that mention it."""
from __future__ import annotations

from ..model import Topic
from ._text import Doc, TopicReader
from ._types import TopicFact, Topics
from .lexicon import Lexicon


def find(doc: Doc, lexicon: Lexicon, reader: TopicReader | None = None) -> Topics:
    """Topics by how often they come up (then first mention); paragraph → topic ids."""
    counts: dict[int, int] = {}
    evidence: dict[int, list[str]] = {}
    first: dict[int, tuple[int, int]] = {}
    by_para: dict[str, list[str]] = {}
    # the keys of the words (of the whole text) that may start a keyword
    reader = reader or TopicReader(lexicon)
    vocab: set[str] = set()
    for p in doc.paras:
        vocab.update(p.words)
    starts = reader.starts(vocab)
    for p in doc.paras:
        for n, i in reader.hits(p.words, p.where(starts)):
            counts[n] = counts.get(n, 0) + 1
            ev = evidence.setdefault(n, [])
            if not ev or ev[-1] != p.id:
                ev.append(p.id)
            first.setdefault(n, (p.index, i))
            tid = lexicon.topics[n].id
            ids = by_para.setdefault(p.id, [])
            if tid not in ids:
                ids.append(tid)     # a handful per paragraph
    ranked = sorted(counts, key=lambda n: (-len(evidence[n]), -counts[n], first[n]))
    topics = tuple(TopicFact(id=lexicon.topics[n].id, name=lexicon.topics[n].name,
                             evidence=tuple(evidence[n]), count=counts[n]) for n in ranked)
    return Topics(topics=topics, by_para={k: tuple(v) for k, v in by_para.items()})


def to_model(topics: Topics) -> list[Topic]:
    return [Topic(id=t.id, name=t.name, evidence=list(t.evidence)) for t in topics.topics]
