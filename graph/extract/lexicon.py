"""Word classes and verb frames, kept as data in `graph/data/lexicon.json` and checked against the schema here.

The rules name classes ("build_verbs", "project_heads"), never words: a new wording is added to the data file,
not to code. Checked once at import: every relation a frame names exists in `graph.schema`, every class the
code reads is present, and nothing unknown is in the file, so a misspelt name fails loudly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from graph.models import QuantityKind
from graph.schema import PROJECT_STAGES, RELATIONSHIPS

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "lexicon.json"

CLASSES = (
    "build_verbs",
    "plan_verbs",
    "relation_nouns",
    "establish_verbs",
    "upgrade_verbs",
    "meeting_nouns",
    "project_heads",
    "vague_project_heads",
    "agreement_heads",
    "transparent_nouns",
    "lead_roles",
    "work_roles",
    "envoy_roles",
    "president_like",
    "say_verbs",
    "firm_nouns",
    "legal_suffixes",
    "collective_firms",
    "org_words",
    "reference_nouns",
    "name_stop_modifiers",
    "org_heads",
    "firm_heads",
    "event_heads",
    "project_name_heads",
    "agreement_name_heads",
    "location_heads",
    "generic_firm_words",
    "korean_surnames",
    "patronymic_endings",
    "name_connectors",
    "page_residue",
    "event_nouns",
    "place_nouns",
    "participant_nouns",
    "output_units",
    "visit_nouns",
    "site_verbs",
    "stage_nouns",
    "funder_words",
    "donor_words",
    "agent_nouns_produces",
    "agent_nouns_supplies",
    "title_fields",
    "co_verbs",
    "joint_act_verbs",
)
PAIRS = ("group_refs", "person_group_refs")


class LexiconError(ValueError):
    """The lexicon file does not fit the schema or the classes the rules read."""


def _check(data: dict[str, Any]) -> None:
    problems: list[str] = []
    for key in set(data) - {"version", "description", "verb_frames", "classes", "pairs", "quantity_kinds",
                            "noun_frames", "verb_slots"}:
        problems.append(f"unknown section {key!r}")
    for verb, rel in data["verb_frames"].items():
        if rel not in RELATIONSHIPS:
            problems.append(f"verb frame {verb!r} names unknown relation {rel!r}")
    classes = data["classes"]
    problems += [f"missing class {c!r}" for c in CLASSES if c not in classes]
    problems += [f"unknown class {c!r}" for c in classes if c not in CLASSES]
    for name, words in classes.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower() for w in words):
            problems.append(f"class {name!r} must be a list of lower-case words")
    problems += [f"missing pair list {p!r}" for p in PAIRS if p not in data["pairs"]]
    kinds = set(get_args(QuantityKind))
    for rel, ks in data["quantity_kinds"].items():
        if rel not in RELATIONSHIPS:
            problems.append(f"quantity_kinds names unknown relation {rel!r}")
        problems += [f"quantity_kinds[{rel!r}] names unknown kind {k!r}" for k in ks if k not in kinds]
    for rel, slots in data.get("verb_slots", {}).items():
        if rel not in RELATIONSHIPS or set(slots) != {"direct", "preps"}:
            problems.append(f"verb_slots[{rel!r}]: unknown relation or keys other than direct, preps")
    frame_keys = {"relation", "nouns", "agent", "target", "agent_verbs", "target_verbs", "belongs_verbs", "confidence",
                  "examples"}
    for name, frame in data.get("noun_frames", {}).items():
        if not frame_keys <= set(frame) <= frame_keys | {"stage"}:
            problems.append(f"noun frame {name!r} must have the keys {sorted(frame_keys)} (and may have stage)")
        elif frame.get("stage") not in (None, *PROJECT_STAGES):
            problems.append(f"noun frame {name!r} names unknown stage {frame['stage']!r}")
        elif frame["relation"] not in RELATIONSHIPS:
            problems.append(f"noun frame {name!r} names unknown relation {frame['relation']!r}")
        else:
            for _text, facts in frame["examples"]:
                problems += [f"noun frame {name!r}: example names unknown relation {r!r}" for _s, r, _o in facts
                             if r not in RELATIONSHIPS]
    if problems:
        raise LexiconError(f"{LEXICON_PATH}: " + "; ".join(problems))


def load(path: Path = LEXICON_PATH) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    _check(data)
    return data


_DATA = load()
_C: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _DATA["classes"].items()}

BUILD_VERBS = _C["build_verbs"]
PLAN_VERBS = _C["plan_verbs"]
RELATION_NOUNS = _C["relation_nouns"]
# verbs by which relations between two countries begin ("established diplomatic relations") or are raised to a
# higher level ("upgraded their ties to a strategic partnership"): milestones of a country pair's timeline
ESTABLISH_VERBS = _C["establish_verbs"]
UPGRADE_VERBS = _C["upgrade_verbs"]
MEETING_NOUNS = _C["meeting_nouns"]
PROJECT_HEADS = _C["project_heads"]
VAGUE_PROJECT_HEADS = _C["vague_project_heads"]
AGREEMENT_HEADS = _C["agreement_heads"]
TRANSPARENT_NOUNS = _C["transparent_nouns"]
LEAD_ROLES = _C["lead_roles"]
WORK_ROLES = _C["work_roles"]
ENVOY_ROLES = _C["envoy_roles"]
ROLE_NOUNS = LEAD_ROLES | WORK_ROLES | ENVOY_ROLES
PRESIDENT_LIKE = _C["president_like"]
SAY_VERBS = _C["say_verbs"]
FIRM_NOUNS = _C["firm_nouns"]
PARTICIPANT_NOUNS = _C["participant_nouns"]  # "X was among the participants", "guests included X"
PLACE_NOUNS = _C["place_nouns"]  # "Turkmenabat, Turkmenistan's second city": nouns that say a name is a place
VISIT_NOUNS = _C["visit_nouns"]
SITE_VERBS = _C["site_verbs"]
STAGE_NOUNS = _C["stage_nouns"]  # "the halt throws a question mark over the plant": a stage reported before, named
# words in the name of a body that funds what it is named beside ("Export-Import Bank", "Development Cooperation
# Fund"), and phrases in the name of one that gives grant aid ("International Cooperation Agency")
FUNDER_WORDS = _C["funder_words"]
DONOR_WORDS = _C["donor_words"]
JOINT_ACT_VERBS = _C["joint_act_verbs"]  # "launched a telemedicine link with X": doing it with X is partnering
CO_VERBS = _C["co_verbs"]  # verbs written with "co-" ("co-hosted"): the rules read the verb after it
ROLE_COMPLEMENTS = _C["title_fields"]  # "Minister of Economy Daniyar Amangeldiev": a field closing a title
# "the world's largest producer of uranium", "a major exporter of cotton": who does what the noun names
AGENT_NOUNS = {**{n: "PRODUCES" for n in _C["agent_nouns_produces"]},
               **{n: "SUPPLIES" for n in _C["agent_nouns_supplies"]}}  # "X's visit / trip to Y"
OUTPUT_UNITS = _C["output_units"]  # "350,000 tonnes of fertilizer": the unit a product is counted in
LEGAL_SUFFIXES = _C["legal_suffixes"]
COLLECTIVE_FIRMS = _C["collective_firms"]
ORG_WORDS = _C["org_words"]
REFERENCE_NOUNS = _C["reference_nouns"]
NAME_STOP_MODIFIERS = _C["name_stop_modifiers"]
ORG_HEADS = _C["org_heads"]
FIRM_HEADS = _C["firm_heads"]
EVENT_HEADS = _C["event_heads"]
PROJECT_NAME_HEADS = _C["project_name_heads"]
AGREEMENT_NAME_HEADS = _C["agreement_name_heads"]
LOCATION_HEADS = _C["location_heads"]
GENERIC_FIRM_WORDS = _C["generic_firm_words"]
KOREAN_SURNAMES = _C["korean_surnames"]
PATRONYMIC_ENDINGS: tuple[str, ...] = tuple(sorted(_C["patronymic_endings"], key=len, reverse=True))
NAME_CONNECTORS = _C["name_connectors"]
PAGE_RESIDUE = _C["page_residue"]
EVENT_NOUNS = _C["event_nouns"]
GROUP_REFS: frozenset[tuple[str, str]] = frozenset((a, b) for a, b in _DATA["pairs"]["group_refs"])
PERSON_GROUP_REFS: frozenset[tuple[str, str]] = frozenset((a, b) for a, b in _DATA["pairs"]["person_group_refs"])
# verb lemma -> relation type; every build verb frames BUILDS
VERB_REL: dict[str, str] = {**_DATA["verb_frames"], **{v: "BUILDS" for v in BUILD_VERBS}}
# relation -> (does the direct object fill the target slot, prepositions whose object does)
VERB_SLOTS: dict[str, tuple[bool, tuple[str, ...]]] = {
    rel: (bool(v["direct"]), tuple(v["preps"])) for rel, v in _DATA.get("verb_slots", {}).items()}
QUANTITY_KINDS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _DATA["quantity_kinds"].items()}


@dataclass(frozen=True, slots=True)
class NounFrame:
    noun: str  # the frame's name: its first noun
    relation: str
    agent: frozenset[str]  # "poss", "compound", or prepositions whose object is the agent
    target: frozenset[str]  # prepositions whose object is the target
    agent_verbs: frozenset[str]  # verbs whose subject is the agent when the noun is their object
    target_verbs: frozenset[str]  # verbs whose prepositional phrases may carry the target
    belongs_verbs: frozenset[str]  # "X belongs to Y": Y is the agent
    confidence: float
    examples: tuple[tuple[str, list[tuple[str, str, str]]], ...]
    stage: str | None = None  # the stage of a project the noun reports ("the groundbreaking": under construction)


def _frames(data: dict[str, Any]) -> dict[str, NounFrame]:
    out: dict[str, NounFrame] = {}
    for name, f in data.get("noun_frames", {}).items():
        frame = NounFrame(name, f["relation"], frozenset(f["agent"]), frozenset(f["target"]),
                          frozenset(f["agent_verbs"]), frozenset(f["target_verbs"]), frozenset(f["belongs_verbs"]),
                          float(f["confidence"]),
                          tuple((text, [tuple(x) for x in facts]) for text, facts in f["examples"]),  # type: ignore[misc]
                          f.get("stage"))
        for noun in f["nouns"]:
            out[noun] = frame
    return out


# noun lemma -> its frame
NOUN_FRAMES: dict[str, NounFrame] = _frames(_DATA)
