"""Agreements: only what the text says was signed, inked, concluded or exchanged — items of an
"agreements signed" section or list, sentences with a signing verb ("X and Y signed an MoU to
..."), subject-area lists ("MoUs were signed on: - Taxation", "signed deals in tourism, health
and ...") and enumerations ("an MoU on X, an MoU on Y"). Plans ("will sign", "expected to",
"agreed to establish") are not agreements; "signed into law" is a law; nor are negated
("no agreement was signed") or earlier signings ("signed in 2015", "years ago"). A stated count
("seven MoUs") is kept apart; a count or plural summary that the text then tells one by one folds
away, and the items such a count announces count even without a signing verb; a large count over
a short list of kinds is one bundle. Titles show company parties, countries only when nothing
else is said. A value is attached only when the text ties it to the agreement, within its clause."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..model import Country, FocusArea, Money, Mou, MouCount
from ._text import (Doc, Para, TopicReader, contains_word, finditer_at, key, slug, squash, topic_ids,
                    unique_ids, word_offsets)
from ._types import CountryFacts, FigureFact, PeopleFacts, Structure
from .lexicon import Lexicon

_NOUN = (r"(?:exchanges?\s+of\s+(?:diplomatic\s+)?notes|documents?|"
         r"memorand(?:um|a|ums)\s+of\s+understanding|memorand(?:um|a|ums)|mou|mous|agreements?|accords?|"
         r"deals?|treat(?:y|ies)|pacts?|protocols?|frameworks?|letters?\s+of\s+intent|contracts?|"
         r"conventions?|instruments?|declarations?|arrangements?)")
_NOUN_RE = re.compile(rf"(?<![\w-]){_NOUN}(?![\w-])", re.I)
_SIGNED = re.compile(r"(?<![\w-])(?:signed|inked|concluded|sealed|exchanged|initiall?ed|penned|clinched|struck|"
                     r"finali[sz]ed|signing\s+of|signature\s+of|were\s+signed|was\s+signed|been\s+signed)"
                     r"(?![\w-])", re.I)
# the words a match of _SIGNED starts with
_SIGNED_FIRST = frozenset("""signed inked concluded sealed exchanged initialled initialed penned clinched struck
    finalised finalized signing signature were was been""".split())
_NOT_SIGNED = re.compile(r"(?:\bwill\b|\bwould\b|\bshall\b|\bto\s+be\b|\bto\s+sign|\bexpected\b|\bset\s+to\b|"
                         r"\bplan(?:s|ned)?\s+to\b|\bintends?\s+to\b|\bintention\b|\bagreed\s+to\b|\bagree\s+to\b|"
                         r"\bhopes?\s+to\b|\baims?\s+to\b|\bready\s+to\b|\bcould\b|\bmay\b|\bmight\b|\bproposed\b|"
                         r"\bnegotiat\w*|\bdraft\w*|\bprepar\w*|\bupcoming\b|\bnext\b|\bfuture\b|\bpending\b)",
                         re.I)
_NEGATED = re.compile(r"\b(?:no|not|never|nor|neither)\b|n[’']t\b", re.I)
_BACKGROUND = re.compile(r"[^,.;:]{0,50}?\b(?:(?:in|since)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b|(?:\w+\s+)?(?:years?|"
                         r"decades?)\s+ago\b|(?<!ever\s)before\b(?!\s+(?:the|a|an|his|her|their|its)\b)|"
                         r"previously\b|last\s+year\b|in\s+the\s+past\b)", re.I)
_OWN_NOUN = re.compile(r"\b(?:plans?\s+of\s+action|action\s+plans?|programmes?|programs?|roadmaps?|"
                       r"work\s+plans?|charters?)\b", re.I)
_PLURAL_NOUN = re.compile(r"^(?:memoranda|[\w-]+s)\b", re.I)
_CLAUSE_WORD = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|said|says|signed|according)\b", re.I)
_INTO_LAW = re.compile(r"\binto\s+law\b|\blegislation\b|\bbill\b|\bexecutive\s+order\b", re.I)
_GENERIC_MOD = frozenset(("several various multiple numerous bilateral new other some many the these those two "
                          "three four five six seven eight nine ten cooperation co-operation key important "
                          "historic landmark major different separate a an of trade their our its his her all "
                          "more than over up to further additional").split())
_PURPOSE = re.compile(r"^\s*,?\s*(?:(?:that\s+)?(?:aims?|aimed|seeks?|seeking|intended|designed)\s+(?:at|to)\s+|"
                      r"on\s+|to\s+|for\s+(?!the\s+(?-i:[A-Z]))|regarding\s+|concerning\s+|covering\s+|"
                      r"in\s+the\s+fields?\s+of\s+|in\s+the\s+areas?\s+of\s+)", re.I)
_CUT = re.compile(r",\s*(?:which|where|who|while|as|after|before|amid|during|ending|following|when|at\s+the|"
                  r"in\s+the\s+presence|signed|inked|concluded|exchanged|according|was|were|is|are|has|have|had|"
                  r"and\s+(?:will|would|is|are)|and\s+(?:the\s+|an?\s+)?(?=(?-i:[A-Z])))\b|\s+(?:which|that|who)\s+|;|\s—|\s–|"
                  r",\s*(?:ensuring|reflecting|highlighting|bringing|marking|building|adding|an?\s|estimated|expected|"
                  r"valued|worth|costing|scheduled|due|set|slated)\b|:\s|\.\s|\.$", re.I)
_AREA_LIST = re.compile(r"^\s*(?:(?:cooperation|co-operation|bilateral)\s+)?(?:agreements?|deals?|mous?|"
                        r"memorand(?:a|ums?)(?:\s+of\s+understanding)?|accords?)?\s*(?:"
                        r"(?:in|on)\s+(?:the\s+)?(?:fields?|areas?|sectors?)\s+(?:including|such\s+as|like)|"
                        r"in\s+the\s+(?:fields?|areas?|sectors?)\s+of|in|on|covering)\s+(?P<list>[^.;:]+)", re.I)
_INCLUDING = re.compile(r",?\s*(?:including|covering|such\s+as|in\s+the\s+areas?\s+of|in\s+areas\s+such\s+as)\s+"
                        r"(?P<list>[^.;:]+)", re.I)
_ENUM_NOUN = r"(?:MoU|MOU|memorandum(?:\s+of\s+understanding)?|agreement|protocol|treaty|accord|arrangement|convention)"
_ENUM = re.compile(rf"\b(?:an?|one)\s+(?P<noun>{_ENUM_NOUN})\s+"
                   rf"(?P<prep>on|for|in|between)\s+(?P<area>.+?)(?=,\s*(?:and\s+)?(?:an?|one)\s+{_ENUM_NOUN}\b|"
                   rf"\s+and\s+(?:an?|one)\s+{_ENUM_NOUN}\b|[.;]|$)", re.I)
_COUNT = re.compile(r"(?<![\w-])(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"thirteen|fourteen|fifteen|twenty|a\s+dozen)\s+(?:[a-z][\w-]*\s+){0,2}" + _NOUN + r"(?![\w-])", re.I)
_VALUE_LINK = re.compile(r"\b(?:worth|valued\s+at|value\s+of|amounting\s+to|totall?ing|to\s+the\s+tune\s+of|"
                         r"with\s+a\s+(?:total\s+|combined\s+)?value\s+of|costing|(?:estimated\s+)?to\s+cost|"
                         r"at\s+a\s+cost\s+of|estimated\s+at)\s*$", re.I)
_LEADING = re.compile(r"^(?:\s*(?:today|yesterday|on\s+\w+day|also|meanwhile|in\s+addition|additionally|"
                      r"separately|later|earlier|during\s+the\s+visit|on\s+the\s+sidelines[^,]*),?\s*)+", re.I)
_CAPS = r"(?:[A-Z0-9][\w’'&.-]*(?:\s+(?:of|and|for|the|de|&)\s+|\s+)?)+"
_WITH = re.compile(rf"^\s*,?\s*(?:with|between)\s+(?:the\s+|their\s+)?(?P<w>{_CAPS}(?:’s|'s)?)"
                   rf"(?:\s*(?:[a-z][\w-]*\s+){{0,3}}[a-z][\w-]*,\s*(?P<a>{_CAPS}),?)?")
_WHEN = re.compile(r"^\s*(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|"
                   r"afternoon|evening|night))?|today|yesterday|earlier\s+today|this\s+week|on\s+the\s+"
                   r"sidelines(?:\s+of\s+the\s+\w+)?)\b,?", re.I)
_DAYS_MONTHS = frozenset(("monday tuesday wednesday thursday friday saturday sunday january february march "
                          "april may june july august september october november december").split())
_BOTH_SIDES = re.compile(r"^(?:the\s+)?(?:two|both)\s+(?:sides|countries|nations|leaders|governments|parties|"
                         r"ministers|delegations|presidents|heads\s+of\s+state)$", re.I)
_NP_STOP = frozenset(("a an the and or with signed inked concluded sealed exchanged also have has had were was of "
                      "two both on in for to several various their its his her our no "
                      "thousand million billion trillion mn bn m b crore crores lakh lakhs").split())
_NUMBER_WORDS = MappingProxyType({"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                 "fifteen": 15, "twenty": 20, "a dozen": 12})


@dataclass
class _Found:
    title: str
    description: str
    pid: str
    start: int
    parties: list[str] = field(default_factory=list)
    value: Money | None = None
    named: bool = False
    generic: bool = False
    source: str = ""                 # section | list | sentence | area | enum
    topics: list[str] | None = None
    evidence: list[str] = field(default_factory=list)
    umbrella: bool = False           # "four pacts", "port deals": a summary of others, maybe
    stated: int = 0                  # the count it states ("inked four pacts")


def find(doc: Doc, structure: Structure, facts: CountryFacts, people: PeopleFacts,
         nations: list[Country], numbers: list[FigureFact], focus: list[FocusArea],
         lexicon: Lexicon, reader: TopicReader | None = None) -> tuple[list[Mou], MouCount | None]:
    """The agreements signed, and the count the text states."""
    sides = [c.name for c in nations if c.side in ("host", "guest")] or [c.name for c in nations[:2]]
    money: dict[str, list[FigureFact]] = {}
    for f in numbers:
        if f.kind == "money":
            money.setdefault(f.pid, []).append(f)
    numbers = {pid: _Ordered(figs) for pid, figs in money.items()}      # type: ignore[assignment]
    in_para: dict[str, list] = {}
    for person in people.people:
        for pid in person.evidence:
            in_para.setdefault(pid, []).append(person)
    people_by_pid = in_para
    by_pid: dict[str, list] = {}
    for g in facts.mentions:
        by_pid.setdefault(g.pid, []).append(g)
    geo_by_pid = {pid: _Ordered(ms) for pid, ms in by_pid.items()}
    found: list[_Found] = []
    covered: set[str] = set()
    signed_context = False

    # 1. sections about agreements signed, and lists introduced by "... were signed:"
    for section in structure.sections:
        if section.kind != "agreements":
            continue
        intro = " ".join(doc.para(pid).text for pid in section.body[:1] if doc.para(pid)) if \
            section.items and section.body and section.body[0] != section.items[0].pid else ""
        if _NOT_SIGNED.search(section.title) or (intro and _NOT_SIGNED.search(intro) and not _SIGNED.search(intro)):
            continue
        signed_context = True
        covered.update(section.body)
        areas = all(it.short for it in section.items) if section.items else False
        for it in section.items:
            if not it.title and not it.text:
                continue
            text = it.text or it.title
            if not it.title and _SIGNED.search(text):
                covered.discard(it.pid)    # "- Acme and Bolt signed a ... agreement": read as a sentence
                continue
            title = _area_title(it.title) if areas else (it.title or _short(text))
            f = _Found(title=title, description=squash(text) if text != it.title else "", pid=it.pid,
                       start=0, parties=list(sides), source="section",
                       evidence=[it.pid] + [b for b in it.body if b != it.pid])
            f.value = _value(doc, numbers, it.body or (it.pid,))
            found.append(f)
            covered.update(f.evidence)
    for p in doc.paras:
        if p.id in covered or not (p.text[-1:] == ":" or (p.text[-1:].isspace() and p.text.rstrip().endswith(":"))):
            continue
        if not (_SIGNED.search(p.text) and _NOUN_RE.search(p.text)) or _NOT_SIGNED.search(p.text):
            continue
        items = []
        for q in doc.paras[p.index + 1:]:
            if not q.marker or (items and _marker_kind(q.marker) != _marker_kind(items[0].marker)):
                break               # "a) ... d)" ends where "6." resumes the outer list
            items.append(q)
        if not items:
            continue
        signed_context = True
        covered.add(p.id)
        short = all(len(q.text[q.body:].split()) <= 8 for q in items)
        for q in items:
            body = q.text[q.body:].strip()
            label = structure.labels.get(q.id)
            own = _own_title(body) if not label else None
            title = own or (_area_title(body) if short and not label else (label or _short(body)))
            f = _Found(title=title, description=body, pid=q.id, start=0, parties=list(sides),
                       source="list", evidence=[q.id])
            f.value = _value(doc, numbers, (q.id,))
            found.append(f)
            covered.add(q.id)

    # 2. sentences that say something was signed
    count: MouCount | None = None
    done: set[tuple[str, int]] = set()
    for p in doc.paras:
        if p.id in covered or structure.roles.get(p.id) in ("heading", "headline", "subtitle", "signoff"):
            continue
        label = structure.labels.get(p.id) if structure.roles.get(p.id) == "lead" else None
        # the signing verbs of the paragraph (a match never crosses the space between sentences)
        verbs = list(finditer_at(_SIGNED, p.text, word_offsets(p, _SIGNED_FIRST)))
        if not verbs:
            continue
        k = 0
        for s, e in p.sents:
            while k < len(verbs) and verbs[k].start() < s:
                k += 1
            here_verbs = []
            while k < len(verbs) and verbs[k].end() <= e:
                here_verbs.append(verbs[k])
                k += 1
            used: list[tuple[int, int]] = []      # the agreement nouns this sentence has given
            prev_end = -1
            for sm in here_verbs:
                vs, ve = sm.start(), sm.end()
                clause_lo = _clause_start(p.text, max(s, p.body), vs)
                if prev_end >= 0 and vs > prev_end:
                    # a second signing in one sentence: "A signed X with B, and C signed Y with D"
                    cut = p.text.rfind(", and ", prev_end, vs)
                    cut = cut + 6 if cut >= 0 else p.text.rfind("; ", prev_end, vs) + 2
                    clause_lo = max(clause_lo, cut if cut >= 2 else prev_end)
                before = p.text[clause_lo:vs]
                if _NOT_SIGNED.search(before[-40:]) or _INTO_LAW.search(p.text[vs:min(e, ve + 80)]):
                    continue
                if _NEGATED.search(before[-40:]) or _BACKGROUND.match(p.text, ve, min(e, ve + 70)):
                    continue            # "no agreement was signed"; "signed in 2019", "signed years ago"
                noun = _noun_near(p.text, vs, ve, s, e)
                if noun is None:
                    continue
                ns, ne = noun
                if any(ns < ue and us < ne for us, ue in used):
                    continue            # "The Accord, signed by ..., was signed ...": one agreement
                used.append((ns, ne))
                prev_end = max(ve, ne)
                signed_context = True
                cm = _COUNT.search(p.text, max(s, ns - 30), min(e, ne + 2))
                stated = 0
                if cm:
                    n = cm.group("n").lower()
                    stated = int(n) if n.isdigit() else _NUMBER_WORDS.get(re.sub(r"\s+", " ", n), 0)
                    if stated >= 2 and count is None:
                        count = MouCount(stated=stated, text=cm.group().strip(), evidence=[p.id])
                items = _sentence_items(doc, p, s, e, vs, ve, ns, ne, clause_lo, label, geo_by_pid.get(p.id, _Ordered([])),
                                        people, numbers, lexicon, sides, people_by_pid.get(p.id, []), stated)
                found.extend(items)
                done.add((p.id, s))
            if used:
                found.extend(_coordinated(doc, p, s, e, used, label, geo_by_pid.get(p.id, _Ordered([])), people,
                                          numbers, lexicon, sides, people_by_pid.get(p.id, [])))

    # 3. enumerations: "an MoU on X, an MoU on Y and an MoU on Z"
    if signed_context:
        for p in doc.paras:
            if p.id in covered:
                continue
            low = p.text.lower()
            if not any(w in low for w in ("mou", "memorand", "agreement", "protocol", "treaty", "accord",
                                          "arrangement", "convention")):
                continue
            for s, e in p.sents:
                sent = p.text[s:e]
                if (p.id, s) in done or _NOT_SIGNED.search(sent):
                    continue
                hits = list(_ENUM.finditer(sent))
                if len(hits) < 2 and not (hits and _SIGNED.search(sent)):
                    continue
                for m in hits:
                    area = squash(m.group("area")).strip(" ,.")
                    noun = m.group("noun")
                    # "an MoU on X" → "MoU on X"; "an agreement for a grant" keeps its own noun
                    head = "MoU" if noun.lower().startswith(("mou", "memorand")) else noun[:1].upper() + noun[1:]
                    f = _Found(title=f"{head} {m.group('prep').lower()} {area}", description=squash(sent),
                               pid=p.id, start=s + m.start(), parties=list(sides), source="enum",
                               evidence=[p.id])
                    f.value = _value_inside(numbers, p.id, s + m.start("area"), s + m.end("area"))
                    found.append(f)

    # "inked four pacts ..." then "A coastal fisheries arrangement lets ...": the
    # paragraphs after a stated count introduce its items, signing verb or not
    found.extend(_told_items(doc, found, covered, done, sides))

    # a count or a plural summary ("inked four pacts", "a series of port deals") that the
    # text then tells one by one is not another agreement
    later = 0                        # specific agreements after each one (one pass, from the end)
    for f in reversed(found):
        if f.umbrella and not f.generic:
            if later >= 2:
                f.generic = True
        elif not f.generic:
            later += 1
    reader = reader or TopicReader(lexicon)
    mous = _merge(found, doc, lexicon, reader)
    out = []
    ids = unique_ids(slug(f.title) for f in mous)
    for f, mid in zip(mous, ids):
        ts = f.topics if f.topics is not None else topic_ids(f.title + " " + f.description[:300], lexicon, reader)
        fa = [a.id for a in focus if set(a.topics[:2]) & set(ts[:1])]
        out.append(Mou(id=mid, title=f.title, description=f.description, parties=f.parties, value=f.value,
                       focus_areas=fa, topics=ts, evidence=sorted(set(f.evidence), key=doc.order)))
    return out, count


def _marker_kind(marker: str) -> str:
    """'1.' and '12.' are one kind, 'a)' and 'd)' another, '-' a third."""
    return re.sub(r"[a-z]", "a", re.sub(r"[A-Z]", "A", re.sub(r"\d+", "9", marker.strip())))


def _own_title(body: str) -> str | None:
    """A list entry that is itself an agreement's name: "a Memorandum of Understanding on X;"."""
    t = squash(body).strip(" ;.,")
    t = re.sub(r"^(?:an?|the|one)\s+", "", t, flags=re.I)
    m = _NOUN_RE.search(t, 0, 60) or _OWN_NOUN.search(t, 0, 60)
    if not m or not t[:1].isupper() or len(t.split()) > 30 or _SIGNED.search(t, 0, m.start()) or \
            re.search(r"\b(?:is|are|was|were|will|has|have)\b", t[:m.start()]):
        return None
    cut = re.search(r",\s|\s[–—]\s|:\s", t)
    return t[:cut.start()] if cut and cut.start() > m.end() else t


