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

import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402  (needs the project root on sys.path)

INDEX_NAME = "claim_draft_expiry_idx"
#: The claim's NOT NULL columns without a database default that a draft leaves at their model
#: default: empty text, and no fee remitted.
BLANK_COLUMNS = ("claimant_name", "defendant_name", "sot_signed_name", "hwf_reference", "hwf_decision",
                 "security_code", "stay_reason", "sent_out_to", "sent_out_reason", "closed_reason",
                 "state_before_stay", "sent_out_court", "sent_out_directions")
#: The claim's NOT NULL flags without a database default: false on a draft.
FALSE_COLUMNS = ("stay_lifts_on_answer", "stay_allows_return")


def parse_args() -> Any:
    p = common.argument_parser(__doc__, rows_help="draft claims in the table (default 1,000,000)",
                        overdue_help="percent of them overdue (default 1.0)",
                        batch_help="rows per batch (default: the sweep's own)")
    p.add_argument("--reuse", action="store_true",
                   help="keep the rows already loaded if they match --rows/--overdue-percent (restoring the "
                        "overdue rows a previous run deleted) instead of reloading")
    return common.parse_arguments(p, [
        (lambda a: a.rows >= 1, "--rows must be at least 1"),
        (lambda a: 0 <= a.overdue_percent <= 100, "--overdue-percent must be between 0 and 100"),
    ])


