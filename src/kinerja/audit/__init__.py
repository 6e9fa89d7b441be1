"""The audit of document tables: every inconsistency of a table transcribed from a planning
or reporting document, as findings (`engine.audit_table`), one module of checks per kind."""
