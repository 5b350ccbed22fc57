"""The embedded default store: ArcadeDB run in this process as a server with its Bolt plugin on 127.0.0.1.

One process owns a data directory at a time (an exclusive lock on `store.lock`). The owner writes
`store.json` naming its Bolt port; a second process finds the lock taken, reads that file and connects to the
running store over Bolt instead of opening the files itself.

Ownership moves: when an attached process loses its connection it looks again (`follow`): a restarted owner is
followed to its port, and an owner that is gone is replaced, after `wait` seconds, by the process that takes the
lock first. An owner that stops cleanly removes `store.json`; one that died leaves it behind, which is how the
others tell a stop from a crash. The owner keeps its ports in `ports.json` and takes the same ones again when it
(or its successor) starts, while they are free, so a driver dialling the old address reaches the new owner.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
import secrets
import shutil
import socket
import time
from collections.abc import Callable, Iterator
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
# Below this much free space on its disk, a failed write is put down to a full disk (the engine's own error, an
# IOException in its write-ahead log, does not reach the driver).
LOW_DISK_BYTES = 16 * 1024 * 1024
JIT_FLAGS: dict[str, tuple[str, ...]] = {"full": (), "quick": ("-XX:TieredStopAtLevel=1",)}


def _reserved_ports() -> set[int]:
    """Ports the store must leave alone: the one `kg serve` is about to serve the API on (KG_API_PORT, set by the
    serve command in its own process), which the OS may just as well hand out as a free port, or which the store
    may remember as its own from a run before."""
    try:
        return {int(os.environ["KG_API_PORT"])}
    except (KeyError, ValueError):
        return set()


def _free_port() -> int:
    reserved = _reserved_ports()
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port not in reserved:
            return port


def _bindable(port: int) -> bool:
    """Could a server listen on this loopback port now? Bound as servers bind (SO_REUSEADDR), so the connections
    of an owner that just stopped, left in TIME-WAIT, do not count as taking it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


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


def _unusable(data_dir: Path, e: OSError, *, name_file: bool = True) -> str:
    """One line that says why a data directory cannot be used."""
    what = {errno.EROFS: "is on a read-only file system", errno.ENOSPC: "is on a full disk",
            errno.EDQUOT: "is over its disk quota", errno.EACCES: "is not writable by this user",
            errno.EPERM: "is not writable by this user"}.get(e.errno or 0, "cannot be used")
    where = f" ({e.filename})" if name_file and e.filename and Path(str(e.filename)) != data_dir else ""
    return f"the data directory {data_dir} {what}: {e.strerror or e}{where}"


