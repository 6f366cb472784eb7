"""Test session set-up: the shipped reference data and statistics are loaded once, then each test rolls back."""

import pytest

from migdev.core.datasets import setup_datasets
from migdev.core.progress import SilentProgress


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        for dataset in setup_datasets():
            assert dataset.shipped is not None
            dataset.loader(dataset.shipped, SilentProgress())
