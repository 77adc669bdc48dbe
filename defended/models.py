"""Defended claims (PD 51R Sections 6, 10, 16-20): the claimant's decision on a defence,
referrals to a legal adviser or judge, their directions, parties' applications, and responses
received on paper.

Rows here are records of what was received or decided; only ``defended.services`` writes
them, in the same transaction as the claim's state change and its timeline event.

A referral and an application each have a ``state`` (django-fsm-2, protected), changed only by
their transitions, which ``defended.services`` calls. The transition that ends one also writes
the record of when and what (``closed_at``/``outcome``, ``decided_at``/``decision``); a check
constraint keeps the two in step, so "still waiting" reads the same from either.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import models
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from claims.constants import PartyRole, Referee, SentOutTo


class ImmutableError(RuntimeError):
    pass


class DecisionDraft(models.Model):
    """The claimant's answers to a defence saved so far, page by page."""

    claim = models.OneToOneField("claims.Claim", on_delete=models.CASCADE, related_name="decision_draft")
    data = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Claimant's draft answer on {self.claim}"


class DecisionOutcome(models.TextChoices):
    CONTINUE = "continue", "Continues with the claim"
    NOT_CONTINUE = "not_continue", "Does not continue with the claim"
    PAYMENT_CONFIRMED = "payment_confirmed", "Confirms the defendant has paid"
    ACCEPTS_PART_ADMISSION = "accepts_part", "Accepts the amount admitted in full settlement"


class ClaimantDecision(models.Model):
    """The claimant's answer to a defence as received (6.2(2)-(5), 6.3(2)-(5), 7.43): written once."""

    claim = models.OneToOneField("claims.Claim", on_delete=models.PROTECT, related_name="claimant_decision")
    outcome = models.CharField(max_length=20, choices=DecisionOutcome.choices)
    #: The claimant's directions questionnaire (OCON180) and mediation answers, as submitted.
    data = models.JSONField(default=dict, blank=True)
    mediation_willing = models.BooleanField(null=True)
    preferred_court = models.CharField(max_length=200, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField()
    #: The day the court counts it as received (14.1): the mediation stay counts from it (6.2(5A)).
    received_on = models.DateField()

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.claim})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError("The claimant's answer is never changed once received.")
        super().save(*args, **kwargs)


class ReferralKind(models.TextChoices):
    DIRECTIONS = "directions", "Directions questionnaires to consider"
    RECONSIDERATION = "reconsideration", "Reconsider a legal adviser's decision"
    APPLICATION = "application", "A party's application or request"
    MATTER = "matter", "A matter referred by the court"
    DEFAULT_JUDGMENT = "default_judgment", "A request for judgment in default while an application is pending"
    #: An online application the respondent consented to before it was made: a draft consent order (16B.1(8)).
    CONSENT_ORDER = "consent_order", "A draft consent order to approve (16B.1(8))"
    #: Fast track: the trial readiness certificates are in, or the 2 weeks passed without them (6C.3(4), 16A.1).
    TRIAL_READINESS = "trial_readiness", "Trial readiness certificates: fix the trial and give directions"


class ReferralState(models.TextChoices):
    """Where a referral stands."""

    #: Waiting for the legal adviser or judge it went to (the work queues list these).
    OPEN = "open", "Waiting for a legal adviser or judge"
    #: The legal adviser or judge acted on it: directions given, an application decided, a request for
    #: judgment in default entered or refused.
    DECIDED = "decided", "Decided"
    #: The directions questionnaires were passed to a judge or legal adviser instead (16A.1, Table A 3); a new
    #: referral is open for them.
    PASSED_ON = "passed_on", "Passed to another legal adviser or judge"
    #: The claim was sent out of the online service before anyone acted on it (18, 19).
    CLOSED = "closed", "Closed: the claim was sent out"


def _directions_questionnaires(referral: Referral) -> bool:
    """Only the directions questionnaires are passed from a legal adviser to a judge or the other way
    (Table A 3, 16A.1); anything else referred stays with whoever it went to."""
    return referral.kind == ReferralKind.DIRECTIONS


