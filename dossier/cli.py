"""The command line: parse, load the config, call one function, return an exit status.

This is the only module that prints, reads argv or decides the exit status.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, NoReturn, Sequence, TextIO

from . import __version__
from .errors import BuildFailed, DossierError

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

    sub.add_parser("build", parents=[common], help="build the site into _site/ (the default)",
                   description="Read the articles, extract or load their analyses, and write the "
                               "site to the output folder (_site/ beside the config).")

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
    return p


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    """Run one command; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    args = _parser().parse_args(argv)
    command = args.command or "build"
    handlers: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
        "extract": _extract,
    }
    try:
        return handlers[command](args, out, err)
    except BuildFailed as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=err)
        print(f"error: {exc}", file=err)
        return EXIT_ERROR
    except DossierError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted", file=err)
        return 130


def _extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import extract, source, store
    from .config import load_config

    if not args.stdout:
        raise DossierError("extracting into the site is not available yet; use --stdout PATH")
    if len(args.targets) != 1:
        raise DossierError("--stdout takes exactly one article file: dossier extract --stdout PATH")
    additions = load_config(args.config).lexicon if args.config.is_file() else None
    path = Path(args.targets[0])
    article = source.read(path, max_bytes=64 * 1024 * 1024)
    analysis = extract.extract(article, extract.load_lexicon(additions))
    out.write(store.dump(analysis, extractor=extract.version()))
    return EXIT_OK
