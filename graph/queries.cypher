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

// name: schema_alias_key
// An entity's aliases, one AliasKey node each (lower-cased `key`, the entity's id in `entity`): name lookup and prefix
// search find an alias through this index, as they find a name through entity_name_lower.
// mode: schema
CREATE INDEX alias_key IF NOT EXISTS FOR (k:AliasKey) ON (k.key)

// name: schema_alias_entity
// The alias keys of one entity, to delete them with it.
// mode: schema
CREATE INDEX alias_entity IF NOT EXISTS FOR (k:AliasKey) ON (k.entity)

// name: schema_entity_parent
// The subsidiaries of an entity, by the `parent` property the gazetteer gives.
// mode: schema
CREATE INDEX entity_parent IF NOT EXISTS FOR (n:Entity) ON (n.parent)

// name: schema_search_key_entity
// Search keys (SearchKey nodes: one for each name and alias of an entity, lower-cased `key`, the entity's id in
// `entity`, and `rank1`-`rank3`: the key's first 1-3 characters followed by the best prefix-search score the key can
// give a prefix of that length, inverted so that an ascending index scan meets the best first): the keys of one
// entity, to refresh or delete them with it.
// mode: schema
CREATE INDEX search_key_entity IF NOT EXISTS FOR (k:SearchKey) ON (k.entity)

// name: schema_search_key_rank_1
// Prefix search of one character reads the keys in this index's order (best score first) and stops at the page.
// mode: schema
CREATE INDEX search_key_rank_1 IF NOT EXISTS FOR (k:SearchKey) ON (k.rank1)

// name: schema_search_key_rank_2
// As schema_search_key_rank_1, for prefixes of two characters.
// mode: schema
CREATE INDEX search_key_rank_2 IF NOT EXISTS FOR (k:SearchKey) ON (k.rank2)

// name: schema_search_key_rank_3
// As schema_search_key_rank_1, for prefixes of three characters.
// mode: schema
CREATE INDEX search_key_rank_3 IF NOT EXISTS FOR (k:SearchKey) ON (k.rank3)

// name: schema_fact_page_entity
// The first fact ids of a hub (FactPage nodes: `entity`, and `edges`, the smallest ids `source|TYPE|target` of its
// fact relationships, in order): the first page of a hub's neighbourhood without sorting all its facts.
// mode: schema
CREATE INDEX fact_page_entity IF NOT EXISTS FOR (p:FactPage) ON (p.entity)

// name: schema_change_seq
// Every entry of the change feed has a unique sequence number.
// mode: schema
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE

// name: schema_change_log_id
// One change log: two first writers of an empty store cannot both create it.
// mode: schema
CREATE CONSTRAINT change_log_id IF NOT EXISTS FOR (l:ChangeLog) REQUIRE l.id IS UNIQUE

// name: layout_version
// The version of the store's layout (derived data the writes keep: `degree`, alias keys), null before version 2.
// mode: read
OPTIONAL MATCH (l:StoreLayout {id: 'layout'})
RETURN l.version AS version

// name: upgrade_layout_2
// Bring up to layout 2 some of the entities of a graph written before it (those with no `degree`), a batch at a time
// (graph/store.py repeats it until none is left, then sets the version): each entity's `degree`, its fact
// relationships counted, and an alias key for each of its aliases.
// mode: write
// $batch: int - most entities brought up in one transaction
MATCH (n:Entity)
WHERE n.degree IS NULL
WITH n
LIMIT $batch
SET n.degree = COUNT { (n)-[:{fact_types}]-(:Entity) }
FOREACH (key IN coalesce(n.aliases_lower, []) | MERGE (:AliasKey {key: key, entity: n.id}))
RETURN count(n) AS upgraded

// name: entity_ids_after
// One batch of entity ids in id order, after a cursor: the upgrade to layout 3 refreshes the search keys and fact
// pages of every entity, a batch at a time.
// mode: read
// $after: string - the last id of the previous batch, '' for the first
// $batch: int - most ids returned
MATCH (n:Entity)
WHERE n.id > $after
RETURN n.id AS id
ORDER BY id
LIMIT $batch

// name: set_layout_version
// Record the store's layout version (once every entity has been brought up to it).
// mode: write
// $version: int - the layout version
MERGE (l:StoreLayout {id: 'layout'})
SET l.version = $version
RETURN l.version AS version

// ---------------------------------------------------------------- health

// name: ping
// A trivial round trip, for readiness checks and the store benchmark.
// mode: read
RETURN 1 AS ok

// name: terminate_marked_reads
// Stop the running read whose text starts with a marker: a read past its time limit, or one whose caller went away
// (graph/store.py marks every timed read with a comment naming it). Nothing when it has already ended.
// mode: write
// $marker: string - the comment the read starts with, e.g. '/* kg-read 0123abcd */ '
SHOW TRANSACTIONS
YIELD transactionId AS id, currentQuery
WHERE currentQuery STARTS WITH $marker
TERMINATE TRANSACTIONS id
YIELD transactionId, message
RETURN transactionId, message

// ---------------------------------------------------------------- loader writes

// name: take_write_lock
// The first statement of every write transaction (GraphStore.write): bump the write counter on the one ChangeLog
// node. Every writer therefore changes the same record before it reads anything: ArcadeDB refuses the commit of the
// second of two overlapping writers (a concurrent change; it retries), Neo4j makes it wait for the first's lock.
// Writes take effect one after the other, each over what it read. The counter is also the graph's stamp
// (graph_generation): it changes with every write, whatever the writers' clocks say.
// mode: write
MERGE (log:ChangeLog {id: 'changes'})
SET log.writes = coalesce(log.writes, 0) + 1
RETURN log.writes AS writes

// name: write_counter
// The write counter as committed (take_write_lock): a write that failed compares it with the value it took, to
// know whether another writer committed meanwhile.
// mode: read
OPTIONAL MATCH (log:ChangeLog {id: 'changes'})
RETURN log.writes AS writes

// name: document_hash
// The content hash of a loaded document, or nothing when it was never loaded.
// mode: read
// $doc_id: string - the document id
MATCH (d:Document {id: $doc_id})
RETURN d.content_hash AS content_hash

// name: document_by_source
// The document loaded from a URL: the one whose source it is, or one that recorded it as the place of an exact copy.
// mode: read
// $url: string - the URL
MATCH (d:Document)
WHERE d.source = $url OR $url IN coalesce(d.copies, [])
RETURN d.id AS id
ORDER BY id
LIMIT 1

// name: add_document_copy
// Note another place (a URL, a file) where a document's exact copy was found, so a feed does not fetch it again.
// mode: write
// $doc_id: string - the document
// $location: string - the URL or path of the copy
MATCH (d:Document {id: $doc_id})
SET d.copies = CASE WHEN $location IN coalesce(d.copies, []) OR d.source = $location OR d.path = $location
                    THEN coalesce(d.copies, []) ELSE coalesce(d.copies, []) + $location END
RETURN d.id AS id

// name: document_sketches
// The text hash and shingle sketch of every document, read once per batch to find exact and near copies of the
// batch's documents (graph/dedup.py).
// mode: read
MATCH (d:Document)
WHERE d.sketch IS NOT NULL
RETURN d.id AS id, d.text_hash AS text_hash, d.sketch AS sketch

// name: document_text
// A document's stored text.
// mode: read
// $doc_id: string - the document id
MATCH (d:Document {id: $doc_id})
RETURN d.text AS text

// name: link_near_copies
// Record a document's near copies on it and on each of them (the link goes both ways).
// mode: write
// $doc_id: string - the document
// $ids: list[string] - ids of its near copies
MATCH (d:Document {id: $doc_id})
SET d.near_copies = $ids
WITH d
UNWIND $ids AS other_id
MATCH (o:Document {id: other_id})
SET o.near_copies = CASE WHEN d.id IN coalesce(o.near_copies, []) THEN o.near_copies
                         ELSE coalesce(o.near_copies, []) + d.id END
RETURN count(o) AS linked

// name: unlink_near_copies
// Forget a document in its near copies' lists, before it is replaced or deleted.
// mode: write
// $doc_id: string - the document
MATCH (o:Document)
WHERE $doc_id IN coalesce(o.near_copies, [])
SET o.near_copies = [x IN o.near_copies WHERE x <> $doc_id]
RETURN count(o) AS unlinked

// name: remove_document_references
// Reference-data facts (the gazetteer's) hold for the entities documents mention: drop those whose subject only
// this document mentions and that no document states, and their other ends when nothing else holds them (with their
// alias keys, search keys and fact pages). Run after remove_document_facts and before remove_document_mentions, so the graph is as if the
// document had never been loaded. Each end of a dropped fact counts one fact less (`degree`).
// mode: write
// $doc_id: string - the document id
MATCH (:Document {id: $doc_id})<-[:MENTIONED_IN]-(a:Entity)
OPTIONAL MATCH (a)-[:MENTIONED_IN]->(other:Document)
WHERE other.id <> $doc_id
WITH a, count(other) AS others
WHERE others = 0
MATCH (a)-[r]->(b:Entity)
WHERE r.reference IS NOT NULL AND size(coalesce(r.doc_ids, [])) = 0
SET a.degree = a.degree - 1, b.degree = b.degree - 1
DELETE r
WITH DISTINCT b
WHERE NOT (b)--()
OPTIONAL MATCH (k:AliasKey {entity: b.id})
OPTIONAL MATCH (s:SearchKey {entity: b.id})
OPTIONAL MATCH (p:FactPage {entity: b.id})
DETACH DELETE k, s, p, b

// name: remove_document_facts
// Remove the evidence a document gave: drop its entries from every relationship's evidence lists, delete
// relationships left with none (unless reference data states them too), and recompute the confidence of the rest.
// Each end of a deleted relationship counts one fact less (`degree`). Used before a changed document is written
// again.
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
    r.confidences = [i IN keep | r.confidences[i]],
    r.pages = [i IN keep | coalesce(r.pages[i], 0)]
WITH r
SET r.confidence = reduce(m = CASE WHEN r.reference IS NULL THEN 0.0 ELSE 1.0 END, c IN r.confidences |
        CASE WHEN c > m THEN c ELSE m END)
