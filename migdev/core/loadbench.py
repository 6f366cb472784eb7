"""The load benchmark: the site under the production server and under Django's development server, driven by wrk.

Each server is started on a free port of 127.0.0.1 against the current database (set up with the demo data), warmed
up, then each page and API read is loaded for a few seconds at each concurrency. wrk's Lua hook reports requests per
second, the 50th and 95th percentile latency and the errors (sockets and non-2xx answers).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PAGES = ("/en/", "/en/stats/profiles/PHL/", "/en/labour/", "/en/labour/vacancies/")
API_READS = ("/api/v1/stats/profiles/PHL", "/api/v1/labour/vacancies", "/api/v1/law/instruments")

WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "socket_errors": %d, "non_2xx": %d, "p50_ms": %.2f, "p95_ms": %.2f}\\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
"""


@dataclass(frozen=True)
class Load:
    server: str
    path: str
    connections: int
    requests_per_s: float
    p50_ms: float
    p95_ms: float
    errors: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def served(dev: bool, workers: int, threads: int) -> Iterator[str]:
    """The site on a free port until the block ends; the production server unless `dev`."""
    port = free_port()
    command = [sys.executable, "-m", "migdev.cli", "serve", "--no-jobs", "--port", str(port)]
    command += ["--dev"] if dev else ["--workers", str(workers), "--threads", str(threads)]
    env = os.environ | {"MIGDEV_DEBUG": "0"} if not dev else dict(os.environ)
    process = subprocess.Popen(  # noqa: S603 - our own interpreter, a fixed command
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/en/", timeout=5):  # noqa: S310 - our own local server
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server ({' '.join(command)}) did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def wrk(url: str, connections: int, seconds: float, script: Path) -> dict[str, float]:
    threads = str(min(connections, 2))
    duration = f"{max(1, round(seconds))}s"  # wrk takes whole seconds only
    command = ["wrk", "-t", threads, "-c", str(connections), "-d", duration, "--timeout", "10s"]
    done = subprocess.run(  # noqa: S603 - wrk against our own local server
        [*command, "-s", str(script), url], capture_output=True, text=True, check=True
    )
    report: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def run(
    concurrencies: tuple[int, ...], seconds: float, workers: int, threads: int, servers: tuple[str, ...]
) -> list[Load]:
    """Every path at every concurrency on each server ("production", "development")."""
    if shutil.which("wrk") is None:
        raise RuntimeError("wrk is not installed (Debian: apt-get install wrk)")
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "report.lua"
        script.write_text(WRK_REPORT, encoding="utf-8")
        for server in servers:
            with served(server == "development", workers, threads) as base:
                for path in PAGES + API_READS:
                    wrk(base + path, 4, 1, script)  # warm up: caches, lazy imports, the first connections
                    for connections in concurrencies:
                        report = wrk(base + path, connections, seconds, script)
                        results.append(
                            Load(
                                server=server,
                                path=path,
                                connections=connections,
                                requests_per_s=round(report["requests"] / report["seconds"], 1),
                                p50_ms=report["p50_ms"],
                                p95_ms=report["p95_ms"],
                                errors=int(report["socket_errors"] + report["non_2xx"]),
                            )
                        )
    return results