def main() -> int:
    args = parse_args()
    cfg = common.prepare_database("make bench", "money_claims_bench", "a partial index")
    common.setup_django()  # _enqueue becomes a no-op: email delivery is out of scope (see the module docstring)

    from django.db import connection

    from accounts.models import User
    from claims.constants import ClaimState
    from claims.models import Claim, ClaimEvent
    from claims.sweeps import DELETE_EXPIRED_DRAFTS, expired_drafts
    from court.models import JobRun, Notification
    from ocmc import clock

    sweep = DELETE_EXPIRED_DRAFTS
    batch = args.batch_size or sweep.batch_size
    n = args.rows
    threshold = common.hash_threshold(args.overdue_percent)
    claims_t = Claim._meta.db_table
    qn = connection.ops.quote_name
    col = {f.name: qn(Claim._meta.get_field(f.name).column)
           for f in Claim._meta.concrete_fields}

    facts = common.describe_setup(cfg)

    expected_overdue = common.count_hashed(n, 0, threshold)

    # --- load -------------------------------------------------------------------------
    load: dict[str, float] = {}
    t_load = time.perf_counter()

    # The outbox and run log start empty on every run.
    t = time.perf_counter()
    with connection.cursor() as c:
        c.execute(f"TRUNCATE {qn(Notification._meta.db_table)}, {qn(JobRun._meta.db_table)} RESTART IDENTITY CASCADE")

    owners = common.ensure_owners(User)
    load["owners"] = time.perf_counter() - t

    blank_columns = "".join(f", {col[k]}" for k in (*BLANK_COLUMNS, *FALSE_COLUMNS))
    blank_values = ", ''" * len(BLANK_COLUMNS) + ", false" * len(FALSE_COLUMNS)

    def insert_claims(only_missing: bool) -> int:
        # Overdue: expired between 1 minute and 60 days ago. The rest: expire in 2 to 30
        # days (so a --reuse within two days still finds the same overdue set).
        missing = f"AND NOT EXISTS (SELECT 1 FROM {qn(claims_t)} AS c WHERE c.{col['id']} = i)" if only_missing else ""
        q = f"""
            INSERT INTO {qn(claims_t)} ({col['id']}, {col['public_id']}, {col['state']}, {col['owner']},
                                       {col['draft_data']}, {col['created_at']}, {col['last_saved_at']},
                                       {col['draft_expires_at']}, {col['fee_remitted']}{blank_columns})
            SELECT i, gen_random_uuid(), %(state)s, (%(owners)s::bigint[])[1 + (i %% %(n_owners)s)],
                   '{{}}'::jsonb, e - interval '28 days' - random() * interval '90 days',
                   e - interval '28 days', e, 0{blank_values}
            FROM (
                SELECT i, CASE WHEN {common.HASH} < %(threshold)s
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
        reused = try_reuse(insert_claims, qn(claims_t), col, n, expected_overdue)
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
    common.vacuum_analyze(claims_t, User._meta.db_table)
    load["vacuum_analyze"] = time.perf_counter() - t
    load["total"] = time.perf_counter() - t_load
    total_rows = Claim.objects.count()
    table_size = common.scalar("SELECT pg_size_pretty(pg_total_relation_size(%s))", [claims_t])
    index_size = common.scalar("SELECT pg_size_pretty(pg_relation_size(%s))", [INDEX_NAME])
    print(f"load ({'reused' if reused else 'fresh'}): {total_rows:,} claims, {expected_overdue:,} overdue, "
          f"{load['total']:.1f} s  [" + ", ".join(f"{k} {v:.1f} s" for k, v in load.items() if k != "total") + "]")
    print(f"  table+indexes {table_size}, {INDEX_NAME} {index_size}")

    now = clock.now()
    overdue_before = expired_drafts(now).count()
    if overdue_before != expected_overdue or total_rows != n:
        print(f"FAIL: loaded {total_rows} rows / {overdue_before} overdue, expected {n} / {expected_overdue}")
        return 1

    # --- (a) the selection query alone ------------------------------------------------
    first_batch_qs = common.first_batch(sweep, batch)
    q_sql, q_params, plan, explain_ms = common.explain_analyze(first_batch_qs)
    uses_index = INDEX_NAME in plan
    got, select_ms = common.time_selection(first_batch_qs)
    assert len(got) == min(batch, overdue_before), len(got)
    print(f"\n(a) first batch selection ({batch} rows): uses {INDEX_NAME}: {'yes' if uses_index else 'NO'}; "
          f"EXPLAIN ANALYZE execution {explain_ms:.3f} ms; from Python median {statistics.median(select_ms):.2f} ms "
          f"(min {min(select_ms):.2f}, {common.SELECT_REPEATS} runs)")
    print("    SQL: " + connection.ops.compose_sql(q_sql, q_params))
    common.print_plan(plan)

    # --- (b) the full sweep -----------------------------------------------------------
    rss_before_sweep = common.rss_mib()
    run, sweep_s, counter = common.counted_run(sweep, args.batch_size)
    rss_after_sweep = common.rss_mib()

    # --- (c) the second, empty sweep --------------------------------------------------
    run2, sweep2_s, counter2 = common.counted_run(sweep, args.batch_size)

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
    peak = common.rss_mib()

    per_row = counter.per_row(run.examined)
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
            **counter.figures(run.examined),
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
    counter.print_kinds(34)
    print(f"(c) second sweep: examined {run2.examined}, changed {run2.changed} in {sweep2_s * 1000:.1f} ms "
          f"({counter2.total} SQL statements)")
    print(f"(d) peak RSS {peak:.1f} MiB (before the sweep {rss_before_sweep:.1f}, after {rss_after_sweep:.1f})")

    w = 44
    rows = [
        *common.machine_lines(facts),
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
    common.print_summary("DRAFT-28 sweep benchmark", rows, checks, w, w + 30)
    common.write_json(args.json, results)
    return 0 if all(checks.values()) else 1


def try_reuse(insert_claims: Any, table: str, col: dict[str, str], n: int, expected_overdue: int) -> bool:
    """True if the table holds this load (ids 1..n, same overdue set), after restoring deleted rows."""
    count = common.scalar(f"SELECT count(*) FROM {table}")
    if count == 0 or count > n or common.scalar(f"SELECT max({col['id']}) FROM {table}") > n:
        return False
    if count < n:
        if n - count > expected_overdue:  # only a previous sweep's deletions can be restored
            return False
        insert_claims(only_missing=True)
    # Every row the hash marks overdue is overdue, and no other row is (or will be within the hour).
    overdue = common.scalar(f"SELECT count(*) FROM {table} "
                            f"WHERE {col['draft_expires_at']} <= now() + interval '1 hour'")
    return overdue == expected_overdue and common.scalar(f"SELECT count(*) FROM {table}") == n


if __name__ == "__main__":
    sys.exit(main())
