"""Shared helpers for the extractor's sections: the tokenised document, sentences, slugs,
number words and a small gazetteer matcher.

Nothing here knows about visits or delegations: it only cuts text into pieces that the
sections read. Everything is a pure function or an immutable value.
"""
from __future__ import annotations

import bisect
import re
from itertools import compress
from operator import itemgetter, methodcaller
import unicodedata
from dataclasses import dataclass
from typing import Any, Generic, Iterable, Iterator, TypeVar

from ..model import Article

T = TypeVar("T")

# words: an abbreviation written with dots ("U.S.", "H.E."), or letters/digits with inner
# hyphens and apostrophes ("Mara-Lin", "O'Dell", "People’s"); anything else is one character.
# (Written without repeated groups where it can: the regex engine allocates memory each time it
# enters one, which made this pattern the most expensive line of the extractor. The same tokens as
# "(?:[^\W\d_]\.){2,}|[^\W_](?:\w|-(?=[^\W_])|['’](?=[^\W_])(?![sS]\b))*|['’][sS]\b|\S".)
_TOKEN = re.compile(r"(?=[^\W\d_]\.[^\W\d_]\.)(?:[^\W\d_]\.)+"
                    r"|[^\W_]\w*(?:(?=[-'’][^\W_])(?:(?:-|['’](?![sS]\b))[^\W_]\w*)+|)"
                    r"|['’][sS]\b|\S")
