"""One problem found in a knowledge file: its BCL code, message and place, and how serious it is.

Its own module so that every rule module (checks, checks_sources, checks_safety, checks_situations)
can make problems without importing the module that runs them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from baclofen_cli.core.checks.sources import ADVISORY_CODES as SOURCE_ADVISORY_CODES
from baclofen_cli.core.checks.sources import WARNING_CODES
from baclofen_cli.core.yamlsafe import Path, format_path

ADVISORY_CODES = frozenset({"BCL003", "BCL030"}) | SOURCE_ADVISORY_CODES


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    path: Path = ()
    line: int | None = None

    @property
    def is_error(self) -> bool:
        """Advisories (an uncited source) fail `validate` but do not stop the file loading."""
        return self.code not in ADVISORY_CODES and not self.is_warning

    @property
    def is_warning(self) -> bool:
        return self.code in WARNING_CODES

    @property
    def field(self) -> str:
        return format_path(self.path)
