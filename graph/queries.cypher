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
// Remove the evidence a document gave: drop its entries from every relationship's evidence lists and
// delete relationships left with none. Used before a changed document is written again.
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
    r.modalities = [i IN keep | r.modalities[i]],
    r.quantities = [i IN keep | r.quantities[i]]
WITH r
WHERE size(r.doc_ids) = 0
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
// Set names and merge aliases and properties of existing entities; keeps the search text in step.
// mode: write
// $rows: list[map] - id, name, aliases, props for each entity
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
WITH n, row, reduce(acc = coalesce(n.aliases, []), a IN row.aliases |
    CASE WHEN a IN acc OR a = row.name THEN acc ELSE acc + a END) AS aliases
SET n += row.props, n.name = row.name, n.name_lower = toLower(row.name), n.aliases = aliases,
    n.aliases_lower = [a IN aliases | toLower(a)],
    n.search = row.name + ' ' + reduce(s = '', a IN aliases | s + ' ' + a)
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
// Merge relationships of one type and append one piece of evidence to each.
// mode: write
// template: {rel_type}
// $rows: list[map] - subject, object, doc_id, sentence, start, end, date, modality, quantities (JSON text), amount_usd
UNWIND $rows AS row
MATCH (a:Entity {id: row.subject})
MATCH (b:Entity {id: row.object})
MERGE (a)-[r:{rel_type}]->(b)
SET r.doc_ids = coalesce(r.doc_ids, []) + row.doc_id,
    r.sentences = coalesce(r.sentences, []) + row.sentence,
    r.starts = coalesce(r.starts, []) + row.start,
    r.ends = coalesce(r.ends, []) + row.end,
    r.dates = coalesce(r.dates, []) + coalesce(row.date, ''),
    r.modalities = coalesce(r.modalities, []) + coalesce(row.modality, ''),
    r.quantities = coalesce(r.quantities, []) + row.quantities,
    r.modality = coalesce(row.modality, r.modality),
    r.amount_usd = CASE WHEN row.amount_usd IS NULL THEN r.amount_usd
                        WHEN r.amount_usd IS NULL OR row.amount_usd > r.amount_usd THEN row.amount_usd
                        ELSE r.amount_usd END
RETURN count(r) AS merged

// name: clear_graph
// Delete every node and relationship. For tests and `kg reset`.
// mode: write
MATCH (n)
DETACH DELETE n

// ---------------------------------------------------------------- reads

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

// name: firms_touching_mineral
// Firms and organizations, optionally of one country, linked to a mineral by a chain of relationships
// of bounded length; the chain starts from the mineral, the indexed, bound end. Each row is one path.
// mode: read
// $mineral_id: string - id of the mineral, e.g. 'mineral:lithium'
// $country_id: string - id of the firms' country, or null for any country
// $limit: int - most paths returned
MATCH (m:Entity {id: $mineral_id})
MATCH p = (m)-[*1..3]-(f:Entity)
WHERE (f:Firm OR f:Organization)
  AND none(r IN relationships(p) WHERE type(r) = 'MENTIONED_IN')
  AND ($country_id IS NULL OR f.country = $country_id)
RETURN f.id AS firm_id, p
ORDER BY length(p), firm_id
LIMIT $limit
