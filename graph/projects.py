"""Projects from pledge to delivery: stages as dated events, money that adds up once, timelines, stalled pledges
and totals by country and year. Answers shared by the API, the views and the Python interface.

Everything here is derived from the facts and their evidence as stored (no separate copy to keep in step): a
project's stages are the pieces of evidence on its facts whose modality reports a stage (graph.schema
STAGE_OF_MODALITY), and those of the agreements that cover it (who signed them); sums of money are the amounts
those pieces state. The rules, in one place:

- A stage dated after the date of the document that states it is expected (`planned`), not reported. A plan
  ("was to be carried out", modality `planned`) is the stage `announced`, dated no later than its document.
- Pieces that report the same stage of one project in the same year are one event: its sources corroborate it.
  Its date is the most precise one stated (the earliest of those).
- A project's current stage is its latest reported stage; on the same day the later stage of a project's life wins.
- An amount is counted once: a sentence that states it on several facts (two partners of one portfolio, two lenders
  of one loan) gives one amount; documents that repeat it for the same thing (the same project or agreement, or an
  overlapping set of parties) with the same currency and value corroborate it. Of several sums in one sentence a
  fact takes the largest (the others are usually its parts: the exports and imports of a trade total).
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import neo4j

from graph import paging, schema
from graph.errors import BadQueryInput, NotFound
from graph.results import (
    Amount,
    BucketTotal,
    EntityRef,
    EventEvidence,
    EvidenceOut,
    GraphEdge,
    GraphNode,
    Money,
    PairTimeline,
    Participant,
    ProjectPage,
    ProjectSummary,
    ProjectTimeline,
    StalledAnswer,
    StalledProject,
    TimelineEvent,
    TotalsAnswer,
    YearTotals,
    edge_from_driver,
    node_from_driver,
)
from graph.service import MAX_PAGE, NO_FILTER, FactFilter, first_day, period_end, resolve_entity
from graph.store import GraphStore

STAGE_RANK = {s: i for i, s in enumerate(schema.PROJECT_STAGES)}
MAX_TIMELINE_PAGE = 500
MAX_STALLED_YEARS = 100
_ALL = 1_000_000  # "every project": the stage filter is applied after the stages are known
_PLACE_TYPES = frozenset({"LOCATED_IN", "OPERATES_IN"})
Row = Any  # a driver record or map with `edge`, `source`, `target`


# ---------------------------------------------------------------------------------------------- pieces


@dataclass(frozen=True, slots=True)
class Piece:
    """One piece of evidence of one fact, as a timeline or a sum sees it."""

    edge: GraphEdge
    ev: EvidenceOut
    source: GraphNode
    target: GraphNode
    stage: str | None = None
    planned: bool = False
    about: GraphNode | None = None  # the project, agreement or event it concerns

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.ev.doc_id, self.ev.start or 0, self.edge.id)

    @property
    def day(self) -> str:
        return first_day(self.ev.date or "")


def _after(day: str, doc_date: str | None) -> bool:
    """Is `day` (ISO, maybe partial) after the whole of the document's date?"""
    if not doc_date:
        return False
    end = period_end(doc_date[:10]) if len(doc_date) >= 4 else None
    return end is not None and first_day(day) > end.isoformat()


def _is_contract(agreement: GraphNode) -> bool:
    names = " ".join([agreement.id, agreement.name, *agreement.aliases]).lower()
    return "contract" in names


def _stage(ev: EvidenceOut, agreement: GraphNode | None) -> str | None:
    stage = schema.STAGE_OF_MODALITY.get(ev.modality or "")
    if agreement is not None and stage in (None, "agreed"):
        # an agreement that covers a project marks it agreed; a contract, contracted
        stage = "contracted" if _is_contract(agreement) else "agreed"
    return stage


def _pieces(rows: Iterable[Row], facts: FactFilter, doc_dates: dict[str, str | None], *,
            project: GraphNode | None = None, via_agreement: bool = False) -> list[Piece]:
    """The dated pieces of evidence of fact rows ({edge, source, target}) that pass the filter, with their stage."""
    out: list[Piece] = []
    for row in rows:
        edge = facts.prune(edge_from_driver(row["edge"]))
        source, target = node_from_driver(row["source"]), node_from_driver(row["target"])
        agreement = None
        if via_agreement:
            agreement = source if source.type == "Agreement" else target
        elif edge.type == "COVERS" and source.type == "Agreement":
            agreement = source
        for ev in edge.evidence:
            if ev.date:
                out.append(staged(edge, ev, source, target, doc_dates.get(ev.doc_id), project=project,
                                  agreement=agreement))
    return out


