#!/usr/bin/env python
"""Django's command-line utility; `migdev` is the same with MigDev's own commands first."""

import sys

from migdev.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], prog="manage.py"))
