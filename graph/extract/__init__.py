"""Extraction of entities and facts from a `SourceDocument`, in named stages (see `pipeline.py`).

| module | stage |
| --- | --- |
| `graph.documents` | read: a file or a request body becomes a `SourceDocument` |
| `gazetteer.py`, `lexicon.py` | reference data: known names; word classes and verb frames (`graph/data/*.json`) |
| `mentions.py` | mentions: names, noun phrases, safe references |
| `syntax.py` | candidate ends: what a token stands for, a verb's subjects and objects |
| `roles.py`, `rules.py` | relations: titles and roles, verb and noun frames, document passes |
| `emit.py` | emit: schema-checked, de-duplicated facts with evidence |
| `pipeline.py` | the order of the stages: `Extractor` |
"""

from graph.extract.gazetteer import GAZETTEER_PATH, Gazetteer, name_key, slug
from graph.extract.pipeline import MODEL_NAME, Extractor
from graph.extract.quantities import find_quantities

__all__ = ["GAZETTEER_PATH", "MODEL_NAME", "Extractor", "Gazetteer", "find_quantities", "name_key", "slug"]
