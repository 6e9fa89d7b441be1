"""Civil-service indices, pure computation on `Decimal`: IP ASN (`ipasn`), satisfaction
survey IKM (`ikm`), SAKIP evaluation LKE (`lke`), merit system (`merit`), NSPK (`nspk`) and
weighted composite indices (`composite`). Every result is a frozen dataclass with `to_dict()`
giving JSON-ready data (numbers as decimal strings with a dot)."""
