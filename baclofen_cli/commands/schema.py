"""`baclofen schema`: the JSON Schema of knowledge files, for editors' completion and hover help."""

from __future__ import annotations

import typer


def schema() -> None:
    """Print the JSON Schema that knowledge files follow (point your editor at it).

    Example: baclofen schema > baclofen.schema.json
    """
    from baclofen_cli.loader import default_path

    # The published file, shipped beside the knowledge file: reading it is faster than
    # generating it from the model, and a test keeps the two equal.
    typer.echo((default_path().parent / "schema.json").read_text(encoding="utf-8"), nl=False)


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="For content editors")(schema)
