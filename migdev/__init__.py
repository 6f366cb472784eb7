"""MigDev: an open platform for migration and development."""

__version__ = "0.1.0"
