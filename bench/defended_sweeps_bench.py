"""Benchmark of the deadline sweeps of defended claims and of the claimant's silence.

Run with ``make bench-defended`` (``BENCH_ARGS="--rows 200000"`` for a shorter run). It
needs PostgreSQL: ``DATABASE_URL`` must point at a PostgreSQL database whose name
contains "bench" (the script TRUNCATEs the claims table, everything that refers to it,
and the notifications, job-run and hearing-centre tables); the database is created if it
does not exist and the project's migrations are applied.

What it does:

1. loads ``--rows`` claims that have a defence, with server-side SQL only
   (``generate_series`` into a temporary table, then one INSERT … SELECT per table), each
   with what the services read:

   - the claim: a complete OCON1 ``submitted_data`` (an individual claiming £1,250, or
     £750 on every third claim, from a company), figures, claim number, issue date, the
     owner (1,000 owners) and the linked defendant account (1,000 defendants);
   - a ``responses_defendantresponse`` row: a full defence received online, willing to
     mediate, with a preferred court;
   - in the states after the claimant's answer (``mediation``, ``directions_made``) a
     ``defended_claimantdecision`` row: continue, with the claimant's preferred court,
     which is the "preferred court" here because the defendant is a company;
   - in ``directions_made`` a ``defended_directionsorder`` row made by a legal adviser
     (one staff user in the legal adviser group), sending the claim to the preferred court
     once ``send_out_due_at`` (its ``reconsider_by``) has passed;
   - 12 ``court_hearingcentre`` rows, legal advisers at 6 of them. The mediation sweep
     refers a claim to a legal adviser when the amount claimed is £1,000 or less and the
     preferred court is one of those 6, otherwise to a judge (``defended.rules``);

2. makes each sweep's deadline overdue on its own ``--overdue-percent`` of the rows,
   spread over the id range by a multiplicative hash of the id (disjoint sets, see ``ROW
   KINDS`` below); every other row is in one of the same states with its deadlines in the
   future, so each partial index holds every claim in its state, as in production;
3. for each of the four sweeps (``defended.mediation_ended``,
   ``defended.reconsideration_window``, ``defended.no_step_6_months``,
   ``judgments.claimant_silent``) runs ``EXPLAIN (ANALYZE, BUFFERS)`` of the first-batch
   selection (the real queryset, in a rolled-back transaction) and reports its time and
   the index the plan uses;
4. times one full ``run_sweep`` of each, counting its SQL statements by kind, then a
   second run, which must change nothing;
5. checks (exit status 1 if any fails) that each overdue row changed exactly once, to its
   expected state, with exactly its expected timeline entries and an email to each party;
   that the mediation referrals went to the legal adviser or judge the rules give; that
   every other row is untouched; and reports the peak RSS of the process.

ROW KINDS (h = the id's hash, T = --overdue-percent of 2**32):

- h < T, "mediation ended": state ``mediation``, the claimant's answer received 28 days
  before ``mediation_ends_at``, which passed 1 minute to 20 days ago;
- T <= h < 2T, "reconsideration window passed": state ``directions_made``, the legal
  adviser's order made 7 days before ``send_out_due_at``, which passed 1 minute to 20
  days ago;
- 2T <= h < 3T, "no step for 6 months": state ``awaiting_claimant_response``, the last
  step (the defence) 6 months and 1 minute to 30 days ago, ``inactivity_stay_at`` passed,
  no ``claimant_response_deadline`` (on a defence the 33-day deadline would have stayed
  the claim long before; the rows stand for the claims whose deadline was cleared);
- 3T <= h < 4T, "claimant silent": state ``awaiting_claimant_response``, the defence
  received 33 days and 1 minute to 63 days ago, so ``claimant_response_deadline`` has
  passed and ``inactivity_stay_at`` is months ahead;
- the rest, by ``id % 10``: 0-1 ``mediation`` ending 1 hour to 28 days ahead, 2
  ``directions_made`` sending out 1 hour to 7 days ahead, 3-9
  ``awaiting_claimant_response`` with the claimant's deadline 1 hour to 33 days ahead and
  ``inactivity_stay_at`` about 5 to 6 months ahead.

Every claim in ``directions_made`` has an amount of £1,000 or less and a preferred court
where legal advisers operate (only a legal adviser's order waits for the reconsideration
window). No claim has earlier timeline entries, referrals or documents: the timeline,
referral and notification tables start empty.

Not measured: email delivery. The services write ``Notification`` rows (the outbox) in
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
OVERDUE_SETS = 4
DEFENDANTS = 1000
DEFENDANT_PREFIX = "bench-defendant-"
DEFENDANT_EMAIL = DEFENDANT_PREFIX + "{:05d}@bench.invalid"
ADVISER_EMAIL = "bench-legal-adviser@bench.invalid"

MEDIATION, DIRECTIONS_MADE, AWAITING = "mediation", "directions_made", "awaiting_claimant_response"

#: The sweeps measured, in the order they run: the partial index each one's selection should
#: use, the row kind it acts on, the state it leaves those claims in, their timeline entries
#: (oldest first) and the prefix of the keys of the emails it queues (one to each party).
SWEEPS = [
    ("defended.mediation_ended", "claim_mediation_ends_idx", "mediation_ended", "awaiting_directions",
     "referred", "mediation-ended:"),
    ("defended.reconsideration_window", "claim_send_out_due_idx", "reconsideration_passed", "sent_out",
     "reconsideration_window_closed,sent_out", "sent-out:"),
    ("defended.no_step_6_months", "claim_inactivity_stay_idx", "no_step_6_months", "stayed",
     "stayed", "stay-inactive:"),
    ("judgments.claimant_silent", "claim_claimant_deadline_idx", "claimant_silent", "stayed",
     "stayed", "stay-silence:"),
]
KINDS = [kind for _name, _index, kind, *_ in SWEEPS]

#: Hearing centres (name, legal advisers operate there).
COURTS = [
    ("Leeds County Court", True), ("Bristol County Court", False), ("Manchester County Court", True),
    ("Birmingham County Court", False), ("Cardiff County Court", True), ("Newcastle County Court", False),
    ("Nottingham County Court", True), ("Sheffield County Court", False), ("Liverpool County Court", True),
    ("Southampton County Court", False), ("Norwich County Court", True), ("Exeter County Court", False),
]

CLAIMANT = {
    "type": "individual", "title": "Mr", "full_name": "Alex Benchmark", "date_of_birth": "1975-02-03",
    "address_line1": "10 Station Road", "address_line2": "Flat 2", "town": "Swindon", "postcode": "SN1 1AA",
    "phone": "07700 900123", "email": "alex@bench.invalid",
}
DEFENDANT = {
    "type": "company", "name": "Northern Roofing Ltd", "contact_name": "Accounts department",
    "address_line1": "Unit 4, Mill Lane", "address_line2": "", "town": "York", "postcode": "YO1 7HH",
    "phone": "", "email": "",
}
PARTICULARS = {
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
}


def claim_form(items: list[tuple[str, str]]) -> dict[str, Any]:
    """One signed claim form (OCON1 answers as ``claims.ocon1.read`` accepts them)."""
    return {
        "eligibility": {}, "claimant": CLAIMANT, "defendant": DEFENDANT,
        "amount": {"items": [{"description": d, "amount": a} for d, a in items]},
        "interest": {"choice": "standard", "from": "submission"}, "particulars": PARTICULARS,
    }


#: £1,250 (over the legal advisers' £1,000 limit) and £750 (within it), with their figures:
#: principal, interest (8% a year for 30 days), daily interest, fee.
FORM_LARGE = claim_form([("Deposit for roof repair not carried out", "1000.00"),
                         ("Cost of emergency tarpaulin", "250.00")])
FORM_SMALL = claim_form([("Deposit for roof repair not carried out", "750.00")])
FIGURES = {"large": ("1250.00", "8.22", "0.27", "115.00"), "small": ("750.00", "4.93", "0.16", "80.00")}

HEARING = {
    "availability": {"unavailable": "no", "dates": ""},
    "witnesses": {"yourself": "yes", "other_witnesses": "no", "how_many": "", "who": ""},
    "experts": {"expert": "no", "expertise": "", "why": ""},
    "language": {"speak": "english", "documents": "english"},
    "support": {"needs": ["none"], "sign_language": "", "interpreter_language": "", "other_support": ""},
    "vulnerability": {"vulnerable": "no", "details": ""},
}
#: The defendant's answers as received (a full defence; ``hearing_court`` set per row).
DEFENCE = {
    "response_type": {"type": "reject"}, "reject_reason": {"reason": "dispute"},
    "details": {"phone": "", "date_of_birth": ""},
    "defence": {"text": "The work was started but the claimant cancelled it; the deposit covered materials "
                        "already bought, as the contract allowed."},
    "defence_timeline": {"rows": []}, "defence_evidence": {"rows": []},
    "hearing_court": {"court": ""},
    "mediation": {"willing": "yes", "phone": "01904 000000", "contact_name": "Sam Director", "reason": ""},
    **HEARING,
}
#: The claimant's directions questionnaire (OCON180) as submitted with their decision to continue.
DECISION = {"hearing_court": {"court": ""}, "mediation": {"willing": "yes"}, **HEARING}


def parse_args() -> Any:
    p = common.argument_parser(__doc__, rows_help="claims in the table (default 1,000,000)",
                               overdue_help="percent of the rows overdue for each sweep (default 1.0; at most 25)",
                               batch_help="rows per batch (default: each sweep's own)")
    return common.parse_arguments(p, [
        (lambda a: 1 <= a.rows <= MAX_ROWS, f"--rows must be between 1 and {MAX_ROWS:,}"),
        (lambda a: 0 <= a.overdue_percent <= 100 / OVERDUE_SETS,
         f"--overdue-percent must be between 0 and {100 / OVERDUE_SETS:g} ({OVERDUE_SETS} disjoint overdue sets)"),
    ])


def main() -> int:
    args = parse_args()
    cfg = common.prepare_database("make bench-defended", "money_claims_bench_def", "partial indexes")
    common.setup_django()  # _enqueue becomes a no-op: email delivery is out of scope (see above)

    from django.contrib.auth.models import Group
    from django.db import connection

    import defended.sweeps  # noqa: F401  (registers the sweeps)
    import judgments.sweeps  # noqa: F401
    from accounts.models import User
    from accounts.roles import StaffRole
    from claims import ocon1
    from claims.models import Claim, ClaimEvent
    from court import sweeps as court_sweeps
    from court.models import HearingCentre, JobRun, Notification
    from defended.models import ClaimantDecision, DirectionsOrder, Referral
    from ocmc import clock
    from responses.models import DefendantResponse

    facts = common.describe_setup(cfg)

    n = args.rows
    threshold = common.hash_threshold(args.overdue_percent)
    qn = connection.ops.quote_name
    t_claims, t_events = Claim._meta.db_table, ClaimEvent._meta.db_table
    t_responses, t_decisions = DefendantResponse._meta.db_table, ClaimantDecision._meta.db_table
    t_orders, t_referrals = DirectionsOrder._meta.db_table, Referral._meta.db_table
    t_notifications, t_centres = Notification._meta.db_table, HearingCentre._meta.db_table

    def columns(model: Any) -> dict[str, str]:
        return {f.name: f.column for f in model._meta.concrete_fields}

    large, small = ocon1.read(FORM_LARGE), ocon1.read(FORM_SMALL)  # complete, as every submitted form is
    claimant_name, defendant_name = large.claimant.display_name, large.defendant.display_name
    assert (claimant_name, defendant_name) == (small.claimant.display_name, small.defendant.display_name)

    # --- the rows: one temporary table, then one INSERT … SELECT per project table ------------
    hashed = common.HASH
    generate = f"""
        CREATE TEMPORARY TABLE bench_rows AS
        SELECT i, k, state, small, court, med_ends, due_at, order_at, decided, resp, crd, inact,
               resp - interval '14 days' AS issued, coalesce(decided, resp) AS last_step
        FROM (
            SELECT i, k, state, small, court, med_ends, due_at,
                   due_at - interval '7 days' AS order_at,
                   coalesce(med_ends - interval '28 days', due_at - interval '42 days') AS decided,
                   coalesce(acr_resp, coalesce(med_ends - interval '28 days', due_at - interval '42 days')
                                      - interval '12 days') AS resp,
                   CASE WHEN k <> 2 THEN acr_resp + interval '33 days' END AS crd,
                   acr_resp + interval '6 months' AS inact
            FROM (
                SELECT i, k, state,
                       CASE WHEN state = %(med)s THEN CASE WHEN k = 0
                           THEN now() - interval '1 minute' - r * interval '20 days'
                           ELSE now() + interval '1 hour' + r * interval '27 days' END END AS med_ends,
                       CASE WHEN state = %(dm)s THEN CASE WHEN k = 1
                           THEN now() - interval '1 minute' - r * interval '20 days'
                           ELSE now() + interval '1 hour' + r * interval '6 days' END END AS due_at,
                       CASE WHEN state = %(acr)s THEN CASE k
                           WHEN 2 THEN now() - interval '1 minute' - r * interval '30 days' - interval '6 months'
                           WHEN 3 THEN now() - interval '1 minute' - r * interval '30 days' - interval '33 days'
                           ELSE now() + interval '1 hour' + r * interval '32 days' - interval '33 days'
                       END END AS acr_resp,
                       state = %(dm)s OR i %% 3 = 0 AS small,
                       CASE WHEN state = %(dm)s THEN (%(adviser_courts)s::text[])[1 + i %% %(n_adviser_courts)s]
                            ELSE (%(courts)s::text[])[1 + i %% %(n_courts)s] END AS court
                FROM (
                    SELECT i, r, k, CASE
                        WHEN k = 0 OR (k = 4 AND i %% 10 < 2) THEN %(med)s
                        WHEN k = 1 OR (k = 4 AND i %% 10 = 2) THEN %(dm)s
                        ELSE %(acr)s END AS state
                    FROM (
                        SELECT i, random() AS r, CASE WHEN {hashed} < %(t1)s THEN 0 WHEN {hashed} < %(t2)s THEN 1
                                                      WHEN {hashed} < %(t3)s THEN 2 WHEN {hashed} < %(t4)s THEN 3
                                                      ELSE 4 END AS k
                        FROM generate_series(1, %(n)s) AS i
                    ) AS s
                ) AS s2
            ) AS s3
        ) AS s4
    """
    london = "AT TIME ZONE 'Europe/London')::date"
    col = columns(Claim)
    claim_values = {
        "id": "i",
        "public_id": "gen_random_uuid()",
        "state": "state",
        "owner": "(%(owners)s::bigint[])[1 + (i %% %(n_owners)s)]",
        "draft_data": "CASE WHEN small THEN %(form_small)s::jsonb ELSE %(form_large)s::jsonb END",
        "submitted_data": "CASE WHEN small THEN %(form_small)s::jsonb ELSE %(form_large)s::jsonb END",
        "created_at": "issued - interval '5 days'",
        "last_saved_at": "issued - interval '3 days'",
        "claimant_name": "%(claimant_name)s",
        "defendant_name": "%(defendant_name)s",
        "submitted_at": "issued - interval '3 days'",
        "submitted_on": f"((issued - interval '3 days') {london}",
        "sot_signed_name": "%(signer)s",
        "sot_signed_on": f"((issued - interval '3 days') {london}",
        "principal": "CASE WHEN small THEN %(small_principal)s ELSE %(large_principal)s END::numeric",
        "interest": "CASE WHEN small THEN %(small_interest)s ELSE %(large_interest)s END::numeric",
        "interest_to": f"(issued {london}",
        "daily_interest": "CASE WHEN small THEN %(small_daily)s ELSE %(large_daily)s END::numeric",
        "fee": "CASE WHEN small THEN %(small_fee)s ELSE %(large_fee)s END::numeric",
        "fee_schedule_from": "DATE '2025-01-01'",
        "hwf_reference": "''",
        "hwf_decision": "''",
        "fee_remitted": "0",
        "claim_number": "lpad((((i - 1) %% %(per_letters)s) / 999)::text, 3, '0') "
                        "|| 'M' || chr(67 + ((i - 1) / %(per_letters)s)::int) "
                        "|| lpad((((i - 1) %% 999) + 1)::text, 3, '0')",
        "issued_at": "issued",
        "issue_date": f"(issued {london}",
        "security_code": "translate(upper(substr(md5(i::text), 1, 8)), '01', 'KM')",
        "response_deadline": "issued + interval '19 days'",
        "response_deadline_day": f"((issued + interval '19 days') {london}",
        "defendant_user": "(%(defendants)s::bigint[])[1 + (i %% %(n_defendants)s)]",
        "defendant_linked_at": "issued + interval '2 days'",
        "intention_confirmed_at": "resp",
        "claimant_response_deadline": "crd",
        "mediation_ends_at": "med_ends",
        "send_out_due_at": "due_at",
        "last_party_step_at": "last_step",
        "inactivity_stay_at": "inact",
        "stay_reason": "''",
        "stay_lifts_on_answer": "false",
        "closed_reason": "''",
        "state_before_stay": "''",
        "stay_allows_return": "false",
        "sent_out_to": "''",
        "sent_out_reason": "''",
        "sent_out_court": "''",
        "sent_out_directions": "''",
    }
    col_r = columns(DefendantResponse)
    response_values = {
        "claim": "i",
        "kind": "'full_defence'",
        "data": "jsonb_set(%(defence)s::jsonb, '{hearing_court,court}', to_jsonb(court))",
        "submitted_by": "(%(defendants)s::bigint[])[1 + (i %% %(n_defendants)s)]",
        "submitted_at": "resp",
        "received_on": f"(resp {london}",
        "late": "false",
        "sot_signed_name": "'Sam Director'",
        "sot_signer_role": "'Director'",
        "sot_signed_on": f"(resp {london}",
        "payment_option": "''",
        "instalment_frequency": "''",
        "mediation_willing": "true",
        "preferred_court": "court",
        "on_paper": "false",
    }
    col_d = columns(ClaimantDecision)
    decision_values = {
        "claim": "i",
        "outcome": "'continue'",
        "data": "jsonb_set(jsonb_set(%(decision)s::jsonb, '{hearing_court,court}', to_jsonb(court)), "
                "'{mediation,willing}', to_jsonb(CASE WHEN state = %(med)s OR i %% 2 = 0 THEN 'yes' ELSE 'no' END))",
        "mediation_willing": "state = %(med)s OR i %% 2 = 0",
        "preferred_court": "court",
        "submitted_by": "(%(owners)s::bigint[])[1 + (i %% %(n_owners)s)]",
        "submitted_at": "decided",
        "received_on": f"(decided {london}",
    }
    col_o = columns(DirectionsOrder)
    order_values = {
        "claim": "i",
        "made_by": "%(adviser)s",
        "maker_name": "%(adviser_name)s",
        "maker_title": "%(adviser_title)s",
        "maker_role": "'legal_adviser'",
        "made_at": "order_at",
        "made_on": f"(order_at {london}",
        "standard": "'[\"documents\", \"witnesses\", \"settlement\", \"hearing\"]'::jsonb",
        "free_text": "''",
        "send_out_to": "'preferred_court'",
        "send_out_court": "court",
        "reason": "'directions have been given on the directions questionnaires (6C.1(1))'",
        "reconsider_by": "due_at",
    }
    inserts = []
    for table, cols, values, where in [
        (t_claims, col, claim_values, ""),
        (t_responses, col_r, response_values, ""),
        (t_decisions, col_d, decision_values, "WHERE state IN (%(med)s, %(dm)s)"),
        (t_orders, col_o, order_values, "WHERE state = %(dm)s"),
    ]:
        missing = common.unset_not_null_columns(table, {cols[k] for k in values} | {"id"})
        if missing:
            print(f"FAIL: NOT NULL columns of {table} without a default that the load does not set: {missing}")
            return 1
        inserts.append((table, f"INSERT INTO {qn(table)} ({', '.join(qn(cols[k]) for k in values)}) "
                               f"SELECT {', '.join(values.values())} FROM bench_rows {where}"))

    courts = [name for name, _ in COURTS]
    adviser_courts = [name for name, advisers in COURTS if advisers]
    params: dict[str, Any] = {
        "n": n, "t1": threshold, "t2": 2 * threshold, "t3": 3 * threshold, "t4": 4 * threshold,
        "med": MEDIATION, "dm": DIRECTIONS_MADE, "acr": AWAITING,
        "courts": courts, "n_courts": len(courts),
        "adviser_courts": adviser_courts, "n_adviser_courts": len(adviser_courts),
        "form_small": json.dumps(FORM_SMALL), "form_large": json.dumps(FORM_LARGE),
        "claimant_name": claimant_name, "defendant_name": defendant_name, "signer": CLAIMANT["full_name"],
        "per_letters": PER_LETTERS, "defence": json.dumps(DEFENCE), "decision": json.dumps(DECISION),
    }
    for size, (principal, interest, daily, fee) in FIGURES.items():
        params.update({f"{size}_principal": principal, f"{size}_interest": interest,
                       f"{size}_daily": daily, f"{size}_fee": fee})

    # --- load -------------------------------------------------------------------------
    load: dict[str, float] = {}
    t_load = t = time.perf_counter()
    with connection.cursor() as c:
        c.execute(f"TRUNCATE {qn(t_claims)}, {qn(t_notifications)}, {qn(JobRun._meta.db_table)}, {qn(t_centres)} "
                  "RESTART IDENTITY CASCADE")
    load["truncate"] = time.perf_counter() - t
    t = time.perf_counter()
    params["owners"] = common.ensure_owners(User)
    params["n_owners"] = len(params["owners"])
    params["defendants"] = ensure_defendants(User)
    params["n_defendants"] = len(params["defendants"])
    adviser = ensure_adviser(User, Group, StaffRole.LEGAL_ADVISER)
    params.update(adviser=adviser.pk, adviser_name=adviser.display_name, adviser_title=StaffRole.LEGAL_ADVISER.label)
    HearingCentre.objects.bulk_create([HearingCentre(name=name, legal_advisers=la) for name, la in COURTS])
    load["users_and_centres"] = time.perf_counter() - t
    t = time.perf_counter()
    with connection.cursor() as c:
        c.execute("DROP TABLE IF EXISTS bench_rows")
        c.execute("SELECT setseed(0.42)")
        c.execute(generate, params)
    load["generate"] = time.perf_counter() - t
    inserted: dict[str, int] = {}
    for table, insert in inserts:
        t = time.perf_counter()
        with connection.cursor() as c:
            c.execute(insert, params)
            inserted[table] = c.rowcount
        load[f"insert {table}"] = time.perf_counter() - t
    with connection.cursor() as c:
        for table in (t_claims, t_responses, t_decisions, t_orders):
            c.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), greatest(1, (SELECT max(id) FROM "
                      f"{qn(table)})))", [table])
        c.execute("DROP TABLE bench_rows")
    assert inserted[t_claims] == n, (inserted, n)
    t = time.perf_counter()
    common.vacuum_analyze(t_claims, User._meta.db_table)
    with connection.cursor() as c:
        for table in (t_responses, t_decisions, t_orders, t_centres, t_events, t_referrals, t_notifications):
            c.execute(f"VACUUM (ANALYZE) {qn(table)}")
    load["vacuum_analyze"] = time.perf_counter() - t
    load["total"] = time.perf_counter() - t_load

    expected = {kind: common.count_hashed(n, j * threshold, (j + 1) * threshold) for j, kind in enumerate(KINDS)}
    by_state = state_counts(Claim)
    sizes = {table: common.scalar("SELECT pg_size_pretty(pg_total_relation_size(%s))", [table])
             for table in (t_claims, t_responses, t_decisions, t_orders)}
    print(f"load: {n:,} claims in {load['total']:.1f} s  ["
          + ", ".join(f"{k} {v:.1f} s" for k, v in load.items() if k != "total") + "]")
    print("rows: " + ", ".join(f"{table} {inserted[table]:,} ({sizes[table]} with indexes)" for table in sizes))
    print("claims by state: " + ", ".join(f"{s} {c:,}" for s, c in by_state.items()))
    print("overdue rows: " + ", ".join(f"{k} {v:,}" for k, v in expected.items()))

    sweeps = {name: court_sweeps.get(name) for name, *_ in SWEEPS}
    now = clock.now()
    counts_ok = True
    for name, _index, kind, *_ in SWEEPS:
        got = sweeps[name].overdue(now).count()
        if got != expected[kind]:
            print(f"FAIL: {name} finds {got} overdue rows, expected {expected[kind]}")
            counts_ok = False
    if not counts_ok:
        return 1
    before = outcome_signatures(t_claims, t_events, threshold)

    # --- (a) each sweep's first-batch selection ---------------------------------------
    selection: dict[str, dict[str, Any]] = {}
    print()
    for name, index, kind, *_ in SWEEPS:
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

    # --- (b) full runs, then second runs ----------------------------------------------
    runs: dict[str, dict[str, Any]] = {}
    checks: dict[str, bool] = {
        f"{name}: first batch uses {index}": selection[name]["uses_expected_index"] for name, index, *_ in SWEEPS
    }
    for name, _index, kind, _state, _events, key_prefix in SWEEPS:
        rss_before = common.rss_mib()
        run, seconds, counter = common.counted_run(name, args.batch_size)
        rss_after = common.rss_mib()
        run2, seconds2, counter2 = common.counted_run(name, args.batch_size)
        due = expected[kind]
        emails = emails_by_role(t_notifications, key_prefix)
        left = sweeps[name].overdue(clock.now()).count()
        per_row = counter.per_row(run.examined)
        runs[name] = {
            "overdue": due, "seconds": seconds, "examined": run.examined, "changed": run.changed,
            "failed": run.failed, "errors": run.errors[:2000], "rows_per_s": run.changed / seconds if seconds else None,
            **counter.figures(run.examined),
            "notifications": emails, "overdue_left": left, "rss_mib_before": rss_before, "rss_mib_after": rss_after,
            "second_run": {"seconds": seconds2, "examined": run2.examined, "changed": run2.changed,
                           "failed": run2.failed, "sql_statements": counter2.total},
        }
        checks[f"{name}: first run changed every overdue row ({due:,})"] = run.changed == due == run.examined
        checks[f"{name}: first run had no failures"] = run.failed == 0
        checks[f"{name}: one email to each party per overdue row"] = emails == {"claimant": due, "defendant": due}
        checks[f"{name}: no overdue row left"] = left == 0
        checks[f"{name}: second run changed nothing"] = (run2.examined, run2.changed, run2.failed) == (0, 0, 0)
        print(f"\n(b) {name}: examined {run.examined:,}, changed {run.changed:,}, failed {run.failed} "
              f"in {seconds:.2f} s ({run.changed / seconds if seconds else 0:,.0f} rows/s); "
              f"{counter.total:,} SQL statements ({per_row:.1f} per row); emails {emails}")
        counter.print_kinds(44)
        print(f"    second run: examined {run2.examined}, changed {run2.changed} in {seconds2 * 1000:.1f} ms "
              f"({counter2.total} SQL statements)")
        if run.errors:
            print("    errors:\n" + "\n".join("      " + line for line in run.errors.splitlines()[:5]))

    # --- (c) what changed, row by row -------------------------------------------------
    after = outcome_signatures(t_claims, t_events, threshold)
    wanted: dict[tuple[str, str, str], int] = {}
    for _name, _index, kind, state, events, _prefix in SWEEPS:
        wanted[(kind, state, events)] = expected[kind]
    for (kind, state, events), count in before.items():
        assert events == "", (kind, state, events)
        if kind == "rest":
            wanted[(kind, state, "")] = count
    unexpected = {k: v for k, v in after.items() if wanted.get(k) != v}
    missing = {k: v for k, v in wanted.items() if after.get(k) != v}
    checks["each overdue row in its new state with exactly its timeline entries; every other row untouched"] = (
        not unexpected and not missing)
    if unexpected or missing:
        print("\nFAIL: (kind, state, timeline) counts differ: got " + repr(unexpected) + "; expected " + repr(missing))
    bad_fields = field_mismatches(t_claims, t_orders, threshold)
    checks["each changed row's deadline cleared and its stay or sending out recorded"] = not any(bad_fields.values())
    if any(bad_fields.values()):
        print(f"FAIL: rows whose columns are not as expected, by kind: {bad_fields}")
    referrals = referral_figures(t_referrals, t_claims, t_decisions, t_centres, threshold)
    due_mediation = expected["mediation_ended"]
    checks["one open directions referral per mediation claim, to the referee the rules give"] = (
        referrals["open"] == referrals["claims"] == referrals["overdue_claims"] == referrals["as_rules_give"]
        == due_mediation and referrals["all"] == due_mediation)
    job_runs = JobRun.objects.count()
    checks["one JobRun a run"] = job_runs == 2 * len(SWEEPS)
    peak = common.rss_mib()
    print(f"\nmediation referrals: {referrals['legal_adviser']:,} to a legal adviser, "
          f"{referrals['judge']:,} to a judge")

    # --- summary ----------------------------------------------------------------------
    w = 40
    lines = [
        *common.machine_lines(facts),
        ("claims in table", f"{n:,} ({sizes[t_claims]} with indexes)"),
        ("claims by state", ", ".join(f"{s} {c:,}" for s, c in by_state.items())),
        ("other rows", f"{inserted[t_responses]:,} responses, {inserted[t_decisions]:,} claimant decisions, "
                       f"{inserted[t_orders]:,} directions orders"),
        ("overdue rows per sweep", f"{args.overdue_percent:g}% each: " + ", ".join(
            f"{k} {v:,}" for k, v in expected.items())),
        ("load time", f"{load['total']:.1f} s"),
    ]
    for name, s in selection.items():
        lines.append((f"select {name.split('.', 1)[1]}",
                      f"{s['explain_execution_ms']:.3f} ms EXPLAIN, {s['python_median_ms']:.2f} ms Python; "
                      f"{', '.join(s['indexes_used']) or 'no index'}"))
    for name, r in runs.items():
        lines.append((f"run {name.split('.', 1)[1]}",
                      f"{r['seconds']:.2f} s, {r['changed']:,} rows, {r['sql_statements']:,} statements "
                      f"({r['sql_statements_per_row']:.1f}/row); 2nd run {r['second_run']['seconds'] * 1000:.1f} ms"))
    lines.append(("mediation referrals", f"{referrals['legal_adviser']:,} legal adviser, {referrals['judge']:,} judge"))
    lines.append(("peak RSS", f"{peak:.1f} MiB"))
    common.print_summary("Defended-claim sweeps benchmark", lines, checks, w, w + 70)

    common.write_json(args.json, {
        "rows": n, "overdue_percent": args.overdue_percent, "overdue": expected, "claims_by_state": by_state,
        "inserted": inserted, "table_sizes": sizes, "load_seconds": load, "selection": selection, "runs": runs,
        "referrals": referrals, "peak_rss_mib": peak, "checks": checks, "machine": facts,
    })
    return 0 if all(checks.values()) else 1


# --- users ------------------------------------------------------------------------------

def ensure_defendants(User: Any) -> list[int]:
    """The defendants' accounts (each claim is linked to one): created once and reused."""
    have = set(User.objects.filter(email__startswith=DEFENDANT_PREFIX).values_list("email", flat=True))
    new = []
    for k in range(DEFENDANTS):
        email = DEFENDANT_EMAIL.format(k)
        if email not in have:
            user = User(email=email, first_name="Bench", last_name=f"Defendant {k}")
            user.set_unusable_password()
            new.append(user)
    if new:
        User.objects.bulk_create(new, batch_size=1000)
    return list(User.objects.filter(email__startswith=DEFENDANT_PREFIX).order_by("pk").values_list("pk", flat=True))


