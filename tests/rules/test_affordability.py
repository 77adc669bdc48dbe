"""The affordability calculation (shared/spec/affordability.md; PD 51R 7.10-7.15, 7.42A-F)."""
import copy
import json
from datetime import date
from decimal import Decimal as D

import pytest

from rules import affordability as a
from rules.judgments import Option, Plan

TODAY = date(2027, 3, 1)
TABLE = a.ALLOWANCES_2021

#: A single defendant aged 30 with no dependants, no disability, nothing at all: the bare statement of means.
BARE = {
    "details": {"date_of_birth": "1996-06-15"},
    "residence": {"type": "private_rent", "other_details": ""},
    "partner": {"partner": "no", "partner_adult": "", "partner_pensioner": "", "partner_disability": "", "pensioner": "no"},
    "dependants": {"children": "no", "under_11": "", "age_11_to_15": "", "age_16_to_19": "", "disabled": ""},
    "other_dependants": {"supports": "no", "number": "", "details": "", "disabled": ""},
    "employment": {"status": ["employed"], "employer": "Acme", "job_title": "Clerk", "self_employed_job": "", "turnover": "",
                   "tax_arrears": "", "tax_arrears_amount": "", "tax_arrears_reason": ""},
    "income": {"types": ["none"]},
    "bank_accounts": {"rows": []},
    "expenses": {"types": ["none"]},
    "priority_debts": {"types": ["none"]},
    "debts": {"rows": []},
    "court_orders": {"rows": []},
    "disability": {"disabled": "no", "carer": "no"},
}


def means(**pages):
    """The bare statement of means with some pages' answers changed."""
    data = copy.deepcopy(BARE)
    for slug, answers in pages.items():
        if isinstance(answers, dict) and isinstance(data.get(slug), dict) and "rows" not in answers:
            data[slug].update(answers)
        else:
            data[slug] = answers
    return data


#: The worked example: job £1,500 a month, £100 a week from a lodger, £5,500 in the bank (and an
#: overdraft), rent £600 a month, food £300 a month (covered by the allowances), a loan at £50 a
#: month, another court order at £25 a month, Council Tax arrears £10 a fortnight, gas arrears (paying
#: nothing).
EXAMPLE = means(
    income={"types": ["job", "other"], "job_amount": "1500.00", "job_frequency": "monthly",
            "other_amount": "100.00", "other_frequency": "weekly", "other_description": "Lodger"},
    bank_accounts={"rows": [{"type": "current", "joint": "no", "balance": "500.00"},
                            {"type": "savings", "joint": "no", "balance": "5000.00"},
                            {"type": "other", "joint": "yes", "balance": "-200.00"}]},
    expenses={"types": ["rent", "food"], "rent_amount": "600.00", "rent_frequency": "monthly",
              "food_amount": "300.00", "food_frequency": "monthly"},
    priority_debts={"types": ["council_tax", "gas"], "council_tax_amount": "10.00", "council_tax_frequency": "fortnightly",
                    "gas_amount": "0.00", "gas_frequency": ""},
    debts={"rows": [{"creditor": "Big Bank", "total_owed": "2000.00", "monthly_payment": "50.00"}]},
    court_orders={"rows": [{"claim_number": "K1QZ1234", "amount_owed": "300.00", "monthly_instalment": "25.00"}]},
)


def calc(data, today=TODAY, **kwargs):
    return a.monthly_disposable_income(data, today=today, allowances=TABLE, **kwargs)


def penny(value):
    return value.quantize(D("0.01"))


# -- 2. frequencies ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount, frequency, monthly",
    [
        ("12", "weekly", "52"), ("12", "fortnightly", "26"), ("12", "four_weekly", "13"), ("12", "monthly", "12"),
        ("100", "weekly", "433.33"), ("100", "fortnightly", "216.67"), ("100", "four_weekly", "108.33"),
        ("100", "monthly", "100.00"), ("0.01", "weekly", "0.04"),
    ],
)
def test_every_frequency_converts_to_a_month(amount, frequency, monthly):
    assert penny(a.to_monthly(D(amount), frequency)) == D(monthly)


@pytest.mark.parametrize(
    "monthly, frequency, amount",
    [("52", "weekly", "12"), ("26", "fortnightly", "12"), ("13", "four_weekly", "12"), ("12", "monthly", "12"),
     ("100", "weekly", "23.07692307692307692307692308")],
)
def test_a_month_converts_to_every_frequency(monthly, frequency, amount):
    assert a.from_monthly(D(monthly), frequency) == D(amount)


def test_precision_is_kept_until_the_spec_rounds():
    """£100 a week three times: rounding each to 433.33 would lose a penny."""
    three = sum((a.to_monthly(D("100"), "weekly") for _ in range(3)), D(0))
    assert penny(three) == D("1300.00")


@pytest.mark.parametrize("frequency", ["daily", "yearly", ""])
def test_unknown_frequencies_are_refused(frequency):
    with pytest.raises(ValueError):
        a.to_monthly(D("1"), frequency)