WITH r
WHERE size(r.doc_ids) = 0 AND r.reference IS NULL
WITH r, startNode(r) AS a, endNode(r) AS b
SET a.degree = a.degree - 1, b.degree = b.degree - 1
DELETE r

// name: remove_document_mentions
// Detach a document from the entities it mentioned, then delete entities that no document mentions any
// more and that take part in no relationship, with their alias keys, search keys and fact pages.
// mode: write
// $doc_id: string - the document id
MATCH (d:Document {id: $doc_id})
OPTIONAL MATCH (e:Entity)-[m:MENTIONED_IN]->(d)
DELETE m
WITH DISTINCT e
WHERE e IS NOT NULL AND NOT (e)--()
OPTIONAL MATCH (k:AliasKey {entity: e.id})
OPTIONAL MATCH (s:SearchKey {entity: e.id})
OPTIONAL MATCH (p:FactPage {entity: e.id})
DETACH DELETE k, s, p, e

// name: upsert_document
// Create or update a document node.
// mode: write
// $doc: map - id, title, source, date, date_text, license, content_hash, path, text (the extracted text evidence offsets refer to), format, pages (PDF: where each page starts in the text), text_hash, sketch (shingle sketch as hex text, graph/dedup.py), loaded_at
MERGE (d:Document {id: $doc.id})
SET d.title = $doc.title, d.source = $doc.source, d.date = $doc.date, d.date_text = $doc.date_text,
    d.license = $doc.license, d.content_hash = $doc.content_hash, d.path = $doc.path, d.text = $doc.text,
    d.format = $doc.format, d.pages = $doc.pages, d.text_hash = $doc.text_hash, d.sketch = $doc.sketch,
    d.loaded_at = $doc.loaded_at
RETURN d.id AS id

// name: entities_state
// The stored properties of those of the given entities that exist, so the loader creates only new entities and
// rewrites only those a document changes. One row, the list: a row per entity made the writer thread take the
// interpreter's lock once per row, each time from the extraction (graph/loader.py).
// mode: read
// $ids: list[string] - entity ids
UNWIND $ids AS eid
MATCH (n:Entity {id: eid})
RETURN collect({id: n.id, props: properties(n)}) AS entities

// name: create_missing_entities
// Create, with their label, the entities of one label that do not exist yet, with no facts yet (`degree` 0: the
// number of fact relationships an entity takes part in, kept by the writes that add and remove them).
// mode: write
// template: {label}
// $rows: list[map] - id, name for each entity
UNWIND $rows AS row
OPTIONAL MATCH (existing:Entity {id: row.id})
WITH row, existing
WHERE existing IS NULL
CREATE (n:Entity:{label} {id: row.id, name: row.name, degree: 0})
RETURN count(n) AS created

// name: update_entities
// Set names and merge aliases and properties of existing entities; keeps the search text and the alias keys in step
// (aliases only ever grow, so keys are only added). Of two names
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
FOREACH (key IN n.aliases_lower | MERGE (:AliasKey {key: key, entity: n.id}))
RETURN count(n) AS updated

// name: link_mentions
// Link a document to the entities it mentions. The pattern starts at the document: the embedded store's MERGE looks
// for an existing link among the edges of the node the pattern starts with, and a new document has none, where a
// country or a mineral has one for every document that names it.
// mode: write
// $doc_id: string - the document id
// $ids: list[string] - ids of the entities mentioned
MATCH (d:Document {id: $doc_id})
UNWIND $ids AS eid
MATCH (e:Entity {id: eid})
MERGE (d)<-[:MENTIONED_IN]-(e)
RETURN count(e) AS linked

// name: merge_facts
// Merge relationships of one type and append one piece of evidence to each. `confidence` is the highest of its
// evidence's (and 1.0 when reference data states it), `rule` the rule of the strongest evidence. A new relationship
// adds one fact to the `degree` of both ends. The MERGE pattern starts at the subject: the embedded store looks for
// an existing relationship among the edges of the pattern's first node, so the loader sends here the rows whose
// subject has no more facts than their object, and the others to merge_facts_at_object, where a country or a
// mineral (thousands of facts) is never the node searched.
// mode: write
// template: {rel_type}
// $rows: list[map] - subject, object, doc_id, sentence, start, end, date, date_source, modality, quantities (JSON text), amount_usd, rule, confidence, page (PDF page of the sentence, or null)
UNWIND $rows AS row
MATCH (a:Entity {id: row.subject})
MATCH (b:Entity {id: row.object})
MERGE (a)-[r:{rel_type}]->(b)
ON CREATE SET a.degree = coalesce(a.degree, 0) + 1, b.degree = coalesce(b.degree, 0) + 1
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
    r.pages = coalesce(r.pages, []) + coalesce(row.page, 0),
    r.modality = coalesce(row.modality, r.modality),
    r.amount_usd = CASE WHEN row.amount_usd IS NULL THEN r.amount_usd
                        WHEN r.amount_usd IS NULL OR row.amount_usd > r.amount_usd THEN row.amount_usd
                        ELSE r.amount_usd END
RETURN count(r) AS merged

// name: merge_facts_at_object
// merge_facts for the rows whose object has fewer facts than their subject: the same relationship and the same
// evidence, the MERGE pattern written from the object (see merge_facts).
// mode: write
// template: {rel_type}
// $rows: list[map] - subject, object, doc_id, sentence, start, end, date, date_source, modality, quantities (JSON text), amount_usd, rule, confidence, page (PDF page of the sentence, or null)
UNWIND $rows AS row
MATCH (a:Entity {id: row.subject})
MATCH (b:Entity {id: row.object})
MERGE (b)<-[r:{rel_type}]-(a)
ON CREATE SET a.degree = coalesce(a.degree, 0) + 1, b.degree = coalesce(b.degree, 0) + 1
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
    r.pages = coalesce(r.pages, []) + coalesce(row.page, 0),
    r.modality = coalesce(row.modality, r.modality),
    r.amount_usd = CASE WHEN row.amount_usd IS NULL THEN r.amount_usd
                        WHEN r.amount_usd IS NULL OR row.amount_usd > r.amount_usd THEN row.amount_usd
                        ELSE r.amount_usd END
RETURN count(r) AS merged

// name: merge_reference_facts
// Merge relationships of one type that reference data (the gazetteer) states: no sentence, no document; the
// relationship says where it comes from (`reference`) and keeps any evidence documents gave it. A new relationship
// adds one fact to the `degree` of both ends. The pattern starts at the subject, a firm whose group is the object.
// mode: write
// template: {rel_type}
// $rows: list[map] - subject, object, reference, rule, confidence
UNWIND $rows AS row
MATCH (a:Entity {id: row.subject})
MATCH (b:Entity {id: row.object})
MERGE (a)-[r:{rel_type}]->(b)
ON CREATE SET a.degree = coalesce(a.degree, 0) + 1, b.degree = coalesce(b.degree, 0) + 1
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
    r.confidences = coalesce(r.confidences, []),
    r.pages = coalesce(r.pages, [])
RETURN count(r) AS merged

// name: refresh_search_keys
// Keep the search keys of some entities in step with their names, aliases and number of facts (the last query of
// every write that adds or removes facts or names; the upgrade to layout 3 runs it over every entity). An entity's
// keys are rewritten only when its names changed or its degree, counted up to 50 (where search's hub bonus is
// full), did; hubs past 50 facts are never rewritten. A key's rank for prefixes of n characters is its first n
// characters, '|', the score search gives an entity matched by that key (0.55 + 0.2 * n / its length + 0.15 *
// min(1, ln(1 + degree) / ln(51)), rounded to 4 places) as 110000 - 10000 * score (ascending order is best
// first), '|' and the entity's id; null when the key is shorter than n. The keys of a deleted entity go.
// mode: write
// $ids: list[string] - ids of the entities a write touched
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
OPTIONAL MATCH (k:SearchKey {entity: id})
WITH id, e, collect(k) AS keys
WITH id, e, keys, CASE WHEN e IS NULL THEN [] ELSE [e.name] + coalesce(e.aliases, []) END AS names,
     CASE WHEN e IS NULL THEN 0 WHEN coalesce(e.degree, 0) > 50 THEN 50 ELSE coalesce(e.degree, 0) END AS d
WHERE size(keys) <> size(names) OR any(k IN keys WHERE k.d <> d)
   OR any(name IN names WHERE NOT toLower(name) IN [k IN keys | k.key])
FOREACH (k IN keys | DELETE k)
WITH id, names, d, log(1.0 + d) / log(51.0) AS hub
UNWIND names AS name
WITH id, d, hub, toLower(name) AS key, size(name) AS len
WITH id, d, key, len, [n IN [1, 2, 3] |
       CASE WHEN size(key) < n THEN null
            ELSE substring(key, 0, n) + '|' +
                 toString(110000 - toInteger(round(10000 * round(0.55 + 0.2 * toFloat(n) / len + 0.15 * hub, 4)))) +
                 '|' + id END] AS ranks
CREATE (k:SearchKey {entity: id, key: key, len: len, d: d})
SET k.rank1 = ranks[0], k.rank2 = ranks[1], k.rank3 = ranks[2]
RETURN count(k) AS keys

// name: add_to_fact_pages
// Put the fact relationships a write added into the fact pages of their ends (FactPage, kept for hubs only: see
// build_fact_pages): an id smaller than a page's last goes in at its place, and the page keeps its first $size
// ids. A page therefore always holds the smallest ids of its entity's facts. Ids already there are left alone (the
// write found the relationship there).
// mode: write
// $edges: list[string] - ids (source|TYPE|target) of the fact relationships written, in order
// $size: int - most ids a page keeps
UNWIND $edges AS eid
WITH eid, split(eid, '|') AS parts
UNWIND [parts[0], parts[2]] AS end
MATCH (p:FactPage {entity: end})
WITH p, collect(eid) AS added
SET p.edges = reduce(page = p.edges, x IN added |
      CASE WHEN x IN page OR size(page) = 0 OR x > page[size(page) - 1] THEN page
           ELSE ([y IN page WHERE y < x] + x + [y IN page WHERE y > x])[..$size] END)
RETURN count(p) AS pages

