"""Reads of the diaspora room, by part: mapping, registry, experts, survey (and the audit log's names)."""
