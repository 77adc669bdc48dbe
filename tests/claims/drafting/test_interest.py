"""Interest: whether, at what rate, from when; the daily amount; the £10,000 limit with interest."""
from __future__ import annotations

import pytest

from claims import ocon1
from tests.conftest import uk

from .conftest import assert_error, summary, url

pytestmark = pytest.mark.django_db

NOW = uk(2026, 6, 10, 10, 0)  # a Wednesday, before 4pm: a claim sent now counts as submitted today


def interest(claim):
    claim.refresh_from_db()
    return claim.draft_data["interest"]


@pytest.fixture
def claim(make_draft, travel):
    travel(NOW)
    return make_draft(interest={})


class TestDoYouWantToClaimInterest:
    def test_the_question_shows_the_daily_amount_at_8_percent(self, signed_in, claim):
        page = signed_in.get(url("interest", claim)).content.decode()
        assert '<h1 class="govuk-fieldset__heading">Do you want to claim interest?</h1>' in page
        assert "£1,000.00" in page and "£0.22 a day" in page
        # A conditional reveal: hidden until chosen (with JavaScript), wired for GOV.UK Frontend.
        hidden = "govuk-radios__conditional govuk-radios__conditional--hidden"
        assert f'class="{hidden}" id="conditional-id_choice-3"' in page
        assert 'value="different" data-aria-controls="conditional-id_choice-3"' in page

    def test_no_interest(self, signed_in, claim):
        response = signed_in.post(url("interest", claim), {"choice": "none", "fixed_amount": "not looked at"})
        assert response["Location"] == url("task_list", claim)
        assert interest(claim) == {"choice": "none"}
        claim.refresh_from_db()
        assert ocon1.read(claim.draft_data).interest.kind == "none"

    def test_8_percent_asks_from_when(self, signed_in, claim):
        response = signed_in.post(url("interest", claim), {"choice": "standard"})
        assert response["Location"] == url("interest_from", claim)
        assert interest(claim) == {"choice": "standard"}
        assert not ocon1.section_status(claim.draft_data)["interest"]  # not complete until "from when"

    def test_an_answer_is_needed(self, signed_in, claim):
        response = signed_in.post(url("interest", claim), {})
        assert_error(response, "#id_choice", "Select whether you want to claim interest")

    def test_a_different_rate_needs_the_rate_and_why(self, signed_in, claim):
        response = signed_in.post(url("interest", claim), {"choice": "different", "rate": "", "rate_reason": ""})
        assert summary(response) == [
            ("#id_rate", "Enter the rate of interest you are claiming"),
            ("#id_rate_reason", "Explain why you are claiming this rate"),
        ]
        page = response.content.decode()
        # The answer stays chosen and its reveal open, so the errors can be seen without JavaScript.
        assert 'value="different" checked' in page
        assert 'class="govuk-radios__conditional" id="conditional-id_choice-3"' in page

    @pytest.mark.parametrize(
        "typed, message",
        [("lots", "Enter the rate of interest as a number, like 5 or 5.5"),
         ("0", "The rate of interest must be more than 0%"),
         ("150", "The rate of interest must be 100% a year or less")],
    )
    def test_bad_rates(self, signed_in, claim, typed, message):
        response = signed_in.post(url("interest", claim), {"choice": "different", "rate": typed, "rate_reason": "x"})
        assert_error(response, "#id_rate", message)
        assert f'value="{typed}"' in response.content.decode()

    @pytest.mark.parametrize("typed, saved", [("5", "5"), ("5%", "5"), (" 5.5 % ", "5.5"), ("10", "10")])
    def test_a_different_rate(self, signed_in, claim, typed, saved):
        response = signed_in.post(
            url("interest", claim), {"choice": "different", "rate": typed, "rate_reason": "Our contract, clause 4"}
        )
        assert response["Location"] == url("interest_from", claim)
        assert interest(claim) == {"choice": "different", "rate": saved, "rate_reason": "Our contract, clause 4"}

    def test_a_fixed_sum_needs_the_amount_how_and_whether_8_percent_continues(self, signed_in, claim):
        response = signed_in.post(url("interest", claim), {"choice": "fixed"})
        assert summary(response) == [
            ("#id_fixed_amount", "Enter the amount of interest you have calculated"),
            ("#id_fixed_breakdown", "Explain how you calculated the interest"),
            ("#id_fixed_continue", "Select yes if you want to continue claiming 8% a year"),
        ]
        response = signed_in.post(
            url("interest", claim),
            {"choice": "fixed", "fixed_amount": "12,34", "fixed_breakdown": "My sums", "fixed_continue": "yes"},
        )
        assert_error(response, "#id_fixed_amount", "Enter an amount of money, like 1,234.56")
        assert 'value="12,34"' in response.content.decode()

    def test_a_fixed_sum(self, signed_in, claim):
        response = signed_in.post(
            url("interest", claim),
            {"choice": "fixed", "fixed_amount": "£45.10", "fixed_breakdown": "8% for 206 days", "fixed_continue": "no"},
        )
        assert response["Location"] == url("task_list", claim)
        assert interest(claim) == {
            "choice": "fixed", "fixed_amount": "45.10", "fixed_breakdown": "8% for 206 days", "fixed_continue": "no",
        }
        claim.refresh_from_db()
        read = ocon1.read(claim.draft_data).interest
        assert read.kind == "fixed" and read.rate is None and str(read.fixed_amount) == "45.10"

    def test_a_fixed_sum_that_takes_the_claim_over_10000(self, signed_in, make_draft, travel):
        travel(NOW)
        claim = make_draft(amount={"items": [{"description": "Invoice", "amount": "9990.00"}]}, interest={})
        response = signed_in.post(
            url("interest", claim),
            {"choice": "fixed", "fixed_amount": "10.01", "fixed_breakdown": "sums", "fixed_continue": "yes"},
        )
        assert_error(
            response, "#id_fixed_amount",
            "With interest of £10.01 to 10 June 2026 your claim would be £10,000.01, more than £10,000.00. "
            "You can only claim up to £10,000.00, including interest, with this service",
        )
        response = signed_in.post(
            url("interest", claim),
            {"choice": "fixed", "fixed_amount": "10.00", "fixed_breakdown": "sums", "fixed_continue": "yes"},
        )
        assert response.status_code == 302

    def test_needs_the_amount_first(self, signed_in, new_draft):
        response = signed_in.get(url("interest", new_draft))
        assert response["Location"] == url("amount", new_draft)

    def test_no_interest_drops_the_start_date(self, signed_in, make_draft):
        claim = make_draft(interest={"choice": "standard", "from": "date", "from_date": "2026-01-01",
                                     "from_reason": "Invoice due"})
        signed_in.post(url("interest", claim), {"choice": "none"})
        assert interest(claim) == {"choice": "none"}

    def test_a_different_rate_keeps_the_start_date(self, signed_in, make_draft):
        claim = make_draft(interest={"choice": "standard", "from": "date", "from_date": "2026-01-01",
                                     "from_reason": "Invoice due"})
        signed_in.post(url("interest", claim), {"choice": "different", "rate": "4", "rate_reason": "Contract"})
        assert interest(claim) == {"choice": "different", "rate": "4", "rate_reason": "Contract", "from": "date",
                                   "from_date": "2026-01-01", "from_reason": "Invoice due"}