# -- 1. the worked example -----------------------------------------------------------------------------


def test_the_worked_example_figure_by_figure():
    c = calc(EXAMPLE)
    assert [(i.key, penny(i.monthly)) for i in c.income_items] == [("income.job", D("1500.00")), ("income.other", D("433.33"))]
    assert penny(c.regular_income) == D("1933.33")
    assert c.savings_balances == D("5500.00")  # the overdraft is not a saving
    assert penny(c.savings_threshold) == D("2900.00")  # 1.5 × 1933.33…
    assert penny(c.savings) == D("216.67")  # (5500 − 2900) ÷ 12
    assert penny(c.income) == D("2150.00")
    assert [(i.key, penny(i.monthly)) for i in c.expense_items] == [
        ("debts.1", D("50.00")), ("court_orders.1", D("25.00")), ("priority_debts.council_tax", D("21.67")),
        ("priority_debts.gas", D("0.00")), ("expenses.rent", D("600.00")),  # food is covered by the allowances
    ]
    assert penny(c.expenses) == D("696.67")
    assert c.allowances_by_name == {"living": D("323.70")}
    assert c.disposable == D("1129.63")  # 2150 − 696.666… − 323.70 = 1129.633…
    assert c.can_pay and c.age == 30 and c.allowances_from == date(2021, 5, 5)


def test_the_calculation_is_a_json_record():
    record = calc(EXAMPLE).to_record()
    assert json.loads(json.dumps(record)) == record
    assert record["disposable"] == "1129.63"
    assert record["income_items"][1] == {"key": "income.other", "label": "Other income: Lodger",
                                         "monthly": "433.3333333333333333333333333", "amount": "100.00", "frequency": "weekly"}


# -- income ----------------------------------------------------------------------------------------------

INCOME = [
    ("every kind of regular income counts",
     {"income": {"types": ["job", "universal_credit", "child_benefit", "pension", "maintenance"],
                 "job_amount": "1000", "job_frequency": "monthly", "universal_credit_amount": "100", "universal_credit_frequency": "monthly",
                 "child_benefit_amount": "24", "child_benefit_frequency": "weekly", "pension_amount": "120", "pension_frequency": "four_weekly",
                 "maintenance_amount": "60", "maintenance_frequency": "fortnightly"}},
     "1464.00"),  # 1000 + 100 + 104 + 130 + 130
    ("turnover ÷ 12 where given instead of a self-employed income",
     {"employment": {"status": ["self_employed"], "turnover": "24000.00"}}, "2000.00"),
    ("turnover not counted twice when the self-employed income is given",
     {"employment": {"status": ["self_employed"], "turnover": "24000.00"},
      "income": {"types": ["self_employment"], "self_employment_amount": "1500", "self_employment_frequency": "monthly"}}, "1500.00"),
    ("a turnover left from an unchosen answer is ignored",
     {"employment": {"status": ["employed"], "turnover": "24000.00"}}, "0.00"),
    ("employed and self-employed",
     {"employment": {"status": ["employed", "self_employed"], "turnover": "6000"},
      "income": {"types": ["job"], "job_amount": "250", "job_frequency": "weekly"}}, "1583.33"),  # 1083.33 + 500
    ("no income", {}, "0.00"),
]


@pytest.mark.parametrize("label, pages, income", INCOME, ids=[i[0] for i in INCOME])
def test_income(label, pages, income):
    assert penny(calc(means(**pages)).income) == D(income)


def accounts(*balances):
    return {"rows": [{"type": "savings", "joint": "no", "balance": balance} for balance in balances]}


SAVINGS = [
    # income £1,000 a month: savings above £1,500 count, a twelfth a month
    ("below 1.5 × income: nothing", "1000", accounts("1499.99"), "0.00"),
    ("exactly 1.5 × income: nothing", "1000", accounts("1500.00"), "0.00"),
    ("above 1.5 × income: the excess ÷ 12", "1000", accounts("2700.00"), "100.00"),
    ("several accounts are added up", "1000", accounts("1000.00", "1700.00"), "100.00"),
    ("an overdraft does not reduce the savings", "1000", accounts("2700.00", "-900.00"), "100.00"),
    ("no regular income: every positive balance counts", "0", accounts("1200.00"), "100.00"),
    ("no accounts", "1000", {"rows": []}, "0.00"),
]


@pytest.mark.parametrize("label, monthly_income, bank_accounts, savings", SAVINGS, ids=[s[0] for s in SAVINGS])
def test_savings_above_one_and_a_half_months_income(label, monthly_income, bank_accounts, savings):
    income = {"types": ["job"], "job_amount": monthly_income, "job_frequency": "monthly"} if monthly_income != "0" else {"types": ["none"]}
    c = calc(means(income=income, bank_accounts=bank_accounts))
    assert penny(c.savings) == D(savings)


def test_rows_saved_as_a_bare_list_are_read_too():
    c = calc(means(bank_accounts=[{"type": "savings", "joint": "no", "balance": "1200"}]))
    assert penny(c.savings) == D("100.00")


