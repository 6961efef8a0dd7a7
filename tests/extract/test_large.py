"""Large and odd inputs finish: every step of the extractor is (roughly) linear in the text.

No timing assertions: an input that took quadratic time here would take minutes, not seconds,
and the suite would show it. Each case is a few hundred kilobytes at most, so the suite stays fast.
"""
from __future__ import annotations

import pytest

from dossier import extract, source
from dossier.model import Analysis

from .conftest import _LEXICON

SENTENCES = (
    "President Ilse Varkon of Ostrenia arrived in Dunmere on Monday for a three-day state visit, "
    "the first by an Ostrenian leader in 12 years. ",
    "She was welcomed at Harlow Field Airport by Prime Minister Tomas Quell, who said the talks "
    "would focus on trade, energy and security. ",
    "The two sides signed seven memoranda of understanding worth $1.2 billion, including an MoU on "
    "agriculture, an MoU on health and an MoU on rail transport. ",
    "Mr. Quell, the Prime Minister of Veluria, met his counterpart, Dr. Arno Pell, and his wife "
    "Mira Pell at the Serran Palace near the Coldwater River. ",
    "Trade between the countries rose 25 per cent to 510,000 tons last year, analyst Jo Rinn said. ",
    "They will sign further agreements next year and hope to expand cooperation in tourism. ",
    "The talks also covered the conflict in the Harn Valley and climate change. ",
    "progress.s visit to the port was cut short. ",
)
TEXT = "".join(SENTENCES)


def _run(text: str, name: str = "big.txt") -> Analysis:
    article = source.parse(text.encode("utf-8"), path=name, name=name)
    analysis = extract.extract(article, _LEXICON)
    assert isinstance(analysis, Analysis)
    return analysis


def test_one_long_line():
    a = _run(TEXT * 200)                       # ~220 KB, one paragraph
    assert any(d.name == "Tomas Quell" for d in a.delegates)
    assert a.figures and a.places


def test_one_long_sentence():
    # no sentence ends: every figure, name and place is in the same sentence
    a = _run(TEXT.replace(". ", ", ") * 150)
    assert a.figures


def test_many_paragraphs():
    a = _run("\n".join(SENTENCES) * 250 + "\n")  # 2,000 paragraphs
    assert a.delegates and a.mous


def test_many_tiny_paragraphs():
    _run("a\n" * 10_000)
    _run("Ostrenia\n" * 4_000)


def test_deep_list_nesting():
    lines = ["  " * (i % 120) + f"- item {i} of the list in Dunmere\n" for i in range(3_000)]
    _run("".join(lines), "list.md")


@pytest.mark.parametrize("text", [
    "x" * 400_000,                              # no spaces
    "Mr. " * 30_000,                            # a run of honorifics
    "x.\t" * 50_000,                           # abbreviations without spaces
    "“" * 100_000 + " x. " + "(" * 100_000 + "x. ",
    "".join(f"word{i}.s next{i} more{i} words{i} " for i in range(5_000)),   # spliced passages
    " ".join(f"in Alpha{i} City and the Beta{i} River, southern Ostrenia and in Gamma{i}, Delta{i} and "
             f"Epsilon{i}" for i in range(3_000)),
    " ".join(f"{i} tons, ${i} million, {i}% and a {i}-day visit" for i in range(3_000)),
    " ".join(f"health{i} tourism{i} Ostrenia{i} Mr{i} signed{i}" for i in range(12_000)),  # many distinct words
    " ".join(f"President Alpha{i} Beta{i} met Minister Gamma{i} Delta{i}, the foreign minister of "
             f"Ostrenia, and his wife Eps{i} Zeta{i} said" for i in range(2_000)),
])
def test_odd_inputs(text):
    _run(text)
