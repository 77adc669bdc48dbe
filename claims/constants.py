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