def staged(edge: GraphEdge, ev: EvidenceOut, source: GraphNode, target: GraphNode, doc_date: str | None, *,
           project: GraphNode | None = None, agreement: GraphNode | None = None) -> Piece:
    """One dated piece of evidence with the stage it reports (of `project`, when it is a project's; through
    `agreement`, when an agreement covering the project states it) and whether it is expected: dated after its
    document. A plan is announced on its document's date, whatever day it is planned for."""
    stage = _stage(ev, agreement) if project is not None else schema.STAGE_OF_MODALITY.get(ev.modality or "")
    planned = _after(ev.date or "", doc_date)
    if stage == "announced" and planned:
        ev = ev.model_copy(update={"date": doc_date or ev.date})
        planned = False
    return Piece(edge, ev, source, target, stage, planned, project or agreement)


def _undated(rows: Iterable[Row], facts: FactFilter) -> int:
    return sum(1 for row in rows for ev in facts.prune(edge_from_driver(row["edge"])).evidence if not ev.date)


async def _doc_dates(store: GraphStore, rows: Iterable[Row]) -> dict[str, str | None]:
    ids = sorted({d for row in rows for d in (row["edge"].get("doc_ids") or [])})
    if not ids:
        return {}
    return {r["id"]: r["date"] for r in await store.arun("document_dates", ids=ids)}


# ---------------------------------------------------------------------------------------------- money


def _money(ev: EvidenceOut) -> Money | None:
    """The largest sum a piece of evidence states (by its US-dollar value, else by its own)."""
    sums = [q for q in ev.quantities if q.get("kind") == "money"]
    if not sums:
        return None
    q = max(sums, key=lambda q: (q.get("usd") is not None, q.get("usd") or q.get("value") or 0.0))
    return Money(value=float(q["value"]), currency=str(q["unit"]), usd=q.get("usd"), rate_year=q.get("rate_year"),
                 text=str(q.get("text") or ""))


def _ref(node: GraphNode) -> EntityRef:
    return EntityRef(id=node.id, type=node.type, name=node.name)


def _evidence(piece: Piece) -> EventEvidence:
    return EventEvidence(**piece.ev.model_dump(), edge=piece.edge.id)


def _stable_id(prefix: str, *parts: object) -> str:
    return prefix + hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).hexdigest()


def _best_date(days: Iterable[str]) -> str:
    """The most precise date, the earliest of those."""
    return min(days, key=lambda d: (-len(d), d))


def _same_sum(a: Money, b: Money) -> bool:
    return a.currency == b.currency and abs(a.value - b.value) <= 0.005 * max(abs(a.value), abs(b.value), 1.0)


@dataclass
class _Sum:
    """A sum of money being gathered from the sentences that state it."""

    money: Money
    kinds: set[str] = field(default_factory=set)
    pieces: list[Piece] = field(default_factory=list)
    parties: dict[str, GraphNode] = field(default_factory=dict)
    attached: GraphNode | None = None

    def add(self, piece: Piece) -> None:
        self.pieces.append(piece)
        self.kinds.add(schema.MONEY_KINDS.get(piece.edge.type, "other"))
        for node in (piece.source, piece.target):
            self.parties.setdefault(node.id, node)

    @property
    def kind(self) -> str:
        return min(self.kinds, key=lambda k: schema.MONEY_KIND_ORDER.index(k)
                   if k in schema.MONEY_KIND_ORDER else len(schema.MONEY_KIND_ORDER))

    def attach(self) -> None:
        for label in ("Project", "Agreement"):
            ends = sorted((n for n in self.parties.values() if n.type == label), key=lambda n: n.id)
            if ends:
                self.attached = ends[0]
                return

    def same_thing(self, other: _Sum) -> bool:
        if self.kind != other.kind or not _same_sum(self.money, other.money):
            return False
        if self.attached is not None or other.attached is not None:
            return self.attached is not None and other.attached is not None and self.attached.id == other.attached.id
        mine, theirs = set(self.parties), set(other.parties)
        return len(mine & theirs) >= 2 or mine <= theirs or theirs <= mine


