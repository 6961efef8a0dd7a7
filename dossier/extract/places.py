"""Places: cities, capitals (also when they stand for a government), regions, seas and
territories from the lexicon; names ending in a place word ("Harlow Field Airbase", "Coldwater River",
"Serran Palace"); "the Velm 1 nuclear power plant"; "southern Ostrenia"; capitalised names
after "in/to/from/at"; the dateline and sign-off. Countries are not places."""
from __future__ import annotations

import bisect
import re

from ..model import Place
from ._text import Doc, Para, is_upper_text, key, title_case
from ._types import CountryFacts, PeopleFacts, Structure
from .lexicon import Lexicon

_SPAN_STOP = frozenset("the a an in on at to from of and or by for with this that these those his her their "
                       "its our my your it he she they we i as but if when while after before during "
                       "upon since under over between among through".split())
_ORG_FOLLOW = frozenset("cooperation economic forum council organisation organization community union bank "
                        "summit dialogue partnership initiative agreement commission committee group "
                        "conference association fund programme program treaty islands".split())
_FOLLOW_OK = frozenset("in on at to for from with and or but where which who that as after before during "
                       "since until later today tomorrow yesterday last next this earlier while when by via "
                       "near under over through into amid along between the a an is was are were has have had "
                       "will would said says also city province region state capital".split())
_PREP_WORDS = frozenset("in to from at near via toward towards outside inside across throughout into visited "
                        "toured visiting touring reached aboard within".split())
_DESCRIPTOR = frozenset("nation country state government people leader leaders president".split())
_VEHICLES = frozenset("train ship aircraft plane".split())
_NOT_MODIFIER = frozenset("will would can could shall should may might must to and or is are was were be been "
                          "has have had did does do not also then".split())


# a place word that comes first, before "of"/"de"/"to the" and a name: kind
_HEADS = {"museum": "landmark", "mausoleum": "landmark", "monument": "landmark",
          "memorial": "landmark", "palace": "venue", "palacio": "venue", "palais": "venue", "cathedral": "landmark",
          "basilica": "landmark", "church": "landmark", "temple": "landmark", "tomb": "landmark",
          "shrine": "landmark", "port": "port", "gulf": "sea", "bay": "sea", "strait": "sea", "straits": "sea",
          "sea": "sea", "lake": "lake", "isle": "island", "island": "island", "islands": "island",
          "fort": "landmark", "valley": "region", "province": "region", "plaza": "landmark", "square": "landmark"}
_HEADS.update({"mount": "landmark", "mt": "landmark", "university": "venue", "school": "venue",
               "college": "venue", "institute": "venue"})
_VISITED_HEADS = frozenset(("university", "school", "college", "institute"))
_VISIT_WORDS = frozenset("visit visits visited visiting tour toured touring opened inaugurated addressed".split())
_BARE_HEADS = frozenset(("lake", "mount", "mt"))     # also straight before a name, without "of"
_HEADS_KEYS = frozenset(_HEADS)
# lowercase nouns before "of" and a place name
_OF_NOUNS = frozenset("port city town village island province region district state county".split())
_PREP_OR_OF = _PREP_WORDS | _OF_NOUNS
_ABSTRACT = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ship|ism|ics|ure|ing)$")


def _inside_name(prev: str, lexicon: Lexicon) -> bool:
    """Is a capitalised word before a preposition the head of a longer name ("Assistance in ...",
    "Summit on ...") rather than the end of a sentence part?"""
    return bool(_ABSTRACT.search(prev))


_HEAD_LINKS = frozenset("of de del da do di".split())
_BASED = re.compile(r"(?<![\w-])((?:[A-Z][\w'’]*[ -]){0,2}[A-Z][\w'’]*)-based\b")


def _all_nationality(p: Para, start: int, end: int, lexicon: Lexicon) -> bool:
    """Are the words [start, end) only names of countries and nationalities ("Japanese-Thai")?"""
    for x in range(start, end):
        for part in p.words[x].split("-"):
            entry = lexicon.geo.match_words([part])
            if entry is None or entry.kind not in ("country", "demonym"):
                return False
    return True