class Referral(ConcurrentTransitionMixin, models.Model):
    """A matter waiting for a legal adviser or a judge (16A.1, 6.2(9), (12), 6.3(6), 16.1(4), 17.1, 18.1,
    20.3). Open until decided, passed on or closed; the work queues list the open ones, oldest first."""

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="referrals")
    kind = models.CharField(max_length=20, choices=ReferralKind.choices)
    to = models.CharField(max_length=20, choices=Referee.choices)
    state = FSMField(default=ReferralState.OPEN, choices=ReferralState.choices, protected=True)
    reason = models.CharField(max_length=300)
    note = models.TextField(blank=True)
    #: What the judge needs to act on it (for a request for judgment in default: the request).
    data = models.JSONField(default=dict, blank=True)
    application = models.ForeignKey("Application", null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="referrals")
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    #: When and by whom it stopped waiting, and how (written by the transition that ended it).
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    outcome = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["to", "created_at"], name="referral_open_idx",
                                condition=models.Q(closed_at__isnull=True))]
        constraints = [models.CheckConstraint(
            condition=(models.Q(state=ReferralState.OPEN, closed_at__isnull=True)
                       | (~models.Q(state=ReferralState.OPEN) & models.Q(closed_at__isnull=False))),
            name="referral_closed_at_iff_not_open",
        )]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.get_to_display().lower()} ({self.claim})"

    def _end(self, *, by: Any, outcome: str, at: datetime) -> None:
        self.closed_at = at
        self.closed_by = by
        self.outcome = outcome[:300]

    # -- transitions: called only by ``defended.services`` ----------------------------------

    @transition(field=state, source=ReferralState.OPEN, target=ReferralState.DECIDED)
    def decide(self, *, by: Any, outcome: str, at: datetime) -> None:
        """The legal adviser or judge acted on it (Table A 1, 6C.1, 16.1(4), 17.1(2), 18.1, 20.3, 11.1A(2))."""
        self._end(by=by, outcome=outcome, at=at)

    @transition(field=state, source=ReferralState.OPEN, target=ReferralState.PASSED_ON,
                conditions=[_directions_questionnaires])
    def pass_on(self, *, by: Any, outcome: str, at: datetime) -> None:
        """The directions questionnaires go to a judge or legal adviser instead (16A.1, Table A 3)."""
        self._end(by=by, outcome=outcome, at=at)

    @transition(field=state, source=ReferralState.OPEN, target=ReferralState.CLOSED)
    def close(self, *, by: Any, outcome: str, at: datetime) -> None:
        """The claim was sent out of the online service before anyone acted on it (18, 19)."""
        self._end(by=by, outcome=outcome, at=at)


class StandardDirection(models.TextChoices):
    """Standard small claims directions a legal adviser or judge may tick (OCON24, Table A 1)."""

    DOCUMENTS = "documents", ("Each party must deliver to every other party and to the court office copies of all "
                              "documents on which they intend to rely at the hearing no later than 14 days before "
                              "the hearing.")
    WITNESSES = "witnesses", ("Each party must deliver to every other party and to the court office copies of the "
                              "statements of all witnesses on whom they intend to rely at the hearing, signed and "
                              "dated, no later than 14 days before the hearing.")
    ORIGINALS = "originals", "The original documents must be brought to the hearing."
    SETTLEMENT = "settlement", ("If the claim is settled, the parties must tell the court immediately, in writing.")
    MEDIATION = "mediation", ("The parties should contact the Small Claims Mediation Service to see if the claim "
                              "can be settled by mediation.")
    INFORMATION = "information", ("The parties must supply the further information the court asks for below.")
    HEARING = "hearing", "The claim is to be listed for a small claims hearing at the hearing centre named below."


