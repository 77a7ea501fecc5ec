"""The coverage page: which village falls short of which target, and the gap list."""
