"""agreements.py: only what was signed; counts apart; values only when tied to the agreement."""
from __future__ import annotations

from .conftest import run


def titles(text: str) -> list[str]:
    return [m.title for m in run(text).mous]


def test_signed_sentence_with_purpose_names_the_parties():
    a = run("Chile and Peru signed a memorandum of understanding to establish a joint border commission.\n")
    assert len(a.mous) == 1
    m = a.mous[0]
    assert m.parties == ["Chile", "Peru"]
    assert m.title == "Chile – Peru memorandum of understanding on a joint border commission"
    assert m.evidence == ["p1"]


def test_named_agreement_keeps_its_name():
    a = run("Ministers from Norway and Iceland inked the Arctic Fisheries Accord on Monday.\n")
    assert titles("Ministers from Norway and Iceland inked the Arctic Fisheries Accord on Monday.\n") == \
        ["Arctic Fisheries Accord"]
    assert a.mous[0].value is None


def test_plans_and_laws_are_not_agreements():
    text = ("The two sides are expected to sign more than 10 memorandums next week.\n\n"
            "Ghana and Togo agreed to establish a trade commission.\n\n"
            "The leaders will sign a defence pact in June.\n\n"
            "The president signed the customs bill into law on Monday.\n")
    a = run(text)
    assert a.mous == []
    assert a.mou_count is None
    assert a.prospects, "plans are kept as prospects"


def test_subject_area_list_after_a_signing_heading():
    text = ("Kenya and Uganda ties\n\nThe agreements were signed on:\n\n- Energy\n- Tourism promotion\n"
            "- Water resources\n")
    assert titles(text) == ["MoU on Energy", "MoU on Tourism promotion", "MoU on Water resources"]


def test_inline_area_list_and_stated_count():
    a = run("Ghana signed five MoUs with Liberia. The two countries also signed cooperation agreements in "
            "fisheries, road safety, health and higher education.\n")
    assert [m.title for m in a.mous] == ["MoU on fisheries", "MoU on road safety", "MoU on health",
                                         "MoU on higher education"]
    assert a.mou_count is not None and a.mou_count.stated == 5 and a.mou_count.text == "five MoUs"


def test_enumeration_of_mous_after_a_signing():
    text = ("The ministers presided over the signing of 3 memoranda in Accra.\n\n"
            "They include an MoU on Culture, an MoU on Sports and Youth, and an MoU on Aviation.\n")
    assert titles(text) == ["MoU on Culture", "MoU on Sports and Youth", "MoU on Aviation"]


def test_value_attached_only_when_tied():
    a = run("Agreements worth $40 million were signed at the investment forum.\n\n"
            "Bilateral trade reached $900 million last year.\n")
    assert len(a.mous) <= 1
    text = ("Ghana and Togo sign deals\n\nAgreements signed\n\n1. Power Sector Support:\nAgreements worth $40 million were signed at the "
            "forum.\n2. Port Upgrades:\nA plan for the harbour, which handles $900 million of cargo.\n")
    a = run(text)
    assert [m.title for m in a.mous] == ["Power Sector Support", "Port Upgrades"]
    assert a.mous[0].value is not None and a.mous[0].value.amount == 40e6
    assert a.mous[1].value is None


def test_organisations_as_parties():
    a = run("- Acme Power and the National Grid Company signed an MOU to develop solar farms in the north.\n")
    assert a.mous[0].parties == ["Acme Power", "National Grid Company"]
    assert a.mous[0].title.startswith("Acme Power – National Grid Company MOU on solar farms")


def test_mous_link_to_focus_areas_by_topic():
    text = ("Minister visits Lima\n\nFocus Areas\n\n1. Energy Cooperation\nThe ministers discussed oil, gas and solar power.\n"
            "2. Education\nUniversities will exchange students.\n\nAgreements Signed\n\n"
            "1. Renewable Energy:\nAn MoU on solar power plants.\n")
    a = run(text)
    assert [f.title for f in a.focus_areas] == ["Energy Cooperation", "Education"]
    assert a.mous[0].focus_areas == ["energy-cooperation"]
    assert "energy" in a.mous[0].topics


def test_the_two_sides_are_the_countries_of_the_visit():
    a = run("President Ana Rivas of Panama paid a state visit to Peru. The two sides signed an agreement "
            "on fisheries, as officials looked on.\n")
    assert len(a.mous) == 1
    assert a.mous[0].parties == ["Peru", "Panama"]
    assert a.mous[0].title == "Peru – Panama agreement on fisheries"