// name: build_fact_pages
// Give a fact page to those of some entities that are hubs ($hub facts or more) and have none, or whose page
// removals have shortened below $least ids: the smallest $size ids of their fact relationships, sorted once here.
// mode: write
// $ids: list[string] - ids of the entities a write touched
// $hub: int - fewest facts of an entity that keeps a fact page
// $size: int - most ids a page keeps
// $least: int - a page with fewer ids is built again
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE coalesce(e.degree, 0) >= $hub
OPTIONAL MATCH (p:FactPage {entity: id})
WITH e, p
WHERE p IS NULL OR size(p.edges) < $least
CALL {
  WITH e
  MATCH (e)-[r:{fact_types}]-(:Entity)
  WITH DISTINCT r
  WITH startNode(r).id + '|' + type(r) + '|' + endNode(r).id AS eid
  ORDER BY eid
  LIMIT $size
  RETURN collect(eid) AS edges
}
MERGE (page:FactPage {entity: e.id})
SET page.edges = edges
RETURN count(page) AS built

// name: drop_from_fact_pages
// Take the ids of fact relationships that are gone out of the fact pages of their ends (a removal: the page keeps
// the smallest ids that remain; build_fact_pages builds a page shortened below its least again). Only ids a page
// holds are looked for in the graph.
// mode: write
// $edges: list[string] - ids (source|TYPE|target) of fact relationships that may have been deleted
UNWIND $edges AS eid
WITH eid, split(eid, '|') AS parts
UNWIND [parts[0], parts[2]] AS end
MATCH (p:FactPage {entity: end})
WHERE eid IN p.edges
OPTIONAL MATCH (:Entity {id: parts[0]})-[r]->(:Entity {id: parts[2]})
WHERE type(r) = parts[1]
WITH p, eid, count(r) AS left
WHERE left = 0
WITH p, collect(eid) AS gone
SET p.edges = [x IN p.edges WHERE NOT x IN gone]
RETURN count(p) AS pages

// name: document_fact_ids
// The ids of the fact relationships a document gave evidence for (`source|TYPE|target`), before it is replaced or
// deleted: the change feed lists them as removed.
// mode: read
// $doc_id: string - the document id
MATCH (d:Document {id: $doc_id})<-[:MENTIONED_IN]-(a:Entity)
MATCH (a)-[r]->(b:Entity)
WHERE $doc_id IN r.doc_ids
RETURN DISTINCT a.id + '|' + type(r) + '|' + b.id AS id
ORDER BY id

// name: document_reference_ids
// The ids of the reference-data facts that go when a document is replaced or deleted (remove_document_references
// says which): the change feed lists them as removed too.
// mode: read
// $doc_id: string - the document id
MATCH (:Document {id: $doc_id})<-[:MENTIONED_IN]-(a:Entity)
OPTIONAL MATCH (a)-[:MENTIONED_IN]->(other:Document)
WHERE other.id <> $doc_id
WITH a, count(other) AS others
WHERE others = 0
MATCH (a)-[r]->(b:Entity)
WHERE r.reference IS NOT NULL AND size(coalesce(r.doc_ids, [])) = 0
RETURN DISTINCT a.id + '|' + type(r) + '|' + b.id AS id
ORDER BY id

// name: delete_document
// Delete a document node (its evidence, the reference facts only it held, its mentions and near-copy links are
// removed first, by graph/loader.py removal_steps, in the same transaction).
// mode: write
// $doc_id: string - the document id
MATCH (d:Document {id: $doc_id})
DETACH DELETE d

// name: record_change
// Append one entry to the change feed: the next sequence number (a counter kept on one ChangeLog node, so two
// writers never take the same number), what happened to which document, and the facts it added or removed.
// mode: write
// $change: map - kind ('loaded', 'replaced' or 'deleted'), doc_id, at (ISO time), facts_added, facts_removed (edge ids)
MERGE (log:ChangeLog {id: 'changes'})
SET log.seq = coalesce(log.seq, 0) + 1
CREATE (c:Change {seq: log.seq, kind: $change.kind, doc_id: $change.doc_id, at: $change.at,
                  facts_added: $change.facts_added, facts_removed: $change.facts_removed})
RETURN c.seq AS seq

// ---------------------------------------------------------------- kg check --repair (graph/check.py)

// name: document_texts
// The current text of some documents: a piece of evidence must quote it (text[start:end] is its sentence).
// mode: read
// $ids: list[string] - document ids
MATCH (d:Document)
WHERE d.id IN $ids
RETURN d.id AS id, d.text AS text

// name: fact_relationships
// Every relationship of one type from one entity to another (normally one; concurrent writers before writes were
// serialised could leave two), with its properties.
// mode: read
// template: {rel_type}
// $source: string - id of the entity the relationships start from
// $target: string - id of the entity they point to
MATCH (:Entity {id: $source})-[r:{rel_type}]->(:Entity {id: $target})
RETURN properties(r) AS props

// name: replace_fact
// Replace every relationship of one type between two entities by one relationship with the given properties (a
// repaired fact: parallel relationships merged, duplicated or stale evidence dropped).
// mode: write
// template: {rel_type}
// $source: string - id of the entity the relationship starts from
// $target: string - id of the entity it points to
// $props: map - every property of the repaired relationship, evidence lists included
MATCH (a:Entity {id: $source}), (b:Entity {id: $target})
OPTIONAL MATCH (a)-[old:{rel_type}]->(b)
DELETE old
WITH DISTINCT a, b
CREATE (a)-[r:{rel_type}]->(b)
SET r = $props
RETURN count(r) AS replaced

// name: remove_fact
// Delete every relationship of one type between two entities (a repaired fact left with no evidence and no
// reference data).
// mode: write
// template: {rel_type}
// $source: string - id of the entity the relationships start from
// $target: string - id of the entity they point to
MATCH (:Entity {id: $source})-[r:{rel_type}]->(:Entity {id: $target})
DELETE r
RETURN count(*) AS removed

// name: count_duplicate_mentions
// Mention links beyond the first between one entity and one document.
// mode: read
MATCH (e:Entity)-[m:MENTIONED_IN]->(d:Document)
WITH e, d, count(m) AS links
WHERE links > 1
RETURN sum(links - 1) AS extra

// name: remove_duplicate_mentions
// Delete the mention links beyond the first between one entity and one document.
// mode: write
MATCH (e:Entity)-[m:MENTIONED_IN]->(d:Document)
WITH e, d, collect(m) AS links
WHERE size(links) > 1
UNWIND links[1..] AS extra
DELETE extra
RETURN count(*) AS removed

// name: clear_graph
// Delete every node and relationship. For tests and `kg reset`.
// mode: write
MATCH (n)
DETACH DELETE n

// ---------------------------------------------------------------- reads
// Queries marked `// public` form the catalogue callers may list and run over HTTP (GET /api/v1/queries); the
// rest serve the loader, the cache and the exports and are not runnable from outside. Public queries return
// entities, edges and paths (shaped like every other answer, internal search fields removed) or plain values,
// under column names from the API's vocabulary: entity, edge, source, target, path.
// Variable-length patterns name every fact type of graph/schema.py (the fact_types constant; tests check the list
// stays equal to schema.RELATION_NAMES): walking MENTIONED_IN would connect everything through documents.
// The fact_passes constant is the filter every graph answer applies to a fact relationship r: its confidence is
// at least min_confidence (0 for all) and, with as_of and since (ISO dates, or null for no bound), some piece of
// its evidence is dated within them (reference data is timeless). See graph/queries.py.

// name: graph_generation
// A stamp that changes whenever the graph is written: the store's write counter (bumped by every write
// transaction, take_write_lock) and the change feed's latest sequence number, with the document count for graphs
// written before the counter existed. A counter kept by the store, not a clock: a writer whose clock is behind
// still changes it. The API's response cache compares it to know when to forget its answers; an export compares it
// before and after reading, to know it read one state of the graph.
// mode: read
MATCH (d:Document)
WITH count(d) AS documents
OPTIONAL MATCH (log:ChangeLog {id: 'changes'})
RETURN documents, log.writes AS writes, log.seq AS changes

// name: graph_counts_by_label
// Number of nodes for each label (entities and documents).
// mode: read
// public
MATCH (n)
WHERE n:Entity OR n:Document
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label

// name: graph_counts_by_type
// Number of relationships for each type.
// mode: read
// public
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type

// name: graph_counts_by_label_within
// graph_counts_by_label under the answer filters: the entities known within them (a fact relationship touching the
// entity passes {fact_passes}, or a document that mentions it is dated within the window, as entities_known) and
// the documents dated within the window ({document_dated}), for each label.
// mode: read
// public
// $min_confidence: float - lowest confidence of a fact that counts, 0-1
// $as_of: string - ISO date: only facts stated and documents dated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated and documents dated for that day or later; null (or left out) for all
CALL {
  MATCH (n:Entity)
  WHERE exists {
    MATCH (n)-[r:{fact_types}]-(:Entity)
    WHERE {fact_passes}
  } OR exists {
    MATCH (n)-[:MENTIONED_IN]->(d:Document)
    WHERE {document_dated}
  }
  RETURN n
  UNION
  MATCH (d:Document)
  WHERE {document_dated}
  RETURN d AS n
}
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label

// name: graph_counts_by_type_within
// graph_counts_by_type under the answer filters: the fact relationships that pass {fact_passes}, and the mentions
// of the documents dated within the window ({document_dated}), for each type.
// mode: read
// public
// $min_confidence: float - lowest confidence of a fact counted, 0-1
// $as_of: string - ISO date: only facts stated and documents dated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated and documents dated for that day or later; null (or left out) for all
CALL {
  MATCH (:Entity)-[r:{fact_types}]->(:Entity)
  WHERE {fact_passes}
  RETURN type(r) AS type
  UNION ALL
  MATCH (:Entity)-[:MENTIONED_IN]->(d:Document)
  WHERE {document_dated}
  RETURN 'MENTIONED_IN' AS type
}
RETURN type, count(*) AS count
ORDER BY type

// name: entity_by_id
// One entity.
// mode: read
// public
// $id: string - the entity id
MATCH (entity:Entity {id: $id})
RETURN entity

