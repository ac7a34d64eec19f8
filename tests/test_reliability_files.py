"""`handout -o FILE` in hostile places: planted links, dangling links, modes, paths that cannot be
written, a trailing slash, and a killed write (issue 17, items 5 and 9)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import OTHER_USER, run_cli, script_path, signal_at_fsync, why_another_user_cannot_run_the_tool

is_root = os.name == "posix" and os.geteuid() == 0
OTHER_UID = 54321


def one_clean_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("baclofen: error: "), result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    return result.stderr


@pytest.fixture
def shared_folder(tmp_path: Path) -> Path:
    """A world-writable folder with the sticky bit, like /tmp."""
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o1777)
    return folder


@pytest.mark.skipif(not is_root, reason="needs root to plant a link owned by another user")
@pytest.mark.parametrize("force", [False, True], ids=["no --force", "--force"])
def test_a_link_planted_by_another_user_in_a_shared_folder_is_not_followed(
    tmp_path: Path, shared_folder: Path, force: bool
) -> None:
    """F6: another user's link in /tmp once made `handout -o /tmp/handout.md --force` replace the
    victim's own file (and widen its mode from 0600 to 0644)."""
    victim = tmp_path / "home" / ".bashrc_test"
    victim.parent.mkdir()
    victim.write_text("secret", encoding="utf-8")
    victim.chmod(0o600)
    planted = shared_folder / "handout.md"
    planted.symlink_to(victim)
    os.lchown(planted, OTHER_UID, OTHER_UID)
    said = one_clean_line(run_cli(["handout", "-o", str(planted), *(["--force"] if force else [])]))
    assert "link" in said and ("another user" in said or "already exists" in said)
    assert victim.read_text(encoding="utf-8") == "secret"
    assert stat.S_IMODE(victim.stat().st_mode) == 0o600
    assert planted.is_symlink()


def test_our_own_link_in_a_shared_folder_is_still_followed(tmp_path: Path, shared_folder: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = shared_folder / "mine.md"
    link.symlink_to(real)
    assert run_cli(["handout", "-o", str(link), "--force"]).returncode == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("force", [False, True], ids=["no --force", "--force"])
def test_a_dangling_link_never_gets_its_target_created(tmp_path: Path, force: bool) -> None:
    """F6: without --force, a link to a file that does not exist once had that file created."""
    target = tmp_path / "precious.txt"
    link = tmp_path / "handout2.md"
    link.symlink_to(target)
    said = one_clean_line(run_cli(["handout", "-o", str(link), *(["--force"] if force else [])]))
    assert "link" in said or "already exists" in said
    assert not target.exists() and link.is_symlink()


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "handout.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(mode)
    result = run_cli(["handout", "-o", str(target), "--force"])
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_a_replaced_file_through_our_link_keeps_its_mode(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert run_cli(["handout", "-o", str(link), "--force"]).returncode == 0
    assert stat.S_IMODE(real.stat().st_mode) == 0o600 and link.is_symlink()


def test_a_file_name_that_is_too_long_is_one_clean_line(tmp_path: Path) -> None:
    said = one_clean_line(run_cli(["handout", "-o", str(tmp_path / ("a" * 300 + ".md"))]))
    assert "too long" in said


def test_a_loop_of_links_is_one_clean_line(tmp_path: Path) -> None:
    (tmp_path / "loop1").symlink_to("loop2")
    (tmp_path / "loop2").symlink_to("loop1")
    for extra in ([], ["--force"]):
        said = one_clean_line(run_cli(["handout", "-o", str(tmp_path / "loop1"), *extra], cwd=tmp_path))
        assert "loop" in said or "link" in said


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_folder_without_permission_is_one_clean_line(tmp_path: Path) -> None:
    """F14: `-o ~root/x.md` as another user was "internal error ... This is a bug" (exit 1)."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o700)
    prefix: list[str] = []
    if is_root:
        reason = why_another_user_cannot_run_the_tool()
        if reason:
            pytest.skip(f"root can write anywhere, and {reason}")
        prefix = OTHER_USER
        tmp_path.chmod(0o755)
    env = {**os.environ, "BACLOFEN_CACHE_DIR": str(tmp_path / "cache-other"), "HOME": str(tmp_path)}
    for target in (locked / "x.md", locked / "sub" / "x.md"):
        result = subprocess.run([*prefix, script_path(), "handout", "-o", str(target)], capture_output=True,
                                text=True, timeout=60, env=env, cwd="/")
        said = one_clean_line(result)
        assert "permission denied" in said


def test_a_trailing_slash_is_a_clear_line_and_writes_nothing(tmp_path: Path) -> None:
    """F17: `-o nodir/` once wrote a file called nodir, and `-o f1/ --force` replaced the file f1."""
    said = one_clean_line(run_cli(["handout", "-o", str(tmp_path / "nodir") + "/"]))
    assert "folder" in said and "file name" in said
    assert not (tmp_path / "nodir").exists()
    existing = tmp_path / "f1"
    existing.write_text("mine", encoding="utf-8")
    one_clean_line(run_cli(["handout", "-o", str(existing) + "/", "--force"]))
    assert existing.read_text(encoding="utf-8") == "mine"
    said = one_clean_line(run_cli(["handout", "-o", str(existing / "x.md")]))
    assert "is a file, not a folder" in said




@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name an open file")
def test_a_killed_handout_write_leaves_no_temporary_file_after_the_next_write(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "handout.md"
    run_cli(["overview"])  # the cache is written before, so the kill hits the handout
    killed = run_cli(["handout", "-o", str(target)], env=signal_at_fsync(tmp_path, ".handout.md.", signal.SIGKILL))
    assert killed.returncode == -signal.SIGKILL
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")]  # SIGKILL did leave one
    assert run_cli(["handout", "-o", str(target)]).returncode == 0
    assert [p.name for p in out.iterdir()] == ["handout.md"]
