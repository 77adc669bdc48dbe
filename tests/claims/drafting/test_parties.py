"""Your details and the defendant's details: party type, then name, address and contact details."""
from __future__ import annotations

import pytest

from tests.conftest import uk

from .conftest import assert_error, summary, url

pytestmark = pytest.mark.django_db

ADDRESS = {"address_line1": "1 High Street", "address_line2": "Flat 2", "town": "Bristol", "postcode": "bs14st"}


def individual(**changes):
    return {
        "title": "Ms", "full_name": "Sam Claimant", "date_of_birth_day": "17", "date_of_birth_month": "5",
        "date_of_birth_year": "1980", **ADDRESS, "phone": "07700 900982", **changes,
    }


class TestYourDetails:
    def test_type_then_details_saves_the_section(self, signed_in, new_draft, travel):
        travel(uk(2026, 6, 10, 10, 0))
        response = signed_in.post(url("claimant_type", new_draft), {"type": "individual"})
        assert response["Location"] == url("claimant_details", new_draft)
        new_draft.refresh_from_db()
        assert new_draft.draft_data["claimant"] == {"type": "individual", "email": "sam@example.com"}

        page = signed_in.get(url("claimant_details", new_draft)).content.decode()
        assert 'autocomplete="name"' in page and 'autocomplete="bday-day"' in page
        assert 'autocomplete="address-line1"' in page and 'autocomplete="postal-code"' in page
        assert 'autocomplete="tel"' in page and "sam@example.com" in page
        assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">\n      Date of birth' in page

        response = signed_in.post(url("claimant_details", new_draft), individual())
        assert response["Location"] == url("task_list", new_draft)
        new_draft.refresh_from_db()
        assert new_draft.draft_data["claimant"] == {
            "type": "individual", "title": "Ms", "full_name": "Sam Claimant", "date_of_birth": "1980-05-17",
            "address_line1": "1 High Street", "address_line2": "Flat 2", "town": "Bristol", "postcode": "BS1 4ST",
            "phone": "07700 900982", "email": "sam@example.com",
        }

    def test_the_type_is_required(self, signed_in, new_draft):
        response = signed_in.post(url("claimant_type", new_draft), {})
        assert_error(response, "#id_type", "Select who is making the claim")
        assert '<h1 class="govuk-fieldset__heading">Who is making the claim?</h1>' in response.content.decode()

    def test_details_before_the_type_go_to_the_type(self, signed_in, new_draft):
        assert signed_in.get(url("claimant_details", new_draft))["Location"] == url("claimant_type", new_draft)

    def test_a_claimant_under_18_cannot_use_the_service(self, signed_in, make_draft, travel):
        travel(uk(2026, 6, 10, 10, 0))
        claim = make_draft()
        response = signed_in.post(
            url("claimant_details", claim),
            individual(date_of_birth_day="11", date_of_birth_month="6", date_of_birth_year="2008"),
        )
        assert_error(response, "#id_date_of_birth_day", "You must be 18 or over to make a claim with this service")
        page = response.content.decode()
        assert 'value="2008"' in page and 'value="Sam Claimant"' in page and 'value="1 High Street"' in page
        assert page.count("govuk-input--error") == 3  # the whole date is highlighted
        # 18 today is old enough (PD 51R 2.1(3)(g)).
        response = signed_in.post(
            url("claimant_details", claim),
            individual(date_of_birth_day="10", date_of_birth_month="6", date_of_birth_year="2008"),
        )
        assert response.status_code == 302

    @pytest.mark.parametrize(
        "day, month, year, anchor, message",
        [
            ("", "", "", "#id_date_of_birth_day", "Enter your date of birth"),
            ("17", "", "1980", "#id_date_of_birth_month", "Date of birth must include a month"),
            ("31", "2", "1980", "#id_date_of_birth_day", "Date of birth must be a real date"),
            ("1", "2", "80", "#id_date_of_birth_year", "Year must include 4 numbers"),
            ("1", "2", "2030", "#id_date_of_birth_day", "Date of birth must be in the past"),
            ("1", "1", "0001", "#id_date_of_birth_day", "Date of birth must be the same as or after 1 January 1900"),
            ("31", "12", "1899", "#id_date_of_birth_day",
             "Date of birth must be the same as or after 1 January 1900"),
        ],
    )
    def test_date_of_birth_errors(self, signed_in, make_draft, travel, day, month, year, anchor, message):
        travel(uk(2026, 6, 10, 10, 0))
        claim = make_draft()
        response = signed_in.post(
            url("claimant_details", claim),
            individual(date_of_birth_day=day, date_of_birth_month=month, date_of_birth_year=year),
        )
        assert_error(response, anchor, message)

    def test_missing_answers(self, signed_in, make_draft):
        claim = make_draft()
        response = signed_in.post(url("claimant_details", claim), individual(full_name="", address_line1="", town="",
                                                                              postcode="", phone="12"))
        assert summary(response) == [
            ("#id_full_name", "Enter your full name"),
            ("#id_address_line1", "Enter the first line of the address"),
            ("#id_town", "Enter the town or city"),
            ("#id_postcode", "Enter the postcode"),
            ("#id_phone", "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"),
        ]
        page = response.content.decode()
        assert 'aria-describedby="id_full_name-error"' in page and 'value="Ms"' in page

    @pytest.mark.parametrize("postcode", ["EH1 1YZ", "BT1 1AA", "LS1 1AA", "SW1A 1AA"])
    def test_a_claimant_anywhere_in_the_uk(self, signed_in, make_draft, postcode):
        claim = make_draft()
        response = signed_in.post(url("claimant_details", claim), individual(postcode=postcode))
        assert response.status_code == 302

    @pytest.mark.parametrize(
        "postcode, message",
        [
            ("JE2 3AB",
             "Your address must be in the UK. You cannot use this service if your address is outside the UK"),
            ("not a postcode", "Enter a real postcode, like SW1A 1AA"),
            ("ZZ99 9ZZ", "Enter a real postcode, like SW1A 1AA"),
        ],
    )
    def test_a_claimant_outside_the_uk(self, signed_in, make_draft, postcode, message):
        claim = make_draft()
        response = signed_in.post(url("claimant_details", claim), individual(postcode=postcode))
        assert_error(response, "#id_postcode", message)
        assert f'value="{postcode}"' in response.content.decode()

    def test_changing_the_type_drops_what_no_longer_applies(self, signed_in, draft):
        response = signed_in.post(url("claimant_type", draft), {"type": "company"})
        assert response["Location"] == url("claimant_details", draft)
        draft.refresh_from_db()
        section = draft.draft_data["claimant"]
        assert section["type"] == "company"
        assert not {"title", "full_name", "date_of_birth"} & set(section)
        assert section["address_line1"] == "1 High Street" and section["postcode"] == "BS1 4ST"
        page = signed_in.get(url("claimant_details", draft)).content.decode()
        assert "Company name" in page and "Date of birth" not in page and 'value="1 High Street"' in page
        signed_in.post(url("claimant_details", draft), {"name": "Sam's Walls Ltd", **ADDRESS})
        draft.refresh_from_db()
        assert draft.draft_data["claimant"] == {
            "type": "company", "name": "Sam's Walls Ltd", "contact_name": "", "address_line1": "1 High Street",
            "address_line2": "Flat 2", "town": "Bristol", "postcode": "BS1 4ST", "phone": "",
            "email": "sam@example.com",
        }

    def test_a_sole_trader(self, signed_in, draft):
        signed_in.post(url("claimant_type", draft), {"type": "sole_trader"})
        draft.refresh_from_db()
        assert draft.draft_data["claimant"]["full_name"] == "Sam Claimant"  # a sole trader has a full name too
        assert "title" not in draft.draft_data["claimant"]
        signed_in.post(url("claimant_details", draft), {"full_name": "Sam Claimant", "trading_name": "Sam's Walls",
                                                        **ADDRESS})
        draft.refresh_from_db()
        assert draft.draft_data["claimant"]["trading_name"] == "Sam's Walls"


