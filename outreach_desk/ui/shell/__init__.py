"""The window's frame: start-up, the store session, the main window, background tasks, errors, shut-down."""
