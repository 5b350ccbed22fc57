"""Evidence as stored on a relationship (parallel lists, one entry per supporting sentence) and back."""

from __future__ import annotations

import json
from typing import Any

EVIDENCE_LISTS = ("doc_ids", "sentences", "starts", "ends", "dates", "date_sources", "modalities", "quantities",
                  "rules", "confidences", "pages")


def evidence_of(props: dict[str, Any]) -> list[dict[str, Any]]:
    """The pieces of evidence stored on a relationship, one dict each (a list shorter than doc_ids gives None past
    its end). Column by column rather than a lookup per field: the mineral answer converts about 900 relationships."""
    doc_ids = props.get("doc_ids") or []
    n = len(doc_ids)
    if not n:
        return []

    def column(key: str) -> list[Any]:
        values = props.get(key) or []
        return list(values[:n]) + [None] * (n - len(values)) if len(values) != n else list(values)

    return [{
        "doc_id": doc_id,
        "sentence": sentence,
        "start": start,
        "end": end,
        "date": date or None,
        "date_source": date_source or None,
        "modality": modality or None,
        "quantities": json.loads(quantities) if quantities else [],
        "rule": rule,
        "confidence": confidence,
        "page": page or None,  # 0: not a PDF
    } for doc_id, sentence, start, end, date, date_source, modality, quantities, rule, confidence, page in zip(
        doc_ids, *(column(key) for key in EVIDENCE_LISTS[1:]), strict=True)]


def plain_properties(props: dict[str, Any]) -> dict[str, Any]:
    """A relationship's properties without the evidence lists."""
    return {k: v for k, v in props.items() if k not in EVIDENCE_LISTS}