def ensure_adviser(User: Any, Group: Any, role: Any) -> Any:
    """The legal adviser who made the directions orders (staff, in the legal adviser group)."""
    user = User.objects.filter(email=ADVISER_EMAIL).first()
    if user is None:
        user = User(email=ADVISER_EMAIL, first_name="Lee", last_name="Adviser", is_staff=True)
        user.set_unusable_password()
        user.save()
    group, _ = Group.objects.get_or_create(name=role.value)
    user.groups.set([group])
    return user


# --- checking ---------------------------------------------------------------------------

def kind_sql(threshold: int) -> tuple[str, list[int]]:
    """A SQL expression naming the row kind of the claim whose id is ``i``, and its parameters."""
    h = common.HASH
    cases = " ".join(f"WHEN {h} < %s THEN '{kind}'" for kind in KINDS)
    return f"CASE {cases} ELSE 'rest' END", [(j + 1) * threshold for j in range(len(KINDS))]


def state_counts(Claim: Any) -> dict[str, int]:
    from django.db.models import Count

    return dict(Claim.objects.order_by("state").values_list("state").annotate(n=Count("pk")))


def outcome_signatures(t_claims: str, t_events: str, threshold: int) -> dict[tuple[str, str, str], int]:
    """How many claims there are of each (row kind, state, timeline entries oldest first)."""
    from django.db import connection

    qn = connection.ops.quote_name
    kind, params = kind_sql(threshold)
    with connection.cursor() as c:
        c.execute(f"""
            SELECT k, state, coalesce(e.kinds, ''), count(*)
            FROM (SELECT id, state, {kind} AS k FROM (SELECT id AS i, id, state FROM {qn(t_claims)}) AS x) AS c
            LEFT JOIN (SELECT claim_id, string_agg(kind, ',' ORDER BY recorded_at, id) AS kinds
                       FROM {qn(t_events)} GROUP BY claim_id) AS e ON e.claim_id = c.id
            GROUP BY 1, 2, 3
        """, params)
        return {(k, state, events): count for k, state, events, count in c.fetchall()}


