"""Focus areas: the items of a "focus / areas of cooperation" section, else the article's own
section headings and lead-ins, else the topics it spends most paragraphs on. Each area names
the delegates and topics of its paragraphs."""
from __future__ import annotations

from ..model import FocusArea
from ._text import Doc, kind_entries, section_entries, TopicReader, first_sentences, slug, topic_ids, unique_ids
from ._types import PeopleFacts, Structure, Topics
from .lexicon import Lexicon

_NOT_FOCUS = ("agreements", "outlook", "conclusion", "background")


def find(doc: Doc, structure: Structure, people: PeopleFacts, subjects: Topics,
         lexicon: Lexicon, reader: TopicReader | None = None) -> list[FocusArea]:
    """Focus areas with their delegates, topics and paragraphs."""
    areas = kind_entries(doc, structure.sections, "focus")     # (title, text, evidence)
    if not areas:
        own = [s for s in structure.sections if s.kind not in _NOT_FOCUS]
        if sum(len(s.items) if not s.title else 1 for s in own) >= 2:
            for section in own:
                if not section.title:         # numbered sub-headings outside any heading
                    areas.extend(section_entries(doc, section))
                    continue
                paras = [doc.para(b) for b in section.body if doc.para(b)]
                text = " ".join(p.text[p.body:] for p in paras)
                if section.inline and paras:
                    label = structure.labels.get(paras[0].id, "")
                    first = paras[0].text[paras[0].body:]
                    text = first.split(":", 1)[1] if ":" in first[:len(label) + 3] else first
                    text = " ".join([text] + [p.text[p.body:] for p in paras[1:]])
                evidence = ([section.pid] if section.pid not in section.body else []) + list(section.body)
                areas.append((section.title, text, evidence))
    if not areas:
        for t in subjects.topics[:4]:
            if len(t.evidence) < 2:
                continue
            p = doc.para(t.evidence[0])
            areas.append((t.name, p.text[p.body:] if p else "", list(t.evidence)))

    out: list[FocusArea] = []
    reader = reader or TopicReader(lexicon)
    in_para: dict[str, list[int]] = {}        # paragraph → the delegates named in it
    for j, person in enumerate(people.people):
        if person.delegate:
            for pid in dict.fromkeys(person.evidence):
                in_para.setdefault(pid, []).append(j)
    ids = unique_ids(slug(title) for title, _, _ in areas)
    for (title, text, evidence), fid in zip(areas, ids):
        evidence = sorted(set(evidence), key=doc.order)
        ts = topic_ids(title, lexicon, reader)
        for pid in evidence:
            for t in subjects.by_para.get(pid, ()):
                if t not in ts and len(ts) < 4:
                    ts.append(t)
        delegates = [people.people[j].id for j in sorted({j for pid in evidence for j in in_para.get(pid, ())})]
        out.append(FocusArea(id=fid, title=title, summary=first_sentences(text, 1, 40), delegates=delegates,
                             topics=ts, evidence=evidence))
    return out
