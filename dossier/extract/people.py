"""People: titled names ("Prime Minister Tomas Quell"), appositives ("Arno Pell, chairman of
...", "X, Ostrenia's foreign minister"), "Minister of Foreign Affairs of X, Dr Y", counterparts,
spouses and quoted or historical people; then coreference of surname-only and title-only
mentions ("Minister Quell", "the Ostrenian president"), each person's country and side."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Iterable

from ..model import Country, Person
from ._text import Doc, Para, finditer_at, key, slug, squash, title_case, unique_ids, word_offsets
from ._types import CountryFacts, PeopleFacts, PersonFact, Structure
from .lexicon import Lexicon

_PARTICLES = frozenset("da de del della di do dos das du van von der den ter bin binti ibn al el la le "
                       "ul ud abu bint y e".split())
_ROLE_DROP = frozenset("of for the and & affairs ministry 's ’s in".split())
_DETERMINERS = frozenset("the his her their its our your this that".split())
_CONNECT = frozenset("of the and for & ’s 's on".split())
_POSS = ("’s", "'s", "’S", "'S")
_RELATION = re.compile(
    r"(?P<passive>\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?(?:hosted|welcomed|received|greeted)\b)|"
    r"(?P<by>\b(?:hosted|received|welcomed|greeted|invited)\b[^.;]{0,80}?\bby\b|\binvitation\s+of\b)|"
    r"(?P<vby>\b(?:visit|trip|tour|arrival)\s+(?:by|of)\s+(?:the\s+)?)|"
    r"(?P<travel>\b(?:paid|pays|paying|undertook|undertakes|undertaking|began|begins|is\s+on|was\s+on|"
    r"are\s+on|were\s+on|arrived|arrives|arriving|landed|lands|visited|visits|departed|"
    r"departs|left\s+for|leaves\s+for|travell?ed|travels|flew|flies|came\s+to|comes\s+to|"
    r"is\s+visiting|is\s+travell?ing|(?:concluded|concludes|concluding|completed|completes|wrapped\s+up|"
    r"wraps\s+up|ended|ends|cut\s+short)\s+(?:his|her|their|a|an|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:visit|trip|tour|stay)s?)\b)|"
    r"(?P<host>\b(?:hosted|hosts|hosting|welcomed|welcomes|received|receives|greeted|greets|invited|"
    r"played\s+host)\b)", re.I)
# the words a match of _RELATION starts with
_RELATION_FIRST = frozenset("""was were is are been being hosted received welcomed greeted invited invitation
    visit trip tour arrival paid pays paying undertook undertakes undertaking began begins arrived arrives
    arriving landed lands visited visits departed departs left leaves travelled traveled travels flew flies
    came comes hosts hosting welcomes receives greets played concluded concludes concluding completed completes
    wrapped wraps ended ends cut""".split())
_TRIP_LEAD = re.compile(r"\W*(?:On|During|In)\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour|"
                        r"journey|stay)\b[^.;,]*,\s*")
_VISIT_POSS = re.compile(r"\s*(?:’s|'s)\s+(?:\w+\s+){0,2}?(?:visit|trip|tour|arrival|stay|journey)\b", re.I)
_GOVERNMENT_NOUN = re.compile(r"(?:’s|'s)?\s+(?:(?:\w+\s+){0,1})(?:presidency|government|administration|side|"
                              r"delegation|leader|leadership|state|cabinet|parliament|people|nation|army|"
                              r"president|premier|prime\s+minister)\b", re.I)
_MET = re.compile(r"\b(?:met|meets|meet|meeting|met\s+with|talks\s+with|called\s+on|calls\s+on|"
                  r"call\s+on|hosted|received|welcomed|greeted|with\s+(?:his|her|their)\s+counterparts?)\b"
                  r"[^.;]{0,200}$", re.I)
_COUNTERPART = re.compile(r"\bcounterparts?\b", re.I)
_DIGIT = re.compile(r"\d").search
_RELATION_WORDS = frozenset("""concluded concludes concluding completed completes wrapped wraps ended ends
    hosted hosts hosting welcomed welcomes received receives greeted greets invited
    invitation host visit visits visited visiting trip tour arrival arrived arrives arriving paid pays paying
    undertook undertakes undertaking began begins landed lands departed departs left leaves travelled traveled
    travels flew flies came comes travelling traveling""".split())
_BARE_BEFORE = frozenset(("counterpart", "counterparts", "said", "says", "told", "added", "noted", "to"))
_IN_TITLE = frozenset(("’s", "'s", "-", "and", ",", "&", "of", "for", "the"))
_MAX_LOOK = 12          # mentions of one person read for clues to their country
_SAID = frozenset("said says told added noted stressed explained argued warned remarked".split())
_KIN = frozenset(("wife", "husband", "spouse"))
# abbreviations and common misspellings of office words, written out in the role
_ROLE_SPELLING = {"PM": "Prime Minister", "Minster": "Minister", "Ministre": "Minister", "CS": "Cabinet Secretary"}
_ROLE_SPELLING_RE = re.compile(r"\b(?:" + "|".join(_ROLE_SPELLING) + r")\b")
# a delegation named after its head: "X was accompanied by ...", "a team including ..."
_COMPANY = re.compile(r"\b(?:(?P<acc>accompanied\s+by|along\s+with|together\s+with|travell?ing\s+with|"
                      r"flanked\s+by)|(?P<incl>including|"
                      r"included|includes|comprising|comprised\s+of|which\s+included|that\s+included))\b", re.I)
_COMPANY_FIRST = frozenset("accompanied including included includes comprising comprised along together "
                           "which that travelling traveling flanked".split())
# "including" names a delegation only after a word for one ("a team including ..."), not after
# "met several ministers, including ..."
_OTHER_DELEGATION = re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?[A-Z][\w’'-]*\s+(?:[\w-]+\s+)?$")
_DELEGATION = re.compile(r"\b(?:delegations?|team|entourage|retinue|suite)\b[^.;:]{0,40}$", re.I)
# role words of heads of state and government, whose spouses travel with them
_LEADER = frozenset("president prime premier chancellor king queen emir amir sultan emperor monarch taoiseach "
                    "leader".split())
# words after a name's comma that start no appositive ("X, and Minister Y")
_NOT_MODIFIER = frozenset("and or but nor with while who whom whose which that as when where after before "
                          "said says told".split())
# the words of a state's long name ("the Federal Democratic Republic of ...")
_STATE_FORM = frozenset("""republic socialist federal federative democratic people's peoples people islamic arab
    united kingdom state states commonwealth union plurinational bolivarian cooperative co-operative oriental
    hashemite sultanate grand duchy principality independent sovereign of the and""".split())
# institutions named with their country: "the Communist Party of ..."
_PARTY = frozenset("party front league movement congress".split())
# offices held abroad: "Ambassador to X" names where, not whose
_ENVOY = frozenset("ambassador ambassadors ambassador-at-large envoy envoys consul consul-general consuls "
                   "high-commissioner chargé chargé-d'affaires".split())
# titles that alone before a name are forms of address
_HONORIFIC_TITLES = frozenset(("sheikh", "shaikh", "chief"))
# forms of address that are ranks: the role of one who has no other
_RANKS = {"professor": "Professor", "prof": "Professor", "general": "General", "gen": "General",
          "colonel": "Colonel", "col": "Colonel", "admiral": "Admiral", "adm": "Admiral", "senator": "Senator",
          "sen": "Senator", "amb": "Ambassador"}
# titles that after an office and before a name are a form of address
_ADDRESS_TITLES = frozenset("senator prince princess sheikh shaikh chief general colonel admiral marshal "
                            "ayatollah cardinal".split())
_WIFE_HONORIFICS = frozenset(("mrs", "madam", "madame", "mme", "begum"))
_SPOUSE_ROLES = (frozenset(("first", "lady")), frozenset(("first", "gentleman")))
_SIDE = re.compile(r"\b(?:on|for|from)\s+the\s+(?:[\w’'-]+\s+){1,2}?side\b", re.I)
# offices of a province or a city, named with it ("Gauteng Premier", "Lagos State Governor")
_LOCAL_OFFICES = frozenset(("premier", "governor", "mayor"))
_SERVING = frozenset("secretary adviser advisor assistant counsellor counselor aide".split())
_MINISTRY = frozenset("ministry department office agency commission council bureau secretariat".split())
_PREPOSITIONS = frozenset("by with to from in at on as into onto over under about after before during "
                          "between among against without within via per".split())
_LIST_END = re.compile(r";|,\s+(?!and\b|or\b|as\s+well\b)(?=[a-z])")
_AGENT = re.compile(r"\bby\s+(?:the\s+)?$")        # "was received by [the] X": X is not the subject
_SMALL_WORDS = frozenset("with from into over upon than that amid after onto".split())   # lowercase in Title Case
_PRONOUN = re.compile(r"\s*(?:He|She|They)\b")
_LIFE_YEARS = re.compile(r"\s*\(\s*(?:\d{4}\s*[-–]\s*\d{4}|born\s+\d{4}|b\.\s*\d{4})\s*\)")


@dataclass
class _Mention:
    pid: str
    start: int
    end: int
    name: tuple[str, ...] = ()          # name words as written (title-cased in capitals text)
    role: str | None = None
    role_kind: str = ""                 # title | appositive | noun | kin | counterpart
    country: str | None = None
    not_country: str | None = None      # "his counterpart, the minister of X": not from X
    determiner: str = ""
    plural: bool = False
    visiting: bool = False
    historical: bool = False
    visitor: bool = False
    hosting: bool = False
    quoted: bool = False
    honorific: bool = False
    rank: str | None = None             # "Professor", "General": a rank given as a form of address
    wife: bool = False                  # named "Mrs"/"Madam": a spouse when her family name is a leader's
    companion: bool = False             # named after "accompanied by" / "including": of a delegation
    companion_of: "_Mention | None" = None   # the mention whose delegation it is, when named
    title_start: int | None = None      # where the office before the name starts


@dataclass
class _Person:
    name: tuple[str, ...]
    mentions: list[_Mention] = field(default_factory=list)
    pids: set[str] = field(default_factory=set)
    country: str | None = None

    @property
    def text(self) -> str:
        return " ".join(self.name)


@dataclass(frozen=True)
class _Title:
    end: int                     # token index after the title
    role: str                    # as written, without the country
    country: str | None
    plural: bool
    head_cap: bool               # the office word is capitalised
    org: str | None = None
    posted: str | None = None    # an envoy's host country: "Ambassador to/in X" (not the envoy's own)
    lead_country: bool = False   # the office opens with its country ("Japan's ambassador")


class _Reader:
    """Reads one paragraph's tokens: titles, honorifics, names."""

    def __init__(self, p: Para, lexicon: Lexicon) -> None:
        self.p = p
        self.lx = lexicon
        self.n = len(p.words)
        self._geo: dict[int, object] = {}
        self._hon: dict[int, int] = {}
        self.extend = True           # may an office's portfolio go on with capitalised words
        self.extended = False        # set when an office read so took such words
        self._title_case: bool | None = None

    def title_case(self) -> bool:
        """Are (nearly) all the paragraph's words capitalised, as in a Title Case headline?"""
        if self._title_case is None:
            alpha = [w for w in self.p.words if w[:1].isalpha()]
            self._title_case = len(alpha) >= 3 and not any(
                len(w) >= 4 and w[:1].islower() and w not in _SMALL_WORDS for w in alpha)
        return self._title_case

    # -- small predicates
    def word(self, i: int) -> str:
        return self.p.words[i] if 0 <= i < self.n else ""

    def k(self, i: int) -> str:
        return self.p.keys[i] if 0 <= i < self.n else ""

    def geo(self, i: int):
        if i >= self.n:
            return None
        got = self._geo.get(i, 0)
        if got != 0:
            return got
        w = self.p.words[i]
        if not (w[:1].isupper() or self.p.upper) or self.p.keys[i] not in self.lx.geo:
            got = None
        else:
            got = self.lx.geo.match(self.p, i)
        self._geo[i] = got
        return got

    def country_at(self, i: int) -> tuple[int, str] | None:
        """A country name or demonym at i: (tokens used incl. possessive, country)."""
        hit = self.geo(i)
        if hit is None:
            return None
        length, entry = hit
        if entry.kind not in ("country", "demonym"):
            return None
        if self.word(i + length) in _POSS:
            length += 1
        return length, entry.name

    def is_portfolio(self, i: int) -> bool:
        k = self.k(i)
        return bool(k) and (k in self.lx.portfolio or k.endswith("affairs")) and self.word(i)[:1].isalpha()

    def honorifics(self, i: int) -> int:
        """The index after the honorifics starting at i ("H.E. Dr"); remembered, so a long run
        of them is read once."""
        memo = self._hon
        got = memo.get(i)
        if got is not None:
            return got
        j = i
        chain = [i]
        while j < self.n:
            got = memo.get(j)
            if got is not None:
                j = got
                break
            hit = self.lx.honorifics.match(self.p, j)
            if hit is None:
                break
            chain.append(j)
            j += hit[0]
            if self.word(j) == ".":
                j += 1
        for x in chain:
            memo[x] = j
        return j

    def name_token(self, i: int, first: bool = False) -> bool:
        if i >= self.n:
            return False
        w = self.p.words[i]
        if not w[:1].isalpha():
            return False
        k = self.p.keys[i]
        if not w[:1].isupper():
            return (k[:3] in ("al-", "el-") and len(w) > 3 and w[3:4].isupper())
        if k in self.lx.stop_caps or k in self.lx.org_words or k in self.lx.title_words:
            return False
        if k in self.lx.postnominals or w in self.lx.postnominals:
            return False
        if w.isupper() and len(w) > 2 and not self.p.upper:
            # a family name in capitals beside a given name: "KISHIDA Fumio", "Emmanuel MACRON"
            return w.isalpha() and self.geo(i) is None and (self._plain_name(i - 1) or self._plain_name(i + 1))
        if not w.isalpha() and _DIGIT(w):
            return False
        if not first and self.lx.place_words.match(self.p, i) is not None:
            return False
        hit = self.geo(i)
        if hit is not None:
            # "Dunmere Ash": a city name may start a name that goes on
            if hit[1].kind in ("capital", "city") and hit[0] == 1 and i + 1 < self.n and \
                    self.p.words[i + 1][:1].isupper() and self.geo(i + 1) is None and \
                    self.p.keys[i + 1] not in self.lx.stop_caps and self.p.keys[i + 1] not in self.lx.org_words \
                    and self.lx.place_words.match(self.p, i + 1) is None:
                return True
            return False
        return True

    def _plain_name(self, i: int) -> bool:
        """A capitalised, not all-capitals word that may be a given name."""
        if not 0 <= i < self.n:
            return False
        w = self.p.words[i]
        k = self.p.keys[i]
        return w[:1].isupper() and w[1:].islower() and w.isalpha() and len(w) > 1 and \
            k not in self.lx.stop_caps and k not in self.lx.org_words and k not in self.lx.title_words and \
            self.lx.honorifics.match(self.p, i) is None and self.geo(i) is None

    def name(self, i: int) -> tuple[int, tuple[str, ...]]:
        """Name words from i: capitalised words, initials, inner particles; ends before the rest."""
        out: list[str] = []
        j = i
        while j < self.n and len(out) < 6:
            w = self.p.words[j]
            if self.name_token(j, first=not out):
                out.append(w)
                j += 1
                if len(w) == 1 and self.word(j) == "." :
                    out[-1] = w + "."
                    j += 1
                continue
            if out and w.lower() in _PARTICLES and self.name_token(j + 1):
                out.append(w)
                j += 1
                continue
            break
        while out and out[-1].lower() in _PARTICLES:
            out.pop()
            j -= 1
        # post-nominals ("MP") are skipped but not part of the name
        while j < self.n and (self.p.words[j] in self.lx.postnominals):
            j += 1
        if self.p.upper:
            out = [title_case(w) if len(w) > 2 or not w.endswith(".") else w for w in out]
        return j, tuple(out)

    def title_and_short(self, i: int) -> tuple[_Title | None, _Title | None]:
        """The office at i, and the same office read without capitalised words run on its
        portfolio (read again only when the first reading took such words)."""
        self.extended = False
        t = self.title(i)
        if t is None or not self.extended:
            return t, t
        self.extend = False
        short = self.title(i)
        self.extend = True
        return t, short

    def title(self, i: int) -> _Title | None:
        """An office at i: [country/demonym] [modifiers/portfolio] HEAD [of/for ...] [and TITLE]."""
        p = self.p
        n = self.n
        words, keys = p.words, p.keys
        titles = self.lx.titles
        country = None
        j = i
        got = self.country_at(j)
        if got is not None:
            j += got[0]
            country = got[1]
        org = None
        if country is None and j < n and words[j].isupper() and 2 <= len(words[j]) <= 6 \
                and titles.match(p, j + 1) is not None and not p.upper \
                and self.lx.honorifics.match(p, j) is None:
            org = words[j]       # "UN Secretary-General", "EU Ambassador"
            j += 1
        start = j
        steps = 0
        head = None
        plural_head = False
        modifiers = self.lx.title_modifiers
        while j < n and steps < 6:
            hit = titles.match(p, j)
            if hit is not None:
                length, singular = hit
                head = (j, length)
                plural_head = not singular.endswith("s") and keys[j + length - 1] != key(singular.split()[-1])
                j += length
                # "Prime Minister" may also be a modifier of a longer title; take the longest run
                nxt = titles.match(p, j)
                if nxt is not None and words[j][:1].isupper() == words[head[0]][:1].isupper() \
                        and keys[j] not in ("president",) and not (
                            keys[j] in _ADDRESS_TITLES and self.name_token(j + nxt[0], True)):
                    # ("Foreign Minister Prince Faisal": "Prince" is how the man is addressed)
                    j += nxt[0]
                    head = (head[0], j - head[0])
                break
            k = keys[j]
            if k in modifiers or self.is_portfolio(j) or k in ("-",):
                j += 1
                steps += 1
                continue
            return None
        if head is None:
            return None
        head_word = self.word(head[0])
        head_cap = head_word[:1].isupper()
        plural = plural_head
        # a lowercase modifier must be a portfolio word ("agricultural Minister"), never a common word
        for t in range(start, head[0]):
            w = self.word(t)
            if not w[:1].isupper() and not self.is_portfolio(t) and self.k(t) not in self.lx.title_modifiers:
                return None
        role_end = j
        # complement: "of/for <portfolio>", "of the <Institution>", "of <Country>"
        if self.k(j) in ("of", "for") and j + 1 < self.n:
            c = self._complement(j)
            if c is not None:
                role_end, j, c_country = c
                country = country or c_country
        # "Special Assistant to the Prime Minister", "Adviser to the President": whom the office serves
        if self.k(j) == "to" and self.k(j + 1) == "the" and self.word(j + 2)[:1].isupper():
            served = self.title(j + 2)
            if served is not None and served.country is None and served.head_cap:
                j = role_end = served.end
            elif self.k(head[0] + head[1] - 1) in _SERVING and self.geo(j + 2) is None and \
                    (self.k(j + 2) in self.lx.org_words or self.k(j + 2) in _MINISTRY or
                     self.k(j + 2) == "government"):
                # "Secretary to the Government of the Federation"
                x = j + 2
                while x < self.n and (self.word(x)[:1].isupper() or (self.k(x) in ("of", "the", "and") and (
                        self.word(x + 1)[:1].isupper() or self.k(x + 1) == "the"))):
                    x += 1
                while self.k(x - 1) in ("of", "the", "and"):
                    x -= 1
                j = role_end = x
        # an envoy's posting: "Ambassador [of X] to [the] Y", "Ambassador in <capital>"
        posted = None
        if (self.k(head[0]) in _ENVOY or (self.k(head[0]), self.k(head[0] + head[1] - 1)) ==
                ("high", "commissioner")) and self.k(j) in ("to", "in"):
            y = j + 1 + (self.k(j + 1) == "the")
            hit = self.geo(y)
            if hit is not None and hit[1].kind in ("country", "capital", "city"):
                posted = hit[1].country or hit[1].name
                j = role_end = y + hit[0]
        # "in Ostrenia" after an office: where the office is
        if self.k(j) == "in" and country is None:
            got = self.country_at(j + 1)
            if got is not None and (j + 1 + got[0] >= self.n or
                                    self.word(j + 1 + got[0]) in (",", ".", ";", ")")):
                country = got[1]
                j = j + 1 + got[0]
        role = self.p.text[self.p.starts[start]:self.p.end(role_end - 1)]
        # a list of offices: "Vice President, Deputy Prime Minister and Chairman of the Board"
        if self.word(j) == "," and head_cap and not self.p.upper and self.word(j + 1)[:1].isupper():
            parts = []
            x = j
            closed = False
            while self.word(x) == "," and len(parts) < 4:
                more = self.title(x + 1)
                if more is None or more.country is not None or not more.head_cap:
                    break
                parts.append(more.role)
                x = more.end
                if " and " in more.role:
                    closed = True           # "..., Deputy Prime Minister and Chairman of ..."
                    break
            if parts and not closed and self.k(x) == "and":
                last = self.title(x + 1)
                if last is not None and last.country is None and last.head_cap:
                    parts[-1] += " and " + last.role
                    x = last.end
                    closed = True
            if closed:
                role = squash(role) + ", " + ", ".join(parts)
                j = x
        # compound office: "Deputy Prime Minister and Foreign Minister"
        if self.k(j) == "and" and self.word(j + 1)[:1].isupper() and not self.p.upper or \
                (self.p.upper and self.k(j) == "and"):
            more = self.title(j + 1)
            if more is not None and more.country is None and more.head_cap == head_cap:
                role = role + " and " + more.role
                j = more.end
                plural = plural or more.plural
        role = squash(role)
        if _ROLE_SPELLING_RE.search(role):
            role = _ROLE_SPELLING_RE.sub(lambda x: _ROLE_SPELLING[x.group()], role)
        if plural_head:
            role = _singular_role(role)
        if self.p.upper:
            role = title_case(role.upper())
        return _Title(end=j, role=role, country=country, plural=plural, head_cap=head_cap, org=org,
                      posted=posted, lead_country=start > i and org is None)

    def _complement(self, j: int) -> tuple[int, int, str | None] | None:
        """After "of"/"for" at j: (role end, next index, country)."""
        k = j + 1
        if self.k(k) == "the":
            k += 1
        got = self.country_at(k)
        if got is not None:
            after = k + got[0]
            # "of Ostrenia's United Border Guards", "of the Veluria Trade Council": an institution
            if self.word(after)[:1].isupper() and self.lx.honorifics.match(self.p, after) is None and \
                    (self.word(after - 1) in _POSS or self.k(after) in self.lx.org_words or
                     any(self.k(x) in self.lx.org_words for x in range(after, min(after + 4, self.n))
                         if self.word(x)[:1].isupper())):
                end = after
                while end < self.n and (self.word(end)[:1].isupper() or
                                        (self.k(end) in ("of", "and", "for", "the") and
                                         self.word(end + 1)[:1].isupper())):
                    end += 1
                if self.word(end) == "(" and self.word(end + 2) == ")":
                    end += 3
                return end, end, got[1]
            return j, after, got[1]
        if self.is_portfolio(k):
            end = k
            while end < self.n:
                if self.is_portfolio(end):
                    end += 1
                    continue
                if self.word(end) in (",", "&") or self.k(end) == "and":
                    nxt = end + 1
                    if self.k(nxt) == "and":
                        nxt += 1
                    if self.is_portfolio(nxt) and not (self.word(end) == "," and self.k(nxt) in ("the",)):
                        end = nxt
                        continue
                break
            role_end = end
            # capitalised words that go on the portfolio up to a comma: "for Energy Security and
            # Net Zero, ...", "of Foreign Affairs and Senegalese Abroad, ..." (a name after them
            # with no comma is the person's: the caller then reads the office without them)
            if self.extend:
                got = self._extension(end)
                if got is not None:
                    self.extended = True
                    return got
            # "... of the Federal Republic of Ostrenia"
            if self.k(end) in ("of", "in") and end + 1 < self.n:
                kk = end + 1 + (1 if self.k(end + 1) == "the" else 0)
                got = self.country_at(kk)
                if got is not None:
                    return role_end, kk + got[0], got[1]
            return role_end, end, None
        # an institution: "of the People’s Grand Council", "of the Standing Board of ..."
        if self.word(k)[:1].isupper() and not self.name_like_person(k):
            end = k
            last_good = None
            while end < self.n:
                w = self.word(end)
                kk = self.k(end)
                if w[:1].isupper() or (self.p.upper and w[:1].isalpha() and kk not in _CONNECT):
                    got = self.country_at(end)
                    back = end - 2 if self.k(end - 1) == "the" else end - 1
                    if got is not None and self.k(back) == "of" and back > k:
                        # "... of the Republic of Ostrenia": the country ends the role
                        if last_good is not None:
                            inst = [self.k(x) for x in range(k, back) if self.word(x) not in _POSS]
                            if all(w in _STATE_FORM for w in inst):
                                # "of the Socialist Republic of Ostrenia" is the country itself
                                return j, end + got[0], got[1]
                            if inst and inst[-1] in _PARTY:
                                # "General Secretary of the Workers' Party of Ostrenia": the party's name
                                return end + got[0], end + got[0], got[1]
                            return back, end + got[0], got[1]
                    end += 1
                    last_good = end
                    continue
                if w in _POSS or kk in ("of", "the", "and", "for", "&", "on") and \
                        (self.word(end + 1)[:1].isupper() or self.k(end + 1) == "the"):
                    if kk == "and" and (self.lx.honorifics.match(self.p, end + 1) is not None):
                        break
                    end += 1
                    continue
                break
            if last_good is not None:
                # "Republic of Ostrenia" at the end is the country, handled above; trim "of the"
                return last_good, last_good, None
        return None

    def _extension(self, end: int) -> tuple[int, int, str | None] | None:
        """Capitalised words (and connectors) from ``end`` that close with a comma or the end of the
        sentence, or run into "of [the] <Country>": (role end, next index, country)."""
        if self.p.upper:
            return None         # in capitals every word looks like a name's
        x = end
        took = 0
        while x < self.n and took < 6:
            w = self.word(x)
            kk = self.k(x)
            if kk in ("of", "for"):
                k = x + 1 + (self.k(x + 1) == "the")
                got = self.country_at(k)
                if got is not None:
                    after = k + got[0]
                    if x > end and self.word(after) in (",", ".", ";", ")", ":", ""):
                        return x, after, got[1]
                    break
            if w[:1].isupper() and w[:1].isalpha() and self.lx.honorifics.match(self.p, x) is None \
                    and self.lx.titles.match(self.p, x) is None:
                x += 1
                took += 1
                continue
            if kk in ("and", "&", "of", "for", "the") and self.word(x + 1)[:1].isupper():
                x += 1
                continue
            break
        if took and self.word(x) in (",", ".", ";", ")", ":", "") and self.word(x - 1)[:1].isupper():
            return x, x, None
        return None

    def name_like_person(self, i: int) -> bool:
        return self.lx.honorifics.match(self.p, i) is not None