def field_mismatches(t_claims: str, t_orders: str, threshold: int) -> dict[str, int]:
    """By row kind, the claims whose columns are not what the sweep (or no sweep) should leave."""
    from django.db import connection

    qn = connection.ops.quote_name
    kind, params = kind_sql(threshold)
    ok = f"""CASE k
        WHEN 'mediation_ended' THEN mediation_ends_at IS NULL AND send_out_due_at IS NULL AND stayed_at IS NULL
        WHEN 'reconsideration_passed' THEN send_out_due_at IS NULL AND sent_out_at IS NOT NULL
             AND sent_out_to = 'preferred_court'
             AND sent_out_court = (SELECT o.send_out_court FROM {qn(t_orders)} AS o WHERE o.claim_id = c.id)
        WHEN 'no_step_6_months' THEN inactivity_stay_at IS NULL AND claimant_response_deadline IS NULL
             AND stayed_at IS NOT NULL AND state_before_stay = '{AWAITING}' AND NOT stay_lifts_on_answer
             AND stay_reason LIKE '%%(12.1)%%'
        WHEN 'claimant_silent' THEN claimant_response_deadline IS NULL AND stayed_at IS NOT NULL
             AND state_before_stay = '{AWAITING}' AND NOT stay_lifts_on_answer AND stay_reason LIKE '%%6.2(4)%%'
        ELSE stayed_at IS NULL AND sent_out_at IS NULL AND CASE state
             WHEN '{MEDIATION}' THEN mediation_ends_at > now()
             WHEN '{DIRECTIONS_MADE}' THEN send_out_due_at > now()
             ELSE claimant_response_deadline > now() AND inactivity_stay_at > now() END
    END"""
    with connection.cursor() as c:
        c.execute(f"""
            SELECT k, count(*) FILTER (WHERE NOT coalesce({ok}, false))
            FROM (SELECT *, {kind} AS k FROM (SELECT id AS i, * FROM {qn(t_claims)}) AS x) AS c
            GROUP BY k
        """, params)
        return dict(c.fetchall())


