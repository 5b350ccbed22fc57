"""Copies among documents: exact copies by a hash of the text, near copies by shingled similarity.

An exact copy (the same text under another id: a page loaded under two URLs, a file posted again over the API)
is not a new document: the loader reports it unchanged and notes where else it was found. A near copy (the same
story from two outlets, a syndicated page with its own first line) is a document of its own, linked to the
other both ways; its facts merge into the same relationships, whose evidence lists then hold both sentences.

Near copies are found with word shingles: the set of every run of SHINGLE consecutive words. Each document keeps a
bottom-k sketch of its shingles (the SKETCH smallest 63-bit hashes), from which the Jaccard similarity of two
documents can be estimated without their texts; only a pair whose estimate comes near the threshold is compared
exactly on its text. The threshold comes from the corpus: see NEAR_COPY.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.models import Entity, Extraction

SHINGLE = 5
SKETCH = 128
# Jaccard similarity of 5-word shingles above which two documents are near copies. Among the 38 seed documents the
# most similar distinct pair (digests 12 and 42, two outlets' accounts of the same June 2024 memoranda, written
# apart) scores 0.14, the next 0.02; digest 12 with another first paragraph, one sentence reworded and a line of
# credits added scores 0.70 (tests/test_copies.py checks both sides).
NEAR_COPY = 0.5
_MARGIN = 0.15  # sketch estimates within this of the threshold are checked exactly

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    return {int.from_bytes(hashlib.blake2b(" ".join(words[i:i + SHINGLE]).encode("utf-8"), digest_size=8).digest(),
                           "big") >> 1
            for i in range(len(words) - SHINGLE + 1)}


def sketch(shingle_set: set[int]) -> list[int]:
    return sorted(shingle_set)[:SKETCH]


def pack(sketch: list[int]) -> str:
    """A sketch as the store keeps it: one string of 16 hex digits per hash (one property value to write, where a
    list of 128 integers costs the embedded store's bridge one conversion each)."""
    return "".join(f"{h:016x}" for h in sketch)


def unpack(packed: str) -> list[int]:
    return [int(packed[i:i + 16], 16) for i in range(0, len(packed), 16)]


def estimate(a: list[int], b: list[int]) -> float:
    """Jaccard similarity estimated from two bottom-k sketches."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:SKETCH]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def verdict(a: list[int], b: list[int], a_set: frozenset[int] | None = None, b_set: frozenset[int] | None = None
            ) -> bool | None:
    """From the sketches alone: True (near copies), False (not), or None when the estimate is too close to the
    threshold to tell and the texts must be compared. With 128 hashes the estimate's standard error is at most
    0.045, so the margin is over three of them. Most pairs share almost no hashes: the estimate counts only hashes
    both sketches hold, so a small overlap of the two (a set intersection) rules a pair out before any sorting."""
    shared = len((a_set or frozenset(a)) & (b_set or frozenset(b)))
    if shared < (NEAR_COPY - _MARGIN) * min(len(a), len(b)):
        return False
    e = estimate(a, b)
    if e >= NEAR_COPY + _MARGIN:
        return True
    if e < NEAR_COPY - _MARGIN:
        return False
    return None


def adopt_local_ids(extraction: Extraction, copy_of: str) -> Extraction:
    """A near copy tells the other document's story: the agreements and projects it names without a proper name
    (ids '<kind>:<document key>:<n>', made per document by graph.extract) are the other's, so their facts merge
    into the same relationships instead of doubling under a second id."""
    from graph.extract import slug

    mine = slug(extraction.document.id.split(":", 1)[-1])
    theirs = slug(copy_of.split(":", 1)[-1])
    if mine == theirs:
        return extraction

    def adopt(entity_id: str) -> str:
        kind, _, rest = entity_id.partition(":")
        key, sep, local = rest.partition(":")
        return f"{kind}:{theirs}:{local}" if sep and key == mine else entity_id

    entities: dict[str, Entity] = {}
    for e in extraction.entities:
        entities.setdefault(adopt(e.id), e.model_copy(update={"id": adopt(e.id)}))
    facts = [f.model_copy(update={"subject": adopt(f.subject), "object": adopt(f.object)}) for f in extraction.facts]
    return extraction.model_copy(update={"entities": list(entities.values()), "facts": facts,
                                         "mentions": [adopt(m) for m in extraction.mentions]})
