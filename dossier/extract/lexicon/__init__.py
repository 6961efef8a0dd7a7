"""The extractor's lexicons: built-in data files plus a site's additions from config.yaml.

The files beside this module are plain text, TSV and JSON (one entry a line, ``#`` comments):

    countries.tsv       name, aliases, demonyms, capitals of ~200 countries
    regions.tsv         world regions, seas, territories;  cities.tsv  large non-capital cities
    titles.txt          offices ("Prime Minister");  title_modifiers.txt ("Deputy", "Acting")
    portfolios.txt      words of ministerial portfolios ("Foreign", "Affairs", "Industries")
    honorifics.txt      "Dr", "H.E.", "His Excellency" … and post-nominals ("MP")
    role_nouns.txt      "analyst", "spokesperson" …;  org_words.txt  "University", "Bank" …
    stop_caps.txt       capitalised words that are never names ("The", "Monday")
    place_words.tsv     last words that make a name a place ("Airbase", "River")
    facility_nouns.txt  lowercase nouns after a name that make it a place ("power plant")
    currencies.tsv      "$", "US$", "Rs", "€" … → ISO code
    topics.tsv          topic names and their keywords;  issues.txt  global issues
    sections.tsv        heading words that give a section its kind (agreements, outlook …)
    cues.json           small word lists: signing verbs, future markers, number words …

``load`` reads them once per process; the Lexicon it returns is immutable in use.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...config import LexiconAdditions
from .._text import Gazetteer, fold, key

HERE = Path(__file__).parent


@dataclass(frozen=True)
class GeoEntry:
    """What a geographic name stands for."""

    kind: str                  # country | demonym | capital | city | region | sea | territory | route
    name: str                  # the canonical name (of the country for country/demonym/capital)
    country: str | None = None  # the country it belongs to, when known


@dataclass(frozen=True)
class TopicDef:
    id: str
    name: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class NumberTables:
    """Number words, scales, currencies and units, with the patterns built from them."""

    words: dict[str, float] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)
    vague: dict[str, float] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)         # "us$" → "USD"
    units: dict[str, str] = field(default_factory=dict)         # "tonnes" → "tons"
    irregular: frozenset[str] = frozenset()                     # plurals without -s
    currency_before: re.Pattern[str] | None = None              # "$", "US $", "Rs" just before a number
    currency_last: frozenset[str] = frozenset()                 # the last characters of those
    currency_after: re.Pattern[str] | None = None               # " dollars", " rupees" after it
    unit_after: re.Pattern[str] | None = None                   # " tons", " barrels" after it


def _number_tables(cues: dict[str, Any], currencies: tuple[tuple[str, str, str], ...]) -> NumberTables:
    prefixes = sorted({c for c, _, where in currencies if where == "prefix"}, key=len, reverse=True)
    suffixes = sorted({c for c, _, where in currencies if where == "suffix"}, key=len, reverse=True)
    pre = "|".join((r"(?<![\w$])" if c[:1].isalpha() else "") + re.escape(c).replace(r"\ ", r"\s?")
                   for c in prefixes)
    suf = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in suffixes)
    units = sorted(cues.get("quantity_units", {}), key=len, reverse=True)
    unit_alt = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in units)
    return NumberTables(
        words={k: float(v) for k, v in cues.get("number_words", {}).items()},
        scales={k: float(v) for k, v in cues.get("scale_words", {}).items()},
        vague={k: float(v) for k, v in cues.get("vague_amounts", {}).items()},
        codes={re.sub(r"\s+", "", c.lower()): code for c, code, _ in currencies},
        units={k.lower(): v for k, v in cues.get("quantity_units", {}).items()},
        irregular=frozenset(cues.get("irregular_plurals", ())),
        currency_before=re.compile(rf"(?:{pre})\s?$"),
        currency_last=frozenset(c[-1] for c in prefixes),
        currency_after=re.compile(rf"\s+(?:(?:US|U\.S\.)\s+)?(?P<suf>{suf})\b", re.I),
        unit_after=re.compile(rf"\s*(?:metric\s+)?(?P<u>{unit_alt})(?:-per-[a-z]+)?(?=\b|-)", re.I),
    )


@dataclass(frozen=True)
class TopicIndex:
    """Topic keywords by word: exact words, acronyms (case kept), prefixes ("agricultur*"), phrases."""

    exact: dict[str, list[int]] = field(default_factory=dict)
    exact_case: dict[str, list[int]] = field(default_factory=dict)
    prefix: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    multi: dict[str, list[tuple[tuple[str, ...], bool, int]]] = field(default_factory=dict)
    lead: frozenset[str] = frozenset()          # the keys of ``exact`` and ``multi``


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor knows about words: titles, countries, topics."""

    countries: tuple[str, ...] = ()
    capitals: dict[str, str] = field(default_factory=dict)        # capital → country
    capital_names: dict[str, str] = field(default_factory=dict)   # key of a capital → its name
    geo: Gazetteer[GeoEntry] = field(default_factory=lambda: Gazetteer(()))
    titles: Gazetteer[str] = field(default_factory=lambda: Gazetteer((), any_case=True))
    title_words: frozenset[str] = frozenset()                      # keys of every title word
    title_modifiers: frozenset[str] = frozenset()
    portfolio: frozenset[str] = frozenset()
    honorifics: Gazetteer[str] = field(default_factory=lambda: Gazetteer(()))
    postnominals: frozenset[str] = frozenset()
    role_nouns: frozenset[str] = frozenset()
    org_words: frozenset[str] = frozenset()
    stop_caps: frozenset[str] = frozenset()
    place_words: Gazetteer[str] = field(default_factory=lambda: Gazetteer(()))
    place_last: frozenset[str] = frozenset()                       # keys of last place words
    place_first: frozenset[str] = frozenset()                      # keys of first place words
    facility_nouns: frozenset[str] = frozenset()
    facility_first: frozenset[str] = frozenset()                   # first words of the facility nouns
    currencies: tuple[tuple[str, str, str], ...] = ()
    topics: tuple[TopicDef, ...] = ()
    topic_index: TopicIndex = field(default_factory=TopicIndex)
    issues: tuple[str, ...] = ()
    issue_re: re.Pattern[str] | None = None
    issue_runs: frozenset[str] | None = None     # keys of the first runs of letters of the issues (None:
                                                 # an issue starts with another character)
    sections: tuple[tuple[str, re.Pattern[str]], ...] = ()
    cues: dict[str, Any] = field(default_factory=dict)
    numbers: NumberTables = field(default_factory=NumberTables)
    historical: frozenset[str] = frozenset()     # "former", "late" …
    directions: frozenset[str] = frozenset()     # "northern", "eastern" …
    issue_first: frozenset[str] = frozenset()    # first words of the issue phrases
    person_cues: frozenset[str] = frozenset()    # lowercase words that may start a person mention
    title_start: frozenset[str] = frozenset()    # words an office may start with
    title_last: frozenset[str] = frozenset()     # words an office may end with ("minister", "presidents")
    honorific_first: frozenset[str] = frozenset()
    geo_first: frozenset[str] = frozenset()      # first words of geographic names
    role_kin: frozenset[str] = frozenset()       # role nouns and "wife", "husband", "spouse"
    person_skip: frozenset[str] = frozenset()    # capitalised words that never start a person mention:
                                                 # never names, nor the start of an office or role


