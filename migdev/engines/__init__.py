"""Pure computation engines: plain data in and out; no Django, no database, no I/O.

A room's `adapters.py` converts rows into engine inputs and results back into rows.
"""
