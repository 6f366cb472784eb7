"""Reads of the labour exchange: protection."""
