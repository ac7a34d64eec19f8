"""The handout's output formats, and the file name endings that ask for each."""

from __future__ import annotations

from baclofen_cli.features.handout.html import render_html
from baclofen_cli.features.handout.markdown import render_markdown
from baclofen_cli.features.handout.text import render_text

FORMATS = {"md": render_markdown, "txt": render_text, "html": render_html}
# A file name's ending -> the format it asks for (`-o handout.html` writes HTML).
EXTENSIONS = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".txt": "txt", ".text": "txt"}
