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


#: States in which the claim form has been submitted (signed) and cannot be changed by editing.
SUBMITTED_STATES = (ClaimState.AWAITING_FEE, ClaimState.AWAITING_HWF_DECISION)


class HwfDecision(models.TextChoices):
    FULL = "full", "Full remission: no fee to pay"
    PART = "part", "Part remission: the claimant pays the rest"
    REFUSED = "refused", "Refused: the claimant pays the fee in full"


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
