"""A bad knowledge file gets one clear line naming file, line and field; exit 2; no traceback; no hang."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SMALL_FILE, invoke, run_cli


def shipped_text() -> str:
    return SMALL_FILE.read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def write(tmp_path: Path, content: str | bytes, name: str = "clinic.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def assert_clean_failure(result, *fragments: str) -> str:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    err = result.stderr.strip()
    assert "Traceback" not in result.stderr
    assert len(err.splitlines()) == 1, err
    assert err.startswith("baclofen: error: ")
    for fragment in fragments:
        assert fragment in err, err
    assert result.stdout == ""
    return err


def test_missing_file(runner, tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    assert_clean_failure(invoke(runner, ["--data", str(path), "overview"]), str(path), "file not found")


def test_directory(runner, tmp_path: Path) -> None:
    assert_clean_failure(invoke(runner, ["--data", str(tmp_path), "overview"]), "directory")


def test_binary_file(runner, tmp_path: Path) -> None:
    path = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_clean_failure(invoke(runner, ["--data", str(path), "overview"]), str(path), "binary")


def test_not_utf8(runner, tmp_path: Path) -> None:
    path = write(tmp_path, shipped_text().encode("utf-8").replace(b"What if I miss", b"What if I m\xe9ss"))
    err = assert_clean_failure(invoke(runner, ["--data", str(path), "overview"]), "not UTF-8")
    assert f":{line_of(shipped_text(), 'What if I miss')}:" in err


@pytest.mark.parametrize("content", ["", "   \n\n", "# only a comment\n"])
def test_empty_file(runner, tmp_path: Path, content: str) -> None:
    path = write(tmp_path, content)
    assert_clean_failure(invoke(runner, ["--data", str(path), "overview"]), str(path))


def test_invalid_yaml_names_the_line(runner, tmp_path: Path) -> None:
    text = shipped_text().replace("  name: baclofen\n", "  name: [baclofen\n", 1)
    path = write(tmp_path, text)
    err = assert_clean_failure(invoke(runner, ["--data", str(path), "overview"]), "invalid YAML")
    assert f"{path}:" in err


def test_wrong_type_names_line_and_field(runner, tmp_path: Path) -> None:
    text = shipped_text()
    first_title = text.index("    title: ", text.index("\ntopics:"))
    end = text.index("\n", first_title)
    bad = text[:first_title] + "    title: 42" + text[end:]
    path = write(tmp_path, bad)
    line = bad[:first_title].count("\n") + 1
    # The tool's own part: file, line and field (what follows is the schema library's wording).
    assert_clean_failure(invoke(runner, ["--data", str(path), "overview"]), f"{path}:{line}: topics[0].title: ")


def test_missing_required_field(runner, tmp_path: Path) -> None:
    path = write(tmp_path, shipped_text().replace("schema_version: 1\n", "", 1))
    assert_clean_failure(invoke(runner, ["--data", str(path), "overview"]), "schema_version")


def test_unknown_field_is_an_error(runner, tmp_path: Path) -> None:
    text = shipped_text().replace("schema_version: 1\n", "schema_version: 1\nsumary: oops\n", 1)
    path = write(tmp_path, text)
    assert_clean_failure(invoke(runner, ["--data", str(path), "overview"]), f":{line_of(text, 'sumary')}:", "sumary")


def test_unknown_source_id(runner, tmp_path: Path) -> None:
    text = shipped_text()
    start = text.index("sources: [", text.index("\ntopics:"))
    bad = text[:start] + "sources: [no-such-source]" + text[text.index("\n", start):]
    path = write(tmp_path, bad)
    line = bad[:start].count("\n") + 1
    assert_clean_failure(invoke(runner, ["--data", str(path), "overview"]), f":{line}:", "unknown source id 'no-such-source'")


def test_duplicate_key(runner, tmp_path: Path) -> None:
    text = shipped_text().replace("schema_version: 1\n", "schema_version: 1\nschema_version: 2\n", 1)
    path = write(tmp_path, text)
    line = line_of(text, "schema_version: 2")
    assert_clean_failure(invoke(runner, ["--data", str(path), "overview"]), f":{line}:", "duplicate key 'schema_version'")


ALIAS_BOMB = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    path = write(tmp_path, ALIAS_BOMB)
    result = run_cli(["--data", str(path), "overview"], timeout=60)
    assert result.returncode == 2
    assert "aliases" in result.stderr and "Traceback" not in result.stderr


def test_python_tag_is_refused_and_never_runs(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = shipped_text().replace(
        "schema_version: 1\n", f"schema_version: 1\nx: !!python/object/apply:os.system ['touch {marker}']\n", 1
    )
    path = write(tmp_path, text)
    result = run_cli(["--data", str(path), "overview"], timeout=60)
    assert result.returncode == 2
    assert "python/object/apply" in result.stderr and f":{line_of(text, '!!python')}:" in result.stderr
    assert not marker.exists()


def test_env_var_is_used_and_named_in_errors(runner, tmp_path: Path) -> None:
    path = tmp_path / "gone.yaml"
    result = invoke(runner, ["overview"], env={"BACLOFEN_DATA": str(path)})
    assert_clean_failure(result, str(path))


def test_a_clinic_file_is_used(runner, tmp_path: Path) -> None:
    text = shipped_text().replace("title: What if I miss a dose?", "title: Missed a dose? (Our clinic)", 1)
    path = write(tmp_path, text)
    by_option = invoke(runner, ["--data", str(path), "missed-dose", "--json"])
    by_env = invoke(runner, ["missed-dose", "--json"], env={"BACLOFEN_DATA": str(path)})
    assert json.loads(by_option.stdout)["title"] == "Missed a dose? (Our clinic)"
    assert json.loads(by_env.stdout)["title"] == "Missed a dose? (Our clinic)"
