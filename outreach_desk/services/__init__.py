"""Domain services: everything the UI and the CLI may ask of the store, with no Qt widgets."""
