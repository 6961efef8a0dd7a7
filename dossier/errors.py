"""User errors: things a person can fix in their files. Anything else is a bug.

    DossierError              message, path, line (and key) — printed as one line, no traceback
     ├── ConfigError          config.yaml is missing, malformed or has a bad value
     ├── SourceError          an article cannot be read (encoding, front matter, size, slug)
     ├── StoreError           an analysis YAML cannot be read or written
     ├── SchemaError          an analysis YAML does not follow the schema
     ├── RenderError          a template is missing or fails
     ├── OutputError          the output folder cannot be written safely
     └── BuildFailed          several problems at once (each one a DossierError)

Each error renders as ``path:line: key: message`` so editors and terminals can jump to it.
"""
from __future__ import annotations

from pathlib import Path


class DossierError(Exception):
    """A problem in the user's files or command line, reported without a traceback."""

    def __init__(self, message: str, *, path: Path | str | None = None,
                 line: int | None = None, key: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.key = key

    def where(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line else f"{self.path}"

    def __str__(self) -> str:
        parts = [p for p in (self.where(), f"key '{self.key}'" if self.key else "") if p]
        return ": ".join([*parts, self.message])


class ConfigError(DossierError):
    """config.yaml is missing, malformed, or has a bad value."""


class SourceError(DossierError):
    """An article cannot be read."""


class StoreError(DossierError):
    """An analysis YAML cannot be read or written."""


class SchemaError(DossierError):
    """An analysis YAML does not follow the schema."""


class RenderError(DossierError):
    """A template is missing or failed to render."""


class OutputError(DossierError):
    """The output folder cannot be written safely."""


class BuildFailed(DossierError):
    """Several problems were found; ``problems`` holds each of them."""

    def __init__(self, problems: list[DossierError]) -> None:
        files = len({str(p.path) for p in problems if p.path is not None})
        noun = "problem" if len(problems) == 1 else "problems"
        where = f" in {files} file{'s' if files != 1 else ''}" if files else ""
        super().__init__(f"build failed: {len(problems)} {noun}{where}; the previous site was left as it was")
        self.problems = problems
