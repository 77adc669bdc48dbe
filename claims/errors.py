from __future__ import annotations

from typing import Any


class ClaimError(Exception):
    """A step that cannot be taken; the message is fit to show the user."""


class NotAllowed(ClaimError):
    """The user may not take this step on this claim now: usually a page from before the claim moved
    on (the back button, a second tab, a second press). Views let it through to
    ``claims.middleware.StaleStepMiddleware``, which sends the person to the claim's page with the
    message (what happened, in words) instead of showing an error."""

    def __init__(self, message: str, *, claim: Any = None, action: str = "") -> None:
        super().__init__(message)
        self.claim = claim
        self.action = action