# the kind of place a lowercase place noun makes ("the Tarsk region"); else a facility
_NOUN_KIND = {"region": "region", "province": "region", "county": "region", "valley": "region",
              "district": "region", "archipelago": "region", "basin": "region", "city": "city", "town": "city",
              "village": "city", "island": "island", "river": "river", "reservoir": "lake", "lake": "lake",
              "mausoleum": "landmark", "tomb": "landmark", "shrine": "landmark", "cathedral": "landmark",
              "mosque": "landmark", "temple": "landmark", "monument": "landmark", "memorial": "landmark",
              "museum": "landmark", "palace": "venue", "hotel": "venue", "stadium": "venue", "port": "port",
              "airport": "airport", "airbase": "airport", "waterway": "route", "highway": "route",
              "motorway": "route", "railway": "route", "corridor": "route", "bridge": "landmark"}
_VISIT_VERBS = frozenset("visited toured visiting touring".split())
# words before "to" that make what follows a person, not a place
_TO_PERSON = frozenset("""homage tribute respects spoke talked speaking talking wrote writing message letter
    condolences congratulations thanks gratitude said says introduced married adviser advisor successor
    predecessor reply replied answer answered addressed""".split())
_NAME_PARTICLES = frozenset("al el bin binti bint ibn de da di del dos van von der la le du".split())
_CITY_PREFIX = frozenset("greater metro metropolitan downtown inner outer old".split())


def _geo_places(doc: Doc, facts: CountryFacts, lexicon: Lexicon) -> list[tuple[str, str, str | None, str, int]]:
    out = []
    for m in facts.mentions:
        if m.kind in ("country", "demonym"):
            continue
        p = doc.para(m.pid)
        if p is None:
            continue
        # "Coastal Cooperation Council", "Northern Islands Forum": a name that runs on is not a place
        i = p.token_at(m.end)
        run = [p.keys[j] for j in range(i, min(i + 3, len(p.words)))
               if p.words[j][:1].isalpha()]
        if p.words[i:i + 1] and p.words[i][:1].isupper() and run and \
                (run[0] in _ORG_FOLLOW or run[0] in lexicon.org_words):
            continue
        if any(r in ("forum", "council", "cooperation", "organisation", "organization", "union") for r in run[:3]):
            continue
        if p.words[i:i + 1] and p.words[i][:1].isupper() and not p.upper \
                and m.kind in ("capital", "city", "region", "sea") and p.words[i] not in ("’s", "'s") \
                and p.keys[i] not in _SPAN_STOP:
            continue      # "the Dunmere Ministerial", "the Atlantic Gas Line": part of a longer name
        if run and run[0] in _DESCRIPTOR:
            continue      # "the southern Ostrenia nation"
        kind = {"capital": "city", "city": "city", "territory": "region"}.get(m.kind, m.kind)
        name = m.name if m.kind not in ("capital",) else _shown(m.text)
        if m.kind == "capital":
            name = _capital_name(m.text, lexicon) or _shown(m.text)
        start = m.start
        t = p.token_at(m.start)
        if m.kind in ("capital", "city") and t > 0 and p.keys[t - 1] in _CITY_PREFIX and \
                p.words[t - 1][:1].isupper() and not p.upper and \
                p.token_at(p.sentence_of(m.start)[0]) != t - 1:
            start = p.starts[t - 1]          # "Greater Dunmere", "Metro Orsk": the wider city
            name = p.words[t - 1] + " " + name
        out.append((name, kind, m.country, m.pid, start))
    return out


def _capital_name(text: str, lexicon: Lexicon) -> str | None:
    return lexicon.capital_names.get(key(text))


def _shown(text: str) -> str:
    return title_case(text) if is_upper_text(text) else text


def _span_left(p: Para, end_tok: int, lexicon: Lexicon) -> int:
    """Start of the capitalised name whose last word before the place word is ``end_tok``;
    ``end_tok + 1`` when there is none."""
    i = end_tok + 1
    while i - 1 >= 0:
        w = p.words[i - 1]
        k = p.keys[i - 1]
        if (w[:1].isupper() or w[:1].isdigit()) and k not in _SPAN_STOP and k not in lexicon.honorifics:
            i -= 1
            continue
        if k in ("of", "de", "la", "du", "al") and i - 2 >= 0 and p.words[i - 2][:1].isupper() and \
                p.keys[i - 2] not in _SPAN_STOP:
            i -= 1
            continue
        break
    while i <= end_tok and (p.keys[i] in ("of", "de", "la", "du", "al") or p.words[i][:1].isdigit()):
        i += 1
    return i


