"""Every amount made monthly (PD 51R Annex A; ``shared/spec/affordability.md`` §2).

Frequencies: weekly × 52/12, fortnightly × 26/12, four-weekly × 13/12, monthly × 1. Amounts
are ``Decimal`` and stay unrounded here; the calculation rounds only where the spec says.
"""
from __future__ import annotations

from decimal import Decimal

#: Monthly conversion: amount × numerator ÷ denominator (weekly × 52/12 …).
MONTHLY_FACTORS: dict[str, tuple[int, int]] = {
    "weekly": (52, 12),
    "fortnightly": (26, 12),
    "four_weekly": (13, 12),
    "monthly": (1, 1),
}


def to_monthly(amount: Decimal, frequency: str) -> Decimal:
    """An amount paid at ``frequency`` as a monthly figure, unrounded."""
    numerator, denominator = _factor(frequency)
    return Decimal(amount) * numerator / denominator


def from_monthly(monthly: Decimal, frequency: str) -> Decimal:
    """A monthly amount expressed at ``frequency`` (divided by the monthly factor), unrounded."""
    numerator, denominator = _factor(frequency)
    return Decimal(monthly) * denominator / numerator


def _factor(frequency: str) -> tuple[int, int]:
    try:
        return MONTHLY_FACTORS[frequency]
    except KeyError:
        raise ValueError(f"unknown frequency: {frequency!r}") from None
