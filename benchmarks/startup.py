"""Start-up benchmark: wall time and peak memory of fresh `baclofen` processes.

Every command runs as a new process, interleaved round-robin so machine noise hits
all of them alike, piped (plain text) and under a pseudo-terminal (the Rich colour
path). Baselines: `python -c pass` and a two-command Typer hello-world on the same
installed Typer. Targets (issue 6): every command at most 1.5x the hello-world and
8x `python -c pass`, peak memory at most 40 MiB.

    python benchmarks/startup.py            # 15 counted runs after 3 warm-ups
    python benchmarks/startup.py --runs 30 --check   # exit 1 if a target is missed
    python benchmarks/startup.py --against main --tty-only   # before/after, interleaved

`--against REF` also times the code of git revision REF (its baclofen_cli/ and data/,
extracted to a temporary folder and put first on PYTHONPATH), interleaved with this
checkout's runs, so a change is measured before and after under the same machine load.
"""

from __future__ import annotations

import argparse
import os
import pty
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HELLO_WORLD = """\
import typer

app = typer.Typer()


@app.command()
def hello():
    print("hello")


@app.command()
def bye():
    print("bye")


app()
"""

MAX_VS_HELLO = 1.5
MAX_VS_PASS = 8.0
MAX_PEAK_MIB = 40.0


@dataclass
class Case:
    label: str
    argv: list[str]
    tty: bool
    baseline: bool = False
    # Extra environment for this case (PYTHONPATH for the --against revision).
    env: dict[str, str] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)


