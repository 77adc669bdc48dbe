"""Benchmark of the firm dashboard (/firm/): a firm with 20,000 cases and 50 users.

Run with ``make bench-firm-dashboard`` (``BENCH_ARGS="--rows 2000"`` for a shorter run). It needs
PostgreSQL: ``DATABASE_URL`` must point at a database whose name contains "bench" (the script TRUNCATEs the
firms, claims and allocations); the database is created if missing and the migrations are applied.

What it does:

1. loads a firm with ``--rows`` cases and ``--users`` members with ``bulk_create`` (not the services: the
   figures are about reading): cases in every dashboard state (drafts with their answers, issued, answered,
   stayed, in mediation, with a legal adviser), party names, the firm's references, next deadlines spread
   over the past fortnight and the next three months (a tenth with none), latest activity; four in five
   cases assigned to one of the firm's solicitors, one in ten of those also shared. A second firm with
   ``--small-rows`` cases (200) is loaded the same way;
2. signs in the firm's supervisor (administrator, sees all the firm's cases) and renders every tab, with
   every sort, every filter, a search by name, by claim number and by reference, and the second and last
   pages, ``--repeats`` times each through Django's test client (the whole request: middleware, view,
   template), and counts each page's SQL statements;
3. reports the p95 render time of each page and its statements, and checks that every page costs the same
   statements in the small firm as in the large one (exit status 1 if not).
"""
from __future__ import annotations

import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common  # noqa: E402

STATES = ["issued", "issued", "issued", "awaiting_claimant_response", "stayed", "mediation", "awaiting_directions",
          "draft", "awaiting_fee", "settled"]


def load_firm(name: str, rows: int, users: int, number_prefix: str) -> tuple[Any, Any]:
    """A firm with ``rows`` cases and ``users`` members; returns (firm, its supervisor)."""
    from allauth.mfa.totp.internal.auth import TOTP

    from accounts.models import Firm, FirmMembership, FirmState, User
    from claims.models import CaseAssignment, Claim
    from firms.mfa import DEMO_TOTP_SECRET
    from ocmc import clock

    now = clock.now()
    firm = Firm.objects.create(name=name, sra_number=number_prefix + "001", state=FirmState.APPROVED,
                               service_email=f"{number_prefix}@bench.invalid", town="Leeds")
    people = User.objects.bulk_create([
        User(email=f"{number_prefix}-{i:03d}@bench.invalid", first_name=f"Member{i}", last_name=name.split()[0],
             password="!") for i in range(users)])
    FirmMembership.objects.bulk_create([
        FirmMembership(user=user, firm=firm, is_firm_admin=i == 0, is_solicitor=True, sees_all_cases=i == 0)
        for i, user in enumerate(people)])
    TOTP.activate(people[0], DEMO_TOTP_SECRET)  # every solicitor has an authenticator app (firms.middleware)
    owner = people[1]
    claims = []
    for i in range(rows):
        state = STATES[i % len(STATES)]
        deadline = None if i % 10 == 9 else now + timedelta(hours=(i * 7919) % (24 * 105) - 24 * 14)
        claim = Claim(
            owner=owner, state=state, created_at=now - timedelta(days=90), last_saved_at=now - timedelta(days=1),
            claimant_firm=firm, claimant_reference=f"{number_prefix}/{i:06d}", fee=80,
            last_activity_at=now - timedelta(minutes=(i * 104729) % (60 * 24 * 60)),
        )
        if state == "draft":
            claim.draft_data = {"claimant": {"type": "individual", "full_name": f"Draft Claimant {i}"},
                                "defendant": {"type": "company", "name": f"Draft Defendant {i} Ltd"}}
        else:
            claim.claimant_name = f"Claimant {i} Holdings Ltd"
            claim.defendant_name = f"Defendant {i} Smith"
            claim.submitted_at = now - timedelta(days=60)
            claim.submitted_on = (now - timedelta(days=60)).date()
        if state not in ("draft", "awaiting_fee"):
            claim.claim_number = f"{number_prefix}{i:05d}"[-8:]
            claim.issue_date = date(2026, 1, 1) + timedelta(days=i % 300)
            claim.issued_at = datetime.combine(claim.issue_date, datetime.min.time(), tzinfo=now.tzinfo)
        if state == "issued":
            claim.response_deadline = deadline
        elif state == "awaiting_claimant_response":
            claim.claimant_response_deadline = deadline
        claim.next_deadline_at = claim.party_deadline()[1] if claim.party_deadline() else None
        claims.append(claim)
    Claim.objects.bulk_create(claims, batch_size=2000)
    solicitors = people[1:]
    allocations = []
    for i, claim in enumerate(claims):
        if i % 5 == 4:
            continue
        allocations.append(CaseAssignment(claim=claim, firm=firm, user=solicitors[i % len(solicitors)],
                                          kind="assigned", assigned_at=now, assigned_by=people[0]))
        if i % 10 == 1:
            allocations.append(CaseAssignment(claim=claim, firm=firm, user=people[0], kind="shared",
                                              assigned_at=now, assigned_by=people[0]))
    CaseAssignment.objects.bulk_create(allocations, batch_size=5000)
    return firm, people[0]


