"""Build records: what the last build was made from, so the next build redoes only what changed.

Two files in ``paths.cache``, plain data with a format version:

    record.pickle   all a build needs to see that nothing changed, and so small to load:
        inputs      the stat (mtime, size, inode) of every file a build reads, by group:
                    articles, analyses, templates, static files, config.yaml and Dossier's
                    own code. When nothing differs and every output file is in place, a
                    build stops right there.
        outputs     per output file: the digest of what made it. A page's digest covers what
                    it shows (see Digester), the templates it uses, the site settings and the
                    asset URLs; a copied file's, its source path and content.
    entries.pickle  per input file, what it was found to be:
        articles    per article file: its stat, identity (path, slug, sha256, front matter)
                    and the key of its parsed Article in the object store
        analyses    per analysis YAML: its stat, the sha256 of its text, the article and
                    extractor it was checked against, what the store did with it, and the
                    key of the parsed Analysis (stored with the paragraphs it quotes)
        assets      the static files' URLs and content digests, with the stats they were
                    computed from
        derived     the digests of page data made from something cheaper to digest (a
                    briefing from its analysis, article and links), by a digest of that
        lines       the JSON line of each item of a list a page shows (data/analysis.json:
                    one analysis each), by the item's digest token

Parsed articles and analyses live in an object store beside them (objects/<key>.pickle, one
file each, named by content), so unchanged files are neither re-read nor re-parsed, and a
one-file edit writes one object. Nothing here knows the page kinds: digests walk any data.
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import itertools
import marshal
import operator
import os
import pickle
import re
import stat as stat_module
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple

FORMAT = 5
RECORD_NAME = "record.pickle"
ENTRIES_NAME = "entries.pickle"

Stat = tuple[int, int, int]                 # (mtime_ns, size, inode)
Files = dict[str, Stat]                     # absolute path → stat


# --- inputs -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Root:
    """Where some of a build's input files are: one file, or the files of a folder."""

    group: str                              # articles | analyses | templates | static | config | code
    path: str
    recursive: bool = False
    suffixes: tuple[str, ...] = ()          # only files ending so (lower case); () = every file


def stat_key(result: os.stat_result) -> Stat:
    return (result.st_mtime_ns, result.st_size, result.st_ino)


def scan(roots: Iterable[Root]) -> dict[str, Files]:
    """Stat every input file, by group. Hidden files and folders (".name") are not inputs."""
    groups: dict[str, Files] = {}
    for root in roots:
        files = groups.setdefault(root.group, {})
        try:
            info = os.stat(root.path)
        except OSError:
            continue
        if stat_module.S_ISDIR(info.st_mode):
            _scan_folder(root.path, root, files)
        else:
            files[root.path] = stat_key(info)
    return groups


def _scan_folder(folder: str, root: Root, files: Files) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name == "__pycache__":
            continue
        try:
            if entry.is_dir():
                if root.recursive:
                    _scan_folder(entry.path, root, files)
            elif not root.suffixes or entry.name.lower().endswith(root.suffixes):
                files[entry.path] = stat_key(entry.stat())
        except OSError:
            continue


# --- the record -------------------------------------------------------------------------------

class ArticleEntry(NamedTuple):
    stat: Stat | None
    key: str                                # object store key of the parsed Article
    identity: bytes                         # its path, slug, sha256, front matter (lazy.py)


class AnalysisEntry(NamedTuple):
    """An analysis YAML that loaded and validated against its article."""

    stat: Stat
    text_sha: str                           # sha256 of the file's bytes
    article_sha: str                        # the article it was checked against
    extractor: str                          # the extractor version it was synced with
    action: str                             # what store.sync did: created, unchanged, reviewed, ...
    note: str
    key: str                                # object store key of (Analysis, lazy.Excerpts)


