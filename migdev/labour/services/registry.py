"""Writes of the labour exchange: registry."""
