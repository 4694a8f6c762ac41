"""Qt's own messages, routed into Python logging (as qutebrowser does).

A fatal message is Qt giving up, almost always because no window can be opened (no
display, or the xcb platform plugin missing libraries). Qt would abort with nothing on
stderr once its message comes here, so the handler says it in a sentence first.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

qt_log = logging.getLogger("packstation.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

#: Exit code when Qt cannot start (instead of SIGABRT's 134 with nothing said).
EXIT_NO_WINDOW = 3

_recent: list[str] = []


def fatal_sentence(message: str, earlier: list[str]) -> str:
    """One line for IT: what is missing and how to fix it."""
    detail = " ".join([*earlier[-2:], message]).strip()
    return (
        "PackStation cannot open its window: Qt could not start a display "
        f"({detail[:300]}). On Linux install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1, "
        "check DISPLAY, or for an install check without a screen run with "
        "QT_QPA_PLATFORM=offscreen (README, Troubleshooting)."
    )


def _handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    qt_log.log(_LEVELS.get(kind, logging.WARNING), "%s (%s)", message, context.category or "qt")
    if kind != QtMsgType.QtFatalMsg:
        if kind == QtMsgType.QtWarningMsg:
            del _recent[:-4]
            _recent.append(message.strip())
        return
    sys.stderr.write(fatal_sentence(message, _recent) + "\n")
    sys.stderr.flush()
    logging.shutdown()
    os._exit(EXIT_NO_WINDOW)


def route_qt_messages() -> None:
    qInstallMessageHandler(_handler)
