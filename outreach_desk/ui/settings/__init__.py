"""Preferences: the clerk's name and the language."""
