"""The Qt side: windows, table models, the scanner filter, dialogs, sounds, printed sheets."""
