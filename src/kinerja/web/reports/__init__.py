"""Web area 'reports'."""
