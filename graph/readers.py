"""Formats to plain text: HTML pages (main text only), Markdown and PDF.

Each reader returns `Extracted`: the plain text the extractor reads and the document stores (evidence offsets refer
to it), the metadata the format states (title, date, author, site), and for PDFs where each page starts in the text.
Paragraphs are separated by a blank line and every line is one block (a heading, a paragraph, a list item), as in
the corpus files: the extractor ends a sentence at a line break and reads a paragraph's date across its sentences.

A leading heading that repeats the document's title is dropped from the text: the title is kept as the document's
title, as the corpus files keep it in their header, so a page and its plain text give the extractor the same body.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.etree import _Element

log = logging.getLogger(__name__)


@dataclass
class Extracted:
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    pages: list[int] | None = None  # PDF: offset in `text` where page i+1 starts


class ReaderError(ValueError):
    """The content cannot be read in its format (a broken PDF, an encrypted one)."""


_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def _clean_line(s: str) -> str:
    return _SPACES.sub(" ", s).strip()


def _join_blocks(blocks: list[str]) -> str:
    return "\n\n".join(b for b in blocks if b)


def _same_title(block: str, title: str | None) -> bool:
    def key(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().casefold()

    return bool(title) and key(block) == key(title or "")


def _drop_title_block(blocks: list[str], title: str | None) -> list[str]:
    if blocks and _same_title(blocks[0], title):
        return blocks[1:]
    return blocks


# ---------------------------------------------------------------------------------------------------------
# HTML

# Citation marks ("[1]", "[citation needed]", "[a]") are footnote links, not words of the sentence.
_CITATION = re.compile(r"^\s*\[(?:\d{1,4}|[a-z]|note \d+|citation needed|clarification needed|when\?|who\?)\]\s*$",
                       re.IGNORECASE)


def _inline_text(el: _Element) -> str:
    """The text of one block of trafilatura's output tree, without citation marks; <lb/> is a space (the block
    is one paragraph; a line break inside it is layout)."""
    parts: list[str] = []

    def walk(node: _Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag == "hi" and (node.get("rend") or "") in ("#sup", "#sub") and _CITATION.match(node.text or ""):
            parts.append(node.tail or "")
            return
        if tag == "lb":
            parts.append(" ")
        elif tag not in ("graphic",):
            parts.append(node.text or "")
            for child in node:
                walk(child)
        if node is not el:
            parts.append(node.tail or "")

    walk(el)
    return _clean_line("".join(parts))


def _blocks_of(body: _Element) -> list[str]:
    blocks: list[str] = []
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "list":
            items = [_inline_text(item) for item in el.iter("item")]
            blocks.append("\n".join(i for i in items if i))
        elif tag == "table":
            rows = []
            for row in el.iter("row"):
                cells = [_inline_text(c) for c in row.iter("cell")]
                rows.append("; ".join(c for c in cells if c))
            blocks.append("\n".join(r for r in rows if r))
        elif tag in ("p", "head", "quote", "code", "div"):
            blocks.append(_inline_text(el))
    return blocks


def html_main_text(html: str, url: str | None = None) -> Extracted | None:
    """The page's main text and metadata, by trafilatura; None when it finds no main text (the caller then
    falls back to the whole-page reader). Menus, footers, cookie notices, related links and ads are left out."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_formatting=True, include_images=False, include_links=False, deduplicate=False,
            # publication date from the page's markup only; guessing from any date in the text picks up clutter
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as e:  # lxml and trafilatura raise many types on broken markup: fall back, do not fail
        log.debug("trafilatura could not read the page: %s", e)
        return None
    body = getattr(doc, "body", None)
    if body is None:
        return None
    meta = {k: str(v) for k in ("title", "author", "date", "sitename", "url", "description")
            if (v := getattr(doc, k, None))}
    blocks = _drop_title_block(_blocks_of(body), meta.get("title"))
    text = _join_blocks(blocks)
    if not text.strip():
        return None
    return Extracted(text=text, meta=meta)


# ---------------------------------------------------------------------------------------------------------
# Markdown


