"""Benchmark of the deadline engine: the DRAFT-28 sweep over a large claims table.

Run with ``make bench`` (``BENCH_ARGS="--rows 20000"`` for a quick check). It needs
PostgreSQL: ``DATABASE_URL`` must point at a PostgreSQL database whose name contains
"bench" (the script TRUNCATEs the claims, notifications and job-run tables); the
database is created if it does not exist.

What it does:

1. loads ``--rows`` draft claims with server-side SQL (``generate_series``), of which
   ``--overdue-percent`` have ``draft_expires_at`` in the past, spread pseudo-randomly
   over the id range; the rest expire between 2 and 30 days from now;
2. times the sweep's first batch selection (the real queryset, ``EXPLAIN (ANALYZE,
   BUFFERS)`` inside a rolled-back transaction) and reports whether the partial index
   ``claim_draft_expiry_idx`` is used;
3. times one full ``run_sweep(DELETE_EXPIRED_DRAFTS)``, counting the SQL statements it
   issues, then a second (empty) run, which must change nothing;
4. checks that exactly the overdue drafts were deleted (exit status 1 if not), and
   reports the peak RSS of the process.

Not measured: email delivery. ``claim_draft_delete`` writes a ``Notification`` row (the
outbox) in the same transaction and, on commit, ``court.notifications._enqueue`` puts
a Celery task on the broker. The benchmark replaces ``_enqueue`` with a no-op, so it
measures the sweep and the outbox write, and needs no broker. No project code changes.
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
OWNER_EMAIL = "bench-owner-{:05d}@bench.invalid"
OWNER_PREFIX = "bench-owner-"
INDEX_NAME = "claim_draft_expiry_idx"
SELECT_REPEATS = 5
# Knuth's multiplicative hash of the id picks the overdue rows: spread over the whole id
# range, reproducible, and the same rows on every load (so --reuse can restore them).
HASH = "((i::bigint * 2654435761) %% 4294967296)"  # %% : always used with query parameters


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rows", type=int, default=1_000_000, help="draft claims in the table (default 1,000,000)")
    p.add_argument("--overdue-percent", type=float, default=1.0, help="percent of them overdue (default 1.0)")
    p.add_argument("--batch-size", type=int, default=None, help="rows per batch (default: the sweep's own)")
    p.add_argument("--reuse", action="store_true",
                   help="keep the rows already loaded if they match --rows/--overdue-percent (restoring the "
                        "overdue rows a previous run deleted) instead of reloading")
    p.add_argument("--json", metavar="PATH", help="also write the results as JSON to PATH")
    args = p.parse_args()
    if args.rows < 1:
        p.error("--rows must be at least 1")
    if not 0 <= args.overdue_percent <= 100:
        p.error("--overdue-percent must be between 0 and 100")
    if args.batch_size is not None and args.batch_size < 1:
        p.error("--batch-size must be at least 1")
    return args


def prepare_database() -> dict[str, Any]:
    """Refuse anything but a PostgreSQL bench database; create it if it is missing."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("DATABASE_URL is not set: point it at PostgreSQL (make bench does).")
    cfg = dj_database_url.parse(url)
    if cfg.get("ENGINE") != "django.db.backends.postgresql":
        sys.exit(f"DATABASE_URL must point at PostgreSQL, not {cfg.get('ENGINE')}: the benchmark measures "
                 "SELECT ... FOR UPDATE SKIP LOCKED and a partial index.")
    name = cfg["NAME"]
    if "bench" not in name:
        sys.exit(f"refusing to use database {name!r}: the benchmark truncates tables, so the database name "
                 "must contain 'bench' (make bench uses money_claims_bench).")
    params = {k: v for k, v in {"host": cfg.get("HOST"), "port": cfg.get("PORT"), "user": cfg.get("USER"),
                                "password": cfg.get("PASSWORD")}.items() if v}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created database {name}")
    return cfg


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # ru_maxrss is KiB on Linux


