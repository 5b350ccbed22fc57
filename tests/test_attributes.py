"""The attribute ruler's matches found by lookup (graph/extract/attributes.py) are the matches its own Matcher finds,
on every seed document and probe text: so the parts of speech, morphology and lemmas the rules read are the same as
the shipped pipeline's."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.pipeline import AttributeRuler

from graph.documents import read_document
from graph.extract import MODEL_NAME
from graph.extract.attributes import AttributeMatches

ROOT = Path(__file__).resolve().parent.parent


def test_lookup_matches_are_the_matchers() -> None:
    nlp = spacy.load(MODEL_NAME)
    ruler = nlp.get_pipe("attribute_ruler")
    fast = AttributeMatches(ruler)
    before = [name for name, _ in nlp.pipeline[: nlp.pipe_names.index("attribute_ruler")]]
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "probes").glob("*/*.txt"))
    assert len(paths) > 100
    compared = 0
    for path in paths:
        text = read_document(path).text
        with nlp.select_pipes(enable=before):
            doc = nlp(text)
        assert fast(doc) == AttributeRuler.match(ruler, doc), path.name
        compared += len(doc)
    assert compared > 40_000  # tokens
