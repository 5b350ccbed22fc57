"""The single owner of the neo4j driver. Every graph access in the product goes through GraphStore.

With `KG_NEO4J_URI` set, the store is that Neo4j. Without it, GraphStore starts (or attaches to) the embedded
ArcadeDB in the data directory and talks to it over Bolt with the same driver and the same Cypher.

Writes are serialised (`write`): each write transaction first bumps one counter (take_write_lock), so two writers
never interleave; the one that loses the race retries on a fresh read, and after KG_WRITE_RETRY_SECONDS of losing
is refused (WriteConflict). A process attached to another's embedded store follows it (`follow_owner`): when its
connection fails it looks where the store is now, and reconnects, or takes over as owner (graph/embedded.py).

Reads through the async interface (the API, the Python interface) have a time limit, KG_QUERY_TIMEOUT_SECONDS: it
goes to the store as the transaction timeout, and the caller stops waiting when it passes. Every such read starts
with a comment naming it (`/* kg-read <token> */`), so the store's own list of running queries can find it: a read
that ran out of time, or whose caller went away (a cancelled task: the API cancels a request whose client
disconnected), is terminated in the store (`TERMINATE TRANSACTIONS`) instead of running on to its end. The token
names the process (random) and a slot: the lowest free one, held until the read has ended (or been terminated), so
no two running reads share a token while a query's text repeats from one call to the next. (The embedded store
parses and plans a text it has not seen: a fresh token per read made it do so for every read, about 7 ms of its CPU
per query, 40 of the 225 ms the mineral question's queries cost it at 100,000 entities.) Neo4j also
enforces the transaction timeout itself; the embedded store ignores it (graph/dialect.py). Loads and the
synchronous interface have no limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
import random
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, Literal, TypeVar

import neo4j
from neo4j import AsyncGraphDatabase, GraphDatabase
from neo4j import exceptions as neo4j_errors

from graph import derived, queries
from graph.dialect import ARCADEDB, NEO4J, Dialect
from graph.embedded import BoltEndpoint, EmbeddedArcadeDB
from graph.errors import BadQueryInput, GraphError, QueryTimeout, StoreUnavailable, WriteConflict
from graph.settings import Settings, get_settings

log = logging.getLogger(__name__)
T = TypeVar("T")

EMBEDDED_DATABASE = "kg"
SCHEMA_QUERIES = ("schema_entity_id", "schema_document_id", "schema_entity_name", "schema_alias_key",
                  "schema_alias_entity", "schema_entity_parent", "schema_search_key_entity",
                  "schema_search_key_rank_1", "schema_search_key_rank_2", "schema_search_key_rank_3",
                  "schema_fact_page_entity", "schema_change_seq", "schema_change_log_id")
# Most attempts at a write that raced another writer creating a type on first use (graph/dialect.py): one that keeps
# failing that way is a real error, and is reported as such.
MAX_TYPE_RACES = 3
TakeOver = Literal["always", "after_clean_stop"]
MOVED_CHECK_SECONDS = 1.0  # how often an attached process reads the owner's record (store.json) for a new port
# The layout of derived data the writes keep: each entity's `degree` and its alias keys (layout 2, queries.cypher
# upgrade_layout_2), its search keys and a hub's fact page (layout 3, graph/derived.py). A graph written before is
# brought up to it once, when it is opened.
LAYOUT_VERSION = 3
UPGRADE_BATCH = 2000


# Error codes of a transaction the store stopped: its timeout passed (Neo4j), or it was terminated (both).
STOPPED_CODES = ("Transaction.TransactionTimedOut", "Transaction.Terminated", "Transaction.LockClientStopped")
READ_MARK = "/* kg-read {token} */ "


def translate_error(e: Exception) -> GraphError:
    """Map a driver error to the product's own exception."""
    if isinstance(e, GraphError):
        return e
    if isinstance(e, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired | OSError):
        return StoreUnavailable(f"the graph store is not reachable: {e}")
    if isinstance(e, neo4j_errors.AuthError):
        return StoreUnavailable(f"the graph store refused our credentials: {e.message}")
    if isinstance(e, neo4j_errors.Neo4jError) and any(c in (e.code or "") for c in STOPPED_CODES):
        return QueryTimeout(f"the store stopped the query: {e.message}")
    if isinstance(e, neo4j_errors.ClientError):
        return BadQueryInput(f"the store rejected the query: {_short(e.message)}")
    if isinstance(e, neo4j_errors.Neo4jError):
        return GraphError(f"graph store error ({e.code}): {_short(e.message)}")
    if isinstance(e, neo4j_errors.DriverError):
        return GraphError(f"graph store error: {e}")
    raise e


