"""Qt user interface: widgets, item models and dialogs. Talks to services, never to the store."""
