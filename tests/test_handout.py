"""`baclofen handout`: formats, topic choice, safe file writing, escaping, and a real browser render."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from baclofen_cli.cli.spec import TOPIC_COMMANDS
from conftest import DATA_FILE, SMALL_FILE, invoke, read_yaml, run_cli, script_path

SEED_FACTS = Path(__file__).parent / "seed_facts.yaml"
READING_ORDER = list(TOPIC_COMMANDS)
# What the seed articles got right about staying safe, and the handout must say (as corrected).
KEY_SAFETY_FACTS = [
    r"never take a double dose",
    r"never stop baclofen suddenly",
    r"alcohol makes you even more sleepy",
    r"opioids?",
    r"slow breathing",
    r"two-tone alarm",
    r"1-800-222-1222",
    r"\b911\b",
    r"\b999\b",
    r"\b112\b",
    r"different strengths",
    r"do not drive",
]


def flat(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.fixture(scope="module")
def data() -> dict:
    return read_yaml(DATA_FILE)


class Page(HTMLParser):
    """Just enough HTML5 checking for our own output: balance, headings, ids, links, attributes."""

    VOID = {"meta", "link", "br", "hr", "img", "input", "source", "wbr", "area", "base", "col", "embed", "track"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[int, str]] = []
        self.ids: list[str] = []
        self.text: list[str] = []
        self.doctype = ""
        self._heading: list[str] | None = None
        self._in_style = False
        self.css = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.append(attributes["id"] or "")
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = []
        if tag == "style":
            self._in_style = True
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if "svg" not in self.stack:  # SVG (foreign content) may self-close; HTML elements may not
            self.errors.append(f"self-closing <{tag}/>")
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            self.errors.append(f"end tag for void element </{tag}>")
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> does not close <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.headings.append((int(tag[1]), " ".join("".join(self._heading).split())))
            self._heading = None
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.css += data
            return
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)

    def body_text(self) -> str:
        return flat(" ".join(self.text))


def parse(html_text: str) -> Page:
    page = Page()
    page.feed(html_text)
    page.close()
    return page


def handout(runner, *args: str) -> str:
    result = invoke(runner, ["handout", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


# --------------------------------------------------------------------------- contents

OFFICIAL = ["s1", "s2", "s8", "s17", "s28", "s30", "s31", "s33", "s37", "s64"]


@pytest.fixture
def official_file(tmp_path: Path) -> Path:
    """The small fixture (the shipped file's text, cut down: compiles in a fraction of the time)
    with some sources marked official, and actions on two topics (whatever content ships)."""
    data = read_yaml(SMALL_FILE)
    for source in data["sources"]:
        source["tier"] = "official" if source["id"] in OFFICIAL else "reference"
    for topic in data["topics"]:
        if topic["id"] in ("missed-dose", "stopping"):
            topic["actions"] = [
                {"text": f"First step of {topic['id']}.", "sources": ["s30"]},
                {"text": f"Second step of {topic['id']}.", "sources": ["s28", "s4"]},
            ]
    path = tmp_path / "official.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_the_default_is_the_short_leaflet_in_its_order(runner, data: dict) -> None:
    out = handout(runner)
    spec = data["handout"]
    assert out.startswith(f"# {spec['title']}\n")
    text = flat(out.replace("\\", ""))
    parts = [
        flat(spec["purpose"]["text"]),
        "emergency: get help now",
        flat(data["emergency"]["instruction"]["text"]),
        flat(spec["key_facts_heading"]),
        *[flat(p["text"]) for p in spec["key_facts"]],
        flat(spec["rules_heading"]),
        flat(spec["plan_heading"]),
        *[flat(f["label"]) for f in spec["plan"]],
        flat(data["disclaimer"]["text"]),
    ]
    positions = [text.index(part) for part in parts]
    assert positions == sorted(positions)
    assert f"Reviewed: {data['drug']['reviewed']}" in out
    # No chapters: the leaflet is not the booklet.
    for topic in data["topics"]:
        assert f"\n## {topic['title']}\n" not in out
    for sign in data["emergency"]["signs"]:
        assert flat(sign["text"]) in text


def test_the_leaflet_features_each_named_topics_step(official_file: Path) -> None:
    view = json.loads(run_cli(["--data", str(official_file), "handout", "--json"]).stdout)
    chosen = read_yaml(official_file)
    topics = {t["id"]: t for t in chosen["topics"]}
    steps = view["rules"]["steps"]
    assert [s["topic"] for s in steps] == [r["topic"] for r in chosen["handout"]["rules"]]
    for step, rule in zip(steps, chosen["handout"]["rules"], strict=True):
        topic = topics[rule["topic"]]
        n = rule.get("action", 1)
        expected = topic["actions"][n - 1] if len(topic.get("actions", [])) >= n else topic["summary"]
        assert step["text"] == expected["text"]
    assert steps[0]["text"] == "First step of missed-dose."  # a topic with actions gives its step, not its summary


def test_full_is_the_booklet_in_reading_order(runner, data: dict) -> None:
    out = handout(runner, "--full")
    assert out.startswith(f"# {data['handout']['full_title']}\n")
    titles = {t["id"]: t["title"] for t in data["topics"]}
    positions = [out.index(f"\n## {titles[topic_id]}\n") for topic_id in READING_ORDER]
    assert positions == sorted(positions)
    # Emergencies first: the box comes before the first topic; the tools, plan, disclaimer and sources close it.
    assert out.index("**Emergency: Get help now**") < positions[0]
    tools = [out.index(f"\n## {_md(tool['heading'])}\n") for tool in data["handout"]["tools"]]
    assert positions[-1] < tools[0] and tools == sorted(tools)
    assert tools[-1] < out.index(f"\n## {data['handout']['plan_heading']}\n") < out.index("\n## About this handout\n")
    assert flat(data["disclaimer"]["text"]) in flat(out)
    # The full emergency box once, on page 1: no per-topic copies of the signs.
    for sign in data["emergency"]["signs"]:
        assert flat(out).count(flat(sign["text"])) <= 2  # the box, and a topic that lists the same sign


def _md(text: str) -> str:
    return "".join("\\" + ch if ch in set("\\`*_[]<>&#|~!") else ch for ch in text)


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_every_statement_of_every_topic_is_in_the_booklet(runner, data: dict, fmt: str) -> None:
    out = handout(runner, "--full", "--format", fmt)
    text = parse(out).body_text() if fmt == "html" else flat(out.replace("\\", ""))
    typed = re.compile(r"(?i)\b(type|run|read one with)\b[:\s]+['\"`]?baclofen\b")
    for topic in data["topics"]:
        assert flat(topic["title"]) in text
        assert flat(topic["summary"]["text"]) in text
        statements = [*topic.get("actions", []), *[p for s in topic["sections"] for p in s["points"]]]
        for section in topic["sections"]:
            if all(typed.search(p["text"]) for p in section["points"]):
                continue
            assert flat(section["heading"]) in text
            if section.get("kind") in ("warning", "emergency"):
                # Marked with a word, not only a colour.
                assert flat(f"{section['kind']}: {section['heading']}") in text
        for statement in statements:
            if typed.search(statement["text"]):
                # Command-line text means nothing on paper.
                assert flat(statement["text"]) not in text, statement["text"]
            else:
                assert flat(statement["text"]) in text, statement["text"]
        if topic.get("talk_to_doctor") and not typed.search(topic["talk_to_doctor"]["text"]):
            assert flat(topic["talk_to_doctor"]["text"]) in text
    for sign in data["emergency"]["signs"]:
        assert flat(sign["text"]) in text
    for contact in data["emergency"]["contacts"]:
        assert contact["number"] in text
    # The print view keeps every interaction group's "What to do" line, as the screen does.
    for group in data["interactions"]["groups"]:
        assert flat(group["advice"]) in text, group["id"]
    assert "type 'baclofen" not in text and "type: baclofen" not in text


@pytest.mark.parametrize("fmt", ["txt", "html", "md"])
def test_the_seeds_key_safety_facts_are_in_the_booklet(runner, fmt: str) -> None:
    out = handout(runner, "--full", "--format", fmt)
    text = parse(out).body_text() if fmt == "html" else flat(out.replace("\\", ""))
    for pattern in KEY_SAFETY_FACTS:
        assert re.search(pattern, text), pattern
    # Every seed claim the content covers (tests/seed_facts.yaml) is in the printed booklet too.
    facts = [f for f in read_yaml(SEED_FACTS) if "phrase" in f]
    assert len(facts) > 100
    for fact in facts:
        assert flat(fact["phrase"]) in text, (fact["seed"], fact["n"], fact["phrase"])


def test_references_are_official_only_numbered_once_and_markers_only_with_sources(official_file: Path) -> None:
    args = ["--data", str(official_file), "handout", "--full"]
    view = json.loads(run_cli([*args, "--json"]).stdout)
    data = read_yaml(official_file)
    known = {s["id"]: s for s in data["sources"]}
    refs = view["references"]
    assert refs and [r["number"] for r in refs] == list(range(1, len(refs) + 1))
    assert all(known[r["id"]]["tier"] == "official" for r in refs)
    by_number = {r["number"]: r for r in refs}

    def statements():  # noqa: ANN202
        yield view["emergency"]["instruction"]
        yield from view["emergency"]["signs"]
        for topic in view["topics"]:
            yield topic["summary"]
            yield from topic["actions"]
            for section in topic["sections"]:
                yield from section["points"]
            if topic["talk_to_doctor"]:
                yield topic["talk_to_doctor"]
        yield view["disclaimer"]

    cited = set()
    for statement in statements():
        official = {i for i in statement["sources"] if known[i]["tier"] == "official"}
        assert {by_number[n]["id"] for n in statement["refs"]} == official
        cited |= set(statement["refs"])
    for picture in (p for t in view["topics"] for p in t["pictures"]):
        cited |= set(picture["refs"])
    for group in (g for t in view["topics"] for g in t["groups"]):
        cited |= set(group["refs"])
    for tool in view["tools"]:
        cited |= {n for s in [tool["intro"], *tool["points"]] if s for n in s["refs"]}
    if view["plan"]["intro"]:
        cited |= set(view["plan"]["intro"]["refs"])
    cited |= set(view["purpose"]["refs"]) | {n for p in view["key_facts"]["points"] for n in p["refs"]}
    assert cited == set(by_number)  # nothing listed that is never cited
    for ref in refs:
        assert ref["url"] == known[ref["id"]]["url"] and ref["title"] == known[ref["id"]]["title"]
    # Listed once, at the end, in every format; markers only with --sources.
    md = run_cli([*args, "--format", "md"]).stdout
    cited_md = run_cli([*args, "--format", "md", "--sources"]).stdout
    assert not re.search(r"\[\d+(, \d+)*\]", md.split("\n## Sources")[0])
    first = view["topics"][0]["summary"]
    assert first["refs"] and f"{_md(first['text'])} [{', '.join(map(str, first['refs']))}]" in cited_md
    for ref in refs:
        assert md.count(ref["url"]) == 1 and f"\n{ref['number']}. " in md
    page = parse(run_cli([*args, "--format", "html", "--sources"]).stdout)
    hrefs = [a.get("href") for tag, a in page.tags if tag == "a"]
    for ref in refs:
        assert f"ref-{ref['number']}" in page.ids and ref["url"] in hrefs
    assert not any(h.startswith("#ref-") for h in (a.get("href") or "" for tag, a in
                   parse(run_cli([*args, "--format", "html"]).stdout).tags if tag == "a"))


def test_json_is_the_structured_handout(runner, data: dict) -> None:
    view = json.loads(handout(runner, "--json", "--topics", "overdose,pump"))
    assert set(view) >= {"title", "reviewed", "language", "emergency", "topics", "disclaimer", "references"}
    assert view["reviewed"] == data["drug"]["reviewed"] and view["language"] == data["drug"]["language"]
    assert [t["id"] for t in view["topics"]] == ["overdose", "pump"]
    assert all(t["emergency_first"] for t in view["topics"])
    short = json.loads(handout(runner, "--json"))
    assert short["layout"] == "short" and "topics" not in short
    assert list(short).index("emergency") < list(short).index("key_facts") < list(short).index("rules")
    assert list(short).index("rules") < list(short).index("plan")


# --------------------------------------------------------------------------- topic choice


def test_topics_option_keeps_the_given_order_and_only_their_sources(official_file: Path, data: dict) -> None:
    base = ["--data", str(official_file), "handout", "--json"]
    full = json.loads(run_cli([*base, "--full"]).stdout)
    view = json.loads(run_cli([*base, "--topics", " Stopping , missed-dose,stopping"]).stdout)
    assert [t["id"] for t in view["topics"]] == ["stopping", "missed-dose"]
    assert view["layout"] == "booklet" and "tools" not in view
    assert {r["id"] for r in view["references"]} <= {r["id"] for r in full["references"]}
    one = json.loads(run_cli([*base, "--topics", "pump"]).stdout)
    assert 0 < len(one["references"]) < len(full["references"])
    titles = {t["id"]: t["title"] for t in data["topics"]}
    out = run_cli(["handout", "--format", "txt", "--topics", "storage"]).stdout
    assert titles["storage"].upper() in out and titles["missed-dose"].upper() not in out


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("missed-dose,nope", "unknown topic 'nope'"),
        ("stoping", "did you mean 'stopping'"),
        (",, ,", "no topic given"),
        ("bad\x1b[31m", "unknown topic 'bad'."),
    ],
)
def test_unknown_topics_exit_2_with_a_clear_message(value: str, expected: str) -> None:
    result = run_cli(["handout", "--topics", value])
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr
    assert result.stdout == ""


def test_unknown_format_exits_2() -> None:
    result = run_cli(["handout", "--format", "pdf"])
    assert result.returncode == 2 and "pdf" in result.stderr


def test_plain_text_never_depends_on_the_terminal() -> None:
    narrow = run_cli(["handout", "--format", "txt"], env={"COLUMNS": "20"})
    wide = run_cli(["handout", "--format", "txt"], env={"COLUMNS": "200", "FORCE_COLOR": "1"})
    assert narrow.returncode == wide.returncode == 0
    assert narrow.stdout == wide.stdout and "\x1b" not in wide.stdout
    for line in narrow.stdout.splitlines():
        assert len(line) <= 72 or "http" in line, line
    # No control characters at all except newlines: safe to print or paste anywhere.
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f]", narrow.stdout)


# --------------------------------------------------------------------------- writing files


def test_output_file_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "baclofen-handout.html"
    first = run_cli(["handout", "--format", "html", "-o", str(target)])
    assert first.returncode == 0, first.stderr
    assert first.stdout == "" and "Wrote" in first.stderr
    original = target.read_bytes()
    assert original.startswith(b"<!DOCTYPE html>")

    again = run_cli(["handout", "--format", "txt", "-o", str(target)])
    assert again.returncode == 2
    assert "already exists" in again.stderr and "--force" in again.stderr
    assert target.read_bytes() == original

    forced = run_cli(["handout", "--format", "txt", "--topics", "storage", "-o", str(target), "--force"])
    assert forced.returncode == 0, forced.stderr
    assert target.read_text(encoding="utf-8").startswith("BACLOFEN: A GUIDE")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baclofen-handout.html"]  # no temp files left


def test_output_file_gets_normal_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        result = run_cli(["handout", "-o", str(tmp_path / "h.md")])
    finally:
        os.umask(old)
    assert result.returncode == 0
    assert (tmp_path / "h.md").stat().st_mode & 0o777 == 0o644


def test_json_can_be_written_to_a_file(runner, tmp_path: Path) -> None:
    target = tmp_path / "handout.json"
    result = invoke(runner, ["handout", "--json", "--topics", "pump", "-o", str(target)])
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["topics"][0]["id"] == "pump"


def test_dash_means_the_screen(runner) -> None:
    assert handout(runner, "-o", "-", "--topics", "pump").startswith("# Baclofen")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("missing-folder/h.html", "does not exist"), (".", "is a folder"), ("", "the file name is empty")],
)
def test_bad_output_paths_exit_2_and_create_nothing(tmp_path: Path, name: str, expected: str) -> None:
    before = sorted(tmp_path.rglob("*"))
    result = run_cli(["handout", "-o", name], cwd=tmp_path)
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert sorted(tmp_path.rglob("*")) == before


def test_unwritable_folder_exits_2(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run_cli(["handout", "-o", str(locked / "h.md")])
    finally:
        locked.chmod(0o700)
    assert result.returncode == 2 and "permission denied" in result.stderr


@pytest.mark.parametrize("force", [False, True])
def test_a_failed_write_leaves_no_half_file(runner, tmp_path: Path, monkeypatch, force: bool) -> None:
    """A full disk while writing: a clear error, no partial file, and an existing file untouched."""
    import errno

    target = tmp_path / "h.html"
    if force:
        target.write_text("the old handout", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    args = ["handout", "--format", "html", "-o", str(target)] + (["--force"] if force else [])
    result = invoke(runner, args)
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr and "nothing was written" in result.stderr
    if force:
        assert target.read_text(encoding="utf-8") == "the old handout"
        assert [p.name for p in tmp_path.iterdir()] == ["h.html"]
    else:
        assert list(tmp_path.iterdir()) == []


def test_no_overwrite_holds_even_without_hard_links(tmp_path: Path, monkeypatch) -> None:
    """Some file systems have no link(): the file is still written whole, and never replaces another."""
    from baclofen_cli.core.files import write_atomically

    def no_links(src: str, dst: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "h.txt"
    write_atomically(target, b"first", overwrite=False, mode=0o666)
    assert target.read_bytes() == b"first"
    with pytest.raises(FileExistsError):
        write_atomically(target, b"second", overwrite=False)
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["h.txt"]


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    script = script_path()
    result = subprocess.run(
        f"'{script}' handout --format txt | head -n 1", shell=True, capture_output=True, text=True, timeout=30
    )
    assert result.stdout.startswith("BACLOFEN")
    assert "Traceback" not in result.stderr and "Broken pipe" not in result.stderr


# --------------------------------------------------------------------------- HTML


@pytest.mark.parametrize("layout", [[], ["--full"], ["--card"]])
def test_html_is_one_valid_self_contained_printable_page(runner, data: dict, layout: list[str]) -> None:
    out = handout(runner, "--format", "html", *layout)
    page = parse(out)
    assert page.doctype.lower() == "doctype html"
    assert not page.errors, page.errors[:5]
    assert page.stack == []
    html_tag = page.tags[0]
    assert html_tag == ("html", {"lang": data["drug"]["language"]})
    metas = [a for tag, a in page.tags if tag == "meta"]
    assert {"charset": "utf-8"} in metas
    titles = [t for t in page.tags if t[0] == "title"]
    # One document title, plus one <title> inside each picture (its caption, read out by screen readers).
    assert len(titles) == 1 + [tag for tag, _ in page.tags].count("svg")
    # Nothing runs and nothing loads: no scripts, no handlers, no external resources.
    tag_names = {tag for tag, _ in page.tags}
    assert not tag_names & {"script", "iframe", "object", "embed", "img", "link", "base", "form", "image", "use"}
    for tag, attributes in page.tags:
        assert not any(name.startswith("on") for name in attributes), tag
        assert "src" not in attributes and "srcset" not in attributes, tag
        assert not any(name.endswith("href") for name in attributes) or tag == "a", tag
        if tag == "a":
            href = attributes["href"] or ""
            assert href.startswith(("#", "https://", "http://")), href
    assert "url(" not in page.css and "@import" not in page.css
    # Internal links all land somewhere, and ids are unique.
    assert len(page.ids) == len(set(page.ids))
    for tag, attributes in page.tags:
        href = attributes.get("href") or ""
        if tag == "a" and href.startswith("#"):
            assert href[1:] in page.ids, href
    # Headings in order: one h1, then h2/h3, never skipping a level.
    levels = [level for level, _ in page.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:]))
    if layout == ["--full"]:
        h2 = [text for level, text in page.headings if level == 2]
        assert h2[:3] == ["Emergency: Get help now", data["handout"]["key_facts_heading"], "Contents"]
        titles = {t["id"]: t["title"] for t in data["topics"]}
        assert h2[3 : 3 + len(READING_ORDER)] == [titles[topic_id] for topic_id in READING_ORDER]


def test_html_booklet_draws_each_picture_inline_with_caption_and_alt_text(runner, data: dict) -> None:
    out = handout(runner, "--format", "html", "--full")
    page = parse(out)
    pictures = data["handout"]["pictures"]
    assert out.count("<svg ") == len(pictures) == 4
    assert {p["kind"] for p in pictures} == {"oral-syringe", "decision-chart", "traffic-light", "pump"}
    for n, picture in enumerate(pictures, 1):
        svg = out[out.index("<svg "):].split("</svg>")[0] if n == 1 else out.split("<svg ")[n].split("</svg>")[0]
        assert 'role="img"' in svg and "aria-labelledby=" in svg
        assert f"<desc id=\"picture-{n}-desc\">" in svg
        # Every word inside the picture comes from the file.
        for word in picture.get("words", {}).values():
            assert flat(word) in flat(re.sub(r"<[^>]+>", " ", svg)), word
    text = page.body_text()
    for picture in pictures:
        assert flat(picture["caption"]) in text and flat(picture["alt"]) in text
    # Each picture sits in its own topic's chapter.
    for picture in pictures:
        chapter = out.split(f'id="topic-{picture["topic"]}"')[1].split("<article")[0]
        assert picture["caption"].split(".")[0] in chapter
    # Markdown and text say what the pictures show; the decision chart becomes a short text flow.
    md = handout(runner, "--format", "md", "--full")
    chart = next(p for p in pictures if p["kind"] == "decision-chart")["words"]
    assert f"{chart['yes']} -> {chart['yes_action']}" in md.replace("\\", "")


def test_html_booklet_has_the_tools_to_fill_in(runner, data: dict) -> None:
    out = handout(runner, "--format", "html", "--full")
    page = parse(out)
    for tool in data["handout"]["tools"]:
        section = out.split(f">{tool['heading']}</h2>")[1].split("</section>")[0]
        if tool.get("columns"):
            assert section.count("<tr><td></td>") == tool["rows"]
            for column in tool["columns"]:
                assert f">{column}</th>" in section
        for point in tool.get("points", []):
            assert flat(point["text"]) in page.body_text()


def test_html_print_css(runner) -> None:
    for layout in ([], ["--full"]):
        css = parse(handout(runner, "--format", "html", *layout)).css
        print_css = css[css.index("@media print") :]
        # No forced page breaks: the leaflet fits 2 pages and the booklet flows on.
        assert "break-before: page" not in css and "page-break-before" not in css
        sizes = [float(n) for n in re.findall(r"font-size:\s*([\d.]+)pt", print_css)]
        assert sizes and min(sizes) >= 12
        assert not re.search(r"font-size:\s*[\d.]+(px|em|rem|%)", print_css)
        # Only the compact reference list (not patient text) is set smaller than the body.
        small = re.findall(r"([^{}]+)\{[^}]*font-size:\s*(?:[0-9]|1[01])(?:\.\d+)?pt", css)
        assert [selector.strip() for selector in small] == [".references.compact"]
        assert not re.search(r"font-size:\s*0?\.\d+(em|rem)", css)  # nothing shrunk below body size on screen
        assert "@page" in css and not re.search(r"@page\s*{[^}]*size", css)  # fits A4 and US Letter alike
        assert "color: #000" in css and "background: #fff" in css


# --------------------------------------------------------------------------- hostile clinic files

INJECTED = {
    "title": "What <script>alert('title')</script> is",
    "point": "Relax <img src=x onerror=alert('point')> & rest",
    "heading": "Help </style><script>alert('heading')</script>",
    "source_title": "Label <script>alert('source')</script>",
    "url": "https://example.org/x\"><script>alert('url')</script>",
    "drug": "baclo<b onmouseover=alert('drug')>fen",
    "picture": "Tube </text><script>alert('svg')</script>",
}


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    data = read_yaml(SMALL_FILE)  # a code test: the small fixture compiles in a fraction of the time
    data["drug"]["name"] = INJECTED["drug"]
    overview = next(t for t in data["topics"] if t["id"] == "overview")
    overview["title"] = INJECTED["title"]
    overview["sections"][0]["points"][0]["text"] = INJECTED["point"]
    data["emergency"]["heading"] = INJECTED["heading"]
    cited = overview["sections"][0]["points"][0]["sources"][0]
    source = next(s for s in data["sources"] if s["id"] == cited)
    source["title"], source["url"] = INJECTED["source_title"], INJECTED["url"]
    # Marked official, so the reference list (official sources only) shows it.
    source["tier"] = "official"
    data["handout"]["full_title"] = data["handout"]["title"] = f"{INJECTED['drug']}: a guide"
    pump = next(p for p in data["handout"]["pictures"] if p["kind"] == "pump")
    pump["words"]["catheter"] = pump["caption"] = INJECTED["picture"]
    data["handout"]["plan"][0]["label"] = INJECTED["point"]
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_hostile_file_is_still_a_valid_knowledge_file(hostile_file: Path) -> None:
    result = run_cli(["--data", str(hostile_file), "overview", "--json"])
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("layout", [[], ["--full", "--sources"], ["--card"]])
def test_html_escapes_everything_from_the_file(hostile_file: Path, layout: list[str]) -> None:
    result = run_cli(["--data", str(hostile_file), "handout", "--format", "html", *layout])
    assert result.returncode == 0, result.stderr
    page = parse(result.stdout)
    assert not page.errors and page.stack == []
    names = {tag for tag, _ in page.tags}
    assert "script" not in names and "img" not in names and "b" not in names
    assert not [a for _, a in page.tags if any(k.startswith("on") for k in a)]
    text = page.body_text()
    keys = {"[]": ("point", "heading"), "['--full', '--sources']": ("title", "point", "heading", "source_title",
                                                                 "picture")}.get(str(layout), ())
    for key in keys:
        assert flat(INJECTED[key]) in text, key  # shown as the literal text
    if layout != ["--card"]:
        assert "baclo<b onmouseover=alert('drug')>fen: a guide" in text
    else:
        return
    assert page.css.count("</style>") == 0 and "alert" not in page.css
    hrefs = [a["href"] for tag, a in page.tags if tag == "a" and a.get("href", "").startswith("https://example.org")]
    assert hrefs and all('"' not in h and "<" not in h and ">" not in h for h in hrefs)


def test_markdown_and_text_keep_file_markup_inert(hostile_file: Path) -> None:
    md = run_cli(["--data", str(hostile_file), "handout", "--format", "md", "--full"])
    assert md.returncode == 0
    assert not re.search(r"(?<!\\)<(script|img|b )", md.stdout)  # every "<" from the file is backslash-escaped
    assert r"\<script\>alert('title')\</script\>" in md.stdout
    assert "example.org/x%22%3E%3Cscript%3E" in md.stdout  # the URL cannot close its <...> autolink
    txt = run_cli(["--data", str(hostile_file), "handout", "--format", "txt", "--full"])
    assert txt.returncode == 0 and flat(INJECTED["point"]) in flat(txt.stdout)


# --------------------------------------------------------------------------- a real browser

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium") or "", shutil.which("chromium-browser") or "") if p and os.path.exists(p)), None)
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-extensions", "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={profile}", *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)})


def print_pages(tmp_path: Path, html_file: Path, paper: str) -> tuple[int, set[tuple[int, int]]]:
    """Print an HTML file to PDF in Chromium on `paper`; the page count and the page sizes (points)."""
    # The handout sets no paper size, so print it as a printer with each paper would.
    text = html_file.read_text(encoding="utf-8").replace("</head>", f"<style>@page {{ size: {paper}; }}</style></head>")
    printable = tmp_path / f"{html_file.stem}-{paper}.html"
    printable.write_text(text, encoding="utf-8")
    pdf = tmp_path / f"{html_file.stem}-{paper}.pdf"
    printed = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", printable.as_uri())
    assert pdf.exists(), printed.stderr[-2000:]
    raw = pdf.read_bytes()
    assert raw.startswith(b"%PDF")
    boxes = {tuple(round(float(v)) for v in m.split()[2:4]) for m in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", raw)}
    return len(re.findall(rb"/Type\s*/Page(?!s)", raw)), boxes


@needs_chromium
@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("letter", (612, 792))])
def test_the_default_handout_prints_on_at_most_2_pages(tmp_path: Path, paper: str, size: tuple[int, int],
                                                       official_file: Path) -> None:
    """The shipped file; the same file with official sources listed and steps on topics; and that file grown
    the way the content work is growing it (every region's numbers, crisis lines, more signs)."""
    grown = read_yaml(official_file)
    known = {c["number"] for c in grown["emergency"]["contacts"]}
    grown["emergency"]["contacts"] += [  # those the file does not have yet
        {"label": label, "number": number, "region": region}
        for label, number, region in [("988 Suicide and Crisis Lifeline", "988", "US"), ("NHS 111", "111", "UK"),
                                      ("Samaritans (free, 24/7)", "116 123", "UK"), ("Emergency", "000", "AU"),
                                      ("Poisons Information Centre", "13 11 26", "AU"), ("Lifeline", "13 11 14", "AU")]
        if number not in known
    ]
    grown["emergency"]["signs"] += [
        {"text": "Thoughts of harming yourself: call a crisis line or the emergency number now.", "sources": ["s30"]},
        {"text": "With a pump: old stiffness back, itching, pins and needles or feeling faint: call your pump team "
                 "now on their 24-hour number.", "sources": ["s17"]},
    ]
    grown_file = tmp_path / "grown.yaml"
    grown_file.write_text(yaml.safe_dump(grown, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for n, data_args in enumerate(([], ["--data", str(official_file)], ["--data", str(grown_file)])):
        html_file = tmp_path / f"handout{n}.html"
        result = run_cli([*data_args, "handout", "-o", str(html_file)])  # HTML because of the ending
        assert result.returncode == 0, result.stderr
        assert html_file.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        pages, boxes = print_pages(tmp_path, html_file, paper)
        assert boxes == {size}
        assert 1 <= pages <= 2, (data_args, pages)


@needs_chromium
@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("letter", (612, 792))])
def test_the_full_booklet_and_the_card_print_in_a_real_browser(tmp_path: Path, paper: str,
                                                               size: tuple[int, int]) -> None:
    full, card = tmp_path / "full.html", tmp_path / "card.html"
    assert run_cli(["handout", "--full", "-o", str(full)]).returncode == 0
    assert run_cli(["handout", "--card", "-o", str(card)]).returncode == 0
    full_pages, boxes = print_pages(tmp_path, full, paper)
    assert boxes == {size}
    # Every topic prints (no forced page breaks: the print CSS test checks that).
    assert full_pages > len(READING_ORDER) // 2
    card_pages, _ = print_pages(tmp_path, card, paper)
    assert card_pages == 1


@needs_chromium
def test_hostile_html_stays_text_in_a_real_browser(tmp_path: Path, hostile_file: Path) -> None:
    html_file = tmp_path / "clinic.html"
    result = run_cli(["--data", str(hostile_file), "handout", "--format", "html", "-o", str(html_file)])
    assert result.returncode == 0, result.stderr
    dumped = chromium(tmp_path, "--dump-dom", html_file.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    assert "<h1>" in dom and "<style>" in dom
    # The browser built no element from the file's text: it is all shown as text.
    assert "Help &lt;/style&gt;&lt;script&gt;alert('heading')&lt;/script&gt;" in dom
    assert "<script" not in dom and "<img" not in dom and "<b " not in dom
    assert "&lt;img src=x onerror=alert('point')&gt;" in dom