@dataclass
class Record:
    """What the last successful build was made from and what it made."""

    format: int = FORMAT
    config_key: str = ""
    roots: tuple[Root, ...] = ()
    inputs: dict[str, Files] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)     # site URL → digest of its sources
    briefings: int = 0
    pages: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class Entries:
    """What each input file was found to be (kept after a failed build too)."""

    format: int = FORMAT
    code: Files = field(default_factory=dict)       # Dossier's code when they were made
    articles: dict[str, ArticleEntry] = field(default_factory=dict)      # by absolute path
    analyses: dict[str, AnalysisEntry] = field(default_factory=dict)     # by absolute path
    assets: tuple[Files, dict[str, str], dict[str, str], dict[str, str]] | None = None
    # (the static files' stats, name → URL, URL → source file, URL → sha256 of its content)
    derived: dict[str, str] = field(default_factory=dict)
    # digest of what some page data is made from → the Digester token of that data, so
    # the next build need not walk it again (see pipeline._digests)
    lines: dict[str, str] = field(default_factory=dict)
    # Digester token of an item of a page's list → its line in a JSON export (exports.Lines),
    # so a corpus-wide export re-encodes only the items that changed
    identities: tuple[dict, dict] | None = None
    # the entity ids the last successful build decided (site._Identities: ids, split), so
    # that a server started on a built site can preview an edit without deciding them again

    def keys(self) -> set[str]:
        """The objects these entries need from the store."""
        return ({e.key for e in self.articles.values()}
                | {e.key for e in self.analyses.values()})


def load(folder: Path) -> Record | None:
    """The record in ``folder``; None when there is none or it cannot be used (old format,
    damaged file): the build then simply starts from scratch."""
    record = _load(folder / RECORD_NAME)
    return record if isinstance(record, Record) and record.format == FORMAT else None


def load_entries(folder: Path) -> Entries:
    entries = _load(folder / ENTRIES_NAME)
    return entries if isinstance(entries, Entries) and entries.format == FORMAT else Entries()


def save(folder: Path, record: Record | None, entries: Entries) -> None:
    """Write the entries, then the record (when given), each whole or not at all."""
    _write_atomic(folder / ENTRIES_NAME, pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL))
    if record is not None:
        _write_atomic(folder / RECORD_NAME, pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))


def _load(path: Path) -> Any:
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:       # a damaged or foreign file only costs a full build
        return None


def config_key(config: object, code: Path) -> str:
    """A digest of the (frozen, plain) config and of where Dossier's code is: any setting
    that differs, or another copy of Dossier, makes another key."""
    return hashlib.blake2b(f"{config!r}\0{code}".encode(), digest_size=16).hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# --- the object store -------------------------------------------------------------------------

class Objects:
    """Parsed articles and analyses, one pickle per object, named by a digest of their source.

    ``get`` keeps what it reads in memory (analyses: a long-running process, the server,
    reads each one from disk once); ``recall`` keeps only the most recently used (article
    texts: a build needs the few it renders, not all of them at once)."""

    RECENT = 256

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.memory: dict[str, Any] = {}
        self.recent: OrderedDict[str, Any] = OrderedDict()

    def get(self, key: str) -> Any | None:
        if key in self.memory:
            return self.memory[key]
        value = self._read(key)
        if value is not None:
            self.memory[key] = value
        return value

    def has(self, key: str) -> bool:
        """Whether ``get(key)`` can find the object (in memory, or its file)."""
        return key in self.memory or os.path.exists(os.path.join(self.folder, f"{key}.pickle"))

    def recall(self, key: str) -> Any | None:
        if key in self.memory:
            return self.memory[key]
        if key in self.recent:
            self.recent.move_to_end(key)
            return self.recent[key]
        value = self._read(key)
        if value is not None:
            self._remember(key, value)
        return value

    def put(self, key: str, value: Any, *, keep: bool = True) -> None:
        """Store ``value``; keep it in memory, or (``keep=False``) among the recent ones.
        A file is written once (its name is its content's digest): with O_EXCL, no temporary
        file; one a crash left half written fails to load, is deleted, and is made again."""
        if keep:
            self.memory[key] = value
        else:
            self._remember(key, value)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        path = os.path.join(self.folder, f"{key}.pickle")
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return
        except FileNotFoundError:
            os.makedirs(self.folder, exist_ok=True)
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            os.write(handle, data)
        finally:
            os.close(handle)

    def keep_only(self, keys: set[str]) -> None:
        """Forget every object not in ``keys`` (on disk and in memory)."""
        for held in (self.memory, self.recent):
            for key in [k for k in held if k not in keys]:
                del held[key]
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name.endswith(".pickle") and name[:-len(".pickle")] not in keys:
                (self.folder / name).unlink(missing_ok=True)

    def _read(self, key: str) -> Any | None:
        path = os.path.join(self.folder, f"{key}.pickle")
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:   # damaged: the caller reads the source again, and stores it anew
            with contextlib.suppress(OSError):
                os.unlink(path)
            return None

    def _remember(self, key: str, value: Any) -> None:
        self.recent[key] = value
        self.recent.move_to_end(key)
        while len(self.recent) > self.RECENT:
            self.recent.popitem(last=False)


