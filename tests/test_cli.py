"""The `kg` command end to end, in subprocesses, each with its own embedded store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def kg(*args: str, data_dir: Path, timeout: int = 300, env: dict[str, str] | None = None
       ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KG_DATA_DIR": str(data_dir), "KG_LOG_LEVEL": "WARNING", "COLUMNS": "200", **(env or {})}
    env.pop("KG_NEO4J_URI", None)
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_load_reports_bad_files_and_export_writes_json_and_graphml(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (docs / "bad-utf8.txt").write_bytes(b"Almaty \xff\xfe Kazakhstan")
    (docs / "article.txt").write_text(
        "title: Test\ndate: 2024-06-12\n\nDoosan Enerbility is constructing a power plant in Turkestan.\n")
    data = tmp_path / "data"
    out = kg("load", str(docs), str(tmp_path / "missing.txt"), data_dir=data)
    assert out.returncode == 1, out.stderr  # a missing path is an error, but the rest still loads
    report = out.stderr
    assert "documents loaded" in report and "skipped files" in report
    for name in ("empty.txt", "binary.txt", "bad-utf8.txt", "missing.txt"):
        assert name in report, report
    assert "relationships" in report and "  BUILDS" in report and "entities" in report

    again = kg("load", str(docs / "article.txt"), data_dir=data)
    assert again.returncode == 0, again.stderr
    assert "documents unchanged" in again.stderr

    json_path, graphml_path = tmp_path / "g.json", tmp_path / "g.graphml"
    assert kg("export", "--format", "json", "--output", str(json_path), data_dir=data).returncode == 0
    assert kg("export", "--format", "graphml", "--output", str(graphml_path), data_dir=data).returncode == 0
    graph = json.loads(json_path.read_text())
    ids = {n["id"] for n in graph["nodes"]}
    builds = [e for e in graph["edges"] if e["type"] == "BUILDS"]
    assert builds and builds[0]["source"] in ids and builds[0]["target"] in ids
    assert "constructing a power plant in Turkestan" in builds[0]["evidence"][0]["sentence"]
    root = ET.parse(graphml_path).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == len(graph["nodes"])
    assert len(root.findall(".//g:edge", ns)) >= len(builds)

    # CSV for spreadsheets, read back: every node once; every edge once per piece of evidence (or once without)
    import csv

    out = kg("export", "--format", "csv", "--output", str(tmp_path / "csv"), data_dir=data)
    assert out.returncode == 0, out.stderr
    with (tmp_path / "csv" / "nodes.csv").open(encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with (tmp_path / "csv" / "edges.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted(n["id"] for n in nodes) == sorted(ids)
    assert len(rows) == sum(max(1, len(e["evidence"])) for e in graph["edges"])
    assert {r["id"] for r in rows} == {e["id"] for e in graph["edges"]}
    built = next(r for r in rows if r["type"] == "BUILDS")
    assert built["id"] == f"{built['source']}|BUILDS|{built['target']}"
    assert "constructing a power plant in Turkestan" in built["evidence_sentence"]
    assert built["evidence_rule"] and 0 < float(built["evidence_confidence"]) <= 1 and built["confidence"]
    assert kg("export", "--format", "csv", "--output", str(json_path), data_dir=data).returncode == 2


def test_bad_settings_are_reported_not_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "KG_PORT": "not-a-port"}
    out = subprocess.run([sys.executable, "-m", "kg", "load"], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 2
    assert "bad settings" in out.stderr and "Traceback" not in out.stderr


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_explicit_port_that_is_taken_is_an_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        for args, env_port in (([ "--port", str(port)], None), ([], str(port))):
            env = {**os.environ, "KG_DATA_DIR": str(tmp_path / "data"), "KG_LOG_LEVEL": "WARNING", "COLUMNS": "200"}
            env.pop("KG_NEO4J_URI", None)
            env.pop("KG_PORT", None)
            if env_port:
                env["KG_PORT"] = env_port
            out = subprocess.run([sys.executable, "-m", "kg", "serve", *args], cwd=ROOT, env=env,
                                 capture_output=True, text=True, timeout=60)
            assert out.returncode == 1, out.stderr
            assert f"port {port}" in out.stderr and "already in use" in out.stderr
            assert "Traceback" not in out.stderr and "serving" not in out.stderr
    assert not (tmp_path / "data" / "store.json").exists()  # refused before the store was opened


def test_serve_stops_cleanly_on_sigterm_and_sigint_and_keeps_data(tmp_path: Path) -> None:
    import signal
    import time
    import urllib.request

    doc = tmp_path / "a.txt"
    doc.write_text("Samsung C&T is building a power plant in Balkhash, Kazakhstan.\n")
    data = tmp_path / "data"
    assert kg("load", str(doc), data_dir=data).returncode == 0
    for sig in (signal.SIGTERM, signal.SIGINT):
        port = _free_port()
        env = {**os.environ, "KG_DATA_DIR": str(data), "KG_LOG_LEVEL": "WARNING", "KG_PORT": str(port)}
        env.pop("KG_NEO4J_URI", None)
        proc = subprocess.Popen([sys.executable, "-m", "kg", "serve"], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/ready", timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()[1]
                time.sleep(0.5)
            assert (data / "store.json").exists()
            proc.send_signal(sig)
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
        # uvicorn re-raises the signal after its graceful shutdown: 128 + SIGTERM, or 130 for Ctrl-C
        assert proc.returncode in (0, 130, 143), proc.stderr.read() if proc.stderr else ""
        assert not (data / "store.json").exists()  # the embedded store was closed, not abandoned
    out = tmp_path / "g.json"
    assert kg("export", "--output", str(out), data_dir=data).returncode == 0
    assert any(e["type"] == "BUILDS" for e in json.loads(out.read_text())["edges"])
