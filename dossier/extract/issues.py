"""Issues: regional and global questions raised in the talks — named issues from the lexicon
("climate change", "weapons of mass destruction"), "<crisis/conflict/war> in <place>", "<place>
conflict", and regions or territories named where the text talks about conflicts or peace."""
from __future__ import annotations

import re

from ..model import Issue, Place
from ._text import Doc, key, squash
from ._types import Structure
from .lexicon import Lexicon

_CRISIS = re.compile(r"\b(?:the\s+)?(?P<t>(?:[a-z]+\s+){0,2}(?:crisis|conflict|war|situation|tensions?|dispute|"
                     r"question|issue|occupation|violence|fighting|blockade|sanctions)\s+(?:in|over|of|on|against|"
                     r"in\s+and\s+around)\s+(?:the\s+)?(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*))")
_PLACE_CONFLICT = re.compile(r"\b(?P<t>(?:[A-Z][\w’'-]*\s+){1,3}(?:conflict|crisis|issue|question|dispute|war|"
                             r"peace\s+process))\b")
_CUES = re.compile(r"\b(?:conflicts?|crisis|crises|peace|peaceful|war|wars|tensions?|disputes?|stability|"
                   r"security|resolution|concerns?|issues?|humanitarian|sanctions|terror\w*|violence|"
                   r"ceasefire|occupation|denucleari\w*|territorial|claims?)\b", re.I)
_ISSUE_STOP = {"and", "or", "of", "on", "about", "over", "with", "to", "for", "in", "including", "namely",
               "especially", "particularly", "amid", "discuss", "discussing", "address", "addressing", "raise",
               "raising", "end", "ending", "resolve", "resolving", "such", "as"}
_ADJ_ED = {"armed", "protracted", "renewed", "escalated", "prolonged", "frozen", "disputed", "continued"}
_SKIP_START = {"the", "this", "that", "a", "an", "both", "their", "regional", "global", "bilateral"}


def find(doc: Doc, structure: Structure, places: list[Place], lexicon: Lexicon) -> list[Issue]:
    found: list[tuple[str, str]] = []
    region_names = [p.name for p in places if p.kind in ("region", "territory", "sea")]
    later = {pid for s in structure.sections if s.kind in ("outlook", "conclusion") for pid in s.body}
    for p in doc.paras:
        if structure.roles.get(p.id) in ("heading", "headline", "subtitle", "signoff"):
            continue
        text = p.text
        for m in _CRISIS.finditer(text):
            t = squash(m.group("t"))
            words = t.split()
            while words and (words[0].lower() in _SKIP_START or words[0].lower() in _ISSUE_STOP or
                             (words[0].lower().endswith("ed") and words[0].lower() not in _ADJ_ED)):
                words.pop(0)
            if words:
                found.append((" ".join(words), p.id))
        for m in _PLACE_CONFLICT.finditer(text):
            t = m.group("t")
            first = t.split()[0]
            if key(first) in lexicon.stop_caps:
                continue
            if any(t.startswith(r) for r in region_names):
                found.append((t, p.id))
        if lexicon.issue_re is not None and p.id not in later:
            for m in lexicon.issue_re.finditer(text):
                found.append((m.group().lower(), p.id))
        for s, e in p.sents:
            sent = text[s:e]
            if not _CUES.search(sent):
                continue
            for name in region_names:
                if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sent):
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
        # "Gaza" when "Humanitarian crisis in Gaza" says more, in the same paragraphs
        longer = [o for o in order if o != k and re.search(rf"(?<!\w){re.escape(k)}(?!\w)", o)
                  and set(merged[o].evidence) >= set(issue.evidence)]
        if longer:
            continue
        issue.evidence.sort(key=doc.order)
        out.append(issue)
    return out