def amounts_of(pieces: Iterable[Piece], countries: dict[str, list[str]] | None = None) -> list[Amount]:
    """The sums of money the pieces state, each once (see the module's rules), oldest first."""
    by_sentence: dict[tuple[str, int, str, float], _Sum] = {}
    for piece in pieces:
        money = _money(piece.ev)
        if money is None:
            continue
        key = (piece.ev.doc_id, piece.ev.start or 0, money.currency, round(money.value, 2))
        by_sentence.setdefault(key, _Sum(money)).add(piece)
    merged: list[_Sum] = []
    for s in sorted(by_sentence.values(), key=lambda s: min(p.day for p in s.pieces)):
        s.attach()
        into = next((m for m in merged if m.same_thing(s)), None)
        if into is None:
            merged.append(s)
            continue
        for p in s.pieces:
            into.add(p)
    return [_amount(s, countries or {}) for s in merged]


def _amount(s: _Sum, countries: dict[str, list[str]]) -> Amount:
    reported = [p for p in s.pieces if p.stage is not None and not p.planned]
    stage = max((p.stage for p in reported if p.stage), key=lambda st: STAGE_RANK[st], default=None)
    if stage is None:
        stage = next((p.stage for p in s.pieces if p.stage), None)
    days = [p.ev.date or "" for p in s.pieces if p.ev.date]
    day = _best_date([d for d in days if d[:4] == min(days)[:4]]) if days else None
    evidence: dict[tuple[str, int, str], EventEvidence] = {}
    for p in s.pieces:
        evidence.setdefault(p.key, _evidence(p))
    country_ids = sorted({c for pid in s.parties for c in countries.get(pid, [])})
    attached = s.attached.id if s.attached else ",".join(sorted(s.parties))
    return Amount(
        id=_stable_id("amount:", attached, s.kind, s.money.currency, round(s.money.value, 2)),
        kind=s.kind, money=s.money, date=day, year=int(day[:4]) if day else None, stage=stage,
        bucket=schema.MONEY_BUCKETS.get(stage or "", "other"),
        attached_to=_ref(s.attached) if s.attached else None,
        parties=[_ref(n) for n in sorted(s.parties.values(), key=lambda n: n.id)],
        countries=country_ids, edges=sorted({p.edge.id for p in s.pieces}),
        sources=len({p.ev.doc_id for p in s.pieces}), evidence=list(evidence.values()))


# ---------------------------------------------------------------------------------------------- events


def _participants(pieces: Iterable[Piece], centre: str | None) -> list[Participant]:
    roles: dict[str, tuple[GraphNode, list[str]]] = {}
    for p in pieces:
        via_agreement = p.about is not None and p.about.id == centre and centre not in (p.source.id, p.target.id)
        for node, end in ((p.source, "source"), (p.target, "target")):
            if node.id == centre:
                continue
            other_end = "target" if end == "source" else "source"
            if via_agreement:
                role = schema.PROJECT_ROLES.get((p.edge.type, "agreement"), p.edge.type.lower()) \
                    if node.type != "Agreement" else "agreement"
            elif centre is not None and centre in (p.source.id, p.target.id):
                role = schema.PROJECT_ROLES.get((p.edge.type, other_end), p.edge.type.lower())
            else:
                role = f"{p.edge.type.lower()} ({end})"
            entry = roles.setdefault(node.id, (node, []))
            if role not in entry[1]:
                entry[1].append(role)
    return [Participant(entity=_ref(n), roles=r) for n, r in sorted(roles.values(), key=lambda x: x[0].name.lower())]


_MILESTONE_TITLES = {"relations_established": "diplomatic relations established",
                     "relations_upgraded": "relations raised to a new level",
                     "relations_anniversary": "anniversary of relations"}


