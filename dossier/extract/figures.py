"""Figures: money in its common forms ($600-billion, US $ 10 billion, Rs 5 crore, €2.3 million,
$A6.4 billion, 10 billion dollars), counts ("68-member", "seven MOUs", "more than 200
suppliers", "over a dozen"), quantities ("510,000 tons"), percentages ("25 per cent", "40 to 50
percent") and visit lengths ("three-day visit"); never dates, years, ordinals or other spans
of time. Each gets a normalised amount and unit and a short phrase saying what it counts."""
from __future__ import annotations

import re

from ..model import Figure
from ._text import Doc, Para, squash
from ._types import FigureFact
from .lexicon import Lexicon

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|"
            r"seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
            r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|hundred|a\s+dozen|dozen|"
            r"half\s+a\s+dozen|a\s+thousand")
_SCALE = r"(?:\s?-?\s?(?:thousand|million|billion|trillion|crores?|lakhs?|lac|mln|bln|trn)\b|(?:mn|bn|m|b|tn|k|cr)\b)"
_QUAL = (r"(?:(?:more\s+than|over|up\s+to|almost|nearly|about|approximately|around|roughly|some|at\s+least|"
         r"less\s+than|fewer\s+than|under|another|an\s+additional|additional|an\s+estimated|estimated|"
         r"close\s+to|in\s+excess\s+of|upwards\s+of|as\s+many\s+as|as\s+much\s+as|a\s+further|just\s+over|"
         r"just\s+under|well\s+over|a\s+total\s+of|nearly\s+a|over\s+a|more\s+than\s+a|about\s+a)\s+)?")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")
_PERCENT = re.compile(rf"(?<![\w.,-]){_QUAL}(?P<n>{_NUM})(?:\s*(?:to|-|–|and)\s*(?P<n2>{_NUM}))?\s*"
                      r"(?:%|per\s?cent\b|percent\b|percentage\s+points?\b)", re.I)
_MEMBER = re.compile(rf"(?<![\w.,-])(?P<n>{_NUM}|{_WORDNUM})[-\s](?P<u>member|strong|person|man|woman|nation|"
                     r"country|party|seat)\b", re.I)
_DAYS = re.compile(rf"(?<![\w.,-])(?P<n>\d+|{_WORDNUM})-(?P<u>day|week|month|hour|night)\b"
                   r"(?P<rest>(?:\s+[\w-]+){0,3}?\s+(?:visit|trip|tour|stay|summit|meeting|conference|talks|"
                   r"forum|event|programme|program|mission|journey|session|sojourn|state\s+visit)s?\b)", re.I)
_VAGUE = re.compile(r"(?<![\w-])(?P<q>(?:more\s+than\s+|over\s+|nearly\s+|about\s+|almost\s+)?)(?P<v>"
                    r"(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|thousands|hundreds|dozens|"
                    r"a\s+dozen|scores)(?=\s+of\b|\s+(?:more|new|other)\b)", re.I)
_DATE_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}", re.I)
_DATE_BEFORE = re.compile(rf"{_MONTH}\.?\s*(?:\d{{1,2}}\s*(?:-|–|to|and)\s*)?$", re.I)
_RANGE_DATE = re.compile(rf"^\s*(?:-|–|to|and)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}", re.I)
_YEAR = re.compile(r"^(?:1[89]|20|21)\d\d$")
_PLURAL_STOP = frozenset("years months weeks days hours minutes seconds decades centuries times rounds terms "
                         "sessions editions quarters others ones its has was is this thus plus us bus "
                         "status process less unless across always perhaps yes news series".split())
_SMALL_GENERIC = frozenset("countries nations sides leaders governments parties heads presidents states "
                           "ministers delegations teams partners neighbours neighbors".split())
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


def _money_re(lexicon: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    prefixes = sorted({c for c, _, where in lexicon.currencies if where == "prefix"}, key=len, reverse=True)
    suffixes = sorted({c for c, _, where in lexicon.currencies if where == "suffix"}, key=len, reverse=True)

    def esc(c: str) -> str:
        e = re.escape(c).replace(r"\ ", r"\s?")
        return rf"(?<![\w$]){e}" if c[:1].isalpha() else e

    pre = "|".join(esc(c) for c in prefixes)
    suf = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in suffixes)
    money = re.compile(rf"(?<![\w.,]){_QUAL}(?P<cur>{pre})\s?(?P<n>{_NUM})(?![\d,])(?P<s>{_SCALE})?"
                       rf"(?:\s+(?P<suf>{suf})\b)?")
    money2 = re.compile(rf"(?<![\w.,$-]){_QUAL}(?P<n>{_NUM}|{_WORDNUM})(?P<s>{_SCALE})?\s+(?:(?:US|U\.S\.)\s+)?"
                        rf"(?P<suf>{suf})\b", re.I)
    return money, money2


