"""Writes of the policy room, one module per part; each checks its permission first and runs in one transaction."""
