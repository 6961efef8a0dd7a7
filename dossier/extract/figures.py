"""Figures: money in its common forms ($600-billion, US $ 10 billion, Rs 5 crore, €2.3 million,
$A7.2 billion, 10 billion dollars), counts ("42-member", "five MOUs", "more than 200
suppliers", "over a dozen"), quantities ("320,000 tons"), percentages ("15 per cent", "30 to 40
percent"), visit lengths ("four-day visit"), hyphenated measures ("90-metre") and numbers that
stand alone with a scale word, thousands separators or a strong qualifier; never dates, years,
ordinals or other spans of time. Each gets a normalised amount and unit and a short phrase saying what it counts."""
from __future__ import annotations

import re

from ..model import Figure
from ._text import Doc, Para, squash
from ._types import FigureFact
from .lexicon import Lexicon

_QUAL = (r"(?:(?:more\s+than|over|up\s+to|almost|nearly|about|approximately|around|roughly|some|at\s+least|"
         r"less\s+than|fewer\s+than|under|another|an\s+additional|additional|an\s+estimated|estimated|"
         r"close\s+to|in\s+excess\s+of|upwards\s+of|as\s+many\s+as|as\s+much\s+as|a\s+further|just\s+over|"
         r"just\s+under|well\s+over|a\s+total\s+of|nearly\s+a|over\s+a|more\s+than\s+a|about\s+a)\s+)?")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
_DATE_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}", re.I)
_DATE_BEFORE = re.compile(rf"{_MONTH}\.?\s*(?:\d{{1,2}}\s*(?:-|–|to|and)\s*)?$", re.I)
_RANGE_DATE = re.compile(rf"^\s*(?:-|–|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}", re.I)
# lowercase text holding a month's first letters (the dotless "ſ" may stand for an "s" in a pattern
# that ignores case)
_MONTH_HINT = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ſ")
_CLOCK_AFTER = re.compile(r"^\s*(?:a\.m|p\.m|am\b|pm\b|:\d)")
_PLURAL_AFTER = re.compile(r"^(?:s|’s|'s)\b")
_NAME_BEFORE = re.compile(r"([A-Z][\w-]*)\s+$")
_YEAR = re.compile(r"^(?:1[89]|20|21)\d\d$")
_PLURAL_STOP = frozenset("years months weeks days hours minutes seconds decades centuries times rounds terms "
                         "sessions editions quarters others ones its has was is this thus plus us bus "
                         "status process less unless across always perhaps yes news series".split())
_SMALL_GENERIC = frozenset("countries nations sides leaders governments parties heads presidents states "
                           "ministers delegations teams partners neighbours neighbors members economies "
                           "allies".split())
_MODIFIER_STOP = frozenset("of the and or to in on at for by with from as a an that which who than is are was "
                           "were be been will would have has had per".split())
_NUMWORDS = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                      "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
                      "ninety hundred dozen a".split())
_STOP_FOLLOW = frozenset("landed arrived was were is are will would has have had to in at on for from with that "
                         "which who by as and or but expected".split())
_WORD = re.compile(r"[\w’'.-]+|[^\w\s]")


def _amount(num: str, scale: str | None, words: dict[str, float], scales: dict[str, float]) -> float | None:
    n = num.strip().lower()
    value: float | None
    if n[:1].isdigit():
        try:
            value = float(n.replace(",", ""))
        except ValueError:
            return None
    else:
        n = re.sub(r"\s+", " ", n)
        value = words.get(n)
        if value is None and ("-" in n or " " in n):
            parts = re.split(r"[-\s]", n)
            if all(p in words for p in parts):
                value = sum(words[p] for p in parts)
        if value is None:
            return None
    if scale:
        s = scale.strip(" -").lower()
        value *= scales.get(s, 1.0)
    return value


_NUMBER = re.compile(r"(?:(?<![\w.,/-])|(?<=\$[A-Z])|(?<=\b[RN]))(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]*\d)|\d+(?:\.\d+)?(?![\d,]\d))")
_SCALE_AFTER = re.compile(r"\s?-?\s?(?P<s>thousand|million|billion|trillion|crores?|lakhs?|lac|mln|bln|trn)\b|"
                          r"(?P<s2>mn|bn|m|b|tn|k|cr)\b", re.I)