def _write_json(path: Path, value: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(value))
    tmp.replace(path)


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

    @property
    def ports_path(self) -> Path:
        return self.data_dir / "ports.json"

    def _credentials(self) -> str:
        path = self.data_dir / "credentials.json"
        try:
            if path.exists():
                return str(json.loads(path.read_text())["password"])
            password = secrets.token_urlsafe(24)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                json.dump({"user": ROOT_USER, "password": password}, f)
        except OSError as e:
            raise StoreUnavailable(_unusable(self.data_dir, e)) from e
        return password

    def _ports(self) -> tuple[int, int]:
        """The Bolt and HTTP ports of the last owner when they are free now (attached drivers dial the same
        address after a restart), else free ones."""
        try:
            last = json.loads(self.ports_path.read_text())
            bolt, http = int(last["bolt_port"]), int(last["http_port"])
        except (OSError, ValueError, KeyError, TypeError):
            return _free_port(), _free_port()
        reserved = _reserved_ports()
        bolt = bolt if bolt != http and bolt not in reserved and _bindable(bolt) else _free_port()
        http = http if http != bolt and http not in reserved and _bindable(http) else _free_port()
        return bolt, http

    def start(self, wait_for_owner: float = 60.0) -> BoltEndpoint:
        """Own the data directory (start the server) when nobody does, else attach to the owner, waiting up to
        `wait_for_owner` seconds while it starts."""
        return self._settle(gone_wait=0.0, take_over=lambda crashed: True, starting_wait=wait_for_owner)

    def follow(self, *, wait: float, after_crash: bool, starting_wait: float = 60.0) -> BoltEndpoint:
        """Where is the store now? Called by an attached process whose connection failed. A live owner (the same,
        or one that restarted, perhaps on another port) is attached to. An owner that is gone is waited for up to
        `wait` seconds; then this process takes over as owner, unless the owner died (it left `store.json` behind)
        and `after_crash` is False: then StoreUnavailable says so."""
        return self._settle(gone_wait=wait, take_over=lambda crashed: after_crash or not crashed,
                            starting_wait=starting_wait)

    def _settle(self, *, gone_wait: float, take_over: Callable[[bool], bool], starting_wait: float) -> BoltEndpoint:
        """One loop for starting and following: take the lock when it is free (after `gone_wait` seconds of its
        being free, and if `take_over` allows it), else attach to the process holding it once it answers on Bolt."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreUnavailable(_unusable(self.data_dir, e)) from e
        gone_since: float | None = None
        held_since: float | None = None
        while True:
            now = time.monotonic()
            lock_file = self._try_lock()
            if lock_file is not None:
                held_since = None
                gone_since = now if gone_since is None else gone_since
                state = self.read_state()  # left behind: the last owner died instead of stopping
                crashed = state is not None
                if now - gone_since >= gone_wait and take_over(crashed):
                    self._lock_file = lock_file
                    try:
                        self._writable()
                        with _jvm_thread():
                            self.endpoint = self._start_server()
                    except BaseException:
                        self._release()
                        raise
                    return self.endpoint
                fcntl.flock(lock_file, fcntl.LOCK_UN)
                lock_file.close()
                if now - gone_since >= gone_wait:
                    owner = f"process {state.get('pid')}" if state else "its owner"
                    raise StoreUnavailable(
                        f"the embedded store in {self.data_dir} has no owner: {owner} "
                        f"{'died' if crashed else 'stopped'} and none came back within {gone_wait:g} s"
                    )
            else:
                gone_since = None
                held_since = now if held_since is None else held_since
                state = self.read_state()
                if state is not None and _port_open(int(state["bolt_port"])):
                    log.info("data directory %s is owned by process %s; connecting to it over Bolt",
                             self.data_dir, state.get("pid"))
                    self.endpoint = BoltEndpoint(f"bolt://127.0.0.1:{state['bolt_port']}", ROOT_USER,
                                                 self._credentials(), owner=False)
                    return self.endpoint
                if now - held_since > starting_wait:
                    raise StoreLocked(
                        f"the embedded store in {self.data_dir} is locked by another process that does not answer "
                        "on Bolt; stop that process (or wait for it to finish starting) and try again"
                    )
            time.sleep(0.2)

    def _writable(self) -> None:
        """The data directory exists and takes files; else one clear StoreUnavailable (read-only, full, no
        permission), not a traceback from deep inside the engine."""
        try:
            probe = self.data_dir / f".write-check-{os.getpid()}"
            try:
                with open(probe, "w") as f:
                    f.write("ok")
                    f.flush()
                    os.fsync(f.fileno())
            finally:
                with contextlib.suppress(OSError):
                    probe.unlink()
        except OSError as e:
            raise StoreUnavailable(_unusable(self.data_dir, e, name_file=False)) from e

    def diagnose(self) -> str | None:
        """After a write failed: is the data directory the cause (read-only, full)? One line saying so, or None."""
        try:
            self._writable()
            free = shutil.disk_usage(self.data_dir).free
        except StoreUnavailable as e:
            return str(e)
        except OSError:
            return None
        if free < LOW_DISK_BYTES:
            return f"the data directory {self.data_dir} is on a full disk: {free // 1024} kB free"
        return None

    def _try_lock(self) -> Any:
        """The lock file, locked by this process; None when another process holds it. A process that may not
        write the directory still finds the owner this way (a lock is taken on a file opened for reading too)."""
        path = self.data_dir / "store.lock"
        try:
            lock_file = open(path, "a+")  # noqa: SIM115 - held for the process's life
        except OSError as e:
            try:
                lock_file = open(path)  # noqa: SIM115
            except OSError:
                raise StoreUnavailable(_unusable(self.data_dir, e)) from e
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock_file.close()
            return None
        return lock_file

    def current_owner(self) -> BoltEndpoint | None:
        """The live owner's endpoint when one holds the data directory and answers on the port it recorded."""
        state = self.read_state()
        if state is None or not _port_open(int(state["bolt_port"])):
            return None
        lock_file = self._try_lock()
        if lock_file is not None:  # nobody holds it: the record is a dead owner's
            fcntl.flock(lock_file, fcntl.LOCK_UN)
            lock_file.close()
            return None
        return BoltEndpoint(f"bolt://127.0.0.1:{state['bolt_port']}", ROOT_USER, self._credentials(), owner=False)

    def read_state(self) -> dict[str, Any] | None:
        """The owner's record (store.json): pid and ports; None when there is none."""
        try:
            state = json.loads(self.state_path.read_text())
            int(state["bolt_port"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return state if isinstance(state, dict) else None

    def _start_server(self) -> BoltEndpoint:
        log_dir = self.data_dir / "log"
        try:
            log_dir.mkdir(exist_ok=True)
        except OSError as e:
            raise StoreUnavailable(_unusable(self.data_dir, e)) from e
        # Deferred import: the JVM is only loaded by the process that owns the store.
        import jpype
        from arcadedb_embedded.jvm import start_jvm

        if not jpype.isJVMStarted():
            # One JVM per process, configured by the first store it starts. Its console gets warnings and
            # worse only; the engine's detail goes to the log directory of the data directory.
            jul_config = log_dir / "jul-logging.properties"
            try:
                jul_config.write_text(
                    "handlers=java.util.logging.ConsoleHandler\n"
                    f".level={_JUL_LEVELS.get(self.log_level, 'WARNING')}\n"
                    "java.util.logging.ConsoleHandler.level=WARNING\n"
                    # A statement that fails goes back to its client, which reports it: the engine need not print
                    # it too (a writer retried after a conflict would fill the console with stack traces).
                    "com.arcadedb.bolt.level=SEVERE\n"
                )
            except OSError as e:
                raise StoreUnavailable(_unusable(self.data_dir, e)) from e
            # -Xrs: leave SIGINT/SIGTERM to Python, so our handlers stop the server cleanly.
            start_jvm(heap_size=self.heap, jvm_args=["-Xrs", *JIT_FLAGS[self.jit],
                                                     f"-Djava.util.logging.config.file={jul_config}"])
        password = self._credentials()
        bolt_port, http_port = self._ports()
        t0 = time.perf_counter()
        try:
            server = self._new_server(password, bolt_port, http_port, log_dir)
        except StoreUnavailable:
            if not self.ports_path.exists():
                raise
            # the kept ports were taken between our look and the server's bind: any free ones will do
            bolt_port, http_port = _free_port(), _free_port()
            server = self._new_server(password, bolt_port, http_port, log_dir)
        self._server = server
        log.info("embedded store started in %.1fs (Bolt 127.0.0.1:%d)", time.perf_counter() - t0, bolt_port)
        try:
            ports = {"bolt_port": bolt_port, "http_port": http_port}
            _write_json(self.ports_path, ports)
            _write_json(self.state_path, {"pid": os.getpid(), **ports})
        except OSError as e:
            self.stop()
            raise StoreUnavailable(_unusable(self.data_dir, e)) from e
        return BoltEndpoint(f"bolt://127.0.0.1:{bolt_port}", ROOT_USER, password, owner=True)

    def _new_server(self, password: str, bolt_port: int, http_port: int, log_dir: Path) -> Any:
        from arcadedb_embedded.server import ArcadeDBServer

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
            with contextlib.suppress(Exception):
                server.stop()
            raise StoreUnavailable(f"the embedded store could not start in {self.data_dir}: {e}") from e
        return server

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