def _singular_role(role: str) -> str:
    """'Presidents' → 'President', 'Foreign Ministers' → 'Foreign Minister'."""
    words = role.split(" ")
    at = len(words) - 1
    if "of" in words[1:]:
        at = words.index("of") - 1
    w = words[at]
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    words[at] = w
    return " ".join(words)


_ROLE_WORD = re.compile(r"[\w'’-]+")


def _role_key(role: str | None, lexicon: Lexicon) -> frozenset[str]:
    if not role:
        return frozenset()
    words = [key(w) for w in _ROLE_WORD.findall(role)]
    out = set()
    for w in words:
        if w in _ROLE_DROP:
            continue
        out.add(w)
    return frozenset(out)


def _scan(p: Para, lexicon: Lexicon, cues: dict) -> list[_Mention]:
    """Every person mention in one paragraph (named or title-only)."""
    r = _Reader(p, lexicon)
    out: list[_Mention] = []
    i = 0
    n = r.n
    words = p.words
    text = p.text
    role_nouns = lexicon.role_nouns
    historical = lexicon.historical
    keys = p.keys
    cues_set = lexicon.person_cues
    title_start = lexicon.title_start
    geo_first = lexicon.geo_first
    title_last = lexicon.title_last
    heads = p.where(title_last)
    honorific_first = lexicon.honorific_first
    upper = p.upper
    # only capitalised words and cue words can start a mention (every word in capitals text)
    if upper:
        cands: Iterable[int] = range(n)
    else:
        # a lowercase word starts a role noun, a spouse, or an office with its head close after
        cues_at = list(p.where(lexicon.role_kin))
        if heads:                 # the words of an office, up to eight before its head
            cues_at += sorted({c for h in heads for c in range(max(0, h - 8), h + 1) if keys[c] in title_start})
        cands = sorted(p.caps + tuple(cues_at)) if cues_at else p.caps
    # capitalised words that are never names nor start anything ("The", "Monday"): nothing to read
    skip = lexicon.person_skip
    cands = [c for c in cands if keys[c] not in skip or (words[c].isupper() and 2 <= len(words[c]) <= 6)]
    for c in cands:
        if c < i:
            continue
        i = c
        w = words[i]
        if not w[:1].isalpha() or not (upper or w[:1].isupper() or keys[i] in cues_set):
            continue
        k0 = keys[i]
        t = None
        if heads and (k0 in title_start or k0 in title_last or (k0 in geo_first and (w[:1].isupper() or upper))
                      or (w.isupper() and 2 <= len(w) <= 6)):
            h = bisect.bisect_left(heads, i)
            # a country's name of several words ("Sri Lankan", "New Zealand's") may open the office
            lead = r.country_at(i) if k0 in geo_first else None
            if h < len(heads) and heads[h] - i <= 8 and all(
                    keys[x] in title_start or keys[x] in title_last or keys[x] in geo_first or keys[x] in _IN_TITLE
                    for x in range(i + (lead[0] if lead else 1), heads[h])):
                t, short = r.title_and_short(i)
                if t is not None and not upper:
                    # an office whose portfolio ran on into capitalised words must be followed by
                    # its holder's name; else those words were the name
                    if short is not None and short.end != t.end and not _named_after(r, t):
                        t = short
        if t is not None:
            j = t.end
            comma = False
            colon = False
            k = j
            if t.plural and r.word(k) == ":":
                k += 1          # "the three foreign ministers: A of X, B of Y and C of Z"
                colon = True
            elif r.word(k) == "," and (t.head_cap or p.upper or t.lead_country):
                k += 1
                comma = True
                if r.k(k) == "the":
                    k += 1
            k2 = r.honorifics(k)
            honor = k2 > k
            e, name = r.name(k2)
            ok = bool(name) and (t.head_cap or p.upper or honor or (comma and t.lead_country and len(name) >= 2)
                                 or (colon and len(name) >= 2))
            if ok and comma:
                # "Title, Name," is an appositive only when the name is closed off
                after = r.word(e)
                ok = after in (",", ".", ";", ")", "") or r.k(e) in ("and", "who", "has", "have",
                                                                     "was", "is", "had")
            lower_head = False
            if not ok and len(name) >= 2 and not t.head_cap and not comma and not colon and not p.upper \
                    and not t.plural and not r.title_case() and _org_before(r, i) is not None:
                # "Foreign Ministry spokesperson Mao Lin": a lowercase office after its institution
                ok = lower_head = True
            if ok and len(name) == 1 and not honor and not t.head_cap:
                ok = False
            if ok and _place_after(r, e):
                ok = False      # "the Sheikh Ada Grand Mosque", "President Vorn University": a place
            if ok:
                names = [(k2, e, name)]
                if t.plural:
                    names = _name_list(r, k2)
                for (s, e2, nm) in names:
                    m = _Mention(pid=p.id, start=p.starts[s], end=p.end(e2 - 1) if e2 > s else p.starts[s],
                                 name=nm, role=t.role, role_kind="title", country=t.country,
                                 determiner=_det(keys, c), historical=_former(keys, c, historical),
                                 not_country=t.posted, title_start=p.starts[i])
                    if not t.country and not t.org and s == names[0][0]:
                        place = _province_before(r, i, t.role)
                        if place:
                            m.role = f"{place} {t.role}"
                    if lower_head:
                        org, org_country = _org_before(r, i)
                        m.role = f"{org} {t.role}"
                        m.country = m.country or org_country
                    if t.org and not t.country:
                        m.role = f"{t.org} {t.role}"
                    elif key(t.role) in _HONORIFIC_TITLES and not t.country:
                        # "Sheikh Saif", "Chief Ada Obi": a form of address, not an office
                        m.role, m.role_kind, m.honorific = None, "", True
                    # "Prime Minister X of Sweden", "(Ostrenia)" after a name in a list of presidents
                    if r.k(e2) == "of" and not m.country:
                        got = r.country_at(e2 + 1 + (r.k(e2 + 1) == "the"))
                        if got is not None:
                            m.country = got[1]
                    if r.word(e2) == "(":
                        got = r.country_at(e2 + 1)
                        if got is not None and r.word(e2 + 1 + got[0]) == ")":
                            m.country = got[1]
                    if s == k2:
                        _counterpart_country(r, m, i)
                    if not m.country and r.k(c - 1) == "its":
                        m.country = _country_before(r, c - 1)
                    out.append(m)
                    i = max(i, e2)
                i = max(i, names[-1][1], _appositive(r, out[-1], names[-1][1], lexicon, cues))
                continue
            # a title with no name: kept for coreference ("the Ostrenian president")
            if not t.plural:
                m = _Mention(pid=p.id, start=p.starts[i], end=p.end(j - 1), role=t.role,
                             role_kind="title", country=t.country, determiner=_det(keys, c),
                             visiting=r.k(i - 1) == "visiting" or r.k(i - 2) == "visiting")
                out.append(m)
            i = max(j, i + 1)
            continue
        # honorific + name: "Dr Varkon", "H.E. Quell"
        if w[:1].isupper() and k0 in honorific_first and not (k0 in geo_first and r.geo(i) is not None):
            k2 = r.honorifics(i)
            if k2 > i:
                e, name = r.name(k2)
                if name and not _place_after(r, e):
                    m = _Mention(pid=p.id, start=p.starts[k2], end=p.end(e - 1), name=name,
                                 determiner=_det(keys, c), historical=_former(keys, c, historical),
                                 honorific=True, wife=k0 in _WIFE_HONORIFICS,
                                 rank=next((_RANKS[words[x].lower().rstrip(".")] for x in range(i, k2)
                                            if words[x].lower().rstrip(".") in _RANKS), None))
                    out.append(m)
                    i = max(e, _appositive(r, m, e, lexicon, cues))
                    continue
        # a role noun before a name: "war hero Ada Vorn", "analyst Jane Roe", "Analyst Jane Roe"
        if keys[i] in role_nouns and i + 1 < n and r.name_token(i + 1, True) and \
                (not w[:1].isupper() or keys[i] not in lexicon.title_words):
            e, name = r.name(i + 1)
            if len(name) >= 2:
                s = i
                while s - 1 >= 0 and words[s - 1][:1].islower() and words[s - 1].isalpha() \
                        and r.k(s - 1) not in _CONNECT and r.k(s - 1) not in _DETERMINERS \
                        and r.k(s - 1) not in ("a", "an", "with", "by", "to", "from", "in", "at") \
                        and i - s < 2:
                    s -= 1
                role = squash(text[p.starts[s]:p.end(i)])
                m = _Mention(pid=p.id, start=p.starts[i + 1], end=p.end(e - 1), name=name, role=role,
                             role_kind="noun", historical=_former(keys, c, historical) or any(
                                 r.k(x) in historical for x in range(s, i + 1)))
                out.append(m)
                i = e
                continue
        # kin: "and his wife Mira Pell"
        if keys[i] in ("wife", "husband", "spouse") and i + 1 < n:
            kk = r.honorifics(i + 1 + (1 if r.word(i + 1) == "," else 0))
            e, name = r.name(kk)
            if len(name) >= 2:
                m = _Mention(pid=p.id, start=p.starts[kk], end=p.end(e - 1), name=name,
                             role_kind="kin", role=keys[i])
                out.append(m)
                i = e
                continue
        # a bare name: kept when an appositive, a counterpart or a quote says who it is
        window = keys[i + 1:i + 7]
        if w[:1].isupper() and ("," in window or "(" in window or not _SAID.isdisjoint(window)
                                or (i and keys[i - 1] in _BARE_BEFORE)
                                or (i > 1 and keys[i - 2] in _BARE_BEFORE)) and r.name_token(i, True):
            e, name = r.name(i)
            if name:
                nxt = r.word(e)
                prev = keys[i - 1] if i else ""
                prev2 = keys[i - 2] if i > 1 else ""
                counterpart = prev in ("counterpart", "counterparts") or \
                    (prev == "," and prev2 in ("counterpart", "counterparts"))
                quoted = len(name) >= 2 and (prev in _SAID or r.k(e) in _SAID or
                                             (prev in ("to",) and prev2 == "according"))
                if not (nxt in (",", "(") or counterpart or quoted):
                    i = e
                    continue
                m = _Mention(pid=p.id, start=p.starts[i], end=p.end(e - 1), name=name,
                             determiner=_det(keys, c), historical=_former(keys, c, historical))
                if nxt == "(" and _LIFE_YEARS.match(text, m.end):
                    m.historical = True
                after_appositive = _appositive(r, m, e, lexicon, cues) if nxt == "," else e
                if counterpart and len(name) >= 2:
                    m.role_kind = m.role_kind or "counterpart"
                if quoted:
                    m.quoted = True
                _counterpart_country(r, m, i)
                out.append(m)
                i = max(e, after_appositive)
                continue
        i += 1
    return out


