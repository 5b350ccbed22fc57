"""Score the extractor on a probe set: synthetic news digests with gold written by a second reader before the
extractor ever ran on them (tests/probes/README.md). Prints per-document and total figures, strict as `kg eval`.

    .venv/bin/python tools/probe_eval.py tests/probes/second [--explain]

--explain lists each document's false positives and misses (for development sets only: a held-out set's misses are
not for reading while rules are written).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from graph.documents import read_document
from graph.evaluate import Score, facts_of_extraction, load_gold, score_document
from graph.extract import Extractor


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", type=Path)
    parser.add_argument("--explain", action="store_true", help="list false positives and misses per document")
    args = parser.parse_args()
    ex = Extractor()
    total = Score()
    print(f"{'doc':8}{'precision':>10}{'recall':>8}{'recall*':>9}{'facts':>7}{'gold':>6}")
    for path in sorted(args.directory.glob("*.txt")):
        doc = read_document(path)
        facts = facts_of_extraction(path.name, ex.extract(doc))
        gold = load_gold(path.with_suffix(".json"))[path.name]
        s = score_document(path.name, doc.text, facts, gold)
        total.add(s)
        print(f"{path.stem:8}{s.precision:>10.3f}{s.recall:>8.3f}{s.recall_all:>9.3f}{s.extracted:>7}{s.gold:>6}")
        if args.explain:
            for x in s.false_positives:
                print(f"  FP   {x.subject.id} {x.relation} {x.object.id}  [{x.rule} {x.confidence:.2f}]\n"
                      f"       {x.sentence}")
            for _, g in s.misses:
                print(f"  MISS {g['subject']} {g['relation']} {g['object']}\n       {g.get('evidence', '')}")
    t = total.as_dict()
    print(f"total: precision {t['precision']} ({total.matched_extracted}/{total.extracted}), recall {t['recall']} "
          f"({total.matched_gold}/{total.gold}), recall* {t['recall_all']}, facts/doc {t['facts_per_document']}, "
          f"dates {t['date_agreement']}, amounts {t['amount_agreement']}")


if __name__ == "__main__":
    main()
