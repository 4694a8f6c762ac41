"""Packing slips and barcode sheets: what they say, how they are drawn, and the print worker."""
