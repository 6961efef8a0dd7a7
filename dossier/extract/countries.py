"""Countries: every mention (names, aliases, demonyms, capitals standing for governments), who
hosts and who visits ("visit to X", "arrived in <city of X>", "visiting Ostrenian ...", the
dateline), and at the end the list of countries taking part with their side."""
from __future__ import annotations

import re

from ..model import Country
from ._text import Doc, Para
from ._types import CountryFacts, GeoMention, PeopleFacts, Structure
from .lexicon import GeoEntry, Lexicon

_HOST_BEFORE = re.compile(
    r"(?:\bvisit(?:s|ed|ing)?(?:\s+to)?|\btrip\s+to|\btours?\s+(?:of|to)|\btravel(?:l)?(?:ed|s)?\s+to|"
    r"\barriv(?:ed|es|al|ing)\s+(?:in|at)|\blanded\s+(?:in|at)|\blands\s+in|\bdepart(?:ed|s)?\s+for|"
    r"\bleft\s+for|\bleaves\s+for|\bflew\s+to|\bflies\s+to|\bheaded\s+to|\bheads\s+to|\bjourney\s+to|"
    r"\bwelcomed?\s+to|\bcame\s+to|\bcomes\s+to|\bsummit\s+in|\btalks\s+in|\bmeetings?\s+in|"
    r"\bheld\s+(?:[\w’']+\s+){0,4}in|\bhosted\s+(?:[\w’']+\s+){0,4}in|\bstay\s+in|\bvisit\s+in|"
    r"\b(?:received|welcomed|greeted)\s+in)"
    r"\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|neighbou?ring|brotherly|friendly|"
    r"capital\s+of|city\s+of)\s+)?$", re.I)
_WEAK_BEFORE = re.compile(r"\b(?:will|would|shall|plans?|planned|planning|invitation|invited|invite|look(?:ed|s|ing)?"
                          r"\s+forward|agreed\s+(?:to|at)|return\s+visit|reciprocat\w*|previous|earlier|last|"
                          r"former|my\s+visit|our\s+visit|next|future|upcoming|later|expected|intends?|hopes?|"
                          r"could|may|might|should)\b", re.I)
_YEAR_AFTER = re.compile(r"^[^.;]{0,40}?\b((?:19|20)\d\d)\b")
_GUEST_BEFORE = re.compile(r"(?:\bvisit\s+(?:by|of)|\bvisitors?\s+from|\bguests?\s+from|"
                           r"\bdelegation\s+from)\s+(?:the\s+|an?\s+)?(?:\w+\s+){0,1}$", re.I)
_GUEST_AFTER = re.compile(r"^\s*(?:’s|'s)?\s*(?:\w+\s+){0,3}?(?:visit|trip|tour|arrival|delegation|"
                          r"visitors?|guests?)\b", re.I)
_HOST_AFTER = re.compile(r"^\s*(?:’s|'s)?\s*(?:\w+\s+){0,2}?(?:hosted|hosts|welcomed|received|"
                         r"played\s+host|rolled\s+out)\b", re.I)
# words one of which the lowercased text of a match of _GUEST_AFTER / _HOST_AFTER holds (a pattern
# that ignores case also reads "ſ", "ı" and "İ", lowercased to "i" and a dot, as "s" and "i")
_GUEST_AFTER_WORDS = ("visit", "trip", "tour", "arrival", "delegation", "guest", "ſ", "ı", "\u0307")
_HOST_AFTER_WORDS = ("host", "welcomed", "received", "played", "rolled", "ſ", "ı", "\u0307")


_IN_BEFORE = re.compile(r"\bin\s+$")
_CURRENCY_AFTER = re.compile(r"\$|\s?dollars?\b")


def _hints(low: str, words: tuple[str, ...]) -> bool:
    return any(w in low for w in words)


_HINT_WORDS = frozenset("""visit visits visited visiting trip trips tour tours travel travelled traveled travels
    arrived arrives arrival arriving landed lands departed departs depart left leaves flew flies headed heads journey
    welcome welcomed came comes summit talks meeting meetings held hosted stay received greeted delegation guest
    guests visitor visitors receives receive hosts host welcomes""".split())
_PASSIVE_AFTER = re.compile(r"^\s*(?:\w+\s+){0,1}?(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?(?:hosted|"
                            r"welcomed|received|greeted)\b", re.I)
_GOV_AFTER = re.compile(r"^\s*(?:’s|'s|said|says|sees|saw|will|would|has|have|had|is|was|wants|"
                        r"hopes|seeks|believes|considers|insists|claims|denies|rejected|welcomed|"
                        r"announced|accused|warned|urged|called|does|did|does not|officials?)\b")


