"""The court's own records that are not about one claim.

- ``ClosureDay`` and ``Outage``: the data of the court calendar (PD 51R Section 14) that
  court staff keep; weekends and bank holidays come from ``rules.calendar``.
- ``JobRun``: one row per run of a scheduled job (a deadline sweep), for staff to see.
- ``Notification``: the outbox of emails to parties, written in the same transaction as
  the step that causes them and sent afterwards by the worker.
"""
from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


class ClosureDay(models.Model):
    """A day HMCTS announced the court office closed, other than weekends and bank holidays."""

    day = models.DateField(unique=True)
    reason = models.CharField(max_length=200, help_text="For example: HMCTS announced closure, Christmas Eve.")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["day"]
        verbose_name = "court closure day"

    def __str__(self) -> str:
        return f"{self.day:%A %-d %B %Y}: {self.reason}"


class Outage(models.Model):
    """A window in which the website could not receive forms (14.1(2))."""

    start = models.DateTimeField()
    end = models.DateTimeField()
    description = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-start"]
        verbose_name = "website outage"
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="outage_ends_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.start:%d/%m/%Y %H:%M} to {self.end:%d/%m/%Y %H:%M}: {self.description}"

    def clean(self) -> None:
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "The outage must end after it starts."})


class JobRun(models.Model):
    """One run of a scheduled job."""

    job = models.CharField(max_length=100)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    examined = models.PositiveIntegerField(default=0, help_text="Overdue rows the job looked at.")
    changed = models.PositiveIntegerField(default=0, help_text="Rows the job acted on.")
    failed = models.PositiveIntegerField(default=0, help_text="Rows that raised an error (retried next run).")
    errors = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["job", "-started_at"])]
        verbose_name = "scheduled job run"

    def __str__(self) -> str:
        return f"{self.job} at {self.started_at:%Y-%m-%d %H:%M:%S}"

    @property
    def outcome(self) -> str:
        if self.finished_at is None:
            return "running (or stopped)"
        return "errors" if self.failed else "ok"


def _new_key() -> str:
    return uuid.uuid4().hex


class Notification(models.Model):
    """An email to a party, queued with the step that caused it (the outbox).

    ``key`` is unique: a step that names its notification (``notify(key=...)``) queues it
    once however often it runs, and the key is the email's Message-ID, so a resend after a
    lost acknowledgement is recognised as the same message.
    """

    key = models.CharField(max_length=200, unique=True, default=_new_key)
    kind = models.CharField(max_length=80)
    to_email = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )
    claim_number = models.CharField(max_length=20, blank=True)
    #: The firm of solicitors the email went to on a represented party's behalf (``notify``'s recipient
    #: router): its solicitors on the case, or its email for service. Empty for an email sent as addressed.
    firm = models.ForeignKey(
        "accounts.Firm", null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True, help_text="Empty once sent or given up.")
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="notification_due_idx",
                condition=models.Q(next_attempt_at__isnull=False),
            ),
            # A firm's page of the emails about one of its cases.
            models.Index(
                fields=["firm", "claim_number"], name="notification_firm_case_idx",
                condition=models.Q(firm__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to_email}"


class FeeSchedule(models.Model):
    """A table of court fees for issuing a money claim, in force from a date (money.md).

    Fees change by statutory instrument, so they are dated data that staff keep; a claim
    pays the fee of the schedule in force on the day it is submitted (a schedule dated in the
    future takes effect on its day), and records which schedule that was (``Claim.fee_schedule``).
    A schedule a claim has paid by is never changed, only superseded by a later one; every
    change staff make is recorded (``FeeScheduleChange``).
    """

    class Channel(models.TextChoices):
        ONLINE = "online", "Online"
        PAPER = "paper", "Paper"

    effective_from = models.DateField(help_text="The first day of submission this schedule applies to.")
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    source = models.CharField(max_length=300, blank=True, help_text="The statutory instrument or notice.")

    class Meta:
        ordering = ["-effective_from", "channel"]
        constraints = [
            models.UniqueConstraint(fields=["effective_from", "channel"], name="one_fee_schedule_per_day_and_channel")
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} fees from {self.effective_from:%-d %B %Y}"

    @property
    def used(self) -> bool:
        """A claim's fee was charged by this schedule: it can no longer be changed or deleted."""
        return self.pk is not None and self.claims_charged.exists()


class FeeBand(models.Model):
    """One row of a fee schedule: amounts over ``over`` up to ``up_to`` (inclusive; empty: no
    limit) pay a fixed fee or a percentage of the amount, rounded down to the penny and capped
    at ``cap`` if given. ``rules.fee_bands`` checks that a schedule's bands follow each other."""

    schedule = models.ForeignKey(FeeSchedule, on_delete=models.CASCADE, related_name="bands")
    over = models.DecimalField("amounts over (£)", max_digits=12, decimal_places=2, default=0)
    up_to = models.DecimalField("up to (£)", max_digits=12, decimal_places=2, null=True, blank=True,
                                help_text="Inclusive. Leave empty for the last band (no upper limit).")
    fixed = models.DecimalField("fixed fee (£)", max_digits=10, decimal_places=2, null=True, blank=True)
    percent = models.DecimalField("percentage of the amount", max_digits=5, decimal_places=2, null=True, blank=True)
    cap = models.DecimalField("cap (£, a percentage only)", max_digits=10, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["schedule", models.F("up_to").asc(nulls_last=True)]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(fixed__isnull=False, percent__isnull=True)
                           | models.Q(fixed__isnull=True, percent__isnull=False)),
                name="fee_band_fixed_or_percent",
            ),
            models.UniqueConstraint(fields=["schedule", "up_to"], name="one_fee_band_per_limit"),
        ]

    def __str__(self) -> str:
        limit = f"up to £{self.up_to:,}" if self.up_to is not None else "above"
        fee = f"£{self.fixed:,}" if self.fixed is not None else f"{self.percent}%"
        return f"{limit}: {fee}"

    def clean(self) -> None:
        if (self.fixed is None) == (self.percent is None):
            raise ValidationError("Give either a fixed fee or a percentage, not both.")


