"""A seeded synthetic corpus for the scale benchmark (bench/bench_scale.py): documents already extracted
(graph.models.Extraction, the loader's own input to its writer), about 20 facts each, over entities whose degrees
follow preferential attachment, so a few hubs emerge as in the real graph: the six countries of the project,
lithium and the other minerals the news names most, a few sectors.

Two ways to write it, both with the loader's named write queries and their parameters (graph.loader.write_steps):
- `write_document`: one document, one transaction, exactly as `kg load` writes it (write_extraction);
- `write_batch`: the same statements for several documents in one transaction, rows of the same query joined
  (create_missing_entities, update_entities, merge_facts, merge_reference_facts take lists of rows), so a 100k
  graph builds in minutes rather than hours. `check_same_shape` writes one corpus both ways into two databases and
  compares their exports: the bench runs it before building, and tests/test_scale.py runs it too.

Everything derives from the seed: the same seed gives the same corpus, document by document.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from graph import derived, schema
from graph.loader import change_step, fact_ids, write_extraction, write_steps
from graph.models import Entity, Evidence, Extraction, Fact, SourceDocument
from graph.store import GraphStore

# Facts per entity in the measured graphs (4k, 38k, 376k facts for 1k, 10k, 100k entities).
FACTS_PER_ENTITY = 3.8
FACTS_PER_DOCUMENT = 20

COUNTRIES = (("korea", "Korea", ("South Korea", "Republic of Korea", "ROK")), ("kazakhstan", "Kazakhstan", ()),
             ("uzbekistan", "Uzbekistan", ()), ("kyrgyzstan", "Kyrgyzstan", ("Kyrgyz Republic",)),
             ("tajikistan", "Tajikistan", ()), ("turkmenistan", "Turkmenistan", ()),
             ("russia", "Russia", ()), ("china", "China", ()), ("japan", "Japan", ()),
             ("united-states", "United States", ("US", "USA")), ("turkey", "Turkey", ()), ("india", "India", ()),
             ("germany", "Germany", ()), ("mongolia", "Mongolia", ()), ("azerbaijan", "Azerbaijan", ()))
# How often a firm or organization belongs to each country (the rest: the other countries, evenly).
FIRM_COUNTRIES = {"korea": 0.38, "kazakhstan": 0.16, "uzbekistan": 0.13, "kyrgyzstan": 0.05, "tajikistan": 0.04,
                  "turkmenistan": 0.04}
MINERALS = ("lithium", "uranium", "tungsten", "copper", "rare earths", "gold", "molybdenum", "cobalt", "nickel",
            "graphite", "zinc", "titanium", "vanadium", "antimony", "manganese", "natural gas", "oil", "coal",
            "silver", "chromium")
SECTORS = ("nuclear energy", "oil and gas", "renewable energy", "healthcare", "education", "agriculture",
           "information technology", "transport", "logistics", "textiles", "automotive", "finance", "tourism",
           "construction", "water supply", "chemicals", "steel", "shipbuilding", "aviation", "telecommunications")
# The head start of the hubs (an entity starts with weight 1; each fact end adds 1).
HUB_WEIGHTS = {"korea": 120, "kazakhstan": 90, "uzbekistan": 70, "kyrgyzstan": 40, "tajikistan": 35,
               "turkmenistan": 35, "lithium": 80, "uranium": 50, "rare earths": 30, "tungsten": 25}
# The label of each new entity a document introduces.
NEW_LABELS = {"Firm": 0.30, "Organization": 0.10, "Person": 0.18, "Project": 0.12, "Agreement": 0.08,
              "Event": 0.07, "Location": 0.12, "Group": 0.01, "Mineral": 0.005, "Sector": 0.015}
# Relation types as the extractor emits them, roughly in its proportions.
RELATIONS = {"PARTNERS_WITH": 10, "COOPERATES_IN": 9, "OPERATES_IN": 8, "LOCATED_IN": 8, "INVESTS_IN": 6,
             "SIGNS": 6, "PARTY_TO": 3, "DEVELOPS": 6, "SUPPLIES": 3, "PRODUCES": 2, "HAS_RESERVES": 2,
             "COVERS": 4, "MEETS": 5, "WORKS_FOR": 5, "LEADS": 2, "VISITS": 3, "ATTENDS": 3, "BUILDS": 3,
             "PLANS_TO_BUILD": 1, "LENDS_TO": 1, "FINANCES": 1, "GRANTS_AID_TO": 1, "HOLDS_STAKE_IN": 1,
             "LAUNCHES": 1, "HOSTS": 1, "TRADES_WITH": 1, "SUBSIDIARY_OF": 1, "ASSOCIATED_WITH": 3, "INVITES": 1,
             "REPRESENTS": 1}
VERBS = {"PARTNERS_WITH": "agreed to cooperate with", "COOPERATES_IN": "will cooperate in",
         "OPERATES_IN": "operates in", "LOCATED_IN": "is located in", "INVESTS_IN": "invested in",
         "SIGNS": "signed", "PARTY_TO": "is a party to", "DEVELOPS": "develops", "SUPPLIES": "supplies",
         "PRODUCES": "produces", "HAS_RESERVES": "holds reserves of", "COVERS": "covers", "MEETS": "met",
         "WORKS_FOR": "works for", "LEADS": "heads", "VISITS": "visited", "ATTENDS": "attended",
         "BUILDS": "is building", "PLANS_TO_BUILD": "plans to build", "LENDS_TO": "lent to",
         "FINANCES": "finances", "GRANTS_AID_TO": "granted aid to", "HOLDS_STAKE_IN": "holds a stake in",
         "LAUNCHES": "launched", "HOSTS": "hosted", "TRADES_WITH": "trades with", "SUBSIDIARY_OF": "is part of",
         "ASSOCIATED_WITH": "was named with", "INVITES": "invited", "REPRESENTS": "represents"}
MODALITIES = ("stated", "agreed", "signed", "planned", "announced", "completed", "under_construction", "discussed")
SYLLABLES = ("ka", "ra", "na", "ko", "rea", "sa", "mir", "tal", "bek", "zar", "kor", "dun", "san", "gul", "tur",
             "an", "ul", "bo", "ya", "lim", "hae", "won", "jin", "sung", "tash", "ken", "al", "ma", "ty", "os", "ush",
             "ba", "ter", "nur", "sol", "dae", "hyun", "kan", "pet", "ro", "ste", "vol", "zhan", "ar", "ik", "ol")
FIRM_WORDS = ("Energy", "Mining", "Resources", "Holdings", "Engineering", "Construction", "Trading", "Metals",
              "Chemicals", "Logistics", "Power", "Steel", "Capital", "Industries", "Tech", "Solar", "Uranium")
ORG_WORDS = ("Agency", "Institute", "Ministry of Industry", "Development Bank", "Fund", "Chamber of Commerce",
             "University", "Centre", "Association", "Council")
PROJECT_WORDS = ("Plant", "Mine", "Pipeline", "Power Station", "Industrial Park", "Refinery", "Railway", "Hospital",
                 "Solar Farm", "Smelter")


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


@dataclass
class _Node:
    id: str
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    properties: dict[str, str | int | float | bool] = field(default_factory=dict)


class Corpus:
    """`entities` entities over about entities * FACTS_PER_ENTITY / FACTS_PER_DOCUMENT documents; iterate it for the
    documents, in order. Degrees follow preferential attachment: an end of a fact is picked from the entities of
    its label with a chance proportional to one plus the facts it already has."""

    def __init__(self, entities: int, seed: int = 11, facts_per_document: int = FACTS_PER_DOCUMENT) -> None:
        self.target_entities = entities
        self.seed = seed
        self.facts_per_document = facts_per_document
        self.documents = max(1, round(entities * FACTS_PER_ENTITY / facts_per_document))

    def __iter__(self) -> Iterator[Extraction]:
        rng = random.Random(self.seed)
        nodes: dict[str, _Node] = {}
        # One entry per entity and one more per fact end: a uniform pick from a label's list is a pick by degree.
        by_label: dict[str, list[str]] = {label: [] for label in schema.ENTITY_LABELS}
        counter = 0

        def add(node: _Node, weight: int = 1) -> _Node:
            nodes[node.id] = node
            by_label[node.label].extend([node.id] * weight)
            return node

        for key, name, aliases in COUNTRIES:
            add(_Node(f"country:{key}", "Country", name, list(aliases)), weight=HUB_WEIGHTS.get(key, 8))
        for name in MINERALS:
            add(_Node(f"mineral:{slug(name)}", "Mineral", name.title()), weight=HUB_WEIGHTS.get(name, 15))
        for name in SECTORS:
            add(_Node(f"sector:{slug(name)}", "Sector", name), weight=10)
        country_ids = [f"country:{k}" for k, _, _ in COUNTRIES]
        other_countries = [c for c in country_ids if c.split(":")[1] not in FIRM_COUNTRIES]

        def word() -> str:
            return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

        def new_node(label: str) -> _Node:
            nonlocal counter
            counter += 1
            props: dict[str, str | int | float | bool] = {}
            aliases: list[str] = []
            if label == "Firm":
                country = rng.choices(list(FIRM_COUNTRIES) + ["other"],
                                      weights=[*FIRM_COUNTRIES.values(), 1 - sum(FIRM_COUNTRIES.values())])[0]
                props["country"] = f"country:{country}" if country != "other" else rng.choice(other_countries)
                head = "Korea" if props["country"] == "country:korea" and rng.random() < 0.08 else word()
                name = f"{head} {rng.choice(FIRM_WORDS)}"
                if rng.random() < 0.3:
                    aliases.append("".join(w[0] for w in name.split()).upper() + str(counter % 97))
            elif label == "Organization":
                country = rng.choices(list(FIRM_COUNTRIES) + ["other"],
                                      weights=[*FIRM_COUNTRIES.values(), 1 - sum(FIRM_COUNTRIES.values())])[0]
                props["country"] = f"country:{country}" if country != "other" else rng.choice(other_countries)
                name = f"{word()} {rng.choice(ORG_WORDS)}"
                if rng.random() < 0.4:
                    aliases.append("".join(w[0] for w in name.split()).upper() + str(counter % 89))
            elif label == "Person":
                name = f"{word()} {word()}"
            elif label == "Project":
                name = f"{word()} {rng.choice(PROJECT_WORDS)}"
            elif label == "Agreement":
                name = f"{word()} memorandum of understanding"
            elif label == "Event":
                head = word()
                kind_of = rng.choice(("Forum", "Summit", "Business Council", "Expo"))
                name = f"{head} {kind_of} {rng.randint(2005, 2025)}"
            elif label == "Location":
                name = f"{word()} {rng.choice(('Region', 'Oblast', 'District', 'City', 'Deposit'))}"
            elif label == "Mineral":
                name = f"{word().lower()}ite"
            elif label == "Sector":
                name = f"{word().lower()} industry"
            else:
                name = f"{word()} community"
            kind = label.lower() if label != "Organization" else "org"
            return _Node(f"{kind}:s{counter:07d}-{slug(name)[:24]}", label, name, aliases, props)

        def pick(label: str) -> str:
            return rng.choice(by_label[label])

        def end(labels: tuple[str, ...], in_doc: dict[str, _Node], new: list[_Node], used: set[str]) -> _Node | None:
            """One end of a fact: mostly a new entity of the document while one fits (each gets used), else one
            already in the document, else an entity of the graph picked by preferential attachment."""
            fresh = [n for n in new if n.label in labels and n.id not in used]
            if fresh and rng.random() < 0.7:
                used.add(fresh[0].id)
                return fresh[0]
            local = [n for n in in_doc.values() if n.label in labels]
            if local and rng.random() < 0.5:
                return rng.choice(local)
            candidates = [label for label in labels if by_label[label]]
            if not candidates:
                return None
            label = rng.choices(candidates, weights=[len(by_label[c]) for c in candidates])[0]
            return nodes[pick(label)]

        start = date(2010, 1, 1)
        per_doc = self.target_entities / self.documents
        made = 0
        for i in range(self.documents):
            # New entities so that the corpus ends with about the target number.
            due = round(per_doc * (i + 1)) - made
            new = [add(new_node(rng.choices(list(NEW_LABELS), weights=list(NEW_LABELS.values()))[0]))
                   for _ in range(max(0, due))]
            made += len(new)
            in_doc: dict[str, _Node] = {n.id: n for n in new}
            used: set[str] = set()
            day = start + timedelta(days=rng.randint(0, 5800))
            doc_id = f"doc:synthetic-{self.seed}-{i:06d}"
            sentences: list[str] = []
            facts: list[Fact] = []
            offset = 0
            n_facts = max(4, round(rng.gauss(self.facts_per_document, 4)))
            seen: set[tuple[str, str, str]] = set()
            tries = 0
            while len(facts) < n_facts and tries < n_facts * 6:
                tries += 1
                rel = rng.choices(list(RELATIONS), weights=list(RELATIONS.values()))[0]
                rtype = schema.RELATIONSHIPS[rel]
                subject = end(rtype.sources, in_doc, new, used)
                obj = end(rtype.targets, in_doc, new, used)
                if subject is None or obj is None or subject.id == obj.id or (subject.id, rel, obj.id) in seen:
                    continue
                seen.add((subject.id, rel, obj.id))
                in_doc[subject.id] = subject
                in_doc[obj.id] = obj
                by_label[subject.label].append(subject.id)
                by_label[obj.label].append(obj.id)
                when = day - timedelta(days=rng.randint(0, 400))
                sentence = f"{subject.name} {VERBS[rel]} {obj.name} in {when:%B %Y}."
                money = []
                if rel in ("INVESTS_IN", "LENDS_TO", "FINANCES", "GRANTS_AID_TO") and rng.random() < 0.6:
                    value = rng.choice((5, 12, 50, 120, 300, 1500)) * 1e6
                    money = [{"kind": "money", "value": value, "unit": "USD", "text": f"${value / 1e6:.0f} million",
                              "usd": value, "rate_year": when.year}]
                    sentence = sentence[:-1] + f", worth ${value / 1e6:.0f} million."
                confidence = 0.3 if rel == "ASSOCIATED_WITH" else rng.choice((0.7, 0.8, 0.85, 0.9))
                facts.append(Fact.model_validate({
                    "subject": subject.id, "relation": rel, "object": obj.id,
                    "modality": rng.choice(MODALITIES), "quantities": money, "rule": f"synthetic_{rel.lower()}",
                    "confidence": confidence,
                    "evidence": Evidence(doc_id=doc_id, sentence=sentence, start=offset, end=offset + len(sentence),
                                         date=when.isoformat(), date_source="sentence")}))
                sentences.append(sentence)
                offset += len(sentence) + 1
            # Reference data, as the gazetteer gives it: a firm's group.
            for n in list(in_doc.values()):
                if n.label == "Firm" and rng.random() < 0.03 and by_label["Firm"]:
                    parent = nodes[pick("Firm")]
                    if parent.id != n.id:
                        facts.append(Fact(subject=n.id, relation="SUBSIDIARY_OF", object=parent.id,
                                          rule="gazetteer_parent", confidence=1.0, source="reference"))
                        in_doc[parent.id] = parent
            text = " ".join(sentences)
            title = f"Synthetic report {i} on {rng.choice([n.name for n in in_doc.values()] or ['the region'])}"
            doc = SourceDocument.model_validate({
                "id": doc_id, "title": title, "source": f"https://example.org/synthetic/{self.seed}/{i}",
                "date": day.isoformat(), "date_text": f"{day:%d %B %Y}", "license": "CC0-1.0", "text": text,
                "content_hash": f"synthetic-{self.seed}-{i}", "format": "text",
                "text_hash": f"synthetic-text-{self.seed}-{i}"})
            entities = [Entity(id=n.id, label=n.label, name=n.name, aliases=list(n.aliases),
                               properties=dict(n.properties)) for n in in_doc.values()]
            yield Extraction(document=doc, entities=entities, facts=facts, mentions=sorted(in_doc))


# ---------------------------------------------------------------------------------------------- writing


def write_document(store: GraphStore, extraction: Extraction) -> None:
    """One document in one transaction, as `kg load` writes a new document (graph.loader.write_extraction)."""
    store.write(lambda tx: write_extraction(tx, extraction))


# Queries whose rows of several documents can go in one statement: their effect is that of running them one document
# after the other (rows apply in order; an entity is created once, by the first document naming it).
_JOINABLE = ("create_missing_entities", "update_entities", "merge_facts", "merge_facts_at_object",
             "merge_reference_facts")


def batch_steps(extractions: list[Extraction], stored: dict[str, dict[str, object]]
                ) -> list[tuple[str, str | None, dict[str, object]]]:
    """The loader's write steps for several new documents (graph.loader.write_steps), rows of one query and
    template value joined in document order, in the order the loader runs them: documents, entities, their
    updates, mentions, facts, reference facts, the change feed."""
    per_doc: list[tuple[str, str | None, dict[str, object]]] = []
    joined: dict[tuple[str, str | None], list[dict[str, object]]] = {}
    created: set[str] = set()
    for extraction in extractions:
        for name, slot, params in write_steps(extraction, stored):
            if name in _JOINABLE:
                rows = list(params["rows"])  # type: ignore[call-overload]
                if name == "create_missing_entities":
                    rows = [r for r in rows if r["id"] not in created]
                    created.update(str(r["id"]) for r in rows)
                joined.setdefault((name, slot), []).extend(rows)
            else:
                per_doc.append((name, slot, params))
        per_doc.append(change_step("loaded", extraction.document.id, fact_ids(extraction), []))
    order = ("upsert_document", "create_missing_entities", "update_entities", "link_mentions", "merge_facts",
             "merge_facts_at_object", "merge_reference_facts", "record_change")
    steps = per_doc + [(name, slot, {"rows": rows}) for (name, slot), rows in joined.items() if rows]
    return sorted(steps, key=lambda s: order.index(s[0]))  # stable: documents keep their order within a query


def write_batch(store: GraphStore, extractions: list[Extraction]) -> None:
    """Several new documents in one transaction, with the loader's queries (batch_steps)."""

    def work(tx: Any) -> None:
        ids = sorted({e.id for x in extractions for e in x.entities})
        state = tx.run("entities_state", ids=ids) if ids else []
        stored = {e["id"]: e["props"] for e in state[0]["entities"]} if state else {}
        added = [edge for x in extractions for edge in fact_ids(x)]
        tx.run_all([*batch_steps(extractions, stored), *derived.steps(added=added, touched=ids)])

    store.write(work)


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    """An export without what differs between two writes of the same documents (load times, change times)."""
    nodes = []
    for n in data["nodes"]:
        props = {k: v for k, v in n["properties"].items() if k != "loaded_at"}
        nodes.append({**n, "properties": props})
    return {"nodes": sorted(nodes, key=lambda n: n["id"]),
            "edges": sorted(data["edges"], key=lambda e: (e["id"], json.dumps(e, sort_keys=True, default=str)))}


