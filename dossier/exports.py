"""Data for people who would rather work in a spreadsheet or a notebook: JSON and CSV text.

``site.py`` decides what goes in each export (rows, columns); this module only encodes, the
same way every time: keys sorted, floats that are whole numbers written as integers, CSV
with a header row and formula-looking cells defused so a spreadsheet shows them as text.
"""
from __future__ import annotations

import csv
import dataclasses
import functools
import io
import json
import re
from dataclasses import dataclass
from typing import Any, Callable

Cell = str | int | float | bool | None


@dataclass(frozen=True)
class Table:
    """Rows for one CSV file."""

    columns: list[str]
    rows: list[list[Cell]]


def plain(value: Any) -> Any:
    """Dataclasses, lists and dicts → JSON-ready values (field order kept)."""
    kind = type(value)
    if kind is str or kind is int or value is None or kind is bool:
        return value
    if kind is list or kind is tuple:
        return [plain(v) for v in value]
    if kind is dict:
        return {str(k): plain(v) for k, v in value.items()}
    if kind is float:
        return int(value) if value.is_integer() else value
    names = _field_names(kind)
    if names is not None:
        return {name: plain(getattr(value, name)) for name in names}
    return value


@functools.lru_cache(maxsize=None)
def _field_names(kind: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


_line = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))  # compact


class Lines:
    """The encoded lines of the items of top-level lists (see json_text), by a key that
    names each item's content exactly (``key``: a digest token, cache.Digester), so that a
    corpus-wide export re-encodes only the items that changed since the last build.

    ``known``: key → line, from earlier builds (never changed here); ``learned``: the lines
    this process encoded since the last ``take``."""

    def __init__(self, key: Callable[[Any], str], known: dict[str, str] | None = None) -> None:
        self.key = key
        self.known = known or {}
        self.learned: dict[str, str] = {}

    def line(self, item: Any) -> str:
        try:
            key = self.key(item)
        except TypeError:                   # not digestible: no key, encoded every time
            return _line(plain(item))
        found = self.known.get(key)
        if found is None:
            found = self.learned.get(key)
            if found is None:
                found = self.learned[key] = _line(plain(item))
        return found

    def take(self) -> dict[str, str]:
        """The lines learned since the last call (to send them from a worker process)."""
        learned, self.learned = self.learned, {}
        return learned


def json_text(value: Any, lines: Lines | None = None) -> str:
    """Key-ordered JSON ending in a newline, non-ASCII written as is: one line per item of a
    top-level list or mapping, each line compact (the C encoder: indenting is 10× slower).
    With ``lines``, the line of each item of a top-level list is taken from there when
    known (the same text: the line of an item is ``plain`` of the item, encoded)."""
    if lines is not None and (type(value) is list or type(value) is tuple) and value:
        return "[\n" + ",\n".join([lines.line(v) for v in value]) + "\n]\n"
    data = plain(value)
    if isinstance(data, list) and data:
        return "[\n" + ",\n".join(map(_line, data)) + "\n]\n"
    if isinstance(data, dict) and data:
        return "{\n" + ",\n".join(f"{_line(k)}:{_line(v)}" for k, v in data.items()) + "\n}\n"
    return _line(data) + "\n"


_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _cell(value: Cell) -> Cell:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _FORMULA.match(value) and not _NUMBER.match(value):
        return "'" + value   # a spreadsheet would run "=HYPERLINK(...)" as a formula
    return value


def csv_text(table: Table) -> str:
    """RFC 4180 CSV (CRLF line ends), header first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(["" if v is None else _cell(v) for v in row])
    return out.getvalue()
