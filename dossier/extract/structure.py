"""The article's layout: headline, headings, numbered and bulleted lists, "Label:" and ALL-CAPS
lead-ins, Markdown headings and bold lines, datelines and sign-offs; and what each section is
about (focus/cooperation areas, agreements signed, outlook, conclusion, issues, background)."""
from __future__ import annotations

import re

from ._text import Doc, Para, is_upper_text, squash, title_case
from ._types import Dateline, Item, Section, Structure
from .lexicon import Lexicon

_TERMINAL = re.compile(r"[.;,!?…]['\"”’)\]]*\s*$")
_SPACE_RUN = re.compile(r"\s*")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(?P<t>[^*_]{2,120})(?:\*\*|__)\s*:?\s*$")
_BOLD_LEAD = re.compile(r"^\s*(?:\*\*|__)(?P<t>[^*_]{2,120}?)(?::\s*)?(?:\*\*|__)\s*:?\s+")
_SETEXT = re.compile(r"\n\s*(?:=+|-+)\s*$")
_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
       r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DATE = re.compile(rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MON})\.?,?\s+(?P<y1>\d{{4}})"
                   rf"|(?P<m2>{_MON})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
                   rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))\b", re.I)
_ANY_DATE = re.compile(rf"\b(?:\d{{1,2}}\s+{_MON}\b|{_MON}\.?\s+\d{{1,2}}\b|\b(?:19|20)\d\d\b)", re.I)
_DATELINE_SEP = re.compile(r"\s(?:—|--|–|-|―)\s|/[A-Z][\w .]+/\s*(?:—|--|–|-)\s*|\(\w[\w .]*\)\s*(?:—|--|–|-)\s*")
_KICKER = re.compile(r"^(?:(?:press|media|news)\s+release|for\s+immediate\s+release|press\s+statement|"
                     r"news|breaking(?:\s+news)?)\s*[:.]?$", re.I)
_BYLINE = re.compile(r"^(?:[Bb]y|[Ww]ritten [Bb]y)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:[,|/–—-].{0,60})?$")
_STAMP = re.compile(r"^(?:published|updated|posted|last updated)\b.{0,60}$", re.I)


def _header_line(text: str) -> bool:
    """A line above the headline that is no headline: a kicker, a byline, a date stamp."""
    text = squash(text)
    return bool(_KICKER.match(text) or _BYLINE.match(text) or _STAMP.match(text))


_DASH_LEAD = re.compile(r"^(?P<t>[^\W\d_][^.!?:;,–—]{1,60}?)\s+(?:–|—|--|-)\s+(?=\S)")
_FIELD_LABEL = re.compile(r"^(?:title|headline|head|subject)\s*:\s*", re.I)
_NUMBERED_ITEM = re.compile(r"^\(?(?:\d{1,3}|[IVX]{1,4}|[A-Z])[.)]$")


def _lead_in(text: str) -> tuple[str, int] | None:
    """A "Label: text" lead-in: (label, where the text starts). The same as matching
    ^(?P<label>(?:[^:.!?\\n]|(?<=[A-Z])\\.(?=[A-Z\\s])){2,100}?):(?:\\s+|$)
    (the label runs to the first colon: none of its characters may be one), without the cost of
    a repeated group."""
    c = text.find(":", 0, 101)
    if c < 2 or "!" in text[:c] or "?" in text[:c] or "\n" in text[:c]:
        return None
    dot = text.find(".", 0, c)
    while dot >= 0:
        nxt = text[dot + 1]
        if not (dot and "A" <= text[dot - 1] <= "Z" and ("A" <= nxt <= "Z" or nxt.isspace())):
            return None
        dot = text.find(".", dot + 1, c)
    end = _SPACE_RUN.match(text, c + 1).end()
    if end == c + 1 and end != len(text):
        return None
    return text[:c], end