# -- expenses ------------------------------------------------------------------------------------------------

EXPENSES = [
    ("only rent and mortgage of the regular expenses",
     {"expenses": {"types": ["mortgage", "council_tax", "gas", "food", "travel"], "mortgage_amount": "700", "mortgage_frequency": "monthly",
                   "council_tax_amount": "120", "council_tax_frequency": "monthly", "gas_amount": "50", "gas_frequency": "monthly",
                   "food_amount": "80", "food_frequency": "weekly", "travel_amount": "40", "travel_frequency": "weekly"}},
     "700.00"),
    ("rent weekly", {"expenses": {"types": ["rent"], "rent_amount": "150", "rent_frequency": "weekly"}}, "650.00"),
    ("priority debts at every frequency",
     {"priority_debts": {"types": ["rent", "water", "electricity", "maintenance"], "rent_amount": "12", "rent_frequency": "weekly",
                         "water_amount": "12", "water_frequency": "fortnightly", "electricity_amount": "12", "electricity_frequency": "four_weekly",
                         "maintenance_amount": "12", "maintenance_frequency": "monthly"}},
     "103.00"),  # 52 + 26 + 13 + 12
    ("a priority debt with nothing paid needs no frequency",
     {"priority_debts": {"types": ["mortgage"], "mortgage_amount": "0", "mortgage_frequency": ""}}, "0.00"),
    ("debts and court orders at their monthly payments",
     {"debts": {"rows": [{"creditor": "A", "total_owed": "900", "monthly_payment": "30.50"},
                         {"creditor": "B", "total_owed": "100", "monthly_payment": "0"}]},
      "court_orders": {"rows": [{"claim_number": "X1", "amount_owed": "50", "monthly_instalment": "10"}]}},
     "40.50"),
    ("nothing", {}, "0.00"),
]


@pytest.mark.parametrize("label, pages, expenses", EXPENSES, ids=[e[0] for e in EXPENSES])
def test_expenses(label, pages, expenses):
    assert penny(calc(means(**pages)).expenses) == D(expenses)


@pytest.mark.parametrize(
    "pages",
    [
        {"income": {"types": ["job"], "job_amount": "100", "job_frequency": ""}},
        {"income": {"types": ["job"], "job_amount": "", "job_frequency": "monthly"}},
        {"income": {"types": ["job"], "job_amount": "lots", "job_frequency": "monthly"}},
        {"income": {"types": ["job"], "job_amount": "-5", "job_frequency": "monthly"}},
        {"expenses": {"types": ["rent"], "rent_amount": "100", "rent_frequency": "yearly"}},
        {"debts": {"rows": [{"creditor": "A", "total_owed": "900", "monthly_payment": "-1"}]}},
        {"dependants": {"children": "yes", "under_11": "two"}},
        {"details": {"date_of_birth": "15/06/1996"}},
    ],
)
def test_incomplete_or_wrong_answers_are_refused(pages):
    with pytest.raises(ValueError):
        calc(means(**pages))


def test_money_is_never_a_float():
    with pytest.raises(TypeError):
        calc(means(income={"types": ["job"], "job_amount": 100.5, "job_frequency": "monthly"}))


# -- allowances ----------------------------------------------------------------------------------------------

SINGLE = {"partner": "no", "partner_adult": "", "partner_pensioner": "", "partner_disability": ""}

LIVING = [
    ("18 today: single, 18 to 24", "2009-03-01", SINGLE, "Living, single, aged 18 to 24", "256.53"),
    ("24, 25 tomorrow", "2002-03-02", SINGLE, "Living, single, aged 18 to 24", "256.53"),
    ("25 today", "2002-03-01", SINGLE, "Living, single, aged 25 or over", "323.70"),
    ("born 29 February 2004: still 22 on 28 February 2027", "2004-02-29", SINGLE, "Living, single, aged 18 to 24", "256.53"),
    ("under 18: no row in the table", "2009-03-02", SINGLE, None, None),
    ("with a partner over 18", "1996-06-15", {"partner": "yes", "partner_adult": "yes", "partner_pensioner": "no", "partner_disability": "no"},
     "Living, with a partner over 18", "508.73"),
    ("aged 20 with a partner over 18", "2007-01-01", {"partner": "yes", "partner_adult": "yes", "partner_pensioner": "no", "partner_disability": "no"},
     "Living, with a partner over 18", "508.73"),
    ("a partner under 18: the single rate for the defendant's age", "2006-01-01",
     {"partner": "yes", "partner_adult": "no", "partner_pensioner": "no", "partner_disability": "no"}, "Living, single, aged 18 to 24", "256.53"),
    ("partner answers left from an unchosen 'yes' are ignored", "1990-01-01",
     {"partner": "no", "partner_adult": "yes", "partner_pensioner": "yes", "partner_disability": "severe"}, "Living, single, aged 25 or over", "323.70"),
]


