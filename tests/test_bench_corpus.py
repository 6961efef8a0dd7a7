"""The benchmark's synthetic corpus: deterministic, about 1,000 words, varied, and readable by
Dossier's own article reader. (Timings live in bench/run.py's output, never in tests.)"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench import corpus
from dossier import source

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def fifty() -> list[tuple[str, str]]:
    return corpus.generate(50, seed=1)


def test_same_seed_gives_identical_bytes(fifty):
    again = corpus.generate(50, seed=1)
    assert [(n, t.encode()) for n, t in again] == [(n, t.encode()) for n, t in fifty]


def test_different_seed_gives_a_different_corpus(fifty):
    other = corpus.generate(50, seed=2)
    assert [t for _, t in other] != [t for _, t in fifty]
    assert sum(a != b for (_, a), (_, b) in zip(other, fifty)) >= 45


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one(fifty):
    assert corpus.generate(10, seed=1) == fifty[:10]


def test_file_names_are_unique_and_valid(fifty):
    names = [n for n, _ in fifty]
    assert len(set(names)) == len(names)
    for name in names:
        assert re.fullmatch(r"\d{5}-[a-z0-9]+(?:-[a-z0-9]+)*\.(txt|md)", name), name


def test_articles_are_about_a_thousand_words(fifty):
    counts = [len(text.split()) for _, text in fifty]
    assert all(800 <= c <= 1250 for c in counts), counts
    assert 900 <= sum(counts) / len(counts) <= 1100


def test_every_article_parses_with_dossier(fifty):
    for name, text in fifty:
        article = source.parse(text.encode("utf-8"), path=f"articles/{name}", name=name)
        assert len(article.paragraphs) >= 15, name
        assert article.format == ("markdown" if name.endswith(".md") else "text")


def test_formats_and_features_vary():
    specs = corpus.generate_specs(200, seed=1)
    texts = [corpus.render_source(s)[1] for s in specs]
    assert {s.style for s in specs} == {"lines", "blank", "md"}
    with_fm = sum(t.startswith("---\n") for t in texts)
    assert 40 <= with_fm <= 120
    assert any(not t.startswith("---\n") and not s.headline for s, t in zip(specs, texts))
    assert any(re.search(r"^## ", t, re.M) and re.search(r"^- ", t, re.M) for t in texts)
    assert {d for s in specs for d in s.defects} >= {"typo", "spliced-text"}
    # figures in many formats
    joined = "\n".join(texts)
    for pattern in [r"\$\d[\d.,]* (million|billion)", r"US\$\d", r"USD \d", r"€\d", r"£\d",
                    r"Rs [\d,.]+ crore", r"\$\d[\d.]*(bn|m)\b", r"\d+(\.\d)? per ?cent",
                    r"\d+%", r"\d+-member delegation", r"(one|two|three|four|five)-day"]:
        assert re.search(pattern, joined), pattern


def test_many_people_and_countries_across_fifty_articles():
    specs = corpus.generate_specs(50, seed=1)
    texts = [corpus.render_source(s)[1] for s in specs]
    countries = {c.name for c in corpus.COUNTRIES if any(c.name in t for t in texts)}
    assert len(corpus.COUNTRIES) >= 60
    assert len(countries) >= 40
    pairs = {(s.guest.name, s.host.name) for s in specs}
    assert len(pairs) >= 45
    people = {p for s in specs for p in s.people}
    assert len(people) >= 300
    for spec, text in zip(specs, texts):
        assert len(spec.people) >= 8
        assert spec.guest.name in text and spec.host.name in text


def test_markdown_pages_carry_front_matter_for_hugo_and_pelican():
    for spec in corpus.generate_specs(30, seed=3):
        name, text = corpus.render_markdown_page(spec)
        assert name == spec.slug + ".md"
        head = text.split("---\n")[1]
        keys = dict(line.split(": ", 1) for line in head.strip().splitlines())
        assert set(keys) == {"title", "date", "slug"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", keys["date"])
        assert not re.search(r"[:#\"\[\]{}]", keys["title"])


def test_write_corpus_lays_out_a_site(tmp_path):
    corpus.main(["--n", "5", "--seed", "4", "--out", str(tmp_path)])
    assert (tmp_path / "config.yaml").read_text() == "title: Bench\n"
    articles = sorted(p.name for p in (tmp_path / "content" / "articles").iterdir())
    pages = sorted(p.name for p in (tmp_path / "markdown").iterdir())
    assert len(articles) == len(pages) == 5
    assert [a.rsplit(".", 1)[0] for a in articles] == [p[:-3] for p in pages]
    assert [n for n, _ in corpus.generate(5, seed=4)] == articles


def _shingles(text: str, k: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(words[i:i + k]) for i in range(len(words) - k + 1)}


def test_no_text_is_copied_from_the_seed_or_the_shared_corpus(fifty):
    references = [ROOT / "content" / "articles" / "lukashenko-visit-pakistan.txt"]
    shared = ROOT.parent / "shared" / "corpus"
    if shared.is_dir():
        references += sorted(shared.glob("*.txt"))
    theirs = set()
    for path in references:
        if path.is_file():
            theirs |= _shingles(path.read_text(encoding="utf-8"))
    if not theirs:
        pytest.skip("no reference articles here")
    ours = set()
    for _, text in corpus.generate(300, seed=1):
        ours |= _shingles(text)
    assert not ours & theirs, sorted(ours & theirs)[:5]
