"""Real PDFs made from corpus digests, for the tests and bench/bench_pdf.py: fpdf2 lays the text out the way a
report is laid out (a running header, page numbers in the footer, justified paragraphs wrapped over several
pages), so the reader meets what PDFs really hold: lines, not paragraphs."""

from __future__ import annotations

from pathlib import Path

from graph.documents import split_header

ROOT = Path(__file__).resolve().parent.parent


def digest(name: str) -> tuple[dict[str, str], str]:
    """A corpus digest's header fields and body, as the loader reads them."""
    raw = (ROOT / "seeds" / name).read_text(encoding="utf-8")
    fields, offset = split_header(raw)
    return fields, raw[offset:].rstrip()


def report_pdf(title: str, paragraphs: list[str], *, page_format: str | tuple[float, float] = (148, 210),
               font_size: float = 11, running_header: str = "Korea-Central Asia briefing",
               metadata_title: bool = True) -> bytes:
    """A PDF (A5 by default): title heading, then the paragraphs, justified, over as many pages as they need."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 6, running_header, align="C")
            self.ln(10)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Report(format=page_format)
    pdf.core_fonts_encoding = "windows-1252"  # the dashes and quotes of the digests, as Word PDFs encode them
    if metadata_title:
        pdf.set_title(title)
    pdf.set_margins(18, 15, 18)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", font_size + 2)
    pdf.multi_cell(0, font_size * 0.6, title)
    pdf.ln(3)
    pdf.set_font("Helvetica", size=font_size)
    for para in paragraphs:
        pdf.multi_cell(0, font_size * 0.5, para, align="J")
        pdf.ln(3)
    return bytes(pdf.output())


def digest_pdf(name: str, **kwargs: object) -> bytes:
    fields, body = digest(name)
    return report_pdf(fields["title"], body.split("\n\n"), **kwargs)  # type: ignore[arg-type]