def run_once(case: Case, env: dict[str, str]) -> None:
    env = {**env, **case.env}
    if case.tty:
        master, slave = pty.openpty()
        start = time.perf_counter()
        proc = subprocess.Popen(case.argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
        os.close(slave)
        # Drain the terminal as a user's terminal would; a full pty buffer would stall the child.
        while True:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        os.close(master)
        proc.returncode = os.waitstatus_to_exitcode(status)
    else:
        start = time.perf_counter()
        proc = subprocess.Popen(case.argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=env)
        proc.stdout.read()
        proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.stdout.close()
        proc.stderr.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{case.label} exited with {proc.returncode}")
    case.times.append(elapsed)
    case.peaks.append(usage.ru_maxrss / 1024)  # Linux reports KiB


def extract_revision(ref: str, workdir: Path) -> Path:
    """The package and data of git revision `ref`, extracted under `workdir` (compiled like an install)."""
    import compileall
    import io
    import tarfile

    root = Path(__file__).resolve().parent.parent
    archive = subprocess.run(["git", "-C", str(root), "archive", ref, "baclofen_cli", "data"],
                             capture_output=True, check=True).stdout
    tree = workdir / "against"
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tree, filter="data")
    compileall.compile_dir(tree / "baclofen_cli", quiet=1)
    return tree


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15, help="counted runs per case (default 15, at least 10)")
    parser.add_argument("--warmups", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="exit 1 if any target is missed")
    parser.add_argument("--against", metavar="REF", help="also time git revision REF, interleaved (rows marked 'REF')")
    parser.add_argument("--tty-only", action="store_true", help="only the terminal runs of the commands")
    args = parser.parse_args()
    runs = max(args.runs, 10)

    script = shutil.which("baclofen", path=str(Path(sys.executable).parent)) or shutil.which("baclofen")
    if not script:
        raise SystemExit("the `baclofen` script is not installed in this environment")
    # Measure what an installed copy does: `pip install` compiles every module to bytecode,
    # but an editable install (or PYTHONDONTWRITEBYTECODE=1) can leave stale .pyc files, and
    # then every run would recompile the changed modules from source.
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("baclofen_cli")
    if spec and spec.submodule_search_locations:
        compileall.compile_dir(spec.submodule_search_locations[0], quiet=1)
    workdir = Path(tempfile.mkdtemp(prefix="baclofen-bench-"))
    hello = workdir / "hello.py"
    hello.write_text(HELLO_WORLD)
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "BACLOFEN_DATA")}
    env.update(TERM="xterm-256color", COLUMNS="80", LINES="40")
    # Long answers on a terminal would wait in the pager for a key press; the pager's own
    # run time is not start-up, so it is turned off (the answer is written as before).
    env["BACLOFEN_PAGER"] = "cat"

    commands = [
        ("missed-dose", ["missed-dose"]),
        ("side-effects", ["side-effects"]),
        ("side effects (words joined)", ["side", "effects"]),
        ("interactions oxycodone", ["interactions", "oxycodone"]),
        ('ask "can I drink alcohol with it"', ["ask", "can I drink alcohol with it"]),
        ("--help", ["--help"]),
        # The Spanish edition (issue 18): the same bars hold for it.
        ("--lang es missed-dose", ["--lang", "es", "missed-dose"]),
        ('--lang es ask "se me olvidó una pastilla"', ["--lang", "es", "ask", "se me olvidó una pastilla"]),
    ]
    cases = [
        Case("python -c pass", [sys.executable, "-c", "pass"], tty=False, baseline=True),
        Case("typer hello-world", [sys.executable, str(hello), "hello"], tty=False, baseline=True),
    ]
    trees = [("", {})]
    if args.against:
        trees.append((f"{args.against}: ", {"PYTHONPATH": str(extract_revision(args.against, workdir))}))
    for label, argv in commands:
        for mode in (True,) if args.tty_only else (False, True):
            for prefix, extra in trees:
                # The other revision's rows are for comparison: its misses are not this checkout's.
                cases.append(Case(f"{prefix}baclofen {label}", [script, *argv], tty=mode, baseline=bool(extra),
                                  env=extra))

    for _ in range(args.warmups):
        for case in cases:
            run_once(case, env)
    for case in cases:
        case.times.clear()
        case.peaks.clear()
    for _ in range(runs):
        for case in cases:
            run_once(case, env)

    import typer

    pass_ms = statistics.median(cases[0].times) * 1000
    hello_ms = statistics.median(cases[1].times) * 1000
    print(f"Python {sys.version.split()[0]}, Typer {typer.__version__}, {os.cpu_count()} CPUs, "
          f"{runs} counted runs after {args.warmups} warm-ups, medians")
    print()
    header = f"| {'command':52} | {'output':6} | {'median ms':>9} | {'x pass':>6} | {'x hello':>7} | {'peak MiB':>8} |"
    print(header)
    print("|" + "|".join("-" * (len(part)) for part in header.split("|")[1:-1]) + "|")
    failures = []
    for case in cases:
        median_ms = statistics.median(case.times) * 1000
        peak = max(case.peaks)
        vs_pass, vs_hello = median_ms / pass_ms, median_ms / hello_ms
        mode = "tty" if case.tty else "pipe"
        print(f"| {case.label:52} | {mode:6} | {median_ms:9.1f} | {vs_pass:6.2f} | {vs_hello:7.2f} | {peak:8.1f} |")
        if not case.baseline:
            if vs_hello > MAX_VS_HELLO:
                failures.append(f"{case.label} ({mode}) is {vs_hello:.2f}x the hello-world (limit {MAX_VS_HELLO})")
            if vs_pass > MAX_VS_PASS:
                failures.append(f"{case.label} ({mode}) is {vs_pass:.2f}x python -c pass (limit {MAX_VS_PASS})")
            if peak > MAX_PEAK_MIB:
                failures.append(f"{case.label} ({mode}) peaks at {peak:.1f} MiB (limit {MAX_PEAK_MIB})")
    print()
    print("targets: <= 1.5x hello-world, <= 8x python -c pass, <= 40 MiB peak")
    print("all targets met" if not failures else "MISSED:\n  " + "\n  ".join(failures))
    shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failures and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
