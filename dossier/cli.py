"""The command line: parse, load the config, call one function, return an exit status.

This is the only module that prints, reads argv or decides the exit status.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, NoReturn, Sequence, TextIO

from . import __version__
from .errors import BuildFailed, DossierError

if TYPE_CHECKING:
    from .pipeline import BuildReport

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage mistakes in one line and exits 2, like every Unix tool."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n"
                              f"Run '{self.prog} --help' to see the commands and options.\n")


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=Path("config.yaml"), metavar="PATH",
                        help="the site's config file (default: ./config.yaml); paths in it are "
                             "relative to its folder")
    p = _Parser(prog="dossier", description="Turn news reports of official visits into a "
                "structured, browsable analysis site.", parents=[common])
    p.add_argument("--version", action="version", version=f"dossier {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    jobs = argparse.ArgumentParser(add_help=False)
    jobs.add_argument("--jobs", type=_number("a whole number from 1 to 256", 1, 256), default=None,
                      metavar="N",
                      help="worker processes for large builds (default: one per core)")

    b = sub.add_parser("build", parents=[common, jobs], help="build the site into _site/ (the "
                       "default)", description="Read the articles, extract or load their "
                       "analyses, and write the site to the output folder (_site/ beside the "
                       "config). Only what changed since the last build is redone.")
    b.add_argument("--clean", action="store_true",
                   help="ignore the records of earlier builds: redo and rewrite everything")

    sv = sub.add_parser("serve", parents=[common, jobs], help="build, serve the site on this "
                        "machine and rebuild on every change", description="Build the site, "
                        "serve it at http://127.0.0.1:PORT/, watch the articles, analyses, "
                        "templates, static files and config.yaml, rebuild what changed and "
                        "reload the open pages. Ctrl-C stops.")
    sv.add_argument("--port", type=_number("a port number from 0 to 65535", 0, 65535),
                    default=8000, metavar="N",
                    help="port to listen on (default 8000; the next free one when taken)")
    sv.add_argument("--host", default="127.0.0.1", choices=["127.0.0.1", "localhost", "::1"],
                    help="address to listen on: this machine only (default 127.0.0.1)")

    ex = sub.add_parser("extract", parents=[common], help="extract analyses from articles",
                        description="Without --stdout: (re-)extract the analyses of the given "
                                    "slugs (all when none), keeping hand-edited files. With "
                                    "--stdout PATH: print the analysis of any article file.")
    ex.add_argument("targets", nargs="*", metavar="SLUG|PATH",
                    help="article slugs, or with --stdout one article file")
    ex.add_argument("--stdout", action="store_true",
                    help="print the analysis YAML of the article file PATH; write nothing")
    ex.add_argument("--force", action="store_true",
                    help="re-extract even hand-edited analyses (the old file is kept as .bak)")

    sub.add_parser("check", parents=[common], help="validate config, articles and analyses; "
                   "write nothing", description="Check config.yaml, every article and every "
                   "analysis YAML against the schema; report every problem; write nothing.")

    ac = sub.add_parser("accept", parents=[common], help="mark reviewed analyses as current",
                        description="After merging a <slug>.yaml.new into your edited "
                                    "<slug>.yaml, record that it matches the current article.")
    ac.add_argument("slugs", nargs="+", metavar="SLUG")

    new = sub.add_parser("new", help="scaffold a new site in DIR",
                         description="Create DIR with config.yaml, content/articles/ holding an "
                                     "example article, and empty templates/ and static/ folders "
                                     "for your overrides.")
    new.add_argument("directory", type=Path, metavar="DIR")
    return p


def _number(what: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, described as ``what``."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {what}, got '{text}'") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"expected {what}, got {value}")
        return value
    return parse


def run() -> NoReturn:
    """The program (``build.py``, the ``dossier`` script): main(), then exit at once.

    A build leaves its site model in reference cycles (Jinja's template contexts hold the
    page data they rendered), so an ordinary exit first has the collector free every object
    of it one by one: 1.2 s of a 7 s one-article edit at N=1,000. Nothing is left to do by
    then (files are closed, worker processes and threads joined), so the process ends
    without that; only the two streams need flushing."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):     # a closed pipe: nothing to say
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    """Run one command; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:          # --help, --version, or a usage error already printed
        return int(exc.code or 0)
    command = args.command or "build"
    handlers: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
        "build": _build, "serve": _serve, "extract": _extract, "check": _check,
        "accept": _accept, "new": _new,
    }
    try:
        return handlers[command](args, out, err)
    except DossierError as exc:
        print("\n".join(_error_lines(exc)), file=err)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=err)
        return 130


def _error_lines(exc: DossierError) -> list[str]:
    """'error: path:line: message' for each problem, then (for several) the summing-up."""
    problems = exc.problems if isinstance(exc, BuildFailed) else []
    return [*(f"error: {p}" for p in problems), f"error: {exc}"]


def _build(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .config import load_config
    from .pipeline import build

    bar = _ProgressBar(err) if _is_terminal(err) else None
    try:
        report = build(load_config(args.config), jobs=getattr(args, "jobs", None),
                       clean=getattr(args, "clean", False), progress=bar)
    finally:
        if bar:
            bar.clear()
    for note in report.notes:
        print(f"note: {note}", file=err)
    print(_summary(report), file=out)
    return EXIT_OK


def _count(n: int, one: str, many: str | None = None) -> str:
    """'1 article', '2 articles', '1,000 analyses'."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def _summary(report: BuildReport) -> str:
    """'Built 1,000 briefings, 4,812 pages in 3.1 s (12 re-rendered, 4,800 unchanged)'."""
    line = (f"Built {_count(report.briefings, 'briefing')}, {_count(report.pages, 'page')} in "
            f"{report.seconds:.1f} s")
    if report.incremental:
        line += f" ({len(report.rendered):,} re-rendered, {report.unchanged:,} unchanged)"
    return line


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _ProgressBar:
    """One line on a terminal, redrawn in place, for builds that run longer than a second."""

    WIDTH = 28

    def __init__(self, stream: TextIO, *, after: float = 1.0) -> None:
        self.stream = stream
        self.start = time.monotonic()
        self.after = after
        self.drawn = 0.0
        self.shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.start < self.after or (now - self.drawn < 0.1 and done < total):
            return
        self.drawn, self.shown = now, True
        filled = self.WIDTH * done // total if total else self.WIDTH
        self.stream.write(f"\r\x1b[K{stage:<10} [{'#' * filled}{'.' * (self.WIDTH - filled)}] "
                          f"{done:,}/{total:,}")
        self.stream.flush()

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import server
    from .config import load_config
    from .pipeline import Memory, build, preview, settle

    config = load_config(args.config)
    memory = Memory()
    seen_notes: set[str] = set()

    def log(line: str) -> None:
        print(line, file=err, flush=True)

    def rebuild(prepare: bool = False) -> bool:
        """One build; the server shows failures in the terminal and in the open pages.
        ``prepare``: keep the site model for previews too (see pipeline.preview)."""
        try:
            report = build(load_config(args.config), jobs=args.jobs, memory=memory,
                           prepare=prepare)
        except DossierError as exc:
            raise server.RebuildFailed("\n".join(_error_lines(exc))) from None
        settle()                        # the build's garbage goes, what memory keeps stays
        for note in report.notes:
            if note not in seen_notes:
                seen_notes.add(note)
                log(f"note: {note}")
        if report.changed or not report.incremental:
            print(_summary(report), file=out, flush=True)
        return report.changed

    def quick(paths: list[str]) -> bool:
        """The pages of the edited files, written before the rebuild (see pipeline.preview)."""
        try:
            return bool(preview(load_config(args.config), paths, memory))
        except DossierError:                # the rebuild that follows reports it
            return False

    paths = config.paths
    try:
        live = server.LiveServer(
            paths.output, rebuild=rebuild, preview=quick, prepare=lambda: rebuild(prepare=True),
            host=args.host, port=args.port, log=log,
            watch=[paths.articles, paths.analysis, paths.templates, paths.static, config.path],
            ignore=[paths.output, paths.cache])
    except server.ServerError as exc:
        raise DossierError(str(exc)) from None
    with _terminate_like_ctrl_c():
        try:
            live.start()
            log(f"Serving {paths.output} at {live.url} (Ctrl-C to stop)")
            live.run()
        except server.ServerError as exc:
            raise DossierError(str(exc)) from None
        except KeyboardInterrupt:
            pass
        finally:
            live.close()                # whenever Ctrl-C came: threads joined, port freed
    log("Stopped.")
    return EXIT_OK