def _noun_phrase_end(r: _Reader, k2: int) -> tuple[int, str | None]:
    """After a role noun at k2: its field ("in trade law", "on Southeast Asia") and institution
    ("at the University of Accra", "of Ostrenia’s Border Guards (OBG)"): (end, country)."""
    country = None
    end = k2 + 1
    # "lecturer in international relations at ...", "expert on Southeast Asia at ...": a field
    if r.k(end) in ("in", "on"):
        y = end + 1
        while y < r.n and y - end <= 4 and r.word(y).replace("-", "").isalpha() \
                and r.k(y) not in ("at", "of", "with", "and", "who", "said", "the"):
            y += 1
        if y > end + 1 and (r.k(y) in ("at", "with") or r.word(y) in (",", ".", ";", "")):
            end = y
    # "head of Ostrenia’s United Border Guards (UBG)"
    if r.k(end) in ("of", "at", "for", "with") and end + 1 < r.n:
        x = end + 1
        if r.k(x) == "the":
            x += 1
        got2 = r.country_at(x)
        if got2 is not None:
            country = got2[1]
            x += got2[0]
        while x < r.n and (r.word(x)[:1].isupper() or r.k(x) in ("of", "the", "and", "for")
                           or r.word(x) in ("(", ")") or (r.word(x - 1) == "(")):
            if country is None and r.word(x)[:1].isupper():
                # "University of Nairobi", "Tashkent Institute": the institution's country
                hit = r.geo(x)
                if hit is not None and hit[1].kind in ("country", "demonym", "capital", "city") \
                        and hit[1].country:
                    country = hit[1].country
            x += 1
        while x > end + 1 and r.k(x - 1) in ("of", "the", "and", "for"):
            x -= 1
        end = x
    return end, country


