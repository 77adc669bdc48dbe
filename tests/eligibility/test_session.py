"""eligibility.session: the answers under one session key, and the guard for later pages."""
from __future__ import annotations

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.test import RequestFactory

from eligibility import session
from eligibility.decorators import eligibility_required
from tests.rules.test_eligibility import PASSING

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_():
    request = RequestFactory().get("/")
    request.session = SessionStore()
    return request


def test_answers_start_empty_and_are_kept_under_one_key(request_):
    assert session.answers(request_) == {} and not session.passed(request_)
    session.record(request_, "claim-amount", "up-to-10000")
    assert request_.session[session.SESSION_KEY] == {"claim-amount": "up-to-10000"}
    assert session.answers(request_) == {"claim-amount": "up-to-10000"}
    assert not session.passed(request_)


def test_passed_once_every_answer_passes_and_clear_forgets(request_):
    for slug, value in PASSING.items():
        session.record(request_, slug, value)
    assert session.passed(request_)
    session.record(request_, "crown", "yes")
    assert not session.passed(request_)
    session.record(request_, "crown", "no")
    assert session.passed(request_)
    session.clear(request_)
    assert session.answers(request_) == {} and not session.passed(request_)
    session.clear(request_)  # clearing twice is fine


def test_record_refuses_unknown_questions_and_values(request_):
    with pytest.raises(KeyError):
        session.record(request_, "no-such-question", "yes")
    with pytest.raises(ValueError):
        session.record(request_, "crown", "maybe")


def test_tampered_or_stale_session_data_is_ignored(request_):
    request_.session[session.SESSION_KEY] = ["not", "a", "dict"]
    assert session.answers(request_) == {}
    request_.session[session.SESSION_KEY] = {**PASSING, "old-question": "yes", "crown": "maybe"}
    assert "old-question" not in session.answers(request_) and not session.passed(request_)


def test_eligibility_required_sends_people_to_the_checker(request_):
    @eligibility_required
    def view(request):
        return HttpResponse("ok")

    response = view(request_)
    assert response.status_code == 302 and response["Location"] == "/eligibility/"
    for slug, value in PASSING.items():
        session.record(request_, slug, value)
    assert view(request_).content == b"ok"
