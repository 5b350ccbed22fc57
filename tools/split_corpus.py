"""Split the corpus once into a development part and a blind part, by a recorded rule.

The rule (run once on 2026-11-30, before any of the new documents was read):
- the ten documents numbered below 40 were read while the rules were written in earlier sessions, so they can
  only be development documents;
- the 27 new documents (numbered 41-79), sorted by file name, are shuffled with `random.Random(SEED)`; the first
  `BLIND_SIZE` go to the blind part, the rest to the development part.
- BLIND_SIZE = 13 makes the blind part 13 of 37 documents (35%, at least one third) and the development part
  24 of 37 (65%, at most two thirds).

`python tools/split_corpus.py` prints the split; `--write` writes tests/gold/split.json. A test checks that the
file on disk is what this rule gives, so the split cannot drift.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 20261130
BLIND_SIZE = 13
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SPLIT = ROOT / "tests" / "gold" / "split.json"


def split(names: list[str]) -> dict[str, list[str]]:
    old = sorted(n for n in names if int(n.split("_", 1)[0]) < 40)
    new = sorted(n for n in names if int(n.split("_", 1)[0]) >= 40)
    random.Random(SEED).shuffle(new)
    return {"development": sorted(old + new[BLIND_SIZE:]), "blind": sorted(new[:BLIND_SIZE])}


def corpus_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("[0-9][0-9]_*.txt"))


def record(names: list[str]) -> dict[str, object]:
    parts = split(names)
    return {
        "rule": (
            "documents numbered below 40 (read in earlier sessions) are development; the documents numbered 40 "
            f"and above, sorted by name, are shuffled with random.Random({SEED}) and the first {BLIND_SIZE} are "
            "blind (tools/split_corpus.py)"
        ),
        "seed": SEED,
        "blind_size": BLIND_SIZE,
        **parts,
    }


if __name__ == "__main__":
    folder = Path(sys.argv[sys.argv.index("--corpus") + 1]) if "--corpus" in sys.argv else CORPUS
    rec = record(corpus_names(folder))
    text = json.dumps(rec, indent=1) + "\n"
    if "--write" in sys.argv:
        SPLIT.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