def _noun_at(r: _Reader, k: int, det: str, lexicon: Lexicon) -> int | None:
    """The role noun of an appositive starting at k: "analyst", "senior lecturer", "a Gulf affairs
    specialist", "an international relations scholar" (up to three words before the noun;
    capitalised ones only after "a"/"an")."""
    for x in range(k, min(k + 4, r.n)):
        if r.k(x) in lexicon.role_nouns and r.word(x)[:1].isalpha():
            return x
        w = r.word(x)
        if not w.replace("-", "").isalpha() or r.k(x) in _NOT_MODIFIER or r.k(x) in _CONNECT \
                or r.k(x) in _PREPOSITIONS:
            return None
        if w[:1].isupper() and (det not in ("a", "an") or x > k + 1):
            return None
    return None


def _org_before(r: _Reader, i: int) -> tuple[str, str | None] | None:
    """'[Chinese] Foreign Ministry spokesperson': the institution's capitalised words right before a
    lowercase office (one of them an institution word), and the country named before them."""
    x = i
    lx = r.lx
    while x - 1 >= 0 and i - x < 4:
        w = r.word(x - 1)
        k = r.k(x - 1)
        if not (w[:1].isupper() and w.replace("-", "").isalpha()) or \
                (k in lx.stop_caps and k not in lx.org_words and k not in _MINISTRY) \
                or lx.honorifics.match(r.p, x - 1) is not None or r.geo(x - 1) is not None:
            break
        x -= 1
    if x == i or not any(r.k(y) in lx.org_words or r.k(y) in _MINISTRY for y in range(x, i)):
        return None
    country = None
    if x - 1 >= 0:
        for back in (1, 2, 3):
            got = r.country_at(x - back) if x - back >= 0 else None
            if got is not None and x - back + got[0] == x:
                country = got[1]
                break
    return r.p.text[r.p.starts[x]:r.p.end(i - 1)], country