def _lines(name: str) -> list[str]:
    out = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line.rstrip())
    return out


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _lines(name)]


def _split(cell: str) -> list[str]:
    return [c.strip() for c in cell.split("|") if c.strip()]


def _topic_index(topics: list[TopicDef]) -> TopicIndex:
    exact: dict[str, list[int]] = {}
    exact_case: dict[str, list[int]] = {}
    prefix: dict[str, list[tuple[str, int]]] = {}
    multi: dict[str, list[tuple[tuple[str, ...], bool, int]]] = {}
    for n, t in enumerate(topics):
        for kw in t.keywords:
            star = kw.endswith("*")
            w = kw.rstrip("*").strip()
            parts = w.split()
            if len(parts) > 1:
                multi.setdefault(parts[0].lower(), []).append((tuple(p.lower() for p in parts), star, n))
                continue
            letters = w.rstrip("s").replace("-", "")
            acronym = sum(c.isupper() for c in letters) >= 2 and not any(c.islower() for c in letters)
            if star:
                prefix.setdefault(w.lower()[:3], []).append((w.lower(), n))
            elif acronym:
                exact_case.setdefault(w, []).append(n)
            else:
                exact.setdefault(w.lower(), []).append(n)
    for bucket in multi.values():
        bucket.sort(key=lambda e: -len(e[0]))
    return TopicIndex(exact=exact, exact_case=exact_case, prefix=prefix, multi=multi,
                      lead=frozenset(exact) | frozenset(multi))


