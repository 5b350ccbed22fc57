"""The embedded default store: ArcadeDB run in this process as a server with its Bolt plugin on 127.0.0.1.

One process owns a data directory at a time (an exclusive lock on `store.lock`). The owner writes
`store.json` naming its Bolt port; a second process finds the lock taken, reads that file and connects to the
running store over Bolt instead of opening the files itself.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import secrets
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from graph.dialect import ARCADEDB
from graph.errors import StoreLocked, StoreUnavailable

log = logging.getLogger(__name__)

ROOT_USER = "root"
_JUL_LEVELS = {"DEBUG": "FINE", "INFO": "INFO", "WARNING": "WARNING", "ERROR": "SEVERE"}


@dataclass(frozen=True)
class BoltEndpoint:
    uri: str
    user: str
    password: str
    owner: bool


# How the embedded store's JVM compiles, by workload (KG_EMBEDDED_JIT; the first store a process starts decides).
# "full" (the JVM's default, C1 then C2) makes reads fastest once warm: a long-running server. "quick" (C1 only)
# suits batch loading on few cores. Measured while loading documents (2 cores, spaCy on the other): C2 recompiled
# the engine's Cypher parser and record code without end (about 1,600 methods made not entrant in three rounds
# of 11 documents) and spent 1.1-1.6 s of CPU per round, more than the engine's own 0.3-0.8 s; with C1 only,
# 0.03-0.07 s of compiling, the engine's work unchanged, the load 10-20% shorter. But reads through the API ran
# up to 2.5 times as slow with C1 only (single client: the lithium question 24 ms against 9-10 ms).
JIT_FLAGS: dict[str, tuple[str, ...]] = {"full": (), "quick": ("-XX:TieredStopAtLevel=1",)}


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


@contextlib.contextmanager
def _jvm_thread() -> Iterator[None]:
    """Detach a non-main Python thread from the JVM when its work is done. A thread that touched the JVM stays
    a live Java thread, and the JVM's shutdown at interpreter exit waits for it forever (seen with the API
    opening the store in a worker thread)."""
    import threading

    try:
        yield
    finally:
        import jpype

        if threading.current_thread() is not threading.main_thread() and jpype.isJVMStarted():
            jpype.java.lang.Thread.detach()


def _close_bolt_connections(java_server: Any) -> None:
    """Close the client sockets of Bolt connections the stopped server left open.

    ArcadeDB's Bolt plugin serves each connection on its own non-daemon thread and does not end those threads
    when the server stops; a client that still holds a connection (a driver nobody closed) then keeps them
    alive, and the JVM's shutdown at interpreter exit waits for them forever. Closing the socket ends the
    thread's blocking read. Reached by reflection: the plugin offers no public way.
    """
    import jpype

    executor = jpype.JClass("com.arcadedb.bolt.BoltNetworkExecutor").class_
    socket_field = executor.getDeclaredField("socket")
    server_field = executor.getDeclaredField("server")
    socket_field.setAccessible(True)
    server_field.setAccessible(True)
    for thread in jpype.JClass("java.lang.Thread").getAllStackTraces().keySet():
        if executor.isInstance(thread) and thread.isAlive() and server_field.get(thread).equals(java_server):
            sock = socket_field.get(thread)
            if sock is not None:
                with contextlib.suppress(Exception):
                    sock.close()


class EmbeddedArcadeDB:
    """Starts, or finds, the ArcadeDB server that serves one data directory."""

    def __init__(self, data_dir: Path, *, log_level: str = "WARNING", heap: str = "1g",
                 jit: Literal["full", "quick"] = "full") -> None:
        self.data_dir = Path(data_dir).resolve()
        self.log_level = log_level
        self.heap = heap
        self.jit = jit
        self._lock_file: Any = None
        self._server: Any = None
        self.endpoint: BoltEndpoint | None = None

    @property
    def state_path(self) -> Path:
        return self.data_dir / "store.json"

    def _credentials(self) -> str:
        path = self.data_dir / "credentials.json"
        if path.exists():
            return str(json.loads(path.read_text())["password"])
        password = secrets.token_urlsafe(24)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            json.dump({"user": ROOT_USER, "password": password}, f)
        return password

    def start(self, wait_for_owner: float = 60.0) -> BoltEndpoint:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        lock_file = open(self.data_dir / "store.lock", "a+")  # noqa: SIM115 - held for the process's life
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock_file.close()
            self.endpoint = self._attach(wait_for_owner)
            return self.endpoint
        self._lock_file = lock_file
        try:
            with _jvm_thread():
                self.endpoint = self._start_server()
        except BaseException:
            self._release()
            raise
        return self.endpoint

    def _attach(self, wait: float) -> BoltEndpoint:
        """Connect to the store another process owns, waiting while it starts."""
        deadline = time.monotonic() + wait
        while True:
            with contextlib.suppress(FileNotFoundError, ValueError, KeyError):
                state = json.loads(self.state_path.read_text())
                if _port_open(int(state["bolt_port"])):
                    log.info("data directory %s is owned by process %s; connecting to it over Bolt",
                             self.data_dir, state.get("pid"))
                    return BoltEndpoint(f"bolt://127.0.0.1:{state['bolt_port']}", ROOT_USER,
                                        self._credentials(), owner=False)
            if time.monotonic() > deadline:
                raise StoreLocked(
                    f"the embedded store in {self.data_dir} is locked by another process that does not answer "
                    "on Bolt; stop that process (or wait for it to finish starting) and try again"
                )
            time.sleep(0.25)

    def _start_server(self) -> BoltEndpoint:
        log_dir = self.data_dir / "log"
        log_dir.mkdir(exist_ok=True)
        # Deferred import: the JVM is only loaded by the process that owns the store.
        import jpype
        from arcadedb_embedded.jvm import start_jvm
        from arcadedb_embedded.server import ArcadeDBServer

        if not jpype.isJVMStarted():
            # One JVM per process, configured by the first store it starts. Its console gets warnings and
            # worse only; the engine's detail goes to the log directory of the data directory.
            jul_config = log_dir / "jul-logging.properties"
            jul_config.write_text(
                "handlers=java.util.logging.ConsoleHandler\n"
                f".level={_JUL_LEVELS.get(self.log_level, 'WARNING')}\n"
                "java.util.logging.ConsoleHandler.level=WARNING\n"
            )
            # -Xrs: leave SIGINT/SIGTERM to Python, so our handlers stop the server cleanly.
            start_jvm(heap_size=self.heap, jvm_args=["-Xrs", *JIT_FLAGS[self.jit],
                                                     f"-Djava.util.logging.config.file={jul_config}"])
        password = self._credentials()
        bolt_port, http_port = _free_port(), _free_port()
        t0 = time.perf_counter()
        server = ArcadeDBServer(
            root_path=str(self.data_dir / "arcadedb"),
            root_password=password,
            config={
                "host": "127.0.0.1",
                "http_port": http_port,
                "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
                "bolt_port": bolt_port,
                "bolt_host": "127.0.0.1",
                "server_logsDirectory": str(log_dir),
                "serverMetrics": False,
                "backup_enabled": False,
            },
        )
        try:
            server.start()
        except Exception as e:
            raise StoreUnavailable(f"the embedded store could not start in {self.data_dir}: {e}") from e
        self._server = server
        log.info("embedded store started in %.1fs (Bolt 127.0.0.1:%d)", time.perf_counter() - t0, bolt_port)
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"pid": os.getpid(), "bolt_port": bolt_port, "http_port": http_port}))
        tmp.replace(self.state_path)
        return BoltEndpoint(f"bolt://127.0.0.1:{bolt_port}", ROOT_USER, password, owner=True)

    def ensure_database(self, name: str) -> None:
        """Create a database if it does not exist, with the full-text index (owner process only)."""
        if self._server is None:
            return
        with _jvm_thread():
            db = self._server.create_database(name)
            for sql in ARCADEDB.fulltext_sql:
                db.command("sql", sql)

    def drop_database(self, name: str) -> None:
        if self._server is None:
            return
        with _jvm_thread(), contextlib.suppress(Exception):
            self._server.get_database(name).drop()

    def stop(self) -> None:
        if self._server is not None:
            try:
                with _jvm_thread():
                    java_server = self._server._java_server
                    self._server.stop()
                    _close_bolt_connections(java_server)
                log.info("embedded store stopped")
            finally:
                self._server = None
                with contextlib.suppress(FileNotFoundError):
                    self.state_path.unlink()
        self._release()

    def _release(self) -> None:
        if self._lock_file is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            self._lock_file.close()
            self._lock_file = None
