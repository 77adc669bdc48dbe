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

import argparse
import json
import os
import platform
import re
import resource
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocmc.settings")
# DEBUG would make Django keep every query in memory: not what production runs.
os.environ["DJANGO_DEBUG"] = "0"

OWNERS = 1000
OWNER_PREFIX = "bench-owner-"
OWNER_EMAIL = OWNER_PREFIX + "{:05d}@bench.invalid"
SELECT_REPEATS = 5
#: Claim numbers: 999,000 per letter pair (000MC001 … 999MC999, then 000MD001 …).
PER_LETTERS = 999_000
MAX_ROWS = PER_LETTERS * 23  # MC … MZ
#: Knuth's multiplicative hash of the id: picks each sweep's overdue rows, spread over the id
#: range and the same on every load. ``%%``: always used with query parameters.
HASH = "((i::bigint * 2654435761) %% 4294967296)"

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


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rows", type=int, default=1_000_000, help="issued claims in the table (default 1,000,000)")
    p.add_argument("--overdue-percent", type=float, default=1.0,
                   help="percent of the rows overdue for each sweep (default 1.0; at most 33)")
    p.add_argument("--batch-size", type=int, default=None, help="rows per batch (default: each sweep's own)")
    p.add_argument("--json", metavar="PATH", help="also write the results as JSON to PATH")
    args = p.parse_args()
    if not 1 <= args.rows <= MAX_ROWS:
        p.error(f"--rows must be between 1 and {MAX_ROWS:,}")
    if not 0 <= args.overdue_percent <= 33:
        p.error("--overdue-percent must be between 0 and 33 (three disjoint overdue sets)")
    if args.batch_size is not None and args.batch_size < 1:
        p.error("--batch-size must be at least 1")
    return args


def prepare_database() -> dict[str, Any]:
    """Refuse anything but a PostgreSQL database named *bench*; create it if it is missing."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("DATABASE_URL is not set: point it at PostgreSQL (make bench-responses does).")
    cfg = dj_database_url.parse(url)
    if cfg.get("ENGINE") != "django.db.backends.postgresql":
        sys.exit(f"DATABASE_URL must point at PostgreSQL, not {cfg.get('ENGINE')}: the benchmark measures "
                 "SELECT ... FOR UPDATE SKIP LOCKED and partial indexes.")
    name = cfg["NAME"]
    if "bench" not in name:
        sys.exit(f"refusing to use database {name!r}: the benchmark truncates tables, so the database name "
                 "must contain 'bench' (make bench-responses uses money_claims_bench_resp).")
    params = {k: v for k, v in {"host": cfg.get("HOST"), "port": cfg.get("PORT"), "user": cfg.get("USER"),
                                "password": cfg.get("PASSWORD")}.items() if v}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created database {name}")
    return cfg


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class StatementCounter:
    """A ``connection.execute_wrapper`` counting and timing statements by kind."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.seconds: defaultdict[str, float] = defaultdict(float)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        kind = self.classify(sql)
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds[kind] += time.perf_counter() - started
            self.counts[kind] += 1

    @staticmethod
    def classify(sql: str) -> str:
        text = sql.lstrip()
        verb = text.split(None, 1)[0].upper() if text else ""
        if verb in {"SAVEPOINT", "RELEASE", "ROLLBACK"}:
            return f"{verb.lower()} (savepoint)"
        m = re.search(r'\b(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', text, re.I)
        table = m.group(1) if m else ""
        if verb == "SELECT" and "SKIP LOCKED" in text:
            return f"select batch {table}"
        if verb == "SELECT" and "FOR UPDATE" in text:
            return f"select for update {table}"
        return f"{verb.lower()} {table}".strip()