def _short(text: str, words: int = 12) -> str:
    t = squash(text).rstrip(".")
    parts = t.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _area_title(area: str) -> str:
    area = squash(area).strip(" .;:,")
    area = re.sub(r"^(?:and|or)\s+", "", area)
    return f"MoU on {area}"


def _clause_start(text: str, s: int, pos: int) -> int:
    lo = s
    for m in re.finditer(r"[;:]|,\s*(?:but|while|whereas)\s|\s—\s|\s–\s", text[s:pos]):
        lo = s + m.end()
    return lo


def _noun_near(text: str, vs: int, ve: int, s: int, e: int) -> tuple[int, int] | None:
    """The agreement noun the signing verb governs: after it (active), else before it (passive)."""
    after = _NOUN_RE.search(text, ve, min(e, ve + 90))
    if after and not re.search(r"[.;](?!\d)", text[ve:after.start()]):      # "$7.5 million" is no full stop
        end = after.end()
        while True:   # "a framework agreement", "cooperation agreements"
            more = re.match(r"\s+" + _NOUN + r"(?![\w-])", text[end:end + 40], re.I)
            if not more:
                break
            end += more.end()
        return after.start(), end
    window = text[max(s, vs - 120):vs]
    before = list(_NOUN_RE.finditer(window))
    if before:
        m = before[-1]
        off = max(s, vs - 120)
        return off + m.start(), off + m.end()
    return None


