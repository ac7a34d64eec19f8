"""A strict, safe YAML reader that remembers where every value came from.

PyYAML's safe loader still accepts things a knowledge file must never hold:
duplicate keys (the last silently wins), aliases (a few lines can expand into
billions of nodes), and custom tags. We read PyYAML's event stream and build plain
Python values ourselves, rejecting all of the above and recording the line of every
value so validation errors can point at ``file:line``.

The values are built from events, in one loop with an explicit stack, rather than from
the node tree of ``yaml.compose``: libyaml's composer recurses once per nesting level,
so a file of a few hundred thousand ``[`` overflowed the C stack (a segfault), and its
scanner slows down quadratically with flow depth (~50 s for 100,000 ``[``). Reading
events stops at the first value nested deeper than MAX_DEPTH, after a few dozen tokens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from baclofen_cli.core.errors import KnowledgeFileError

Path = tuple[str | int, ...]

MAX_DEPTH = 40
# The shipped file holds ~7,600 values. Past this many, reading stops: with the 2 MB size
# limit alone, a file of tiny values took seconds to read and to list problems for.
MAX_VALUES = 100_000
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
# Dates stay text: the schema stores them as ISO strings.
_TEXT_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary"}
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str, filename: str) -> tuple[Any, dict[Path, int]]:
    """Parse YAML text into plain values plus a map from value path to 1-based line."""
    loader = _Loader(text)
    builder = _Builder(filename, loader)
    try:
        value = builder.build()
    except yaml.reader.ReaderError as exc:
        # A character YAML does not allow (a raw escape or control character): one line, with where it is.
        character = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        where = text.find(character)
        line = text.count("\n", 0, where) + 1 if where >= 0 else None
        what = f"U+{ord(character):04X}" if len(character) == 1 else repr(character)
        # Our own words, not the reader's: its wording changes between PyYAML and libyaml versions.
        raise KnowledgeFileError(
            filename, f"invalid YAML: the character {what} is not allowed (a knowledge file is plain text)", line
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        if mark is not None and _flow_depth(text, mark.index) > MAX_DEPTH:
            # Newer libyaml scans ahead and stops deep flow nesting itself, before our own
            # depth check sees the events: say it the same way whichever check spoke first.
            raise KnowledgeFileError(filename, f"nested more than {MAX_DEPTH} levels deep", line) from None
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        raise KnowledgeFileError(filename, f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise KnowledgeFileError(filename, "invalid YAML: " + " ".join(str(exc).split())) from None
    finally:
        loader.dispose()
    return value, builder.lines


def _flow_depth(text: str, end: int) -> int:
    """How many flow collections ([ or {) are open at `end`: enough to recognise runaway nesting
    after a parse error (quotes and comments are not tracked; it only picks the message)."""
    head = text[:end]
    return head.count("[") + head.count("{") - head.count("]") - head.count("}")


class _Open:
    """A mapping or list being filled, and where it sits."""

    __slots__ = ("value", "path", "key")

    def __init__(self, value: dict[str, Any] | list[Any], path: Path) -> None:
        self.value, self.path = value, path
        # In a mapping: the key whose value comes next (None: the next scalar is a key).
        self.key: str | None = None


class _Builder:
    def __init__(self, filename: str, loader: Any) -> None:
        self.filename = filename
        self.loader = loader
        self.lines: dict[Path, int] = {}
        self.constructor = yaml.constructor.SafeConstructor()

    def fail(self, event: yaml.Event, message: str, path: Path) -> KnowledgeFileError:
        return KnowledgeFileError(self.filename, message, _line(event), format_path(path) or None)

    def build(self) -> Any:
        """The one document's value (None for a file with no document)."""
        get = self.loader.get_event
        get()  # StreamStartEvent
        event = get()
        if isinstance(event, yaml.StreamEndEvent):
            raise KnowledgeFileError(self.filename, "the file has no content")
        value = self._document()
        event = get()  # DocumentEndEvent
        event = get()
        if not isinstance(event, yaml.StreamEndEvent):
            raise KnowledgeFileError(
                self.filename, "invalid YAML: only one document is allowed (a second '---' starts another)",
                _line(event),
            )
        return value

    def _document(self) -> Any:
        get, resolve = self.loader.get_event, self.loader.resolve
        stack: list[_Open] = []
        count = 0
        while True:
            event = get()
            top = stack[-1] if stack else None
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                done = stack.pop()
                value: Any = done.value
                if not stack:
                    return value
                self._attach(stack[-1], value)
                continue
            if top is not None and isinstance(top.value, dict) and top.key is None:
                # A key: plain text only.
                if not isinstance(event, yaml.ScalarEvent) or _tag(event, resolve) == _MERGE_TAG:
                    raise self.fail(event, "keys must be plain text (no merge keys or complex keys)", top.path)
                if event.tag not in (None, "!", *_SCALAR_TAGS):
                    raise self.fail(event, f"the tag {event.tag!r} is not allowed", top.path)
                key = event.value
                if key in top.value:
                    raise self.fail(event, f"duplicate key {key!r}", top.path)
                top.key = key
                self.lines[(*top.path, key)] = _line(event)
                continue
            if top is None:
                path: Path = ()
            else:
                path = (*top.path, top.key if isinstance(top.value, dict) else len(top.value))  # type: ignore[arg-type]
            if isinstance(event, yaml.AliasEvent):
                raise self.fail(event, "anchors and aliases (& and *) are not allowed in a knowledge file", path)
            count += 1
            if count > MAX_VALUES:
                too_many = f"the file has more than {MAX_VALUES:,} values; a knowledge file needs far fewer"
                raise self.fail(event, too_many, ())
            if len(stack) > MAX_DEPTH:
                # No field path: it would be MAX_DEPTH parts long.
                raise self.fail(event, f"nested more than {MAX_DEPTH} levels deep", ())
            self.lines.setdefault(path, _line(event))
            tag = _tag(event, resolve)
            if isinstance(event, yaml.MappingStartEvent):
                if tag != _MAP_TAG:
                    raise self.fail(event, f"the tag {tag!r} is not allowed", path)
                stack.append(_Open({}, path))
                continue
            if isinstance(event, yaml.SequenceStartEvent):
                if tag != _SEQ_TAG:
                    raise self.fail(event, f"the tag {tag!r} is not allowed", path)
                stack.append(_Open([], path))
                continue
            value = self._scalar(event, tag, path)
            if top is None:
                return value
            self._attach(top, value)

    @staticmethod
    def _attach(parent: _Open, value: Any) -> None:
        if isinstance(parent.value, dict):
            parent.value[parent.key] = value  # type: ignore[index]
            parent.key = None
        else:
            parent.value.append(value)

    def _scalar(self, event: yaml.ScalarEvent, tag: str, path: Path) -> Any:
        if tag in _TEXT_TAGS:
            return event.value
        if tag not in _SCALAR_TAGS:
            raise self.fail(event, f"the tag {tag!r} is not allowed", path)
        # The C parser's marks are yaml._yaml.Mark: the same fields as yaml.Mark, another class in the stubs.
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]
        try:
            return self.constructor.yaml_constructors[tag](self.constructor, node)
        except (yaml.YAMLError, ValueError) as exc:
            raise self.fail(event, f"bad value: {exc}", path) from None


def _line(event: yaml.Event) -> int:
    """The event's line, counted from 1 (every event the parser makes has a mark)."""
    return event.start_mark.line + 1 if event.start_mark is not None else 0


def _tag(event: Any, resolve: Callable[..., str]) -> str:
    """The event's tag, resolved the way PyYAML's composer does for untagged values."""
    tag = event.tag
    if tag is not None and tag != "!":
        return str(tag)
    if isinstance(event, yaml.ScalarEvent):
        return resolve(yaml.ScalarNode, event.value, event.implicit)
    kind = yaml.MappingNode if isinstance(event, yaml.MappingStartEvent) else yaml.SequenceNode
    return resolve(kind, None, event.implicit)


def format_path(path: Path) -> str:
    """`topics[0].title`. A key that is empty or holds a control character is shown quoted,
    `ask.synonyms['\\x1b[2J']`, so a path is always one visible line."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not part or not part.isprintable():
            out += f"[{part!r}]"
        else:
            out += f".{part}" if out else part
    return out


def line_for(lines: dict[Path, int], path: Path) -> int | None:
    """The line of `path`, or of its nearest ancestor that has one."""
    while True:
        if path in lines:
            return lines[path]
        if not path:
            return None
        path = path[:-1]