# the same tokens for ASCII text, where the engine checks plain ranges instead of Unicode
# categories (about twice as fast; tests/extract/test_text_tokens.py holds them equal)
_TOKEN_ASCII = re.compile(r"(?=[A-Za-z]\.[A-Za-z]\.)(?:[A-Za-z]\.)+"
                          r"|[A-Za-z0-9]\w*(?:(?=[-'][A-Za-z0-9])(?:(?:-|'(?![sS]\b))[A-Za-z0-9]\w*)+|)"
                          r"|'[sS]\b|\S", re.ASCII)
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•▪◦‣·]\s+|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s+)")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
# (starts with a plain character class, so that the engine can skip ahead to candidates)
_SENT_END = re.compile(r"[.!?…][.!?…]*[\"”’)\]]*(?=\s+|$)")
_SPACE_RUN = re.compile(r"\s*")
_QUOTES = "(\"“‘'"
_ABBREV = frozenset("""mr mrs ms dr prof st sr jr gen lt col capt maj sgt rev hon no nos vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec co corp inc ltd e.g i.e u.s u.k u.n h.e
    fig approx dept govt mt ft rt est cf al p.m a.m""".split())
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s|\bwhich\b|\bwho\b|\bwhile\b|\bwhereas\b|\bbut\b")
_SLUG_DROP = re.compile(r"[^a-z0-9]+")
_WORD_CHARS = re.compile(r"[^\W_]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """Casefolded, accents removed, curly apostrophes straightened."""
    text = text.replace("’", "'").replace("‘", "'")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        if not text.isascii():
            for c in set(_NON_ASCII.findall(text)):
                if unicodedata.combining(c):
                    text = text.replace(c, "")
    return text.casefold()


def key(word: str) -> str:
    """The lookup key of one token: folded, without dots ("U.S." → "us")."""
    if word.isascii():
        return word.lower().replace(".", "")
    return fold(word).replace(".", "")


def slug(text: str, limit: int = 60) -> str:
    """A URL-safe id: lowercase ASCII words joined by hyphens."""
    s = _SLUG_DROP.sub("-", fold(text)).strip("-")
    if len(s) > limit:
        s = s[:limit].rsplit("-", 1)[0] or s[:limit]
    return s or "item"


def unique_ids(ids: Iterable[str]) -> list[str]:
    """Make ids unique by appending -2, -3, ... in order."""
    seen: dict[str, int] = {}
    out = []
    for i in ids:
        n = seen.get(i, 0) + 1
        seen[i] = n
        out.append(i if n == 1 else f"{i}-{n}")
    return out


def squash(text: str) -> str:
    """Runs of white space as one space, none at the ends."""
    return " ".join(text.split())


_LOWER_RUN = re.compile(r"[a-z][a-z]+")        # (a leading class lets the engine skip ahead)
_LETTER = re.compile(r"[^\W\d_]")


def is_upper_text(text: str) -> bool:
    """Written in capitals: at least four letters, hardly any lowercase ones."""
    head = text[:400]
    if len(_LOWER_RUN.findall(head, 0, 120)) > 3:
        return False              # (plain prose: lowercase words, so not all in capitals either)
    if head.upper() == head:
        return len(_LETTER.findall(head)) >= 4
    lower = sum(map(str.islower, head))
    letters = sum(map(str.isalpha, head))
    return letters >= 4 and lower <= letters // 10


def title_case(text: str) -> str:
    """'BUILDING SAFER PORTS AND RAIL LINKS' → 'Building Safer Ports and Rail Links'."""
    small = {"and", "or", "of", "for", "the", "a", "an", "in", "on", "at", "to", "by", "with", "from", "as"}
    words = text.split(" ")
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i and lw in small:
            out.append(lw)
        elif len(w) <= 3 and w.isupper() and not any(c in "AEIOU" for c in w[1:]):
            out.append(w)   # acronyms such as "US", "SMR", "UN"
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def first_sentences(text: str, n: int = 2, max_words: int = 70) -> str:
    spans = sentence_spans(text, n)      # (only the first n: the text may be a whole section)
    out = []
    words = 0
    for start, end in spans[:n]:
        s = text[start:end].strip()
        words += len(s.split())
        out.append(s)
        if words >= max_words:
            break
    result = " ".join(out)
    if len(result.split()) > max_words:
        result = " ".join(result.split()[:max_words]).rstrip(",;:") + " …"
    return result


_ITEM_LEAD = re.compile(r"^(?:an?|the)\s+(?=\w)", re.I)


def item_title(text: str, max_words: int = 14) -> str:
    """A list entry written as a phrase or sentence → a title: the entry itself without its end
    punctuation when it is short, else its first clause (at most ``max_words`` words)."""
    text = squash(text).rstrip(" .;,:")
    if len(text.split()) > max_words:
        lo, hi = clause_bounds(text, 0, 0, len(text))
        text = text[lo:hi].strip()
        words = text.split()
        if len(words) > max_words:
            text = " ".join(words[:max_words]).rstrip(",;:")
    return text[:1].upper() + text[1:] if text else ""


def parent_pids(sections: Any) -> set[str]:
    """The headings over sub-sections of their own kind (the next section is one level down and
    of the same kind), by paragraph id."""
    out = set()
    for s, nxt in zip(sections, sections[1:]):
        if not s.items and nxt.level > s.level and nxt.kind == s.kind:
            out.add(s.pid)
    return out


def kind_entries(doc: "Doc", sections: Any, kind: str) -> list[tuple[str, str, list[str]]]:
    """(title, text, evidence) of the entries of every section of ``kind``; a heading over
    sub-headings of its own kind gives none itself (its sub-headings do)."""
    parents = parent_pids(sections)
    return [entry for s in sections if s.kind == kind and s.pid not in parents
            for entry in section_entries(doc, s)]


def section_entries(doc: "Doc", section: Any) -> list[tuple[str, str, list[str]]]:
    """(title, text, evidence) of each entry of a section: its labelled items; else, when it is a
    list of two or more plain entries, each entry as a title; else the section itself."""
    items = [it for it in section.items if it.title and not it.short]     # labelled entries
    if not items and sum(1 for it in section.items if it.text) >= 2:
        out = []
        for it in section.items:
            title = it.title or item_title(it.text)
            if title:
                out.append((title, it.text, [it.pid] + [b for b in it.body if b != it.pid]))
        return out
    if items:
        return [(it.title, it.text, [it.pid] + [b for b in it.body if b != it.pid]) for it in items]
    text = " ".join(p.text for p in map(doc.para, section.body) if p is not None)
    return [(section.title, text, [section.pid] + list(section.body))]


# --- sentences ---------------------------------------------------------------------------------

def sentence_spans(text: str, limit: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph; with ``limit``, only the first ``limit``
    of them (the same as the first ``limit`` of all: a span, once found, is never changed)."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        j, end = m.span()
        # where the next sentence would start: after the white space (mostly one space)
        k = end + 1
        if end < n and (text[end] != " " or (k < n and text[k].isspace())):
            k = _SPACE_RUN.match(text, end).end()
        if text[j] == "." and (end - j == 1 or len(m.group().rstrip("\"”’)]")) == 1):
            lo = j - 64
            if lo > start:
                ws = max(text.rfind(" ", lo, j), text.rfind("\n", lo, j)) + 1
                word = text[ws:j].lower().lstrip(_QUOTES) if ws else _word_before(text, start, j)
            else:
                word = _word_before(text, start, j)
            if word is not None and (word in _ABBREV or (len(word) == 1 and word.isalpha())
                                     or (len(word) <= 4 and "." in word)):
                continue
            # a lowercase word after the period: not a sentence end ("talks.s end" is handled elsewhere)
            if k < n and text[k].islower():
                continue
        if end - start > 0:
            spans.append((start, end))
            if len(spans) == limit:
                return spans
        start = min(k, n)
    if start < n and text[start:].strip():
        spans.append((start, n))
    return spans or [(0, n)]


def _word_before(text: str, start: int, j: int) -> str | None:
    """The word before the period at ``j`` (from the last space or newline after ``start``),
    lowercased, opening quotes and brackets stripped; None when that is longer than eight
    characters. Looks back a bounded stretch, so a paragraph without spaces stays linear."""
    lo = j - 64
    if lo <= start:
        ws = max(text.rfind(" ", start, j), text.rfind("\n", start, j)) + 1
        return text[max(ws, start):j].lower().lstrip(_QUOTES)
    ws = max(text.rfind(" ", lo, j), text.rfind("\n", lo, j)) + 1
    if ws:
        return text[ws:j].lower().lstrip(_QUOTES)
    if text[lo:j - 8].strip(_QUOTES):
        return None           # more than eight characters are left after the quotes
    r = lo                    # a long run of quotes: find where it starts
    while r > start and text[r - 1] in _QUOTES:
        r -= 1
    if r == start or text[r - 1] in " \n":
        return text[r:j].lower().lstrip(_QUOTES)
    return None


def clause_bounds(text: str, pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause around ``pos`` inside [lo, hi): cut at commas, semicolons, brackets, dashes."""
    left = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, pos):
        left = m.end()
    m = _CLAUSE_BREAK.search(text, pos, hi)
    right = m.start() if m else hi
    return left, right