class FixedCostsSchedule(models.Model):
    """A table of a represented claimant's fixed costs, in force from a date (CPR 45; money.md).

    Like the court fee, fixed costs change by statutory instrument, so they are dated data staff
    keep; a represented claim records the costs on issue of the schedule in force on the day it is
    submitted, and which schedule that was (``Claim.fixed_costs_schedule``). The rule that reads a
    schedule is ``rules.represented``.
    """

    effective_from = models.DateField(unique=True, help_text="The first day of submission this schedule applies to.")
    source = models.CharField(max_length=300, blank=True, help_text="The rule or notice.")

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = "fixed costs schedule"

    def __str__(self) -> str:
        return f"Fixed costs from {self.effective_from:%-d %B %Y}"


class FixedCostsBand(models.Model):
    """One row of a fixed costs schedule: claims over ``over`` up to ``up_to`` (inclusive; empty: no limit)."""

    schedule = models.ForeignKey(FixedCostsSchedule, on_delete=models.CASCADE, related_name="bands")
    over = models.DecimalField("amounts over (£)", max_digits=12, decimal_places=2, default=0)
    up_to = models.DecimalField("up to (£)", max_digits=12, decimal_places=2, null=True, blank=True,
                                help_text="Inclusive. Leave empty for the last band (no upper limit).")
    on_issue = models.DecimalField("on issue (£)", max_digits=10, decimal_places=2)
    on_default_judgment = models.DecimalField("added on judgment in default (£)", max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["schedule", models.F("up_to").asc(nulls_last=True)]
        constraints = [
            models.UniqueConstraint(fields=["schedule", "up_to"], name="one_fixed_costs_band_per_limit"),
        ]

    def __str__(self) -> str:
        limit = f"up to £{self.up_to:,}" if self.up_to is not None else f"over £{self.over:,}"
        return f"{limit}: £{self.on_issue:,}"


class FeeScheduleChange(models.Model):
    """One change staff made to the fee schedules: who, when, and what changed (before and after).

    Written in the same transaction as the change, never edited (the admin shows it read-only);
    it outlives a deleted schedule (``schedule`` empties, ``schedule_label`` stays)."""

    class Action(models.TextChoices):
        ADDED = "added", "Added"
        CHANGED = "changed", "Changed"
        DELETED = "deleted", "Deleted"

    schedule = models.ForeignKey(FeeSchedule, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="changes")
    schedule_label = models.CharField("schedule", max_length=100)
    action = models.CharField(max_length=10, choices=Action.choices)
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    changed_by_label = models.CharField("changed by", max_length=200)
    #: ``court.fees.snapshot`` of the schedule before and after (empty for an addition / a deletion).
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    summary = models.TextField(help_text="What changed, in words.")

    class Meta:
        ordering = ["-changed_at", "-pk"]
        verbose_name = "fee schedule change"

    def __str__(self) -> str:
        return f"{self.schedule_label}: {self.get_action_display().lower()} by {self.changed_by_label}"


class HearingCentre(models.Model):
    """A County Court hearing centre, as court staff keep the list: where claims can be sent, and
    whether Online Civil Money Claims legal advisers operate for it (PD 51R 20.1(1)(c)), and whether it is
    an "early adopter court" where claims between represented parties stay online after directions (6C.1).

    The parties choose their preferred court from the active centres (the directions
    questionnaire's ``hearing_court`` page); a centre that closes is made inactive, not deleted,
    so the claims that named it still find it.
    """

    name = models.CharField(max_length=200, unique=True)
    legal_advisers = models.BooleanField(
        "legal advisers operate here", default=False,
        help_text="Legal advisers may consider the directions questionnaires of claims whose preferred court is "
                  "this centre (20.1(1)(c)).",
    )
    early_adopter = models.BooleanField(
        "early adopter court", default=False,
        help_text="After directions, a claim in which every party is legally represented stays with the online "
                  "service when it proceeds in this centre (PD 51R 6C.1): trial readiness online (6C.3), the "
                  "trial bundle (6C.4) and online applications (16B).",
    )
    active = models.BooleanField(
        "parties can choose it", default=True,
        help_text="Offered as a preferred court in the directions questionnaire. Untick it when the centre "
                  "closes instead of deleting it.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def choices(cls) -> list[str]:
        """The names of the centres a party can choose, in order."""
        return list(cls.objects.filter(active=True).values_list("name", flat=True))

    @classmethod
    def advisers_operate_at(cls, name: str) -> bool:
        """Whether legal advisers operate at the centre of that name (case and spacing ignored)."""
        wanted = " ".join((name or "").split())
        return bool(wanted) and cls.objects.filter(name__iexact=wanted, legal_advisers=True).exists()
