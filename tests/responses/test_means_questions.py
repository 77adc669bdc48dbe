"""The statement of means pages (``responses.questions.means``): what each saves, its errors,
follow-up questions, when the pages apply, and the pages drawn by the question view."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from responses import services
from responses.ocon9 import Situation
from responses.questions import PAGES
from responses.questions.means import (
    SECTION,
    AccountsForm,
    BankAccountRow,
    CourtOrderRow,
    DebtRow,
    DependantsForm,
    DisabilityForm,
    EmploymentForm,
    ExpensesForm,
    IncomeForm,
    OtherDependantsForm,
    PartnerForm,
    PriorityDebtsForm,
    ResidenceForm,
    SignedMoneyField,
)

TODAY = date(2026, 11, 21)
MEANS_SLUGS = ["residence", "partner", "dependants", "other_dependants", "employment", "income", "bank_accounts",
               "expenses", "priority_debts", "debts", "court_orders", "disability"]


def situation(party_type: str = "individual", option: str = "by_set_date", **data: Any) -> Situation:
    answers = {"response_type": {"type": "full_admission"}, "payment_option": {"option": option}, **data}
    return Situation(data=answers, total=Decimal("1080.00"), party_type=party_type)


def form(cls: type, data: dict[str, Any], party_type: str = "individual") -> Any:
    return cls(data, situation=situation(party_type), today=TODAY)


def saved(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    bound = form(cls, data)
    assert bound.is_valid(), bound.errors
    return bound.saved()


def errors(cls: type, data: dict[str, Any]) -> dict[str, list[str]]:
    bound = form(cls, data)
    assert not bound.is_valid()
    return {name: list(messages) for name, messages in bound.errors.items()}


# -- which pages apply ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("party_type", "option", "means", "accounts"), [
    ("individual", "by_set_date", True, False),
    ("individual", "instalments", True, False),
    ("sole_trader", "by_set_date", True, False),
    ("individual", "immediately", False, False),
    ("company", "by_set_date", False, True),
    ("organisation", "instalments", False, True),
    ("company", "immediately", False, False),
])
def test_means_pages_apply_to_people_asking_for_time_and_accounts_to_organisations(
        party_type: str, option: str, means: bool, accounts: bool) -> None:
    asking = situation(party_type, option)
    pages = {page.slug: page for page in SECTION.pages}
    assert [slug for slug in pages if slug != "accounts"] == MEANS_SLUGS
    for slug in MEANS_SLUGS:
        assert pages[slug].applies(asking) is means, slug
    assert pages["accounts"].applies(asking) is accounts


def test_no_means_pages_for_a_defence() -> None:
    defending = Situation(data={"response_type": {"type": "reject"}}, total=Decimal("1080.00"), party_type="individual")
    assert SECTION.applicable(defending) == []


def test_every_page_is_known_to_the_question_view_and_every_field_has_a_label() -> None:
    for page in SECTION.pages:
        assert PAGES[page.slug][1] is page
        fields = (page.form or page.row_form).base_fields
        for name, field in fields.items():
            assert field.label, (page.slug, name)


# -- residence, partner, dependants ---------------------------------------------------------------------


def test_residence_saves_the_type_and_needs_details_only_for_other() -> None:
    assert saved(ResidenceForm, {"type": "private_rent", "other_details": "stale"}) == {
        "type": "private_rent", "other_details": ""}
    assert saved(ResidenceForm, {"type": "other", "other_details": "With my parents"}) == {
        "type": "other", "other_details": "With my parents"}
    assert errors(ResidenceForm, {"type": "other"}) == {"other_details": ["Describe your home"]}
    assert errors(ResidenceForm, {}) == {"type": ["Select the type of home you live in"]}
    assert errors(ResidenceForm, {"type": "castle"}) == {"type": ["Select the type of home you live in"]}


def test_partner_questions_are_required_only_with_a_partner() -> None:
    assert saved(PartnerForm, {"partner": "no", "partner_adult": "yes", "pensioner": "no"}) == {
        "partner": "no", "partner_adult": "", "partner_pensioner": "", "partner_disability": "", "pensioner": "no"}
    assert errors(PartnerForm, {"partner": "yes"}) == {
        "partner_adult": ["Select yes if your partner is aged 18 or over"],
        "partner_pensioner": ["Select yes if your partner is a pensioner"],
        "partner_disability": ["Select whether your partner is disabled"],
        "pensioner": ["Select yes if you are a pensioner"],
    }
    assert saved(PartnerForm, {"partner": "yes", "partner_adult": "yes", "partner_pensioner": "no",
                               "partner_disability": "severe", "pensioner": "yes"}) == {
        "partner": "yes", "partner_adult": "yes", "partner_pensioner": "no", "partner_disability": "severe",
        "pensioner": "yes"}
    assert errors(PartnerForm, {}) == {"partner": ["Select yes if you live with a partner"],
                                       "pensioner": ["Select yes if you are a pensioner"]}


def test_dependants_counts_are_whole_numbers_with_at_least_one_child() -> None:
    assert saved(DependantsForm, {"children": "yes", "under_11": "2", "age_16_to_19": " 1 ", "disabled": "no"}) == {
        "children": "yes", "under_11": "2", "age_11_to_15": "0", "age_16_to_19": "1", "disabled": "no"}
    assert saved(DependantsForm, {"children": "no", "under_11": "x"}) == {
        "children": "no", "under_11": "", "age_11_to_15": "", "age_16_to_19": "", "disabled": ""}
    assert errors(DependantsForm, {"children": "yes", "under_11": "0", "disabled": "no"}) == {
        "under_11": ["Enter how many children live with you in at least one age group"]}
    assert errors(DependantsForm, {"children": "yes", "under_11": "two", "age_11_to_15": "-1",
                                   "age_16_to_19": "1.5"}) == {
        "under_11": ["Number of children under 11 must be a whole number, like 2"],
        "age_11_to_15": ["Number of children aged 11 to 15 must be 0 or more"],
        "age_16_to_19": ["Number of children aged 16 to 19 in full-time education or training must be a whole "
                         "number, like 2"],
        "disabled": ["Select yes if any of these children are disabled"],
    }
    assert errors(DependantsForm, {"children": "yes", "under_11": "100", "disabled": "no"}) == {
        "under_11": ["Number of children under 11 must be 99 or fewer"]}
    assert errors(DependantsForm, {}) == {"children": ["Select yes if any children live with you"]}


def test_dependant_counts_are_numeric_text_inputs() -> None:
    html = str(form(DependantsForm, {})["under_11"])
    assert 'type="text"' in html and 'inputmode="numeric"' in html


def test_other_dependants() -> None:
    assert saved(OtherDependantsForm, {"supports": "yes", "number": "1", "details": "My mother, £50 a week",
                                       "disabled": "yes"}) == {
        "supports": "yes", "number": "1", "details": "My mother, £50 a week", "disabled": "yes"}
    assert saved(OtherDependantsForm, {"supports": "no", "number": "1"}) == {
        "supports": "no", "number": "", "details": "", "disabled": ""}
    assert errors(OtherDependantsForm, {"supports": "yes"}) == {
        "number": ["Enter the number of people you support"],
        "details": ["Enter who you support and how"],
        "disabled": ["Select yes if any of them are disabled"],
    }
    assert errors(OtherDependantsForm, {"supports": "yes", "number": "0", "details": "x", "disabled": "no"}) == {
        "number": ["Number of people you support must be 1 or more"]}
    assert errors(OtherDependantsForm, {}) == {"supports": ["Select yes if you support anyone else financially"]}


# -- employment -------------------------------------------------------------------------------------------


EMPLOYMENT_EMPTY = {"employer": "", "job_title": "", "self_employed_job": "", "turnover": "", "tax_arrears": "",
                    "tax_arrears_amount": "", "tax_arrears_reason": ""}


def test_employment_employed_and_self_employed_with_tax_arrears() -> None:
    assert saved(EmploymentForm, {"status": ["employed"], "employer": "Acme Ltd", "job_title": "Driver",
                                  "turnover": "nonsense", "tax_arrears": "yes"}) == {
        **EMPLOYMENT_EMPTY, "status": ["employed"], "employer": "Acme Ltd", "job_title": "Driver"}
    assert saved(EmploymentForm, {"status": ["employed", "self_employed"], "employer": "Acme Ltd",
                                  "job_title": "Driver", "self_employed_job": "Plumber", "turnover": "£24,000",
                                  "tax_arrears": "yes", "tax_arrears_amount": "1,200.50",
                                  "tax_arrears_reason": "A bad year"}) == {
        "status": ["employed", "self_employed"], "employer": "Acme Ltd", "job_title": "Driver",
        "self_employed_job": "Plumber", "turnover": "24000.00", "tax_arrears": "yes",
        "tax_arrears_amount": "1200.50", "tax_arrears_reason": "A bad year"}
    assert saved(EmploymentForm, {"status": ["neither"]}) == {**EMPLOYMENT_EMPTY, "status": ["neither"]}


def test_employment_nested_follow_ups_are_dropped_with_their_parent() -> None:
    # Tax arrears answered, then self-employed unticked: nothing of it is kept or checked.
    assert saved(EmploymentForm, {"status": ["neither"], "tax_arrears": "yes", "tax_arrears_amount": "oops",
                                  "tax_arrears_reason": "old"}) == {**EMPLOYMENT_EMPTY, "status": ["neither"]}
    assert saved(EmploymentForm, {"status": ["self_employed"], "self_employed_job": "Plumber", "turnover": "100",
                                  "tax_arrears": "no", "tax_arrears_amount": "oops"})["tax_arrears_amount"] == ""


def test_employment_errors() -> None:
    assert errors(EmploymentForm, {}) == {"status": ["Select if you are employed, self-employed or neither"]}
    assert errors(EmploymentForm, {"status": ["employed"]}) == {
        "employer": ["Enter who you work for"], "job_title": ["Enter your job title"]}
    assert errors(EmploymentForm, {"status": ["self_employed"]}) == {
        "self_employed_job": ["Enter your job title in your self-employed work"],
        "turnover": ["Enter your annual turnover"],
        "tax_arrears": ["Select yes if you are behind on your tax payments"],
    }
    assert errors(EmploymentForm, {"status": ["self_employed"], "self_employed_job": "Plumber", "turnover": "lots",
                                   "tax_arrears": "yes"}) == {
        "turnover": ["Annual turnover must be an amount of money, like 12,500.00"],
        "tax_arrears_amount": ["Enter how much tax you owe"],
        "tax_arrears_reason": ["Enter why you are behind on your tax payments"],
    }
    assert errors(EmploymentForm, {"status": ["neither", "employed"], "employer": "A", "job_title": "B"}) == {
        "status": ["Select ‘Neither’ on its own, or select employed or self-employed"]}


# -- income, expenses and priority debts ---------------------------------------------------------------------


def test_income_saves_an_amount_and_frequency_for_each_kind_chosen() -> None:
    answers = saved(IncomeForm, {"types": ["job", "universal_credit", "other"], "job_amount": "1,250.00",
                                 "job_frequency": "monthly", "universal_credit_amount": "£95",
                                 "universal_credit_frequency": "fortnightly", "other_description": "A lodger",
                                 "other_amount": "60", "other_frequency": "weekly",
                                 "pension_amount": "stale", "pension_frequency": "weekly"})
    assert answers["types"] == ["job", "universal_credit", "other"]
    assert answers["job_amount"] == "1250.00" and answers["job_frequency"] == "monthly"
    assert answers["universal_credit_amount"] == "95.00" and answers["universal_credit_frequency"] == "fortnightly"
    assert answers["other_description"] == "A lodger"
    assert answers["other_amount"] == "60.00" and answers["other_frequency"] == "weekly"
    assert answers["pension_amount"] == "" and answers["pension_frequency"] == ""
    kinds = ["job", "self_employment", "universal_credit", "jobseekers_allowance", "income_support",
             "working_tax_credit", "child_tax_credit", "child_benefit", "council_tax_support", "pension",
             "maintenance", "other"]
    assert set(answers) == {"types", "other_description", *(f"{kind}_amount" for kind in kinds),
                            *(f"{kind}_frequency" for kind in kinds)}
    assert IncomeForm.summary(answers, situation()) == [
        ("Take-home pay from your job", "£1,250.00 every month"),
        ("Universal Credit", "£95.00 every 2 weeks"),
        ("Other income: A lodger", "£60.00 every week"),
    ]


def test_income_may_be_none_but_must_be_answered() -> None:
    answers = saved(IncomeForm, {"types": ["none"]})
    assert answers["types"] == ["none"] and answers["job_amount"] == ""
    assert IncomeForm.summary(answers, situation()) == [("Regular income", "None")]
    assert errors(IncomeForm, {}) == {"types": ["Select the regular income you get, or select that you have none"]}
    assert errors(IncomeForm, {"types": ["none", "pension"], "pension_amount": "10", "pension_frequency": "weekly"}) \
        == {"types": ["Select the regular income you get, or select that you have none, not both"]}


def test_income_amount_needs_a_frequency_and_a_real_amount() -> None:
    assert errors(IncomeForm, {"types": ["pension"], "pension_amount": "100"}) == {
        "pension_frequency": ["Select how often you get your pension"]}
    assert errors(IncomeForm, {"types": ["pension"]}) == {
        "pension_amount": ["Enter the amount of your pension"],
        "pension_frequency": ["Select how often you get your pension"]}
    assert errors(IncomeForm, {"types": ["child_benefit"], "child_benefit_amount": "1.234",
                               "child_benefit_frequency": "yearly"}) == {
        "child_benefit_amount": ["Amount of Child Benefit must be an amount of money, like 250.00"],
        "child_benefit_frequency": ["Select how often you get Child Benefit"]}
    assert errors(IncomeForm, {"types": ["job"], "job_amount": "0", "job_frequency": "monthly"}) == {
        "job_amount": ["Amount of your take-home pay must be more than £0"]}
    assert errors(IncomeForm, {"types": ["other"], "other_amount": "5", "other_frequency": "monthly"}) == {
        "other_description": ["Enter what the other income is"]}


def test_expenses() -> None:
    answers = saved(ExpensesForm, {"types": ["rent", "council_tax", "food"], "rent_amount": "650",
                                   "rent_frequency": "monthly", "council_tax_amount": "32.50",
                                   "council_tax_frequency": "four_weekly", "food_amount": "80",
                                   "food_frequency": "weekly"})
    assert {key: value for key, value in answers.items() if value} == {
        "types": ["rent", "council_tax", "food"], "rent_amount": "650.00", "rent_frequency": "monthly",
        "council_tax_amount": "32.50", "council_tax_frequency": "four_weekly", "food_amount": "80.00",
        "food_frequency": "weekly"}
    assert "mortgage_amount" in answers and "tv_broadband_frequency" in answers
    assert ExpensesForm.summary(answers, situation()) == [
        ("Rent", "£650.00 every month"), ("Council Tax", "£32.50 every 4 weeks"),
        ("Food and housekeeping", "£80.00 every week")]
    assert errors(ExpensesForm, {"types": ["mortgage"], "mortgage_amount": "500"}) == {
        "mortgage_frequency": ["Select how often you pay for your mortgage"]}
    assert errors(ExpensesForm, {"types": ["water"]}) == {
        "water_amount": ["Enter the amount you pay for water"],
        "water_frequency": ["Select how often you pay for water"]}
    assert errors(ExpensesForm, {}) == {"types": ["Select your regular expenses, or select that you have none"]}
    assert ExpensesForm.summary(saved(ExpensesForm, {"types": ["none"]}), situation()) == [
        ("Regular expenses", "None")]


def test_priority_debts_allow_paying_nothing_towards_arrears() -> None:
    answers = saved(PriorityDebtsForm, {"types": ["council_tax", "gas"], "council_tax_amount": "25",
                                        "council_tax_frequency": "monthly", "gas_amount": "0"})
    assert answers["council_tax_amount"] == "25.00" and answers["council_tax_frequency"] == "monthly"
    assert answers["gas_amount"] == "0.00" and answers["gas_frequency"] == ""
    assert set(answers) == {"types", *(f"{kind}_{part}" for kind in (
        "mortgage", "rent", "council_tax", "gas", "electricity", "water", "maintenance")
        for part in ("amount", "frequency"))}
    assert PriorityDebtsForm.summary(answers, situation()) == [
        ("Council Tax arrears", "£25.00 every month"), ("Gas arrears", "Nothing at the moment")]
    assert errors(PriorityDebtsForm, {"types": ["rent"], "rent_amount": "10"}) == {
        "rent_frequency": ["Select how often you pay towards your rent arrears"]}
    assert errors(PriorityDebtsForm, {}) == {
        "types": ["Select the payments you are behind on, or select that you are not behind on any"]}
    assert saved(PriorityDebtsForm, {"types": ["none"]})["types"] == ["none"]


# -- rows: bank accounts, debts, court orders -----------------------------------------------------------------------


def row(cls: type, data: dict[str, Any]) -> Any:
    bound = cls(data)
    bound.is_valid()
    return bound


def test_bank_account_balance_may_be_negative() -> None:
    overdrawn = row(BankAccountRow, {"type": "current", "joint": "no", "balance": "-250.75"})
    assert overdrawn.is_valid(), overdrawn.errors
    assert overdrawn.row() == {"type": "current", "joint": "no", "balance": "-250.75"}
    for typed, expected in [("£-1,000", "-1000.00"), ("-£1,000", "-1000.00"), ("\u221212", "-12.00"),
                            ("1,234.56", "1234.56"), ("£0", "0.00"), ("-0", "0.00")]:
        assert row(BankAccountRow, {"type": "isa", "joint": "yes", "balance": typed}).row()["balance"] == expected
    assert BankAccountRow.describe({"type": "current", "joint": "no", "balance": "-250.75"}) == (
        "Current account, -£250.75 (overdrawn)")
    assert BankAccountRow.describe({"type": "savings", "joint": "yes", "balance": "1200.00"}) == (
        "Savings account, joint account, £1,200.00")


def test_bank_account_errors() -> None:
    invalid = "Balance must be an amount of money, like 1,234.56, or -250.00 if overdrawn"
    for typed in ("-", "--5", "£-£5", "5-", "abc", "1.234"):
        assert row(BankAccountRow, {"type": "current", "joint": "no", "balance": typed}).errors == {
            "balance": [invalid]}, typed
    assert row(BankAccountRow, {"balance": "100"}).errors == {
        "type": ["Select the type of account"], "joint": ["Select yes if it is a joint account"]}
    assert row(BankAccountRow, {"type": "current"}).errors == {
        "joint": ["Select yes if it is a joint account"], "balance": ["Enter the balance of the account"]}
    empty = row(BankAccountRow, {})
    assert empty.is_empty() and empty.is_valid()


def test_signed_money_field_keeps_the_pound_sign_prefix() -> None:
    assert SignedMoneyField().prefix == "£"


def test_debts_and_court_orders() -> None:
    debt = row(DebtRow, {"creditor": "Big Bank", "total_owed": "2,500", "monthly_payment": "75"})
    assert debt.row() == {"creditor": "Big Bank", "total_owed": "2500.00", "monthly_payment": "75.00"}
    assert DebtRow.describe(debt.row()) == "Big Bank, £2,500.00 owed, paying £75.00 a month"
    assert row(DebtRow, {"total_owed": "-5"}).errors == {
        "creditor": ["Enter who you owe money to"],
        "total_owed": ["Total amount owed must be an amount of money, like 1,234.56"],
        "monthly_payment": ["Enter how much you pay each month"]}
    order = row(CourtOrderRow, {"claim_number": "000MC001", "amount_owed": "400", "monthly_instalment": "20"})
    assert order.row() == {"claim_number": "000MC001", "amount_owed": "400.00", "monthly_instalment": "20.00"}
    assert CourtOrderRow.describe(order.row()) == "Claim 000MC001, £400.00 still owed, paying £20.00 a month"
    assert row(CourtOrderRow, {"amount_owed": "400"}).errors == {
        "claim_number": ["Enter the claim number"], "monthly_instalment": ["Enter how much you pay each month"]}
    page = PAGES["debts"][1]
    assert page.summary({"rows": [debt.row()]}, situation()) == [
        ("What loans and credit card debts do you have?", "Big Bank, £2,500.00 owed, paying £75.00 a month")]
    assert page.summary({"rows": []}, situation()) == [("What loans and credit card debts do you have?", "None")]


# -- disability, accounts --------------------------------------------------------------------------------------------


def test_disability() -> None:
    assert saved(DisabilityForm, {"disabled": "severe", "carer": "no"}) == {"disabled": "severe", "carer": "no"}
    assert errors(DisabilityForm, {}) == {"disabled": ["Select whether you are disabled"],
                                          "carer": ["Select yes if you are a carer"]}


def test_accounts_for_a_company_with_a_loss() -> None:
    bound = form(AccountsForm, {"turnover": "125,000", "assets": "40000", "liabilities": "55,000.50",
                                "profit": "-3,000", "explanation": ""}, party_type="company")
    assert bound.is_valid(), bound.errors
    answers = bound.saved()
    assert answers == {"turnover": "125000.00", "assets": "40000.00", "liabilities": "55000.50",
                       "profit": "-3000.00", "explanation": ""}
    assert AccountsForm.summary(answers, situation("company")) == [
        ("Turnover in your last financial year", "£125,000.00"),
        ("Total assets", "£40,000.00"),
        ("Total liabilities", "£55,000.50"),
        ("Profit or loss in your last financial year", "Loss of £3,000.00"),
    ]
    assert errors(AccountsForm, {"turnover": "-5", "profit": "ten"}) == {
        "turnover": ["Turnover must be an amount of money, like 125,000.00"],
        "assets": ["Enter your total assets"],
        "liabilities": ["Enter your total liabilities"],
        "profit": ["Profit or loss must be an amount of money, like 10,000.00, or -10,000.00 for a loss"],
    }


# -- the pages drawn by the question view ------------------------------------------------------------------------------


COMPANY = {
    "type": "company", "name": "Acme Kitchens Ltd", "contact_name": "Robert Boss",
    "address_line1": "Unit 7, Riverside Industrial Estate", "address_line2": "", "town": "Leeds",
    "postcode": "LS11 5QQ", "phone": "", "email": "accounts@acme.example",
}


def _asking_for_time(claim: Any, defendant: Any) -> None:
    services.response_draft_save(claim_id=claim.pk, actor=defendant, values={
        "response_type": {"type": "full_admission"}, "payment_option": {"option": "instalments"}})


def _url(claim: Any, slug: str) -> str:
    return reverse("responses:question", kwargs={"public_id": claim.public_id, "slug": slug})


@pytest.mark.django_db
def test_every_means_page_draws_every_field_and_shows_errors(client: Any, linked: Any) -> None:
    claim, dan = linked
    _asking_for_time(claim, dan)
    client.force_login(dan)
    for slug in MEANS_SLUGS:
        page = PAGES[slug][1]
        response = client.get(_url(claim, slug))
        assert response.status_code == 200, slug
        html = response.content.decode()
        fields = page.form.base_fields if page.form else page.row_form.base_fields
        for name in fields:
            html_name = f'name="{name}' if page.form else f'name="rows-0-{name}'
            assert html_name in html, (slug, name)
        if page.form:
            posted = client.post(_url(claim, slug), {})
            assert posted.status_code in (200, 400), slug
            assert "There is a problem" in posted.content.decode(), slug
    assert client.get(_url(claim, "accounts")).status_code == 302  # not for an individual


@pytest.mark.django_db
def test_income_page_saves_and_reveals_amounts_under_each_kind(client: Any, linked: Any) -> None:
    claim, dan = linked
    _asking_for_time(claim, dan)
    client.force_login(dan)
    html = client.get(_url(claim, "income")).content.decode()
    assert 'id="conditional-id_types"' in html  # the job's amount and frequency under its checkbox
    response = client.post(_url(claim, "income"), {"types": ["pension"], "pension_amount": "300",
                                                   "pension_frequency": "monthly"})
    assert response.status_code == 302
    draft = services.response_draft(claim)
    assert draft["income"]["types"] == ["pension"] and draft["income"]["pension_amount"] == "300.00"
    shown = client.get(_url(claim, "income")).content.decode()
    assert 'value="pension" checked' in shown and 'value="300.00"' in shown
    invalid = client.post(_url(claim, "income"), {"types": ["pension"], "pension_amount": "300"})
    text = invalid.content.decode()
    assert "There is a problem" in text and "Select how often you get your pension" in text


@pytest.mark.django_db
def test_bank_accounts_page_saves_an_overdrawn_account(client: Any, linked: Any) -> None:
    claim, dan = linked
    _asking_for_time(claim, dan)
    client.force_login(dan)
    posted = {"rows-TOTAL_FORMS": "2", "rows-INITIAL_FORMS": "0", "rows-MIN_NUM_FORMS": "0",
              "rows-MAX_NUM_FORMS": "50", "rows-0-type": "current", "rows-0-joint": "no", "rows-0-balance": "-120.5",
              "rows-1-balance": ""}
    assert client.post(_url(claim, "bank_accounts"), posted).status_code == 302
    assert services.response_draft(claim)["bank_accounts"] == {
        "rows": [{"type": "current", "joint": "no", "balance": "-120.50"}]}
    invalid = client.post(_url(claim, "bank_accounts"), {**posted, "rows-0-balance": "lots"})
    assert "There is a problem" in invalid.content.decode()


@pytest.mark.django_db
def test_accounts_page_for_a_company(client: Any, issue_claim: Any, make_user: Any) -> None:
    claim = issue_claim(defendant=COMPANY)
    boss = make_user("boss@example.com")
    claim = services.response_link(user=boss, claim_number=claim.claim_number, security_code=claim.security_code)
    _asking_for_time(claim, boss)
    client.force_login(boss)
    html = client.get(_url(claim, "accounts")).content.decode()
    for name in AccountsForm.base_fields:
        assert f'name="{name}"' in html
    assert client.get(_url(claim, "residence")).status_code == 302  # no statement of means for a company
    assert "There is a problem" in client.post(_url(claim, "accounts"), {}).content.decode()
    response = client.post(_url(claim, "accounts"), {"turnover": "1000", "assets": "10", "liabilities": "20",
                                                     "profit": "-5"})
    assert response.status_code == 302
    assert services.response_draft(claim)["accounts"]["profit"] == "-5.00"


def test_follow_up_fields_are_only_required_by_their_choice() -> None:
    for page in SECTION.pages:
        if page.form is None:
            continue
        fields = page.form.base_fields
        revealed = {name for field in fields.values() for group in getattr(field, "reveal_fields", {}).values()
                    for name in group}
        assert not [name for name in revealed if fields[name].required], page.slug


def test_check_your_answers_rows_read_well() -> None:
    assert PAGES["partner"][1].summary({"partner": "yes", "partner_adult": "yes", "partner_pensioner": "no",
                                        "partner_disability": "severe", "pensioner": "no"}, situation()) == [
        ("Do you live with a partner?", "Yes"), ("Is your partner aged 18 or over?", "Yes"),
        ("Is your partner a pensioner?", "No"), ("Is your partner disabled?", "Yes, my partner is severely disabled"),
        ("Are you a pensioner?", "No")]
    assert PAGES["dependants"][1].summary({"children": "yes", "under_11": "2", "age_11_to_15": "0",
                                           "age_16_to_19": "0", "disabled": "no"}, situation())[:2] == [
        ("Do any children live with you?", "Yes"), ("Number of children under 11", "2")]
    assert PAGES["employment"][1].summary({**EMPLOYMENT_EMPTY, "status": ["self_employed"],
                                           "self_employed_job": "Plumber", "turnover": "24000.00",
                                           "tax_arrears": "no"}, situation()) == [
        ("Are you employed, self-employed or neither?", "Self-employed"),
        ("What is your job title in your self-employed work?", "Plumber"),
        ("What is your annual turnover?", "£24,000.00"),
        ("Are you behind on your tax payments?", "No")]
    assert PAGES["bank_accounts"][1].summary({"rows": [{"type": "current", "joint": "no", "balance": "-5.00"},
                                                       {"type": "isa", "joint": "no", "balance": "900.00"}]},
                                             situation()) == [
        ("What bank and savings accounts do you have?", "Current account, -£5.00 (overdrawn)\nISA, £900.00")]
