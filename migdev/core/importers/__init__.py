"""Loaders of the reference datasets (`migdev setup`, `migdev import <name> <path>`): one module per dataset."""
