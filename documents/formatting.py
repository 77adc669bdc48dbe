"""What the court's PDFs print that reads nothing of a claim: the court's own name, address and helpline,
and amounts and sentences written out.

The views that read a claim are the claim's app's (``claims.pdf_views``); these pieces are shared by every
app's documents, so they live here, below all of them.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from rules.money import format_money

COURT_NAME = "County Court Business Centre, Online Civil Money Claims"
#: The OCMC postal address for paper documents (PD 51R 2.1(2)).
COURT_POSTAL_ADDRESS = ("HMCTS CMC", "PO Box 12747", "Harlow", "CM20 9RA")
#: The HMCTS money claims helpline, printed on the claim form (PD 51R 10.1(2)). ``settings.COURT_HELPLINE``
#: overrides it.
COURT_HELPLINE = "0300 123 7050"
COURT_HELPLINE_HOURS = "Monday to Friday, 8:30am to 5pm"


@dataclass(frozen=True)
class Court:
    name: str
    name_lines: tuple[str, ...]  # the name over two lines, for a letterhead
    address_lines: tuple[str, ...]
    helpline: str
    helpline_hours: str


def court() -> Court:
    return Court(
        name=COURT_NAME,
        name_lines=tuple(COURT_NAME.split(", ")),
        address_lines=COURT_POSTAL_ADDRESS,
        helpline=getattr(settings, "COURT_HELPLINE", COURT_HELPLINE),
        helpline_hours=getattr(settings, "COURT_HELPLINE_HOURS", COURT_HELPLINE_HOURS),
    )


def money(value: Decimal | None) -> str:
    return format_money(value if value is not None else Decimal(0))


def signed_money(value: Decimal) -> str:
    """£1,234.56, and a deduction -£100.00 (``format_money`` alone would write £-100.00)."""
    return f"-{format_money(-value)}" if value < 0 else format_money(value)


def rate_text(rate: Decimal) -> str:
    """8 → "8", 4.50 → "4.5" (never "8.00" or "1E+1")."""
    return format(Decimal(rate).normalize(), "f")


def sentence(text: str) -> str:
    """The text as a sentence: stripped, with a full stop unless it already ends with one (or ! or ?)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?" else f"{text}."
