"""Benchmark of the defendant-response deadline sweeps over a large table of issued claims.

Run with ``make bench-responses`` (``BENCH_ARGS="--rows 200000"`` for a shorter run). It
needs PostgreSQL: ``DATABASE_URL`` must point at a PostgreSQL database whose name
contains "bench" (the script TRUNCATEs the claims, notifications and job-run tables);
the database is created if it does not exist and the project's migrations are applied.

What it does:

1. loads ``--rows`` ISSUED claims with server-side SQL (``generate_series``), each with
   what the services read: a complete OCON1 ``submitted_data`` (the defendant has an
   email and has not linked the claim, so reminders go to the form's address), claim
   number, security code, issue date, response deadline, figures, owner (1,000 owners);
2. makes each sweep's deadline overdue on its own ``--overdue-percent`` of the rows,
   spread over the id range by a multiplicative hash of the id (disjoint sets, see
   ``ROW KINDS`` below); on every other row the deadlines are in the future;
3. for each of the four sweeps (``responses.remind_defendants``, ``responses.no_response``,
   ``responses.stay_after_6_months``, ``responses.pay_immediately_window``) runs
   ``EXPLAIN (ANALYZE, BUFFERS)`` of the first-batch selection (the real queryset, in a
   rolled-back transaction) and reports its time and the index the plan uses;
4. times one full ``run_sweep`` of ``responses.remind_defendants`` and of
   ``responses.no_response`` (the two that email), counting their SQL statements, then a
   second run of each, which must change nothing;
5. checks that each first run changed exactly its overdue rows with one outbox email
   each, and that the second runs changed nothing (exit status 1 if not); reports the
   peak RSS of the process.

ROW KINDS (h = the id's hash, T = --overdue-percent of 2**32):

- h < T, "no response": the response deadline passed 1 minute to 50 days ago, no
  default notice yet, both reminders already sent (``response_reminder_at`` empty);
- T <= h < 2T, "stay due": issued 6 to 8 months ago, the claimant was told they may ask
  for judgment, ``no_response_stay_at`` passed 1 minute to 60 days ago;
- 2T <= h < 3T, "reminder due": the deadline is 1 hour to 5 days ahead and its reminder
  (1 day before for even ids, 5 days before for odd ids) is due now;
- the rest: the deadline is 5 days 1 hour to 19 days 1 hour ahead, the next reminder
  at least an hour ahead, the stay months ahead.

The deadlines do not all pass on the same rows: ``response_remind`` sends nothing once
the response deadline has passed (a late "you have 5 days" would mislead), so rows with
every deadline in the past would make the reminder sweep an email-free update. No claim
has ``pay_immediately_deadline`` (that is set only when an ISSUED claim gets a response),
so that sweep's selection measures an empty partial index.

Not measured: email delivery. The services write a ``Notification`` row (the outbox) in
their transaction and, on commit, ``court.notifications._enqueue`` puts a Celery task on
the broker. The benchmark replaces ``_enqueue`` with a no-op, so it measures the sweep,
the template rendering and the outbox write, and needs no broker. No project code changes.
"""
from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402  (needs the project root on sys.path)

#: Claim numbers: 999,000 per letter pair (000MC001 … 999MC999, then 000MD001 …).
PER_LETTERS = 999_000
MAX_ROWS = PER_LETTERS * 23  # MC … MZ
#: The sweeps measured, the partial index each one's selection should use, and which run in full.
SWEEPS = [
    ("responses.remind_defendants", "claim_response_reminder_idx", "reminder_due", "response_reminder"),
    ("responses.no_response", "claim_no_response_idx", "no_response", "default_judgment_available"),
    ("responses.stay_after_6_months", "claim_no_response_stay_idx", "stay_due", None),
    ("responses.pay_immediately_window", "claim_pay_immediately_idx", "pay_immediately_due", None),
]

