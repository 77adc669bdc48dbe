"""Helpers for the account tests."""
from __future__ import annotations

import re

from django.core import mail


def link_in(message: mail.EmailMessage, path_prefix: str) -> str:
    """The path of the first link in the email whose path starts with ``path_prefix``."""
    found = re.search(rf"https?://testserver({re.escape(path_prefix)}\S+)", message.body)
    assert found, message.body
    return found.group(1)
