// Every query the product runs, by name. Format: see graph/queries.py.
// All queries are Neo4j 5 Cypher; the embedded store's one difference (full-text index DDL) lives in
// graph/dialect.py, not here.

// ---------------------------------------------------------------- schema (run idempotently at start-up)

// name: schema_entity_id
// Every entity has a unique, stable id.
// mode: schema
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE

// name: schema_document_id
// Every document has a unique id.
// mode: schema
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE

// name: schema_entity_name
// Prefix search on the lower-cased name.
// mode: schema
CREATE INDEX entity_name_lower IF NOT EXISTS FOR (n:Entity) ON (n.name_lower)

// ---------------------------------------------------------------- health

// name: ping
// A trivial round trip, for readiness checks and the store benchmark.
// mode: read
RETURN 1 AS ok

// ---------------------------------------------------------------- loader writes

// name: document_hash
// The content hash of a loaded document, or nothing when it was never loaded.
// mode: read
// $doc_id: string - the document id
MATCH (d:Document {id: $doc_id})
RETURN d.content_hash AS content_hash

// name: remove_document_facts
// Remove the evidence a document gave: drop its entries from every relationship's evidence lists, delete
// relationships left with none (unless reference data states them too), and recompute the confidence of the rest.
// Used before a changed document is written again.
// mode: write
// $doc_id: string - the document id
MATCH (:Entity)-[r]->(:Entity)
WHERE $doc_id IN r.doc_ids
WITH r, [i IN range(0, size(r.doc_ids) - 1) WHERE r.doc_ids[i] <> $doc_id] AS keep
SET r.doc_ids = [i IN keep | r.doc_ids[i]],
    r.sentences = [i IN keep | r.sentences[i]],
    r.starts = [i IN keep | r.starts[i]],
    r.ends = [i IN keep | r.ends[i]],
    r.dates = [i IN keep | r.dates[i]],
    r.date_sources = [i IN keep | r.date_sources[i]],
    r.modalities = [i IN keep | r.modalities[i]],
    r.quantities = [i IN keep | r.quantities[i]],
    r.rules = [i IN keep | r.rules[i]],
    r.confidences = [i IN keep | r.confidences[i]]
WITH r
SET r.confidence = reduce(m = CASE WHEN r.reference IS NULL THEN 0.0 ELSE 1.0 END, c IN r.confidences |
        CASE WHEN c > m THEN c ELSE m END)
WITH r
WHERE size(r.doc_ids) = 0 AND r.reference IS NULL
DELETE r

// name: remove_document_mentions
// Detach a document from the entities it mentioned, then delete entities that no document mentions any
// more and that take part in no relationship.
// mode: write
// $doc_id: string - the document id
MATCH (d:Document {id: $doc_id})
OPTIONAL MATCH (e:Entity)-[m:MENTIONED_IN]->(d)
DELETE m
WITH DISTINCT e
WHERE e IS NOT NULL AND NOT (e)--()
DELETE e

// name: upsert_document
// Create or update a document node.
// mode: write
// $doc: map - id, title, source, date, date_text, license, content_hash, path, text, loaded_at
MERGE (d:Document {id: $doc.id})
SET d.title = $doc.title, d.source = $doc.source, d.date = $doc.date, d.date_text = $doc.date_text,
    d.license = $doc.license, d.content_hash = $doc.content_hash, d.path = $doc.path, d.text = $doc.text,
    d.loaded_at = $doc.loaded_at
RETURN d.id AS id

// name: entities_state
// The stored properties of those of the given entities that exist, so the loader creates only new entities and
// rewrites only those a document changes.
// mode: read
// $ids: list[string] - entity ids
UNWIND $ids AS eid
MATCH (n:Entity {id: eid})
RETURN n.id AS id, properties(n) AS props

// name: create_missing_entities
// Create, with their label, the entities of one label that do not exist yet.
// mode: write
// template: {label}
// $rows: list[map] - id, name for each entity
UNWIND $rows AS row
OPTIONAL MATCH (existing:Entity {id: row.id})
WITH row, existing
WHERE existing IS NULL
CREATE (n:Entity:{label} {id: row.id, name: row.name})
RETURN count(n) AS created

