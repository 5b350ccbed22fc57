"""Per-document working state shared by the stages: entities, mentions and facts found so far."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import LEGAL_SUFFIXES
from graph.models import Entity, Fact, SourceDocument


@dataclass(slots=True)
class Mention:
    ids: tuple[str, ...]  # a group reference ("the two countries") stands for several entities
    label: str
    start: int  # token offsets
    end: int
    text: str
    demonym: bool = False

    @property
    def id(self) -> str:
        return self.ids[0]


@dataclass(slots=True)
class DocState:
    """Per-document working state; the Extractor itself stays immutable so it can be shared."""

    doc: SourceDocument
    sdoc: Doc
    gaz: Gazetteer
    entities: dict[str, Entity] = field(default_factory=dict)
    at: dict[int, Mention] = field(default_factory=dict)  # token index -> mention covering it
    mentions: list[Mention] = field(default_factory=list)
    facts: dict[tuple[str, str, str, int], Fact] = field(default_factory=dict)
    triples: set[tuple[str, str, str]] = field(default_factory=set)  # (subject, relation, object) of facts
    stages: set[tuple[str, str, str, str]] = field(default_factory=set)  # ... and the modality, where stated
    person_roles: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (role, org id) -> persons
    leads: dict[str, str] = field(default_factory=dict)  # person id -> country id
    agreement_counts: Counter[str] = field(default_factory=Counter)
    pair: tuple[str, ...] = ()  # the two countries a bilateral article is about, when unambiguous
    rule: str = ""  # the rule now running (registry.running): every fact it emits records it
    confidence: float = 1.0  # and the confidence the rule gives its facts
    trigger: Token | None = None  # the word that states the facts the rule is emitting: dates are read near it
    sentence_dates: dict[int, list[tuple[Span, str]]] = field(default_factory=dict)  # sentence start -> dates
    lead_date: str | None = None  # the date of the report's first sentence ("" when it has none), once read
    topic: Mention | None | bool = False  # a reference page's subject (syntax.document_topic); False: not read yet


def report_pair(st: DocState) -> tuple[str, ...]:
    """The two countries a bilateral report is about: its two most mentioned countries (first named first among
    equals), when only two are named or the second is clearly present (mentioned at least twice); () otherwise."""
    counts: Counter[str] = Counter(i for m in st.mentions if m.label == "Country" for i in m.ids)
    first_seen: dict[str, int] = {}
    for m in st.mentions:
        if m.label == "Country":
            first_seen.setdefault(m.id, m.start)
    top = sorted(counts, key=lambda c: (-counts[c], first_seen.get(c, 0)))[:2]
    return tuple(top) if len(top) == 2 and (counts[top[1]] >= 2 or len(counts) == 2) else ()


def korean_by_name(text: str) -> bool:
    """Does a body's name say it is Korean ("Korea Eximbank", "the Korean Cultural Centre")?"""
    return any(w.strip("()").lower() in ("korea", "korean", "kexim") for w in text.split())


def entity(st: DocState, eid: str, label: str, name: str) -> str:
    if eid not in st.entities:
        gaz = st.gaz.entries.get(eid)
        props: dict[str, str | int | float | bool] = {}
        if gaz is not None:
            if gaz.country:
                props["country"] = gaz.country
            if gaz.parent:
                props["parent"] = gaz.parent
            st.entities[eid] = Entity(
                id=eid, label=gaz.label, name=gaz.name, aliases=list(gaz.aliases), properties=props
            )
        else:
            st.entities[eid] = Entity(id=eid, label=label, name=name)
    elif (
        name not in st.entities[eid].aliases
        and name != st.entities[eid].name
        and eid not in st.gaz.entries
    ):
        st.entities[eid].aliases.append(name)
    return eid


def add_mention(st: DocState, m: Mention) -> None:
    if m.label in ("Firm", "Organization"):
        # "SK Ecoplant Co. Ltd.": legal-form words after a name belong to it
        while m.end < len(st.sdoc) and st.sdoc[m.end].lower_.rstrip(".") in LEGAL_SUFFIXES:
            m.end += 1
    for i in range(m.start, m.end):
        if i in st.at:
            return  # first come wins: gazetteer and NER spans before derived ones
    st.mentions.append(m)
    for i in range(m.start, m.end):
        st.at[i] = m


def drop_mention(st: DocState, m: Mention) -> None:
    """Forget a mention a longer name turned out to contain ("tungsten" in "the Boguty tungsten deposit")."""
    if m in st.mentions:
        st.mentions.remove(m)
    for i in range(m.start, m.end):
        if st.at.get(i) is m:
            del st.at[i]
