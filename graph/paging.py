"""Cursors: how a caller asks for the page after the one it has.

A cursor is opaque to callers: URL-safe base64 of a small JSON object holding where the previous page ended (an
offset, or the sort key of its last item) and a fingerprint of the question it belongs to. A cursor given with
other parameters than the ones that made it (another entity, depth or filter) is refused rather than silently
answered with the wrong page. `limit` may change from page to page.

Every paged answer has `limit`, `has_more` and `next_cursor` (null on the last page); pass `next_cursor` back as
`cursor` with the same parameters to get the next page. Orders are stable (a sort key that ends in an id), so
walking the pages of an unchanged graph returns each item exactly once.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any

from graph.errors import BadQueryInput

MAX_CURSOR = 2000  # characters: bounds what a caller can make us decode


def fingerprint(*scope: Any) -> str:
    """A short digest of the parameters a cursor belongs to."""
    text = json.dumps(scope, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()


def encode(scope: str, **position: Any) -> str:
    """A cursor for the page after `position`, valid for the question `scope` (a fingerprint())."""
    raw = json.dumps({"q": scope, **position}, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode(cursor: str | None, scope: str) -> dict[str, Any] | None:
    """The position a cursor holds, or None for no cursor (the first page). BadQueryInput when it is not a cursor
    of ours or belongs to another question."""
    if cursor is None or cursor == "":
        return None
    if len(cursor) > MAX_CURSOR:
        raise BadQueryInput("cursor: too long to be one of ours")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
    except (ValueError, UnicodeError, binascii.Error):
        raise BadQueryInput("cursor: not a cursor this API gave out (pass `next_cursor` unchanged)") from None
    if not isinstance(data, dict) or data.get("q") != scope:
        raise BadQueryInput("cursor: it belongs to another question (other parameters); start again without it")
    data.pop("q")
    return data


def position_int(position: dict[str, Any] | None, key: str, default: int) -> int:
    value = (position or {}).get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not -1 <= value <= 10_000_000:
        raise BadQueryInput("cursor: damaged; start again without it")
    return value


def position_str(position: dict[str, Any] | None, key: str, default: str = "") -> str:
    value = (position or {}).get(key, default)
    if not isinstance(value, str) or len(value) > MAX_CURSOR:
        raise BadQueryInput("cursor: damaged; start again without it")
    return value