// name: update_entities
// Set names and merge aliases and properties of existing entities; keeps the search text in step. Of two names
// documents give one entity ("EDCF" here, "Korean Economic Development Cooperation Fund" there) the longer is its
// name and the other an alias.
// mode: write
// $rows: list[map] - id, name, aliases, props for each entity
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, row, CASE WHEN n.name IS NULL OR size(row.name) >= size(n.name) THEN row.name ELSE n.name END AS name
WITH n, row, name, coalesce(n.aliases, []) + row.aliases + [row.name, coalesce(n.name, row.name)] AS names
WITH n, row, name, reduce(acc = [], a IN names | CASE WHEN a IN acc OR a = name THEN acc ELSE acc + a END) AS aliases
SET n += row.props, n.name = name, n.name_lower = toLower(name), n.aliases = aliases,
    n.aliases_lower = [a IN aliases | toLower(a)],
    n.search = name + ' ' + reduce(s = '', a IN aliases | s + ' ' + a)
RETURN count(n) AS updated

// name: link_mentions
// Link a document to the entities it mentions.
// mode: write
// $doc_id: string - the document id
// $ids: list[string] - ids of the entities mentioned
MATCH (d:Document {id: $doc_id})
UNWIND $ids AS eid
MATCH (e:Entity {id: eid})
MERGE (e)-[:MENTIONED_IN]->(d)
RETURN count(e) AS linked

// name: merge_facts
// Merge relationships of one type and append one piece of evidence to each. `confidence` is the highest of its
// evidence's (and 1.0 when reference data states it), `rule` the rule of the strongest evidence.
// mode: write
// template: {rel_type}
// $rows: list[map] - subject, object, doc_id, sentence, start, end, date, date_source, modality, quantities (JSON text), amount_usd, rule, confidence
UNWIND $rows AS row
MATCH (a:Entity {id: row.subject})
MATCH (b:Entity {id: row.object})
MERGE (a)-[r:{rel_type}]->(b)
SET r.rule = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence THEN row.rule ELSE r.rule END,
    r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence THEN row.confidence
                        ELSE r.confidence END,
    r.doc_ids = coalesce(r.doc_ids, []) + row.doc_id,
    r.sentences = coalesce(r.sentences, []) + row.sentence,
    r.starts = coalesce(r.starts, []) + row.start,
    r.ends = coalesce(r.ends, []) + row.end,
    r.dates = coalesce(r.dates, []) + coalesce(row.date, ''),
    r.date_sources = coalesce(r.date_sources, []) + coalesce(row.date_source, ''),
    r.modalities = coalesce(r.modalities, []) + coalesce(row.modality, ''),
    r.quantities = coalesce(r.quantities, []) + row.quantities,
    r.rules = coalesce(r.rules, []) + row.rule,
    r.confidences = coalesce(r.confidences, []) + row.confidence,
    r.modality = coalesce(row.modality, r.modality),
    r.amount_usd = CASE WHEN row.amount_usd IS NULL THEN r.amount_usd
                        WHEN r.amount_usd IS NULL OR row.amount_usd > r.amount_usd THEN row.amount_usd
                        ELSE r.amount_usd END
RETURN count(r) AS merged

// name: merge_reference_facts
// Merge relationships of one type that reference data (the gazetteer) states: no sentence, no document; the
// relationship says where it comes from (`reference`) and keeps any evidence documents gave it.
// mode: write
// template: {rel_type}
// $rows: list[map] - subject, object, reference, rule, confidence
UNWIND $rows AS row
MATCH (a:Entity {id: row.subject})
MATCH (b:Entity {id: row.object})
MERGE (a)-[r:{rel_type}]->(b)
SET r.reference = row.reference,
    r.rule = CASE WHEN r.confidence IS NULL OR row.confidence >= r.confidence THEN row.rule ELSE r.rule END,
    r.confidence = CASE WHEN r.confidence IS NULL OR row.confidence > r.confidence THEN row.confidence
                        ELSE r.confidence END,
    r.doc_ids = coalesce(r.doc_ids, []),
    r.sentences = coalesce(r.sentences, []),
    r.starts = coalesce(r.starts, []),
    r.ends = coalesce(r.ends, []),
    r.dates = coalesce(r.dates, []),
    r.date_sources = coalesce(r.date_sources, []),
    r.modalities = coalesce(r.modalities, []),
    r.quantities = coalesce(r.quantities, []),
    r.rules = coalesce(r.rules, []),
    r.confidences = coalesce(r.confidences, [])
RETURN count(r) AS merged

// name: clear_graph
// Delete every node and relationship. For tests and `kg reset`.
// mode: write
MATCH (n)
DETACH DELETE n

// ---------------------------------------------------------------- reads

// name: graph_generation
// A stamp that changes whenever documents are loaded, replaced or removed (every load sets loaded_at, to the
// microsecond): the API's response cache compares it to know when to forget its answers.
// mode: read
MATCH (d:Document)
RETURN count(d) AS documents, max(d.loaded_at) AS last_loaded

// name: graph_counts_by_label
// Number of nodes for each label.
// mode: read
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label

