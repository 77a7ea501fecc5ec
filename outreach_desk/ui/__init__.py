"""Qt user interface by feature: widgets, item models and dialogs. Talks to services, never to the store."""
