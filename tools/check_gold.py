"""Check a gold file (format version 2, tests/gold/README.md) against the documents and the schema.

    python tools/check_gold.py tests/gold/dev.json

Prints one line per problem and a count per document; exits 1 when there is a problem. It reads only the gold
file, the documents it names (in seeds/) and graph/schema.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.schema import ENTITY_LABELS, RELATIONSHIPS  # noqa: E402

KEYS = {"subject", "subject_label", "relation", "object", "object_label", "evidence", "date", "amount", "origin",
        "source_relation", "qualifier", "out_of_scope"}


def problems(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out: list[str] = []
    if data.get("version") != 2:
        out.append("version must be 2")
    for name, doc in data["documents"].items():
        text_path = ROOT / "seeds" / name
        if not text_path.exists():
            out.append(f"{name}: no such document in seeds/")
            continue
        text = text_path.read_text(encoding="utf-8")
        for i, f in enumerate(doc["facts"]):
            where = f"{name} fact {i}"
            extra = set(f) - KEYS
            if extra:
                out.append(f"{where}: unknown keys {sorted(extra)}")
            for k in ("subject", "relation", "object", "evidence", "origin"):
                if not f.get(k):
                    out.append(f"{where}: missing {k}")
            if f.get("origin") not in ("gold.json", "reader"):
                out.append(f"{where}: origin must be 'gold.json' or 'reader'")
            if f.get("evidence") and f["evidence"] not in text:
                out.append(f"{where}: evidence does not occur in the document: {f['evidence'][:60]!r}")
            if f.get("out_of_scope"):
                if f.get("origin") != "gold.json":
                    out.append(f"{where}: only gold.json facts can be out of scope")
                continue
            rel = RELATIONSHIPS.get(f.get("relation", ""))
            if rel is None:
                out.append(f"{where}: unknown relation {f.get('relation')!r}")
                continue
            sl, ol = f.get("subject_label"), f.get("object_label")
            if sl not in ENTITY_LABELS or ol not in ENTITY_LABELS:
                out.append(f"{where}: labels must be among {ENTITY_LABELS}: {sl!r}, {ol!r}")
            elif not rel.allows(sl, ol):
                out.append(f"{where}: {rel.name} does not allow {sl} -> {ol}")
            for k in ("subject", "object"):
                v = f.get(k)
                names = v if isinstance(v, list) else [v]
                if not names or not all(isinstance(n, str) and n.strip() for n in names):
                    out.append(f"{where}: {k} must be a name or a list of names")
    return out


if __name__ == "__main__":
    path = Path(sys.argv[1])
    found = problems(path)
    for p in found:
        print(p)
    data = json.loads(path.read_text(encoding="utf-8"))
    for name, doc in data["documents"].items():
        n = len(doc["facts"])
        g = sum(1 for f in doc["facts"] if f.get("origin") == "gold.json")
        print(f"{name}: {n} facts ({g} from gold.json)")
    sys.exit(1 if found else 0)