# --- the tokenised document ----------------------------------------------------------------------

@dataclass(frozen=True)
class Para:
    """One paragraph with its tokens and sentences; tokens are parallel tuples."""

    id: str
    index: int
    text: str
    line: int
    indent: int
    words: tuple[str, ...]
    starts: tuple[int, ...]
    keys: tuple[str, ...]
    sents: tuple[tuple[int, int], ...]
    upper: bool
    marker: str          # list marker as written ("-", "1."), "" for none
    heading_level: int   # Markdown "#" level, 0 for none
    body: int            # character offset where the text after the marker begins
    sent_starts: tuple[int, ...] = ()
    keyset: frozenset[str] = frozenset()   # the distinct keys, for quick "any of these words?" tests
    caps: tuple[int, ...] = ()             # indices of the words that start with a capital
    inner: tuple[tuple[int, str], ...] = ()   # (offset, key) of the runs of letters inside words with a
                                              # hyphen, apostrophe or dot ("Mara-Lin", "U.S.", "’s")

    def cap(self, i: int) -> bool:
        w = self.words[i]
        return w[:1].isupper() or (w[:1].isdigit() and self.upper)

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.words[i])

    def sentence_of(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sents[max(k, 0)]

    def where(self, words: frozenset[str] | set[str]) -> list[int]:
        """Indices of the words whose key is one of ``words``, in order."""
        hit = words.intersection(self.keyset)
        if not hit:
            return []
        keys = self.keys
        if len(hit) > 2:                  # one pass over the keys
            return list(compress(range(len(keys)), map(hit.__contains__, keys)))
        out: list[int] = []
        for k in hit:                     # a scan of the keys for each (in C)
            i = keys.index(k)
            while True:
                out.append(i)
                try:
                    i = keys.index(k, i + 1)
                except ValueError:
                    break
        if len(hit) > 1:
            out.sort()
        return out

    def token_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)


