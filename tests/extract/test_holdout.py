"""The held-out set: 12 invented articles of the genre with hand-made gold (tests/extract/holdout/).

They were written by someone who did not read the extractor, after the extractor was tuned on
the development corpus and the probe set, and nothing is tuned on them: they show how the
extractor does on text it has never met (README.md beside them lists what each one tests).
The scoring is the probe set's (test_probe.py), which mirrors the shared scorer's rules.

Micro F1 per section when the set was added (extractor at commit 115c9fd), then after the
q-layout, q-agree and q-people branches (commit ba50fbd and its merge of q-people), which were
tuned on the corpus and the probe set only — the held-out articles stayed unseen:

    section            added   after the branches
    delegates          0.87    0.89
    delegates+role     0.71    0.78
    delegates+country  0.67    0.71
    mous               0.40    0.50
    figures            0.93    0.96
    places             0.74    0.85
    countries          0.98    1.00
    focus_areas        0.83    0.77   one more focus area than the gold in 06 (2 articles have the key)
    prospects          0.50    0.40   one more prospect than the gold in 06 (1 article has the key)

The floors are a regression guard a little below the second column; raise them when the
extractor improves by general means, never lower them to let a change pass.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from dossier import extract, source, store

from .conftest import _LEXICON
from .test_probe import _gold, f1, score, tally

HOLDOUT = Path(__file__).resolve().parent / "holdout"
ARTICLES = sorted(HOLDOUT.glob("*.txt"))

FLOORS = {
    "delegates": 0.86,
    "delegates+role": 0.74,
    "delegates+country": 0.67,
    "mous": 0.45,
    "figures": 0.92,
    "places": 0.81,
    "countries": 0.96,
    "focus_areas": 0.72,
    "prospects": 0.35,
}


@pytest.fixture(scope="module")
def tallies() -> dict[str, list[int]]:
    def scored(path: Path) -> dict[str, tuple[int, int, int]]:
        article = source.read(path, max_bytes=1 << 20)
        return score(store.to_data(extract.extract(article, _LEXICON)), _gold(path))

    return tally(scored(path) for path in ARTICLES)


def test_twelve_articles_each_with_its_gold():
    assert len(ARTICLES) == 12
    assert all(path.with_suffix(".gold.yaml").is_file() for path in ARTICLES)


@pytest.mark.parametrize("section", sorted(FLOORS))
def test_micro_f1_floor(tallies, section):
    tp, npred, ngold = tallies[section]
    got = f1(tp, npred, ngold)
    assert got >= FLOORS[section], f"{section}: F1 {got:.2f} (tp={tp} pred={npred} gold={ngold}) " \
                                   f"fell below the floor {FLOORS[section]:.2f}"
