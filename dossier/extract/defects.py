"""Defects: problems in the source text itself — words spliced together across a cut
("talks.s end"), duplicated or truncated passages, mojibake ("â€™"), leftover markup and
unbalanced quotes — so that a reviewer knows what to check."""
from __future__ import annotations

import re

from ..model import Defect
from ._text import Doc, fold
from ._types import Structure

_SPLICE = re.compile(r"(?<![\w.@/])(?P<a>[A-Za-z]{3,})[.!?](?P<b>[a-z]{1,3})(?=\s+(?P<c>[a-z]\w*))")
_NOT_SPLICE = frozenset("com org net gov edu int mil pk uk us in co io eu ca au de fr jp kr cn ru za ng ke info biz "
                        "html htm php pdf doc txt jpg png".split())
_MOJIBAKE = re.compile(r"â€[\x80-\xbf™œ\x9d“”˜¦]?|Ã[\x80-\xbf¡-¿]|Â[\xa0-\xbf ]|\ufffd|ï»¿")
_MARKUP = re.compile(r"&(?:[a-z]{2,8}|#\d{2,5}|#x[0-9a-f]{2,5});|</?(?:p|br|div|span|a|b|i|strong|em|u|sup|sub|li|ul)"
                     r"\b[^>]{0,80}>", re.I)
_WORDS = re.compile(r"[\w’']+")
_NONWORD = re.compile(r"[^\w'][^\w']*")        # "[^\w']+" (a leading class lets the engine skip ahead)
_WORD_RUNS = re.compile(r"[\w'][\w']*")
# in ASCII text the runs of _WORD_RUNS are what is left between the other characters
_ASCII_NON_WORD = {c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) in "_'")}
_SPLICE_HINT = re.compile(r"[.!?](?<=[a-z].)[a-z]")          # "[a-z][.!?][a-z]", found faster
_TERMINAL = re.compile(r"[.!?…:;\"”’)\]]\s*$")


def find(doc: Doc, structure: Structure) -> list[Defect]:
    out: list[Defect] = []
    splits = [_words(fold(p.text[p.body:])) for p in doc.paras]   # the words, folded
    norm = [" ".join(words) for words in splits]
    flagged: set[str] = set()
    repeats = _Repeats(norm)

    for p in doc.paras:
        text = p.text
        splices = [m for m in (_SPLICE.finditer(text) if _SPLICE_HINT.search(text) else ())
                   if m.group("b").lower() not in _NOT_SPLICE]
        if splices:
            repeats.paragraph(p.index, text)
        for m in splices:
            shown = text[m.start():m.end() + 1 + len(m.group("c"))]
            note = "two passages run together without a break: a sentence ends mid-word into the next"
            tail = " ".join(_WORD_RUNS.findall(fold(text[m.end("b"):m.end("b") + 120]))[:3])
            if len(tail.split()) >= 3 and repeats.earlier(tail, m.start()):
                note += (f"; what follows (\"…{m.group('b')} {tail} …\") repeats an earlier passage: "
                         "a truncated duplicate spliced on")
            out.append(Defect(kind="spliced-text", text=shown, note=note, evidence=[p.id]))
            flagged.add(p.id)
        odd = not text.isascii()
        for m in (_MOJIBAKE.finditer(text) if odd else ()):
            s = max(0, m.start() - 12)
            out.append(Defect(kind="mojibake", text=text[s:m.end() + 12].strip(),
                              note="characters decoded with the wrong encoding", evidence=[p.id]))
            break
        for m in (_MARKUP.finditer(text) if "&" in text or "<" in text else ()):
            out.append(Defect(kind="markup", text=m.group(), note="HTML left in the text", evidence=[p.id]))
            break
        curly_open, curly_close = text.count("“"), text.count("”")
        if curly_open != curly_close or text.count('"') % 2:
            out.append(Defect(kind="unbalanced-quotes", text=_excerpt(text),
                              note="a quotation is opened and not closed (or the reverse)", evidence=[p.id]))

    # duplicated and truncated passages
    seen: dict[str, str] = {}
    for p, n, words in zip(doc.paras, norm, splits):
        if len(words) < 8:
            continue
        if n in seen:
            out.append(Defect(kind="duplicate", text=_excerpt(p.text),
                              note=f"the paragraph repeats {seen[n]}", evidence=[seen[n], p.id]))
            flagged.add(p.id)
            continue
        seen[n] = p.id
    heads: dict[str, list[int]] = {}
    tails: dict[str, list[int]] = {}
    for k, words in enumerate(splits):
        if len(words) >= 8:
            heads.setdefault(" ".join(words[:8]), []).append(k)
            tails.setdefault(" ".join(words[-8:]), []).append(k)
    for k, (p, n, words) in enumerate(zip(doc.paras, norm, splits)):
        if len(words) < 8 or p.id in flagged:
            continue
        cands = heads.get(" ".join(words[:8]), [])[:50]
        cands = cands + tails.get(" ".join(words[-8:]), [])[:50 - len(cands)]
        for j in cands:
            q, m = doc.paras[j], norm[j]
            if q.id == p.id or len(m) <= len(n) + 10:
                continue
            if m.startswith(n) or m.endswith(n):
                out.append(Defect(kind="truncated-duplicate", text=_excerpt(p.text),
                                  note=f"the paragraph is a cut-off copy of {q.id}", evidence=[p.id, q.id]))
                flagged.add(p.id)
                break
    # a prose paragraph that stops mid-sentence
    for p in doc.paras:
        if p.id in flagged or structure.roles.get(p.id) != "body":
            continue
        words = p.text.split()
        if len(words) >= 12 and not _TERMINAL.search(p.text):
            out.append(Defect(kind="truncated", text=_excerpt(p.text, tail=True),
                              note="the paragraph ends without finishing its sentence", evidence=[p.id]))
    out.sort(key=lambda d: doc.order(d.evidence[0]))
    return out


