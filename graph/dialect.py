"""The few places where the embedded store (ArcadeDB over Bolt) and Neo4j 5 differ. Only here.

Measured differences:
- Full-text index DDL: ArcadeDB refuses `CREATE FULLTEXT INDEX`; it creates the index through its SQL on the
  typed property, and then answers `db.index.fulltext.queryNodes` under the name `Entity[search]`.
- Types made on first use: ArcadeDB creates a label combination ('Entity~Firm') or relationship type the first time a
  write uses it, outside the transaction. Two writers using a new one at once: the second's statement fails with a
  semantic error (its cause, "type already exists", does not reach the driver) and succeeds when run again. Writes
  retry such a failure a few times (`first_use_type_races`); Neo4j never has it.
- Range scans in index order: ArcadeDB yields the rows of an index range scan (`WHERE k.p > $a AND k.p < $b`) in the
  index's order and stops at LIMIT; with `ORDER BY k.p` it sorts every row of the range first (the first 41 of the
  3,211 search keys of "kor" at 100,000 entities: 7 ms in index order, 35 ms with ORDER BY, through the driver).
  A MATCH after the LIMIT, or the scan inside CALL { }, loses that order. Neo4j plans ORDER BY on a range-indexed
  property as an ordered index seek, and promises no order without it. So prefix search reads its ranked keys with
  search_keys_in_rank_order on ArcadeDB and search_keys_ranked (ORDER BY) on Neo4j (`ordered_range_scans`), and
  checks that they came in order.
- Nodes bound before an UNWIND: ArcadeDB finds no relationship between a node matched before an UNWIND and one
  matched after it (`MATCH (m {id: $a}) UNWIND $ids AS i MATCH (x {id: i}) MATCH (x)-[r]-(m)` gives no row; with
  `WITH x, m` between, or m matched after the UNWIND, it finds them). Queries that join two bound nodes match both
  after the UNWIND (edges_by_ids, mineral_facts_named); the text is the same on both engines.
Everything else the product runs is the same Neo4j 5 Cypher text on both (graph/queries.cypher).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FULLTEXT_PROPERTY = "search"


@dataclass(frozen=True)
class Dialect:
    engine: Literal["neo4j", "arcadedb"]
    fulltext_index: str
    # Cypher run through the driver to create the full-text index (Neo4j); None when done otherwise.
    fulltext_cypher: str | None
    # SQL run through the embedded engine's own API (ArcadeDB); empty for Neo4j.
    fulltext_sql: tuple[str, ...]
    # The error code a write gets when another writer created the same new type at the same moment (retried).
    first_use_type_races: str | None = None
    # An index range scan yields its rows in index order and stops at LIMIT without ORDER BY (ArcadeDB).
    ordered_range_scans: bool = False


NEO4J = Dialect(
    engine="neo4j",
    fulltext_index="entity_search",
    fulltext_cypher=(
        f"CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.{FULLTEXT_PROPERTY}]"
    ),
    fulltext_sql=(),
)

ARCADEDB = Dialect(
    engine="arcadedb",
    fulltext_index=f"Entity[{FULLTEXT_PROPERTY}]",
    fulltext_cypher=None,
    fulltext_sql=(
        "CREATE VERTEX TYPE Entity IF NOT EXISTS",
        f"CREATE PROPERTY Entity.{FULLTEXT_PROPERTY} IF NOT EXISTS STRING",
        f"CREATE INDEX IF NOT EXISTS ON Entity ({FULLTEXT_PROPERTY}) FULL_TEXT",
    ),
    first_use_type_races="Neo.ClientError.Statement.SemanticError",
    ordered_range_scans=True,
)
