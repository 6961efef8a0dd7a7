"""figures.py: money, counts, quantities, percentages, visit lengths — and what is not a figure."""
from __future__ import annotations

import pytest

from .conftest import run


def figures(text: str) -> dict[str, tuple[float | None, str | None]]:
    a = run(text + "\n")
    return {f.text: (f.amount, f.unit) for f in a.figures}


@pytest.mark.parametrize("text, shown, amount, unit", [
    ("The fund is worth $600-billion over time.", "$600-billion", 600e9, "USD"),
    ("Trade reached $71bn last year.", "$71bn", 71e9, "USD"),
    ("A loan of US $ 10 billion was approved.", "US $ 10 billion", 10e9, "USD"),
    ("Exports of USD 30 billion are planned.", "USD 30 billion", 30e9, "USD"),
    ("The scheme costs Rs 5 crore a year.", "Rs 5 crore", 5e7, "PKR"),
    ("A grant of €2.3 million was announced.", "€2.3 million", 2.3e6, "EUR"),
    ("Two-way trade grew to $A6.4 billion.", "$A6.4 billion", 6.4e9, "AUD"),
    ("Investors pledged 10 billion dollars for roads.", "10 billion dollars", 10e9, "USD"),
    ("The plant received £450,000 from donors.", "£450,000", 450000, "GBP"),
])
def test_money(text, shown, amount, unit):
    assert figures(text)[shown] == (amount, unit)


@pytest.mark.parametrize("text, shown, amount, unit", [
    ("A 45-member delegation flew in first.", "45-member", 45, "people"),
    ("The ministers signed seven MOUs on Friday.", "seven MOUs", 7, "MOUs"),
    ("More than 300 companies joined the forum.", "More than 300 companies", 300, "companies"),
    ("The deal covers up to 12 new frigates.", "up to 12 new frigates", 12, "frigates"),
    ("Some 14 Caribbean leaders attended.", "Some 14 Caribbean leaders", 14, "leaders"),
    ("They shipped 250,000 tonnes of wheat.", "250,000 tonnes", 250000, "tons"),
    ("Tariffs fell by 15 per cent overall.", "15 per cent", 15, "percent"),
    ("Between 30 to 40 percent of the cost is covered.", "30 to 40 percent", 30, "percent"),
    ("Output rose 8% in May.", "8%", 8, "percent"),
    ("He began a four-day state visit on Tuesday.", "four-day", 4, "days"),
    ("Over a dozen agreements were reviewed.", "Over a dozen agreements", 12, None),
])
def test_counts_quantities_percentages_durations(text, shown, amount, unit):
    got = figures(text)
    assert shown in got, got
    assert got[shown][0] == amount
    if unit is not None:
        assert got[shown][1] == unit


@pytest.mark.parametrize("text", [
    "The talks were held on 12 March 2024 in the capital.",
    "The treaty of 1998 was recalled on June 5, 2023.",
    "They marked the 75th anniversary of ties.",
    "It was the first such visit in 11 years.",
    "Work will finish over the next six months.",
    "The two leaders praised their two countries.",
    "Resolution 4410 and the G20 summit were discussed, as was Velm 2.",
])
def test_not_figures(text):
    assert figures(text) == {}


def test_repeated_figure_is_one_item_with_all_paragraphs():
    a = run("Deals worth $5 million were signed.\n\nThe $5 million package helps farmers.\n")
    five = [f for f in a.figures if f.amount == 5e6]
    assert len(five) == 1 and five[0].evidence == ["p1", "p2"]


def test_about_says_what_is_counted():
    a = run("A 30-member trade delegation landed in Dakar.\n")
    assert a.figures[0].about == "trade delegation"
    a = run("The president began a two-day official visit to Accra.\n")
    assert a.figures[0].about == "length of the official visit"


@pytest.mark.parametrize("text, shown, amount, unit", [
    ("Exports to Lesotho were worth about R45 billion.", "about R45 billion", 45e9, "ZAR"),
    ("Togo pledged CFA 15 billion to the fund.", "CFA 15 billion", 15e9, "XOF"),
    ("Lagos budgeted N3 billion for the fair.", "N3 billion", 3e9, "NGN"),
    ("The tender was worth GHS 40 million.", "GHS 40 million", 40e6, "GHS"),
])
def test_more_currencies(text, shown, amount, unit):
    assert figures(text)[shown] == (amount, unit)


@pytest.mark.parametrize("text, shown, amount, unit", [
    ("They will build a 300-megawatt solar park.", "300-megawatt", 300, "MW"),
    ("The 2,400-kilometre pipeline crosses three states.", "2,400-kilometre", 2400, "km"),
    ("A 90-metre jetty was opened.", "90-metre", 90, "m"),
])
def test_hyphenated_units(text, shown, amount, unit):
    assert figures(text)[shown] == (amount, unit)


@pytest.mark.parametrize("text, shown, amount", [
    ("Laos, with a population of about 7.5 million, joined later.", "about 7.5 million", 7.5e6),
    ("Quotas rose from 2,000 to 2,500 a season.", "2,000", 2000),
    ("Quotas rose from 2,000 to 2,500 a season.", "2,500", 2500),
    ("Arrivals fell to fewer than 40 a week.", "fewer than 40", 40),
])
def test_numbers_that_stand_alone(text, shown, amount):
    assert figures(text)[shown][0] == amount


def test_bare_small_numbers_and_years_stay_out():
    got = figures("In 2019 the 2 rivers met near kilometre 40 of Route 9.")
    assert "2019" not in got and "40" not in got and "9" not in got


def test_counts_with_joined_modifiers_and_acronym_plurals():
    got = figures("Over 250 Chilean and Peruvian firms came, and three MoUs were signed.")
    assert got["Over 250 Chilean and Peruvian firms"] == (250, "firms")
    assert got["three MoUs"][0] == 3


def test_two_countries_as_members_is_not_a_figure():
    assert "two founding members" not in figures("Peru and Chile, two founding members of the bloc, met.")


def test_a_headline_count_told_again_in_the_text_is_one_figure():
    a = run("Chile and Peru sign six pacts\n\nSix agreements were signed in Lima on Monday.\n")
    assert [f.text for f in a.figures] == ["Six agreements"]


def test_a_weak_qualifier_does_not_make_a_lone_number_a_figure():
    assert "under 5" not in figures("The clinic treats children under 5 free of charge.")


def test_plurals_in_men_are_counted_nouns():
    assert figures("Some 300 fishermen joined the protest.")["Some 300 fishermen"] == (300, "fishermen")


def test_half_a_dozen_and_round_the_clock():
    got = figures("In Lima half a dozen firms offer 24/7 services.")
    assert got["half a dozen firms"][0] == 6
    assert not any(k.startswith("7") for k in got)


def test_a_headline_sum_told_again_in_the_text_is_one_figure():
    a = run("Peru lands $9 billion in deals\n\nFirms signed deals worth over $9 billion in Lima on Monday.\n")
    assert [f.text for f in a.figures] == ["over $9 billion"]


def test_a_joined_number_is_not_a_lone_figure():
    assert not figures("They toured the 2,000-year-old city walls.")


def test_a_one_letter_currency_needs_an_amount_shape():
    got = figures("Nurses wore N95 masks on the R2 road, and the fair cost N2.5 million.")
    assert "N95" not in got and "R2" not in got
    assert got["N2.5 million"] == (2.5e6, "NGN")
