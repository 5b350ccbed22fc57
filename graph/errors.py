"""The product's own exceptions. Each carries the HTTP status the API maps it to."""

from __future__ import annotations


class GraphError(Exception):
    STATUS = 500
    CODE = "internal_error"


class StoreUnavailable(GraphError):
    """The store cannot be reached (not started, stopped, or a network failure)."""

    STATUS = 503
    CODE = "store_unavailable"


class StoreLocked(StoreUnavailable):
    """Another process owns the embedded store's data directory and cannot be reached."""

    CODE = "store_locked"


class NotFound(GraphError):
    STATUS = 404
    CODE = "not_found"


class BadQueryInput(GraphError):
    """A query was given parameters it does not accept, or the store rejected them."""

    STATUS = 422
    CODE = "bad_query_input"


class QueryFileError(GraphError):
    """queries.cypher is malformed: empty body, duplicate name, undeclared parameter."""
