"""The claim: the aggregate every step of the process acts on.

A claim's ``state`` (django-fsm-2, protected) is the one truth about where it stands;
only the service functions in ``claims.services`` change it. Live deadlines are columns
on the claim, indexed, swept by ``claims.sweeps``. Every step is recorded in the claim's
timeline (``ClaimEvent``, PD 51R 3.1: what, when recorded, by whom).

This module runs past 400 lines because the claim is one record: its columns, grouped by the
stage of the process that fills them, and the transitions that move it are read together (the
transitions' conditions read those columns). The small records beside it (the claim number
counter, staff access to what the record keeps back, the timeline) are here because the claim
names them.
"""
from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django_fsm import RETURN_VALUE, ConcurrentTransitionMixin, FSMField, transition

from rules import represented
from rules.calendar import local
from rules.money import pounds

from . import ocon1
from .constants import ClaimState, DefendantRepresentation, HwfDecision, SentOutTo


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

    # -- submission (PD 51R 4.1, 13.1): the claim form as signed ---------------------------
    #: The OCON1 answers exactly as submitted and signed (``claims.ocon1`` reads them).
    submitted_data = models.JSONField(null=True, blank=True, editable=False)
    claimant_name = models.CharField(max_length=300, blank=True)
    defendant_name = models.CharField(max_length=300, blank=True)
    #: When the claim form reached the court, and the day it counts as submitted (14.1).
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_on = models.DateField(null=True, blank=True)
    #: Statement of truth (13.1(1), (3)-(5)): the signer's name, and the date signed.
    sot_signed_name = models.CharField("statement of truth signed by", max_length=200, blank=True)
    sot_signed_on = models.DateField("statement of truth dated", null=True, blank=True)
    #: A legal representative signing for the claimant: their position in the firm (13.1(1), CPR 22).
    sot_signed_position = models.CharField("statement of truth signer's position", max_length=100, blank=True)

    # -- figures (money.md): exact pounds ---------------------------------------------------
    principal = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    #: Interest claimed to ``interest_to`` (the submission date, then the issue date once issued).
    interest = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    interest_to = models.DateField(null=True, blank=True)
    #: The daily amount after issue until judgment, if interest continues.
    daily_interest = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    fee = models.DecimalField("court fee", max_digits=10, decimal_places=2, null=True, blank=True)
    fee_schedule_from = models.DateField(null=True, blank=True)
    #: The schedule the fee was charged by, fixed on submission: a schedule any claim points at is never changed.
    fee_schedule = models.ForeignKey(
        "court.FeeSchedule", on_delete=models.PROTECT, null=True, blank=True, related_name="claims_charged",
    )
    #: A represented claimant's fixed costs on issue (CPR 45, money.md), fixed on submission from the schedule
    #: in force that day (empty for a claimant in person).
    fixed_costs = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    fixed_costs_schedule = models.ForeignKey(
        "court.FixedCostsSchedule", on_delete=models.PROTECT, null=True, blank=True, related_name="claims_costed",
    )

    # -- Help with Fees (PD 2A.1, 4.3(1A)) ---------------------------------------------------
    hwf_reference = models.CharField("Help with Fees reference", max_length=20, blank=True)
    hwf_decision = models.CharField(max_length=10, choices=HwfDecision.choices, blank=True)
    fee_remitted = models.DecimalField(max_digits=10, decimal_places=2, default=0)

    # -- issue and service (4.3) --------------------------------------------------------------
    claim_number = models.CharField(max_length=8, unique=True, null=True, blank=True)
    issued_at = models.DateTimeField(null=True, blank=True)
    issue_date = models.DateField(null=True, blank=True)
    #: For linking the claim online from the letter in the defendant's pack (issue 4).
    security_code = models.CharField(max_length=12, blank=True, editable=False)
    #: DEF-19 (DEF-REP, 28 days, if the claimant is represented, 6A.2(1)): the defendant's response
    #: deadline (16:00 on the last day, rolled to an open day), and the nominal last day it was
    #: counted to (so it can be recomputed when staff add a closure or an outage).
    response_deadline = models.DateTimeField(null=True, blank=True)
    response_deadline_day = models.DateField(null=True, blank=True)

    # -- the defendant (Section 5) -------------------------------------------------------------
    #: The account that linked the claim with its claim number and security code (once only).
    defendant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="claims_against",
    )
    defendant_linked_at = models.DateTimeField(null=True, blank=True)
    #: 5.1(1): the defendant confirmed they will respond (or responded, which confirms it).
    intention_confirmed_at = models.DateTimeField(null=True, blank=True)
    #: 5.1(7): the defendant said they need more time (the deadline became 33 days after issue).
    more_time_requested_at = models.DateTimeField(null=True, blank=True)
    #: 6A.2(2)-(3): when the defendant recorded an extension agreed with the represented claimant (the deadline
    #: became 4pm on the last day agreed, ``response_deadline_day``). Once only online (6A.2(4)).
    response_extension_recorded_at = models.DateTimeField(null=True, blank=True)
    #: Live: when to send the defendant the next reminder of the response deadline (5 days,
    #: then 1 day before). Empty once no reminder is left to send.
    response_reminder_at = models.DateTimeField(null=True, blank=True)
    #: Since when the claimant may ask for judgment in default (5.1(9), 11.1): set when the
    #: response deadline has passed with no response and the claimant has been told.
    default_available_at = models.DateTimeField(null=True, blank=True)
    #: Live, 11.2: the claim is stayed at this instant (6 months after issue) unless the
    #: defendant responds or the claimant asks for judgment first.
    no_response_stay_at = models.DateTimeField(null=True, blank=True)
    #: Live, ADM-5: the defendant offered to pay the admitted amount within 5 days of the
    #: admission (7.4, 7.40); when this passes the claimant is told they may ask for judgment.
    pay_immediately_deadline = models.DateTimeField(null=True, blank=True)
    #: Live, CLM-33 / CLM-ADM-33: the claimant answers the response by then (6.2(3), 7.17, 7.44).
    claimant_response_deadline = models.DateTimeField(null=True, blank=True)
    #: Live, CLM-REP-28: a represented claimant says whether they continue with the claim (and, if they do, files
    #: their directions questionnaire) before this instant, 4pm on the 28th day after notification of the defence
    #: (6A.4(3)); if not, the claim is sent out with an order under CPR 26.4(9) (6A.4(5)).
    represented_answer_deadline = models.DateTimeField(null=True, blank=True)

    #: Live, SA-7: the defendant signs or rejects the settlement agreement by then (7.8, 7.13).
    settlement_deadline = models.DateTimeField(null=True, blank=True)

    # -- stays and leaving the online process ----------------------------------------------------
    stayed_at = models.DateTimeField(null=True, blank=True)
    stay_reason = models.CharField(max_length=300, blank=True)
    #: The stay is lifted automatically when the claimant answers later (7.17, 7.44).
    stay_lifts_on_answer = models.BooleanField(default=False)
    #: Paid, settled or discontinued by the claimant (before judgment), and when.
    closed_on = models.DateField(null=True, blank=True)
    closed_reason = models.CharField(max_length=300, blank=True)
    #: The state the claim was in when it was stayed: a judge lifting the stay resumes it there (16.1).
    state_before_stay = models.CharField(max_length=40, blank=True)
    #: 6.2(10): the parties settled in mediation without discontinuing: the stay lets either party
    #: come back if the settlement breaks down (which sends the claim out, 6.2(11)).
    stay_allows_return = models.BooleanField(default=False)
    sent_out_at = models.DateTimeField(null=True, blank=True)
    sent_out_to = models.CharField(max_length=20, choices=SentOutTo.choices, blank=True)
    sent_out_reason = models.CharField(max_length=300, blank=True)
    #: The hearing centre by name, where one is known (the preferred court, a named centre).
    sent_out_court = models.CharField(max_length=200, blank=True)
    #: Directions given on sending out (19.1(3)-(4)), shown to both parties.
    sent_out_directions = models.TextField(blank=True)
    #: 6C.1(2): after directions, the early adopter court a claim between represented parties proceeds in while it
    #: stays online (empty otherwise).
    early_adopter_court = models.CharField(max_length=200, blank=True)

    # -- defended claims (Sections 6, 12, 20) -------------------------------------------------------
    #: Live, MED-28: when the 28-day mediation stay ends (6.2(5A), (9)).
    mediation_ends_at = models.DateTimeField(null=True, blank=True)
    #: Live, LA-RECON: a legal adviser's directions send the claim out at this instant, once the
    #: time to ask a judge to reconsider has passed (20.2(3)(e), 20.3).
    send_out_due_at = models.DateTimeField(null=True, blank=True)
    #: The last step either party took on the claim (12.1), and, live, when the claim is stayed
    #: if neither takes another (6 months later).
    last_party_step_at = models.DateTimeField(null=True, blank=True)
    inactivity_stay_at = models.DateTimeField(null=True, blank=True)
    #: Live, TRC-14: on the fast track, each party's trial readiness certificate must be in before this instant,
    #: 4pm on the 14th day after the court's notice (6C.3(3)); ``defended.services.trial`` refers the
    #: certificates to a judge when every one is in or this passes.
    trial_readiness_deadline = models.DateTimeField(null=True, blank=True)

    # -- legal representatives (PD 51R 1.1, 2.1(3)(d), 4.3(6), 6A-6C) ----------------------------------
    #: The claimant's legal representative: a firm registered on the service (None: a litigant in person).
    claimant_firm = models.ForeignKey(
        "accounts.Firm", on_delete=models.PROTECT, null=True, blank=True, related_name="claims_for_claimant",
    )
    #: The claimant firm's own reference for the case (up to 25 characters), on the form and the payment.
    claimant_reference = models.CharField("claimant's legal representative's reference", max_length=25, blank=True)
    #: Whether the defendant has a legal representative, and whether that representative is registered.
    defendant_representation = models.CharField(
        max_length=12, choices=DefendantRepresentation.choices, default=DefendantRepresentation.NONE,
    )
    #: The defendant's registered legal representative: served through the website (4.3(6)).
    defendant_firm = models.ForeignKey(
        "accounts.Firm", on_delete=models.PROTECT, null=True, blank=True, related_name="claims_for_defendant",
    )
    defendant_reference = models.CharField("defendant's legal representative's reference", max_length=25, blank=True)
    #: For the firm dashboard: the soonest deadline a party must act by (``PARTY_DEADLINES``), kept by ``save``,
    #: and when the latest step was recorded on the claim's timeline (``claims.timeline.record``).
    next_deadline_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_activity_at = models.DateTimeField(null=True, blank=True, editable=False)

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
            models.Index(
                fields=["response_deadline"], name="claim_response_deadline_idx",
                condition=models.Q(response_deadline__isnull=False),
            ),
            # The deadline sweeps: each partial index holds only the claims still waiting.
            models.Index(
                fields=["response_deadline"], name="claim_no_response_idx",
                condition=models.Q(state=ClaimState.ISSUED, default_available_at__isnull=True),
            ),
            models.Index(
                fields=["response_reminder_at"], name="claim_response_reminder_idx",
                condition=models.Q(response_reminder_at__isnull=False),
            ),
            models.Index(
                fields=["no_response_stay_at"], name="claim_no_response_stay_idx",
                condition=models.Q(no_response_stay_at__isnull=False),
            ),
            models.Index(
                fields=["pay_immediately_deadline"], name="claim_pay_immediately_idx",
                condition=models.Q(pay_immediately_deadline__isnull=False),
            ),
            models.Index(
                fields=["claimant_response_deadline"], name="claim_claimant_deadline_idx",
                condition=models.Q(claimant_response_deadline__isnull=False),
            ),
            models.Index(
                fields=["represented_answer_deadline"], name="claim_rep_answer_deadline_idx",
                condition=models.Q(represented_answer_deadline__isnull=False),
            ),
            models.Index(
                fields=["settlement_deadline"], name="claim_settlement_deadline_idx",
                condition=models.Q(settlement_deadline__isnull=False),
            ),
            models.Index(
                fields=["mediation_ends_at"], name="claim_mediation_ends_idx",
                condition=models.Q(mediation_ends_at__isnull=False),
            ),
            models.Index(
                fields=["send_out_due_at"], name="claim_send_out_due_idx",
                condition=models.Q(send_out_due_at__isnull=False),
            ),
            models.Index(
                fields=["inactivity_stay_at"], name="claim_inactivity_stay_idx",
                condition=models.Q(inactivity_stay_at__isnull=False),
            ),
            models.Index(
                fields=["trial_readiness_deadline"], name="claim_trial_readiness_idx",
                condition=models.Q(trial_readiness_deadline__isnull=False),
            ),
            # The firm dashboard: each firm's cases by next deadline, latest activity or issue date.
            models.Index(fields=["claimant_firm", "next_deadline_at"], name="claim_cfirm_deadline_idx",
                         condition=models.Q(claimant_firm__isnull=False)),
            models.Index(fields=["defendant_firm", "next_deadline_at"], name="claim_dfirm_deadline_idx",
                         condition=models.Q(defendant_firm__isnull=False)),
        ]
        constraints = [
            models.CheckConstraint(
                name="claim_defendant_firm_iff_registered",
                condition=(
                    models.Q(defendant_representation="registered", defendant_firm__isnull=False)
                    | (~models.Q(defendant_representation="registered") & models.Q(defendant_firm__isnull=True))
                ),
            ),
        ]

    def __str__(self) -> str:
        """How the court's pages (work queues, the admin) name the claim: by its number once it has one,
        before that by who claims against whom."""
        if self.claim_number:
            return self.claim_number
        return (f"Claim by {self.claimant_name or 'a claimant not yet named'} against "
                f"{self.defendant_label or 'a defendant not yet named'}")

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Keeps ``next_deadline_at`` in step with the deadline columns, whatever step saved them."""
        soonest = self.party_deadline()
        self.next_deadline_at = soonest[1] if soonest else None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "next_deadline_at" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "next_deadline_at"]
        super().save(*args, **kwargs)

    # -- transitions: called only by ``claims.services`` ----------------------------------

    @transition(field=state, source=ClaimState.DRAFT, target=ClaimState.AWAITING_FEE)
    def submit(self) -> None:
        """The claimant signs and submits the claim form (4.1(1)(c))."""

    @transition(field=state, source=ClaimState.AWAITING_FEE, target=ClaimState.DRAFT)
    def return_to_draft(self) -> None:
        """The claimant takes an unpaid claim back to change it."""

    @transition(field=state, source=ClaimState.AWAITING_FEE, target=ClaimState.AWAITING_HWF_DECISION)
    def apply_for_help_with_fees(self) -> None:
        """The claimant gives a Help with Fees reference instead of paying (2A.1)."""

    @transition(field=state, source=ClaimState.AWAITING_HWF_DECISION, target=ClaimState.AWAITING_FEE)
    def fee_still_due(self) -> None:
        """Help with Fees refused or part remitted: the claimant pays what is left."""

    @transition(
        field=state, source=[ClaimState.AWAITING_FEE, ClaimState.AWAITING_HWF_DECISION], target=ClaimState.ISSUED
    )
    def issue(self) -> None:
        """The fee is paid or remitted: the court issues the claim (4.3(1), (1A))."""

    @transition(field=state, source=ClaimState.ISSUED, target=ClaimState.AWAITING_CLAIMANT_RESPONSE)
    def respond(self) -> None:
        """The court receives the defendant's response form online (5.1(3)-(8))."""

    @transition(
        field=state,
        source=[ClaimState.ISSUED, ClaimState.AWAITING_CLAIMANT_RESPONSE, ClaimState.SETTLEMENT_OFFERED,
                ClaimState.MEDIATION],
        target=ClaimState.STAYED,
    )
    def stay(self) -> None:
        """The court stays the claim (11.2: no response in 6 months; 12.1: no step in 6 months; 6.2(3)-(4),
        6.3(3)-(4), 7.17, 7.44: the claimant does not continue or is silent; 6.2(10): settled in mediation)."""

    @transition(field=state, source=ClaimState.STAYED, target=ClaimState.AWAITING_CLAIMANT_RESPONSE)
    def lift_stay(self) -> None:
        """The claimant answers after all: the stay is lifted automatically (7.17, 7.44)."""

    @transition(
        field=state, source=ClaimState.STAYED,
        target=RETURN_VALUE(ClaimState.ISSUED, ClaimState.AWAITING_CLAIMANT_RESPONSE, ClaimState.AWAITING_DIRECTIONS),
    )
    def resume(self) -> str:
        """A judge lifts the stay on an application (16.1(4)): the claim resumes where it stopped."""
        before = self.state_before_stay or (
            # Stayed before the state was recorded: with no response the claim was waiting for one.
            ClaimState.AWAITING_CLAIMANT_RESPONSE if hasattr(self, "response") else ClaimState.ISSUED)
        if before == ClaimState.ISSUED:
            return ClaimState.ISSUED
        if before in (ClaimState.AWAITING_CLAIMANT_RESPONSE, ClaimState.SETTLEMENT_OFFERED):
            return ClaimState.AWAITING_CLAIMANT_RESPONSE
        return ClaimState.AWAITING_DIRECTIONS

    @transition(
        field=state, source=[ClaimState.AWAITING_CLAIMANT_RESPONSE, ClaimState.STAYED], target=ClaimState.MEDIATION
    )
    def mediate(self) -> None:
        """Both parties are willing to mediate: stayed for 28 days and referred (6.2(5A))."""

    @transition(
        field=state,
        source=[ClaimState.AWAITING_CLAIMANT_RESPONSE, ClaimState.STAYED, ClaimState.MEDIATION,
                ClaimState.DIRECTIONS_MADE],
        target=ClaimState.AWAITING_DIRECTIONS,
    )
    def refer_for_directions(self) -> None:
        """The forms go to a legal adviser or judge (6.2(9), (12), 6.3(6)); or a party asks a judge to
        reconsider a legal adviser's directions (20.3)."""

    @transition(field=state, source=ClaimState.AWAITING_DIRECTIONS, target=ClaimState.DIRECTIONS_MADE)
    def directions_made(self) -> None:
        """A legal adviser's directions send the claim out once the reconsideration window ends (20.2(3)(e)); or,
        every party represented, the claim proceeds online in an early adopter court (6C.1(2))."""

    @transition(field=state, source=ClaimState.AWAITING_CLAIMANT_RESPONSE, target=ClaimState.SETTLEMENT_OFFERED)
    def offer_settlement(self) -> None:
        """The claimant proposes a settlement agreement (7.8, 7.13)."""

    @transition(field=state, source=ClaimState.SETTLEMENT_OFFERED, target=ClaimState.SETTLEMENT_AGREED)
    def agree_settlement(self) -> None:
        """The defendant signs: the claim is stayed (7.8(1))."""

    @transition(field=state, source=ClaimState.SETTLEMENT_OFFERED, target=ClaimState.AWAITING_CLAIMANT_RESPONSE)
    def settlement_not_signed(self) -> None:
        """The defendant rejected it or let 7 days pass: the claimant may ask for judgment (7.9, 7.14)."""

    @transition(
        field=state,
        source=[ClaimState.ISSUED, ClaimState.AWAITING_CLAIMANT_RESPONSE, ClaimState.STAYED,
                ClaimState.SETTLEMENT_OFFERED, ClaimState.SETTLEMENT_AGREED, ClaimState.MEDIATION,
                ClaimState.AWAITING_DIRECTIONS, ClaimState.DIRECTIONS_MADE],
        target=ClaimState.SETTLED,
    )
    def settle(self) -> None:
        """The claimant says the claim is paid in full or settled (before judgment)."""

    @transition(
        field=state,
        source=[ClaimState.ISSUED, ClaimState.AWAITING_CLAIMANT_RESPONSE, ClaimState.STAYED,
                ClaimState.SETTLEMENT_OFFERED, ClaimState.SETTLEMENT_AGREED, ClaimState.MEDIATION,
                ClaimState.AWAITING_DIRECTIONS, ClaimState.DIRECTIONS_MADE],
        target=ClaimState.DISCONTINUED,
    )
    def discontinue(self) -> None:
        """The claimant discontinues the claim (before judgment)."""

    @transition(
        field=state, source=[ClaimState.ISSUED, ClaimState.AWAITING_CLAIMANT_RESPONSE, ClaimState.SETTLEMENT_AGREED],
        target=ClaimState.JUDGMENT_ENTERED,
    )
    def enter_judgment(self) -> None:
        """Judgment in default (11.1(3)) or on admission (7.4(3), 7.7)."""

    @transition(
        field=state, source=[ClaimState.ISSUED, ClaimState.AWAITING_CLAIMANT_RESPONSE, ClaimState.STAYED,
                             ClaimState.JUDGMENT_ENTERED, ClaimState.SETTLEMENT_OFFERED, ClaimState.SETTLEMENT_AGREED,
                             ClaimState.MEDIATION, ClaimState.AWAITING_DIRECTIONS, ClaimState.DIRECTIONS_MADE],
        target=ClaimState.SENT_OUT,
    )
    def send_out(self) -> None:
        """The claim leaves the online process (9.1(2), 18, 19)."""

    #: The live deadlines the sweeps act on after issue (the response deadline itself stays, as a record).
    LIVE_DEADLINES = (
        "response_reminder_at", "no_response_stay_at", "pay_immediately_deadline", "claimant_response_deadline",
        "represented_answer_deadline", "settlement_deadline", "mediation_ends_at", "send_out_due_at",
        "inactivity_stay_at", "trial_readiness_deadline",
    )

    #: What each deadline a claim can be waiting on means, as court staff read it (the staff claim page).
    DEADLINE_LABELS = {
        "response_deadline": "The defendant responds by (DEF-19, 5.1)",
        "response_reminder_at": "Next reminder to the defendant of the response deadline",
        "no_response_stay_at": "Stayed if no response and no request for judgment (11.2)",
        "pay_immediately_deadline": "The defendant pays the admitted amount by (ADM-5, 7.4)",
        "claimant_response_deadline": "The claimant answers the response by (CLM-33, 6.2(3))",
        "represented_answer_deadline": ("The claimant's legal representative says whether the claim continues, with "
                                        "the directions questionnaire, before (CLM-REP-28, 6A.4(3))"),
        "settlement_deadline": "The defendant signs or rejects the settlement agreement by (SA-7)",
        "mediation_ends_at": "The mediation stay ends (MED-28, 6.2(9))",
        "send_out_due_at": "Sent out once the time to ask for reconsideration passes (20.2(3)(e))",
        "inactivity_stay_at": "Stayed if neither party takes a step (12.1)",
        "trial_readiness_deadline": "Each party files its trial readiness certificate before (TRC-14, 6C.3(3))",
    }

    @staticmethod
    def deadline_between(start: datetime, end: datetime) -> models.Q:
        """Claims with a live deadline from ``start`` up to ``end``: one of ``LIVE_DEADLINES``, or the response
        deadline of a claim still waiting for its response."""
        q = models.Q(state=ClaimState.ISSUED, response_deadline__gte=start, response_deadline__lte=end)
        for name in Claim.LIVE_DEADLINES:
            q |= models.Q(**{f"{name}__gte": start, f"{name}__lte": end})
        return q

    def live_deadlines(self) -> list[tuple[str, datetime]]:
        """(what it means, instant) of every deadline the claim is waiting on, soonest first."""
        names = list(self.LIVE_DEADLINES)
        if self.state == ClaimState.ISSUED:
            names.insert(0, "response_deadline")
        found = [(self._deadline_label(name), getattr(self, name)) for name in names if getattr(self, name)]
        return sorted(found, key=lambda pair: pair[1])

    def _deadline_label(self, name: str) -> str:
        if name == "response_deadline" and self.response_extension_recorded_at is not None:
            return "The defendant responds by (DEF-REP-EXT, 6A.2(3): the extension the parties agreed)"
        if name == "response_deadline" and self.claimant_firm_id is not None:
            return "The defendant responds by (DEF-REP, 6A.2(1): the claimant is represented)"
        return self.DEADLINE_LABELS[name]

    #: The deadlines a party must act by, as the firm dashboard shows them (the response deadline only while the
    #: claim waits for the response).
    PARTY_DEADLINES = (
        "response_deadline", "pay_immediately_deadline", "claimant_response_deadline", "represented_answer_deadline",
        "settlement_deadline", "send_out_due_at", "trial_readiness_deadline",
    )

    def party_deadline(self) -> tuple[str, datetime] | None:
        """(name, instant) of the soonest deadline a party must act by, or None."""
        found = [(name, getattr(self, name)) for name in self.PARTY_DEADLINES if getattr(self, name)
                 and (name != "response_deadline" or self.state == ClaimState.ISSUED)]
        return min(found, key=lambda pair: pair[1]) if found else None

    @property
    def claimant_answer_by(self) -> datetime | None:
        """When the claimant must answer the response: CLM-REP-28 for a represented claimant's answer to a defence
        (6A.4(3)), else CLM-33 / CLM-ADM-33 (6.2(3), 7.44); None when nothing waits for their answer."""
        return self.represented_answer_deadline or self.claimant_response_deadline

    @property
    def mediation_referred(self) -> bool:
        """Both parties willing to mediate: is the claim referred to the Small Claims Mediation Service? Always for
        parties in person (6.2(5A)); for a represented claimant where appropriate (6A.5(3)(b),
        ``rules.represented.mediation_referral_appropriate``)."""
        return self.claimant_firm_id is None or represented.mediation_referral_appropriate(self.principal)

    @property
    def is_represented(self) -> bool:
        """Either party has a legal representative registered on the service."""
        return self.claimant_firm_id is not None or self.defendant_firm_id is not None

    def clear_deadlines(self) -> None:
        """Stop every live deadline: the claim is closed, stayed or sent out (nothing waits on a sweep)."""
        for name in self.LIVE_DEADLINES:
            setattr(self, name, None)

    def mark_closed(self, *, reason: str, on: date) -> None:
        """Record that the claim closed on ``on`` (paid, settled, discontinued), and why; its live deadlines
        stop. The caller moves its state and saves it."""
        self.closed_on = on
        self.closed_reason = reason[:300]
        self.clear_deadlines()
        self.stay_lifts_on_answer = False

    @property
    def defendant_label(self) -> str:
        """The defendant's name, from the signed form or, for a draft, as far as it goes."""
        if self.defendant_name:
            return self.defendant_name
        return ocon1.defendant_name(self.draft_data)

    @property
    def description(self) -> str:
        name = self.defendant_label
        return f"Claim against {name}" if name else "Money claim (no defendant named yet)"

    @property
    def amount_claimed(self) -> Decimal | None:
        """The claim with interest to ``interest_to``."""
        if self.principal is None:
            return None
        return pounds(self.principal + (self.interest or 0))

    @property
    def total(self) -> Decimal | None:
        """The amount claimed plus the court fee (and a represented claimant's fixed costs on issue): the claim
        form's "total amount"."""
        if self.amount_claimed is None:
            return None
        return pounds(self.amount_claimed + (self.fee or 0) + (self.fixed_costs or 0))

    @property
    def fee_due(self) -> Decimal:
        """What the claimant has to pay to have the claim issued (after any remission)."""
        return pounds(max(Decimal(0), (self.fee or 0) - self.fee_remitted))

    @property
    def fee_payments(self):  # type: ignore[no-untyped-def]
        """The successful card payments of the fee (for the receipt)."""
        return self.payments.filter(status="success").order_by("completed_at")

    @property
    def form(self):  # type: ignore[no-untyped-def]
        """The signed claim form (``claims.ocon1.ClaimForm``); None before submission."""
        return ocon1.read(self.submitted_data) if self.submitted_data else None


