"""Pieces several pages share: the chart view and the period picker."""
