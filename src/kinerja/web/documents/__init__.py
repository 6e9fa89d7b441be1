"""Web area 'documents'."""
