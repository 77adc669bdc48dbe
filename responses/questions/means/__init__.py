"""The statement of means (with an admission asking for time to pay, PD 51R 7.10-7.15, 7.42A-F).

An individual or sole trader asking for time to pay tells us about their home, household,
work, income, accounts, spending and debts: everything the court's affordability
calculation (``shared/spec/affordability.md``) reads. A company or organisation gives its
accounts' key figures instead (one page, ``accounts``).

Every page saves plain strings (money ``"1234.56"``, which may be negative only for a bank
balance and a profit or loss; whole numbers ``"2"``; checkboxes a list of strings). A
follow-up question whose choice was not made is saved as ``""``. The keys each page saves:

- ``residence``: ``type`` (``RESIDENCE_TYPES``), ``other_details``.
- ``partner``: ``partner`` yes/no, ``partner_adult`` yes/no, ``partner_pensioner`` yes/no,
  ``partner_disability`` (no/yes/severe), ``pensioner`` yes/no.
- ``dependants``: ``children`` yes/no, ``under_11``, ``age_11_to_15``, ``age_16_to_19``
  (whole numbers; 16 to 19 only in full-time education or training), ``disabled`` yes/no.
- ``other_dependants``: ``supports`` yes/no, ``number``, ``details``, ``disabled`` yes/no.
- ``employment``: ``status`` (a list of ``EMPLOYMENT``: employed, self_employed, neither),
  ``employer``, ``job_title``, ``self_employed_job``, ``turnover`` (a year),
  ``tax_arrears`` yes/no, ``tax_arrears_amount``, ``tax_arrears_reason``.
- ``income``, ``expenses``, ``priority_debts``: ``types`` (a list of the page's kinds, or
  ``["none"]``), and for each kind ``<kind>_amount`` and ``<kind>_frequency``
  (``responses.ocon9.FREQUENCIES``), plus ``other_description`` where there is an "other".
  Kinds: ``INCOME``, ``EXPENSES``, ``PRIORITY_DEBTS`` (for a priority debt, the amount paid
  towards the arrears; it may be 0, and then needs no frequency).
- ``bank_accounts`` (rows): ``type`` (``ACCOUNT_TYPES``), ``joint`` yes/no, ``balance``.
- ``debts`` (rows): ``creditor``, ``total_owed``, ``monthly_payment``.
- ``court_orders`` (rows): ``claim_number``, ``amount_owed``, ``monthly_instalment``.
- ``disability``: ``disabled`` (no/yes/severe), ``carer`` yes/no.
- ``accounts``: ``turnover``, ``assets``, ``liabilities``, ``profit`` (negative: a loss),
  ``explanation``.

One module a part of the statement: ``home`` (the person, their home and household),
``income`` (work, income and accounts), ``spending`` (expenses and debts), ``organisation``
(a company's accounts), on the common ground of ``fields`` (the fields and the base form) and
``amounts`` (the pages of amounts by kind and frequency). This package puts the pages
together in ``SECTION``, in the order they are asked.
"""
from __future__ import annotations

from responses.ocon9 import Situation

from ..base import Page, Section
from .amounts import AmountKind, AmountsForm, Wording
from .fields import NONE, CountField, MeansForm, SignedMoneyField
from .home import (
    CHILD_COUNTS,
    RESIDENCE_TYPES,
    DependantsForm,
    DisabilityForm,
    OtherDependantsForm,
    PartnerForm,
    ResidenceForm,
)
from .income import ACCOUNT_TYPES, EMPLOYMENT, INCOME, BankAccountRow, EmploymentForm, IncomeForm
from .organisation import AccountsForm
from .spending import EXPENSES, PRIORITY_DEBTS, CourtOrderRow, DebtRow, ExpensesForm, PriorityDebtsForm

__all__ = [
    "ACCOUNT_TYPES",
    "CHILD_COUNTS",
    "EMPLOYMENT",
    "EXPENSES",
    "INCOME",
    "NONE",
    "PRIORITY_DEBTS",
    "RESIDENCE_TYPES",
    "SECTION",
    "AccountsForm",
    "AmountKind",
    "AmountsForm",
    "BankAccountRow",
    "CountField",
    "CourtOrderRow",
    "DebtRow",
    "DependantsForm",
    "DisabilityForm",
    "EmploymentForm",
    "ExpensesForm",
    "IncomeForm",
    "MeansForm",
    "OtherDependantsForm",
    "PartnerForm",
    "PriorityDebtsForm",
    "ResidenceForm",
    "SignedMoneyField",
    "Wording",
]


def _means(situation: Situation) -> bool:
    return situation.gives_means


def _accounts(situation: Situation) -> bool:
    return situation.gives_accounts


SECTION = Section("means", "Give us details of your finances", [
    Page("residence", "What type of home do you live in?", ResidenceForm, applies=_means),
    Page("partner", "You and your partner", PartnerForm, applies=_means),
    Page("dependants", "Do any children live with you?", DependantsForm, applies=_means),
    Page("other_dependants", "Do you support anyone else financially?", OtherDependantsForm, applies=_means),
    Page("employment", "Are you employed, self-employed or neither?", EmploymentForm, applies=_means),
    Page("income", "What regular income do you get?", IncomeForm, applies=_means),
    Page("bank_accounts", "What bank and savings accounts do you have?", row_form=BankAccountRow, applies=_means,
         row_noun="Account"),
    Page("expenses", "What are your regular expenses?", ExpensesForm, applies=_means),
    Page("priority_debts", "Are you behind on any of these payments?", PriorityDebtsForm, applies=_means),
    Page("debts", "What loans and credit card debts do you have?", row_form=DebtRow, applies=_means,
         row_noun="Debt"),
    Page("court_orders", "What other court orders are you paying?", row_form=CourtOrderRow, applies=_means,
         row_noun="Court order"),
    Page("disability", "Are you disabled or a carer?", DisabilityForm, applies=_means),
    Page("accounts", "Your organisation’s finances", AccountsForm, applies=_accounts),
])
