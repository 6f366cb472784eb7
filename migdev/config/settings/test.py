"""Test settings: fast password hashing, throttling kept on but isolated per test."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests change ESCO and its embeddings and read the index at once (the recheck itself: core/tests/test_esco_text.py).
MIGDEV_ESCO_INDEX_RECHECK_SECONDS = 0.0