def _event(pieces: list[Piece], *, centre: str | None, stage: str | None, planned: bool, key: tuple[Any, ...]
           ) -> TimelineEvent:
    evidence: dict[tuple[str, int, str], EventEvidence] = {}
    for p in sorted(pieces, key=lambda p: (p.day, p.ev.doc_id, p.ev.start or 0, p.edge.id)):
        evidence.setdefault(p.key, _evidence(p))
    day = _best_date([p.ev.date or "" for p in pieces])
    participants = _participants(pieces, centre)
    types = sorted({p.edge.type for p in pieces})
    sums = [m for m in (_money(p.ev) for p in pieces) if m is not None]
    amount = max(sums, key=lambda m: (m.usd is not None, m.usd or m.value)) if sums else None
    who = ", ".join(x.entity.name for x in participants[:4]) + (" and others" if len(participants) > 4 else "")
    milestone = next((p.ev.modality for p in pieces if p.ev.modality in schema.RELATIONS_MILESTONES), None)
    what = (stage.replace("_", " ") + (" (expected)" if planned else "")) if stage else \
        _MILESTONE_TITLES[milestone] if milestone else " / ".join(t.lower().replace("_", " ") for t in types)
    abouts = [p.about for p in pieces if p.about is not None and p.about.id != centre]
    return TimelineEvent(
        id=_stable_id("event:", centre, *key), date=day, stage=stage, milestone=milestone, planned=planned, types=types,
        title=f"{what}: {who}" if who else what, about=_ref(abouts[0]) if abouts else None,
        participants=participants, amount=amount, sources=len({p.ev.doc_id for p in pieces}),
        evidence=list(evidence.values()))


def project_events(pieces: list[Piece], project_id: str) -> list[TimelineEvent]:
    """A project's dated events, oldest first: one per stage and year (sources corroborate), and one per other fact
    set and year (places left out: they are where, not when)."""
    groups: dict[tuple[Any, ...], list[Piece]] = defaultdict(list)
    for p in pieces:
        year = p.day[:4]
        if p.stage is not None:
            groups[("stage", p.stage, p.planned, year)].append(p)
        elif p.edge.type not in _PLACE_TYPES:
            groups[("fact", p.edge.id, year)].append(p)
    events = []
    for key, members in groups.items():
        stage = key[1] if key[0] == "stage" else None
        planned = bool(key[2]) if key[0] == "stage" else False
        events.append(_event(members, centre=project_id, stage=stage, planned=planned, key=key))
    return sorted(events, key=_event_order)


def _event_order(e: TimelineEvent) -> tuple[str, int, str]:
    return (first_day(e.date), STAGE_RANK.get(e.stage or "", -1), e.id)


def current_stage(events: Sequence[TimelineEvent]) -> TimelineEvent | None:
    """The latest stage reported (not expected); on one day, the later stage of a project's life."""
    staged = [e for e in events if e.stage is not None and not e.planned]
    return max(staged, key=lambda e: (first_day(e.date), STAGE_RANK[e.stage or ""]), default=None)


def _value(amounts: Sequence[Amount], project_id: str) -> Amount | None:
    """The project's value: the value sum attached to it that most sources state, then the latest."""
    values = [a for a in amounts if a.kind == "value" and a.attached_to is not None and a.attached_to.id == project_id]
    return max(values, key=lambda a: (a.sources, a.date or "", a.money.usd or 0.0), default=None)


@dataclass
class _Project:
    node: GraphNode
    facts: list[GraphEdge]
    events: list[TimelineEvent]
    amounts: list[Amount]
    participants: list[Participant]
    undated: int

    @property
    def current(self) -> TimelineEvent | None:
        return current_stage(self.events)

    def summary(self) -> ProjectSummary:
        cur = self.current
        return ProjectSummary(project=self.node, facts=self.facts, current_stage=cur.stage if cur else None,
                              stage_date=cur.date if cur else None, value=_value(self.amounts, self.node.id),
                              participants=self.participants, stages=[e for e in self.events if e.stage])


def _project(record: neo4j.Record, facts: FactFilter, doc_dates: dict[str, str | None]) -> _Project:
    node = node_from_driver(record["project"])
    rows = [f for f in record["facts"] if f is not None]
    agreement_rows = [f for f in record["agreement_facts"] if f is not None]
    pieces = (_pieces(rows, facts, doc_dates, project=node)
              + _pieces(agreement_rows, facts, doc_dates, project=node, via_agreement=True))
    participants = _project_participants(node, rows, agreement_rows)
    return _Project(node=node, facts=[facts.prune(edge_from_driver(r["edge"])) for r in rows],
                    events=project_events(pieces, node.id), amounts=amounts_of(pieces),
                    participants=participants, undated=_undated(rows + agreement_rows, facts))


