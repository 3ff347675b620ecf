#!/usr/bin/env bash
# Sets up a development environment on Debian/Ubuntu from nothing, then runs one job:
#   bash installers/dev/setup.sh sample   build the sample portfolio, export + verify its bundle, open it
#   bash installers/dev/setup.sh test     lint (ruff, mypy), then the test suite on every core
#   bash installers/dev/setup.sh test ARGS   only pytest ARGS (e.g. one file), no lint
#   bash installers/dev/setup.sh lint     ruff check and mypy (CONTRIBUTING.md)
#   bash installers/dev/setup.sh freeze   build the Linux installers and run the frozen-build tests (-m freeze)
# Installs the system libraries Qt needs (apt, when run as root or with sudo) and a virtualenv in .venv;
# `freeze` also installs the packaging tools (PyInstaller in the venv; lintian, dpkg-dev, strace, ... from apt).
set -euo pipefail
cd "$(dirname "$0")/../.."
job="${1:-sample}"

# Qt's own needs, then what its X11 (xcb) and Wayland platform plugins load to show a window on a desktop.
apt_packages=(python3 python3-venv python3-pip libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0
              libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core zip
              libimage-exiftool-perl
              libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
              libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
              libwayland-client0 libwayland-cursor0
              desktop-file-utils  # desktop-file-validate: the menu entry is checked by the normal suite
              chromium chromium-driver)  # headless, offline: the bundle's HTML pages get an accessibility check
if [ "$job" = freeze ]; then
  # Building and checking the .deb and tarball: strip/ar/objdump, dpkg, xz, lintian; strace for the
  # no-network checks; the DejaVu fonts the .deb links to instead of carrying its own copies.
  apt_packages+=(binutils dpkg-dev xz-utils lintian strace fonts-dejavu-extra)
fi
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
extras=test; [ "$job" = freeze ] && extras=test,freeze
stamp=.venv/.installed-$extras-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[$extras]"
  touch "$stamp"
fi

lint() {
  # Style and types first: a finding fails the run before the suite starts (settings in pyproject.toml).
  .venv/bin/ruff check .
  .venv/bin/ruff format --check .
  .venv/bin/mypy
}

case "$job" in
  sample) exec .venv/bin/portfolio-builder sample --dir sample-output ;;
  lint) lint ;;
  test)
    if [ $# -le 1 ]; then lint; fi  # the whole suite (CI) is linted first; a run of chosen tests is not
    set +e
    # -n: one worker per core (pytest-xdist), tests handed out one by one as workers free up (what the run
    # shares is built once for all workers, tests/shared_builds.py); PYTEST_WORKERS=0 runs in this process
    # (for a debugger)
    # The tests' temporary files go on a RAM disk when the machine has room for the largest (a 1.5 GB
    # recording stored and exported: 4.5 GB at once) with memory to spare: there a sync costs nothing, and
    # the suite waits on thousands of them. Both the RAM disk's free space and the memory actually
    # available count (a tmpfs may claim more than the machine has).
    basetemp=()
    shm_free_kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR==2 {print $4}')
    mem_free_kb=$(awk '/^MemAvailable:/ {print $2}' /proc/meminfo 2>/dev/null)
    room_kb=$((12 * 1024 * 1024))
    if [ "${shm_free_kb:-0}" -gt $room_kb ] && [ "${mem_free_kb:-0}" -gt $room_kb ]; then
      basetemp=(--basetemp "/dev/shm/portfolio-builder-tests-$(id -u)")
    fi
    # Bytecode is written (to the gitignored __pycache__ folders) even where the environment says not to:
    # else every worker and every program a test starts compiles the app and the tests from source again.
    # The app is compiled once up front, on every core, rather than by each worker at once.
    .venv/bin/python -m compileall -q -j 0 portfolio_builder >/dev/null
    PYTHONDONTWRITEBYTECODE= QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider -n "${PYTEST_WORKERS:-auto}" --dist load "${basetemp[@]}" "${@:2}"
    status=$?
    [ ${#basetemp[@]} -gt 0 ] && rm -rf "${basetemp[1]}"  # RAM given back; pytest would keep it until the next run
    # pytest exits 5 when it collects no tests: that is a failure of the suite, said plainly.
    [ $status -eq 5 ] && echo "No tests were collected." >&2 && exit 1
    exit $status ;;
  freeze)
    exec .venv/bin/python -m pytest -q -p no:cacheprovider -m freeze tests/freeze "${@:2}" ;;
  *) echo "usage: $0 sample|test|lint|freeze" >&2; exit 2 ;;
esac
