"""Evidence as stored on a relationship (parallel lists, one entry per supporting sentence) and back."""

from __future__ import annotations

import json
from typing import Any

EVIDENCE_LISTS = ("doc_ids", "sentences", "starts", "ends", "dates", "date_sources", "modalities", "quantities",
                  "rules", "confidences", "pages")


def evidence_of(props: dict[str, Any]) -> list[dict[str, Any]]:
    """The pieces of evidence stored on a relationship, one dict each."""
    doc_ids = props.get("doc_ids") or []
    out = []
    for i, doc_id in enumerate(doc_ids):
        def at(key: str, i: int = i) -> Any:
            values = props.get(key) or []
            return values[i] if i < len(values) else None

        quantities = at("quantities")
        out.append({
            "doc_id": doc_id,
            "sentence": at("sentences"),
            "start": at("starts"),
            "end": at("ends"),
            "date": at("dates") or None,
            "date_source": at("date_sources") or None,
            "modality": at("modalities") or None,
            "quantities": json.loads(quantities) if quantities else [],
            "rule": at("rules"),
            "confidence": at("confidences"),
            "page": at("pages") or None,  # 0: not a PDF
        })
    return out


def plain_properties(props: dict[str, Any]) -> dict[str, Any]:
    """A relationship's properties without the evidence lists."""
    return {k: v for k, v in props.items() if k not in EVIDENCE_LISTS}
