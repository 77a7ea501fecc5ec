"""Supervision pages: the ranking, rectification orders, fraud-case figures and the bulletin preview."""
