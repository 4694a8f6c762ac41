"""The widgets: the packing window, its pages, panels, dialogs, the scanner filter and the look."""
