"""``{% paper_forms_open claim as ask_by %}``: until when the defendant may still ask online for the paper forms
(PD 51R 10.1(1)), or None once they cannot (the time has passed, the forms were sent, or they responded). The
claim's page offers the link only while the period runs."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from django import template

from defended.services import paper_forms_decision

register = template.Library()


@register.simple_tag
def paper_forms_open(claim: Any) -> datetime | None:
    decision = paper_forms_decision(claim)
    return decision.ask_by if decision.allowed else None
