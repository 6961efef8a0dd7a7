"""Any text through source.parse + extract: no exception, YAML that loads back, evidence that
exists, the same result twice."""
from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier import extract, source, store
from dossier.errors import SourceError

from .conftest import _LEXICON

WORDS = st.sampled_from(["President", "Minister", "of", "the", "signed", "MoU", "visit", "to", "Pakistan",
                         "Belarus", "$23", "million", "42-member", "three-day", "Dr", "H.E.", "Ilse", "Varkon",
                         "in", "Islamabad", "River", "Airport", "and", ",", ".", ":", "-", "1.", "“", "”",
                         "per", "cent", "will", "agreed", "Foreign", "for", "Affairs", "s", "â€™", "#", "**"])
LINE = st.lists(WORDS, max_size=30).map(" ".join)
STRUCTURED = st.lists(st.one_of(LINE, st.just(""), LINE.map(lambda s: "- " + s), LINE.map(lambda s: "  " * 3 + "- " + s),
                                LINE.map(lambda s: "1. " + s)), min_size=1, max_size=25).map("\n".join)
ANY = st.one_of(st.text(max_size=600), STRUCTURED, st.text(alphabet="aA .,\n", max_size=3000),
                st.just("x" * 5000), st.just(("word " * 2000).strip()))


def _all_items(a):
    return (a.countries + a.delegates + a.people + a.topics + a.focus_areas + a.mous + a.prospects
            + a.figures + a.places + a.issues + a.defects + ([a.mou_count] if a.mou_count else []))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY, st.sampled_from(["a.txt", "b.md"]))
def test_any_text(text, name):
    try:
        article = source.parse(text.encode("utf-8"), path=name, name=name)
    except SourceError:
        return
    first = extract.extract(article, _LEXICON)
    second = extract.extract(article, _LEXICON)
    assert first == second
    ids = {p.id for p in article.paragraphs}
    for item in _all_items(first):
        assert set(item.evidence) <= ids
    dumped = store.dump(first, extractor=extract.version())
    data = yaml.safe_load(dumped)
    assert isinstance(data, dict) and data["title"] == first.title
    for key in ("focus_areas", "mous", "prospects", "delegates", "people"):
        got = [x["id"] for x in data[key]]
        assert len(got) == len(set(got)), key


def test_long_line_finishes():
    text = ("President Ilse Varkon signed an MoU worth $5 million in Islamabad, " * 1000).encode("utf-8")
    article = source.parse(text, path="long.txt", name="long.txt")
    a = extract.extract(article, _LEXICON)
    assert a.delegates and a.delegates[0].name == "Ilse Varkon"
