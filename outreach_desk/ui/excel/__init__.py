"""File menu work with Excel: entry workbooks, the import preview, the monthly report."""
