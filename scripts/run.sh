#!/usr/bin/env bash
# Starts the background worker (with the scheduler) and the web server together;
# stopping the web server (Ctrl-C) stops the worker too.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${PORT:-8000}"
mkdir -p var
.venv/bin/celery -A ocmc worker --beat --loglevel=INFO --concurrency=2 >var/worker.log 2>&1 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true; wait $WORKER 2>/dev/null || true' EXIT INT TERM
echo
echo "Money Claims is running at http://127.0.0.1:${PORT}/  (court staff: http://127.0.0.1:${PORT}/admin/)"
echo "Background worker and scheduler: log in var/worker.log; emails are written to var/mail/"
$PY manage.py seed_demo | sed 's/^/  /'
echo
$PY manage.py runserver "127.0.0.1:${PORT}" --noreload
