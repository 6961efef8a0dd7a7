"""topics.py: keyword topics with their paragraphs; a site's additions."""
from __future__ import annotations

from dossier.config import LexiconAdditions

from .conftest import run


def test_topics_from_keywords_with_evidence():
    a = run("The leaders discussed trade and exports.\n\nThey also talked about vaccines and hospitals.\n")
    by = {t.id: t for t in a.topics}
    assert by["trade"].evidence == ["p1"]
    assert by["health"].evidence == ["p2"]


def test_acronyms_match_only_in_capitals():
    a = run("They spoke about AI chips.\n\nThe aid package was large.\n")
    assert "technology" in [t.id for t in a.topics]
    a = run("A blue sky over the bay was seen.\n")
    assert a.topics == []


def test_additions_extend_topics():
    extra = LexiconAdditions(topics=(("Fisheries Policy", ("tuna", "quota*")),))
    a = run("Quotas for tuna were set.\n", additions=extra)
    assert "fisheries-policy" in [t.id for t in a.topics]