_QUAL_BEFORE = re.compile(_QUAL.replace("(?:(?:", "(?:(?<![\\w])(?:", 1)[:-1] + r"$", re.I)
_PERCENT_AFTER = re.compile(r"(?:\s*(?:to|-|–|and)\s*(?P<n2>\d+(?:\.\d+)?))?\s*(?:%|per\s?cent\b|percent\b|"
                            r"percentage\s+points?\b)", re.I)
_DAYS_AFTER = re.compile(r"-(?P<u>day|week|month|hour|night)\b(?P<rest>(?:\s+[\w-]+){0,3}?\s+(?:visit|trip|tour|"
                         r"stay|summit|meeting|conference|talks|forum|event|programme|program|mission|journey|"
                         r"session|sojourn)s?\b)", re.I)
_MEMBER_AFTER = re.compile(r"[-\s](?P<u>member|strong|person|man|woman|nation|country|party|seat)\b", re.I)
_TAIL = re.compile(r"\s+(?P<tail>(?:[\w’'.-]+\s+){0,3}[\w’'.-]+)")
_WORDNUMS = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                      "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
                      "hundred dozen".split())
_VAGUE_WORDS = frozenset("tens hundreds thousands dozens scores".split())
_WORD_CANDS = _WORDNUMS | _VAGUE_WORDS
_HYPHEN_NUM = re.compile(r"(?<![\w-])(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                         r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
                         r"seventy|eighty|ninety|hundred)-(?=[a-z])", re.I)
_DIGITS = re.compile(r"\d+")
# qualifiers that make a lone number a count ("fewer than 40"); "under 5" or "another 3" alone do not
_STRONG_QUAL = re.compile(r"(?:more|fewer|less)\s+than\s|over\s|up\s+to\s|at\s+least\s|nearly\s|almost\s|about\s|"
                          r"around\s|approximately\s|roughly\s|some\s|as\s+many\s+as\s|close\s+to\s|"
                          r"in\s+excess\s+of\s|upwards\s+of\s|a\s+total\s+of\s", re.I)
_RIGHT_CUT = re.compile(r"[,;:()]|\s—|\s–")


def find(doc: Doc, lexicon: Lexicon) -> list[FigureFact]:
    """Every figure in the text, in order."""
    nt = lexicon.numbers
    words, scales, vague, codes, units, irregular = (nt.words, nt.scales, nt.vague, nt.codes, nt.units,
                                                     nt.irregular)
    cur_before, cur_after, unit_after = nt.currency_before, nt.currency_after, nt.unit_after
    out: list[FigureFact] = []
    for p in doc.paras:
        text = p.text
        lo = p.body
        cands: list[tuple[int, int, bool]] = []
        # numbers in digits: a match of _NUMBER starts where a run of digits does
        taken_end = -1
        for r in _DIGITS.finditer(text, lo):
            if r.start() < taken_end:
                continue
            m = _NUMBER.match(text, r.start())
            if m is not None:
                cands.append((m.start(), m.end(), True))
                taken_end = m.end()
        for i in p.where(_WORD_CANDS):
            if p.starts[i] >= lo:
                s = p.starts[i]
                if p.keys[i] == "dozen" and text[max(0, s - 2):s].lower() == "a ":
                    s -= 2
                cands.append((s, p.starts[i] + len(p.words[i]), False))
        # "four-day": a number word ends at each hyphen
        h = text.find("-", lo)
        while h >= 0:
            for m in _HYPHEN_NUM.finditer(text, max(lo, h - 10), h + 2):
                if m.end() == h + 1:
                    cands.append((m.start(), m.end(1), False))
            h = text.find("-", h + 1)
        if not cands:
            continue
        cands.sort()
        taken_end = -1
        for s, e, digits in cands:
            if s < taken_end:
                continue
            got = _read(p, s, e, digits, lexicon, words, scales, vague, codes, units, irregular,
                        cur_before, cur_after, unit_after)
            if got is None:
                continue
            fs, fe, amount, unit, kind, about = got
            taken_end = fe
            out.append(FigureFact(pid=p.id, start=fs, end=fe, text=text[fs:fe].strip(), amount=amount, unit=unit,
                                  kind=kind, about=about or _about(p, fs, fe, kind)))
    return out


