"""The pure computational core: no Django, no I/O. Numbers, codes, indicators, achievement,
scales, roll-ups and indices, on Decimal, tested against the real documents."""
