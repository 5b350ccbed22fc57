"""Candidate pairs and a classifier over them, trained on the development gold.

Every two entities that share a sentence, and between which the schema allows some relation, are a candidate
pair. The rules decide many of them; for the rest, a multinomial logistic regression over features of the pair
(the two labels, the dependency path between them and the words on it, the word classes of the lexicon those
words belong to, the prepositions that govern each end, what the rules said) proposes the relation a reader would
see, or none. Its probability is the fact's confidence, and only proposals above a threshold chosen by
leave-one-document-out cross-validation on the development part are kept (`tools/train_pairs.py` trains the
model, chooses the threshold and writes `graph/data/pair_model.json`). The blind part is never used to train or
tune it.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Span, Token

from graph.extract.emit import add_fact
from graph.extract.lexicon import (
    AGREEMENT_HEADS,
    BUILD_VERBS,
    ENVOY_ROLES,
    EVENT_NOUNS,
    LEAD_ROLES,
    MEETING_NOUNS,
    NOUN_FRAMES,
    PLAN_VERBS,
    RELATION_NOUNS,
    SAY_VERBS,
    VERB_REL,
    WORK_ROLES,
)
from graph.extract.registry import register, running
from graph.extract.state import DocState, Mention
from graph.schema import RELATION_TYPES, RELATIONSHIPS, SYMMETRIC

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "pair_model.json"
RULE = "classifier:pairs"
NONE = "NONE"
_MAX_PATH = 8  # pairs further apart in the parse are not candidates
_ALLOWED: dict[tuple[str, str], tuple[str, ...]] = {}


def allowed(a: str, b: str) -> tuple[str, ...]:
    """Relation types the schema allows from label a to label b."""
    key = (a, b)
    if key not in _ALLOWED:
        _ALLOWED[key] = tuple(r.name for r in RELATION_TYPES if r.sources and a in r.sources and b in r.targets)
    return _ALLOWED[key]


@dataclass(frozen=True, slots=True)
class Candidate:
    a: Mention
    b: Mention
    a_id: str
    b_id: str
    sent: Span


def _head(st: DocState, m: Mention) -> Token:
    span = st.sdoc[m.start:m.end]
    return span.root


def _ancestors(t: Token) -> list[Token]:
    out = [t]
    while out[-1].head is not out[-1] and len(out) < 40:
        out.append(out[-1].head)
    return out


def _path(ha: Token, hb: Token) -> tuple[list[Token], Token | None, list[Token]] | None:
    """Tokens from ha up to the lowest common ancestor, the ancestor, and from it down to hb."""
    up_a = _ancestors(ha)
    index = {t.i: k for k, t in enumerate(up_a)}
    up_b = _ancestors(hb)
    for k, t in enumerate(up_b):
        if t.i in index:
            return up_a[: index[t.i]], t, list(reversed(up_b[:k]))
    return None


def candidates(st: DocState) -> list[Candidate]:
    out: list[Candidate] = []
    for sent in st.sdoc.sents:
        ms: list[Mention] = []
        for i in range(sent.start, sent.end):
            m = st.at.get(i)
            if m is not None and all(m is not x for x in ms):
                ms.append(m)
        for a in ms:
            for b in ms:
                if a is b:
                    continue
                if not allowed(a.label, b.label):
                    continue
                for aid in a.ids:
                    for bid in b.ids:
                        if aid != bid:
                            out.append(Candidate(a, b, aid, bid, sent))
    return out


def _word_class(t: Token) -> str | None:
    lemma = t.lemma_.lower()
    if lemma in VERB_REL:
        return "vf:" + VERB_REL[lemma]
    if lemma in NOUN_FRAMES:
        return "nf:" + NOUN_FRAMES[lemma].relation
    if lemma in LEAD_ROLES:
        return "lead-role"
    if lemma in ENVOY_ROLES:
        return "envoy-role"
    if lemma in WORK_ROLES:
        return "work-role"
    for name, words in (("build", BUILD_VERBS), ("plan", PLAN_VERBS), ("relation-noun", RELATION_NOUNS),
                        ("meeting-noun", MEETING_NOUNS), ("agreement-noun", AGREEMENT_HEADS),
                        ("event-noun", EVENT_NOUNS), ("say", SAY_VERBS)):
        if lemma in words:
            return name
    return None


def features(st: DocState, c: Candidate) -> list[str] | None:
    ha, hb = _head(st, c.a), _head(st, c.b)
    p = _path(ha, hb)
    if p is None:
        return None
    up, lca, down = p
    if lca is None or len(up) + len(down) > _MAX_PATH:
        return None
    pair = f"{c.a.label}>{c.b.label}"
    dirs = [t.dep_ + "^" for t in up] + [t.dep_ + "v" for t in down]
    path_tokens = [t for t in up[1:] + [lca] + down[:-1]
                   if not (c.a.start <= t.i < c.a.end or c.b.start <= t.i < c.b.end)]
    f = [f"pair={pair}", f"path={'/'.join(dirs)}", f"path={'/'.join(dirs)}|{pair}", f"len={len(dirs)}",
         f"lca={lca.lemma_.lower()}", f"lca={lca.lemma_.lower()}|{pair}", f"lcapos={lca.pos_}",
         f"dep_a={ha.dep_}", f"dep_b={hb.dep_}", f"deps={ha.dep_}>{hb.dep_}|{pair}",
         f"order={'ab' if c.a.start < c.b.start else 'ba'}"]
    lca_class = _word_class(lca)
    if lca_class:
        f += [f"lcac={lca_class}", f"lcac={lca_class}|{pair}"]
    for t in path_tokens:
        if t.pos_ in ("VERB", "NOUN", "ADJ", "ADP", "AUX"):
            f.append(f"on={t.lemma_.lower()}")
            f.append(f"on={t.lemma_.lower()}|{pair}")
        wc = _word_class(t)
        if wc:
            f.append(f"onc={wc}|{pair}")
    for end, h in (("a", ha), ("b", hb)):
        if h.dep_ == "pobj":
            f.append(f"prep_{end}={h.head.lower_}")
            f.append(f"prep_{end}={h.head.lower_}|{pair}")
        if h.dep_ == "poss" or any(x.dep_ == "case" for x in h.children):
            f.append(f"poss_{end}")
    lo, hi = sorted((c.a.end, c.b.start)) if c.a.start < c.b.start else sorted((c.b.end, c.a.start))
    gap = max(0, hi - lo)
    f.append(f"gap={min(gap, 3) if gap < 4 else (8 if gap < 9 else (15 if gap < 16 else 99))}")
    for t in st.sdoc[lo:hi][:10]:
        if t.pos_ in ("VERB", "NOUN", "ADP") and t.i not in st.at:
            f.append(f"btw={t.lemma_.lower()}")
    for rel in RELATIONSHIPS:
        if (c.a_id, rel, c.b_id) in st.triples:
            f.append(f"rule={rel}")
        elif rel in SYMMETRIC and (c.b_id, rel, c.a_id) in st.triples:
            f.append(f"rule={rel}")
    if c.a.demonym or c.b.demonym:
        f.append("demonym")
    if len(c.a.ids) > 1 or len(c.b.ids) > 1:
        f.append("group")
    return f


@dataclass(frozen=True, slots=True)
class PairModel:
    classes: tuple[str, ...]
    weights: dict[str, dict[int, float]]  # feature -> {class index: weight}
    bias: tuple[float, ...]
    threshold: float

    def probabilities(self, feats: list[str]) -> list[float]:
        scores = list(self.bias)
        for f in feats:
            for k, w in self.weights.get(f, {}).items():
                scores[k] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> PairModel | None:
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {f: {int(k): float(v) for k, v in ws.items()} for f, ws in data["weights"].items()}
        return cls(tuple(data["classes"]), weights, tuple(data["bias"]), float(data["threshold"]))


@functools.cache
def default_model() -> PairModel | None:
    return PairModel.load()


def propose(st: DocState, model: PairModel) -> None:
    """Add the classifier's facts for candidate pairs the rules left without any relation."""
    related = {(s, o) for s, _r, o in st.triples} | {(o, s) for s, _r, o in st.triples}
    for c in candidates(st):
        if (c.a_id, c.b_id) in related:
            continue
        feats = features(st, c)
        if feats is None:
            continue
        probs = model.probabilities(feats)
        k = max(range(len(probs)), key=probs.__getitem__)
        label = model.classes[k]
        if label == NONE or probs[k] < model.threshold or label not in allowed(c.a.label, c.b.label):
            continue
        with running(st, RULE, c.sent.root):
            st.confidence = round(probs[k], 3)
            add_fact(st, c.a_id, label, c.b_id, c.sent)
        related.add((c.a_id, c.b_id))
        related.add((c.b_id, c.a_id))


register(RULE, stage="classifier", confidence=0.5,
         description="a relation proposed by the candidate-pair classifier trained on the development gold; "
                     "the fact's confidence is the classifier's probability")
