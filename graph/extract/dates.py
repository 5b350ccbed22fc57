"""The date a fact holds or happened: the one its sentence states, else the one its paragraph stated before it,
else the document's date (a marked fallback).

Dates are read from the parser's DATE entities and normalised to ISO (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`):
"on 14 June 2024", "June 14, 2024", "in March 2019", "Sept. 2015", "2025-2028" (its start), "last year",
"this month", "the following week" (its month), "on Monday" (the last such day up to the document's date).
Deadlines ("by 2030", "until 2033") say when something is due, not when it was stated, so they never date a fact.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from spacy.tokens import Span, Token

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS.update({"sept": 9})
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
            r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR_RE = r"((?:19|20)\d\d)"
_DAY_RE = r"(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?"  # "14", "22-25": a range dates from its start
_DEADLINE = frozenset({"by", "until", "till", "through", "before", "to"})

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b" + _YEAR_RE + r"-(\d\d)-(\d\d)\b"), "iso"),
    (re.compile(r"\b" + _DAY_RE + r"\s+" + _MONTH_RE + r",?\s+" + _YEAR_RE, re.I), "dmy"),
    (re.compile(r"\b" + _MONTH_RE + r"\s+" + _DAY_RE + r",?\s+" + _YEAR_RE, re.I), "mdy"),
    (re.compile(r"\b" + _MONTH_RE + r",?\s+(?:of\s+)?" + _YEAR_RE, re.I), "my"),
    (re.compile(r"\b" + _DAY_RE + r"\s+" + _MONTH_RE + r"\b", re.I), "dm"),  # ("18-20 June": from the 18th)
    (re.compile(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b", re.I), "md"),
    (re.compile(r"\b" + _YEAR_RE + r"\b"), "y"),
    (re.compile(r"\b(last|this|next|previous|past|current|following|coming)\s+(year|month|week)\b", re.I), "rel"),
    (re.compile(r"\b(yesterday|today)\b", re.I), "day"),
    (re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I), "weekday"),
    (re.compile(r"\b" + _MONTH_RE + r"\b", re.I), "m"),
)


def _ref(doc_date: str | None) -> tuple[int | None, int | None, int | None]:
    if not doc_date:
        return None, None, None
    parts = [int(p) for p in doc_date.split("-")[:3]]
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def _month(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")[:4] if word.lower().startswith("sept") else word.lower().rstrip(".")[:3]]


def _year_for(month: int, day: int | None, ref_y: int | None, ref_m: int | None, future: bool = False) -> int | None:
    """A date given without its year is the last such date up to the document's month (news report the past), or
    the next one from it when the sentence speaks of the future ("is to be held in June")."""
    if ref_y is None:
        return None
    if future and ref_m is not None:
        return ref_y if month >= ref_m else ref_y + 1
    if ref_m is not None and month > ref_m + 1:
        return ref_y - 1
    return ref_y


def parse_date(text: str, doc_date: str | None, *, future: bool = False) -> str | None:
    """ISO date of a date expression, resolved against the document's date; None when it names no date."""
    ref_y, ref_m, ref_d = _ref(doc_date)
    for rx, kind in _PATTERNS:
        m = rx.search(text)
        if not m:
            continue
        if kind == "iso":
            return m.group(0)
        if kind == "dmy":
            return f"{int(m.group(3)):04d}-{_month(m.group(2)):02d}-{int(m.group(1)):02d}"
        if kind == "mdy":
            return f"{int(m.group(3)):04d}-{_month(m.group(1)):02d}-{int(m.group(2)):02d}"
        if kind == "my":
            return f"{int(m.group(2)):04d}-{_month(m.group(1)):02d}"
        if kind in ("dm", "md"):
            day, mon = (m.group(1), m.group(2)) if kind == "dm" else (m.group(2), m.group(1))
            month = _month(mon)
            if not 1 <= int(day) <= 31:
                continue
            year = _year_for(month, int(day), ref_y, ref_m, future)
            return f"{year:04d}-{month:02d}-{int(day):02d}" if year else None
        if kind == "y":
            if re.search(r"\b(?:19|20)\d\ds\b", text):  # "the 1990s": a decade, not a date
                return None
            return m.group(1)
        if ref_y is None:
            return None
        if kind == "rel":
            shift = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "following": 1,
                     "coming": 1}[m.group(1).lower()]
            if m.group(2).lower() == "year":
                return f"{ref_y + shift:04d}"
            if ref_m is None:
                return None
            if m.group(2).lower() == "week":
                # "the following week": the month of the day a week on (a week is finer than a fact's date needs)
                if ref_d is None:
                    return f"{ref_y:04d}-{ref_m:02d}" if shift == 0 else None
                day = dt.date(ref_y, ref_m, ref_d) + dt.timedelta(days=7 * shift)
                return f"{day.year:04d}-{day.month:02d}"
            y, mo = divmod(ref_y * 12 + ref_m - 1 + shift, 12)
            return f"{y:04d}-{mo + 1:02d}"
        if ref_m is None or ref_d is None:
            return None
        ref = dt.date(ref_y, ref_m, ref_d)
        if kind == "day":
            day = ref - dt.timedelta(days=1) if m.group(1).lower() == "yesterday" else ref
            return day.isoformat()
        if kind == "weekday":
            back = (ref.weekday() - _WEEKDAYS[m.group(1).lower()]) % 7
            return (ref - dt.timedelta(days=back)).isoformat()
        if kind == "m":
            month = _month(m.group(1))
            year = _year_for(month, None, ref_y, ref_m, future)
            return f"{year:04d}-{month:02d}" if year else None
    return None


