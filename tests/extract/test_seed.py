"""The seed article, item by item, as a careful reader extracts it."""
from __future__ import annotations

from pathlib import Path

import pytest

from dossier import extract, source

from .conftest import _LEXICON


SEED = Path(__file__).resolve().parents[2] / "content" / "articles" / "lukashenko-visit-pakistan.txt"


@pytest.fixture(scope="module")
def seed():
    article = source.read(SEED, max_bytes=1 << 20)
    return extract.extract(article, _LEXICON)


PEOPLE = [
    ("Lukashenko", "President", "Belarus", "guest"),
    ("Shehbaz Sharif", "Prime Minister", "Pakistan", "host"),
    ("Ishaq Dar", "Deputy Prime Minister and Foreign Minister", "Pakistan", "host"),
    ("Mohsin Naqvi", "Interior Minister", "Pakistan", "host"),
    ("Ataullah Tarar", "Information Minister", "Pakistan", "host"),
    ("Aliaksandr Yafimua", "Minister for Industries", "Belarus", "guest"),
    ("Rana Tanveer Hussain", "Minister for Industries", "Pakistan", "host"),
    ("Alexei Lyakhnovich", "Transport Minister", "Belarus", "guest"),
    ("Abdul Aleem Khan", "Minister for Privatisation, Investment, and Communication", "Pakistan", "host"),
    ("Maxim Ryzhenkov", "Foreign Minister", "Belarus", "guest"),
]


def test_the_ten_delegates_with_role_country_and_side(seed):
    got = {p.name: (p.role, p.country, p.side) for p in seed.delegates}
    assert len(seed.delegates) == 10 and seed.people == []
    for name, role, country, side in PEOPLE:
        assert got[name] == (role, country, side), name


def test_coreference_evidence(seed):
    by = {p.name: p for p in seed.delegates}
    # "Prime Minister Sharif" (p6) is Shehbaz Sharif; "Minister Khan" (p10) is Abdul Aleem Khan
    assert by["Shehbaz Sharif"].evidence == ["p1", "p6"]
    assert by["Abdul Aleem Khan"].evidence == ["p10"]
    # "The Belarusian president" (p2) and "President Lukashenko’s visit" (p37)
    assert by["Lukashenko"].evidence == ["p1", "p2", "p6", "p37"]
    assert by["Ishaq Dar"].evidence == ["p1", "p23"]
    assert by["Lukashenko"].id == "lukashenko"


def test_countries(seed):
    assert [(c.name, c.side) for c in seed.countries] == [("Pakistan", "host"), ("Belarus", "guest")]


def test_three_focus_areas(seed):
    assert [f.title for f in seed.focus_areas] == ["Trade and Investment",
                                                   "Industrial and Agricultural Cooperation",
                                                   "Transportation and Connectivity"]
    trade = seed.focus_areas[0]
    assert set(trade.delegates) == {"lukashenko", "shehbaz-sharif"}
    assert trade.evidence == ["p5", "p6"]


def test_four_mous_with_the_value_on_the_first(seed):
    assert [m.title for m in seed.mous] == ["Trade and Business Developments", "Industrial Cooperation",
                                            "Agricultural Partnership", "Transport and Connectivity"]
    first = seed.mous[0]
    assert first.value is not None
    assert (first.value.text, first.value.amount, first.value.currency) == ("$17 million", 17e6, "USD")
    assert all(m.value is None for m in seed.mous[1:])
    assert first.focus_areas == ["trade-and-investment"]
    assert seed.mous[3].focus_areas == ["transportation-and-connectivity"]
    assert seed.mou_count is None


def test_five_prospects(seed):
    assert [p.title for p in seed.prospects] == ["Economic Growth", "Enhanced Connectivity",
                                                 "Industrial and Technological Advancement",
                                                 "Agricultural Development", "Regional Stability"]
    assert seed.prospects[1].focus_areas == ["transportation-and-connectivity"]


def test_figures(seed):
    got = {f.text: (f.amount, f.unit, f.evidence) for f in seed.figures}
    assert got["$17 million"] == (17e6, "USD", ["p2", "p14"])
    assert got["approximately $50 million"][:2] == (50e6, "USD")
    assert got["68-member"][:2] == (68, "people")
    assert got["three-day"][:2] == (3, "days")
    assert len(got) == 4


def test_places(seed):
    names = [p.name for p in seed.places]
    assert names == ["Nur Khan Airbase", "Islamabad", "Moscow", "Central Asia", "Karakoram Highway",
                     "China-Pakistan Economic Corridor", "Middle East", "Gaza"]


def test_issues(seed):
    titles = [i.title for i in seed.issues]
    assert "Middle East" in titles
    assert "Humanitarian crisis in Gaza" in titles


def test_title_summary_and_date(seed):
    assert seed.title == "President Lukashenko's Visit to Pakistan"
    assert seed.summary.startswith("President Lukashenko was warmly received at Nur Khan Airbase")
    assert seed.date is None


def test_defect_at_the_end(seed):
    spliced = [d for d in seed.defects if d.kind == "spliced-text"]
    assert len(spliced) == 1
    assert spliced[0].text == "progress.s visit"
    assert spliced[0].evidence == ["p37"]
    assert "duplicate" in spliced[0].note


def test_every_evidence_id_exists(seed):
    ids = {f"p{n}" for n in range(1, 38)}
    items = (seed.countries + seed.delegates + seed.people + seed.topics + seed.focus_areas + seed.mous
             + seed.prospects + seed.figures + seed.places + seed.issues + seed.defects)
    for item in items:
        assert item.evidence and set(item.evidence) <= ids, item
