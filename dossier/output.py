"""The only module that writes the site. It builds the new site beside the old one and swaps
it in, so a build that fails or is killed leaves the previous site whole; a lock keeps two
builds from writing at once; every path goes through a safe join; nothing is written twice;
and a folder is only ever replaced when a marker file says Dossier made it.

Two ways to write:

    write_site   a whole new site, written into an empty folder beside ``out``, then swapped in
                 (``new_site``: the same, with pages written by worker processes as they render)
    update_site  a few changed files: a hard-link twin of ``out`` takes the changes, then the
                 two swap; the previous site becomes the twin (``.<out>.spare``) for the next
                 update

Files are never written through a hard link: a changed file is a new file, so the live site
never changes under a reader until the swap.

The twin differs from ``out`` only at the URLs the last update touched, so that update writes
them down beside it (``.<out>.spare.stale``) and the next one re-links just those: an update
costs the changes, not the size of the site. The record is deleted before the twin is used,
and trusted only when it is whole and nothing has moved since: every folder of both trees
still has the inode and times it was recorded with (a file or folder added, removed or
renamed changes its folder's times; a rename, also its own). Without a trusted record -- the
first update, a killed build, a twin left by an older Dossier, a hand edit in either tree --
the twin is brought in step by comparing every entry with ``out``. A whole new site drops
the twin: none of its files is one of the new site's, so the first update links a new one.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import stat
import time
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
    folders = [(str(out), "")]      # a list, not a recursive closure: no reference cycle
    try:                            # keeps ``found`` alive after a build (pipeline.settle)
        while folders:
            folder, prefix = folders.pop()
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append((entry.path, f"{prefix}{entry.name}/"))
                    else:
                        found.add(prefix + entry.name)
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
    with new_site(out) as site:
        return site.finish(((url, site.write(url, data)) for url, data in pages), copies)


@contextlib.contextmanager
def new_site(out: Path) -> Iterator[NewSite]:
    """A :class:`NewSite` for ``out``, removed again unless ``finish`` swapped it in."""
    site = NewSite(out)
    try:
        yield site
    except BaseException:
        shutil.rmtree(site.folder, ignore_errors=True)
        raise


class NewSite:
    """A whole new site, written into an empty folder beside ``out``: its pages by ``write``,
    from this process or from workers forked after it was made (each page once, so no two
    processes write one file), then completed and swapped in by ``finish``."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.folder = out.parent / f".{out.name}.staging-{os.getpid()}"
        if self.folder.exists():
            shutil.rmtree(self.folder)
        self.folder.mkdir(parents=True)
        self._verified: set[Path] = set()

    def write(self, url: str, data: bytes) -> int:
        """Write one page; its size in bytes."""
        _write(safe_join(self.folder, url, self._verified), data)
        return len(data)

    def finish(self, pages: Iterable[tuple[str, int]], copies: dict[str, Path]) -> Written:
        """Take the pages as they are written (URL, size), copy the files, and swap the new
        site in for ``out``."""
        seen: set[str] = set()
        pages_n = size = 0
        for url, written in pages:
            _claim(seen, url)
            pages_n += url.endswith(".html")
            size += written
        for url, source in sorted(copies.items()):
            _claim(seen, url)
            target = safe_join(self.folder, url, self._verified)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            size += target.stat().st_size
        (self.folder / MARKER).write_text("This folder was made by Dossier and is replaced on "
                                          "every build.\n", encoding="utf-8")
        _swap(self.folder, self.out)
        _drop_twin(self.out)
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


def _swap(staging: Path, out: Path, *, keep_old: bool = False) -> bool:
    """Put ``staging`` in the place of ``out``; the previous site is deleted, or with
    ``keep_old`` kept as the twin for the next update. True when it became the twin."""
    old = _old_path(out)
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        os.replace(out, old)
    os.replace(staging, out)
    if keep_old:
        return _retire(old, out)
    shutil.rmtree(old, ignore_errors=True)
    return False


