"""The forms of the drafting pages (form OCON1, PD 51R 4.1), in GOV.UK style.

The GOV.UK plumbing (bound fields, dates, money, add-another rows) is
``ocmc.govuk_forms``. What is saved is plain strings (``claims.ocon1`` is the reader):
money as ``1234.56``, dates as ``YYYY-MM-DD``, postcodes normalised (``SW1A 1AA``).

One module a section of the task list: ``parties`` (the claimant and the defendant),
``amount`` (the claim amount and interest), ``particulars`` (what happened, the timeline and
the evidence) and ``check`` (the statement of truth). The pages import the forms from here;
the names below are the package's public interface.
"""
from __future__ import annotations

from .amount import INTEREST_CHOICES, RATE_ERROR, BaseItemFormSet, InterestForm, InterestFromForm, ItemForm, ItemFormSet
from .check import StatementOfTruthForm
from .particulars import (
    WHAT_HAPPENED_MAX,
    EvidenceForm,
    EvidenceFormSet,
    TimelineForm,
    TimelineFormSet,
    WhatHappenedForm,
)
from .parties import ADDRESS_FIELDS, COMMON_FIELDS, PARTY_FIELDS, PartyDetailsForm, PartyTypeForm, party_fields

__all__ = [
    "ADDRESS_FIELDS",
    "COMMON_FIELDS",
    "INTEREST_CHOICES",
    "PARTY_FIELDS",
    "RATE_ERROR",
    "WHAT_HAPPENED_MAX",
    "BaseItemFormSet",
    "EvidenceForm",
    "EvidenceFormSet",
    "InterestForm",
    "InterestFromForm",
    "ItemForm",
    "ItemFormSet",
    "PartyDetailsForm",
    "PartyTypeForm",
    "StatementOfTruthForm",
    "TimelineForm",
    "TimelineFormSet",
    "WhatHappenedForm",
    "party_fields",
]