def markdown_text(source: str) -> Extracted:
    """Markdown to plain text with markdown-it-py: no `**`, link syntax, HTML or code reaches the extractor.
    Link and image text is kept, code blocks are dropped (code states no facts), each block is one paragraph and
    a tight list's items are lines. The first heading is the title."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(source)
    blocks: list[str] = []
    title: str | None = None
    row: list[str] = []
    rows: list[str] = []
    list_depth = 0
    items: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            if list_depth == 0 and items:
                blocks.append("\n".join(items))
                items = []
        elif tok.type == "inline":
            text = _markdown_inline(tok.children or [])
            parent = tokens[i - 1].type if i else ""
            if parent == "heading_open" and title is None:
                title = text
            if parent in ("th_open", "td_open"):
                row.append(text)
            elif list_depth:
                items.append(text)
            else:
                blocks.append(text)
        elif tok.type == "tr_close":
            rows.append("; ".join(c for c in row if c))
            row = []
        elif tok.type == "table_close":
            blocks.append("\n".join(r for r in rows if r))
            rows = []
    meta = {"title": title} if title else {}
    return Extracted(text=_join_blocks(_drop_title_block([b for b in blocks if b], title)), meta=meta)


def _markdown_inline(children: list[Any]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append(" ")
        elif child.type == "image":
            parts.append(_markdown_inline(child.children or []))
        elif child.type == "html_inline":
            continue  # inline tags are markup, not words
    return _clean_line("".join(parts))


# ---------------------------------------------------------------------------------------------------------
# PDF

# Latin ligatures PDFs emit as one glyph ("ﬁ"): words must read as words.
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st", "\u00ad": ""})
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—(]?\s*\d{1,4}\s*(?:(?:/|of)\s*\d{1,4})?\s*[-–—)]?$", re.IGNORECASE)
_EDGE_NUMBER = re.compile(r"^(?:page\s*)?\d+\s*[|·•–-]?\s*|\s*[|·•–-]?\s*(?:page\s*)?\d+(?:\s*(?:/|of)\s*\d+)?$")
_TOOL_TITLE = re.compile(r"^(?:Microsoft (?:Word|PowerPoint) - )", re.IGNORECASE)
_NO_TITLE = re.compile(r"^(?:|about:blank|untitled(?: document)?|document\d*|[\w-]+\.(?:docx?|pdf|html?|odt))$",
                       re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.!?\"”’)\]]$")


@dataclass
class _Line:
    text: str
    x: float
    y: float
    size: float = 0.0  # font size in page units


def _page_lines(page: Any) -> list[_Line]:
    """The page's text lines in content order, each with the position where it starts (pypdf's visitor gives
    the text operations with their matrices; its own text output has no positions)."""
    lines: list[_Line] = []
    parts: list[str] = []
    pos: list[tuple[float, float, float]] = []

    def flush() -> None:
        text = _clean_line("".join(parts).translate(_LIGATURES))
        if text:
            x, y, size = pos[0] if pos else (0.0, 0.0, 0.0)
            lines.append(_Line(text, x, y, size))
        parts.clear()
        pos.clear()

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: Any) -> None:
        if not text:
            return
        chunks = text.split("\n")
        for k, chunk in enumerate(chunks):
            if k:
                flush()
            if chunk.strip():
                if not pos:
                    scale = abs(tm[3] * cm[3]) or 1.0
                    pos.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5],
                                float(size or 0) * scale))
                parts.append(chunk)
            elif chunk:
                parts.append(chunk)

    page.extract_text(visitor_text=visit)
    flush()
    return lines


def _furniture(pages: list[list[_Line]]) -> set[tuple[int, int]]:
    """(page, line) positions of running headers and footers among the first and last two lines of a page: lines
    that recur at the same height on other pages (a page number at either end ignored: "Annual report | 3"), page
    numbers, and lines in a smaller type than the page's text (what tells a running header on a one-page
    document)."""
    def key(ln: _Line) -> tuple[str, int]:
        return _EDGE_NUMBER.sub("", ln.text.casefold()), round(ln.y)

    def edge(lines: list[_Line]) -> list[tuple[int, _Line]]:
        return [(i, ln) for i, ln in enumerate(lines) if i < 2 or i >= len(lines) - 2]

    seen: dict[tuple[str, int], int] = {}
    for lines in pages:
        for k in {key(ln) for _, ln in edge(lines)}:
            seen[k] = seen.get(k, 0) + 1
    out = set()
    for p, lines in enumerate(pages):
        sizes = [ln.size for ln in lines if ln.size > 0]
        body_size = statistics.median(sizes) if sizes else 0.0
        for i, ln in edge(lines):
            if _PAGE_NUMBER.match(ln.text) or seen.get(key(ln), 0) > 1 or 0 < ln.size < body_size * 0.9:
                out.add((p, i))
    return out


def _line_pitch(pages: list[list[_Line]]) -> float:
    """The usual distance between two lines of a paragraph, over the whole document (a page may hold too few
    lines to tell a line from a paragraph gap). Lines are rarely set wider apart than 1.5 times their type size:
    that bound keeps a document of one-line paragraphs from taking its paragraph gap for its line pitch."""
    pitches = [a.y - b.y for lines in pages for a, b in zip(lines, lines[1:], strict=False) if 0 < a.y - b.y < 60]
    sizes = [ln.size for lines in pages for ln in lines if ln.size > 0]
    pitch = statistics.median(pitches) if pitches else 0.0
    return min(pitch, 1.5 * statistics.median(sizes)) if sizes else pitch


def _paragraphs(lines: list[_Line], pitch: float) -> list[list[str]]:
    """Group a page's lines into paragraphs: a vertical gap wider than the usual line pitch, or a jump up (the
    next column), starts a new one."""
    if not lines:
        return []
    paras: list[list[str]] = [[lines[0].text]]
    for prev, ln in zip(lines, lines[1:], strict=False):
        gap = prev.y - ln.y
        # a jump up is the next column: a new paragraph only where the sentence ended
        if pitch and (gap > pitch * 1.35 or (gap < -pitch * 0.5 and _ENDS_SENTENCE.search(prev.text))):
            paras.append([])
        paras[-1].append(ln.text)
    return paras


_LIST_ITEM = re.compile(r"^(?:[-–•▪*]|\d{1,2}[.)])\s")


def _join_lines(lines: list[str]) -> str:
    out = ""
    for ln in lines:
        if not out:
            out = ln
        elif _LIST_ITEM.match(ln):
            out += "\n" + ln  # a list item is a line of its own, as in the text the PDF was made from
        elif re.search(r"\w-$", out) and ln[:1].islower():
            out += ln  # a compound broken at its hyphen: "supply-" + "chain", "1,320-" + "megawatt"
        else:
            out += " " + ln
    return out


def pdf_text(data: bytes) -> Extracted:
    """A PDF's text by pypdf: running headers, footers and page numbers dropped, lines joined into paragraphs,
    a paragraph that runs over a page break joined again; `pages` says where each page starts in the text."""
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as e:
                raise ReaderError(f"encrypted PDF ({e})") from e
        pages = [_page_lines(page) for page in reader.pages]
        info: Any = reader.metadata or {}
    except ReaderError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as e:
        raise ReaderError(f"not a readable PDF ({type(e).__name__}: {e})") from e
    furniture = _furniture(pages)
    meta: dict[str, str] = {}
    for key, name in (("/Title", "title"), ("/Author", "author")):
        value = info.get(key)
        if isinstance(value, str) and value.strip():
            meta[name] = _clean_line(_TOOL_TITLE.sub("", value))
    if _NO_TITLE.match(meta.get("title", "")):
        meta.pop("title", None)  # what a tool writes when the author gave no title

    paras: list[str] = []
    starts: list[int] = []
    length = 0  # length of "\n\n".join(paras)
    carry = False  # the last paragraph of the previous page runs on
    bodies = [[ln for i, ln in enumerate(lines) if (p, i) not in furniture] for p, lines in enumerate(pages)]
    pitch = _line_pitch(bodies)
    for p, body in enumerate(bodies):
        groups = [_join_lines(g) for g in _paragraphs(body, pitch)]
        groups = [g for g in groups if g]
        if p == 0:
            groups = _drop_title_block(groups, meta.get("title"))
        if not groups:
            starts.append(length)
            continue
        if paras and (carry or _LIST_ITEM.match(groups[0])):
            starts.append(length + 1)
            paras[-1] += ("\n" if _LIST_ITEM.match(groups[0]) else " ") + groups[0]
            length += 1 + len(groups[0])
            groups = groups[1:]
        else:
            starts.append(length + 2 if paras else 0)
        for g in groups:
            length += (2 if paras else 0) + len(g)
            paras.append(g)
        carry = bool(paras) and not _ENDS_SENTENCE.search(paras[-1])
    text = "\n\n".join(paras)
    return Extracted(text=text, meta=meta, pages=[min(s, len(text)) for s in starts])


def page_of(pages: list[int] | None, offset: int) -> int | None:
    """The 1-based page on which `offset` of the text lies, or None for a document without pages."""
    if not pages:
        return None
    import bisect

    return max(1, bisect.bisect_right(pages, offset))