@pytest.mark.parametrize("label, born, partner, living_label, living", LIVING, ids=[row[0] for row in LIVING])
def test_living_allowance_by_age_and_partner(label, born, partner, living_label, living):
    today = date(2027, 2, 28) if "29 February" in label else TODAY
    c = calc(means(details={"date_of_birth": born}, partner=partner), today=today)
    items = [(i.label, i.monthly) for i in c.allowance_items if i.key == "allowance.living"]
    assert items == ([(living_label, D(living))] if living else [])


def test_born_on_29_february_turns_a_year_older_on_1_march():
    assert a.age_on(date(2004, 2, 29), date(2027, 2, 28)) == 22
    assert a.age_on(date(2004, 2, 29), date(2027, 3, 1)) == 23
    assert a.age_on(date(2004, 2, 29), date(2028, 2, 29)) == 24


def test_the_date_of_birth_is_needed_only_for_the_single_rate():
    with pytest.raises(ValueError):
        calc(means(details={"date_of_birth": ""}))
    couple = {"partner": "yes", "partner_adult": "yes", "partner_pensioner": "no", "partner_disability": "no"}
    c = calc(means(details={"date_of_birth": ""}, partner=couple))
    assert c.age is None and c.allowances_by_name == {"living": D("508.73")}
    assert calc(means(details={"date_of_birth": date(1996, 6, 15)})).age == 30


DEPENDANTS = [
    ("two under 11", {"children": "yes", "under_11": "2", "age_11_to_15": "0", "age_16_to_19": "0", "disabled": "no"}, "594.52"),
    ("one in each age group (16 to 19 only in full-time education, by the question)",
     {"children": "yes", "under_11": "1", "age_11_to_15": "1", "age_16_to_19": "1", "disabled": "no"}, "891.78"),
    ("16 to 19 in education only", {"children": "yes", "under_11": "0", "age_11_to_15": "", "age_16_to_19": "2", "disabled": "no"}, "594.52"),
    ("counts left from an unchosen 'yes' are ignored", {"children": "no", "under_11": "3", "age_16_to_19": "1", "disabled": "yes"}, None),
    ("no children", {"children": "no"}, None),
]


@pytest.mark.parametrize("label, dependants, allowance", DEPENDANTS, ids=[d[0] for d in DEPENDANTS])
def test_dependant_children(label, dependants, allowance):
    c = calc(means(dependants=dependants))
    assert c.allowances_by_name.get("dependants") == (D(allowance) if allowance else None)
    # a disabled child left from an unchosen answer gives no disabled-dependant allowance either
    if dependants["children"] == "no":
        assert "disabled_dependant_or_carer" not in c.allowances_by_name


def test_other_people_supported_get_no_dependant_allowance():
    c = calc(means(other_dependants={"supports": "yes", "number": "2", "details": "My parents", "disabled": "no"}))
    assert "dependants" not in c.allowances_by_name


PENSIONER = [
    ("pensioner alone", {**SINGLE, "pensioner": "yes"}, ("Pensioner", "443.73")),
    ("pensioner with a pensioner partner",
     {"partner": "yes", "partner_adult": "yes", "partner_pensioner": "yes", "partner_disability": "no", "pensioner": "yes"},
     ("Pensioner, with a pensioner partner", "662.56")),
    ("pensioner whose partner is not one",
     {"partner": "yes", "partner_adult": "yes", "partner_pensioner": "no", "partner_disability": "no", "pensioner": "yes"}, ("Pensioner", "443.73")),
    ("only the partner is a pensioner",
     {"partner": "yes", "partner_adult": "yes", "partner_pensioner": "yes", "partner_disability": "no", "pensioner": "no"}, None),
    ("not a pensioner", {**SINGLE, "pensioner": "no"}, None),
]


@pytest.mark.parametrize("label, partner, expected", PENSIONER, ids=[p[0] for p in PENSIONER])
def test_pensioner_allowance(label, partner, expected):
    c = calc(means(partner=partner))
    items = [(i.label, i.monthly) for i in c.allowance_items if i.key == "allowance.pensioner"]
    assert items == ([(expected[0], D(expected[1]))] if expected else [])


def test_a_pensioner_couple_gets_the_couple_living_allowance_as_well():
    partner = {"partner": "yes", "partner_adult": "yes", "partner_pensioner": "yes", "partner_disability": "no", "pensioner": "yes"}
    c = calc(means(details={"date_of_birth": "1955-01-01"}, partner=partner))
    assert c.allowances_by_name == {"living": D("508.73"), "pensioner": D("662.56")}
    assert c.allowances == D("1171.29")


def partner(disability):
    if disability is None:
        return {**SINGLE, "pensioner": "no"}
    return {"partner": "yes", "partner_adult": "yes", "partner_pensioner": "no", "partner_disability": disability, "pensioner": "no"}


