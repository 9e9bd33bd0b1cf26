"""For build steps that serve nothing and send nothing: collectstatic in the Dockerfile.

The production settings refuse to start without real secrets and a mail transport, which a
build must not have; static files only need base.py's storage and finders.
"""

import os

os.environ.setdefault("SECRET_KEY", "build-only-not-secret-" + "x" * 32)
os.environ.setdefault("EMAIL_HASH_KEY", "build-only-not-secret")

from .base import *  # noqa: F403
