"""What the benchmarks in ``bench/`` share: the database they may use, Django set up for them,
statement counting, EXPLAIN, peak RSS, the machine's facts, the printed summary and the JSON file.

The benchmark scripts put the project root on ``sys.path`` and import this module as
``bench.common``; nothing here touches the database or Django until a function is called.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

OWNERS = 1000
OWNER_PREFIX = "bench-owner-"
OWNER_EMAIL = OWNER_PREFIX + "{:05d}@bench.invalid"
SELECT_REPEATS = 5
#: Knuth's multiplicative hash of the id picks the overdue rows: spread over the whole id range,
#: reproducible, and the same rows on every load. ``%%``: always used with query parameters.
HASH = "((i::bigint * 2654435761) %% 4294967296)"


# --- arguments --------------------------------------------------------------------------

def argument_parser(doc: str, *, rows_help: str, overdue_help: str, batch_help: str) -> argparse.ArgumentParser:
    """The options every benchmark has (``--rows``, ``--overdue-percent``, ``--batch-size``)."""
    p = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    p.add_argument("--rows", type=int, default=1_000_000, help=rows_help)
    p.add_argument("--overdue-percent", type=float, default=1.0, help=overdue_help)
    p.add_argument("--batch-size", type=int, default=None, help=batch_help)
    return p


def parse_arguments(p: argparse.ArgumentParser,
                    checks: Iterable[tuple[Callable[[argparse.Namespace], bool], str]]) -> argparse.Namespace:
    """Add ``--json`` (last), parse, then apply ``checks`` (test, message) and the ``--batch-size`` one."""
    p.add_argument("--json", metavar="PATH", help="also write the results as JSON to PATH")
    args = p.parse_args()
    for ok, message in checks:
        if not ok(args):
            p.error(message)
    if args.batch_size is not None and args.batch_size < 1:
        p.error("--batch-size must be at least 1")
    return args


def hash_threshold(overdue_percent: float) -> int:
    """The ``HASH`` value below which ``overdue_percent`` of the ids fall."""
    return int(round(overdue_percent / 100 * 2**32))


# --- database and Django ----------------------------------------------------------------

def prepare_database(make_target: str, default_name: str, measures: str) -> dict[str, Any]:
    """Refuse anything but a PostgreSQL database named *bench*; create it if it is missing.

    ``make_target`` and ``default_name`` name the make target and its database in the
    messages; ``measures`` says what PostgreSQL feature the benchmark needs.
    """
    import dj_database_url
    import psycopg
    from psycopg import sql

    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit(f"DATABASE_URL is not set: point it at PostgreSQL ({make_target} does).")
    cfg = dj_database_url.parse(url)
    if cfg.get("ENGINE") != "django.db.backends.postgresql":
        sys.exit(f"DATABASE_URL must point at PostgreSQL, not {cfg.get('ENGINE')}: the benchmark measures "
                 f"SELECT ... FOR UPDATE SKIP LOCKED and {measures}.")
    name = cfg["NAME"]
    if "bench" not in name:
        sys.exit(f"refusing to use database {name!r}: the benchmark truncates tables, so the database name "
                 f"must contain 'bench' ({make_target} uses {default_name}).")
    params = {k: v for k, v in {"host": cfg.get("HOST"), "port": cfg.get("PORT"), "user": cfg.get("USER"),
                                "password": cfg.get("PASSWORD")}.items() if v}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"created database {name}")
    return cfg


def setup_django() -> None:
    """Set Django up without DEBUG and without email delivery, and apply the migrations.

    DEBUG would make Django keep every query in memory: not what production runs. Email
    delivery is out of scope: ``court.notifications._enqueue`` (which puts a Celery task on
    the broker on commit) becomes a no-op, so the figures cover the outbox write, not the
    delivery, and no broker is needed.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocmc.settings")
    os.environ["DJANGO_DEBUG"] = "0"

    import django

    django.setup()

    from django.core.management import call_command

    import court.notifications

    court.notifications._enqueue = lambda pk: None

    t = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrate: {time.perf_counter() - t:.1f} s")


def describe_setup(cfg: dict[str, Any]) -> dict[str, Any]:
    """Print the machine and the database; return the machine's facts."""
    facts = machine_facts()
    print(f"machine: {facts['cpus']} CPUs, {facts['mem_gib']} GiB RAM; {facts['postgres']}")
    print(f"database: {cfg['NAME']} on {cfg.get('HOST') or 'local socket'}:{cfg.get('PORT') or 5432}")
    return facts


def machine_facts() -> dict[str, Any]:
    import django
    from django.db import connection

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


def scalar(q: str, p: Any = None) -> Any:
    """The first column of the first row of one query."""
    from django.db import connection

    with connection.cursor() as c:
        c.execute(q, p or [])
        return c.fetchone()[0]


def count_hashed(n: int, lo: int, hi: int) -> int:
    """How many of the ids 1..n have ``lo <= HASH < hi``."""
    return scalar(f"SELECT count(*) FROM generate_series(1, %s) AS i WHERE {HASH} >= %s AND {HASH} < %s",
                  [n, lo, hi])


def ensure_owners(User: Any) -> list[int]:
    """The claim owners: OWNERS users with unusable passwords, created once and reused."""
    have = set(User.objects.filter(email__startswith=OWNER_PREFIX).values_list("email", flat=True))
    new = []
    for k in range(OWNERS):
        email = OWNER_EMAIL.format(k)
        if email not in have:
            user = User(email=email, first_name="Bench", last_name=f"Owner {k}")
            user.set_unusable_password()
            new.append(user)
    if new:
        User.objects.bulk_create(new, batch_size=1000)
    return list(User.objects.filter(email__startswith=OWNER_PREFIX).order_by("pk").values_list("pk", flat=True))


