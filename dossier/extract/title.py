"""Title, date and summary: the front matter's, else the headline and the dateline, else a title
derived from who visits where ("President Varkon's Visit to Veluria"); the summary is the
lede's first sentences."""
from __future__ import annotations

import re

from ..model import Country, FrontMatter
from ._text import Doc, first_sentences, squash
from ._types import PeopleFacts, Structure

_RANK = ("king", "queen", "emperor", "emir", "amir", "sultan", "president", "prime minister", "chancellor",
         "premier", "crown prince", "vice president", "deputy prime minister", "speaker", "foreign minister",
         "minister for foreign affairs", "minister of foreign affairs", "secretary of state", "minister",
         "secretary", "governor", "ambassador")


def title(meta: FrontMatter, structure: Structure, people: PeopleFacts, nations: list[Country],
          doc: Doc) -> str:
    if meta.title:
        return meta.title
    if structure.headline:
        return structure.headline
    host = next((c.name for c in nations if c.side == "host"), None)
    guests = [c.name for c in nations if c.side == "guest"]
    # the highest-ranking guest: one marked as visiting, or one from a guest country
    visitor = _principal([p for p in people.people if p.delegate and (p.visitor or p.country in guests)])
    if visitor is not None and host:
        office = _office(visitor.role or "")
        surname = visitor.name.split()[-1]
        who = f"{office} {surname}" if office else visitor.name
        return f"{who}'s Visit to {host}"
    if host and guests:
        # the guests the text is about: named about as often as the most named one
        top = max(len(c.evidence) for c in nations if c.side == "guest")
        main = [c.name for c in nations if c.side == "guest" and 2 * len(c.evidence) >= top] or guests
        return f"{', '.join(main)} – {host} Talks"
    if len(nations) >= 2:
        return f"{nations[0].name} – {nations[1].name} Talks"
    return _opening_words(doc)


def _opening_words(doc: Doc, limit: int = 12) -> str:
    """Last resort: the article's first words, so every analysis has a title to show."""
    words = squash(doc.paras[0].text).split() if doc.paras else []
    text = " ".join(words[:limit]).rstrip(".,;:")
    return text + " …" if len(words) > limit else text or "Untitled article"


_COMPANION = re.compile(r"\b(?:wife|husband|spouse|first lady|first gentleman|son|daughter|partner)\b", re.I)


def _principal(cands: list):
    """The highest-ranking person; a companion ("wife of the President") ranks last, and of two
    of the same rank the one marked as visiting comes first."""
    best = None
    best_rank: tuple[int, int] = (len(_RANK) + 2, 2)
    for p in cands:
        role = (p.role or "").lower()
        if _COMPANION.search(role):
            rank = len(_RANK) + 1
        else:
            rank = next((i for i, r in enumerate(_RANK) if role == r or role.startswith(r + " ")), len(_RANK))
        k = (rank, 0 if p.visitor else 1)
        if k < best_rank:
            best, best_rank = p, k
    return best


def _office(role: str) -> str:
    low = role.lower()
    for r in _RANK:
        if low == r or low.startswith(r + " "):
            return " ".join(w.capitalize() if w not in ("of", "for") else w for w in r.split())
    return role if len(role.split()) <= 3 else ""


def summary(doc: Doc, structure: Structure) -> str:
    """The lede: the first paragraph of running text, its first sentences, without the dateline."""
    skip = set(structure.front) | set(structure.signoff)
    for p in doc.paras:
        if p.id in skip or structure.roles.get(p.id) in ("heading", "item"):
            continue
        text = p.text[p.body:]
        if structure.dateline is not None and p.id == structure.dateline.pid:
            text = p.text[structure.dateline.end:]
        label = structure.labels.get(p.id)
        if label and structure.roles.get(p.id) == "lead" and ":" in text:
            text = text.split(":", 1)[1]
        text = squash(text)
        if len(text.split()) < 8:
            continue
        out = first_sentences(text, 2, 60)
        return re.sub(r"\s+", " ", out).strip()
    return ""