def referral_figures(t_referrals: str, t_claims: str, t_decisions: str, t_centres: str,
                     threshold: int) -> dict[str, int]:
    """The referrals: how many, on how many claims, how many on mediation-ended claims, and how many
    go where ``defended.rules`` says (a legal adviser for £1,000 or less at a court where they operate)."""
    from django.db import connection

    qn = connection.ops.quote_name
    h = common.HASH.replace("i::bigint", "c.id::bigint")
    with connection.cursor() as c:
        c.execute(f"""
            SELECT count(*) FILTER (WHERE r.closed_at IS NULL AND r.kind = 'directions'),
                   count(DISTINCT r.claim_id),
                   count(DISTINCT r.claim_id) FILTER (WHERE {h} < %s),
                   count(*) FILTER (WHERE r.to = CASE WHEN c.principal + c.interest <= 1000 AND EXISTS (
                       SELECT 1 FROM {qn(t_centres)} AS hc
                       WHERE upper(hc.name) = upper(d.preferred_court) AND hc.legal_advisers)
                       THEN 'legal_adviser' ELSE 'judge' END),
                   count(*) FILTER (WHERE r.to = 'legal_adviser'),
                   count(*) FILTER (WHERE r.to = 'judge'),
                   count(*)
            FROM {qn(t_referrals)} AS r
            JOIN {qn(t_claims)} AS c ON c.id = r.claim_id
            LEFT JOIN {qn(t_decisions)} AS d ON d.claim_id = r.claim_id
        """, [threshold])
        names = ["open", "claims", "overdue_claims", "as_rules_give", "legal_adviser", "judge", "all"]
        return dict(zip(names, c.fetchone(), strict=True))


def emails_by_role(t_notifications: str, key_prefix: str) -> dict[str, int]:
    """The outbox emails whose key starts with ``key_prefix`` (no ``%`` or ``_`` in it), by the role
    the key ends with."""
    from django.db import connection

    qn = connection.ops.quote_name
    with connection.cursor() as c:
        c.execute(f"SELECT substring(key FROM '[^:]+$'), count(*) FROM {qn(t_notifications)} WHERE key LIKE %s "
                  "GROUP BY 1 ORDER BY 1", [key_prefix + "%"])
        return dict(c.fetchall())


if __name__ == "__main__":
    sys.exit(main())
