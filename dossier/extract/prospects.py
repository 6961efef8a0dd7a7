"""Prospects: the items of an outlook / future prospects / way forward section, else the
forward-looking statements ("will", "agreed to establish", "expected to sign", "looked forward
to"), linked to focus areas by shared topics."""
from __future__ import annotations

import re

from ..model import FocusArea, Prospect
from ._text import Doc, kind_entries, TopicReader, finditer_at, first_sentences, slug, squash, topic_ids, unique_ids, word_offsets
from ._types import Structure, Topics
from .lexicon import Lexicon

_FUTURE = re.compile(r"\b(?:will|shall|(?:are|is|was|were)\s+expected\s+to|(?:are|is)\s+set\s+to|plans?\s+to|"
                     r"planned\s+to|intends?\s+to|agreed\s+to|(?:look|looked|looking)\s+forward\s+to|"
                     r"aims?\s+to|hopes?\s+to|seeks?\s+to|announced\s+plans\s+to|(?:is|are)\s+scheduled\s+to|"
                     r"poised\s+to|committed\s+to|pledged\s+to|vowed\s+to|next\s+step)\b", re.I)
_FUTURE_WORDS = frozenset("""will shall expected set plan plans planned intend intends agreed look looked looking
    aim aims hope hopes seek seeks announced scheduled poised committed pledged vowed next""".split())
# the words a match of _FUTURE starts with
_FUTURE_FIRST = frozenset("""will shall are is was were plan plans planned intend intends agreed look looked looking
    aim aims hope hopes seek seeks announced poised committed pledged vowed next""".split())
_MAX = 6


def find(doc: Doc, structure: Structure, subjects: Topics, focus: list[FocusArea],
         lexicon: Lexicon, reader: TopicReader | None = None) -> list[Prospect]:
    found = kind_entries(doc, structure.sections, "outlook")   # (title, text, evidence)
    if not found:
        skip = {pid for s in structure.sections if s.kind == "agreements" for pid in s.body}
        skip.update(structure.front)
        for p in doc.paras:
            if p.id in skip or structure.roles.get(p.id) in ("heading", "signoff"):
                continue
            if _FUTURE_WORDS.isdisjoint(p.keyset):
                continue
            label = structure.labels.get(p.id) if structure.roles.get(p.id) == "lead" else None
            # the first future phrase of each sentence (a match never crosses the space between two)
            marks = list(finditer_at(_FUTURE, p.text, word_offsets(p, _FUTURE_FIRST)))
            k = 0
            for s, e in p.sents:
                while k < len(marks) and marks[k].start() < s:
                    k += 1
                if k == len(marks) or marks[k].end() > e:
                    continue
                sent = p.text[s:e]
                title = label or _title(p.text[marks[k].end():e])
                if not title:
                    continue
                found.append((title, squash(sent), [p.id]))
                if label:
                    break
        # prefer distinct titles; keep the text order
        seen = set()
        unique = []
        for item in found:
            k = item[0].lower()
            if k not in seen:
                seen.add(k)
                unique.append(item)
        found = unique[:_MAX]

    out: list[Prospect] = []
    reader = reader or TopicReader(lexicon)
    ids = unique_ids(slug(t) for t, _, _ in found)
    for (title, text, evidence), pid in zip(found, ids):
        ts = topic_ids(title + " " + text, lexicon, reader)[:4]
        # the focus areas whose titles share a word of substance with the prospect's title, else
        # those whose main topics hold the prospect's main topic
        mine = _content_words(title)
        fa = [a.id for a in focus if mine & _content_words(a.title)]
        if not fa:
            fa = [a.id for a in focus if set(a.topics[:2]) & set(ts[:1])]
        out.append(Prospect(id=pid, title=title, summary=first_sentences(text, 1, 40), focus_areas=fa,
                            topics=ts, evidence=sorted(set(evidence), key=doc.order)))
    return out


_GENERIC = frozenset("""cooperation collaboration partnership partnerships relations relationship development
    joint bilateral agreement agreements memorandum understanding programme program programmes forum
    between annual first second third new people countries country sides leaders both other more their
    with from into will would also that this these those next year years visit visits further
    economic strategic""".split())


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _content_words(text: str) -> set[str]:
    """The words of substance of a title, lowercased, a plural "s" dropped ("pipelines" → "pipeline")."""
    out = set()
    for w in _LONG_WORD.findall(text.lower()):
        if w in _GENERIC:
            continue
        out.add(w[:-1] if w.endswith("s") and not w.endswith("ss") else w)
    return out


def _title(rest: str) -> str:
    """'sign more than 12 agreements on rail links and ports in …' → a short title."""
    words = re.findall(r"[\w’'$.,%-]+", rest)
    words = [w.rstrip(",.") for w in words[:9]]
    while words and words[0].lower() in ("also", "further", "jointly", "continue", "be", "to", "now"):
        words.pop(0)
    while words and words[-1].lower() in ("the", "a", "an", "of", "to", "and", "in", "for", "on", "with", "by"):
        words.pop()
    if len(words) < 2:
        return ""
    text = " ".join(words)
    return text[:1].upper() + text[1:]
