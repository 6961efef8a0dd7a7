"""The one Jinja environment, and Site → rendered pages (bytes, keyed by site-relative URL).

Autoescape is on for every template and undefined names fail loudly (StrictUndefined), so a
misspelt variable is an error with the template's name and line, never an empty string.
Article text is escaped; Markdown paragraphs are converted and then sanitised with nh3.

Templates that write other formats encode through a filter made for that format, never
through plain ``{{ }}``: ``tojson`` (JSON-LD, search scripts: escapes < > & '),
``json_document`` and ``csv_document`` (data exports, see exports.py). XML templates (feed,
sitemap) rely on autoescape, which is XML-safe.
"""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import jinja2
import markdown as markdown_lib
import nh3
from markupsafe import Markup, escape

from . import exports
from .errors import RenderError
from .model import Article, Paragraph
from .site import Page, Site

BUILTIN_ROOT = Path(__file__).resolve().parent.parent
BUILTIN_TEMPLATES = BUILTIN_ROOT / "templates"
BUILTIN_STATIC = BUILTIN_ROOT / "static"
ASSETS_DIR = "assets"

_MARKUP_CHARS = re.compile(r"[*_`\[\]<>&#\\|~]|^\s*(?:[-+]|\d+[.)])\s")
_SAFE_URL = re.compile(r"^(?:https?://|mailto:)", re.I)


@dataclass(frozen=True)
class Assets:
    """Static files: logical name ('style.css') → fingerprinted URL, and where each comes from."""

    urls: dict[str, str]
    files: dict[str, Path]          # output URL → source file
    digests: dict[str, str] = field(default_factory=dict)   # output URL → sha256 of the file


def collect_assets(dirs: list[Path]) -> Assets:
    """Files of the static folders (earlier folders win), named with a content hash."""
    chosen: dict[str, Path] = {}
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.is_file() and not any(part.startswith(".") for part in name.split("/")):
                chosen.setdefault(name, path)
    urls: dict[str, str] = {}
    files: dict[str, Path] = {}
    digests: dict[str, str] = {}
    for name, path in sorted(chosen.items()):
        stem, dot, ext = name.rpartition(".")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        url = f"{ASSETS_DIR}/{stem}.{digest[:10]}.{ext}" if dot and stem else f"{ASSETS_DIR}/{name}"
        urls[name] = url
        files[url] = path
        digests[url] = digest
    return Assets(urls=urls, files=files, digests=digests)