def _np_bounds(text: str, ns: int, ne: int, lo: int) -> tuple[int, int]:
    """Extend the agreement noun to its noun phrase: modifiers before, "of Understanding" after."""
    seg_lo = max(lo, ns - 80)
    spans = [(m.start() + seg_lo, m.end() + seg_lo, m.group()) for m in
             re.finditer(r"[\w’'$.-]+", text[seg_lo:ns])]
    start = ns
    taken = 0
    for i in range(len(spans) - 1, -1, -1):
        ws, we, w = spans[i]
        if re.search(r"[,;:()]", text[we:start]):
            break
        if w.lower() == "and" and taken and i >= 2 and spans[i - 2][2].lower() in ("a", "an", "the") and \
                spans[i - 1][2].lower() not in _NP_STOP and spans[i - 1][2][:1].islower():
            start = ws                   # "a fishing and aquaculture arrangement"
            continue
        if w.lower() in _NP_STOP or w[:1] == "$" or any(c.isdigit() for c in w) or taken >= 5:
            break
        start = ws
        taken += 1
    end = ne
    m = re.match(r"\s+(?:of\s+Understanding|on\s+(?=[A-Z])(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                 r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
                 r"November|December)\b)(?:[A-Z][\w-]*\s?(?:and\s+|of\s+|for\s+|the\s+)?)+)", text[ne:ne + 80])
    if m and text[ns:ne][:1].isupper():
        end = ne + len(m.group().rstrip())
    # a capitalised name may continue after the noun: "Agreement for the Establishment of ..."
    if text[ns:ne][:1].isupper():
        m = re.match(r"\s+(?:for|of|on|between)\s+", text[end:end + 10])
        if m:
            pos = end + m.end()
            last = None
            for w in re.finditer(r"\S+", text[pos:pos + 160]):
                word = w.group().rstrip(",;.")
                if word[:1].isupper():
                    if key(word) in _DAYS_MONTHS:
                        break
                    last = pos + w.start() + len(word)
                    if word != w.group():
                        break
                elif word in ("of", "and", "for", "the", "on", "de"):
                    continue
                else:
                    break
            if last:
                end = last
    return start, end


