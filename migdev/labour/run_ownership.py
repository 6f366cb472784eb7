"""Which process owns an allocation run, and whether that process is still alive.

A run is computed in a thread of the process that queued it (or inline by the CLI); it is not in a durable queue.
If that process dies (the server is stopped or killed), the run would stay "queued" or "running" for ever. Each run
records its owner as host, process id and the process's start time; the pair (pid, start time) tells a live owner
from a dead one even when the system has since given the same pid to another process. The host is the host name and,
on Linux, the process-id namespace, so two containers that share a host name never judge each other's processes.
Owners on another host cannot be checked from here and are left alone.
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
    host: str
    pid: int
    started: float


@cache
def _start_time(pid: int) -> float:
    return float(psutil.Process(pid).create_time())


def current_owner() -> Owner:
    """This process, as recorded on the runs it queues or computes."""
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
        return False  # a run recorded before owners were: nothing to judge it by
    try:
        actual = psutil.Process(pid).create_time()
    except psutil.NoSuchProcess:
        return True
    except psutil.Error:
        return False  # the process exists but cannot be inspected (another user's): assume it is alive
    return abs(actual - started) > START_TIME_TOLERANCE  # the pid now belongs to another process
