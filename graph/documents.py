"""Read documents (plain text, Markdown, HTML, PDF) into `SourceDocument` records.

A text document may open with a header block of `key: value` lines (source, title, date, license, text, ...)
followed by a blank line, as the corpus files do. Without a header, the title and date are taken from the
format's metadata (HTML meta tags, PDF info) or from the text where it plainly states them: a short first line as
title, a line that is only a date (first lines or last line) as date.

Bad input raises `DocumentError` before anything is returned, so a caller never sees a partial document.
Offsets: `SourceDocument.text` is the text the extractor reads and the store keeps with the document, and every
evidence offset refers to it. For plain text it is the body exactly as it occurs in the decoded file (no newline
rewriting) and `body_offset` is where it starts, so offsets also map back to the file. For HTML, Markdown and PDF
it is the extracted text (graph/readers.py): the page's main text, the Markdown without markup, the PDF's
paragraphs; `pages` says where each PDF page starts in it.
"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

from graph.models import SourceDocument
from graph.readers import Extracted, ReaderError, html_main_text, markdown_text, pdf_text

DEFAULT_MAX_BYTES = 5 * 1024 * 1024

HEADER_KEYS = frozenset(
    {"source", "title", "date", "license", "text", "author", "url", "language", "published"}
)
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]{0,30}):[ \t]*(.*?)[ \t]*$")

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
PDF_SUFFIXES = frozenset({".pdf"})
Format = Literal["text", "markdown", "html", "pdf"]

# Media types a document may be served as, by format (parameters such as charset stripped).
MEDIA_TYPES: dict[str, Format] = {
    "text/html": "html", "application/xhtml+xml": "html", "text/plain": "text", "text/markdown": "markdown",
    "text/x-markdown": "markdown", "application/pdf": "pdf",
}


class DocumentError(ValueError):
    """The input cannot be read as a text document (empty, binary, not UTF-8, too large, unreadable)."""


# ---------------------------------------------------------------------------------------------------------
# Dates

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})\b"),
    # "June 12, 2024", "June 12-13, 2024" (the first day is kept)
    re.compile(
        _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?,?\s+(?P<year>\d{4})\b",
        re.IGNORECASE,
    ),
    # "12 June 2024", "19–20 June 2023"
    re.compile(
        r"\b(?P<day>\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+" + _MONTH_RE + r",?\s+(?P<year>\d{4})\b", re.IGNORECASE
    ),
    re.compile(r"\b" + _MONTH_RE + r"\s+(?P<year>\d{4})\b", re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})\b"),
    re.compile(r"^(?P<year>(?:19|20)\d{2})\b"),
)


def normalise_date(text: str) -> str | None:
    """The first date stated at the start of `text` as ISO (YYYY-MM-DD, YYYY-MM or YYYY), else None.

    Only a date at the start counts: a header like "2024-06 (agreements signed 2024-06-12)" means June 2024.
    """
    s = text.strip()
    for pattern in _DATE_PATTERNS:
        m = pattern.match(s)
        if not m:
            continue
        parts = m.groupdict()
        year = int(parts["year"])
        month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get((parts.get("month") or "").lower())
        day = int(parts["day"]) if parts.get("day") else None
        if month is not None and not 1 <= month <= 12:
            continue
        if day is not None and not 1 <= day <= 31:
            continue
        if month is None:
            return f"{year:04d}"
        if day is None:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _is_date_line(line: str) -> bool:
    """True when the whole line is a date and nothing else, e.g. the seed article's last line."""
    s = line.strip()
    if not s or len(s) > 40:
        return False
    for pattern in _DATE_PATTERNS:
        m = pattern.match(s)
        if m and m.end() >= len(s.rstrip(".")):
            return True
    return False


# ---------------------------------------------------------------------------------------------------------
# HTML

