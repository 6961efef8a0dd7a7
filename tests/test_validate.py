"""References between sections, unique ids, known sides, and evidence that exists."""
from __future__ import annotations

from dossier import source, store, validate

from .test_store import rich


def article_with(n: int):
    return source.parse("\n\n".join(f"Paragraph {i}." for i in range(1, n + 1)).encode(),
                        path="a.txt", name="a.txt")


def test_a_sound_analysis_has_no_problems():
    assert validate.check(rich(), article_with(5), path="a.yaml") == []


def test_broken_references_ids_sides_and_evidence_are_all_reported():
    analysis = rich()
    analysis.focus_areas[0].delegates.append("nobody")
    analysis.mous[0].focus_areas = ["trade"]
    analysis.delegates[0].side = "visitor"
    analysis.people[0].id = "ana-ruiz"
    analysis.figures[0].evidence = ["p9"]
    analysis.date = "2024-13-01"
    text = store.dump(analysis, extractor="x")
    stored = store.parse(text, path="a.yaml")
    problems = validate.check(stored.analysis, article_with(5), path="a.yaml", lines=stored.lines)
    lines = text.splitlines()

    def line_of(fragment: str, after: str = "") -> int:
        start = lines.index(after) if after else 0
        return next(n for n, line in enumerate(lines[start:], start=start + 1) if fragment in line)

    assert [str(p) for p in problems] == [
        f"a.yaml:{line_of('id: ana-ruiz', 'people:')}: key 'people[0].id': id 'ana-ruiz' is used "
        "twice (also at delegates[0]); give each person one entry",
        f"a.yaml:{line_of('delegates: [ana-ruiz, nobody]')}: key 'focus_areas[0].delegates[1]': "
        "'nobody' is not the id of any delegate or person (known: ana-ruiz)",
        f"a.yaml:{line_of('focus_areas: [trade]')}: key 'mous[0].focus_areas[0]': 'trade' is not "
        "the id of any focus area (known: fisheries)",
        f"a.yaml:{line_of('side: visitor')}: key 'delegates[0].side': side must be host, guest or "
        "null, found 'visitor'",
        f"a.yaml:{line_of('date: 2024-13-01')}: key 'date': expected a date written YYYY-MM-DD, "
        "found '2024-13-01'",
        f"a.yaml:{line_of('evidence: [p9]')}: key 'figures[0].evidence[0]': 'p9' is not a "
        "paragraph of the article (it has p1 to p5)",
    ]
