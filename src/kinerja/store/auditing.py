"""Who is acting: the context the audit trail reads. Services wrap their work in
`acting_as(user)`; restore wraps its work in `suspended()` so that restoring a dump does not
invent changes (the dump brings its own audit trail)."""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models

_actor: contextvars.ContextVar[Any] = contextvars.ContextVar("kinerja_actor", default=None)
_actor_name: contextvars.ContextVar[str] = contextvars.ContextVar("kinerja_actor_name",
                                                                   default="")
_suspended: contextvars.ContextVar[bool] = contextvars.ContextVar("kinerja_audit_off",
                                                                  default=False)


@contextmanager
def acting_as(user: Any = None, name: str = "") -> Iterator[None]:
    """Record changes made inside the block as made by `user` (or by `name`, e.g. 'cli')."""
    t1 = _actor.set(user)
    t2 = _actor_name.set(name or (getattr(user, "username", "") if user is not None else ""))
    try:
        yield
    finally:
        _actor.reset(t1)
        _actor_name.reset(t2)


@contextmanager
def suspended() -> Iterator[None]:
    """Write no audit entries inside the block."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def current_actor() -> tuple[Any, str]:
    """(user or None, name) of whoever is acting now."""
    return _actor.get(), _actor_name.get()


def is_suspended() -> bool:
    """True inside `suspended()`."""
    return _suspended.get()


def plain(value: Any) -> Any:
    """A JSON-safe form of a field value: Decimals and dates as text."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    if hasattr(value, "name") and hasattr(value, "storage"):  # a FieldFile
        return value.name or ""
    return value


def field_values(obj: models.Model, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The object's concrete field values (foreign keys as ids), JSON-safe."""
    out: dict[str, Any] = {}
    for f in obj._meta.concrete_fields:
        if f.name in exclude or f.primary_key:
            continue
        value = getattr(obj, f.attname)
        if isinstance(f, models.DecimalField) and value is not None:
            value = Decimal(value).quantize(Decimal(1).scaleb(-f.decimal_places))
        out[f.attname] = plain(value)
    return out
