"""The firm dashboard's template helpers: a deadline with its days left, and links to pages that may not exist
yet (another part of the firm's pages adds them), shown only once their URL name resolves."""
from __future__ import annotations

from datetime import datetime

from django import template

from court.templatetags.govuk import govuk_date, govuk_time

from ..selectors import deadline_words

register = template.Library()


@register.filter
def deadline_left(value: datetime | None) -> str:
    """ "4pm on 8 December 2026 (4 days left)", "(today)", "(overdue)"; "" for no deadline."""
    if value is None or value == "":
        return ""
    return f"{govuk_time(value)} on {govuk_date(value)} ({deadline_words(value)})"
