"""render.py: links relative to the page, sanitised article text, exports, overridable
templates, and the stylesheet's colour pairs (WCAG 2.2 AA, computed)."""
from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from pathlib import Path

import pytest

from dossier import render
from dossier.errors import RenderError
from dossier.exports import Table, csv_text, json_text
from dossier.model import Article, FrontMatter, Paragraph
from dossier.site import Page, Site, SiteMeta

ROOT = Path(__file__).resolve().parent.parent
CSS = ROOT / "static" / "style.css"
META = SiteMeta(title="T", description="D", language="en", base_url="")


def _site(pages: list[Page]) -> Site:
    return Site(meta=META, briefings=[], entities={}, pages=pages)


def _render(env, template_text: str, url: str = "people/x.html", data=None) -> str:
    page = Page(url=url, template="t.html", title="t", description="", data=data)
    template = env.from_string(template_text)
    return template.render(page=page, site=META, assets=render.Assets({}, {}), data=data)


@pytest.fixture
def env():
    return render.make_env([render.BUILTIN_TEMPLATES])


def test_links_are_relative_to_the_page(env):
    assert _render(env, "{{ 'index.html'|url }}") == "../index.html"
    assert _render(env, "{{ 'people/y.html'|url }}") == "y.html"
    assert _render(env, "{{ 'briefings/b.html#p3'|url }}") == "../briefings/b.html#p3"
    assert _render(env, "{{ 'people/x.html#p3'|url }}") == "#p3"
    assert _render(env, "{{ 'people/x.html'|url }}", url="index.html") == "people/x.html"


@pytest.mark.parametrize("page", ["index.html", "people/a.html", "people/x/b.html", "a/b/c/d.html"])
def test_relative_links_agree_with_relpath(page):
    targets = ["index.html", "people/a.html", "people/b.html", "people/x/c.html", "a/b/e.html",
               "a/x.html", "a/b/c/d.html", "static/style.css", "peoplex/a.html"]
    for target in targets:
        expected = posixpath.relpath(target, posixpath.dirname(page) or ".")
        assert render.relative(target, page) == expected, (page, target)


def test_only_web_and_mail_links_leave_the_site():
    assert render.safe_href("https://example.org/a") == "https://example.org/a"
    assert render.safe_href("mailto:a@example.org") == "mailto:a@example.org"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x",
                "//evil.example", "", None):
        assert render.safe_href(bad) is None


def _article(text: str, fmt: str = "markdown") -> tuple[Article, Paragraph]:
    para = Paragraph(id="p1", text=text, line=1)
    return Article(path="a.md", slug="a", format=fmt, sha256="0", meta=FrontMatter(),
                   paragraphs=(para,)), para


def test_markdown_paragraphs_are_sanitised():
    html = str(render.paragraph_html(*_article(
        "**Bold** <script>alert(1)</script> [js](javascript:alert(2)) [rel](../x.html) "
        "[web](https://example.org) <img src=x onerror=alert(3)>")))
    assert "<strong>Bold</strong>" in html
    assert "<script" not in html and "alert(1)" not in html
    assert "javascript:" not in html and "../x.html" not in html and "<img" not in html
    assert " js " in html and " rel " in html and html.count("<a ") == 1   # text kept, no link
    assert '<a href="https://example.org" rel="nofollow noopener">web</a>' in html


def test_one_environment_converts_each_paragraph_on_its_own(env):
    convert = env.globals["paragraph_html"]
    convert(*_article("[ref]: https://example.org/defined-in-an-earlier-paragraph"))
    html = str(convert(*_article("see [this][ref] and *that*")))
    assert html == "<p>see [this][ref] and <em>that</em></p>"


def test_markdown_headings_sit_below_the_article_heading():
    for source in ("# Big", "## Mid", "#### Small"):
        html = str(render.paragraph_html(*_article(source)))
        assert re.fullmatch(r"<h3>\w+</h3>", html.strip())