#: One signed claim form (OCON1 answers as ``claims.ocon1.read`` accepts them): an individual
#: claiming £1,250 from a company, standard interest from submission. Each row gets its own
#: defendant email (``defendant-<id>@bench.invalid``).
FORM: dict[str, Any] = {
    "eligibility": {},
    "claimant": {
        "type": "individual", "title": "Mr", "full_name": "Alex Benchmark", "date_of_birth": "1975-02-03",
        "address_line1": "10 Station Road", "address_line2": "Flat 2", "town": "Swindon", "postcode": "SN1 1AA",
        "phone": "07700 900123", "email": "alex@bench.invalid",
    },
    "defendant": {
        "type": "company", "name": "Northern Roofing Ltd", "contact_name": "Accounts department",
        "address_line1": "Unit 4, Mill Lane", "address_line2": "", "town": "York", "postcode": "YO1 7HH",
        "phone": "", "email": "",
    },
    "amount": {"items": [
        {"description": "Deposit for roof repair not carried out", "amount": "1000.00"},
        {"description": "Cost of emergency tarpaulin", "amount": "250.00"},
    ]},
    "interest": {"choice": "standard", "from": "submission"},
    "particulars": {
        "what_happened": "I paid a deposit for a roof repair. The defendant never did the work and will not "
                         "refund the deposit. I had to pay for an emergency tarpaulin.",
        "timeline": [
            {"date": "January 2026", "event": "I paid the deposit."},
            {"date": "February 2026", "event": "The defendant stopped answering my calls."},
        ],
        "evidence": [
            {"type": "receipts", "description": "Bank statement showing the deposit"},
            {"type": "correspondence", "description": "Emails asking for the work or a refund"},
        ],
    },
}
PRINCIPAL = "1250.00"
INTEREST = "8.22"  # 8% a year for 30 days on £1,250
DAILY_INTEREST = "0.27"
FEE = "80.00"


def parse_args() -> Any:
    p = common.argument_parser(__doc__, rows_help="issued claims in the table (default 1,000,000)",
                        overdue_help="percent of the rows overdue for each sweep (default 1.0; at most 33)",
                        batch_help="rows per batch (default: each sweep's own)")
    return common.parse_arguments(p, [
        (lambda a: 1 <= a.rows <= MAX_ROWS, f"--rows must be between 1 and {MAX_ROWS:,}"),
        (lambda a: 0 <= a.overdue_percent <= 33, "--overdue-percent must be between 0 and 33 (three disjoint "
                                                 "overdue sets)"),
    ])


