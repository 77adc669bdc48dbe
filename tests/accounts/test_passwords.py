"""Passwords are hashed with Argon2 in production (the tests use MD5 for speed)."""
from __future__ import annotations

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher, make_password
from django.test import override_settings
from django.urls import reverse
from django.utils.module_loading import import_string

import ocmc.settings

pytestmark = pytest.mark.django_db


def test_production_settings_hash_new_passwords_with_argon2():
    assert ocmc.settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    hasher = import_string(ocmc.settings.PASSWORD_HASHERS[0])()
    encoded = hasher.encode("a-long-and-unusual-pass", hasher.salt())
    assert encoded.startswith("argon2$argon2id$")
    assert hasher.verify("a-long-and-unusual-pass", encoded)


@override_settings(PASSWORD_HASHERS=ocmc.settings.PASSWORD_HASHERS)
def test_an_older_hash_is_upgraded_to_argon2_when_its_owner_signs_in(client, make_user):
    user = make_user(email="pat@example.com")
    user.password = make_password("correct-horse-battery", hasher=PBKDF2PasswordHasher())
    user.save(update_fields=["password"])
    response = client.post(reverse("account_login"), {"login": "pat@example.com", "password": "correct-horse-battery"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$")
