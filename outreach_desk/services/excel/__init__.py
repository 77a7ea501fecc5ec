"""Excel in and out: the village entry workbook, its safe import, and formula-safe cell writing.

openpyxl is imported inside functions only, so importing this package costs nothing at start-up.
"""
