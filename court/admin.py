from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import HttpRequest

from rules.fee_bands import BandRow, band_problems

from . import fees
from .models import (
    ClosureDay,
    FeeBand,
    FeeSchedule,
    FeeScheduleChange,
    FixedCostsBand,
    FixedCostsSchedule,
    HearingCentre,
    JobRun,
    Notification,
    Outage,
)


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
    list_display = ["created_at", "to_email", "subject", "claim_number", "firm", "sent_at", "attempts"]
    list_filter = ["kind", "firm"]
    list_select_related = ["firm"]
    search_fields = ["to_email", "claim_number", "subject"]
    date_hierarchy = "created_at"


@admin.register(HearingCentre)
class HearingCentreAdmin(admin.ModelAdmin):
    """The staff-managed list of hearing centres: where legal advisers operate (20.1(1)(c)) and which are early
    adopter courts (6C.1)."""

    list_display = ["name", "legal_advisers", "early_adopter", "active"]
    list_filter = ["legal_advisers", "early_adopter", "active"]
    search_fields = ["name"]


# -- fee schedules (money.md) -----------------------------------------------------------------------------------


def _not_used(schedule: FeeSchedule | None) -> bool:
    """A schedule no claim has paid by (or one being added) may still be changed."""
    return schedule is None or not schedule.used


class FeeBandFormSet(forms.BaseInlineFormSet):
    """The bands of one schedule must cover every amount once (``rules.fee_bands``)."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return  # a band's own fields are wrong: say that first
        rows = [
            BandRow(over=form.cleaned_data.get("over"), up_to=form.cleaned_data.get("up_to"),
                    fixed=form.cleaned_data.get("fixed"), percent=form.cleaned_data.get("percent"),
                    cap=form.cleaned_data.get("cap"))
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        problems = band_problems(rows)
        if problems:
            raise ValidationError(problems)


class FeeBandInline(admin.TabularInline):
    model = FeeBand
    formset = FeeBandFormSet
    fields = ["over", "up_to", "fixed", "percent", "cap"]
    extra = 1

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_add_permission(request, obj) and _not_used(obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and _not_used(obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and _not_used(obj)


class FeeScheduleChangeInline(admin.TabularInline):
    model = FeeScheduleChange
    fields = ["changed_at", "changed_by_label", "action", "summary"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "Changes to this schedule"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class FeeScheduleForm(forms.ModelForm):
    class Meta:
        model = FeeSchedule
        fields = ["effective_from", "channel", "source"]

    def clean(self) -> dict[str, Any]:
        """A new schedule supersedes the one before it from its day on: that day must come after every claim
        already charged by an earlier schedule of the channel, or those claims would have paid the wrong fee."""
        data = super().clean()
        day, channel = data.get("effective_from"), data.get("channel")
        if day is None or not channel:
            return data
        # Through the schedules' claims (``claims_charged``): court sits below claims and names no claim model.
        earlier = FeeSchedule.objects.filter(channel=channel, effective_from__lt=day).exclude(pk=self.instance.pk)
        latest = earlier.filter(claims_charged__submitted_on__gte=day).aggregate(
            latest=Max("claims_charged__submitted_on"))["latest"]
        if latest is not None:
            self.add_error("effective_from", f"Claims submitted up to {latest:%-d %B %Y} have paid the fee of an "
                                             "earlier schedule. A new schedule can only take effect after that day.")
        return data


@admin.register(FeeSchedule)
class FeeScheduleAdmin(admin.ModelAdmin):
    """Staff keep the fee schedules. One that a claim has paid by is shown read-only: fees change by adding a
    schedule from the day they change. Every addition, change and deletion is recorded (``FeeScheduleChange``)."""

    form = FeeScheduleForm
    list_display = ["__str__", "effective_from", "channel", "in_use"]
    list_filter = ["channel"]
    date_hierarchy = "effective_from"
    fields = ["effective_from", "channel", "source", "in_use"]
    readonly_fields = ["in_use"]
    inlines = [FeeBandInline, FeeScheduleChangeInline]

    @admin.display(description="Used for claims' fees")
    def in_use(self, schedule: FeeSchedule) -> str:
        if schedule.pk is None:
            return "Not yet"
        count = schedule.claims_charged.count()
        if not count:
            return "Not yet: it can still be changed or deleted"
        return (f"Yes, by {count} claim{'s' if count != 1 else ''}: it cannot be changed or deleted. To change the "
                "fees, add a new schedule from the day they change.")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and _not_used(obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and _not_used(obj)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        # Deleting in bulk would skip the check above and the change record.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request: HttpRequest, obj: FeeSchedule, form: Any, change: bool) -> None:
        form.snapshot_before = fees.snapshot(FeeSchedule.objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        action = FeeScheduleChange.Action.CHANGED if change else FeeScheduleChange.Action.ADDED
        fees.record_change(schedule=form.instance, actor=request.user, action=action,
                           before=form.snapshot_before, after=fees.snapshot(form.instance))

    def delete_model(self, request: HttpRequest, obj: FeeSchedule) -> None:
        fees.record_change(schedule=obj, actor=request.user, action=FeeScheduleChange.Action.DELETED,
                           before=fees.snapshot(obj), after={})
        super().delete_model(request, obj)


@admin.register(FeeScheduleChange)
class FeeScheduleChangeAdmin(ReadOnly):
    list_display = ["changed_at", "schedule_label", "action", "changed_by_label"]
    list_filter = ["action"]
    date_hierarchy = "changed_at"
    fields = ["schedule", "schedule_label", "action", "changed_at", "changed_by_label", "summary", "before", "after"]
    readonly_fields = fields


def _costs_not_used(schedule: FixedCostsSchedule | None) -> bool:
    """A fixed costs schedule a claim has recorded its costs by is never changed, only superseded."""
    return schedule is None or schedule.pk is None or not schedule.claims_costed.exists()


class FixedCostsBandInline(admin.TabularInline):
    model = FixedCostsBand
    fields = ["over", "up_to", "on_issue", "on_default_judgment"]
    extra = 1

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_add_permission(request, obj) and _costs_not_used(obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and _costs_not_used(obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and _costs_not_used(obj)


@admin.register(FixedCostsSchedule)
class FixedCostsScheduleAdmin(admin.ModelAdmin):
    """A represented claimant's fixed costs on issue (CPR 45, money.md), dated like the fee schedules: a
    claim records the schedule in force on the day it is submitted."""

    list_display = ["__str__", "effective_from", "source"]
    inlines = [FixedCostsBandInline]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_change_permission(request, obj) and _costs_not_used(obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return super().has_delete_permission(request, obj) and _costs_not_used(obj)