_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "hr",
        "title",
        "dt",
        "dd",
        "figcaption",
        "main",
    }
)
# Content of these is never text of the document: code, styling, templates.
_DROP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.drop_depth = 0
        self.in_title = False
        self.in_h1 = False
        self.title = ""
        self.h1 = ""
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_TAGS:
            self.drop_depth += 1
            return
        if tag == "meta":
            d = {k: v or "" for k, v in attrs}
            key = (d.get("name") or d.get("property") or "").lower()
            if key and d.get("content"):
                self.meta[key] = d["content"]
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A self-closing <script/> must not open a drop region that never closes.
        if tag in _DROP_TAGS:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_TAGS:
            self.drop_depth = max(0, self.drop_depth - 1)
            return
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.drop_depth:
            return
        if self.in_title:
            self.title += data
            return  # the <title> is metadata, not body text
        if self.in_h1:
            self.h1 += data
        self.parts.append(data)

    def text(self) -> str:
        raw = "".join(self.parts)
        lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in raw.split("\n")]
        out = "\n".join(lines)
        return re.sub(r"\n{3,}", "\n\n", out).strip()


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """Strip markup; return the text and metadata (title, date) found in the markup. The fallback for pages
    where main-text extraction finds nothing (a bare fragment, a page of one short paragraph)."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    meta: dict[str, str] = {}
    title = " ".join((parser.title or parser.h1).split())
    if title:
        meta["title"] = title
    for key in ("article:published_time", "date", "dc.date", "pubdate", "publish-date"):
        if key in parser.meta:
            meta["date"] = parser.meta[key]
            break
    return parser.text(), meta


def _looks_like_html(path: Path | None, text: str) -> bool:
    if path is not None and path.suffix.lower() in HTML_SUFFIXES:
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def read_html(html: str, url: str | None = None) -> Extracted:
    """Main text and metadata by trafilatura; the whole-page reader only where it finds nothing."""
    main = html_main_text(html, url)
    if main is not None:
        return main
    text, meta = html_to_text(html)
    return Extracted(text=text, meta=meta)


def detect_format(data: bytes, path: Path | None = None, media_type: str | None = None) -> Format:
    """The format of raw content: by the media type a server gave, else the file suffix, else the content."""
    if media_type:
        fmt = MEDIA_TYPES.get(media_type.split(";")[0].strip().lower())
        if fmt is not None and not (fmt == "text" and data.lstrip()[:5].lower() in (b"<!doc", b"<html")):
            return fmt
    suffix = path.suffix.lower() if path is not None else ""
    if suffix in PDF_SUFFIXES or data[:5] == b"%PDF-":
        return "pdf"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    head = data.lstrip()[:200].lower()
    if suffix in HTML_SUFFIXES or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def normalised_text(text: str) -> str:
    """The text with runs of whitespace as one space: what two exact copies share whatever their line ends."""
    return " ".join(text.split())


def text_hash(text: str) -> str:
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------------------------------------
# Decoding and header


def _decode(raw: bytes, *, max_bytes: int, name: str) -> str:
    if len(raw) > max_bytes:
        raise DocumentError(f"{name}: {len(raw)} bytes is larger than the limit of {max_bytes} bytes")
    if not raw.strip():
        raise DocumentError(f"{name}: document is empty")
    if b"\x00" in raw:
        raise DocumentError(f"{name}: binary file (contains NUL bytes), not a text document")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{name}: not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    text = text.removeprefix("\ufeff")
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > max(2, len(text) // 20):
        raise DocumentError(f"{name}: mostly non-text content ({control} control characters), not a document")
    return text


def split_header(text: str) -> tuple[dict[str, str], int]:
    """Parse a leading `key: value` header ended by a blank line. Returns (fields, body start offset).

    A block only counts as a header when every line is `key: value` and at least one key is a known header
    key, so a first sentence like "Note: ..." followed by a paragraph is not taken for a header.
    """
    fields: dict[str, str] = {}
    pos = 0
    while True:
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        if not line.strip():
            break
        m = _HEADER_LINE.match(line.rstrip("\r"))
        if not m:
            return {}, 0
        fields[m.group(1).lower()] = m.group(2)
        if nl < 0:
            return {}, 0  # no blank line ends the block: it is not a header
        pos = nl + 1
    if not fields or not (set(fields) & HEADER_KEYS):
        return {}, 0
    # skip the blank line(s) between header and body
    while pos < len(text) and text[pos] in "\r\n \t":
        pos += 1
    return fields, pos


def _title_from_text(text: str, markdown: bool) -> str | None:
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        if markdown and s.startswith("#"):
            return s.lstrip("#").strip() or None
        # a title is one short line, not a sentence of a paragraph or a date
        if len(s) <= 200 and not _is_date_line(s) and not s.endswith((".", ":", ";")):
            return s
        return None
    return None


def _date_from_text(text: str) -> str | None:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    candidates = lines[-1:] + lines[:5]
    for line in candidates:
        if _is_date_line(line):
            return line
    return None


def parse_document(
    raw: bytes | str,
    *,
    doc_id: str,
    path: Path | str | None = None,
    title: str | None = None,
    source: str | None = None,
    date: str | None = None,
    license: str | None = None,  # noqa: A002 - the field's name in the header
    max_bytes: int = DEFAULT_MAX_BYTES,
    media_type: str | None = None,
    defaults: dict[str, str] | None = None,
) -> SourceDocument:
    """Build a `SourceDocument` from raw content (file bytes or an HTTP body).

    Keyword values (title, source, date, license) override what the header, the format's metadata or the text
    states; `defaults` (e.g. a feed entry's title and date) fill in only what none of them states. `media_type`:
    the Content-Type a server gave. Raises DocumentError for empty, binary, non-UTF-8, unreadable or oversize
    input, and for a document with no text.
    """
    data = raw.encode("utf-8") if isinstance(raw, str) else bytes(raw)
    p = Path(path) if path is not None else None
    name = str(p) if p is not None else (source or doc_id)
    if len(data) > max_bytes:
        raise DocumentError(f"{name}: {len(data)} bytes is larger than the limit of {max_bytes} bytes")
    if not data.strip():
        raise DocumentError(f"{name}: document is empty")
    fmt = detect_format(data, p, media_type)

    fields: dict[str, str] = {}
    body_offset = 0
    pages: list[int] | None = None
    if fmt == "pdf":
        try:
            extracted = pdf_text(data)
        except ReaderError as e:
            raise DocumentError(f"{name}: {e}") from e
        body, fields, pages = extracted.text, extracted.meta, extracted.pages
    else:
        decoded = _decode(data, max_bytes=max_bytes, name=name)
        if fmt == "html" or (fmt == "text" and _looks_like_html(p, decoded)):
            fmt = "html"
            extracted = read_html(decoded, source)
            body, fields = extracted.text, extracted.meta
        else:
            fields, body_offset = split_header(decoded)
            body = decoded[body_offset:].rstrip()
            if fmt == "markdown":
                extracted = markdown_text(body)
                body, body_offset = extracted.text, 0
                fields = {**extracted.meta, **fields}
    if not body.strip():
        raise DocumentError(f"{name}: document has no body text")

    defaults = defaults or {}
    doc_title = (title or fields.get("title") or defaults.get("title")
                 or _title_from_text(body, fmt == "markdown"))
    date_text = (date or fields.get("date") or fields.get("published") or defaults.get("date")
                 or _date_from_text(body))
    iso = normalise_date(date_text) if date_text else None
    doc_source = source or fields.get("source") or fields.get("url") or defaults.get("source")
    doc_license = license or fields.get("license")
    # What the store keeps of the document: a page fetched again with other ads or timestamps is unchanged.
    stored = {"text": body, "title": doc_title, "source": doc_source, "date_text": date_text,
              "license": doc_license, "format": fmt, "pages": pages}
    content_hash = hashlib.sha256(json.dumps(stored, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    return SourceDocument(
        id=doc_id,
        path=str(p) if p is not None else None,
        title=doc_title,
        source=doc_source,
        date=iso,
        date_text=date_text,
        license=doc_license,
        text=body,
        body_offset=body_offset,
        content_hash=content_hash,
        format=fmt,
        pages=pages,
        text_hash=text_hash(body),
    )


def doc_id_for(path: Path) -> str:
    return "doc:" + path.stem


def read_document(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read one file into a `SourceDocument`; id is 'doc:' + file stem. Raises DocumentError on bad input."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            # refuse before reading: a huge file is never loaded into memory
            raise DocumentError(f"{p}: {size} bytes is larger than the limit of {max_bytes} bytes")
        if not p.is_file():
            raise DocumentError(f"{p}: not a regular file")
        raw = p.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    return parse_document(raw, doc_id=doc_id_for(p), path=p, max_bytes=max_bytes)