// name: export_nodes
// Every entity and document with its labels and properties, whole, in one answer: for tests and small graphs (the
// export streams in pages instead: export_entities_page and the queries after it).
// mode: read
MATCH (n)
WHERE n:Entity OR n:Document
RETURN n, labels(n) AS labels
ORDER BY n.id

// name: export_relationships
// Every fact relationship between entities, with its evidence, whole, in one answer: for tests and small graphs.
// mode: read
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) <> 'MENTIONED_IN'
RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props
ORDER BY source, type, target

// name: export_entities_page
// One page of entities with their labels and properties, in id order after $after (keyset paging on the id index):
// the export streams the graph in pages (graph/export.py).
// mode: read
// $after: string - the previous page's last id, '' for the first
// $limit: int - most entities returned
MATCH (n:Entity)
WHERE n.id > $after
RETURN n.id AS id, n, labels(n) AS labels
ORDER BY n.id
LIMIT $limit

// name: export_documents_page
// One page of documents with their labels and properties, in id order after $after, as export_entities_page.
// mode: read
// $after: string - the previous page's last id, '' for the first
// $limit: int - most documents returned
MATCH (n:Document)
WHERE n.id > $after
RETURN n.id AS id, n, labels(n) AS labels
ORDER BY n.id
LIMIT $limit

// name: export_entity_ids_page
// One page of entity ids in id order after $after, with their number of fact relationships (degree): the export
// groups entities so that one page of facts stays small.
// mode: read
// $after: string - the previous page's last id, '' for the first
// $limit: int - most ids returned
MATCH (n:Entity)
WHERE n.id > $after
RETURN n.id AS id, coalesce(n.degree, 0) AS degree
ORDER BY n.id
LIMIT $limit

// name: export_relationships_of
// The fact relationships (every relationship between entities but mentions) that start at some entities, with
// their evidence, ordered by source, type, target: one page of the export's edges.
// mode: read
// $ids: list[string] - ids of the entities the relationships start at
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE type(r) <> 'MENTIONED_IN'
RETURN a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props
ORDER BY source, type, target

// name: export_mentions
// Every entity-to-document mention link, for export. Walked from each document (read once) to the entities that
// mention it: walked the other way, ArcadeDB reads a document's whole record, text and all, once per mention (a
// 3 MB document mentioned 300 times: 19 s, and an ORDER BY over those rows exceeded its query memory).
// mode: read
MATCH (d:Document)
WITH d.id AS target, d
MATCH (d)<-[:MENTIONED_IN]-(e:Entity)
WITH e.id AS source, target
RETURN source, target
ORDER BY source, target

// name: export_document_ids_page
// One page of document ids in id order after $after: the export reads the mentions document by document.
// mode: read
// $after: string - the previous page's last id, '' for the first
// $limit: int - most ids returned
MATCH (n:Document)
WHERE n.id > $after
RETURN n.id AS id
ORDER BY n.id
LIMIT $limit

// name: export_mentions_to
// The entity-to-document mention links to some documents, ordered by document, then entity: one page of the
// export's mentions. Walked from each document (read once) to the entities that mention it, as export_mentions.
// mode: read
// $ids: list[string] - ids of the documents
UNWIND $ids AS target
MATCH (d:Document {id: target})<-[:MENTIONED_IN]-(e:Entity)
RETURN e.id AS source, target
ORDER BY target, source

// name: resolve_entity
// Entities whose id, name or alias equals a reference (name and alias compared case-insensitively),
// optionally of some types; exact id first, then name, then alias. Three indexed lookups (the id, the lower-cased
// name, the alias keys), never a scan of every entity.
// mode: read
// public
// $ref: string - an entity id, name or alias, e.g. 'mineral:lithium', 'Lithium', 'Korea'
// $node_types: list[string] - labels allowed (any of them); empty for all
CALL {
  MATCH (n:Entity {id: $ref})
  RETURN n, 0 AS rank
  UNION
  MATCH (n:Entity)
  WHERE n.name_lower = toLower($ref)
  RETURN n, 1 AS rank
  UNION
  MATCH (k:AliasKey {key: toLower($ref)})
  WITH k.entity AS id
  MATCH (n:Entity {id: id})
  RETURN n, 2 AS rank
}
WITH n, min(rank) AS rank
WHERE size($node_types) = 0 OR any(l IN labels(n) WHERE l IN $node_types)
RETURN n.id AS id, n.name AS name, rank
ORDER BY rank, id
LIMIT 10

// name: search_entities_exact
// Entities whose id is a reference, or whose name or one of whose aliases equals it (compared lower-cased),
// optionally of some types: rank 0 for the id, 1 for the name, 2 for an alias; with the number of their fact
// relationships (degree), which orders equally good matches. Indexed lookups, as resolve_entity.
// mode: read
// public
// $ref: string - an entity id, name or alias as typed
// $node_types: list[string] - labels allowed (any of them); empty for all
// $limit: int - most entities returned
CALL {
  MATCH (entity:Entity {id: $ref})
  RETURN entity, 0 AS rank
  UNION
  MATCH (entity:Entity)
  WHERE entity.name_lower = toLower($ref)
  RETURN entity, 1 AS rank
  UNION
  MATCH (k:AliasKey {key: toLower($ref)})
  WITH k.entity AS id
  MATCH (entity:Entity {id: id})
  RETURN entity, 2 AS rank
}
WITH entity, min(rank) AS rank
WHERE size($node_types) = 0 OR any(l IN labels(entity) WHERE l IN $node_types)
RETURN entity, rank, coalesce(entity.degree, 0) AS degree
ORDER BY rank, entity.id
LIMIT $limit

// name: entities_by_ids
// The entities among some ids (those the graph holds), optionally of some types, with their degree: search
// aliases (graph/data/search_aliases.json) name entities by id.
// mode: read
// public
// $ids: list[string] - entity ids
// $node_types: list[string] - labels allowed (any of them); empty for all
UNWIND $ids AS id
MATCH (entity:Entity {id: id})
WITH DISTINCT entity
WHERE size($node_types) = 0 OR any(l IN labels(entity) WHERE l IN $node_types)
RETURN entity, coalesce(entity.degree, 0) AS degree
ORDER BY entity.id

// name: search_entities_prefix
// Entities whose name or one of whose aliases starts with a lower-cased prefix, optionally of some types,
// ordered by name then id; one page; with their degree (search ranks matches by how much of the name the prefix
// covers, then by degree). Two index range scans (names, alias keys) joined.
// mode: read
// public
// $prefix: string - lower-cased prefix
// $node_types: list[string] - labels allowed (any of them); empty for all
// $offset: int - entities skipped
// $limit: int - most entities returned
CALL {
  MATCH (entity:Entity)
  WHERE entity.name_lower STARTS WITH $prefix
  RETURN entity
  UNION
  MATCH (k:AliasKey)
  WHERE k.key STARTS WITH $prefix
  WITH k.entity AS id
  MATCH (entity:Entity {id: id})
  RETURN entity
}
WITH entity
WHERE size($node_types) = 0 OR any(l IN labels(entity) WHERE l IN $node_types)
RETURN entity, coalesce(entity.degree, 0) AS degree
ORDER BY entity.name_lower, entity.id
SKIP $offset
LIMIT $limit

// name: search_prefix_ranked
// The best prefix matches for search (graph/service.py), best first: entities whose name or an alias starts with a
// lower-cased prefix (two index range scans), ranked as search ranks them, by how much of the shortest such name
// the prefix covers and how many facts the entity has (0.55 + 0.2 * coverage + 0.15 * min(1, ln(1 + degree) /
// ln(51))), then degree, then id; the first $limit only, so search never fetches every match of a short prefix.
// mode: read
// $prefix: string - lower-cased prefix
// $node_types: list[string] - labels allowed (any of them); empty for all
// $limit: int - most entities returned
CALL {
  MATCH (entity:Entity)
  WHERE entity.name_lower STARTS WITH $prefix
  RETURN entity
  UNION
  MATCH (k:AliasKey)
  WHERE k.key STARTS WITH $prefix
  WITH k.entity AS id
  MATCH (entity:Entity {id: id})
  RETURN entity
}
WITH entity
WHERE size($node_types) = 0 OR any(l IN labels(entity) WHERE l IN $node_types)
WITH entity, coalesce(entity.degree, 0) AS degree,
     reduce(m = '', n IN [entity.name] + coalesce(entity.aliases, []) |
       CASE WHEN toLower(n) STARTS WITH $prefix AND (m = '' OR size(n) < size(m)) THEN n ELSE m END) AS matched
WITH entity, degree, CASE WHEN matched = '' THEN entity.name ELSE matched END AS matched
WITH entity, degree, matched, log(1.0 + degree) / log(51.0) AS hub
RETURN entity, degree
ORDER BY round(0.55 + 0.2 * toFloat(size($prefix)) / size(matched) + 0.15 * CASE WHEN hub > 1.0 THEN 1.0 ELSE hub END,
               4) DESC, degree DESC, entity.id
LIMIT $limit

// name: search_keys_in_rank_order
// The search keys of prefixes of {prefix_length} characters from a cursor on, best rank first (graph/derived.py,
// refresh_search_keys): each key's rank and entity id. Prefix search reads these a page at a time until no key
// further on can rank among its best, and fetches their entities with entities_by_ids (graph/service.py). An index
// range scan: the embedded store yields it in the index's order and stops at LIMIT, where ORDER BY would sort every
// key of the prefix first, and where a MATCH after the LIMIT (or the scan inside CALL) loses the index's order
// (graph/dialect.py ordered_range_scans; Neo4j runs search_keys_ranked).
// mode: read
// template: {prefix_length}
// $after: string - the rank of the last key read ('<prefix>|' before the first)
// $end: string - the first rank past the prefix ('<prefix>}')
// $limit: int - most keys read
MATCH (k:SearchKey)
WHERE k.rank{prefix_length} > $after AND k.rank{prefix_length} < $end
RETURN k.rank{prefix_length} AS rank, k.entity AS entity
LIMIT $limit

