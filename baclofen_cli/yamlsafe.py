"""A strict, safe YAML reader that remembers where every value came from.

PyYAML's safe loader still accepts things a knowledge file must never hold:
duplicate keys (the last silently wins), aliases (a few lines can expand into
billions of nodes), and custom tags. We let PyYAML compose the node tree (cheap:
aliases stay shared references there), then build plain Python values ourselves,
rejecting all of the above and recording the line of every value so validation
errors can point at ``file:line``.
"""

from __future__ import annotations

from typing import Any

import yaml

from baclofen_cli.errors import KnowledgeFileError

Path = tuple[str | int, ...]

MAX_DEPTH = 40
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
# Dates stay text: the schema stores them as ISO strings.
_TEXT_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary"}
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str, filename: str) -> tuple[Any, dict[Path, int]]:
    """Parse YAML text into plain values plus a map from value path to 1-based line."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise KnowledgeFileError(filename, f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise KnowledgeFileError(filename, f"invalid YAML: {exc}") from None
    if root is None:
        raise KnowledgeFileError(filename, "the file has no content")
    builder = _Builder(filename)
    return builder.build(root, (), 0), builder.lines


class _Builder:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.lines: dict[Path, int] = {}
        self.seen: set[int] = set()
        self.constructor = yaml.constructor.SafeConstructor()

    def fail(self, node: yaml.Node, message: str, path: Path) -> KnowledgeFileError:
        return KnowledgeFileError(self.filename, message, node.start_mark.line + 1, format_path(path) or None)

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        if id(node) in self.seen:
            raise self.fail(node, "anchors and aliases (& and *) are not allowed in a knowledge file", path)
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise self.fail(node, f"nested more than {MAX_DEPTH} levels deep", path)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                raise self.fail(node, f"the tag {node.tag!r} is not allowed", path)
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                    raise self.fail(key_node, "keys must be plain text (no merge keys or complex keys)", path)
                key = key_node.value
                if key in result:
                    raise self.fail(key_node, f"duplicate key {key!r}", path)
                self.lines[(*path, key)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, (*path, key), depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.fail(node, f"the tag {node.tag!r} is not allowed", path)
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if node.tag in _TEXT_TAGS:
            return node.value
        if node.tag not in _SCALAR_TAGS:
            raise self.fail(node, f"the tag {node.tag!r} is not allowed", path)
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            raise self.fail(node, f"bad value: {exc}", path) from None


def format_path(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def line_for(lines: dict[Path, int], path: Path) -> int | None:
    """The line of `path`, or of its nearest ancestor that has one."""
    while True:
        if path in lines:
            return lines[path]
        if not path:
            return None
        path = path[:-1]