def _quantity_re(lexicon: Lexicon) -> re.Pattern[str]:
    units = sorted(lexicon.cues.get("quantity_units", {}), key=len, reverse=True)
    alt = "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in units)
    return re.compile(rf"(?<![\w.,-]){_QUAL}(?P<n>{_NUM})(?P<s>{_SCALE})?\s*(?:metric\s+)?(?P<u>{alt})"
                      r"(?:-per-[a-z]+)?(?=\b|-)", re.I)


def _count_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.,$€£¥-]){_QUAL}(?P<n>{_NUM}|{_WORDNUM})(?![\w,.]\d)(?P<s>{_SCALE})?\s+"
                      r"(?P<tail>(?:[\w’'.-]+\s+){0,3}[\w’'.-]+)", re.I)


def find(doc: Doc, lexicon: Lexicon) -> list[FigureFact]:
    """Every figure in the text, in order."""
    words = {k: float(v) for k, v in lexicon.cues.get("number_words", {}).items()}
    scales = {k: float(v) for k, v in lexicon.cues.get("scale_words", {}).items()}
    vague = {k: float(v) for k, v in lexicon.cues.get("vague_amounts", {}).items()}
    codes = {c.lower(): code for c, code, _ in lexicon.currencies}
    units = {k.lower(): v for k, v in lexicon.cues.get("quantity_units", {}).items()}
    irregular = set(lexicon.cues.get("irregular_plurals", ()))
    money, money2 = _money_re(lexicon)
    quantity = _quantity_re(lexicon)
    count = _count_re()
    out: list[FigureFact] = []
    for p in doc.paras:
        text = p.text
        lo = p.body
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return all(e <= a or s >= b for a, b in taken)

        def add(s: int, e: int, amount: float | None, unit: str | None, kind: str, about: str = "") -> None:
            taken.append((s, e))
            shown = text[s:e].strip()
            out.append(FigureFact(pid=p.id, start=s, end=e, text=shown, amount=amount, unit=unit, kind=kind,
                                  about=about or _about(p, s, e, kind)))

        for m in money.finditer(text, lo):
            cur = m.group("cur")
            amount = _amount(m.group("n"), m.group("s"), words, scales)
            code = codes.get(re.sub(r"\s+", " ", cur).lower()) or codes.get(cur.lower().replace(" ", ""))
            if m.group("suf"):
                code = codes.get(re.sub(r"\s+", " ", m.group("suf")).lower(), code)
            if code is None and "$" in cur:
                code = "USD"
            add(m.start(), m.end(), amount, code, "money")
        for m in money2.finditer(text, lo):
            if not free(m.start(), m.end()):
                continue
            if _is_date(text, m.start("n"), m.end("n")):
                continue
            amount = _amount(m.group("n"), m.group("s"), words, scales)
            code = codes.get(re.sub(r"\s+", " ", m.group("suf")).lower())
            add(m.start(), m.end(), amount, code, "money")
        for m in _PERCENT.finditer(text, lo):
            if free(m.start(), m.end()):
                add(m.start(), m.end(), _amount(m.group("n"), None, words, scales), "percent", "percent")
        for m in _DAYS.finditer(text, lo):
            s, e = m.start(), m.end("n") + 1 + len(m.group("u"))
            if free(s, e):
                unit = m.group("u").lower() + "s"
                add(s, e, _amount(m.group("n"), None, words, scales), unit, "duration",
                    "length of the " + squash(m.group("rest")).lower())
        for m in _MEMBER.finditer(text, lo):
            if free(m.start(), m.end()) and not _is_date(text, m.start("n"), m.end("n")):
                u = m.group("u").lower()
                unit = "people" if u in ("member", "strong", "person", "man", "woman") else u + "s"
                add(m.start(), m.end(), _amount(m.group("n"), None, words, scales), unit, "count")
        for m in quantity.finditer(text, lo):
            if free(m.start(), m.end()) and not _is_date(text, m.start("n"), m.end("n")):
                unit = units.get(re.sub(r"\s+", " ", m.group("u").lower()), m.group("u"))
                add(m.start(), m.end(), _amount(m.group("n"), m.group("s"), words, scales), unit, "quantity")
        for m in _VAGUE.finditer(text, lo):
            if free(m.start(), m.end()):
                v = re.sub(r"\s+", " ", m.group("v").lower())
                amount = vague.get(v) or words.get(v)
                add(m.start(), m.end(), amount, _noun_after(text, m.end()), "count")
        for m in count.finditer(text, lo):
            s, e = m.start(), m.end("n")
            if not free(s, m.end("n")):
                continue
            if _is_date(text, m.start("n"), m.end("n")) or _name_number(p, m.start("n")):
                continue
            n = m.group("n")
            if n[:1].isdigit() and _YEAR.match(n) and not m.group("s"):
                continue
            if n.lower() in ("one", "a dozen") and not m.group(0)[:m.start("n") - s].strip():
                if n.lower() == "one":
                    continue
            noun_end, noun = _plural(m.group("tail"), irregular)
            if noun is None:
                continue
            if noun.lower() in _PLURAL_STOP:
                continue
            before = text[max(lo, s - 12):s].lower().split()
            small = not n[:1].isdigit() or (_amount(n, None, words, scales) or 0) <= 10
            if small and before and before[-1] in ("the", "these", "those", "our", "their", "its", "his", "her", "all",
                                         "both", "my", "your", "whose", "first", "last", "next", "past"):
                continue
            amount = _amount(n, m.group("s"), words, scales)
            if amount is not None and amount <= 2 and noun.lower() in _SMALL_GENERIC:
                continue
            end = m.start("tail") + noun_end
            # "Letters of Interest": the counted thing continues with "of" + capitalised words
            tail = re.match(r"\s+of\s+(?:[A-Z][\w-]*\s?)+", text[end:end + 60])
            if tail and noun[:1].isupper():
                end += len(tail.group().rstrip())
            add(s, end, amount, noun.lower() if not noun[:-1].isupper() else noun, "count")
    out.sort(key=lambda f: (doc.order(f.pid), f.start))
    return out


