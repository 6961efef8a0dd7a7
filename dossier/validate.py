"""Analysis → problems: what the schema's types cannot say (store.parse checks those).

References between sections must resolve (a focus area naming a delegate id that does not
exist), ids must be unique, evidence must name paragraphs the article has, sides and kinds
must be known words. Every problem names the file, the line and the key.
"""
from __future__ import annotations

import datetime
from pathlib import Path

from .errors import SchemaError
from .model import SIDES, Analysis, Article

Lines = dict[tuple[str | int, ...], int]


def check(analysis: Analysis, article: Article | None, *, path: Path | str,
          lines: Lines | None = None) -> list[SchemaError]:
    """Every problem in one analysis; an empty list when it is sound."""
    lines = lines or {}
    problems: list[SchemaError] = []

    def line(at: tuple[str | int, ...]) -> int | None:
        while at:
            if at in lines:
                return lines[at]
            at = at[:-1]
        return None

    def problem(at: tuple[str | int, ...], message: str) -> None:
        problems.append(SchemaError(message, path=path, line=line(at), key=_key(at) or None))

    if not analysis.title.strip():
        problem(("title",), "the title is empty; write a title")

    people = {p.id for p in analysis.delegates} | {p.id for p in analysis.people}
    topics = {t.id for t in analysis.topics}
    focus = {f.id for f in analysis.focus_areas}
    sections = {"delegates": analysis.delegates, "people": analysis.people,
                "topics": analysis.topics, "focus_areas": analysis.focus_areas,
                "mous": analysis.mous, "prospects": analysis.prospects}

    seen: dict[str, tuple[str | int, ...]] = {}
    for name in ("delegates", "people"):
        for i, person in enumerate(sections[name]):
            if person.id in seen:
                problem((name, i, "id"), f"id '{person.id}' is used twice (also at "
                                         f"{_key(seen[person.id])}); give each person one entry")
            seen[person.id] = (name, i)
    for name in ("topics", "focus_areas", "mous", "prospects"):
        ids: set[str] = set()
        for i, item in enumerate(sections[name]):
            if item.id in ids:
                problem((name, i, "id"), f"id '{item.id}' is used twice in {name}; ids must differ")
            ids.add(item.id)
            if not item.id.strip():
                problem((name, i, "id"), "the id is empty; write a short lowercase id")

    def refs(name: str, field: str, known: set[str], what: str) -> None:
        for i, item in enumerate(sections[name]):
            for j, ref in enumerate(getattr(item, field)):
                if ref not in known:
                    choices = ", ".join(sorted(known)) or "none defined"
                    problem((name, i, field, j),
                            f"'{ref}' is not the id of any {what} (known: {choices})")

    refs("focus_areas", "delegates", people, "delegate or person")
    refs("focus_areas", "topics", topics, "topic")
    refs("mous", "focus_areas", focus, "focus area")
    refs("mous", "topics", topics, "topic")
    refs("prospects", "focus_areas", focus, "focus area")
    refs("prospects", "topics", topics, "topic")

    for name in ("delegates", "people"):
        for i, person in enumerate(sections[name]):
            if person.side is not None and person.side not in SIDES:
                problem((name, i, "side"), f"side must be host, guest or null, found '{person.side}'")
    for i, country in enumerate(analysis.countries):
        if country.side is not None and country.side not in SIDES:
            problem(("countries", i, "side"), f"side must be host, guest or null, found '{country.side}'")

    if analysis.date is not None and not _iso_date(analysis.date):
        problem(("date",), f"expected a date written YYYY-MM-DD, found '{analysis.date}'")

    if article is not None:
        count = len(article.paragraphs)
        for at, evidence in _evidence(analysis):
            for j, pid in enumerate(evidence):
                if article.paragraph(pid) is None:
                    problem((*at, "evidence", j), f"'{pid}' is not a paragraph of the article "
                                                  f"(it has p1 to p{count})")
    return problems


def _key(at: tuple[str | int, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(at))


def _iso_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _evidence(analysis: Analysis):
    """(key path, evidence list) of every item that carries evidence."""
    for name in ("countries", "delegates", "people", "topics", "focus_areas", "mous",
                 "prospects", "figures", "places", "issues", "defects"):
        for i, item in enumerate(getattr(analysis, name)):
            yield (name, i), item.evidence
    if analysis.mou_count is not None:
        yield ("mou_count",), analysis.mou_count.evidence
