"""Keep ``None``, ``True`` and ``False`` alive under PySide6 6.12.0 on Python 3.11.

PySide6 6.12.0 (as installed here) loses a reference each time it hands one of these
singletons back: ``None`` from void methods (``setText``, ``show``, ``postEvent``,
``processEvents``) and from methods returning a null ``QObject *`` (``focusWidget()``,
``activePopupWidget()``, ``parent()``), ``True`` from every ``Signal.emit()``. Python
3.11 counts references to them like any object's, so after a few thousand such calls a
count reaches zero and the interpreter aborts (``Fatal Python error: none_dealloc`` or
``bool_dealloc``): a window that had packed a few hundred items died on the next scan.

Python 3.12 made these objects immortal; :func:`protect_singletons` does the same for
3.11, once, by raising their counts out of reach (2**40: losing a million references a
second would take twelve days to use that up). Nothing else changes: the objects are
never freed in any case.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

#: References added to each singleton: far beyond what any session can lose.
HEADROOM = 1 << 40


@cache
def protect_singletons() -> bool:
    """Make None, True and False effectively immortal; True if anything was done."""
    if sys.version_info >= (3, 12) or hasattr(sys, "gettotalrefcount"):
        return False  # immortal already; a debug build's counts are checked, not raised
    for singleton in (None, True, False):
        # ob_refcnt is a PyObject's first field in every release build of CPython 3.11.
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    return True
