"""Money Claims settings.

Everything that differs between a laptop, CI and production comes from environment
variables, and every variable has a safe offline default:

- ``DATABASE_URL``: default a SQLite file in ``var/`` (embedded mode).
- ``REDIS_URL``: default none, so Celery uses its filesystem transport in ``var/celery``
  (embedded mode: no server needed, scheduled jobs still run).
- ``SECRET_KEY``: default a development key, refused when ``DJANGO_DEBUG`` is off and
  ``DJANGO_ENV=production``.
- ``EMAIL_URL``-style settings: ``EMAIL_BACKEND`` default writes emails to files in
  ``var/mail``; ``EMAIL_HOST``/``EMAIL_PORT``/``EMAIL_HOST_USER``/``EMAIL_HOST_PASSWORD``/
  ``EMAIL_USE_TLS`` for SMTP.
"""
from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("OCMC_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)
(VAR_DIR / "staticfiles").mkdir(exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DJANGO_ENV = os.environ.get("DJANGO_ENV", "development")
DEBUG = env_bool("DJANGO_DEBUG", False)
_DEV_SECRET = "dev-only-insecure-key-change-me-money-claims"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET)
if DJANGO_ENV == "production" and SECRET_KEY == _DEV_SECRET:
    raise ImproperlyConfigured("Set SECRET_KEY in production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_forms_gds",
    "django_fsm",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "accounts",
    "court",
    "eligibility",
    "claims",
    "payments",
    "documents",
    "responses",
    "judgments",
    "defended",
    "firms",
    "casework",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "firms.middleware.FirmAccessMiddleware",  # a firm's users: its status until approved; an authenticator app
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ocmc.errors.DatabaseUnavailableMiddleware",
    "claims.middleware.StaleStepMiddleware",
]

ROOT_URLCONF = "ocmc.urls"
WSGI_APPLICATION = "ocmc.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ocmc.context_processors.service",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'money-claims.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (web, worker) share the file: wait for locks instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "claims:dashboard"
LOGOUT_REDIRECT_URL = "home"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Strong password hashing: Argon2 for new and upgraded passwords; older hashes still verify.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# --- Accounts (django-allauth) -----------------------------------------------------------
# Our wording, names and lockout message (accounts/adapter.py) and GOV.UK forms (accounts/forms.py);
# the pages are templates/account/ and templates/allauth/ (GOV.UK element templates).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "signup": "accounts.forms.SignupForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
    "change_password": "accounts.forms.ChangePasswordForm",
    "set_password": "accounts.forms.SetPasswordForm",
}
ACCOUNT_USER_DISPLAY = "accounts.adapter.user_display"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]  # and "Full name" (accounts.forms.SignupForm)
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True  # sign-up and reset never reveal whether an address has an account
ACCOUNT_SESSION_REMEMBER = False  # no "Remember me" box: a sign-in lasts until the browser is closed
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_EMAIL_NOTIFICATIONS = True  # email the owner when their password is changed or reset
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Money Claims: "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = os.environ.get(
    "ACCOUNT_DEFAULT_HTTP_PROTOCOL", "https" if DJANGO_ENV == "production" else "http"
)
# Lockout: after 5 failed sign-ins for one email address, sign-in for it is refused for
# 15 minutes, even with the right password (and an address is throttled per IP too).
# Counted in the cache below.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/15m/ip,5/15m/key",
    "signup": "20/h/ip",
    "reset_password": "20/h/ip,5/h/key",
    "confirm_email": "5/15m/key",
}

# Multi-factor authentication (django-allauth MFA): an authenticator app (TOTP) with recovery codes.
# Required for every solicitor and firm administrator (firms.middleware); offered to nobody else yet.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Money Claims"
MFA_ADAPTER = "accounts.adapter.MFAAdapter"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
#: The claim is conducted in English; a defendant in person against a represented claimant may respond in Welsh
#: (PD 51R 2.1(3)(l)): the response pages switch language themselves (``responses.views``), not the whole site.
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"),
]
#: alphagov's accessible-autocomplete (npm): a type-ahead over long selects, used only where it is installed.
ACCESSIBLE_AUTOCOMPLETE = (BASE_DIR / "node_modules" / "accessible-autocomplete" / "dist").is_dir()
if ACCESSIBLE_AUTOCOMPLETE:
    STATICFILES_DIRS.append(("accessible-autocomplete", BASE_DIR / "node_modules" / "accessible-autocomplete" / "dist"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "media"
WHITENOISE_USE_FINDERS = True

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Email: files by default (one file per message in var/mail), SMTP when configured.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Money Claims <no-reply@money-claims.example>")

SERVICE_NAME = "Money Claims"
#: The domain of our emails' Message-IDs.
MESSAGE_ID_DOMAIN = os.environ.get("MESSAGE_ID_DOMAIN", "money-claims.example")
#: The public address of the service, for letters and emails (no trailing slash).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
#: Where the defendant's letter sends them to respond online.
RESPOND_URL = os.environ.get("RESPOND_URL", f"{SITE_URL}/respond/")
#: The card payment service (``payments.providers.PaymentProvider``). The fake one takes no
#: money; production sets a real provider's adapter here.
PAYMENT_PROVIDER = os.environ.get("PAYMENT_PROVIDER", "payments.fake.FakeCardService")
if DJANGO_ENV == "production" and PAYMENT_PROVIDER == "payments.fake.FakeCardService" and not env_bool(
    "ALLOW_FAKE_PAYMENTS", False
):
    raise ImproperlyConfigured("Set PAYMENT_PROVIDER in production (or ALLOW_FAKE_PAYMENTS=1 for a demo).")
#: The fee-account (PBA) service (``payments.providers.FeeAccountProvider``); the fake one takes no money.
FEE_ACCOUNT_PROVIDER = os.environ.get("FEE_ACCOUNT_PROVIDER", "payments.fake_fee_accounts.FakeFeeAccountService")
if DJANGO_ENV == "production" and FEE_ACCOUNT_PROVIDER.startswith("payments.fake") and not env_bool(
    "ALLOW_FAKE_PAYMENTS", False
):
    raise ImproperlyConfigured("Set FEE_ACCOUNT_PROVIDER in production (or ALLOW_FAKE_PAYMENTS=1 for a demo).")

# The cache counts failed sign-ins (lockout) and other rate limits. With Redis it is
# shared by every web process; embedded mode uses the database so runserver and any
# second process agree.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "ocmc",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# --- Celery -------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_EMBEDDED = not REDIS_URL
CELERY_DATA_DIR = VAR_DIR / "celery"
if CELERY_EMBEDDED:
    for sub in ("queue", "processed"):
        (CELERY_DATA_DIR / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_DATA_DIR / "queue"),
        "data_folder_out": str(CELERY_DATA_DIR / "queue"),
        "processed_folder": str(CELERY_DATA_DIR / "processed"),
        "store_processed": False,
    }
else:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"
CELERY_ENABLE_UTC = True
CELERY_BEAT_SCHEDULE_FILENAME = str(CELERY_DATA_DIR / "beat-schedule")
# How often the scheduler asks for every sweep (seconds). Sweeps are idempotent, so a short
# interval costs only an indexed query that finds nothing.
SWEEP_INTERVAL_SECONDS = int(os.environ.get("SWEEP_INTERVAL_SECONDS", "60"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

if not DEBUG and DJANGO_ENV == "production":
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
