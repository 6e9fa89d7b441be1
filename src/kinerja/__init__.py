"""kinerja: one record of an Indonesian regional agency's plans, indicators, targets,
realisations and budgets, from which every official SAKIP table is derived exactly; and an
auditor that reads a table from an existing document and lists every error in it."""

__version__ = "0.1.0"
