"""Typed records that cross a boundary: documents read, entities and facts extracted."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

QuantityKind = Literal["money", "count", "percent", "capacity", "area", "volume", "other"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceDocument(Strict):
    """A document as read from disk or received over HTTP, before extraction."""

    id: str = Field(description="Stable id: 'doc:' + file stem or a given name")
    path: str | None = None
    title: str | None = None
    source: str | None = None
    date: str | None = Field(default=None, description="ISO date (YYYY, YYYY-MM or YYYY-MM-DD) when known")
    date_text: str | None = Field(default=None, description="The date as the document states it")
    license: str | None = None
    text: str = Field(description="The text the extractor reads and the store keeps: body text, header removed; "
                                  "for HTML, Markdown and PDF the extracted text. Evidence offsets refer to it")
    body_offset: int = Field(default=0, description="Character offset of the body in the original file (plain "
                                                    "text; 0 for extracted text)")
    content_hash: str = Field(description="Hash of what the store keeps (text and header fields): unchanged when "
                                          "a page is fetched again with other clutter")
    format: Literal["text", "markdown", "html", "pdf"] = "text"
    pages: list[int] | None = Field(default=None, description="PDF: the offset in `text` where each page starts")
    text_hash: str | None = Field(default=None, description="Hash of the text with whitespace runs as one space: "
                                                            "equal for exact copies")


class Quantity(Strict):
    kind: QuantityKind
    value: float = Field(description="The number as the text states it, scaled ('1.5 billion' -> 1.5e9)")
    unit: str = Field(description="The currency code for money ('USD', 'KRW', 'EUR'), 'percent', 'MW', 'm2', or the "
                                  "counted noun")
    text: str = Field(description="The quantity as written")
    usd: float | None = Field(default=None, description="Money only: the value in US dollars at the yearly average "
                                                        "rate of the fact's year (graph/data/fx_rates.json)")
    rate_year: int | None = Field(default=None, description="Money only: the year whose average rate gave `usd`")


class Entity(Strict):
    id: str = Field(description="Stable id, e.g. 'country:kazakhstan', 'firm:sk-ecoplant'")
    label: str = Field(description="One of graph.schema.ENTITY_LABELS")
    name: str
    aliases: list[str] = Field(default_factory=list)
    properties: dict[str, str | int | float | bool] = Field(default_factory=dict)


DateSource = Literal["sentence", "paragraph", "event", "lead", "document"]
FactSource = Literal["document", "reference"]


class Evidence(Strict):
    doc_id: str
    sentence: str = Field(description="The sentence that states the fact, quoted from the document body")
    start: int = Field(description="Character offset of the sentence in the document body")
    end: int
    date: str | None = Field(default=None, description="When the fact holds or happened (ISO YYYY, YYYY-MM or "
                                                       "YYYY-MM-DD): the date its sentence or paragraph states, "
                                                       "else the date stated for an event the sentence names, "
                                                       "else the date the report's first sentence gives its "
                                                       "event, else the document's date")
    date_source: DateSource | None = Field(default=None, description="Where `date` comes from; 'document' marks "
                                                                     "the fallback")
    page: int | None = Field(default=None, description="PDF: the page on which the sentence starts (1-based)")


class Fact(Strict):
    subject: str = Field(description="Entity id")
    relation: str = Field(description="One of graph.schema.RELATION_NAMES")
    object: str = Field(description="Entity id")
    modality: str | None = Field(default=None, description="One of graph.schema.MODALITIES")
    quantities: list[Quantity] = Field(default_factory=list)
    rule: str = Field(description="The name of the rule that made the fact (graph.extract.rules registry)")
    confidence: float = Field(ge=0.0, le=1.0, description="How sure the rule is, 0-1")
    source: FactSource = Field(default="document", description="'reference': taken from reference data (the "
                                                                "gazetteer), not stated by a document")
    evidence: Evidence | None = Field(default=None, description="The sentence that states the fact; none for "
                                                                "reference data")


class Extraction(Strict):
    """Everything extracted from one document."""

    document: SourceDocument
    entities: list[Entity]
    facts: list[Fact]
    mentions: list[str] = Field(default_factory=list, description="Ids of entities the document mentions")
