"""The `migdev` command: MigDev's own commands (setup, serve, import) and every Django command."""

import os
import sys

ALIASES = {"import": "import_dataset"}


def main(argv: list[str] | None = None, prog: str = "migdev") -> int:
    """Run a command: `migdev setup`, `migdev serve`, `migdev import <dataset> <path>`, `migdev migrate`, ..."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "migdev.config.settings.base")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ALIASES:
        args[0] = ALIASES[args[0]]
    execute_from_command_line([prog, *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
