"""config.yaml → a frozen, typed Config.

The schema is the table ``OPTIONS``: one entry per key, with its type, default and help.
Loading checks every key, collects every problem (with file, line and key), and then stops
once, so a user fixes all of them in one go. Paths in a config are relative to its folder.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from . import yamlio
from .errors import BuildFailed, ConfigError

CONFIG_NAME = "config.yaml"
MAX_CONFIG_BYTES = 256 * 1024


@dataclass(frozen=True)
class Paths:
    """Absolute folders the build reads and writes."""

    root: Path              # the folder holding config.yaml
    articles: Path
    analysis: Path
    templates: Path
    static: Path
    output: Path
    cache: Path


@dataclass(frozen=True)
class LexiconAdditions:
    """Words a site adds to the extractor's built-in lexicons."""

    titles: tuple[str, ...] = ()                        # offices: "Chief Minister", "Governor"
    countries: tuple[tuple[str, str], ...] = ()         # (alias or demonym, country name)
    topics: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (topic name, keywords)


@dataclass(frozen=True)
class Config:
    """The site's settings, validated."""

    path: Path
    title: str
    description: str
    base_url: str           # "" or an absolute http(s) URL ending in "/"
    language: str
    per_page: int
    max_article_kb: int
    paths: Paths
    lexicon: LexiconAdditions

    @property
    def max_article_bytes(self) -> int:
        return self.max_article_kb * 1024


# --- the schema -------------------------------------------------------------------------------

Check = Callable[[Any], str | None]   # returns what is wrong, or None


@dataclass(frozen=True)
class Option:
    key: str
    kind: type | tuple[type, ...]
    default: Any
    help: str
    check: Check | None = None


def _url(value: str) -> str | None:
    if value and not re.match(r"^https?://[^\s/]+(/[^\s]*)?$", value):
        return "expected an absolute URL starting with http:// or https://, or an empty string"
    return None


