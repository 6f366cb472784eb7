"""Reads of the labour exchange: measurement."""
