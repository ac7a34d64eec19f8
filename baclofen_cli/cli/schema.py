"""`baclofen schema`: the JSON Schema of knowledge files, for editors' completion and hover help."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from baclofen_cli.core.state import AppState


def schema(app_state: AppState) -> None:
    """Print the JSON Schema that knowledge files follow."""
    from baclofen_cli.core.loader import default_path

    # The published file, shipped beside the knowledge file: reading it is faster than
    # generating it from the model, and a test keeps the two equal.
    sys.stdout.write((default_path().parent / "schema.json").read_text(encoding="utf-8"))