@dataclass(frozen=True)
class Doc:
    paras: tuple[Para, ...]

    def para(self, pid: str) -> Para | None:
        i = int(pid[1:]) - 1 if pid[1:].isdigit() else -1
        return self.paras[i] if 0 <= i < len(self.paras) else None

    def order(self, pid: str) -> int:
        return int(pid[1:]) if pid[1:].isdigit() else 0


def tokenize(text: str) -> tuple[list[str], list[int]]:
    """Words and their start offsets; a possessive "’s" is a token of its own."""
    ms = list((_TOKEN_ASCII if text.isascii() else _TOKEN).finditer(text))
    return list(map(_GROUP, ms)), list(map(_START, ms))


_FIRST = itemgetter(0)
_FIRST3 = itemgetter(slice(0, 3))
_HAS_HYPHEN = methodcaller("__contains__", "-")
_GROUP = re.Match.group
_START = re.Match.start


def keys_of(words: list[str]) -> list[str]:
    """``key`` of every word, folded in one pass over the joined words."""
    joined = "\x00".join(words)
    if joined.count("\x00") == len(words) - 1:          # no word holds the separator
        out = fold(joined).replace(".", "").split("\x00")
        if len(out) == len(words):
            return out
    return [key(w) for w in words]


_MD_HEADING_LINE = re.compile(r"^\s{0,3}#{1,6}[ \t]+[^\W\d_]")


def looks_markdown(texts: Iterable[str]) -> bool:
    """Plain text written in Markdown: a paragraph that is a short "# Heading" / "## Heading" line
    (a hash, a space, a word, no sentence end). Plain prose hardly ever starts a paragraph so."""
    for text in texts:
        if text[:1] not in " #" or "\n" in text:
            continue
        if _MD_HEADING_LINE.match(text) and len(text) <= 160 and not text.rstrip().endswith("."):
            return True
    return False


def prepare(article: Article) -> Doc:
    """Tokenise every paragraph of an article once; the sections share the result. A .txt
    article written in Markdown ("## Heading" lines) is read as Markdown."""
    paras = []
    markdown = article.format == "markdown" or looks_markdown(p.text for p in article.paragraphs)
    for index, p in enumerate(article.paragraphs):
        text = p.text
        marker = ""
        level = 0
        body = 0
        m = _MD_HEADING.match(text) if markdown else None
        if m:
            level = len(m.group(1))
            body = m.end()
        else:
            m = _LIST_MARKER.match(text)
            if m and not (text[m.end():m.end() + 1].islower() and m.group().strip()[:1].isalpha()):
                marker = m.group().strip()
                body = m.end()
        words, starts = tokenize(text)
        sents = sentence_spans(text)
        keys = keys_of(words)
        paras.append(Para(
            id=p.id, index=index, text=text, line=p.line, indent=p.indent,
            words=tuple(words), starts=tuple(starts), keys=tuple(keys),
            sents=tuple(sents), upper=is_upper_text(text[body:]),
            marker=marker, heading_level=level, body=body, sent_starts=tuple(x for x, _ in sents),
            keyset=frozenset(keys), inner=_inner_runs(text, words, starts),
            caps=tuple(compress(range(len(words)), map(str.isupper, map(_FIRST, words))))))
    return Doc(paras=tuple(paras))


_WORD_RUN = re.compile(r"\w+")
_POSSESSIVE = frozenset(("'s",))
# a hyphen, apostrophe or dot between two letters or digits, but not the apostrophe of a
# possessive "’s" (a word of its own, see word_offsets)
_INNER_MARK = re.compile(r"[-'’.](?<=\w.)(?=\w)(?!(?<=['’])[sS]\b)")


def _inner_runs(text: str, words: list[str], starts: list[int]) -> tuple[tuple[int, str], ...]:
    """The runs of letters and digits of the words that hold more than one: the words with a
    hyphen, apostrophe or dot between letters or digits."""
    marks = _INNER_MARK.finditer(text)
    out: list[tuple[int, str]] = []
    seen = -1
    for m in marks:
        i = bisect.bisect_right(starts, m.start()) - 1
        if i == seen:
            continue
        seen = i
        for r in _WORD_RUN.finditer(words[i]):
            out.append((starts[i] + r.start(), key(r.group())))
    return tuple(out)


