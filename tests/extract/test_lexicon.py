"""The lexicon loads its data files, merges a site's additions, and version() names them."""
from __future__ import annotations

from dossier import extract
from dossier.config import LexiconAdditions


def test_builtin_lexicon_has_countries_titles_topics(lexicon):
    assert len(lexicon.countries) >= 190
    assert "Belarus" in lexicon.countries and "United States" in lexicon.countries
    assert lexicon.capitals["Islamabad"] == "Pakistan"
    assert lexicon.topics and lexicon.cues["sign_verbs"]


def test_additions_are_merged():
    extra = LexiconAdditions(titles=("Chief Whip",), countries=(("Oz", "Australia"),),
                             topics=(("Trade", ("barter",)), ("Space Race", ("rocket*",))))
    lex = extract.load_lexicon(extra)
    ids = [t.id for t in lex.topics]
    assert "space-race" in ids
    trade = next(t for t in lex.topics if t.id == "trade")
    assert "barter" in trade.keywords
    assert "chief" in lex.title_words and "whip" in lex.title_words


def test_version_is_stable():
    assert extract.version() == extract.version()
    assert "+" in extract.version()