def _language(value: str) -> str | None:
    if not re.fullmatch(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", value):
        return "expected a language tag such as 'en' or 'en-GB'"
    return None


def _positive(value: int) -> str | None:
    return None if value > 0 else "expected a whole number above 0"


def _relative_folder(value: str) -> str | None:
    return None if value.strip() else "expected a folder name"


def _strings(value: list) -> str | None:
    return None if all(isinstance(v, str) and v.strip() for v in value) else "expected a list of words"


def _aliases(value: dict) -> str | None:
    ok = all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    return None if ok else "expected 'alias: Country Name' pairs"


def _topics(value: dict) -> str | None:
    ok = all(isinstance(k, str) and isinstance(v, list) and all(isinstance(w, str) for w in v)
             for k, v in value.items())
    return None if ok else "expected 'Topic name: [keyword, ...]' entries"


OPTIONS: tuple[Option, ...] = (
    Option("title", str, "Dossier", "The site's name, shown in every page's header."),
    Option("description", str, "Structured briefings on official visits, summits and talks.",
           "One sentence describing the site (meta description of index pages)."),
    Option("base_url", str, "", "Where the site will be hosted, e.g. https://example.org/briefings/. "
           "Used only for canonical URLs, the feed and the sitemap; links stay relative.", _url),
    Option("language", str, "en", "Language of the site (the html lang attribute).", _language),
    Option("per_page", int, 50, "Entries per page on the home page and the indexes.", _positive),
    Option("max_article_kb", int, 2048, "Largest article accepted, in KB; larger ones are reported.",
           _positive),
    Option("paths.articles", str, "content/articles", "Article sources (.txt, .md).", _relative_folder),
    Option("paths.analysis", str, "content/analysis", "One analysis YAML per article.", _relative_folder),
    Option("paths.templates", str, "templates", "Your templates; they override the built-in ones. "
           "Without this folder the built-in templates are used.", _relative_folder),
    Option("paths.static", str, "static", "Your static files; they override the built-in ones. "
           "Without this folder the built-in static files are used.", _relative_folder),
    Option("paths.output", str, "_site", "Where the site is written.", _relative_folder),
    Option("paths.cache", str, ".dossier-cache", "Build records for incremental builds.",
           _relative_folder),
    Option("lexicon.titles", list, [], "Extra titles and offices for the extractor.", _strings),
    Option("lexicon.countries", dict, {}, "Extra country aliases and demonyms: 'alias: Country'.",
           _aliases),
    Option("lexicon.topics", dict, {}, "Extra topics: 'Topic name: [keyword, ...]'.", _topics),
)

_SECTIONS = {o.key.split(".")[0] for o in OPTIONS if "." in o.key}


def _type_name(kind: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", list: "a list", dict: "a mapping", bool: "true/false"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _found(value: Any) -> str:
    return {dict: "a mapping", list: "a list", type(None): "nothing"}.get(type(value), repr(value))


def load_config(path: Path | str) -> Config:
    """Read and validate a config file; raise BuildFailed listing every problem in it."""
    path = Path(path).absolute()
    if not path.is_file():
        raise ConfigError(f"no config file here; create one with 'dossier new {path.parent}' "
                          "or pass --config PATH", path=path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8",
                          path=path) from None
    loaded = yamlio.load(text, path=path, error=ConfigError, max_bytes=MAX_CONFIG_BYTES)
    data = loaded.data if loaded.data is not None else {}
    if not isinstance(data, dict):
        raise ConfigError(f"expected a mapping of settings (key: value), found {_found(data)}",
                          path=path, line=loaded.line(()))
    problems: list[ConfigError] = []
    values: dict[str, Any] = {}

    known_top = {o.key for o in OPTIONS if "." not in o.key} | _SECTIONS
    for key in data:
        if str(key) not in known_top:
            problems.append(_unknown(str(key), known_top, path, loaded.line((str(key),))))
    for section in _SECTIONS:
        block = data.get(section)
        if block is None:
            continue
        if not isinstance(block, dict):
            problems.append(ConfigError(f"expected a mapping, found {_found(block)}", path=path,
                                        line=loaded.line((section,)), key=section))
            continue
        known = {o.key.split(".", 1)[1] for o in OPTIONS if o.key.startswith(section + ".")}
        for key in block:
            if str(key) not in known:
                problems.append(_unknown(f"{section}.{key}", {f"{section}.{k}" for k in known},
                                         path, loaded.line((section, str(key)))))

    for option in OPTIONS:
        at = tuple(option.key.split("."))
        value = data
        for part in at:
            value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            values[option.key] = option.default
            continue
        line = loaded.line(at)
        if isinstance(value, bool) or not isinstance(value, option.kind):
            problems.append(ConfigError(f"expected {_type_name(option.kind)}, found {_found(value)}",
                                        path=path, line=line, key=option.key))
            continue
        wrong = option.check(value) if option.check else None
        if wrong:
            problems.append(ConfigError(f"{wrong}; found {_found(value)}", path=path, line=line,
                                        key=option.key))
            continue
        values[option.key] = value

    if problems:
        raise BuildFailed(problems)
    root = path.parent
    base_url = values["base_url"]
    return Config(
        path=path,
        title=values["title"],
        description=values["description"],
        base_url=base_url if not base_url or base_url.endswith("/") else base_url + "/",
        language=values["language"],
        per_page=values["per_page"],
        max_article_kb=values["max_article_kb"],
        paths=Paths(root=root, **{name: (root / values[f"paths.{name}"]).resolve()
                                  for name in ("articles", "analysis", "templates", "static",
                                               "output", "cache")}),
        lexicon=LexiconAdditions(
            titles=tuple(values["lexicon.titles"]),
            countries=tuple(sorted(values["lexicon.countries"].items())),
            topics=tuple((k, tuple(v)) for k, v in sorted(values["lexicon.topics"].items())),
        ),
    )


def default_folder(paths: Paths, name: str) -> Path:
    """Where ``paths.<name>`` points when config.yaml leaves it at its default."""
    option = next(o for o in OPTIONS if o.key == f"paths.{name}")
    return (paths.root / option.default).resolve()


def _unknown(key: str, known: set[str], path: Path, line: int | None) -> ConfigError:
    close = difflib.get_close_matches(key, sorted(known), n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(sorted(known))}"
    return ConfigError(f"unknown setting; {hint}", path=path, line=line, key=key)


def default_config_text() -> str:
    """The commented config.yaml that `dossier new` writes: every option with its default."""
    lines = ["# Dossier site settings. Every key is optional; the values shown are the defaults.", ""]
    section = None
    for option in OPTIONS:
        head, _, sub = option.key.partition(".")
        if sub and head != section:
            lines += ["", f"{head}:"]
            section = head
        indent = "  " if sub else ""
        name = sub or head
        lines.append(f"{indent}# {option.help}")
        lines.append(f"{indent}{name}: {yamlio.dump(option.default).strip()}" if not isinstance(
            option.default, str) else f"{indent}{name}: {_quote(option.default)}")
    return "\n".join(lines) + "\n"


def _quote(value: str) -> str:
    return yamlio.dump(value).strip().removesuffix("\n...").removesuffix("...").strip()
