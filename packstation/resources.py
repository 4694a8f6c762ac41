"""One way to find shipped files, whether run from a checkout, a wheel or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The folder of icons, sounds, styles, demo data and the tracking-number data set.

    Frozen (PyInstaller): ``resources/`` beside the bundle's modules. Installed as
    a wheel: ``packstation/_resources``. From a checkout: ``resources/`` at the top.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    package = Path(__file__).resolve().parent
    candidates = [
        *([Path(frozen_root) / "resources"] if frozen_root else []),
        package / "_resources",
        package.parent / "resources",
    ]
    for candidate in candidates:
        if (candidate / "sandbox").is_dir():
            return candidate
    raise FileNotFoundError(
        "PackStation's resources folder is missing; looked in: "
        + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
