#!/usr/bin/env bash
# Installs the Debian packages the set-up needs, when they are missing.
#   install-system-libs.sh test   -> the libraries offscreen Qt tests need, the validators
#                                    of the .desktop and AppStream files (tests/test_packaging.py),
#                                    and PostgreSQL, which the database tests and `make bench`
#                                    start on 127.0.0.1 for their run (tests/postgres_server.py)
#   install-system-libs.sh run    -> that, plus what a real X11 window needs
#   install-system-libs.sh bundle -> the offscreen libraries, and binutils (objdump), which
#                                    PyInstaller needs to build the bundle (make bundle)
#   install-system-libs.sh screenshots -> what a window needs, and Xvfb to show it in
#                                    without a display (make screenshots)
#   install-system-libs.sh venv   -> what `$PYTHON -m venv` needs (default python3): Debian
#                                    ships ensurepip apart, in python3-venv / python3.X-venv
# Modes combine (`test venv`) so that a bare machine runs apt-get once.
# As root with apt-get it installs them; otherwise it prints the exact command and fails.
# PostgreSQL is optional: without root it is named on stderr and the set-up goes on (the
# tests then run on SQLite alone and say, in pytest's summary, why PostgreSQL was skipped).
set -euo pipefail

base=(libglib2.0-0 libgl1 libegl1 libx11-6 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
window=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
        libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)
validators=(desktop-file-utils appstream)  # desktop-file-validate, appstreamcli
pyinstaller=(binutils)
xserver=(xvfb xauth)  # xvfb-run: the README's screenshots from a real window (make screenshots)
server=(postgresql)  # Debian's PostgreSQL (15 on bookworm), with its contrib modules (unaccent)
python=${PYTHON:-python3}

modes=("$@")
((${#modes[@]})) || modes=(test)
wanted=() optional=() venv=0  # the Debian packages the modes ask for
for mode in "${modes[@]}"; do
    case "$mode" in
        test) wanted+=("${base[@]}" "${validators[@]}") optional+=("${server[@]}") ;;
        run)  wanted+=("${base[@]}" "${window[@]}") ;;
        screenshots) wanted+=("${base[@]}" "${window[@]}" "${xserver[@]}") ;;
        bundle) wanted+=("${base[@]}" "${pyinstaller[@]}") ;;
        venv) venv=1 ;;
        *) echo "usage: $0 [test|run|bundle|screenshots|venv]..." >&2; exit 2 ;;
    esac
done

have_venv() { "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; }

missing=()
if ((venv)) && ! have_venv; then
    if ! command -v "$python" >/dev/null 2>&1; then
        if [[ "$python" != python3 ]]; then
            echo "$python not found: set PYTHON to a Python 3.11 or newer." >&2
            exit 1
        fi
        missing+=(python3 python3-venv)
    else
        # python3-venv is for the default python3; the versioned one is for this Python.
        version=$("$python" -c 'import sys; print(f"python{sys.version_info[0]}.{sys.version_info[1]}")')
        missing+=(python3-venv "$version-venv")
    fi
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    if ((${#wanted[@]})); then
        echo "Not a Debian-like system: make sure the Qt 6 runtime libraries (GL, EGL, X11, xkbcommon, fontconfig) are installed." >&2
    fi
    if ((${#missing[@]})); then
        echo "$python cannot create a virtual environment (no ensurepip or venv module): install your system's venv package for it." >&2
        exit 1
    fi
    exit 0
fi

installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}
for pkg in "${wanted[@]}"; do
    installed "$pkg" || missing+=("$pkg")
done
can_install=0
[[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1 && can_install=1
for pkg in "${optional[@]}"; do
    if installed "$pkg"; then
        continue
    elif ((can_install)); then
        missing+=("$pkg")
    else
        echo "Note: $pkg is not installed, so the tests run on SQLite alone. Run as root:" >&2
        echo "    apt-get update && apt-get install -y --no-install-recommends $pkg" >&2
    fi
done
# Dedupe, keeping the order (`test run` names the base libraries twice).
declare -A seen=()
unique=()
for pkg in "${missing[@]}"; do
    [[ -n "${seen[$pkg]:-}" ]] || unique+=("$pkg")
    seen[$pkg]=1
done
missing=("${unique[@]}")
((${#missing[@]} == 0)) && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if ((can_install)); then
    echo "Installing system packages for the set-up: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    $cmd
    if ((venv)) && ! have_venv; then
        echo "$python still has no ensurepip or venv module after installing ${missing[*]}." >&2
        exit 1
    fi
else
    echo "The set-up needs these system packages (${missing[*]}). Run as root:" >&2
    echo "    apt-get update && $cmd" >&2
    exit 1
fi
