"""Claim details: what happened, the timeline and the list of evidence (PD 51R 4.1(2))."""
from __future__ import annotations

import re

import pytest

from .conftest import assert_error, summary, url

pytestmark = pytest.mark.django_db


def particulars(claim):
    claim.refresh_from_db()
    return claim.draft_data["particulars"]


def rows(prefix, *pairs, keys, action="save"):
    data = {f"{prefix}-TOTAL_FORMS": str(len(pairs)), f"{prefix}-INITIAL_FORMS": "0", "action": action}
    for index, values in enumerate(pairs):
        for key, value in zip(keys, values, strict=True):
            data[f"{prefix}-{index}-{key}"] = value
    return data


def timeline(*pairs, action="save"):
    return rows("timeline", *pairs, keys=("date", "event"), action=action)


def evidence(*pairs, action="save"):
    return rows("evidence", *pairs, keys=("type", "description"), action=action)


class TestWhatHappened:
    def test_saved_then_the_timeline(self, signed_in, new_draft):
        page = signed_in.get(url("what_happened", new_draft)).content.decode()
        assert '<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" ' \
               'for="id_what_happened">' in page
        assert 'data-module="govuk-character-count" data-maxlength="5000"' in page
        assert 'aria-describedby="id_what_happened-info id_what_happened-hint"' in page
        response = signed_in.post(url("what_happened", new_draft), {"what_happened": "They did not pay.\r\nStill."})
        assert response["Location"] == url("timeline", new_draft)
        assert particulars(new_draft) == {"what_happened": "They did not pay.\nStill."}

    def test_required(self, signed_in, new_draft):
        assert_error(signed_in.post(url("what_happened", new_draft), {"what_happened": "  "}),
                     "#id_what_happened", "Enter what happened")

    def test_at_most_5000_characters(self, signed_in, draft):
        response = signed_in.post(url("what_happened", draft), {"what_happened": "x" * 5001})
        assert_error(response, "#id_what_happened", "What happened must be 5,000 characters or less")
        assert "x" * 5001 in response.content.decode()
        # A line break counts as one character, as the character count shows it.
        text = "x" * 2500 + "\r\n" + "x" * 2499
        assert signed_in.post(url("what_happened", draft), {"what_happened": text}).status_code == 302

    def test_keeps_the_timeline_and_evidence(self, signed_in, draft):
        signed_in.post(url("what_happened", draft), {"what_happened": "Changed"})
        saved = particulars(draft)
        assert saved["what_happened"] == "Changed" and saved["timeline"] and saved["evidence"]


class TestTimeline:
    def test_rows_saved_then_the_evidence(self, signed_in, draft):
        response = signed_in.post(
            url("timeline", draft),
            timeline(("1 March 2026", "I built the wall"), ("", ""), ("April 2026", "They did not pay")),
        )
        assert response["Location"] == url("evidence", draft)
        assert particulars(draft)["timeline"] == [
            {"date": "1 March 2026", "event": "I built the wall"}, {"date": "April 2026", "event": "They did not pay"},
        ]

    def test_optional(self, signed_in, draft):
        assert signed_in.post(url("timeline", draft), timeline(("", ""), ("", ""))).status_code == 302
        assert particulars(draft)["timeline"] == []
        assert particulars(draft)["what_happened"]  # the rest of the section is kept

    def test_a_row_needs_both(self, signed_in, draft):
        response = signed_in.post(url("timeline", draft), timeline(("March 2026", ""), ("", "They paid nothing")))
        assert summary(response) == [
            ("#id_timeline-0-event", "Enter what happened"),
            ("#id_timeline-1-date", "Enter when this happened"),
        ]
        assert 'value="March 2026"' in response.content.decode()

    def test_add_another_row(self, signed_in, draft):
        response = signed_in.post(url("timeline", draft), timeline(("March 2026", "Built it"), action="add"))
        page = response.content.decode()
        assert 'value="March 2026"' in page and "Built it</textarea>" in page
        assert len(re.findall(r'name="timeline-\d+-date"', page)) == 2


class TestEvidence:
    def test_rows_saved_then_the_task_list(self, signed_in, draft):
        page = signed_in.get(url("evidence", draft)).content.decode()
        assert '<option value="photos">Photographic evidence</option>' in page
        response = signed_in.post(url("evidence", draft), evidence(("receipts", "Builders' merchant"), ("", ""),
                                                                   ("photos", "")))
        assert response["Location"] == url("task_list", draft)
        assert particulars(draft)["evidence"] == [
            {"type": "receipts", "description": "Builders' merchant"}, {"type": "photos", "description": ""},
        ]

    def test_a_description_needs_a_type(self, signed_in, draft):
        response = signed_in.post(url("evidence", draft), evidence(("", "A photo of the wall"), ("spells", "")))
        assert summary(response) == [
            ("#id_evidence-0-type", "Choose a type of evidence"),
            ("#id_evidence-1-type", "Choose a type of evidence from the list"),
        ]
        assert "A photo of the wall</textarea>" in response.content.decode()

    def test_add_another_row(self, signed_in, draft):
        response = signed_in.post(url("evidence", draft), evidence(("contract", "The quote"), action="add"))
        page = response.content.decode()
        assert '<option value="contract" selected>' in page and len(re.findall(r'name="evidence-\d+-type"', page)) == 2