def make_env(template_dirs: list[Path], compiled: Path | None = None) -> jinja2.Environment:
    """The Jinja environment: user templates first, then the built-in ones. ``compiled``:
    a folder where compiled templates are kept for the next process (Jinja recompiles a
    template whose source changed; the folder must change when these options do)."""
    dirs = [d for d in dict.fromkeys(template_dirs) if d.is_dir()]
    if compiled is not None:
        compiled.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        bytecode_cache=None if compiled is None else jinja2.FileSystemBytecodeCache(str(compiled)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
    env.filters["url"] = _url
    env.filters["money"] = format_amount
    env.filters["safe_href"] = safe_href
    env.filters["json_document"] = json_document
    env.filters["csv_document"] = csv_document
    # One Markdown converter per environment: building one costs more than converting a paragraph.
    converter = markdown_lib.Markdown(extensions=[], output_format="html")
    env.globals["paragraph_html"] = functools.partial(paragraph_html, converter=converter)
    env.globals["asset"] = _asset
    return env


@jinja2.pass_context
def _url(context: jinja2.runtime.Context, target: str) -> str:
    """A site-root URL ('people/x.html#p3') as a link relative to the page being rendered."""
    page_url = context["page"].url
    path, hash_, anchor = target.partition("#")
    if path == page_url and anchor:
        return "#" + anchor
    return (relative(path, page_url) if path else "") + hash_ + anchor


def relative(path: str, page_url: str) -> str:
    """``posixpath.relpath(path, dirname(page_url))`` for the site's clean root-relative paths,
    by plain string work: a page holds hundreds of links, and relpath's normalising costs."""
    return _relative_to_folder(path, page_url[:page_url.rfind("/") + 1])


@functools.lru_cache(maxsize=1 << 16)
def _relative_to_folder(path: str, folder: str) -> str:
    """``relative`` for a page in ``folder`` ('people/', or '' at the site root). Pages of one
    folder share most of their links (the header, popular entities): the answers are kept."""
    here = folder.split("/")[:-1]
    there = path.split("/")
    common = 0
    for a, b in zip(here, there[:-1]):
        if a != b:
            break
        common += 1
    rel = "../" * (len(here) - common) + "/".join(there[common:])
    return rel or "."


@jinja2.pass_context
def _asset(context: jinja2.runtime.Context, name: str) -> str:
    assets: Assets = context["assets"]
    if name not in assets.urls:
        raise RenderError(f"static file '{name}' not found in the static folders")
    return _url(context, assets.urls[name])


def safe_href(url: str | None) -> str | None:
    """Only web and mail links leave the site; 'javascript:' and friends become no link."""
    return url if url and _SAFE_URL.match(url.strip()) else None


def format_amount(amount: float | int | None, unit: str | None = None) -> str:
    """17000000 → '17 million'; 68 → '68'."""
    if amount is None:
        return ""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(amount) >= size:
            value = f"{amount / size:,.2f}".rstrip("0").rstrip(".")
            text = f"{value} {word}"
            break
    else:
        text = f"{amount:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}" if unit else text


@jinja2.pass_context
def json_document(context: jinja2.runtime.Context, value: object) -> Markup:
    """A JSON file's whole text (for templates that write .json files, not HTML); the lines
    of a list's items come from the build's ``json_lines`` (exports.Lines) when it has them."""
    return Markup(exports.json_text(value, context.get("json_lines")))


def json_lines(key: Callable[[object], str], known: dict[str, str]) -> exports.Lines:
    """What render_page takes as ``lines``: the JSON lines of earlier builds, by ``key``."""
    return exports.Lines(key, known)


def csv_document(table: exports.Table) -> Markup:
    """A CSV file's whole text (for templates that write .csv files, not HTML)."""
    return Markup(exports.csv_text(table))


def paragraph_html(article: Article, paragraph: Paragraph,
                   converter: markdown_lib.Markdown | None = None) -> Markup:
    """One paragraph's HTML: Markdown converted and sanitised, plain text escaped.

    Links may only leave the site (http, https, mailto; relative links are dropped), and
    every heading becomes an h3, below the page's own "The article" h2: a paragraph cannot
    know the article's other headings, and a skipped level is an accessibility error.
    """
    text = paragraph.text
    if article.format != "markdown" or not _MARKUP_CHARS.search(text):
        return Markup(f"<p>{escape(text)}</p>")
    if converter is None:
        converter = markdown_lib.Markdown(extensions=[], output_format="html")
    html = converter.reset().convert(text)
    clean = nh3.clean(html, tags=_TAGS, attributes={"a": {"href", "title"}},
                      url_schemes={"http", "https", "mailto"}, url_relative="deny",
                      link_rel="nofollow noopener")
    clean = _HEADING_TAG.sub(r"<\1h3>", clean)
    clean = _DEAD_LINK.sub(r"\1", clean)      # a link whose URL was refused: keep its text
    return Markup(clean)


_HEADING_TAG = re.compile(r"<(/?)h([1-6])>")
_DEAD_LINK = re.compile(r"<a(?![^>]*\bhref=)[^>]*>(.*?)</a>", re.S)


_TAGS = {"p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "br",
         "h1", "h2", "h3", "h4", "h5", "h6", "hr", "del", "sup", "sub", "table", "thead",
         "tbody", "tr", "th", "td"}


def render_pages(env: jinja2.Environment, site: Site, pages: list[Page],
                 assets: Assets) -> Iterator[tuple[str, bytes]]:
    """Render each page; yield (site-relative URL, UTF-8 bytes)."""
    for page in pages:
        yield page.url, render_page(env, site, page, assets)


def render_page(env: jinja2.Environment, site: Site, page: Page, assets: Assets,
                lines: exports.Lines | None = None) -> bytes:
    """One page's bytes; ``lines``: the encoded JSON lines known of earlier builds (and
    where those this render encodes are kept)."""
    try:
        template = env.get_template(page.template)
        html = template.render(page=page, site=site.meta, assets=assets, data=page.data,
                               json_lines=lines)
    except jinja2.TemplateNotFound as exc:
        raise RenderError(f"template '{exc.name}' not found in the templates folders; "
                          "restore it or remove the page that needs it") from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template syntax error: {exc.message}", path=exc.filename,
                          line=exc.lineno) from None
    except jinja2.UndefinedError as exc:
        raise RenderError(f"while rendering {page.url} with {page.template}: {exc.message}; "
                          "check the variable's spelling in the template") from None
    if page.url.endswith(".html"):
        html = compact(html)
    return html.encode("utf-8")


_KEEP_WHITESPACE = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
_INDENTATION = re.compile(r"\n\s+")


def compact(html: str) -> str:
    """Drop template indentation and blank lines; a newline stays where whitespace was, so
    the page renders the same. Preformatted blocks are left as they are."""
    parts = _KEEP_WHITESPACE.split(html)
    # split() yields text, whole match, inner tag name, text, ...: compact only the text parts
    return "".join(part if i % 3 else _INDENTATION.sub("\n", part) for i, part in enumerate(parts))