def _read(p: Para, s: int, e: int, digits: bool, lexicon: Lexicon, words: dict, scales: dict, vague: dict,
          codes: dict, units: dict, irregular: set, cur_before: re.Pattern[str], cur_after: re.Pattern[str],
          unit_after: re.Pattern[str]):
    """The figure around the number at [s, e): (start, end, amount, unit, kind, about) or None."""
    text = p.text
    num = text[s:e]
    nt_last = lexicon.numbers.currency_last
    q = _QUAL_BEFORE.search(text, max(0, s - 30), s)
    start = q.start() if q and q.group() else s
    if digits:
        cm = cur_before.search(text, max(0, s - 8), s) \
            if not nt_last.isdisjoint(text[max(0, s - 3):s]) else None
        scale = _SCALE_AFTER.match(text, e)
        end = scale.end() if scale else e
        sc = (scale.group("s") or scale.group("s2")) if scale else None
        if cm and len(cm.group().strip()) == 1 and cm.group().isalpha() and not (sc or "," in num or "." in num):
            return None                  # "N95 masks", "R2 road": a one-letter currency needs an amount's shape
        if cm:
            cur = re.sub(r"\s+", "", cm.group().lower())
            code = codes.get(cur) or ("USD" if "$" in cur else None)
            ca = cur_after.match(text, end)
            if ca:
                code = codes.get(re.sub(r"\s+", "", ca.group("suf").lower()), code)
                end = ca.end()
            q = _QUAL_BEFORE.search(text, max(0, cm.start() - 30), cm.start())
            start = q.start() if q and q.group() else cm.start()
            return start, end, _amount(num, sc, words, scales), code, "money", ""
        ca = cur_after.match(text, end)
        if ca and not _is_date(text, s, e):
            code = codes.get(re.sub(r"\s+", "", ca.group("suf").lower()))
            return start, ca.end(), _amount(num, sc, words, scales), code, "money", ""
        pm = _PERCENT_AFTER.match(text, e)
        if pm:
            return start, pm.end(), _amount(num, None, words, scales), "percent", "percent", ""
    dm = _DAYS_AFTER.match(text, e) if text[e:e + 1] == "-" else None
    if dm and (not digits or num.isdigit()):
        amount = _amount(num, None, words, scales)
        return s, dm.end("u"), amount, dm.group("u").lower() + "s", "duration", \
            "length of the " + squash(dm.group("rest")).lower()
    if _is_date(text, s, e) or _name_number(p, s, lexicon):
        return None
    mm = _MEMBER_AFTER.match(text, e)
    if mm:
        u = mm.group("u").lower()
        unit = "people" if u in ("member", "strong", "person", "man", "woman") else u + "s"
        return s, mm.end(), _amount(num, None, words, scales), unit, "count", ""
    if digits:
        scale = _SCALE_AFTER.match(text, e)
        end = scale.end() if scale else e
        sc = (scale.group("s") or scale.group("s2")) if scale else None
        um = unit_after.match(text, end)
        if um is None and text[end:end + 1] == "-" and not sc:
            um = unit_after.match(text, end + 1)            # "300-megawatt", "2,400-kilometre"
        if um:
            unit = units.get(re.sub(r"\s+", " ", um.group("u").lower()), um.group("u"))
            return start, um.end(), _amount(num, sc, words, scales), unit, "quantity", ""
        if _YEAR.match(num) and not sc:
            return None
    else:
        low = num.lower()
        if low in _VAGUE_WORDS or text[s:s + 2].lower() == "a ":
            vm = re.match(r"(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|thousands|hundreds|dozens|"
                          r"scores|a\s+dozen|dozen", text[s:s + 40], re.I)
            if vm and (re.match(r"\s+(?:of\b|more\b|new\b|other\b)", text[s + vm.end():s + vm.end() + 8])
                       or "dozen" in vm.group().lower()):
                v = re.sub(r"\s+", " ", vm.group().lower())
                fe = s + vm.end()
                if "dozen" in v:
                    amount = 12.0
                    if v.startswith("a ") and text[max(0, s - 5):s].lower() == "half ":
                        amount, start = 6.0, min(start, s - 5)      # "half a dozen firms"
                    tm = _TAIL.match(text, fe)
                    if tm and not v.startswith("dozens"):
                        noun_end, noun = _plural(tm.group("tail"), irregular)
                        if noun:
                            fe = tm.start("tail") + noun_end
                    return start, fe, amount, None, "count", ""
                return start, fe, vague.get(v) or words.get(v), _noun_after(text, fe), "count", ""
            if low in _VAGUE_WORDS:
                return None
        sc = None
        end = e
    tm = _TAIL.match(text, end)
    noun_end, noun = _plural(tm.group("tail"), irregular) if tm else (0, None)
    if noun is None:
        # a number that stands alone: "a population of 7.5 million", "from 2,000 to 2,500 a season",
        # "fewer than 40" — a scale word, thousands separators or a qualifier make it a figure
        if digits and (sc or "," in num or _STRONG_QUAL.match(text, start, s)) and not _YEAR.match(num) \
                and text[end:end + 1] not in ("-", "/", "’", "'"):      # "a 2,000-year-old city" is no count
            return start, end, _amount(num, sc, words, scales), None, "count", ""
        return None
    if noun.lower() in _PLURAL_STOP:
        return None
    amount = _amount(num, sc, words, scales)
    if num.lower() == "one":
        return None
    before = text[max(p.body, start - 12):start].lower().split()
    small = not digits or (amount or 0) <= 10
    if small and before and before[-1] in ("the", "these", "those", "our", "their", "its", "his", "her", "all",
                                           "both", "my", "your", "whose", "first", "last", "next", "past"):
        return None
    if amount is not None and amount <= 2 and noun.lower() in _SMALL_GENERIC:
        return None
    fe = tm.start("tail") + noun_end
    tail = re.match(r"\s+of\s+(?:[A-Z][\w-]*\s?)+", text[fe:fe + 60])
    if tail and noun[:1].isupper():
        fe += len(tail.group().rstrip())
    return start, fe, amount, noun.lower() if not noun[:-1].isupper() else noun, "count", ""


