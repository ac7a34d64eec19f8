"""Errors the CLI turns into a one-line message and an exit code (never a traceback)."""

from __future__ import annotations


class BaclofenError(Exception):
    """Base class: a problem the user can fix, reported in one line."""

    exit_code = 2


class KnowledgeFileError(BaclofenError):
    """A knowledge file that cannot be read, parsed or validated."""

    def __init__(self, path: str, message: str, line: int | None = None, field: str | None = None):
        self.path, self.line, self.field, self.message = path, line, field, message
        where = show_path(path) if line is None else f"{show_path(path)}:{line}"
        what = f"{field}: {message}" if field else message
        super().__init__(f"{where}: {what}")


def show_path(path: str) -> str:
    """A file name as one visible line: a newline or escape code in it is shown escaped (\\n)."""
    return path if path.isprintable() else repr(path)[1:-1]


class UnknownTopicError(BaclofenError):
    pass


class OutputFileError(BaclofenError):
    pass
