"""Reads of the impact room, by part: projects (lists, versions, the library) and baseline (other rooms' data)."""