class _Spans:
    """The character spans of a paragraph's geographic names (in text order, not overlapping),
    and the names, for quick lookups by position."""

    def __init__(self, mentions: list) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.ends = [m.end for m in mentions]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:])) and \
            all(e <= s for e, s in zip(self.ends, self.starts[1:]))
        self.sentence: dict[int, str | None] = {}    # sentence start → its only country

    def covers(self, s: int, e: int) -> bool:
        """Does one name span [s, e)?"""
        if not self.ordered:
            return any(m.start <= s and e <= m.end for m in self.mentions)
        k = bisect.bisect_right(self.starts, s) - 1
        return k >= 0 and e <= self.ends[k]

    def overlaps(self, s: int, e: int) -> bool:
        """Does a name overlap [s, e)?"""
        if not self.ordered:
            return any(not (e <= m.start or s >= m.end) for m in self.mentions)
        k = bisect.bisect_left(self.ends, s + 1)     # the first name ending after s
        return k < len(self.starts) and self.starts[k] < e

    def between(self, s: int, e: int) -> list:
        """The names starting in [s, e), in order."""
        if not self.ordered:
            return [m for m in self.mentions if s <= m.start < e]
        return self.mentions[bisect.bisect_left(self.starts, s):bisect.bisect_left(self.starts, e)]





def _country_of(p: Para, spans: _Spans, start: int) -> str | None:
    """The only country named in the sentence (read once per sentence)."""
    s, e = p.sentence_of(start)
    if s not in spans.sentence:
        found = {m.name for m in spans.between(s, e) if m.kind in ("country",) and not m.compound}
        spans.sentence[s] = found.pop() if len(found) == 1 else None
    return spans.sentence[s]


