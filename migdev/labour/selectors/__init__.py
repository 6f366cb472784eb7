"""Reads of the labour exchange, one module per part."""