// name: graph_counts_by_type
// Number of relationships for each type.
// mode: read
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type

// name: entity_by_id
// One entity with its labels and properties.
// mode: read
// $id: string - the entity id
MATCH (n:Entity {id: $id})
RETURN n, labels(n) AS labels

// name: export_nodes
// Every node with its labels and properties, for export.
// mode: read
MATCH (n)
RETURN n, labels(n) AS labels
ORDER BY n.id

// name: export_relationships
// Every fact relationship between entities, with its evidence, for export.
// mode: read
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) <> 'MENTIONED_IN'
RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props
ORDER BY source, type, target

// name: export_mentions
// Every entity-to-document mention link, for export.
// mode: read
MATCH (e:Entity)-[:MENTIONED_IN]->(d:Document)
RETURN e.id AS source, d.id AS target
ORDER BY source, target

// ---------------------------------------------------------------- api
// Reads behind the HTTP API and graph/service.py. Variable-length patterns name every fact type of
// graph/schema.py (tests check the list stays equal to schema.RELATION_NAMES): walking MENTIONED_IN would
// connect everything through documents and make shortest paths meaningless.

// name: api_resolve_entity
// Entities whose id, name or alias equals a reference (name and alias compared case-insensitively),
// optionally of one label; exact id first, then name, then alias.
// mode: read
// $ref: string - an entity id, name or alias, e.g. 'mineral:lithium', 'Lithium', 'Korea'
// $label: string - label the entity must carry, or null for any
MATCH (n:Entity)
WHERE (n.id = $ref OR n.name_lower = toLower($ref) OR toLower($ref) IN coalesce(n.aliases_lower, []))
  AND ($label IS NULL OR $label IN labels(n))
RETURN n.id AS id, n.name AS name,
       CASE WHEN n.id = $ref THEN 0 WHEN n.name_lower = toLower($ref) THEN 1 ELSE 2 END AS rank
ORDER BY rank, id
LIMIT 10

// name: api_entity_search_prefix
// Entities whose name or one of whose aliases starts with a lower-cased prefix, optionally of one label,
// ordered by name; one page.
// mode: read
// $prefix: string - lower-cased prefix
// $label: string - label the entity must carry, or null for any
// $offset: int - entities skipped
// $limit: int - most entities returned
MATCH (n:Entity)
WHERE (n.name_lower STARTS WITH $prefix OR any(a IN coalesce(n.aliases_lower, []) WHERE a STARTS WITH $prefix))
  AND ($label IS NULL OR $label IN labels(n))
RETURN n, labels(n) AS labels
ORDER BY n.name_lower, n.id
SKIP $offset
LIMIT $limit

// name: api_entity_search_fulltext
// Entities matching a full-text query on names and aliases, optionally of one label, best first; one page.
// mode: read
// $index: string - the full-text index name (graph.dialect)
// $query: string - the full-text query, already escaped
// $label: string - label the entity must carry, or null for any
// $offset: int - entities skipped
// $limit: int - most entities returned
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
WITH node, score
WHERE $label IS NULL OR $label IN labels(node)
RETURN node AS n, labels(node) AS labels, score
ORDER BY score DESC, n.id
SKIP $offset
LIMIT $limit

// name: api_entity_detail
// One entity with its labels, the documents that mention it (newest first) and the number of its fact
// relationships by type and direction, in one round trip (the entity page is the most requested read).
// mode: read
// $id: string - the entity id
// $limit: int - most documents returned
MATCH (n:Entity {id: $id})
CALL {
  WITH n
  OPTIONAL MATCH (n)-[:MENTIONED_IN]->(d:Document)
  WITH d ORDER BY d.date DESC, d.id
  RETURN collect(d {.id, .title, .date, .source})[..$limit] AS documents
}
CALL {
  WITH n
  OPTIONAL MATCH (n)-[r]-(:Entity)
  WITH type(r) AS type, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, count(r) AS count
  WHERE type IS NOT NULL
  RETURN collect({type: type, direction: direction, count: count}) AS counts
}
RETURN n, labels(n) AS labels, documents, counts

// name: api_neighbourhood_1
// Paths of 1 to 1 fact relationships from an entity, optionally only of some relationship types and
// through some node types; shortest first.
// mode: read
// $id: string - the entity id
// $rel_types: list[string] - relationship types allowed on every hop; empty for all
// $node_types: list[string] - labels allowed for every node reached; empty for all
// $limit: int - most paths returned
MATCH (a:Entity {id: $id})
MATCH p = (a)-[:{fact_types}*1..1]-(b:Entity)
WHERE (size($rel_types) = 0 OR all(r IN relationships(p) WHERE type(r) IN $rel_types))
  AND (size($node_types) = 0 OR all(x IN nodes(p)[1..] WHERE any(l IN labels(x) WHERE l IN $node_types)))