_MAX_TAILS = 64       # texts looked up in the whole document (each costs a pass over it)


class _Repeats:
    """Is a text ("tail") in what comes before a point of a paragraph: the normalised paragraphs
    before it, a space, and the paragraph's own normalised text up to that point? The same answer
    as building that text for every splice, without building it: each tail is looked up once in
    the whole document and once in the paragraph. Normalising is a per-character mapping (and
    spaces for runs of other characters) that splits cleanly where a splice starts (a letter after
    a character that is not part of a word), so the paragraph's text up to a splice is a prefix of
    the whole paragraph's. A document with more than _MAX_TAILS different tails is not checked
    for the rest, to keep long garbled texts linear."""

    def __init__(self, norm: list[str]) -> None:
        self.norm = norm
        self.joined: str | None = None
        self.before: list[int] = []          # len(" ".join(norm[:i]))
        self.in_doc: dict[str, int] = {}     # tail → first offset in the joined text
        self.index = 0
        self.text = ""
        self.whole = ""                      # the paragraph normalised
        self.in_para: dict[str, int] = {}
        self.cut = 0                         # a splice start and the length of the text before it,
        self.cut_len = 0                     # normalised

    def paragraph(self, index: int, text: str) -> None:
        self.index, self.text = index, text
        self.whole = ""
        self.in_para = {}
        self.cut = self.cut_len = 0

    def earlier(self, tail: str, at: int) -> bool:
        if tail not in self.in_doc and len(self.in_doc) >= _MAX_TAILS:
            return False
        if self.joined is None:
            self.joined = " ".join(self.norm)
            total = 0
            for i, n in enumerate(self.norm):
                self.before.append(total + i - 1 if i else 0)
                total += len(n)
        joined = self.joined
        if tail not in self.in_doc:
            self.in_doc[tail] = joined.find(tail)
        if not self.whole:
            self.whole = _NONWORD.sub(" ", fold(self.text))
        self.cut_len += len(_NONWORD.sub(" ", fold(self.text[self.cut:at])))
        self.cut = at
        first = self.in_doc[tail]
        end = self.before[self.index]
        if first >= 0 and first + len(tail) <= end:
            return True                       # in the paragraphs before
        if tail not in self.in_para:
            self.in_para[tail] = self.whole.find(tail)
        first = self.in_para[tail]
        if first >= 0 and first + len(tail) <= self.cut_len:
            return True                       # earlier in the paragraph
        return tail in joined[max(0, end - len(tail)):end] + " " + self.whole[:min(self.cut_len, len(tail))]


def _words(text: str) -> list[str]:
    """``_WORD_RUNS.findall(text)``; for ASCII text by a translation and a split (faster)."""
    if text.isascii():
        return text.translate(_ASCII_NON_WORD).split()
    return _WORD_RUNS.findall(text)


def _excerpt(text: str, tail: bool = False) -> str:
    words = text.split()
    if len(words) <= 12:
        return text
    return ("… " + " ".join(words[-10:])) if tail else (" ".join(words[:10]) + " …")
