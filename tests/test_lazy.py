"""Stored articles: an Article whose paragraphs are read from the object store when used."""
from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from dossier import cache, lazy, source
from dossier.errors import SourceError
from dossier.model import Article

from .conftest import SEED
from .sitekit import html_urls, make_site, run_build


@pytest.fixture
def article() -> Article:
    return source.read(SEED, max_bytes=1 << 20, display="content/articles/seed.txt")


def stored_copy(article: Article, folder: Path) -> lazy.StoredArticle:
    store = cache.Objects(folder)
    store.put("article-x", article, keep=False)
    return lazy.stored(lazy.identity(article), "article-x", cache.Objects(folder), str(SEED))


def test_a_stored_article_is_the_article(article: Article, tmp_path: Path):
    stored = stored_copy(article, tmp_path)
    assert isinstance(stored, Article)
    assert "paragraphs" not in stored.__dict__ and stored.slug == article.slug
    assert stored.paragraphs == article.paragraphs
    assert stored.paragraph("p2") == article.paragraph("p2")
    assert dataclasses.asdict(stored) == dataclasses.asdict(article)


def test_it_travels_as_the_plain_article(article: Article, tmp_path: Path):
    copy = pickle.loads(pickle.dumps(stored_copy(article, tmp_path)))
    assert type(copy) is Article and copy == article


def test_replace_gives_it_its_own_paragraphs(article: Article, tmp_path: Path):
    changed = dataclasses.replace(stored_copy(article, tmp_path), paragraphs=article.paragraphs[:1])
    assert changed.paragraphs == article.paragraphs[:1]


def test_a_lost_object_is_read_again_from_its_file(article: Article, tmp_path: Path):
    stored = lazy.stored(lazy.identity(article), "article-gone", cache.Objects(tmp_path),
                         str(SEED))
    assert stored.paragraphs == article.paragraphs
    assert (tmp_path / "article-gone.pickle").is_file()          # and stored again


def test_an_article_that_changed_meanwhile_is_a_clear_error(article: Article, tmp_path: Path):
    changed = tmp_path / "changed.txt"
    changed.write_text("Another text altogether.\n")
    stored = lazy.stored(lazy.identity(article), "article-gone", cache.Objects(tmp_path),
                         str(changed))
    with pytest.raises(SourceError) as failed:
        stored.paragraphs
    assert str(failed.value) == ("content/articles/seed.txt: the article changed while the site "
                                 "was being built; build again")


def test_the_cache_folder_can_go_while_a_server_holds_its_memory(tmp_path: Path):
    import shutil

    from dossier.pipeline import Memory

    config = make_site(tmp_path / "site")
    memory = Memory()
    run_build(config, memory=memory)
    shutil.rmtree(tmp_path / "site" / ".dossier-cache")
    memory.objects.recent.clear()
    (tmp_path / "site" / "templates" / "base.html").write_text("{% block main %}{% endblock %}")
    report = run_build(config, memory=memory)         # every page, every article text needed
    assert set(report.rendered) == html_urls(config)


def test_a_rebuild_reads_only_the_articles_it_renders(tmp_path: Path, monkeypatch):
    config = make_site(tmp_path / "site")
    run_build(config)
    reads: list[str] = []
    real = cache.Objects._read
    monkeypatch.setattr(cache.Objects, "_read",
                        lambda self, key: reads.append(key) or real(self, key))
    path = tmp_path / "site" / "content" / "analysis" / "plain-two.yaml"
    path.write_text(path.read_text().replace("tags: []", "tags: [ports]"))
    report = run_build(config)
    assert set(report.rendered) == {"briefings/plain-two.html", "briefings/plain-two.json",
                                    "data/analysis.json"}
    articles = [k for k in reads if k.startswith("article-")]
    assert len(articles) == 1                   # plain-two's, to render its briefing


@dataclasses.dataclass
class _Item:
    name: str
    evidence: list[str]


@dataclasses.dataclass
class _Analysis:
    items: list[_Item]
    more: list[_Item]


def test_excerpts_hold_the_first_existing_paragraph_of_each_evidence_list(article: Article,
                                                                          tmp_path: Path):
    analysis = _Analysis(items=[_Item("a", ["p2", "p3"]), _Item("b", ["p999", "p4"])],
                         more=[_Item("c", [])])
    found = lazy.excerpts(article, analysis)
    assert found == {"p2": article.paragraph("p2"), "p999": None, "p4": article.paragraph("p4")}
    stored = lazy.stored(lazy.identity(article), "article-gone", cache.Objects(tmp_path),
                         str(tmp_path / "no-such-file.txt"))
    lazy.give_excerpts(stored, found)
    assert stored.paragraph("p2") == article.paragraph("p2")       # without reading anything
    assert stored.paragraph("p999") is None
    assert list(tmp_path.iterdir()) == []
