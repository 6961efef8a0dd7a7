"""Article files → Article: front matter, paragraphs with ids, and clear errors for bad files."""
from __future__ import annotations

import hashlib

import pytest

from dossier import source
from dossier.errors import SourceError


def parse(text: str | bytes, name: str = "visit.txt"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return source.parse(data, path=name, name=name)


def texts(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def test_seed_paragraphs_are_its_lines(seed_path):
    article = source.read(seed_path, max_bytes=10**6)
    assert article.slug == "lukashenko-visit-pakistan"
    assert article.sha256 == hashlib.sha256(seed_path.read_bytes()).hexdigest()
    assert len(article.paragraphs) == 37            # 37 non-empty lines
    assert article.paragraphs[2].text == "The Focus Areas of Collaboration"
    assert article.paragraphs[2].line == 3
    assert article.paragraphs[3].line == 5          # after a blank line
    assert [p.id for p in article.paragraphs[:3]] == ["p1", "p2", "p3"]


def test_front_matter_fields_and_body_lines():
    article = parse("---\ntitle: A Visit\ndate: 2024-03-01\ncountries: [Chile, Peru]\n"
                    "tags: trade, energy\nslug: a-visit\nsource_url: https://example.org/a\n---\n"
                    "First paragraph.\n\nSecond paragraph.\n")
    assert article.meta.title == "A Visit"
    assert article.meta.date == "2024-03-01"
    assert article.meta.countries == ("Chile", "Peru")
    assert article.meta.tags == ("trade", "energy")
    assert article.slug == "a-visit"
    assert article.body_line == 9
    assert [(p.id, p.line) for p in article.paragraphs] == [("p1", 9), ("p2", 11)]


def test_hard_wrapped_prose_is_joined_and_list_items_stay_apart():
    article = parse(
        "The minister arrived in the capital on Monday morning for talks\n"
        "with his counterpart on trade, energy and the shared border, and\n"
        "then met business leaders at the chamber of commerce.\n"
        "\n"
        "Agreements signed:\n"
        "- Energy cooperation\n"
        "  - Solar power\n"
        "- Customs and trade facilitation,\n"
        "  covering the two border posts\n")
    assert texts(article) == [
        "The minister arrived in the capital on Monday morning for talks with his counterpart on "
        "trade, energy and the shared border, and then met business leaders at the chamber of "
        "commerce.",
        "Agreements signed:",
        "- Energy cooperation",
        "- Solar power",
        "- Customs and trade facilitation, covering the two border posts",
    ]
    assert [p.indent for p in article.paragraphs[2:]] == [0, 2, 0]


def test_markdown_headings_are_paragraphs_of_their_own():
    article = parse("# The Visit\nThe leaders met in the afternoon.\n\n## Outcomes\n1. A\n2. B\n",
                    name="v.md")
    assert article.format == "markdown"
    assert texts(article) == ["# The Visit", "The leaders met in the afternoon.", "## Outcomes",
                              "1. A", "2. B"]


def test_bom_and_crlf_are_accepted():
    article = parse(b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nOne.\r\n\r\nTwo.\r\n")
    assert article.meta.title == "T"
    assert texts(article) == ["One.", "Two."]


@pytest.mark.parametrize("data, message", [
    (b"", "visit.txt: the file is empty; write the article text or remove the file"),
    (b"  \n\n", "visit.txt: the file is empty; write the article text or remove the file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     "visit.txt: this is a binary file, not text; articles must be .txt or .md text"),
    ("Line one.\nCaf\xe9 au lait\n".encode("latin-1"),
     "visit.txt:2: not UTF-8 text: byte 0xe9 at offset 13 cannot be decoded; save the file as UTF-8"),
    (b"---\ntitle: [unclosed\n---\nText.\n",
     "visit.txt:3: invalid YAML: did not find expected ',' or ']'; check indentation, colons and quotes"),
    (b"---\ntitle: T\nText without a closing line.\n",
     "visit.txt:1: front matter starts with '---' but has no closing '---' line; add one below the last key"),
    (b"---\ntitle: T\n---\n\n",
     "visit.txt: the article has no text; write the article below the front matter or remove the file"),
    (b"---\nauthor: Me\n---\nText.\n",
     "visit.txt:2: key 'author': unknown front matter key; known keys: title, date, source_url, "
     "publisher, countries, tags, slug"),
    (b"---\nslug: ../../etc/passwd\n---\nText.\n",
     "visit.txt:2: key 'slug': a slug is lowercase letters, digits and hyphens (e.g. 'pm-visit-2024'); "
     "found '../../etc/passwd'"),
    (b"---\nsource_url: javascript:alert(1)\n---\nText.\n",
     "visit.txt:2: key 'source_url': expected a web address starting with http:// or https://, "
     "found 'javascript:alert(1)'"),
    (b"---\ndate: 5 March 2024\n---\nText.\n",
     "visit.txt:2: key 'date': expected a date written YYYY-MM-DD, found '5 March 2024'"),
    (b"---\ntitle: !!python/object/apply:os.system [ls]\n---\nText.\n",
     "visit.txt:2: YAML tag '!!python/object/apply:os.system' is not allowed; remove it and write a plain value"),
])
def test_bad_files_get_one_clear_line(data, message):
    with pytest.raises(SourceError) as caught:
        parse(data)
    assert str(caught.value) == message


def test_an_oversized_article_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:           # a sparse 50 MB file: cheap to make
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(SourceError) as caught:
        source.read(path, max_bytes=2048 * 1024, display="huge.txt")
    assert str(caught.value) == ("huge.txt: the article is 50.0 MB, above the limit of 2048 KB; "
                                 "split it, or raise max_article_kb in config.yaml")


def test_discover_finds_articles_sorted_and_skips_others(tmp_path):
    for name in ("b.md", "a.txt", ".hidden.txt", "notes.docx", "c.markdown"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in source.discover(tmp_path)] == ["a.txt", "b.md", "c.markdown"]
    assert source.discover(tmp_path / "missing") == []
