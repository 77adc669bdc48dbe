from django.db import models


class ClaimState(models.TextChoices):
    """The legal situation of a claim, in plain words. Later steps add their states here."""

    DRAFT = "draft", "Draft"


#: How the court's automated steps are named on the record (PD 51R 3.1, 15.1(1)).
COURT_AUTOMATED = "the court (automated)"
