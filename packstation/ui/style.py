"""The bench's style sheet: large type, calm colours, red that means red."""

from __future__ import annotations

from functools import cache

from PySide6.QtWidgets import QApplication, QWidget

from packstation.resources import resource_path


@cache
def bench_style() -> str:
    return resource_path("styles", "bench.qss").read_text("utf-8")


def apply_bench_style(target: QApplication | QWidget) -> None:
    target.setStyleSheet(bench_style())
