"""The graph schema as data: node labels and relationship types with their allowed endpoints.

This closed list is the only source of labels and relationship types for any Cypher the product builds.
Request text is never formatted into a query: it is checked against these sets first.
"""

from __future__ import annotations

from dataclasses import dataclass

ENTITY = "Entity"
DOCUMENT = "Document"

# Every entity node carries :Entity plus exactly one of these.
ENTITY_LABELS: tuple[str, ...] = (
    "Country",
    "Firm",
    "Organization",
    "Person",
    "Project",
    "Mineral",
    "Agreement",
    "Event",
    "Location",
    "Group",  # a people or community: the Koryo-saram, a diaspora
    "Sector",  # an industry or field of cooperation: nuclear energy, oil and gas
)
NODE_LABELS: tuple[str, ...] = (*ENTITY_LABELS, ENTITY, DOCUMENT)

ACTORS = ("Country", "Firm", "Organization", "Person", "Group")
PLACES = ("Country", "Location")


@dataclass(frozen=True, slots=True)
class RelationType:
    name: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    description: str
    symmetric: bool = False

    def allows(self, source_label: str, target_label: str) -> bool:
        ok = source_label in self.sources and target_label in self.targets
        if self.symmetric:
            ok = ok or (target_label in self.sources and source_label in self.targets)
        return ok


_ORGS = ("Firm", "Organization")
_ANY = ENTITY_LABELS

