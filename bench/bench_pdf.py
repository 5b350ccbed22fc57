"""PDF text: pypdf (the product's reader, graph/readers.py) against pdfminer.six, on PDFs made from the
development digests. Prints, per library and kind of PDF: milliseconds per page, how much of the source text comes
back in order (word-sequence similarity), and how many source paragraphs come back whole (what the extractor's
sentence and paragraph logic needs).

Kinds: fpdf2 reports (A5, justified, running header, page numbers; one per digest, tests/pdfs.py) and, when
Chromium is installed, HTML printed to PDF by Chromium in one column and in two columns (five digests each).

Run: .venv/bin/pip install pdfminer.six && .venv/bin/python bench/bench_pdf.py   (pdfminer.six is not a dependency
of the product; without it only pypdf is measured)
"""

from __future__ import annotations

import difflib
import html
import io
import json
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.readers import _drop_title_block, _join_lines, pdf_text  # noqa: E402
from tests.pdfs import ROOT, digest, report_pdf  # noqa: E402

DEV = json.loads((ROOT / "tests" / "gold" / "split.json").read_text())["development"]


def pdfminer_text(data: bytes) -> str:
    """The same job with pdfminer.six: its layout boxes as paragraphs, page numbers and repeated edge lines
    dropped, the title heading dropped when the PDF's info names it."""
    import re

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    pages = []
    for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
        boxes = [el for el in page if isinstance(el, LTTextContainer)]
        pages.append([_join_lines([" ".join(ln.split()) for ln in b.get_text().splitlines() if ln.strip()])
                      for b in boxes])
    seen: dict[str, int] = {}
    for boxes in pages:
        for b in set(boxes[:1] + boxes[-1:]):
            seen[re.sub(r"\d+", "#", b)] = seen.get(re.sub(r"\d+", "#", b), 0) + 1
    doc = PDFDocument(PDFParser(io.BytesIO(data)))
    info = doc.info[0] if doc.info else {}
    raw_title = info.get("Title")
    title = raw_title.decode("utf-8", "replace") if isinstance(raw_title, bytes) else None
    paras: list[str] = []
    for boxes in pages:
        for b in boxes:
            if re.fullmatch(r"(?i)(page\s*)?\d+(\s*(of|/)\s*\d+)?", b) or (len(pages) > 1 and
                                                                          seen.get(re.sub(r"\d+", "#", b), 0) > 1):
                continue
            paras.append(b)
    return "\n\n".join(_drop_title_block(paras, title))


def chromium_pdf(names: list[str], columns: int) -> bytes | None:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        return None
    from playwright.sync_api import sync_playwright

    parts = []
    for name in names:
        fields, body = digest(name)
        parts.append(f"<h2>{html.escape(fields['title'])}</h2>"
                     + "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n")))
    cols = f"column-count:{columns};column-gap:1.2cm;" if columns > 1 else ""
    page = (f"<html><head><title>Briefing</title><style>body{{font-family:'Liberation Serif',serif;font-size:11pt;"
            f"text-align:justify;{cols}}} h2{{font-size:13pt}}</style></head><body>{''.join(parts)}</body></html>")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        tab = browser.new_page()
        tab.set_content(page)
        data = tab.pdf(format="A4", display_header_footer=True,
                       header_template="<div style='font-size:8px;width:100%;text-align:center'>Korea-Central Asia "
                                       "briefing</div>",
                       footer_template="<div style='font-size:8px;width:100%;text-align:center'>Page <span "
                                       "class='pageNumber'></span> of <span class='totalPages'></span></div>",
                       margin={"top": "2cm", "bottom": "2cm", "left": "2cm", "right": "2cm"})
        browser.close()
    return data


def score(text: str, paragraphs: list[str]) -> tuple[float, float]:
    got = text.split()
    want = " ".join(paragraphs).split()
    similarity = difflib.SequenceMatcher(None, got, want, autojunk=False).ratio()
    out = {" ".join(p.split()) for p in text.split("\n\n")}
    whole = sum(1 for p in paragraphs if " ".join(p.split()) in out) / len(paragraphs)
    return similarity, whole


def main() -> None:
    cases: list[tuple[str, bytes, list[str], int]] = []
    for name in DEV:
        if "_digest_" not in name:
            continue
        fields, body = digest(name)
        paras = body.split("\n\n")
        data = report_pdf(fields["title"], paras)
        cases.append(("fpdf2 A5 report", data, paras, 0))
    groups = [d for d in DEV if "_digest_" in d]
    for columns in (1, 2):
        for i in range(0, len(groups), 5):
            names = groups[i:i + 5]
            data_c = chromium_pdf(names, columns)
            if data_c is None:
                break
            paras = []
            for name in names:
                fields, body = digest(name)
                paras += [fields["title"], *body.split("\n\n")]
            cases.append((f"Chromium, {columns} column{'s' if columns > 1 else ''}", data_c, paras, 0))

    import pypdf

    readers: dict[str, Callable[[bytes], str]] = {"pypdf": lambda d: pdf_text(d).text}
    try:
        import pdfminer  # noqa: F401

        readers["pdfminer.six"] = pdfminer_text
    except ImportError:
        print("pdfminer.six not installed: measuring pypdf only")
    print(f"{'kind':24} {'reader':13} {'PDFs':>4} {'pages':>5} {'ms/page':>8} {'text in order':>13} "
          f"{'paragraphs whole':>16}")
    for kind in dict.fromkeys(k for k, *_ in cases):
        subset = [c for c in cases if c[0] == kind]
        n_pages = sum(len(pypdf.PdfReader(io.BytesIO(c[1])).pages) for c in subset)
        for rname, read in readers.items():
            times, sims, wholes = [], [], []
            for _, data, paras, _ in subset:
                best = float("inf")
                for _ in range(3):
                    t0 = time.perf_counter()
                    text = read(data)
                    best = min(best, time.perf_counter() - t0)
                times.append(best)
                sim, whole = score(text, paras)
                sims.append(sim)
                wholes.append(whole)
            print(f"{kind:24} {rname:13} {len(subset):>4} {n_pages:>5} {1000 * sum(times) / n_pages:>8.1f} "
                  f"{statistics.mean(sims):>13.3f} {statistics.mean(wholes):>16.3f}")


if __name__ == "__main__":
    main()
