"""Reads of the policy room, one module per part (`results_framework` reads the domain rooms' selectors)."""
