"""Writes of the partnerships room, by part: commitments (and partners, progress updates) and boards."""