def _is_named(np: str) -> bool:
    """A proper name ("Coastal Fisheries Framework"), not "a Memorandum of Understanding"."""
    words = re.findall(r"[\w’'-]+", np)
    generic = {"memorandum", "memoranda", "memorandums", "of", "understanding", "mou", "mous", "agreement",
               "agreements", "the", "a", "an"}
    caps = [w for w in words if w[:1].isupper() and w.lower() not in generic]
    return len(caps) >= 1 and words[-1][:1].isupper() or (len(caps) >= 2)


def _sentence_items(doc: Doc, p: Para, s: int, e: int, vs: int, ve: int, ns: int, ne: int, clause_lo: int,
                    label: str | None, geo: list, people: PeopleFacts,
                    numbers: dict[str, list[FigureFact]], lexicon: Lexicon, sides: list[str],
                    here: list, stated: int = 0) -> list[_Found]:
    text = p.text
    passive = ns < vs
    np_s, np_e = _np_bounds(text, ns, ne, clause_lo if not passive else max(s, ns - 80))
    np_text = squash(text[np_s:np_e]).strip(" ,")
    np_text = re.sub(r"^(?:an?|the|several|various|multiple|\d+|one|two|three|four|five|six|seven|eight|nine|"
                     r"ten)\s+", "", np_text, flags=re.I)
    after_np = text[np_e:e]
    # "a contract worth $80 million with X to ...": the value sits between the noun and its partner
    after_np = re.sub(r"^,?\s*(?:worth|valued\s+at)\s+(?:(?:about|around|some|nearly|over|more\s+than|up\s+to)\s+)?"
                      r"\S*\d\S*(?:\s+(?:thousand|million|billion|trillion|crore|lakh|bn|mn))?"
                      r"(?:\s+(?:dollars|euros|pounds|yen|yuan|rupees))?,?", "", after_np)
    subject = text[clause_lo:vs] if not passive else text[max(s, clause_lo):np_s]
    subject = _LEADING.sub("", subject).strip(" ,")
    subject = re.sub(r"\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday)\b.*$",
                     "", subject)
    subject = re.sub(r"\s+(?:have|has|had|also|jointly|today|formally|officially|successfully|were|was)$", "",
                     subject.strip(), flags=re.I).strip(" ,")
    subject = re.sub(r"\s+(?:have|has|had|also|jointly)$", "", subject, flags=re.I).strip(" ,")
    if passive:
        subject = ""
    # "with X" after the noun phrase
    with_party = ""
    after_np = re.sub(r"^(\s*,?\s*(?:with|between)\s+)(?:the\s+)?(?:[A-Z][\w-]*\s+)?"
                      r"(?:(?!(?:of|and|for|the|de|on|du|la)\s)[a-z][\w-]*\s+){1,2}"
                      r"(?=[A-Z])(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)", r"\1",
                      after_np)                  # "with Peruvian smelter Acme" → "with Acme"
    wm = _WITH.match(after_np)
    rest = after_np
    if wm:
        with_party = squash(" ".join(x for x in (wm.group("w"), wm.group("a")) if x)).strip(" ,")
        with_party = re.sub(r"\s+(?:for|of|and|the|de|&)\s+\d.*$", "", with_party)     # "Acme for 5,000 tonnes"
        rest = after_np[wm.end():]
    # subject-area lists: "signed cooperation deals in A, B and C", "five MOUs ... including A, B"
    areas: list[str] = []
    plural = _PLURAL_NOUN.search(text[ns:ne]) is not None      # "MoUs on A, B and C": one per area
    lm = _AREA_LIST.match(_WHEN.sub("", text[ne:e], count=1)) if plural and not _is_named(np_text) else None
    if passive and plural and not (lm and _looks_like_areas(lm.group("list"))):
        # "three MoUs were signed, on A, on B and on C"; "... were signed at the close, covering A, B"
        lm = _AREA_LIST.match(re.sub(r"^[^,.;:]{0,60}?,\s*(?=(?:on|in|covering)\s)", "", text[ve:e])) or lm
    if lm and _looks_like_areas(lm.group("list")):
        areas = _split_list(lm.group("list"))
        if re.search(r"\b(?:including|such\s+as|like)\s", lm.group()[:lm.start("list") - lm.start()]) or \
                re.search(r"among\s+others|and\s+others|etc\b", lm.group("list")):
            stated = 0                   # examples of the kinds: each is still an agreement
    elif plural:
        im = _INCLUDING.search(rest)
        if im and _looks_like_areas(im.group("list")) and not _is_named(np_text):
            areas = _split_list(im.group("list"))
            # "including A, B, among others" names examples: each is still an agreement
            examples = re.search(r"including|such\s+as|among\s+others|and\s+others|etc\b", im.group(), re.I)
            if examples:
                stated = 0
    parties, orgs = _parties(doc, p, clause_lo if not passive else s, vs if not passive else np_s, subject,
                             with_party, geo, here, lexicon)
    if not parties and _BOTH_SIDES.match(subject):
        parties = list(sides)
    evidence = [p.id]
    if areas and stated >= 2 * len(areas) + 2:
        # "20 business deals covering lithium and salt": the list says what kinds, not which
        shown = _party_text(parties, orgs, False)
        f = _Found(title=squash(f"{shown} {np_text} ({', '.join(areas)})"), description=squash(text[s:e]),
                   pid=p.id, start=vs, parties=parties or list(sides), source="sentence", evidence=evidence)
        f.value = _value(doc, numbers, (p.id,), lo=s, hi=e)
        return [f]
    if areas:
        return [_Found(title=_area_title(a), description=squash(text[s:e]), pid=p.id, start=vs,
                       parties=parties or list(sides), source="area", evidence=evidence) for a in areas]
    lead_lower = re.match(r"^(?:[a-z][\w-]*\s+)+(?=[A-Z])", np_text)
    named_text = np_text[lead_lower.end():] if lead_lower else np_text
    named = _is_named(named_text) and named_text[:1].isupper() and \
        not re.match(r"^(?:memorand\w*\s+of\s+understanding|mous?|agreements?)$", named_text, re.I)
    purpose = ""
    rest = _WHEN.sub("", rest, count=1)
    pm = _PURPOSE.match(rest)
    if not pm and wm:
        # "with Acme's port operator to develop ...": a word or two may end the partner's name
        om = re.match(r"^\s*(?:[a-z][\w-]*(?<!ing)(?<!ed)\s+){1,2}(?=(?:to|on|for)\s)", rest)
        if om:
            rest = rest[om.end():]
            pm = _PURPOSE.match(rest)
    if pm:
        tail = rest[pm.start():]
        cut = _CUT.search(tail, pm.end() - pm.start())
        purpose = squash(tail[:cut.start()] if cut else tail).strip(" ,.")
        # how often, when and where belong to the description: "... tutors a year in Lima"
        purpose = re.sub(r"\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday|"
                         r"this\s+week|last\s+week)\b.*$", "", purpose)
        # "... new roads linking the mines to the coast": the rest describes the roads
        purpose = re.sub(r"(?<=\S)\s+(?:connecting|linking|allowing|enabling|involving|targeting|benefiting|"
                         r"benefitting|serving)\b.*$", "", purpose)
        purpose = re.sub(r"\s+(?:a|per|each|every)\s+(?:year|month|week|day)\b.*$|"
                         r"\s+between\s+(?:the\s+)?(?=[A-Z]).*$", "", purpose)
        # "to establish a strategic partnership" → "on a strategic partnership"
        purpose = re.sub(r"^(?:(?:that\s+)?(?:aims?|aimed|seeks?|seeking|intended|designed)\s+(?:at|to)|to)\s+"
                         r"(?:explore|establish|create|bring|secure|strengthen|enhance|promote|develop|"
                         r"boost|expand|deepen|support|improve|facilitate|advance|foster|increase|set\s+up|"
                         r"build|launch|provide|implement|ensure|incorporate|cooperate\s+on|collaborate\s+on|"
                         r"[a-z]+(?:ing|ize|ise|en))\s+", "on ", purpose)
        if len(purpose.split()) > 28:
            purpose = " ".join(purpose.split()[:28])
    mods = [w for w in re.findall(r"[\w’'-]+", np_text)[:-1] if w.lower() not in _GENERIC_MOD]
    generic = not named and not purpose and not mods and not orgs and not (label and _NOUN_RE.search(label))
    if generic:
        return [_Found(title=np_text, description=squash(text[s:e]), pid=p.id, start=vs, parties=parties,
                       generic=True, source="sentence", evidence=evidence)]
    shown = _party_text(parties, orgs, bool(purpose))
    if label and _NOUN_RE.search(label):
        title = f"{label} ({shown})" if shown else label
    elif named:
        title = named_text
    else:
        title = squash(f"{shown} {np_text} {purpose}").strip()
    f = _Found(title=title, description=squash(text[s:e]), pid=p.id, start=vs, parties=parties, named=named,
               source="sentence", evidence=evidence,
               umbrella=plural and not named and not orgs and (stated >= 2 or not purpose), stated=stated)
    clause_end = re.compile(r",\s+and\s|;|,\s+while\s|,\s+but\s").search(text, np_e, e)   # "..., and B won a $9bn deal"
    f.value = _value(doc, numbers, (p.id,), lo=min(clause_lo, np_s), hi=clause_end.start() if clause_end else e) or \
        (_value_inside(numbers, p.id, np_s, text.find(purpose[-12:], np_e) + 12) if purpose else None)
    return [f]


