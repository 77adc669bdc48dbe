#!/usr/bin/env bash
# The browser tests (tests/e2e, Playwright) drive Debian's Chromium at /usr/bin/chromium.
# Installs it with apt-get when it is missing; does nothing when it is there.
# Needs root, or sudo. `make test` runs this; `make run` does not need a browser.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: $CHROMIUM is missing and there is no apt-get here;" >&2
    echo "install Chromium so that $CHROMIUM exists, then run make test again." >&2
    exit 1
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "ensure-chromium: installing Chromium needs root: run 'apt-get install chromium' as root." >&2
        exit 1
    fi
    SUDO=(sudo)
fi

echo "ensure-chromium: installing Debian's chromium package for the browser tests"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null

if [ ! -x "$CHROMIUM" ]; then
    echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2
    exit 1
fi
"$CHROMIUM" --version 2>/dev/null || true
