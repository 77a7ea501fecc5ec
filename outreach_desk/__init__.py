"""Outreach Desk (反诈宣传工作台): ledger, coverage and reports for anti-fraud outreach."""

__version__ = "0.1.0"
