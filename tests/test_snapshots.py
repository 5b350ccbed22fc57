"""A snapshot of the facts the extractor makes from every seed document (tests/snapshots/extraction/), so that a
rule change shows up in review as a diff of triples, not as a change in a figure.

After a deliberate change: `KG_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_snapshots.py`, then read the diff.
(The blind part's snapshots are for reviewers: the people who write rules do not read them.)
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from graph.documents import read_document
from graph.extract import Extractor
from graph.models import Extraction

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots" / "extraction"
SEED_FILES = sorted((ROOT / "seeds").glob("*.txt"))
BLIND = frozenset(json.loads((ROOT / "tests" / "gold" / "split.json").read_text(encoding="utf-8"))["blind"])


def render(ex: Extraction) -> str:
    """One line per fact: subject, relation, object, rule, confidence, date and where it comes from."""
    lines = []
    for f in ex.facts:
        where = f"{f.evidence.start}-{f.evidence.end}" if f.evidence else "reference"
        date = f.evidence.date if f.evidence else ""
        lines.append(f"{f.subject}\t{f.relation}\t{f.object}\t{f.rule}\t{f.confidence:.2f}\t{date or ''}\t{where}")
    return "\n".join(sorted(lines)) + "\n"


@pytest.mark.parametrize("path", SEED_FILES, ids=[p.stem for p in SEED_FILES])
def test_extraction_matches_its_snapshot(extractor: Extractor, path: Path) -> None:
    got = render(extractor.extract(read_document(path)))
    snap = SNAPSHOTS / f"{path.stem}.tsv"
    if os.environ.get("KG_UPDATE_SNAPSHOTS"):
        SNAPSHOTS.mkdir(parents=True, exist_ok=True)
        snap.write_text(got, encoding="utf-8")
    want = snap.read_text(encoding="utf-8") if snap.exists() else ""
    if path.name in BLIND:  # the people who write rules do not read the blind part's facts, nor their diffs
        assert got == want, "a blind document's facts changed; if deliberate, update the snapshots (module docstring)"
        return
    diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), str(snap), "extracted now"))
    assert got == want, f"extraction changed; if deliberate, update the snapshot (see module docstring)\n{diff}"