class DirectionsOrder(models.Model):
    """An order giving directions (OCON24-style): who made it, with their judicial title (15.1),
    the standard and free-text directions, and where the claim is sent (6C.1(1), 19.1)."""

    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="directions_orders")
    referral = models.ForeignKey(Referral, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    maker_name = models.CharField(max_length=200)
    maker_title = models.CharField(max_length=100)
    maker_role = models.CharField(max_length=20, choices=Referee.choices)
    made_at = models.DateTimeField()
    made_on = models.DateField()
    standard = models.JSONField(default=list, blank=True)
    free_text = models.TextField(blank=True)
    send_out_to = models.CharField(max_length=20, choices=SentOutTo.choices)
    send_out_court = models.CharField(max_length=200, blank=True)
    reason = models.CharField(max_length=300)
    #: A legal adviser's order: when the time to ask a judge to reconsider ends (20.3).
    reconsider_by = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["made_at", "pk"]

    def __str__(self) -> str:
        return f"Directions by {self.maker_name}, {self.maker_title} ({self.claim})"

    @property
    def standard_texts(self) -> list[str]:
        return [StandardDirection(code).label for code in self.standard if code in StandardDirection.values]


class ApplicationKind(models.TextChoices):
    LIFT_STAY = "lift_stay", "Apply to lift the stay (N244)"
    OTHER = "other", "Another application or request to the court"
    LEAVE_ONLINE = "leave_online", "Ask for the claim to be sent out of the online service"
    SETTLEMENT_BROKEN = "settlement_broken", "The mediation settlement has broken down"
    RECONSIDERATION = "reconsideration", "Ask a judge to reconsider a legal adviser's decision"
    #: Represented parties' applications that bar judgment in default while undecided (11.1B(4)(a)).
    STRIKE_OUT = "strike_out", "Apply to strike out the statement of case (CPR 3.4)"
    SUMMARY_JUDGMENT = "summary_judgment", "Apply for summary judgment (CPR Part 24)"
    #: A represented party's application on screens after directions in an early adopter court (16B.1).
    ONLINE = "online", "An online application (16B)"


class ApplicationState(models.TextChoices):
    """Where a party's application or request stands."""

    #: Received (for the moment it takes to refer it, or act on it at once).
    MADE = "made", "Received"
    #: An online application with notice: the respondent has been told and gives its information before 4pm on
    #: the 5th day after notification (16B.1(5), (7), (9)).
    AWAITING_RESPONDENT = "awaiting_respondent", "Waiting for the respondent's information"
    #: Referred to a judge, who is to decide it (16.1(4), 17.1(2), 18.1, 20.3).
    REFERRED = "referred", "With a judge"
    #: Decided: by a judge, by a judge reconsidering a legal adviser's directions, or at once by the court (6.2(11)).
    DECIDED = "decided", "Decided"
    #: The claim was sent out of the online service before it was decided (18, 19).
    CLOSED = "closed", "Closed: the claim was sent out"


#: The states of an application still waiting to be decided.
APPLICATION_WAITING = (ApplicationState.MADE, ApplicationState.AWAITING_RESPONDENT, ApplicationState.REFERRED)


def _goes_to_a_judge(application: Application) -> bool:
    """Every application or request goes to a judge (16.1(4), 17.1(2), 18.1, 20.3), except a mediation
    settlement broken down, on which the court acts at once (6.2(11))."""
    return application.kind != ApplicationKind.SETTLEMENT_BROKEN


def _with_notice(application: Application) -> bool:
    """Only an online application made with notice waits for the respondent (16B.1(5)-(7)); one without notice
    goes to a judge at once (16B.1(6))."""
    return application.kind == ApplicationKind.ONLINE and bool(application.with_notice)


def _acted_on_at_once(application: Application) -> bool:
    """A mediation settlement broken down: the claim is sent out to the preferred court at once (6.2(11))."""
    return application.kind == ApplicationKind.SETTLEMENT_BROKEN


class Application(ConcurrentTransitionMixin, models.Model):
    """A party's application or request to the court (16.1, 17.1, 18.1, 6.2(10)-(11), 20.3)."""

    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="applications")
    kind = models.CharField(max_length=20, choices=ApplicationKind.choices)
    applicant_role = models.CharField(max_length=10, choices=PartyRole.choices)
    state = FSMField(default=ApplicationState.MADE, choices=ApplicationState.choices, protected=True)
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField()
    received_on = models.DateField()
    details = models.TextField()
    #: The uploaded application notice (N244), if any.
    file_name = models.CharField(max_length=200, blank=True)
    file_type = models.CharField(max_length=100, blank=True)
    file_content = models.BinaryField(null=True, blank=True, editable=False)
    #: When it stopped waiting, and what was decided (written by the transition that ended it).
    decided_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=300, blank=True)
    # -- an online application by a represented party (16B.1); empty for every other kind --
    #: The order the applicant asks the court to make (``details`` says why).
    order_sought = models.TextField(blank=True)
    #: Made with notice to the respondent (16B.1(5)), or without (CPR 23.4, 16B.1(6)).
    with_notice = models.BooleanField(null=True, blank=True)
    #: The applicant says the other side consents to it.
    consented = models.BooleanField(null=True, blank=True)
    #: When the respondent was told of it (at once for an application with notice, 16B.1(5)).
    notified_at = models.DateTimeField(null=True, blank=True)
    #: Live, APP-RESP-5: the respondent gives its information before this instant (16B.1(9)); cleared once it
    #: has, or once the time has passed and the application has gone to a judge.
    respond_by = models.DateTimeField(null=True, blank=True)
    #: The respondent's information (16B.1(7)), as received, and whether it confirms it consented to the
    #: application before it was made (16B.1(8)).
    respondent_information = models.TextField(blank=True)
    respondent_consented = models.BooleanField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    #: Treated as an application for a consent order: a draft consent order for a judge (16B.1(8)).
    consent_order = models.BooleanField(default=False)

    class Meta:
        ordering = ["made_at", "pk"]
        indexes = [models.Index(fields=["respond_by"], name="application_respond_by_idx",
                                condition=models.Q(respond_by__isnull=False))]
        constraints = [models.CheckConstraint(
            condition=(models.Q(state__in=APPLICATION_WAITING, decided_at__isnull=True)
                       | (~models.Q(state__in=APPLICATION_WAITING) & models.Q(decided_at__isnull=False))),
            name="application_decided_at_iff_not_waiting",
        )]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by the {self.applicant_role} ({self.claim})"

    def _end(self, *, decision: str, at: datetime) -> None:
        self.decided_at = at
        self.decision = decision[:300]
        self.respond_by = None

    @property
    def respondent_role(self) -> str:
        return PartyRole.DEFENDANT if self.applicant_role == PartyRole.CLAIMANT else PartyRole.CLAIMANT

    # -- transitions: called only by ``defended.services`` ----------------------------------

    @transition(field=state, source=ApplicationState.MADE, target=ApplicationState.AWAITING_RESPONDENT,
                conditions=[_with_notice])
    def await_respondent(self, *, notified_at: datetime, respond_by: datetime) -> None:
        """An online application with notice: the respondent is told and its time runs (16B.1(5), (7), (9))."""
        self.notified_at = notified_at
        self.respond_by = respond_by

    @transition(field=state, source=[ApplicationState.MADE, ApplicationState.AWAITING_RESPONDENT],
                target=ApplicationState.REFERRED, conditions=[_goes_to_a_judge])
    def refer(self) -> None:
        """A referral to a judge is opened for it (16.1(4), 17.1(2), 18.1, 20.3); an online application once the
        respondent has given its information or its time has passed, or at once without notice (16B.1(6))."""
        self.respond_by = None

    @transition(field=state, source=ApplicationState.REFERRED, target=ApplicationState.DECIDED)
    def decide(self, *, decision: str, at: datetime) -> None:
        """A judge decides it (16.1(4), 17.1(2), 18.1), or reconsiders the legal adviser's directions by
        giving new ones (20.3)."""
        self._end(decision=decision, at=at)

    @transition(field=state, source=ApplicationState.MADE, target=ApplicationState.DECIDED,
                conditions=[_acted_on_at_once])
    def decide_at_once(self, *, decision: str, at: datetime) -> None:
        """The court acts on it as it arrives: the claim is sent out to the preferred court (6.2(11))."""
        self._end(decision=decision, at=at)

    @transition(field=state, source=list(APPLICATION_WAITING), target=ApplicationState.CLOSED)
    def close(self, *, decision: str, at: datetime) -> None:
        """The claim was sent out of the online service before it was decided (18, 19)."""
        self._end(decision=decision, at=at)


