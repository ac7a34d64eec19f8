"""Thin Typer commands: read options, call the model/search code, hand a view to a renderer."""
