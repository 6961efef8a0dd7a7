"""focus.py and prospects.py: from sections when the text has them, derived otherwise."""
from __future__ import annotations

from .conftest import run

TEXT = """\
Premier visits Wellington

The premier arrived on Monday.

Priority Areas

1. Dairy Trade
Prime Minister Ruth Kane and Premier Li Ming discussed dairy exports.
2. Tourism
More flights for tourists were discussed.

Future Outlook

1. Stronger Trade
Dairy exports will grow.
2. More Visitors
Tourism will benefit from new flights.
"""


def test_focus_areas_from_a_focus_section():
    a = run(TEXT)
    assert [f.title for f in a.focus_areas] == ["Dairy Trade", "Tourism"]
    dairy = a.focus_areas[0]
    assert dairy.id == "dairy-trade"
    assert set(dairy.delegates) == {"ruth-kane", "li-ming"}
    assert dairy.topics[0] == "trade"
    assert dairy.evidence == ["p4", "p5"]


def test_prospects_from_an_outlook_section_link_to_focus_areas():
    a = run(TEXT)
    assert [p.title for p in a.prospects] == ["Stronger Trade", "More Visitors"]
    assert a.prospects[0].focus_areas == ["dairy-trade"]
    assert a.prospects[1].focus_areas == ["tourism"]


def test_without_sections_focus_comes_from_topics_and_prospects_from_plans():
    a = run("Austria and Hungary discussed energy and gas pipelines.\n\n"
            "They also discussed energy prices and rail links.\n\n"
            "The two sides agreed to establish a joint energy council.\n")
    assert "Energy" in [f.title for f in a.focus_areas]
    assert [p.title for p in a.prospects] == ["Establish a joint energy council"]
    assert a.prospects[0].evidence == ["p3"]


def test_sub_headings_of_an_outcomes_heading_are_the_focus_areas():
    a = run("""\
Premier Dalvik Visits Quelland

The premier held talks in Tarsk with her counterpart over two days.

Main Outcomes

Forestry Research
The sides set up a joint laboratory for timber science.

Coastal Shipping
A ferry line between the two ports was discussed at length.
""")
    assert [f.title for f in a.focus_areas] == ["Forestry Research", "Coastal Shipping"]


def test_plain_list_entries_of_an_outlook_section_are_the_prospects():
    a = run("""\
Premier Dalvik Visits Quelland

The premier held talks in Tarsk with her counterpart over two days.

The Way Forward

The leaders agreed on these steps:
- A joint survey of the northern fishing grounds in the coming season
- Visa-free travel for students
- Quarterly meetings of the two trade ministers, starting in Tarsk
""")
    assert [p.title for p in a.prospects] == [
        "A joint survey of the northern fishing grounds in the coming season",
        "Visa-free travel for students",
        "Quarterly meetings of the two trade ministers, starting in Tarsk"]


def test_markdown_sub_headings_under_a_focus_heading_with_an_intro():
    a = run("""\
# Premier Dalvik in Quelland

The premier held talks in Tarsk with her counterpart over two days.

## Areas of Cooperation

The two sides agreed to work together in three fields.

### Forestry Research

A joint laboratory for timber science will open.

### Coastal Shipping

A ferry line between the two ports was discussed.

## Reactions

Business groups welcomed the visit.
""", name="visit.md")
    assert [f.title for f in a.focus_areas] == ["Forestry Research", "Coastal Shipping"]


def test_plain_sub_headings_after_a_line_that_introduces_them():
    a = run("""\
Premier Dalvik Visits Quelland

The premier held talks in Tarsk with her counterpart over two days.

Next Steps

The ministers set out what comes next:

Joint Fisheries Board
A board will meet twice a year to set catch limits.

Student Exchanges
Two hundred places a year will open for students.
""")
    assert [p.title for p in a.prospects] == ["Joint Fisheries Board", "Student Exchanges"]


def test_numbered_sub_headings_outside_any_heading_are_focus_areas():
    a = run("""\
Premier Dalvik Visits Quelland

The premier arrived in Tarsk on Monday for two days of talks with her counterpart.

1. Forestry Research
The sides set up a joint laboratory for timber science.

2. Coastal Shipping
A ferry line between the two ports was discussed.
""")
    assert [f.title for f in a.focus_areas] == ["Forestry Research", "Coastal Shipping"]


def test_a_prospect_links_to_the_focus_area_whose_title_shares_a_word():
    a = run("""\
Premier Dalvik Visits Quelland

The premier arrived in Tarsk on Monday for two days of talks with her counterpart.

Areas of Cooperation

- Glacier Monitoring: scientists will share data from mountain stations.
- Trade and Investment: exporters asked for lower tariffs.

Next Steps

- Glacier survey: a joint survey team will set out in spring.
""")
    assert [p.focus_areas for p in a.prospects] == [["glacier-monitoring"]]


def test_a_list_introduced_by_a_line_about_areas_gives_focus_areas():
    a = run("""\
Premier Dalvik Visits Quelland

The premier arrived in Tarsk on Monday for two days of talks with her counterpart.

The two leaders agreed to deepen ties in the following areas:
- Forestry research
- Coastal shipping
- Student exchanges

Later that day the premier toured the old harbour with local officials.

The ministers set out the next steps:
- A fisheries board to meet twice a year
- A ferry line to open by summer
""")
    assert [f.title for f in a.focus_areas] == ["Forestry research", "Coastal shipping", "Student exchanges"]
    assert [p.title for p in a.prospects] == ["A fisheries board to meet twice a year", "A ferry line to open by summer"]


def test_list_entries_with_a_dash_lead_in():
    a = run("""\
Premier Dalvik Visits Quelland

The premier arrived in Tarsk on Monday for two days of talks with her counterpart.

Way Forward

- Fisheries Board – a board will meet twice a year to set catch limits.
- Student Exchanges – two hundred places a year will open for students.
""")
    assert [p.title for p in a.prospects] == ["Fisheries Board", "Student Exchanges"]


def test_a_question_heading_about_what_comes_next():
    a = run("""\
Premier Dalvik Visits Quelland

The premier arrived in Tarsk on Monday for two days of talks with her counterpart.

What lies ahead?

- A fisheries board to meet twice a year
- A ferry line to open by summer
""")
    assert [p.title for p in a.prospects] == ["A fisheries board to meet twice a year", "A ferry line to open by summer"]