DISABILITY = [
    # own disability, partner's (None: no partner), carer, a disabled child, a disabled other dependant → (key, label, amount)
    ("disabled, alone", "yes", None, "no", False, False, ("disability", "Disability", "152.90")),
    ("disabled, partner not disabled", "yes", "no", "no", False, False, ("disability", "Disability", "152.90")),
    ("disabled, with a disabled partner", "yes", "yes", "no", False, False, ("disability", "Disability, with a disabled partner", "216.88")),
    ("disabled, with a severely disabled partner", "yes", "severe", "no", False, False, ("disability", "Disability, with a disabled partner", "216.88")),
    ("severely disabled, alone", "severe", None, "no", False, False, ("disability", "Severe disability", "291.63")),
    ("severely disabled, partner only disabled", "severe", "yes", "no", False, False, ("disability", "Severe disability", "291.63")),
    ("severely disabled, with a severely disabled partner", "severe", "severe", "no", False, False,
     ("disability", "Severe disability, with a severely disabled partner", "583.26")),
    ("only the partner is disabled", "no", "severe", "no", False, False, None),
    ("carer", "no", None, "yes", False, False, ("disabled_dependant_or_carer", "Carer", "163.37")),
    ("a disabled child", "no", None, "no", True, False, ("disabled_dependant_or_carer", "Disabled dependant", "285.74")),
    ("a disabled adult dependant", "no", None, "no", False, True, ("disabled_dependant_or_carer", "Disabled dependant", "285.74")),
    ("carer of a disabled child: the larger only", "no", None, "yes", True, False, ("disabled_dependant_or_carer", "Disabled dependant", "285.74")),
    ("disabled carer: the disability allowance only, though smaller", "yes", None, "yes", False, False, ("disability", "Disability", "152.90")),
    ("disabled, with a disabled child: the disability allowance only", "yes", None, "no", True, False, ("disability", "Disability", "152.90")),
    ("severely disabled carer of a disabled child", "severe", None, "yes", True, True, ("disability", "Severe disability", "291.63")),
    ("none", "no", None, "no", False, False, None),
]


@pytest.mark.parametrize("label, own, partners, carer, child, other, expected", DISABILITY, ids=[d[0] for d in DISABILITY])
def test_disability_and_carer_allowances(label, own, partners, carer, child, other, expected):
    dependants = ({"children": "yes", "under_11": "1", "age_11_to_15": "0", "age_16_to_19": "0", "disabled": "yes"} if child
                  else {"children": "no"})
    others = ({"supports": "yes", "number": "1", "details": "My brother", "disabled": "yes"} if other else {"supports": "no"})
    c = calc(means(partner=partner(partners), dependants=dependants, other_dependants=others,
                   disability={"disabled": own, "carer": carer}))
    items = [(i.key.removeprefix("allowance."), i.label, i.monthly) for i in c.allowance_items
             if i.key in ("allowance.disability", "allowance.disabled_dependant_or_carer")]
    assert items == ([(expected[0], expected[1], D(expected[2]))] if expected else [])


def test_every_allowance_together():
    """A disabled 30-year-old carer with a disabled partner and 3 children, one disabled: the carer and
    disabled-dependant allowances give way to the defendant's own disability allowance."""
    c = calc(means(
        partner={"partner": "yes", "partner_adult": "yes", "partner_pensioner": "no", "partner_disability": "yes", "pensioner": "no"},
        dependants={"children": "yes", "under_11": "1", "age_11_to_15": "1", "age_16_to_19": "1", "disabled": "yes"},
        disability={"disabled": "yes", "carer": "yes"},
    ))
    assert c.allowances_by_name == {"living": D("508.73"), "dependants": D("891.78"), "disability": D("216.88")}
    assert c.allowances == D("1617.39")


def test_allowance_tables_are_dated_data():
    later = a.Allowances(date(2026, 4, 6), *(D("1") for _ in range(12)))
    tables = [TABLE, later]
    assert a.allowances_in_force(tables, date(2026, 4, 5)) is TABLE
    assert a.allowances_in_force(tables, date(2026, 4, 6)) is later
    with pytest.raises(LookupError):
        a.allowances_in_force(tables, date(2021, 5, 4))
    c = a.monthly_disposable_income(BARE, today=TODAY, allowances=later)
    assert c.allowances_by_name == {"living": D("1")} and c.allowances_from == date(2026, 4, 6)


# -- disposable income: zero and negative -------------------------------------------------------------------

DISPOSABLE = [
    ("positive", "1000.00", "676.30", True),
    ("exactly the living allowance: zero", "323.70", "0.00", False),
    ("less than the allowances: negative", "300.00", "-23.70", False),
    ("no income at all", None, "-323.70", False),
    ("rounded half up to the penny", "323.705", "0.01", True),
]


@pytest.mark.parametrize("label, job, disposable, can_pay", DISPOSABLE, ids=[d[0] for d in DISPOSABLE])
def test_disposable_income(label, job, disposable, can_pay):
    income = {"types": ["job"], "job_amount": job, "job_frequency": "monthly"} if job else {"types": ["none"]}
    c = calc(means(income=income))
    assert c.disposable == D(disposable)
    assert c.can_pay is can_pay
    assert any("cannot pay anything" in note for note in c.notes) is (not can_pay)