def _project_participants(project: GraphNode, rows: list[Row], agreement_rows: list[Row]
                          ) -> list[Participant]:
    """Who takes part in a project and as what, from every fact that passed the filters (dated or not)."""
    roles: dict[str, tuple[GraphNode, list[str]]] = {}

    def add(node: GraphNode, role: str) -> None:
        entry = roles.setdefault(node.id, (node, []))
        if role not in entry[1]:
            entry[1].append(role)

    for row in rows:
        source, target = node_from_driver(row["source"]), node_from_driver(row["target"])
        rel = row["edge"].type
        if target.id == project.id:
            add(source, schema.PROJECT_ROLES.get((rel, "target"), rel.lower()))
        else:
            add(target, schema.PROJECT_ROLES.get((rel, "source"), rel.lower()))
    for row in agreement_rows:
        source, target = node_from_driver(row["source"]), node_from_driver(row["target"])
        party = source if target.type == "Agreement" else target
        add(party, schema.PROJECT_ROLES.get((row["edge"].type, "agreement"), row["edge"].type.lower()))
    return [Participant(entity=_ref(n), roles=r) for n, r in sorted(roles.values(), key=lambda x: x[0].name.lower())]


# ---------------------------------------------------------------------------------------------- answers


def _check_limit(limit: int, most: int) -> None:
    if not 1 <= limit <= most:
        raise BadQueryInput(f"limit must be between 1 and {most}")


def _check_stage(stage: str | None) -> None:
    if stage is not None and stage not in schema.PROJECT_STAGES:
        raise BadQueryInput(f"unknown stage {stage!r}; known: {', '.join(schema.PROJECT_STAGES)}")


async def _projects(store: GraphStore, *, country: str | None, firm: str | None, sector: str | None,
                    facts: FactFilter, offset: int, limit: int) -> list[_Project]:
    records = await store.arun("projects_page", country=country, firm=firm, sector=sector, offset=offset,
                               limit=limit, **facts.params)
    rows = [f for r in records for f in [*r["facts"], *r["agreement_facts"]] if f is not None]
    doc_dates = await _doc_dates(store, rows)
    return [_project(r, facts, doc_dates) for r in records]


async def list_projects(store: GraphStore, country: str | None = None, *, firm: str | None = None,
                        sector: str | None = None, stage: str | None = None, offset: int = 0, limit: int = 20,
                        facts: FactFilter = NO_FILTER, cursor: str | None = None) -> ProjectPage:
    """Projects, by name, one page; each with its facts, current stage, value, participants and roles, and dated
    stages. Filters: of a country (built, located or active there, or by one of its firms), with a firm or
    organization taking part, in a sector, at a current stage; `facts` (confidence, as_of, since, until) applies
    to every fact and stage, and with a date filter only projects with a fact in it are listed."""
    _check_limit(limit, MAX_PAGE)
    _check_stage(stage)
    country_ref, firm_ref, sector_ref = await asyncio.gather(
        _maybe(store, country, "Country"), _maybe(store, firm, None), _maybe(store, sector, "Sector"))
    scope = paging.fingerprint("projects", country_ref.id if country_ref else None,
                               firm_ref.id if firm_ref else None, sector_ref.id if sector_ref else None, stage,
                               facts.scope())
    position = paging.decode(cursor, scope)
    if position is not None:
        offset = paging.position_int(position, "offset", 0)
    if offset < 0:
        raise BadQueryInput("offset must not be negative")
    common = {"country": country_ref.id if country_ref else None, "firm": firm_ref.id if firm_ref else None,
              "sector": sector_ref.id if sector_ref else None, "facts": facts}
    if stage is None:
        found = await _projects(store, offset=offset, limit=limit + 1, **common)  # type: ignore[arg-type]
        has_more = len(found) > limit
        page = found[:limit]
    else:
        every = await _projects(store, offset=0, limit=_ALL, **common)  # type: ignore[arg-type]
        matching = [p for p in every if (p.current.stage if p.current else None) == stage]
        page = matching[offset:offset + limit]
        has_more = len(matching) > offset + limit
    return ProjectPage(country=country_ref, offset=offset, items=[p.summary() for p in page], limit=limit,
                       has_more=has_more, next_cursor=paging.encode(scope, offset=offset + limit) if has_more else None)


async def _maybe(store: GraphStore, ref: str | None, node_type: str | None) -> EntityRef | None:
    return await resolve_entity(store, ref, node_type) if ref else None