def _province_before(r: _Reader, i: int, role: str) -> str | None:
    """'Western Cape Premier', 'Lagos State Governor': the capitalised words of a province or city
    right before a sub-national office belong to it."""
    words = role.split()
    if key(words[-1]) not in _LOCAL_OFFICES and " ".join(words[-2:]).lower() != "chief minister":
        return None
    if r.title_case():
        return None             # a headline in Title Case: any word may be capitalised
    x = i
    lx = r.lx
    while x - 1 >= 0 and i - x < 3:
        w = r.word(x - 1)
        k = r.k(x - 1)
        if not (w[:1].isupper() and w.replace("-", "").isalpha()) or k in lx.stop_caps or k in lx.title_words \
                or lx.honorifics.match(r.p, x - 1) is not None or k in _DETERMINERS:
            break
        hit = r.geo(x - 1)
        if hit is not None and hit[1].kind in ("country", "demonym"):
            break
        x -= 1
    if x == i or (x - 1 >= 0 and r.word(x - 1) in _POSS):
        return None
    return r.p.text[r.p.starts[x]:r.p.end(i - 1)]


def _country_before(r: _Reader, i: int) -> str | None:
    """The last country named before word i in its sentence ("Senegal's minister of A, and its
    minister of B": B's "its")."""
    s, _ = r.p.sentence_of(r.p.starts[i])
    x = i - 1
    while x >= 0 and r.p.starts[x] >= s and i - x <= 60:
        got = r.country_at(x)
        if got is not None and x + got[0] <= i:
            return got[1]
        x -= 1
    return None


def _place_after(r: _Reader, e: int) -> bool:
    """Do the capitalised words right after a name (up to three) end in a place or institution
    word ("Grand Mosque", "Memorial Hospital")?"""
    lx = r.lx
    for x in range(e, min(e + 3, r.n)):
        w = r.word(x)
        if not (w[:1].isupper() and w[:1].isalpha()):
            return False
        if r.k(x) in lx.org_words or lx.place_words.match(r.p, x) is not None:
            return True
    return False


def _named_after(r: _Reader, t: _Title) -> bool:
    """Does a name (after a comma, or honorifics) follow the office?"""
    k = t.end
    if r.word(k) == ",":
        k += 1
        if r.k(k) == "the":
            k += 1
    k2 = r.honorifics(k)
    return r.name_token(k2, True)


def _det(keys: tuple[str, ...], i: int) -> str:
    """The determiner before word i ("the", "his", "a" …), else ""."""
    prev = keys[i - 1] if i else ""
    return prev if prev in _DETERMINERS or prev in ("a", "an") else ""


def _former(keys: tuple[str, ...], i: int, historical: frozenset[str]) -> bool:
    """'former X', 'the late X'."""
    prev = keys[i - 1] if i else ""
    return prev in historical or (i > 1 and keys[i - 2] in historical and prev == "the")


def _counterpart_country(r: _Reader, m: _Mention, i: int) -> None:
    """'his Ostrenian counterpart(,) [Title] Name': the demonym gives the name's country."""
    j = i - 1
    if r.word(j) == ",":
        j -= 1
    if r.k(j) not in ("counterpart", "counterparts"):
        return
    for back in (1, 2):
        got = r.country_at(j - back)
        if got is not None and j - back + got[0] == j:
            m.country = m.country or got[1]
            return


