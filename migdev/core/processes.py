"""Which process is which, and whether it still runs: how a job's worker is known to be dead at once.

A process is recorded as host, process id and start time; the pair (pid, start time) tells a live process from a
dead one even when the system has since given the same pid to another process. The host is the host name and, on
Linux, the process-id namespace, so two containers that share a host name never judge each other's processes.
Processes on another host cannot be checked from here: their heartbeats tell instead (see `core/jobs.py`).
"""

import os
import socket
from dataclasses import dataclass
from functools import cache

import psutil

# Two readings of one process's start time differ by rounding only.
START_TIME_TOLERANCE = 1.0


@dataclass(frozen=True)
class Owner:
    """A process: where it runs, its id, and when it started (epoch seconds)."""

    host: str
    pid: int
    started: float


@cache
def _start_time(pid: int) -> float:
    return float(psutil.Process(pid).create_time())


def current_owner() -> Owner:
    """This process, as a worker records itself."""
    pid = os.getpid()
    return Owner(host=this_host(), pid=pid, started=_start_time(pid))


@cache
def this_host() -> str:
    """Where pids mean the same processes: the host name, and the pid namespace where there is one (Linux)."""
    try:
        namespace = os.readlink("/proc/self/ns/pid")  # e.g. "pid:[4026531836]"
    except OSError:
        return socket.gethostname()
    return f"{socket.gethostname()} {namespace}"


def is_dead(pid: int | None, started: float | None) -> bool:
    """Whether the process `pid` started at `started` (on this host) no longer runs."""
    if pid is None or started is None:
        return False  # nothing recorded: nothing to judge it by
    try:
        actual = psutil.Process(pid).create_time()
    except psutil.NoSuchProcess:
        return True
    except psutil.Error:
        return False  # the process exists but cannot be inspected (another user's): assume it is alive
    return abs(actual - started) > START_TIME_TOLERANCE  # the pid now belongs to another process
