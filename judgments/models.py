"""Judgments (PD 51R 7, 11.1, 15), the register of judgments, and settlement agreements.

A :class:`Judgment` is entered by ``judgments.services`` only: by the court's automated
system on a claimant's request (11.1(3), 7.4(3), 7.7) or by a judge. It records who made
it and their title (15.1(1)), every line of its amount (money.md), and the terms of
payment. Once entered its amount and terms are never changed.

Where a judgment stands afterwards is its ``state`` (django-fsm-2, protected): the one truth,
moved only by the transitions below, which only the judgments services call, each in the same
transaction as the claim's own step and its timeline event. The register entry is read from
it (``register_status``); the timestamp columns record when each step happened, for the
documents and the staff's record, never where the judgment is.

A :class:`SettlementAgreement` has a state machine of its own (its ``status``): proposed, then
signed, rejected or lapsed (SA-7); a signed agreement broken, then judgment entered on it (7.8(2)).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django_fsm import ConcurrentTransitionMixin, FSMField, can_proceed, transition

from court.calendar import court_calendar
from ocmc import clock
from rules import judgments as rules
from rules import periods
from rules.calendar import local

#: The terms of a judgment entered for its amount, with how it is paid left to a judge (7.15).
TERMS_TO_BE_DETERMINED = "The terms of payment are to be decided by a judge (redetermination)"


class JudgmentKind(models.TextChoices):
    DEFAULT = "default", "Judgment in default (no response)"
    ADMISSION = "admission", "Judgment on admission"


class JudgmentState(models.TextChoices):
    """Where a judgment stands, in plain words (PD 51R 7.12, 7.14, 7.15, 7.45; the register, guide 004)."""

    #: Entered (11.1(3), 7.4(3), 7.7, 7.8(2), 7.15(3)) and on the register of judgments.
    ENTERED = "entered", "Entered"
    #: A party asked, within 19 days, for a judge to redetermine the terms: the claim went to the
    #: defendant's home court (7.12(5)-(7), 7.14(6)-(9), 7.15(7)-(9)).
    REDETERMINATION_REQUESTED = "redetermination_requested", "Redetermination asked for"
    #: A judge redetermined the terms of payment.
    REDETERMINED = "redetermined", "Terms redetermined by a judge"
    #: A party applied to change the plan after a change of circumstances (7.45, N294/N244/N245):
    #: the claim went to the defendant's home court.
    VARIATION_APPLIED_FOR = "variation_applied_for", "Application to change the plan"
    #: A judge changed the plan on that application.
    VARIED = "varied", "Terms varied by a judge"
    #: Paid in full within 28 days of the judgment: removed from the register (CCJ-28).
    REMOVED_FROM_REGISTER = "removed_from_register", "Removed from the register (paid within 28 days)"
    #: Paid in full later: marked as satisfied on the register; a certificate may be asked for.
    SATISFIED = "satisfied", "Marked as satisfied (paid after 28 days)"
    #: A judge set the judgment aside: it is no longer on the register.
    SET_ASIDE = "set_aside", "Set aside by a judge"


#: Not paid, nor set aside: the states from which the court may be told it was paid in full.
PAYABLE_STATES = (JudgmentState.ENTERED, JudgmentState.REDETERMINED, JudgmentState.VARIED)

#: What the register of judgments shows for a judgment in each state (guide 004).
REGISTER_STATUS = {
    JudgmentState.REMOVED_FROM_REGISTER: "Removed from the register (paid within 28 days)",
    JudgmentState.SATISFIED: "Marked as satisfied (paid after 28 days)",
    JudgmentState.SET_ASIDE: "Removed from the register (set aside by a judge)",
}
ON_THE_REGISTER = "On the register of judgments"


# -- the conditions of the judgment's transitions (read from the judgment, at the moment of the step) ----------


def redetermination_window_open(judgment: Judgment) -> bool:
    """REDET-19: the terms came from the court's decision on the plans and the 19 days after the judgment have
    not ended (7.12(6), 7.14(8), 7.15(8))."""
    deadline = judgment.redetermination_deadline
    return deadline is not None and clock.now() < deadline


def redetermination_window_ended(judgment: Judgment) -> bool:
    """7.45(1)(b): any 19-day period for asking for redetermination has ended (or there was none)."""
    return not redetermination_window_open(judgment)


def on_admission(judgment: Judgment) -> bool:
    """7.45(1)(a): a judgment on admission or part admission."""
    return judgment.kind == JudgmentKind.ADMISSION


def paid_within_28_days(judgment: Judgment) -> bool:
    """CCJ-28: the money reached the claimant on or before the last day of the 28 days."""
    return judgment.paid_in_full_on is not None and judgment.paid_in_full_on <= judgment.register_removal_day()


def paid_after_28_days(judgment: Judgment) -> bool:
    """Paid in full, but after the 28 days (guide 004)."""
    return judgment.paid_in_full_on is not None and judgment.paid_in_full_on > judgment.register_removal_day()


class Judgment(ConcurrentTransitionMixin, models.Model):
    claim = models.OneToOneField("claims.Claim", on_delete=models.PROTECT, related_name="judgment")
    state = FSMField(default=JudgmentState.ENTERED, choices=JudgmentState.choices, protected=True)
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

    # -- the register of judgments (guide 004): when each step happened (``state`` says where it stands) --------
    #: Live, CCJ-28: paid in full before this, the judgment is removed from the register.
    register_removal_deadline = models.DateTimeField(null=True, blank=True)
    #: The day the money reached the claimant, as the claimant told the court.
    paid_in_full_on = models.DateField(null=True, blank=True)
    #: When the court was told (removed from the register, or marked as satisfied: the certificate reads it).
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

    # -- transitions: called only by the judgments services --------------------------------------------------

    @transition(field=state, source=JudgmentState.ENTERED, target=JudgmentState.REDETERMINATION_REQUESTED,
                conditions=[redetermination_window_open])
    def request_redetermination(self) -> None:
        """Either party asks, on time, for a judge to redetermine the plan (7.12(5)-(6), 7.14(6)-(8),
        7.15(7)-(8)); the claim goes to the defendant's home court (7.12(7))."""

    @transition(field=state, source=JudgmentState.REDETERMINATION_REQUESTED, target=JudgmentState.REDETERMINED)
    def redetermine(self) -> None:
        """A judge redetermines the plan for repayment."""

    @transition(field=state, source=JudgmentState.ENTERED, target=JudgmentState.VARIATION_APPLIED_FOR,
                conditions=[on_admission, redetermination_window_ended])
    def apply_to_vary(self) -> None:
        """A party applies to change the plan after a change of circumstances (7.45(1)-(2)); the claim goes
        to the defendant's home court."""

    @transition(field=state, source=JudgmentState.VARIATION_APPLIED_FOR, target=JudgmentState.VARIED)
    def vary(self) -> None:
        """A judge changes the plan on the application (7.45)."""

    @transition(field=state, source=JudgmentState.VARIATION_APPLIED_FOR, target=JudgmentState.ENTERED)
    def refuse_variation(self) -> None:
        """A judge refuses the application: the judgment stands as entered."""

    @transition(field=state, source=PAYABLE_STATES, target=JudgmentState.REMOVED_FROM_REGISTER,
                conditions=[paid_within_28_days])
    def remove_from_register(self) -> None:
        """Paid in full within 28 days of the judgment: removed from the register (CCJ-28, guide 004)."""

    @transition(field=state, source=PAYABLE_STATES, target=JudgmentState.SATISFIED, conditions=[paid_after_28_days])
    def mark_satisfied(self) -> None:
        """Paid in full after the 28 days: marked as satisfied on the register (guide 004)."""

    @transition(field=state, source=[*PAYABLE_STATES, JudgmentState.REMOVED_FROM_REGISTER, JudgmentState.SATISFIED],
                target=JudgmentState.SET_ASIDE)
    def set_aside(self) -> None:
        """A judge sets the judgment aside (not while a request or application about its terms waits for one)."""

    # -- what the register and the steps read from the state ---------------------------------------------------

    @property
    def register_status(self) -> str:
        """The judgment's entry on the register of judgments, in words (guide 004)."""
        return REGISTER_STATUS.get(self.state, ON_THE_REGISTER)

    @property
    def paid_in_full(self) -> bool:
        """The court has been told the judgment was paid in full (removed from the register, or satisfied)."""
        return self.state in (JudgmentState.REMOVED_FROM_REGISTER, JudgmentState.SATISFIED)

    @property
    def removed_from_register(self) -> bool:
        return self.state == JudgmentState.REMOVED_FROM_REGISTER

    @property
    def is_satisfied(self) -> bool:
        """Marked as satisfied: the defendant may ask for a certificate of satisfaction (N443)."""
        return self.state == JudgmentState.SATISFIED

    @property
    def may_be_marked_paid(self) -> bool:
        return self.state in PAYABLE_STATES

    @property
    def redetermination_open(self) -> bool:
        """A party may ask for the terms to be redetermined now (``request_redetermination``)."""
        return can_proceed(self.request_redetermination)

    @property
    def variation_open(self) -> bool:
        """A party may apply to change the plan now (``apply_to_vary``)."""
        return can_proceed(self.apply_to_vary)

    @property
    def awaiting_redetermination(self) -> bool:
        return self.state == JudgmentState.REDETERMINATION_REQUESTED

    @property
    def awaiting_variation_decision(self) -> bool:
        return self.state == JudgmentState.VARIATION_APPLIED_FOR

    @property
    def may_be_set_aside(self) -> bool:
        return can_proceed(self.set_aside)

    def register_removal_day(self) -> date:
        """The last day on which paying in full takes the judgment off the register (CCJ-28): the day of
        its deadline, or, once the sweep has cleared it, the same day counted again from the judgment."""
        deadline = self.register_removal_deadline or periods.ccj_28(court_calendar(), self.judgment_date)
        return local(deadline).date()

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


