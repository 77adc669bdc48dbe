"""The defendant's response: the draft they work on, and the response the court received.

A :class:`DefendantResponse` is the form as received (PD 51R 5.1(3)-(6), 13.1(2)): its
answers are written once, by ``responses.services``, and never changed (``save`` refuses any
update but that of its state, and the admin shows it read-only). Its PDF is a
``ClaimDocument`` of kind ``response``.

Where the response stands is its own state machine (``state``): received by the court, with
the claimant to answer, then accepted or rejected by the claimant (a rejected part admission
goes on as a defence of the whole, 7.43), or withdrawn with the court's permission (7.46).
Only the services of ``responses``, ``defended`` and ``judgments`` move it, each in the
transaction of the claim's own step.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django_fsm import ConcurrentTransitionMixin, FSMField, can_proceed, transition

from rules import welsh
from rules.calendar import local

from . import ocon9


class ResponseDraft(models.Model):
    """The answers saved so far, page by page (``responses.ocon9`` documents the keys)."""

    claim = models.OneToOneField("claims.Claim", on_delete=models.CASCADE, related_name="response_draft")
    data = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Response draft for {self.claim}"


LANGUAGE_CHOICES = [(welsh.ENGLISH, "English"), (welsh.WELSH, "Welsh (Cymraeg)")]


class ImmutableError(RuntimeError):
    pass


class ResponseState(models.TextChoices):
    SUBMITTED = "submitted", "Received by the court"
    HELD_FOR_TRANSLATION = "held_for_translation", "In Welsh: being translated into English (6B.1(2))"
    WITH_CLAIMANT = "with_claimant", "With the claimant to answer"
    ACCEPTED = "accepted", "Accepted by the claimant"
    REJECTED = "rejected", "Rejected: the claimant goes on with the claim"
    CONTINUING_AS_DEFENCE = "continuing_as_defence", "Part admission rejected: goes on as a defence (7.43)"
    WITHDRAWAL_ASKED = "withdrawal_asked", "The defendant asked permission to withdraw the admission (7.46)"
    WITHDRAWN = "withdrawn", "Admission withdrawn with the court's permission (7.46)"
    WITHDRAWAL_REFUSED = "withdrawal_refused", "Permission to withdraw refused: the admission stands"


#: The claimant has not answered the response yet.
AWAITING_ANSWER = (ResponseState.WITH_CLAIMANT,)


def _is_in_welsh(response: DefendantResponse) -> bool:
    return response.language == welsh.WELSH


def _is_admission(response: DefendantResponse) -> bool:
    return response.kind in (ocon9.Kind.FULL_ADMISSION, ocon9.Kind.PART_ADMISSION)


def _is_part_admission(response: DefendantResponse) -> bool:
    return response.kind == ocon9.Kind.PART_ADMISSION


def _is_defence(response: DefendantResponse) -> bool:
    return response.kind in ocon9.DEFENCE_KINDS


class DefendantResponse(ConcurrentTransitionMixin, models.Model):
    """The defendant's response form as the court received it, and where it stands."""

    claim = models.OneToOneField("claims.Claim", on_delete=models.PROTECT, related_name="response")
    state = FSMField(default=ResponseState.SUBMITTED, choices=ResponseState.choices, protected=True)
    kind = models.CharField(max_length=20, choices=[(kind.value, label) for kind, label in ocon9.KIND_LABELS.items()])
    #: Every answer exactly as submitted.
    data = models.JSONField()
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    #: When the court received it, and the day it counts as received (14.1, the 4pm rule).
    submitted_at = models.DateTimeField()
    received_on = models.DateField()
    #: Received after the response deadline (accepted until judgment is entered, 11.1A(2)).
    late = models.BooleanField(default=False)
    #: Statement of truth (13.1(2)-(5)).
    sot_signed_name = models.CharField("statement of truth signed by", max_length=200)
    sot_signer_role = models.CharField(max_length=100, blank=True, help_text="For a company or organisation.")
    #: Signed by the defendant's legal representative (13.1(2)): the firm they sign for ("" in person).
    sot_firm = models.CharField("statement of truth signed for the firm", max_length=200, blank=True)
    sot_signed_on = models.DateField("statement of truth dated")

    # -- the figures the next steps read --------------------------------------------------------
    admitted_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    paid_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)
    payment_option = models.CharField(max_length=20, blank=True)
    pay_by = models.DateField(null=True, blank=True)
    instalment_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    instalment_frequency = models.CharField(max_length=20, blank=True)
    first_payment_on = models.DateField(null=True, blank=True)
    mediation_willing = models.BooleanField(null=True)
    preferred_court = models.CharField(max_length=200, blank=True)
    #: Received on paper (OCON9X) and entered by a caseworker from the scan (Section 10).
    on_paper = models.BooleanField(default=False)
    #: The language the defendant responded in; the answers above are stored as submitted, in that language. A
    #: response in Welsh (2.1(3)(l)) is held until the court provides the English translation (6B.1).
    language = models.CharField(max_length=2, choices=LANGUAGE_CHOICES, default=welsh.ENGLISH)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.claim}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding and set(kwargs.get("update_fields") or ()) != {"state"}:
            raise ImmutableError("A response the court has received is never changed (only where it stands).")
        super().save(*args, **kwargs)

    # -- where it stands (a transition is saved with ``save(update_fields=["state"])``) --------------

    @transition(field=state, source=ResponseState.SUBMITTED, target=ResponseState.HELD_FOR_TRANSLATION,
                conditions=[_is_in_welsh])
    def hold_for_translation(self) -> None:
        """A response in Welsh is sent for translation into English; the claimant is not given it yet (6B.1(2))."""

    @transition(field=state, source=[ResponseState.SUBMITTED, ResponseState.HELD_FOR_TRANSLATION],
                target=ResponseState.WITH_CLAIMANT)
    def send_to_claimant(self) -> None:
        """The court tells the claimant and asks for their answer within 33 days (5.1(8)(b), 6.2(2), 7.3); a
        response in Welsh goes with its English translation, once the court has it (6B.1(2)-(3))."""

    @transition(field=state, source=ResponseState.WITH_CLAIMANT, target=ResponseState.ACCEPTED)
    def accept(self) -> None:
        """The claimant accepts it: the admission (asking for judgment or settling on it, 7.4, 7.8), the amount
        admitted in full settlement (7.42), the payment the defendant says they made, or the defence, by not going
        on (6.2(3), 6.3(3))."""

    @transition(field=state, source=ResponseState.WITH_CLAIMANT, target=ResponseState.REJECTED,
                conditions=[_is_defence])
    def reject(self) -> None:
        """The claimant rejects the defence, or disputes that they were paid, and goes on with the claim
        (6.2(5), 6.3(5))."""

    @transition(field=state, source=ResponseState.WITH_CLAIMANT, target=ResponseState.CONTINUING_AS_DEFENCE,
                conditions=[_is_part_admission])
    def continue_as_defence(self) -> None:
        """The claimant rejects the part admission and goes on: the response is treated as a defence of the whole
        and Section 6 applies (7.43(a))."""

    @transition(field=state, source=ResponseState.ACCEPTED, target=ResponseState.WITH_CLAIMANT,
                conditions=[_is_defence])
    def answer_afresh(self) -> None:
        """A judge lifts the stay that followed the claimant's not going on: they answer the defence afresh
        (16.1(4), 6.2(3))."""

    @transition(field=state, source=[ResponseState.WITH_CLAIMANT, ResponseState.ACCEPTED],
                target=ResponseState.WITHDRAWAL_ASKED, conditions=[_is_admission])
    def ask_to_withdraw(self) -> None:
        """The defendant applies for permission to withdraw their admission; the claim is sent out (7.46(1)-(3))."""

    @transition(field=state, source=ResponseState.WITHDRAWAL_ASKED, target=ResponseState.WITHDRAWN)
    def withdraw(self) -> None:
        """A judge gives the defendant permission to withdraw their admission (7.46(4), CPR PD 14 7.2)."""

    @transition(field=state, source=ResponseState.WITHDRAWAL_ASKED, target=ResponseState.WITHDRAWAL_REFUSED)
    def refuse_withdrawal(self) -> None:
        """A judge refuses permission: the admission stands (7.46(4), CPR PD 14 7.2)."""

    @property
    def admission_may_be_withdrawn(self) -> bool:
        """The defendant may still ask permission to withdraw their admission (7.46): not once the claimant went
        on against a part admission as a defence (7.43), nor once they have asked."""
        return can_proceed(self.ask_to_withdraw)

    @property
    def withdrawal_awaiting_decision(self) -> bool:
        """The defendant asked permission to withdraw their admission and no judge has decided yet (7.46)."""
        return self.state == ResponseState.WITHDRAWAL_ASKED

    def change_state(self) -> None:
        """Save a transition just made (the answers are never saved again)."""
        self.save(update_fields=["state"])

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ImmutableError("A response the court has received is never deleted.")

    @property
    def held_for_translation(self) -> bool:
        """In Welsh and not yet translated: the claimant cannot be given it, nor their time start (6B.1)."""
        return self.state == ResponseState.HELD_FOR_TRANSLATION

    @property
    def in_welsh(self) -> bool:
        return self.language == welsh.WELSH

    @property
    def english_translation(self) -> ResponseTranslation | None:
        return getattr(self, "translation", None)

    @property
    def plan(self) -> ocon9.PaymentPlan | None:
        if not self.payment_option:
            return None
        return ocon9.PaymentPlan(
            ocon9.PaymentOption(self.payment_option), pay_by=self.pay_by, instalment=self.instalment_amount,
            frequency=self.instalment_frequency, first_payment=self.first_payment_on,
        )

    @property
    def cpr_16_5(self) -> list[tuple[str, str]]:
        """A represented defendant's defence as CPR 16.5 asks it (6A.4(2)), read from the answers as submitted."""
        return ocon9.cpr_16_5(self.data)

    @property
    def by_legal_representative(self) -> bool:
        """Signed by the defendant's legal representative (13.1(2): "The defendant believes…")."""
        return bool(self.sot_firm)

    @property
    def has_defence(self) -> bool:
        return self.kind in ocon9.DEFENCE_KINDS

    @property
    def disputed_amount(self) -> Decimal | None:
        if self.admitted_amount is None or self.claim.total is None:
            return None
        return self.claim.total - self.admitted_amount

    @property
    def counts_from_a_later_day(self) -> bool:
        """Received at or after 4pm or on a closed day: it counts as received later (14.1)."""
        return self.received_on != local(self.submitted_at).date()

    @property
    def pay_immediately(self) -> bool:
        return self.payment_option == ocon9.PaymentOption.IMMEDIATELY


class ResponseTranslation(models.Model):
    """The English translation of a response in Welsh, as the court provided it to the claimant (6B.1(2)).

    Entered once by a caseworker (``responses.services.response_translation_provide``) and never changed; the day
    it was provided is the day the claimant's time starts (6B.1(3), ``rules.welsh``)."""

    response = models.OneToOneField(DefendantResponse, on_delete=models.PROTECT, related_name="translation")
    text = models.TextField("English translation")
    provided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    provided_at = models.DateTimeField()
    #: The date the claimant's time starts (6B.1(3)).
    provided_on = models.DateField()

    def __str__(self) -> str:
        return f"English translation of the response on {self.response.claim}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError("The translation the court provided is never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ImmutableError("The translation the court provided is never deleted.")
