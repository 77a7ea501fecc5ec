"""Pieces several pages share: record tables (row and paged models, the records view), the period picker,
date fields, layout helpers, the entry forms' keys and the chart view."""