// name: search_keys_ranked
// search_keys_in_rank_order with the order stated (Neo4j reads its range index in that order and stops at LIMIT).
// mode: read
// template: {prefix_length}
// $after: string - the rank of the last key read ('<prefix>|' before the first)
// $end: string - the first rank past the prefix ('<prefix>}')
// $limit: int - most keys read
MATCH (k:SearchKey)
WHERE k.rank{prefix_length} > $after AND k.rank{prefix_length} < $end
RETURN k.rank{prefix_length} AS rank, k.entity AS entity
ORDER BY rank
LIMIT $limit

// name: search_entities_fulltext
// Entities matching a full-text query on names and aliases, optionally of some types, best first (then the busier,
// then by id, as search ranks them); one page; with their degree.
// mode: read
// $index: string - the full-text index name (graph.dialect)
// $query: string - the full-text query, already escaped
// $node_types: list[string] - labels allowed (any of them); empty for all
// $offset: int - entities skipped
// $limit: int - most entities returned
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
WITH node, score
WHERE size($node_types) = 0 OR any(l IN labels(node) WHERE l IN $node_types)
WITH node AS entity, score, coalesce(node.degree, 0) AS degree
ORDER BY score DESC, degree DESC, entity.id
SKIP $offset
LIMIT $limit
RETURN entity, score, degree
ORDER BY score DESC, degree DESC, entity.id

// name: entity_detail
// One entity, the documents that mention it (newest first), the number of its fact relationships by type and
// direction, its parents and subsidiaries (the gazetteer's `parent` property or SUBSIDIARY_OF facts) and the
// country its `country` property names, in one round trip (the entity page is the most requested read). The
// parent and the country named by a property are looked up through UNWIND, which the embedded store answers from
// the id index (`MATCH (p:Entity) WHERE p.id = entity.parent` inside a subquery scanned every entity: 85-140 ms at
// 100,000 entities against 2 ms).
// mode: read
// public
// $id: string - the entity id
// $limit: int - most documents returned
MATCH (entity:Entity {id: $id})
CALL {
  WITH entity
  OPTIONAL MATCH (entity)-[:MENTIONED_IN]->(d:Document)
  WITH d ORDER BY d.date DESC, d.id
  RETURN collect(d {.id, .title, .date, .source})[..$limit] AS documents
}
CALL {
  WITH entity
  OPTIONAL MATCH (entity)-[r]-(:Entity)
  WITH type(r) AS type, CASE WHEN startNode(r) = entity THEN 'out' ELSE 'in' END AS direction, count(r) AS count
  WHERE type IS NOT NULL
  RETURN collect({type: type, direction: direction, count: count}) AS counts
}
CALL {
  WITH entity
  UNWIND CASE WHEN entity.parent IS NULL THEN [] ELSE [entity.parent] END AS parent_id
  MATCH (p:Entity {id: parent_id})
  RETURN collect(p {.id, .name, labels: labels(p)}) AS named_parents
}
CALL {
  WITH entity
  OPTIONAL MATCH (entity)-[:SUBSIDIARY_OF]->(q:Entity)
  RETURN collect(q {.id, .name, labels: labels(q)}) AS parent_facts
}
CALL {
  WITH entity
  OPTIONAL MATCH (s:Entity)
  WHERE s.parent = entity.id
  OPTIONAL MATCH (t:Entity)-[:SUBSIDIARY_OF]->(entity)
  WITH collect(s {.id, .name, labels: labels(s)}) + collect(t {.id, .name, labels: labels(t)}) AS subsidiaries
  RETURN subsidiaries
}
CALL {
  WITH entity
  UNWIND CASE WHEN entity.country IS NULL THEN [] ELSE [entity.country] END AS country_id
  MATCH (c:Entity {id: country_id})
  RETURN collect(c {.id, .name, labels: labels(c)}) AS countries
}
RETURN entity, documents, counts, named_parents + parent_facts AS parents, subsidiaries, countries

// name: entity_detail_within
// entity_detail under the answer filters: the documents that mention the entity dated within the window
// ({document_dated}: the document's own date), newest first; the number of its fact relationships that pass
// {fact_passes}, by type and direction; its parents and subsidiaries (the gazetteer's `parent` property, timeless,
// or SUBSIDIARY_OF facts that pass) and the country its `country` property names. entity_detail answers without
// filters, unchanged.
// mode: read
// public
// $id: string - the entity id
// $limit: int - most documents returned
// $min_confidence: float - lowest confidence of a fact counted, 0-1
// $as_of: string - ISO date: only facts stated and documents dated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated and documents dated for that day or later; null (or left out) for all
MATCH (entity:Entity {id: $id})
CALL {
  WITH entity
  OPTIONAL MATCH (entity)-[:MENTIONED_IN]->(d:Document)
  WHERE {document_dated}
  WITH d ORDER BY d.date DESC, d.id
  RETURN collect(d {.id, .title, .date, .source})[..$limit] AS documents
}
CALL {
  WITH entity
  OPTIONAL MATCH (entity)-[r:{fact_types}]-(:Entity)
  WHERE {fact_passes}
  WITH type(r) AS type, CASE WHEN startNode(r) = entity THEN 'out' ELSE 'in' END AS direction, count(r) AS count
  WHERE type IS NOT NULL
  RETURN collect({type: type, direction: direction, count: count}) AS counts
}
CALL {
  WITH entity
  UNWIND CASE WHEN entity.parent IS NULL THEN [] ELSE [entity.parent] END AS parent_id
  MATCH (p:Entity {id: parent_id})
  RETURN collect(p {.id, .name, labels: labels(p)}) AS named_parents
}
CALL {
  WITH entity
  OPTIONAL MATCH (entity)-[r:SUBSIDIARY_OF]->(q:Entity)
  WHERE {fact_passes}
  RETURN collect(q {.id, .name, labels: labels(q)}) AS parent_facts
}
CALL {
  WITH entity
  OPTIONAL MATCH (s:Entity)
  WHERE s.parent = entity.id
  OPTIONAL MATCH (t:Entity)-[r:SUBSIDIARY_OF]->(entity)
  WHERE {fact_passes}
  WITH collect(s {.id, .name, labels: labels(s)}) + collect(t {.id, .name, labels: labels(t)}) AS subsidiaries
  RETURN subsidiaries
}
CALL {
  WITH entity
  UNWIND CASE WHEN entity.country IS NULL THEN [] ELSE [entity.country] END AS country_id
  MATCH (c:Entity {id: country_id})
  RETURN collect(c {.id, .name, labels: labels(c)}) AS countries
}
RETURN entity, documents, counts, named_parents + parent_facts AS parents, subsidiaries, countries

// name: entities_known
// The entities among some ids that the answer filters know of: a fact relationship touching the entity passes
// {fact_passes}, or a document that mentions it is dated within the window ({document_dated}; a mention has no
// confidence). Search with a date filter keeps only these (graph/service.py); without one, search never asks.
// mode: read
// public
// $ids: list[string] - entity ids
// $min_confidence: float - lowest confidence of a fact that counts, 0-1
// $as_of: string - ISO date: only facts stated and documents dated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated and documents dated for that day or later; null (or left out) for all
UNWIND $ids AS id
MATCH (entity:Entity {id: id})
WITH DISTINCT entity
WHERE exists {
  MATCH (entity)-[r:{fact_types}]-(:Entity)
  WHERE {fact_passes}
} OR exists {
  MATCH (entity)-[:MENTIONED_IN]->(d:Document)
  WHERE {document_dated}
}
RETURN entity.id AS id
ORDER BY id

// name: edge_by_id
// One fact relationship, named by the parts of its id (`source|TYPE|target`), with both ends.
// mode: read
// public
// $source: string - id of the entity the relationship starts from
// $type: string - the relationship type
// $target: string - id of the entity it points to
MATCH (source:Entity {id: $source})-[edge]->(target:Entity {id: $target})
WHERE type(edge) = $type
RETURN source, edge, target

// name: neighbourhood_1
// The fact relationships within 1 hop of an entity, one page: each with the distance of its nearer end from the
// entity (0: it touches the entity), ordered by distance then edge id; $after_distance and $after_edge name the
// last edge of the previous page (-1 and '' for the first). Filters apply to every hop: $rel_types (empty for
// all), $node_types for every node reached (empty for all; the entity itself is always kept) and {fact_passes}.
// mode: read
// public
// $id: string - the entity id
// $rel_types: list[string] - relationship types allowed on every hop; empty for all
// $node_types: list[string] - labels allowed for every node reached; empty for all
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
// $after_distance: int - distance of the previous page's last edge, -1 for the first page
// $after_edge: string - id of the previous page's last edge, '' for the first page
// $limit: int - most edges returned
MATCH (centre:Entity {id: $id})
WITH centre, centre AS u, 0 AS distance
MATCH (u)-[r:{fact_types}]-(v:Entity)
WHERE (size($rel_types) = 0 OR type(r) IN $rel_types) AND {fact_passes}
  AND (v = centre OR size($node_types) = 0 OR any(l IN labels(v) WHERE l IN $node_types))
WITH r, min(distance) AS distance
WITH r, distance, startNode(r) AS source, endNode(r) AS target
WITH r, distance, source, target, source.id + '|' + type(r) + '|' + target.id AS edge_id
WHERE distance > $after_distance OR (distance = $after_distance AND edge_id > $after_edge)
RETURN edge_id, distance, r AS edge, source, target
ORDER BY distance, edge_id
LIMIT $limit

// name: neighbourhood_2
// The fact relationships within 2 hops of an entity, one page: each with the distance of its nearer end from the
// entity (0: it touches the entity), ordered by distance then edge id; $after_distance and $after_edge name the
// last edge of the previous page (-1 and '' for the first). Filters apply to every hop: $rel_types (empty for
// all), $node_types for every node reached (empty for all; the entity itself is always kept) and {fact_passes}.
// mode: read
// public
// $id: string - the entity id
// $rel_types: list[string] - relationship types allowed on every hop; empty for all
// $node_types: list[string] - labels allowed for every node reached; empty for all
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
// $after_distance: int - distance of the previous page's last edge, -1 for the first page
// $after_edge: string - id of the previous page's last edge, '' for the first page
// $limit: int - most edges returned
MATCH (centre:Entity {id: $id})
MATCH p = (centre)-[:{fact_types}*0..1]-(u:Entity)
WHERE all(r IN relationships(p) WHERE (size($rel_types) = 0 OR type(r) IN $rel_types) AND {fact_passes})
  AND all(x IN nodes(p)[1..] WHERE size($node_types) = 0 OR any(l IN labels(x) WHERE l IN $node_types))
