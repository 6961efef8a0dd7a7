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

The cutting works on the distinct words, not on the entries: each word knows the entries
that have it, the words starting with a prefix are neighbours in the sorted vocabulary, and a
prefix's entries are the union of its words' entries. So a busy prefix is cut by grouping its
words by one more letter, without going back over every entry's words at every length.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby

SHARD_LIMIT = 120          # entries per shard file: about 15-20 KB
FOLDER = "search/"
VERSION_CHARS = 8          # hex digits of a file's content digest in its name
STOP_WORDS = frozenset("an and at by for in of on or the to with".split())
_WORD = re.compile(r"[^\W_]{2,}")          # letters and digits; one-letter words left out
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_STRING = json.encoder.encode_basestring      # how _JSON encodes a string (ensure_ascii off)


def words(text: str) -> list[str]:
    """The searchable words of ``text``, folded; one-letter words and stop words left out."""
    return [w for w in _all_words(text) if w not in STOP_WORDS]


def _all_words(text: str) -> list[str]:
    """The words of ``text``, folded, stop words included."""
    return _WORD.findall(text.lower() if text.isascii() else fold(text))


def fold(text: str) -> str:
    """``text`` in NFKD, its marks (combining characters) dropped, in lower case.

    On ASCII text this is just ``text.lower()``: NFKD changes no ASCII character and none is
    a mark, which is the shortcut words() takes. Marks are looked for only in the runs of
    non-ASCII characters."""
    decomposed = unicodedata.normalize("NFKD", text)
    return _NON_ASCII.sub(lambda run: _without_marks(run[0]), decomposed).lower()


@functools.lru_cache(maxsize=1 << 14)
def _without_marks(run: str) -> str:
    """``run`` without its combining characters (runs recur: accented names, scripts)."""
    return "".join(c for c in run if not unicodedata.combining(c))


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
    holders: dict[str, list[int]] = defaultdict(list)    # word → its entries, in order
    for i, e in enumerate(entries):             # found: set(words(title) + words(keywords))
        found = sorted(set(_all_words(e.title)).union(_all_words(e.keywords)) - STOP_WORDS)
        rows.append([e.kind, e.title, e.url, e.detail, " ".join(found)])
        for word in found:
            holders[word].append(i)

    cut: dict[str, tuple[list[int], bool]] = {}
    for prefix, group in groupby(sorted(holders), key=lambda word: word[:2]):
        _split(list(group), prefix, holders, limit, cut)

    # an entry is in a shard per word prefix: digest each once, a shard by its entries' digests
    row_digests = [_row_digest(row) for row in rows]
    shards = []
    ordered = sorted(cut.items())
    for prefix, (members, _) in ordered:
        version = _version([prefix, [row_digests[i] for i in members]])
        shards.append(Shard(prefix=prefix, url=f"{FOLDER}{prefix.encode().hex()}.{version}.js",
                            entries=[rows[i] for i in members]))
    manifest = Manifest(folder=FOLDER,
                        shards={p: -len(members) if capped else len(members)
                                for p, (members, capped) in ordered},
                        versions={s.prefix: s.url.rsplit(".", 2)[1] for s in shards})
    version = _version([manifest.folder, manifest.shards, manifest.versions])
    return f"{FOLDER}index.{version}.js", manifest, shards


def _digest(content: object) -> str:
    """The sha256 of ``content`` (JSON data)."""
    return hashlib.sha256(_JSON.encode(content).encode()).hexdigest()


def _row_digest(row: list[str]) -> str:
    """_digest(row), for a row of strings without the JSON encoder's set-up per call: its
    encoding of a list of strings is "[" + the strings encoded, joined by "," + "]"."""
    if all(type(v) is str for v in row):
        text = "[" + ",".join(map(_STRING, row)) + "]"
        return hashlib.sha256(text.encode()).hexdigest()
    return _digest(row)


def _version(content: object) -> str:
    """A short digest of ``content``, for a file name."""
    return _digest(content)[:VERSION_CHARS]


def _split(vocabulary: list[str], prefix: str, holders: dict[str, list[int]], limit: int,
           out: dict[str, tuple[list[int], bool]]) -> None:
    """Give ``prefix`` its entries, or cut it one letter longer while it holds too many.

    ``vocabulary`` is the sorted words starting with ``prefix``; ``holders`` the entries
    (ascending) having each word. An entry with several of the words is in the shard once."""
    if len(vocabulary) == 1:                  # one word: no cut can split its entries, so
        word = vocabulary[0]                  # its prefixes lead straight down to it
        members = holders[word]
        if len(members) <= limit:
            out[prefix] = (members, False)
        else:
            out[word] = (members[:limit], True)
        return
    members_set = set().union(*(holders[word] for word in vocabulary))
    if len(members_set) <= limit:
        out[prefix] = (sorted(members_set), False)
        return
    if vocabulary[0] == prefix:               # the prefix is a word itself: it sorts first
        exact = holders[prefix]
        out[prefix] = (exact[:limit], len(exact) > limit)
        vocabulary = vocabulary[1:]
    depth = len(prefix) + 1
    for longer, group in groupby(vocabulary, key=lambda word: word[:depth]):
        _split(list(group), longer, holders, limit, out)
