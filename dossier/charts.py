"""Charts drawn at build time: this module lays them out, a template draws the SVG.

Layout is arithmetic on plain values (no I/O, no markup), so the template can escape every
label and the chart reads the same without JavaScript. Each chart also carries the sentences
that stand for it (its text alternative), because a picture of numbers is not the numbers.

    figure_chart(figures)                 → BarChart: the key figures, one scale per unit
    meeting_diagram(left, right, links)   → MeetingDiagram: who met whom, host left, guest right
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Figure

WIDTH = 640
_BAR_AREA = 430          # widest bar, in SVG units; the value is written after the bar
_ROW = 36                # height of one bar row (label line + bar)
_GROUP_HEAD = 26
_MAX_BARS = 24
_NODE_W, _NODE_H, _NODE_GAP = 232, 38, 10


def fit(text: str, chars: int) -> str:
    """``text`` cut to ``chars`` characters at a word boundary when it can be, with '…'."""
    text = " ".join(text.split())
    if len(text) <= chars:
        return text
    cut = text[:chars - 1]
    space = len(cut) if text[chars - 1] == " " else cut.rfind(" ")
    return (cut[:space] if space > chars // 2 else cut).rstrip(" ,.;:-") + "…"


# --- key figures ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Bar:
    y: int                  # top of the row
    width: float            # bar length in SVG units
    label: str              # what the figure is about (cut to fit)
    value: str              # the figure as written
    title: str              # full text, shown as a tooltip


@dataclass(frozen=True)
class BarGroup:
    unit: str
    y: int
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    groups: list[BarGroup]
    summary: str            # one sentence: the text alternative


def figure_chart(figures: list[Figure]) -> BarChart | None:
    """Bars for the figures that have an amount, grouped by unit, each group on its own scale."""
    numeric = [f for f in figures if f.amount is not None and f.amount >= 0][:_MAX_BARS]
    if not numeric:
        return None
    units: dict[str, list[Figure]] = {}
    for f in numeric:
        units.setdefault(f.unit or "number", []).append(f)
    groups: list[BarGroup] = []
    y = 4
    for unit, items in units.items():
        top = max(f.amount or 0 for f in items) or 1
        head = y
        y += _GROUP_HEAD
        bars = []
        for f in items:
            width = max(2.0, round(_BAR_AREA * (f.amount or 0) / top, 1))
            about = f.about or "figure"
            bars.append(Bar(y=y, width=width, label=fit(about, 70), value=fit(f.text, 22),
                            title=f"{f.text}: {about}"))
            y += _ROW
        groups.append(BarGroup(unit=unit, y=head, bars=bars))
        y += 8
    count = len(numeric)
    summary = (f"Bar chart of {count} figure{'s' if count != 1 else ''} in "
               f"{len(groups)} unit{'s' if len(groups) != 1 else ''} "
               f"({', '.join(g.unit for g in groups)}); each unit has its own scale. "
               + "; ".join(f"{f.text}: {f.about or 'figure'}" for f in numeric) + ".")
    return BarChart(width=WIDTH, height=y, groups=groups, summary=summary)


# --- who met whom -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Attendee:
    """A person as the diagram needs them."""

    id: str
    name: str
    role: str | None


@dataclass(frozen=True)
class Meeting:
    """Two people of opposite sides who met, and what about (focus area titles)."""

    left: str               # Attendee id, host side
    right: str              # Attendee id, guest side
    about: list[str]


@dataclass(frozen=True)
class Node:
    id: str
    x: int
    y: int
    name: str
    role: str


@dataclass(frozen=True)
class Edge:
    x1: int
    y1: int
    x2: int
    y2: int
    weight: int             # how many focus areas the two share: drawn thicker
    title: str


@dataclass(frozen=True)
class MeetingDiagram:
    width: int
    height: int
    left_label: str
    right_label: str
    nodes: list[Node]
    edges: list[Edge]
    node_width: int
    node_height: int
    meetings: list[Meeting]
    summary: str


def meeting_diagram(left_label: str, right_label: str, people: list[Attendee],
                    meetings: list[Meeting]) -> MeetingDiagram | None:
    """Host-side people on the left, guest-side on the right, a line for each pair that met."""
    if not meetings:
        return None
    by_id = {p.id: p for p in people}
    meetings = [m for m in meetings if m.left in by_id and m.right in by_id]
    if not meetings:
        return None
    left = list(dict.fromkeys(m.left for m in meetings))
    right = list(dict.fromkeys(m.right for m in meetings))
    top = 34
    step = _NODE_H + _NODE_GAP
    place: dict[tuple[str, str], tuple[int, int]] = {}
    nodes: list[Node] = []
    for column, ids, x in (("l", left, 0), ("r", right, WIDTH - _NODE_W)):
        for i, pid in enumerate(ids):
            person = by_id[pid]
            y = top + i * step
            place[(column, pid)] = (x, y)
            nodes.append(Node(id=pid, x=x, y=y, name=fit(person.name, 30),
                              role=fit(person.role or "", 38)))
    edges = []
    for m in meetings:
        lx, ly = place[("l", m.left)]
        rx, ry = place[("r", m.right)]
        edges.append(Edge(x1=lx + _NODE_W, y1=ly + _NODE_H // 2, x2=rx, y2=ry + _NODE_H // 2,
                          weight=min(len(m.about), 4) or 1,
                          title=f"{by_id[m.left].name} and {by_id[m.right].name}: "
                                + ", ".join(m.about)))
    height = top + max(len(left), len(right)) * step
    summary = (f"Diagram of who met whom: {len(meetings)} pair{'s' if len(meetings) != 1 else ''} "
               f"of {left_label} and {right_label} people who share a focus area. "
               + "; ".join(f"{by_id[m.left].name} with {by_id[m.right].name} "
                           f"({', '.join(m.about)})" for m in meetings) + ".")
    return MeetingDiagram(width=WIDTH, height=height, left_label=fit(left_label, 34),
                          right_label=fit(right_label, 34), nodes=nodes, edges=edges,
                          node_width=_NODE_W, node_height=_NODE_H, meetings=meetings,
                          summary=summary)
