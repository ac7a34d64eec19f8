"""Shared fixtures: an isolated environment for every test, and the ways to run the command line.

For test authors (the suite runs in about a minute and a half on 2 cores only if these are used):
- `run_cli(args, env=, input=, cwd=)`: the real command line, in this process by default (the
  console script's entry point `baclofen_cli.cli.entry:main`: the fast path, then Typer), with
  real file streams, the environment and sys.argv as the script has them, all put back after.
  `process=True` (or `run_script`) runs the installed script in a subprocess: use it only for
  what needs a real process (exit status through the script, pipes and a closed stdout, signals,
  a terminal, start-up imports, another user). A variable read when Python starts (PYTHON*,
  LANG, LC_*) sends the run to a process by itself. `program=`: the path it is run as (a link).
- `invoke(runner, args)`: the Typer app alone, through Typer's CliRunner.
- The warm cache (`shared_cache`): every test starts with the shipped files and the fixtures
  already compiled in XDG_CACHE_HOME (compiling the shipped file takes seconds), and whatever a
  test adds or changes there is undone after it. Tests of the cache set their own folder.
- `SMALL_FILE` (tests/fixtures/small.yaml, cut from the shipped file) and
  `fixtures/second_drug.yaml` (a fictional drug, compiles in hundredths of a second): a code test
  that writes a changed copy of a knowledge file should start from one of these, not DATA_FILE.
- `read_yaml(path)`: a YAML file parsed once per session, a fresh copy per call;
  `validated_kb(path)` and `ask_engine(path)`: the validated model (and its ask index), once;
  `shipped_validation()`: `validate --json` of the unchanged shipped file, run once.
- Content lints (the shipped sentences) carry the `content` marker; slow tests `slow`.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

# A suite started from a background job (`cmd &`) inherits SIGINT ignored, and so would every child:
# the Ctrl-C tests then hang until their timeout. Give the children the default action back.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = ROOT / "data" / "baclofen.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# A smaller valid knowledge file for code tests that need *a* file, not the shipped content
# (made by tests/fixtures/make_small.py). Tests of the shipped sentences use DATA_FILE.
SMALL_FILE = FIXTURES / "small.yaml"
SPANISH_FILE = ROOT / "data" / "baclofen.es.yaml"

# Variables that change how output looks; every test starts without them.
_STYLE_VARS = ("FORCE_COLOR", "NO_COLOR", "TERM", "COLUMNS", "LINES", "BACLOFEN_DATA", "BACLOFEN_CACHE_DIR",
               "GITHUB_ACTIONS", "PY_COLORS", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "PYTHONIOENCODING",
               # The region comes from these: every test starts with none chosen (all regions shown).
               "BACLOFEN_REGION", "LC_ALL", "LC_MESSAGES",
               # The language too: English unless a test asks for another.
               "BACLOFEN_LANG")


# The knowledge files whose compiled cache entries every test starts with (built once per suite
# run, see `shared_cache`): compiling the shipped file takes seconds, reading its cache milliseconds.
WARM_FILES = tuple(path for path in (DATA_FILE, SPANISH_FILE, SMALL_FILE, FIXTURES / "second_drug.yaml",
                                     FIXTURES / "second_drug.es.yaml") if path.is_file())


def _snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every file and folder under `folder`: (size, mtime_ns, mode), by relative name."""
    found = {}
    for path in [folder, *folder.rglob("*")]:
        info = path.lstat()
        found[str(path.relative_to(folder))] = (info.st_size if path.is_file() else 0, info.st_mtime_ns, info.st_mode)
    return found


class SharedCache:
    """A warm cache every test starts with, put back as it was after each test.

    Checked once per suite run (by the first xdist worker that gets the lock; the others wait): the
    real script runs on each of WARM_FILES, in parallel, compiling what is not there yet; each
    worker copies the result to its own folder.
    After each test, entries the test added are removed (so pruning never evicts the warm ones,
    and no test sees another's files) and anything a test changed is copied back."""

    def __init__(self, pristine: Path, working: Path) -> None:
        self.pristine, self.working = pristine, working
        shutil.copytree(pristine, working, symlinks=True)
        self.state = _snapshot(working)

    def restore(self) -> None:
        try:
            unchanged = _snapshot(self.working) == self.state
        except OSError:
            unchanged = False
        if not unchanged:
            # Made writable first: a test may have left a folder read-only.
            for path in [self.working, *self.working.rglob("*")] if self.working.is_dir() else []:
                if path.is_dir() and not path.is_symlink():
                    path.chmod(0o700)
            shutil.rmtree(self.working, ignore_errors=True)
            if self.working.is_symlink() or self.working.exists():
                self.working.unlink()
            shutil.copytree(self.pristine, self.working, symlinks=True)
            self.state = _snapshot(self.working)


