"""The one translation helper every module of the window uses.

``pyside6-lupdate`` files a module-level ``tr("...")`` call under the empty context, so
this helper looks strings up there: what the tool extracts is what the program asks for.
The file and line of each string travel with it in the ``.ts`` sources, which is what a
translator needs to see where a string is used. Plurals go through Qt's ``%n`` forms:
``tr("%n item(s)", None, n)``; without a translation for the language, English plural
rules apply, so the bench never says "1 items".

Each fixed text handed out (no placeholders, no plural) is remembered with its source, so
a switch of language can find the texts already on screen and put them in the new
language (``language.retranslate_widgets``) without rebuilding the window.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_PLURAL = re.compile(r"\((s|es)\)")

#: A text as shown -> (source, disambiguation). Bounded: fixed strings only.
shown: dict[str, tuple[str, str | None]] = {}


def tr(source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the user's language; ``n`` chooses a plural form and fills ``%n``."""
    text = QCoreApplication.translate("", source, disambiguation, n)
    if n >= 0:
        if text == source.replace("%n", str(n)):
            # Not translated: the source is English, written with "(s)"/"(es)" for plurals.
            text = _PLURAL.sub(lambda m: "" if n == 1 else m.group(1), text)
    elif "{" not in source:
        shown.setdefault(text, (source, disambiguation))
    return text