def test_plain_text_is_escaped_not_interpreted():
    html = str(render.paragraph_html(*_article("<b>x</b> {{ 7*7 }} **y**", fmt="text")))
    assert html == "<p>&lt;b&gt;x&lt;/b&gt; {{ 7*7 }} **y**</p>"


def test_csv_defuses_formulas_and_keeps_numbers():
    text = csv_text(Table(["a", "b", "c"], [["=SUM(A1)", -5, "-12.5"], ["+x", 2.0, True],
                                            ["@x", None, "plain, with comma"]]))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["a", "b", "c"], ["'=SUM(A1)", "-5", "-12.5"], ["'+x", "2", "yes"],
                    ["'@x", "", "plain, with comma"]]
    assert text.endswith("\r\n")


def test_json_text_is_plain_data_in_field_order():
    from dossier.model import Money
    text = json_text([Money(text="$1", amount=1.0, currency="USD")])
    assert json.loads(text) == [{"text": "$1", "amount": 1, "currency": "USD"}]
    assert text.index('"text"') < text.index('"amount"')
    # one line per item of the top-level list or mapping, so a diff shows which one changed
    assert json_text([{"a": 1.0}, {"b": [2.5]}]) == '[\n{"a":1},\n{"b":[2.5]}\n]\n'
    assert json_text({"slug": "é", "n": None}) == '{\n"slug":"é",\n"n":null\n}\n'


def test_json_lines_known_are_reused_and_the_text_is_the_same():
    from dossier import cache
    from dossier.exports import Lines
    from dossier.model import Money
    items = [Money(text="$1", amount=1.0, currency="USD"), {"b": [2.5]}, "é", None]
    lines = Lines(cache.Digester().token)
    assert json_text(items, lines) == json_text(items)
    learned = lines.take()
    assert len(learned) == 4 and lines.take() == {}
    # a later build knows those lines: it encodes only the item that changed
    items[1] = {"b": [3.5]}
    again = Lines(cache.Digester().token, learned)
    assert json_text(items, again) == json_text(items)
    assert list(again.take().values()) == ['{"b":[3.5]}']
    # the key decides: a line known under an item's key is what that item is written as
    poisoned = Lines(cache.Digester().token, {k: '"stale"' for k in learned})
    assert json_text(items, poisoned).count('"stale"') == 3
    assert json_text([], again) == json_text([]) and json_text({"a": 1}, again) == json_text({"a": 1})


def test_json_in_script_cannot_close_the_script(env):
    html = _render(env, '<script type="application/ld+json">{{ data|tojson }}</script>',
                   data={"name": "</script><script>alert(1)</script> & 'x'"})
    assert html.count("</script>") == 1 and "<script>alert" not in html
    inner = html.split(">", 1)[1].rsplit("<", 1)[0]
    assert json.loads(inner)["name"].startswith("</script>")


def test_undefined_names_fail_loudly(tmp_path):
    (tmp_path / "index.html").write_text("{{ no_such_thing }}", encoding="utf-8")
    env = render.make_env([tmp_path, render.BUILTIN_TEMPLATES])
    page = Page(url="index.html", template="index.html", title="", description="", data=None)
    with pytest.raises(RenderError, match="no_such_thing"):
        render.render_page(env, _site([page]), page, render.Assets({}, {}))


def test_a_users_template_wins_over_the_built_in_one(tmp_path):
    (tmp_path / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Lost at sea</h1>{% endblock %}',
        encoding="utf-8")
    env = render.make_env([tmp_path, render.BUILTIN_TEMPLATES])
    assets = render.collect_assets([render.BUILTIN_STATIC])
    page = Page(url="404.html", template="404.html", title="Not found", description="", data=None)
    html = render.render_page(env, _site([page]), page, assets).decode()
    assert "<h1>Lost at sea</h1>" in html and "Skip to content" in html   # base.html still used
    builtin = render.make_env([render.BUILTIN_TEMPLATES])
    assert "Lost at sea" not in render.render_page(builtin, _site([page]), page, assets).decode()