def word_offsets(p: Para, words: frozenset[str]) -> list[int] | None:
    """Sorted offsets of the runs of letters and digits in ``p`` whose key is in ``words``: every
    place where a case-insensitive pattern that starts with one of those words (as a whole word)
    can match. None when the text holds a letter such a pattern equates with another one that
    keys do not (the dotless i): then the caller searches the whole text."""
    if "ı" in p.text:
        return None
    starts = p.starts
    out = [starts[i] for i in p.where(words)]
    if p.inner:
        inner = [off for off, k in p.inner if k in words]
        if inner:
            out = sorted(out + inner)
    if "s" in words:             # the run of a possessive "’s"
        out = sorted(out + [starts[i] + 1 for i in p.where(_POSSESSIVE)])
    return out


def finditer_at(rx: re.Pattern[str], text: str, offsets: list[int] | None) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` when every match starts at one of ``offsets`` (sorted; None: search)."""
    if offsets is None:
        yield from rx.finditer(text)
        return
    end = -1
    for off in offsets:
        if off < end:
            continue
        m = rx.match(text, off)
        if m is not None:
            yield m
            end = m.end() if m.end() > off else off + 1


def iter_sentences(doc: Doc) -> Iterator[tuple[Para, int, int]]:
    for p in doc.paras:
        for s, e in p.sents:
            yield p, s, e


# --- gazetteer -----------------------------------------------------------------------------------

class Gazetteer(Generic[T]):
    """Multi-word names looked up token by token; the longest entry wins.

    An entry's capitalised words must be capitalised in the text too (so "us" is not "US"),
    unless ``any_case`` is set; small connecting words ("of", "the") may have any case.
    """

    __slots__ = ("_first", "any_case")

    def __init__(self, entries: Iterable[tuple[str, T]], *, any_case: bool = False) -> None:
        self.any_case = any_case
        first: dict[str, list[tuple[tuple[str, ...], tuple[bool, ...], T]]] = {}
        for text, value in entries:
            words, _ = tokenize(text)
            if not words:
                continue
            keys = tuple(key(w) for w in words)
            caps = tuple(w[:1].isupper() for w in words)
            bucket = first.setdefault(keys[0], [])
            if not any(k == keys for k, _, _ in bucket):
                bucket.append((keys, caps, value))
        for bucket in first.values():
            bucket.sort(key=lambda e: -len(e[0]))
        self._first = first

    def __contains__(self, k: str) -> bool:
        return k in self._first

    def first_keys(self) -> frozenset[str]:
        return frozenset(self._first)

    def match(self, para: Para, i: int) -> tuple[int, T] | None:
        if i >= len(para.keys):
            return None
        bucket = self._first.get(para.keys[i])
        if not bucket:
            return None
        keys = para.keys
        words = para.words
        check = not self.any_case and not para.upper
        for entry, caps, value in bucket:
            n = len(entry)
            if n > 1 and keys[i:i + n] != entry:
                continue
            if check:
                if n == 1:
                    if caps[0] and not words[i][:1].isupper():
                        continue
                elif any(c and not words[i + j][:1].isupper() for j, c in enumerate(caps)):
                    continue
            return n, value
        return None

    def match_words(self, words: list[str]) -> T | None:
        """Whole-phrase lookup of a list of words (exact keys)."""
        if not words:
            return None
        keys = tuple(key(w) for w in words)
        for entry, caps, value in self._first.get(keys[0], ()):
            if entry == keys:
                return value
        return None


# --- numbers -------------------------------------------------------------------------------------

def parse_number(text: str) -> float | None:
    """'17' → 17, '1,200.5' → 1200.5, '6.4' → 6.4."""
    t = text.replace(",", "").replace(" ", "")
    try:
        return float(t)
    except ValueError:
        return None


def has_word(text: str) -> bool:
    return bool(_WORD_CHARS.search(text))


def _is_word_char(c: str) -> bool:
    """What ``\\w`` matches in a str pattern: a letter, a digit or a number, or "_"."""
    return c.isalnum() or c == "_"


def contains_word(text: str, word: str) -> bool:
    """``word`` in ``text`` with no letter, digit or "_" right before or after it: the same as
    ``re.search(rf"(?<!\\w){re.escape(word)}(?!\\w)", text)``, without compiling a pattern for
    each word (names and issues differ from article to article, so such patterns are never reused)."""
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not _is_word_char(text[i - 1])) and (j == len(text) or not _is_word_char(text[j])):
            return True
        i = text.find(word, i + 1)
    return False


class TopicReader:
    """Finds topic keywords in word lists. What a word gives on its own (an exact keyword, a
    prefix, an acronym, the parts of a hyphenated word) is worked out once per distinct word:
    make one reader per extraction and pass it along."""

    __slots__ = ("lexicon", "_words", "_may_start")

    def __init__(self, lexicon: Any) -> None:
        self.lexicon = lexicon
        self._words: dict[str, tuple[Any, tuple[int, ...]] | None] = {}
        self._may_start: dict[str, bool] = {}     # word → may it start a keyword (see ``starting``)

    def word(self, word: str) -> tuple[Any, tuple[int, ...]] | None:
        """(phrases that start with the word, topics of the word alone), or None for neither."""
        got = self._words.get(word, 0)
        if got != 0:
            return got        # type: ignore[return-value]
        index = self.lexicon.topic_index
        low = word.lower()
        if not low[:1].isalnum():
            got = None
        else:
            out: list[int] = []
            found = False
            for part in (low,) if "-" not in low else (low,) + tuple(low.split("-")):
                ts = index.exact.get(part)
                if ts:
                    out.extend(ts)
                    found = True
                    break
                for pre, t in index.prefix.get(part[:3], ()):
                    if part.startswith(pre):
                        out.append(t)
                        found = True
                if found:
                    break
            if not found:
                out.extend(index.exact_case.get(word, ()))
            bucket = index.multi.get(low)
            got = (bucket, tuple(out)) if bucket or out else None
        self._words[word] = got
        return got

    def starting(self, words: Iterable[str]) -> set[str]:
        """Those of ``words`` that may start a keyword. Each distinct word is judged once per
        reader: the headings and items read after the whole text mostly repeat its words."""
        vocab = set(words)
        known = self._may_start
        new = list(vocab.difference(known))
        if new:
            index = self.lexicon.topic_index
            lows = list(map(str.lower, new))
            # a cheap first cut: the whole word, its first three letters, an acronym or a hyphen
            maybe = set(compress(new, map(index.lead.__contains__, lows)))
            maybe.update(compress(new, map(index.prefix.__contains__, map(_FIRST3, lows))))
            maybe.update(index.exact_case.keys() & set(new))
            maybe.update(compress(new, map(_HAS_HYPHEN, lows)))
            known.update(dict.fromkeys(new, False))
            for w in maybe:
                known[w] = self.word(w) is not None
        return set(filter(known.__getitem__, vocab))

    def starts(self, words: Iterable[str]) -> set[str]:
        """The keys of those of ``words`` that may start a keyword."""
        return {key(w) for w in self.starting(words)}

    def hits(self, words: Iterable[str], at: Iterable[int] | None = None) -> Iterator[tuple[int, int]]:
        """(topic number, word index) for every topic keyword among the words; ``at``: indices
        of the words that may start one (a superset), when known."""
        words = words if isinstance(words, (list, tuple)) else list(words)
        if at is None:
            at = compress(range(len(words)), map(self.starting(words).__contains__, words))
        for i in at:
            got = self.word(words[i])
            if got is None:
                continue
            bucket, alone = got
            if bucket:
                hit = False
                for phrase, star, t in bucket:
                    k = len(phrase)
                    if i + k > len(words):
                        continue
                    got_ = [w.lower() for w in words[i:i + k]]
                    if tuple(got_) == phrase or (star and tuple(got_[:-1]) == phrase[:-1]
                                                 and got_[-1].startswith(phrase[-1])):
                        yield t, i
                        hit = True
                if hit:
                    continue
            for t in alone:
                yield t, i


def topic_ids(text: str, lexicon: Any, reader: TopicReader | None = None) -> list[str]:
    """Topic ids named in a short text (a heading, an item), most mentioned first."""
    words, _ = tokenize(text)
    counts: dict[str, int] = {}
    order: list[str] = []
    for n, _ in (reader or TopicReader(lexicon)).hits(words):
        tid = lexicon.topics[n].id
        if tid not in counts:
            order.append(tid)
        counts[tid] = counts.get(tid, 0) + 1
    return sorted(order, key=lambda t: (-counts[t], order.index(t)))
