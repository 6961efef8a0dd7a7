"""Analysis ⇄ YAML, and the rule that keeps people's edits: nothing is lost.

Each file records the article's sha256 (``source.sha256``), the extractor that wrote it and a
fingerprint of the text the extractor wrote. A file whose fingerprint no longer matches its
text has been edited by a person: Dossier never overwrites it. ``plan`` decides what a build
does with each article; ``load`` reads a file back with every schema problem collected.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import exports, yamlio
from .errors import BuildFailed, SchemaError, StoreError
from .model import SCHEMA_VERSION, Analysis, shared

MAX_ANALYSIS_BYTES = 4 * 1024 * 1024
_FINGERPRINT = re.compile(r"^fingerprint: *(sha256:[0-9a-f]+)? *$", re.M)
_HEADER = ("# Dossier analysis of {path}\n"
           "# Review and correct it freely: Dossier never overwrites a file you have edited.\n")


# --- Analysis → YAML text ---------------------------------------------------------------------

def to_data(analysis: Analysis) -> dict[str, Any]:
    """Plain values in the contract's key order (see DESIGN.md)."""
    return exports.plain(analysis)


def dump(analysis: Analysis, *, extractor: str) -> str:
    """The YAML text of a freshly extracted analysis, fingerprinted as untouched."""
    data = to_data(analysis)
    head = yamlio.dump({"schema": data.pop("schema"), "extractor": extractor})
    text = (_HEADER.format(path=analysis.source.path) + head + "fingerprint:\n"
            + yamlio.dump(data))
    return _FINGERPRINT.sub(f"fingerprint: {_digest(text)}", text, count=1)


def _digest(text: str) -> str:
    blank = _FINGERPRINT.sub("fingerprint:", text, count=1)
    return "sha256:" + hashlib.sha256(blank.encode("utf-8")).hexdigest()[:16]


def is_untouched(text: str) -> bool:
    """True when the text is exactly what the extractor wrote (its fingerprint matches)."""
    found = _FINGERPRINT.search(text)
    return bool(found and found.group(1) and found.group(1) == _digest(text))


# --- YAML text → Analysis ---------------------------------------------------------------------

@dataclass(frozen=True)
class Stored:
    """What a YAML file holds besides the analysis itself."""

    analysis: Analysis
    extractor: str | None
    untouched: bool
    lines: dict[tuple[str | int, ...], int]     # key path → line, for messages about the file


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"cannot read the file: {exc.strerror}", path=path) from None
    if len(data) > MAX_ANALYSIS_BYTES:
        raise StoreError(f"file is larger than {MAX_ANALYSIS_BYTES // 1048576} MB; "
                         "is this really an analysis?", path=path)
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        raise StoreError(f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start}; "
                         "save the file as UTF-8", path=path) from None


def parse(text: str, *, path: Path | str) -> Stored:
    """Read an analysis YAML text; raise BuildFailed with every schema problem in it."""
    loaded = yamlio.load(text, path=path, error=StoreError, max_bytes=MAX_ANALYSIS_BYTES)
    data = loaded.data
    if not isinstance(data, dict):
        raise StoreError("expected an analysis (a mapping with keys schema, source, title, ...); "
                         "delete the file to regenerate it", path=path, line=loaded.line(()))
    data = dict(data)
    extractor = data.pop("extractor", None)
    data.pop("fingerprint", None)
    problems: list[SchemaError] = []
    schema = data.get("schema")
    if schema != SCHEMA_VERSION:
        problems.append(SchemaError(f"expected schema {SCHEMA_VERSION}, found {schema!r}",
                                    path=path, line=loaded.line(("schema",)), key="schema"))
    analysis = _convert(Analysis, data, (), loaded, path, problems)
    if problems:
        raise BuildFailed(problems)
    return Stored(analysis=analysis, extractor=str(extractor) if extractor else None,
                  untouched=is_untouched(text), lines=loaded.lines)


def load(path: Path) -> Stored:
    return parse(read_text(path), path=path)


def _name(at: tuple[str | int, ...]) -> str:
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _describe(value: Any) -> str:
    kinds = {dict: "a mapping", list: "a list", type(None): "nothing", bool: "true/false"}
    return kinds.get(type(value), repr(value) if len(repr(value)) < 40 else repr(value)[:37] + "...'")


def _expect(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_expect(a) for a in typing.get_args(tp))
    if origin is list:
        return "a list"
    if dataclasses.is_dataclass(tp):
        return "a mapping"
    return {str: "text", int: "a whole number", float: "a number", type(None): "null"}.get(tp, str(tp))


@functools.lru_cache(maxsize=None)
def _shape(tp: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field]]:
    """A dataclass's resolved field types and fields: resolving the annotations (strings,
    under ``from __future__ import annotations``) costs more than converting a value."""
    return typing.get_type_hints(tp), {f.name: f for f in dataclasses.fields(tp)}


