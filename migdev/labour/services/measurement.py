"""Writes of the labour exchange: measurement.

The measurement only reads (selectors/measurement.py): it has no write service and no permission to pair with one.
Its read permission, `labour.view_market`, is public, since it publishes aggregates only.
"""
