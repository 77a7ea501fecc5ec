"""The leaders' dashboard: tiles, charts loaded off the GUI thread, the meeting presentation."""