def _plural(tail: str, irregular: set[str]) -> tuple[int, str | None]:
    """The first plural noun in the words after a number: (end offset in ``tail``, noun)."""
    prev = ""
    for m in _WORD.finditer(tail):
        w = m.group()
        lw = w.lower().rstrip(".")
        if not w[:1].isalnum():
            return 0, None
        if lw in ("and", "or") and prev[:1].isupper():
            prev = w
            continue                    # "250 Chilean and Peruvian firms"
        if lw in _MODIFIER_STOP:
            return 0, None
        end = m.end() - (len(w) - len(w.rstrip(".")))
        if lw in irregular or (len(lw) > 5 and lw.endswith("men") and w[:1].islower()):   # "fishermen"
            return end, w.rstrip(".")
        if len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "ous")) or \
                (len(w) >= 3 and w.endswith("s") and sum(c.isupper() for c in w) >= 2):    # "MOUs", "MoUs"
            return end, w.rstrip(".")
        prev = w
    return 0, None


def _noun_after(text: str, end: int) -> str | None:
    m = re.match(r"\s+of\s+((?:[\w-]+\s+){0,2}?[\w-]+s)\b", text[end:end + 60])
    return m.group(1).lower() if m else None


def _is_date(text: str, s: int, e: int) -> bool:
    # the three month patterns need a month's first three letters near the number
    if _MONTH_HINT.search(text[max(0, s - 16):e + 20].lower()):
        if _DATE_AFTER.match(text[e:e + 16]) or _DATE_BEFORE.search(text[max(0, s - 16):s]) \
                or _RANGE_DATE.match(text[e:e + 20]):
            return True
    return bool(_CLOCK_AFTER.match(text[e:e + 6]) or _PLURAL_AFTER.match(text[e:e + 3]))


def _name_number(p: Para, s: int, lexicon: Lexicon) -> bool:
    """'Velm 1', 'Top 5 Tours', 'Resolution 4410': a number that is part of a name."""
    before = p.text[max(0, s - 30):s]
    if not before[-1:].isspace():
        return False
    m = _NAME_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1).lower()
    if word in lexicon.stop_caps or word in ("a", "an", "each", "every", "only", "under", "roughly"):
        return False
    return word not in ("some", "about", "over", "nearly", "almost", "around", "another", "only", "just",
                        "more", "up", "in", "on", "at", "by", "for", "with", "from", "to", "of", "and",
                        "the", "all", "approximately", "roughly", "since", "until", "after", "before",
                        "during", "those", "these", "its", "their", "our")


