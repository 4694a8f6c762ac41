"""The Qt side: windows, table models, the scanner filter, dialogs, sounds, printed sheets."""

from packstation.ui.pyside_hook import lighten

# Before any other Qt module of the program is imported: see pyside_hook.py.
lighten()
