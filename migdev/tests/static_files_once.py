"""WhiteNoise's list of static files, read once per test session.

Each Django test client loads the middleware again, and WhiteNoise then walks every static file with the finders
(about 30 ms; a few thousand clients make a minute of each suite). The files do not change while the tests run, so
the first walk's list is kept and given to every later instance. A served site (`served_site`) is its own process
and walks them itself.
"""

from typing import Any

from whitenoise.middleware import WhiteNoiseMiddleware

_walked: dict[str, Any] = {}


def read_static_files_once() -> None:
    walk = WhiteNoiseMiddleware.add_files_from_finders
    if getattr(walk, "once", False):
        return

    def add_files_from_finders(self: WhiteNoiseMiddleware) -> None:
        if not _walked:
            before = set(self.files)
            walk(self)
            _walked.update({url: found for url, found in self.files.items() if url not in before})
        else:
            for url, found in _walked.items():
                self.files[url] = found

    add_files_from_finders.once = True  # type: ignore[attr-defined]
    WhiteNoiseMiddleware.add_files_from_finders = add_files_from_finders  # type: ignore[method-assign]
