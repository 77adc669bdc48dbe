"""The emails a firm gets about its cases, beyond the outbox (``court.models.Notification``).

- ``SummaryLine``: a step on a case for a solicitor who chose a daily summary instead of an email
  for every step (``FirmMembership.email_updates``); the daily summary sweep sends them and marks them sent.
- ``UnassignedCasesEmail``: the firm's administrators were sent the day's list of its unassigned cases
  (one row a firm a day, so the sweep sends it once however often it runs).
"""
from __future__ import annotations

from django.conf import settings
from django.db import models


class SummaryLine(models.Model):
    """One step on a case, for one user's next daily summary."""

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="summary_lines")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="summary_lines")
    #: The subject of the email the step would have sent.
    subject = models.CharField(max_length=200)
    #: The step's notification key with the user (``court.notifications.routed_key``): a step retried adds no
    #: second line. Empty for a step that gives no key.
    key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    created_at = models.DateTimeField()
    #: When the summary that listed it was queued. Empty until then.
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["user", "created_at"], name="summary_line_unsent_idx",
                         condition=models.Q(sent_at__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.subject} (for {self.user})"


class UnassignedCasesEmail(models.Model):
    """The day's email to a firm's administrators listing its unassigned cases: sent once a day."""

    firm = models.ForeignKey("accounts.Firm", on_delete=models.CASCADE, related_name="unassigned_cases_emails")
    #: The UK day the list is for.
    day = models.DateField()
    created_at = models.DateTimeField()
    #: How many cases the list held.
    cases = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day", "firm"]
        constraints = [
            models.UniqueConstraint(fields=["firm", "day"], name="unassigned_cases_email_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"Unassigned cases of {self.firm} on {self.day}"
