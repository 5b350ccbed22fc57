"""All settings in one place, read from the environment (prefix KG_) or a .env file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KG_", env_file=".env", extra="ignore")

    neo4j_uri: str | None = Field(
        default=None,
        description="Bolt URI of a Neo4j server, cluster or Aura instance. Unset: start the embedded store.",
    )
    neo4j_user: str = Field(default="neo4j", description="Neo4j user name")
    neo4j_password: SecretStr | None = Field(default=None, description="Neo4j password")
    neo4j_database: str = Field(default="neo4j", description="Neo4j database name (the embedded store uses 'kg')")
    store_retry_seconds: float = Field(
        default=5.0, ge=0, le=120, description="How long the driver retries a transaction before giving up"
    )
    store_wait_seconds: float = Field(
        default=10.0, ge=0, le=600,
        description="How long a process attached to another's embedded store waits, once that owner is gone, for "
                    "an owner to come back (it follows the owner to its port) before it takes over as owner itself "
                    "(`kg load` after a crash of the owner: before it stops, with its table)",
    )
    write_retry_seconds: float = Field(
        default=30.0, ge=0, le=600,
        description="How long a write that collides with another writer's retries before it is refused (HTTP 409)",
    )
    query_timeout_seconds: float = Field(
        default=5.0, ge=0, le=3600,
        description="The longest one read query of the API (or the Python interface) may run: past it the store stops "
                    "it and the API answers 503 saying what to narrow; 0 for no limit. Loads and exports have none",
    )
    data_dir: Path = Field(default=Path("data"), description="Where the embedded store keeps its files")
    embedded_jit: Literal["full", "quick"] = Field(
        default="full",
        description="How the embedded store's JVM compiles: 'full' for a long-running server (fastest reads once "
                    "warm), 'quick' (C1 only) for batch loads on few cores; `kg load` uses 'quick' unless set",
    )
    api_token: SecretStr | None = Field(
        default=None, description="Bearer token for write endpoints; unset means writes are refused"
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(default="INFO", description="Log level")
    host: str = Field(default="127.0.0.1", description="Address `kg serve` binds to")
    port: int = Field(default=8000, ge=1, le=65535, description="Port `kg serve` listens on")
    cache_entries: int = Field(
        default=4096, ge=0, le=1_000_000,
        description="Answers of the read API kept in memory until the graph changes; 0 turns the cache off",
    )
    cache_check_seconds: float = Field(
        default=1.0, ge=0, le=3600,
        description="How often the API asks the store whether the graph changed: a load by another process is "
                    "seen within this time (writes through the API are seen at once); 0 asks before every request",
    )
    http_max_age: int = Field(
        default=60, ge=0, le=86_400,
        description="How long a proxy or client may reuse an answer of the read API before revalidating it with its "
                    "ETag (Cache-Control max-age, seconds)",
    )
    max_document_bytes: int = Field(default=5_000_000, ge=1, description="Largest document the loader accepts")
    fetch_timeout_seconds: float = Field(
        default=20.0, gt=0, le=600, description="Longest a URL or feed may take to fetch, whole body included"
    )
    user_agent: str = Field(
        default="kg-korea-central-asia/0.1 (knowledge-graph document loader; obeys robots.txt)",
        min_length=1, description="User-Agent sent with every fetch and matched against robots.txt",
    )
    max_body_bytes: int | None = Field(
        default=None, ge=1,
        description="Largest request body the API reads; a larger one is refused (413) while it is being read, "
                    "before any parsing. Unset: twice KG_MAX_DOCUMENT_BYTES plus 1 MB (room for JSON escapes)",
    )
    extract_chunk_chars: int = Field(
        default=100_000, ge=1_000, le=1_000_000,
        description="Longest piece of a document the extraction pipeline parses at once: longer documents are split "
                    "at paragraph (else line, sentence, word) boundaries, their facts keeping their offsets",
    )

    @property
    def body_limit(self) -> int:
        """The largest request body the API reads (KG_MAX_BODY_BYTES, or what it defaults to)."""
        return self.max_body_bytes or 2 * self.max_document_bytes + 1_000_000


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
