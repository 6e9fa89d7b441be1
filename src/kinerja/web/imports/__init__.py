"""Web area 'imports'."""
