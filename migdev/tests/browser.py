"""A real MigDev site for browser tests: `migdev setup` into a temporary folder, then `migdev serve`."""

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("MIGDEV_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_chromium() -> None:
    """Skip (or, where CI demands browsers, fail) when no Chromium is installed."""
    if Path(CHROMIUM).exists():
        return
    message = f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium chromium-driver)"
    if os.environ.get("MIGDEV_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served_site(var_dir: Path) -> Iterator[str]:
    """Set up a fresh SQLite site with the demo data in var_dir and serve it; yields its base URL."""
    env = {key: value for key, value in os.environ.items() if key != "MIGDEV_DATABASE_URL"}
    env.update({"MIGDEV_VAR_DIR": str(var_dir), "DJANGO_SETTINGS_MODULE": "migdev.config.settings.base"})
    migdev = [sys.executable, "-m", "migdev.cli"]
    subprocess.run([*migdev, "setup", "--no-embeddings"], env=env, check=True, capture_output=True, timeout=600)  # noqa: S603
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [*migdev, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(var_dir, ignore_errors=True)
