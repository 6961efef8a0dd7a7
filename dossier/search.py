"""The offline search index, cut into small script files so it works from file:// and stays
light however large the corpus grows.

A page cannot fetch() a file from file://, but it can load a <script>. So the index is a
small manifest script (which shards exist, how many entries each holds and the version of
each) plus one script per shard. A shard holds the entries having a word that starts with its prefix: two letters
("va"), or more where two letters would hold too many entries ("var", "vars"). The browser
loads only the shards of the word the person types, then keeps the entries whose words start
with every word typed. A prefix that cannot be cut further (a very common word) keeps its
first SHARD_LIMIT entries and is marked as cut, so the page can ask for one more word.

Every file is named by its content (search/index.<digest>.js, search/<hex of prefix>.
<digest>.js), so a browser never mixes a cached file with a newer one, and a change to a few
entries renames only the shards that hold them (and the manifest): an incremental build
rewrites those, not the whole index.

Words are folded the same way here and in static/search.js: Unicode NFKD, marks dropped,
lower case, split on anything that is not a letter or a digit.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

SHARD_LIMIT = 120          # entries per shard file: about 15-20 KB
FOLDER = "search/"
VERSION_CHARS = 8          # hex digits of a file's content digest in its name
STOP_WORDS = frozenset("an and at by for in of on or the to with".split())
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The searchable words of ``text``, folded; one-letter words and stop words left out."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text)
                     if not unicodedata.combining(c)).lower()
    return [w for w in _WORD.findall(folded) if len(w) > 1 and w not in STOP_WORDS]


@dataclass(frozen=True)
class Entry:
    """One search result: what it is, its title, its page, a line of detail; and what else
    (besides the title) it should be found by."""

    kind: str
    title: str
    url: str
    detail: str
    keywords: str = ""


@dataclass(frozen=True)
class Shard:
    prefix: str
    url: str
    entries: list[list[str]]       # [kind, title, url, detail, words joined by spaces]


@dataclass(frozen=True)
class Manifest:
    folder: str                    # "search/": shard files are <hex of prefix>.<version>.js
    shards: dict[str, int]         # prefix → entries in it; negative: cut at SHARD_LIMIT
    versions: dict[str, str]       # prefix → digest of its shard's content


def build(entries: list[Entry], limit: int = SHARD_LIMIT) -> tuple[str, Manifest, list[Shard]]:
    """(manifest URL, manifest, shards) for ``entries``, in the order given (best first)."""
    rows = []
    tokens: list[tuple[str, ...]] = []          # each entry's words, sorted
    for e in entries:
        found = tuple(sorted(set(words(e.title) + words(e.keywords))))
        tokens.append(found)
        rows.append([e.kind, e.title, e.url, e.detail, " ".join(found)])

    groups: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(tokens):
        for prefix in sorted({t[:2] for t in found}):
            groups[prefix].append(i)
    cut: dict[str, tuple[list[int], bool]] = {}
    for prefix in sorted(groups):
        _split(tokens, groups[prefix], prefix, limit, cut)

    # an entry is in a shard per word prefix: digest each once, a shard by its entries' digests
    row_digests = [_digest(row) for row in rows]
    shards = []
    for prefix, (members, _) in sorted(cut.items()):
        entries = [rows[i] for i in members]
        version = _version([prefix, [row_digests[i] for i in members]])
        shards.append(Shard(prefix=prefix, url=f"{FOLDER}{prefix.encode().hex()}.{version}.js",
                            entries=entries))
    manifest = Manifest(folder=FOLDER,
                        shards={p: -len(members) if capped else len(members)
                                for p, (members, capped) in sorted(cut.items())},
                        versions={s.prefix: s.url.rsplit(".", 2)[1] for s in shards})
    version = _version([manifest.folder, manifest.shards, manifest.versions])
    return f"{FOLDER}index.{version}.js", manifest, shards


def _digest(content: object) -> str:
    """The sha256 of ``content`` (JSON data)."""
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _version(content: object) -> str:
    """A short digest of ``content``, for a file name."""
    return _digest(content)[:VERSION_CHARS]


def _split(tokens: list[tuple[str, ...]], members: list[int], prefix: str, limit: int,
           out: dict[str, tuple[list[int], bool]]) -> None:
    """Give ``prefix`` its members, or cut it one letter longer while it holds too many."""
    if len(members) <= limit:
        out[prefix] = (members, False)
        return
    depth = len(prefix)
    exact: list[int] = []
    longer: dict[str, list[int]] = defaultdict(list)
    for i in members:
        matching = _starting_with(tokens[i], prefix)
        if matching and matching[0] == prefix:
            exact.append(i)
        for p in sorted({t[:depth + 1] for t in matching if len(t) > depth}):
            longer[p].append(i)
    if exact:
        out[prefix] = (exact[:limit], len(exact) > limit)
    for p in sorted(longer):
        _split(tokens, longer[p], p, limit, out)


def _starting_with(ordered: tuple[str, ...], prefix: str) -> tuple[str, ...]:
    """The words of the sorted ``ordered`` that start with ``prefix`` (they are adjacent, and
    ``prefix`` itself, when there, comes first)."""
    start = end = bisect_left(ordered, prefix)
    while end < len(ordered) and ordered[end].startswith(prefix):
        end += 1
    return ordered[start:end]
