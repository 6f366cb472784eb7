"""Writes of the labour exchange: measurement."""
