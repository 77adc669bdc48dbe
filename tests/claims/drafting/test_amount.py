"""Claim amount: rows of what is claimed, add another row, money formats, the £10,000 limit."""
from __future__ import annotations

import re

import pytest

from tests.conftest import uk

from .conftest import assert_error, summary, url

pytestmark = pytest.mark.django_db


def rows(*pairs, total=None):
    data = {"items-TOTAL_FORMS": str(total or len(pairs)), "items-INITIAL_FORMS": "0", "action": "save"}
    for index, (description, amount) in enumerate(pairs):
        data[f"items-{index}-description"] = description
        data[f"items-{index}-amount"] = amount
    return data


def saved_items(claim):
    claim.refresh_from_db()
    return claim.draft_data["amount"]["items"]


def test_the_page_starts_with_empty_rows_and_shows_the_saved_ones(signed_in, new_draft, draft):
    page = signed_in.get(url("amount", new_draft)).content.decode()
    assert page.count("govuk-input__prefix") == 3 and "Add another row" in page
    assert '<label class="govuk-label" for="id_items-0-description">What you are claiming for</label>' in page
    page = signed_in.get(url("amount", draft)).content.decode()
    assert 'value="Unpaid invoice 1001"' in page and 'value="1000.00"' in page and "Total: £1,000.00" in page


@pytest.mark.parametrize("typed", ["1234.56", "1,234.56", "£1,234.56", " £1,234.56 ", "1234.5"])
def test_money_formats(signed_in, new_draft, typed):
    response = signed_in.post(url("amount", new_draft), rows(("Invoice", typed)))
    assert response["Location"] == url("task_list", new_draft)
    expected = "1234.56" if typed != "1234.5" else "1234.50"
    assert saved_items(new_draft) == [{"description": "Invoice", "amount": expected}]


@pytest.mark.parametrize("typed", ["12.345", "1,23.00", "abc", "-5", "£", "1.234,56"])
def test_bad_money(signed_in, new_draft, typed):
    response = signed_in.post(url("amount", new_draft), rows(("Invoice", typed)))
    assert_error(response, "#id_items-0-amount", "Enter an amount of money, like 1,234.56")
    page = response.content.decode()
    assert f'value="{typed.strip()}"' in page.replace("&#x27;", "'") and 'value="Invoice"' in page
    new_draft.refresh_from_db()
    assert "amount" not in new_draft.draft_data


def test_empty_rows_are_ignored_and_several_items_add_up(signed_in, new_draft):
    response = signed_in.post(
        url("amount", new_draft), rows(("Invoice 1", "100"), ("", ""), ("Invoice 2", "£250.50"), ("", ""))
    )
    assert response.status_code == 302
    assert saved_items(new_draft) == [
        {"description": "Invoice 1", "amount": "100.00"}, {"description": "Invoice 2", "amount": "250.50"},
    ]
    assert "Total: £350.50" in signed_in.get(url("task_list", new_draft)).content.decode()


def test_at_least_one_row(signed_in, new_draft):
    response = signed_in.post(url("amount", new_draft), rows(("", ""), ("", "")))
    assert_error(response, "#id_items-0-description", "Enter what you are claiming for and the amount")


def test_half_filled_rows(signed_in, new_draft):
    response = signed_in.post(url("amount", new_draft), rows(("Invoice 1", ""), ("", "20"), ("Invoice 3", "0")))
    assert summary(response) == [
        ("#id_items-0-amount", "Enter the amount you are claiming for this"),
        ("#id_items-1-description", "Enter what you are claiming for"),
        ("#id_items-2-amount", "The amount must be more than £0"),
    ]


def test_add_another_row_keeps_what_was_typed(signed_in, new_draft):
    data = rows(("Invoice 1", "100"), ("Invoice 2", "not money"))
    data["action"] = "add"
    response = signed_in.post(url("amount", new_draft), data)
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" not in page  # not checked yet
    assert 'value="Invoice 1"' in page and 'value="100"' in page and 'value="not money"' in page
    assert len(re.findall(r'name="items-\d+-description"', page)) == 3
    assert 'name="items-2-description"' in page and 'name="items-TOTAL_FORMS" value="3"' in page
    assert "Total: £100.00" in page
    new_draft.refresh_from_db()
    assert "amount" not in new_draft.draft_data  # nothing saved until "Save and continue"


def test_no_more_than_10000(signed_in, new_draft):
    response = signed_in.post(url("amount", new_draft), rows(("Invoice 1", "6000"), ("Invoice 2", "4000.01")))
    assert_error(
        response, "#id_items-0-description",
        "The total you are claiming (£10,000.01) is more than £10,000.00. You can only claim up to £10,000.00, "
        "including interest, with this service",
    )
    response = signed_in.post(url("amount", new_draft), rows(("Invoice 1", "6000"), ("Invoice 2", "4000")))
    assert response.status_code == 302


def test_no_more_than_10000_with_the_interest_already_claimed(signed_in, make_draft, travel):
    travel(uk(2026, 6, 10, 10, 0))
    claim = make_draft(interest={"choice": "standard", "from": "date", "from_date": "2025-06-10",
                                 "from_reason": "Invoice due"})
    response = signed_in.post(url("amount", claim), rows(("Invoice", "9500")))
    assert response.status_code == 200
    (anchor, message), = summary(response)
    assert anchor == "#id_items-0-description"
    assert message.startswith("With the interest you are claiming (£760.00) your claim would be £10,260.00")


def test_returning_to_check(signed_in, draft):
    response = signed_in.post(url("amount", draft, "?return=check"), rows(("Invoice", "500")))
    assert response["Location"] == url("check", draft)


def test_a_broken_form_is_refused_politely(signed_in, new_draft):
    response = signed_in.post(url("amount", new_draft), {"items-0-description": "Invoice", "items-0-amount": "5"})
    assert response.status_code == 200 and "<title>Error: " in response.content.decode()
    assert summary(response) == [("", "Something went wrong with this page. Enter your answers again")]
    assert len(re.findall(r'name="items-\d+-description"', response.content.decode())) == 3


def test_at_most_50_rows(signed_in, new_draft):
    many = [(f"Invoice {number}", "1") for number in range(51)]
    response = signed_in.post(url("amount", new_draft), rows(*many))
    assert_error(response, "#id_items-0-description", "You can enter up to 50 rows")
    data = rows(*many[:50])
    data["action"] = "add"
    page = signed_in.post(url("amount", new_draft), data).content.decode()
    assert len(re.findall(r'name="items-\d+-description"', page)) == 50  # no row lost, none added