def test_compiled_templates_are_kept_for_the_next_environment_until_their_source_changes(
        tmp_path):
    templates, compiled = tmp_path / "templates", tmp_path / "compiled"
    templates.mkdir()
    (templates / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>First words</h1>{% endblock %}')
    assets = render.collect_assets([render.BUILTIN_STATIC])
    page = Page(url="404.html", template="404.html", title="Not found", description="", data=None)

    def rendered() -> str:
        env = render.make_env([templates, render.BUILTIN_TEMPLATES], compiled=compiled)
        return render.render_page(env, _site([page]), page, assets).decode()

    first = rendered()
    kept = sorted(p.name for p in compiled.iterdir())
    assert len(kept) >= 2                                  # 404.html and base.html at least
    assert rendered() == first and sorted(p.name for p in compiled.iterdir()) == kept
    (templates / "404.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Second words</h1>{% endblock %}')
    second = rendered()
    assert "Second words" in second and "First words" not in second
    assert second == render.render_page(render.make_env([templates, render.BUILTIN_TEMPLATES]),
                                        _site([page]), page, assets).decode()


def test_render_pages_in_chunks_equals_all_at_once():
    env = render.make_env([render.BUILTIN_TEMPLATES])
    assets = render.collect_assets([render.BUILTIN_STATIC])
    pages = [Page(url=u, template="404.html", title=u, description="", data=None)
             for u in ("404.html", "a/404.html", "b/c/404.html")]
    site = _site(pages)
    whole = list(render.render_pages(env, site, pages, assets))
    parts = [x for chunk in (pages[:1], pages[1:]) for x in render.render_pages(env, site, chunk, assets)]
    assert whole == parts and [u for u, _ in whole] == [p.url for p in pages]
    assert all(isinstance(b, bytes) for _, b in whole)


# --- the stylesheet ---------------------------------------------------------------------------

def _scheme(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))


def _schemes() -> tuple[dict[str, str], dict[str, str]]:
    css = CSS.read_text(encoding="utf-8")
    light = _scheme(css[css.index(":root"):css.index("}")])
    dark_start = css.index("prefers-color-scheme: dark")
    dark = {**light, **_scheme(css[dark_start:css.index("}", dark_start)])}
    return light, dark


def contrast(a: str, b: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b_ = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


TEXT_PAIRS = [("fg", "bg"), ("fg", "card"), ("fg", "chip"), ("fg", "mark"), ("muted", "bg"),
              ("muted", "card"), ("muted", "chip"), ("accent", "bg"), ("accent", "card"),
              ("accent", "chip"), ("accent", "mark"), ("accent-fg", "accent"), ("danger", "bg"),
              ("warn-fg", "warn-bg"), ("muted", "mark")]
GRAPHIC_PAIRS = [("host", "card"), ("guest", "card"), ("edge", "bg"), ("accent", "bg"),
                 ("muted", "card")]   # bars, lines, borders of nodes and delegations: 3:1


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colour_pairs_meet_wcag_aa(scheme):
    colours = dict(zip(("light", "dark"), _schemes()))[scheme]
    low_text = {f"{a}/{b}": round(contrast(colours[a], colours[b]), 2) for a, b in TEXT_PAIRS
                if contrast(colours[a], colours[b]) < 4.5}
    low_graphics = {f"{a}/{b}": round(contrast(colours[a], colours[b]), 2)
                    for a, b in GRAPHIC_PAIRS if contrast(colours[a], colours[b]) < 3}
    assert low_text == {} and low_graphics == {}


def test_contrast_formula_matches_known_values():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54


def test_stylesheet_is_small_and_has_dark_print_and_focus_rules():
    css = CSS.read_text(encoding="utf-8")
    assert len(css.encode()) < 14 * 1024
    assert "prefers-color-scheme: dark" in css and "@media print" in css
    assert ":focus-visible" in css
    assert "url(" not in css and "@import" not in css      # no third-party requests