def load(additions: LexiconAdditions | None = None) -> Lexicon:
    """The built-in lexicons with a site's additions merged in."""
    additions = additions or LexiconAdditions()

    # countries, their names, demonyms and capitals
    geo_entries: list[tuple[str, GeoEntry]] = []
    capitals: dict[str, str] = {}
    names: list[str] = []
    known: dict[str, str] = {}
    for row in _rows("countries.tsv"):
        row += [""] * (4 - len(row))
        name, aliases, demonyms, caps = row[:4]
        names.append(name)
        known[fold(name)] = name
        geo_entries.append((name, GeoEntry("country", name, name)))
        for a in _split(aliases):
            geo_entries.append((a, GeoEntry("country", name, name)))
            known[fold(a)] = name
        for d in _split(demonyms):
            geo_entries.append((d, GeoEntry("demonym", name, name)))
        for c in _split(caps):
            geo_entries.append((c, GeoEntry("capital", c, name)))
            capitals[c] = name
    for alias, country in additions.countries:
        target = known.get(fold(country))
        if target is None:
            target = country.strip()
            names.append(target)
            known[fold(target)] = target
            geo_entries.append((target, GeoEntry("country", target, target)))
        kind = "demonym" if re.search(r"(an|ian|ese|i|ish)$", alias.strip()) and alias[:1].isupper() \
            and fold(alias) not in known else "country"
        geo_entries.insert(0, (alias.strip(), GeoEntry(kind, target, target)))
    for row in _rows("regions.tsv"):
        row += [""] * (3 - len(row))
        geo_entries.append((row[0], GeoEntry(row[1] or "region", row[0], row[2] or None)))
    for row in _rows("cities.tsv"):
        if row[0] not in capitals:
            geo_entries.append((row[0], GeoEntry("city", row[0], row[1] if len(row) > 1 else None)))

    # titles and the words around them
    title_list = _lines("titles.txt") + [t for t in additions.titles if t.strip()]
    plural_titles = [(_plural(t), t) for t in title_list if not t.endswith("s")]
    titles = Gazetteer([(t, t) for t in title_list] + plural_titles, any_case=True)
    title_words = frozenset(key(w) for t in title_list for w in t.replace("-", " ").split())
    honorific_lines = _lines("honorifics.txt")
    cut = honorific_lines.index("--") if "--" in honorific_lines else len(honorific_lines)
    honorifics = Gazetteer(((h, h) for h in honorific_lines[:cut]))
    postnominals = frozenset(honorific_lines[cut + 1:])

    place_rows = _rows("place_words.tsv")
    place_words = Gazetteer(((r[0], r[1]) for r in place_rows))
    place_last = frozenset(key(r[0].split()[-1]) for r in place_rows)

    topics: list[TopicDef] = []
    for row in _rows("topics.tsv"):
        topics.append(TopicDef(id=_topic_id(row[0]), name=row[0], keywords=tuple(_split(row[1]))))
    for name, words in additions.topics:
        tid = _topic_id(name)
        for n, t in enumerate(topics):
            if t.id == tid:
                topics[n] = TopicDef(t.id, t.name, t.keywords + tuple(words))
                break
        else:
            topics.append(TopicDef(id=tid, name=name, keywords=tuple(words) or (name,)))

    issues = tuple(_lines("issues.txt"))
    issue_re = re.compile(r"(?<!\w)(?:" + "|".join(
        re.escape(i).replace(r"\ ", r"\s+") for i in sorted(issues, key=len, reverse=True)) + r")(?!\w)", re.I)

    sections = tuple(
        (row[0], re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+")
                                                    for k in _split(row[1])) + r")(?!\w)", re.I))
        for row in _rows("sections.tsv"))

    cues = json.loads((HERE / "cues.json").read_text(encoding="utf-8"))
    cues.pop("_comment", None)

    title_modifiers = frozenset(key(w) for w in _lines("title_modifiers.txt"))
    portfolio = frozenset(key(w) for w in _lines("portfolios.txt"))
    role_nouns = frozenset(fold(w) for w in _lines("role_nouns.txt"))
    person_cues = (title_words | title_modifiers | portfolio | role_nouns | honorifics.first_keys()
                   | frozenset(("wife", "husband", "spouse")) | frozenset(k for t in title_list for k in
                                                                        [key(_plural(t).split()[-1])]))
    geo = Gazetteer(geo_entries)
    stop_caps = frozenset(key(w) for w in _lines("stop_caps.txt"))
    org_words = frozenset(key(w) for w in _lines("org_words.txt"))
    title_start = title_words | title_modifiers | portfolio | frozenset(key(_plural(t).split()[-1]) for t in title_list)
    facility_nouns = frozenset(fold(w) for w in _lines("facility_nouns.txt"))
    currencies = tuple((r[0], r[1], r[2]) for r in _rows("currencies.tsv"))
    return Lexicon(
        numbers=_number_tables(cues, currencies),
        historical=frozenset(cues.get("historical_markers", ())),
        directions=frozenset(cues.get("direction_words", ())),
        issue_first=frozenset(w for i in issues for w in (i.split()[0].lower(), i.split()[0].lower().split("-")[0])),
        person_cues=person_cues,
        title_start=title_start,
        role_kin=role_nouns | frozenset(("wife", "husband", "spouse")),
        person_skip=(stop_caps | org_words) - (title_start | geo.first_keys() | honorifics.first_keys() | role_nouns
                                               | frozenset(("wife", "husband", "spouse"))),
        geo_first=geo.first_keys(),
        honorific_first=honorifics.first_keys(),
        title_last=frozenset(key(w) for t in title_list for w in (t.split()[-1], _plural(t).split()[-1],
                                                                      t.split()[0], _plural(t).split()[0])),
        countries=tuple(names),
        capitals=capitals,
        capital_names={key(c): c for c in capitals},
        geo=geo,
        titles=titles,
        title_words=title_words,
        title_modifiers=title_modifiers,
        portfolio=portfolio,
        honorifics=honorifics,
        postnominals=postnominals,
        role_nouns=role_nouns,
        org_words=org_words,
        stop_caps=stop_caps,
        place_words=place_words,
        place_last=place_last,
        facility_nouns=facility_nouns,
        facility_first=frozenset(f.split(" ")[0] for f in facility_nouns),
        place_first=place_words.first_keys(),
        currencies=currencies,
        topics=tuple(topics),
        topic_index=_topic_index(topics),
        issues=issues,
        issue_re=issue_re,
        issue_runs=_first_runs(issues),
        sections=sections,
        cues=cues,
    )


def _first_runs(phrases: tuple[str, ...]) -> frozenset[str] | None:
    """The keys of the first run of letters and digits of each phrase, where a case-insensitive
    match of the phrase starts."""
    out = set()
    for phrase in phrases:
        m = re.match(r"\w+", phrase)
        if m is None:
            return None
        out.add(key(m.group()))
    return frozenset(out)


def _plural(title: str) -> str:
    """'Prime Minister' → 'Prime Ministers', 'Secretary of State' → 'Secretaries of State'."""
    words = title.split(" ")
    at = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    w = words[at]
    words[at] = w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else w + "s"
    return " ".join(words)


def _topic_id(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "topic"