def object_key(kind: str, *parts: str) -> str:
    digest = hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()
    return f"{kind}-{digest}"


# --- digests ----------------------------------------------------------------------------------

_SCALARS = frozenset({str, int, float, bool, type(None)})
_SEQUENCES = frozenset({list, tuple})
_ROWS = 16          # from this many rows, a table of plain values is digested all at once


class Digester:
    """Digests of page data: anything built from dataclasses, lists, tuples, dicts, sets and
    plain values. Each dataclass instance is digested once per Digester (by identity), so a
    briefing listed on many pages costs one walk. ``known`` seeds digests of objects whose
    content is already known (an Analysis: the sha256 of its YAML); ``special`` digests a type
    by a few fields that determine it (an Article: path, sha256, format)."""

    def __init__(self, *, known: dict[int, tuple[object, str]] | None = None,
                 special: dict[type, Callable[[Any], str]] | None = None) -> None:
        self._memo: dict[int, tuple[object, str]] = dict(known or {})
        self._special = special or {}
        self._busy: set[int] = set()
        self._dataclasses: dict[type, tuple[str, Callable[[Any], Iterable[Any]]]] = {}
        # each dataclass walked: its name, and how to read its fields' values in order

    def know(self, value: object, token: str) -> None:
        """Take ``token`` as ``value``'s token from now on, instead of walking it: for objects
        whose content the caller can name more cheaply (one that is made from another object
        alone gets a token naming that object's token)."""
        self._memo[id(value)] = (value, token)

    def keep_only(self, values: Iterable[object]) -> None:
        """Forget the tokens of everything but ``values`` (those of a build's later
        questions): the memo holds an entry for each object walked, a sixth of a large
        build's memory."""
        memo = self._memo
        self._memo = {ident: memo[ident] for ident in map(id, values) if ident in memo}

    def digest(self, value: Any) -> str:
        """A short hex digest of ``value``'s content."""
        return digest_text(self.token(value))

    def token(self, value: Any) -> str:
        """A text that differs when ``value``'s content differs: scalars inline, containers
        item by item, each dataclass instance as a digest of its fields (memoised)."""
        kind = type(value)
        if kind in _SCALARS:
            return repr(value)
        if kind is list or kind is tuple:
            if _SCALARS.issuperset(map(type, value)):      # evidence ids, names: all in C
                return repr(value)
            if len(value) >= _ROWS and _SEQUENCES.issuperset(map(type, value)) and all(
                    map(_SCALARS.issuperset, map(map, itertools.repeat(type), value))):
                # rows of plain values (a CSV table): their marshal bytes name them exactly
                # (version 2: no references, so equal content, equal bytes), 10x faster than
                # repr; "\0" starts no other token
                digest = hashlib.blake2b(marshal.dumps(value, 2), digest_size=16).hexdigest()
                return f"[\0{digest}]" if kind is list else f"(\0{digest})"
            inner = ",".join([repr(v) if type(v) in _SCALARS else self.token(v) for v in value])
            return f"[{inner}]" if kind is list else f"({inner})"
        if kind is dict:
            return "{" + ",".join([
                (repr(k) if type(k) in _SCALARS else self.token(k)) + ":"
                + (repr(v) if type(v) in _SCALARS else self.token(v))
                for k, v in value.items()]) + "}"
        ident = id(value)
        known = self._memo.get(ident)
        if known is not None:
            return known[1]
        if ident in self._busy:                     # a reference back up the walk
            return f"^{kind.__qualname__}"
        self._busy.add(ident)
        try:
            walked = self._dataclasses.get(kind)
            if walked is None:
                text = self._text(value, kind)
            else:                                   # as in _text, without finding out how
                text = self._fields_text(value, *walked)
        finally:
            self._busy.discard(ident)
        token = "#" + digest_text(text) if len(text) > 64 else text
        self._memo[ident] = (value, token)          # the value is kept so its id stays its own
        return token

    def _text(self, value: Any, kind: type) -> str:
        special = self._special.get(kind)
        if special is not None:
            return f"{kind.__qualname__}:{special(value)}"
        if kind is set or kind is frozenset:
            return "<" + ",".join(sorted(self.token(v) for v in value)) + ">"
        if dataclasses.is_dataclass(kind):
            walked = self._dataclasses[kind] = (kind.__qualname__, _field_values(kind, value))
            return self._fields_text(value, *walked)
        if isinstance(value, os.PathLike):
            return f"path:{os.fspath(value)}"
        if kind.__repr__ is not object.__repr__:
            return f"{kind.__qualname__}:{value!r}"
        raise TypeError(f"cannot digest a {kind.__qualname__}: page data must be made of "
                        "dataclasses, lists, tuples, dicts, sets and plain values")

    def _fields_text(self, value: Any, name: str, values: Callable[[Any], Iterable[Any]]
                     ) -> str:
        return name + repr([                        # (token,): never equal to a plain value
            v if type(v) in _SCALARS else (self.token(v),) for v in values(value)])


