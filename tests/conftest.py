"""Shared test helpers: where the shared fixtures are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = SHARED / "fixtures"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The shared fixtures folder (skip when this checkout has no shared/ beside it)."""
    if not FIXTURES.is_dir():
        pytest.skip("../shared/fixtures is not beside this checkout")
    return FIXTURES
