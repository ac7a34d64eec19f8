"""Placeholder: the ask issue replaces this with ranking."""


def build_index(kb):  # noqa: ANN001, ANN201
    return {}