RETURN p
ORDER BY length(p)
LIMIT $limit

// name: api_neighbourhood_2
// Paths of 1 to 2 fact relationships from an entity, optionally only of some relationship types and
// through some node types; shortest first.
// mode: read
// $id: string - the entity id
// $rel_types: list[string] - relationship types allowed on every hop; empty for all
// $node_types: list[string] - labels allowed for every node reached; empty for all
// $limit: int - most paths returned
MATCH (a:Entity {id: $id})
MATCH p = (a)-[:{fact_types}*1..2]-(b:Entity)
WHERE (size($rel_types) = 0 OR all(r IN relationships(p) WHERE type(r) IN $rel_types))
  AND (size($node_types) = 0 OR all(x IN nodes(p)[1..] WHERE any(l IN labels(x) WHERE l IN $node_types)))
RETURN p
ORDER BY length(p)
LIMIT $limit

// name: api_neighbourhood_3
// Paths of 1 to 3 fact relationships from an entity, optionally only of some relationship types and
// through some node types; shortest first.
// mode: read
// $id: string - the entity id
// $rel_types: list[string] - relationship types allowed on every hop; empty for all
// $node_types: list[string] - labels allowed for every node reached; empty for all
// $limit: int - most paths returned
MATCH (a:Entity {id: $id})
MATCH p = (a)-[:{fact_types}*1..3]-(b:Entity)
WHERE (size($rel_types) = 0 OR all(r IN relationships(p) WHERE type(r) IN $rel_types))
  AND (size($node_types) = 0 OR all(x IN nodes(p)[1..] WHERE any(l IN labels(x) WHERE l IN $node_types)))
RETURN p
ORDER BY length(p)
LIMIT $limit

// name: api_shortest_paths
// All shortest chains of fact relationships (either direction) between two entities, up to a length.
// mode: read
// $source: string - id of one entity
// $target: string - id of the other entity
// $max_len: int - longest path accepted (at most 6)
// $limit: int - most paths returned
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
MATCH p = allShortestPaths((a)-[:{fact_types}*..6]-(b))
WHERE length(p) <= $max_len
RETURN p
LIMIT $limit

// name: firms_touching_mineral
// Firms and organizations, optionally of one country, linked to a mineral by a chain of at most $max_hops
// fact relationships (at most 3) that does not pass through a country or a place (a shared country is not
// a link). Starts from the mineral, the indexed bound end. Each row is one path.
// mode: read
// $mineral_id: string - id of the mineral, e.g. 'mineral:lithium'
// $country_id: string - id of the firms' country, or null for any country
// $max_hops: int - longest chain accepted, 1 to 3
// $limit: int - most paths returned
MATCH (m:Entity {id: $mineral_id})
MATCH p = (m)-[:{fact_types}*1..3]-(f:Entity)
WHERE (f:Firm OR f:Organization)
  AND length(p) <= $max_hops
  AND none(x IN nodes(p)[1..] WHERE x:Country OR x:Location)
  AND ($country_id IS NULL OR f.country = $country_id)
RETURN f.id AS firm_id, p
ORDER BY length(p), firm_id
LIMIT $limit

// name: api_documents_count
// Number of documents.
// mode: read
MATCH (d:Document)
RETURN count(d) AS count

// name: api_documents_page
// One page of documents, by id, without their text.
// mode: read
// $offset: int - documents skipped
// $limit: int - most documents returned
MATCH (d:Document)
RETURN d.id AS id, d.title AS title, d.source AS source, d.date AS date, d.license AS license,
       d.loaded_at AS loaded_at
ORDER BY id
SKIP $offset
LIMIT $limit

// name: api_document_by_id
// One document with its header fields and text.
// mode: read
// $doc_id: string - the document id
MATCH (d:Document {id: $doc_id})
RETURN d.id AS id, d.title AS title, d.source AS source, d.date AS date, d.date_text AS date_text,
       d.license AS license, d.loaded_at AS loaded_at, d.content_hash AS content_hash, d.text AS text

// name: api_document_facts
// Fact relationships a document gave evidence for, with both ends.
// mode: read
// $doc_id: string - the document id
// $limit: int - most facts returned
MATCH (d:Document {id: $doc_id})<-[:MENTIONED_IN]-(a:Entity)
MATCH (a)-[r]->(b:Entity)
WHERE $doc_id IN r.doc_ids
RETURN a, r, b
ORDER BY type(r), a.id, b.id
LIMIT $limit
