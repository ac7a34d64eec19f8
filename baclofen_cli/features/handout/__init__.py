"""A printable handout: one structured view of the chosen topics, drawn as Markdown, plain text or HTML.

The handout is built from the knowledge model, never from terminal output, so the
terminal's width, colours or encoding never change it. Every piece of text from the
knowledge file is cleaned of control characters, and escaped for the format it goes
into (HTML entities, Markdown backslashes), so a clinic's file cannot inject markup.
"""