@pytest.mark.parametrize("party_type", ["company", "organisation", ""])
def test_no_calculation_for_a_company_or_organisation(party_type):
    with pytest.raises(ValueError, match="7.16"):
        calc(EXAMPLE, party_type=party_type)
    with pytest.raises(ValueError):
        a.affordability(EXAMPLE, D("1000"), Plan.by_set_date(date(2027, 12, 1)), Plan.immediately(), TODAY,
                        allowances=TABLE, party_type=party_type)


def test_a_sole_trader_is_an_individual():
    assert calc(EXAMPLE, party_type="sole_trader").disposable == D("1129.63")


# -- 3. the court's plan --------------------------------------------------------------------------------

COURT_PLANS = [
    # disposable a month, owed, frequency, calculated on → instalment, n, first, last (None: cannot afford)
    ("the worked example, weekly", "1129.63", "1000", "weekly", TODAY, ("260.68", 4, date(2027, 4, 1), date(2027, 4, 22))),
    ("£100 a month weekly: rounded down", "100.00", "1000", "weekly", TODAY, ("23.07", 44, date(2027, 4, 1), date(2028, 1, 27))),
    ("£100 a month fortnightly", "100.00", "1000", "fortnightly", TODAY, ("46.15", 22, date(2027, 4, 1), date(2028, 1, 20))),
    ("£100 a month four-weekly: 92.307… down to 92.30", "100.00", "1000", "four_weekly", TODAY, ("92.30", 11, date(2027, 4, 1), date(2028, 1, 6))),
    ("£100 a month monthly", "100.00", "1000", "monthly", TODAY, ("100.00", 10, date(2027, 4, 1), date(2028, 1, 1))),
    ("can pay it all at once: the instalment is what is owed", "5000.00", "1000", "monthly", TODAY, ("1000.00", 1, date(2027, 4, 1), date(2027, 4, 1))),
    ("calculated on 31 January: first on 28 February, then clamped from it", "100.00", "250", "monthly", date(2027, 1, 31),
     ("100.00", 3, date(2027, 2, 28), date(2027, 4, 28))),
    ("calculated on 31 January 2028: first on 29 February", "100.00", "250", "monthly", date(2028, 1, 31),
     ("100.00", 3, date(2028, 2, 29), date(2028, 4, 29))),
    ("calculated on 29 February 2028", "100.00", "1000", "monthly", date(2028, 2, 29), ("100.00", 10, date(2028, 3, 29), date(2028, 12, 29))),
    ("exactly £1 a week", "4.34", "10", "weekly", TODAY, ("1.00", 10, date(2027, 4, 1), date(2027, 6, 3))),  # 4.34 × 12/52 = 1.0015…
    ("under £1 a week: cannot afford any plan", "4.33", "10", "weekly", TODAY, ("0.99", None, None, None)),
    ("zero disposable income", "0.00", "1000", "monthly", TODAY, ("0.00", None, None, None)),
    ("negative disposable income", "-250.00", "1000", "weekly", TODAY, ("-57.69", None, None, None)),
]


@pytest.mark.parametrize("label, disposable, owed, frequency, on, expected", COURT_PLANS, ids=[c[0] for c in COURT_PLANS])
def test_court_plan(label, disposable, owed, frequency, on, expected):
    plan = a.court_plan(D(disposable), D(owed), frequency, on)
    instalment, count, first, last = expected
    assert plan.instalment == D(instalment)
    assert plan.affordable is (count is not None)
    assert (plan.instalments, plan.first_payment, plan.last_payment) == ((count, first, last) if count else (0, None, None))
    if count:
        assert plan.plan() == Plan.instalments(D(instalment), frequency, first)
        assert plan.plan().last_payment(D(owed)) == last
    else:
        assert plan.plan() is None


def test_the_court_plan_needs_something_owed():
    with pytest.raises(ValueError):
        a.court_plan(D("100"), D("0"), "weekly", TODAY)


# -- 4. which plan wins ---------------------------------------------------------------------------------------

D1, D2, D3, D4 = date(2027, 6, 1), date(2027, 9, 1), date(2027, 12, 1), date(2028, 3, 1)

DECISIONS = [
    # defendant's plan ends, claimant's, court's → outcome
    ("the claimant asks for later than the defendant offers", D2, D3, D1, a.Outcome.ACCEPT_DEFENDANT_OFFER),
    ("the claimant asks for the same date as the defendant offers", D2, D2, D1, a.Outcome.ACCEPT_DEFENDANT_OFFER),
    ("the court's plan ends before the claimant's: the claimant's is affordable", D3, D2, D1, a.Outcome.CLAIMANT_PLAN),
    # 7.10(5): a court plan only where the defendant cannot afford the claimant's; 7.11: one that
    # amounts to the claimant's is the claimant's. A tie is the claimant's plan.
    ("the court's plan ends on the claimant's date: the claimant's plan", D3, D2, D2, a.Outcome.CLAIMANT_PLAN),
    ("the court's plan ends between the claimant's and the defendant's", D4, D1, D2, a.Outcome.COURT_PLAN),
    ("the court's plan ends on the defendant's date: the defendant's plan", D3, D1, D3, a.Outcome.DEFENDANT_PLAN),
    ("the court's plan ends after the defendant's", D2, D1, D3, a.Outcome.DEFENDANT_PLAN),
    ("the defendant cannot afford any plan", D3, D1, None, a.Outcome.DEFENDANT_PLAN),
    ("no plan affordable, but the claimant asks no sooner", D2, D3, None, a.Outcome.ACCEPT_DEFENDANT_OFFER),
]


