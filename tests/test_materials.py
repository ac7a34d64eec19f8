"""Patient materials (issue 13): bottom line first in every output, notices once per screen, the
handout's format from the file name, the pump card, and region-only numbers on paper."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import DATA_FILE, SMALL_FILE, invoke, read_yaml, run_cli

ESC = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def data() -> dict:
    return read_yaml(DATA_FILE)


@pytest.fixture
def stepped_file(tmp_path: Path) -> Path:
    """The small fixture (the shipped file's text, cut down: compiles in a fraction of the time)
    with known steps on an ordinary topic and on an emergency topic."""
    data = read_yaml(SMALL_FILE)
    for topic in data["topics"]:
        if topic["id"] in ("missed-dose", "stopping"):
            topic["actions"] = [
                {"text": f"Alpha step for {topic['id']}.", "sources": ["s30"]},
                {"text": f"Beta step for {topic['id']}.", "sources": ["s28"]},
            ]
    path = tmp_path / "stepped.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def flat(text: str) -> str:
    return " ".join(ESC.sub("", text).split())


def first_section_heading(data: dict, topic_id: str) -> str:
    return next(t for t in data["topics"] if t["id"] == topic_id)["sections"][0]["heading"]


@pytest.mark.parametrize("topic_id", ["missed-dose", "stopping"])
@pytest.mark.parametrize("style", ["plain", "rich"])
def test_title_summary_then_numbered_steps_then_sections(stepped_file: Path, topic_id: str, style: str) -> None:
    data = read_yaml(stepped_file)
    env = {"FORCE_COLOR": "1", "COLUMNS": "100"} if style == "rich" else {"NO_COLOR": "1"}
    result = run_cli(["--data", str(stepped_file), topic_id], env=env)
    assert result.returncode == 0, result.stderr
    assert ("\x1b[" in result.stdout) == (style == "rich")
    out = flat(re.sub("[\u2500-\u257f]", " ", result.stdout))  # panel borders are not words
    topic = next(t for t in data["topics"] if t["id"] == topic_id)
    title = topic["title"].upper() if style == "plain" else topic["title"]
    order = [
        out.index(title),
        out.index(flat(topic["summary"]["text"])),
        out.index("What to do"),
        out.index(f"1. Alpha step for {topic_id}."),
        out.index(f"2. Beta step for {topic_id}."),
        out.index(first_section_heading(data, topic_id)),
    ]
    assert order == sorted(order), order
    if topic.get("emergency_first"):
        # Emergencies first: the instruction and every number open the page, the signs follow the steps.
        lines = ESC.sub("", result.stdout).splitlines()
        assert lines[0].startswith("!! ") and "911" in " ".join(lines[:3])
        assert "1-800-222-1222" in out[: out.index(title)]
        # Then the signs: the topic's own emergency section, or else the emergency box's signs.
        own = [s for s in topic["sections"] if s.get("kind") == "emergency"]
        sign = own[0]["points"][0]["text"] if own else data["emergency"]["signs"][0]["text"]
        signs = out.index(flat(sign), order[4])
        assert signs > order[4]
        if not own:
            assert signs < order[5]
        else:
            assert flat(data["emergency"]["signs"][-1]["text"]) not in out  # no second, generic box


def test_json_has_the_steps_after_the_summary(stepped_file: Path) -> None:
    view = json.loads(run_cli(["--data", str(stepped_file), "missed-dose", "--json"]).stdout)
    keys = list(view)
    assert keys.index("title") < keys.index("summary") < keys.index("actions") < keys.index("sections")
    assert view["actions"] == [
        {"text": "Alpha step for missed-dose.", "sources": ["s30"]},
        {"text": "Beta step for missed-dose.", "sources": ["s28"]},
    ]
    assert view["labels"]["what_to_do"] == "What to do"


def test_the_handout_shows_the_steps_first_in_each_chapter(stepped_file: Path) -> None:
    data = read_yaml(stepped_file)
    for fmt in ("md", "txt", "html"):
        out = run_cli(["--data", str(stepped_file), "handout", "--topics", "missed-dose", "--format", fmt]).stdout
        text = flat(re.sub(r"<[^>]+>", " ", out).replace("\\", ""))
        summary = text.index(flat(next(t for t in data["topics"] if t["id"] == "missed-dose")["summary"]["text"]))
        steps = [text.index("Alpha step for missed-dose."), text.index("Beta step for missed-dose.")]
        section = text.index(first_section_heading(data, "missed-dose"))
        assert summary < steps[0] < steps[1] < section, fmt


def test_labels_come_from_the_file(stepped_file: Path) -> None:
    data = read_yaml(stepped_file)
    data["labels"].update(what_to_do="Was tun", in_short="Kurz gesagt")
    stepped_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for env in ({"NO_COLOR": "1"}, {"FORCE_COLOR": "1"}):
        out = flat(run_cli(["--data", str(stepped_file), "stopping"], env=env).stdout)
        assert "Was tun" in out and "Kurz gesagt" in out and "What to do" not in out and "In short" not in out
    handout = run_cli(["--data", str(stepped_file), "handout", "--topics", "missed-dose", "--format", "txt"]).stdout
    assert "Was tun:" in handout and "Kurz gesagt:" in handout


def test_citation_markers_only_with_sources(runner) -> None:
    for topic_id in ("missed-dose", "side-effects", "pump"):
        plain = invoke(runner, [topic_id]).stdout
        cited = invoke(runner, [topic_id, "--sources"]).stdout
        assert not re.search(r"\[\d+([,-]\d+)*\]", plain)
        assert re.search(r"\[\d+([,-]\d+)*\]", cited)
    # Each source in plain words: title, publisher (and year), the address unbroken on its own line.
    view = json.loads(invoke(runner, ["missed-dose", "--json"]).stdout)
    cited = invoke(runner, ["missed-dose", "--sources"]).stdout
    for source in view["sources"]:
        assert source["url"] in cited.splitlines()[-1] or any(line.strip() == source["url"] for line in
                                                               cited.splitlines())
    handout = run_cli(["handout", "--full", "--format", "md"]).stdout
    assert not re.search(r"\[\d+(, \d+)*\]", handout)


def test_show_topic_without_notices(capsys, data: dict) -> None:
    """The guide prints several answers on one screen: it shows the reminder and the disclaimer once."""
    from baclofen_cli.core.state import AppState
    from baclofen_cli.features.topics.command import show_topic

    show_topic(AppState(), "storage", notices=False)
    quiet = flat(capsys.readouterr().out)
    show_topic(AppState(), "storage")
    loud = flat(capsys.readouterr().out)
    disclaimer = flat(data["disclaimer"]["text"])
    reminder = flat(data["emergency"]["reminder"]["text"])
    assert disclaimer in loud and reminder in loud
    assert disclaimer not in quiet and reminder not in quiet
    assert flat(next(t for t in data["topics"] if t["id"] == "storage")["summary"]["text"]) in quiet
    # An emergency topic keeps its instruction and numbers even without the notices.
    show_topic(AppState(), "overdose", notices=False)
    assert "911" in capsys.readouterr().out.splitlines()[0]


# --------------------------------------------------------------------------- the handout's format and layouts


@pytest.mark.parametrize(
    ("name", "args", "starts"),
    [
        ("handout.html", [], "<!DOCTYPE html>"),
        ("handout.HTM", [], "<!DOCTYPE html>"),
        ("x.md", [], "# "),
        ("x.txt", [], None),
        ("x.html", ["--format", "md"], "# "),  # --format wins over the ending
        ("x.md", ["--format", "html"], "<!DOCTYPE html>"),
        ("noending", [], "# "),
        ("h.json", ["--json"], "{"),
    ],
)
def test_the_format_follows_the_file_ending_unless_format_says(tmp_path: Path, name: str, args: list[str],
                                                                starts: str | None) -> None:
    target = tmp_path / name
    result = run_cli(["handout", "-o", str(target), *args])
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    if starts is None:  # plain text: no markup at all
        assert not text.startswith(("#", "<", "{")) and "**" not in text and "<" not in text
    else:
        assert text.startswith(starts)


def test_an_unknown_ending_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    result = run_cli(["handout", "-o", str(tmp_path / "handout.pdf")])
    assert result.returncode == 2
    assert "'.pdf'" in result.stderr and "--format" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []
    assert run_cli(["handout", "-o", str(tmp_path / "handout.pdf"), "--format", "html"]).returncode == 0


def test_the_card_is_the_pump_card(data: dict) -> None:
    card = data["handout"]["card"]
    for fmt in ("txt", "md", "html"):
        result = run_cli(["handout", "--card", "--format", fmt])
        assert result.returncode == 0, result.stderr
        text = flat(re.sub(r"<[^>]+>", " ", result.stdout).replace("\\", "")).casefold()
        assert flat(card["heading"]).casefold() in text
        for point in card["points"]:
            assert flat(point["text"]).casefold() in text
        for field in card["fields"]:
            assert field["label"].casefold() in text
        for contact in data["emergency"]["contacts"]:
            if contact.get("kind", "emergency") == "emergency":
                assert contact["number"] in text
        # Only the card: no topics, no plan.
        assert flat(data["handout"]["plan_heading"]).casefold() not in text
    html = run_cli(["handout", "--card", "--format", "html"]).stdout
    assert "width: 85.6mm" in html and "min-height: 54mm" in html  # each half is a wallet card
    both = run_cli(["handout", "--card", "--full"])
    assert both.returncode == 2 and "--card" in both.stderr


def test_a_file_without_a_handout_block_still_makes_the_booklet(tmp_path: Path) -> None:
    data = read_yaml(SMALL_FILE)
    del data["handout"]
    path = tmp_path / "plain.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_cli(["--data", str(path), "handout", "--json"])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["layout"] == "full"
    card = run_cli(["--data", str(path), "handout", "--card"])
    assert card.returncode == 2 and "pump card" in card.stderr


def test_a_chosen_region_prints_only_its_numbers(data: dict) -> None:
    uk = run_cli(["--region", "uk", "handout", "--format", "txt"]).stdout
    # The page, not the reference list (a source's title may quote another region's number).
    uk = uk.split(data["handout"]["sources_heading"].upper())[0]
    assert "999" in uk
    for contact in data["emergency"]["contacts"]:
        if contact["region"] != "UK":  # as a number, not as digits inside a web address
            assert not re.search(rf"(?<![\w/-]){re.escape(contact['number'])}(?![\w/-])", uk), contact
    everyone = run_cli(["handout", "--format", "txt"]).stdout
    assert all(c["number"] in everyone for c in data["emergency"]["contacts"])


def test_a_handout_naming_an_unknown_topic_fails_validation(tmp_path: Path) -> None:
    data = read_yaml(SMALL_FILE)
    data["handout"]["rules"][0]["topic"] = "no-such-topic"
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_cli(["validate", str(path)])
    assert result.returncode == 1
    [problem] = [line for line in result.stdout.splitlines() if ": BCL004 " in line]
    assert problem.startswith(f"{path}:") and "'no-such-topic'" in problem


def test_the_handouts_own_words_keep_the_reading_level(data: dict) -> None:
    """The same bars as the topics (tests/test_content.py): each part at most grade 6.5, all of it at most 5.0."""
    from readability import fk_grade

    spec = data["handout"]
    parts = {
        "key facts": [spec["purpose"]["text"], *[p["text"] for p in spec["key_facts"]]],
        "plan": [spec["plan_intro"]["text"], *[f"{f['label']} ({f.get('hint', '')})" for f in spec["plan"]]],
        "tools": [s["text"] for t in spec["tools"] for s in [t.get("intro"), *t.get("points", [])] if s],
        "card": [p["text"] for p in spec["card"]["points"]],
        "pictures": [text for p in spec["pictures"] for text in (p["caption"], p["alt"])],
    }
    grades = {name: fk_grade(texts) for name, texts in parts.items()}
    assert all(grade <= 6.5 for grade in grades.values()), grades
    assert fk_grade([t for texts in parts.values() for t in texts]) <= 5.0, grades


def test_charts_on_screen_are_short_text_with_word_labels(data: dict) -> None:
    pictures = {p["kind"]: p for p in data["handout"]["pictures"]}
    for kind, keys in (("decision-chart", ("question", "yes_action", "no_action", "always")),
                       ("traffic-light", ("red", "amber", "green"))):
        picture = pictures[kind]
        out = flat(run_cli([picture["topic"]], env={"NO_COLOR": "1"}).stdout)
        topic = next(t for t in data["topics"] if t["id"] == picture["topic"])
        start = out.index(flat(topic["summary"]["text"])) + len(flat(topic["summary"]["text"]))
        positions = []
        for key in keys:  # each after the one before, all after the summary
            positions.append(out.index(flat(picture["words"][key]), positions[-1] if positions else start))
        assert positions[-1] < out.index(topic["sections"][0]["heading"], start), kind


def test_the_leaflet_draws_only_its_own_pictures(data: dict) -> None:
    html = run_cli(["handout", "--format", "html"]).stdout
    leaflet = [p for p in data["handout"]["pictures"] if p.get("leaflet")]
    assert leaflet and html.count("<svg ") == len(leaflet)
    for picture in leaflet:
        assert picture["caption"] in html and picture["alt"] in html
