from tests.responses.conftest import caseworker, issue_claim, linked  # noqa: F401  (the same claims)
