"""An article file → Article: front matter, paragraphs with stable ids, sha256.

Paragraphs are the blocks between blank lines or, in text written one paragraph per line,
the lines; list items are paragraphs of their own. They are numbered p1, p2, ... in order.
Hard-wrapped prose (lines of similar length that run on mid-sentence) is joined back.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from slugify import slugify

from . import yamlio
from .errors import SourceError
from .model import Article, FrontMatter, Paragraph

EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown"}
MAX_FRONT_MATTER_BYTES = 64 * 1024
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FRONT_MATTER_KEYS = tuple(FrontMatter.__dataclass_fields__)

_LIST_ITEM = re.compile(r"^\s*(?:[-*+•▪◦‣·]\s+|\(?\d{1,3}[.)]\s+|\(?[a-z][.)]\s+)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_SENTENCE_END = re.compile(r"[.!?:;…\"'”’)\]]\s*$")


def discover(folder: Path) -> list[Path]:
    """Article files in ``folder`` (not recursive), sorted by name; hidden files skipped."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.suffix.lower() in EXTENSIONS and not p.name.startswith(".") and p.is_file())


def read(path: Path, *, max_bytes: int, display: str | None = None) -> Article:
    """Read one article file. ``display`` is the path shown in messages and stored in YAML."""
    shown = display or str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror}", path=shown) from None
    if size > max_bytes:
        raise SourceError(f"the article is {size / 1048576:.1f} MB, above the limit of "
                          f"{max_bytes // 1024} KB; split it, or raise max_article_kb in config.yaml",
                          path=shown)
    data = path.read_bytes()
    return parse(data, path=shown, name=path.name)


def parse(data: bytes, *, path: str, name: str) -> Article:
    """Parse an article's bytes; ``name`` (the file name) gives the format and default slug."""
    sha = hashlib.sha256(data).hexdigest()
    text = _decode(data, path)
    meta, body, body_line = _front_matter(text, path)
    stem, _, ext = name.rpartition(".")
    fmt = EXTENSIONS.get("." + ext.lower(), "text")
    slug = meta.slug or slugify(stem or name)
    if not slug:
        raise SourceError("cannot make a slug from the file name; rename the file or set "
                          "'slug:' in the front matter", path=path)
    paragraphs = split_paragraphs(body, first_line=body_line, markdown=fmt == "markdown")
    if not paragraphs:
        raise SourceError("the article has no text; write the article below the front matter "
                          "or remove the file", path=path)
    return Article(path=path, slug=slug, format=fmt, sha256=sha, meta=meta,
                   paragraphs=tuple(paragraphs), body_line=body_line)


def _decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise SourceError("the file is empty; write the article text or remove the file", path=path)
    if b"\x00" in data[:8192]:
        raise SourceError("this is a binary file, not text; articles must be .txt or .md text",
                          path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise SourceError(f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start} "
                          "cannot be decoded; save the file as UTF-8", path=path, line=line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _front_matter(text: str, path: str) -> tuple[FrontMatter, str, int]:
    """Split off the YAML block between '---' lines at the very top, if there is one."""
    if not text.startswith("---\n"):
        return FrontMatter(), text, 1
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.M)
    if end is None:
        raise SourceError("front matter starts with '---' but has no closing '---' line; "
                          "add one below the last key", path=path, line=1)
    block = text[4:4 + end.start()]
    loaded = yamlio.load(block, path=path, error=SourceError, max_bytes=MAX_FRONT_MATTER_BYTES,
                         first_line=2)
    rest = text[4 + end.end():]
    rest = rest[1:] if rest.startswith("\n") else rest
    body_line = block.count("\n") + 3
    data = loaded.data if loaded.data is not None else {}
    if not isinstance(data, dict):
        raise SourceError("front matter must be 'key: value' lines", path=path, line=2)
    return _meta(data, loaded, path), rest, body_line