def find(doc: Doc, structure: Structure, facts: CountryFacts, people: PeopleFacts,
         lexicon: Lexicon) -> list[Place]:
    """Every place named in the text, once each, in order of first mention."""
    host = facts.host
    found: list[tuple[str, str, str | None, str, int]] = _geo_places(doc, facts, lexicon)
    person_words = {key(w) for person in people.people for w in person.name.split()} - _NAME_PARTICLES
    heading_roles = {"heading", "item", "headline", "subtitle"}
    directions = lexicon.directions
    by_pid: dict[str, list] = {}
    for m in facts.mentions:
        by_pid.setdefault(m.pid, []).append(m)
    spans_of = {pid: _Spans(ms) for pid, ms in by_pid.items()}

    for p in doc.paras:
        words = p.words
        n = len(words)
        spans = spans_of.get(p.id) or _Spans([])
        # the words where a place word may start, or a lowercase word before a facility noun
        place_first = lexicon.place_first
        cands = p.where(place_first) if p.upper else [i for i in p.caps if p.keys[i] in place_first]
        facility = p.where(lexicon.facility_first)
        if facility:
            cands = sorted(set(cands).union(*((j, j - 1, j - 2) for j in facility)))
        i = 0
        for c in cands:
            if c < i or c < 0:
                continue
            i = c
            w = words[i]
            # names ending in a place word
            if w[:1].isupper() or p.upper:
                hit = lexicon.place_words.match(p, i)
                if hit is not None:
                    length, kind = hit
                    last = i + length - 1
                    nxt = words[last + 1] if last + 1 < n else ""
                    continues = nxt[:1].isupper() and not p.upper
                    of_org = key(nxt) in ("of", "for") and last + 2 < n and (
                        words[last + 2][:1].isupper() or
                        (p.keys[last + 2] == "the" and last + 3 < n and words[last + 3][:1].isupper()))
                    if i > 0 and not continues and not of_org:
                        start = _span_left(p, i - 1, lexicon)
                        if start < i:
                            s, e = p.starts[start], p.end(last)
                            name = _shown(p.text[s:e])
                            if not spans.covers(s, e):
                                country = host if kind in ("venue", "airport") else _country_of(p, spans, s)
                                found.append((name, kind, country, p.id, s))
                    i = last + 1
                    continue
            # "the Ruritania 2 nuclear power plant", "the Royal Coast Express train"
            if not w[:1].isupper() and w.isalpha() and i > 0 and p.keys[i] not in _NOT_MODIFIER and \
                    (words[i - 1][:1].isupper() or words[i - 1][:1].isdigit()):
                for length in (3, 2, 1):
                    phrase = " ".join(p.keys[i:i + length])
                    if i + length <= n and phrase in lexicon.facility_nouns:
                        noun_end = i + length - 1
                        break
                else:
                    noun_end = -1
                    # up to two lowercase modifiers before the noun
                    for mods in (1, 2):
                        for length in (2, 1):
                            phrase = " ".join(p.keys[i + mods:i + mods + length])
                            if phrase and i + mods + length <= n and phrase in lexicon.facility_nouns and all(
                                    words[x][:1].islower() and p.keys[x] not in _NOT_MODIFIER
                                    and p.keys[x] not in _SPAN_STOP
                                    for x in range(i, i + mods)) and \
                                    words[i + mods][:1].islower() and \
                                    p.keys[i + mods + length - 1] not in _VEHICLES:
                                noun_end = i + mods + length - 1
                                break
                        if noun_end >= 0:
                            break
                if noun_end >= 0:
                    start = _span_left(p, i - 1, lexicon)
                    after = p.keys[noun_end + 1] if noun_end + 1 < n else ""
                    if after[:1].isalpha() and words[noun_end + 1][:1].islower() and \
                            after not in _FOLLOW_OK and after != "of":
                        start = i          # "... port visits": the noun only qualifies another one
                    elif start < i and _all_nationality(p, start, i, lexicon):
                        start = i          # "a Japanese-Thai plant": no name, only nationalities
                    if start < i and words[start][:1].isupper():
                        s = p.starts[start]
                        vehicle = key(words[noun_end]) in _VEHICLES
                        e = p.end(i - 1) if vehicle else p.end(noun_end)
                        inner = p.text[s:p.end(i - 1)]
                        if not spans.covers(s, p.end(i - 1)) and not inner.isupper():
                            kind = "venue" if vehicle else _NOUN_KIND.get(p.keys[noun_end], "facility")
                            found.append((_shown(p.text[s:e]), kind, _country_of(p, spans, s), p.id, s))
                            i = noun_end + 1
                            continue

        # "the Museum of Tarsk History", "the Monument to the Unknown Sailor", "Palacio de Orla"
        for hi in p.where(_HEADS_KEYS):
            if hi + 1 >= n or not words[hi][:1].isupper() or p.upper:
                continue
            if p.keys[hi] in _VISITED_HEADS and not (hi >= 2 and p.keys[hi - 1] == "the"
                                                     and p.keys[hi - 2] in _VISIT_WORDS):
                continue          # "a scholar at the University of ...": a place only when visited
            j = hi + 1
            if p.keys[hi] in _BARE_HEADS and words[j][:1].isupper() and words[j][1:2].islower():
                pass              # "Lake Orrin", "Mount Velm"
            elif hi + 2 >= n:
                continue
            elif p.keys[j] == "to" and p.keys[j + 1] == "the":
                j += 2
            elif p.keys[j] in _HEAD_LINKS and words[j][:1].islower():
                j += 1
                if j < n and p.keys[j] == "the":
                    j += 1
            else:
                continue
            e = j
            while e < n and e - j < 5 and words[e][:1].isupper() and \
                    (p.keys[e] not in lexicon.stop_caps or p.keys[e] in lexicon.title_words):
                e += 1
            if e == j or (e < n and words[e][:1].isupper()):
                continue
            if any(p.keys[x] in lexicon.org_words for x in range(j, e)):
                continue          # "the Port of Orla Authority", "University of ... Council"
            s0 = p.starts[hi]
            if spans.covers(s0, p.end(e - 1)):
                continue
            found.append((p.text[s0:p.end(e - 1)], _HEADS[p.keys[hi]], _country_of(p, spans, s0), p.id, s0))

        # "Tarsk-based": the place a company or group is based in
        if "-based" in p.text:
            for m in _BASED.finditer(p.text):
                name = m.group(1)
                if name.isupper():
                    continue          # "AI-based", "UK-based": an acronym, not a place name
                entry = lexicon.geo.match_words(name.split())
                if entry is not None and entry.kind in ("country", "demonym"):
                    continue
                if any(key(w) in lexicon.org_words or key(w) in lexicon.stop_caps for w in name.split()):
                    continue
                found.append((name, "city", _country_of(p, spans, m.start()), p.id, m.start()))

        # "southern Ostrenia", "Western Veluria", "northern Central Ostrenia"
        for m in by_pid.get(p.id, ()):
            if m.kind not in ("country", "region") or m.compound:
                continue
            ti = p.token_at(m.start)
            if ti == 0:
                continue
            prev = p.keys[ti - 1]
            if prev not in directions:
                continue
            after = p.token_at(m.end)
            if after < n and (p.keys[after] in _DESCRIPTOR or p.keys[after] in _ORG_FOLLOW
                              or p.keys[after] in lexicon.org_words):
                continue
            s = p.starts[ti - 1]
            found.append((_shown(p.text[s:m.end]), "region", m.country, p.id, s))

        # capitalised names after "in/to/from/at" in running text
        if structure.roles.get(p.id) in heading_roles:
            continue
        # a name joined by "and"/"or" to a known city: "Velm and Dunmere are ...", "Dunmere or Velm"
        for m in by_pid.get(p.id, ()):
            if m.kind not in ("capital", "city"):
                continue
            t = p.token_at(m.start)
            after = p.token_at(m.end)
            sides = []
            if t >= 2 and p.keys[t - 1] in ("and", "or"):
                a = t - 2
                while a > 0 and t - 2 - a < 2 and words[a - 1][:1].isupper() and words[a][:1].isupper() \
                        and p.keys[a - 1] not in _SPAN_STOP:
                    a -= 1
                while a < t - 1 and not (words[a][:1].isupper() and words[a][1:2].islower()):
                    a += 1
                if a < t - 1 and (a == 0 or not words[a - 1][:1].isupper()):
                    sides.append((a, p.end(t - 2)))
            if after + 1 < n and p.keys[after] in ("and", "or") and words[after + 1][:1].isupper():
                sides.append((after + 1, None))
            for a, end in sides:
                for s0, e0 in _candidate(p, a, lexicon, person_words, set())[:1]:
                    if (end is None or e0 == end) and s0 == p.starts[a] and not spans.overlaps(s0, e0):
                        found.append((p.text[s0:e0], "city", _country_of(p, spans, s0), p.id, s0))
        label = structure.labels.get(p.id)
        lo = p.body + (len(label) + 1 if label and structure.roles.get(p.id) == "lead" else 0)
        listed: set[int] = set()        # list items read already (by an earlier preposition)
        for pi in p.where(_PREP_OR_OF):
            ti = pi + 1
            if p.keys[pi] in _OF_NOUNS:
                # "the port of Orla", "the town of Velm"
                if p.keys[pi] not in _PREP_WORDS:
                    if not words[pi][:1].islower() or ti >= n or p.keys[ti] != "of":
                        continue
                    ti += 1
            elif pi > 0 and words[pi - 1][:1].isupper() and _inside_name(p.keys[pi - 1], lexicon):
                continue        # "Assistance in Criminal Matters": a preposition inside a name
            if ti + 2 < n and p.keys[ti] == "the" and words[ti + 1][:1].isupper() and \
                    p.keys[ti + 1] in directions and words[ti + 2][:1].isupper():
                ti += 1           # "in the Northern Highlands"
            elif ti + 1 < n and p.keys[ti] == "the" and p.keys[pi] in _VISIT_VERBS:
                ti += 1           # "toured the Old Citadel"
            if ti >= n:
                continue
            w = words[ti]
            if p.starts[ti] < lo or not w[:1].isupper() or not w[1:2].islower():
                continue
            if p.keys[pi] == "to" and pi > 0 and p.keys[pi - 1] in _TO_PERSON:
                continue          # "paid tribute to ...", "spoke to ...": a person follows
            for s, e in _candidate(p, ti, lexicon, person_words, listed):
                if spans.overlaps(s, e):
                    continue
                found.append((p.text[s:e], "city", _country_of(p, spans, s), p.id, s))

    # the dateline and the sign-off
    if structure.dateline is not None:
        for part in structure.dateline.parts:
            entry = lexicon.geo.match_words(part.split())
            if entry is not None and entry.kind in ("country", "demonym"):
                continue
            name = _shown(part)
            kind = "venue" if lexicon.place_words.match_words(part.split()[-1:]) else "city"
            country = entry.country if entry is not None else None
            found.append((name, kind, country, structure.dateline.pid, 0))
    for pid in structure.signoff:
        p = doc.para(pid)
        if p is None:
            continue
        mm = re.match(r"^\s*((?:[A-Z][\w'’.-]+\s?){1,3}?)\s*,?\s*\d", p.text)
        if mm:
            part = mm.group(1).strip()
            entry = lexicon.geo.match_words(part.split())
            if entry is None or entry.kind not in ("country", "demonym"):
                found.append((_shown(part), "city", entry.country if entry else None, pid, 0))

    return _merge(found, doc)