WITH centre, u, min(length(p)) AS distance
MATCH (u)-[r:{fact_types}]-(v:Entity)
WHERE (size($rel_types) = 0 OR type(r) IN $rel_types) AND {fact_passes}
  AND (v = centre OR size($node_types) = 0 OR any(l IN labels(v) WHERE l IN $node_types))
WITH r, min(distance) AS distance
WITH r, distance, startNode(r) AS source, endNode(r) AS target
WITH r, distance, source, target, source.id + '|' + type(r) + '|' + target.id AS edge_id
WHERE distance > $after_distance OR (distance = $after_distance AND edge_id > $after_edge)
RETURN edge_id, distance, r AS edge, source, target
ORDER BY distance, edge_id
LIMIT $limit

// name: neighbourhood_3
// The fact relationships within 3 hops of an entity, one page: each with the distance of its nearer end from the
// entity (0: it touches the entity), ordered by distance then edge id; $after_distance and $after_edge name the
// last edge of the previous page (-1 and '' for the first). Filters apply to every hop: $rel_types (empty for
// all), $node_types for every node reached (empty for all; the entity itself is always kept) and {fact_passes}.
// mode: read
// public
// $id: string - the entity id
// $rel_types: list[string] - relationship types allowed on every hop; empty for all
// $node_types: list[string] - labels allowed for every node reached; empty for all
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
// $after_distance: int - distance of the previous page's last edge, -1 for the first page
// $after_edge: string - id of the previous page's last edge, '' for the first page
// $limit: int - most edges returned
MATCH (centre:Entity {id: $id})
MATCH p = (centre)-[:{fact_types}*0..2]-(u:Entity)
WHERE all(r IN relationships(p) WHERE (size($rel_types) = 0 OR type(r) IN $rel_types) AND {fact_passes})
  AND all(x IN nodes(p)[1..] WHERE size($node_types) = 0 OR any(l IN labels(x) WHERE l IN $node_types))
WITH centre, u, min(length(p)) AS distance
MATCH (u)-[r:{fact_types}]-(v:Entity)
WHERE (size($rel_types) = 0 OR type(r) IN $rel_types) AND {fact_passes}
  AND (v = centre OR size($node_types) = 0 OR any(l IN labels(v) WHERE l IN $node_types))
WITH r, min(distance) AS distance
WITH r, distance, startNode(r) AS source, endNode(r) AS target
WITH r, distance, source, target, source.id + '|' + type(r) + '|' + target.id AS edge_id
WHERE distance > $after_distance OR (distance = $after_distance AND edge_id > $after_edge)
RETURN edge_id, distance, r AS edge, source, target
ORDER BY distance, edge_id
LIMIT $limit

// name: neighbourhood_level
// One page of the fact relationships at one distance from an entity (graph/service.py neighbourhood walks the
// distances in turn): those of the entities at that distance ($frontier, the ones expanded) whose other end is no
// nearer ($closer), ordered by edge id after $after_edge. Filters apply during the expansion: $rel_types, $node_types
// for the other end, {fact_passes}. Only the page leaves the store; the sort is over one distance's facts only.
// mode: read
// $frontier: list[string] - ids of the entities at this distance whose facts are listed
// $closer: list[string] - ids of the entities nearer to the centre (their facts were listed at a smaller distance)
// $rel_types: list[string] - relationship types allowed; empty for all
// $node_types: list[string] - labels allowed for the other end; empty for all
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier; null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
// $after_edge: string - id of the previous page's last edge at this distance, '' for the first
// $limit: int - most edges returned
UNWIND $frontier AS fid
MATCH (u:Entity {id: fid})-[r:{fact_types}]-(v:Entity)
WHERE (size($rel_types) = 0 OR type(r) IN $rel_types) AND {fact_passes}
  AND (size($node_types) = 0 OR any(l IN labels(v) WHERE l IN $node_types))
  AND NOT v.id IN $closer
WITH DISTINCT r
WITH r, startNode(r) AS source, endNode(r) AS target
WITH r, source, target, source.id + '|' + type(r) + '|' + target.id AS edge_id
WHERE edge_id > $after_edge
RETURN edge_id, r AS edge, source, target
ORDER BY edge_id
LIMIT $limit

// name: fact_page
// A hub's fact page (graph/derived.py): the smallest ids of its fact relationships, in order; nothing when it keeps
// none. The first pages of its neighbourhood, with no filter, are these ids (graph/traversal.py).
// mode: read
// $id: string - the entity id
MATCH (p:FactPage {entity: $id})
RETURN p.edges AS edges

// name: neighbourhood_next
// The entities one step further from an entity than $frontier (through facts that pass the same filters as
// neighbourhood_level), with their number of facts (`degree`): the next distance's frontier, and the hubs the degree
// cap will not expand.
// mode: read
// $frontier: list[string] - ids of the entities expanded at this distance
// $closer: list[string] - ids of the entities at this distance or nearer
// $rel_types: list[string] - relationship types allowed; empty for all
// $node_types: list[string] - labels allowed for the entities reached; empty for all
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier; null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
UNWIND $frontier AS fid
MATCH (u:Entity {id: fid})-[r:{fact_types}]-(v:Entity)
WHERE (size($rel_types) = 0 OR type(r) IN $rel_types) AND {fact_passes}
  AND (size($node_types) = 0 OR any(l IN labels(v) WHERE l IN $node_types))
  AND NOT v.id IN $closer
RETURN DISTINCT v.id AS id, coalesce(v.degree, 0) AS degree, v.name AS name, labels(v) AS labels

// name: expand_facts
// The fact relationships of some entities that pass {fact_passes}, as ids: for each, the entity expanded (`from`),
// the relationship's type and ends, and the entity at its other end with its labels, name, country and number of
// facts (`degree`). The paths and the mineral question walk the graph with it one distance at a time (graph/traversal.py),
// deciding from the degrees which entities to expand next; whole relationships are fetched only for the answer
// (edges_by_ids).
// mode: read
// $ids: list[string] - ids of the entities to expand
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier; null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
UNWIND $ids AS id
MATCH (u:Entity {id: id})-[r:{fact_types}]-(v:Entity)
WHERE {fact_passes}
WITH u, r, v, startNode(r) AS s
RETURN u.id AS from, v.id AS to, type(r) AS type, s.id = u.id AS out, coalesce(v.degree, 0) AS degree,
       labels(v) AS labels, v.name AS name, v.country AS country

// name: firms_next_to
// Firms and organizations (of a country, when given) one fact passing {fact_passes} away from some entities: who is
// two steps from a mineral, through those entities, in the mineral question (graph/traversal.py).
// mode: read
// $ids: list[string] - ids of the entities the firms are next to
// $country: string - id of the firms' country, or null for any country
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier; null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
UNWIND $ids AS id
MATCH (x:Entity {id: id})-[r:{fact_types}]-(f:Entity)
WHERE (f:Firm OR f:Organization) AND ($country IS NULL OR f.country = $country) AND {fact_passes}
RETURN DISTINCT f.id AS id

// name: mineral_firms_near
// One page of the firms and organizations (of a country, when given) one fact passing {fact_passes} away from a
// mineral, by id after a cursor: the nearest firms of the mineral question (graph/traversal.py), found among the
// mineral's facts without returning them.
// mode: read
// $mineral: string - id of the mineral
// $country: string - id of the firms' country, or null for any country
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier; null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
// $after_firm: string - id of the previous page's last firm, '' for the first page
// $limit: int - most firms returned
MATCH (m:Entity {id: $mineral})-[r:{fact_types}]-(f:Entity)
WHERE (f:Firm OR f:Organization) AND ($country IS NULL OR f.country = $country) AND f.id > $after_firm
  AND {fact_passes}
RETURN DISTINCT f.id AS id
ORDER BY id
LIMIT $limit

// name: mineral_links
// The facts passing {fact_passes} between a mineral and the entities a chain to a firm may pass through (no country
// or place, none with more facts than $max_degree), as pairs [entity id, fact id], in one row: the mineral question
// joins them with the facts of its page's firms (graph/traversal.py).
// mode: read
// $mineral: string - id of the mineral
// $max_degree: int? - most facts of an entity a chain passes through; null for no cap
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier; null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
MATCH (m:Entity {id: $mineral})-[r:{fact_types}]-(x:Entity)
WHERE x <> m AND NOT x:Country AND NOT x:Location AND ($max_degree IS NULL OR coalesce(x.degree, 0) <= $max_degree)
  AND {fact_passes}
RETURN collect([x.id, CASE WHEN startNode(r) = m THEN m.id + '|' + type(r) + '|' + x.id
                           ELSE x.id + '|' + type(r) + '|' + m.id END]) AS links

