#!/usr/bin/env bash
# Starts the background worker (with the scheduler) and the web server together. Ctrl-C, or
# SIGTERM to this script, stops both, and every process they started, within 10 seconds: the
# worker gets SIGTERM (finish the task in hand), then SIGQUIT (cold shutdown), then SIGKILL.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${PORT:-8000}"
VAR_DIR="${OCMC_VAR_DIR:-var}"
#: Seconds the worker may spend finishing its task before a cold shutdown, and after it.
WARM_GRACE=3
COLD_GRACE=3
mkdir -p "$VAR_DIR"

worker=""
web=""

# True while any process of the group is alive (the worker's pool and beat children included).
group_alive() { kill -0 -- "-$1" 2>/dev/null; }

# Wait up to $2 seconds for the process group $1 to end.
wait_group() {
  local deadline=$((SECONDS + $2))
  while group_alive "$1" && ((SECONDS < deadline)); do sleep 0.1; done
  ! group_alive "$1"
}

stop() {
  set +e
  trap '' INT TERM  # a second Ctrl-C must not cut the shutdown short and leave orphans
  trap - EXIT
  [[ -n "$web" ]] && kill -TERM -- "-$web" 2>/dev/null
  if [[ -n "$worker" ]]; then
    kill -TERM -- "-$worker" 2>/dev/null
    wait_group "$worker" "$WARM_GRACE" || kill -QUIT -- "-$worker" 2>/dev/null
    wait_group "$worker" "$COLD_GRACE" || kill -KILL -- "-$worker" 2>/dev/null
  fi
  [[ -n "$web" ]] && { wait_group "$web" 1 || kill -KILL -- "-$web" 2>/dev/null; }
  wait 2>/dev/null
  exit "${1:-0}"
}
trap 'stop 130' INT
trap 'stop 143' TERM
trap 'stop $?' EXIT

# Each in a process group of its own (setsid), so that stop() reaches every process either one
# starts, and the terminal's Ctrl-C reaches only this script, which then stops them in order.
setsid .venv/bin/celery -A ocmc worker --beat --loglevel=INFO --concurrency=2 >"$VAR_DIR/worker.log" 2>&1 &
worker=$!
echo
echo "Money Claims is running at http://127.0.0.1:${PORT}/  (court staff: http://127.0.0.1:${PORT}/admin/)"
echo "Background worker and scheduler: log in $VAR_DIR/worker.log; emails are written to $VAR_DIR/mail/"
$PY manage.py seed_demo | sed 's/^/  /'
echo
setsid $PY manage.py runserver "127.0.0.1:${PORT}" --noreload &
web=$!
# `wait` (unlike a foreground command) returns as soon as a signal arrives, so the traps run at once.
wait "$web"