def _plural(tail: str, irregular: set[str]) -> tuple[int, str | None]:
    """The first plural noun in the words after a number: (end offset in ``tail``, noun)."""
    pos = 0
    for m in _WORD.finditer(tail):
        w = m.group()
        lw = w.lower().rstrip(".")
        if not w[:1].isalnum():
            return 0, None
        if lw in _MODIFIER_STOP:
            return 0, None
        if lw in irregular:
            return m.end(), w
        if len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is", "ous")) or \
                (len(w) >= 3 and w[:-1].isupper() and w.endswith("s")):
            return m.end(), w.rstrip(".")
        pos = m.end()
    return 0, None


def _noun_after(text: str, end: int) -> str | None:
    m = re.match(r"\s+of\s+((?:[\w-]+\s+){0,2}?[\w-]+s)\b", text[end:end + 60])
    return m.group(1).lower() if m else None


def _is_date(text: str, s: int, e: int) -> bool:
    return bool(_DATE_AFTER.match(text[e:e + 16]) or _DATE_BEFORE.search(text[max(0, s - 16):s])
                or _RANGE_DATE.match(text[e:e + 20]) or re.match(r"^\s*(?:a\.m|p\.m|am\b|pm\b|:\d)", text[e:e + 6])
                or re.match(r"^(?:s|’s|'s)\b", text[e:e + 3]))


def _name_number(p: Para, s: int) -> bool:
    """'Paks 1', 'Big 5 Safaris', 'Resolution 2231': a number that is part of a name."""
    before = p.text[max(0, s - 30):s]
    m = re.search(r"([A-Z][\w-]*)\s+$", before)
    if not m:
        return False
    word = m.group(1).lower()
    return word not in ("some", "about", "over", "nearly", "almost", "around", "another", "only", "just",
                        "more", "up", "in", "on", "at", "by", "for", "with", "from", "to", "of", "and",
                        "the", "all", "approximately", "roughly", "since", "until", "after", "before",
                        "during", "those", "these", "its", "their", "our")


def _about(p: Para, s: int, e: int, kind: str) -> str:
    """A few words around a figure: what it counts or measures."""
    text = p.text
    ss, se = p.sentence_of(s)
    left_text = text[ss:s]
    right_text = text[e:se]
    left_cut = max(left_text.rfind(","), left_text.rfind(";"), left_text.rfind(":"), left_text.rfind("("))
    if left_cut >= 0:
        left_text = left_text[left_cut + 1:]
    right_cut = re.search(r"[,;:()]|\s—|\s–", right_text)
    if right_cut:
        right_text = right_text[:right_cut.start()]
    left = left_text.split()[-6:]
    right = right_text.split()[:6]
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
    return squash(phrase.strip(" .,;:")) or squash(text[ss:se])[:80]


def to_model(facts: list[FigureFact], doc: Doc) -> list[Figure]:
    """One figure per distinct text and amount; repeats add their paragraphs to the evidence."""
    merged: dict[tuple[str, float | None, str | None], Figure] = {}
    for f in facts:
        k = (re.sub(r"\s+", " ", f.text.lower()), f.amount, f.unit)
        fig = merged.get(k)
        if fig is None:
            merged[k] = Figure(text=f.text, amount=f.amount, unit=f.unit, about=f.about, evidence=[f.pid])
        elif f.pid not in fig.evidence:
            fig.evidence.append(f.pid)
    return list(merged.values())