@pytest.mark.parametrize("label, defendant, claimant, court, outcome", DECISIONS, ids=[d[0] for d in DECISIONS])
def test_decide(label, defendant, claimant, court, outcome):
    decision = a.decide(defendant, claimant, court)
    assert decision.outcome == outcome
    assert decision.reason  # in words, with the dates
    assert f"{claimant.day} {claimant:%B %Y}" in decision.reason


def test_a_tie_is_the_claimants_plan_a_day_later_the_courts():
    # The claimant's plan ends on 1 September 2027, the defendant's on 1 December 2027.
    outcomes = [a.decide(D3, D2, court).outcome for court in (date(2027, 8, 31), D2, date(2027, 9, 2))]
    assert outcomes == [a.Outcome.CLAIMANT_PLAN, a.Outcome.CLAIMANT_PLAN, a.Outcome.COURT_PLAN]


# -- the whole calculation ------------------------------------------------------------------------------------

WHOLE = [
    # defendant's plan, claimant's plan, owed → court plan frequency, each end, outcome
    ("defendant offers £10 a month; claimant wants it within 5 days; the court's plan: all of it in one month",
     Plan.instalments(D("10"), "monthly", date(2027, 4, 1)), Plan.immediately(), "1000",
     ("monthly", date(2035, 7, 1), date(2027, 3, 6), date(2027, 4, 1), a.Outcome.COURT_PLAN)),
    ("the claimant wants £500 a month: affordable",
     Plan.instalments(D("10"), "monthly", date(2027, 4, 1)), Plan.instalments(D("500"), "monthly", date(2027, 5, 1)), "1000",
     ("monthly", date(2035, 7, 1), date(2027, 6, 1), date(2027, 4, 1), a.Outcome.CLAIMANT_PLAN)),
    ("defendant offers a set date: the court's plan is weekly",
     Plan.by_set_date(date(2028, 1, 1)), Plan.by_set_date(date(2027, 3, 15)), "1000",
     ("weekly", date(2028, 1, 1), date(2027, 3, 15), date(2027, 4, 22), a.Outcome.COURT_PLAN)),
    ("the claimant asks for a later date than the defendant offers",
     Plan.by_set_date(date(2027, 6, 1)), Plan.by_set_date(date(2027, 7, 1)), "1000",
     ("weekly", date(2027, 6, 1), date(2027, 7, 1), date(2027, 4, 22), a.Outcome.ACCEPT_DEFENDANT_OFFER)),
    ("weekly offer; the claimant's fortnightly plan ends 3 days before the court's: the court's plan",
     Plan.instalments(D("20"), "weekly", date(2027, 3, 8)), Plan.instalments(D("250"), "fortnightly", date(2027, 3, 8)), "1000",
     ("weekly", date(2028, 2, 14), date(2027, 4, 19), date(2027, 4, 22), a.Outcome.COURT_PLAN)),
    ("the claimant's set date is the court's last payment (22 April): a tie, the claimant's plan",
     Plan.by_set_date(date(2028, 1, 1)), Plan.by_set_date(date(2027, 4, 22)), "1000",
     ("weekly", date(2028, 1, 1), date(2027, 4, 22), date(2027, 4, 22), a.Outcome.CLAIMANT_PLAN)),
    ("the claimant's £500 a month ends on 1 April, as the court's £1,000 in one month: the claimant's plan",
     Plan.instalments(D("10"), "monthly", date(2027, 4, 1)), Plan.instalments(D("500"), "monthly", date(2027, 3, 1)), "1000",
     ("monthly", date(2035, 7, 1), date(2027, 4, 1), date(2027, 4, 1), a.Outcome.CLAIMANT_PLAN)),
    ("the claimant's plan ends after the court's (weekly, 4 × £260.68 to 22 April): the claimant's plan",
     Plan.instalments(D("20"), "weekly", date(2027, 3, 8)), Plan.instalments(D("250"), "fortnightly", date(2027, 3, 22)), "1000",
     ("weekly", date(2028, 2, 14), date(2027, 5, 3), date(2027, 4, 22), a.Outcome.CLAIMANT_PLAN)),
]