def _coordinated(doc: Doc, p: Para, s: int, e: int, used: list[tuple[int, int]], label: str | None, geo: list,
                 people: PeopleFacts, numbers: dict[str, list[FigureFact]], lexicon: Lexicon, sides: list[str],
                 here: list) -> list[_Found]:
    """Agreements joined to a signed one in the same sentence: "... signed the X Accord, and a
    memorandum on Y" — each after "and a|an|the" or ", a|an", past the first one signed."""
    text = p.text
    out: list[_Found] = []
    first = min(us for us, _ in used)
    for m in _NOUN_RE.finditer(text, first, e):
        ns, ne = m.start(), m.end()
        if any(ns < ue and us < ne for us, ue in used):
            continue
        np_s, _ = _np_bounds(text, ns, ne, max(s, ns - 80))
        if not re.search(r"(?:,\s*(?:and\s+)?|\sand\s+)(?:an?|the|another)\s+$", text[max(s, np_s - 14):np_s]):
            continue
        tail = text[ne:e]
        cut = re.search(r"[,;]", tail)
        tail = tail[:cut.start()] if cut else tail
        if _NOT_SIGNED.search(tail) or _NEGATED.search(text[max(s, np_s - 14):np_s] + tail) or \
                _BACKGROUND.match(tail) or re.search(r"\b(?:was|were|is|are|has|have|had|will|would)\b", tail):
            continue                     # "..., and the X Accord was discussed": a clause of its own
        used.append((ns, ne))
        out.extend(_sentence_items(doc, p, s, e, ns, ns, ns, ne, ns, label, geo, people, numbers, lexicon, sides,
                                   here))
    return out


