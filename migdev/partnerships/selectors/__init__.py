"""Reads of the partnerships room (public): the registry, the boards and the dashboards."""