class TestFromWhen:
    @pytest.fixture
    def claim(self, make_draft, travel):
        travel(NOW)
        return make_draft(interest={"choice": "standard"})

    def test_from_the_date_of_submission(self, signed_in, claim):
        page = signed_in.get(url("interest_from", claim)).content.decode()
        assert '<h1 class="govuk-fieldset__heading">When are you claiming interest from?</h1>' in page
        assert "Interest at 8% a year on £1,000.00 is" in page and "£0.22 a day" in page
        response = signed_in.post(url("interest_from", claim), {"start": "submission", "from_reason": "ignored"})
        assert response["Location"] == url("task_list", claim)
        assert interest(claim) == {"choice": "standard", "from": "submission"}

    def test_from_a_date(self, signed_in, claim):
        response = signed_in.post(
            url("interest_from", claim),
            {"start": "date", "from_date_day": "2", "from_date_month": "3", "from_date_year": "2026",
             "from_reason": "The invoice was due"},
        )
        assert response["Location"] == url("task_list", claim)
        assert interest(claim) == {"choice": "standard", "from": "date", "from_date": "2026-03-02",
                                   "from_reason": "The invoice was due"}
        # Shown again: the interest to today (100 days at £0.2192 a day).
        page = signed_in.get(url("interest_from", claim)).content.decode()
        assert "From 2 March 2026 to today (10 June 2026) the interest is <strong>£21.92</strong>" in page
        assert 'value="2026"' in page and "The invoice was due" in page
        assert "8% a year from 2 March 2026 (£21.92 to 10 June 2026)" in signed_in.get(
            url("task_list", claim)).content.decode()

    def test_a_rate_shows_its_own_daily_amount(self, signed_in, make_draft, travel):
        travel(NOW)
        claim = make_draft(interest={"choice": "different", "rate": "5", "rate_reason": "Contract"})
        page = signed_in.get(url("interest_from", claim)).content.decode()
        assert "Interest at 5% a year on £1,000.00 is" in page and "£0.14 a day" in page

    def test_not_in_the_future(self, signed_in, claim):
        response = signed_in.post(
            url("interest_from", claim),
            {"start": "date", "from_date_day": "11", "from_date_month": "6", "from_date_year": "2026",
             "from_reason": "Invoice due"},
        )
        assert_error(response, "#id_from_date_day",
                     "The date you are claiming interest from must be today or in the past")
        page = response.content.decode()
        assert 'value="11"' in page and 'value="Invoice due"' not in page and "Invoice due</textarea>" in page

    def test_a_date_and_a_reason_are_needed(self, signed_in, claim):
        response = signed_in.post(url("interest_from", claim), {"start": "date"})
        assert summary(response) == [
            ("#id_from_date_day", "Enter the date you are claiming interest from"),
            ("#id_from_reason", "Explain why you are claiming interest from this date"),
        ]
        response = signed_in.post(url("interest_from", claim), {})
        assert_error(response, "#id_start", "Select when you are claiming interest from")

    def test_interest_that_takes_the_claim_over_10000(self, signed_in, make_draft, travel):
        travel(NOW)
        claim = make_draft(amount={"items": [{"description": "Invoice", "amount": "9500"}]},
                           interest={"choice": "standard"})
        response = signed_in.post(
            url("interest_from", claim),
            {"start": "date", "from_date_day": "10", "from_date_month": "6", "from_date_year": "2025",
             "from_reason": "Invoice due"},
        )
        assert_error(
            response, "#id_from_date_day",
            "With interest of £760.00 to 10 June 2026 your claim would be £10,260.00, more than £10,000.00. "
            "You can only claim up to £10,000.00, including interest, with this service",
        )
        assert interest(claim) == {"choice": "standard"}  # nothing saved

    def test_only_for_interest_at_a_rate(self, signed_in, make_draft):
        claim = make_draft(interest={"choice": "none"})
        assert signed_in.get(url("interest_from", claim))["Location"] == url("interest", claim)

    def test_returning_to_check(self, signed_in, claim):
        response = signed_in.post(url("interest", claim, "?return=check"), {"choice": "standard"})
        assert response["Location"] == url("interest_from", claim, "?return=check")
        response = signed_in.post(url("interest_from", claim, "?return=check"), {"start": "submission"})
        assert response["Location"] == url("check", claim)
