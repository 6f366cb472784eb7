"""The production WSGI server (gunicorn) run in-process by `migdev serve`, so one command serves the site."""

from typing import Any

from gunicorn.app.base import BaseApplication


class ProductionServer(BaseApplication):  # type: ignore[misc]
    """Gunicorn with threaded workers; the Django application is loaded in each worker after the fork."""

    def __init__(self, address: str, *, workers: int, threads: int) -> None:
        self.options: dict[str, Any] = {
            "bind": address,
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "timeout": 120,  # allocation and import pages that run long are bounded by their own limits
            "graceful_timeout": 20,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "error",
            "limit_request_line": 8190,
            "limit_request_fields": 100,
            "proc_name": "migdev",
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from django.core.wsgi import get_wsgi_application

        return get_wsgi_application()