// name: firm_chains
// The facts passing {fact_passes} that start the chains of at most two facts from a mineral to each of some firms:
// the firm's facts with the mineral itself (a chain of one hop each), and those with an entity $near names (each
// joined with every fact that entity has with the mineral: as many chains of two hops as it has such facts). Per
// firm: how many chains in all (`count`); its facts of that kind in the order of their first chain (length, then
// fact ids in walking order from the mineral; $near lists each entity's facts in order, so its first is its
// smallest), the first $paths_per_firm of them (`links`: the fact's id `last`, the relationship, the entity at its
// other end), which hold the first $paths_per_firm chains (graph/traversal.py lists those); and the hubs (more facts
// than $max_degree, no country or place) next to the firm, which no chain passes through (once for each fact with
// it). One pass over the firm's facts; chains are spelled out only for the facts listed, by the caller. The labels
// are tested before the degree: most of a firm's facts that are no link are with its country or a place, and
// reading `degree` from each of them cost more than the rest of the test (at 100,000 entities, about 60 of 200 ms).
// A listed fact comes as its properties (`edge`), not as a relationship: its type and ends are in its id, and the
// driver builds a relationship (element ids, two entity stubs) at a cost the answer then pays 1,000 times at 100,000
// entities (the client's CPU for this query: 49 against 36 ms).
// mode: read
// $firms: list[string] - ids of the firms
// $mineral: string - id of the mineral
// $near: map - entity id -> ids of its facts with the mineral, in order (mineral_links), for the entities a chain may pass through
// $max_degree: int? - most facts of an entity a chain passes through; null for no cap
// $paths_per_firm: int - most chains listed for one firm
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier; null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
UNWIND $firms AS fid
MATCH (f:Entity {id: fid})
CALL {
  WITH f
  MATCH (f)-[r:{fact_types}]-(x:Entity)
  WITH f, x, r, x.id = $mineral OR $near[x.id] IS NOT NULL AS linked
  WHERE linked OR ($max_degree IS NOT NULL AND NOT x:Country AND NOT x:Location AND coalesce(x.degree, 0) > $max_degree)
  WITH f, x, r, linked
  WHERE {fact_passes}
  WITH x, r, linked, CASE WHEN startNode(r) = f THEN f.id + '|' + type(r) + '|' + x.id
                          ELSE x.id + '|' + type(r) + '|' + f.id END AS last
  WITH x, r, linked, last, CASE WHEN x.id = $mineral THEN 1 ELSE 2 END AS hops
  ORDER BY hops, CASE WHEN hops = 1 THEN last + ' ' ELSE $near[x.id][0] + ' ' + last + ' ' END
  WITH collect(CASE WHEN NOT linked THEN x {.id, .name, .degree, labels: labels(x)} END) AS hubs,
       collect(CASE WHEN linked THEN {last: last, edge: properties(r), middle: x, chains: CASE WHEN hops = 1 THEN 1
                                                                                ELSE size($near[x.id]) END} END) AS links
  RETURN hubs, links
}
RETURN f AS firm, hubs, reduce(n = 0, l IN links | n + l.chains) AS count,
       [l IN links[..$paths_per_firm] | l {.last, .edge, .middle}] AS links

// name: mineral_facts_named
// Some of a mineral's fact relationships, named by their ids (source|TYPE|target) and the entity at their other end
// (`middle`, no hub): the first hops of the chains the mineral question lists. Each is looked for among the facts of
// its middle entity, with both ends found by id first: the store then tells the mineral among the middle's facts by
// identity, where a pass over the mineral's own facts (6,726 for lithium at 100,000 entities) loads every one. (The
// mineral is found after the UNWIND: graph/dialect.py, nodes bound before an UNWIND.) Only the relationship: the
// caller knows both ends' ids from the fact's id, and the entities themselves from elsewhere (sending the mineral
// and the middle entity with each row doubled the query's cost: 62 against 36 ms of the store's CPU for 397). The
// relationship as its properties (its type is in its id): the driver decodes a map for less than a relationship (the
// client's CPU for the 397: 22 against 12 ms).
// mode: read
// $mineral: string - id of the mineral
// $edges: list[map] - edge (the fact's id), middle (the id of the entity at its other end), for the facts wanted
UNWIND $edges AS e
MATCH (x:Entity {id: e.middle})
MATCH (m:Entity {id: $mineral})
MATCH (x)-[r]-(m)
WITH e, r, CASE WHEN startNode(r) = m THEN m.id + '|' + type(r) + '|' + x.id
                ELSE x.id + '|' + type(r) + '|' + m.id END AS edge_id
WHERE edge_id = e.edge
RETURN edge_id, properties(r) AS edge

// name: edges_by_ids
// Fact relationships named by their ids' parts, with both ends: the hops of the paths an answer lists, looked for
// from their source. Both ends are found by id first: the store then looks for the relationship among the edges of
// the source and tells the target by identity, where a pattern from the source alone loads the entity at the other
// end of each of its edges (597 hops of the lithium answer at 100,000 entities: 77 ms against 307 ms). A hub has
// thousands of edges, so graph/service.py sends each hop to this query or to edges_by_ids_at_target, whichever starts
// at the end with fewer facts.
// mode: read
// $edges: list[map] - source, type, target of each relationship
UNWIND $edges AS e
MATCH (source:Entity {id: e.source})
MATCH (target:Entity {id: e.target})
MATCH (source)-[edge]->(target)
WHERE type(edge) = e.type
RETURN source, edge, target

// name: edges_by_ids_at_target
// As edges_by_ids, looked for from their target.
// mode: read
// $edges: list[map] - source, type, target of each relationship
UNWIND $edges AS e
MATCH (target:Entity {id: e.target})
MATCH (source:Entity {id: e.source})
MATCH (target)<-[edge]-(source)
WHERE type(edge) = e.type
RETURN source, edge, target

// name: shortest_paths
// All shortest chains of fact relationships (either direction on each hop) between two entities, up to a length,
// whose every hop passes {fact_passes}, ordered by their edge ids; $after names the previous page's last path
// ('' for the first). Neo4j finds the shortest chains among those that pass the filter; ArcadeDB filters the
// shortest chains of the whole graph, so when none passes the service asks paths_of_length, length by length.
// mode: read
// public
// $source: string - id of one entity
// $target: string - id of the other entity
// $max_len: int - longest path accepted (at most 6)
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
// $after: string - key of the previous page's last path, '' for the first page
// $limit: int - most paths returned
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
MATCH p = allShortestPaths((a)-[:{fact_types}*..6]-(b))
WHERE length(p) <= $max_len AND all(r IN relationships(p) WHERE {fact_passes})
WITH p, reduce(k = '', r IN relationships(p) | k + startNode(r).id + '|' + type(r) + '|' + endNode(r).id + ' ') AS key
WHERE key > $after
RETURN p AS path, key
ORDER BY key
LIMIT $limit

// name: paths_of_length
// The simple chains of exactly {hops} fact relationships between two entities whose every hop passes
// {fact_passes}, ordered by their edge ids, one page. Used, shortest length first, when a filter leaves none of
// the graph's shortest paths.
// mode: read
// public
// template: {hops}
// $source: string - id of one entity
// $target: string - id of the other entity
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
// $after: string - key of the previous page's last path, '' for the first page
// $limit: int - most paths returned
MATCH (a:Entity {id: $source})
MATCH (b:Entity {id: $target})
MATCH p = (a)-[:{fact_types}*{hops}]-(b)
WHERE all(r IN relationships(p) WHERE {fact_passes})
  AND all(i IN range(0, size(nodes(p)) - 2) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
WITH p, reduce(k = '', r IN relationships(p) | k + startNode(r).id + '|' + type(r) + '|' + endNode(r).id + ' ') AS key
WHERE key > $after
RETURN p AS path, key
ORDER BY key
LIMIT $limit

// name: firms_touching_mineral
// Firms and organizations, optionally of one country, linked to a mineral by a chain of at most $max_hops
// fact relationships (at most 3) that does not pass through a country or a place (a shared country is not
// a link), every hop passing {fact_passes}. Starts from the mineral, the indexed bound end. One row per firm, the
// nearest first (then by id), with its paths shortest first; $after_hops and $after_firm name the previous page's
// last firm (-1 and '' for the first).
// mode: read
// public
// $mineral: string - id of the mineral, e.g. 'mineral:lithium'
// $country: string - id of the firms' country, or null for any country
// $max_hops: int - longest chain accepted, 1 to 3
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
// $after_hops: int - shortest chain of the previous page's last firm, -1 for the first page
// $after_firm: string - id of the previous page's last firm, '' for the first page
// $paths_per_firm: int - most paths listed for one firm
// $limit: int - most firms returned
MATCH (m:Entity {id: $mineral})
MATCH p = (m)-[:{fact_types}*1..3]-(f:Entity)
WHERE (f:Firm OR f:Organization)
  AND length(p) <= $max_hops
  AND none(x IN nodes(p)[1..] WHERE x:Country OR x:Location)
  AND ($country IS NULL OR f.country = $country)
  AND all(r IN relationships(p) WHERE {fact_passes})
WITH f, p, reduce(k = '', r IN relationships(p) | k + startNode(r).id + '|' + type(r) + '|' + endNode(r).id + ' ') AS key
ORDER BY length(p), key
WITH f, min(length(p)) AS hops, collect(p) AS paths
WHERE hops > $after_hops OR (hops = $after_hops AND f.id > $after_firm)
RETURN f.id AS firm, hops, size(paths) AS path_count, paths[..$paths_per_firm] AS paths
ORDER BY hops, firm
LIMIT $limit

// name: projects_page
// Projects, ordered by name then id, one page, each with its fact relationships and those of the agreements that
// cover it (who signed them, when). Filters: linked by one fact to a country (built, located or active there, or by
// a firm of that country), to a firm or organization, to a sector; with a date filter ($as_of, $since), only
// projects some fact of which passes {fact_passes}.
// mode: read
// public
// $country: string - id of a country, or null for all projects
// $firm: string? - id of a firm or organization taking part, or null for any
// $sector: string? - id of a sector the project is in (a fact joins them), or null for any
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
// $offset: int - projects skipped
// $limit: int - most projects returned
MATCH (project:Project)
WHERE ($country IS NULL OR exists {
  MATCH (project)-[r:{fact_types}]-(x:Entity)
  WHERE {fact_passes} AND (x.id = $country OR x.country = $country)
}) AND ($firm IS NULL OR exists {
  MATCH (project)-[r:{fact_types}]-(x:Entity {id: $firm})
  WHERE {fact_passes}
}) AND ($sector IS NULL OR exists {
  MATCH (project)-[r:{fact_types}]-(x:Sector {id: $sector})
  WHERE {fact_passes}
}) AND (($as_of IS NULL AND $since IS NULL) OR exists {
  MATCH (project)-[r:{fact_types}]-(:Entity)
  WHERE {fact_passes}
})
WITH project
ORDER BY project.name_lower, project.id
SKIP $offset
LIMIT $limit
CALL {
  WITH project
  OPTIONAL MATCH (project)-[r:{fact_types}]-(other:Entity)
  WHERE {fact_passes}
  WITH r, startNode(r) AS source, endNode(r) AS target
  ORDER BY type(r), source.id, target.id
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {edge: r, source: source, target: target} END) AS facts
}
CALL {
  WITH project
  OPTIONAL MATCH (project)<-[:COVERS]-(agreement:Agreement)-[r:SIGNS|PARTY_TO]-(party:Entity)
  WHERE {fact_passes}
  WITH r, startNode(r) AS source, endNode(r) AS target
  ORDER BY type(r), source.id, target.id
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {edge: r, source: source, target: target} END) AS agreement_facts
}
RETURN project, facts, agreement_facts

