"""One package per feature: its engine, view, renderers and command."""