RELATION_TYPES: tuple[RelationType, ...] = (
    RelationType("INVESTS_IN", (*_ORGS, "Country", "Person", "Group"), ("Country", "Location", "Project", "Firm",
                 "Sector"), "puts capital into"),
    RelationType("BUILDS", (*_ORGS, "Country"), ("Project", "Location"), "constructs, is constructing or built"),
    RelationType("PLANS_TO_BUILD", (*_ORGS, "Country"), ("Project", "Location"), "intends to construct"),
    RelationType("OPERATES_IN", (*_ORGS, "Group", "Project"), ("Country", "Location", "Sector"),
                 "is active or present in"),
    RelationType("LOCATED_IN", ("Project", "Location", "Event", *_ORGS, "Agreement"), ("Location", "Country"),
                 "lies in, takes place in"),
    RelationType("SIGNS", (*_ORGS, "Country", "Person"), ("Agreement",), "signs or concludes"),
    RelationType("PARTY_TO", (*_ORGS, "Country"), ("Agreement",), "is a party to"),
    RelationType("DEVELOPS", (*_ORGS, "Country", "Project"), ("Mineral", "Project", "Location", "Sector"),
                 "explores, mines, extracts or develops"),
    RelationType("SUPPLIES", (*_ORGS, "Country", "Agreement", "Project"), ("Mineral", "Country", "Firm", "Sector"),
                 "supplies or provides"),
    RelationType("PRODUCES", (*_ORGS, "Country", "Project", "Location"), ("Mineral", "Sector"),
                 "produces or processes"),
    RelationType("HAS_RESERVES", ("Country", "Location", "Project"), ("Mineral",), "holds reserves of"),
    RelationType("COVERS", ("Agreement", "Event", "Project"), ("Mineral", "Sector", "Project", "Location"),
                 "is about, provides for"),
    RelationType("PARTNERS_WITH", (*_ORGS, "Country", "Person"), (*_ORGS, "Country", "Person"),
                 "cooperates with, agrees with", symmetric=True),
    RelationType("TRADES_WITH", ("Country", *_ORGS), ("Country", *_ORGS), "trades with", symmetric=True),
    RelationType("LEADS", ("Person",), ("Country", *_ORGS, "Project", "Event"), "heads, presides over"),
    RelationType("WORKS_FOR", ("Person",), ("Country", *_ORGS), "holds an office or post in"),
    RelationType("REPRESENTS", ("Person",), ("Country", *_ORGS), "is the envoy of"),
    RelationType("ACCREDITED_TO", ("Person",), ("Country", *_ORGS), "is posted as envoy to"),
    RelationType("VISITS", ("Person", *_ORGS), ("Country", "Location", "Event"), "travels to"),
    RelationType("ATTENDS", ("Person", *_ORGS, "Country"), ("Event",), "takes part in"),
    RelationType("MEETS", ("Person", *_ORGS, "Country"), ("Person", *_ORGS, "Country"),
                 "meets, holds talks or a call with", symmetric=True),
    RelationType("SUBSIDIARY_OF", ("Firm", "Organization"), ("Firm", "Organization"), "belongs to the group of"),
    RelationType("RESIDES_IN", ("Group", "Person"), ("Country", "Location"), "lives in"),
    # Added for extraction: news on the region states these between actors constantly ("the two countries
    # agreed to cooperate in energy and supply chains"; "Lee invited Tokayev to pay an official visit").
    RelationType("COOPERATES_IN", (*_ORGS, "Country"), ("Sector", "Mineral"),
                 "cooperates in a field or on a resource"),
    RelationType("INVITES", ("Person", *_ORGS, "Country"), ("Person", *_ORGS, "Country"),
                 "invites to visit or take part"),
    # Money and ownership: what researchers ask first of a pledge ("who lent how much to what").
    RelationType("LENDS_TO", (*_ORGS, "Country"), (*_ORGS, "Country", "Project"),
                 "lends to or extends credit for (a loan, a credit line)"),
    RelationType("GRANTS_AID_TO", (*_ORGS, "Country"), (*_ORGS, "Country", "Project", "Location"),
                 "gives a grant or aid to (ODA, grant-funded programmes)"),
    RelationType("FINANCES", (*_ORGS, "Country"), (*_ORGS, "Country", "Project", "Agreement"),
                 "funds or finances, where the text does not say loan or grant"),
    RelationType("HOLDS_STAKE_IN", (*_ORGS, "Country", "Person"), (*_ORGS, "Project"),
                 "holds a share or stake in"),
    RelationType("OWNS", (*_ORGS, "Country", "Person"), (*_ORGS, "Project"),
                 "owns outright (state-owned, wholly owned)"),
    RelationType("LAUNCHES", ("Person", *_ORGS, "Country"), ("Project", "Agreement", "Event"),
                 "launches, opens or inaugurates"),
    RelationType("HOSTS", ("Person", *_ORGS, "Country", "Location"), ("Event",), "hosts or organises"),
    # Low confidence by design: a firm or body and a resource named in one clause that no typed rule
    # relates. Kept so that "which firms touch lithium" sees new wording; filter it out with min_confidence.
    RelationType("ASSOCIATED_WITH", _ORGS, ("Mineral",),
                 "is named with, in one clause, where no typed relation was read"),
)

RELATIONSHIPS: dict[str, RelationType] = {r.name: r for r in RELATION_TYPES}
RELATION_NAMES: tuple[str, ...] = tuple(RELATIONSHIPS)
SYMMETRIC: frozenset[str] = frozenset(r.name for r in RELATION_TYPES if r.symmetric)

# Structural relationship from an entity to the documents that mention it; not a fact.
MENTIONED_IN = "MENTIONED_IN"

# Milestones of two countries' relations, as the modality of their PARTNERS_WITH fact: diplomatic relations
# established, raised to a higher level (a strategic partnership), an anniversary marked. A country pair's timeline
# shows them as events of their own.
RELATIONS_MILESTONES: tuple[str, ...] = ("relations_established", "relations_upgraded", "relations_anniversary")

# A fact's modality; for what a project goes through, the stage the sentence reports (announced or planned, agreed,
# contracted, financed, under construction, completed, suspended, cancelled).
MODALITIES: tuple[str, ...] = ("planned", "announced", "agreed", "signed", "contracted", "financed",
                               "under_construction", "completed", "suspended", "cancelled", "discussed", "stated",
                               *RELATIONS_MILESTONES)


