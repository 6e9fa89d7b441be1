"""Web area 'api': the JSON API (django-ninja) with token authentication.

The API reads an agency's plan tree, indicators, targets and realisations and writes
realisations, under exactly the permission rules of the pages (`kinerja.store.permissions`).
Its schema is served at `/api/openapi.json` and documented at `/api/docs`."""
