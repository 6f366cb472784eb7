"""Run `manage.py check --deploy` on the production settings with a throwaway secret key."""

import os
import secrets
import subprocess
import sys

env = dict(os.environ)
env["DJANGO_SETTINGS_MODULE"] = "migdev.config.settings.production"
env["MIGDEV_SECRET_KEY"] = secrets.token_urlsafe(64)
env["MIGDEV_ALLOWED_HOSTS"] = "migdev.example.org"
result = subprocess.run(
    [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"], env=env, check=False
)
sys.exit(result.returncode)
