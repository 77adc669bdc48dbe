"""Keeps the court staff groups and their permissions in step with ``roles.STAFF_PERMISSIONS``."""
from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission

from .roles import STAFF_PERMISSIONS


def ensure_staff_groups(**_kwargs: Any) -> None:
    """Create each staff group and give it exactly its listed permissions (idempotent)."""
    for role, perms in STAFF_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=str(role))
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            found = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if found is not None:  # a model not migrated yet: the next post_migrate adds it
                wanted.append(found)
        group.permissions.set(wanted)
