"""Reading real formats: a saved news page (main text, no clutter), a PDF (paragraphs, pages), Markdown (no
markup). Each gives the extractor the same facts as the plain digest text it was made from."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from graph import service
from graph.documents import DocumentError, parse_document, read_document
from graph.models import Extraction
from tests.pdfs import digest, digest_pdf, report_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "web"
PAGE = FIXTURES / "timesca-critical-minerals.html"
PAGE_DIGEST = "12_digest_timesca_kazakhstan-critical-minerals-mous.txt"  # development part
PDF_DIGEST = "18_digest_ajp_lee-tokayev-phone-call-c5k-summit.txt"  # development part

# Words of the page's menus, banner, share buttons, related and most-read links, newsletter box and footer.
CLUTTER = ["Politics", "Economy", "Society", "Location of", "Cookie", "Privacy", "Accept", "Subscribe", "Log in",
           "Share", "Facebook", "Telegram", "Wikipedia", "Advertisement", "Related", "Most read", "Samsung",
           "Balkhash", "Posco", "graphite", "EPS", "Turkmenistan", "Rogun", "Eximbank", "Doosan", "Turkestan",
           "newsletter", "briefing", "Staff Reporter", "Akorda", "Times of Central Asia", "All rights reserved"]


def triples(extraction: Extraction) -> set[tuple[str, str, str]]:
    return {(f.subject, f.relation, f.object) for f in extraction.facts}


def plain(name: str, doc_id: str):  # type: ignore[no-untyped-def]
    """The digest's body alone, under the same id (the id names a document's own agreements)."""
    fields, body = digest(name)
    return parse_document(body, doc_id=doc_id, title=fields["title"])


def test_a_news_page_yields_the_facts_of_its_article_text_and_no_clutter(extractor) -> None:
    page = read_document(PAGE)
    assert page.format == "html"
    # the metadata the page's markup states
    assert page.title == "Kazakhstan and South Korea to cooperate in critical minerals, oil and gas"
    assert page.date == "2024-06-13"
    assert page.source and page.source.endswith("critical-minerals-oil-and-gas")
    # the main text is the article, paragraph for paragraph
    assert page.text == digest(PAGE_DIGEST)[1]
    from_page, from_text = extractor.extract(page), extractor.extract(plain(PAGE_DIGEST, page.id))
    assert triples(from_page) == triples(from_text)
    assert len(triples(from_page)) >= 10
    names = [n for e in from_page.entities for n in (e.name, *e.aliases)]
    for word in CLUTTER:
        assert not [n for n in names if word.lower() in n.lower()], word
        assert word.lower() not in page.text.lower() or word in ("Economy",), word


def test_a_page_the_main_text_reader_finds_nothing_in_falls_back_to_the_whole_page() -> None:
    doc = parse_document("<p>Posco International signed an agreement with Uzbekistan.</p>", doc_id="doc:f",
                         path="f.html")
    assert doc.text == "Posco International signed an agreement with Uzbekistan."


def test_citation_marks_do_not_reach_the_text() -> None:
    para = ("The Koryo-saram are ethnic Koreans in the post-Soviet states<sup class='reference'>[1]</sup>, most of "
            "them in Uzbekistan and Kazakhstan<sup>[2]</sup><sup>[citation needed]</sup>. ")
    html = f"<html><body><article><h1>Koryo-saram</h1><p>{para * 4}</p></article></body></html>"
    doc = parse_document(html, doc_id="doc:w", path="w.html")
    assert "[" not in doc.text and "Uzbekistan and Kazakhstan." in doc.text


def test_a_pdf_of_a_digest_yields_the_facts_of_its_text(extractor) -> None:
    doc = parse_document(digest_pdf(PDF_DIGEST, font_size=14), doc_id="doc:pdf", path="report.pdf")
    assert doc.format == "pdf"
    fields, body = digest(PDF_DIGEST)
    assert doc.title == fields["title"]
    # running header and page numbers are gone, lines are paragraphs again, also across the page break
    assert "briefing" not in doc.text and "Page 1" not in doc.text
    assert doc.text == body
    assert doc.pages is not None and len(doc.pages) >= 2 and doc.pages[0] == 0
    from_pdf, from_text = extractor.extract(doc), extractor.extract(plain(PDF_DIGEST, doc.id))
    assert triples(from_pdf) == triples(from_text) and len(triples(from_pdf)) >= 10


def test_pdf_pages_are_where_their_text_is() -> None:
    paragraphs = [f"Paragraph {i} says that Korea and Kazakhstan met for the {i}th time." for i in range(1, 30)]
    data = report_pdf("Meetings", paragraphs, metadata_title=False)
    doc = parse_document(data, doc_id="doc:p", path="m.pdf")
    assert doc.text.startswith("Meetings\n\nParagraph 1 says")  # no title in the PDF's info: the heading stays
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    assert doc.pages is not None and len(doc.pages) == len(reader.pages) >= 2
    from graph.readers import page_of

    for i, para in enumerate(paragraphs):
        start = doc.text.index(para)
        page = page_of(doc.pages, start)
        assert page is not None
        assert f"Paragraph {i + 1} says" in reader.pages[page - 1].extract_text().replace("\n", " ")


@pytest.mark.parametrize("data, word", [(b"%PDF-1.7\n garbage", "PDF"), (b"%PDF-1.4\n" + b"\x00" * 50, "PDF")])
def test_a_broken_pdf_is_a_clear_error(data: bytes, word: str) -> None:
    with pytest.raises(DocumentError, match=word):
        parse_document(data, doc_id="doc:b", path="b.pdf")


def test_markdown_reaches_the_extractor_without_markup() -> None:
    md = ("# Doosan in Turkestan\n\n"
          "**Doosan Enerbility** is building a [combined-cycle plant](https://example.org/ccpp) in *Turkestan*,\n"
          "Kazakhstan.\n\n"
          "- Samsung C&T builds in Balkhash\n- KEPCO joins `the consortium`\n\n"
          "```\nprint('code states no facts')\n```\n\n"
          "| firm | country |\n| --- | --- |\n| Posco | Uzbekistan |\n\n"
          "![Korea Zinc plant](zinc.png) <span>inline</span> tags go.\n")
    doc = parse_document(md, doc_id="doc:md", path="note.md")
    assert doc.format == "markdown" and doc.title == "Doosan in Turkestan"
    assert doc.text == ("Doosan Enerbility is building a combined-cycle plant in Turkestan, Kazakhstan.\n\n"
                        "Samsung C&T builds in Balkhash\nKEPCO joins the consortium\n\n"
                        "firm; country\nPosco; Uzbekistan\n\n"
                        "Korea Zinc plant inline tags go.")
    for mark in ("**", "](", "#", "`", "<span>", "print("):
        assert mark not in doc.text


def test_pdf_evidence_carries_its_page_and_offsets_into_the_stored_text(store, extractor, tmp_path: Path) -> None:
    import io

    import pypdf

    from graph.loader import Loader

    data = digest_pdf(PDF_DIGEST, font_size=14)
    path = tmp_path / "briefing.pdf"
    path.write_bytes(data)
    report = Loader(store, extractor).load_paths([path])
    assert [r.status for r in report.results] == ["loaded"]
    stored = store.run("document_by_id", doc_id="doc:briefing")[0]
    assert stored["format"] == "pdf" and stored["text"] == digest(PDF_DIGEST)[1]
    page_texts = [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(data)).pages]
    pages_seen = set()
    for row in store.run("export_relationships"):
        p = row["props"]
        for doc_id, sentence, start, end, page in zip(p["doc_ids"], p["sentences"], p["starts"], p["ends"],
                                                      p["pages"], strict=True):
            assert doc_id == "doc:briefing" and stored["text"][start:end] == sentence
            # the sentence's first words are printed on that page
            assert " ".join(sentence.split()[:4]) in page_texts[page - 1], (page, sentence)
            pages_seen.add(page)
    assert pages_seen == {1, 2}
    detail = asyncio.run(service.document_detail(store, "doc:briefing"))
    assert detail.pages == stored["pages"] and {e.page for f in detail.facts for e in f.evidence} == {1, 2}