@pytest.mark.parametrize("label, defendant, claimant, owed, expected", WHOLE, ids=[w[0] for w in WHOLE])
def test_affordability(label, defendant, claimant, owed, expected):
    result = a.affordability(EXAMPLE, D(owed), defendant, claimant, TODAY, allowances=TABLE)
    frequency, defendant_end, claimant_end, court_end, outcome = expected
    assert result.court_plan.frequency == frequency
    assert (result.defendant_end, result.claimant_end, result.court_plan.last_payment) == (defendant_end, claimant_end, court_end)
    assert result.outcome == outcome
    assert result.calculation.disposable == D("1129.63")


def test_the_claimant_asking_for_payment_immediately_means_within_5_days():
    # even if the plan carries a date of its own
    result = a.affordability(EXAMPLE, D("1000"), Plan.by_set_date(date(2028, 1, 1)), Plan.immediately(date(2027, 12, 1)), TODAY,
                             allowances=TABLE)
    assert result.claimant_end == date(2027, 3, 6)


def test_a_defendant_who_cannot_pay_anything_keeps_their_plan():
    broke = means(income={"types": ["job"], "job_amount": "300", "job_frequency": "monthly"})
    result = a.affordability(broke, D("1000"), Plan.instalments(D("5"), "monthly", date(2027, 4, 1)), Plan.immediately(), TODAY,
                             allowances=TABLE)
    assert result.calculation.disposable == D("-23.70")
    assert not result.court_plan.affordable
    assert result.outcome == a.Outcome.DEFENDANT_PLAN
    assert "cannot afford any plan" in result.decision.reason
    assert result.plan_that_stands() == Plan.instalments(D("5"), "monthly", date(2027, 4, 1))


@pytest.mark.parametrize(
    "claimant, outcome, stands",
    [
        (Plan.immediately(), a.Outcome.COURT_PLAN, Plan.instalments(D("1000"), "monthly", date(2027, 4, 1))),
        (Plan.instalments(D("500"), "monthly", date(2027, 5, 1)), a.Outcome.CLAIMANT_PLAN, Plan.instalments(D("500"), "monthly", date(2027, 5, 1))),
        # A tie: the claimant asked for £500 a month and keeps it, not the court's £1,000 in one month.
        (Plan.instalments(D("500"), "monthly", date(2027, 3, 1)), a.Outcome.CLAIMANT_PLAN, Plan.instalments(D("500"), "monthly", date(2027, 3, 1))),
        (Plan.by_set_date(date(2040, 1, 1)), a.Outcome.ACCEPT_DEFENDANT_OFFER, Plan.instalments(D("10"), "monthly", date(2027, 4, 1))),
    ],
)
def test_the_plan_that_stands(claimant, outcome, stands):
    result = a.affordability(EXAMPLE, D("1000"), Plan.instalments(D("10"), "monthly", date(2027, 4, 1)), claimant, TODAY,
                             allowances=TABLE)
    assert result.outcome == outcome
    assert result.plan_that_stands() == stands


def test_the_record_for_the_judge_is_json():
    result = a.affordability(EXAMPLE, D("1000"), Plan.by_set_date(date(2028, 1, 1)), Plan.immediately(), TODAY, allowances=TABLE)
    record = json.loads(json.dumps(result.to_record()))
    assert record["calculated_on"] == "2027-03-01"
    assert record["inputs"]["owed"] == "1000.00"
    assert record["inputs"]["means"] == EXAMPLE
    assert record["inputs"]["defendant_plan"] == {"option": "by_set_date", "pay_by": "2028-01-01", "instalment": None,
                                                  "frequency": None, "first_payment": None}
    assert record["disposable_monthly"] == "1129.63"
    assert record["calculation"]["allowance_items"][0]["label"] == "Living, single, aged 25 or over"
    assert record["plans"]["defendant"]["ends"] == "2028-01-01"
    assert record["plans"]["claimant"]["ends"] == "2027-03-06"
    assert record["plans"]["court"] == {
        "frequency": "weekly", "calculated_on": "2027-03-01", "disposable_monthly": "1129.63",
        "disposable_at_frequency": "260.6838461538461538461538462", "instalment": "260.68", "owed": "1000.00",
        "affordable": True, "instalments": 4, "first_payment": "2027-04-01", "last_payment": "2027-04-22", "ends": "2027-04-22",
    }
    assert record["decision"] == "court_plan"
    assert "22 April 2027" in record["reason"]


def test_the_record_takes_dates_and_decimals_in_the_inputs():
    data = means(details={"date_of_birth": date(1996, 6, 15)}, income={"types": ["job"], "job_amount": D("1000"), "job_frequency": "monthly"})
    result = a.affordability(data, D("1000"), Plan.by_set_date(date(2028, 1, 1)), Plan.immediately(), TODAY, allowances=TABLE)
    record = json.loads(json.dumps(result.to_record()))
    assert record["inputs"]["means"]["details"]["date_of_birth"] == "1996-06-15"
    assert record["inputs"]["means"]["income"]["job_amount"] == "1000"


def test_option_values_match_the_response():
    assert {option.value for option in Option} == {"immediately", "by_set_date", "instalments"}
