"""The record: the Django application that keeps governments, agencies, plans, indicators,
targets, realisations, budgets, documents and the audit trail, once, as data. Every official
table is derived from it; `permissions` is the one gate every read and write passes through."""
