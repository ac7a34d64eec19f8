"""Renderers: the same views drawn as plain text (pipes) or with Rich (terminals)."""
