"""The migration that moves typed preferred courts in drafts onto the court's list of hearing centres."""
from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from defended.models import DecisionDraft
from responses.models import ResponseDraft

migration = importlib.import_module("defended.migrations.0002_preferred_court_from_the_list")


@pytest.mark.django_db
def test_typed_courts_in_drafts_become_centres_or_are_asked_again(linked, hearing_centres):
    claim, _ = linked
    now = timezone.now()
    response = ResponseDraft.objects.create(claim=claim, updated_at=now, data={
        "hearing_court": {"court": "  leeds   county COURT "}, "defence": {"text": "No."}})
    decision = DecisionDraft.objects.create(claim=claim, updated_at=now, data={
        "hearing_court": {"court": "Test answer from QA"}, "availability": {"unavailable": "no"}})

    migration.choose_from_the_list(apps, None)

    response.refresh_from_db()
    decision.refresh_from_db()
    assert response.data == {"hearing_court": {"court": "Leeds County Court"}, "defence": {"text": "No."}}
    assert decision.data == {"availability": {"unavailable": "no"}}  # the page is asked again