# --- updates through a hard-link twin ---------------------------------------------------------

def update_site(out: Path, pages: Iterable[tuple[str, bytes]], copies: dict[str, Path],
                remove: Iterable[str]) -> Written:
    """Delete ``remove`` and write changed pages and copies into the site, all at once: the
    changes go into a hard-link twin of ``out`` that is then swapped in. A failure or a kill
    at any point leaves ``out`` as it was. ``out`` must hold a site (see ``has_site``).

    Deletions come first, so a folder can give way to a file of its name, or a file to a
    folder, in one update."""
    staging, folders = _twin(out)
    seen: set[str] = set()
    verified: set[Path] = set()
    touched: list[str] = []         # each URL before the twin changes there: what differs
    pages_n = written = size = 0
    try:
        for url in sorted(remove):
            _claim(seen, url)
            target = safe_join(staging, url, verified)
            touched.append(url)
            _unlink(target)
            _prune_empty(target.parent, staging)
        for url, data in pages:
            _claim(seen, url)
            target = safe_join(staging, url, verified)
            touched.append(url)
            _unlink(target)
            _write(target, data)
            pages_n += url.endswith(".html")
            written += 1
            size += len(data)
        for url, source in sorted(copies.items()):
            _claim(seen, url)
            target = safe_join(staging, url, verified)
            touched.append(url)
            _unlink(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            written += 1
            size += target.stat().st_size
    except BaseException:
        if _retire(staging, out):               # the twin is ``out`` but for ``touched``
            _note_stale(out, touched, folders, synced=out)
        raise
    try:
        kept = _swap(staging, out, keep_old=True)
    except BaseException:
        _retire(staging, out)
        raise
    if kept:                                    # the previous site: ``out`` but for ``touched``
        _note_stale(out, touched, folders, synced=_spare_path(out))
    return Written(pages=pages_n, files=written, bytes=size)


def _drop_twin(out: Path) -> None:
    """Delete the twin of a site that a whole new one replaced: not one of its files is the
    new site's, so bringing it in step would unlink and link every file (4.7 s for 16.5k files
    here, in the first update after a full build); making a twin afresh only links them
    (0.5 s)."""
    _take_record(out)
    spare = _spare_path(out)
    if _made_by_dossier(spare):
        shutil.rmtree(spare)


def _made_by_dossier(tree: Path) -> bool:
    """A real folder (not a link to one) with Dossier's marker inside."""
    return tree.is_dir() and not tree.is_symlink() and (tree / MARKER).is_file()


def _spare_path(out: Path) -> Path:
    return out.parent / f".{out.name}.spare"


def _stale_path(out: Path) -> Path:
    return out.parent / f".{out.name}.spare.stale"


def _twin(out: Path) -> tuple[Path, dict[str, list[int]]]:
    """A folder beside ``out`` holding hard links to every file of ``out``, and the stamp of
    each folder of ``out`` it was brought in step with (by site-relative path, '' for
    ``out`` itself; see ``_stamp``): the spare twin when there is one, brought in step
    through its record when that can be trusted, else by comparing every entry; without a
    twin, a new one."""
    staging = out.parent / f".{out.name}.staging-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    spare = _spare_path(out)
    record = _take_record(out)      # gone before the twin changes, so it never outlives it
    if _made_by_dossier(spare):
        stale = _trusted(record, out, spare)
        os.replace(spare, staging)
    else:
        stale = None
        staging.mkdir()
    try:
        if stale is not None:
            try:
                _resync(out, staging, stale[0])
                return staging, stale[1]
            except (OSError, OutputError):
                pass                # anything odd: compare every entry instead
        folders: dict[str, list[int]] = {}
        _mirror(str(out), str(staging), folders)
        return staging, folders
    except BaseException:
        _retire(staging, out)       # without a record: the next update compares everything
        raise


def _mirror(source: str, target: str, folders: dict[str, list[int]] | None = None,
            rel: str = "") -> None:
    """Make ``target`` hold exactly the entries of ``source``, files as hard links. Entries
    that already link to the same file (same inode) are left alone. ``folders`` collects
    the stamp of each folder of ``source`` as it is read, ``rel`` being this one's path."""
    if folders is not None:
        folders[rel] = _stamp(source)
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
            _mirror(entry.path, path, folders, f"{rel}/{name}" if rel else name)
        elif have is None or have.inode() != entry.inode():
            if have is not None:
                os.unlink(path)
            os.link(entry.path, path, follow_symlinks=False)


def _resync(out: Path, staging: Path, stale: list[str]) -> None:
    """Bring ``staging`` in step with ``out`` at each of the ``stale`` URLs, where alone it
    may differ: follow the URL down while ``out`` has folders on the way (making them in
    ``staging`` too), then make the first entry that is not one, or the URL itself, what it
    is in ``out``: absent, a link to the same file, or a folder mirrored whole. Nothing
    inside ``staging`` is ever followed through a symbolic link."""
    verified: set[Path] = set()
    folders: set[str] = set()       # folders in both on the way to a URL already done: in
    for url in sorted(stale):       # this order no later URL can be one of them, or above
        safe_join(staging, url, verified)
        parts = url.split("/")
        depth = len(parts) - 1
        while depth and "/".join(parts[:depth]) not in folders:
            depth -= 1
        source = os.path.join(out, *parts[:depth])
        target = os.path.join(staging, *parts[:depth])
        for depth, name in enumerate(parts[depth:], depth + 1):
            source, target = os.path.join(source, name), os.path.join(target, name)
            want = _lstat(source)
            if depth < len(parts) and want is not None and stat.S_ISDIR(want.st_mode):
                have = _lstat(target)
                if have is None or not stat.S_ISDIR(have.st_mode):
                    if have is not None:
                        os.unlink(target)
                    os.mkdir(target)
                folders.add("/".join(parts[:depth]))
                continue
            _match(source, want, target)
            break


def _match(source: str, want: os.stat_result | None, target: str) -> None:
    have = _lstat(target)
    if want is None:
        if have is not None:
            _remove_path(target, have)
    elif stat.S_ISDIR(want.st_mode):
        if have is not None and not stat.S_ISDIR(have.st_mode):
            os.unlink(target)
            have = None
        if have is None:
            os.mkdir(target)
        _mirror(source, target)
    elif (have is None or stat.S_ISDIR(have.st_mode)
          or (have.st_dev, have.st_ino) != (want.st_dev, want.st_ino)):
        if have is not None:
            _remove_path(target, have)
        os.link(source, target, follow_symlinks=False)


def _lstat(path: str) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None


def _remove_path(path: str, st: os.stat_result) -> None:
    if stat.S_ISDIR(st.st_mode):
        shutil.rmtree(path)
    else:
        os.unlink(path)


# --- the record of where the twin is stale ----------------------------------------------------

_RECORD = b"dossier spare record 1"


def _note_stale(out: Path, stale: list[str], folders: dict[str, list[int]], *,
                synced: Path) -> None:
    """Write down, beside the spare twin, that it is ``out`` but for the ``stale`` URLs, with
    what makes that checkable: the inode and times of every folder of each (the ``folders``
    of the site the twin was brought in step with, and those on the way to a stale URL).
    ``synced`` is where that site is now (``out`` after a failure, the twin after a swap);
    when one of its folders changed meanwhile (by hand, during the update) nothing is
    written. Best effort: without a record the next update compares every entry. Call it
    right after the twin became the twin."""
    path = _stale_path(out)
    spare = _spare_path(out)
    candidates = set(folders)
    for url in stale:
        parts = url.split("/")
        candidates.update("/".join(parts[:n]) for n in range(len(parts)))
    try:
        for rel, before in folders.items():     # a rename changes a folder's ctime: not that
            now = _stamp(_at(synced, rel))
            if before is None or now is None or now[:2] != before[:2]:
                return
        body: dict[str, object] = {"stale": sorted(set(stale))}
        for key, tree in (("out", out), ("spare", spare)):
            stamps = {}
            for rel in sorted(candidates):
                stamp = _settled(_at(tree, rel))
                if stamp is not None:
                    stamps[rel] = stamp
            body[key] = stamps
        text = json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
        path.write_bytes(b"%s\n%s\n%s" % (_RECORD, hashlib.sha256(text).hexdigest().encode(), text))
    except OSError:
        with contextlib.suppress(OSError):
            path.unlink()


def _take_record(out: Path) -> dict | None:
    """Read the twin's record and delete it; None when there is none or it is not whole."""
    path = _stale_path(out)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        data = b""
    with contextlib.suppress(FileNotFoundError, IsADirectoryError):   # a folder is never read
        path.unlink()
    try:
        head, digest, text = data.split(b"\n", 2)
        if head != _RECORD or digest != hashlib.sha256(text).hexdigest().encode():
            return None
        body = json.loads(text)
        ok = (isinstance(body, dict)
              and isinstance(body.get("stale"), list)
              and all(isinstance(url, str) for url in body["stale"])
              and all(isinstance(body.get(key), dict) and "" in body[key]
                      and all(isinstance(rel, str) and _ints(stamp, 3)
                              for rel, stamp in body[key].items())
                      for key in ("out", "spare")))
    except ValueError:
        return None
    return body if ok else None


def _ints(value: object, n: int) -> bool:
    return (isinstance(value, list) and len(value) == n
            and all(type(v) is int for v in value))


def _trusted(record: dict | None, out: Path, spare: Path
             ) -> tuple[list[str], dict[str, list[int]]] | None:
    """The stale URLs and the folders of ``out`` from ``record``, if it still holds: every
    folder of ``out`` and ``spare`` it names is the same folder, unchanged."""
    if record is None:
        return None
    for tree, stamps in ((out, record["out"]), (spare, record["spare"])):
        for rel, stamp in stamps.items():
            if _stamp(_at(tree, rel)) != stamp:
                return None
    return record["stale"], record["out"]


def _at(tree: Path, rel: str) -> str:
    return os.path.join(tree, rel) if rel else str(tree)


def _stamp(path: str) -> list[int] | None:
    """A folder's inode, time of change and time of status change (changed by a rename
    too); None for anything but a folder."""
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return [st.st_ino, st.st_mtime_ns, st.st_ctime_ns] if stat.S_ISDIR(st.st_mode) else None


def _settled(path: str) -> list[int] | None:
    """The stamp of a folder, None if it is not one. A folder changed in the last moments
    first has its time of change set back a nanosecond: file times come from a clock that
    may tick only every few milliseconds, so a later change in the same tick could leave
    the time as recorded, but never set it before the tick it happens in."""
    stamp = _stamp(path)
    if stamp is None:
        return None
    if stamp[1] > time.time_ns() - 2_000_000_000:
        os.utime(path, ns=(os.lstat(path).st_atime_ns, stamp[1] - 1), follow_symlinks=False)
        stamp = _stamp(path)
    return stamp


# --- removing -------------------------------------------------------------------------------


def _remove(entry: os.DirEntry) -> None:
    if entry.is_dir(follow_symlinks=False):
        shutil.rmtree(entry.path)
    else:
        os.unlink(entry.path)


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except (FileNotFoundError, NotADirectoryError):     # nothing there, or a file on the way
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


def _retire(tree: Path, out: Path) -> bool:
    """Keep a finished-with copy of the site as the twin for the next update (True), or
    delete it (False). A twin kept here has no record: see ``_note_stale``."""
    spare = _spare_path(out)
    if not spare.exists() and _made_by_dossier(tree):
        os.replace(tree, spare)
        return True
    shutil.rmtree(tree, ignore_errors=True)
    return False
