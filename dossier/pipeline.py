"""build(config): read → extract → store → site → render → write, top to bottom.

Every stage before writing collects problems instead of stopping at the first, so a build
with broken inputs reports all of them and leaves the previous site untouched.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from . import extract, output, render, source, store, validate
from .config import Config
from .errors import BuildFailed, DossierError, SourceError
from .model import Analysis, Article
from .site import build_site


@dataclass(frozen=True)
class Analysed:
    """One article with the analysis the site will show and what the store did."""

    article: Article
    analysis: Analysis
    action: str
    note: str = ""


@dataclass(frozen=True)
class BuildReport:
    briefings: int
    pages: int
    files: int
    seconds: float
    notes: list[str] = field(default_factory=list)


def build(config: Config) -> BuildReport:
    """Build the site that ``config`` describes; raise BuildFailed listing every problem."""
    started = time.perf_counter()
    articles, problems = read_articles(config)
    analysed, more = analyse(articles, config)
    problems += more + check_folders(config)
    if problems:
        raise BuildFailed(problems)

    site = build_site(((a.article, a.analysis) for a in analysed), config)
    env = render.make_env([config.paths.templates, render.BUILTIN_TEMPLATES])
    assets = render.collect_assets([config.paths.static, render.BUILTIN_STATIC])
    out = config.paths.output
    with output.lock(out):
        output.recover(out)
        output.check_target(out, root=config.paths.root,
                            inputs=[config.paths.articles, config.paths.analysis,
                                    config.paths.templates, config.paths.static])
        written = output.write_site(out, render.render_pages(env, site, site.pages, assets),
                                    {**assets.files, **site.copies})
    notes = [f"{a.article.path}: {a.note}" for a in analysed if a.note]
    notes += site.notes + orphans(config, {a.article.slug for a in analysed})
    return BuildReport(briefings=len(site.briefings), pages=written.pages, files=written.files,
                       seconds=time.perf_counter() - started, notes=notes)


def read_articles(config: Config) -> tuple[list[Article], list[DossierError]]:
    """Every article file, read; two files with one slug are both reported."""
    articles: list[Article] = []
    problems: list[DossierError] = []
    by_slug: dict[str, Article] = {}
    for path in source.discover(config.paths.articles):
        try:
            article = source.read(path, max_bytes=config.max_article_bytes,
                                  display=_shown(path, config))
        except DossierError as exc:
            problems.append(exc)
            continue
        if article.slug in by_slug:
            problems.append(SourceError(f"has the same slug '{article.slug}' as "
                                        f"{by_slug[article.slug].path}; rename one of them or set "
                                        "'slug:' in its front matter", path=article.path))
            continue
        by_slug[article.slug] = article
        articles.append(article)
    return articles, problems


def analyse(articles: list[Article], config: Config) -> tuple[list[Analysed], list[DossierError]]:
    """Each article's analysis: loaded when current, extracted when missing or stale."""
    lexicon = extract.load_lexicon(config.lexicon)
    version = extract.version()
    analysed: list[Analysed] = []
    problems: list[DossierError] = []
    for article in articles:
        path = config.paths.analysis / f"{article.slug}.yaml"
        try:
            synced = store.sync(path, article.sha256, version,
                                lambda article=article: extract.extract(article, lexicon))
        except BuildFailed as exc:
            problems += exc.problems
            continue
        except DossierError as exc:
            problems.append(exc)
            continue
        found = validate.check(synced.stored.analysis, article, path=_shown(path, config),
                               lines=synced.stored.lines)
        if found:
            problems += found
            continue
        analysed.append(Analysed(article, synced.stored.analysis, synced.action, synced.note))
    return analysed, problems


def check_folders(config: Config) -> list[DossierError]:
    problems: list[DossierError] = []
    for name, folder in (("paths.articles", config.paths.articles),
                         ("paths.templates", config.paths.templates)):
        if not folder.is_dir():
            problems.append(DossierError(f"the folder '{folder}' does not exist; create it (it may "
                                         "stay empty) or fix the setting", path=config.path, key=name))
    return problems


def orphans(config: Config, slugs: set[str]) -> list[str]:
    """Analyses whose article is gone: reported, never deleted."""
    folder = config.paths.analysis
    if not folder.is_dir():
        return []
    return [f"{_shown(p, config)}: no article has the slug '{p.stem}'; the analysis is not shown "
            "(delete it, or restore its article)"
            for p in sorted(folder.glob("*.yaml")) if p.stem not in slugs]


def _shown(path: Path, config: Config) -> str:
    """A path as people see it in messages: relative to the site folder when inside it."""
    try:
        return path.relative_to(config.paths.root).as_posix()
    except ValueError:
        return str(path)
