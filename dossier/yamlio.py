"""The one gateway to YAML: safe, bounded loading with line numbers, stable dumping, and
comment-preserving updates of files people have edited.

Loading refuses what a hostile or broken file could use against us: tags that build Python
objects (``!!python/object``), anchors and aliases (the "billion laughs" bomb), documents past
a size limit and nesting past a depth limit. Every refusal is the caller's error class with
file, line and a sentence on what to do.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DossierError

MAX_DEPTH = 40

Path_ = tuple[str | int, ...]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader that keeps dates as the strings people wrote."""


_NO_TIMESTAMPS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.yaml_implicit_resolvers = _NO_TIMESTAMPS


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block style for structure, flow style for short lists of scalars (``[p1, p4]``); dates
    written plain, as they are read back as text."""


_Dumper.yaml_implicit_resolvers = _NO_TIMESTAMPS


def _flow(data: list) -> bool:
    """Short lists of scalars on one line (``[p1, p4]``)."""
    return bool(data) and all(isinstance(x, (str, int, float)) and len(str(x)) < 40 for x in data)


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=_flow(data))


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(str, _represent_str)


@dataclass(frozen=True)
class Loaded:
    """A loaded YAML document and the line (1-based) of every key and list item in it."""

    data: Any
    lines: dict[Path_, int]

    def line(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def load(text: str, *, path: Path | str, error: type[DossierError], max_bytes: int,
         first_line: int = 1) -> Loaded:
    """Parse one YAML document safely; ``first_line`` offsets line numbers (front matter)."""
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise error(f"file is larger than {max_bytes // 1024} KB; split it or trim it", path=path)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        problem = exc.problem or "not valid YAML"
        raise error(f"invalid YAML: {problem}; check indentation, colons and quotes",
                    path=path, line=line) from None
    except yaml.YAMLError as exc:
        raise error(f"invalid YAML: {exc}", path=path) from None
    if node is None:
        return Loaded(None, {})
    builder = _Builder(path=path, error=error, first_line=first_line)
    data = builder.construct(node, (), depth=0)
    return Loaded(data, builder.lines)


class _Builder:
    """Turns composed nodes into plain values, noting lines and refusing aliases and tags."""

    def __init__(self, *, path: Path | str, error: type[DossierError], first_line: int) -> None:
        self.path, self.error, self.first_line = path, error, first_line
        self.lines: dict[Path_, int] = {}
        self.seen: set[int] = set()
        self.scalars = yaml.constructor.SafeConstructor()

    def fail(self, message: str, node: yaml.Node) -> DossierError:
        return self.error(message, path=self.path, line=node.start_mark.line + self.first_line)

    def construct(self, node: yaml.Node, at: Path_, *, depth: int) -> Any:
        self.lines.setdefault(at, node.start_mark.line + self.first_line)
        if depth > MAX_DEPTH:
            raise self.fail(f"YAML nested deeper than {MAX_DEPTH} levels; flatten it", node)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if id(node) in self.seen:  # the composer shares one node between an anchor and its aliases
            raise self.fail("YAML anchors and aliases (&name / *name) are not allowed; "
                            "write the values out", node)
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode) and node.tag == "tag:yaml.org,2002:map":
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self.fail("a mapping key must be plain text", key_node)
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise self.fail("YAML merge keys ('<<') are not allowed; write the values out",
                                    key_node)
                key = self.scalar(key_node)
                key_at = (*at, str(key))
                self.lines[key_at] = key_node.start_mark.line + self.first_line
                result[key] = self.construct(value_node, key_at, depth=depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode) and node.tag == "tag:yaml.org,2002:seq":
            return [self.construct(item, (*at, i), depth=depth + 1)
                    for i, item in enumerate(node.value)]
        raise self.bad_tag(node)

    def scalar(self, node: yaml.Node) -> Any:
        if node.tag == "tag:yaml.org,2002:str":
            return node.value
        if node.tag not in _SCALAR_TAGS:
            raise self.bad_tag(node)
        return self.scalars.construct_object(node)

    def bad_tag(self, node: yaml.Node) -> DossierError:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        return self.fail(f"YAML tag '{tag}' is not allowed; remove it and write a plain value", node)


_SCALAR_TAGS = {"tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "null")}


def dump(data: Any) -> str:
    """Stable, readable YAML: keys in the given order, unicode as is, long lines kept whole."""
    try:
        node = _node(data)
    except TypeError:       # a type outside plain data: PyYAML's own representer decides
        return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                         default_flow_style=False)
    return yaml.serialize(node, Dumper=_Dumper, allow_unicode=True, width=100)


_TAG = "tag:yaml.org,2002:"


def _node(data: Any) -> yaml.Node:
    """The node PyYAML's representer would make of plain data (dicts, lists, text, numbers,
    true/false, null), made directly: the representer's per-node bookkeeping was most of the
    time spent writing an analysis. (The output is the same; tests/test_yamlio.py compares.)"""
    kind = type(data)
    if kind is str:
        return yaml.ScalarNode(_TAG + "str", data)
    if kind is dict:
        return yaml.MappingNode(_TAG + "map", [(_node(k), _node(v)) for k, v in data.items()],
                                flow_style=False)
    if kind is list:
        return yaml.SequenceNode(_TAG + "seq", [_node(x) for x in data], flow_style=_flow(data))
    if data is None:
        return yaml.ScalarNode(_TAG + "null", "null")
    if kind is bool:
        return yaml.ScalarNode(_TAG + "bool", "true" if data else "false")
    if kind is int:
        return yaml.ScalarNode(_TAG + "int", str(data))
    if kind is float and data == data and abs(data) != float("inf"):
        text = repr(data).lower()
        if "." not in text and "e" in text:
            text = text.replace("e", ".0e", 1)
        return yaml.ScalarNode(_TAG + "float", text)
    raise TypeError(kind)


def update(text: str, changes: dict[Path_, Any]) -> str:
    """Set values in a YAML text people may have edited, keeping their comments and order."""
    from ruamel.yaml import YAML  # only needed here: round-trip editing

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 100
    doc = rt.load(text)
    for at, value in changes.items():
        target = doc
        for key in at[:-1]:
            target = target[key]
        target[at[-1]] = value
    out = io.StringIO()
    rt.dump(doc, out)
    return out.getvalue()
