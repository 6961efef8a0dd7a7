"""build(config): read → extract → store → site → render → write, top to bottom, redoing only
what changed since the last build.

Every stage before writing collects problems instead of stopping at the first, so a build
with broken inputs reports all of them and leaves the previous site untouched.

What makes a rebuild cheap (the records are described in cache.py):

    nothing changed      stat every input, compare with the record, check the output files
                         are all there, stop. Jinja, Markdown and the extractor are not loaded.
    an article changed   only that article is read, synced with its analysis and validated;
                         the others are taken from the record (their analyses from the object
                         store, their texts left there until a page needs them, see lazy.py).
                         The site model is rebuilt, every page's digest is computed, and only
                         the pages whose digest changed are rendered and written.
    a template changed   pages whose template (or anything it extends, includes or imports)
                         changed get new digests; so do all pages when the site settings or
                         the asset URLs change.

Work that pays for it (many analyses to sync, many pages to render) is spread over worker
processes forked from this one; results come back in input order, so the output does not
depend on the number of workers.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import shutil
import signal
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Sequence

from . import cache, output
from .config import Config
from .errors import BuildFailed, DossierError, SourceError

if TYPE_CHECKING:
    from . import lazy
    from .model import Analysis, Article

Progress = Callable[[str, int, int], None]      # (stage, done, total)

MIN_PARALLEL_READS = 200        # fewer articles to read than this: forking workers does not pay
MIN_PARALLEL_ANALYSES = 24      # fewer analyses to sync than this: same
MIN_PARALLEL_PAGES = 96         # fewer pages to render than this: same
MIN_PARALLEL_WALKS = 2000       # fewer values to digest than this: same
WORKER_SECONDS = 10.0           # a pool of workers takes chunks this long, then is replaced
PACKAGE = Path(__file__).resolve().parent


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
    pages: int                                  # pages in the site (every rendered file)
    files: int                                  # files written by this build
    seconds: float
    notes: list[str] = field(default_factory=list)
    rendered: tuple[str, ...] = ()              # URLs of the pages this build rendered
    removed: tuple[str, ...] = ()               # URLs this build deleted from the site
    incremental: bool = False                   # it started from a previous build's record

    @property
    def unchanged(self) -> int:
        return self.pages - len(self.rendered)

    @property
    def changed(self) -> bool:
        """True when the site on disk differs from before the build."""
        return bool(self.files or self.removed)


@dataclass
class Memory:
    """What a long-running process (the server) keeps between builds: the last record and
    entries, the parsed analyses (and recently used articles), the compiled templates, the
    briefings of the site model, and what preview() needs of the last successful build."""

    record: cache.Record | None = None
    entries: cache.Entries | None = None
    objects: cache.Objects | None = None
    articles: dict[str, tuple[cache.ArticleEntry, Article]] = field(default_factory=dict)
    env: tuple[Any, Any] | None = None      # (what the templates were, the Jinja environment)
    shown: tuple[Any, Any, Mapping[str, Analysis]] | None = None
    # (site settings and entity ids as a Site without pages, the assets, slug → analysis)
    kept: Any = None                        # the briefings the last build made (site.Kept)


def build(config: Config, *, jobs: int | None = None, progress: Progress | None = None,
          clean: bool = False, memory: Memory | None = None, prepare: bool = False,
          min_parallel: int | None = None) -> BuildReport:
    """Build the site that ``config`` describes; raise BuildFailed listing every problem.

    ``jobs`` worker processes at most (default: one per core); ``clean`` ignores the records
    of earlier builds and writes the whole site anew; ``memory`` keeps state between builds
    of one process; ``prepare`` makes the site model even when nothing changed, so that
    ``memory`` holds what preview() needs; ``min_parallel`` overrides the sizes from which
    workers are used. What a caller froze (gc.freeze: the server, between builds) goes back
    to the collector, which takes the garbage of earlier builds during this one."""
    started = time.perf_counter()
    gc.unfreeze()
    jobs = max(1, jobs or os.cpu_count() or 1)
    out = config.paths.output
    with output.lock(out):
        output.recover(out)
        output.check_target(out, root=config.paths.root,
                            inputs=[config.paths.articles, config.paths.analysis,
                                    config.paths.templates, config.paths.static])
        record = None if clean else (memory.record if memory and memory.record
                                     else cache.load(config.paths.cache))
        scanned = None
        if record is not None and record.config_key == cache.config_key(config, PACKAGE):
            scanned = record.roots, cache.scan(record.roots)
            if (scanned[1] == record.inputs
                    and output.list_files(out) == set(record.outputs) and output.has_site(out)
                    and (not prepare or memory is None or memory.shown is not None
                         or _prepare(config, record, memory, jobs=jobs))):
                return BuildReport(briefings=record.briefings, pages=record.pages, files=0,
                                   seconds=time.perf_counter() - started, notes=record.notes,
                                   incremental=True)
        try:
            return _build(config, record, scanned, clean=clean, jobs=jobs,
                          progress=progress or _silent,
                          memory=memory if memory is not None else Memory(),
                          min_parallel=min_parallel, started=started)
        finally:
            gc.unfreeze()                   # what _build froze goes back to the collector


def _build(config: Config, record: cache.Record | None,
           scanned: tuple[tuple[cache.Root, ...], dict[str, cache.Files]] | None, *,
           clean: bool, jobs: int, progress: Progress, memory: Memory,
           min_parallel: int | None, started: float) -> BuildReport:
    # Imported here, not at the top: a build that finds nothing changed never loads Jinja,
    # Markdown or the extractor, which is most of the time a no-op build would take.
    from . import lazy
    from .model import Article
    from .site import Kept, build_site

    out = config.paths.output
    template_dirs, static_dirs = _folders(config)
    roots = _roots(config, template_dirs, static_dirs)
    inputs = scanned[1] if scanned is not None and scanned[0] == roots else cache.scan(roots)
    code = inputs.get("code", {})
    if record is not None and record.inputs.get("code") != code:
        record = None                       # Dossier itself changed: trust nothing recorded
    old = cache.Entries() if clean else memory.entries or cache.load_entries(config.paths.cache)
    if old.code != code:
        old = cache.Entries(code=code)
    objects = _objects(config, memory)

    articles, problems, article_entries = _read(config, inputs.get("articles", {}), old.articles,
                                                objects, memory.articles, jobs=jobs,
                                                min_parallel=min_parallel, progress=progress)
    analysed, more, analysis_entries = _analyse(articles, config, inputs.get("analyses", {}),
                                                old.analyses, objects, jobs=jobs,
                                                min_parallel=min_parallel, progress=progress)
    problems += more + check_folders(config)
    memory.shown = None                 # until this build succeeds
    if problems:
        # what did load stays recorded, so the next attempt redoes only the broken files
        _save(config, memory, None, cache.Entries(
            code=code, articles=article_entries, analyses={**old.analyses, **analysis_entries},
            assets=old.assets, derived=old.derived, lines=old.lines,
            identities=old.identities), objects)
        raise BuildFailed(problems)

    gc.freeze()     # long-lived from here on: spare the collector from walking them again
    with _collector_paused():           # the site model: many objects, no cycles
        memory.kept = memory.kept or Kept()
        site = build_site(((a.article, a.analysis) for a in analysed), config, memory.kept)
    env = _environment(config, memory, template_dirs, inputs)
    assets = _assets(old, inputs.get("static"), static_dirs)

    folder = str(config.paths.analysis)
    yaml_sha = {id(a.analysis): (a.analysis, analysis_entries[_yaml(folder, a.article)].text_sha)
                for a in analysed}
    files = {**assets.files, **site.copies}       # static files and the YAML downloads
    contents = {**{str(p): e.text_sha for p, e in analysis_entries.items()},
                **{str(assets.files[u]): d for u, d in assets.digests.items()}}
    def walk_in_workers(digester: cache.Digester, values: list[object]) -> Iterator[str]:
        return _map(_walk, (digester, values), range(len(values)), jobs=jobs,
                    min_items=min_parallel or MIN_PARALLEL_WALKS, progress=progress,
                    stage="Digesting")

    with _collector_paused():           # the digester's memo: one entry per object walked
        # workers only when nothing is recorded: an edit walks little (the entity pages, their
        # appearances known), and forking the whole model for it cost ~1 s at N=1,000
        wanted, derived, digester = _digests(site, assets, files, template_dirs, yaml_sha,
                                             contents, (Article, lazy.StoredArticle),
                                             old.derived,
                                             walk=walk_in_workers if record is None else None)
    output.claim_all([p.url for p in site.pages] + list(files))
    incremental = record is not None and output.has_site(out)
    todo, copies, removed = _changes(site.pages, files, wanted,
                                     record.outputs if incremental else None, out)
    written, json_lines = _write(config, site, env, assets, todo, copies, removed, digester,
                                 old.lines, incremental=incremental, jobs=jobs,
                                 min_parallel=min_parallel, progress=progress)

    inputs.setdefault("analyses", {}).update(      # YAMLs as this build left them
        {path: e.stat for path, e in analysis_entries.items()})
    notes = [f"{a.article.path}: {a.note}" for a in analysed if a.note]
    notes += site.notes + orphans(config, {a.article.slug for a in analysed}, inputs["analyses"])
    memory.shown = (replace(site, briefings=[], entities={}, pages=[], copies={}),
                    assets, {a.article.slug: a.analysis for a in analysed})
    _save(config, memory, cache.Record(
        config_key=cache.config_key(config, PACKAGE), roots=roots, inputs=inputs, outputs=wanted,
        briefings=len(site.briefings), pages=len(site.pages), notes=notes),
        cache.Entries(code=code, articles=article_entries, analyses=analysis_entries,
                      assets=(inputs.get("static", {}), dict(assets.urls),
                              {u: str(p) for u, p in assets.files.items()},
                              dict(assets.digests)), derived=derived, lines=json_lines,
                      identities=(site.identities.ids, site.identities.split)),
          objects)
    return BuildReport(briefings=len(site.briefings), pages=len(site.pages), files=written,
                       seconds=time.perf_counter() - started, notes=notes,
                       rendered=tuple(p.url for p in todo), removed=removed,
                       incremental=incremental)


def _write(config: Config, site: Any, env: Any, assets: Any, todo: list[Any],
           copies: dict[str, Path], removed: tuple[str, ...], digester: cache.Digester,
           known_lines: dict[str, str], *, incremental: bool, jobs: int,
           min_parallel: int | None, progress: Progress) -> tuple[int, dict[str, str]]:
    """Render ``todo`` and write it with ``copies`` and without ``removed``: into a new site
    (each page written by the process that rendered it), or as one update of the last one.
    (Files written, the JSON lines the next build may reuse: see exports.Lines.)"""
    from . import render

    # a JSON export's lines are kept by their item's token: an edit re-encodes its own item;
    # rendering asks only for these tokens
    digester.keep_only(_listed(site.pages))
    gc.freeze()
    out = config.paths.output
    lines, learned = render.json_lines(digester.token, known_lines), {}
    rendering = (render.render_page, env, site, todo, assets, lines)
    if not incremental:
        with output.new_site(out) as new:
            written = new.finish(_learning(_map(
                _write_page, (*rendering, new), range(len(todo)), jobs=jobs,
                min_items=min_parallel or MIN_PARALLEL_PAGES, progress=progress,
                stage="Rendering"), learned), copies).files
    elif todo or copies or removed:
        pages = _learning(_map(_render_page, rendering, range(len(todo)), jobs=jobs,
                               min_items=min_parallel or MIN_PARALLEL_PAGES, progress=progress,
                               stage="Rendering"), learned)
        written = output.update_site(out, pages, copies, removed).files
    else:
        written = 0
    return written, _kept_lines(site.pages, digester, {**known_lines, **learned})


def _folders(config: Config) -> tuple[list[Path], list[Path]]:
    """The template folders and the static folders: the site's own first, then the
    built-in ones."""
    from . import render

    return ([config.paths.templates, render.BUILTIN_TEMPLATES],
            [config.paths.static, render.BUILTIN_STATIC])


def _objects(config: Config, memory: Memory) -> cache.Objects:
    """The object store, kept in ``memory`` while the cache folder stays the same."""
    if memory.objects is None or memory.objects.folder != config.paths.cache / "objects":
        memory.objects = cache.Objects(config.paths.cache / "objects")
        memory.articles.clear()             # they read their texts from the old store
    return memory.objects


def _environment(config: Config, memory: Memory, template_dirs: list[Path],
                 inputs: dict[str, cache.Files]) -> Any:
    """The Jinja environment: the one ``memory`` keeps while the templates stay the same, so
    that they stay compiled between the builds of one process; and compiled templates are
    kept in the cache folder for the next process (compiling them all takes 0.28 s), in a
    subfolder named by Dossier's code, which sets the environment's options."""
    from . import render

    templates = inputs.get("templates")
    if memory.env is None or memory.env[0] != (template_dirs, templates):
        code = cache.digest_text(repr(sorted(inputs.get("code", {}).items())))[:16]
        folder = config.paths.cache / "templates"
        for old in folder.glob("*"):            # compiled by an earlier version of Dossier
            if old.name != code:
                shutil.rmtree(old, ignore_errors=True)
        memory.env = ((template_dirs, templates),
                      render.make_env(template_dirs, compiled=folder / code))
    return memory.env[1]


def _assets(old: cache.Entries, static: cache.Files | None, static_dirs: list[Path]) -> Any:
    """The static files: as recorded when they did not change, else collected anew."""
    from . import render

    if old.assets is not None and old.assets[0] == static:
        return render.Assets(urls=dict(old.assets[1]),
                             files={u: Path(p) for u, p in old.assets[2].items()},
                             digests=dict(old.assets[3]))
    return render.collect_assets(static_dirs)


def _prepare(config: Config, record: cache.Record, memory: Memory, *, jobs: int) -> bool:
    """When nothing changed since the recorded build: fill ``memory`` with what previews
    need (the articles, the entity ids the build decided, the Jinja environment, the
    assets; the analyses, read from the object store when a preview asks for one) without
    building the site model, which on a large site takes most of a build: a server started
    on a built site can preview the first edit at once. False when the record lacks any of
    it (the entity ids, an analysis: the object store was cleared, say): the whole build
    then makes them."""
    from .site import preview_site

    old = memory.entries or cache.load_entries(config.paths.cache)
    if old.code != record.inputs.get("code") or old.identities is None:
        return False
    objects = _objects(config, memory)
    articles, problems, _ = _read(config, record.inputs.get("articles", {}), old.articles,
                                  objects, memory.articles, jobs=jobs, min_parallel=None,
                                  progress=_silent)
    folder = str(config.paths.analysis)
    entries = {a.slug: old.analyses.get(_yaml(folder, a)) for a in articles}
    if problems or not all(e is not None and objects.has(e.key) for e in entries.values()):
        return False
    template_dirs, static_dirs = _folders(config)
    _environment(config, memory, template_dirs, record.inputs)    # kept in memory.env
    assets = _assets(old, record.inputs.get("static"), static_dirs)
    memory.record, memory.entries = record, old
    memory.shown = (preview_site(config, old.identities), assets,
                    _Recorded({slug: e.key for slug, e in entries.items()}, objects))
    return True


class _Recorded(Mapping[str, "Analysis"]):
    """The analyses of the recorded build, by slug, read from the object store when asked
    for (a preview asks for the one its edit changed)."""

    def __init__(self, keys: dict[str, str], objects: cache.Objects) -> None:
        self.keys, self.objects = keys, objects

    def __getitem__(self, slug: str) -> Analysis:
        stored = self.objects.get(self.keys[slug])
        if stored is None:
            raise KeyError(slug)
        return stored[0]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys)

    def __len__(self) -> int:
        return len(self.keys)


def _changes(pages: list[Any], files: dict[str, Path], wanted: dict[str, str],
             previous: dict[str, str] | None, out: Path
             ) -> tuple[list[Any], dict[str, Path], tuple[str, ...]]:
    """The pages to render, the files to copy and the URLs to delete: everything when there
    is no previous site, else what is missing or was made from something else."""
    if previous is None:
        return list(pages), dict(files), ()
    present = output.list_files(out)

    def stale(url: str) -> bool:
        return previous.get(url) != wanted[url] or url not in present

    return ([p for p in pages if stale(p.url)], {u: f for u, f in files.items() if stale(u)},
            tuple(sorted(present - set(wanted))))


def _roots(config: Config, template_dirs: list[Path], static_dirs: list[Path]) -> tuple[cache.Root, ...]:
    """Where a build's inputs are; the same list lets a later build check them without
    loading anything else."""
    return (
        cache.Root("articles", str(config.paths.articles)),
        cache.Root("analyses", str(config.paths.analysis), suffixes=(".yaml",)),
        *(cache.Root("templates", str(d), recursive=True) for d in template_dirs),
        *(cache.Root("static", str(d), recursive=True) for d in static_dirs),
        cache.Root("config", str(config.path)),
        cache.Root("code", str(PACKAGE), recursive=True,
                   suffixes=(".py", ".txt", ".tsv", ".json", ".csv")),
    )


def _save(config: Config, memory: Memory, record: cache.Record | None, entries: cache.Entries,
          objects: cache.Objects) -> None:
    """Keep the entries (and the record, after a successful build); drop unused objects."""
    memory.entries = entries
    if record is not None:
        memory.record = record
    objects.keep_only(entries.keys())
    cache.save(config.paths.cache, record, entries)


def settle() -> None:
    """After a build in a process that keeps its Memory (the server): free the garbage the
    build left in reference cycles, then freeze what stays until the next build unfreezes
    it, so that the collector does not walk all of it in the middle of the next preview
    (2.4 s of a 2.5 s preview at N=5,000).

    The cycles are young (the template contexts of the last pages rendered, whose imported
    macros hold the page data they drew and, through it, the site model), so collecting the
    two young generations frees them at little cost. Frozen instead, each rebuild would
    keep its whole model for the rest of the session."""
    gc.collect(1)
    gc.freeze()


def preview(config: Config, changed: Sequence[str], memory: Memory) -> tuple[str, ...]:
    """Write at once the briefing pages of the articles and analyses in ``changed`` (paths),
    exactly as the build that must follow will write them; return their URLs.

    The server's fast path: the page being edited reloads before a large site has finished
    rebuilding. () when that cannot be told without the whole build: no successful build in
    this process yet, a new, deleted or renamed file, another kind of input, a file that
    does not load or check, an edit naming other entities than before (site.
    briefing_preview). Nothing else is written (the analyses are the build's to sync)."""
    from . import extract, render, source, store, validate
    from .site import briefing_preview

    if memory.shown is None or memory.env is None:
        return ()
    last, assets, shown = memory.shown
    articles, analyses = str(config.paths.articles), str(config.paths.analysis)
    known = {a.slug: path for path, (_, a) in memory.articles.items()}
    todo: dict[str, str] = {}                   # slug → article file
    for path in changed:
        folder, name = os.path.split(path)
        if folder == articles and path in memory.articles:
            slug = memory.articles[path][1].slug
        elif folder == analyses and name.endswith(".yaml") and name[:-5] in known:
            slug = name[:-5]
        else:
            return ()
        if slug not in shown:
            return ()
        todo[slug] = known[slug]
    pages = []
    version = extract.version()
    for slug, path in sorted(todo.items()):
        yaml = config.paths.analysis / f"{slug}.yaml"
        try:
            article = source.read(Path(path), max_bytes=config.max_article_bytes,
                                  display=_shown(Path(path), config))
            if article.slug != slug:
                return ()
            stored = store.preview(yaml, article.sha256, version, lambda: extract.extract(
                article, extract.load_lexicon(config.lexicon)))
        except (DossierError, OSError):
            return ()
        if validate.check(stored.analysis, article, path=_shown(yaml, config), lines=stored.lines):
            return ()
        before = shown.get(slug)
        page = None if before is None else briefing_preview(article, stored.analysis, before,
                                                             last)
        if page is None:
            return ()
        pages.append(page)
    env = memory.env[1]
    try:
        rendered = [(page.url, render.render_page(env, last, page, assets)) for page in pages]
    except DossierError:                        # a template error: the build reports it
        return ()
    out = config.paths.output
    with output.lock(out):
        if not output.has_site(out):
            return ()
        output.update_site(out, rendered, {}, ())
    return tuple(url for url, _ in rendered)


# --- reading and analysing --------------------------------------------------------------------

def read_articles(config: Config) -> tuple[list[Article], list[DossierError]]:
    """Every article file, read; two files with one slug are both reported."""
    from . import source

    articles: list[Article] = []
    problems: list[DossierError] = []
    for path in source.discover(config.paths.articles):
        try:
            articles.append(source.read(path, max_bytes=config.max_article_bytes,
                                        display=_shown(path, config)))
        except DossierError as exc:
            problems.append(exc)
    return _one_per_slug(articles, problems)


def _one_per_slug(articles: list[Article], problems: list[DossierError]
                  ) -> tuple[list[Article], list[DossierError]]:
    unique: list[Article] = []
    by_slug: dict[str, Article] = {}
    for article in articles:
        if article.slug in by_slug:
            problems.append(SourceError(f"has the same slug '{article.slug}' as "
                                        f"{by_slug[article.slug].path}; rename one of them or set "
                                        "'slug:' in its front matter", path=article.path))
            continue
        by_slug[article.slug] = article
        unique.append(article)
    return unique, problems


@dataclass(frozen=True)
class _Reading:
    """What a worker needs to read articles (given to it once, when it starts)."""

    config: Config
    paths: list[str]
    files: cache.Files
    objects: cache.Objects


def _read(config: Config, files: cache.Files, old: dict[str, cache.ArticleEntry],
          objects: cache.Objects, made: dict[str, tuple[cache.ArticleEntry, Article]], *,
          jobs: int, min_parallel: int | None, progress: Progress
          ) -> tuple[list[Article], list[DossierError], dict[str, cache.ArticleEntry]]:
    """The articles: unchanged files as recorded, the others read (in workers when many).
    Their paragraphs stay in the object store until used (lazy.StoredArticle)."""
    from . import lazy, source

    # the files source.discover() would list, taken from the scan (sorted by name)
    paths = [p for p in sorted(files) if os.path.splitext(p)[1].lower() in source.EXTENSIONS]
    found: list[cache.ArticleEntry | DossierError | None] = [None] * len(paths)
    todo: list[int] = []
    for i, path in enumerate(paths):
        seen, entry = files.get(path), old.get(path)
        if entry is not None and seen == entry.stat and seen[1] <= config.max_article_bytes:
            found[i] = entry
        else:
            todo.append(i)
    context = _Reading(config, paths, files, objects)
    for i, result in zip(todo, _map(_read_one, context, todo, jobs=jobs,
                                    min_items=min_parallel or MIN_PARALLEL_READS,
                                    progress=progress, stage="Reading")):
        found[i] = result
    articles: list[Article] = []
    problems: list[DossierError] = []
    entries: dict[str, cache.ArticleEntry] = {}
    for path, result in zip(paths, found):
        if isinstance(result, DossierError):
            problems.append(result)
        elif result is not None:
            entries[path] = result
            before = made.get(path)         # a long-running process keeps them between builds
            if before is None or before[0] != result:
                before = made[path] = result, lazy.stored(result.identity, result.key, objects,
                                                          path)
            articles.append(before[1])
    for gone in made.keys() - entries.keys():
        del made[gone]
    articles, problems = _one_per_slug(articles, problems)
    return articles, problems, entries


def _read_one(context: _Reading, index: int) -> cache.ArticleEntry | DossierError:
    """Read one article into the object store (in a worker or in this process)."""
    from . import lazy, source

    path, config = Path(context.paths[index]), context.config
    try:
        article = source.read(path, max_bytes=config.max_article_bytes,
                              display=_shown(path, config))
    except DossierError as exc:
        return exc
    key = cache.object_key("article", article.path, path.name, article.sha256)
    context.objects.put(key, article, keep=False)
    return cache.ArticleEntry(stat=context.files.get(context.paths[index]), key=key,
                              identity=lazy.identity(article))


@dataclass(frozen=True)
class _Syncing:
    """What a worker needs to sync analyses (given to it once, when it starts)."""

    articles: list[Article]
    config: Config
    lexicon: Any
    extractor: str
    objects: cache.Objects


def _analyse(articles: list[Article], config: Config, files: cache.Files,
             old: dict[str, cache.AnalysisEntry], objects: cache.Objects, *, jobs: int,
             min_parallel: int | None, progress: Progress
             ) -> tuple[list[Analysed], list[DossierError], dict[str, cache.AnalysisEntry]]:
    """Each article's analysis: reused when neither it, its YAML nor the extractor changed;
    otherwise loaded when current, extracted when missing or stale (store.sync), and checked.
    Each stored article gets the paragraphs its analysis quotes (lazy.excerpts)."""
    from . import extract, lazy

    version = extract.version()
    found: list[tuple[Analysed, cache.AnalysisEntry] | None] = [None] * len(articles)
    todo: list[int] = []
    folder = str(config.paths.analysis)
    with _collector_paused():           # loading thousands of recorded analyses
        for i, article in enumerate(articles):
            path = _yaml(folder, article)
            reused = _reuse(old.get(path), files.get(path), path, article, version, objects)
            if reused is None:
                todo.append(i)
            else:
                found[i] = reused
    gc.freeze()
    problems: list[DossierError] = []
    if todo:
        context = _Syncing(articles, config, extract.load_lexicon(config.lexicon), version,
                           objects)
        results = _map(_sync_one, context, todo, jobs=jobs,
                       min_items=min_parallel or MIN_PARALLEL_ANALYSES, progress=progress,
                       stage="Analysing")
        with _collector_paused():       # the analyses pile up: 2.5 s of collector passes
            for i, (result, trouble) in zip(todo, results):    # over them at N=1,000
                problems += trouble
                if result is not None:
                    analysis, excerpts, entry = result
                    objects.memory[entry.key] = analysis, excerpts
                    lazy.give_excerpts(articles[i], excerpts)
                    found[i] = Analysed(articles[i], analysis, entry.action, entry.note), entry
    analysed = [r[0] for r in found if r is not None]
    entries = {_yaml(folder, r[0].article): r[1] for r in found if r is not None}
    return analysed, problems, entries


def _yaml(folder: str, article: Article) -> str:
    return os.path.join(folder, article.slug + ".yaml")


def _reuse(entry: cache.AnalysisEntry | None, seen: cache.Stat | None, path: str,
           article: Article, version: str, objects: cache.Objects
           ) -> tuple[Analysed, cache.AnalysisEntry] | None:
    """The recorded analysis when store.sync would return it unchanged: same YAML text, same
    article, same extractor (it was also valid against that article then)."""
    from . import lazy

    if entry is None or seen is None or entry.article_sha != article.sha256 \
            or entry.extractor != version:
        return None
    if seen != entry.stat:
        try:
            if cache.sha256_file(path) != entry.text_sha:
                return None
        except OSError:
            return None
        entry = entry._replace(stat=seen)
    stored = objects.get(entry.key)
    if stored is None:
        return None
    analysis, excerpts = stored
    lazy.give_excerpts(article, excerpts)
    action = entry.action if entry.action in ("reviewed", "conflict") else "unchanged"
    return Analysed(article, analysis, action, entry.note), entry


def _sync_one(context: _Syncing, index: int
              ) -> tuple[tuple[Analysis, lazy.Excerpts, cache.AnalysisEntry] | None,
                         list[DossierError]]:
    """Sync and check one article's analysis (in a worker or in this process); store it with
    the paragraphs it quotes."""
    from . import extract, lazy, store, validate

    article = context.articles[index]
    path = context.config.paths.analysis / f"{article.slug}.yaml"
    try:
        synced = store.sync(path, article.sha256, context.extractor,
                            lambda: extract.extract(article, context.lexicon))
    except BuildFailed as exc:
        return None, list(exc.problems)
    except DossierError as exc:
        return None, [exc]
    problems = validate.check(synced.stored.analysis, article, path=_shown(path, context.config),
                              lines=synced.stored.lines)
    if problems:
        return None, list(problems)
    with open(path, "rb") as handle:
        text_sha = hashlib.sha256(handle.read()).hexdigest()
        seen = cache.stat_key(os.fstat(handle.fileno()))
    analysis = synced.stored.analysis
    excerpts = lazy.excerpts(article, analysis)
    key = cache.object_key("analysis", text_sha, article.sha256)     # excerpts: of this article
    context.objects.put(key, (analysis, excerpts), keep=False)
    entry = cache.AnalysisEntry(stat=seen, text_sha=text_sha, article_sha=article.sha256,
                                extractor=context.extractor, action=synced.action,
                                note=synced.note, key=key)
    return (analysis, excerpts, entry), []


def check_folders(config: Config) -> list[DossierError]:
    """The articles folder must exist. The templates and static folders only add to the
    built-in ones: missing where they are by default is fine, but a folder config.yaml names
    elsewhere must exist (a misspelt path would otherwise silently drop the overrides)."""
    from .config import default_folder

    paths = config.paths
    problems: list[DossierError] = []
    if not paths.articles.is_dir():
        problems.append(DossierError(f"the folder '{paths.articles}' does not exist; create it "
                                     "(it may stay empty) or fix the setting",
                                     path=config.path, key="paths.articles"))
    for name, what in (("templates", "templates"), ("static", "static files")):
        folder = getattr(paths, name)
        if not folder.is_dir() and folder != default_folder(paths, name):
            problems.append(DossierError(f"the folder '{folder}' does not exist; create it (it may "
                                         f"stay empty), fix the path, or remove the setting to "
                                         f"use the built-in {what}",
                                         path=config.path, key=f"paths.{name}"))
    return problems


def orphans(config: Config, slugs: set[str], analyses: cache.Files) -> list[str]:
    """Analyses (of the scanned ``analyses``) whose article is gone: reported, never deleted."""
    found = ((p, os.path.basename(p)[:-len(".yaml")]) for p in sorted(analyses))
    return [f"{_shown(Path(p), config)}: no article has the slug '{slug}'; the analysis is not "
            "shown (delete it, or restore its article)" for p, slug in found if slug not in slugs]


def _shown(path: Path, config: Config) -> str:
    """A path as people see it in messages: relative to the site folder when inside it."""
    try:
        return path.relative_to(config.paths.root).as_posix()
    except ValueError:
        return str(path)


# --- digests and rendering --------------------------------------------------------------------

def _digests(site: Any, assets: Any, files: dict[str, Path], template_dirs: list[Path],
             yaml_sha: dict[int, tuple[Any, str]], contents: dict[str, str],
             article_types: tuple[type, ...], derived: dict[str, str],
             walk: Callable[[Any, list[object]], Iterator[str]] | None = None,
             ) -> tuple[dict[str, str], dict[str, str], cache.Digester]:
    """(site URL → digest of everything the file is made from, the ``derived`` tokens for
    the next build, the digester: it knows the tokens of what it walked). A page's digest
    covers its URL, title, description, template (with what it uses), the site settings,
    the asset URLs, and what its data shows.

    Data is walked (cache.Digester), except what is known more cheaply: an analysis, by the
    sha256 of its YAML text (``yaml_sha``: id → (analysis, sha)); an article, by its path,
    sha256 and format. A briefing is digested by what it is made from (Briefing.made_from:
    its article, analysis and entity links), never walked: it changes whenever those do
    anyway. So is a page whose maker knows its data's digest (Page.data_digest: a search
    shard's URL is named by its content).

    Other data made from something cheaper to digest is walked only when that changed, as
    it often stays the same when its source changes: an entity's appearance in a briefing
    (made from the briefing, the entity and its place: Site.appearance_origins), a page's
    data (from Page.made_from: a briefing's CSV, from its analysis). ``derived`` maps a
    digest of the source to the data's token, as the previous build found it; so an edit
    walks what it changed, and a page is rendered again only when what it shows changed.

    A copied file (a static file, a YAML download) by its source path and the sha256 of its
    content (``contents``: source path → sha256, known for every file the build read; others
    are read here), so a file touched but not changed is not copied again.

    ``walk(digester, values)`` gives the tokens of many values at once (in worker processes:
    tokens depend on content alone, so any process gives the same); first the appearances
    whose tokens are not known, then the pages' data, which holds them."""
    known = {ident: (analysis, f"yaml:{sha}") for ident, (analysis, sha) in yaml_sha.items()}
    def article(a: Article) -> str:
        return f"{a.path}\0{a.sha256}\0{a.format}"

    digester = cache.Digester(known=known, special={kind: article for kind in article_types})
    found: dict[str, str] = {}

    if walk is None:
        def walk(digester: cache.Digester, values: list[object]) -> Iterator[str]:
            return map(digester.token, values)

    def made_from(value: object, source: str) -> str:
        """``value``'s token, by ``source`` (a digest of what it is made from) when known."""
        token = derived.get(source) or digester.token(value)
        found[source] = token
        digester.know(value, token)
        return token

    sources = {}
    for briefing in site.briefings:
        sources[briefing.url] = source = digester.digest(("briefing", briefing.made_from,
                                                          site.meta))
        digester.know(briefing, f"briefing:{source}")
    appearances = [(appearance, cache.digest_text(f"{sources[briefing.url]}\0{entity_url}\0{n}"))
                   for entity_url, appearance, briefing, n in site.appearance_origins()]
    unknown = [appearance for appearance, source in appearances if source not in derived]
    for appearance, token in zip(unknown, walk(digester, unknown)):
        digester.know(appearance, token)
    for appearance, source in appearances:
        made_from(appearance, source)
    templates = cache.template_digests(template_dirs)
    common = digester.token(site.meta) + digester.token(assets.urls)
    walked = [p.data for p in site.pages if p.data_digest is None and p.made_from is None]
    tokens = iter(list(walk(digester, walked)))
    wanted = {}
    for page in site.pages:
        if page.data_digest is not None:
            data = f"digest:{page.data_digest}"
        elif page.made_from is not None:
            data = made_from(page.data, digester.digest((page.template, page.made_from)))
        else:
            data = next(tokens)
        wanted[page.url] = cache.digest_text("\0".join([
            page.url, page.title, page.description, data,
            templates.get(page.template, f"missing:{page.template}"), common]))
    for url, path in files.items():
        content = contents.get(str(path))
        if content is None:
            content = cache.sha256_file(path)
        wanted[url] = f"copy:{path}:{content}"
    return wanted, found, digester


def _walk(context: tuple[cache.Digester, list[object]], index: int) -> str:
    digester, values = context
    return digester.token(values[index])


def _render_page(context: tuple[Callable[..., bytes], Any, Any, list[Any], Any, Any],
                 index: int) -> tuple[str, bytes, dict[str, str]]:
    """(URL, bytes, the JSON lines encoded for it that were not known: exports.Lines)."""
    render_page, env, site, pages, assets, lines = context
    page = pages[index]
    return page.url, render_page(env, site, page, assets, lines), lines.take()


def _write_page(context: tuple[Callable[..., bytes], Any, Any, list[Any], Any, Any,
                               output.NewSite], index: int) -> tuple[str, int, dict[str, str]]:
    url, data, learned = _render_page(context[:-1], index)
    return url, context[-1].write(url, data), learned


def _learning(results: Iterator[tuple[Any, Any, dict[str, str]]], learned: dict[str, str]
              ) -> Iterator[tuple[Any, Any]]:
    """The rendered pages' (URL, bytes or size), keeping the JSON lines they learned."""
    for url, result, lines in results:
        learned.update(lines)
        yield url, result


def _kept_lines(pages: list[Any], digester: cache.Digester, lines: dict[str, str]
                ) -> dict[str, str]:
    """The JSON lines (``lines``: token → line) of the items of the lists pages show now:
    those the next build may reuse."""
    if not lines:
        return {}
    kept = {}
    for item in _listed(pages):
        token = digester.token(item)
        line = lines.get(token)
        if line is not None:
            kept[token] = line
    return kept


def _listed(pages: list[Any]) -> Iterator[object]:
    """The items of the pages whose data is a list (JSON exports encode them line by line)."""
    for page in pages:
        if type(page.data) is list or type(page.data) is tuple:
            yield from page.data


# --- running work in worker processes ---------------------------------------------------------

_WORKER: dict[str, Any] = {}     # set only inside pool workers, by _start_worker


def _start_worker(context: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)    # whatever the parent made of it
    _WORKER["context"] = context


def _run_chunk(task: Callable[[Any, Any], Any], items: Sequence[Any]) -> list[Any]:
    context = _WORKER["context"]
    return [task(context, item) for item in items]


def _map(task: Callable[[Any, Any], Any], context: Any, items: Sequence[Any], *, jobs: int,
         min_items: int, progress: Progress, stage: str) -> Iterator[Any]:
    """``task(context, item)`` for each item, results in the order of ``items``: in this
    process for small batches, else shared between ``jobs - 1`` forked workers, which get
    ``context`` once (through the pool initializer: shared copy-on-write, never pickled),
    and this process, which takes a chunk itself whenever the next result is not ready yet
    and the workers have enough queued; so one process fewer holds a copy of the build.

    A worker copies every page of the shared heap it writes to, and reading an object writes
    its reference count: a worker that lived through all of rendering held a copy of nearly
    the whole site model (N=1,000: the tree's PSS rose from 300 to 440 MB while rendering,
    N=5,000: to 2.7 GB, twice the parent). So the pool stops taking chunks after
    WORKER_SECONDS and is replaced by a fresh fork once its chunks are done (this process
    works meanwhile), which shares the parent's pages again: the tree's PSS while rendering
    stays within ~75 MB of the parent's (N=1,000), for 1.6 times the page faults (557,000
    instead of 344,000 in a cold build)."""
    total = len(items)
    if jobs < 2 or total < max(min_items, 2):
        for done, item in enumerate(items, start=1):
            yield task(context, item)
            progress(stage, done, total)
        return
    import multiprocessing                  # here: a no-change build never needs them
    from concurrent.futures import Future, ProcessPoolExecutor

    size = max(1, min(32, total // (jobs * 6)))
    chunks = [items[i:i + size] for i in range(0, total, size)]
    queued = 2 * (jobs - 1)                 # chunks kept waiting for the workers
    pool: ProcessPoolExecutor | None = None
    retire = 0.0                            # when the pool stops taking chunks
    work: dict[int, Future | list[Any]] = {}    # chunk → its future, or the results we made
    unassigned = iter(range(len(chunks)))
    done = 0
    try:
        for i in range(len(chunks)):
            while True:
                mine = work.get(i)
                if isinstance(mine, list) or (mine is not None and mine.done()):
                    break
                busy = sum(1 for w in work.values() if isinstance(w, Future) and not w.done())
                ahead = sum(1 for w in work.values() if isinstance(w, list))
                j = next(unassigned, None) if ahead < 4 * jobs else None
                if j is None:
                    break                       # nothing else to do: wait for chunk i
                old = pool is not None and time.monotonic() >= retire
                if old and not busy:
                    pool.shutdown(wait=True)    # its workers' copies of pages go with them
                    pool, old = None, False
                if busy < queued and not old:
                    if pool is None:
                        gc.freeze()     # workers share the parent's objects: their
                        # collector leaves them alone
                        pool = ProcessPoolExecutor(
                            max_workers=jobs - 1, mp_context=multiprocessing.get_context("fork"),
                            initializer=_start_worker, initargs=(context,))
                        retire = time.monotonic() + WORKER_SECONDS
                    work[j] = pool.submit(_run_chunk, task, chunks[j])
                else:                           # (also while a retiring pool finishes)
                    work[j] = [task(context, item) for item in chunks[j]]
            finished = work.pop(i)
            results = finished if isinstance(finished, list) else finished.result()
            yield from results
            done += len(results)
            progress(stage, done, total)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _silent(stage: str, done: int, total: int) -> None:
    pass


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Unpickling thousands of objects, or building the site model from them, makes no
    garbage cycles; the cyclic collector would only walk them again and again as they pile
    up (a third of the time of building a 1,000-article site's model). What was made
    meanwhile is frozen (left out of the collector's walks until the build ends) before the
    collector resumes: else its next pass walks all of it at once (4 s after the model of a
    5,000-article site)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
