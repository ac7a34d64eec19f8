"""Placeholder: the interactions issue replaces this with name resolution."""


def build_index(kb):  # noqa: ANN001, ANN201
    return {}
