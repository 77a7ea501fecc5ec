"""Supervision: rankings, the bulletin (通报), inspections and rectification orders, fraud-case figures."""
