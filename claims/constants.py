from django.db import models


class ClaimState(models.TextChoices):
    """The legal situation of a claim, in plain words. Later steps add their states here."""

    DRAFT = "draft", "Draft"
    #: Signed and submitted (PD 51R 4.1(1)(c)); the court fee is to be paid before issue.
    AWAITING_FEE = "awaiting_fee", "Submitted: court fee to pay"
    #: The claimant gave a Help with Fees reference; a caseworker decides (4.3(1A)).
    AWAITING_HWF_DECISION = "awaiting_hwf_decision", "Submitted: Help with Fees being decided"
    #: Issued and served; the defendant's time to respond runs (4.3, 5.1).
    ISSUED = "issued", "Issued"
    #: The defendant has responded online (defence, admission or both); the claimant is
    #: asked for their answer (5.1(8), 6.2(2), 7.3, 7.38). Later steps branch on the response.
    AWAITING_CLAIMANT_RESPONSE = "awaiting_claimant_response", "Response received: claimant to answer"
    #: Stayed (as defined): nothing happens until a party applies to lift the stay (11.2, 12.1).
    STAYED = "stayed", "Stayed"
    #: The claimant proposed a settlement agreement; the defendant has 7 days to sign it (7.8, 7.13, SA-7).
    SETTLEMENT_OFFERED = "settlement_offered", "Settlement agreement: defendant to sign"
    #: Both signed: the claim is stayed, with permission to return for judgment if it is broken (7.8(1)).
    SETTLEMENT_AGREED = "settlement_agreed", "Settlement agreement signed (stayed)"
    #: Judgment entered (11.1(3), 7.4(3), 7.7): the claim's online steps end; the judgment is registered.
    JUDGMENT_ENTERED = "judgment_entered", "Judgment entered"
    #: The claimant says the claim is paid in full or settled (before judgment).
    SETTLED = "settled", "Paid or settled"
    #: The claimant discontinued the claim (before judgment).
    DISCONTINUED = "discontinued", "Discontinued"
    #: Sent out of Online Civil Money Claims (9.1, 18, 19): the claim continues on paper.
    SENT_OUT = "sent_out", "Sent out of the online service"
    #: Both parties are willing to mediate: the claim is stayed for 28 days from and including the
    #: day the claimant's answer was received, and referred to the Small Claims Mediation Service (6.2(5A)).
    MEDIATION = "mediation", "In mediation (stayed for 28 days)"
    #: The directions questionnaires are with a legal adviser or a judge (6.2(9), (12), 6.3(6), 20.1).
    AWAITING_DIRECTIONS = "awaiting_directions", "With a legal adviser or judge for directions"
    #: A legal adviser made directions sending the claim out: it leaves once the time to ask a
    #: judge to reconsider has passed (20.2(3)(e), 20.3).
    DIRECTIONS_MADE = "directions_made", "Directions made: to be sent out"


#: States in which the claim form has been submitted (signed) and cannot be changed by editing.
SUBMITTED_STATES = (ClaimState.AWAITING_FEE, ClaimState.AWAITING_HWF_DECISION)


class HwfDecision(models.TextChoices):
    FULL = "full", "Full remission: no fee to pay"
    PART = "part", "Part remission: the claimant pays the rest"
    REFUSED = "refused", "Refused: the claimant pays the fee in full"


class DefendantRepresentation(models.TextChoices):
    """Whether the defendant has a legal representative (PD 51R 2.1(3)(d)(iii), 2.1(7))."""

    NONE = "none", "No legal representative"
    REGISTERED = "registered", "A legal representative registered on the service"
    #: The claim may still be made, but it is sent out once issued (2.1(7)).
    UNREGISTERED = "unregistered", "A legal representative not registered on the service"


class PartyRole(models.TextChoices):
    CLAIMANT = "claimant", "Claimant"
    DEFENDANT = "defendant", "Defendant"


#: How the court's automated steps are named on the record (PD 51R 3.1, 15.1(1)).
COURT_AUTOMATED = "the court (automated)"


class SentOutTo(models.TextChoices):
    """Where a claim sent out of the online process goes (Section 19)."""

    CNBC = "cnbc", "County Court Money Claims Centre (CNBC)"
    PREFERRED_COURT = "preferred_court", "The preferred hearing centre"
    HOME_COURT = "home_court", "The defendant's home court"
    NAMED_CENTRE = "named_centre", "A named County Court hearing centre"


class Referee(models.TextChoices):
    """Who considers a matter referred by the court (16A.1, 20)."""

    LEGAL_ADVISER = "legal_adviser", "A legal adviser"
    JUDGE = "judge", "A judge"


#: Before judgment, states in which the parties are still taking steps online (12.1 counts them).
PARTY_STEP_STATES = ("issued", "awaiting_claimant_response", "settlement_offered")

#: The statuses of a fee payment still in progress (``payments.models.PaymentStatus``): while one is, the
#: claim can go neither back to a draft nor to Help with Fees. Payments sits above claims, so the two
#: values are named here and ``payments.models`` builds its ``LIVE_STATUSES`` from them.
PAYMENT_LIVE_STATUSES = ("created", "in_progress")
