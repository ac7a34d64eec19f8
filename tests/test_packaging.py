"""The built wheel carries the knowledge file and works from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # --no-isolation: build with the hatchling already installed, so this needs no network.
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    (built,) = out.glob("baclofen_cli-*.whl")
    return built


@pytest.mark.slow
def test_wheel_contains_the_knowledge_file_and_schema(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "baclofen_cli/data/baclofen.yaml" in names
    assert "baclofen_cli/data/schema.json" in names
    shipped = zipfile.ZipFile(wheel).read("baclofen_cli/data/baclofen.yaml")
    assert shipped == (ROOT / "data" / "baclofen.yaml").read_bytes()
    # Each knowledge file's topic model, beside it (features/ask/topic_model.py looks there).
    models = sorted((ROOT / "data").glob("*.ask-model.bin"))
    assert models
    for model in models:
        assert zipfile.ZipFile(wheel).read(f"baclofen_cli/data/{model.name}") == model.read_bytes()


@pytest.mark.slow
def test_wheel_contains_the_language_packs(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    names = archive.namelist()
    assert "baclofen_cli/lang/__init__.py" in names
    packs = sorted(p.name for p in (ROOT / "baclofen_cli" / "lang").glob("*.yaml"))
    assert {"en.yaml", "es.yaml"} <= set(packs)
    for pack in packs:
        assert archive.read(f"baclofen_cli/lang/{pack}") == (ROOT / "baclofen_cli" / "lang" / pack).read_bytes()
    # Each shipped guide in another language (data/baclofen.<lang>.yaml) is in the wheel too.
    for guide in (ROOT / "data").glob("baclofen.*.yaml"):
        assert archive.read(f"baclofen_cli/data/{guide.name}") == guide.read_bytes()


@pytest.mark.slow
def test_wheel_installs_the_man_page(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    (page,) = [n for n in archive.namelist() if n.endswith(".data/data/share/man/man1/baclofen.1")]
    assert archive.read(page) == (ROOT / "data" / "baclofen.1").read_bytes()


@pytest.mark.slow
def test_installed_wheel_runs_from_any_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=300)
    env = {**os.environ, "PYTHONPATH": str(target), "BACLOFEN_CACHE_DIR": str(tmp_path / "cache")}
    where = subprocess.run([sys.executable, "-c", "import baclofen_cli.core.loader as l; print(l.default_path())"],
                           capture_output=True, text=True, env=env, cwd="/", check=True)
    assert where.stdout.strip() == str(target / "baclofen_cli" / "data" / "baclofen.yaml")
    result = subprocess.run([sys.executable, "-m", "baclofen_cli", "side-effects"], capture_output=True, text=True,
                            env=env, cwd="/", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "In short:" in result.stdout
    # The Spanish pack is read from the installed package (the labels of a Spanish guide).
    code = "from baclofen_cli import lang; print(lang.load('es').label('in_short'))"
    pack = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd="/", check=True)
    assert pack.stdout.strip() == "En pocas palabras"


def test_oldest_constraints_match_the_lower_bounds() -> None:
    """.ci/oldest.txt pins each runtime dependency at its lower bound, so CI's oldest job tests the bound."""
    import re
    import tomllib

    def version(text: str) -> tuple[int, ...]:
        parts = [int(p) for p in text.split(".")]
        while parts and parts[-1] == 0:  # 6.0 == 6.0.0
            parts.pop()
        return tuple(parts)

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bounds = {}
    for requirement in project["dependencies"]:
        found = re.match(r"^([A-Za-z0-9_.-]+)>=([0-9.]+)", requirement)
        assert found, f"no lower bound: {requirement}"
        bounds[found.group(1).lower()] = version(found.group(2))
    pinned = {}
    for line in (ROOT / ".ci" / "oldest.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, pin = line.partition("==")
            pinned[name.strip().lower()] = version(pin.strip())
    assert pinned == bounds
