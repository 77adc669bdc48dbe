from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import ClosureDay, HearingCentre, JobRun, Notification, Outage


class RecordsCreator(admin.ModelAdmin):
    readonly_fields = ["created_by", "created_at"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ClosureDay)
class ClosureDayAdmin(RecordsCreator):
    list_display = ["day", "weekday", "reason", "created_by"]
    date_hierarchy = "day"
    search_fields = ["reason"]
    fields = ["day", "reason", "created_by", "created_at"]

    @admin.display(description="Day of the week")
    def weekday(self, obj: ClosureDay) -> str:
        return f"{obj.day:%A}"


@admin.register(Outage)
class OutageAdmin(RecordsCreator):
    list_display = ["start", "end", "description", "created_by"]
    date_hierarchy = "start"
    fields = ["start", "end", "description", "created_by", "created_at"]


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(JobRun)
class JobRunAdmin(ReadOnly):
    list_display = ["job", "started_at", "finished_at", "examined", "changed", "failed", "outcome"]
    list_filter = ["job"]
    date_hierarchy = "started_at"


@admin.register(Notification)
class NotificationAdmin(ReadOnly):
    list_display = ["created_at", "to_email", "subject", "claim_number", "sent_at", "attempts"]
    list_filter = ["kind"]
    search_fields = ["to_email", "claim_number", "subject"]
    date_hierarchy = "created_at"


@admin.register(HearingCentre)
class HearingCentreAdmin(admin.ModelAdmin):
    """The staff-managed list of hearing centres and where legal advisers operate (20.1(1)(c))."""

    list_display = ["name", "legal_advisers", "active"]
    list_filter = ["legal_advisers", "active"]
    search_fields = ["name"]
