from __future__ import annotations

from typing import Any

from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Count, QuerySet
from django.http import HttpRequest

from .models import Firm, FirmMembership, User
from .roles import user_kind

# Staff sign in through the same page as everyone else (django-allauth), so the lockout after
# repeated failures and the email confirmation apply to the admin too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]


class MembershipOfUserInline(admin.StackedInline):
    model = FirmMembership
    fk_name = "user"
    fields = ["firm", "is_firm_admin", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["firm"]
    can_delete = True
    extra = 0
    verbose_name = "firm membership (makes this user a solicitor)"


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


class MembershipOfFirmInline(admin.TabularInline):
    model = FirmMembership
    fk_name = "firm"
    fields = ["user", "email", "is_firm_admin", "created_at"]
    readonly_fields = ["email", "created_at"]
    autocomplete_fields = ["user"]
    extra = 0
    verbose_name = "member"
    verbose_name_plural = "members"

    @admin.display(description="Email address")
    def email(self, obj: FirmMembership) -> str:
        return obj.user.email if obj.user_id else ""


@admin.register(Firm)
class FirmAdmin(admin.ModelAdmin):
    list_display = ["name", "sra_number", "member_count", "created_at"]
    search_fields = ["name", "sra_number"]
    fields = ["name", "sra_number", "created_at"]
    readonly_fields = ["created_at"]
    inlines = [MembershipOfFirmInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Firm]:
        return super().get_queryset(request).annotate(member_count=Count("memberships"))

    @admin.display(description="Members", ordering="member_count")
    def member_count(self, obj: Firm) -> int:
        return obj.member_count  # type: ignore[attr-defined]


@admin.register(FirmMembership)
class FirmMembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "firm", "is_firm_admin", "created_at"]
    list_filter = ["is_firm_admin"]
    list_select_related = ["user", "firm"]
    search_fields = ["user__email", "user__full_name", "user__first_name", "user__last_name", "firm__name"]
    fields = ["user", "firm", "is_firm_admin", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["user", "firm"]
