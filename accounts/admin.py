from __future__ import annotations

from typing import Any

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest

from .models import FirmMembership, User
from .roles import user_kind

# Staff sign in through the same page as everyone else (django-allauth), so the lockout after
# repeated failures and the email confirmation apply to the admin too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]


class MembershipOfUserInline(admin.StackedInline):
    """Read-only: firms and their members are ``firms.admin``; a firm's administrator manages its members."""

    model = FirmMembership
    fk_name = "user"
    fields = ["firm", "is_firm_admin", "is_solicitor", "sees_all_cases", "state", "created_at"]
    readonly_fields = fields
    can_delete = False
    extra = 0
    verbose_name = "firm membership (makes this user a solicitor)"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "kind", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "full_name", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Personal details", {"fields": ("full_name", "first_name", "last_name")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    inlines = [MembershipOfUserInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        return super().get_queryset(request).select_related("firm_membership__firm")

    def get_inlines(self, request: HttpRequest, obj: Any = None) -> list[Any]:
        return self.inlines if obj is not None else []

    @admin.display(description="Name")
    def name(self, obj: User) -> str:
        return obj.get_full_name()

    @admin.display(description="Kind of user")
    def kind(self, obj: User) -> str:
        kind = user_kind(obj)
        return kind.label if kind else ""