def _build_pristine_cache(folder: Path, run_folder: Path) -> None:
    """Make sure `folder` holds this code's entries for WARM_FILES: the real script runs once on
    each (in parallel): a hit where the entry is there already, a compile where it is not."""
    import fcntl

    folder.mkdir(parents=True, exist_ok=True)
    with open(folder.parent / f"{folder.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = run_folder / "warm-cache-checked"
        if done.exists():  # another worker of this run did it
            return
        env = {**os.environ, "XDG_CACHE_HOME": str(folder)}
        for name in ("BACLOFEN_CACHE_DIR", "BACLOFEN_DATA"):
            env.pop(name, None)
        builds = [subprocess.Popen([script_path(), "--data", str(path), "topics"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for path in WARM_FILES]
        for build in builds:
            build.wait(timeout=600)  # a file that does not compile is simply not warm
        done.touch()


@pytest.fixture(scope="session")
def shared_cache(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SharedCache:
    base = tmp_path_factory.getbasetemp()
    # Under xdist each worker's folder (popen-gw0) sits in the run's.
    run_folder = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    # Kept between runs in pytest's cache folder (.pytest_cache) where there is one: an entry is
    # keyed by the file's content and the code, so one made by an older checkout is simply not
    # used, and made again. Without it (-p no:cacheprovider), built once per run.
    store = getattr(request.config, "cache", None)
    pristine = (Path(store.mkdir("baclofen-warm-cache")) if store is not None else run_folder / "warm-cache")
    _build_pristine_cache(pristine, run_folder)
    return SharedCache(pristine, base / "cache")


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, shared_cache: SharedCache) -> Iterator[None]:
    for name in _STYLE_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("LANG", "C.UTF-8")
    # The warm cache (shared_cache): tests of the cache itself set their own directory.
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_cache.working))
    from baclofen_cli.core import loader

    loader.load.cache_clear()
    yield
    loader.load.cache_clear()
    shared_cache.restore()


def read_yaml(path: Path) -> Any:
    """`yaml.safe_load` of a file, parsed once per content for the whole session (with libyaml
    where PyYAML has it: the shipped file takes seconds in pure Python) and handed out as a fresh
    copy each time, so a test may change what it gets."""
    import pickle

    return pickle.loads(_parsed_yaml(Path(path).read_bytes()))


@cache
def _parsed_yaml(raw: bytes) -> bytes:
    import pickle

    import yaml

    return pickle.dumps(yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


@cache
def validated_kb(path: Path = DATA_FILE) -> Any:
    """`loader.parse_and_validate` of a knowledge file, once per session (seconds for the shipped
    file): the model structs the index builders and engines take. Read it, do not change it."""
    from baclofen_cli.core.loader import parse_and_validate

    return parse_and_validate(Path(path).read_bytes(), str(path))


@cache
def ask_engine(path: Path = DATA_FILE) -> tuple[Any, Any]:
    """(validated_kb(path), its ask index), once per session."""
    from baclofen_cli.features.ask.index import build_index

    kb = validated_kb(path)
    return kb, build_index(kb)


@cache
def _shipped_validation() -> tuple[int, str]:
    result = run_cli(["validate", str(DATA_FILE), "--json"])
    return result.returncode, result.stdout


def shipped_validation() -> tuple[int, dict[str, Any]]:
    """(exit code, report) of `baclofen validate <the shipped file> --json` through `run_cli`,
    run once per session (about a second): for tests that only read what validate says of the
    unchanged shipped file. A fresh copy of the report each call."""
    import json

    code, stdout = _shipped_validation()
    return code, json.loads(stdout)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, args: list[str], **kwargs):  # noqa: ANN201
    """Run the app in-process. Exceptions are not swallowed: a traceback fails the test."""
    from baclofen_cli.cli.app import app

    return runner.invoke(app, args, catch_exceptions=False, **kwargs)


def script_path() -> str:
    """The installed `baclofen` console script (tests run against the installed package)."""
    candidate = Path(sys.executable).parent / ("baclofen.exe" if os.name == "nt" else "baclofen")
    found = str(candidate) if candidate.exists() else shutil.which("baclofen")
    if not found:
        pytest.fail("the `baclofen` script is not installed: run `pip install -e '.[test]'` first")
    return found


# A guard against a hang, not a speed target (those live in benchmarks/): a loaded 2-core
# machine once took over 5 s to start the tool, which made a 5-second limit fail for nothing.
HANG_GUARD_SECONDS = 60

# Tests that need a user other than root run the installed script as 'nobody'.
OTHER_USER = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@cache
def why_another_user_cannot_run_the_tool() -> str | None:
    """None when the tests can run the tool as another user, else why not (the skip reason).

    Root reads and writes through any permission, so permission tests drop to 'nobody'. That
    user cannot start the tool when the checkout, its virtual environment or the Python it was
    made from is private (a clone in `mktemp -d`, a pyenv Python whose shared library is under
    /root): the test then says so and skips instead of failing for where things happen to be."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("setpriv") is None:
        return "needs root and setpriv to run the tool as another user"
    probe = subprocess.run([*OTHER_USER, script_path(), "--version"], capture_output=True, text=True, timeout=60,
                           cwd="/")
    if probe.returncode != 0:
        return f"another user cannot run {script_path()} (the checkout, its virtual environment or its Python is private)"
    return None


# Variables that act only when a Python starts (the streams' encoding, sys.path, the locale a
# process is born with): a run that sets one is a real process, whatever the test asked for.
_START_UP_VARIABLES = ("PYTHON", "LC_", "LANG")


def _needs_a_process(env: dict[str, str] | None) -> bool:
    changed = {name for name, value in (env or {}).items() if os.environ.get(name) != value}
    return any(name.startswith(_START_UP_VARIABLES) for name in changed)


def run_cli(args: list[str], *, env: dict[str, str] | None = None, input: str | None = None,
            timeout: float = 30, cwd: str | Path | None = None, process: bool = False,
            program: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line with the test's environment plus `env`; exit code, stdout, stderr.

    By default in this process: the console script's own entry point (`baclofen_cli.cli.entry:main`,
    the fast path first, then Typer) with sys.argv, the environment, the working folder and real
    file streams (not terminals) set as the script would have them, and everything put back after.
    `process=True` runs the installed script in a subprocess (`run_script`): for what only a real
    process has (exit status through the script, pipes, signals, a terminal, start-up imports,
    another user, variables read when Python starts, which go to a process by themselves).
    `program`: the path the tool is run as (a link named after another drug), else the script."""
    # Swapping sys.stdout is not for threads (test_hostile's run_all): another thread runs a process.
    if process or _needs_a_process(env) or threading.current_thread() is not threading.main_thread():
        return run_script(args, env=env, input=input, timeout=timeout, cwd=cwd, program=program)
    return run_in_process(args, env=env, input=input, timeout=timeout, cwd=cwd, program=program)


def run_script(args: list[str], *, env: dict[str, str] | None = None, input: str | None = None,
               timeout: float = 30, cwd: str | Path | None = None,
               program: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real console script in a subprocess, with the test's environment plus `env`."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [program or script_path(), *args], capture_output=True, text=True, encoding="utf-8", errors="replace",
        env=full_env, input=input, timeout=timeout, cwd=cwd,
    )


class _HangGuard(Exception):
    pass


def run_in_process(args: list[str], *, env: dict[str, str] | None = None, input: str | None = None,
                   timeout: float = 30, cwd: str | Path | None = None,
                   program: str | None = None) -> subprocess.CompletedProcess[str]:
    """`run_cli` in this process: what the console script does, without starting a Python.

    The streams are real files (they have a descriptor and are no terminal, as a pipe); the run
    reads its knowledge file afresh (the loader's per-run cache is emptied before and after), and
    the module state a run sets (the program name, the labels in use, the SIGTERM handler) is put
    back, so nothing leaks into the next run or test. A run longer than `timeout` fails the test."""
    import io
    import tempfile

    from baclofen_cli import lang
    from baclofen_cli.cli import entry, report
    from baclofen_cli.core import loader, state

    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file, \
            tempfile.TemporaryFile() as in_file:
        saved_environ = dict(os.environ)
        saved_streams = sys.stdin, sys.stdout, sys.stderr
        saved_argv, saved_cwd = sys.argv, os.getcwd()
        saved_state = report.PROGRAM, state.RUN_PROGRAM, lang._current, lang._pending
        saved_sigterm = signal.getsignal(signal.SIGTERM)
        saved_alarm = signal.getsignal(signal.SIGALRM)
        in_file.write((input or "").encode("utf-8"))
        in_file.seek(0)
        # As Python makes them for a pipe: UTF-8 (the tests' C.UTF-8 locale), "\n" written as it is,
        # stderr line-buffered.
        stdout = io.TextIOWrapper(out_file, encoding="utf-8", newline="\n")
        stderr = io.TextIOWrapper(err_file, encoding="utf-8", errors="backslashreplace", newline="\n",
                                  line_buffering=True)
        stdin = io.TextIOWrapper(in_file, encoding="utf-8")

        def hang(signum: int, frame: object) -> None:
            raise _HangGuard

        code: object = 0
        loader.load.cache_clear()
        try:
            if env:
                os.environ.update(env)
            if cwd is not None:
                os.chdir(cwd)
            sys.argv = [program or script_path(), *args]
            sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
            signal.signal(signal.SIGALRM, hang)
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                entry.main()
            except SystemExit as exit_:
                code = exit_.code
            except _HangGuard:
                raise subprocess.TimeoutExpired(sys.argv, timeout) from None
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, saved_alarm)
            if isinstance(code, str):  # sys.exit("message"): Python prints it and exits 1
                print(code, file=sys.stderr)
                code = 1
        finally:
            sys.stdin, sys.stdout, sys.stderr = saved_streams
            sys.argv = saved_argv
            os.chdir(saved_cwd)
            os.environ.clear()
            os.environ.update(saved_environ)
            signal.signal(signal.SIGTERM, saved_sigterm)
            report.PROGRAM, state.RUN_PROGRAM, lang._current, lang._pending = saved_state
            loader.load.cache_clear()
        for wrapper in (stdout, stderr, stdin):
            try:
                wrapper.detach()  # flushed, and the file left open for reading here
            except ValueError:  # closed by the run
                pass
        outputs = []
        for raw in (out_file, err_file):
            raw.seek(0)
            outputs.append(raw.read().decode("utf-8", errors="replace"))
        return subprocess.CompletedProcess([program or script_path(), *args], 0 if code is None else int(code), *outputs)