def _field_values(kind: type, value: Any) -> Callable[[Any], Iterable[Any]]:
    """How to read the field values of a dataclass in order: its __dict__, or (__slots__)
    each field."""
    if type(getattr(value, "__dict__", None)) is dict:
        return _dict_values
    names = [f.name for f in dataclasses.fields(kind)]
    if len(names) > 1:
        return operator.attrgetter(*names)
    return lambda v: [getattr(v, name) for name in names]     # (attrgetter of one: no tuple)


def _dict_values(value: Any) -> Iterable[Any]:
    return value.__dict__.values()


def digest_text(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def sha256_file(path: str | Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


# --- templates --------------------------------------------------------------------------------

_TAG = re.compile(r"\{%[-+]?\s*(extends|include|import|from)\b(.*?)[-+]?%\}", re.S)
_ARGUMENT_END = re.compile(r"\s+(?:import|as|ignore\s+missing|with\s+context|without\s+context)\b.*$",
                           re.S)
_LITERAL = re.compile(r"""\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*""")


def template_refs(source: str) -> tuple[str, ...] | None:
    """The templates a template names in extends/include/import/from tags; None when one of
    them is chosen at render time (a variable or an expression), so it may use any template."""
    names: list[str] = []
    for match in _TAG.finditer(source):
        argument = _ARGUMENT_END.sub("", match.group(2).strip())
        literals = argument[1:-1] if argument.startswith("[") and argument.endswith("]") else argument
        parts = [p for p in literals.split(",") if p.strip()] if argument.startswith("[") else [literals]
        for part in parts:
            found = _LITERAL.fullmatch(part)
            if not found:
                return None
            names.append(found.group(1) if found.group(1) is not None else found.group(2))
    return tuple(dict.fromkeys(names))


def template_digests(folders: list[Path]) -> dict[str, str]:
    """Template name → digest of its source and of every template it uses, for the templates
    in ``folders`` (earlier folders win, as in the Jinja loader)."""
    sources: dict[str, bytes] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            name = path.relative_to(folder).as_posix()
            if path.is_file() and name not in sources:
                sources[name] = path.read_bytes()
    refs = {name: template_refs(data.decode("utf-8", "replace")) for name, data in sources.items()}
    everything = digest_text("\0".join(f"{n}\0{hashlib.sha256(d).hexdigest()}"
                                 for n, d in sorted(sources.items())))
    done: dict[str, str] = {}
    return {name: _template_digest(name, (), sources, refs, everything, done) for name in sources}


def _template_digest(name: str, path: tuple[str, ...], sources: dict[str, bytes],
                     refs: dict[str, tuple[str, ...] | None], everything: str,
                     done: dict[str, str]
                     ) -> str:
    """One template's digest (see template_digests); ``path``: the templates using it, to
    stop at cycles. (A function of its own, not a recursive closure, which would be a
    reference cycle keeping the sources after the build: pipeline.settle.)"""
    if name in done:
        return done[name]
    if name not in sources:
        return f"missing:{name}"
    if refs[name] is None:
        result = digest_text(f"{name}\0dynamic\0{everything}")
    else:
        used = [_template_digest(r, (*path, name), sources, refs, everything, done)
                if r not in path else f"cycle:{r}" for r in refs[name]]
        result = digest_text("\0".join([name, hashlib.sha256(sources[name]).hexdigest(), *used]))
    done[name] = result
    return result
