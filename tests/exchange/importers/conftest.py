"""The real export files of ../shared/data/imports, used where they lie (never copied)."""

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[4] / "shared" / "data" / "imports"
if not SAMPLES.is_dir():
    SAMPLES = Path("/work/shared/data/imports")


def sample_files(folder: str, pattern: str = "*") -> list[Path]:
    return sorted((SAMPLES / folder).glob(pattern)) if SAMPLES.is_dir() else []


def needs_samples(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"the sample exports are not here ({SAMPLES})")