_WORD = re.compile(r"[^\W_][\w'’.-]*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _titleish(text: str, lexicon: Lexicon) -> bool:
    """Most content words capitalised (Title Case), or written in capitals."""
    words = _words(text)
    if not words:
        return False
    if is_upper_text(text):
        return True
    small = {"and", "or", "of", "for", "the", "a", "an", "in", "on", "at", "to", "by", "with", "from",
             "as", "vs", "into", "over", "its", "their", "s"}
    content = [w for w in words if w.lower() not in small]
    if not content:
        return False
    caps = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return caps / len(content) >= 0.6 and words[0][:1].isupper()


def _kind(title: str, lexicon: Lexicon) -> str:
    for kind in ("agreements", "outlook", "conclusion", "focus", "issues", "background"):
        for k, rx in lexicon.sections:
            if k == kind and rx.search(title):
                return kind
    return "other"


_LABEL_MARKER = re.compile(r"^\s*(?:#{1,6}\s+|[-*+•▪◦‣·]\s+|\(?\d{1,3}[.)]\s+|\(?[a-zA-Z][.)]\s+|\(?[ivxIVX]{2,4}[.)]\s+)")
_BOLD_MARKS = re.compile(r"[*_]{2}")


def _clean_label(text: str) -> str:
    text = _LABEL_MARKER.sub("", text)
    text = _BOLD_MARKS.sub("", text)
    text = _SETEXT.sub("", text)
    text = squash(text).rstrip(":").strip()
    if is_upper_text(text):
        text = title_case(text)
    return text


def _iso(m: re.Match[str]) -> str | None:
    if m.group("iso"):
        return m.group("iso")
    day = m.group("d1") or m.group("d2")
    mon = (m.group("m1") or m.group("m2") or "").lower()[:3]
    year = m.group("y1") or m.group("y2")
    months = [x[:3] for x in _MONTHS]
    if mon not in months:
        return None
    d = int(day)
    if not 1 <= d <= 31:
        return None
    return f"{year}-{months.index(mon) + 1:02d}-{d:02d}"


def _dateline(p: Para) -> Dateline | None:
    head = p.text[:160]
    m = _DATELINE_SEP.search(head)
    if not m or m.start() < 3:
        return None
    prefix = head[:m.start()]
    if not (_ANY_DATE.search(prefix) or re.match(r"^[A-Z][A-Z .'-]{2,}\b", prefix)):
        return None
    if len(prefix.split()) > 16:
        return None
    date = None
    dm = _DATE.search(prefix)
    if dm:
        date = _iso(dm)
    parts = []
    for part in re.split(r",|\(", prefix):
        part = part.strip(" /)")
        if not part or _ANY_DATE.search(part) or re.search(r"\d", part):
            break
        if part.lower() in ("monday tuesday wednesday thursday friday saturday sunday".split()):
            break
        parts.append(part)
    return Dateline(pid=p.id, end=m.end(), parts=tuple(parts), date=date)


def _is_signoff(p: Para) -> bool:
    words = p.text.split()
    return len(words) <= 7 and bool(_ANY_DATE.search(p.text)) and not p.text.rstrip().endswith(".")


def analyse(doc: Doc, lexicon: Lexicon, meta_title: str | None = None) -> Structure:
    paras = doc.paras
    n = len(paras)
    roles: dict[str, str] = {}
    labels: dict[str, str] = {}
    rests: dict[str, str] = {}

    # the front: headline, subtitle, header lines
    front: list[str] = []
    headline = None
    headline_pid = None
    i = 0
    top = 0
    while top < 2 and top < n and _header_line(paras[top].text):
        top += 1
    if top and n > top + 1 and not _TERMINAL.search(paras[top].text) \
            and len(paras[top].text.split()) <= 25 and not paras[top].marker:
        # "PRESS RELEASE", "By Ana Orr", "Published 3 May 2025" over the headline: header lines
        for q in paras[:top]:
            roles[q.id] = "subtitle"
            front.append(q.id)
        i = top
    if n > i + 1:
        p = paras[i]
        words = len(p.text.split())
        if (not p.marker and words <= 25 and not _TERMINAL.search(p.text)
                and _dateline(p) is None) or (p.heading_level == 1) \
                or (is_upper_text(p.text) and words <= 25 and not p.marker):
            headline = _clean_label(p.text) if p.heading_level else squash(p.text)
            headline = _FIELD_LABEL.sub("", headline) or headline      # "Title: ..." → "..."
            headline_pid = p.id
            roles[p.id] = "headline"
            front.append(p.id)
            i += 1
            while i < min(n - 1, 3 + len(front) - 1):
                q = paras[i]
                qw = len(q.text.split())
                if q.marker or qw > 35 or _TERMINAL.search(q.text) or _dateline(q) is not None:
                    break
                if _kind(q.text, lexicon) != "other" or (qw < 6 and not is_upper_text(q.text)) or \
                        (i + 1 < n and paras[i + 1].marker):
                    break
                if i + 1 < n and _lead_in(q.text) and len(q.text.split(":")[0].split()) <= 8 \
                        and q.text.split(":", 1)[1].strip():
                    break
                roles[q.id] = "subtitle"
                front.append(q.id)
                i += 1

    dateline = None
    for p in paras[i:i + 1]:
        dateline = _dateline(p)

    signoff = []
    for p in reversed(paras[max(i, n - 3):]):
        if _is_signoff(p):
            roles[p.id] = "signoff"
            signoff.append(p.id)
        else:
            break
    signoff.reverse()

    # each paragraph's role
    for k in range(i, n):
        p = paras[k]
        if p.id in roles:
            continue
        text = p.text
        body = text[p.body:]
        words = len(body.split())
        nxt = paras[k + 1] if k + 1 < n else None
        if p.heading_level:
            roles[p.id] = "heading"
            labels[p.id] = _clean_label(text)
            continue
        bm = _BOLD_LINE.match(body)
        if bm or (_SETEXT.search(text) and "\n" in text):
            roles[p.id] = "heading"
            labels[p.id] = _clean_label(bm.group("t") if bm else text)
            continue
        bold = _BOLD_LEAD.match(body)
        lead = (bold.group("t"), bold.end()) if bold else _lead_in(body)
        if lead is None and p.marker:
            dm = _DASH_LEAD.match(body)         # "- Energy – the two sides will ..."
            if dm and _titleish(dm.group("t"), lexicon):
                lead = (dm.group("t"), dm.end())
        if lead:
            label = lead[0]
            lw = len(label.split())
            rest = body[lead[1]:].strip()
            if 1 <= lw <= 12 and label[:1].isupper() and (_titleish(label, lexicon) or lw <= 3) \
                    and not _ANY_DATE.search(label):
                if not rest:
                    roles[p.id] = "item" if p.marker else "heading"
                    labels[p.id] = _clean_label(label)
                    continue
                roles[p.id] = "lead"
                labels[p.id] = _clean_label(label)
                rests[p.id] = rest
                continue
        if p.marker:
            short_title = words <= 12 and not _TERMINAL.search(text) and body[:1].isupper()
            if short_title and _NUMBERED_ITEM.match(p.marker) and nxt is not None and not nxt.marker \
                    and len(nxt.text.split()) > words:
                roles[p.id] = "item"
                labels[p.id] = _clean_label(text)
            else:
                roles[p.id] = "list"
            continue
        if (words <= 12 and not _TERMINAL.search(text) and text[:1].isupper() and nxt is not None
                and (_titleish(text, lexicon) or _kind(text, lexicon) != "other")):
            roles[p.id] = "heading"
            labels[p.id] = _clean_label(text)
            continue
        if words <= 8 and text.rstrip().endswith("?") and text[:1].isupper() and nxt is not None \
                and "\n" not in text and _kind(text, lexicon) in ("outlook", "focus", "agreements"):
            roles[p.id] = "heading"             # "What comes next?"
            labels[p.id] = _clean_label(text).rstrip("?").strip()
            continue
        roles[p.id] = "body"

    sections = _sections(doc, lexicon, roles, labels, rests, i)
    date = None
    dates = set()
    for pid in list(front) + list(signoff) + ([dateline.pid] if dateline else []):
        para = doc.para(pid)
        if para is None:
            continue
        scope = para.text[:dateline.end] if dateline and pid == dateline.pid else para.text
        for m in _DATE.finditer(scope):
            iso = _iso(m)
            if iso:
                dates.add(iso)
    if len(dates) == 1:
        date = dates.pop()

    return Structure(headline=headline, headline_pid=headline_pid, front=tuple(front), roles=roles,
                     labels=labels, sections=tuple(sections), dateline=dateline, date=date,
                     signoff=tuple(signoff))


def _sections(doc: Doc, lexicon: Lexicon, roles: dict[str, str], labels: dict[str, str],
              rests: dict[str, str], first: int) -> list[Section]:
    out: list[Section] = []
    cur: dict | None = None
    item: dict | None = None

    def close_item() -> None:
        nonlocal item
        if item is not None and cur is not None:
            cur["items"].append(item)
        item = None

    def close() -> None:
        nonlocal cur
        close_item()
        if cur is not None:
            items = tuple(Item(pid=it["pid"], title=it["title"], body=tuple(it["body"]),
                               text=squash(" ".join(it["text"])), short=it["short"])
                          for it in cur["items"])
            out.append(Section(pid=cur["pid"], title=cur["title"], kind=cur.get("kind") or _kind(cur["title"], lexicon),
                               level=cur["level"], body=tuple(cur["body"]), items=items,
                               inline=cur["inline"]))
        cur = None

    def open_section(p: Para, title: str, level: int, inline: bool) -> None:
        nonlocal cur
        close()
        cur = {"pid": p.id, "title": title, "level": level, "body": [], "items": [], "inline": inline}

    for p in doc.paras[first:]:
        role = roles.get(p.id, "body")
        if role in ("signoff", "subtitle", "headline"):
            continue
        if role == "heading":
            open_section(p, labels[p.id], p.heading_level or 1, False)
            continue
        if role == "lead" and not p.marker and (is_upper_text(labels[p.id]) or
                                                is_upper_text(p.text.split(":", 1)[0])):
            open_section(p, labels[p.id], 1, True)
            cur["body"].append(p.id)
            continue
        if role == "lead" and not p.marker and (cur is None or cur.get("lead_run")):
            # a run of "Label: text" paragraphs outside any heading: each one is a section
            open_section(p, labels[p.id], 2, True)
            cur["lead_run"] = True
            cur["body"].append(p.id)
            continue
        if role == "item" and cur is None:
            # numbered sub-headings ("1. Energy", "II. Security") outside any heading: a section
            # without a title holds them
            open_section(p, "", 1, False)
        if cur is None and role == "body" and p.text.rstrip().endswith(":"):
            nxt = doc.paras[p.index + 1] if p.index + 1 < len(doc.paras) else None
            kind = _intro_kind(p.text, lexicon) if nxt is not None and nxt.marker else None
            if kind:
                # "The two sides agreed to work together in these areas:" and a list: a section
                open_section(p, squash(p.text).rstrip(":"), 1, True)
                cur["kind"], cur["intro"] = kind, True
                continue
        if cur is None:
            continue
        if role == "item":
            close_item()
            item = {"pid": p.id, "title": labels[p.id], "body": [], "text": [], "short": False}
            cur["body"].append(p.id)
            continue
        if role == "lead":
            close_item()
            item = {"pid": p.id, "title": labels[p.id], "body": [p.id], "text": [rests[p.id]],
                    "short": False}
            cur["body"].append(p.id)
            if not p.marker:
                close_item()
            continue
        if role == "list":
            body = p.text[p.body:].strip()
            if item is not None and p.indent > 0 and item["body"]:
                item["body"].append(p.id)
                item["text"].append(body)
                cur["body"].append(p.id)
                continue
            close_item()
            short = len(body.split()) <= 8 and not _TERMINAL.search(body)
            item = {"pid": p.id, "title": _clean_label(body) if short else "", "body": [p.id],
                    "text": [body], "short": short}
            cur["body"].append(p.id)
            continue
        # body paragraph
        if cur.get("intro") and cur["items"] + ([item] if item else []):
            close()              # the list an introducing line opened has ended
            continue
        if item is not None and roles.get(item["pid"]) == "item":
            item["body"].append(p.id)
            item["text"].append(p.text)
        else:
            close_item()
        cur["body"].append(p.id)
    close()
    return _inherit(doc, out)


_INTRO_FOCUS = re.compile(r"\b(?:areas|fields|sectors|domains|topics|issues|priorities|discussed|focus(?:ed)?)\b",
                          re.I)
_INTRO_OUTLOOK = re.compile(r"\b(?:next steps|way forward|road ?map|work programme|going forward|in the coming|"
                            r"future|plans?|will)\b", re.I)


def _intro_kind(text: str, lexicon: Lexicon) -> str | None:
    """What a line that introduces a list ("... in the following areas:") says the list is:
    focus areas or what comes next; None for anything else (agreements are read elsewhere)."""
    if len(text.split()) > 40:
        return None
    kind = _kind(text, lexicon)
    if kind == "agreements":
        return None
    if kind in ("focus", "outlook"):
        return kind
    if _INTRO_FOCUS.search(text):
        return "focus"
    if _INTRO_OUTLOOK.search(text):
        return "outlook"
    return None


def _intro_only(doc: Doc, s: Section) -> bool:
    """Nothing under a heading but, at most, one line that introduces what follows ("... were:")."""
    if not s.body:
        return True
    if len(s.body) > 1:
        return False
    p = doc.para(s.body[0])
    return p is not None and p.text.rstrip().endswith(":") and len(p.words) <= 40


def _inherit(doc: Doc, sections: list[Section]) -> list[Section]:
    """A heading with nothing under it but more headings (or one line introducing them) is their
    parent ("Key Outcomes", then "Energy", "Trade" ...), as is a Markdown heading over deeper ones:
    the sub-headings without a kind of their own take the parent's kind.
    The parent's sub-sections run to the next heading that has a kind of its own (or, in
    Markdown, to the next heading of the parent's level or above)."""
    out: list[Section] = []
    parent: Section | None = None
    parent_md = 0
    for s in sections:
        para = doc.para(s.pid)
        md = para.heading_level if para is not None else 0
        if parent is not None:
            if md and parent_md:
                inside = md > parent_md
            else:
                inside = not md and not parent_md and s.kind in ("other", parent.kind)
            if inside and not s.inline:
                s = Section(pid=s.pid, title=s.title, kind=parent.kind, level=max(s.level, parent.level + 1),
                            body=s.body, items=s.items, inline=s.inline)
                out.append(s)
                continue
            parent = None
        if not s.inline and s.kind not in ("other", "conclusion") and not s.items and \
                (md or _intro_only(doc, s)):
            parent, parent_md = s, md
        out.append(s)
    return out