def _name_list(r: _Reader, k: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """'Ilse Varkon (Ostrenia) and Tomas Quell (Veluria)' after a plural title."""
    out = []
    while True:
        e, name = r.name(k)
        if not name:
            break
        out.append((k, e, name))
        j = e
        if r.word(j) == "(":
            while j < r.n and r.word(j) != ")":
                j += 1
            j += 1
        elif r.k(j) == "of":
            got = r.country_at(j + 1 + (r.k(j + 1) == "the"))
            if got is not None:
                j = j + 1 + (r.k(j + 1) == "the") + got[0]
        if r.word(j) == ",":
            j += 1
        if r.k(j) == "and":
            j += 1
        if j == e or not r.name_token(j, True):
            break
        k = r.honorifics(j)
    return out


def _appositive(r: _Reader, m: _Mention, e: int, lexicon: Lexicon, cues: dict) -> int:
    """', [the] [former] [Country's] ROLE [of ...],' after a name: the role and the country."""
    p = r.p
    j = e
    rounds = 0
    while r.word(j) == "," and rounds < 2:
        rounds += 1
        k = j + 1
        det = ""
        if r.k(k) in ("the", "a", "an"):
            det = r.k(k)
            k += 1
        former = False
        if r.k(k) in lexicon.historical:
            former = True
            k += 1
        country = None
        got = r.country_at(k)
        if got is not None:
            country = got[1]
            k += got[0]
        t, short = r.title_and_short(k)
        end = None
        role = None
        if t is not None and not r.p.upper:
            if short is not None and short.end != t.end and short.head_cap:
                k2 = r.honorifics(short.end)
                if k2 > short.end or len(r.name(k2)[1]) >= 2:
                    break           # "..., Minister of Agriculture Ana Ruiz, ...": the next person
        if t is not None:
            # "..., Vice President Arno Pell": a title with its own name is not an appositive
            if r.name_token(r.honorifics(t.end), True) and (t.head_cap or r.p.upper):
                break
            role = t.role
            country = country or t.country
            end = t.end
            if r.k(end) == "at" and r.word(end + 1 + (r.k(end + 1) == "the"))[:1].isupper():
                # "vice president at the Trade Institute": the office's institution
                end2, c2 = _noun_phrase_end(r, end - 1)
                if end2 > end + 1:
                    role = squash(f"{role} {p.text[p.starts[end]:p.end(end2 - 1)]}")
                    country = country or c2
                    end = end2
            if t.posted and not m.not_country:
                m.not_country = t.posted
        elif r.k(k) in _NOT_MODIFIER:
            break
        elif _noun_at(r, k, det, lexicon) is not None:
            s = k
            k2 = _noun_at(r, k, det, lexicon)
            end, got_country = _noun_phrase_end(r, k2)
            country = country or got_country
            member = det in ("a", "an") and r.k(k2) in ("member",)
            # "a member of the Standing Board and director of the Trade Office": both
            if r.k(end) == "and" and r.word(end + 1)[:1].islower():
                k3 = _noun_at(r, end + 1, "", lexicon)
                if k3 is not None:
                    end, got_country = _noun_phrase_end(r, k3)
                    country = country or got_country
                    member = False
            role = squash(p.text[p.starts[s]:p.end(end - 1)]) if end > s else None
            if member:
                role = None
        elif country is not None:
            # "Ostrenia's top legislator": a country for the person, with whatever follows
            end = k
            while end < r.n and r.word(end) not in (",", ".", ";", ")") and end - k < 6:
                end += 1
            if m.country is None:
                m.country = country
            j = end
            continue
        if role is None:
            break
        if former:
            m.historical = True
            role = "former " + role
        if m.role is None or (m.role_kind in ("", "counterpart") and role) or \
                (m.role_kind == "title" and role and len(m.role.split()) == 1 and
                 (key(m.role) in {key(w) for w in role.split()} or key(m.role) in _ADDRESS_TITLES)):
            # "Ambassador Ada Obi, Ostrenia's Ambassador to Veluria": the fuller office
            m.role = role
            m.role_kind = "appositive" if m.role_kind != "counterpart" else "appositive"
        if m.country is None and country:
            m.country = country
        j = end if end is not None else k
        if r.word(j) not in (",",):
            break
    return j


def _near(points: list[int], lo: int, hi: int) -> bool:
    """Is there a point in [lo, hi]? (points sorted)"""
    k = bisect.bisect_left(points, lo)
    return k < len(points) and points[k] <= hi


def _companions(p: Para, mentions: list[_Mention]) -> None:
    """'X was accompanied by A, B and C', 'a team including A and B': A, B and C belong to X's
    delegation; after 'accompanied by' with no X named in the sentence ("He was ..."), to the
    visiting one."""
    if _COMPANY_FIRST.isdisjoint(p.keyset):
        return
    text = p.text
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    for x in finditer_at(_COMPANY, text, word_offsets(p, _COMPANY_FIRST)):
        s, e = p.sentence_of(x.start())
        lo = bisect.bisect_left(starts, s)
        at = bisect.bisect_left(starts, x.end())
        hi = bisect.bisect_left(starts, e)
        if x.group("incl"):
            dm = _DELEGATION.search(text, max(s, x.start() - 60), x.start())
            if dm is None:
                continue
            if _OTHER_DELEGATION.search(text, max(s, dm.start() - 40), dm.start()):
                continue        # "met a Veluri delegation including ...": not the subject's own
        before = ordered[lo:bisect.bisect_left(starts, x.start())]
        subject = before[0] if before else None
        if subject is None and _PRONOUN.match(text, s) and s > 0:
            # "He was accompanied by ...": the one the sentence before is about, unless that one hosts
            ps, _ = p.sentence_of(s - 1)
            prev = ordered[bisect.bisect_left(starts, ps):lo]
            if prev and not prev[0].hosting and not prev[0].companion and \
                    not _AGENT.search(text, max(ps, prev[0].start - 12), prev[0].start):
                subject = prev[0]
        # the list ends at a clause that goes on after a comma (", was received by ...") or a ";"
        stop = _LIST_END.search(text, x.end(), e)
        if stop is not None:
            hi = bisect.bisect_left(starts, stop.start())
        for m in ordered[at:hi]:
            if m.companion:
                continue
            m.companion = True
            m.companion_of = subject
            # the one accompanied is the traveller, unless the sentence says that one hosts
            if x.group("acc") and (subject is None or not (subject.hosting or subject.name)):
                m.visitor = True


def _relations(p: Para, mentions: list[_Mention]) -> None:
    """Who travels and who hosts, from the words around each mention in its sentence."""
    if not mentions:
        return
    try:
        _relations_of(p, mentions)
    finally:
        _companions(p, mentions)


def _relations_of(p: Para, mentions: list[_Mention]) -> None:
    if _RELATION_WORDS.isdisjoint(p.keyset):
        for m in mentions:
            m.visitor = m.visitor or m.visiting
        return
    text = p.text
    found: dict[str, list[int]] = {"travel": [], "passive": [], "host": [], "by": [], "vby": []}
    for x in finditer_at(_RELATION, text, word_offsets(p, _RELATION_FIRST)):
        kind = x.lastgroup
        found[kind].append(x.end() if kind in ("by", "vby") else x.start())
    travel, passive, hosting, by, visit_by = (found["travel"], found["passive"], found["host"], found["by"],
                                              found["vby"])
    ordered = sorted(mentions, key=lambda m: m.start)
    leads: dict[int, re.Match[str] | None] = {}      # sentence start → "On his visit to ...," lead
    for n, m in enumerate(ordered):
        s, e = p.sentence_of(m.start)
        nxt = ordered[n + 1].start if n + 1 < len(ordered) and ordered[n + 1].start < e else e
        if _VISIT_POSS.match(text, m.end) or _near(visit_by, max(s, m.start - 60), m.start):
            m.visitor = True
        is_passive = _near(passive, m.end, min(m.end + 30, e))
        if is_passive:
            m.visitor = True
        elif _near(travel, m.end, min(m.end + 90, nxt - 1)):
            m.visitor = True
        if not is_passive and _near(hosting, m.end, min(m.end + 40, nxt - 1)):
            m.hosting = True
        if _near(by, s, m.start):
            m.hosting = True
        if text[s:s + 8].lstrip()[:2] in ("On", "Du", "In"):
            lead = leads.get(s, 0)
            if lead == 0:
                lead = leads[s] = _TRIP_LEAD.match(text, s, e)
            if lead and m.start >= lead.end() and m.start - lead.end() <= 40 and \
                    (n == 0 or ordered[n - 1].start < lead.end() or ordered[n - 1].start < s):
                m.visitor = True
        if m.visiting:
            m.visitor = True


class _RoleKeys(dict):
    """role text → its role key, computed once per role within one extraction."""

    def __missing__(self, role: str | None) -> frozenset[str]:
        got = self[role] = _role_key(role, None)
        return got


@dataclass
class _Roles:
    """What ``_compatible`` asks of a person's mentions, kept up to date as mentions join."""

    roles: set[frozenset[str]] = field(default_factory=set)     # role keys of titled, non-kin mentions
    every: set[frozenset[str]] = field(default_factory=set)     # role keys of all mentions
    kin: bool = False

    def add(self, m: _Mention, rks: _RoleKeys) -> None:
        rk = rks[m.role]
        self.every.add(rk)
        if m.role and m.role_kind != "kin":
            self.roles.add(rk)
        if m.role_kind == "kin":
            self.kin = True


_UNSET = object()


def _group(mentions: list[_Mention], lexicon: Lexicon, front: set[str], rks: _RoleKeys) -> list[_Person]:
    """Named mentions → people: full names first, then short forms that fit one of them."""
    def informative(m: _Mention) -> bool:
        return bool(m.role or m.quoted or m.role_kind or m.historical or m.honorific)

    named = [m for m in mentions if m.name]
    people: list[_Person] = []
    ptoks: list[tuple[str, ...]] = []          # each person's name keys
    roles: list[_Roles] = []
    at: dict[int, int] = {}                    # id(person) → its index
    by_tok: dict[str, list[int]] = {}          # name key → people with it, in order

    # body text before headlines (whose Title Case runs names on), informative mentions first
    ordered = sorted(named, key=lambda m: (m.pid in front, not informative(m), -len(m.name)))
    for m in ordered:
        toks = tuple(key(w).rstrip(".") for w in m.name)
        target = None
        compat: object = _UNSET           # what a short form refers to: the same for every person
        # only people who share a name word can match
        cands = by_tok.get(toks[0], ()) if len(set(toks)) == 1 else \
            sorted({j for t in set(toks) for j in by_tok.get(t, ())})
        for j in cands:
            person = people[j]
            pt = ptoks[j]
            if toks == pt:
                target = person
                break
            if len(toks) < len(pt) and toks[-1] == pt[-1] and set(toks) <= set(pt):
                if compat is _UNSET:
                    compat = _compatible(m, toks, people, ptoks, roles, by_tok, rks)
                target = compat or target
                if target is person:
                    break
            if len(toks) == 1 and toks[0] in pt:
                if compat is _UNSET:
                    compat = _compatible(m, toks, people, ptoks, roles, by_tok, rks)
                if compat is not None:
                    target = compat
                    break
        if target is None:
            if informative(m):
                j = len(people)
                person = _Person(name=m.name, mentions=[m], pids={m.pid})
                people.append(person)
                ptoks.append(toks)
                at[id(person)] = j
                r = _Roles()
                r.add(m, rks)
                roles.append(r)
                for t in dict.fromkeys(toks):
                    by_tok.setdefault(t, []).append(j)
        else:
            target.mentions.append(m)
            target.pids.add(m.pid)
            roles[at[id(target)]].add(m, rks)
    # a name that runs on into other capitalised words ("Ilse M. Varkon Opens Talks" in a
    # Title Case headline) is the shorter person's name
    by_name: dict[tuple[str, ...], int] = {}
    # a headline's name running on ("JANE OKORO VISITS ACCRA") cut to a name the body writes
    body_names: dict[tuple[str, ...], tuple[str, ...]] = {}
    for m in named:
        if m.pid not in front and len(m.name) >= 2:
            body_names.setdefault(tuple(key(w).rstrip(".") for w in m.name), m.name)
    for j, person in enumerate(people):
        if len(ptoks[j]) > 2 and person.pids <= front:
            for k in range(len(ptoks[j]) - 1, 1, -1):
                short = body_names.get(ptoks[j][:k])
                if short is not None:
                    person.name = short
                    ptoks[j] = ptoks[j][:k]
                    for m in person.mentions:
                        m.name = short
                    break
    by_last: dict[str, list[int]] = {}         # family name → people of the body with it
    for j, pt in enumerate(ptoks):
        by_name.setdefault(pt, j)
        if len(pt) >= 2 and not people[j].pids <= front:
            by_last.setdefault(pt[-1], []).append(j)
    merged: list[_Person] = []
    for j, person in enumerate(people):
        toks = ptoks[j]
        found = [by_name[toks[:k]] for k in range(1, len(toks)) if toks[:k] in by_name]
        if not found and by_name.get(toks, j) != j:
            found = [by_name[toks]]         # cut to the same name as a person before it
        if not found and len(toks) >= 2 and person.pids <= front and toks[0] in by_last:
            # "PRESIDENT MAHAMA MEETS ...": a headline's family name running on; the body's person
            # (with the same office when several share the name)
            cands = by_last[toks[0]]
            if len(cands) > 1:
                mine = roles[j].roles
                cands = [x for x in cands if mine & roles[x].roles]
            if len(cands) == 1:
                found = cands
        if not found:
            merged.append(person)
        else:
            into = people[min(found)]
            if into.pids <= front and not person.pids <= front:
                # the shorter name only in a headline ("PM Ada Vorn Wraps Up ..." with the name
                # cut short), the longer in the body: the body's full name wins
                merged.append(person)
                for m in into.mentions:
                    m.name = person.name
                person.mentions.extend(into.mentions)
                person.pids |= into.pids
                into.mentions = []
                continue
            for m in person.mentions:
                m.name = into.name
            into.mentions.extend(person.mentions)
            into.pids |= person.pids
    return [x for x in merged if x.mentions]


def _compatible(m: _Mention, toks: tuple[str, ...], people: list[_Person], ptoks: list[tuple[str, ...]],
                roles: list[_Roles], by_tok: dict[str, list[int]], rks: _RoleKeys) -> _Person | None:
    """The person a short name refers to: the only one with that word and a fitting role."""
    rk = rks[m.role]
    if rk and rk <= _ADDRESS_TITLES:
        rk = frozenset()        # "Senator Farrell" may be "Trade Minister Don Farrell"
    cands = []
    for j in by_tok.get(toks[-1], ()):
        otoks = ptoks[j]
        if len(toks) > 1 and not (toks[-1] == otoks[-1] and set(toks) <= set(otoks)):
            continue
        r = roles[j]
        if rk and r.roles and rk not in r.roles and not any(rk <= x or x <= rk for x in r.roles):
            continue
        if rk and r.kin and not r.roles:
            continue
        cands.append(j)
    if len(cands) == 1:
        return people[cands[0]]
    if len(cands) > 1 and rk:
        exact = [j for j in cands if rk in roles[j].every]
        if len(exact) == 1:
            return people[exact[0]]
    if len(cands) > 1:
        # prefer the person whose last name is that word (a surname alone)
        last = [j for j in cands if key(people[j].name[-1]).rstrip(".") == toks[-1] and not roles[j].kin]
        if len(last) == 1:
            return people[last[0]]
    return None


def _best_role(person: _Person, lexicon: Lexicon) -> tuple[str | None, str]:
    order = {"title": 0, "appositive": 1, "counterpart": 2, "noun": 3, "kin": 4, "": 5}
    roles = [(order.get(m.role_kind, 5), m) for m in person.mentions if m.role]
    if not roles:
        rank = next((m.rank for m in person.mentions if m.rank), None)
        return (rank, "rank") if rank else (None, "")
    best_kind = min(r for r, _ in roles)
    cands = [m for r, m in roles if r == best_kind]
    cands.sort(key=lambda m: (-len(m.role.split()), m.pid))
    # a longer title that contains a shorter one wins ("Deputy Prime Minister and Foreign Minister")
    return cands[0].role, cands[0].role_kind


def extract(doc: Doc, structure: Structure, facts: CountryFacts, lexicon: Lexicon) -> PeopleFacts:
    """Find the people, resolve repeated mentions, and give each a role, country and side."""
    cues = lexicon.cues
    rks = _RoleKeys()
    mentions: list[_Mention] = []
    for p in doc.paras:
        found = _scan(p, lexicon, cues)
        _relations(p, found)
        _counterparts(p, found)
        mentions.extend(found)

    people = _group(mentions, lexicon, set(structure.front), rks)
    # a person known only from "Mr X" needs two name words; titles say more
    people = [x for x in people if len(x.name) >= 2 or
              any(m.role or m.quoted or m.role_kind or m.historical for m in x.mentions)]
    owner: dict[int, _Person] = {}          # id(mention) → the person it names
    for person in people:
        for m in person.mentions:
            owner.setdefault(id(m), person)
    by_pid: dict[str, list[_Mention]] = {}
    for m in mentions:
        by_pid.setdefault(m.pid, []).append(m)

    _spouses(people, by_pid, owner, rks, doc.order)

    # surname-only and first-name-only mentions anywhere (evidence)
    keys = _keys(people)
    wanted = set(keys)
    covered = set()
    for person in people:
        for m in person.mentions:
            p = doc.para(m.pid)
            if p is None or not m.name:
                continue
            for t in range(p.token_at(m.start), len(p.starts)):
                if p.starts[t] >= m.end:
                    break
                covered.add((m.pid, p.starts[t]))
    for p in doc.paras:
        for i in p.where(wanted):
            w = p.words[i]
            if not w[:1].isupper():
                continue
            person = keys.get(p.keys[i])
            if person is None:
                continue
            if (p.id, p.starts[i]) in covered:
                continue
            # a capitalised word before that is not part of the name (a company "Acme Smith")
            prev = p.words[i - 1] if i else ""
            nxt = p.words[i + 1] if i + 1 < len(p.words) else ""
            names = {key(x) for x in person.name}
            if prev[:1].isupper() and key(prev) not in names and key(prev) not in lexicon.title_words \
                    and key(prev) not in lexicon.honorifics and key(prev) not in lexicon.stop_caps:
                continue
            if nxt[:1].isupper() and key(nxt) not in names and nxt not in _POSS \
                    and key(nxt) not in lexicon.stop_caps:
                continue
            person.pids.add(p.id)
            person.mentions.append(_Mention(pid=p.id, start=p.starts[i], end=p.end(i), name=person.name,
                                            role_kind="ref"))

    # title-only mentions: "the Ostrenian president", "the Prime Minister"
    titled = [m for m in mentions if not (m.name or m.plural or m.determiner in ("a", "an")) and rks[m.role]]
    if titled:
        with_role: dict[frozenset[str], list[_Person]] = {}     # role key → people with it, in order
        for x in people:
            for rk in dict.fromkeys(rks[y.role] for y in x.mentions):
                with_role.setdefault(rk, []).append(x)
        votes = {id(x): _votes(x) for x in people}
        visiting = {id(x) for x in people if any(y.visitor for y in x.mentions)}
        for m in titled:
            rk = rks[m.role]
            cands = with_role.get(rk, [])
            if m.country:
                cands = [x for x in cands if _top(votes[id(x)], x) in (None, m.country)]
            if m.visiting:
                cands = [x for x in cands if id(x) in visiting] or cands
            if len(cands) == 1:
                x = cands[0]
                x.pids.add(m.pid)
                x.mentions.append(replace(m, name=()))
                if m.country:
                    votes[id(x)][m.country] = votes[id(x)].get(m.country, 0) + 1
                if m.visitor:
                    visiting.add(id(x))

    host = facts.host
    participants = _participants(facts)
    countries = {id(x): _explicit_country(x) for x in people}
    for person in people:
        c = countries[id(person)]
        if c and c not in participants:
            participants.append(c)
    out: list[PersonFact] = []
    geo_by_pid: dict[str, list] = {}
    for g in facts.mentions:
        geo_by_pid.setdefault(g.pid, []).append(g)
    ctx = _Context(people, by_pid, geo_by_pid, owner, countries, facts, host, participants, doc)
    # countries: first of everyone not named in someone's delegation, then of the delegations, who
    # take their head's (however the head's was found)
    final: dict[int, str | None] = {}
    later: list[tuple[_Person, _Person]] = []
    for person in people:
        country = countries[id(person)]
        if country is None:
            head = _delegation_head(person, owner)
            if head is not None:
                later.append((person, head))
                continue
            visitor = any(m.visitor for m in person.mentions)
            hosting = any(m.hosting for m in person.mentions) and not visitor
            country = _inferred_country(person, ctx, visitor, hosting)
        final[id(person)] = country
    for person, head in later:
        country = final.get(id(head))
        if country is None:
            visitor = any(m.visitor for m in person.mentions)
            hosting = any(m.hosting for m in person.mentions) and not visitor
            country = _inferred_country(person, ctx, visitor, hosting)
        final[id(person)] = country
    for person in people:
        role, role_kind = _best_role(person, lexicon)
        country = final[id(person)]
        visitor = any(m.visitor for m in person.mentions)
        hosting = any(m.hosting for m in person.mentions) and not visitor
        historical = all(m.historical for m in person.mentions if m.name and m.role_kind != "ref") or \
            any(m.historical and m.role_kind in ("noun", "appositive") for m in person.mentions)
        delegate = bool(role) and (role_kind in ("title", "appositive", "counterpart", "kin") or
                                   (role_kind == "rank" and role != "Professor")) and not historical
        if role_kind == "appositive" and role and not _is_office(role, lexicon):
            delegate = False
        name = " ".join(person.name)
        out.append(PersonFact(id=slug(name), name=name, role=role, country=country, side=None,
                              delegate=delegate,
                              evidence=tuple(sorted(person.pids, key=doc.order)),
                              role_key=rks[role], visitor=visitor, hosting=hosting))
    ids = unique_ids(p.id for p in out)
    out = [p if p.id == i else replace(p, id=i) for p, i in zip(out, ids)]     # (most ids are unique)
    first = {}
    for person, fact in zip(people, out):
        ms = [m for m in person.mentions if m.name] or person.mentions
        first[fact.id] = min((doc.order(m.pid), m.start) for m in ms) if ms else (0, 0)
    out.sort(key=lambda x: first.get(x.id, (0, 0)))
    return PeopleFacts(people=tuple(out))


def _delegation_head(person: _Person, owner: dict[int, _Person]) -> _Person | None:
    """The named person whose delegation this one is named in ("X was accompanied by <person>"),
    when the side says nothing itself."""
    for m in person.mentions:
        sub = m.companion_of
        if sub is not None and sub.name:
            head = owner.get(id(sub))
            if head is not None and head is not person:
                return head
    return None


def _spouses(people: list[_Person], by_pid: dict[str, list[_Mention]], owner: dict[int, _Person],
             rks: _RoleKeys, order=None) -> None:
    """Spouses: role "wife of the <title>", the partner's country, and a visitor with a visitor."""
    _family(people, rks)
    if not any(m.role_kind == "kin" for person in people for m in person.mentions):
        return
    at = {id(x): j for j, x in enumerate(people)}
    with_role: dict[frozenset[str], dict[int, int]] = {}     # role key → {person index: mentions}
    for j, x in enumerate(people):
        for y in x.mentions:
            counts = with_role.setdefault(rks[y.role], {})
            counts[j] = counts.get(j, 0) + 1
    visiting = [any(y.visitor for y in x.mentions) for x in people]
    by_last: dict[str, list[int]] = {}
    for j, x in enumerate(people):
        if x.name:
            by_last.setdefault(key(x.name[-1]), []).append(j)
    known: dict[int, tuple[str | None, str | None]] = {}     # person index → (best role, country)
    # the first-named visitor with an office: whose spouse "he was accompanied by his wife" names
    lead = None
    best = None
    for j, x in enumerate(people):
        for y in x.mentions:
            if y.role and y.role_kind == "title" and y.name:
                leader = not _LEADER.isdisjoint(rks[y.role])
                here = (not visiting[j], not leader, (order(y.pid) if order else 0), y.start)
                if best is None or here < best:
                    best, lead = here, j
    for j, person in enumerate(people):
        for m in person.mentions:
            if m.role_kind != "kin":
                continue
            pj = _partner(m, j, by_pid, owner, at, with_role, visiting, by_last, rks)
            if pj is None and m.visitor and lead is not None and lead != j:
                pj = lead
            if pj is None:
                continue
            if pj not in known:
                known[pj] = (_best_role(people[pj], None)[0], _explicit_country(people[pj]))
            prole, pcountry = known[pj]
            old = rks[m.role]
            m.role = f"{m.role} of the {prole}" if prole else m.role
            m.country = m.country or pcountry
            if visiting[pj]:
                m.visitor = True
            new = rks[m.role]
            if new != old:
                with_role[old][j] -= 1
                counts = with_role.setdefault(new, {})
                counts[j] = counts.get(j, 0) + 1
            visiting[j] = visiting[j] or m.visitor
            known.pop(j, None)


def _partner(m: _Mention, me: int, by_pid: dict[str, list[_Mention]], owner: dict[int, _Person],
             at: dict[int, int], with_role: dict[frozenset[str], dict[int, int]], visiting: list[bool],
             by_last: dict[str, list[int]], rks: _RoleKeys) -> int | None:
    """The person 'his wife' belongs to: the one who shares her family name, the head of the
    delegation she is named in, else the nearest titled mention before her in the paragraph."""
    if m.name and len(m.name) >= 2:
        same = [j for j in by_last.get(key(m.name[-1]), ()) if j != me and with_role_of(j, with_role)]
        if len(same) == 1:
            return same[0]
    if m.companion_of is not None:
        got = owner.get(id(m.companion_of))
        if got is not None and at[id(got)] != me:
            return at[id(got)]
    for x in reversed(by_pid.get(m.pid, ())):
        if not (x.end <= m.start and x.role and x.role_kind != "kin"):
            continue
        got = owner.get(id(x))
        if got is not None:
            return at[id(got)]
        counts = with_role.get(rks[x.role], {})
        cands = [j for j in sorted(counts) if counts[j] > 0 and j != me]
        if x.visiting:
            cands = [j for j in cands if visiting[j]] or cands
        if len(cands) == 1:
            return cands[0]
    # same family name
    if m.name:
        for j in by_last.get(key(m.name[-1]), ()):
            if j != me:
                return j
    return None


def _family(people: list[_Person], rks: _RoleKeys) -> None:
    """A leader's family name shared by "Mrs/Madam <name>" (no role of her own): his wife; by a
    First Lady with no country: her country."""
    titled: dict[str, list[_Person]] = {}          # family name → people with an office
    for x in people:
        if x.name and any(m.role and m.role_kind == "title" for m in x.mentions):
            titled.setdefault(key(x.name[-1]), []).append(x)
    if not titled:
        return
    for x in people:
        if len(x.name) < 2:
            continue
        others = [y for y in titled.get(key(x.name[-1]), ()) if y is not x]
        if len(others) != 1:
            continue
        partner = others[0]
        if not any(m.role for m in x.mentions) and any(m.wife for m in x.mentions):
            first = next(m for m in x.mentions if m.wife)
            if any(not _LEADER.isdisjoint(rks[m.role]) for m in partner.mentions if m.role):
                first.role, first.role_kind = "wife", "kin"
            continue
        if _explicit_country(x) is None and any(rks[m.role] in _SPOUSE_ROLES for m in x.mentions if m.role):
            c = _explicit_country(partner)
            if c:
                for m in x.mentions:
                    if m.role and rks[m.role] in _SPOUSE_ROLES:
                        m.country = c


def with_role_of(j: int, with_role: dict[frozenset[str], dict[int, int]]) -> bool:
    """Has person j a mention with a role (not only kin)?"""
    return any(rk and counts.get(j, 0) > 0 for rk, counts in with_role.items())


def _votes(person: _Person) -> dict[str, int]:
    votes: dict[str, int] = {}
    for m in person.mentions:
        if m.country:
            votes[m.country] = votes.get(m.country, 0) + 1
    return votes


def _top(votes: dict[str, int], person: _Person) -> str | None:
    """The country most mentions give (the first named on a tie)."""
    if not votes:
        return person.country
    best = None
    for c, n in votes.items():
        if best is None or n > votes[best]:
            best = c
    return best


def _explicit_country(person: _Person) -> str | None:
    return _top(_votes(person), person)


def _is_office(role: str, lexicon: Lexicon) -> bool:
    words = []
    for w in role.split():
        k = key(w)
        if k in ("at", "in", "with", "of", "for"):
            break       # "fellow at the Institute of Trade": the office is the noun before
        if k not in lexicon.title_modifiers:
            words.append(k)
    return any(w in lexicon.title_last for w in words
               if w not in ("head", "chief", "leader", "member", "general", "first", "director", "representative"))


def _participants(facts: CountryFacts) -> list[str]:
    ranked = sorted(facts.counts.items(), key=lambda kv: (-kv[1], facts.order.index(kv[0])))
    total = sum(facts.counts.values()) or 1
    out = [c for c, n in ranked if n >= 2 and n / total >= 0.12]
    if facts.host and facts.host not in out:
        out.insert(0, facts.host)
    for c, v in facts.guest_score.items():
        if v >= 1 and c not in out:
            out.append(c)
    return out


class _Context:
    """What ``_inferred_country`` reads, indexed once per extraction."""

    def __init__(self, people: list[_Person], by_pid: dict[str, list[_Mention]], geo_by_pid: dict[str, list],
                 owner: dict[int, _Person], countries: dict[int, str | None], facts: CountryFacts,
                 host: str | None, participants: list[str], doc: Doc) -> None:
        self.people = people
        self.by_pid = by_pid
        self.geo_by_pid = geo_by_pid
        self.owner = owner
        self.countries = countries
        self.facts = facts
        self.host = host
        self.participants = participants
        self.doc = doc
        self._starts: dict[str, list[int] | None] = {}
        self._geo_starts: dict[str, list[int] | None] = {}
        self._known: set[str] | None = None

    def mentions_in(self, pid: str, lo: int, hi: int) -> list[_Mention]:
        """The paragraph's mentions starting in [lo, hi), in their order."""
        ms = self.by_pid.get(pid, ())
        return _in_range(ms, self._starts, pid, lo, hi)

    def geo_in(self, pid: str, lo: int, hi: int) -> list:
        ms = self.geo_by_pid.get(pid, ())
        return _in_range(ms, self._geo_starts, pid, lo, hi)

    def known(self) -> set[str]:
        if self._known is None:
            self._known = {c for c in self.countries.values() if c}
        return self._known


def _in_range(items, starts_of: dict, pid: str, lo: int, hi: int) -> list:
    if pid not in starts_of:
        starts = [x.start for x in items]
        starts_of[pid] = starts if all(a <= b for a, b in zip(starts, starts[1:])) else None
    starts = starts_of[pid]
    if starts is None:
        return [x for x in items if lo <= x.start < hi]
    return list(items[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)])


