"""Permissions of the remittances room (django-rules): stewards load new quarters of price data."""

import rules

from migdev.accounts.rules import is_steward

rules.add_perm("remittances.add_pricequote", is_steward)
# The Django admin: stewards see the price data and the imports.
rules.add_perm("remittances", is_steward)
for _model in ("pricequote", "priceimport", "publishedcorridoraverage"):
    rules.add_perm(f"remittances.view_{_model}", is_steward)
