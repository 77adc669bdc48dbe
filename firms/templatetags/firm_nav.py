"""``{% firm_home_url as url %}``: where a firm's user's "Your firm" link goes ("" for anyone not in a firm)."""
from __future__ import annotations

from typing import Any

from django import template

from accounts.adapter import firm_home_url as _firm_home_url

register = template.Library()


@register.simple_tag(takes_context=True)
def firm_home_url(context: dict[str, Any]) -> str:
    user = context.get("user")
    if user is None or not getattr(user, "is_authenticated", False) or user.is_staff:
        return ""
    return _firm_home_url(user) or ""