def _mentions(p: Para, lexicon: Lexicon) -> list[GeoMention]:
    out: list[GeoMention] = []
    words = p.words
    n = len(words)
    i = 0
    geo = lexicon.geo
    keys = p.keys
    # candidates: capitalised words that may start a name, and hyphenated ones ("Ostrenia-Veluria")
    geo_first = lexicon.geo_first
    cands = p.where(geo_first) if p.upper else [c for c in p.caps if keys[c] in geo_first]
    if "-" in p.text:
        hyphened = [c for c in (range(n) if p.upper else p.caps) if "-" in words[c]]
        if hyphened:
            cands = sorted(set(cands).union(hyphened))
    for c in cands:
        if c < i:
            continue
        i = c
        w = words[i]
        if not (w[:1].isupper() or p.upper) or (keys[i] not in geo and "-" not in w):
            continue
        hit = geo.match(p, i)
        if hit is not None:
            length, entry = hit
            start = p.starts[i]
            end = p.end(i + length - 1)
            if entry.kind == "country" and _CURRENCY_AFTER.match(p.text, end):
                # "US$ 8 billion", "NZ$", "US dollars": a currency, not the country
                i += length
                continue
            out.append(_mention(p, start, end, entry, i + length))
            i += length
            continue
        if "-" in w:
            off = p.starts[i]
            for part in w.split("-"):
                if part[:1].isupper():
                    entry = geo.match_words([part])
                    if entry is not None and entry.kind in ("country", "demonym"):
                        m = _mention(p, off, off + len(part), entry, i + 1)
                        out.append(GeoMention(**{**m.__dict__, "compound": True}))
                off += len(part) + 1
        i += 1
    return out


def _mention(p: Para, start: int, end: int, entry: GeoEntry, after: int) -> GeoMention:
    possessive = after < len(p.words) and p.words[after] in ("’s", "'s", "’S", "'S")
    government = False
    if entry.kind == "capital":
        government = bool(_GOV_AFTER.match(p.text[end:end + 24]))
    return GeoMention(pid=p.id, start=start, end=end, text=p.text[start:end], kind=entry.kind,
                      name=entry.name if entry.kind != "capital" else (entry.country or entry.name),
                      country=entry.country, possessive=possessive, government=government)