# A project's life, in order: the stages its timeline shows. A fact's modality gives the stage its sentence reports
# (STAGE_OF_MODALITY); an agreement that covers a project marks it agreed, or contracted when it is a contract.
PROJECT_STAGES: tuple[str, ...] = ("announced", "agreed", "contracted", "financed", "under_construction", "completed",
                                   "suspended", "cancelled")
STAGE_OF_MODALITY: dict[str, str] = {"planned": "announced", "announced": "announced", "agreed": "agreed",
                                     "signed": "agreed", "contracted": "contracted", "financed": "financed",
                                     "under_construction": "under_construction", "completed": "completed",
                                     "suspended": "suspended", "cancelled": "cancelled"}
# Stalled pledges: a project whose latest stage is one of these and older than N years, or suspended.
PLEDGE_STAGES: frozenset[str] = frozenset({"announced", "agreed"})
# Money by stage, for totals: what was pledged, what was contracted (or financed, or is being built), what was
# delivered. Amounts stated with no stage (trade figures, investment stocks) or with a suspended or cancelled
# project count under "other".
MONEY_BUCKETS: dict[str, str] = {"announced": "pledged", "agreed": "pledged", "contracted": "contracted",
                                 "financed": "contracted", "under_construction": "contracted",
                                 "completed": "completed"}
MONEY_BUCKET_NAMES: tuple[str, ...] = ("pledged", "contracted", "completed", "other")

# The role of an entity in a project, by the type of the fact that joins them and the project's end of it.
PROJECT_ROLES: dict[tuple[str, str], str] = {
    ("BUILDS", "target"): "contractor",
    ("PLANS_TO_BUILD", "target"): "developer",
    ("DEVELOPS", "target"): "developer",
    ("INVESTS_IN", "target"): "investor",
    ("HOLDS_STAKE_IN", "target"): "shareholder",
    ("OWNS", "target"): "owner",
    ("LENDS_TO", "target"): "lender",
    ("FINANCES", "target"): "financier",
    ("GRANTS_AID_TO", "target"): "donor",
    ("LAUNCHES", "target"): "launched it",
    ("LEADS", "target"): "leader",
    ("COVERS", "target"): "agreement",
    ("SUPPLIES", "source"): "customer",
    ("LOCATED_IN", "source"): "place",
    ("OPERATES_IN", "source"): "place",
    ("PRODUCES", "source"): "product",
    ("DEVELOPS", "source"): "resource",
    ("HAS_RESERVES", "source"): "resource",
    ("COVERS", "source"): "topic",
    ("SIGNS", "agreement"): "signatory",
    ("PARTY_TO", "agreement"): "party",
}
# What a sum of money is, by the type of the fact that states it.
MONEY_KINDS: dict[str, str] = {"LENDS_TO": "loan", "GRANTS_AID_TO": "grant", "FINANCES": "financing",
                               "INVESTS_IN": "investment", "HOLDS_STAKE_IN": "investment", "TRADES_WITH": "trade",
                               "SUPPLIES": "supply", "BUILDS": "value", "PLANS_TO_BUILD": "value",
                               "DEVELOPS": "value", "COVERS": "value", "SIGNS": "package", "PARTY_TO": "package",
                               "PARTNERS_WITH": "package", "COOPERATES_IN": "package"}
# When one sentence states a sum on facts of several types, the most specific kind names it.
MONEY_KIND_ORDER: tuple[str, ...] = ("loan", "grant", "financing", "investment", "value", "supply", "trade",
                                     "package", "other")


def check_label(label: str) -> str:
    """Return `label` if it is a known entity label, else raise ValueError."""
    if label not in ENTITY_LABELS:
        raise ValueError(f"unknown node label {label!r}; known: {', '.join(ENTITY_LABELS)}")
    return label


def check_relation(rel_type: str) -> str:
    """Return `rel_type` if it is a known relationship type, else raise ValueError."""
    if rel_type not in RELATIONSHIPS:
        raise ValueError(f"unknown relationship type {rel_type!r}; known: {', '.join(RELATION_NAMES)}")
    return rel_type
