"""Readers of remittance data files: parse and check, never write; every fault names the file, row and column."""