def detect(doc: Doc, structure: Structure, lexicon: Lexicon,
           meta_countries: tuple[str, ...] = ()) -> CountryFacts:
    """Find every geographic name and score which country hosts and which visits."""
    mentions: list[GeoMention] = []
    counts: dict[str, int] = {}
    paras: dict[str, list[str]] = {}
    host: dict[str, float] = {}
    guest: dict[str, float] = {}
    order: list[str] = []
    named: set[str] = set()
    front = set(structure.front)
    lede = next((p.id for p in doc.paras if p.id not in front and structure.roles.get(p.id) != "heading"), "")
    for p in doc.paras:
        found = _mentions(p, lexicon)
        mentions.extend(found)
        for m in found:
            country = m.country if m.kind in ("country", "demonym", "capital", "city") else m.country
            if m.kind in ("country", "demonym") or (m.kind == "capital" and m.government):
                counts[m.name] = counts.get(m.name, 0) + 1
                seen = paras.setdefault(m.name, [])
                if not seen or seen[-1] != p.id:
                    seen.append(p.id)
                if m.name not in named:
                    named.add(m.name)
                    order.append(m.name)
            if country is None or m.kind in ("region", "sea", "route"):
                continue
            sent_start, _ = p.sentence_of(m.start)
            before = p.text[max(sent_start, m.start - 60):m.start]
            ti = p.token_at(m.start)
            hinted_before = not _HINT_WORDS.isdisjoint(p.keys[max(0, ti - 9):ti])
            weight = 1.0
            if p.id in front or (p.id == lede and sent_start == p.sents[0][0]):
                weight = 3.0
            if hinted_before and _WEAK_BEFORE.search(p.text[max(sent_start, m.start - 70):m.start]):
                weight = 0.25
            after = p.text[m.end:m.end + 50]
            if structure.date and ("19" in after or "20" in after):
                year = _YEAR_AFTER.match(after)
                if year and year.group(1) != structure.date[:4]:
                    weight = 0.25
            low_after = after[:40].lower()
            if m.kind != "demonym" and hinted_before and _HOST_BEFORE.search(before):
                if m.kind in ("country", "capital", "city") or m.kind == "territory":
                    host[country] = host.get(country, 0.0) + 2.0 * weight
            elif m.kind in ("capital", "city") and _IN_BEFORE.search(before) and \
                    not _HINT_WORDS.isdisjoint(p.keys[max(0, ti - 25, p.token_at(sent_start)):ti]):
                # "received his counterpart at the State House in <capital>": where the visit is,
                # a weaker hint than "visit to"
                host[country] = host.get(country, 0.0) + 1.0 * weight
            visiting = m.kind == "demonym" and before.rstrip().lower().endswith("visiting")
            if m.kind in ("country", "demonym") and (visiting or (hinted_before and _GUEST_BEFORE.search(before))
                                                     or (_hints(low_after, _GUEST_AFTER_WORDS) and
                                                         _GUEST_AFTER.match(p.text[m.end:m.end + 40]))):
                guest[country] = guest.get(country, 0.0) + 1.0 * weight
            if m.kind in ("country",) and _hints(low_after, _HOST_AFTER_WORDS) and \
                    _HOST_AFTER.match(p.text[m.end:m.end + 40]):
                if _PASSIVE_AFTER.match(p.text[m.end:m.end + 40]):
                    guest[country] = guest.get(country, 0.0) + 1.0
                else:
                    host[country] = host.get(country, 0.0) + 1.0
    # the dateline and the sign-off name where the story was filed: a weak hint of the host
    hinted = []
    if structure.dateline is not None:
        p = doc.para(structure.dateline.pid)
        if p is not None:
            hinted.extend(m for m in mentions if m.pid == p.id and m.end <= structure.dateline.end)
    for pid in structure.signoff:
        hinted.extend(m for m in mentions if m.pid == pid)
    seen = set()
    for m in hinted:
        if m.country and m.country not in seen and m.kind in ("country", "capital", "city"):
            seen.add(m.country)
            host[m.country] = host.get(m.country, 0.0) + 0.75
    for c in meta_countries:
        if c not in order:
            order.append(c)
    best = None
    if host:
        ranked = sorted(host.items(), key=lambda kv: (-kv[1], order.index(kv[0]) if kv[0] in order else 99))
        if ranked[0][1] >= 0.75 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            best = ranked[0][0]
    return CountryFacts(mentions=tuple(mentions), counts=counts,
                        paras={k: tuple(v) for k, v in paras.items()}, host_score=host,
                        guest_score=guest, host=best, order=tuple(order))


def listing(doc: Doc, structure: Structure, facts: CountryFacts, people: PeopleFacts,
            lexicon: Lexicon, meta_countries: tuple[str, ...] = ()) -> list[Country]:
    """The countries taking part, host first, each with its side and the paragraphs naming it."""
    host = _host(facts, people)
    total = sum(facts.counts.values()) or 1
    headline = set()
    for m in facts.mentions:
        if m.pid in structure.front and m.kind in ("country", "demonym"):
            headline.add(m.name)
    delegates = {}
    for person in people.people:
        if person.delegate and person.country:
            delegates[person.country] = delegates.get(person.country, 0) + 1
    chosen: list[str] = []
    for c in facts.order:
        count = facts.counts.get(c, 0)
        frequent = (count >= 3 and count / total >= 0.12 and len(facts.paras.get(c, ())) >= 2) or \
            (count >= 2 and count / total >= 0.2)
        if (c == host or c in delegates or c in headline or c in meta_countries
                or facts.guest_score.get(c, 0) >= 1 or frequent):
            chosen.append(c)
    for c in delegates:
        if c not in chosen:
            chosen.append(c)
    if host and host not in chosen:
        chosen.insert(0, host)
    out = []
    ordered = ([host] if host in chosen else []) + [c for c in chosen if c != host]
    for c in ordered:
        side = None
        if host:
            side = "host" if c == host else "guest"
        evidence = list(facts.paras.get(c, ()))
        for person in people.people:
            if person.country == c and person.delegate:
                evidence.extend(person.evidence)
        evidence = sorted(set(evidence), key=doc.order)
        out.append(Country(name=c, side=side, evidence=evidence))
    return out


def _host(facts: CountryFacts, people: PeopleFacts) -> str | None:
    if facts.host:
        return facts.host
    votes: dict[str, float] = {}
    for person in people.people:
        if person.country and person.hosting:
            votes[person.country] = votes.get(person.country, 0) + 1
        if person.country and person.visitor:
            votes[person.country] = votes.get(person.country, 0) - 1
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None
