"""structure.py: headline, headings, numbered items, lead-ins, section kinds, dateline."""
from __future__ import annotations

from dossier import source
from dossier.extract import structure
from dossier.extract._text import prepare

from .conftest import _LEXICON


def layout(text: str, name: str = "s.txt"):
    article = source.parse(text.encode("utf-8"), path=name, name=name)
    doc = prepare(article)
    return doc, structure.analyse(doc, _LEXICON)


TEXT = """\
Minister Visits Lima For Trade Talks

LIMA, Peru, March 3, 2024 – The minister arrived on Monday for two days of talks.

Key Areas of Cooperation

1. Mining and Energy
The sides reviewed copper and lithium projects.
2. Education
Scholarships were discussed.

Agreements Signed

- Fisheries
- Culture

The Road Ahead

Both sides will meet again in May.

Conclusion

It was a productive visit.
"""


def test_headline_dateline_and_date():
    doc, s = layout(TEXT)
    assert s.headline == "Minister Visits Lima For Trade Talks"
    assert s.dateline is not None and s.dateline.parts == ("LIMA", "Peru")
    assert s.date == "2024-03-03"


def test_sections_get_kinds_by_meaning():
    doc, s = layout(TEXT)
    kinds = [(sec.title, sec.kind) for sec in s.sections]
    assert kinds == [("Key Areas of Cooperation", "focus"), ("Agreements Signed", "agreements"),
                     ("The Road Ahead", "outlook"), ("Conclusion", "conclusion")]


def test_numbered_sub_headings_are_items_with_their_text():
    doc, s = layout(TEXT)
    focus = s.sections[0]
    assert [it.title for it in focus.items] == ["Mining and Energy", "Education"]
    assert focus.items[0].text == "The sides reviewed copper and lithium projects."
    short = s.sections[1].items
    assert [it.title for it in short] == ["Fisheries", "Culture"] and all(it.short for it in short)


def test_all_caps_and_label_lead_ins():
    text = ("Fact sheet on the visit\n\nBUILDING STRONGER PORTS: Today the leaders agreed on ports.\n\n"
            "- Port Finance: A new fund opens.\n- Dredging: Work starts soon.\n\n"
            "SUPPORTING FARMERS: The leaders discussed farming.\n")
    doc, s = layout(text)
    assert [sec.title for sec in s.sections] == ["Building Stronger Ports", "Supporting Farmers"]
    assert [it.title for it in s.sections[0].items] == ["Port Finance", "Dredging"]


def test_markdown_headings_and_bold_lines():
    text = ("# Visit to Rome\n\nThe prime minister arrived in Rome.\n\n## Outlook\n\nTalks will continue.\n\n"
            "**Agreements signed**\n\nTwo deals were signed.\n")
    doc, s = layout(text, "m.md")
    assert s.headline == "Visit to Rome"
    assert [(sec.title, sec.kind) for sec in s.sections] == [("Outlook", "outlook"),
                                                             ("Agreements signed", "agreements")]


def test_sign_off_lines():
    doc, s = layout("Joint statement\n\nThe two leaders met in Dili and discussed trade at length.\n\n"
                    "Dili 14 June\n\n14 June 2019\n")
    assert s.signoff == ("p3", "p4")
    assert s.date == "2019-06-14"


MARKDOWN_IN_TXT = """\
# Partnership Notes: Orvania and Quelland

The two premiers met in Tarsk on Friday and agreed to work more closely.

## Priorities

- **Fisheries:** quotas will be shared.
- **Rail:** a new freight link is planned.
"""


def test_a_txt_file_written_in_markdown_is_read_as_markdown():
    doc, s = layout(MARKDOWN_IN_TXT, name="notes.txt")
    assert s.headline == "Partnership Notes: Orvania and Quelland"
    assert doc.paras[2].heading_level == 2
    focus = [sec for sec in s.sections if sec.kind == "focus"]
    assert [it.title for it in focus[0].items] == ["Fisheries", "Rail"]


def test_looks_markdown_needs_a_hash_heading_line():
    from dossier.extract._text import looks_markdown
    assert looks_markdown(["Intro text here.", "## Next Moves"])
    assert not looks_markdown(["#1 priority is trade.", "Plain prose. # not a heading"])
    assert not looks_markdown(["# this is a comment that ends like a sentence."])


SUB_HEADINGS = """\
Premier Dalvik Visits Quelland

The premier held talks in Tarsk with her counterpart over two days.

Main Outcomes

Forestry Research
The sides set up a joint laboratory for timber science.

Coastal Shipping
A ferry line between the two ports was discussed at length.

Looking Ahead

Both sides will meet again next spring.
"""


def test_sub_headings_under_an_empty_heading_take_its_kind():
    doc, s = layout(SUB_HEADINGS)
    kinds = [(sec.title, sec.kind) for sec in s.sections]
    assert kinds == [("Main Outcomes", "focus"), ("Forestry Research", "focus"),
                     ("Coastal Shipping", "focus"), ("Looking Ahead", "outlook")]


def test_more_heading_words_give_section_kinds():
    from dossier.extract.structure import _kind
    assert _kind("Key Deliverables", _LEXICON) == "focus"
    assert _kind("Topics Discussed", _LEXICON) == "focus"
    assert _kind("Going Forward", _LEXICON) == "outlook"
    assert _kind("Follow-up", _LEXICON) == "outlook"
    assert _kind("Final Remarks", _LEXICON) == "conclusion"


def test_a_title_field_line_gives_the_headline():
    doc, s = layout("Title: Premier Dalvik Visits Quelland\n\nThe premier arrived in Tarsk on Monday for talks.\n\n"
                    "More text follows here.\n")
    assert s.headline == "Premier Dalvik Visits Quelland"


def test_roman_numbered_sub_headings_outside_any_heading():
    doc, s = layout("""\
Premier Dalvik Visits Quelland

The premier arrived in Tarsk on Monday for two days of talks with her counterpart.

I. Forestry Research
The sides set up a joint laboratory for timber science.

II. Coastal Shipping
A ferry line between the two ports was discussed.
""")
    titled = [it.title for sec in s.sections for it in sec.items]
    assert titled == ["Forestry Research", "Coastal Shipping"]


def test_a_press_release_line_over_the_headline_is_not_the_headline():
    doc, s = layout("PRESS RELEASE\n\nPremier Dalvik Visits Quelland\n\nThe premier arrived in Tarsk on Monday "
                    "for talks with her counterpart.\n\nMore text follows here.\n")
    assert s.headline == "Premier Dalvik Visits Quelland"


def test_a_byline_and_a_date_stamp_over_the_headline_are_header_lines():
    doc, s = layout("By Ana Orr, Staff Writer\n\nPublished 3 May 2025\n\nPremier Dalvik Visits Quelland\n\n"
                    "The premier arrived in Tarsk on Monday for talks with her counterpart.\n\nMore text here.\n")
    assert s.headline == "Premier Dalvik Visits Quelland"