async def project_timeline(store: GraphStore, project: str, *, facts: FactFilter = NO_FILTER) -> ProjectTimeline:
    """One project's dated events, oldest first: its stages (with date, amount and sentences) and its other dated
    facts; its current stage, value, participants and the sums attached to it. `project`: id, name or alias."""
    ref = await resolve_entity(store, project, "Project")
    records = await store.arun("project_facts", id=ref.id, **facts.params)
    if not records:
        raise NotFound(f"no project with id {ref.id!r}")
    rows = [f for f in [*records[0]["facts"], *records[0]["agreement_facts"]] if f is not None]
    p = _project(records[0], facts, await _doc_dates(store, rows))
    cur = p.current
    return ProjectTimeline(project=p.node, current_stage=cur.stage if cur else None,
                           stage_date=cur.date if cur else None, value=_value(p.amounts, p.node.id),
                           participants=p.participants, events=p.events, amounts=p.amounts, undated=p.undated)


async def pair_timeline(store: GraphStore, source: str, target: str, *, facts: FactFilter = NO_FILTER, offset: int = 0,
                        limit: int = 200, cursor: str | None = None) -> PairTimeline:
    """The dated events between two entities, oldest first, one page: the facts between their sides (for a country:
    itself, its firms, bodies, people and places, and its leaders), and the facts of agreements, projects and events
    both sides take part in. One event per sentence; documents that state the same facts in the same year
    corroborate one event. `source`, `target`: ids, names or aliases (the order does not matter)."""
    _check_limit(limit, MAX_TIMELINE_PAGE)
    ref_a, ref_b = await asyncio.gather(resolve_entity(store, source), resolve_entity(store, target))
    if ref_a.id == ref_b.id:
        raise BadQueryInput(f"source and target are the same entity ({ref_a.id!r})")
    scope = paging.fingerprint("pair-timeline", ref_a.id, ref_b.id, facts.scope())
    position = paging.decode(cursor, scope)
    if position is not None:
        offset = paging.position_int(position, "offset", 0)
    if offset < 0:
        raise BadQueryInput("offset must not be negative")
    records = await store.arun("pair_facts", source=ref_a.id, target=ref_b.id, **facts.params)
    doc_dates = await _doc_dates(store, records)
    shared: dict[str, GraphNode] = {}
    pieces: list[Piece] = []
    seen: set[tuple[str, int, str]] = set()
    for r in records:
        about = None
        if r["shared"] is not None:
            end = r["source"] if r["source"]["id"] == r["shared"] else r["target"]
            about = shared.setdefault(str(r["shared"]), node_from_driver(end))
        for piece in _pieces([r], facts, doc_dates):
            if piece.key in seen:
                continue
            seen.add(piece.key)
            pieces.append(Piece(piece.edge, piece.ev, piece.source, piece.target, piece.stage, piece.planned, about))
    by_sentence: dict[tuple[str, int, bool], list[Piece]] = defaultdict(list)
    for p in pieces:
        by_sentence[(p.ev.doc_id, p.ev.start or 0, p.planned)].append(p)
    groups: dict[tuple[Any, ...], list[Piece]] = defaultdict(list)
    for members in by_sentence.values():
        year = min(p.day for p in members)[:4]
        key = (tuple(sorted({p.edge.id for p in members})), members[0].planned, year)
        groups[key].extend(members)
    events = []
    for key, members in groups.items():
        stages = [p.stage for p in members if p.stage]
        stage = max(stages, key=lambda s: STAGE_RANK[s]) if stages else None
        events.append(_event(members, centre=None, stage=stage, planned=bool(key[1]), key=key))
    events.sort(key=_event_order)
    page = events[offset:offset + limit]
    has_more = len(events) > offset + limit
    return PairTimeline(source=ref_a, target=ref_b, offset=offset, events=page, undated=_undated(records, facts),
                        limit=limit, has_more=has_more,
                        next_cursor=paging.encode(scope, offset=offset + limit) if has_more else None)


