"""Writes of the labour exchange, one module per part: every function checks its permission, then runs atomically."""
