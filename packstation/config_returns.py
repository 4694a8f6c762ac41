"""The settings of returns at the bench: the reasons a damaged unit's note is picked from.

Re-exported by ``packstation.config``, where the rest of the settings live.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

#: ``damage_reasons`` unless IT says otherwise (the bench shows these in its language).
DAMAGE_REASONS = (
    "Torn or broken",
    "Stained or dirty",
    "Worn or used",
    "Missing parts",
    "Wrong item",
    "Packaging damaged",
    "Wet",
    "Tags removed",
    "Other",
)

#: ``damage_reasons``: one to nine short reasons, scanned as 1 to 9 in this order.
DamageReasons = Annotated[
    tuple[
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)], ...
    ],
    Field(min_length=1, max_length=9),
]