def _candidate(p: Para, ti: int, lexicon: Lexicon, person_words: set[str],
               listed: set[int]) -> list[tuple[int, int]]:
    """The capitalised name at token ``ti`` (and a list of names after it: "in Alden, Brisk and Corr").
    A list is read once: from an item read before (``listed``), what follows was read too."""
    out = []
    words = p.words
    n = len(words)
    i = ti
    while i < n:
        if i in listed:
            break
        listed.add(i)
        geo = lexicon.geo.match(p, i)
        if geo is not None:
            # a known name (found already): the list may go on after it ("from Dunmere and Orsk")
            j = i + geo[0]
            k = j + 1 if j < n and words[j] == "," else j
            if k < n and p.keys[k] in ("and", "or"):
                k += 1
            else:
                break             # "the ambassador in Dunmere, Ana Orr": not a list of places
            if k >= n or not words[k][:1].isupper() or not words[k][1:2].islower():
                break
            i = k
            continue
        j = i
        while j < n and words[j][:1].isupper() and words[j][1:2].islower() and j - i < 3:
            j += 1
        if j == i:
            break
        toks = [p.keys[x] for x in range(i, j)]
        nxt = p.keys[j] if j < n else ""
        bad = (any(t in lexicon.stop_caps or t in lexicon.org_words or t in lexicon.title_words
                   or t in lexicon.honorifics or t in person_words or t in lexicon.portfolio for t in toks)
               or (nxt and nxt[:1].isalpha() and words[j][:1].islower() and nxt not in _FOLLOW_OK)
               or lexicon.geo.match(p, i) is not None
               or re.search(r"(?:tion|sion|ment|ness|ity|ance|ence|ship|ism|ing|ics|ure)$", toks[-1]))
        if not bad:
            out.append((p.starts[i], p.end(j - 1)))
        # a list: ", X", ", and X", " and X"
        k = j
        if k < n and words[k] == ",":
            k += 1
        if k < n and p.keys[k] in ("and", "or"):
            k += 1
            if k + 1 < n and p.keys[k] == "the" and p.keys[k + 1] in lexicon.directions and \
                    words[k + 1][:1].isupper():
                k += 1        # "in the Upper Vale and the Lower Vale"
        if k == j or k >= n or not words[k][:1].isupper() or bad:
            break
        i = k
    return out


