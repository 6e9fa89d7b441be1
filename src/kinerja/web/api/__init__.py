"""Web area 'api'."""