_TARGETED = frozenset({"schedule", "plan", "slate", "set", "due", "expect", "target", "earmark", "program",
                       "programme", "envisage"})


def _is_deadline(ent: Span) -> bool:
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ == "to" and ent.start > 1 and ent.doc[ent.start - 2].lower_ == "back":
        return False  # "the project goes back to November 2022, when ...", "dates back to 1992": a point in time
    if before is not None and before.lower_ in _DEADLINE:
        return True
    if before is not None and before.lower_ == "for" and ent.start > 1 and \
            ent.doc[ent.start - 2].lemma_.lower() in _TARGETED:
        return True  # "completion is scheduled for 2029": a target, like "by 2029"
    head = ent.root.head
    return head.dep_ == "prep" and head.lower_ in _DEADLINE and head.i < ent.start


def sentence_dates(sent: Span, doc_date: str | None) -> list[tuple[Span, str]]:
    """The dates a sentence states, with their DATE entity, deadlines left out."""
    out: list[tuple[Span, str]] = []
    for ent in sent.ents:
        if ent.label_ != "DATE" or _is_deadline(ent):
            continue
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "for" and re.search(r"\d{4}\s*[-–]\s*\d{2,4}", ent.text):
            continue  # "loans for 2018-2020": the period a programme covers, not when anything happened
        if ent.root.dep_ in ("compound", "amod", "nmod", "poss") and ent.root.head.pos_ in ("NOUN", "PROPN") and \
                not (ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("in", "on") and ent.root.head.pos_ == "PROPN"):
            # (but "In October KOGAS and ... signed": a date after its preposition, the name a misparse hangs it on)
            continue  # "the June 2023 wildfire", "its 2022-2024 strategy": the date of a thing, not of the fact
        if ent.start <= sent.start + 3 and ent.root.head.i == sent.start and sent[0].pos_ == "PROPN" and \
                any(t.text in ("-", "--", "–", "—", "(") for t in sent.doc[ent.end : ent.end + 3]):
            continue  # "ASHGABAT, 9 July 2025 - ...": a dateline dates the report, not what it reports
        iso = parse_date(ent.text, doc_date, future=_future(ent))
        if iso:
            out.append((ent, iso))
    # "established diplomatic relations on Jan. 29, 1992, and Karimov made his first visit to Korea in June of that
    # year": "that year" ("the same year") is the year of the date the sentence stated before it
    out = [(ent, _that_year(ent, iso, out)) for ent, iso in out]
    # ("in 2008", not "supplies from 2027": a start or an end is no year of the sentence's events)
    years = {iso for ent, iso in out if len(iso) == 4 and re.fullmatch(r"(?:in\s+)?" + _YEAR_RE, ent.text.strip())
             and (ent.text.strip().startswith("in") or ent.start > 0 and ent.doc[ent.start - 1].lower_ == "in")
             and not _future(ent)}  # (nor a year to come: "began in March and is to open in 2027")
    if len(years) == 1:
        # "established in 2008, after A and B signed an agreement in February": a month without its year takes
        # the year its sentence states
        year = next(iter(years))
        # (a month named, not a weekday or "last month", which the document's date resolves)
        out = [(ent, year + iso[4:] if len(iso) > 4 and not re.search(_YEAR_RE, ent.text) and
                re.search(r"\b" + _MONTH_RE + r"(?:\s|$|,)", ent.text, re.I) and
                not re.search(r"\b(last|this|next|previous|past|current|following|coming)\b", ent.text, re.I)
                else iso)
               for ent, iso in out]
    return out


def _that_year(ent: Span, iso: str, dates: list[tuple[Span, str]]) -> str:
    if not re.search(r"\b(?:that|the same)\s+year\b", ent.text, re.I) or re.search(_YEAR_RE, ent.text):
        return iso
    years = [d[:4] for e, d in dates if e.start < ent.start and re.search(_YEAR_RE, e.text)]
    return years[-1] + iso[4:] if years else iso


_FUTURE_VERBS = frozenset({"schedule", "plan", "slate", "expect", "due", "set"})


def _future(ent: Span) -> bool:
    """Does the clause the date is in speak of what is to come ("will be held in June", "is to be held in June",
    "is scheduled for June")?"""
    for t in ent.root.ancestors:
        if t.pos_ in ("VERB", "AUX"):
            return t.lemma_.lower() in _FUTURE_VERBS or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "shall", "to") for c in t.children) or \
                t.dep_ == "xcomp" and t.head.lemma_.lower() in _FUTURE_VERBS | {"be"} and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    return False


def _tree_distance(a: Token, b: Token) -> int:
    up_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return n + up_a[t.i]
    return 10_000


def nearest_date(dates: list[tuple[Span, str]], trigger: Token | None) -> str:
    """Of a sentence's dates, the one closest in the parse to the word that states the fact."""
    if trigger is None or len(dates) == 1:
        return dates[0][1]
    return min(dates, key=lambda d: (_tree_distance(d[0].root, trigger), abs(d[0].start - trigger.i)))[1]