def _merge(found: list[tuple[str, str, str | None, str, int]], doc: Doc) -> list[Place]:
    order: list[str] = []
    places: dict[str, Place] = {}
    firsts: dict[str, tuple[int, int]] = {}
    seen: dict[str, set[str]] = {}
    for name, kind, country, pid, start in found:
        name = name.strip(" ,.;:’'\"")
        if len(name) < 2:
            continue
        k = key(name)
        at = (doc.order(pid), start)
        place = places.get(k)
        if place is None:
            places[k] = Place(name=name, kind=kind, country=country, evidence=[pid])
            seen[k] = {pid}
            firsts[k] = at
            order.append(k)
        else:
            if place.evidence[-1] != pid and pid not in place.evidence[-3:] and pid not in seen[k]:
                place.evidence.append(pid)
            seen[k].add(pid)
            if place.country is None and country:
                place.country = country
            if at < firsts[k]:
                firsts[k] = at
    # a place whose name is inside a longer place found in the same paragraph is the longer one
    keys = sorted(order, key=lambda k: firsts[k])
    out = []
    small = len(keys) <= 200
    for k in keys:
        place = places[k]
        longer = small and [o for o in keys if o != k and len(o) > len(k) and (" " + k + " ") in (" " + o + " ")
                            and set(places[o].evidence) >= set(place.evidence)]
        if longer:
            continue
        place.evidence.sort(key=doc.order)
        out.append(place)
    return out