// name: project_facts
// One project with its fact relationships and those of the agreements that cover it (who signed them, when), each
// passing {fact_passes}: what its timeline is made of.
// mode: read
// public
// $id: string - the project id
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
MATCH (project:Project {id: $id})
CALL {
  WITH project
  OPTIONAL MATCH (project)-[r:{fact_types}]-(other:Entity)
  WHERE {fact_passes}
  WITH r, startNode(r) AS source, endNode(r) AS target
  ORDER BY type(r), source.id, target.id
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {edge: r, source: source, target: target} END) AS facts
}
CALL {
  WITH project
  OPTIONAL MATCH (project)<-[:COVERS]-(agreement:Agreement)-[r:SIGNS|PARTY_TO]-(party:Entity)
  WHERE {fact_passes}
  WITH r, startNode(r) AS source, endNode(r) AS target
  ORDER BY type(r), source.id, target.id
  RETURN collect(CASE WHEN r IS NULL THEN NULL ELSE {edge: r, source: source, target: target} END) AS agreement_facts
}
RETURN project, facts, agreement_facts

// name: pair_facts
// The facts between two entities' sides, each passing {fact_passes}: a side is the entity itself and, for a country,
// its firms, bodies, people and places (their `country`) and the people who lead it. Direct facts join the two
// sides; shared facts join each side to one agreement, project or event both sides take part in (an agreement both
// signed, a summit both attended). Ordered by edge id.
// mode: read
// public
// $source: string - id of one entity
// $target: string - id of the other entity
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
CALL {
  MATCH (x:Entity)-[r:{fact_types}]->(y:Entity)
  WHERE {fact_passes}
    AND ((x.id = $source OR x.country = $source OR exists { MATCH (x)-[:LEADS]->(:Entity {id: $source}) })
         AND (y.id = $target OR y.country = $target OR exists { MATCH (y)-[:LEADS]->(:Entity {id: $target}) })
      OR (x.id = $target OR x.country = $target OR exists { MATCH (x)-[:LEADS]->(:Entity {id: $target}) })
         AND (y.id = $source OR y.country = $source OR exists { MATCH (y)-[:LEADS]->(:Entity {id: $source}) }))
  RETURN r, x AS source, y AS target, null AS shared
  UNION
  MATCH (n:Entity)-[r:{fact_types}]-(x:Entity)
  WHERE (n:Agreement OR n:Project OR n:Event) AND {fact_passes}
  WITH n, r, x,
       x.id = $source OR x.country = $source OR exists { MATCH (x)-[:LEADS]->(:Entity {id: $source}) } AS on_source,
       x.id = $target OR x.country = $target OR exists { MATCH (x)-[:LEADS]->(:Entity {id: $target}) } AS on_target
  WHERE on_source OR on_target
  WITH n, collect({r: r, on_source: on_source, on_target: on_target}) AS links
  WHERE any(l IN links WHERE l.on_source) AND any(l IN links WHERE l.on_target)
  UNWIND links AS link
  WITH n, link.r AS r
  RETURN r, startNode(r) AS source, endNode(r) AS target, n.id AS shared
}
WITH r, source, target, shared, source.id + '|' + type(r) + '|' + target.id AS edge_id
RETURN edge_id, r AS edge, source, target, shared
ORDER BY edge_id, shared

// name: money_facts
// Every fact relationship with an amount in US dollars passing {fact_passes}, with the countries of both ends (the
// end itself, its `country`, the countries it or its place lies in): what totals by country and year are summed
// from.
// mode: read
// public
// $min_confidence: float - lowest confidence of a fact kept, 0-1
// $as_of: string - ISO date: only facts stated for that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only facts stated for that day or later; null (or left out) for all
MATCH (source:Entity)-[r:{fact_types}]->(target:Entity)
WHERE r.amount_usd IS NOT NULL AND {fact_passes}
RETURN source.id + '|' + type(r) + '|' + target.id AS edge_id, r AS edge, source, target,
       CASE WHEN source:Country THEN [source.id] ELSE [] END
       + CASE WHEN source.country IS NULL THEN [] ELSE [source.country] END
       + [(source)-[:LOCATED_IN]->(c:Country) | c.id]
       + [(source)-[:LOCATED_IN]->(l:Location)-[:LOCATED_IN]->(c:Country) | c.id]
       + [(source)-[:LOCATED_IN]->(l:Location) WHERE l.country IS NOT NULL | l.country] AS source_countries,
       CASE WHEN target:Country THEN [target.id] ELSE [] END
       + CASE WHEN target.country IS NULL THEN [] ELSE [target.country] END
       + [(target)-[:LOCATED_IN]->(c:Country) | c.id]
       + [(target)-[:LOCATED_IN]->(l:Location)-[:LOCATED_IN]->(c:Country) | c.id]
       + [(target)-[:LOCATED_IN]->(l:Location) WHERE l.country IS NOT NULL | l.country] AS target_countries
ORDER BY edge_id

// name: document_dates
// The dates of some documents (a stage dated after its document's date is expected, not reported).
// mode: read
// $ids: list[string] - document ids
UNWIND $ids AS doc_id
MATCH (d:Document {id: doc_id})
RETURN d.id AS id, d.date AS date

// name: documents_count
// Number of documents.
// mode: read
// public
MATCH (d:Document)
RETURN count(d) AS count

// name: documents_page
// One page of documents, by id, without their text.
// mode: read
// public
// $offset: int - documents skipped
// $limit: int - most documents returned
MATCH (d:Document)
RETURN d.id AS id, d.title AS title, d.source AS source, d.date AS date, d.license AS license,
       d.loaded_at AS loaded_at
ORDER BY id
SKIP $offset
LIMIT $limit

// name: documents_dated_count
// Number of documents dated within a window ({document_dated}: the document's own date; an undated document is
// left out once a bound is given).
// mode: read
// public
// $as_of: string - ISO date: only documents dated that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only documents dated that day or later; null (or left out) for all
MATCH (d:Document)
WHERE {document_dated}
RETURN count(d) AS count

// name: documents_dated_page
// One page of the documents dated within a window ({document_dated}), by id, without their text.
// mode: read
// public
// $as_of: string - ISO date: only documents dated that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only documents dated that day or later; null (or left out) for all
// $offset: int - documents skipped
// $limit: int - most documents returned
MATCH (d:Document)
WHERE {document_dated}
RETURN d.id AS id, d.title AS title, d.source AS source, d.date AS date, d.license AS license,
       d.loaded_at AS loaded_at
ORDER BY id
SKIP $offset
LIMIT $limit

// name: document_by_id
// One document with its header fields and text.
// mode: read
// public
// $doc_id: string - the document id
MATCH (d:Document {id: $doc_id})
RETURN d.id AS id, d.title AS title, d.source AS source, d.date AS date, d.date_text AS date_text,
       d.license AS license, d.loaded_at AS loaded_at, d.content_hash AS content_hash, d.text AS text,
       d.format AS format, d.pages AS pages, coalesce(d.copies, []) AS copies,
       coalesce(d.near_copies, []) AS near_copies

// name: document_facts
// Fact relationships a document gave evidence for, with both ends, ordered by type, source and target.
// mode: read
// public
// $doc_id: string - the document id
// $offset: int - facts skipped
// $limit: int - most facts returned
MATCH (d:Document {id: $doc_id})<-[:MENTIONED_IN]-(source:Entity)
MATCH (source)-[edge]->(target:Entity)
WHERE $doc_id IN edge.doc_ids
RETURN source, edge, target
ORDER BY type(edge), source.id, target.id
SKIP $offset
LIMIT $limit

// name: document_facts_within
// document_facts under the answer filters: the fact relationships for which this document's own evidence has a
// piece at least $min_confidence sure and, with $as_of or $since, dated within them (the date of the event its
// sentence states, or failing that the document's date; undated evidence does not pass), as {fact_passes} judges
// evidence everywhere else. Ordered by type, source and target.
// mode: read
// public
// $doc_id: string - the document id
// $min_confidence: float - lowest confidence of a piece of evidence kept, 0-1
// $as_of: string - ISO date: only evidence dated that day or earlier (as_of or until, the earlier); null for all
// $since: string? - ISO date: only evidence dated that day or later; null (or left out) for all
// $offset: int - facts skipped
// $limit: int - most facts returned
MATCH (d:Document {id: $doc_id})<-[:MENTIONED_IN]-(source:Entity)
MATCH (source)-[edge]->(target:Entity)
WHERE any(i IN range(0, size(edge.doc_ids) - 1) WHERE edge.doc_ids[i] = $doc_id
          AND coalesce(edge.confidences[i], 0.0) >= $min_confidence
          AND (($as_of IS NULL AND $since IS NULL) OR
               (edge.dates[i] <> '' AND ($as_of IS NULL OR edge.dates[i] <= $as_of) AND
                ($since IS NULL OR substring(edge.dates[i] + '-01-01', 0, 10) >= $since))))
RETURN source, edge, target
ORDER BY type(edge), source.id, target.id
SKIP $offset
LIMIT $limit

// name: changes_page
// The change feed: documents loaded, replaced or deleted, with the facts each added or removed, in order, after
// a sequence number.
// mode: read
// public
// $since: int - sequence number of the last change already seen (0 for the start)
// $limit: int - most changes returned
MATCH (c:Change)
WHERE c.seq > $since
RETURN c.seq AS seq, c.at AS at, c.kind AS kind, c.doc_id AS doc_id, c.facts_added AS facts_added,
       c.facts_removed AS facts_removed
ORDER BY seq
LIMIT $limit

// name: changes_latest
// The sequence number of the latest change (null before the first).
// mode: read
// public
OPTIONAL MATCH (log:ChangeLog {id: 'changes'})
RETURN log.seq AS seq
