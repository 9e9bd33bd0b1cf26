"""Shared by every test module."""

from django.core.cache import cache

import pytest


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: cached navigation and rate-limit counts from an
    earlier test's pages (whose ids the rolled-back database hands out again) must not leak."""
    cache.clear()
    yield
