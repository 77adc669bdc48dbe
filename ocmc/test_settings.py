"""Settings for the test suite: the real settings, with tasks run in-process and fast hashing."""
from .settings import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Rate limits and lockout counters must not leak between tests (or test runs).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Every test runs at a frozen instant (tests/conftest.py) that may be long before the browser's real
# date: cookies with an expiry date would then be expired on arrival, so the tests' cookies last
# until the browser closes.
CSRF_COOKIE_AGE = None