_INTRO_NP = re.compile(r"^(?:[A-Z][\w\s-]{0,30},\s*)?(?:an?|the)\s+(?P<np>(?:[a-z][\w-]*\s+){1,5}?"
                       r"(?:agreement|accord|pact|memorandum(?:\s+of\s+understanding)?|mou|arrangement|deal|treaty|"
                       r"protocol))\b(?!\s+(?:was|were|is)\s+not\b)", re.I)
_NOT_THIS_VISIT = re.compile(r"\b(?:(?:will|would|shall|to)\s+be\s+(?:signed|concluded|finali[sz]ed)|expected|"
                             r"discuss\w*|review\w*|ratif\w*|came\s+into\s+force|in\s+force|"
                             r"agreed\s+to|explore|negotiat\w*|draft\w*|proposed|planned|earlier|previous|"
                             r"(?:in|since)\s+(?:19|20)\d\d)\b", re.I)


def _told_items(doc: Doc, found: list[_Found], covered: set[str], done: set[tuple[str, int]],
                sides: list[str]) -> list[_Found]:
    """Agreements a stated count announces and the next paragraphs introduce one by one, each
    as the subject of a sentence: "A coastal fisheries arrangement will let ..."."""
    out: list[_Found] = []
    orders = sorted(doc.order(g.pid) for g in found if not g.generic and not g.umbrella)
    for f in found:
        if not (f.umbrella and f.stated >= 2 and f.source == "sentence"):
            continue
        start = doc.order(f.pid)
        have = len(orders) - bisect.bisect_right(orders, start)     # specific ones told after it
        for p in doc.paras[start + 1:start + 7]:
            if have + len(out) >= f.stated:
                break
            if p.id in covered:
                continue
            for s, e in p.sents:
                if (p.id, s) in done:
                    continue
                m = _INTRO_NP.match(p.text, s, e)
                if not m or _NOT_THIS_VISIT.search(p.text, s, e) or _NEGATED.search(p.text, s, m.end()):
                    continue
                np = squash(m.group("np"))
                words = np.split()[:-1]
                if not [w for w in words if w.lower() not in _GENERIC_MOD]:
                    continue            # "The agreement ...", "The two deals ..."
                out.append(_Found(title=np, description=squash(p.text[s:e]), pid=p.id, start=s,
                                  parties=list(sides), source="sentence", evidence=[p.id]))
                break
    return out


