"""``{{ judgment|terms_for:role }}``: how to pay, worded for the party reading (``Judgment.terms_for``)."""
from __future__ import annotations

from django import template

from judgments.models import Judgment

register = template.Library()


@register.filter
def terms_for(judgment: Judgment, reader: str) -> str:
    return judgment.terms_for(reader)
