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


@pytest.mark.slow
def test_installed_wheel_runs_from_any_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target),
                    str(wheel)], check=True, capture_output=True, timeout=300)
    env = {**os.environ, "PYTHONPATH": str(target), "BACLOFEN_CACHE_DIR": str(tmp_path / "cache")}
    where = subprocess.run([sys.executable, "-c", "import baclofen_cli.loader as l; print(l.default_path())"],
                           capture_output=True, text=True, env=env, cwd="/", check=True)
    assert where.stdout.strip() == str(target / "baclofen_cli" / "data" / "baclofen.yaml")
    result = subprocess.run([sys.executable, "-m", "baclofen_cli", "side-effects"], capture_output=True, text=True,
                            env=env, cwd="/", timeout=60)
    assert result.returncode == 0, result.stderr
    assert "In short:" in result.stdout