def pages(supervisor: Any, sample_name: str, sample_number: str, sample_reference: str) -> dict[str, dict[str, Any]]:
    """The query string of every page measured."""
    found: dict[str, dict[str, Any]] = {}
    for tab in ("unassigned", "mine", "all"):
        for sort in ("deadline", "activity", "issued"):
            found[f"{tab}, by {sort}"] = {"tab": tab, "sort": sort}
        found[f"{tab}, page 2"] = {"tab": tab, "page": 2}
        found[f"{tab}, last page"] = {"tab": tab, "page": "last"}
    found["all, assignee"] = {"tab": "all", "assignee": supervisor.pk + 1}
    found["all, nobody assigned"] = {"tab": "all", "assignee": "none"}
    found["all, state stayed"] = {"tab": "all", "state": "stayed"}
    found["all, deadline within 7 days"] = {"tab": "all", "within": 7}
    found["all, all filters"] = {"tab": "all", "state": "issued", "within": 30, "assignee": supervisor.pk + 1,
                                 "sort": "activity"}
    found["all, search name"] = {"tab": "all", "q": sample_name}
    found["all, search claim number"] = {"tab": "all", "q": sample_number}
    found["all, search reference"] = {"tab": "all", "q": sample_reference}
    return found


def measure(supervisor: Any, queries: dict[str, dict[str, Any]], repeats: int) -> dict[str, tuple[float, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(supervisor)
    client.get("/firm/")  # warm-up: the first request loads templates and URL patterns; not measured
    results = {}
    for label, query in queries.items():
        timings, statements = [], set()
        for _ in range(repeats):
            with CaptureQueriesContext(connection) as captured:
                t = time.perf_counter()
                response = client.get("/firm/", query)
                timings.append((time.perf_counter() - t) * 1000)
            assert response.status_code == 200, (label, response.status_code)
            statements.add(len(captured.captured_queries))
        p95 = statistics.quantiles(timings, n=20)[18] if len(timings) >= 2 else timings[0]
        results[label] = (p95, max(statements))
    return results


def main() -> None:
    p = common.argument_parser(__doc__, rows_help="cases of the large firm (default 20,000)",
                               overdue_help="(not used)", batch_help="(not used)")
    p.set_defaults(rows=20_000)
    p.add_argument("--small-rows", type=int, default=200, help="cases of the small firm (default 200)")
    p.add_argument("--users", type=int, default=50, help="members of each firm (default 50)")
    p.add_argument("--repeats", type=int, default=20, help="renders of each page (default 20)")
    args = common.parse_arguments(p, [(lambda a: a.rows >= 100, "--rows must be at least 100"),
                                      (lambda a: a.users >= 3, "--users must be at least 3")])
    cfg = common.prepare_database("make bench-firm-dashboard", "money_claims_bench_dash", "the dashboard's reads")
    common.setup_django()
    from django.db import connection

    facts = common.describe_setup(cfg)
    with connection.cursor() as c:
        c.execute("TRUNCATE claims_caseassignment, claims_claim, accounts_firmmembership, accounts_firm, "
                  "accounts_user RESTART IDENTITY CASCADE")
    t = time.perf_counter()
    big, big_supervisor = load_firm("Large Firm LLP", args.rows, args.users, "LRG")
    small, small_supervisor = load_firm("Small Firm LLP", args.small_rows, args.users, "SML")
    print(f"load: {args.rows:,} + {args.small_rows:,} cases, {2 * args.users} users in "
          f"{time.perf_counter() - t:.1f} s")
    with connection.cursor() as c:
        c.execute("VACUUM ANALYZE")
    results = {}
    for firm_label, supervisor, rows, prefix in (("large", big_supervisor, args.rows, "LRG"),
                                                  ("small", small_supervisor, args.small_rows, "SML")):
        sample = rows // 2 - rows // 2 % 10  # an issued case
        queries = pages(supervisor, f"Defendant {sample} Smith", f"{prefix}{sample:05d}"[-8:],
                        f"{prefix}/{sample:06d}")
        for query in queries.values():
            if query.get("page") == "last":
                query["page"] = 10_000_000  # Paginator.get_page gives the last page
        results[firm_label] = measure(supervisor, queries, args.repeats)
    width = max(len(label) for label in results["large"]) + 2
    print(f"\n{'page':<{width}}{'p95 ms (' + str(args.rows) + ')':>18}{'queries':>9}"
          f"{'p95 ms (' + str(args.small_rows) + ')':>16}{'queries':>9}")
    for label, (p95, statements) in results["large"].items():
        small_p95, small_statements = results["small"][label]
        print(f"{label:<{width}}{p95:>18.1f}{statements:>9}{small_p95:>16.1f}{small_statements:>9}")
    same = all(results["large"][label][1] == results["small"][label][1] for label in results["large"])
    worst = max(p95 for p95, _ in results["large"].values())
    common.print_summary("firm dashboard", [
        *common.machine_lines(facts),
        ("cases", f"{args.rows:,} (and {args.small_rows:,}), {args.users} users a firm"),
        ("worst p95", f"{worst:.1f} ms"),
        ("queries a page", ", ".join(sorted({str(s) for _, s in results["large"].values()}))),
    ], {f"queries per page equal at {args.small_rows:,} and {args.rows:,} cases": same}, 18, 72)
    common.write_json(args.json, {"machine": facts, "results": results, "same_queries": same})
    del big, small
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
