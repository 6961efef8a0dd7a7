"""The only module that writes the site. It builds the new site beside the old one and swaps
it in, so a build that fails or is killed leaves the previous site whole; a lock keeps two
builds from writing at once; every path goes through a safe join; nothing is written twice;
and a folder is only ever replaced when a marker file says Dossier made it.

Two ways to write:

    write_site   a whole new site, written into an empty folder beside ``out``, then swapped in
    update_site  a few changed files: a hard-link twin of ``out`` (made once, then kept in step
                 by comparing inodes, so it costs the changes, not the site) takes the changes,
                 then the two swap; the previous site becomes the twin for the next update

Files are never written through a hard link: a changed file is a new file, so the live site
never changes under a reader until the swap.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import OutputError

MARKER = ".dossier-site"


def safe_join(root: Path, url: str, verified: set[Path] | None = None) -> Path:
    """``root/url`` for a site-relative URL; refuses anything that could leave ``root``, and
    any spelling but the one plain one ('a/./b', 'a//b'), so one file has one URL.

    ``verified`` remembers the folders already checked, for callers writing many files: a
    folder is resolved (symbolic links followed) once, the file itself only if it is a link."""
    parts = url.split("/")
    if (not url or url.startswith("/") or "\\" in url or "\x00" in url
            or any(part in ("..", ".", "") for part in parts)):
        raise OutputError(f"refusing to write '{url}': not a plain path inside the site")
    target = root.joinpath(*parts)
    folder = target.parent
    if verified is None or folder not in verified:
        if not folder.resolve().is_relative_to(root.resolve()):
            raise OutputError(f"refusing to write '{url}': it leads outside the output folder")
        if verified is not None:
            verified.add(folder)
    if target.is_symlink() and not target.resolve().is_relative_to(root.resolve()):
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
    """Finish a swap a killed build left half done: bring back the previous site. Call it
    while holding the lock."""
    old = _old_path(out)
    if not out.exists() and old.is_dir():
        os.replace(old, out)
    elif old.exists():
        _retire(old, out)
    for stale in out.parent.glob(f".{out.name}.staging-*"):
        _retire(stale, out)


def has_site(out: Path) -> bool:
    """True when ``out`` holds a site Dossier wrote."""
    return (out / MARKER).is_file()


def list_files(out: Path) -> set[str]:
    """The site-relative URL of every file in ``out`` but the marker; empty when there is none."""
    found: set[str] = set()

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
                else:
                    found.add(prefix + entry.name)

    try:
        walk(str(out), "")
    except FileNotFoundError:
        return set()
    found.discard(MARKER)
    return found


def claim_all(urls: Iterable[str]) -> None:
    """Refuse a site in which two files want one URL (checked before anything is written)."""
    seen: set[str] = set()
    for url in urls:
        _claim(seen, url)


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
    verified: set[Path] = set()
    pages_n = size = 0
    try:
        for url, data in pages:
            _claim(seen, url)
            _write(safe_join(staging, url, verified), data)
            pages_n += url.endswith(".html")
            size += len(data)
        for url, source in sorted(copies.items()):
            _claim(seen, url)
            target = safe_join(staging, url, verified)
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


def _swap(staging: Path, out: Path, *, keep_old: bool = False) -> None:
    """Put ``staging`` in the place of ``out``; the previous site is deleted, or with
    ``keep_old`` kept as the twin for the next update."""
    old = _old_path(out)
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    if keep_old:
        _retire(old, out)
    else:
        shutil.rmtree(old, ignore_errors=True)


# --- updates through a hard-link twin ---------------------------------------------------------

def update_site(out: Path, pages: Iterable[tuple[str, bytes]], copies: dict[str, Path],
                remove: Iterable[str]) -> Written:
    """Write changed pages and copies into the site and delete ``remove``, all at once: the
    changes go into a hard-link twin of ``out`` that is then swapped in. A failure or a kill
    at any point leaves ``out`` as it was. ``out`` must hold a site (see ``has_site``)."""
    staging = _twin(out)
    seen: set[str] = set()
    verified: set[Path] = set()
    pages_n = size = 0
    try:
        for url, data in pages:
            _claim(seen, url)
            target = safe_join(staging, url, verified)
            _unlink(target)
            _write(target, data)
            pages_n += url.endswith(".html")
            size += len(data)
        for url, source in sorted(copies.items()):
            _claim(seen, url)
            target = safe_join(staging, url, verified)
            _unlink(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            size += target.stat().st_size
        written = len(seen)
        for url in sorted(remove):
            _claim(seen, url)
            target = safe_join(staging, url, verified)
            _unlink(target)
            _prune_empty(target.parent, staging)
        _swap(staging, out, keep_old=True)
    except BaseException:
        _retire(staging, out)
        raise
    return Written(pages=pages_n, files=written, bytes=size)


def _spare_path(out: Path) -> Path:
    return out.parent / f".{out.name}.spare"


def _twin(out: Path) -> Path:
    """A folder beside ``out`` holding hard links to every file of ``out``: the spare twin
    brought in step when there is one, else a new one."""
    staging = out.parent / f".{out.name}.staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    spare = _spare_path(out)
    if spare.is_dir() and not spare.is_symlink() and (spare / MARKER).is_file():
        os.replace(spare, staging)
    else:
        staging.mkdir()
    try:
        _mirror(str(out), str(staging))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def _mirror(source: str, target: str) -> None:
    """Make ``target`` hold exactly the entries of ``source``, files as hard links. Entries
    that already link to the same file (same inode) are left alone."""
    with os.scandir(source) as entries:
        wanted = {e.name: e for e in entries}
    with os.scandir(target) as entries:
        present = {e.name: e for e in entries}
    for name, have in list(present.items()):
        entry = wanted.get(name)
        if entry is None or entry.is_dir(follow_symlinks=False) != have.is_dir(follow_symlinks=False):
            _remove(have)
            del present[name]
    for name, entry in wanted.items():
        path = os.path.join(target, name)
        have = present.get(name)
        if entry.is_dir(follow_symlinks=False):
            if have is None:
                os.mkdir(path)
            _mirror(entry.path, path)
        elif have is None or have.inode() != entry.inode():
            if have is not None:
                os.unlink(path)
            os.link(entry.path, path, follow_symlinks=False)


def _remove(entry: os.DirEntry) -> None:
    if entry.is_dir(follow_symlinks=False):
        shutil.rmtree(entry.path)
    else:
        os.unlink(entry.path)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except IsADirectoryError:
        shutil.rmtree(path)


def _prune_empty(folder: Path, top: Path) -> None:
    while folder != top:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _retire(tree: Path, out: Path) -> None:
    """Keep a finished-with copy of the site as the twin for the next update, or delete it."""
    spare = _spare_path(out)
    if (not spare.exists() and tree.is_dir() and not tree.is_symlink()
            and (tree / MARKER).is_file()):
        os.replace(tree, spare)
    else:
        shutil.rmtree(tree, ignore_errors=True)
