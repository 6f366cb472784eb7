"""Writes of the labour exchange: protection."""
