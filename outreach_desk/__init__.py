"""Outreach Desk (反诈宣传工作台): ledger, coverage and reports for anti-fraud outreach."""

from outreach_desk._refcount_guard import make_singletons_immortal

__version__ = "0.1.0"

make_singletons_immortal()
