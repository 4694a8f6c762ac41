"""The packing bench's decisions: a widget-free controller, its flows and its questions.

Nothing here imports a widget (``PySide6.QtWidgets``), a window, a page, or the station's
database: the bench reaches its durable state only through the station port."""
