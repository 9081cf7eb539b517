#!/usr/bin/env bash
# Installs the Debian packages the set-up needs, when they are missing.
#   install-system-libs.sh test   -> the libraries offscreen Qt tests need
#   install-system-libs.sh run    -> that, plus what a real X11 window needs
#   install-system-libs.sh venv   -> what `$PYTHON -m venv` needs (default python3): Debian
#                                    ships ensurepip apart, in python3-venv / python3.X-venv
# Modes combine (`test venv`) so that a bare machine runs apt-get once.
# As root with apt-get it installs them; otherwise it prints the exact command and fails.
set -euo pipefail

base=(libglib2.0-0 libgl1 libegl1 libx11-6 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core)
window=(libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
        libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0)
python=${PYTHON:-python3}

modes=("$@")
((${#modes[@]})) || modes=(test)
qt=() venv=0
for mode in "${modes[@]}"; do
    case "$mode" in
        test) qt+=("${base[@]}") ;;
        run)  qt+=("${base[@]}" "${window[@]}") ;;
        venv) venv=1 ;;
        *) echo "usage: $0 [test|run|venv]..." >&2; exit 2 ;;
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
    if ((${#qt[@]})); then
        echo "Not a Debian-like system: make sure the Qt 6 runtime libraries (GL, EGL, X11, xkbcommon, fontconfig) are installed." >&2
    fi
    if ((${#missing[@]})); then
        echo "$python cannot create a virtual environment (no ensurepip or venv module): install your system's venv package for it." >&2
        exit 1
    fi
    exit 0
fi

for pkg in "${qt[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
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
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
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