def unset_not_null_columns(table: str, set_by_load: Iterable[str]) -> list[str]:
    """The NOT NULL columns of ``table`` with no database default that are not in ``set_by_load``
    (an INSERT leaving them out would fail)."""
    from django.db import connection

    with connection.cursor() as c:
        c.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = %s AND is_nullable = 'NO' AND column_default IS NULL ORDER BY ordinal_position",
            [table],
        )
        wanted = set(set_by_load)
        return [name for (name,) in c.fetchall() if name not in wanted]


def vacuum_analyze(claims_table: str, users_table: str) -> None:
    """VACUUM as well as ANALYZE the claims: clears what a previous run deleted and sets the
    visibility map, so repeated runs start from the same state; ANALYZE the owners."""
    from django.db import connection

    qn = connection.ops.quote_name
    with connection.cursor() as c:
        c.execute(f"VACUUM (ANALYZE) {qn(claims_table)}")
        c.execute(f"ANALYZE {qn(users_table)}")


# --- measuring --------------------------------------------------------------------------

def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # ru_maxrss is KiB on Linux


class StatementCounter:
    """A ``connection.execute_wrapper``: counts and times the statements by kind."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.seconds: defaultdict[str, float] = defaultdict(float)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        kind = self.kind(sql)
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds[kind] += time.perf_counter() - started
            self.counts[kind] += 1

    @staticmethod
    def kind(sql: str) -> str:
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

    def per_row(self, examined: int) -> float:
        return self.total / examined if examined else 0.0

    def figures(self, examined: int) -> dict[str, Any]:
        """The statement figures of a run that examined ``examined`` rows, for the JSON results."""
        return {
            "sql_statements": self.total,
            "sql_statements_per_row": self.per_row(examined),
            "sql_by_kind": dict(self.counts),
            "sql_seconds_by_kind": {k: round(v, 3) for k, v in self.seconds.items()},
        }

    def print_kinds(self, width: int) -> None:
        """One line a kind, most frequent first."""
        for kind, count in self.counts.most_common():
            print(f"    {kind:<{width}} {count:>9,}  {self.seconds[kind]:8.2f} s in the database driver")


def counted_run(sweep: Any, batch_size: int | None) -> tuple[Any, float, StatementCounter]:
    """One ``run_sweep`` (a Sweep or its name): the JobRun, its seconds, and its SQL statements."""
    from django.db import connection

    from court.sweeps import run_sweep

    counter = StatementCounter()
    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        job_run = run_sweep(sweep, batch_size=batch_size)
        return job_run, time.perf_counter() - started, counter


def first_batch(sweep: Any, batch: int) -> Callable[[], Any]:
    """The sweep's first-batch selection as ``run_sweep`` makes it, built afresh on each call."""
    from ocmc import clock

    def queryset() -> Any:
        return sweep.overdue(clock.now()).select_for_update(skip_locked=True).values_list("pk", flat=True)[:batch]

    return queryset


def explain_analyze(make_queryset: Callable[[], Any]) -> tuple[str, Any, str, float]:
    """``EXPLAIN (ANALYZE, BUFFERS)`` of the queryset in a rolled-back transaction:
    its SQL, parameters, plan and execution time in ms (NaN if the plan has none)."""
    from django.db import connection, transaction

    with transaction.atomic():
        q_sql, q_params = make_queryset().query.get_compiler(connection=connection).as_sql()
        with connection.cursor() as c:
            c.execute("EXPLAIN (ANALYZE, BUFFERS) " + q_sql, q_params)
            plan = "\n".join(r[0] for r in c.fetchall())
        transaction.set_rollback(True)
    m = re.search(r"Execution Time: ([\d.]+) ms", plan)
    return q_sql, q_params, plan, float(m.group(1)) if m else float("nan")


def time_selection(make_queryset: Callable[[], Any]) -> tuple[list[Any], list[float]]:
    """The queryset run SELECT_REPEATS times from Python, each in a rolled-back transaction:
    the last run's rows and each run's milliseconds."""
    from django.db import transaction

    ms = []
    for _ in range(SELECT_REPEATS):
        with transaction.atomic():
            t = time.perf_counter()
            got = list(make_queryset())
            ms.append((time.perf_counter() - t) * 1000)
            transaction.set_rollback(True)
    return got, ms


def print_plan(plan: str) -> None:
    print("\n".join("    | " + line for line in plan.splitlines()))


# --- output -----------------------------------------------------------------------------

def machine_lines(facts: dict[str, Any]) -> list[tuple[str, str]]:
    """The summary's first lines: the machine and PostgreSQL."""
    return [
        ("machine", f"{facts['cpus']} CPUs, {facts['mem_gib']} GiB, Python {facts['python']}"),
        ("PostgreSQL", facts["postgres_short"]),
    ]


def print_summary(title: str, lines: list[tuple[str, str]], checks: dict[str, bool], width: int,
                  rule: int) -> None:
    """The closing table: ``lines`` (label, value) with labels ``width`` wide, then the checks."""
    print("\n" + "=" * rule)
    print(title.center(rule))
    print("=" * rule)
    for k, v in lines:
        print(f"{k:<{width}}{v}")
    print("-" * rule)
    for name, ok in checks.items():
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
    print("=" * rule)


def write_json(path: str | None, results: dict[str, Any]) -> None:
    """Write the results to ``path`` (``--json``), if one was given."""
    if path:
        Path(path).write_text(json.dumps(results, indent=2, default=str) + "\n")
        print(f"results written to {path}")
