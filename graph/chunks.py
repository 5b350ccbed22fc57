"""Long documents through the extraction pipeline in pieces, offsets kept.

The pipeline parses a document at once, and spaCy refuses texts over `nlp.max_length` (1,000,000 characters) and
needs about a gigabyte of memory per 100,000 characters it parses. A document longer than KG_EXTRACT_CHUNK_CHARS
is therefore split at paragraph boundaries (else at a line break, a sentence end, a space; a hard cut only inside
a run with none of these), each piece is extracted as the document itself (same id, date, title: dates resolve as
in the whole), and the pieces' results are put together as if the whole had been read: evidence offsets shifted to
the document's text (so `text[start:end]` is still the sentence), one fact per (subject, relation, object) as the
pipeline keeps it (the first sentence that states it), entities merged by id. Passes that look at the whole
document (what an agreement covers, where a project is) see one piece at a time. Documents within the limit are
extracted whole, exactly as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.models import Entity, Extraction, Fact, SourceDocument

if TYPE_CHECKING:
    from graph.extract import Extractor

# Where a piece may end, best first: a paragraph, a line, a sentence, a word.
_BREAKS = ("\n\n", "\n", ". ", " ")


def spans(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) pieces covering `text` in order, none longer than `size`, each ending just after the best
    break in its second half (a piece never ends in the middle of a word when a break exists there)."""
    if size < 2:
        raise ValueError("size must be at least 2")
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        end = limit
        for brk in _BREAKS:
            at = text.rfind(brk, start + size // 2, limit)
            if at >= 0:
                end = at + len(brk)
                break
        out.append((start, end))
        start = end
    if start < len(text) or not out:
        out.append((start, len(text)))
    return out


def extract(extractor: Extractor, doc: SourceDocument, size: int) -> Extraction:
    """The document's extraction, in pieces of at most `size` characters when it is longer."""
    if len(doc.text) <= size:
        return extractor.extract(doc)
    parts = []
    for start, end in spans(doc.text, size):
        piece = doc.model_copy(update={"text": doc.text[start:end]})
        parts.append((start, extractor.extract(piece)))
    return merge(doc, parts)


def merge(doc: SourceDocument, parts: list[tuple[int, Extraction]]) -> Extraction:
    """Put the extractions of a document's pieces (each with the offset where its piece starts) together."""
    entities: dict[str, Entity] = {}
    facts: dict[tuple[str, str, str, str], Fact] = {}
    mentions: set[str] = set()
    for offset, part in parts:
        for e in part.entities:
            entities[e.id] = _merge_entity(entities[e.id], e) if e.id in entities else e
        for f in part.facts:
            key = (f.subject, f.relation, f.object, f.source)
            if key in facts:
                continue  # one fact per document: the first sentence that states it is its evidence
            if f.evidence is not None:
                f = f.model_copy(update={"evidence": f.evidence.model_copy(
                    update={"start": f.evidence.start + offset, "end": f.evidence.end + offset})})
            facts[key] = f
        mentions.update(part.mentions)
    ordered = sorted(facts.values(), key=lambda f: (f.evidence.start if f.evidence else -1, f.subject, f.relation,
                                                     f.object))
    return Extraction(document=doc, entities=[entities[i] for i in sorted(entities)], facts=ordered,
                      mentions=sorted(mentions))


def _merge_entity(a: Entity, b: Entity) -> Entity:
    """One entity named in two pieces: the longer name wins and the other is an alias (as the loader merges names
    across documents); aliases and properties are the union, the first piece's value kept on a clash."""
    name = b.name if len(b.name) > len(a.name) else a.name
    aliases = [x for x in dict.fromkeys([*a.aliases, a.name, *b.aliases, b.name]) if x != name]
    return a.model_copy(update={"name": name, "aliases": aliases, "properties": {**b.properties, **a.properties}})