def _looks_like_areas(text: str) -> bool:
    t = text.strip()
    if not t or t[:1].isupper() and not re.match(r"^[A-Z][a-z]", t):
        return False
    parts = _split_list(t)
    return len(parts) >= 2 and all(len(x.split()) <= 10 and not _CLAUSE_WORD.search(x) for x in parts)


def _split_list(text: str) -> list[str]:
    cut = _CUT.search(text)
    if cut:
        text = text[:cut.start()]
    t = re.sub(r",?\s*(?:among\s+others|and\s+others|etc\.?|and\s+more|and\s+so\s+on)\s*$", "", text.strip(),
               flags=re.I)
    t = re.sub(r"\s+(?:during|at|in)\s+the\s+[^,]*$", "", t)
    parts = [x.strip() for x in re.split(r",\s*", t) if x.strip()]
    if any(re.match(r"(?:and\s+)?(?:on|in|for)\s", x) for x in parts[1:]):
        # "A, on B and on C": the repeated preposition marks where each item starts
        parts = [y for x in parts for y in re.split(r"\s+and\s+(?=(?:on|in|for)\s)", x)]
    elif len(parts) >= 3:
        last = parts[-1]
        m = re.match(r"^(?:and\s+)?(.+?)\s+and\s+(.+)$", last)
        if m and not parts[-1].startswith("and "):
            parts = parts[:-1] + [m.group(1), m.group(2)]
    out = []
    for x in parts:
        x = re.sub(r"^(?:and|or)\s+", "", x).strip(" .")
        if x:
            out.append(x)
    # "on A, on B and on C": the repeated preposition belongs to the list, not to its items
    lead = [re.match(r"^(?:on|in|for)\s+", x) for x in out]
    if len(out) >= 2 and sum(1 for m in lead if m) >= len(out) - 1:
        out = [x[m.end():] if m else x for x, m in zip(out, lead)]
    return out


def _parties(doc: Doc, p: Para, lo: int, hi: int, subject: str, with_party: str, geo: list,
             here: list, lexicon: Lexicon) -> tuple[list[str], list[str]]:
    """Countries (from names, demonyms, people) or organisations that signed; ``geo``: the
    paragraph's geographic names."""
    out: list[str] = []
    # people in the subject give their countries
    for person in here[:40]:
        if not person.country:
            continue
        words = person.name.split()
        if any(contains_word(subject, w) for w in words[-1:] + words[:1]):
            if person.country not in out:
                out.append(person.country)
    orgs = _orgs(subject, lexicon, here) + _orgs(with_party, lexicon, here)
    if not out and not orgs:
        for m in geo.between(lo, hi):
            if m.kind in ("country", "demonym") and not m.compound:
                if m.name not in out:
                    out.append(m.name)
    if with_party:
        for m in geo.countries():
            if m.text in with_party and not orgs:
                if m.name not in out:
                    out.append(m.name)
    for o in orgs:
        if o not in out:
            out.append(o)
    return out, orgs


class _Ordered(list):
    """Items with a ``start`` (figures, geographic names) of one paragraph, in text order, with
    lookups by position that stay fast in a long paragraph."""

    def __init__(self, items: list) -> None:
        super().__init__(items)
        starts = [x.start for x in items]
        self.starts = starts if all(a <= b for a, b in zip(starts, starts[1:])) else None
        self._countries: list | None = None

    def between(self, lo: int, hi: int | None) -> list:
        """The items starting in [lo, hi), in order."""
        if self.starts is None:
            return [x for x in self if lo <= x.start and (hi is None or x.start < hi)]
        return self[bisect.bisect_left(self.starts, lo):
                    bisect.bisect_left(self.starts, hi) if hi is not None else len(self)]

    def countries(self) -> list:
        """The country names, the first of each text, in order (the same text names the same)."""
        if self._countries is None:
            seen: dict[str, object] = {}
            for m in self:
                if m.kind in ("country",) and m.text not in seen:
                    seen[m.text] = m
            self._countries = list(seen.values())
        return self._countries


