"""Shared fixtures: paths to the project's own files, and a throwaway site folder."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "articles" / "lukashenko-visit-pakistan.txt"


@pytest.fixture
def seed_path() -> Path:
    return SEED
