"""The experiment behind the README's note on a classifier over candidate pairs (issue #9): does a model trained
on the development gold find the facts no rule states, between entities the extractor already found?

Candidates: every ordered pair of single entities in one sentence of a development document that no extracted
fact links, with every relation type the schema allows between their labels. Features: the pair's labels and the
relation, the words between them, their order and distance, the dependency path between their heads and the word
it passes through. Model: logistic regression (hashed features, numpy). Scored by four-fold cross-validation by
document on the development part only; the blind part is never read here.

    .venv/bin/python tools/pair_classifier_cv.py
"""

from __future__ import annotations

import itertools
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph import evaluate as E  # noqa: E402
from graph.documents import read_document  # noqa: E402
from graph.extract import Extractor  # noqa: E402
from graph.schema import RELATIONSHIPS, SYMMETRIC  # noqa: E402

DIM = 1 << 18


def _path(a, b):  # type: ignore[no-untyped-def]
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    where = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in where:
            return t, "/".join(x.dep_ for x in up_a[:k][:4]) + "^" + "/".join(x.dep_ for x in up_b[:where[t.i]][:4])
    return None, "none"


def candidates(ex: Extractor, name: str) -> list[tuple[str, E.XFact, np.ndarray, int]]:
    doc = read_document(ROOT / "seeds" / name)
    st = ex.analyse(doc)
    result = ex.extract(doc)
    gold = [g for g in E.load_gold(E.GOLD_DIR / "dev.json")[name] if not g.get("out_of_scope")]
    linked = {(f.subject, f.object) for f in result.facts} | {(f.object, f.subject) for f in result.facts}
    ents = {e.id: E.Ent(e.id, e.label, frozenset({e.id, *(E.name_key(n) for n in (e.name, *e.aliases))}))
            for e in result.entities}
    out = []
    for sent in st.sdoc.sents:
        ms = {m.id: m for m in st.mentions if sent.start <= m.start < sent.end and len(m.ids) == 1
              and not m.demonym and m.id in ents}
        for a, b in itertools.permutations(ms.values(), 2):
            if (a.id, b.id) in linked:
                continue
            la, lb = ents[a.id].label, ents[b.id].label
            lca, path = _path(st.sdoc[a.end - 1], st.sdoc[b.end - 1])
            lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
            between = {t.lemma_.lower() for t in st.sdoc[lo:hi] if t.is_alpha}
            for rel, spec in RELATIONSHIPS.items():
                if rel in ("ASSOCIATED_WITH", "SUBSIDIARY_OF") or not (la in spec.sources and lb in spec.targets):
                    continue
                if rel in SYMMETRIC and a.id > b.id:
                    continue
                feats = [f"lab:{la}>{lb}:{rel}", f"rel:{rel}", f"ord:{a.start < b.start}:{rel}",
                         f"dist:{min(hi - lo, 30) // 5}:{rel}", f"path:{path}:{rel}",
                         f"lca:{lca.lemma_.lower() if lca is not None else '-'}:{rel}"]
                feats += [f"btw:{w}:{rel}" for w in between] + [f"btwl:{w}:{la}>{lb}:{rel}" for w in between]
                x = E.XFact(name, ents[a.id], rel, ents[b.id], sent.start_char, sent.end_char, sent.text, "pair",
                            0.5, None)
                y = int(any(E.matches(x, g, E._spans(doc.text, g.get("evidence", ""))) for g in gold))
                vec = np.array(sorted({zlib.crc32(f.encode()) % DIM for f in feats}), dtype=np.int64)
                out.append((name, x, vec, y))
    return out


def train(data, epochs: int, lr: float, l2: float, wpos: float):  # type: ignore[no-untyped-def]
    w, b = np.zeros(DIM), -3.0
    rng = np.random.default_rng(0)
    order = np.arange(len(data))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            _n, _x, v, y = data[i]
            p = 1 / (1 + np.exp(-(w[v].sum() + b)))
            g = (p - y) * (wpos if y else 1.0)
            w[v] -= lr * (g + l2 * w[v])
            b -= lr * g * 0.1
    return w, b


def main() -> None:
    ex = Extractor()
    dev = sorted(E.split_parts(E.GOLD_DIR / "split.json")["development"])
    data = [row for name in dev for row in candidates(ex, name)]
    sys.stdout.write(f"development: {len(data)} candidate pairs, {sum(r[3] for r in data)} of them gold facts\n")
    folds = [dev[i::4] for i in range(4)]
    for lr, l2, wpos, epochs in ((0.1, 1e-3, 1, 10), (0.1, 1e-3, 5, 10), (0.05, 1e-2, 3, 10), (0.2, 1e-4, 1, 20)):
        scored = []
        for fold in folds:
            w, b = train([r for r in data if r[0] not in fold], epochs, lr, l2, wpos)
            scored += [(1 / (1 + np.exp(-(w[v].sum() + b))), y) for n, _x, v, y in data if n in fold]
        cells = [f"p>={t}: {sum(y for p, y in scored if p >= t)} right of {sum(1 for p, _ in scored if p >= t)}"
                 for t in (0.3, 0.5, 0.7, 0.9)]
        sys.stdout.write(f"lr {lr}, l2 {l2}, positive weight {wpos}, {epochs} epochs: " + "; ".join(cells) + "\n")


if __name__ == "__main__":
    main()