class PaperNature(models.TextChoices):
    """The nature of a paper response, as the caseworker reads it from the scan (10.2-10.4)."""

    DEFENCE = "defence", "A defence of the whole of the claim only"
    ADMISSION = "admission", "Admits all of the claim"
    PART_ADMISSION = "part_admission", "Admits part of the claim"
    COUNTERCLAIM = "counterclaim", "Defence and counterclaim"
    NOT_INDICATED = "not_indicated", "The nature of the response is not indicated"


class PaperResponse(models.Model):
    """A defendant who cannot respond online (Section 10): the phone call, the paper pack sent with
    its date and deadline, and the scanned response once it arrives."""

    claim = models.OneToOneField("claims.Claim", on_delete=models.PROTECT, related_name="paper_response")
    contacted_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    call_note = models.TextField(blank=True)
    more_time_asked = models.BooleanField(default=False)
    #: The forms sent (OCON9 only if the defendant has not already had more time, 10.1(3)(a)).
    forms = models.JSONField(default=list)
    sent_on = models.DateField()
    deadline = models.DateTimeField()
    #: The time extension form (OCON9) arrived asking for more time (10.1(6)(b)).
    extension_received_at = models.DateTimeField(null=True, blank=True)
    # -- the scanned response (10.2-10.4) --
    received_at = models.DateTimeField(null=True, blank=True)
    nature = models.CharField(max_length=20, choices=PaperNature.choices, blank=True)
    scan_name = models.CharField(max_length=200, blank=True)
    scan_type = models.CharField(max_length=100, blank=True)
    scan_content = models.BinaryField(null=True, blank=True, editable=False)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    def __str__(self) -> str:
        return f"Paper response for {self.claim}"


