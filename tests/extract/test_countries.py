"""countries.py: mentions by name, alias, demonym and capital; host and guest; who takes part."""
from __future__ import annotations

from dossier.config import LexiconAdditions

from .conftest import run


def sides(text: str, **kw) -> dict[str, str | None]:
    return {c.name: c.side for c in run(text, **kw).countries}


def test_visit_to_makes_the_host():
    assert sides("Prime Minister Ana Silva of Portugal paid an official visit to Morocco. "
                 "Moroccan officials welcomed the Portuguese delegation.\n") == \
        {"Morocco": "host", "Portugal": "guest"}


def test_arrival_in_a_capital_names_the_host():
    text = "The Thai foreign minister landed in Hanoi on Sunday. Thailand and Vietnam discussed rice exports.\n"
    assert sides(text) == {"Vietnam": "host", "Thailand": "guest"}


def test_aliases_and_demonyms():
    text = ("U.S. Secretary of State Mary Jones held talks in London. Britain and the US discussed "
            "trade; American and British officials attended.\n")
    got = sides(text)
    assert set(got) == {"United Kingdom", "United States"}
    assert got["United Kingdom"] == "host"


def test_a_country_named_once_in_passing_is_not_a_participant():
    text = ("President Li Wen of China began a state visit to Kenya. Chinese and Kenyan ministers met.\n\n"
            "Kenya and China discussed a railway that once ran toward Uganda.\n")
    assert set(sides(text)) == {"Kenya", "China"}


def test_capital_standing_for_a_government_counts():
    text = "Seoul said Tokyo would reply soon. Japan and South Korea agreed to meet again.\n"
    assert set(sides(text)) >= {"Japan", "South Korea"}


def test_front_matter_countries_are_kept():
    text = "---\ncountries: [Fiji, Tonga]\n---\nThe two leaders met on Monday.\n"
    assert set(sides(text)) == {"Fiji", "Tonga"}


def test_additions_bring_new_names():
    extra = LexiconAdditions(countries=(("Freedonia", "Freedonia"), ("Freedonian", "Freedonia")))
    text = "The Freedonian president made a state visit to Austria. Freedonia and Austria signed nothing.\n"
    assert sides(text, additions=extra) == {"Austria": "host", "Freedonia": "guest"}


def test_a_currency_sign_after_a_country_name_is_not_the_country():
    got = sides("Prime Minister Tomas Berg of Norway paid a visit to Chile. Deals worth US$ 2 billion "
                "and NZ$ 40 million were signed in Santiago.\n")
    assert set(got) == {"Chile", "Norway"}


def test_a_capital_after_in_near_a_host_verb_names_the_host_when_the_country_is_not_named():
    got = sides("Otieno receives Malian President in Nairobi\n\nPresident Paul Otieno on Friday received his "
                "Malian counterpart, President Amadou Traore, at State House in Nairobi.\n")
    assert got == {"Kenya": "host", "Mali": "guest"}
