"""Throwaway sites for the build tests: articles, hand-reviewed analyses naming people, and a
clean build of the same inputs to compare an incremental build with, file by file.

The site has many page kinds (briefings and their exports, entity pages and indexes, search
scripts, data exports, feed, sitemap), so tests take the pages to expect from the site model
itself (``site_of``, ``urls_of``) rather than counting them by hand."""
from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from dossier import store
from dossier.config import load_config
from dossier.pipeline import BuildReport, build, read_articles
from dossier.site import KINDS, Site, build_site

ENTITY_TEMPLATES = frozenset(k.template for k in KINDS.values())

CONFIG = """\
title: Test Dossier
description: Briefings for the tests.
per_page: {per_page}
"""


@dataclass(frozen=True)
class Delegate:
    name: str
    role: str
    country: str
    side: str


def article_text(slug: str, words: str) -> str:
    return (f"{slug.replace('-', ' ').title()} begins with a visit.\n\n"
            f"{words}\n\n"
            "The talks ended with a joint statement on trade and energy.\n")


def analysis_yaml(slug: str, text: str, title: str, date: str,
                  delegates: list[Delegate]) -> str:
    """A hand-reviewed analysis (no fingerprint, so Dossier never rewrites it)."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    lines = ["schema: 1",
             f"source: {{path: content/articles/{slug}.txt, sha256: '{sha}'}}",
             f"title: {title}",
             f"date: '{date}'",
             "summary: A visit with talks.",
             "countries: []",
             "delegates:"]
    for d in delegates:
        pid = d.name.lower().replace(" ", "-")
        lines.append(f"  - {{id: {pid}, name: {d.name}, role: {d.role}, country: {d.country}, "
                     f"side: {d.side}, evidence: [p1, p2]}}")
    if not delegates:
        lines[-1] = "delegates: []"
    return "\n".join(lines) + "\n"


ANA = Delegate("Ana Ruiz", "Foreign Minister", "Chile", "guest")
OLAV = Delegate("Olav Berg", "Prime Minister", "Norway", "host")
MEI = Delegate("Mei Tanaka", "Trade Minister", "Japan", "guest")
KOFI = Delegate("Kofi Mensah", "President", "Ghana", "host")

# slug → (date, delegates); None: no reviewed analysis, the extractor writes one
VISITS: dict[str, tuple[str, list[Delegate] | None]] = {
    "chile-norway": ("2024-01-05", [ANA, OLAV]),
    "japan-norway": ("2024-02-11", [MEI, OLAV]),
    "chile-ghana": ("2024-03-20", [ANA, KOFI]),
    "japan-ghana": ("2024-04-02", [MEI, KOFI]),
    "plain-one": ("", None),
    "plain-two": ("", None),
}


def make_site(root: Path, *, per_page: int = 2, visits: dict | None = None) -> Path:
    """A site folder with config.yaml, articles, reviewed analyses and empty override folders;
    returns the path of its config.yaml."""
    (root / "content" / "articles").mkdir(parents=True)
    (root / "content" / "analysis").mkdir()
    (root / "templates").mkdir()
    (root / "static").mkdir()
    (root / "config.yaml").write_text(CONFIG.format(per_page=per_page))
    for slug, (date, delegates) in (visits or VISITS).items():
        add_visit(root, slug, date, delegates)
    return root / "config.yaml"


def add_visit(root: Path, slug: str, date: str, delegates: list[Delegate] | None,
              words: str = "The delegations met for talks.") -> None:
    text = article_text(slug, words)
    (root / "content" / "articles" / f"{slug}.txt").write_text(text)
    if delegates is not None:
        title = f"Visit {slug.replace('-', ' ').title()}"
        (root / "content" / "analysis" / f"{slug}.yaml").write_text(
            analysis_yaml(slug, text, title, date, delegates))


def run_build(config: Path, **options) -> BuildReport:
    return build(load_config(config), **options)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``: relative path → bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def folders(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir()}


def clean_build_of(root: Path, scratch: Path) -> Path:
    """Copy the site's inputs to ``scratch`` and build them from nothing; returns its _site."""
    scratch.mkdir()
    for name in ("config.yaml", "content", "templates", "static"):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, scratch / name)
        elif source.exists():
            shutil.copy2(source, scratch / name)
    run_build(scratch / "config.yaml", clean=True, jobs=1)
    return scratch / "_site"


def assert_same_as_clean_build(root: Path, scratch: Path) -> None:
    clean = clean_build_of(root, scratch)
    ours, theirs = tree(root / "_site"), tree(clean)
    assert sorted(ours) == sorted(theirs)
    different = [name for name in ours if ours[name] != theirs[name]]
    assert different == []
    assert folders(root / "_site") == folders(clean)


def site_of(config: Path) -> Site:
    """The site model of the inputs at ``config`` as they are now (after a build, so that every
    article has its analysis): what the build renders, page by page."""
    settings = load_config(config)
    articles, problems = read_articles(settings)
    assert problems == []
    return build_site([(a, store.load(settings.paths.analysis / f"{a.slug}.yaml").analysis)
                       for a in articles], settings)


def urls_of(config: Path, *templates: str) -> set[str]:
    """The URLs of the pages drawn with any of ``templates`` (every page when none given)."""
    return {p.url for p in site_of(config).pages if not templates or p.template in templates}


def html_urls(config: Path) -> set[str]:
    """Every HTML page: the pages whose templates extend base.html."""
    return {url for url in urls_of(config) if url.endswith(".html")}
