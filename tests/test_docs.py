"""The README stays true: every setting, `kg` subcommand and API route is documented there."""

from __future__ import annotations

from pathlib import Path

from graph.settings import Settings
from kg.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    for name in Settings.model_fields:
        assert f"`KG_{name.upper()}`" in README, name


def test_every_cli_command_is_documented() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for command in sub.choices:  # type: ignore[union-attr]
        assert f"kg {command}" in README, command


def test_every_api_route_is_documented() -> None:
    from api.app import create_app

    for path, ops in create_app().openapi()["paths"].items():
        for method in ops:
            assert f"{method.upper()} {path}" in README, (method, path)


def test_every_query_parameter_of_a_get_route_is_in_its_readme_row() -> None:
    """The route table names each GET route's query parameters as the schema does (old names fail here)."""
    from api.app import create_app

    rows = [line for line in README.splitlines() if line.startswith("| `GET /api/v1/")]
    for path, ops in create_app().openapi()["paths"].items():
        get = ops.get("get")
        if not get:
            continue
        row = next(r for r in rows if f"GET {path}`" in r or f"GET {path}?" in r)
        part = row.split(f"GET {path}", 1)[1].split("`", 1)[0]
        named = {p.split("=")[0] for p in part.lstrip("?").split("&") if p}
        params = {p["name"] for p in get.get("parameters", []) if p["in"] == "query"}
        assert named == params, (path, named ^ params)


def test_readme_commands_are_the_ones_ci_runs() -> None:
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()
    assert "make test" in ci and "make lint" in ci
    assert "make run" in README and "make test" in README
