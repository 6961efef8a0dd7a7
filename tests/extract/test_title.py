"""title.py: title, date and summary."""
from __future__ import annotations

from .conftest import run


def test_front_matter_wins():
    a = run("---\ntitle: Our Title\ndate: 2024-02-01\n---\nHeadline Here\n\nThe minister visited Lima.\n")
    assert a.title == "Our Title" and a.date == "2024-02-01"


def test_headline_line():
    a = run("Prime Minister Visits Hanoi\n\nThe prime minister of Laos visited Hanoi for talks with Vietnam.\n")
    assert a.title == "Prime Minister Visits Hanoi"


def test_title_derived_from_who_visits_where():
    a = run("President Omar Farah of Somalia was received in Addis Ababa by Prime Minister Lemma Bekele of "
            "Ethiopia. The talks covered trade and security between Ethiopia and Somalia.\n")
    assert a.title == "President Farah's Visit to Ethiopia"


def test_summary_is_the_lede_without_the_dateline():
    a = run("Leaders Meet\n\nACCRA, Ghana, June 3, 2023 -- Ghana and Togo opened talks on power. "
            "They met for three hours. A third sentence follows here.\n\nMore text.\n")
    assert a.summary == "Ghana and Togo opened talks on power. They met for three hours."
    assert a.date == "2023-06-03"


def _fake_title(persons, nations):
    from types import SimpleNamespace as NS
    from dossier.extract import title
    from dossier.model import FrontMatter
    structure = NS(headline=None)
    people = NS(people=[NS(name=n, role=r, country=c, delegate=True, visitor=v) for n, r, c, v in persons])
    return title.title(FrontMatter(), structure, people, nations, None)


def test_a_companion_of_the_visitor_does_not_give_the_title():
    from dossier.model import Country
    nations = [Country(name="Quelland", side="host"), Country(name="Orvania", side="guest")]
    got = _fake_title([("Mira Tessel", "wife of the President", "Orvania", True),
                       ("Jon Tessel", "President", "Orvania", False)], nations)
    assert got == "President Tessel's Visit to Quelland"


def test_a_guest_country_named_in_passing_stays_out_of_the_talks_title():
    from dossier.model import Country
    nations = [Country(name="Quelland", side="host", evidence=["p1", "p2", "p3"]),
               Country(name="Orvania", side="guest", evidence=["p1", "p2", "p3", "p4"]),
               Country(name="Brindle", side="guest", evidence=["p4"])]
    assert _fake_title([], nations) == "Orvania – Quelland Talks"
