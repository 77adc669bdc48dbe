"""Judgments (PD 51R 7, 11.1, 15) and the register of judgments.

A :class:`Judgment` is entered by ``judgments.services`` only: by the court's automated
system on a claimant's request (11.1(3), 7.4(3), 7.7) or by a judge. It records who made
it and their title (15.1(1)), every line of its amount (money.md), and the terms of
payment. Once entered it is never changed; what happens to it afterwards (paid, removed
from the register, satisfied) is recorded in its own columns by the register services.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models

from rules import judgments as rules

#: The terms of a judgment entered for its amount, with how it is paid left to a judge (7.15).
TERMS_TO_BE_DETERMINED = "The terms of payment are to be decided by a judge (redetermination)"


class JudgmentKind(models.TextChoices):
    DEFAULT = "default", "Judgment in default (no response)"
    ADMISSION = "admission", "Judgment on admission"


class Judgment(models.Model):
    claim = models.OneToOneField("claims.Claim", on_delete=models.PROTECT, related_name="judgment")
    kind = models.CharField(max_length=20, choices=JudgmentKind.choices)
    #: The request (form OCON205A / OCON225) as the claimant made it.
    request = models.JSONField(default=dict)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField()
    judgment_date = models.DateField()
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Empty: entered by the court's automated system.",
    )
    made_by_label = models.CharField(max_length=200, help_text="Who made the judgment and their title (15.1(1)).")

    # -- the amount (money.md): every line, then the total ----------------------------------------
    lines = models.JSONField(help_text="[[label, amount], …] as shown on the judgment.")
    total = models.DecimalField(max_digits=12, decimal_places=2)

    # -- the terms of payment (7.4(4)-(5), 7.7(5), 11.1(4)-(6)) ---------------------------------------
    payment_option = models.CharField(max_length=20)
    pay_by = models.DateField(null=True, blank=True)
    instalment_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    instalment_frequency = models.CharField(max_length=20, blank=True)
    first_payment_on = models.DateField(null=True, blank=True)
    terms_text = models.CharField(max_length=300)
    #: 7.15: the claimant rejected the court's plan: the judgment is for the amount, with the
    #: terms of payment "to be determined" by a judge (redetermination).
    terms_to_be_determined = models.BooleanField(default=False)
    #: The affordability calculation the terms came from (7.10-7.14), for the judge (affordability.md).
    affordability = models.JSONField(null=True, blank=True)

    # -- redetermination (7.12(5)-(7), 7.14(6)-(9), 7.15(7)-(9)) -------------------------------------
    #: Live, REDET-19: either party may ask for the plan to be redetermined until then (only for a
    #: judgment whose terms came from the court's decision on the plans).
    redetermination_deadline = models.DateTimeField(null=True, blank=True)
    redetermination_requested_at = models.DateTimeField(null=True, blank=True)
    redetermination_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
    )
    redetermination_reasons = models.TextField(blank=True)

    # -- the register of judgments (guide 004) -----------------------------------------------------------
    #: Live, CCJ-28: paid in full before this, the judgment is removed from the register.
    register_removal_deadline = models.DateTimeField(null=True, blank=True)
    paid_in_full_on = models.DateField(null=True, blank=True)
    removed_from_register_at = models.DateTimeField(null=True, blank=True)
    satisfied_at = models.DateTimeField(null=True, blank=True)
    #: The defendant asked for a certificate of satisfaction (N443-style PDF) after paying late.
    certificate_requested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-entered_at"]
        indexes = [
            models.Index(fields=["register_removal_deadline"], name="judgment_register_window_idx",
                         condition=models.Q(register_removal_deadline__isnull=False)),
            models.Index(fields=["redetermination_deadline"], name="judgment_redetermination_idx",
                         condition=models.Q(redetermination_deadline__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.claim} for £{self.total:,}"

    @property
    def register_status(self) -> str:
        if self.removed_from_register_at:
            return "Removed from the register (paid within 28 days)"
        if self.satisfied_at:
            return "Marked as satisfied (paid after 28 days)"
        return "On the register of judgments"

    @property
    def line_items(self) -> list[tuple[str, Decimal]]:
        return [(str(label), Decimal(str(amount))) for label, amount in self.lines]

    def terms_for(self, reader: str) -> str:
        """How to pay, worded for ``reader`` (``rules.judgments.Reader``: a party, spoken to, or the
        court's record), from the terms as entered."""
        if self.terms_to_be_determined:
            return TERMS_TO_BE_DETERMINED
        terms = rules.Terms(rules.Option(self.payment_option), pay_by=self.pay_by, instalment=self.instalment_amount,
                            frequency=self.instalment_frequency, first_payment=self.first_payment_on)
        return terms.describe(self.total, reader=rules.Reader(reader))

    def as_plan(self) -> dict[str, Any]:
        return {"option": self.payment_option, "pay_by": self.pay_by, "instalment": self.instalment_amount,
                "frequency": self.instalment_frequency, "first_payment": self.first_payment_on}


class ClaimantAnswer(models.Model):
    """The claimant's answer to an admission's repayment plan (7.5-7.15, 7.41-7.42F), as given.

    Rejecting the defendant's plan runs the affordability calculation at once; its record
    (inputs, figures, each plan, the decision and why) is kept here for the judge.
    """

    class Kind(models.TextChoices):
        REJECT_PLAN = "reject_plan", "Rejected the defendant's plan and proposed their own"
        COURT_PLAN_PENDING = "court_plan_offered", "Rejected the defendant's plan: the court's plan is offered"
        ACCEPT_COURT_PLAN = "accept_court_plan", "Accepted the court's plan"
        REJECT_COURT_PLAN = "reject_court_plan", "Rejected the court's plan"

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="claimant_answers")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    answered_at = models.DateTimeField()
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    #: The claimant's own plan (rules.judgments.Plan.to_record()), if they gave one.
    claimant_plan = models.JSONField(null=True, blank=True)
    #: rules.affordability.Affordability.to_record(): the calculation and the decision.
    affordability = models.JSONField(null=True, blank=True)
    #: Which plan stands (rules.affordability.Outcome), and the plan itself.
    outcome = models.CharField(max_length=40, blank=True)
    plan_that_stands = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["answered_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.claim}"


class SettlementAgreement(models.Model):
    """OCON Settlement Agreement A: the claimant proposes terms; the defendant has 7 days to sign
    (7.8, 7.9, 7.13, 7.14, 7.41C-D, 7.42D-E)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Waiting for the defendant to sign"
        SIGNED = "signed", "Signed by both parties"
        REJECTED = "rejected", "Rejected by the defendant"
        LAPSED = "lapsed", "Not signed within 7 days"
        BROKEN = "broken", "Broken: the claimant asked for judgment"

    claim = models.OneToOneField("claims.Claim", on_delete=models.CASCADE, related_name="settlement")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    #: The repayment plan agreed (rules.judgments.Plan.to_record()).
    plan = models.JSONField()
    terms_text = models.CharField(max_length=300)
    proposed_at = models.DateTimeField()
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    claimant_signed_name = models.CharField(max_length=200)
    respond_by = models.DateTimeField()
    signed_at = models.DateTimeField(null=True, blank=True)
    defendant_signed_name = models.CharField(max_length=200, blank=True)
    rejected_at = models.DateTimeField(null=True, blank=True)
    broken_reported_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Settlement agreement on {self.claim}: {self.get_status_display()}"