def _meta(data: dict[Any, Any], loaded: yamlio.Loaded, path: str) -> FrontMatter:
    def fail(key: str, message: str) -> SourceError:
        return SourceError(message, path=path, line=loaded.line((key,)), key=key)

    unknown = sorted(str(k) for k in data if k not in FRONT_MATTER_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown front matter key; known keys: {', '.join(FRONT_MATTER_KEYS)}")
    fields: dict[str, Any] = {}
    for key in ("title", "publisher", "source_url", "date", "slug"):
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, (dict, list, bool)):
            raise fail(key, "expected text")
        fields[key] = str(value).strip() or None
    for key in ("countries", "tags"):
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            value = [v for v in (s.strip() for s in value.split(",")) if v]
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            raise fail(key, "expected a list of names, e.g. [Belarus, Pakistan]")
        fields[key] = tuple(str(v).strip() for v in value if str(v).strip())
    url = fields.get("source_url")
    if url and not re.match(r"^https?://\S+$", url):
        raise fail("source_url", f"expected a web address starting with http:// or https://, "
                                 f"found '{url}'")
    date = fields.get("date")
    if date and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise fail("date", f"expected a date written YYYY-MM-DD, found '{date}'")
    slug = fields.get("slug")
    if slug and not SLUG_RE.fullmatch(slug):
        raise fail("slug", f"a slug is lowercase letters, digits and hyphens (e.g. 'pm-visit-2024'); "
                           f"found '{slug}'")
    return FrontMatter(**fields)


# --- paragraphs -------------------------------------------------------------------------------

def split_paragraphs(body: str, *, first_line: int = 1, markdown: bool = False) -> list[Paragraph]:
    """Blocks of text with their first line; numbered p1, p2, ... in order."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    fenced = False
    for index, raw in enumerate(body.split("\n")):
        line = raw.rstrip()
        if markdown and _FENCE.match(line):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append((start, current))
                current = []
            continue
        if not current:
            start = index
        current.append(line)
    if current:
        blocks.append((start, current))

    pieces: list[tuple[int, str, int]] = []
    for start, lines in blocks:
        pieces.extend(_split_block(start + first_line, lines, markdown=markdown))
    return [Paragraph(id=f"p{n}", text=text, line=line, indent=indent)
            for n, (line, text, indent) in enumerate(pieces, start=1)]


def _split_block(first: int, lines: list[str], *, markdown: bool) -> list[tuple[int, str, int]]:
    """One blank-line block → paragraphs: list items and headings apart, wrapped prose joined."""
    if markdown and _FENCE.match(lines[0]):
        return [(first, "\n".join(lines), 0)]
    wrapped = _looks_hard_wrapped(lines)
    out: list[tuple[int, list[str], int]] = []
    for offset, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        starts_item = bool(_LIST_ITEM.match(line)) or (markdown and bool(_HEADING.match(line)))
        if markdown and _SETEXT.match(line) and out and len(out[-1][1]) == 1:
            out[-1][1].append(line)  # a Setext heading underline belongs to the line above it
            continue
        continues = out and (wrapped or (indent > out[-1][2] and not starts_item))
        if continues and not starts_item and not (markdown and _HEADING.match(out[-1][1][0])):
            out[-1][1].append(line.strip())
        else:
            out.append((first + offset, [line], indent))
    return [(line, _join(parts), indent) for line, parts, indent in out]


def _join(parts: list[str]) -> str:
    if len(parts) == 2 and _SETEXT.match(parts[1]):
        return parts[0].strip() + "\n" + parts[1].strip()
    return " ".join(p.strip() for p in parts)


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """Prose broken at a fixed width: lines of moderate length, most ending mid-sentence."""
    if len(lines) < 2:
        return False
    body = [ln for ln in lines[:-1] if not _LIST_ITEM.match(ln)]
    if not body or max(len(ln) for ln in lines) > 120:
        return False
    running_on = sum(1 for ln in body if not _SENTENCE_END.search(ln))
    return running_on * 2 >= len(body) and all(len(ln) >= 30 for ln in body)
