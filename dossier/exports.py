"""Data for people who would rather work in a spreadsheet or a notebook: JSON and CSV text.

``site.py`` decides what goes in each export (rows, columns); this module only encodes, the
same way every time: keys sorted, floats that are whole numbers written as integers, CSV
with a header row and formula-looking cells defused so a spreadsheet shows them as text.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from dataclasses import dataclass
from typing import Any

Cell = str | int | float | bool | None


@dataclass(frozen=True)
class Table:
    """Rows for one CSV file."""

    columns: list[str]
    rows: list[list[Cell]]


def plain(value: Any) -> Any:
    """Dataclasses, lists and dicts → JSON-ready values (field order kept)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def json_text(value: Any) -> str:
    """Indented, key-ordered JSON, ending in a newline; non-ASCII written as is."""
    return json.dumps(plain(value), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


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