@contextlib.contextmanager
def _terminate_like_ctrl_c() -> Iterator[None]:
    """SIGTERM (what service managers and process-group kills send) stops cleanly, as Ctrl-C."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import extract, source, store
    from .config import load_config

    if args.stdout:
        if len(args.targets) != 1:
            raise DossierError("--stdout takes exactly one article file: "
                               "dossier extract --stdout PATH")
        additions = load_config(args.config).lexicon if args.config.is_file() else None
        article = source.read(Path(args.targets[0]), max_bytes=64 * 1024 * 1024)
        analysis = extract.extract(article, extract.load_lexicon(additions))
        out.write(store.dump(analysis, extractor=extract.version()))
        return EXIT_OK

    from .pipeline import read_articles

    config = load_config(args.config)
    articles, problems = read_articles(config)
    if problems:
        raise BuildFailed(problems)
    by_slug = {a.slug: a for a in articles}
    unknown = [t for t in args.targets if t not in by_slug]
    if unknown:
        raise DossierError(f"no article has the slug '{unknown[0]}'; known slugs: "
                           f"{', '.join(sorted(by_slug)) or 'none'}")
    lexicon = extract.load_lexicon(config.lexicon)
    version = extract.version()
    for slug in args.targets or sorted(by_slug):
        article = by_slug[slug]
        path = config.paths.analysis / f"{slug}.yaml"
        if args.force:
            backup = store.force(path, extract.extract(article, lexicon), version)
            kept = f" (the previous file is kept as {backup.name})" if backup else ""
            print(f"{slug}: extracted{kept}", file=out)
            continue
        synced = store.sync(path, article.sha256, version,
                            lambda a=article: extract.extract(a, lexicon))
        print(f"{slug}: {synced.action}" + (f" — {synced.note}" if synced.note else ""), file=out)
    return EXIT_OK


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import store, validate
    from .config import load_config
    from .pipeline import check_folders, read_articles

    config = load_config(args.config)
    articles, problems = read_articles(config)
    problems += check_folders(config)
    checked = 0
    for article in articles:
        path = config.paths.analysis / f"{article.slug}.yaml"
        if not path.exists():
            continue
        checked += 1
        try:
            stored = store.load(path)
        except BuildFailed as exc:
            problems += exc.problems
            continue
        except DossierError as exc:
            problems.append(exc)
            continue
        problems += validate.check(stored.analysis, article, path=path, lines=stored.lines)
    if problems:
        raise BuildFailed(problems)
    print(f"OK: config, {_count(len(articles), 'article')} and "
          f"{_count(checked, 'analysis', 'analyses')} are valid", file=out)
    return EXIT_OK


def _accept(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import store
    from .config import load_config
    from .pipeline import read_articles

    config = load_config(args.config)
    articles, problems = read_articles(config)
    if problems:
        raise BuildFailed(problems)
    by_slug = {a.slug: a for a in articles}
    for slug in args.slugs:
        path = config.paths.analysis / f"{slug}.yaml"
        if slug not in by_slug or not path.exists():
            raise DossierError(f"no article and analysis with the slug '{slug}'")
        store.accept(path, by_slug[slug].sha256)
        print(f"{slug}: accepted as reviewed against the current article", file=out)
    return EXIT_OK


def _new(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .scaffold import scaffold

    target = args.directory
    made = scaffold(target)
    print(f"Created a Dossier site in {target}: {', '.join(made)}", file=out)
    print(f"Next: cd {target} && dossier build   (or: python build.py build --config "
          f"{target / 'config.yaml'})", file=out)
    return EXIT_OK
