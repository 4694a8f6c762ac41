"""The one translation helper every module of the window uses.

``pyside6-lupdate`` files a module-level ``tr("...")`` call under the empty context, so
this helper looks strings up there: what the tool extracts is what the program asks for.
The file and line of each string travel with it in the ``.ts`` sources, which is what a
translator needs to see where a string is used. Plurals go through Qt's ``%n`` forms:
``tr("%n item(s)", None, n)``; without a translation for the language, English plural
rules apply, so the bench never says "1 items".
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_PLURAL = re.compile(r"\((s|es)\)")


def tr(source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the user's language; ``n`` chooses a plural form and fills ``%n``."""
    text = QCoreApplication.translate("", source, disambiguation, n)
    if n >= 0 and text == source.replace("%n", str(n)):
        # Not translated: the source is English, written with "(s)"/"(es)" for plurals.
        text = _PLURAL.sub(lambda m: "" if n == 1 else m.group(1), text)
    return text
