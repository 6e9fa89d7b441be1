"""Where a writer's bytes go: a path or a binary stream."""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

Target = str | os.PathLike[str] | BinaryIO


def emit(data: bytes, target: Target) -> None:
    """Write `data` to a file path (created or replaced) or to an open binary stream."""
    if isinstance(target, str | os.PathLike):
        Path(target).write_bytes(data)
    else:
        target.write(data)
