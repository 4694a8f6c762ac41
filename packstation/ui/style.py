"""The bench's style sheet: large type, calm colours, red that means red."""

from __future__ import annotations

from functools import cache

from PySide6.QtWidgets import QApplication, QWidget

from packstation.resources import resource_path


@cache
def bench_style() -> str:
    """The style sheet, with ``{icons}`` pointing at the shipped icons (checkout, wheel or
    frozen bundle alike)."""
    text = resource_path("styles", "bench.qss").read_text("utf-8")
    return text.replace("{icons}", resource_path("icons").as_posix())


def apply_bench_style(target: QApplication | QWidget) -> None:
    target.setStyleSheet(bench_style())
