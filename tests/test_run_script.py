"""`make run` stops cleanly: Ctrl-C, or SIGTERM to scripts/run.sh, ends every process it started
(web server, worker, the worker's pool and beat) within 10 seconds."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STOP_WITHIN_SECONDS = 10

pytestmark = [pytest.mark.slow, pytest.mark.real_clock]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def processes_of(var_dir: Path) -> set[int]:
    """Every process (orphans included) started with this run's OCMC_VAR_DIR in its environment."""
    marker = f"OCMC_VAR_DIR={var_dir}".encode()
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker in environ.split(b"\0") and state != "Z":
            found.add(int(entry.name))
    return found


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    """A migrated SQLite portal of its own (embedded mode: no PostgreSQL, no Redis)."""
    var_dir = tmp_path_factory.mktemp("run")
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(OCMC_VAR_DIR=str(var_dir), SWEEP_INTERVAL_SECONDS="1", PYTHONUNBUFFERED="1")
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True,
                   timeout=300)
    return var_dir, env


def start(environment) -> tuple[subprocess.Popen, int, Path]:
    var_dir, env = environment
    port = free_port()
    # A terminal's foreground job takes Ctrl-C. Where this suite runs as a background job, SIGINT and
    # SIGQUIT are ignored, and an ignored signal stays ignored across exec (a caught one is reset to its
    # default): catch them here while the script starts, so that it starts as it would from a terminal.
    previous = {signal.SIGINT: signal.signal(signal.SIGINT, signal.default_int_handler),
                signal.SIGQUIT: signal.signal(signal.SIGQUIT, signal.SIG_DFL)}
    try:
        script = subprocess.Popen(["scripts/run.sh"], cwd=ROOT, env={**env, "PORT": str(port)},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    break
        except OSError:
            pass
        assert script.poll() is None, "scripts/run.sh ended before the portal answered"
        assert time.monotonic() < deadline, "the portal did not answer within 2 minutes"
        time.sleep(0.5)
    # The worker is up too (its beat has written its schedule): it is a process to stop, not yet a log line.
    while not (var_dir / "worker.log").exists() or b"beat: Starting" not in (var_dir / "worker.log").read_bytes():
        assert time.monotonic() < deadline, "the worker did not start within 2 minutes"
        time.sleep(0.5)
    # And its pool: the worker forks its children on its own time, sometimes after beat has logged.
    while len(processes_of(var_dir)) < 4:  # the script, the web server, the worker and its children
        assert time.monotonic() < deadline, f"only {len(processes_of(var_dir))} processes after 2 minutes"
        time.sleep(0.2)
    return script, port, var_dir


def kill_left_over(var_dir: Path) -> None:
    """Whatever a failed test left running would otherwise count as the next test's (they share the portal)."""
    for pid in processes_of(var_dir):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def assert_all_stop(script: subprocess.Popen, var_dir: Path, started: float) -> None:
    while processes_of(var_dir) and time.monotonic() - started < STOP_WITHIN_SECONDS:
        time.sleep(0.1)
    left = processes_of(var_dir)
    for pid in left:  # do not leave them running for the next test
        os.kill(pid, signal.SIGKILL)
    assert not left, f"still running {STOP_WITHIN_SECONDS} s after the signal: {sorted(left)}"
    assert script.wait(timeout=1) is not None


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_make_run_stops_every_process_within_10_seconds(environment, how):
    kill_left_over(environment[0])
    try:
        script, port, var_dir = start(environment)
        assert len(processes_of(var_dir)) >= 4  # the script, the web server, the worker and its children
        started = time.monotonic()
        if how == "ctrl-c":
            os.killpg(script.pid, signal.SIGINT)  # what the terminal sends to the foreground group
        else:
            script.send_signal(signal.SIGTERM)
        assert_all_stop(script, var_dir, started)
    finally:
        kill_left_over(environment[0])
