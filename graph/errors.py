"""The product's own exceptions. Each carries the HTTP status the API maps it to."""

from __future__ import annotations


class GraphError(Exception):
    STATUS = 500
    CODE = "internal_error"

    def __init__(self, *args: object, detail: object = None) -> None:
        super().__init__(*args)
        # Structured detail for the error body (e.g. the suggestions of a 404), JSON-able.
        self.detail = detail


class StoreUnavailable(GraphError):
    """The store cannot be reached (not started, stopped, or a network failure)."""

    STATUS = 503
    CODE = "store_unavailable"


class StoreLocked(StoreUnavailable):
    """Another process owns the embedded store's data directory and cannot be reached."""

    CODE = "store_locked"


class QueryTimeout(GraphError):
    """A read query ran past its time limit (KG_QUERY_TIMEOUT_SECONDS) and the store stopped it. Not an outage: the
    store answers, the question asked too much of it; the message says what to narrow."""

    STATUS = 503
    CODE = "query_timeout"


class NotFound(GraphError):
    STATUS = 404
    CODE = "not_found"


class BadQueryInput(GraphError):
    """A query was given parameters it does not accept, or the store rejected them."""

    STATUS = 422
    CODE = "bad_query_input"


class QueryFileError(GraphError):
    """queries.cypher is malformed: empty body, duplicate name, undeclared parameter."""


class WriteConflict(GraphError):
    """Other writers kept changing what a write was about to change for longer than KG_WRITE_RETRY_SECONDS."""

    STATUS = 409
    CODE = "write_conflict"


class SnapshotUnavailable(GraphError):
    """The graph kept changing while it was read whole (an export): no consistent state could be read."""

    STATUS = 503
    CODE = "graph_changing"