def main() -> int:
    args = parse_args()
    cfg = common.prepare_database("make bench-responses", "money_claims_bench_resp", "partial indexes")
    common.setup_django()  # _enqueue becomes a no-op: email delivery is out of scope (see above)

    from django.db import connection

    import responses.sweeps  # noqa: F401  (registers the sweeps)
    from accounts.models import User
    from claims import ocon1
    from claims.constants import ClaimState
    from claims.models import Claim, ClaimEvent
    from court import sweeps as court_sweeps
    from court.models import JobRun, Notification
    from ocmc import clock

    facts = common.describe_setup(cfg)

    n = args.rows
    threshold = common.hash_threshold(args.overdue_percent)
    table = Claim._meta.db_table
    qn = connection.ops.quote_name
    col = {f.name: Claim._meta.get_field(f.name).column for f in Claim._meta.concrete_fields}

    form = ocon1.read(FORM)  # the form must be complete, as every submitted one is
    claimant_name, defendant_name = form.claimant.display_name, form.defendant.display_name

    # Every column the INSERT sets; every other NOT NULL column must have a database default.
    values = {
        "id": "i",
        "public_id": "gen_random_uuid()",
        "state": "%(state)s",
        "owner": "(%(owners)s::bigint[])[1 + (i %% %(n_owners)s)]",
        "draft_data": "f.data",
        "submitted_data": "f.data",
        "created_at": "issued - interval '5 days' - r * interval '60 days'",
        "last_saved_at": "issued - interval '3 days'",
        "claimant_name": "%(claimant_name)s",
        "defendant_name": "%(defendant_name)s",
        "submitted_at": "issued - interval '3 days'",
        "submitted_on": "((issued - interval '3 days') AT TIME ZONE 'Europe/London')::date",
        "sot_signed_name": "%(signer)s",
        "sot_signed_on": "((issued - interval '3 days') AT TIME ZONE 'Europe/London')::date",
        "principal": "%(principal)s::numeric",
        "interest": "%(interest)s::numeric",
        "interest_to": "(issued AT TIME ZONE 'Europe/London')::date",
        "daily_interest": "%(daily_interest)s::numeric",
        "fee": "%(fee)s::numeric",
        "fee_schedule_from": "DATE '2025-01-01'",
        "hwf_reference": "''",
        "hwf_decision": "''",
        "fee_remitted": "0",
        "claim_number": "lpad((((i - 1) %% %(per_letters)s) / 999)::text, 3, '0') "
                        "|| 'M' || chr(67 + ((i - 1) / %(per_letters)s)::int) "
                        "|| lpad((((i - 1) %% 999) + 1)::text, 3, '0')",
        "issued_at": "issued",
        "issue_date": "(issued AT TIME ZONE 'Europe/London')::date",
        "security_code": "translate(upper(substr(md5(i::text), 1, 8)), '01', 'KM')",
        "response_deadline": "deadline",
        "response_deadline_day": "(deadline AT TIME ZONE 'Europe/London')::date",
        "response_reminder_at": "reminder",
        "default_available_at": "default_available",
        "no_response_stay_at": "stay",
        "stay_reason": "''",
        "stay_lifts_on_answer": "false",
        "stay_allows_return": "false",
        "closed_reason": "''",
        "state_before_stay": "''",
        "sent_out_court": "''",
        "sent_out_directions": "''",
        "sent_out_to": "''",
        "sent_out_reason": "''",
    }
    missing = check_not_null_columns(connection, table, {col[k] for k in values})
    if missing:
        print(f"FAIL: NOT NULL columns of {table} without a default that the load does not set: {missing}")
        return 1

    # The row kinds (see the module docstring): A no response, B stay due, C reminder due, D the rest.
    a, b, c_ = f"{common.HASH} < %(t1)s", f"{common.HASH} < %(t2)s", f"{common.HASH} < %(t3)s"
    insert = f"""
        INSERT INTO {qn(table)} ({", ".join(qn(col[k]) for k in values)})
        SELECT {", ".join(values.values())}
        FROM (
            SELECT i, r, deadline, deadline - interval '19 days' AS issued,
                   CASE WHEN {b} THEN NULL
                        WHEN {c_} AND i %% 2 = 0 THEN deadline - interval '1 day'
                        ELSE deadline - interval '5 days' END AS reminder,
                   CASE WHEN {b} AND NOT {a} THEN deadline + interval '1 minute' END AS default_available,
                   deadline - interval '19 days' + interval '6 months' AS stay
            FROM (
                SELECT i, r, CASE
                    WHEN {a} THEN now() - interval '1 minute' - r * interval '50 days'
                    WHEN {b} THEN now() - interval '1 minute' - r * interval '60 days'
                                  - interval '6 months' + interval '19 days'
                    WHEN {c_} AND i %% 2 = 0 THEN now() + interval '1 hour' + r * interval '22 hours'
                    WHEN {c_} THEN now() + interval '26 hours' + r * interval '93 hours'
                    ELSE now() + interval '5 days 1 hour' + r * interval '14 days' END AS deadline
                FROM (SELECT i, random() AS r FROM generate_series(1, %(n)s) AS i) AS s
            ) AS d
        ) AS g,
        LATERAL (SELECT jsonb_set(%(form)s::jsonb, '{{defendant,email}}',
                                  to_jsonb('defendant-' || i || '@bench.invalid')) AS data) AS f
    """
    params = {
        "state": ClaimState.ISSUED.value, "n": n, "t1": threshold, "t2": 2 * threshold, "t3": 3 * threshold,
        "form": json.dumps(FORM), "claimant_name": claimant_name, "defendant_name": defendant_name,
        "signer": FORM["claimant"]["full_name"], "principal": PRINCIPAL, "interest": INTEREST,
        "daily_interest": DAILY_INTEREST, "fee": FEE, "per_letters": PER_LETTERS,
    }

    # --- load -------------------------------------------------------------------------
    load: dict[str, float] = {}
    t_load = t = time.perf_counter()
    with connection.cursor() as c:
        c.execute(f"TRUNCATE {qn(table)}, {qn(ClaimEvent._meta.db_table)}, {qn(Notification._meta.db_table)}, "
                  f"{qn(JobRun._meta.db_table)} RESTART IDENTITY CASCADE")
    load["truncate"] = time.perf_counter() - t
    t = time.perf_counter()
    params["owners"] = common.ensure_owners(User)
    params["n_owners"] = len(params["owners"])
    load["owners"] = time.perf_counter() - t
    t = time.perf_counter()
    with connection.cursor() as c:
        c.execute("SELECT setseed(0.42)")
        c.execute(insert, params)
        inserted = c.rowcount
        c.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [table, n])
    load["insert"] = time.perf_counter() - t
    assert inserted == n, (inserted, n)
    t = time.perf_counter()
    common.vacuum_analyze(table, User._meta.db_table)
    load["vacuum_analyze"] = time.perf_counter() - t
    load["total"] = time.perf_counter() - t_load

    expected = {}
    bounds = {"no_response": (0, threshold), "stay_due": (threshold, 2 * threshold),
              "reminder_due": (2 * threshold, 3 * threshold)}
    for kind, (lo, hi) in bounds.items():
        expected[kind] = common.count_hashed(n, lo, hi)
    expected["pay_immediately_due"] = 0
    total_rows = Claim.objects.count()
    table_size = common.scalar("SELECT pg_size_pretty(pg_total_relation_size(%s))", [table])
    print(f"load: {total_rows:,} issued claims in {load['total']:.1f} s  ["
          + ", ".join(f"{k} {v:.1f} s" for k, v in load.items() if k != "total") + f"]; table+indexes {table_size}")
    print("overdue rows: " + ", ".join(f"{k} {v:,}" for k, v in expected.items()))

    sweeps = {name: court_sweeps.get(name) for name, *_ in SWEEPS}
    now = clock.now()
    counts_ok = total_rows == n
    for name, _index, kind, _email in SWEEPS:
        got = sweeps[name].overdue(now).count()
        if got != expected[kind]:
            print(f"FAIL: {name} finds {got} overdue rows, expected {expected[kind]}")
            counts_ok = False
    if not counts_ok:
        return 1

    # --- (a) each sweep's first-batch selection ---------------------------------------
    selection: dict[str, dict[str, Any]] = {}
    print()
    for name, index, kind, _email in SWEEPS:
        sweep = sweeps[name]
        batch = args.batch_size or sweep.batch_size
        first_batch_qs = common.first_batch(sweep, batch)
        q_sql, q_params, plan, explain_ms = common.explain_analyze(first_batch_qs)
        used = sorted(set(re.findall(r"Index (?:Only )?Scan (?:Backward )?(?:using|on) (\w+)", plan)))
        got, python_ms = common.time_selection(first_batch_qs)
        index_rows = common.scalar("SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [index])
        index_size = common.scalar("SELECT pg_size_pretty(pg_relation_size(%s))", [index])
        selection[name] = {
            "expected_index": index, "indexes_used": used, "uses_expected_index": index in used,
            "index_entries_estimate": index_rows, "index_size": index_size,
            "overdue": expected[kind], "batch_size": batch, "rows_returned": len(got),
            "explain_execution_ms": explain_ms, "python_median_ms": statistics.median(python_ms),
            "python_min_ms": min(python_ms), "sql": connection.ops.compose_sql(q_sql, q_params), "plan": plan,
        }
        print(f"(a) {name}: first batch of {batch} ({len(got)} rows): index {', '.join(used) or 'NONE'} "
              f"({'the partial index' if index in used else 'NOT ' + index}; {index_rows:,} entries, {index_size}); "
              f"EXPLAIN ANALYZE {explain_ms:.3f} ms; from Python median {statistics.median(python_ms):.2f} ms")
        common.print_plan(plan)

    # --- (b) full runs of the two sweeps that email -----------------------------------
    runs: dict[str, dict[str, Any]] = {}
    checks: dict[str, bool] = {}
    for name, _index, kind, email_kind in SWEEPS:
        if email_kind is None:
            continue
        rss_before = common.rss_mib()
        run, seconds, counter = common.counted_run(name, args.batch_size)
        rss_after = common.rss_mib()
        run2, seconds2, counter2 = common.counted_run(name, args.batch_size)
        due = expected[kind]
        emails = Notification.objects.filter(kind=email_kind).count()
        left = sweeps[name].overdue(clock.now()).count()
        per_row = counter.per_row(run.examined)
        runs[name] = {
            "overdue": due, "seconds": seconds, "examined": run.examined, "changed": run.changed,
            "failed": run.failed, "errors": run.errors[:2000], "rows_per_s": run.changed / seconds if seconds else None,
            **counter.figures(run.examined),
            "notifications": emails, "notification_kind": email_kind, "overdue_left": left,
            "rss_mib_before": rss_before, "rss_mib_after": rss_after,
            "second_run": {"seconds": seconds2, "examined": run2.examined, "changed": run2.changed,
                           "failed": run2.failed, "sql_statements": counter2.total},
        }
        checks[f"{name}: first run changed every overdue row ({due:,})"] = run.changed == due == run.examined
        checks[f"{name}: first run had no failures"] = run.failed == 0
        checks[f"{name}: one {email_kind} email per overdue row"] = emails == due
        checks[f"{name}: no overdue row left"] = left == 0
        checks[f"{name}: second run changed nothing"] = (run2.examined, run2.changed, run2.failed) == (0, 0, 0)
        print(f"\n(b) {name}: examined {run.examined:,}, changed {run.changed:,}, failed {run.failed} "
              f"in {seconds:.2f} s ({run.changed / seconds if seconds else 0:,.0f} rows/s); "
              f"{counter.total:,} SQL statements ({per_row:.1f} per row); {emails:,} {email_kind} emails")
        counter.print_kinds(40)
        print(f"    second run: examined {run2.examined}, changed {run2.changed} in {seconds2 * 1000:.1f} ms "
              f"({counter2.total} SQL statements)")
        if run.errors:
            print("    errors: " + run.errors.splitlines()[0])
    no_response_events = ClaimEvent.objects.filter(kind="no_response").count()
    checks["one no_response timeline entry per overdue row"] = no_response_events == expected["no_response"]
    untouched = Claim.objects.filter(state=ClaimState.ISSUED).count()
    checks["every claim still issued"] = untouched == total_rows
    peak = common.rss_mib()

    # --- summary ----------------------------------------------------------------------
    w = 46
    lines = [
        *common.machine_lines(facts),
        ("issued claims in table", f"{total_rows:,} ({table_size} with indexes)"),
        ("overdue rows per sweep", f"{args.overdue_percent:g}% each: " + ", ".join(
            f"{k} {v:,}" for k, v in expected.items())),
        ("load time", f"{load['total']:.1f} s"),
    ]
    for name, s in selection.items():
        lines.append((f"select {name.removeprefix('responses.')}",
                      f"{s['explain_execution_ms']:.3f} ms EXPLAIN, {s['python_median_ms']:.2f} ms Python; "
                      f"{', '.join(s['indexes_used']) or 'no index'}"))
    for name, r in runs.items():
        lines.append((f"run {name.removeprefix('responses.')}",
                      f"{r['seconds']:.2f} s, {r['changed']:,} rows, {r['sql_statements']:,} statements "
                      f"({r['sql_statements_per_row']:.1f}/row); 2nd run {r['second_run']['seconds'] * 1000:.1f} ms"))
    lines.append(("peak RSS", f"{peak:.1f} MiB"))
    common.print_summary("Defendant-response sweeps benchmark", lines, checks, w, w + 60)

    common.write_json(args.json, {
        "rows": total_rows, "overdue_percent": args.overdue_percent, "overdue": expected,
        "table_size": table_size, "load_seconds": load, "selection": selection, "runs": runs,
        "peak_rss_mib": peak, "checks": checks, "machine": facts,
    })
    return 0 if all(checks.values()) else 1


def check_not_null_columns(connection: Any, table: str, set_by_load: set[str]) -> list[str]:
    """NOT NULL columns with no database default that the load leaves out (so the INSERT would fail)."""
    with connection.cursor() as c:
        c.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = %s AND is_nullable = 'NO' AND column_default IS NULL ORDER BY ordinal_position",
            [table],
        )
        return [name for (name,) in c.fetchall() if name not in set_by_load]


if __name__ == "__main__":
    sys.exit(main())
