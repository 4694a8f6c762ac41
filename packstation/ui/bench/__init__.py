"""The packing bench: a widget-free controller, its pages, its actions and its questions."""