# CONTENT PENDING (issue 12): the shipped file still has safety statements and emergency numbers
# without an official source (BCL021, BCL026: `python benchmarks/source_tiers.py --list`). The
# content branches fix them in their topics; once merged, these tests pass, strict xfail turns
# that into a failure, and this marker must be removed from them.
content_pending = pytest.mark.xfail(
    strict=True,
    reason="waiting for the content merges: safety statements / emergency numbers without an official source",
)


# Loaded by Python at start-up (via PYTHONPATH) in the child process only: when the file being
# fsync'ed has HOSTILE_SIGNAL_AT in its name, the process sends itself HOSTILE_SIGNAL, as a Ctrl-C,
# a `kill` or a SIGKILL (which cannot be caught) arriving at the worst moment: the data is written
# but not yet renamed.
SIGNAL_AT_FSYNC = '''
import os, signal, sys, time
_target = os.environ.get("HOSTILE_SIGNAL_AT")
if _target:
    _signum = int(os.environ["HOSTILE_SIGNAL"])
    _real_fsync = os.fsync

    def _fsync(fd):
        try:
            name = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            name = ""
        if _target in os.path.basename(name):
            sys.stderr.write("hostile: signal while writing\\n")
            sys.stderr.flush()
            os.kill(os.getpid(), _signum)
            time.sleep(5)
        return _real_fsync(fd)

    os.fsync = _fsync
'''


def signal_at_fsync(tmp_path: Path, target: str, signum: int) -> dict[str, str]:
    """The environment for a child that sends itself `signum` while it fsyncs a file whose name
    contains `target` (SIGNAL_AT_FSYNC, installed as the child's sitecustomize)."""
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(SIGNAL_AT_FSYNC, encoding="utf-8")
    return {"PYTHONPATH": str(site), "HOSTILE_SIGNAL_AT": target, "HOSTILE_SIGNAL": str(int(signum))}
