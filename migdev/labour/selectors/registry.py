"""Reads of the labour exchange: registry."""