async def stalled_projects(store: GraphStore, *, years: int = 3, country: str | None = None,
                           facts: FactFilter = NO_FILTER, offset: int = 0, limit: int = 50,
                           cursor: str | None = None, today: date | None = None) -> StalledAnswer:
    """Stalled pledges: projects whose latest reported stage is announced or agreed and at least `years` years
    older than the reference day (as_of or until, else today), and projects whose latest stage is suspended. Oldest
    stage first, then by id."""
    if not 1 <= years <= MAX_STALLED_YEARS:
        raise BadQueryInput(f"years must be between 1 and {MAX_STALLED_YEARS}")
    _check_limit(limit, MAX_PAGE)
    country_ref = await _maybe(store, country, "Country")
    reference = facts.latest or today or date.today()
    scope = paging.fingerprint("stalled", years, country_ref.id if country_ref else None, facts.scope(),
                               reference.isoformat())
    position = paging.decode(cursor, scope)
    if position is not None:
        offset = paging.position_int(position, "offset", 0)
    if offset < 0:
        raise BadQueryInput("offset must not be negative")
    every = await _projects(store, country=country_ref.id if country_ref else None, firm=None, sector=None,
                            facts=facts, offset=0, limit=_ALL)
    items: list[StalledProject] = []
    for p in every:
        cur = p.current
        if cur is None or cur.stage is None:
            continue
        age = (reference - date.fromisoformat(first_day(cur.date))).days / 365.25
        if cur.stage in schema.PLEDGE_STAGES and age >= years:
            reason = "pledge"
        elif cur.stage == "suspended":
            reason = "suspended"
        else:
            continue
        items.append(StalledProject(project=_ref(p.node), reason=reason, current_stage=cur.stage,  # type: ignore[arg-type]
                                    stage_date=cur.date, age_years=round(age, 1), value=_value(p.amounts, p.node.id),
                                    participants=p.participants))
    items.sort(key=lambda s: (first_day(s.stage_date), s.project.id))
    page = items[offset:offset + limit]
    has_more = len(items) > offset + limit
    return StalledAnswer(years=years, reference_date=reference.isoformat(), country=country_ref, offset=offset,
                         items=page, limit=limit, has_more=has_more,
                         next_cursor=paging.encode(scope, offset=offset + limit) if has_more else None)


async def money_amounts(store: GraphStore, *, facts: FactFilter = NO_FILTER) -> list[Amount]:
    """Every sum of money in the graph that passes the filters, each once, oldest first."""
    records = await store.arun("money_facts", **facts.params)
    doc_dates = await _doc_dates(store, records)
    countries: dict[str, set[str]] = defaultdict(set)
    for r in records:
        countries[str(r["source"]["id"])].update(r["source_countries"] or [])
        countries[str(r["target"]["id"])].update(r["target_countries"] or [])
    pieces: list[Piece] = []
    for r in records:
        source, target = node_from_driver(r["source"]), node_from_driver(r["target"])
        project = source if source.type == "Project" else target if target.type == "Project" else None
        pieces += _pieces([r], facts, doc_dates, project=project)
    amounts = amounts_of(pieces, {k: sorted(v) for k, v in countries.items()})
    return sorted(amounts, key=lambda a: (first_day(a.date or "9999"), a.id))


def _bucket(amounts: Sequence[Amount]) -> BucketTotal:
    docs = {e.doc_id for a in amounts for e in a.evidence}
    return BucketTotal(usd=round(sum(a.money.usd or 0.0 for a in amounts), 2), amounts=len(amounts),
                       sources=len(docs))


def _year_totals(year: int | None, amounts: Sequence[Amount]) -> YearTotals:
    by = {name: [a for a in amounts if a.bucket == name] for name in schema.MONEY_BUCKET_NAMES}
    return YearTotals(year=year, **{name: _bucket(v) for name, v in by.items()})


async def totals(store: GraphStore, *, country: str | None = None, facts: FactFilter = NO_FILTER) -> TotalsAnswer:
    """Sums of money by year and stage (pledged, contracted, completed, other), for one country (amounts one of
    whose parties is the country, one of its firms, bodies or people, or lies in it) or the whole graph; every
    amount counted once (see the module's rules), with how many documents state it."""
    country_ref = await _maybe(store, country, "Country")
    amounts = [a for a in await money_amounts(store, facts=facts) if a.money.usd is not None
               and (country_ref is None or country_ref.id in a.countries)]
    years = sorted({a.year for a in amounts}, key=lambda y: (y is None, y or 0))
    return TotalsAnswer(country=country_ref, by_year=[_year_totals(y, [a for a in amounts if a.year == y])
                                                      for y in years],
                        total=_year_totals(None, amounts), amounts=amounts)