def main() -> int:
    args = parse_args()
    cfg = prepare_database()

    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection, transaction

    import court.notifications
    import responses.sweeps  # noqa: F401  (registers the sweeps)
    from accounts.models import User
    from claims import ocon1
    from claims.constants import ClaimState
    from claims.models import Claim, ClaimEvent
    from court import sweeps as court_sweeps
    from court.models import JobRun, Notification
    from ocmc import clock

    court.notifications._enqueue = lambda pk: None  # email delivery is out of scope (see above)

    t = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrate: {time.perf_counter() - t:.1f} s")

    facts = machine_facts(connection)
    print(f"machine: {facts['cpus']} CPUs, {facts['mem_gib']} GiB RAM; {facts['postgres']}")
    print(f"database: {cfg['NAME']} on {cfg.get('HOST') or 'local socket'}:{cfg.get('PORT') or 5432}")

    n = args.rows
    threshold = int(round(args.overdue_percent / 100 * 2**32))
    table = Claim._meta.db_table
    qn = connection.ops.quote_name
    col = {f.name: Claim._meta.get_field(f.name).column for f in Claim._meta.concrete_fields}

    def scalar(q: str, p: Any = None) -> Any:
        with connection.cursor() as c:
            c.execute(q, p or [])
            return c.fetchone()[0]

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
        "sent_out_to": "''",
        "sent_out_reason": "''",
    }
    missing = check_not_null_columns(connection, table, {col[k] for k in values})
    if missing:
        print(f"FAIL: NOT NULL columns of {table} without a default that the load does not set: {missing}")
        return 1

    # The row kinds (see the module docstring): A no response, B stay due, C reminder due, D the rest.
    a, b, c_ = f"{HASH} < %(t1)s", f"{HASH} < %(t2)s", f"{HASH} < %(t3)s"
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
    params["owners"] = ensure_owners(User)
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
    with connection.cursor() as c:
        c.execute(f"VACUUM (ANALYZE) {qn(table)}")
        c.execute(f"ANALYZE {qn(User._meta.db_table)}")
    load["vacuum_analyze"] = time.perf_counter() - t
    load["total"] = time.perf_counter() - t_load

    expected = {}
    bounds = {"no_response": (0, threshold), "stay_due": (threshold, 2 * threshold),
              "reminder_due": (2 * threshold, 3 * threshold)}
    for kind, (lo, hi) in bounds.items():
        expected[kind] = scalar(f"SELECT count(*) FROM generate_series(1, %s) AS i WHERE {HASH} >= %s AND {HASH} < %s",
                                [n, lo, hi])
    expected["pay_immediately_due"] = 0
    total_rows = Claim.objects.count()
    table_size = scalar("SELECT pg_size_pretty(pg_total_relation_size(%s))", [table])
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

        def first_batch(sweep: Any = sweep, batch: int = batch) -> Any:
            return sweep.overdue(clock.now()).select_for_update(skip_locked=True).values_list("pk", flat=True)[:batch]

        with transaction.atomic():
            q_sql, q_params = first_batch().query.get_compiler(connection=connection).as_sql()
            with connection.cursor() as c:
                c.execute("EXPLAIN (ANALYZE, BUFFERS) " + q_sql, q_params)
                plan = "\n".join(r[0] for r in c.fetchall())
            transaction.set_rollback(True)
        m = re.search(r"Execution Time: ([\d.]+) ms", plan)
        explain_ms = float(m.group(1)) if m else float("nan")
        used = sorted(set(re.findall(r"Index (?:Only )?Scan (?:Backward )?(?:using|on) (\w+)", plan)))
        python_ms = []
        for _ in range(SELECT_REPEATS):
            with transaction.atomic():
                t = time.perf_counter()
                got = list(first_batch())
                python_ms.append((time.perf_counter() - t) * 1000)
                transaction.set_rollback(True)
        index_rows = scalar("SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [index])
        index_size = scalar("SELECT pg_size_pretty(pg_relation_size(%s))", [index])
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
        print("\n".join("    | " + line for line in plan.splitlines()))

    # --- (b) full runs of the two sweeps that email -----------------------------------
    def counted_run(name: str) -> tuple[Any, float, StatementCounter]:
        counter = StatementCounter()
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            job_run = court_sweeps.run_sweep(name, batch_size=args.batch_size)
            return job_run, time.perf_counter() - started, counter

    runs: dict[str, dict[str, Any]] = {}
    checks: dict[str, bool] = {}
    for name, _index, kind, email_kind in SWEEPS:
        if email_kind is None:
            continue
        rss_before = rss_mib()
        run, seconds, counter = counted_run(name)
        rss_after = rss_mib()
        run2, seconds2, counter2 = counted_run(name)
        due = expected[kind]
        emails = Notification.objects.filter(kind=email_kind).count()
        left = sweeps[name].overdue(clock.now()).count()
        per_row = counter.total / run.examined if run.examined else 0.0
        runs[name] = {
            "overdue": due, "seconds": seconds, "examined": run.examined, "changed": run.changed,
            "failed": run.failed, "errors": run.errors[:2000], "rows_per_s": run.changed / seconds if seconds else None,
            "sql_statements": counter.total, "sql_statements_per_row": per_row,
            "sql_by_kind": dict(counter.counts), "sql_seconds_by_kind": {k: round(v, 3) for k, v in
                                                                         counter.seconds.items()},
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
        for k, count in counter.counts.most_common():
            print(f"    {k:<40} {count:>9,}  {counter.seconds[k]:8.2f} s in the database driver")
        print(f"    second run: examined {run2.examined}, changed {run2.changed} in {seconds2 * 1000:.1f} ms "
              f"({counter2.total} SQL statements)")
        if run.errors:
            print("    errors: " + run.errors.splitlines()[0])
    no_response_events = ClaimEvent.objects.filter(kind="no_response").count()
    checks["one no_response timeline entry per overdue row"] = no_response_events == expected["no_response"]
    untouched = Claim.objects.filter(state=ClaimState.ISSUED).count()
    checks["every claim still issued"] = untouched == total_rows
    peak = rss_mib()

    # --- summary ----------------------------------------------------------------------
    w = 46
    lines = [
        ("machine", f"{facts['cpus']} CPUs, {facts['mem_gib']} GiB, Python {facts['python']}"),
        ("PostgreSQL", facts["postgres_short"]),
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
    print("\n" + "=" * (w + 60))
    print("Defendant-response sweeps benchmark".center(w + 60))
    print("=" * (w + 60))
    for k, v in lines:
        print(f"{k:<{w}}{v}")
    print("-" * (w + 60))
    for k, ok in checks.items():
        print(f"{'ok  ' if ok else 'FAIL'} {k}")
    print("=" * (w + 60))

    if args.json:
        results = {
            "rows": total_rows, "overdue_percent": args.overdue_percent, "overdue": expected,
            "table_size": table_size, "load_seconds": load, "selection": selection, "runs": runs,
            "peak_rss_mib": peak, "checks": checks, "machine": facts,
        }
        Path(args.json).write_text(json.dumps(results, indent=2, default=str) + "\n")
        print(f"results written to {args.json}")
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


def ensure_owners(User: Any) -> list[int]:
    """OWNERS claimant accounts (unusable passwords), created once and reused."""
    have = set(User.objects.filter(email__startswith=OWNER_PREFIX).values_list("email", flat=True))
    new = []
    for k in range(OWNERS):
        email = OWNER_EMAIL.format(k)
        if email not in have:
            user = User(email=email, first_name="Bench", last_name=f"Owner {k}")
            user.set_unusable_password()
            new.append(user)
    User.objects.bulk_create(new, batch_size=1000)
    return list(User.objects.filter(email__startswith=OWNER_PREFIX).order_by("pk").values_list("pk", flat=True))


def machine_facts(connection: Any) -> dict[str, Any]:
    import django

    with connection.cursor() as c:
        c.execute("SELECT version(), current_setting('server_version'), current_setting('shared_buffers')")
        version, short, shared_buffers = c.fetchone()
    mem_kib = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    except OSError:
        pass
    return {
        "cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "mem_gib": round(mem_kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgres": version,
        "postgres_short": f"{short} (shared_buffers {shared_buffers})",
        "platform": platform.platform(),
    }


if __name__ == "__main__":
    sys.exit(main())
