"""Roles: the court staff groups and what each may do in the admin."""
from __future__ import annotations

from django.db import models


class StaffRole(models.TextChoices):
    CASEWORKER = "caseworker", "Caseworker"
    LEGAL_ADVISER = "legal_adviser", "Legal adviser"
    JUDGE = "judge", "Judge"


#: Model permissions each staff group is given (app_label.codename).
STAFF_PERMISSIONS: dict[str, list[str]] = {
    StaffRole.CASEWORKER: [
        "court.view_closureday", "court.add_closureday", "court.change_closureday", "court.delete_closureday",
        "court.view_outage", "court.add_outage", "court.change_outage", "court.delete_outage",
        "court.view_jobrun", "court.view_notification",
        "claims.view_claim", "claims.view_claimevent",
    ],
    StaffRole.LEGAL_ADVISER: [
        "court.view_closureday", "court.view_outage", "court.view_jobrun",
        "claims.view_claim", "claims.view_claimevent",
    ],
    StaffRole.JUDGE: [
        "court.view_closureday", "court.view_outage", "court.view_jobrun",
        "claims.view_claim", "claims.view_claimevent",
    ],
}


def staff_role(user: object) -> StaffRole | None:
    """The user's court staff role, or None for a member of the public."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_staff", False):
        return None
    names = set(user.groups.values_list("name", flat=True))  # type: ignore[attr-defined]
    for role in (StaffRole.JUDGE, StaffRole.LEGAL_ADVISER, StaffRole.CASEWORKER):
        if role.value in names:
            return role
    return None


def staff_title(user: object) -> str:
    """How a staff member is named on the court record, e.g. "Jane Smith, Legal adviser"."""
    role = staff_role(user)
    name = getattr(user, "display_name", str(user))
    return f"{name}, {role.label}" if role else name