def _orgs(text: str, lexicon: Lexicon, people: list | None = None) -> list[str]:
    """Organisations named in a subject: 'Acme Medical and Dunmere University'."""
    if not text:
        return []
    text = re.sub(r"\([^)]*\)", "", text)
    names = {key(w) for person in (people or ()) for w in person.name.split()}
    t = re.sub(r"^.*?\b(?:including|such\s+as)\s+", "", text)
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", t)
    out = []
    for part in parts:
        part = re.split(r"\s*(?:--|—|–)\s*|\)\s+", part)[-1].strip(" *_#>")  # a dateline, markup
        if key(part.split()[0] if part.split() else "") in _DAYS_MONTHS or re.match(r"^[A-Z][a-z]{2}\.?\s+\d", part):
            part = re.sub(r"^\S+\s+\d{1,2}\b\s*", "", part)        # "Mar 3 Chile" → "Chile"
        part = re.sub(r"^(?:the|several|some|many|various)\s+", "", part.strip(), flags=re.I)
        # "Oslo-based Acme", "Peru's Acme": where it is from is not part of its name
        part = re.sub(r"^(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.]*-based\s+(?=[A-Z])", "", part)
        part = re.sub(r"^(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*(?:’s|'s)\s+(?=[A-Z])", "", part)
        # "Chilean miner Acme SA", "state-owned Acme": a description before the name
        part = re.sub(r"^(?:[A-Z][\w-]*\s+)?(?:(?!(?:of|and|for|the|de|on|du|la)\s)[a-z][\w-]*\s+){1,2}"
                      r"(?=[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*$)", "", part)
        part = re.sub(r"^[\w’']+(?:’s|'s)\s+[a-z][\w\s-]*$", "", part)
        if not part or not (part[:1].isupper() or part[:1].isdigit()):
            continue
        words = part.split()
        if any(key(w) in names for w in words) or all(key(w) in lexicon.portfolio for w in words):
            continue
        first = key(words[0])
        if (first in lexicon.title_words or first.rstrip("s") in lexicon.title_words) and \
                first not in ("government", "state", "general", "national", "head", "chief", "first"):
            continue
        if any(w[:1].islower() and w not in ("of", "and", "for", "the", "de", "on") for w in words):
            continue
        entry = lexicon.geo.match_words(words)
        if entry is not None:
            continue
        out.append(part)
    return out


def _party_text(parties: list[str], orgs: list[str], purpose: bool) -> str:
    """The signatories a title shows: organisations always (a company deal is known by its
    parties); countries only when the title says nothing else ("Chile – Peru MoU")."""
    if orgs and len(orgs) <= 4:
        return " – ".join(orgs)
    if parties and len(parties) <= 4 and not purpose:
        return " – ".join(parties)
    return ""


def _value(doc: Doc, numbers: dict[str, list[FigureFact]], pids: tuple[str, ...] | list[str], lo: int = 0,
           hi: int | None = None) -> Money | None:
    """A money figure the text ties to the agreement ("worth $17 million", "a $2 billion deal")."""
    figs: Any = (f for pid in pids for f in numbers.get(pid, ()))
    if (lo or hi is not None) and len(pids) == 1 and isinstance(numbers.get(pids[0]), _Ordered):
        figs = numbers[pids[0]].between(lo, hi)        # one stretch of one paragraph
    for f in figs:
        if f.kind != "money":
            continue
        if f.pid == pids[0] and (f.start < lo or (hi is not None and f.start >= hi)):
            continue
        p = doc.para(f.pid)
        if p is None:
            continue
        before = p.text[max(0, f.start - 40):f.start]
        after = p.text[f.end:f.end + 30]
        if _VALUE_LINK.search(before) or re.match(r"^\s*(?:\w+\s+){0,2}" + _NOUN, after, re.I):
            return Money(text=_money_text(f.text), amount=f.amount, currency=f.unit)
    return None


def _value_inside(numbers: dict, pid: str, lo: int, hi: int) -> Money | None:
    """A money figure inside an agreement's own words: "a grant of $5 million for ...",
    "an exchange of notes on a ¥9 billion loan"."""
    got = numbers.get(pid)
    figs = got.between(lo, hi) if isinstance(got, _Ordered) else [f for f in got or () if lo <= f.start < hi]
    for f in figs:
        if f.kind == "money" and f.end <= hi:
            return Money(text=_money_text(f.text), amount=f.amount, currency=f.unit)
    return None


def _money_text(text: str) -> str:
    # "¥12 billion yen": the currency said twice is said once
    text = re.sub(r"^([^\w\s]+\s?[\d.,]+(?:\s?(?:thousand|million|billion|trillion|bn|mn|crore|lakh))?)\s+"
                  r"(?:yen|dollars|euros|pounds|yuan|rupees|won|francs)$", r"\1", text.strip())
    return re.sub(r"^(?:more\s+than|over|up\s+to|almost|nearly|about|approximately|around|some|another|"
                  r"an\s+additional|worth)\s+", "", text, flags=re.I)


def _merge(found: list[_Found], doc: Doc, lexicon: Lexicon, reader: TopicReader) -> list[_Found]:
    """One entry per agreement: repeats and vague mentions fold into the specific ones."""
    specific = [f for f in found if not f.generic]
    for f in specific:
        f.topics = topic_ids(f.title + " " + f.description[:300], lexicon, reader)
    out: list[_Found] = []
    for f in specific:
        same = None
        for g in (out if len(out) <= 200 else out[-20:]):
            if g.title == f.title or key(g.title) == key(f.title):
                same = g
                break
            if (f.source == g.source == "sentence" and set(f.parties) == set(g.parties) and f.parties
                    and (not f.named or not g.named) and abs(doc.order(f.pid) - doc.order(g.pid)) <= 1
                    and set((f.topics or [])[:2]) & set((g.topics or [])[:2])):
                same = g
                break
        if same is None:
            out.append(f)
        else:
            for pid in f.evidence:
                if pid not in same.evidence[-5:]:
                    same.evidence.append(pid)
            if f.description and len(same.description) < 2000 and f.description not in same.description:
                same.description = squash(same.description + " " + f.description)
            if same.value is None:
                same.value = f.value
    return out
