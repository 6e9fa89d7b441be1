"""Exact decimals on every database.

Django's `DecimalField` is `numeric` on PostgreSQL but has NUMERIC affinity on SQLite, which
keeps a non-integer as a binary float (about 15 significant digits): an amount such as
123.456.789.012.345.678,99 would come back changed. `ExactDecimalField` is `numeric(p, s)` on
PostgreSQL and text on SQLite, so no value passes through a float on either database. (On
SQLite, compare and add these values in Python, not in SQL.)"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models


class ExactDecimalField(models.DecimalField):
    """A DecimalField stored without floats: numeric on PostgreSQL, text on SQLite."""

    def get_internal_type(self) -> str:
        """Own type name, so that no backend applies its float-based decimal converter."""
        return "ExactDecimalField"

    def db_type(self, connection: Any) -> str:
        """`numeric(max_digits, decimal_places)`, or `text` on SQLite."""
        if connection.vendor == "sqlite":
            return "text"
        return f"numeric({self.max_digits}, {self.decimal_places})"

    def _quantize(self, value: Decimal) -> Decimal:
        return value.quantize(Decimal(1).scaleb(-self.decimal_places))

    def get_db_prep_value(self, value: Any, connection: Any, prepared: bool = False) -> Any:
        """Decimal for PostgreSQL, its exact text for SQLite."""
        if not prepared:
            value = self.get_prep_value(value)
        if value is None:
            return None
        value = self._quantize(self.to_python(value))
        if connection.vendor == "sqlite":
            return format(value, "f")
        return value

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Decimal | None:
        """The stored value as a Decimal with `decimal_places` places."""
        if value is None:
            return None
        if isinstance(value, float):
            raise ValidationError("nilai desimal tersimpan sebagai float")
        try:
            return self._quantize(Decimal(str(value)))
        except InvalidOperation:
            raise ValidationError(f"nilai desimal tidak sah di basis data: {value!r}") from None