def _convert(tp: Any, value: Any, at: tuple[str | int, ...], loaded: yamlio.Loaded,
             path: Path | str, problems: list[SchemaError], expected: Any = None) -> Any:
    """Check ``value`` against the type ``tp`` and build it; note problems instead of stopping."""

    def problem(message: str) -> None:
        problems.append(SchemaError(message, path=path, line=loaded.line(at), key=_name(at) or None))

    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(tp)
        if value is None and type(None) in options:
            return None
        (inner,) = [o for o in options if o is not type(None)]
        return _convert(inner, value, at, loaded, path, problems, expected=tp)
    if origin is list:
        if value is None:
            return []
        if not isinstance(value, list):
            problem(f"expected a list, found {_describe(value)}")
            return []
        (item_tp,) = typing.get_args(tp)
        return [_convert(item_tp, v, (*at, i), loaded, path, problems) for i, v in enumerate(value)]
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            problem(f"expected a mapping, found {_describe(value)}")
            return None
        hints, fields = _shape(tp)
        for key in value:
            if key not in fields and not (tp is Analysis and key == "schema"):
                known = ", ".join(fields)
                problems.append(SchemaError(f"unknown key; known keys here: {known}", path=path,
                                            line=loaded.line((*at, str(key))),
                                            key=_name((*at, str(key)))))
        kwargs = {}
        for name, f in fields.items():
            if name in value:
                kwargs[name] = _convert(hints[name], value[name], (*at, name), loaded, path, problems)
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                problems.append(SchemaError("required key is missing", path=path,
                                            line=loaded.line(at), key=_name((*at, name))))
                return None
        try:
            return tp(**kwargs)
        except TypeError:
            return None
    if tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif tp is str:
        if isinstance(value, str):
            return shared(value)            # one object per recurring short text (model.py)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
    elif tp is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    problem(f"expected {_expect(expected or tp)}, found {_describe(value)}")
    return None


# --- writing ----------------------------------------------------------------------------------

def write_text(path: Path, text: str) -> None:
    """Write a file whole or not at all (temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"cannot write the file: {exc.strerror}", path=path) from None


# --- the rule: nothing is lost ----------------------------------------------------------------

@dataclass(frozen=True)
class Synced:
    """What ``sync`` did for one article, and the analysis the site will show."""

    stored: Stored
    action: str           # created | unchanged | updated | reviewed | conflict
    path: Path
    note: str = ""


def sync(path: Path, article_sha: str, extractor: str,
         fresh: typing.Callable[[], Analysis]) -> Synced:
    """Bring ``path`` up to date with its article without ever overwriting a person's edits.

    no file                          → extract and write it                     (created)
    untouched, same article/extractor → use it                                  (unchanged)
    untouched, article or extractor changed → extract and overwrite it          (updated)
    edited, same article             → use it as the reviewed record            (reviewed)
    edited, article changed          → keep it; write the fresh extraction beside it as
                                       <slug>.yaml.new and say so               (conflict)
    """
    action, stored = plan(path, article_sha, extractor)
    if stored is None or action == "updated":
        return _write_fresh(path, fresh(), extractor, action)
    if action != "conflict":
        return Synced(stored, action, path)
    new_path = path.with_name(path.name + ".new")
    write_text(new_path, dump(fresh(), extractor=extractor))
    note = (f"the article changed after this analysis was edited by hand; your file is kept and "
            f"the fresh extraction is in {new_path.name}: merge what you need, then run "
            f"'dossier accept {path.stem}'")
    return Synced(stored, "conflict", path, note)


def plan(path: Path, article_sha: str, extractor: str) -> tuple[str, Stored | None]:
    """What ``sync`` will do with ``path`` (its action, see there) and the file as it is
    (None when there is none)."""
    if not path.exists():
        return "created", None
    stored = parse(read_text(path), path=path)
    same_article = stored.analysis.source.sha256 == article_sha
    if stored.untouched:
        if same_article and stored.extractor == extractor:
            return "unchanged", stored
        return "updated", stored
    return ("reviewed" if same_article else "conflict"), stored


def preview(path: Path, article_sha: str, extractor: str,
            fresh: typing.Callable[[], Analysis]) -> Stored:
    """What ``sync`` will give for ``path``, without writing anything."""
    action, stored = plan(path, article_sha, extractor)
    if stored is None or action == "updated":
        return Stored(fresh(), extractor, untouched=True, lines={})
    return stored


def _write_fresh(path: Path, analysis: Analysis, extractor: str, action: str) -> Synced:
    text = dump(analysis, extractor=extractor)
    write_text(path, text)
    path.with_name(path.name + ".new").unlink(missing_ok=True)
    # what was just written loads back equal to ``analysis`` (tests/test_store.py proves it)
    return Synced(Stored(analysis, extractor, untouched=True, lines={}), action, path)


def accept(path: Path, article_sha: str) -> None:
    """Mark a reviewed file as up to date with its article; comments and order are kept."""
    text = read_text(path)
    parse(text, path=path)  # refuse to stamp a file that does not load
    write_text(path, yamlio.update(text, {("source", "sha256"): article_sha}))
    path.with_name(path.name + ".new").unlink(missing_ok=True)


def force(path: Path, analysis: Analysis, extractor: str) -> Path | None:
    """Overwrite ``path`` with a fresh extraction; an existing file is kept as .bak first."""
    backup = None
    if path.exists():
        backup = path.with_name(path.name + ".bak")
        write_text(backup, read_text(path))
    _write_fresh(path, analysis, extractor, "updated")
    return backup
