"""Campaigns, target rules, surveys, parent letters and the coverage engine built on them.

Pages, the CLI and the Excel report all call :func:`engine.compute` and :func:`gaps.gap_list`,
so every place shows the same figures.
"""
