"""The awareness survey and parent-letter pages, which share one layout."""