class ClaimNumberCounter(models.Model):
    """The last claim number given. One row; issuing locks it, so numbers never repeat
    even when claims are issued at the same moment."""

    name = models.CharField(max_length=20, primary_key=True)
    last = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}: {self.last}"


class StaffAccess(models.Model):
    """A member of court staff read something on a claim that is kept from the claim's record the parties
    see, such as the defendant's security code. Staff read these on the claim's admin page; parties never do."""

    class What(models.TextChoices):
        SECURITY_CODE = "security_code", "Security code"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="staff_accesses")
    what = models.CharField(max_length=40, choices=What.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    user_label = models.CharField("viewed by", max_length=200)
    at = models.DateTimeField("viewed at")

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["claim", "-at"])]
        verbose_name = "staff access to a claim"
        verbose_name_plural = "staff access to claims"

    def __str__(self) -> str:
        return f"{self.get_what_display()} of {self.claim} viewed by {self.user_label} at {self.at:%Y-%m-%d %H:%M}"


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


class AssignmentKind(models.TextChoices):
    ASSIGNED = "assigned", "Assigned"
    SHARED = "shared", "Shared"


class CaseAssignment(models.Model):
    """Who in a firm works on one of its cases (the MyHMCTS allocation), and the firm's record of it.

    A case has at most one solicitor *assigned* per firm, and any number it is *shared* with. A row is
    never deleted: reallocating, unsharing or removing the member ends it (``ended_at``), so the rows are
    the record of every allocation, by whom and when. The firm sees that record; the other party never does.
    Written only by ``claims.assignments``.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="assignments")
    firm = models.ForeignKey("accounts.Firm", on_delete=models.CASCADE, related_name="case_assignments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_assignments")
    kind = models.CharField(max_length=10, choices=AssignmentKind.choices)
    assigned_at = models.DateTimeField()
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    end_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-assigned_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "claim"], name="assignment_live_user_idx",
                         condition=models.Q(ended_at__isnull=True)),
            models.Index(fields=["firm", "claim"], name="assignment_live_firm_idx",
                         condition=models.Q(ended_at__isnull=True)),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "firm"], condition=models.Q(kind="assigned", ended_at__isnull=True),
                name="assignment_one_assignee_per_firm",
            ),
            models.UniqueConstraint(
                fields=["claim", "user"], condition=models.Q(ended_at__isnull=True),
                name="assignment_once_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim} {self.get_kind_display().lower()} to {self.user}"


class BreathingSpaceKind(models.TextChoices):
    """The two moratoria of the Debt Respite Scheme (Breathing Space Moratorium and Mental Health Crisis
    Moratorium) (England and Wales) Regulations 2020."""

    STANDARD = "standard", "Standard breathing space"
    MENTAL_HEALTH_CRISIS = "mental_health_crisis", "Mental health crisis breathing space"


class BreathingSpaceState(models.TextChoices):
    IN_FORCE = "in_force", "In force"
    ENDED = "ended", "Ended"


class BreathingSpace(ConcurrentTransitionMixin, models.Model):
    """A debt-respite moratorium the court has been told of for the defendant on this claim (PD 51R 11.1(2A),
    11.1B(8)(b)): while it is in force judgment in default and the other steps that enforce the claim are barred.

    In force from ``starts_on`` until it ends: at the start of the day after ``ends_on`` (``ends_at``, the stored
    deadline the ``claims.breathing_space_ended`` sweep acts on), or when the end is recorded as having happened.
    A mental health crisis moratorium may be recorded without its end (it lasts until 30 days after the crisis
    treatment ends), which is recorded later. ``state`` changes only by its transitions, which
    ``claims.breathing_space`` calls; ``end`` writes ``ended_at``, and a check constraint keeps the two in
    step."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="breathing_spaces")
    kind = models.CharField(max_length=30, choices=BreathingSpaceKind.choices)
    state = FSMField(default=BreathingSpaceState.IN_FORCE, choices=BreathingSpaceState.choices, protected=True)
    starts_on = models.DateField()
    #: The last day of the moratorium, if known.
    ends_on = models.DateField(null=True, blank=True)
    #: The moment it ends (the start of the day after ``ends_on``, UK time): the deadline swept.
    ends_at = models.DateTimeField(null=True, blank=True)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")

    class Meta:
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["ends_at"], name="breathing_space_end_idx",
                                condition=models.Q(state="in_force", ends_at__isnull=False))]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(state="in_force", ended_at__isnull=True)
                           | models.Q(state="ended", ended_at__isnull=False)),
                name="breathing_space_ended_at_iff_ended",
            ),
            models.UniqueConstraint(fields=["claim"], condition=models.Q(state="in_force"),
                                    name="one_breathing_space_in_force_per_claim"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.starts_on:%-d %B %Y} ({self.claim})"

    @transition(field=state, source=BreathingSpaceState.IN_FORCE, target=BreathingSpaceState.ENDED)
    def end(self, *, at: datetime, by: Any = None) -> None:
        """The moratorium ended (its last day passed, or it was cancelled or the crisis treatment ended)."""
        self.ended_at = at
        self.ended_by = by


def breathing_space_in_force(claim: Claim, instant: datetime) -> BreathingSpace | None:
    """The moratorium barring steps on ``claim`` at ``instant``, or None. Read after locking the claim row (every
    step that records or ends one locks it first), so the answer holds for the rest of the transaction."""
    found = claim.breathing_spaces.filter(
        state=BreathingSpaceState.IN_FORCE, starts_on__lte=local(instant).date()).filter(
        models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=instant)).first()
    return found
