"""The import rules of DESIGN.md, checked by reading the code (ast), so they stay true.

Imports point one way: cli → pipeline/server → site/render/output → source/extract/validate/store
→ config → yamlio → model/errors. Sections of extract/ never import each other.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dossier"

# module → the dossier modules it may import ("extract" covers the whole subpackage)
ALLOWED: dict[str, set[str]] = {
    "__init__": set(),
    "errors": set(),
    "model": {"errors"},
    "yamlio": {"errors"},
    "config": {"errors", "yamlio", "model"},
    "source": {"errors", "yamlio", "model"},
    "store": {"errors", "yamlio", "model", "exports"},
    "validate": {"errors", "model"},
    "extract": {"errors", "model", "config", "extract", "__init__"},
    "charts": {"model"},
    "exports": set(),
    "search": set(),
    "site": {"errors", "model", "config", "charts", "search", "exports"},
    "render": {"errors", "model", "config", "site", "exports"},
    "output": {"errors"},
    "cache": set(),
    "lazy": {"model", "cache", "source", "errors"},
    "scaffold": {"errors", "config"},
    "pipeline": {"errors", "model", "config", "source", "extract", "store", "validate", "site",
                 "render", "output", "cache", "lazy"},
    "server": set(),
    "cli": {"__init__", "errors", "config", "source", "extract", "store", "validate",
            "pipeline", "scaffold", "server"},
}
THIRD_PARTY_ONLY_IN = {"jinja2": {"render"}, "markupsafe": {"render"}, "yaml": {"yamlio"},
                       "ruamel": {"yamlio"}, "nh3": {"render"}, "markdown": {"render"},
                       "watchfiles": {"server"}}


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py"))


def layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def imports(path: Path) -> list[tuple[str, int]]:
    """(absolute dotted name, line) of everything the module imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ["dossier", *path.relative_to(PACKAGE).parent.parts]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:   # "from .. import x": x is a module, or a name in __init__
                    folder = PACKAGE.joinpath(*base[1:])
                    found += [(f"{name}.{alias.name}" if (folder / f"{alias.name}.py").exists()
                               or (folder / alias.name).is_dir() else f"{name}.__init__", node.lineno)
                              for alias in node.names]
                    continue
            else:
                name = node.module or ""
            found.append((name, node.lineno))
    return found


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_one_way(path: Path):
    me = layer(path)
    assert me in ALLOWED, f"{path.name}: new module; add it to ALLOWED in tests/test_layers.py"
    for name, line in imports(path):
        parts = name.split(".")
        if parts[0] == "dossier":
            target = parts[1] if len(parts) > 1 else "__init__"
            assert target in ALLOWED[me] or target == me, \
                f"{path.relative_to(PACKAGE)}:{line}: '{me}' may not import dossier.{target}"
        elif parts[0] in THIRD_PARTY_ONLY_IN:
            assert me in THIRD_PARTY_ONLY_IN[parts[0]], \
                f"{path.relative_to(PACKAGE)}:{line}: only {THIRD_PARTY_ONLY_IN[parts[0]]} may import {parts[0]}"


def test_extract_sections_never_import_each_other():
    folder = PACKAGE / "extract"
    sections = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
    for path in folder.glob("*.py"):
        if path.stem == "__init__" or path.stem.startswith("_"):
            continue
        for name, line in imports(path):
            parts = name.split(".")
            if parts[:2] == ["dossier", "extract"] and len(parts) > 2:
                assert parts[2] not in sections, \
                    f"extract/{path.name}:{line}: sections never import each other ({parts[2]})"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_cli_prints_or_exits_and_nobody_keeps_global_state(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            pytest.fail(f"{path.name}:{node.lineno}: module-level state via 'global'")
        if layer(path) == "cli":
            continue
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            pytest.fail(f"{path.name}:{node.lineno}: only cli.py prints")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                and node.value.id == "sys" and node.attr in ("exit", "argv"):
            pytest.fail(f"{path.name}:{node.lineno}: only cli.py uses sys.{node.attr}")
