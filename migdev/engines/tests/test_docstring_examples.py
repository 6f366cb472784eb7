"""The short examples in the engine's docstrings run as written (those marked SKIP need a full exchange)."""

import doctest
import importlib

import pytest

MODULES = [
    "migdev.engines.executors.base",
    "migdev.engines.matching.model",
    "migdev.engines.matching.allocation",
    "migdev.engines.matching.shortlists",
    "migdev.engines.matching.retrieval",
    "migdev.engines.matching.synthetic",
    "migdev.engines.matching.text",
    "migdev.engines.overlap.engine",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