def main() -> int:
    args = parse_args()
    cfg = prepare_database()

    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection, transaction

    import court.notifications
    from accounts.models import User
    from claims.constants import ClaimState
    from claims.models import Claim, ClaimEvent
    from claims.sweeps import DELETE_EXPIRED_DRAFTS, expired_drafts
    from court.models import JobRun, Notification
    from court.sweeps import run_sweep
    from ocmc import clock

    # Email delivery is out of scope (see the module docstring): no broker, no task.
    court.notifications._enqueue = lambda pk: None

    t = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrate: {time.perf_counter() - t:.1f} s")

    sweep = DELETE_EXPIRED_DRAFTS
    batch = args.batch_size or sweep.batch_size
    n = args.rows
    threshold = int(round(args.overdue_percent / 100 * 2**32))
    claims_t = Claim._meta.db_table
    qn = connection.ops.quote_name
    col = {f.name: qn(Claim._meta.get_field(f.name).column)
           for f in Claim._meta.concrete_fields}

    facts = machine_facts(connection)
    print(f"machine: {facts['cpus']} CPUs, {facts['mem_gib']} GiB RAM; {facts['postgres']}")
    print(f"database: {cfg['NAME']} on {cfg.get('HOST') or 'local socket'}:{cfg.get('PORT') or 5432}")

    def scalar(q: str, p: list[Any] | None = None) -> Any:
        with connection.cursor() as c:
            c.execute(q, p or [])
            return c.fetchone()[0]

    expected_overdue = scalar(f"SELECT count(*) FROM generate_series(1, %s) AS i WHERE {HASH} < %s", [n, threshold])

    # --- load -------------------------------------------------------------------------
    load: dict[str, float] = {}
    t_load = time.perf_counter()

    # The outbox and run log start empty on every run.
    t = time.perf_counter()
    with connection.cursor() as c:
        c.execute(f"TRUNCATE {qn(Notification._meta.db_table)}, {qn(JobRun._meta.db_table)} RESTART IDENTITY CASCADE")

    owners = ensure_owners(User)
    load["owners"] = time.perf_counter() - t

    def insert_claims(only_missing: bool) -> int:
        # Overdue: expired between 1 minute and 60 days ago. The rest: expire in 2 to 30
        # days (so a --reuse within two days still finds the same overdue set).
        missing = f"AND NOT EXISTS (SELECT 1 FROM {qn(claims_t)} AS c WHERE c.{col['id']} = i)" if only_missing else ""
        q = f"""
            INSERT INTO {qn(claims_t)} ({col['id']}, {col['public_id']}, {col['state']}, {col['owner']},
                                       {col['draft_data']}, {col['created_at']}, {col['last_saved_at']},
                                       {col['draft_expires_at']})
            SELECT i, gen_random_uuid(), %(state)s, (%(owners)s::bigint[])[1 + (i %% %(n_owners)s)],
                   '{{}}'::jsonb, e - interval '28 days' - random() * interval '90 days',
                   e - interval '28 days', e
            FROM (
                SELECT i, CASE WHEN {HASH} < %(threshold)s
                               THEN now() - interval '1 minute' - random() * interval '60 days'
                               ELSE now() + interval '2 days' + random() * interval '28 days' END AS e
                FROM generate_series(1, %(n)s) AS i
            ) AS g
            WHERE true {missing}
        """
        with connection.cursor() as c:
            c.execute("SELECT setseed(0.42)")
            c.execute(q, {"state": ClaimState.DRAFT.value, "owners": owners, "n_owners": len(owners),
                          "threshold": threshold, "n": n})
            inserted = c.rowcount
            c.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [claims_t, n])
        return inserted

    reused = False
    if args.reuse:
        t = time.perf_counter()
        reused = try_reuse(scalar, insert_claims, qn(claims_t), col, n, expected_overdue)
        load["reuse_check_and_restore"] = time.perf_counter() - t
        if not reused:
            print("--reuse: the rows loaded do not match; reloading")
    if not reused:
        t = time.perf_counter()
        with connection.cursor() as c:
            c.execute(f"TRUNCATE {qn(claims_t)}, {qn(ClaimEvent._meta.db_table)} RESTART IDENTITY CASCADE")
        load["truncate"] = time.perf_counter() - t
        t = time.perf_counter()
        inserted = insert_claims(only_missing=False)
        load["insert"] = time.perf_counter() - t
        assert inserted == n, (inserted, n)
    t = time.perf_counter()
    with connection.cursor() as c:
        # VACUUM as well as ANALYZE: clears what a previous run deleted and sets the
        # visibility map, so repeated runs start from the same state.
        c.execute(f"VACUUM (ANALYZE) {qn(claims_t)}")
        c.execute(f"ANALYZE {qn(User._meta.db_table)}")
    load["vacuum_analyze"] = time.perf_counter() - t
    load["total"] = time.perf_counter() - t_load
    total_rows = Claim.objects.count()
    table_size = scalar("SELECT pg_size_pretty(pg_total_relation_size(%s))", [claims_t])
    index_size = scalar("SELECT pg_size_pretty(pg_relation_size(%s))", [INDEX_NAME])
    print(f"load ({'reused' if reused else 'fresh'}): {total_rows:,} claims, {expected_overdue:,} overdue, "
          f"{load['total']:.1f} s  [" + ", ".join(f"{k} {v:.1f} s" for k, v in load.items() if k != "total") + "]")
    print(f"  table+indexes {table_size}, {INDEX_NAME} {index_size}")

    now = clock.now()
    overdue_before = expired_drafts(now).count()
    if overdue_before != expected_overdue or total_rows != n:
        print(f"FAIL: loaded {total_rows} rows / {overdue_before} overdue, expected {n} / {expected_overdue}")
        return 1

    # --- (a) the selection query alone ------------------------------------------------
    def first_batch_qs():
        return expired_drafts(clock.now()).select_for_update(skip_locked=True).values_list("pk", flat=True)[:batch]

    with transaction.atomic():
        q_sql, q_params = first_batch_qs().query.get_compiler(connection=connection).as_sql()
        with connection.cursor() as c:
            c.execute("EXPLAIN (ANALYZE, BUFFERS) " + q_sql, q_params)
            plan = "\n".join(r[0] for r in c.fetchall())
        transaction.set_rollback(True)
    m = re.search(r"Execution Time: ([\d.]+) ms", plan)
    explain_ms = float(m.group(1)) if m else float("nan")
    uses_index = INDEX_NAME in plan
    select_ms = []
    for _ in range(SELECT_REPEATS):
        with transaction.atomic():
            t = time.perf_counter()
            got = list(first_batch_qs())
            select_ms.append((time.perf_counter() - t) * 1000)
            transaction.set_rollback(True)
    assert len(got) == min(batch, overdue_before), len(got)
    print(f"\n(a) first batch selection ({batch} rows): uses {INDEX_NAME}: {'yes' if uses_index else 'NO'}; "
          f"EXPLAIN ANALYZE execution {explain_ms:.3f} ms; from Python median {statistics.median(select_ms):.2f} ms "
          f"(min {min(select_ms):.2f}, {SELECT_REPEATS} runs)")
    print("    SQL: " + connection.ops.compose_sql(q_sql, q_params))
    print("\n".join("    | " + line for line in plan.splitlines()))

    # --- (b) the full sweep -----------------------------------------------------------
    rss_before_sweep = rss_mib()
    def counted_sweep() -> tuple[object, float, QueryCounter]:
        """One run of the sweep: the JobRun, its seconds, and its SQL statements."""
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            job_run = run_sweep(sweep, batch_size=args.batch_size)
            return job_run, time.perf_counter() - started, counter

    run, sweep_s, counter = counted_sweep()
    rss_after_sweep = rss_mib()

    # --- (c) the second, empty sweep --------------------------------------------------
    run2, sweep2_s, counter2 = counted_sweep()

    # --- checks -----------------------------------------------------------------------
    remaining = Claim.objects.count()
    still_overdue = expired_drafts(now).count()
    outbox = Notification.objects.filter(kind="draft_deleted").count()
    checks = {
        "first run changed every overdue draft": run.changed == overdue_before,
        "first run examined every overdue draft": run.examined == overdue_before,
        "first run had no failures": run.failed == 0,
        "remaining claims = total - overdue": remaining == total_rows - overdue_before,
        "no overdue draft left": still_overdue == 0,
        "one outbox email per deleted draft": outbox == overdue_before,
        "second run changed nothing": run2.changed == 0 and run2.examined == 0 and run2.failed == 0,
    }
    peak = rss_mib()

    per_row = counter.total / run.examined if run.examined else 0.0
    results = {
        "rows": total_rows,
        "overdue": overdue_before,
        "overdue_percent": args.overdue_percent,
        "batch_size": batch,
        "reused": reused,
        "load_seconds": load,
        "selection": {
            "uses_partial_index": uses_index,
            "explain_execution_ms": explain_ms,
            "python_median_ms": statistics.median(select_ms),
            "python_min_ms": min(select_ms),
            "plan": plan,
        },
        "sweep": {
            "seconds": sweep_s,
            "examined": run.examined,
            "changed": run.changed,
            "failed": run.failed,
            "overdue_rows_per_s": run.changed / sweep_s if sweep_s else None,
            "table_rows_per_s": total_rows / sweep_s if sweep_s else None,
            "sql_statements": counter.total,
            "sql_statements_per_row": per_row,
            "sql_by_kind": dict(counter.counts),
            "sql_seconds_by_kind": {k: round(v, 3) for k, v in counter.seconds.items()},
        },
        "second_sweep": {"seconds": sweep2_s, "examined": run2.examined, "changed": run2.changed,
                         "sql_statements": counter2.total},
        "peak_rss_mib": peak,
        "rss_mib_before_sweep": rss_before_sweep,
        "rss_mib_after_sweep": rss_after_sweep,
        "remaining": remaining,
        "checks": checks,
        "machine": facts,
    }

    print(f"\n(b) full sweep: examined {run.examined:,}, changed {run.changed:,}, failed {run.failed} "
          f"in {sweep_s:.2f} s; {counter.total:,} SQL statements ({per_row:.1f} per row):")
    for kind, count in counter.counts.most_common():
        print(f"    {kind:<34} {count:>9,}  {counter.seconds[kind]:8.2f} s in the database driver")
    print(f"(c) second sweep: examined {run2.examined}, changed {run2.changed} in {sweep2_s * 1000:.1f} ms "
          f"({counter2.total} SQL statements)")
    print(f"(d) peak RSS {peak:.1f} MiB (before the sweep {rss_before_sweep:.1f}, after {rss_after_sweep:.1f})")

    w = 44
    rows = [
        ("machine", f"{facts['cpus']} CPUs, {facts['mem_gib']} GiB, Python {facts['python']}"),
        ("PostgreSQL", facts["postgres_short"]),
        ("claims in table", f"{total_rows:,}"),
        ("overdue drafts", f"{overdue_before:,} ({args.overdue_percent:g}%)"),
        ("batch size", f"{batch}"),
        ("load time", f"{load['total']:.1f} s ({'reused' if reused else 'fresh load'})"),
        ("selection uses partial index", "yes" if uses_index else "NO"),
        ("selection query (EXPLAIN ANALYZE)", f"{explain_ms:.3f} ms"),
        ("selection query (from Python, median)", f"{statistics.median(select_ms):.2f} ms"),
        ("sweep time", f"{sweep_s:.2f} s"),
        ("overdue rows processed / s", f"{run.changed / sweep_s:,.0f}" if sweep_s else "-"),
        ("table rows / s (total / sweep time)", f"{total_rows / sweep_s:,.0f}" if sweep_s else "-"),
        ("SQL statements per overdue row", f"{per_row:.1f}"),
        ("second (empty) sweep", f"{sweep2_s * 1000:.1f} ms, changed {run2.changed}"),
        ("peak RSS", f"{peak:.1f} MiB"),
    ]
    print("\n" + "=" * (w + 30))
    print("DRAFT-28 sweep benchmark".center(w + 30))
    print("=" * (w + 30))
    for k, v in rows:
        print(f"{k:<{w}}{v}")
    print("-" * (w + 30))
    for name, ok in checks.items():
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
    print("=" * (w + 30))

    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str) + "\n")
        print(f"results written to {args.json}")
    return 0 if all(checks.values()) else 1


