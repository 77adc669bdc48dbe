"""The claim: the aggregate every step of the process acts on.

A claim's ``state`` (django-fsm-2, protected) is the one truth about where it stands;
only the service functions in ``claims.services`` change it. Live deadlines are columns
on the claim, indexed, swept by ``claims.sweeps``. Every step is recorded in the claim's
timeline (``ClaimEvent``, PD 51R 3.1: what, when recorded, by whom).
"""
from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django_fsm import ConcurrentTransitionMixin, FSMField

from .constants import ClaimState


class Claim(ConcurrentTransitionMixin, models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    state = FSMField(default=ClaimState.DRAFT, choices=ClaimState.choices, protected=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="claims_owned",
        help_text="The account that started the claim.",
    )
    #: The answers saved so far while the claim is a draft, page by page.
    draft_data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField()
    last_saved_at = models.DateTimeField()
    #: DRAFT-28: a draft not saved for 28 days is deleted. Empty once the claim is submitted.
    draft_expires_at = models.DateTimeField(null=True, blank=True)
    #: When to warn the owner that the draft will be deleted (7 days before). Empty once sent.
    draft_reminder_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_saved_at", "-pk"]
        indexes = [
            models.Index(
                fields=["draft_expires_at"], name="claim_draft_expiry_idx",
                condition=models.Q(draft_expires_at__isnull=False),
            ),
            models.Index(
                fields=["draft_reminder_at"], name="claim_draft_reminder_idx",
                condition=models.Q(draft_reminder_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_state_display()} claim {self.public_id}"

    @property
    def defendant_name(self) -> str:
        return str(self.draft_data.get("defendant_name", "")).strip()

    @property
    def description(self) -> str:
        if self.defendant_name:
            return f"Claim against {self.defendant_name}"
        return "Money claim (no defendant named yet)"


class ClaimEvent(models.Model):
    """One step on a claim's record (PD 51R 3.1)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=60)
    summary = models.CharField(max_length=300)
    recorded_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200, help_text="Who took the step, as shown on the record.")
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["recorded_at", "pk"]
        indexes = [models.Index(fields=["claim", "recorded_at"])]

    def __str__(self) -> str:
        return f"{self.recorded_at:%Y-%m-%d %H:%M} {self.summary}"
