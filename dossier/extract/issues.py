"""Issues: regional and global questions raised in the talks — named issues from the lexicon
("climate change", "weapons of mass destruction"), "<crisis/conflict/war> in <place>", "<place>
conflict", and regions or territories named where the text talks about conflicts or peace."""
from __future__ import annotations

import re

from ..model import Issue, Place
from ._text import Doc, contains_word, finditer_at, key, squash, word_offsets
from ._types import Structure
from .lexicon import Lexicon

_CRISIS_WORD = re.compile(r"\b(?:crisis|conflict|war|situation|tensions?|dispute|question|issue|occupation|"
                          r"violence|fighting|blockade|sanctions)\s+(?:in|over|of|on|against|in\s+and\s+around)\s+"
                          r"(?:the\s+)?(?=[A-Z])")
_CRISIS_KEYS = frozenset("""crisis conflict war situation tension tensions dispute question issue occupation
    violence fighting blockade sanctions peace""".split())
_CAP_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
_TWO_BEFORE = re.compile(r"(?:(?<![\w’'])([a-z]+)\s+)?(?:(?<![\w’'])([a-z]+)\s+)?$")
_PLACE_WORD = re.compile(r"\s+(?:conflict|crisis|issue|question|dispute|war|peace\s+process)\b")
_CUES = re.compile(r"\b(?:conflicts?|crisis|crises|peace|peaceful|war|wars|tensions?|disputes?|stability|"
                   r"security|resolution|concerns?|issues?|humanitarian|sanctions|terror\w*|violence|"
                   r"ceasefire|occupation|denucleari\w*|territorial|claims?)\b", re.I)
_ISSUE_STOP = frozenset({"and", "or", "of", "on", "about", "over", "with", "to", "for", "in", "including", "namely",
               "especially", "particularly", "amid", "discuss", "discussing", "address", "addressing", "raise",
               "raising", "end", "ending", "resolve", "resolving", "such", "as"})
_ADJ_ED = frozenset({"armed", "protracted", "renewed", "escalated", "prolonged", "frozen", "disputed", "continued"})
_SKIP_START = frozenset({"the", "this", "that", "a", "an", "both", "their", "regional", "global", "bilateral"})


def find(doc: Doc, structure: Structure, places: list[Place], lexicon: Lexicon) -> list[Issue]:
    found: list[tuple[str, str]] = []
    issue_first = lexicon.issue_first
    region_names = [p.name for p in places if p.kind in ("region", "territory", "sea")]
    later = {pid for s in structure.sections if s.kind in ("outlook", "conclusion") for pid in s.body}
    for p in doc.paras:
        if structure.roles.get(p.id) in ("heading", "headline", "subtitle", "signoff"):
            continue
        text = p.text
        crisis_words = not _CRISIS_KEYS.isdisjoint(p.keyset)
        for m in (_CRISIS_WORD.finditer(text) if crisis_words else ()):
            cap = _CAP_RUN.match(text, m.end())
            if not cap:
                continue
            head_start = m.start()
            two = _TWO_BEFORE.search(text, max(0, head_start - 30), head_start)
            words = [w for w in (two.group(1), two.group(2)) if w] if two else []
            while words and (words[0] in _SKIP_START or words[0] in _ISSUE_STOP or
                             (words[0].endswith("ed") and words[0] not in _ADJ_ED)):
                words.pop(0)
            t = squash(" ".join(words + [text[head_start:cap.end()]]))
            t = re.sub(r"^(?:the)\s+", "", t)
            found.append((t, p.id))
        for name in (region_names if crisis_words else ()):
            at = text.find(name)
            while at >= 0:
                m = _PLACE_WORD.match(text, at + len(name))
                if m:
                    found.append((text[at:m.end()].strip(), p.id))
                at = text.find(name, at + len(name))
        if lexicon.issue_re is not None and p.id not in later and not issue_first.isdisjoint(p.keyset):
            at = word_offsets(p, lexicon.issue_runs) if lexicon.issue_runs is not None else None
            for m in finditer_at(lexicon.issue_re, text, at):
                found.append((m.group().lower(), p.id))
        if region_names and any(name in text for name in region_names):
            for s, e in p.sents:
                sent = text[s:e]
                if not _CUES.search(sent):
                    continue
                for name in region_names:
                    if name in sent:
                        found.append((name, p.id))
    merged: dict[str, Issue] = {}
    seen: dict[str, set[str]] = {}
    order: list[str] = []
    for title, pid in found:
        title = title[:1].upper() + title[1:]
        k = key(title)
        if k not in merged:
            merged[k] = Issue(title=title, evidence=[pid])
            seen[k] = {pid}
            order.append(k)
        elif pid not in seen[k]:
            merged[k].evidence.append(pid)
            seen[k].add(pid)
    out = []
    small = len(order) <= 200
    for k in order:
        issue = merged[k]
        if not small:
            issue.evidence.sort(key=doc.order)
            out.append(issue)
            continue
        # "Harn Valley" when "Humanitarian crisis in Harn Valley" says more, in the same paragraphs
        longer = [o for o in order if o != k and contains_word(o, k)
                  and set(merged[o].evidence) >= set(issue.evidence)]
        if longer:
            continue
        issue.evidence.sort(key=doc.order)
        out.append(issue)
    return out