def _inferred_country(person: _Person, ctx: _Context, visitor: bool, hosting: bool) -> str | None:
    participants, host, facts, doc = ctx.participants, ctx.host, ctx.facts, ctx.doc
    others = [c for c in participants if c != host]
    side = _side_country(person, ctx)
    if side:
        return side
    # one of a delegation: the country of whoever heads it
    for m in person.mentions:
        sub = m.companion_of
        if sub is None:
            continue
        head = ctx.owner.get(id(sub))
        c = (ctx.countries.get(id(head)) if head is not None and head is not person else None) or sub.country
        if c:
            return c
    not_country = {m.not_country for m in person.mentions if m.not_country}
    if not_country:
        rest = [c for c in participants if c not in not_country]
        if len(rest) == 1:
            return rest[0]
    if visitor and host:
        guests = [c for c in others]
        strong = [c for c in guests if facts.guest_score.get(c, 0) > 0]
        if len(strong) == 1:
            return strong[0]
        if len(guests) == 1:
            return guests[0]
    if hosting and host:
        return host
    # met by / with someone from the other side
    for m in person.mentions[:_MAX_LOOK]:
        p = doc.para(m.pid)
        if p is None:
            continue
        s, _ = p.sentence_of(m.start)
        s = max(s, m.start - 300)
        before = p.text[s:m.start]
        mm = _MET.search(before)
        if mm:
            subject = [x for x in ctx.mentions_in(m.pid, s, s + mm.start()) if x is not m]
            for x in subject:
                owner = ctx.owner.get(id(x))
                c = ctx.countries[id(owner)] if owner else x.country
                if c:
                    rest = [y for y in participants if y != c]
                    if len(rest) == 1:
                        return rest[0]
                    if host and c != host:
                        return host
    # a clause naming exactly one country with the person ("when X assumes the Ruritanian presidency")
    for m in person.mentions[:_MAX_LOOK]:
        p = doc.para(m.pid)
        if p is None:
            continue
        s, e = p.sentence_of(m.start)
        lo, hi = _clause(p.text, m.start, m.end, max(s, m.start - 300), min(e, m.end + 300))
        found = {g.name for g in ctx.geo_in(m.pid, lo, hi)
                 if (g.government or (g.kind in ("country", "demonym") and
                                      _GOVERNMENT_NOUN.match(p.text, g.end))) and not g.compound
                 and not re.search(r"\b(?:to|for|in|with|from|at|toward|towards|against|on|into|"
                                   r"between|and)\s+(?:the\s+)?$", p.text[max(lo, g.start - 12):g.start])}
        if len(found) == 1:
            return found.pop()
    if host and not visitor:
        return host
    known = ctx.known()
    rest = [c for c in participants[:2] if c not in known]
    if len(participants) >= 2 and len(rest) == 1:
        return rest[0]
    return None


