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
