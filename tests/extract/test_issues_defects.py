"""issues.py and defects.py."""
from __future__ import annotations

from .conftest import run


def test_issues_from_crises_and_regions_in_conflict_talk():
    a = run("The leaders discussed the war in Sudan and tensions in the South China Sea. They also called "
            "for action on climate change.\n")
    titles = [i.title for i in a.issues]
    assert "War in Sudan" in titles
    assert "Tensions in the South China Sea" in titles
    assert "Climate change" in titles


def test_spliced_text_is_flagged_with_its_duplicate():
    text = ("The king's visit to Oman was warm. Trade was discussed at length by both sides.\n\n"
            "Talks ended with a dinner and music for everyone.s visit to Oman was a success for all.\n")
    a = run(text)
    spliced = [d for d in a.defects if d.kind == "spliced-text"]
    assert len(spliced) == 1
    assert spliced[0].text == "everyone.s visit"
    assert spliced[0].evidence == ["p2"]
    assert "duplicate" in spliced[0].note


def test_abbreviations_and_domains_are_not_splices():
    a = run("See gov.uk and the U.S. figures, e.g. the data at example.com today.\n")
    assert [d for d in a.defects if d.kind == "spliced-text"] == []


def test_mojibake_markup_quotes_and_duplicates():
    text = ("The ministerâ€™s speech was long and covered many topics today.\n\n"
            "He said &quot;yes&quot; to the plan <br> again.\n\n"
            "“We are friends, he said, and will stay friends for a long time.\n\n"
            "The two countries signed three agreements on trade and tourism today.\n\n"
            "The two countries signed three agreements on trade and tourism today.\n\n"
            "The two countries signed three agreements on trade\n")
    kinds = {d.kind: d for d in run(text).defects}
    assert kinds["mojibake"].evidence == ["p1"]
    assert kinds["markup"].evidence == ["p2"]
    assert kinds["unbalanced-quotes"].evidence == ["p3"]
    assert kinds["duplicate"].evidence == ["p4", "p5"]
    assert kinds["truncated-duplicate"].evidence == ["p6", "p4"]
