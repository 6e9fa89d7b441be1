"""Web area 'plan'."""
