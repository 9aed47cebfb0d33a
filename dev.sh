#!/usr/bin/env bash
# metodesk developer entry point. On a fresh Debian/Ubuntu machine:
#   ./dev.sh run    set everything up, fill the demo school, open the window
#   ./dev.sh test   set everything up, run the whole test suite headless
# Also: ./dev.sh setup | i18n | build (a one-folder program in dist/metodesk)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
VENV=$ROOT/.venv
PY=$VENV/bin/python

# System packages. Qt's offscreen platform (the tests) loads libegl1 libgl1
# libdbus-1-3 libfontconfig1 libglib2.0-0 libxkbcommon0; a real window (xcb) also
# loads the libx11-xcb1 / libxcb-* / libxkbcommon-x11-0 libraries below (when Qt
# says "xcb-cursor0 or libxcb-cursor0 is needed", QT_DEBUG_PLUGINS=1 shows which
# library is really missing). xvfb and xauth give a window without a screen
# (xvfb-run); python3-venv makes .venv; poppler-utils (pdftoppm, pdftotext,
# pdffonts) is for looking at the PDFs metodesk writes. postgresql is the server the
# tests run every database test against as well (a throwaway cluster, see test_server).
SYSTEM_PACKAGES=(
  python3-venv
  libegl1 libgl1 libdbus-1-3 libfontconfig1 libglib2.0-0 libxkbcommon0
  libx11-xcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1
  libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxcb1 libxkbcommon-x11-0 xvfb xauth
  poppler-utils postgresql
)

say() { printf 'metodesk: %s\n' "$*" >&2; }

system_setup() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian/Ubuntu system: install the Qt libraries listed in dev.sh yourself"; return 0; }
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    say "installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "these system packages are missing; install them, then run this command again:"
    echo "sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
}

python_setup() {
  local python=${PYTHON:-python3}
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' || { say "Python 3.10 or newer is needed"; exit 1; }
  [ -x "$PY" ] || "$python" -m venv "$VENV"
  local stamp=$VENV/.metodesk-installed
  local want
  want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing metodesk and its dependencies into .venv"
    "$PY" -m pip install -q --upgrade pip
    "$PY" -m pip install -q -e ".[test]"
    echo "$want" > "$stamp"
  fi
  "$PY" scripts/i18n.py compile >/dev/null 2>&1 || "$PY" scripts/i18n.py compile
}

setup() { system_setup; python_setup; }

# The tests' PostgreSQL: a throwaway cluster in a temporary folder, owned by an
# unprivileged user (PostgreSQL refuses root, and CI runs as root), on a Unix socket
# only, stopped and removed when this script ends. Its URL goes to pytest as
# METODESK_TEST_PG_URL. Under CI=true a server that cannot start fails the run; on a
# developer's machine the PostgreSQL tests then skip, saying why.
PG_DIR=
stop_test_server() { [ -z "$PG_DIR" ] || "$ROOT/scripts/pg_cluster.sh" stop "$PG_DIR" || true; }
test_server() {
  [ -z "${METODESK_TEST_PG_URL:-}" ] || return 0  # one given from outside is used as it is
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/metodesk-pg.XXXXXX")
  trap stop_test_server EXIT
  local url
  if url=$("$ROOT/scripts/pg_cluster.sh" start "$PG_DIR"); then
    export METODESK_TEST_PG_URL=$url
    say "PostgreSQL for the tests: $url"
  elif [ "${CI:-}" = "true" ]; then
    say "PostgreSQL could not start for the tests (see above); under CI that is a failure"
    exit 1
  else
    say "PostgreSQL could not start (see above): the tests that need it will be skipped"
  fi
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  setup) setup ;;
  run)
    setup
    export METODESK_DATA_DIR=${METODESK_DATA_DIR:-$ROOT/.demo-data}
    [ -f "$METODESK_DATA_DIR/metodesk.sqlite3" ] || "$PY" -m metodesk demo
    exec "$PY" -m metodesk "$@"
    ;;
  test)
    setup
    export QT_QPA_PLATFORM=offscreen
    say "checking types (mypy)"
    "$PY" -m mypy
    test_server
    # Not exec: the trap stops the test server when pytest is done.
    if [ $# -eq 0 ]; then
      # The whole suite: one worker per core, each taking whole test files (a module's
      # fixtures are made once), the 20 slowest tests listed at the end.
      "$PY" -m pytest -n auto --dist loadfile --durations=20
    else
      "$PY" -m pytest "$@"  # what was asked for, in this one process
    fi
    ;;
  i18n) python_setup; "$PY" scripts/i18n.py all ;;
  build)
    setup
    "$PY" -m pip install -q -e ".[build]"
    "$PY" -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller build_spec/metodesk.spec
    say "built dist/metodesk/metodesk"
    ;;
  *)
    echo "usage: ./dev.sh run | test | setup | i18n | build" >&2
    exit 2
    ;;
esac