def within_7_days(agreement: SettlementAgreement) -> bool:
    """SA-7: the defendant answers before the time to sign or reject the agreement ends (7.8, 7.13)."""
    return clock.now() < agreement.respond_by


def seven_days_passed(agreement: SettlementAgreement) -> bool:
    """SA-7 has passed with no answer from the defendant (7.9(1)(d), 7.14(1)(b))."""
    return clock.now() >= agreement.respond_by


class SettlementAgreement(ConcurrentTransitionMixin, models.Model):
    """OCON Settlement Agreement A: the claimant proposes terms; the defendant has 7 days to sign
    (7.8, 7.9, 7.13, 7.14, 7.41C-D, 7.42D-E).

    Its ``status`` (django-fsm-2, protected) is where it stands; only ``judgments.settlement`` moves it,
    with the claim's own step, in one transaction."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Waiting for the defendant to sign"
        SIGNED = "signed", "Signed by both parties"
        REJECTED = "rejected", "Rejected by the defendant"
        LAPSED = "lapsed", "Not signed within 7 days"
        #: The claimant reported that the defendant has not kept to it (7.8(2)); judgment follows at once.
        BROKEN = "broken", "Broken: the defendant has not kept to it"
        #: Judgment entered on the agreement's terms (7.8(2)-(6), 7.13(4)-(8)).
        JUDGMENT_ENTERED = "judgment_entered", "Broken: the claimant asked for judgment"

    claim = models.OneToOneField("claims.Claim", on_delete=models.CASCADE, related_name="settlement")
    status = FSMField(default=Status.PROPOSED, choices=Status.choices, protected=True)
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

    # -- transitions: called only by ``judgments.settlement`` ------------------------------------------------

    @transition(field=status, source=Status.PROPOSED, target=Status.SIGNED, conditions=[within_7_days])
    def sign(self) -> None:
        """The defendant signs within the 7 days: the claim is stayed (7.8(1), 7.13(2)-(3))."""

    @transition(field=status, source=Status.PROPOSED, target=Status.REJECTED, conditions=[within_7_days])
    def reject(self) -> None:
        """The defendant rejects it within the 7 days: the claimant may ask for judgment (7.9, 7.14)."""

    @transition(field=status, source=Status.PROPOSED, target=Status.LAPSED, conditions=[seven_days_passed])
    def lapse(self) -> None:
        """Not signed nor rejected within the 7 days: the claimant may ask for judgment (7.9(1)(d), 7.14(1)(b))."""

    @transition(field=status, source=Status.SIGNED, target=Status.BROKEN)
    def report_broken(self) -> None:
        """The claimant says the defendant has not kept to the signed agreement (7.8(2), 7.13(4))."""

    @transition(field=status, source=Status.BROKEN, target=Status.JUDGMENT_ENTERED)
    def enter_judgment(self) -> None:
        """Judgment on admission is entered on the agreement's terms (7.8(2)-(6), 7.13(4)-(8))."""
