"""The only module that writes the site. It builds the new site beside the old one and swaps
it in, so a build that fails or is killed leaves the previous site whole; a lock keeps two
builds from writing at once; every path goes through a safe join; nothing is written twice;
and a folder is only ever replaced when a marker file says Dossier made it.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator

from .errors import OutputError

MARKER = ".dossier-site"


def safe_join(root: Path, url: str) -> Path:
    """``root/url`` for a site-relative URL; refuses anything that could leave ``root``."""
    pure = PurePosixPath(url)
    if (not url or url.startswith("/") or "\\" in url or "\x00" in url
            or any(part in ("..", "") for part in url.split("/"))):
        raise OutputError(f"refusing to write '{url}': not a plain path inside the site")
    target = root.joinpath(*pure.parts)
    if not target.resolve().is_relative_to(root.resolve()):
        raise OutputError(f"refusing to write '{url}': it leads outside the output folder")
    return target


@contextlib.contextmanager
def lock(out: Path) -> Iterator[None]:
    """Hold an exclusive lock for ``out`` while a build writes it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    path = out.parent / f".{out.name}.lock"
    with open(path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise OutputError("another build is writing this site right now; wait for it "
                                  "to finish and run the build again", path=out) from None
            raise
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def check_target(out: Path, *, root: Path, inputs: Iterable[Path]) -> None:
    """Refuse an output folder that is the project itself, overlaps its input folders, or
    that Dossier did not make."""
    out, root = out.resolve(), root.resolve()
    if root.is_relative_to(out):
        raise OutputError("the output folder holds the project itself; set paths.output in "
                          "config.yaml to a folder of its own, such as _site", path=out)
    for folder in inputs:
        folder = folder.resolve()
        if out == folder or folder.is_relative_to(out) or out.is_relative_to(folder):
            raise OutputError(f"the output folder overlaps '{folder}'; set paths.output in "
                              "config.yaml to a folder of its own, such as _site", path=out)
    if out.exists() and not out.is_dir():
        raise OutputError("the output path exists and is not a folder; move it away or set "
                          "paths.output in config.yaml", path=out)
    if out.is_dir() and not (out / MARKER).exists() and any(out.iterdir()):
        raise OutputError(f"refusing to replace this folder: Dossier did not make it (no {MARKER} "
                          "file inside); empty it, or set paths.output to another folder", path=out)


def recover(out: Path) -> None:
    """Finish a swap a killed build left half done: bring back the previous site."""
    old = _old_path(out)
    if not out.exists() and old.is_dir():
        os.replace(old, out)
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)
    for stale in out.parent.glob(f".{out.name}.staging-*"):
        shutil.rmtree(stale, ignore_errors=True)


@dataclass(frozen=True)
class Written:
    pages: int
    files: int
    bytes: int


def write_site(out: Path, pages: Iterable[tuple[str, bytes]], copies: dict[str, Path]) -> Written:
    """Write a whole new site beside ``out``, then swap it in."""
    staging = out.parent / f".{out.name}.staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    seen: set[str] = set()
    pages_n = size = 0
    try:
        for url, data in pages:
            _claim(seen, url)
            _write(safe_join(staging, url), data)
            pages_n += url.endswith(".html")
            size += len(data)
        for url, source in sorted(copies.items()):
            _claim(seen, url)
            target = safe_join(staging, url)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            size += target.stat().st_size
        (staging / MARKER).write_text("This folder was made by Dossier and is replaced on "
                                      "every build.\n", encoding="utf-8")
        _swap(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Written(pages=pages_n, files=len(seen), bytes=size)


def _claim(seen: set[str], url: str) -> None:
    if url in seen:
        raise OutputError(f"two pages want to be written to '{url}'; rename one of their sources")
    seen.add(url)


def _write(target: Path, data: bytes) -> None:
    try:
        target.write_bytes(data)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _old_path(out: Path) -> Path:
    return out.parent / f".{out.name}.old"


def _swap(staging: Path, out: Path) -> None:
    old = _old_path(out)
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    shutil.rmtree(old, ignore_errors=True)