_QUERY_ECHO = "Error executing Cypher command:"


def _short(message: str | None) -> str:
    """A store's error message without the query text ArcadeDB echoes into it (the whole composed statement of a
    document: hundreds of lines in a table cell); the engine's log has the rest."""
    text = message or "no message"
    if text.startswith(_QUERY_ECHO):
        return "the statement failed (the store's log has the cause)"
    return text.split("\n", 1)[0][:500]


@contextlib.contextmanager
def wrapped_errors() -> Iterator[None]:
    try:
        yield
    except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
        raise translate_error(e) from e


def _is_outage(e: Exception) -> bool:
    return isinstance(e, neo4j_errors.ServiceUnavailable | neo4j_errors.SessionExpired | OSError)


class GraphStore:
    """Opens the configured store and runs named queries against it.

    `take_over`: what this process does when it is attached to another's embedded store and that owner is gone for
    KG_STORE_WAIT_SECONDS: "always" take over as owner (a server, a notebook), or only "after_clean_stop" (a batch
    load: after a crash of the owner it stops instead, see README). `follow_inline`: whether a failing call waits
    for the owner itself (scripts, loads); the API follows in the background and answers 503 meanwhile."""

    def __init__(self, settings: Settings | None = None, *, take_over: TakeOver = "always",
                 follow_inline: bool = True) -> None:
        self.settings = settings or get_settings()
        self.embedded: EmbeddedArcadeDB | None = None
        self.dialect: Dialect = NEO4J
        self.database = self.settings.neo4j_database
        self.take_over: TakeOver = take_over
        self.follow_inline = follow_inline
        self._uri = ""
        self._auth: tuple[str, str] = ("", "")
        self._driver: neo4j.Driver | None = None
        self._async_driver: neo4j.AsyncDriver | None = None
        self._stale_async: list[neo4j.AsyncDriver] = []
        self._follow_lock = threading.Lock()
        self.generation = 0  # bumped whenever the driver is replaced (the store moved)
        self._looks = 0  # follow_owner attempts finished
        self._record_read_at = float("-inf")
        self._gone_until = float("-inf")
        self._look_error: StoreUnavailable | None = None
        # The time limit of an async read (KG_QUERY_TIMEOUT_SECONDS); None: no limit.
        self.read_timeout: float | None = self.settings.query_timeout_seconds or None
        self._terminations: set[asyncio.Task[None]] = set()
        self._mark_id = secrets.token_hex(4)  # this process's part of the read tokens (module docstring)
        self._free_slots: list[int] = []  # slots of read tokens released, a heap: the lowest is taken first
        self._slots = 0  # slots handed out so far

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
        config: dict[str, Any] = {"max_transaction_retry_time": self.settings.store_retry_seconds,
                                  "connection_acquisition_timeout": max(self.settings.store_retry_seconds, 1.0)}
        if self.embedded is not None:
            # Loopback: a connection that is not up in this time never will be. When the owner's old port has been
            # taken by another program, the default (30 s) would hold every call that long before following it.
            config["connection_timeout"] = max(self.settings.store_retry_seconds, 2.0)
        return config

    def ensure_database(self, database: str) -> None:
        """Create the database (embedded only) and its constraints and indexes, idempotently."""
        if self.embedded is not None:
            self.embedded.ensure_database(database)
        with wrapped_errors():
            for name in SCHEMA_QUERIES:
                self.driver.execute_query(queries.get(name).text, database_=database)
            if self.dialect.fulltext_cypher:
                self.driver.execute_query(self.dialect.fulltext_cypher, database_=database)
            self._upgrade_layout(database)

    def _upgrade_layout(self, database: str) -> None:
        """Bring a graph written before the current layout up to it (every entity's degree and alias keys; its
        search keys and, for hubs, fact pages), in batches, once; a graph already there costs one read."""
        version = self.driver.execute_query(queries.get("layout_version").text, database_=database).records
        current = (version[0]["version"] or 0) if version else 0
        if current >= LAYOUT_VERSION:
            return
        total = 0
        if current < 2:
            text = queries.get("upgrade_layout_2").text
            while True:
                records = self.driver.execute_query(text, {"batch": UPGRADE_BATCH}, database_=database).records
                done = int(records[0]["upgraded"]) if records else 0
                total += done
                if done < UPGRADE_BATCH:
                    break
        after = ""
        while True:  # layout 3: search keys and fact pages, from the degrees and names layout 2 keeps
            ids = [str(r["id"]) for r in self.driver.execute_query(
                queries.get("entity_ids_after").text, {"after": after, "batch": UPGRADE_BATCH},
                database_=database).records]
            if not ids:
                break
            text, params = queries.compose(derived.steps(touched=ids))
            self.driver.execute_query(text, params, database_=database)
            total += len(ids)
            after = ids[-1]
        if total:
            log.info("brought %d entities of %s up to layout %d (degrees, alias keys, search keys, fact pages)",
                     total, database, LAYOUT_VERSION)
        self.driver.execute_query(queries.get("set_layout_version").text, {"version": LAYOUT_VERSION},
                                  database_=database)

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None
        if self.embedded is not None:
            self.embedded.stop()
            self.embedded = None

    def diagnose(self) -> str | None:
        """After a failed write: the data directory's trouble (read-only, full) in one line, or None."""
        return self.embedded.diagnose() if self.embedded is not None else None

    # ------------------------------------------------------------------ following the owner

    @property
    def attached(self) -> bool:
        """Attached to an embedded store another process owns (so it may move)."""
        e = self.embedded
        return e is not None and e.endpoint is not None and not e.endpoint.owner

    def follow_owner(self, since: int | None = None) -> bool:
        """After a failed connection to another process's store: find where the store is now and reconnect, or take
        over as owner (graph/embedded.py `follow`). True when this process may try again (the store is back, at
        the same address or another); raises StoreUnavailable when no owner came back and this process may not take
        over. `since`: the generation the caller failed on; when another thread moved us meanwhile, returns at once.
        Threads that waited while another looked share its outcome instead of waiting all over again."""
        if not self.attached:
            return False
        looks = self._looks
        with self._follow_lock:
            if since is not None and since != self.generation:
                return True
            if self._looks != looks:  # another thread looked while this one waited: its answer holds
                if self._look_error is not None:
                    raise self._look_error
                return True
            embedded = self.embedded
            assert embedded is not None
            try:
                endpoint = embedded.follow(wait=self.settings.store_wait_seconds,
                                           after_crash=self.take_over == "always")
            except StoreUnavailable as e:
                self._look_error = e
                # Calls in the next KG_STORE_WAIT_SECONDS fail at once with this answer (unless the owner's record
                # names a new owner meanwhile) instead of each waiting out the driver's retries and a new look.
                self._gone_until = time.monotonic() + self.settings.store_wait_seconds
                raise
            finally:
                self._looks += 1
            self._look_error = None
            self._gone_until = float("-inf")
            if endpoint.owner:
                log.warning("the owner of %s is gone: this process took over the store", embedded.data_dir)
            if endpoint.uri != self._uri or endpoint.owner:
                self._switch(endpoint)
            if endpoint.owner:
                self.ensure_database(self.database)
            return True

    def _switch(self, endpoint: BoltEndpoint) -> None:
        old = self._driver
        self._uri, self._auth = endpoint.uri, (endpoint.user, endpoint.password)
        self._driver = GraphDatabase.driver(self._uri, auth=self._auth, **self._driver_config())
        if self._async_driver is not None:
            self._stale_async.append(self._async_driver)  # closed on the event loop that made it (aclose_stale)
            self._async_driver = None
        self.generation += 1
        log.info("reconnected to the graph store at %s", self._uri)
        if old is not None:
            with contextlib.suppress(Exception):
                old.close()

    async def aclose_stale(self) -> None:
        """Close async drivers left behind by a move (on the loop that made them)."""
        while self._stale_async:
            with contextlib.suppress(Exception):
                await self._stale_async.pop().close()

    def moved(self) -> bool:
        """Attached: has the owner's record (store.json) moved to another port than the one we dial? Then reconnect
        there at once, before any call waits out a dead or foreign port. Looks at most once a second (one small file
        read); True when it reconnected."""
        embedded = self.embedded
        now = time.monotonic()
        if embedded is None or not self.attached or now - self._record_read_at < MOVED_CHECK_SECONDS:
            return False
        self._record_read_at = now
        state = embedded.read_state()
        if state is None or f"bolt://127.0.0.1:{state['bolt_port']}" == self._uri:
            return False
        with self._follow_lock:
            endpoint = embedded.current_owner()
            if endpoint is None or endpoint.uri == self._uri:
                return False
            log.info("the store's owner moved to %s", endpoint.uri)
            self._switch(endpoint)
            self._look_error, self._gone_until = None, float("-inf")
            return True

    def _still_gone(self) -> None:
        """Raise the last look's answer while it holds (the owner is gone and none came back)."""
        if self._look_error is not None and time.monotonic() < self._gone_until:
            raise self._look_error

    def _followed(self, call: Callable[[], T]) -> T:
        """Run `call`; when the store cannot be reached and this process is attached, follow the owner (waiting for
        it, or taking over) and run it once more."""
        self.moved()
        self._still_gone()
        generation = self.generation
        try:
            return call()
        except StoreUnavailable:
            if not (self.follow_inline and self.follow_owner(generation)):
                raise
        return call()

    async def _afollowed(self, call: Callable[[], Awaitable[T]]) -> T:
        if self.moved():
            await self.aclose_stale()
        self._still_gone()
        generation = self.generation
        try:
            return await call()
        except StoreUnavailable:
            if not (self.follow_inline and self.attached):
                raise
            await asyncio.to_thread(self.follow_owner, generation)
            await self.aclose_stale()
        return await call()

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
        await self.aclose_stale()
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
        view._stale_async = []
        view._mark_id, view._free_slots, view._slots = secrets.token_hex(4), [], 0  # read tokens of its own
        view.close = lambda: None  # type: ignore[method-assign]  # the parent owns driver and server
        return view

    # ------------------------------------------------------------------ named queries

    @staticmethod
    def _text(name: str, slot: str | None, params: dict[str, Any]) -> str:
        query = queries.get(name)
        query.check_params(params)
        return query.render(slot)

    def run(self, name: str, slot: str | None = None, **params: Any) -> list[neo4j.Record]:
        """Run a named query in its own transaction and return its records. A write query this way is not
        serialised with other writers: the loader's writes go through write()."""
        params = queries.get(name).with_defaults(params)
        text = self._text(name, slot, params)
        routing = neo4j.RoutingControl.READ if queries.get(name).mode == "read" else neo4j.RoutingControl.WRITE

        def call() -> list[neo4j.Record]:
            with wrapped_errors():
                result = self.driver.execute_query(text, params, database_=self.database, routing_=routing)
            return list(result.records)

        return self._followed(call)

    async def arun(self, name: str, slot: str | None = None, **params: Any) -> list[neo4j.Record]:
        """Async twin of run(), for the API. A read has the time limit (module docstring)."""
        params = queries.get(name).with_defaults(params)
        text = self._text(name, slot, params)
        query = queries.get(name)
        if query.mode != "read":
            async def write() -> list[neo4j.Record]:
                try:
                    result = await self.async_driver.execute_query(text, params, database_=self.database,
                                                                   routing_=neo4j.RoutingControl.WRITE)
                except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
                    raise translate_error(e) from e
                return list(result.records)

            return await self._afollowed(write)

        async def call(marked: str, timeout: float | None) -> list[neo4j.Record]:
            query = neo4j.Query(marked, timeout=timeout)  # type: ignore[arg-type]  # marked: a named query's text
            result = await self.async_driver.execute_query(query, params, database_=self.database,
                                                           routing_=neo4j.RoutingControl.READ)
            return list(result.records)

        return await self._afollowed(lambda: self._timed(name, text, call))

    async def _timed(self, name: str, text: str, call: Callable[[str, float | None], Awaitable[T]]) -> T:
        """Run a read under the time limit: marked, with the limit as its transaction timeout; when the limit passes
        or the caller is cancelled, the store is told to terminate it (terminate_marked_reads)."""
        slot = heapq.heappop(self._free_slots) if self._free_slots else self._take_new_slot()
        token = f"{self._mark_id}-{slot}"
        release = True
        timeout = self.read_timeout
        try:
            async with asyncio.timeout(timeout):
                return await call(READ_MARK.format(token=token) + text, timeout)
        except TimeoutError:
            await self._aterminate(token)
            raise QueryTimeout(f"the query ran past its time limit of {timeout:g} s (KG_QUERY_TIMEOUT_SECONDS) and "
                               "was stopped", detail={"query": name, "timeout_seconds": timeout}) from None
        except asyncio.CancelledError:
            # The caller went away (a client that disconnected): the store stops the query too. Not awaited here,
            # the task is being cancelled; kept referenced until done, and the token's slot held until then.
            task = asyncio.get_running_loop().create_task(self._aterminate(token))
            self._terminations.add(task)
            task.add_done_callback(self._terminations.discard)
            task.add_done_callback(lambda _: heapq.heappush(self._free_slots, slot))
            release = False
            raise
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
            error = translate_error(e)
            if isinstance(error, QueryTimeout):
                error.detail = {"query": name, "timeout_seconds": timeout}
            raise error from e
        finally:
            if release:
                heapq.heappush(self._free_slots, slot)

    def _take_new_slot(self) -> int:
        self._slots += 1
        return self._slots - 1

    async def _aterminate(self, token: str) -> None:
        """Terminate the running read marked with `token`, if it still runs."""
        try:
            result = await self.async_driver.execute_query(
                queries.get("terminate_marked_reads").text, {"marker": READ_MARK.format(token=token)},
                database_=self.database, routing_=neo4j.RoutingControl.WRITE)
            if result.records:
                log.info("terminated read %s: %s", token, result.records[0]["message"])
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
            log.warning("could not terminate read %s: %s", token, e)

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

        async def call(marked: str, timeout: float | None) -> tuple[list[str], list[neo4j.Record], bool]:
            @neo4j.unit_of_work(timeout=timeout)
            async def work(tx: neo4j.AsyncManagedTransaction) -> tuple[list[str], list[neo4j.Record], bool]:
                result = await tx.run(marked, params)  # type: ignore[arg-type]  # a named query's text
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

            async with self.async_driver.session(database=self.database,
                                                 default_access_mode=neo4j.READ_ACCESS) as session:
                return await session.execute_read(work)

        return await self._afollowed(lambda: self._timed(name, text, call))

    def write(self, work: Callable[[Transaction], T]) -> T:
        """Run `work` in one write transaction: everything it writes commits together or not at all.

        Writes are serialised: the transaction first takes the write lock (take_write_lock), so what `work` reads
        is what it writes over, as if the writers had run one after the other. The writer that loses a race
        retries from the start on a fresh read (short randomised waits), for at most KG_WRITE_RETRY_SECONDS; then
        WriteConflict (HTTP 409). `work` may run more than once: it must only read and write through `tx`.
        An outage is retried for KG_STORE_RETRY_SECONDS, then (attached) the owner is followed once."""
        return self._followed(lambda: self._write(work))

    def _write(self, work: Callable[[Transaction], T]) -> T:
        lock = queries.get("take_write_lock").text
        started = time.monotonic()
        conflicts_until = started + self.settings.write_retry_seconds
        outage_until = started + self.settings.store_retry_seconds
        delay = 0.02
        type_races = 0
        while True:
            taken: int | None = None  # the write counter as this attempt set it
            try:
                with self.driver.session(database=self.database) as session, session.begin_transaction() as tx:
                    taken = int(tx.run(lock).single(strict=True)["writes"])
                    result = work(Transaction(tx))
                    tx.commit()
                return result
            except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError) as e:
                now = time.monotonic()
                if _is_outage(e):
                    if now + delay > outage_until:
                        raise translate_error(e) from e
                elif self._lost_race(e, taken):
                    if now + delay > conflicts_until:
                        raise WriteConflict(
                            f"other writers kept changing the same data for {now - started:.1f} s; try again") from e
                    log.debug("write conflict, retrying: %s", e)
                elif (self.dialect.first_use_type_races is not None and type_races < MAX_TYPE_RACES
                      and getattr(e, "code", None) == self.dialect.first_use_type_races):
                    type_races += 1
                else:
                    raise translate_error(e) from e
            time.sleep(delay * random.uniform(0.5, 1.5))
            delay = min(delay * 2, 0.5)

    def _lost_race(self, e: Exception, taken: int | None) -> bool:
        """Did this write fail because another writer committed meanwhile? A transient error says so itself
        (ArcadeDB's concurrent change of a record, Neo4j's deadlock). Any other failure after the write lock was
        taken counts as lost when another writer has committed since (the counter moved past ours): on ArcadeDB,
        whose transactions are optimistic, the loser's statements may also trip over the winner's changes (a
        duplicate key, a record just deleted) before its commit would have been refused. Else it is a real error."""
        if isinstance(e, neo4j_errors.TransientError):
            return True
        if not isinstance(e, neo4j_errors.Neo4jError):
            return False
        if taken is None:  # the lock itself failed: two first writers creating the change log
            return isinstance(e, neo4j_errors.ConstraintError)
        try:
            rows = self.driver.execute_query(queries.get("write_counter").text, database_=self.database,
                                             routing_=neo4j.RoutingControl.READ).records
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError):
            return False
        return bool(rows) and int(rows[0]["writes"] or 0) >= taken


class Transaction:
    """Named queries inside one transaction."""

    def __init__(self, tx: neo4j.ManagedTransaction | neo4j.Transaction) -> None:
        self._tx = tx

    def run(self, name: str, slot: str | None = None, **params: Any) -> list[neo4j.Record]:
        text = GraphStore._text(name, slot, params)
        return list(self._tx.run(text, params))

    def run_all(self, steps: list[tuple[str, str | None, dict[str, Any]]]) -> None:
        """Several named write queries, in order, as one statement (graph.queries.compose): one round trip."""
        if steps:
            text, params = queries.compose(steps)
            self._tx.run(text, params).consume()