class TestTheDefendant:
    def test_type_then_details(self, signed_in, new_draft):
        signed_in.post(url("defendant_type", new_draft), {"type": "individual"})
        page = signed_in.get(url("defendant_details", new_draft)).content.decode()
        assert "Date of birth" not in page and "Email address (optional)" in page
        assert 'autocomplete="name"' not in page  # the user's own details must not fill the defendant's
        response = signed_in.post(
            url("defendant_details", new_draft),
            {"title": "Mr", "full_name": "Dan Defendant", "address_line1": "2 Low Road", "town": "Cardiff",
             "postcode": "CF10 1AA", "email": "dan@example.com"},
        )
        assert response["Location"] == url("task_list", new_draft)
        new_draft.refresh_from_db()
        assert new_draft.draft_data["defendant"] == {
            "type": "individual", "title": "Mr", "full_name": "Dan Defendant", "address_line1": "2 Low Road",
            "address_line2": "", "town": "Cardiff", "postcode": "CF10 1AA", "phone": "", "email": "dan@example.com",
        }

    def test_the_type_is_required(self, signed_in, new_draft):
        assert_error(signed_in.post(url("defendant_type", new_draft), {"type": "alien"}),
                     "#id_type", "Select who you are claiming against")

    @pytest.mark.parametrize("postcode", ["EH1 1YZ", "G1 1AA", "BT1 1AA", "IM1 1AA", "GY1 1AA"])
    def test_a_defendant_outside_england_and_wales(self, signed_in, draft, postcode):
        response = signed_in.post(
            url("defendant_details", draft),
            {"name": "Acme Building Ltd", "address_line1": "2 Low Road", "town": "Edinburgh", "postcode": postcode},
        )
        assert_error(
            response, "#id_postcode",
            "The defendant's address must be in England or Wales. You cannot use this service to claim against "
            "someone in Scotland, Northern Ireland or outside the UK",
        )
        page = response.content.decode()
        assert f'value="{postcode}"' in page and 'value="Acme Building Ltd"' in page
        draft.refresh_from_db()
        assert draft.draft_data["defendant"]["postcode"] == "LS1 1AA"  # nothing saved

    @pytest.mark.parametrize("postcode", ["ZZ99 9ZZ", "SW99 1AA", "BX1 1LT"])
    def test_a_postcode_with_no_such_district_is_refused(self, signed_in, draft, postcode):
        response = signed_in.post(
            url("defendant_details", draft),
            {"name": "Acme Building Ltd", "address_line1": "2 Low Road", "town": "Leeds", "postcode": postcode},
        )
        assert_error(response, "#id_postcode", "Enter a real postcode, like SW1A 1AA")
        draft.refresh_from_db()
        assert draft.draft_data["defendant"]["postcode"] == "LS1 1AA"  # nothing saved

    def test_berwick_upon_tweed_is_in_england(self, signed_in, draft):
        response = signed_in.post(
            url("defendant_details", draft),
            {"name": "Acme Building Ltd", "address_line1": "1 Quay", "town": "Berwick", "postcode": "TD15 1AA"},
        )
        assert response.status_code == 302

    def test_missing_name_and_bad_email(self, signed_in, draft):
        response = signed_in.post(
            url("defendant_details", draft),
            {"name": "", "address_line1": "2 Low Road", "town": "Leeds", "postcode": "LS1 1AA", "email": "dan@"},
        )
        assert summary(response) == [
            ("#id_name", "Enter the company name"),
            ("#id_email", "Enter an email address in the correct format, like name@example.com"),
        ]
        assert 'value="dan@"' in response.content.decode()
