"""What may this user do to this claim now?

The one answer used by views (to show actions), by services (to refuse them) and by the
dashboard (to say what happens next).
"""
from __future__ import annotations

from enum import StrEnum
from typing import Any

from .constants import ClaimState
from .errors import NotAllowed
from .models import Claim


class Action(StrEnum):
    VIEW = "view"
    EDIT_DRAFT = "edit_draft"
    DELETE_DRAFT = "delete_draft"


def _is_owner(user: Any, claim: Claim) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and claim.owner_id == user.pk


def allowed_actions(user: Any, claim: Claim) -> set[Action]:
    actions: set[Action] = set()
    if _is_owner(user, claim):
        actions.add(Action.VIEW)
        if claim.state == ClaimState.DRAFT:
            actions |= {Action.EDIT_DRAFT, Action.DELETE_DRAFT}
    return actions


def can(user: Any, claim: Claim, action: Action) -> bool:
    return action in allowed_actions(user, claim)


def require(user: Any, claim: Claim, action: Action) -> None:
    if not can(user, claim, action):
        raise NotAllowed("You cannot do that on this claim.")