class QueryCounter:
    """A ``connection.execute_wrapper``: counts and times the statements by kind."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.seconds: defaultdict[str, float] = defaultdict(float)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        kind = self.kind(sql)
        t = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds[kind] += time.perf_counter() - t
            self.counts[kind] += 1

    @staticmethod
    def kind(sql: str) -> str:
        s = sql.lstrip()
        head = s.split(None, 1)[0].upper() if s else ""
        table = re.search(r'(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', s, re.I)
        where = table.group(1) if table else ""
        if head in {"SAVEPOINT", "RELEASE", "ROLLBACK"}:
            return f"{head.lower()} (savepoint)"
        if head == "SELECT" and "SKIP LOCKED" in s:
            return f"select batch {where}"
        if head == "SELECT" and "FOR UPDATE" in s:
            return f"select for update {where}"
        return f"{head.lower()} {where}".strip()


def ensure_owners(User: Any) -> list[int]:
    """The claim owners: OWNERS users with unusable passwords, created once."""
    existing = set(User.objects.filter(email__startswith=OWNER_PREFIX).values_list("email", flat=True))
    new = []
    for k in range(OWNERS):
        email = OWNER_EMAIL.format(k)
        if email not in existing:
            u = User(email=email, first_name="Bench", last_name=f"Owner {k}")
            u.set_unusable_password()
            new.append(u)
    if new:
        User.objects.bulk_create(new, batch_size=1000)
    return list(User.objects.filter(email__startswith=OWNER_PREFIX).order_by("pk").values_list("pk", flat=True))


def try_reuse(scalar: Any, insert_claims: Any, table: str, col: dict[str, str], n: int, expected_overdue: int) -> bool:
    """True if the table holds this load (ids 1..n, same overdue set), after restoring deleted rows."""
    count = scalar(f"SELECT count(*) FROM {table}")
    if count == 0 or count > n or scalar(f"SELECT max({col['id']}) FROM {table}") > n:
        return False
    if count < n:
        if n - count > expected_overdue:  # only a previous sweep's deletions can be restored
            return False
        insert_claims(only_missing=True)
    # Every row the hash marks overdue is overdue, and no other row is (or will be within the hour).
    overdue = scalar(f"SELECT count(*) FROM {table} WHERE {col['draft_expires_at']} <= now() + interval '1 hour'")
    return overdue == expected_overdue and scalar(f"SELECT count(*) FROM {table}") == n


def machine_facts(connection: Any) -> dict[str, Any]:
    with connection.cursor() as c:
        c.execute("SELECT version()")
        version = c.fetchone()[0]
        c.execute("SHOW shared_buffers")
        shared_buffers = c.fetchone()[0]
        c.execute("SHOW server_version")
        short = c.fetchone()[0]
    mem_kib = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    except OSError:
        pass
    import django

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
