"""Fixtures for the core tests."""

from tests.core.privileges import shared_dir  # noqa: F401 (a fixture for the read-only tests)
