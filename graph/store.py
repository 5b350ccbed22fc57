"""The single owner of the neo4j driver. Every graph access in the product goes through GraphStore.

With `KG_NEO4J_URI` set, the store is that Neo4j. Without it, GraphStore starts (or attaches to) the embedded
ArcadeDB in the data directory and talks to it over Bolt with the same driver and the same Cypher.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import neo4j
from neo4j import AsyncGraphDatabase, GraphDatabase
from neo4j import exceptions as neo4j_errors

from graph import queries
from graph.dialect import ARCADEDB, NEO4J, Dialect
from graph.embedded import EmbeddedArcadeDB
from graph.errors import BadQueryInput, GraphError, StoreUnavailable
from graph.settings import Settings, get_settings

log = logging.getLogger(__name__)
T = TypeVar("T")

EMBEDDED_DATABASE = "kg"
SCHEMA_QUERIES = ("schema_entity_id", "schema_document_id", "schema_entity_name", "schema_entity_parent",
                  "schema_change_seq")


def translate_error(e: Exception) -> GraphError:
    """Map a driver error to the product's own exception."""
    if isinstance(e, GraphError):
        return e
    if isinstance(e, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired | OSError):
        return StoreUnavailable(f"the graph store is not reachable: {e}")
    if isinstance(e, neo4j_errors.AuthError):
        return StoreUnavailable(f"the graph store refused our credentials: {e.message}")
    if isinstance(e, neo4j_errors.ClientError):
        return BadQueryInput(f"the store rejected the query: {e.message}")
    if isinstance(e, neo4j_errors.DriverError | neo4j_errors.Neo4jError):
        return GraphError(f"graph store error: {e}")
    raise e


@contextlib.contextmanager
def wrapped_errors() -> Iterator[None]:
    try:
        yield
    except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
        raise translate_error(e) from e