# -- the fast track in an early adopter court: trial readiness (PD 51R 6C.3) ---------------------------------------


class TrialReadinessState(models.TextChoices):
    """Where the court's request for trial readiness certificates stands (6C.3(3)-(4))."""

    #: The notice is sent: each party files its certificate within 2 weeks (TRC-14).
    WAITING = "waiting", "Waiting for the parties' certificates"
    #: Every party's certificate is in: referred to a judge to fix the trial and give directions (6C.3(4)).
    ALL_FILED = "all_filed", "Every certificate filed: with a judge"
    #: The 2 weeks passed without every certificate: referred to a judge for directions (16A.1).
    TIME_PASSED = "time_passed", "The 2 weeks passed without every certificate: with a judge"


class TrialReadinessNotice(ConcurrentTransitionMixin, models.Model):
    """The caseworker's record that the claim is allocated to the fast track, and the court's notice asking the
    parties for their trial readiness certificates (6C.3(1), (3)). The deadline the sweep acts on is the claim's
    ``trial_readiness_deadline``; ``deadline`` here is the record of what the notice said."""

    claim = models.OneToOneField("claims.Claim", on_delete=models.PROTECT, related_name="trial_readiness")
    state = FSMField(default=TrialReadinessState.WAITING, choices=TrialReadinessState.choices, protected=True)
    allocated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    allocated_by_label = models.CharField(max_length=200)
    sent_at = models.DateTimeField()
    sent_on = models.DateField()
    deadline = models.DateTimeField()
    #: When it stopped waiting, and the referral to a judge it became.
    closed_at = models.DateTimeField(null=True, blank=True)
    referral = models.ForeignKey(Referral, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints = [models.CheckConstraint(
            condition=(models.Q(state=TrialReadinessState.WAITING, closed_at__isnull=True)
                       | (~models.Q(state=TrialReadinessState.WAITING) & models.Q(closed_at__isnull=False))),
            name="trial_readiness_closed_at_iff_not_waiting",
        )]

    def __str__(self) -> str:
        return f"Trial readiness notice on {self.claim}"

    # -- transitions: called only by ``defended.services.trial`` ----------------------------------

    @transition(field=state, source=TrialReadinessState.WAITING, target=TrialReadinessState.ALL_FILED)
    def all_filed(self, *, at: datetime, referral: Referral) -> None:
        """The last party's certificate is in: a judge fixes the trial and gives directions (6C.3(4))."""
        self.closed_at = at
        self.referral = referral

    @transition(field=state, source=TrialReadinessState.WAITING, target=TrialReadinessState.TIME_PASSED)
    def time_passed(self, *, at: datetime, referral: Referral) -> None:
        """The 2 weeks passed without every certificate (TRC-14): a judge gives directions (16A.1)."""
        self.closed_at = at
        self.referral = referral


class TrialReadinessCertificate(models.Model):
    """One party's trial readiness certificate as filed by its legal representative (6C.3(3)): whether it is ready
    for trial, and the hearing requirements brought up to date (the questions of CPR PD 28 form N170). Written
    once."""

    notice = models.ForeignKey(TrialReadinessNotice, on_delete=models.PROTECT, related_name="certificates")
    role = models.CharField(max_length=10, choices=PartyRole.choices)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_name = models.CharField(max_length=200)
    firm_name = models.CharField(max_length=200)
    filed_at = models.DateTimeField()
    #: The day the court counts it as received (14.1).
    received_on = models.DateField()
    ready = models.BooleanField()
    not_ready_reason = models.TextField(blank=True)
    directions_complied = models.BooleanField()
    directions_outstanding = models.TextField(blank=True)
    witnesses = models.PositiveSmallIntegerField()
    witness_details = models.TextField(blank=True)
    experts = models.BooleanField()
    expert_details = models.TextField(blank=True)
    #: The estimated length of the trial, in hours (N170 asks for it in hours and minutes).
    trial_hours = models.DecimalField(max_digits=4, decimal_places=1)
    dates_to_avoid = models.TextField(blank=True)
    #: 6C.3(3): any change to the hearing requirements already given (interpreter, adjustments, the hearing).
    hearing_requirements = models.TextField(blank=True)

    class Meta:
        ordering = ["filed_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["notice", "role"], name="one_trial_certificate_per_party")]

    def __str__(self) -> str:
        return f"Trial readiness certificate of the {self.role} ({self.notice.claim})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError("A trial readiness certificate is never changed once filed.")
        super().save(*args, **kwargs)