def _about(p: Para, s: int, e: int, kind: str) -> str:
    """A few words around a figure: what it counts or measures."""
    text = p.text
    ss, se = p.sentence_of(s)
    left = _words_before(text, ss, s)
    right = _words_after(text, e, se)
    while left and left[-1].lower() in ("approximately", "about", "around", "some", "nearly", "almost",
                                        "over", "than", "more", "up", "to", "a", "an", "the", "of", "at",
                                        "least", "another", "estimated", "an"):
        left.pop()
    while left and left[0].lower() in ("with", "and", "the", "a", "an", "of", "in", "that", "which", "to",
                                       "by", "for", "as", "on"):
        left.pop(0)
    if kind == "count":
        own = text[s:e].split()
        noun = [w for w in own if not re.match(r"^[\d,.]+$", w) and w.lower() not in _NUMWORDS and
                w.lower() not in ("more", "than", "over", "up", "to", "about", "nearly", "almost", "some",
                                  "around", "approximately", "another", "at", "least")]
        follow = []
        for w in right:
            if w.lower() in _STOP_FOLLOW:
                break
            follow.append(w)
        phrase = " ".join(noun + follow[:4])
        if "-" in text[s:e] and not noun[1:]:
            phrase = " ".join(follow[:4]) or phrase
        if not phrase:
            phrase = " ".join(right[:5])
    else:
        phrase = " ".join(left + (["…"] if left and right else []) + right)
    return squash(phrase.strip(" .,;:")) or _head(text, ss, se)


# The words next to a figure, read from a stretch that grows until it surely holds them, so
# that a long sentence with many figures stays linear.

def _words_before(text: str, lo: int, hi: int) -> list[str]:
    """The last six words of text[lo:hi] after its last comma, semicolon, colon or bracket."""
    width = 200
    while True:
        start = max(lo, hi - width)
        seg = text[start:hi]
        cut = max(seg.rfind(","), seg.rfind(";"), seg.rfind(":"), seg.rfind("("))
        if cut >= 0:
            return seg[cut + 1:].split()[-6:]
        parts = seg.split()
        if start == lo or len(parts) > 6:
            return parts[-6:]
        width *= 4


def _words_after(text: str, lo: int, hi: int) -> list[str]:
    """The first six words of text[lo:hi] before its first comma, bracket, colon or dash."""
    width = 200
    while True:
        end = min(hi, lo + width)
        seg = text[lo:end]
        cut = _RIGHT_CUT.search(seg)
        if cut:
            return seg[:cut.start()].split()[:6]
        parts = seg.split()
        if end == hi or len(parts) > 6:
            return parts[:6]
        width *= 4


def _head(text: str, lo: int, hi: int) -> str:
    """squash(text[lo:hi])[:80]."""
    width = 200
    while True:
        end = min(hi, lo + width)
        got = squash(text[lo:end])
        if end == hi or len(got) >= 80:
            return got[:80]
        width *= 4


def to_model(facts: list[FigureFact], doc: Doc) -> list[Figure]:
    """One figure per distinct text and amount; repeats add their paragraphs to the evidence. A
    headline restates the story: its count or sum that the text gives again ("six MoUs" over "Six
    memoranda ... were signed", "$9 billion" over "over $9 billion") is that figure, not another."""
    merged: dict[tuple[str, float | None, str | None], Figure] = {}
    seen: dict[tuple[str, float | None, str | None], set[str]] = {}
    head = doc.paras[0] if doc.paras else None
    if head is not None and len(head.text.split()) <= 24 and not head.text.rstrip().endswith("."):
        later = {(f.amount, f.kind, f.unit if f.kind == "money" else None) for f in facts
                 if f.pid != head.id and f.kind in ("count", "money")}
        again = [f for f in facts if f.pid == head.id and f.kind in ("count", "money") and
                 (f.amount, f.kind, f.unit if f.kind == "money" else None) in later]
        if again:
            gone = {id(f) for f in again}
            facts = [f for f in facts if id(f) not in gone]
    for f in facts:
        k = (re.sub(r"\s+", " ", f.text.lower()), f.amount, f.unit)
        fig = merged.get(k)
        if fig is None:
            merged[k] = Figure(text=f.text, amount=f.amount, unit=f.unit, about=f.about, evidence=[f.pid])
            seen[k] = {f.pid}
        elif f.pid not in seen[k]:
            fig.evidence.append(f.pid)
            seen[k].add(f.pid)
    return list(merged.values())