def _side_country(person: _Person, ctx: _Context) -> str | None:
    """"signed on the Ostrenian side by X": the nearest side named before the person in the sentence."""
    doc = ctx.doc
    for m in person.mentions[:_MAX_LOOK]:
        p = doc.para(m.pid)
        if p is None or "side" not in p.text:
            continue
        s, _ = p.sentence_of(m.start)
        last = None
        for x in _SIDE.finditer(p.text, s, m.title_start if m.title_start is not None else m.start):
            last = x
        if last is not None:
            found = {g.name for g in ctx.geo_in(m.pid, last.start(), last.end())
                     if g.kind in ("country", "demonym")}
            if len(found) == 1:
                return found.pop()
    return None


_CLAUSE_CUT = re.compile(r"[,;:()—–]|\bwhile\b|\bwhich\b|\bbut\b")


def _clause(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    left = lo
    for mm in _CLAUSE_CUT.finditer(text[lo:start]):
        left = lo + mm.end()
    mm = _CLAUSE_CUT.search(text[end:hi])
    right = end + mm.start() if mm else hi
    return left, right


def _counterparts(p: Para, mentions: list[_Mention]) -> None:
    """'X ... with his counterpart, the minister of Ostrenia': X is not from Ostrenia (and the other way)."""
    text = p.text
    if "counterpart" not in text and "Counterpart" not in text:
        return
    starts: list[int] | None = [m.start for m in mentions]
    if any(a > b for a, b in zip(starts, starts[1:])):
        starts = None
    for m in mentions:
        before = text[max(0, m.start - 40):m.start]
        if not _COUNTERPART.search(before):
            continue
        s, _ = p.sentence_of(m.start)
        if starts is not None:
            k = bisect.bisect_left(starts, s)
            if k >= len(starts) or starts[k] >= m.start:
                continue
            subj = mentions[k]
        else:
            subject = [x for x in mentions if s <= x.start < m.start and x is not m]
            if not subject:
                continue
            subj = subject[0]
        if m.country and not subj.country:
            subj.not_country = m.country
        if subj.country and not m.country:
            m.not_country = subj.country
        if not m.role and subj.role and m.name:
            m.role = subj.role
            m.role_kind = "counterpart"


def _keys(people: list[_Person]) -> dict[str, _Person]:
    """Name words that point to one person only: last names, and first names that are unique."""
    count: dict[str, int] = {}
    for person in people:
        for w in {key(x) for x in person.name}:
            count[w] = count.get(w, 0) + 1
    out: dict[str, _Person] = {}
    for person in people:
        if not person.name:
            continue
        cands = [person.name[-1]]
        if len(person.name) >= 2:
            cands.append(person.name[0])
        for w in cands:
            k = key(w)
            if len(k) < 2 or w.endswith(".") or count.get(k, 0) != 1:
                continue
            out[k] = person
    return out


def to_model(facts: PeopleFacts, countries: list[Country]) -> tuple[list[Person], list[Person]]:
    """Delegates (taking part) and other people, with sides from the countries' sides."""
    sides = {c.name: c.side for c in countries}
    delegates: list[Person] = []
    others: list[Person] = []
    for f in facts.people:
        side = sides.get(f.country) if f.country else None
        person = Person(id=f.id, name=f.name, role=f.role, country=f.country, side=side,
                        evidence=list(f.evidence))
        (delegates if f.delegate else others).append(person)
    return delegates, others