def check_same_shape(one_by_one: GraphStore, batched: GraphStore, extractions: list[Extraction],
                     batch: int = 7) -> None:
    """Write the same documents into two empty databases, one document per transaction as `kg load` does and in
    batches as the bench builds its graphs, and assert the two graphs are equal: nodes, labels, properties,
    relationships and every evidence list in order (load times aside), the change feed's entries, and the derived
    data the writes keep (degrees, alias keys, search keys, fact pages)."""
    from graph.export import to_json

    for x in extractions:
        write_document(one_by_one, x)
    for i in range(0, len(extractions), batch):
        write_batch(batched, extractions[i:i + batch])
    a, b = _comparable(to_json(one_by_one)), _comparable(to_json(batched))
    if a != b:
        diff_nodes = [n["id"] for n, m in zip(a["nodes"], b["nodes"], strict=False) if n != m][:5]
        diff_edges = [e["id"] for e, f in zip(a["edges"], b["edges"], strict=False) if e != f][:5]
        raise AssertionError(f"batched writes differ from the loader's: {len(a['nodes'])} vs {len(b['nodes'])} "
                             f"nodes, {len(a['edges'])} vs {len(b['edges'])} edges; first differing nodes "
                             f"{diff_nodes}, edges {diff_edges}")
    feed = [[(r["kind"], r["doc_id"], list(r["facts_added"])) for r in s.run("changes_page", since=0, limit=100_000)]
            for s in (one_by_one, batched)]
    assert feed[0] == feed[1], "the change feeds differ"
    kept = [(sorted((str(r["id"]), r["degree"]) for r in s.driver.execute_query(
                "MATCH (n:Entity) RETURN n.id AS id, n.degree AS degree", database_=s.database).records),
             sorted((str(r["entity"]), str(r["key"])) for r in s.driver.execute_query(
                 "MATCH (k:AliasKey) RETURN k.entity AS entity, k.key AS key", database_=s.database).records),
             sorted((str(r["entity"]), str(r["key"]), r["rank1"], r["rank2"], r["rank3"])
                    for r in s.driver.execute_query(
                 "MATCH (k:SearchKey) RETURN k.entity AS entity, k.key AS key, k.rank1 AS rank1, k.rank2 AS rank2, "
                 "k.rank3 AS rank3", database_=s.database).records),
             sorted((str(r["entity"]), list(r["edges"])) for r in s.driver.execute_query(
                 "MATCH (p:FactPage) RETURN p.entity AS entity, p.edges AS edges", database_=s.database).records))
            for s in (one_by_one, batched)]
    assert kept[0] == kept[1], "the degrees, alias keys, search keys or fact pages differ"
