"""charts.py: the arithmetic of the SVG charts, and the sentences that stand for them."""
from __future__ import annotations

from dossier import charts
from dossier.charts import Attendee, Meeting, figure_chart, fit, meeting_diagram
from dossier.model import Figure


def test_fit_cuts_at_a_word_boundary_with_an_ellipsis():
    assert fit("Short enough", 20) == "Short enough"
    assert fit("Minister of Climate and Energy Affairs", 24) == "Minister of Climate and…"
    assert fit("  spaced \n  out  ", 20) == "spaced out"
    assert len(fit("x" * 50, 10)) == 10


def test_no_chart_without_amounts():
    assert figure_chart([]) is None
    assert figure_chart([Figure(text="several", amount=None)]) is None


def test_figures_are_grouped_by_unit_each_on_its_own_scale():
    chart = figure_chart([
        Figure(text="$17 million", amount=17e6, unit="USD", about="agreements"),
        Figure(text="68-member", amount=68, unit="people", about="delegation"),
        Figure(text="$50 million", amount=50e6, unit="USD", about="trade in 2023"),
        Figure(text="some", amount=None, unit="USD"),
    ])
    assert [g.unit for g in chart.groups] == ["USD", "people"]
    usd, people = chart.groups
    assert [b.value for b in usd.bars] == ["$17 million", "$50 million"]
    assert usd.bars[1].width == max(b.width for g in chart.groups for b in g.bars)
    assert usd.bars[0].width == round(usd.bars[1].width * 17 / 50, 1)
    assert people.bars[0].width == usd.bars[1].width   # its own scale: the largest is full
    assert chart.height > people.bars[-1].y
    assert "$17 million: agreements" in chart.summary and "68-member" in chart.summary


def test_tiny_and_zero_amounts_still_show_a_sliver():
    chart = figure_chart([Figure(text="1", amount=1, unit="x"), Figure(text="0", amount=0, unit="x"),
                          Figure(text="1000", amount=1000, unit="x")])
    assert min(b.width for b in chart.groups[0].bars) == 2.0


def test_meeting_diagram_puts_hosts_left_guests_right_and_joins_pairs():
    people = [Attendee("a", "Ann Host", "Prime Minister"), Attendee("b", "Bo Host", None),
              Attendee("c", "Cy Guest", "President")]
    diagram = meeting_diagram("Arvenia", "Belmora", people, [
        Meeting("a", "c", ["Trade", "Energy"]), Meeting("b", "c", ["Rail"]),
        Meeting("a", "nobody", ["Lost"])])
    lefts = {n.id: n for n in diagram.nodes if n.x == 0}
    rights = {n.id: n for n in diagram.nodes if n.x == charts.WIDTH - diagram.node_width}
    assert set(lefts) == {"a", "b"} and set(rights) == {"c"}
    assert len(diagram.edges) == 2 and diagram.edges[0].weight == 2
    edge = diagram.edges[0]
    assert (edge.x1, edge.x2) == (diagram.node_width, charts.WIDTH - diagram.node_width)
    assert edge.y1 == lefts["a"].y + diagram.node_height // 2
    assert "Ann Host and Cy Guest: Trade, Energy" == edge.title
    assert "Lost" not in diagram.summary and "Bo Host with Cy Guest (Rail)" in diagram.summary
    assert diagram.height >= max(n.y for n in diagram.nodes) + diagram.node_height


def test_no_diagram_without_pairs():
    assert meeting_diagram("A", "B", [Attendee("a", "A", None)], []) is None
    assert meeting_diagram("A", "B", [], [Meeting("x", "y", ["T"])]) is None