class GraphStore:
    """Opens the configured store and runs named queries against it."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self.embedded: EmbeddedArcadeDB | None = None
        self.dialect: Dialect = NEO4J
        self.database = self.settings.neo4j_database
        self._uri = ""
        self._auth: tuple[str, str] = ("", "")
        self._driver: neo4j.Driver | None = None
        self._async_driver: neo4j.AsyncDriver | None = None

    # ------------------------------------------------------------------ lifecycle

    def open(self) -> GraphStore:
        s = self.settings
        if s.neo4j_uri:
            self._uri = s.neo4j_uri
            password = s.neo4j_password.get_secret_value() if s.neo4j_password else ""
            self._auth = (s.neo4j_user, password)
            self.dialect = NEO4J
        else:
            self.embedded = EmbeddedArcadeDB(s.data_dir, log_level=s.log_level, jit=s.embedded_jit)
            endpoint = self.embedded.start()
            self._uri, self._auth = endpoint.uri, (endpoint.user, endpoint.password)
            self.dialect = ARCADEDB
            # `kg` unless KG_NEO4J_DATABASE names another database of the same store (tests keep several).
            self.database = s.neo4j_database if "neo4j_database" in s.model_fields_set else EMBEDDED_DATABASE
        self._driver = GraphDatabase.driver(self._uri, auth=self._auth, **self._driver_config())
        try:
            self.ensure_database(self.database)
        except BaseException:
            self.close()
            raise
        return self

    def _driver_config(self) -> dict[str, Any]:
        # Retrying a transaction for the driver's default 30 s makes an outage look like a hang; a caller (the
        # API answering 503, the loader skipping a document) is better served by a prompt, clear failure.
        return {"max_transaction_retry_time": self.settings.store_retry_seconds,
                "connection_acquisition_timeout": max(self.settings.store_retry_seconds, 1.0)}

    def ensure_database(self, database: str) -> None:
        """Create the database (embedded only) and its constraints and indexes, idempotently."""
        if self.embedded is not None:
            self.embedded.ensure_database(database)
        with wrapped_errors():
            for name in SCHEMA_QUERIES:
                self.driver.execute_query(queries.get(name).text, database_=database)
            if self.dialect.fulltext_cypher:
                self.driver.execute_query(self.dialect.fulltext_cypher, database_=database)

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None
        if self.embedded is not None:
            self.embedded.stop()
            self.embedded = None

    async def averify(self) -> None:
        """Connectivity only, without transaction retries: StoreUnavailable at once when the server is down."""
        try:
            await self.async_driver.verify_connectivity()
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
            raise translate_error(e) from e

    async def aclose(self) -> None:
        if self._async_driver is not None:
            await self._async_driver.close()
            self._async_driver = None
        self.close()

    def __enter__(self) -> GraphStore:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def driver(self) -> neo4j.Driver:
        if self._driver is None:
            raise StoreUnavailable("the graph store is not open")
        return self._driver

    @property
    def async_driver(self) -> neo4j.AsyncDriver:
        if self._driver is None:
            raise StoreUnavailable("the graph store is not open")
        if self._async_driver is None:
            self._async_driver = AsyncGraphDatabase.driver(self._uri, auth=self._auth, **self._driver_config())
        return self._async_driver

    @property
    def uri(self) -> str:
        return self._uri

    def using(self, database: str) -> GraphStore:
        """A view of this store bound to another database on the same server (tests use one each)."""
        view = GraphStore.__new__(GraphStore)
        view.__dict__.update(self.__dict__)
        view.database = database
        view._async_driver = None
        view.close = lambda: None  # type: ignore[method-assign]  # the parent owns driver and server
        return view

    # ------------------------------------------------------------------ named queries

    @staticmethod
    def _text(name: str, slot: str | None, params: dict[str, Any]) -> str:
        query = queries.get(name)
        query.check_params(params)
        return query.render(slot)

    def run(self, name: str, slot: str | None = None, **params: Any) -> list[neo4j.Record]:
        """Run a named query in its own transaction and return its records."""
        params = queries.get(name).with_defaults(params)
        text = self._text(name, slot, params)
        routing = neo4j.RoutingControl.READ if queries.get(name).mode == "read" else neo4j.RoutingControl.WRITE
        with wrapped_errors():
            result = self.driver.execute_query(text, params, database_=self.database, routing_=routing)
        return list(result.records)

    async def arun(self, name: str, slot: str | None = None, **params: Any) -> list[neo4j.Record]:
        """Async twin of run(), for the API."""
        params = queries.get(name).with_defaults(params)
        text = self._text(name, slot, params)
        routing = neo4j.RoutingControl.READ if queries.get(name).mode == "read" else neo4j.RoutingControl.WRITE
        try:
            result = await self.async_driver.execute_query(
                text, params, database_=self.database, routing_=routing
            )
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
            raise translate_error(e) from e
        return list(result.records)

    async def aread_rows(self, name: str, slot: str | None, params: dict[str, Any], *, skip: int = 0,
                         limit: int = 100) -> tuple[list[str], list[neo4j.Record], bool]:
        """A named read query in a READ transaction (the store itself refuses any write in it): its columns,
        the rows after the first `skip`, at most `limit` of them, and whether more followed. Reads only what it
        returns plus one row."""
        query = queries.get(name)
        if query.mode != "read":
            raise BadQueryInput(f"{name!r} is not a read query")
        params = query.with_defaults(params)
        text = self._text(name, slot, params)

        async def work(tx: neo4j.AsyncManagedTransaction) -> tuple[list[str], list[neo4j.Record], bool]:
            result = await tx.run(text, params)
            keys = list(result.keys())
            rows: list[neo4j.Record] = []
            seen = 0
            async for record in result:
                seen += 1
                if seen <= skip:
                    continue
                if len(rows) >= limit:
                    await result.consume()
                    return keys, rows, True
                rows.append(record)
            return keys, rows, False

        try:
            async with self.async_driver.session(database=self.database,
                                                 default_access_mode=neo4j.READ_ACCESS) as session:
                return await session.execute_read(work)
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
            raise translate_error(e) from e

    def write(self, work: Callable[[Transaction], T]) -> T:
        """Run `work` in one write transaction: everything it writes commits together or not at all."""
        def unit(tx: neo4j.ManagedTransaction) -> T:
            return work(Transaction(tx))

        with wrapped_errors(), self.driver.session(database=self.database) as session:
            return session.execute_write(unit)


class Transaction:
    """Named queries inside one managed transaction."""

    def __init__(self, tx: neo4j.ManagedTransaction) -> None:
        self._tx = tx

    def run(self, name: str, slot: str | None = None, **params: Any) -> list[neo4j.Record]:
        text = GraphStore._text(name, slot, params)
        return list(self._tx.run(text, params))

    def run_all(self, steps: list[tuple[str, str | None, dict[str, Any]]]) -> None:
        """Several named write queries, in order, as one statement (graph.queries.compose): one round trip."""
        if steps:
            text, params = queries.compose(steps)
            self._tx.run(text, params).consume()
